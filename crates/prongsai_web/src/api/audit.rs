//! `GET /api/v1/agencies/{id}/audit`: the agency's audit log, newest first.

use axum::extract::State;
use prongsai_db::{AgencyId, audit};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{ApiJson, ApiPath, ApiQuery};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::authz::Action;
use crate::error::{ErrorBody, WebError};
use crate::pages::agency_for;

/// Paging.
#[derive(Debug, Deserialize)]
pub struct Page {
    /// At most this many (default 100, max 1000).
    pub limit: Option<i64>,
    /// Skip this many.
    pub offset: Option<i64>,
}

/// One audit entry.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditDto {
    /// Id (larger is newer).
    pub id: i64,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who.
    pub actor: String,
    /// Entity (`measure`, `assessment`, …).
    pub entity: String,
    /// Entity id.
    pub entity_id: i64,
    /// Action (`create`, `update`, `put_scores`, …).
    pub action: String,
    /// Row before.
    pub before: Option<serde_json::Value>,
    /// Row after.
    pub after: Option<serde_json::Value>,
}

/// The log.
#[utoipa::path(get, path = "/api/v1/agencies/{id}/audit", tag = "audit",
    params(("id" = i64, Path, description = "Agency id"),
        ("limit" = Option<i64>, Query, description = "At most this many (default 100, max 1000)"),
        ("offset" = Option<i64>, Query, description = "Skip this many")),
    responses(
        (status = 200, body = Vec<AuditDto>),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody),
        (status = 422, description = "Invalid body or query; `fields` names each problem", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath(id): ApiPath<i64>,
    ApiQuery(page): ApiQuery<Page>,
) -> Result<ApiJson<Vec<AuditDto>>, WebError> {
    let agency = agency_for(&app, &me, AgencyId::from(id), Action::ReadAudit).await?;
    let limit = page.limit.unwrap_or(100).clamp(1, 1000);
    let offset = page.offset.unwrap_or(0).max(0);
    let rows = audit::list(&app.db, Some(agency.id), limit, offset).await?;
    Ok(ApiJson(
        rows.into_iter()
            .map(|e| AuditDto {
                id: e.id,
                at: e.at.to_string(),
                actor: e.actor_label,
                entity: e.entity,
                entity_id: e.entity_id,
                action: e.action,
                before: e.before,
                after: e.after,
            })
            .collect(),
    ))
}
