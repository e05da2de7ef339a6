//! A new measure prefilled from an analysis finding (`GET …/measures/new?indicator=&code=`): nothing is saved until the form is.

use prongsai_db::agencies::Agency;
use prongsai_db::measures::MeasureStatus;
use prongsai_domain::Code;
use prongsai_domain::analysis::{Finding, analyze};
use prongsai_domain::thai::FiscalYear;
use serde::Deserialize;

use super::input::MeasureInput;
use crate::app::App;
use crate::assessment::{framework, stored_result};
use crate::error::WebError;
use crate::views::{dates, format};

/// Which finding the form starts from; both absent for a blank form.
#[derive(Debug, Default, Deserialize)]
pub struct FindingQuery {
    /// Indicator number of the finding.
    pub indicator: Option<u8>,
    /// Question or OIT code of the finding.
    pub code: Option<String>,
}

/// Title, analysis, steps and links of a measure that answers `f` of indicator `number` named `name`:
/// the links are the indicator, the question and the OIT items the guidance refers to.
pub fn prefill(number: u8, name: &str, f: &Finding) -> (String, String, Vec<String>, Vec<String>) {
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
    let mut links = vec![format!("ind{number}"), f.code.to_string()];
    for r in f.oit_refs.iter().map(ToString::to_string) {
        if !links.contains(&r) {
            links.push(r);
        }
    }
    (title, analysis, steps, links)
}

/// The form's starting values: blank without a finding, else prefilled from it over the whole fiscal year.
/// An unknown indicator or code, or a year without scores, is 404 (the button only offers real findings).
pub async fn input_for(
    app: &App,
    agency: &Agency,
    year: u16,
    q: &FindingQuery,
) -> Result<MeasureInput, WebError> {
    let (Some(indicator), Some(code)) = (q.indicator, q.code.as_deref()) else {
        return Ok(MeasureInput::default());
    };
    let fw = framework(app, year)?;
    let code: Code = code
        .parse()
        .map_err(|e: prongsai_domain::code::CodeParseError| {
            WebError::field("code", e.to_string())
        })?;
    let result = stored_result(app, agency.id, year)
        .await?
        .ok_or(WebError::NotFound)?;
    let analysis = analyze(fw, app.catalog.guidance(fw.fiscal_year), &result, None);
    let ind = analysis
        .indicators
        .iter()
        .find(|i| i.number == indicator)
        .ok_or(WebError::NotFound)?;
    let finding = ind
        .findings
        .iter()
        .find(|f| f.code == code)
        .ok_or(WebError::NotFound)?;
    let (title, analysis_text, steps, links) = prefill(ind.number, &ind.name, finding);
    let fy = FiscalYear::new(year).map_err(|e| WebError::field("year", e.to_string()))?;
    Ok(MeasureInput {
        title,
        analysis: analysis_text,
        steps: steps.join("\n"),
        links: links.join(", "),
        period_start: dates::input_value(fy.start()),
        period_end: dates::input_value(fy.end()),
        period_text: "ตลอดปีงบประมาณ".into(),
        status: MeasureStatus::NotStarted.slug().to_string(),
        outcome: String::new(),
        units: Vec::new(),
    })
}
