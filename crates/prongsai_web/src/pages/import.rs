//! Importing a legacy ITA document: upload → preview of what was recognised → confirm saves its measures.
//!
//! The preview's measures wait in the session (not in hidden fields), so what is saved is exactly what was shown.

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::measures::{self, MeasureStatus, NewMeasure};
use prongsai_db::{AgencyId, agencies::Agency, units};
use prongsai_import::report::import_report;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

use super::scores::upload::file_field;
use super::{agency_for, agency_year};
use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::views::layout::{Layout, Section};
use crate::views::{dates, format, render};

const SESSION_IMPORT: &str = "import_preview";

/// A recognised measure waiting for confirmation.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PendingMeasure {
    title: String,
    analysis: String,
    steps: Vec<String>,
    period_text: String,
    start: Option<jiff::civil::Date>,
    end: Option<jiff::civil::Date>,
    responsible: Vec<String>,
    outcomes: Vec<String>,
    links: Vec<String>,
}

/// What waits in the session.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Pending {
    agency: i64,
    year: u16,
    measures: Vec<PendingMeasure>,
    /// The document's own analysis per indicator: (indicator, cause, guidance).
    #[serde(default)]
    analysis: Vec<(u8, String, String)>,
}

#[derive(Template)]
#[template(path = "import.html")]
struct ImportPage {
    layout: Layout,
    action: String,
    errors: Vec<String>,
    preview: Option<Preview>,
}

struct Preview {
    title: String,
    kind: String,
    year: String,
    percent: String,
    measures: Vec<(PendingMeasure, String)>,
    unrecognised: Vec<(usize, String)>,
    warnings: Vec<String>,
}

async fn render_page(
    ctx: &PageCtx,
    agency: &Agency,
    errors: Vec<String>,
    preview: Option<Preview>,
    status: StatusCode,
    app: &AppState,
) -> Result<Response, WebError> {
    let t = ctx.t();
    let page = ImportPage {
        layout: ctx.layout(t.import_title).agency_nav(
            &ctx.me,
            agency,
            agency_year(app, agency.id).await?,
            Section::Import,
        ),
        action: format!("/agencies/{}/import", agency.id),
        errors,
        preview,
    };
    Ok((status, render(&page)?).into_response())
}

/// `GET /agencies/{id}/import`.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Import).await?;
    render_page(&ctx, &agency, Vec::new(), None, StatusCode::OK, &app).await
}

/// `POST /agencies/{id}/import`: reads the file and shows the preview.
pub async fn preview(
    State(app): State<AppState>,
    ctx: PageCtx,
    session: Session,
    Path(id): Path<i64>,
    mut mp: Multipart,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Import).await?;
    let Some((file, bytes)) = file_field(&mut mp, "file", app.config.max_upload_bytes).await?
    else {
        let e = vec![format!("{}: {}", ctx.t().file, ctx.t().err_required)];
        return render_page(
            &ctx,
            &agency,
            e,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
            &app,
        )
        .await;
    };
    let doc = match import_report(&file, &bytes, Some(&app.catalog)) {
        Ok(d) => d,
        Err(e) => {
            let lines = e.0.iter().map(ToString::to_string).collect();
            return render_page(
                &ctx,
                &agency,
                lines,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                &app,
            )
            .await;
        }
    };
    let year = doc
        .fiscal_year
        .map(|y| y.be())
        .unwrap_or_else(|| app.current_year());
    let pending: Vec<PendingMeasure> = doc
        .measures()
        .map(|m| PendingMeasure {
            title: m.title.clone(),
            analysis: m.analysis.clone(),
            steps: m.steps.clone(),
            period_text: m
                .period
                .as_ref()
                .map(|p| p.text.clone())
                .unwrap_or_default(),
            start: m.period.as_ref().and_then(|p| p.start),
            end: m.period.as_ref().and_then(|p| p.end),
            responsible: m.responsible.clone(),
            outcomes: m.outcomes.clone(),
            links: m.links.iter().map(|l| l.code.to_string()).collect(),
        })
        .collect();
    session
        .insert(
            SESSION_IMPORT,
            Pending {
                agency: agency.id.0,
                year,
                measures: pending.clone(),
                analysis: doc
                    .indicators()
                    .filter_map(|i| Some((i.number?, i.cause.trim(), i.guidance.trim())))
                    .filter(|(_, c, g)| !c.is_empty() || !g.is_empty())
                    .map(|(n, c, g)| (n, c.to_owned(), g.to_owned()))
                    .collect(),
            },
        )
        .await
        .map_err(WebError::internal)?;
    let preview = Preview {
        title: doc.title.clone(),
        kind: format!("{:?}", doc.kind),
        year: format::year(year, ctx.lang),
        percent: format!("{:.2}", doc.recognition.percent),
        measures: pending
            .into_iter()
            .map(|m| {
                let period = match (m.start, m.end) {
                    (Some(s), Some(e)) => format!(
                        "{} – {}",
                        dates::show(s, ctx.lang),
                        dates::show(e, ctx.lang)
                    ),
                    _ => m.period_text.clone(),
                };
                (m, period)
            })
            .collect(),
        unrecognised: doc
            .unrecognised
            .iter()
            .map(|f| (f.line, f.text.clone()))
            .collect(),
        warnings: doc.warnings.iter().map(|w| w.message.clone()).collect(),
    };
    render_page(
        &ctx,
        &agency,
        Vec::new(),
        Some(preview),
        StatusCode::OK,
        &app,
    )
    .await
}

/// `POST /agencies/{id}/import/confirm`: saves the previewed measures in one transaction.
pub async fn confirm(
    State(app): State<AppState>,
    ctx: PageCtx,
    session: Session,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Import).await?;
    let pending: Pending = session
        .remove(SESSION_IMPORT)
        .await
        .map_err(WebError::internal)?
        .filter(|p: &Pending| p.agency == agency.id.0)
        .ok_or_else(|| WebError::field("file", "ไม่พบเอกสารที่รอยืนยัน กรุณาอัปโหลดใหม่"))?;
    let unit_list = units::list(&app.db, agency.id).await?;
    let news: Vec<NewMeasure> = pending
        .measures
        .into_iter()
        .enumerate()
        .map(|(i, m)| {
            let (matched, unmatched): (Vec<_>, Vec<_>) = m
                .responsible
                .iter()
                .partition(|r| unit_list.iter().any(|u| u.name.trim() == r.trim()));
            let mut analysis = m.analysis;
            if !unmatched.is_empty() {
                let names: Vec<&str> = unmatched.iter().map(|s| s.as_str()).collect();
                analysis = format!("{analysis}\n(ผู้รับผิดชอบตามเอกสารเดิม: {})", names.join(", "))
                    .trim()
                    .to_string();
            }
            NewMeasure {
                agency_id: agency.id,
                fiscal_year: pending.year,
                number: 0, // after the year's last number, in document order
                title: if m.title.trim().is_empty() {
                    format!("มาตรการที่ {}", i + 1)
                } else {
                    m.title
                },
                analysis,
                steps: m.steps,
                period_start: m.start,
                period_end: m.end,
                period_text: m.period_text,
                status: MeasureStatus::NotStarted,
                outcome: m.outcomes.join("\n"),
                links: m.links,
                unit_ids: unit_list
                    .iter()
                    .filter(|u| matched.iter().any(|r| r.trim() == u.name.trim()))
                    .map(|u| u.id)
                    .collect(),
            }
        })
        .collect();
    let n = news.len();
    measures::create_many(&app.db, &ctx.me.actor(), news).await?;
    // The analysis the agency wrote stays its own words in the year's analysis report.
    for (indicator, cause, guidance) in &pending.analysis {
        prongsai_db::analyses::save(
            &app.db,
            &ctx.me.actor(),
            agency.id,
            pending.year,
            *indicator,
            prongsai_db::analyses::NoteText {
                cause,
                guidance,
                note: "",
            },
        )
        .await?;
    }
    Ok(Redirect::to(&format!(
        "/agencies/{}/years/{}/measures?copied={n}",
        agency.id, pending.year
    ))
    .into_response())
}
