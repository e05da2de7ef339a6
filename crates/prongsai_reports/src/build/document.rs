//! Report data from an imported legacy document (`prongsai import-report` JSON).

use std::sync::LazyLock;

use prongsai_domain::document::{
    AnalysedIndicator, DocumentKind, EitPart, Fragment, Measure, MeasureSection, Recommendation,
    RecommendationsSection, ReportDocument, Section, SectionProse, ToolRecommendations,
};
use prongsai_domain::{Catalog, Framework};

use super::default_header;
use crate::ReportError;
use crate::model::{
    IndicatorBlock, LinkRow, MeasureGroup, MeasureRow, QuestionRow, RecommendationBlock,
    RecommendationIndicator, RecommendationItem, Recommendations, ReportData, ReportKind,
};

/// Heading of a recommendations section whose document printed none.
const RECOMMENDATIONS_HEADING: &str = "ข้อเสนอแนะจากผลการประเมิน";

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
            let fw = framework(doc.fiscal_year.map(|y| y.be()));
            data.indicators = doc.indicators().map(|i| indicator_block(i, fw)).collect();
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
        ReportKind::Implementation | ReportKind::Midyear => {
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
    prose(doc, kind, &mut data);
    if carries_recommendations(doc.kind, kind) {
        data.header.recommendations = recommendations(doc);
    }
    Ok(data)
}

/// The sections a `kind` report is built from (the plan falls back to the report's measures).
fn sections_of(doc: &ReportDocument, kind: ReportKind) -> Vec<&Section> {
    let pick =
        |f: &dyn Fn(&Section) -> bool| doc.sections.iter().filter(|s| f(s)).collect::<Vec<_>>();
    match kind {
        ReportKind::Analysis => pick(&|s| matches!(s, Section::Analysis(_))),
        ReportKind::Measures => {
            let plans = pick(&|s| matches!(s, Section::MeasuresPlan(_)));
            if plans.is_empty() {
                pick(&|s| matches!(s, Section::ImplementationReport(_)))
            } else {
                plans
            }
        }
        ReportKind::Implementation | ReportKind::Midyear => {
            pick(&|s| matches!(s, Section::ImplementationReport(_)))
        }
        ReportKind::Oit => Vec::new(),
    }
}

fn section_prose(s: &Section) -> Option<&SectionProse> {
    match s {
        Section::Analysis(a) => Some(&a.prose),
        Section::MeasuresPlan(m) | Section::ImplementationReport(m) => Some(&m.prose),
        Section::Recommendations(_) => None,
    }
}

/// The document's own words around the report's tables: the title its section printed, the
/// introduction and the closing; prose of the document that belongs to no section stays with a
/// report of the document's own kind, so nothing of it is lost.
fn prose(doc: &ReportDocument, kind: ReportKind, data: &mut ReportData) {
    let mine: Vec<&SectionProse> = sections_of(doc, kind)
        .into_iter()
        .filter_map(section_prose)
        .collect();
    let texts = |f: &dyn Fn(&SectionProse) -> &Vec<Fragment>| -> Vec<String> {
        mine.iter()
            .flat_map(|p| f(p).iter())
            .map(|x| x.text.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect()
    };
    let lines = texts(&|p| &p.title_lines);
    let mut subtitles = Vec::new();
    if same_kind(doc.kind, kind) && !doc.title.trim().is_empty() {
        // The document's own title is already the heading: a line that goes on with it ("ของ
        // เทศบาล…") is added to it, a line the heading block prints anyway (the agency, its
        // place, the year) is not printed twice, and any other line follows as a subtitle.
        let squeeze = |s: &str| s.split_whitespace().collect::<String>();
        let printed = |h: &crate::model::Header| {
            squeeze(&format!(
                "{}{}{}{}",
                h.title,
                h.agency,
                crate::text::place_line(h),
                crate::text::fiscal_year_line(h, &crate::RenderOptions::default())
            ))
        };
        for line in lines {
            if printed(&data.header).contains(&squeeze(&line)) {
                continue;
            }
            if line.starts_with("ของ") {
                data.header.title = format!("{} {line}", data.header.title.trim());
            } else {
                subtitles.push(line);
            }
        }
    } else if !lines.is_empty() {
        data.header.title = lines.join(" ");
    }
    data.paragraphs = subtitles;
    data.paragraphs.extend(texts(&|p| &p.intro));
    data.header.closing = texts(&|p| &p.closing);
    if same_kind(doc.kind, kind) {
        let placed: Vec<usize> = doc
            .sections
            .iter()
            .filter_map(section_prose)
            .flat_map(|p| p.title_lines.iter().chain(&p.intro).chain(&p.closing))
            .map(|f| f.line)
            .collect();
        data.paragraphs.extend(
            doc.paragraphs
                .iter()
                .filter(|p| !placed.contains(&p.line))
                .map(|p| p.text.trim().to_owned())
                .filter(|t| !t.is_empty() && *t != doc.title.trim()),
        );
    }
}

/// Whether the `kind` report of a document of kind `doc` prints the document's recommendations.
///
/// The analysis and the implementation report answer the assessment the recommendations are
/// about, so they always do. A measures plan does when it is the agency's own plan document
/// (then the block is part of what the agency published); a plan rebuilt from an implementation
/// report lists only the planned measures and leaves the block to that report, so the year's
/// documents do not print the same assessor's text twice.
fn carries_recommendations(doc: DocumentKind, kind: ReportKind) -> bool {
    match kind {
        ReportKind::Analysis | ReportKind::Implementation | ReportKind::Midyear => true,
        ReportKind::Measures => matches!(
            doc,
            DocumentKind::MeasuresPlan | DocumentKind::AnalysisAndPlan
        ),
        ReportKind::Oit => false,
    }
}

/// The document's recommendations section(s) as one display-ready block; `None` when it has
/// none or they hold no text.
fn recommendations(doc: &ReportDocument) -> Option<Recommendations> {
    let sections: Vec<&RecommendationsSection> = doc
        .sections
        .iter()
        .filter_map(|s| match s {
            Section::Recommendations(r) => Some(r),
            Section::Analysis(_) | Section::MeasuresPlan(_) | Section::ImplementationReport(_) => {
                None
            }
        })
        .collect();
    let fw = framework(doc.fiscal_year.map(|y| y.be()));
    let mut out = Recommendations::default();
    for (i, section) in sections.iter().enumerate() {
        let heading = section
            .heading
            .as_ref()
            .map(|h| h.text.trim())
            .filter(|h| !h.is_empty());
        match heading {
            // A later section's heading stays as text, so nothing of it is lost.
            Some(h) if i > 0 => out.paragraphs.push(h.to_owned()),
            Some(h) => out.heading = h.to_owned(),
            None => {}
        }
        out.paragraphs.extend(
            section
                .paragraphs
                .iter()
                .map(|p| p.text.trim())
                .filter(|t| !t.is_empty())
                .map(str::to_owned),
        );
        out.tools
            .extend(section.tools.iter().map(|t| recommendation_block(t, fw)));
    }
    if out.paragraphs.is_empty() && out.tools.is_empty() {
        return None;
    }
    if out.heading.is_empty() {
        out.heading = RECOMMENDATIONS_HEADING.to_owned();
    }
    Some(out)
}

/// One tool's (or EIT part's) block: heading naming the tool, text, items under their indicator.
fn recommendation_block(t: &ToolRecommendations, fw: Option<&Framework>) -> RecommendationBlock {
    let tool = t.tool.as_str();
    let part = t.part.map(|p| match p {
        EitPart::Public => "EP",
        EitPart::Survey => "ES",
    });
    let mut indicators: Vec<RecommendationIndicator> = Vec::new();
    for item in &t.items {
        if indicators.last().is_none_or(|g| g.number != item.indicator) {
            indicators.push(RecommendationIndicator {
                number: item.indicator,
                name: item
                    .indicator
                    .and_then(|n| fw?.indicator(n))
                    .map(|i| i.name_th.clone())
                    .unwrap_or_default(),
                items: Vec::new(),
            });
        }
        if let Some(group) = indicators.last_mut() {
            group.items.push(recommendation_item(item, fw));
        }
    }
    RecommendationBlock {
        tool: tool.to_owned(),
        part: part.map(str::to_owned),
        heading: tool_heading(&t.heading.text, tool, part),
        paragraphs: t
            .paragraphs
            .iter()
            .map(|p| p.text.trim())
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect(),
        indicators,
    }
}

/// The printed heading of a tool block when it names the tool; otherwise the tool (and EIT part)
/// is added, or said alone when the document printed no heading.
fn tool_heading(printed: &str, tool: &str, part: Option<&str>) -> String {
    let label = match part {
        Some(p) => format!("{tool} ส่วนที่ {} ({p})", if p == "EP" { 1 } else { 2 }),
        None => tool.to_owned(),
    };
    let printed = printed.trim();
    if printed.is_empty() {
        format!("ข้อเสนอแนะสำหรับ {label}")
    } else if printed.contains(tool) {
        printed.to_owned()
    } else {
        format!("{printed} – {label}")
    }
}

fn recommendation_item(r: &Recommendation, fw: Option<&Framework>) -> RecommendationItem {
    RecommendationItem {
        code: r.code.to_string(),
        text: r.text.trim().to_owned(),
        oit_refs: r.oit_refs.iter().map(ToString::to_string).collect(),
        oit_ref_titles: super::oit_titles(fw, &r.oit_refs),
        indicator_refs: r.indicator_refs.clone(),
    }
}

/// The built-in framework of `year` (or of the nearest year before it, or the newest), used
/// only to name indicators, questions and items in words.
pub(super) fn framework(year: Option<u16>) -> Option<&'static Framework> {
    static CATALOG: LazyLock<Option<Catalog>> = LazyLock::new(|| Catalog::embedded().ok());
    let catalog = CATALOG.as_ref()?;
    let years = catalog.years();
    let pick = year
        .and_then(|y| years.iter().rev().find(|&&k| k <= y))
        .or(years.last())?;
    catalog.framework(*pick)
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

/// One analysed indicator as printed. The weakest questions are marked from the scores the
/// document printed (its lowest, none when that is 100), not from the question it named, which is
/// sometimes wrong (the importer warns about it); without printed scores the named ones are marked.
fn indicator_block(ind: &AnalysedIndicator, fw: Option<&Framework>) -> IndicatorBlock {
    let named: Vec<_> = ind.weakest.iter().filter_map(|w| w.code).collect();
    let scored = ind.questions.iter().any(|q| q.score.is_some());
    let weakest = |q: &prongsai_domain::document::QuestionScore| {
        if scored {
            ind.lowest.contains(&q.code)
        } else {
            named.contains(&q.code)
        }
    };
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
                weakest: weakest(q),
            })
            .collect(),
        cause: ind.cause.clone(),
        guidance: ind.guidance.clone(),
        oit_refs: ind.oit_refs.iter().map(ToString::to_string).collect(),
        oit_ref_titles: super::oit_titles(fw, &ind.oit_refs),
        note: String::new(),
    }
}

fn groups(doc: &ReportDocument, pick: impl Fn(&Section) -> bool) -> Vec<MeasureGroup> {
    let fw = framework(doc.fiscal_year.map(|y| y.be()));
    doc.sections
        .iter()
        .filter(|s| pick(s))
        .filter_map(|s| match s {
            Section::MeasuresPlan(m) | Section::ImplementationReport(m) => Some(group(m, fw)),
            Section::Analysis(_) | Section::Recommendations(_) => None,
        })
        .filter(|g| !g.measures.is_empty())
        .collect()
}

fn group(section: &MeasureSection, fw: Option<&Framework>) -> MeasureGroup {
    MeasureGroup {
        heading: section.heading.as_ref().map(|h| h.text.clone()),
        measures: section
            .measures
            .iter()
            .map(|m| measure_row(m, fw))
            .collect(),
    }
}

fn measure_row(m: &Measure, fw: Option<&Framework>) -> MeasureRow {
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
                text: if l.text.trim().is_empty() {
                    super::code_words(fw, l.code)
                } else {
                    l.text.clone()
                },
                score: l.score,
            })
            .collect(),
        status: None,
        follow_up: m.follow_up.clone(),
        suggestions: m.suggestions.clone(),
        evidence: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tool_headings_name_the_tool() {
        let printed = "ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง (EIT Public)";
        assert_eq!(tool_heading(printed, "EIT", Some("EP")), printed);
        assert_eq!(
            tool_heading("ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล", "EIT", Some("ES")),
            "ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล – EIT ส่วนที่ 2 (ES)"
        );
        assert_eq!(tool_heading("  ", "OIT", None), "ข้อเสนอแนะสำหรับ OIT");
    }

    #[test]
    fn only_the_plans_own_recommendations_are_printed_with_it() {
        use DocumentKind as D;
        use ReportKind as R;
        assert!(carries_recommendations(
            D::ImplementationReport,
            R::Implementation
        ));
        assert!(carries_recommendations(D::AnalysisAndPlan, R::Analysis));
        assert!(carries_recommendations(D::MeasuresPlan, R::Measures));
        assert!(carries_recommendations(D::AnalysisAndPlan, R::Measures));
        assert!(!carries_recommendations(
            D::ImplementationReport,
            R::Measures
        ));
        assert!(!carries_recommendations(D::ImplementationReport, R::Oit));
    }

    #[test]
    fn indicators_are_named_from_the_year_or_the_nearest_before() {
        let name = |year| {
            framework(year)
                .and_then(|f| f.indicator(6))
                .map(|i| i.name_th.clone())
        };
        assert_eq!(name(Some(2567)).as_deref(), Some("คุณภาพการดำเนินงาน"));
        assert!(
            name(Some(2590)).is_some(),
            "a later year uses the newest framework"
        );
        assert!(name(None).is_some());
    }
}
