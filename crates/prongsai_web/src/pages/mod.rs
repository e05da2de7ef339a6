//! Server-rendered Thai pages, one module per resource; every handler authorizes through `authz`.

pub mod account;
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
pub mod reset;
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

/// The year a page opens on without `?year=`: the newest of `scored` (the years with scores) that the
/// catalog knows, else the current fiscal year.
pub fn default_year(app: &App, scored: &[u16]) -> u16 {
    scored
        .iter()
        .copied()
        .filter(|y| app.catalog.framework(*y).is_some())
        .max()
        .unwrap_or_else(|| app.current_year())
}

/// The default year of an agency's pages (see [`default_year`]), for pages without a year of their own.
pub async fn agency_year(app: &App, agency: AgencyId) -> Result<u16, WebError> {
    Ok(default_year(
        app,
        &prongsai_db::assessments::years(&app.db, agency).await?,
    ))
}

/// `?year=` on pages that default to a year of their choosing (see [`default_year`]).
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
    /// Set after inviting a user.
    pub invited: Option<u8>,
}
