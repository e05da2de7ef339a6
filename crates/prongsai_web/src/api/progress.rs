//! Progress and evidence: `GET/POST /api/v1/measures/{id}/progress`, `GET /api/v1/measures/{id}/evidence`.

use axum::extract::State;
use axum::http::StatusCode;
use prongsai_db::evidence::{self, Evidence, NewUrl};
use prongsai_db::progress::{self, NewProgress, Progress};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::authz::Action;
use crate::error::{ErrorBody, FieldError, WebError};
use crate::pages::measures::measure_for;

/// A progress entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct ProgressDto {
    /// Id.
    pub id: i64,
    /// Measure id.
    pub measure_id: i64,
    /// Date, ISO.
    pub entry_date: String,
    /// What was done.
    pub text: String,
    /// Outcome.
    pub outcome: String,
}

impl From<Progress> for ProgressDto {
    fn from(p: Progress) -> Self {
        ProgressDto {
            id: p.id.0,
            measure_id: p.measure_id.0,
            entry_date: p.entry_date.to_string(),
            text: p.text,
            outcome: p.outcome,
        }
    }
}

/// A new progress entry with evidence links (files are uploaded through the web form).
#[derive(Debug, Deserialize, ToSchema)]
pub struct ProgressInputDto {
    /// Date, ISO `YYYY-MM-DD`.
    pub entry_date: String,
    /// What was done.
    pub text: String,
    /// Outcome.
    #[serde(default)]
    pub outcome: String,
    /// Evidence URLs.
    #[serde(default)]
    pub links: Vec<String>,
}

/// Evidence metadata.
#[derive(Debug, Serialize, ToSchema)]
pub struct EvidenceDto {
    /// Id.
    pub id: i64,
    /// Progress entry it backs, if any.
    pub progress_id: Option<i64>,
    /// File name or link title.
    pub filename: String,
    /// MIME type of a file.
    pub mime: String,
    /// Size in bytes of a file.
    pub size: i64,
    /// SHA-256 (hex) of a file.
    pub sha256: Option<String>,
    /// URL of a link.
    pub url: Option<String>,
    /// Download path of a file.
    pub download: Option<String>,
}

impl From<Evidence> for EvidenceDto {
    fn from(e: Evidence) -> Self {
        let download = e.url.is_none().then(|| format!("/evidence/{}", e.id));
        EvidenceDto {
            id: e.id.0,
            progress_id: e.progress_id.map(|p| p.0),
            filename: e.filename,
            mime: e.mime,
            size: e.size,
            sha256: e.sha256,
            url: e.url,
            download,
        }
    }
}

/// The measure's progress entries, oldest first.
#[utoipa::path(get, path = "/api/v1/measures/{id}/progress", tag = "progress",
    params(("id" = i64, Path, description = "Measure id")),
    responses(
        (status = 200, body = Vec<ProgressDto>),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<ApiJson<Vec<ProgressDto>>, WebError> {
    let (m, _) = measure_for(&app, &me, id, Action::Read).await?;
    Ok(ApiJson(
        progress::list(&app.db, m.id)
            .await?
            .into_iter()
            .map(ProgressDto::from)
            .collect(),
    ))
}

/// Records progress with evidence links, in one transaction.
#[utoipa::path(post, path = "/api/v1/measures/{id}/progress", tag = "progress",
    params(("id" = i64, Path, description = "Measure id")),
    request_body = ProgressInputDto,
    responses(
        (status = 201, body = ProgressDto),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody),
        (status = 422, description = "Invalid body or query; `fields` names each problem", body = ErrorBody)))]
pub async fn create(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiJson(input): ApiJson<ProgressInputDto>,
) -> Result<(StatusCode, ApiJson<ProgressDto>), WebError> {
    let (m, _) = measure_for(&app, &me, id, Action::AddProgress).await?;
    let mut fields = Vec::new();
    let date = input.entry_date.parse::<jiff::civil::Date>().ok();
    if date.is_none() {
        fields.push(FieldError {
            field: "entry_date".into(),
            message: "วันที่ต้องเป็น YYYY-MM-DD".into(),
        });
    }
    if input.text.trim().is_empty() {
        fields.push(FieldError {
            field: "text".into(),
            message: "กรุณากรอกสิ่งที่ดำเนินการ".into(),
        });
    }
    let t = crate::texts::Texts::th();
    if let Some(m) = crate::limits::too_long(t, &input.text, crate::limits::PROGRESS_TEXT) {
        fields.push(FieldError {
            field: "text".into(),
            message: m,
        });
    }
    if input.links.len() > 50 {
        fields.push(FieldError {
            field: "links".into(),
            message: format!("{} 50", t.err_too_long),
        });
    }
    for l in &input.links {
        if let Some(m) = crate::limits::too_long(t, l, crate::limits::URL) {
            fields.push(FieldError {
                field: "links".into(),
                message: m,
            });
        }
        let lower = l.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://")) {
            fields.push(FieldError {
                field: "links".into(),
                message: format!("ลิงก์ต้องขึ้นต้นด้วย http(s):// (\"{l}\")"),
            });
        }
    }
    let (Some(entry_date), true) = (date, fields.is_empty()) else {
        return Err(WebError::Invalid {
            message: "ข้อมูลไม่ถูกต้อง ยังไม่ได้บันทึก".into(),
            fields,
        });
    };
    let urls = input
        .links
        .into_iter()
        .map(|url| NewUrl {
            measure_id: m.id,
            progress_id: None,
            url,
            title: String::new(),
            effective_date: Some(entry_date),
        })
        .collect();
    let new = NewProgress {
        measure_id: m.id,
        entry_date,
        text: input.text,
        outcome: input.outcome,
        author: Some(me.user.id),
    };
    let (p, _) = progress::add_with_evidence(&app.db, &me.actor(), new, Vec::new(), urls).await?;
    Ok((StatusCode::CREATED, ApiJson(p.into())))
}

/// The measure's evidence (files and links, without file bytes).
#[utoipa::path(get, path = "/api/v1/measures/{id}/evidence", tag = "progress",
    params(("id" = i64, Path, description = "Measure id")),
    responses(
        (status = 200, body = Vec<EvidenceDto>),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn evidence(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<ApiJson<Vec<EvidenceDto>>, WebError> {
    let (m, _) = measure_for(&app, &me, id, Action::Read).await?;
    Ok(ApiJson(
        evidence::list(&app.db, m.id)
            .await?
            .into_iter()
            .map(EvidenceDto::from)
            .collect(),
    ))
}
