//! The Thai web application and JSON API of Prongsai: accounts, roles, scores, analysis, measures, progress, evidence.
//!
//! Entry points for the CLI: [`Config::load`], [`App::new`], [`router`], [`serve`], [`auth::hash_password`]
//! and the [`demo`] module.

pub mod api;
pub mod app;
pub mod assessment;
pub mod auth;
pub mod authz;
pub mod config;
pub mod demo;
pub mod error;
mod health;
pub mod limits;
pub mod pages;
pub mod router;
mod serve;
mod static_files;
pub mod texts;
pub mod uploads;
pub mod views;

pub use app::{App, AppState};
pub use config::{Config, ConfigError, SecureCookies};
pub use error::WebError;
pub use router::router;
pub use serve::serve;
