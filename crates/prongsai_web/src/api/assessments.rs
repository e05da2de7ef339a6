//! Scores and analysis: `GET/PUT /api/v1/agencies/{id}/assessments/{year}[/scores|/analysis]`.

use axum::extract::State;
use prongsai_db::{AgencyId, assessments};
use prongsai_domain::analysis::analyze;
use prongsai_domain::scoring::{OfficialError, OfficialResult, Reported, Unit};
use serde::Deserialize;
use serde_json::Value;
use utoipa::ToSchema;

use super::{ApiJson, ApiPath};
use crate::app::AppState;
use crate::assessment::{complete_result, framework, pairs_of, sheet_from_pairs, stored_result};
use crate::auth::ApiUser;
use crate::authz::Action;
use crate::error::{ErrorBody, FieldError, WebError};
use crate::pages::agency_for;

/// One score.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ScoreItem {
    /// `i1`, `e3`, `EP2`, `O12`, `ind5`.
    pub code: String,
    /// 0–100 (OIT items 0 or 100).
    pub score: f64,
}

fn to_json<T: serde::Serialize>(v: &T) -> Result<Value, WebError> {
    serde_json::to_value(v).map_err(WebError::internal)
}

/// The year's result: the same JSON as `prongsai score --format json` (with `official` and `differences`
/// when the NACC's published result is recorded).
#[utoipa::path(get, path = "/api/v1/agencies/{id}/assessments/{year}", tag = "assessments",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    responses(
        (status = 200, description = "ScoreResult", body = Value),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
) -> Result<ApiJson<Value>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::Read).await?;
    let r = stored_result(&app, agency.id, year)
        .await?
        .ok_or(WebError::NotFound)?;
    let official = assessments::official(&app.db, agency.id, year).await?;
    Ok(ApiJson(to_json(&Reported::new(&r, official.as_ref()))?))
}

/// The result the NACC published for the year, as recorded.
#[utoipa::path(get, path = "/api/v1/agencies/{id}/assessments/{year}/official", tag = "assessments",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    responses(
        (status = 200, description = "OfficialResult", body = OfficialBody),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn get_official(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
) -> Result<ApiJson<Value>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::Read).await?;
    let o = assessments::official(&app.db, agency.id, year)
        .await?
        .ok_or(WebError::NotFound)?;
    Ok(ApiJson(to_json(&o)?))
}

/// The published result as the API takes it.
#[derive(Debug, Deserialize, ToSchema)]
pub struct OfficialBody {
    /// Published total, 0–100.
    pub total: f64,
    /// Published level (ผ่านดีเยี่ยม … from 2566) or letter (AA … F up to 2565).
    pub level: String,
    /// Published tool scores by unit: `IIT`, `EIT`, `EP`, `ES`, `OIT`.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub tools: std::collections::BTreeMap<String, f64>,
    /// Published indicator scores by number ("1" … "10").
    #[serde(default)]
    #[schema(value_type = Object)]
    pub indicators: std::collections::BTreeMap<String, f64>,
}

/// Records (replaces) the result the NACC published for the year; every problem is a field error, nothing saved.
#[utoipa::path(put, path = "/api/v1/agencies/{id}/assessments/{year}/official", tag = "assessments",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    request_body = OfficialBody,
    responses(
        (status = 200, description = "OfficialResult", body = OfficialBody),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody),
        (status = 422, description = "Invalid body: each problem at its field, nothing saved", body = ErrorBody)))]
pub async fn put_official(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
    ApiJson(body): ApiJson<OfficialBody>,
) -> Result<ApiJson<Value>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::EditScores).await?;
    let fw = framework(&app, year)?;
    let mut fields = Vec::new();
    let mut tools = std::collections::BTreeMap::new();
    for (k, v) in body.tools {
        match k.parse::<Unit>() {
            Ok(u) => {
                tools.insert(u, v);
            }
            Err(()) => fields.push(FieldError {
                field: format!("tools.{k}"),
                message: format!("ไม่รู้จักเครื่องมือ {k} ใช้ได้: IIT, EIT, EP, ES, OIT"),
            }),
        }
    }
    let mut indicators = std::collections::BTreeMap::new();
    for (k, v) in body.indicators {
        match k.trim_start_matches("ind").parse::<u8>() {
            Ok(n) => {
                indicators.insert(n, v);
            }
            Err(_) => fields.push(FieldError {
                field: format!("indicators.{k}"),
                message: format!("\"{k}\" ไม่ใช่หมายเลขตัวชี้วัด 1–10"),
            }),
        }
    }
    let invalid = |fields| WebError::Invalid {
        message: "ผลที่ประกาศไม่ถูกต้อง ยังไม่ได้บันทึก".into(),
        fields,
    };
    if !fields.is_empty() {
        return Err(invalid(fields));
    }
    let o = OfficialResult {
        total: body.total,
        level: body.level,
        tools,
        indicators,
    }
    .checked(fw)
    .map_err(|list| {
        invalid(
            list.iter()
                .map(|e| FieldError {
                    field: match e {
                        OfficialError::OutOfRange { field, .. } => field.clone(),
                        OfficialError::UnknownLevel { .. } => "level".into(),
                        OfficialError::UnknownUnit { unit, .. } => format!("tools.{unit}"),
                        OfficialError::UnknownIndicator { number, .. } => {
                            format!("indicators.{number}")
                        }
                    },
                    message: e.to_string(),
                })
                .collect(),
        )
    })?;
    assessments::put_official(&app.db, &me.actor(), agency.id, year, Some(&o), "api").await?;
    Ok(ApiJson(to_json(&o)?))
}

/// Removes the recorded published result of the year.
#[utoipa::path(delete, path = "/api/v1/agencies/{id}/assessments/{year}/official", tag = "assessments",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn delete_official(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
) -> Result<axum::http::StatusCode, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::EditScores).await?;
    framework(&app, year)?;
    assessments::put_official(&app.db, &me.actor(), agency.id, year, None, "api").await?;
    Ok(axum::http::StatusCode::NO_CONTENT)
}

/// Replaces the year's scores (all or nothing) and returns the new result.
#[utoipa::path(put, path = "/api/v1/agencies/{id}/assessments/{year}/scores", tag = "assessments",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    request_body = Vec<ScoreItem>,
    responses(
        (status = 200, description = "ScoreResult", body = Value),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody),
        (status = 422, description = "Invalid body or query; `fields` names each problem", body = ErrorBody)))]
pub async fn put_scores(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
    ApiJson(items): ApiJson<Vec<ScoreItem>>,
) -> Result<ApiJson<Value>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::EditScores).await?;
    let fw = framework(&app, year)?;
    let pairs: Vec<(String, f64)> = items.into_iter().map(|i| (i.code, i.score)).collect();
    let invalid = |fields| WebError::Invalid {
        message: "คะแนนไม่ถูกต้องหรือไม่ครบ ยังไม่ได้บันทึก (scores invalid or incomplete; nothing saved)"
            .into(),
        fields,
    };
    let sheet = sheet_from_pairs(fw, &pairs, |c| c.to_string()).map_err(invalid)?;
    let result = complete_result(fw, &sheet).map_err(invalid)?;
    assessments::put_scores(
        &app.db,
        &me.actor(),
        agency.id,
        year,
        "api",
        &pairs_of(&sheet),
    )
    .await?;
    Ok(ApiJson(to_json(&result)?))
}

/// The analysis of the year (weakest questions, cause, guidance, OIT references, verdict, change).
#[utoipa::path(get, path = "/api/v1/agencies/{id}/assessments/{year}/analysis", tag = "assessments",
    params(("id" = i64, Path, description = "Agency id"), ("year" = u16, Path, description = "Fiscal year (BE)")),
    responses(
        (status = 200, description = "Analysis", body = Value),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn analysis(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath((id, year)): ApiPath<(i64, u16)>,
) -> Result<ApiJson<Value>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::Read).await?;
    let fw = framework(&app, year)?;
    let r = stored_result(&app, agency.id, year)
        .await?
        .ok_or(WebError::NotFound)?;
    let prev = stored_result(&app, agency.id, year.saturating_sub(1)).await?;
    Ok(ApiJson(to_json(&analyze(
        fw,
        app.catalog.guidance(fw.fiscal_year),
        &r,
        prev.as_ref(),
    ))?))
}
