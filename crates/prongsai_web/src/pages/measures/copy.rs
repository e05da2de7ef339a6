//! `POST /agencies/{id}/years/{year}/measures/copy`: last year's measures into this year (one transaction, in prongsai_db).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::AgencyId;
use prongsai_db::measures;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::agency_for;

/// Copies year − 1 into `year` and shows how many were copied.
pub async fn copy(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::CreateMeasure).await?;
    let from = year.checked_sub(1).ok_or(WebError::NotFound)?;
    crate::assessment::framework(&app, year)?;
    // Links follow the frameworks' renumbering (2568 O21 → 2569 O20); text that is not a code stays.
    let catalog = &app.catalog;
    let remap = |link: &str| match link.parse::<prongsai_domain::Code>() {
        Ok(code) => catalog.carry(from, year, code).map(|c| c.to_string()),
        Err(_) => Some(link.to_string()),
    };
    let n = measures::copy_year(&app.db, &ctx.me.actor(), agency.id, from, year, &remap).await?;
    Ok(Redirect::to(&format!(
        "/agencies/{}/years/{year}/measures?copied={n}",
        agency.id
    ))
    .into_response())
}
