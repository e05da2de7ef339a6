//! `POST /agencies/{id}/years/{year}/measures/from-finding`: one click on an analysis finding creates a prefilled measure.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::AgencyId;
use prongsai_db::measures::{self, MeasureStatus, NewMeasure};
use prongsai_domain::Code;
use prongsai_domain::analysis::{Finding, analyze};
use prongsai_domain::thai::FiscalYear;
use serde::Deserialize;

use super::form::next_number;
use crate::app::AppState;
use crate::assessment::{framework, stored_result};
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::agency_for;
use crate::views::format;

/// Which finding.
#[derive(Debug, Deserialize)]
pub struct FindingForm {
    indicator: u8,
    code: String,
}

/// Title, analysis, steps and links of a measure that answers `f` of indicator `name`.
pub fn prefill(name: &str, f: &Finding) -> (String, String, Vec<String>, Vec<String>) {
    let title = format!("ยกระดับ{name} ข้อ {} {}", f.code, f.text)
        .trim()
        .to_string();
    let mut analysis = format!("ข้อ {} ได้คะแนน {}", f.code, format::score(f.score.value()));
    if !f.cause_th.is_empty() {
        analysis.push_str(&format!(" สาเหตุ: {}", f.cause_th));
    }
    let steps = if f.guidance_th.is_empty() {
        Vec::new()
    } else {
        vec![f.guidance_th.clone()]
    };
    let mut links = vec![f.code.to_string()];
    links.extend(f.oit_refs.iter().map(ToString::to_string));
    (title, analysis, steps, links)
}

/// `POST` of a finding's button.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Form(form): Form<FindingForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::CreateMeasure).await?;
    let fw = framework(&app, year)?;
    let code: Code = form
        .code
        .parse()
        .map_err(|e: prongsai_domain::code::CodeParseError| {
            WebError::field("code", e.to_string())
        })?;
    let result = stored_result(&app, agency.id, year)
        .await?
        .ok_or(WebError::NotFound)?;
    let analysis = analyze(fw, app.catalog.guidance(year), &result, None);
    let ind = analysis
        .indicators
        .iter()
        .find(|i| i.number == form.indicator)
        .ok_or(WebError::NotFound)?;
    let finding = ind
        .findings
        .iter()
        .find(|f| f.code == code)
        .ok_or(WebError::NotFound)?;
    let (title, analysis_text, steps, links) = prefill(&ind.name, finding);
    let fy = FiscalYear::new(year).map_err(|e| WebError::field("year", e.to_string()))?;
    let new = NewMeasure {
        agency_id: agency.id,
        fiscal_year: year,
        number: next_number(&app, agency.id, year).await?,
        title,
        analysis: analysis_text,
        steps,
        period_start: Some(fy.start()),
        period_end: Some(fy.end()),
        period_text: "ตลอดปีงบประมาณ".into(),
        status: MeasureStatus::NotStarted,
        outcome: String::new(),
        links,
        unit_ids: Vec::new(),
    };
    let m = measures::create(&app.db, &ctx.me.actor(), new).await?;
    Ok(Redirect::to(&format!("/measures/{}/edit", m.id)).into_response())
}
