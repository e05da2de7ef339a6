//! Report data from an imported legacy document (`prongsai import-report` JSON).

use prongsai_domain::document::{
    AnalysedIndicator, DocumentKind, Measure, MeasureSection, ReportDocument, Section,
};

use super::default_header;
use crate::ReportError;
use crate::model::{
    IndicatorBlock, LinkRow, MeasureGroup, MeasureRow, QuestionRow, ReportData, ReportKind,
};

/// Builds the `kind` report from `doc`; fails when the document holds nothing of that kind
/// (an OIT checklist needs scores, not a legacy document).
pub fn from_document(doc: &ReportDocument, kind: ReportKind) -> Result<ReportData, ReportError> {
    let mut header = default_header(kind, doc.fiscal_year.map(|y| y.be()));
    if same_kind(doc.kind, kind) && !doc.title.trim().is_empty() {
        header.title = doc.title.clone();
    }
    header.agency = doc.agency.name.clone().unwrap_or_default();
    header.district = doc.agency.district.clone();
    header.province = doc.agency.province.clone();
    let mut data = ReportData {
        kind,
        header,
        summary: None,
        indicators: Vec::new(),
        measure_groups: Vec::new(),
        oit_items: Vec::new(),
        paragraphs: Vec::new(),
    };
    match kind {
        ReportKind::Analysis => {
            data.indicators = doc.indicators().map(indicator_block).collect();
            if data.indicators.is_empty() {
                return Err(missing(
                    "เอกสารนี้ไม่มีตารางวิเคราะห์ผลรายตัวชี้วัด (the document has no analysis tables)",
                ));
            }
        }
        ReportKind::Measures => {
            data.measure_groups = groups(doc, |s| matches!(s, Section::MeasuresPlan(_)));
            if data.measure_groups.is_empty() {
                // A report of what was done still lists the measures that were planned.
                data.measure_groups =
                    groups(doc, |s| matches!(s, Section::ImplementationReport(_)));
            }
            if data.measure_groups.is_empty() {
                return Err(missing(
                    "เอกสารนี้ไม่มีตารางมาตรการ (the document has no measures table)",
                ));
            }
        }
        ReportKind::Implementation => {
            data.measure_groups = groups(doc, |s| matches!(s, Section::ImplementationReport(_)));
            if data.measure_groups.is_empty() {
                return Err(missing(
                    "เอกสารนี้ไม่มีตารางผลการดำเนินการ ใช้ชนิด measures แทน (the document has no implementation table; use the measures report)",
                ));
            }
        }
        ReportKind::Oit => {
            return Err(missing(
                "แบบ OIT สร้างจากไฟล์คะแนน (code,score[,url]) ไม่ใช่จากเอกสารเดิม (the OIT checklist is built from a score file, not a legacy document)",
            ));
        }
    }
    if same_kind(doc.kind, kind) {
        data.paragraphs = doc.paragraphs.iter().map(|p| p.text.clone()).collect();
    }
    Ok(data)
}

fn missing(msg: &str) -> ReportError {
    ReportError::MissingData(msg.to_owned())
}

/// Whether the document's own title describes a report of `kind`.
fn same_kind(doc: DocumentKind, kind: ReportKind) -> bool {
    matches!(
        (doc, kind),
        (DocumentKind::Analysis, ReportKind::Analysis)
            | (DocumentKind::MeasuresPlan, ReportKind::Measures)
            | (
                DocumentKind::ImplementationReport,
                ReportKind::Implementation
            )
    )
}

fn indicator_block(ind: &AnalysedIndicator) -> IndicatorBlock {
    let weakest_codes: Vec<_> = ind.weakest.iter().filter_map(|w| w.code).collect();
    IndicatorBlock {
        number: ind.number,
        name: ind.name.clone(),
        score: None,
        questions: ind
            .questions
            .iter()
            .map(|q| QuestionRow {
                code: q.code.to_string(),
                text: q.text.clone(),
                score: q.score,
                weakest: weakest_codes.contains(&q.code),
            })
            .collect(),
        cause: ind.cause.clone(),
        guidance: ind.guidance.clone(),
        oit_refs: ind.oit_refs.iter().map(ToString::to_string).collect(),
    }
}

fn groups(doc: &ReportDocument, pick: impl Fn(&Section) -> bool) -> Vec<MeasureGroup> {
    doc.sections
        .iter()
        .filter(|s| pick(s))
        .filter_map(|s| match s {
            Section::MeasuresPlan(m) | Section::ImplementationReport(m) => Some(group(m)),
            Section::Analysis(_) | Section::Recommendations(_) => None,
        })
        .filter(|g| !g.measures.is_empty())
        .collect()
}

fn group(section: &MeasureSection) -> MeasureGroup {
    MeasureGroup {
        heading: section.heading.as_ref().map(|h| h.text.clone()),
        measures: section.measures.iter().map(measure_row).collect(),
    }
}

fn measure_row(m: &Measure) -> MeasureRow {
    MeasureRow {
        number: m.number,
        title: m.title.clone(),
        analysis: m.analysis.clone(),
        steps: m.steps.clone(),
        period: m
            .period
            .as_ref()
            .map(|p| p.text.clone())
            .unwrap_or_default(),
        responsible: m.responsible.clone(),
        results: m.results.clone(),
        outcomes: m.outcomes.clone(),
        links: m
            .links
            .iter()
            .map(|l| LinkRow {
                code: l.code.to_string(),
                text: l.text.clone(),
                score: l.score,
            })
            .collect(),
        status: None,
    }
}
