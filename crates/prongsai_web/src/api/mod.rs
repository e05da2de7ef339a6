//! The JSON API under `/api/v1`, documented by OpenAPI at `/api/openapi.json` (utoipa).
//!
//! Scripts authenticate with `Authorization: Bearer <secret>` (no CSRF needed); a browser session also
//! works, with the `X-CSRF-Token` header on writes. Errors are `{"error":{"code","message","fields"}}`.

pub mod agencies;
pub mod assessments;
pub mod audit;
pub mod measures;
pub mod progress;

use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;
use crate::error::{ErrorBody, WebError};

/// JSON body whose rejections are our JSON errors.
#[derive(Debug, FromRequest)]
#[from_request(via(axum::Json), rejection(WebError))]
pub struct ApiJson<T>(pub T);

impl From<JsonRejection> for WebError {
    fn from(r: JsonRejection) -> Self {
        WebError::Invalid {
            message: format!("JSON ไม่ถูกต้อง (invalid JSON body): {}", r.body_text()),
            fields: Vec::new(),
        }
    }
}

/// Path parameters whose rejections (`abc`, an id beyond 64 bits, a year beyond 65535) are our JSON 404:
/// such a path names nothing.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Path), rejection(WebError))]
pub struct ApiPath<T>(pub T);

impl From<PathRejection> for WebError {
    fn from(_: PathRejection) -> Self {
        WebError::NotFound
    }
}

/// Query parameters whose rejections are our JSON 422.
#[derive(Debug, FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(WebError))]
pub struct ApiQuery<T>(pub T);

impl From<QueryRejection> for WebError {
    fn from(r: QueryRejection) -> Self {
        WebError::Invalid {
            message: format!("พารามิเตอร์ไม่ถูกต้อง (invalid query): {}", r.body_text()),
            fields: Vec::new(),
        }
    }
}

impl<T: serde::Serialize> axum::response::IntoResponse for ApiJson<T> {
    fn into_response(self) -> axum::response::Response {
        axum::Json(self.0).into_response()
    }
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document's fixed parts.
#[derive(OpenApi)]
#[openapi(
    info(title = "Prongsai API", description = "ITA scores, analysis, measures, progress and evidence of Thai agencies"),
    components(schemas(ErrorBody)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
pub struct ApiDoc;

/// The API routes with their OpenAPI description.
pub fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(agencies::list))
        .routes(routes!(agencies::get))
        .routes(routes!(assessments::get))
        .routes(routes!(assessments::put_scores))
        .routes(routes!(assessments::analysis))
        .routes(routes!(
            assessments::get_official,
            assessments::put_official,
            assessments::delete_official
        ))
        .routes(routes!(measures::list, measures::create))
        .routes(routes!(measures::get))
        .routes(routes!(progress::list, progress::create))
        .routes(routes!(progress::evidence))
        .routes(routes!(audit::list))
}
