//! `GET /evidence/{id}`: downloads an evidence file (URL evidence redirects to its link).

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::{EvidenceId, evidence};

use super::measures::measure_for;
use crate::app::AppState;
use crate::auth::Principal;
use crate::authz::Action;
use crate::error::WebError;

/// Percent-encodes a UTF-8 file name for `filename*=`.
fn rfc5987(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The evidence file with its stored type, as an attachment.
pub async fn download(
    State(app): State<AppState>,
    me: Principal,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let e = evidence::get(&app.db, EvidenceId::from(id)).await?;
    measure_for(&app, &me, e.measure_id.0, Action::Read).await?;
    if let Some(url) = &e.url {
        return Ok(Redirect::to(url).into_response());
    }
    let bytes = e.bytes.unwrap_or_default();
    let ascii: String = e
        .filename
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let disposition = format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
        rfc5987(&e.filename)
    );
    Ok((
        [
            (header::CONTENT_TYPE, e.mime.clone()),
            (header::CONTENT_DISPOSITION, disposition),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_string()),
        ],
        bytes,
    )
        .into_response())
}
