//! `GET /api/v1/agencies`, `GET /api/v1/agencies/{id}`.

use axum::extract::State;
use prongsai_db::memberships::{self, Visibility};
use prongsai_db::{AgencyId, agencies, agencies::Agency};
use serde::Serialize;
use utoipa::ToSchema;

use super::{ApiJson, ApiPath};
use crate::app::AppState;
use crate::auth::ApiUser;
use crate::authz::Action;
use crate::error::{ErrorBody, WebError};
use crate::pages::agency_for;

/// An agency as the API shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AgencyDto {
    /// Id.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Kind slug (`sao`, `tambon_municipality`, …).
    pub kind: String,
    /// District.
    pub district: String,
    /// Province.
    pub province: String,
}

impl From<Agency> for AgencyDto {
    fn from(a: Agency) -> Self {
        AgencyDto {
            id: a.id.0,
            name: a.name,
            kind: a.kind.slug().to_string(),
            district: a.district,
            province: a.province,
        }
    }
}

/// Agencies the caller can read.
#[utoipa::path(get, path = "/api/v1/agencies", tag = "agencies",
    responses(
        (status = 200, body = Vec<AgencyDto>),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn list(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
) -> Result<ApiJson<Vec<AgencyDto>>, WebError> {
    let list = match memberships::agencies_visible(&app.db, me.user.id).await? {
        Visibility::All => agencies::list(&app.db).await?,
        Visibility::Agencies(ids) => {
            let mut v = Vec::new();
            for id in ids {
                v.push(agencies::get(&app.db, id).await?);
            }
            v
        }
    };
    Ok(ApiJson(list.into_iter().map(AgencyDto::from).collect()))
}

/// One agency.
#[utoipa::path(get, path = "/api/v1/agencies/{id}", tag = "agencies",
    params(("id" = i64, Path, description = "Agency id")),
    responses(
        (status = 200, body = AgencyDto),
        (status = 401, description = "No valid token or session", body = ErrorBody),
        (status = 403, description = "The role does not allow it", body = ErrorBody),
        (status = 404, description = "No such resource, another agency's, or a malformed path parameter", body = ErrorBody)))]
pub async fn get(
    State(app): State<AppState>,
    ApiUser(me): ApiUser,
    ApiPath(id): ApiPath<i64>,
) -> Result<ApiJson<AgencyDto>, WebError> {
    let a = agency_for(&app, &me, AgencyId::from(id), Action::Read).await?;
    Ok(ApiJson(a.into()))
}
