//! The web stories, in-process (`Router::oneshot`) against real SQLite and real PostgreSQL: each story runs on both.

// Story helpers are ordinary functions called from the generated #[tokio::test]s, so clippy's
// allow-unwrap-in-tests does not reach them; a failed unwrap is a failed test, which is the point.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

mod admin;
mod api;
mod audit;
mod csrf;
mod dashboard;
mod escaping;
mod hardening;
mod import;
mod login;
mod matrix;
mod measures;
mod pages;
mod passwords;
mod results;
mod scores;
