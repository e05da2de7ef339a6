//! A year's document from what the agency stored: scores with its own analysis texts, measures with progress
//! and evidence, the document's own words (title, introduction, closing) and the signer.

use std::collections::BTreeMap;

use jiff::civil::Date;
use prongsai_db::measures::MeasureStatus;
use prongsai_db::{agencies::Agency, analyses, documents, evidence, measures, progress, units};
use prongsai_domain::analysis::analyze;
use prongsai_domain::scoring::ScoreResult;
use prongsai_domain::thai::FiscalYear;
use prongsai_domain::{Code, Framework};
use prongsai_reports::build::{EvidenceUrls, code_words, default_header, from_scores};
use prongsai_reports::model::{Header, LinkRow, MeasureGroup, MeasureRow, Signature};
use prongsai_reports::{ReportData, ReportKind};

use crate::app::AppState;
use crate::assessment::{framework, stored_result};
use crate::error::WebError;

/// The heading block of an agency's document of `kind` for `year`.
fn header(agency: &Agency, kind: ReportKind, year: u16) -> Header {
    Header {
        agency: agency.name.clone(),
        district: Some(agency.district.clone()).filter(|d| !d.trim().is_empty()),
        // A province the agency's record leaves unknown ("ไม่ระบุ") is not printed.
        province: Some(agency.province.clone())
            .filter(|p| !p.trim().is_empty() && p.trim() != "ไม่ระบุ"),
        ..default_header(kind, Some(year))
    }
}

/// The last day a mid-year report of fiscal year `year` covers by default: the end of its sixth
/// month (31 March), or `today` when that is earlier.
pub fn midyear_default(year: u16, today: Date) -> Option<Date> {
    let start = FiscalYear::new(year).ok()?.start();
    let end = start
        .checked_add(jiff::Span::new().months(6))
        .ok()?
        .checked_sub(jiff::Span::new().days(1))
        .ok()?;
    Some(if today < end && today >= start {
        today
    } else {
        end
    })
}

/// Paragraphs of a text typed with blank lines between them.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.replace("\r\n", "\n")
        .split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}

/// The data of the `kind` document of `agency`'s `year`, as of `as_of` for the mid-year report;
/// `None` when there is nothing to print yet (no scores, or no measures).
pub async fn report_data(
    app: &AppState,
    agency: &Agency,
    year: u16,
    kind: ReportKind,
    as_of: Option<Date>,
) -> Result<Option<ReportData>, WebError> {
    let fw = framework(app, year)?;
    let result = stored_result(app, agency.id, year).await?;
    let mut data = match kind {
        ReportKind::Analysis | ReportKind::Oit => {
            let Some(result) = result else {
                return Ok(None);
            };
            let previous = stored_result(app, agency.id, year.saturating_sub(1)).await?;
            let analysis = analyze(
                fw,
                app.catalog.guidance(fw.fiscal_year),
                &result,
                previous.as_ref(),
            );
            let official = prongsai_db::assessments::official(&app.db, agency.id, year).await?;
            let mut data = from_scores(
                fw,
                &result,
                &analysis,
                header(agency, kind, year),
                kind,
                &EvidenceUrls::new(),
                official.as_ref(),
            )
            .map_err(|e| WebError::Conflict(e.to_string()))?;
            // The agency's own words replace our guidance where it wrote them.
            let notes = analyses::list(&app.db, agency.id, year).await?;
            for block in &mut data.indicators {
                if let Some(n) = notes.iter().find(|n| Some(n.indicator) == block.number) {
                    block.cause = n.cause.clone();
                    block.guidance = n.guidance.clone();
                    block.note = n.note.clone();
                }
            }
            data
        }
        ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear => {
            let groups = measure_groups(app, agency, fw, result.as_ref(), kind, as_of).await?;
            if groups.iter().all(|g| g.measures.is_empty()) {
                return Ok(None);
            }
            ReportData {
                kind,
                header: header(agency, kind, year),
                summary: None,
                indicators: Vec::new(),
                measure_groups: groups,
                oit_items: Vec::new(),
                paragraphs: Vec::new(),
            }
        }
    };
    let text = documents::text(&app.db, agency.id, year, kind.slug())
        .await?
        .unwrap_or_default();
    if !text.title.trim().is_empty() {
        data.header.title = text.title.trim().to_owned();
    }
    data.paragraphs = paragraphs(&text.intro);
    data.header.closing = paragraphs(&text.closing);
    let signer = documents::signer(&app.db, agency.id)
        .await?
        .unwrap_or_default();
    data.header.signature = Some(Signature {
        name: signer.name,
        position: signer.position,
        date: text.signed_on.filter(|d| !d.trim().is_empty()),
    });
    Ok(Some(data))
}

/// The year's measures (cancelled ones left out) with, for the reports, what was done up to
/// `as_of` and the evidence behind it.
async fn measure_groups(
    app: &AppState,
    agency: &Agency,
    fw: &Framework,
    result: Option<&ScoreResult>,
    kind: ReportKind,
    as_of: Option<Date>,
) -> Result<Vec<MeasureGroup>, WebError> {
    let unit_list = units::list(&app.db, agency.id).await?;
    let scores = scores_by_code(result);
    let until = |d: Date| as_of.is_none_or(|limit| d <= limit);
    let mut rows = Vec::new();
    for m in measures::list(&app.db, agency.id, fw.fiscal_year).await? {
        if m.status == MeasureStatus::Cancelled {
            continue;
        }
        let (entries, proof) = if kind.reports_progress() {
            let entries: Vec<_> = progress::list(&app.db, m.id)
                .await?
                .into_iter()
                .filter(|p| until(p.entry_date))
                .collect();
            let proof: Vec<String> = evidence::list(&app.db, m.id)
                .await?
                .into_iter()
                .filter(|e| {
                    let day = e
                        .effective_date
                        .unwrap_or_else(|| e.created_at.to_zoned(jiff::tz::TimeZone::UTC).date());
                    until(day)
                })
                .map(|e| evidence_line(&e))
                .filter(|l| !l.is_empty())
                .collect();
            (entries, proof)
        } else {
            (Vec::new(), Vec::new())
        };
        let mut links: Vec<LinkRow> = Vec::new();
        for raw in &m.links {
            let Ok(code) = raw.parse::<Code>() else {
                continue;
            };
            if links.iter().any(|l| l.code == code.to_string()) {
                continue;
            }
            links.push(LinkRow {
                code: code.to_string(),
                text: code_words(Some(fw), code),
                score: scores.get(&code).copied(),
            });
        }
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
                .chain(kind.reports_progress().then(|| m.outcome.clone()))
                .filter(|o| !o.trim().is_empty())
                .collect(),
            links: if kind.reports_progress() {
                links
            } else {
                Vec::new()
            },
            status: None,
            follow_up: String::new(),
            suggestions: String::new(),
            evidence: proof,
        });
    }
    Ok(vec![MeasureGroup {
        heading: None,
        measures: rows,
    }])
}

/// Question, item and indicator scores of a result, by code (`ind3` for indicators).
fn scores_by_code(result: Option<&ScoreResult>) -> BTreeMap<Code, f64> {
    let mut out = BTreeMap::new();
    for ind in result.map(|r| r.indicators.as_slice()).unwrap_or_default() {
        out.insert(
            Code::new(prongsai_domain::CodePrefix::Ind, u16::from(ind.number)),
            ind.score.value(),
        );
        for item in &ind.items {
            out.insert(item.code, item.score.value());
        }
    }
    out
}

/// A piece of evidence as printed: the file name, or the link's title and address.
fn evidence_line(e: &evidence::Evidence) -> String {
    let name = e.filename.trim();
    match e.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
        Some(url) if !name.is_empty() && name != url => format!("{name} {url}"),
        Some(url) => url.to_owned(),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_midyear_report_ends_with_the_sixth_month() {
        // FY 2568 runs 1 Oct 2024 – 30 Sep 2025: its first six months end on 31 March 2025.
        let later = jiff::civil::date(2025, 8, 1);
        assert_eq!(
            midyear_default(2568, later),
            Some(jiff::civil::date(2025, 3, 31))
        );
        let early = jiff::civil::date(2025, 1, 15);
        assert_eq!(midyear_default(2568, early), Some(early));
    }

    #[test]
    fn typed_paragraphs_split_at_blank_lines() {
        assert_eq!(
            paragraphs("ตามที่หน่วยงาน\r\nได้มีมาตรการ\r\n\r\n  ดังนั้น  \n\n\n"),
            vec!["ตามที่หน่วยงาน ได้มีมาตรการ", "ดังนั้น"]
        );
    }
}
