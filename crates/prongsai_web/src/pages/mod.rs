//! Server-rendered Thai pages, one module per resource; every handler authorizes through `authz`.

pub mod admin;
pub mod analysis;
pub mod dashboard;
pub mod documents;
pub mod error_page;
pub mod evidence;
pub mod home;
pub mod import;
pub mod measures;
pub mod progress;
pub mod province;
pub mod scores;
pub mod tokens;

use prongsai_db::{AgencyId, agencies, agencies::Agency};
use serde::Deserialize;

use crate::app::App;
use crate::auth::Principal;
use crate::authz::{self, Action, Resource};
use crate::error::WebError;

/// Loads an agency and checks `action` on it (404 when invisible to `me`, 403 when visible only).
pub async fn agency_for(
    app: &App,
    me: &Principal,
    id: AgencyId,
    action: Action,
) -> Result<Agency, WebError> {
    let agency = agencies::get(&app.db, id).await?;
    authz::require(me, action, &Resource::agency(&agency))?;
    Ok(agency)
}

/// `?year=` on pages that default to the current fiscal year.
#[derive(Debug, Deserialize)]
pub struct YearQuery {
    /// Buddhist-era fiscal year.
    pub year: Option<u16>,
}

/// A one-line notice passed in the query after a redirect (`?saved=1`).
#[derive(Debug, Default, Deserialize)]
pub struct Notice {
    /// Set after a successful save.
    pub saved: Option<u8>,
    /// Set after copying measures: how many.
    pub copied: Option<usize>,
}
