//! `POST …/documents/{kind}/texts` (a document's title, introduction, closing and signing date) and
//! `POST /agencies/{id}/signer` (who signs the agency's documents); errors at their field, input kept.

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::{AgencyId, documents};
use prongsai_reports::ReportKind;
use serde::Deserialize;

use super::{Typed, page};
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::limits;
use crate::pages::agency_for;
use crate::views::dates;

/// Longest title.
const TITLE: usize = 500;
/// Longest introduction or closing.
const TEXT: usize = 10_000;

fn field(fields: &BTreeMap<String, String>, name: &str) -> String {
    fields
        .get(name)
        .map(|s| s.trim().to_owned())
        .unwrap_or_default()
}

/// `POST` a document's own words.
pub async fn save_texts(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year, kind)): Path<(i64, u16, String)>,
    Form(fields): Form<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditDocuments).await?;
    let kind = ReportKind::ALL
        .into_iter()
        .find(|k| k.slug() == kind)
        .ok_or(WebError::NotFound)?;
    let t = ctx.t();
    let mut errors = Vec::new();
    let text = documents::DocumentText {
        title: field(&fields, "title"),
        intro: fields.get("intro").cloned().unwrap_or_default(),
        closing: fields.get("closing").cloned().unwrap_or_default(),
        signed_on: None,
    };
    for (name, value, max) in [
        ("title", &text.title, TITLE),
        ("intro", &text.intro, TEXT),
        ("closing", &text.closing, TEXT),
    ] {
        if let Some(m) = limits::too_long(t, value, max) {
            errors.push((name.to_owned(), m));
        }
    }
    let typed_date = field(&fields, "signed_on");
    let signed_on = if typed_date.is_empty() {
        None
    } else {
        match dates::parse_date(&typed_date) {
            Some(d) => Some(d.to_string()),
            None => {
                errors.push(("signed_on".to_owned(), t.err_date.to_owned()));
                None
            }
        }
    };
    if !errors.is_empty() {
        let typed = Typed {
            texts: Some((kind.slug().to_owned(), text, typed_date)),
            signer: None,
            errors,
        };
        let mut resp = page(&app, &ctx, id, year, None, typed).await?;
        *resp.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(resp);
    }
    let text = documents::DocumentText { signed_on, ..text };
    documents::save_text(
        &app.db,
        &ctx.me.actor(),
        agency.id,
        year,
        kind.slug(),
        &text,
    )
    .await?;
    Ok(Redirect::to(&format!(
        "/agencies/{}/years/{year}/documents?preview={}#doc-{}",
        agency.id,
        kind.slug(),
        kind.slug()
    ))
    .into_response())
}

/// `?year=` the signer form came from, to go back to it.
#[derive(Debug, Default, Deserialize)]
pub struct SignerQuery {
    /// The documents page's year.
    pub year: Option<u16>,
}

/// `POST` who signs the agency's documents.
pub async fn save_signer(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Query(q): Query<SignerQuery>,
    Form(fields): Form<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditDocuments).await?;
    let t = ctx.t();
    let signer = documents::Signer {
        name: field(&fields, "name"),
        position: field(&fields, "position"),
    };
    let mut errors = Vec::new();
    for (name, value) in [("name", &signer.name), ("position", &signer.position)] {
        if let Some(m) = limits::too_long(t, value, limits::NAME) {
            errors.push((name.to_owned(), m));
        }
    }
    let year = q.year.unwrap_or_else(|| app.current_year());
    if !errors.is_empty() {
        let typed = Typed {
            texts: None,
            signer: Some(signer),
            errors,
        };
        let mut resp = page(&app, &ctx, id, year, None, typed).await?;
        *resp.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(resp);
    }
    documents::save_signer(&app.db, &ctx.me.actor(), agency.id, &signer).await?;
    Ok(Redirect::to(&format!(
        "/agencies/{}/years/{year}/documents#signer",
        agency.id
    ))
    .into_response())
}
