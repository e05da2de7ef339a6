//! The one web error type: every handler failure becomes a status, a stable code and a Thai message.
//!
//! `IntoResponse` writes the JSON error body `{"error":{"code","message","fields"}}` and attaches the
//! error as a response extension; the page router's `html_errors` middleware turns that into a Thai
//! HTML page (or a redirect to the login page), so there is still exactly one mapping from error to status.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use prongsai_db::DbError;
use serde::Serialize;

/// A problem with one form or JSON field.
#[derive(Debug, Clone, PartialEq, Serialize, utoipa::ToSchema)]
pub struct FieldError {
    /// Field name (`score.i7`, `email`, `rows[3].score`).
    pub field: String,
    /// What is wrong, in Thai.
    pub message: String,
}

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    /// No valid session or token.
    #[error("กรุณาเข้าสู่ระบบ (login required)")]
    Unauthorized,
    /// Logged in, but the role does not allow this.
    #[error("ไม่มีสิทธิ์ทำรายการนี้ (forbidden)")]
    Forbidden,
    /// Nothing here, or it belongs to an agency the user cannot see.
    #[error("ไม่พบข้อมูลที่ต้องการ (not found)")]
    NotFound,
    /// The CSRF token of a form is missing or wrong.
    #[error("แบบฟอร์มหมดอายุหรือไม่ถูกต้อง กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง (invalid form token)")]
    Csrf,
    /// Input that cannot be used, with the fields at fault.
    #[error("{message}")]
    Invalid {
        /// Summary in Thai.
        message: String,
        /// Per-field problems.
        fields: Vec<FieldError>,
    },
    /// A duplicate or a conflicting change.
    #[error("{0}")]
    Conflict(String),
    /// Too many attempts (login throttling).
    #[error("{0}")]
    TooManyRequests(String),
    /// The request body is larger than allowed.
    #[error("ไฟล์หรือข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด (payload too large)")]
    PayloadTooLarge,
    /// The request body did not arrive in time.
    #[error("ส่งข้อมูลช้าเกินไป กรุณาลองใหม่อีกครั้ง (request body timeout)")]
    RequestTimeout,
    /// The server is too busy for this work right now (password checks, document renders).
    #[error("ระบบไม่ว่าง ลองใหม่อีกครั้ง (server busy, try again)")]
    Busy,
    /// Anything else: logged, never shown.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The JSON error body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// The inside of [`ErrorBody`].
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// Stable machine code (`not_found`, `invalid`, …).
    pub code: &'static str,
    /// Thai message safe to show.
    pub message: String,
    /// Field problems (empty when none).
    pub fields: Vec<FieldError>,
}

/// What the HTML middleware needs from an error response.
#[derive(Debug, Clone)]
pub struct ErrorMark(pub ErrorDetail, pub StatusCode);

impl WebError {
    /// A single-field validation error.
    pub fn field(field: &str, message: impl Into<String>) -> WebError {
        let message = message.into();
        WebError::Invalid {
            message: message.clone(),
            fields: vec![FieldError {
                field: field.to_string(),
                message,
            }],
        }
    }

    /// Wraps any internal failure (its text is logged, not shown).
    pub fn internal(e: impl std::fmt::Display) -> WebError {
        WebError::Internal(e.to_string())
    }

    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            WebError::Unauthorized => StatusCode::UNAUTHORIZED,
            WebError::Forbidden | WebError::Csrf => StatusCode::FORBIDDEN,
            WebError::NotFound => StatusCode::NOT_FOUND,
            WebError::Invalid { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            WebError::Conflict(_) => StatusCode::CONFLICT,
            WebError::TooManyRequests(_) => StatusCode::TOO_MANY_REQUESTS,
            WebError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            WebError::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            WebError::Busy => StatusCode::SERVICE_UNAVAILABLE,
            WebError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            WebError::Unauthorized => "unauthorized",
            WebError::Forbidden => "forbidden",
            WebError::NotFound => "not_found",
            WebError::Csrf => "csrf",
            WebError::Invalid { .. } => "invalid",
            WebError::Conflict(_) => "conflict",
            WebError::TooManyRequests(_) => "too_many_requests",
            WebError::PayloadTooLarge => "payload_too_large",
            WebError::RequestTimeout => "request_timeout",
            WebError::Busy => "busy",
            WebError::Internal(_) => "internal",
        }
    }

    fn detail(&self) -> ErrorDetail {
        let message = match self {
            WebError::Internal(_) => {
                "เกิดข้อผิดพลาดในระบบ กรุณาลองใหม่อีกครั้ง (internal error)".to_string()
            }
            other => other.to_string(),
        };
        let fields = match self {
            WebError::Invalid { fields, .. } => fields.clone(),
            _ => Vec::new(),
        };
        ErrorDetail {
            code: self.code(),
            message,
            fields,
        }
    }
}

impl From<DbError> for WebError {
    /// The database's own words (constraint names, SQL, English) are logged, never shown: users
    /// get a Thai sentence.
    fn from(e: DbError) -> Self {
        match e {
            DbError::NotFound { .. } => WebError::NotFound,
            DbError::Conflict(m) => {
                tracing::info!("conflict: {m}");
                WebError::Conflict("ข้อมูลนี้ซ้ำกับที่มีอยู่แล้ว หรือยังถูกใช้อยู่ จึงบันทึกไม่ได้ (conflict)".to_string())
            }
            DbError::Invalid(m) => {
                tracing::info!("invalid input: {m}");
                WebError::Invalid {
                    message: "ข้อมูลที่ส่งมาไม่ถูกต้อง จึงบันทึกไม่ได้ (invalid input)".to_string(),
                    fields: Vec::new(),
                }
            }
            DbError::Sqlx(e) => WebError::Internal(e.to_string()),
            DbError::Migrate(e) => WebError::Internal(e.to_string()),
        }
    }
}

impl From<askama::Error> for WebError {
    fn from(e: askama::Error) -> Self {
        WebError::Internal(format!("template: {e}"))
    }
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let status = self.status();
        if let WebError::Internal(detail) = &self {
            tracing::error!("internal error: {detail}");
        }
        let detail = self.detail();
        let mut resp = (
            status,
            Json(ErrorBody {
                error: detail.clone(),
            }),
        )
            .into_response();
        resp.extensions_mut().insert(ErrorMark(detail, status));
        resp
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_words_never_reach_users() {
        let conflict = WebError::from(DbError::Conflict(
            "already exists (UNIQUE constraint failed: memberships.user_id)".into(),
        ))
        .detail();
        assert!(!conflict.message.contains("UNIQUE"), "{}", conflict.message);
        assert!(conflict.message.starts_with("ข้อมูล"), "{}", conflict.message);
        let invalid = WebError::from(DbError::Invalid("unknown role \"x\"".into())).detail();
        assert!(
            !invalid.message.contains("unknown role"),
            "{}",
            invalid.message
        );
        assert!(invalid.message.starts_with("ข้อมูล"), "{}", invalid.message);
    }

    #[test]
    fn internal_errors_never_echo_their_text() {
        let r = WebError::internal("password=hunter2 at db.rs:12").detail();
        assert!(!r.message.contains("hunter2"));
        assert_eq!(r.code, "internal");
    }
}
