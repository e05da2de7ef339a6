//! `POST /agencies/{id}/years/{year}/scores/upload`: a CSV or XLSX `code,score` file.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use prongsai_db::AgencyId;
use prongsai_import::parse_score_file;

use super::{Feedback, page, save_sheet, saved_redirect};
use crate::app::AppState;
use crate::assessment::framework;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::agency_for;

/// Reads the `file` field of a multipart form: (file name, bytes), refusing more than `limit` bytes.
pub async fn file_field(
    mp: &mut Multipart,
    name: &str,
    limit: usize,
) -> Result<Option<(String, Vec<u8>)>, WebError> {
    while let Some(mut field) = mp
        .next_field()
        .await
        .map_err(|_| WebError::PayloadTooLarge)?
    {
        if field.name() != Some(name) {
            continue;
        }
        let file = field.file_name().unwrap_or("upload").to_string();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.chunk().await.map_err(|_| WebError::PayloadTooLarge)? {
            if bytes.len() + chunk.len() > limit {
                return Err(WebError::PayloadTooLarge);
            }
            bytes.extend_from_slice(&chunk);
        }
        if bytes.is_empty() && file.is_empty() {
            return Ok(None);
        }
        return Ok(Some((file, bytes)));
    }
    Ok(None)
}

/// `POST` of the upload form.
pub async fn save(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    mut mp: Multipart,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditScores).await?;
    let fw = framework(&app, year)?;
    let t = ctx.t();
    let upload_errors = match file_field(&mut mp, "file", app.config.max_upload_bytes).await? {
        None => vec![format!("{}: {}", t.file, t.err_required)],
        Some((file, bytes)) => match parse_score_file(&file, &bytes, fw) {
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
            Ok(sheet) => match save_sheet(&app, &ctx, &agency, year, &sheet, "upload").await? {
                Ok(_) => return Ok(saved_redirect(&agency, year)),
                Err(errors) => errors
                    .iter()
                    .map(|e| format!("{file}: {}", e.message))
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            },
        },
    };
    let fb = Feedback {
        upload_errors,
        ..Feedback::default()
    };
    page(
        &app,
        &ctx,
        &agency,
        year,
        fb,
        StatusCode::UNPROCESSABLE_ENTITY,
        None,
    )
    .await
}
