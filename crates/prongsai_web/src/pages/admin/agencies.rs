//! `POST /admin/agencies`: a system administrator creates an agency.

use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::agencies::{self, AgencyKind, NewAgency};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::error::WebError;

/// The new-agency form.
#[derive(Debug, Deserialize)]
pub struct AgencyForm {
    name: String,
    kind: String,
    #[serde(default)]
    district: String,
    province: String,
}

/// Creates the agency and opens its dashboard.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Form(f): Form<AgencyForm>,
) -> Result<Response, WebError> {
    authz::require(&ctx.me, Action::ManageAgencies, &Resource::System)?;
    let t = ctx.t();
    if f.name.trim().is_empty() {
        return Err(WebError::field("name", t.err_required));
    }
    if f.province.trim().is_empty() {
        return Err(WebError::field("province", t.err_required));
    }
    let kind = AgencyKind::from_slug(&f.kind).unwrap_or(AgencyKind::Other);
    let a = agencies::create(
        &app.db,
        &ctx.me.actor(),
        NewAgency {
            name: f.name,
            kind,
            district: f.district,
            province: f.province,
            website: None,
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/agencies/{}", a.id)).into_response())
}
