//! `GET /agencies/{id}/years/{year}/analysis`: per indicator the weakest questions, cause, guidance and OIT references.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::AgencyId;
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
}

/// `GET` the analysis page.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let fw = framework(&app, year)?;
    let result = stored_result(&app, agency.id, year).await?;
    let previous = stored_result(&app, agency.id, year.saturating_sub(1)).await?;
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
        verdict,
        indicators,
    };
    Ok(render(&page)?.into_response())
}
