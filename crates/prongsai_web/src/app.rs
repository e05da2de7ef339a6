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

    /// The years pages and the API accept: from the oldest framework to next fiscal year (Thai time).
    pub fn open_years(&self) -> std::ops::RangeInclusive<u16> {
        let today = crate::views::dates::today();
        // Fiscal year N (BE) runs from 1 October of CE N − 544 to 30 September of CE N − 543.
        let ce = i32::from(today.year()) + if today.month() >= 10 { 1 } else { 0 };
        let current = u16::try_from(ce + 543).unwrap_or(2569);
        let oldest = self.catalog.years().first().copied().unwrap_or(2563);
        oldest..=current.saturating_add(1).max(self.current_year())
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
