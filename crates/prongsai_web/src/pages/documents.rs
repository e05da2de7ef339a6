//! The year's published documents: `GET …/documents` lists them, `GET …/documents/{kind}/{format}` renders one
//! (analysis and OIT checklist from the scores; measures plan and implementation report from the measures).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use prongsai_db::measures::MeasureStatus;
use prongsai_db::{AgencyId, agencies::Agency, measures, progress, units};
use prongsai_domain::analysis::analyze;
use prongsai_reports::build::{EvidenceUrls, default_header, from_scores};
use prongsai_reports::model::{Header, LinkRow, MeasureGroup, MeasureRow};
use prongsai_reports::{Format, RenderOptions, ReportData, ReportKind};

use super::agency_for;
use crate::app::AppState;
use crate::assessment::{framework, stored_result};
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::views::layout::{Layout, Section};
use crate::views::{format, render};

/// One document with its download links.
struct DocLink {
    title: &'static str,
    slug: &'static str,
}

#[derive(Template)]
#[template(path = "documents.html")]
struct DocumentsPage {
    layout: Layout,
    base: String,
    docs: Vec<DocLink>,
    formats: Vec<&'static str>,
}

const FORMATS: [Format; 3] = [Format::Pdf, Format::Docx, Format::Html];

/// Documents rendered at once.
const RENDER_SLOTS: usize = 2;
/// Longest wait for a render slot.
const RENDER_QUEUE: std::time::Duration = std::time::Duration::from_secs(10);
/// Longest wait for one render's result.
const RENDER_TIME: std::time::Duration = std::time::Duration::from_secs(60);
static RENDERS: std::sync::LazyLock<std::sync::Arc<tokio::sync::Semaphore>> =
    std::sync::LazyLock::new(|| std::sync::Arc::new(tokio::sync::Semaphore::new(RENDER_SLOTS)));

/// `GET` the list of documents.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let t = ctx.t();
    let page = DocumentsPage {
        layout: ctx
            .layout(format!(
                "{} · {}",
                t.documents_title,
                format::year(year, ctx.lang)
            ))
            .agency_nav(&ctx.me, &agency, year, Section::Documents),
        base: format!("/agencies/{}/years/{year}/documents", agency.id),
        docs: ReportKind::ALL
            .iter()
            .map(|k| DocLink {
                title: k.title_th(),
                slug: k.slug(),
            })
            .collect(),
        formats: FORMATS.iter().map(|f| f.extension()).collect(),
    };
    Ok(render(&page)?.into_response())
}

fn header(agency: &Agency, kind: ReportKind, year: u16) -> Header {
    Header {
        agency: agency.name.clone(),
        district: Some(agency.district.clone()).filter(|d| !d.is_empty()),
        province: Some(agency.province.clone()),
        ..default_header(kind, Some(year))
    }
}

async fn measures_data(
    app: &AppState,
    agency: &Agency,
    year: u16,
    kind: ReportKind,
) -> Result<ReportData, WebError> {
    let unit_list = units::list(&app.db, agency.id).await?;
    let mut rows = Vec::new();
    for m in measures::list(&app.db, agency.id, year).await? {
        if m.status == MeasureStatus::Cancelled {
            continue;
        }
        let entries = if kind == ReportKind::Implementation {
            progress::list(&app.db, m.id).await?
        } else {
            Vec::new()
        };
        rows.push(MeasureRow {
            number: u16::try_from(m.number).ok(),
            title: m.title.clone(),
            analysis: m.analysis.clone(),
            steps: m.steps.clone(),
            period: crate::pages::measures::period_label(&m, crate::config::Language::Th),
            responsible: unit_list
                .iter()
                .filter(|u| m.unit_ids.contains(&u.id))
                .map(|u| u.name.clone())
                .collect(),
            results: entries.iter().map(|p| p.text.clone()).collect(),
            outcomes: entries
                .iter()
                .map(|p| p.outcome.clone())
                .chain(std::iter::once(m.outcome.clone()))
                .filter(|o| !o.is_empty())
                .collect(),
            links: m
                .links
                .iter()
                .map(|c| LinkRow {
                    code: c.clone(),
                    text: String::new(),
                    score: None,
                })
                .collect(),
            status: Some(m.status.label_th().to_string()),
        });
    }
    Ok(ReportData {
        kind,
        header: header(agency, kind, year),
        summary: None,
        indicators: Vec::new(),
        measure_groups: vec![MeasureGroup {
            heading: None,
            measures: rows,
        }],
        oit_items: Vec::new(),
        paragraphs: Vec::new(),
    })
}

/// `GET …/documents/{kind}/{format}`: renders and downloads one document.
pub async fn download(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year, kind, ext)): Path<(i64, u16, String, String)>,
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
    let data = match kind {
        ReportKind::Analysis | ReportKind::Oit => {
            let fw = framework(&app, year)?;
            let result = stored_result(&app, agency.id, year).await?.ok_or_else(|| {
                WebError::Conflict(format!("{} — {}", ctx.t().no_scores_yet, kind.title_th()))
            })?;
            let previous = stored_result(&app, agency.id, year.saturating_sub(1)).await?;
            let analysis = analyze(
                fw,
                app.catalog.guidance(fw.fiscal_year),
                &result,
                previous.as_ref(),
            );
            let official = prongsai_db::assessments::official(&app.db, agency.id, year).await?;
            from_scores(
                fw,
                &result,
                &analysis,
                header(&agency, kind, year),
                kind,
                &EvidenceUrls::new(),
                official.as_ref(),
            )
            .map_err(|e| WebError::Conflict(e.to_string()))?
        }
        ReportKind::Measures | ReportKind::Implementation => {
            measures_data(&app, &agency, year, kind).await?
        }
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
        prongsai_reports::render(&data, fmt, &RenderOptions::default())
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
    Ok((
        [
            (header::CONTENT_TYPE, fmt.mime().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}
