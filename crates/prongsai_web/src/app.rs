//! The application, built once at start-up and shared by every request as `AppState(Arc<App>)`.

use std::ops::Deref;
use std::sync::Arc;

use prongsai_db::Db;
use prongsai_domain::Catalog;

use crate::auth::{SigningKey, Throttle};
use crate::config::Config;
use crate::error::WebError;

/// Everything a request may need: configuration, database, the embedded ITA catalog, login throttling.
#[derive(Debug)]
pub struct App {
    /// The configuration it was started with.
    pub config: Config,
    /// The database (SQLite or PostgreSQL).
    pub db: Db,
    /// Frameworks and guidance by fiscal year.
    pub catalog: Catalog,
    /// Recent login failures.
    pub throttle: Throttle,
    /// Signs the CSRF tokens of visitors without a login (no session row for them).
    pub visitor_key: SigningKey,
}

impl App {
    /// Builds the app; fails only if the catalog embedded in the binary does not validate (a build bug).
    pub fn new(config: Config, db: Db) -> Result<App, WebError> {
        let catalog = Catalog::embedded()
            .map_err(|e| WebError::Internal(format!("embedded catalog: {e}")))?;
        Ok(App {
            config,
            db,
            catalog,
            throttle: Throttle::default(),
            visitor_key: SigningKey::random()?,
        })
    }

    /// The newest fiscal year the catalog knows (the default year of pages).
    pub fn current_year(&self) -> u16 {
        self.catalog.years().last().copied().unwrap_or(2568)
    }
}

/// The shared state handed to handlers.
#[derive(Debug, Clone)]
pub struct AppState(pub Arc<App>);

impl AppState {
    /// Wraps an app.
    pub fn new(app: App) -> AppState {
        AppState(Arc::new(app))
    }
}

impl Deref for AppState {
    type Target = App;

    fn deref(&self) -> &App {
        &self.0
    }
}
