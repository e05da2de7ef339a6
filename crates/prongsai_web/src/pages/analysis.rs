//! `GET /agencies/{id}/years/{year}/analysis`: per indicator the weakest questions, cause, guidance and OIT
//! references, and the text the analysis report prints (our guidance until the agency writes its own);
//! `POST …/analysis/{indicator}` saves the agency's text of one indicator.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use std::collections::BTreeMap;

use axum::Form;
use prongsai_db::{AgencyId, analyses};
use prongsai_domain::analysis::analyze;

use super::agency_for;
use crate::app::AppState;
use crate::assessment::{framework, stored_result};
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::config::Language;
use crate::error::WebError;
use crate::views::layout::{Layout, Section};
use crate::views::{format, render};

/// One weakest question of an indicator.
struct FindingView {
    code: String,
    text: String,
    score: String,
    cause: String,
    guidance: String,
    oit_refs: String,
}

/// One indicator block.
struct IndicatorView {
    number: u8,
    name: String,
    score: String,
    change: Option<String>,
    findings: Vec<FindingView>,
    note: Option<String>,
    /// The text printed in the report: the agency's, or our default.
    text: TextView,
}

/// The editable text of one indicator.
#[derive(Default)]
struct TextView {
    cause: String,
    guidance: String,
    note: String,
    /// The agency wrote (saved) it.
    own: bool,
    /// Field errors of a failed save: (field, message).
    errors: Vec<(String, String)>,
}

impl TextView {
    fn error(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

/// What a failed save typed for one indicator.
struct Typed {
    indicator: u8,
    text: TextView,
}

#[derive(Template)]
#[template(path = "analysis.html")]
struct AnalysisPage {
    layout: Layout,
    new_measure: String,
    has_scores: bool,
    verdict: String,
    indicators: Vec<IndicatorView>,
    can_create: bool,
    can_edit: bool,
    base: String,
}

/// `GET` the analysis page.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
) -> Result<Response, WebError> {
    page(&app, &ctx, id, year, None).await
}

/// The analysis page, with what a failed save typed.
async fn page(
    app: &AppState,
    ctx: &PageCtx,
    id: i64,
    year: u16,
    mut typed: Option<Typed>,
) -> Result<Response, WebError> {
    let agency = agency_for(app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let notes = analyses::list(&app.db, agency.id, year).await?;
    let fw = framework(app, year)?;
    let result = stored_result(app, agency.id, year).await?;
    let previous = stored_result(app, agency.id, year.saturating_sub(1)).await?;
    let en = ctx.lang == Language::En;
    let (verdict, indicators) = match &result {
        None => (String::new(), Vec::new()),
        Some(r) => {
            let a = analyze(
                fw,
                app.catalog.guidance(fw.fiscal_year),
                r,
                previous.as_ref(),
            );
            let v = if en {
                a.verdict.text_en.clone()
            } else {
                a.verdict.text_th.clone()
            };
            let list = a
                .indicators
                .iter()
                .map(|i| IndicatorView {
                    number: i.number,
                    name: i.name.clone(),
                    score: format::score(i.score.value()),
                    change: i.change.map(|c| format::change(c.value())),
                    findings: i
                        .findings
                        .iter()
                        .map(|f| FindingView {
                            code: f.code.to_string(),
                            text: f.text.clone(),
                            score: format::score(f.score.value()),
                            cause: if en && !f.cause_en.is_empty() {
                                f.cause_en.clone()
                            } else {
                                f.cause_th.clone()
                            },
                            guidance: if en && !f.guidance_en.is_empty() {
                                f.guidance_en.clone()
                            } else {
                                f.guidance_th.clone()
                            },
                            oit_refs: f
                                .oit_refs
                                .iter()
                                .map(ToString::to_string)
                                .collect::<Vec<_>>()
                                .join(", "),
                        })
                        .collect(),
                    note: i.note.clone(),
                    text: match typed.take_if(|t| t.indicator == i.number) {
                        Some(t) => t.text,
                        None => match notes.iter().find(|n| n.indicator == i.number) {
                            Some(n) => TextView {
                                cause: n.cause.clone(),
                                guidance: n.guidance.clone(),
                                note: n.note.clone(),
                                own: true,
                                errors: Vec::new(),
                            },
                            None => TextView {
                                cause: i.cause.clone(),
                                guidance: i.guidance.clone(),
                                ..TextView::default()
                            },
                        },
                    },
                })
                .collect();
            (v, list)
        }
    };
    let t = ctx.t();
    let page = AnalysisPage {
        layout: ctx
            .layout(format!(
                "{} · {} {}",
                t.analysis_title,
                t.fiscal_year,
                format::year(year, ctx.lang)
            ))
            .agency_nav(&ctx.me, &agency, year, Section::Analysis),
        new_measure: format!("/agencies/{}/years/{year}/measures/new", agency.id),
        has_scores: result.is_some(),
        can_create: authz::can(&ctx.me, Action::CreateMeasure, &Resource::agency(&agency)),
        can_edit: authz::can(&ctx.me, Action::EditDocuments, &Resource::agency(&agency)),
        base: format!("/agencies/{}/years/{year}/analysis", agency.id),
        verdict,
        indicators,
    };
    Ok(render(&page)?.into_response())
}

/// Longest cause, guidance or note.
const TEXT: usize = 10_000;

/// `POST` the agency's text of one indicator (cause, guidance, note).
pub async fn save(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year, indicator)): Path<(i64, u16, u8)>,
    Form(fields): Form<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditDocuments).await?;
    let fw = framework(&app, year)?;
    if fw.indicator(indicator).is_none() {
        return Err(WebError::NotFound);
    }
    let get = |k: &str| {
        fields
            .get(k)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    };
    let mut text = TextView {
        cause: get("cause"),
        guidance: get("guidance"),
        note: get("note"),
        own: true,
        errors: Vec::new(),
    };
    for (name, value) in [
        ("cause", &text.cause),
        ("guidance", &text.guidance),
        ("note", &text.note),
    ] {
        if let Some(m) = crate::limits::too_long(ctx.t(), value, TEXT) {
            text.errors.push((name.to_owned(), m));
        }
    }
    if !text.errors.is_empty() {
        let mut resp = page(&app, &ctx, id, year, Some(Typed { indicator, text })).await?;
        *resp.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
        return Ok(resp);
    }
    analyses::save(
        &app.db,
        &ctx.me.actor(),
        agency.id,
        year,
        indicator,
        analyses::NoteText {
            cause: &text.cause,
            guidance: &text.guidance,
            note: &text.note,
        },
    )
    .await?;
    Ok(axum::response::Redirect::to(&format!(
        "/agencies/{}/years/{year}/analysis#indicator-{indicator}",
        agency.id
    ))
    .into_response())
}
