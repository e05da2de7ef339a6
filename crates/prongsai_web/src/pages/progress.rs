//! `POST /measures/{id}/progress`: a progress entry with evidence files and links, saved in one transaction.

use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::evidence::{NewFile, NewUrl};
use prongsai_db::progress::{self, NewProgress};

use super::measures::measure_for;
use super::measures::show::{ProgressInput, page};
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::{FieldError, WebError};
use crate::uploads::{clean_name, file_kind};
use crate::views::dates;

/// Everything the multipart form carried.
struct Parsed {
    input: ProgressInput,
    date_pick: String,
    files: Vec<(String, Vec<u8>)>,
    errors: Vec<FieldError>,
}

async fn read_form(
    mp: &mut Multipart,
    per_file: usize,
    t: &crate::texts::Texts,
) -> Result<Parsed, WebError> {
    let mut p = Parsed {
        input: ProgressInput::default(),
        date_pick: String::new(),
        files: Vec::new(),
        errors: Vec::new(),
    };
    while let Some(mut field) = mp
        .next_field()
        .await
        .map_err(|_| WebError::PayloadTooLarge)?
    {
        let name = field.name().unwrap_or("").to_string();
        if name == "evidence" {
            let file = field.file_name().unwrap_or("").to_string();
            let mut bytes = Vec::new();
            let mut too_big = false;
            while let Some(chunk) = field.chunk().await.map_err(|_| WebError::PayloadTooLarge)? {
                if bytes.len() + chunk.len() > per_file {
                    too_big = true;
                    continue; // drain the rest without keeping it
                }
                bytes.extend_from_slice(&chunk);
            }
            if file.is_empty() && bytes.is_empty() {
                continue; // no file chosen
            }
            if too_big {
                p.errors.push(FieldError {
                    field: "evidence".into(),
                    message: format!(
                        "{}: {} ({} MB)",
                        clean_name(&file),
                        t.err_file_size,
                        per_file / (1024 * 1024)
                    ),
                });
            } else {
                p.files.push((file, bytes));
            }
            continue;
        }
        let text = field.text().await.map_err(|_| WebError::PayloadTooLarge)?;
        match name.as_str() {
            "entry_date" => p.input.date = text,
            "entry_date_pick" => p.date_pick = text,
            "text" => p.input.text = text,
            "outcome" => p.input.outcome = text,
            "links" => p.input.links = text,
            _ => {}
        }
    }
    Ok(p)
}

/// `POST` of the progress form.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, WebError> {
    let (m, agency) = measure_for(&app, &ctx.me, id, Action::AddProgress).await?;
    let t = ctx.t();
    let mut p = read_form(&mut mp, app.config.max_upload_bytes, t).await?;
    let date_text = if p.input.date.trim().is_empty() {
        p.date_pick.clone()
    } else {
        p.input.date.clone()
    };
    let date = dates::parse_date(&date_text);
    if date.is_none() {
        let message = if date_text.trim().is_empty() {
            t.err_required.to_string()
        } else {
            format!("{} (\"{}\")", t.err_date, date_text.trim())
        };
        p.errors.push(FieldError {
            field: "entry_date".into(),
            message,
        });
    }
    if p.input.text.trim().is_empty() {
        p.errors.push(FieldError {
            field: "text".into(),
            message: t.err_required.into(),
        });
    }
    if let Some(message) = crate::limits::too_long(t, &p.input.text, crate::limits::PROGRESS_TEXT) {
        p.errors.push(FieldError {
            field: "text".into(),
            message,
        });
    }
    let mut files = Vec::new();
    for (name, bytes) in std::mem::take(&mut p.files) {
        match file_kind(&name, &bytes) {
            Some(kind) => files.push((
                NewFile {
                    measure_id: m.id,
                    progress_id: None,
                    filename: clean_name(&name),
                    mime: kind.mime().to_string(),
                    effective_date: date,
                },
                bytes,
            )),
            None => p.errors.push(FieldError {
                field: "evidence".into(),
                message: format!("{}: {}", clean_name(&name), t.err_file_type),
            }),
        }
    }
    let mut urls = Vec::new();
    for line in p
        .input
        .links
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let lower = line.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://"))
            && !line.contains(char::is_whitespace)
        {
            urls.push(NewUrl {
                measure_id: m.id,
                progress_id: None,
                url: line.to_string(),
                title: String::new(),
                effective_date: date,
            });
        } else {
            p.errors.push(FieldError {
                field: "links".into(),
                message: format!("{} (\"{line}\")", t.err_url),
            });
        }
    }
    let Some(entry_date) = date.filter(|_| p.errors.is_empty()) else {
        return page(
            &app,
            &ctx,
            m,
            &agency,
            p.input,
            p.errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let new = NewProgress {
        measure_id: m.id,
        entry_date,
        text: p.input.text.trim().to_string(),
        outcome: p.input.outcome.trim().to_string(),
        author: Some(ctx.me.user.id),
    };
    progress::add_with_evidence(&app.db, &ctx.me.actor(), new, files, urls).await?;
    Ok(Redirect::to(&format!("/measures/{}#progress", m.id)).into_response())
}
