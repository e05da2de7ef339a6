//! The measure form: `GET …/measures/new`, `POST …/measures`, `GET /measures/{id}/edit`, `POST /measures/{id}`.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::measures::{self, MeasureStatus};
use prongsai_db::{AgencyId, UnitId, agencies::Agency, units};

use super::from_finding::{FindingQuery, input_for};
use super::input::MeasureInput;
use super::measure_for;
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::{FieldError, WebError};
use crate::pages::agency_for;
use crate::views::layout::{Layout, Section};
use crate::views::{format, render};

#[derive(Template)]
#[template(path = "measure_form.html")]
struct FormPage {
    layout: Layout,
    action: String,
    cancel: String,
    input: MeasureInput,
    errors: Vec<FieldError>,
    statuses: Vec<(&'static str, &'static str)>,
    units: Vec<(i64, String)>,
}

impl FormPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }

    fn has_unit(&self, id: &i64) -> bool {
        self.input.units.contains(id)
    }
}

#[allow(clippy::too_many_arguments)]
async fn form_page(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    year: u16,
    action: String,
    input: MeasureInput,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let t = ctx.t();
    let title = if action.ends_with("/measures") {
        t.new_measure
    } else {
        t.edit
    };
    let unit_list = units::list(&app.db, agency.id).await?;
    let page = FormPage {
        layout: ctx
            .layout(format!("{title} · {}", format::year(year, ctx.lang)))
            .agency_nav(&ctx.me, agency, year, Section::Measures),
        cancel: format!("/agencies/{}/years/{year}/measures", agency.id),
        action,
        input,
        errors,
        statuses: MeasureStatus::ALL
            .iter()
            .map(|s| (s.slug(), s.label_th()))
            .collect(),
        units: unit_list.into_iter().map(|u| (u.id.0, u.name)).collect(),
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /agencies/{id}/years/{year}/measures/new`, blank or prefilled from a finding (`?indicator=&code=`).
/// Only showing the form: the measure exists once the form is submitted, so leaving it leaves nothing behind.
pub async fn new(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Query(finding): Query<FindingQuery>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::CreateMeasure).await?;
    let input = input_for(&app, &agency, year, &finding).await?;
    let action = format!("/agencies/{}/years/{year}/measures", agency.id);
    form_page(
        &app,
        &ctx,
        &agency,
        year,
        action,
        input,
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /agencies/{id}/years/{year}/measures`.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::CreateMeasure).await?;
    let input = MeasureInput::from_pairs(pairs);
    let allowed: Vec<UnitId> = units::list(&app.db, agency.id)
        .await?
        .iter()
        .map(|u| u.id)
        .collect();
    match input.validate(ctx.t(), agency.id, year, 0, &allowed) {
        Ok(new) => {
            let m = measures::create(&app.db, &ctx.me.actor(), new).await?;
            Ok(Redirect::to(&format!("/measures/{}", m.id)).into_response())
        }
        Err(errors) => {
            let action = format!("/agencies/{}/years/{year}/measures", agency.id);
            form_page(
                &app,
                &ctx,
                &agency,
                year,
                action,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// `GET /measures/{id}/edit`.
pub async fn edit(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let (m, agency) = measure_for(&app, &ctx.me, id, Action::EditMeasure).await?;
    let action = format!("/measures/{}", m.id);
    form_page(
        &app,
        &ctx,
        &agency,
        m.fiscal_year,
        action,
        MeasureInput::of(&m),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}

/// `POST /measures/{id}`.
pub async fn update(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (m, agency) = measure_for(&app, &ctx.me, id, Action::EditMeasure).await?;
    let input = MeasureInput::from_pairs(pairs);
    let allowed: Vec<UnitId> = units::list(&app.db, agency.id)
        .await?
        .iter()
        .map(|u| u.id)
        .collect();
    match input.validate(ctx.t(), agency.id, m.fiscal_year, m.number, &allowed) {
        Ok(new) => {
            measures::update(&app.db, &ctx.me.actor(), m.id, new).await?;
            Ok(Redirect::to(&format!("/measures/{}", m.id)).into_response())
        }
        Err(errors) => {
            let action = format!("/measures/{}", m.id);
            form_page(
                &app,
                &ctx,
                &agency,
                m.fiscal_year,
                action,
                input,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
