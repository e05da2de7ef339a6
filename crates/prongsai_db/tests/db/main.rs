//! Story tests of prongsai_db, each run on SQLite and on PostgreSQL (`<story>::sqlite`, `<story>::postgres`).

// The stories are test code, but clippy's allow-unwrap-in-tests only sees `#[test]` fns, not the story fns
// and fixtures that `db_test!` calls.
#![allow(clippy::unwrap_used)]

mod accounts;
mod audit_log;
mod fixtures;
mod measures;
mod progress_evidence;
mod read_models;
mod roles;
mod schema;
mod scores;
mod sessions;
