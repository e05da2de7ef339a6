//! `/agencies/{id}/units`: the agency's internal units (กอง/สำนัก): list, add, rename, delete when unused.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::units::{self, Unit};
use prongsai_db::{AgencyId, DbError, UnitId, agencies::Agency};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::{FieldError, WebError};
use crate::pages::{agency_for, agency_year};
use crate::views::layout::{Layout, Section};
use crate::views::render;

/// One unit row: its id and the name shown in its rename field (what was typed, after a refused rename).
struct UnitRow {
    id: i64,
    name: String,
}

#[derive(Template)]
#[template(path = "units.html")]
struct UnitsPage {
    layout: Layout,
    action: String,
    units: Vec<UnitRow>,
    new_name: String,
    errors: Vec<FieldError>,
}

impl UnitsPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }

    fn unit_error(&self, id: &i64) -> Option<String> {
        self.error(&field_of(*id))
    }
}

/// The field name of a unit's row, where its errors are shown.
fn field_of(id: i64) -> String {
    format!("unit-{id}")
}

/// The notices a redirect back to the list may carry.
#[derive(Debug, Default, Deserialize)]
pub struct UnitsNotice {
    saved: Option<u8>,
    deleted: Option<u8>,
}

/// What the page shows besides the stored units: a typed value to keep, errors, a notice.
struct Shown {
    new_name: String,
    typed: Option<(i64, String)>,
    errors: Vec<FieldError>,
    notice: Option<&'static str>,
}

async fn page(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    shown: Shown,
    status: StatusCode,
) -> Result<Response, WebError> {
    let mut layout = ctx.layout(ctx.t().units_title).agency_nav(
        &ctx.me,
        agency,
        agency_year(app, agency.id).await?,
        Section::Units,
    );
    if let Some(n) = shown.notice {
        layout = layout.notice(n);
    }
    let units = units::list(&app.db, agency.id)
        .await?
        .into_iter()
        .map(|u| UnitRow {
            id: u.id.0,
            name: match &shown.typed {
                Some((id, typed)) if *id == u.id.0 => typed.clone(),
                _ => u.name,
            },
        })
        .collect();
    let p = UnitsPage {
        layout,
        action: format!("/agencies/{}/units", agency.id),
        units,
        new_name: shown.new_name,
        errors: shown.errors,
    };
    Ok((status, render(&p)?).into_response())
}

/// A page answer with one error at `field`, nothing changed.
async fn refused(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    field: String,
    message: String,
    typed: Option<(i64, String)>,
) -> Result<Response, WebError> {
    let shown = Shown {
        new_name: String::new(),
        typed,
        errors: vec![FieldError { field, message }],
        notice: None,
    };
    page(app, ctx, agency, shown, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// `GET` the list and the forms.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Query(n): Query<UnitsNotice>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUnits).await?;
    let t = ctx.t();
    let notice = if n.deleted.is_some() {
        Some(t.admin.unit_deleted)
    } else {
        n.saved.map(|_| t.saved)
    };
    let shown = Shown {
        new_name: String::new(),
        typed: None,
        errors: Vec::new(),
        notice,
    };
    page(&app, &ctx, &agency, shown, StatusCode::OK).await
}

/// The add and rename forms.
#[derive(Debug, Deserialize)]
pub struct UnitForm {
    #[serde(default)]
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
    let t = ctx.t();
    let refuse = |message: &str| Shown {
        new_name: f.name.clone(),
        typed: None,
        errors: vec![FieldError {
            field: "name".into(),
            message: message.into(),
        }],
        notice: None,
    };
    let status = StatusCode::UNPROCESSABLE_ENTITY;
    if f.name.trim().is_empty() {
        return page(&app, &ctx, &agency, refuse(t.err_required), status).await;
    }
    if let Some(m) = crate::limits::too_long(t, &f.name, crate::limits::NAME) {
        return page(&app, &ctx, &agency, refuse(&m), status).await;
    }
    match units::create(&app.db, &ctx.me.actor(), agency.id, f.name.trim()).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/agencies/{}/units?saved=1", agency.id)).into_response())
        }
        Err(DbError::Conflict(_)) => {
            page(&app, &ctx, &agency, refuse(t.admin.err_name_taken), status).await
        }
        Err(e) => Err(e.into()),
    }
}

/// The unit `unit_id` of `agency`, or 404 (a unit of another agency is not found here).
async fn unit_of(app: &AppState, agency: &Agency, unit_id: i64) -> Result<Unit, WebError> {
    let unit = units::get(&app.db, UnitId::from(unit_id)).await?;
    if unit.agency_id != agency.id {
        return Err(WebError::NotFound);
    }
    Ok(unit)
}

/// `POST /agencies/{id}/units/{unit}`: renames a unit.
pub async fn rename(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, unit_id)): Path<(i64, i64)>,
    Form(f): Form<UnitForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUnits).await?;
    let unit = unit_of(&app, &agency, unit_id).await?;
    let t = ctx.t();
    let field = field_of(unit.id.0);
    let typed = Some((unit.id.0, f.name.clone()));
    if f.name.trim().is_empty() {
        return refused(&app, &ctx, &agency, field, t.err_required.into(), typed).await;
    }
    if let Some(m) = crate::limits::too_long(t, &f.name, crate::limits::NAME) {
        return refused(&app, &ctx, &agency, field, m, typed).await;
    }
    match units::rename(&app.db, &ctx.me.actor(), unit.id, f.name.trim()).await {
        Ok(_) => {
            Ok(Redirect::to(&format!("/agencies/{}/units?saved=1", agency.id)).into_response())
        }
        Err(DbError::Conflict(_)) => {
            refused(
                &app,
                &ctx,
                &agency,
                field,
                t.admin.err_name_taken.into(),
                typed,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /agencies/{id}/units/{unit}/delete`: deletes a unit nothing refers to; otherwise says why at its row.
pub async fn delete(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, unit_id)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUnits).await?;
    let unit = unit_of(&app, &agency, unit_id).await?;
    let t = ctx.t().admin;
    let field = field_of(unit.id.0);
    let usage = units::usage(&app.db, unit.id).await?;
    let in_use = |usage: units::Usage| {
        if usage.measures > 0 {
            format!("{} {}", t.err_unit_in_measures, usage.measures)
        } else {
            format!("{} {}", t.err_unit_in_roles, usage.memberships)
        }
    };
    if !usage.is_unused() {
        return refused(&app, &ctx, &agency, field, in_use(usage), None).await;
    }
    match units::delete(&app.db, &ctx.me.actor(), unit.id).await {
        Ok(()) => {
            Ok(Redirect::to(&format!("/agencies/{}/units?deleted=1", agency.id)).into_response())
        }
        // Someone assigned the unit between the check and the delete: the database refused, say why.
        Err(DbError::Conflict(_)) => {
            let usage = units::usage(&app.db, unit.id).await?;
            refused(&app, &ctx, &agency, field, in_use(usage), None).await
        }
        Err(e) => Err(e.into()),
    }
}
