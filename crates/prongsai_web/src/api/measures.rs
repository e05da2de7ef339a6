//! Measures: `GET/POST /api/v1/agencies/{id}/years/{year}/measures`, `GET /api/v1/measures/{id}`.

use axum::extract::State;
use axum::http::StatusCode;
use prongsai_db::measures::{self, Measure, MeasureStatus, NewMeasure};
use prongsai_db::{AgencyId, UnitId, units};
use prongsai_domain::Code;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::authz::Action;
use crate::error::{ErrorBody, FieldError, WebError};
use crate::pages::agency_for;
use crate::pages::measures::measure_for;

/// A measure as the API shows it (dates ISO `YYYY-MM-DD`, Common Era).
#[derive(Debug, Serialize, ToSchema)]
pub struct MeasureDto {
    /// Id.
    pub id: i64,
    /// Agency id.
    pub agency_id: i64,
    /// Fiscal year (BE).
    pub fiscal_year: u16,
    /// Number in the year's plan.
    pub number: i64,
    /// Title.
    pub title: String,
    /// The analysis finding it answers.
    pub analysis: String,
    /// Steps.
    pub steps: Vec<String>,
    /// Start date.
    pub period_start: Option<String>,
    /// End date.
    pub period_end: Option<String>,
    /// Period as text.
    pub period_text: String,
    /// `not_started`, `in_progress`, `done`, `cancelled`.
    pub status: String,
    /// Outcome.
    pub outcome: String,
    /// Linked question/item codes.
    pub links: Vec<String>,
    /// Responsible unit ids.
    pub unit_ids: Vec<i64>,
}

impl From<Measure> for MeasureDto {
    fn from(m: Measure) -> Self {
        MeasureDto {
            id: m.id.0,
            agency_id: m.agency_id.0,
            fiscal_year: m.fiscal_year,
            number: m.number,
            title: m.title,
            analysis: m.analysis,
            steps: m.steps,
            period_start: m.period_start.map(|d| d.to_string()),
            period_end: m.period_end.map(|d| d.to_string()),
            period_text: m.period_text,
            status: m.status.slug().to_string(),
            outcome: m.outcome,
            links: m.links,
            unit_ids: m.unit_ids.iter().map(|u| u.0).collect(),
        }
    }
}

/// A new measure.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MeasureInputDto {
    /// Title (required).
    pub title: String,
    /// The analysis finding it answers.
    #[serde(default)]
    pub analysis: String,
    /// Steps.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Start date, ISO (CE).
    pub period_start: Option<String>,
    /// End date, ISO (CE).
    pub period_end: Option<String>,
    /// Period as text.
    #[serde(default)]
    pub period_text: String,
    /// Status slug (default `not_started`).
    pub status: Option<String>,
    /// Linked codes.
    #[serde(default)]
    pub links: Vec<String>,
    /// Responsible unit ids of the agency.
    #[serde(default)]
    pub unit_ids: Vec<i64>,
}

fn field(errors: &mut Vec<FieldError>, f: &str, m: impl Into<String>) {
    errors.push(FieldError {
        field: f.into(),
        message: m.into(),
    });
}

/// The year's measures.
#[utoipa::path(get, path = "/api/v1/agencies/{id}/years/{year}/measures", tag = "measures",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    responses(
        (status = 200, body = Vec<MeasureDto>),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
) -> Result<ApiJson<Vec<MeasureDto>>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::Read).await?;
    let list = measures::list(&app.db, agency.id, year).await?;
    Ok(ApiJson(list.into_iter().map(MeasureDto::from).collect()))
}

/// Creates a measure.
#[utoipa::path(post, path = "/api/v1/agencies/{id}/years/{year}/measures", tag = "measures",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    request_body = MeasureInputDto,
    responses(
        (status = 201, body = MeasureDto),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody),
        (status = 422, description = "Invalid body or query; `fields` names each problem", body = ErrorBody)))]
pub async fn create(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
    ApiJson(input): ApiJson<MeasureInputDto>,
) -> Result<(StatusCode, ApiJson<MeasureDto>), WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::CreateMeasure).await?;
    let mut errors = Vec::new();
    if input.title.trim().is_empty() {
        field(&mut errors, "title", "กรุณากรอกชื่อมาตรการ (title required)");
    }
    // The same limits as the measure form: a 5 MB title must not reach the documents.
    {
        use crate::limits::{self, too_long};
        let t = crate::texts::Texts::th();
        let steps: usize = input.steps.iter().map(|s| s.chars().count()).sum();
        for (name, value, max) in [
            ("title", input.title.as_str(), limits::MEASURE_TITLE),
            ("analysis", input.analysis.as_str(), limits::MEASURE_TEXT),
            ("period_text", input.period_text.as_str(), limits::PERIOD),
        ] {
            if let Some(m) = too_long(t, value, max) {
                field(&mut errors, name, m);
            }
        }
        if steps > limits::MEASURE_STEPS || input.steps.len() > limits::MEASURE_STEP_COUNT {
            field(
                &mut errors,
                "steps",
                format!("{} {}", t.err_too_long, limits::MEASURE_STEPS),
            );
        }
        if input.links.len() > 100 {
            field(&mut errors, "links", format!("{} 100", t.err_too_long));
        }
    }
    let date = |name: &str, v: &Option<String>, errors: &mut Vec<FieldError>| match v {
        None => None,
        Some(s) => match s.parse::<jiff::civil::Date>() {
            Ok(d) => Some(d),
            Err(_) => {
                field(errors, name, format!("วันที่ต้องเป็น YYYY-MM-DD (got \"{s}\")"));
                None
            }
        },
    };
    let period_start = date("period_start", &input.period_start, &mut errors);
    let period_end = date("period_end", &input.period_end, &mut errors);
    let status = match input.status.as_deref() {
        None => MeasureStatus::NotStarted,
        Some(s) => MeasureStatus::from_slug(s).unwrap_or_else(|| {
            field(&mut errors, "status", format!("ไม่รู้จักสถานะ \"{s}\""));
            MeasureStatus::NotStarted
        }),
    };
    let mut links = Vec::new();
    for l in &input.links {
        match l.parse::<Code>() {
            Ok(c) => links.push(c.to_string()),
            Err(e) => field(&mut errors, "links", e.to_string()),
        }
    }
    let own: Vec<UnitId> = units::list(&app.db, agency.id)
        .await?
        .iter()
        .map(|u| u.id)
        .collect();
    let unit_ids: Vec<UnitId> = input.unit_ids.iter().map(|u| UnitId::from(*u)).collect();
    if unit_ids.iter().any(|u| !own.contains(u)) {
        field(
            &mut errors,
            "unit_ids",
            "หน่วยงานภายในไม่ใช่ของหน่วยงานนี้ (unit of another agency)",
        );
    }
    if !errors.is_empty() {
        return Err(WebError::Invalid {
            message: "ข้อมูลมาตรการไม่ถูกต้อง (invalid measure)".into(),
            fields: errors,
        });
    }
    let m = measures::create(
        &app.db,
        &me.actor(),
        NewMeasure {
            agency_id: agency.id,
            fiscal_year: year,
            number: 0, // the database takes the year's next number
            title: input.title.trim().to_string(),
            analysis: input.analysis,
            steps: input.steps,
            period_start,
            period_end,
            period_text: input.period_text,
            status,
            outcome: String::new(),
            links,
            unit_ids,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, ApiJson(m.into())))
}

/// One measure.
#[utoipa::path(get, path = "/api/v1/measures/{id}", tag = "measures",
    params(("id" = i64, Path, description = "Measure id")),
    responses(
        (status = 200, body = MeasureDto),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<ApiJson<MeasureDto>, WebError> {
    let (m, _) = measure_for(&app, &me, id, Action::Read).await?;
    Ok(ApiJson(m.into()))
}
