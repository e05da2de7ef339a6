//! The year's published documents: `GET …/documents` lists what can be printed with a preview, the
//! document's own words (title, introduction, closing, signing date) and the signer;
//! `GET …/documents/{kind}/{format}` renders one (`?inline=1` to show it in the page, `?as_of=` for the
//! mid-year report).

mod data;
mod texts;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use prongsai_db::{AgencyId, documents};
use prongsai_reports::{Format, RenderOptions, ReportKind};
use serde::Deserialize;

use super::agency_for;
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::error::WebError;
use crate::views::dates;
use crate::views::layout::{Layout, Section};
use crate::views::{format, render};

pub use data::{midyear_default, report_data};
pub use texts::{save_signer, save_texts};

/// One document: whether it can be printed, its downloads and its own words.
pub struct DocView {
    /// Thai title of the kind.
    pub title: &'static str,
    /// `analysis`, `measures`, …
    pub slug: &'static str,
    /// Why it cannot be printed yet ("" when it can).
    pub missing: &'static str,
    /// The saved (or typed) title, introduction, closing and signing date.
    pub text: documents::DocumentText,
    /// The signing date as shown in the form (Buddhist era).
    pub signed_on: String,
    /// Field errors of a failed save of this document's texts: (field, message).
    pub errors: Vec<(String, String)>,
    /// Query string of the links (`?as_of=…` for the mid-year report), "" otherwise.
    pub query: String,
}

impl DocView {
    /// The error at `field`, if any.
    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

#[derive(Template)]
#[template(path = "documents.html")]
struct DocumentsPage {
    layout: Layout,
    base: String,
    docs: Vec<DocView>,
    formats: Vec<&'static str>,
    /// The previewed document's frame address and title.
    preview: Option<(String, String)>,
    can_edit: bool,
    signer: documents::Signer,
    signer_action: String,
    signer_errors: Vec<(String, String)>,
}

impl DocumentsPage {
    /// The signer form's error at `field`, if any.
    fn signer_error(&self, field: &str) -> Option<&str> {
        self.signer_errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

const FORMATS: [Format; 3] = [Format::Pdf, Format::Docx, Format::Html];

/// `?preview=` of the list page.
#[derive(Debug, Default, Deserialize)]
pub struct ListQuery {
    /// The kind whose PDF is shown in the page.
    pub preview: Option<String>,
}

/// A failed save to show again: the kind's typed texts or the typed signer, with their errors.
#[derive(Default)]
pub struct Typed {
    /// Kind slug and its typed texts.
    pub texts: Option<(String, documents::DocumentText, String)>,
    /// The typed signer.
    pub signer: Option<documents::Signer>,
    /// Field errors.
    pub errors: Vec<(String, String)>,
}

/// `GET` the list of documents.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Query(q): Query<ListQuery>,
) -> Result<Response, WebError> {
    page(&app, &ctx, id, year, q.preview, Typed::default()).await
}

/// The documents page, with what a failed save typed.
pub async fn page(
    app: &AppState,
    ctx: &PageCtx,
    id: i64,
    year: u16,
    preview: Option<String>,
    typed: Typed,
) -> Result<Response, WebError> {
    let agency = agency_for(app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let t = ctx.t();
    let has_scores = crate::assessment::stored_result(app, agency.id, year)
        .await?
        .is_some();
    let has_measures = prongsai_db::measures::list(&app.db, agency.id, year)
        .await?
        .iter()
        .any(|m| m.status != prongsai_db::measures::MeasureStatus::Cancelled);
    let midyear = midyear_default(year, dates::today());
    let mut docs = Vec::new();
    for k in ReportKind::ALL {
        let missing = match k {
            ReportKind::Analysis | ReportKind::Oit if !has_scores => t.documents_need_scores,
            ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear
                if !has_measures =>
            {
                t.documents_need_measures
            }
            _ => "",
        };
        let (text, signed_on, errors) = match &typed.texts {
            Some((slug, text, signed)) if slug == k.slug() => {
                (text.clone(), signed.clone(), typed.errors.clone())
            }
            _ => {
                let text = documents::text(&app.db, agency.id, year, k.slug())
                    .await?
                    .unwrap_or_default();
                let shown = text
                    .signed_on
                    .as_deref()
                    .and_then(|d| d.parse().ok())
                    .map(|d| dates::show(d, ctx.lang))
                    .unwrap_or_default();
                (text, shown, Vec::new())
            }
        };
        let query = match (k, midyear) {
            (ReportKind::Midyear, Some(d)) => format!("?as_of={d}"),
            _ => String::new(),
        };
        docs.push(DocView {
            title: k.title_th(),
            slug: k.slug(),
            missing,
            text,
            signed_on,
            errors,
            query,
        });
    }
    let preview = preview.and_then(|p| {
        docs.iter()
            .find(|d| d.slug == p && d.missing.is_empty())
            .map(|d| {
                let sep = if d.query.is_empty() { "?" } else { "&" };
                let src = format!(
                    "/agencies/{}/years/{year}/documents/{}/pdf{}{sep}inline=1",
                    agency.id, d.slug, d.query
                );
                let title = if d.text.title.trim().is_empty() {
                    d.title.to_owned()
                } else {
                    d.text.title.clone()
                };
                (src, title)
            })
    });
    let signer = match typed.signer {
        Some(s) => s,
        None => documents::signer(&app.db, agency.id)
            .await?
            .unwrap_or_default(),
    };
    let signer_errors = if typed.texts.is_none() {
        typed.errors
    } else {
        Vec::new()
    };
    let page = DocumentsPage {
        layout: ctx
            .layout(format!(
                "{} · {}",
                t.documents_title,
                format::year(year, ctx.lang)
            ))
            .agency_nav(&ctx.me, &agency, year, Section::Documents),
        base: format!("/agencies/{}/years/{year}/documents", agency.id),
        docs,
        formats: FORMATS.iter().map(|f| f.extension()).collect(),
        preview,
        can_edit: authz::can(&ctx.me, Action::EditDocuments, &Resource::agency(&agency)),
        signer,
        signer_action: format!("/agencies/{}/signer?year={year}", agency.id),
        signer_errors,
    };
    Ok(render(&page)?.into_response())
}

/// `?inline=1&as_of=YYYY-MM-DD` of a download.
#[derive(Debug, Default, Deserialize)]
pub struct DownloadQuery {
    /// Show in the page (a preview) rather than save as a file.
    pub inline: Option<String>,
    /// The date a mid-year report is as of.
    pub as_of: Option<String>,
}

/// Documents rendered at once.
const RENDER_SLOTS: usize = 2;
/// Longest wait for a render slot.
const RENDER_QUEUE: std::time::Duration = std::time::Duration::from_secs(10);
/// Longest wait for one render's result.
const RENDER_TIME: std::time::Duration = std::time::Duration::from_secs(60);
static RENDERS: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(tokio::sync::Semaphore::new(RENDER_SLOTS)));

/// `GET …/documents/{kind}/{format}`: renders and downloads (or shows) one document.
pub async fn download(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year, kind, ext)): Path<(i64, u16, String, String)>,
    Query(q): Query<DownloadQuery>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let kind = ReportKind::ALL
        .into_iter()
        .find(|k| k.slug() == kind)
        .ok_or(WebError::NotFound)?;
    let fmt = FORMATS
        .into_iter()
        .find(|f| f.extension() == ext)
        .ok_or(WebError::NotFound)?;
    let as_of = match kind {
        ReportKind::Midyear => q
            .as_of
            .as_deref()
            .and_then(dates::parse_date)
            .or_else(|| midyear_default(year, dates::today())),
        _ => None,
    };
    let t = ctx.t();
    let data = report_data(&app, &agency, year, kind, as_of)
        .await?
        .ok_or_else(|| {
            let why = match kind {
                ReportKind::Analysis | ReportKind::Oit => t.documents_need_scores,
                _ => t.documents_need_measures,
            };
            WebError::Conflict(format!("{} — {why}", kind.title_th()))
        })?;
    let options = RenderOptions {
        as_of: as_of.map(|d| d.to_string()),
        ..RenderOptions::default()
    };
    // Rendering (typst for PDF) is CPU work: keep it off the async workers, at most
    // RENDER_SLOTS at once (the permit lives as long as the render), and answer "busy" rather
    // than queue or wait without end.
    let permit = tokio::time::timeout(RENDER_QUEUE, RENDERS.clone().acquire_owned())
        .await
        .map_err(|_| WebError::Busy)?
        .map_err(WebError::internal)?;
    let render = tokio::task::spawn_blocking(move || {
        let _permit = permit;
        prongsai_reports::render(&data, fmt, &options)
    });
    let bytes = tokio::time::timeout(RENDER_TIME, render)
        .await
        .map_err(|_| WebError::Busy)?
        .map_err(WebError::internal)?
        .map_err(|e| match e {
            prongsai_reports::ReportError::MissingData(m) => WebError::Conflict(m),
            other => WebError::internal(other),
        })?;
    let name = format!("{}-{}-{year}.{}", kind.slug(), agency.id, fmt.extension());
    let disposition = if q.inline.is_some() {
        "inline"
    } else {
        "attachment"
    };
    let mut resp = (
        [
            (header::CONTENT_TYPE, fmt.mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("{disposition}; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response();
    if q.inline.is_some() {
        resp.extensions_mut().insert(crate::router::FramedBySelf);
    }
    Ok(resp)
}
