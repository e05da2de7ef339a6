//! `GET /measures/{id}`: the measure, its timeline of progress with evidence, and the progress form.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use prongsai_db::evidence::{self, Evidence};
use prongsai_db::measures::Measure;
use prongsai_db::{agencies::Agency, progress, units};

use super::{measure_for, period_label};
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::error::{FieldError, WebError};
use crate::views::layout::{Layout, Section};
use crate::views::{dates, render};

/// One evidence line.
pub struct EvidenceView {
    /// Download link or the URL itself.
    pub href: String,
    /// File name or link title.
    pub label: String,
    /// SHA-256 of a file.
    pub sha256: Option<String>,
    /// Size in KB of a file.
    pub size_kb: Option<i64>,
}

/// One timeline entry.
pub struct EntryView {
    date: String,
    text: String,
    outcome: String,
    evidence: Vec<EvidenceView>,
}

/// The progress form as typed (kept when it is refused).
#[derive(Debug, Default, Clone)]
pub struct ProgressInput {
    /// Date as typed.
    pub date: String,
    /// What was done.
    pub text: String,
    /// Outcome.
    pub outcome: String,
    /// Links, one per line.
    pub links: String,
}

#[derive(Template)]
#[template(path = "measure.html")]
struct MeasurePage {
    layout: Layout,
    m: Measure,
    period: String,
    status: &'static str,
    unit_names: String,
    entries: Vec<EntryView>,
    loose: Vec<EvidenceView>,
    can_edit: bool,
    can_progress: bool,
    input: ProgressInput,
    errors: Vec<FieldError>,
    max_mb: usize,
}

impl MeasurePage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .filter(|e| e.field == field)
            .map(|e| e.message.clone())
            .reduce(|a, b| format!("{a} {b}"))
    }
}

fn view(e: &Evidence) -> EvidenceView {
    match &e.url {
        Some(u) => EvidenceView {
            href: u.clone(),
            label: if e.filename.is_empty() {
                u.clone()
            } else {
                e.filename.clone()
            },
            sha256: None,
            size_kb: None,
        },
        None => EvidenceView {
            href: format!("/evidence/{}", e.id),
            label: e.filename.clone(),
            sha256: e.sha256.clone(),
            size_kb: Some((e.size + 1023) / 1024),
        },
    }
}

/// Renders the page (200, or 422 with the refused progress form).
pub async fn page(
    app: &AppState,
    ctx: &PageCtx,
    m: Measure,
    agency: &Agency,
    input: ProgressInput,
    errors: Vec<FieldError>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let entries = progress::list(&app.db, m.id).await?;
    let ev = evidence::list(&app.db, m.id).await?;
    let unit_list = units::list(&app.db, agency.id).await?;
    let res = Resource::measure(agency, &m.unit_ids);
    let timeline = entries
        .iter()
        .map(|p| EntryView {
            date: dates::show(p.entry_date, ctx.lang),
            text: p.text.clone(),
            outcome: p.outcome.clone(),
            evidence: ev
                .iter()
                .filter(|e| e.progress_id == Some(p.id))
                .map(view)
                .collect(),
        })
        .collect();
    let loose = ev
        .iter()
        .filter(|e| e.progress_id.is_none())
        .map(view)
        .collect();
    let page = MeasurePage {
        layout: ctx.layout(format!("{}. {}", m.number, m.title)).agency_nav(
            &ctx.me,
            agency,
            m.fiscal_year,
            Section::Measures,
        ),
        period: period_label(&m, ctx.lang),
        status: m.status.label_th(),
        unit_names: unit_list
            .iter()
            .filter(|u| m.unit_ids.contains(&u.id))
            .map(|u| u.name.as_str())
            .collect::<Vec<_>>()
            .join(", "),
        entries: timeline,
        loose,
        can_edit: authz::can(&ctx.me, Action::EditMeasure, &res),
        can_progress: authz::can(&ctx.me, Action::AddProgress, &res),
        input,
        errors,
        max_mb: app.config.max_upload_bytes / (1024 * 1024),
        m,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /measures/{id}`.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let (m, agency) = measure_for(&app, &ctx.me, id, Action::Read).await?;
    page(
        &app,
        &ctx,
        m,
        &agency,
        ProgressInput::default(),
        Vec::new(),
        StatusCode::OK,
    )
    .await
}
