//! Prongsai's persistence: one sqlx (`Any`) code path over SQLite and PostgreSQL, with an append-only audit log.
//!
//! Connect with [`Db::connect`] (`sqlite://file.db`, `sqlite::memory:` or `postgres://…`), run
//! [`Db::migrate`], then call the module functions: each takes `&Db`; each mutation also takes an
//! [`Actor`], runs in one transaction and appends an audit row in that same transaction.
//! Authorization is not decided here (the web crate does); [`memberships::agencies_visible`] helps it.
//!
//! # Tables (`migrations/sqlite` and `migrations/postgres`, identical file names)
//!
//! | table | module | holds |
//! |---|---|---|
//! | `agencies` | [`agencies`] | assessed organisations (name, kind, district, province, website) |
//! | `units` | [`units`] | internal units of an agency (สำนักปลัด, กองคลัง …) |
//! | `users` | [`users`] | accounts: email, display name, PHC password hash, language, disabled |
//! | `memberships` | [`memberships`] | role grants: user + role + scope (system, province, agency, unit) |
//! | `api_tokens` | [`tokens`] | API tokens: SHA-256 of the secret, last use, revoked |
//! | `password_resets` | [`password_resets`] | one-time reset links: SHA-256 of the secret, expiry, used |
//! | `assessments`, `assessment_scores` | [`assessments`] | one score set per agency and fiscal year, in hundredths |
//! | `analysis_notes` | [`analyses`] | edited cause/guidance/note per indicator, agency and year |
//! | `document_texts`, `agency_signers` | [`documents`] | title, introduction, closing and signing date per document and year; the signer |
//! | `measures`, `measure_links`, `measure_units` | [`measures`] | planned measures, linked codes, responsible units |
//! | `progress` | [`progress`] | implementation entries of a measure |
//! | `evidence` | [`evidence`] | files (bytes in the database) and URLs backing a measure or entry |
//! | `sessions` | [`sessions`] | web sessions of logged-in users that survive a restart |
//! | `audit_log` | [`audit`] | who changed what, when, before → after (append-only, enforced by triggers) |
//!
//! Storage conventions, chosen so the `Any` driver reads the same types on both backends: ids `BIGINT`
//! read as `i64`; timestamps `TEXT` RFC 3339 UTC with microseconds; dates `TEXT` `YYYY-MM-DD`; JSON as
//! `TEXT`; flags `0/1` integers; scores as integer hundredths (99.38 → 9938).

pub mod agencies;
pub mod analyses;
pub mod assessments;
pub mod audit;
mod db;
pub mod documents;
mod error;
pub mod evidence;
mod ids;
pub mod measures;
pub mod memberships;
pub mod password_resets;
pub mod progress;
pub mod sessions;
mod time;
pub mod tokens;
pub mod units;
pub mod users;

pub use audit::{Actor, AuditEntry};
pub use db::{Backend, Db};
pub use error::DbError;
pub use ids::{
    AgencyId, AssessmentId, EvidenceId, MeasureId, MembershipId, ProgressId, TokenId, UnitId,
    UserId,
};
