//! `GET/POST /agencies/{id}/units`: the agency's internal units (กอง/สำนัก).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::AgencyId;
use prongsai_db::units::{self, Unit};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::agency_for;
use crate::views::layout::{Layout, Section};
use crate::views::render;

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    layout: Layout,
    action: String,
    units: Vec<Unit>,
}

/// `GET` the list and the add form.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUnits).await?;
    let page = UnitsPage {
        layout: ctx.layout(ctx.t().units_title).agency_nav(
            &ctx.me,
            &agency,
            app.current_year(),
            Section::Units,
        ),
        action: format!("/agencies/{}/units", agency.id),
        units: units::list(&app.db, agency.id).await?,
    };
    Ok(render(&page)?.into_response())
}

/// The add-unit form.
#[derive(Debug, Deserialize)]
pub struct UnitForm {
    name: String,
}

/// `POST` a new unit.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Form(f): Form<UnitForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUnits).await?;
    if f.name.trim().is_empty() {
        return Err(WebError::field("name", ctx.t().err_required));
    }
    units::create(&app.db, &ctx.me.actor(), agency.id, f.name.trim()).await?;
    Ok(Redirect::to(&format!("/agencies/{}/units", agency.id)).into_response())
}
