//! The view the typst template lays out: report data with every number and date already a display string.

// The template never formats anything: scores, numbers, years and dates come from `crate::text`
// so the PDF prints exactly what the DOCX and HTML print, in the digits the options ask for.

use serde::Serialize;

use crate::docx::words;
use crate::model::{
    IndicatorBlock, OitRow, OitStatus, Recommendations, RenderOptions, ReportData, ReportKind,
    Summary,
};
use crate::table::{MeasuresView, measures};
use crate::text;

/// Body text size in points. Google's Sarabun has a normal em, so 12 pt looks like the
/// 16 pt "TH Sarabun" of Thai government documents.
pub const BODY_SIZE_PT: f64 = 12.0;

/// Virtual path of the radar chart SVG.
pub const RADAR_SVG: &str = "/charts/radar.svg";
/// Virtual path of the indicator bar chart SVG.
pub const BARS_SVG: &str = "/charts/indicators.svg";

/// Everything the template reads from `/data.json`.
#[derive(Debug, Serialize)]
pub struct View {
    /// `analysis`, `measures`, `implementation` or `oit`.
    kind: &'static str,
    /// Body size in points.
    body_size: f64,
    /// Whether pages are landscape (the wide measures tables).
    landscape: bool,
    /// The ten digits 0–9 in the chosen style, for the page number the template counts.
    digits: Vec<String>,
    /// Heading block.
    header: HeaderView,
    /// Free paragraphs after the heading.
    paragraphs: Vec<String>,
    /// Scores, when known.
    summary: Option<SummaryView>,
    /// Analysis: one block per indicator.
    indicators: Vec<IndicatorView>,
    /// Measures plan or implementation report.
    measures: Option<MeasuresView>,
    /// OIT checklist.
    oit: Option<OitView>,
    /// Closing paragraphs after the main content.
    closing: Vec<String>,
    /// The signature block's lines, when the document is signed.
    signature: Option<Vec<String>>,
    /// The assessor's recommendations, after the main content.
    recommendations: Option<RecommendationsView>,
}

#[derive(Debug, Serialize)]
struct HeaderView {
    title: String,
    agency: String,
    place: Vec<String>,
    fiscal_year: String,
    as_of: Option<String>,
}

#[derive(Debug, Serialize)]
struct SummaryView {
    total: String,
    grade: String,
    passed: bool,
    pass_label: String,
    previous: Option<String>,
    tools: Vec<ToolView>,
    total_weight: String,
    radar: Option<&'static str>,
    bars: Option<&'static str>,
    notes: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ToolView {
    code: String,
    name: String,
    weight: String,
    score: String,
}

#[derive(Debug, Serialize)]
struct IndicatorView {
    heading: String,
    questions: Vec<QuestionView>,
    cause: String,
    guidance: String,
    oit_refs: String,
    note: String,
}

#[derive(Debug, Serialize)]
struct QuestionView {
    code: String,
    text: String,
    score: String,
    weakest: bool,
}

#[derive(Debug, Serialize)]
struct OitView {
    summary: String,
    groups: Vec<OitGroupView>,
}

#[derive(Debug, Serialize)]
struct OitGroupView {
    heading: String,
    rows: Vec<OitItemView>,
}

#[derive(Debug, Serialize)]
struct RecommendationsView {
    heading: String,
    paragraphs: Vec<String>,
    tools: Vec<RecommendationToolView>,
}

#[derive(Debug, Serialize)]
struct RecommendationToolView {
    heading: String,
    paragraphs: Vec<String>,
    indicators: Vec<RecommendationIndicatorView>,
}

#[derive(Debug, Serialize)]
struct RecommendationIndicatorView {
    /// None for items the document put under no indicator.
    heading: Option<String>,
    items: Vec<RecommendationItemView>,
}

#[derive(Debug, Serialize)]
struct RecommendationItemView {
    /// "ข้อ EP๑".
    label: String,
    text: String,
    /// (label, list) of the OIT items and sub-indicators cited.
    refs: Vec<(&'static str, String)>,
}

#[derive(Debug, Serialize)]
struct OitItemView {
    code: String,
    title: String,
    status: &'static str,
    missing: bool,
    url: String,
    linkable: bool,
}

/// Whether `kind` is laid out on landscape pages (its table is too wide for portrait).
pub fn landscape(kind: ReportKind) -> bool {
    kind.lists_measures()
}

/// Builds the view of `data`; `charts` says whether the chart SVGs are served.
pub fn view(data: &ReportData, options: &RenderOptions, charts: bool) -> View {
    let d = |s: &str| text::digits(s, options);
    let h = &data.header;
    let title = if h.title.trim().is_empty() {
        data.kind.title_th()
    } else {
        h.title.as_str()
    };
    let header = HeaderView {
        title: d(title),
        agency: d(&h.agency),
        place: text::place_line(h)
            .split(' ')
            .filter(|p| !p.is_empty())
            .map(d)
            .collect(),
        fiscal_year: text::fiscal_year_line(h, options),
        as_of: text::as_of_line(options),
    };
    let indicators = if data.kind == ReportKind::Analysis {
        data.indicators
            .iter()
            .map(|b| indicator(b, options))
            .collect()
    } else {
        Vec::new()
    };
    let measures = data.kind.lists_measures().then(|| measures(data, options));
    let oit = (data.kind == ReportKind::Oit).then(|| oit(&data.oit_items, options));
    View {
        kind: data.kind.slug(),
        body_size: BODY_SIZE_PT,
        landscape: landscape(data.kind),
        digits: (0..10).map(|n| text::number(n, options)).collect(),
        header,
        paragraphs: data
            .paragraphs
            .iter()
            .map(|p| d(p.trim()))
            .filter(|p| !p.is_empty())
            .collect(),
        summary: data.summary.as_ref().map(|s| summary(s, options, charts)),
        indicators,
        measures,
        oit,
        closing: data
            .header
            .closing
            .iter()
            .map(|p| d(p.trim()))
            .filter(|p| !p.is_empty())
            .collect(),
        signature: data
            .header
            .signature
            .as_ref()
            .map(|s| text::signature_lines(s, options)),
        recommendations: data
            .header
            .recommendations
            .as_ref()
            .map(|r| recommendations(r, options)),
    }
}

/// Whether the analysis charts can be drawn for `data`.
pub fn has_charts(data: &ReportData) -> bool {
    data.kind == ReportKind::Analysis
        && data
            .summary
            .as_ref()
            .is_some_and(|s| s.indicators.len() >= 3)
}

fn summary(s: &Summary, options: &RenderOptions, charts: bool) -> SummaryView {
    let previous = s.previous_total.map(|p| {
        format!(
            "ปีก่อน {} คะแนน (เปลี่ยนแปลง {})",
            text::score(p, options),
            text::change(s.total - p, options)
        )
    });
    SummaryView {
        total: text::score(s.total, options),
        grade: text::digits(&s.grade, options),
        passed: s.passed,
        pass_label: text::digits(text::verdict_label(s), options),
        previous,
        tools: s
            .tools
            .iter()
            .map(|t| ToolView {
                code: text::digits(&t.code, options),
                name: text::digits(&t.name, options),
                weight: weight(t.weight, options),
                score: text::score(t.score, options),
            })
            .collect(),
        total_weight: weight(s.tools.iter().map(|t| t.weight).sum(), options),
        radar: charts.then_some(RADAR_SVG),
        bars: charts.then_some(BARS_SVG),
        notes: s.notes.iter().map(|a| text::digits(a, options)).collect(),
    }
}

/// A weight in percent: whole numbers without decimals ("๓๐"), others with two.
fn weight(w: f64, options: &RenderOptions) -> String {
    if (w - w.round()).abs() < 1e-9 {
        text::number(w.round(), options)
    } else {
        text::score(w, options)
    }
}

fn indicator(b: &IndicatorBlock, options: &RenderOptions) -> IndicatorView {
    let d = |s: &str| text::digits(s, options);
    let mut heading = String::from("ตัวชี้วัด");
    if let Some(n) = b.number {
        heading.push_str(&format!("ที่ {} ", text::number(n, options)));
    } else {
        heading.push(' ');
    }
    heading.push_str(&d(b.name.trim()));
    if let Some(score) = b.score {
        heading.push_str(&format!(" ({})", text::score(score, options)));
    }
    IndicatorView {
        heading,
        questions: b
            .questions
            .iter()
            .map(|q| QuestionView {
                code: d(&q.code),
                text: d(&q.text),
                score: text::score_or_dash(q.score, options),
                weakest: q.weakest,
            })
            .collect(),
        cause: d(b.cause.trim()),
        guidance: d(b.guidance.trim()),
        oit_refs: words::oit_ref_line(b, options),
        note: d(b.note.trim()),
    }
}

/// Display strings of the recommendations: headings, texts and item leads in the chosen digits.
fn recommendations(r: &Recommendations, options: &RenderOptions) -> RecommendationsView {
    let d = |s: &str| text::digits(s.trim(), options);
    let texts = |ps: &[String]| -> Vec<String> {
        ps.iter().map(|p| d(p)).filter(|p| !p.is_empty()).collect()
    };
    RecommendationsView {
        heading: d(&r.heading),
        paragraphs: texts(&r.paragraphs),
        tools: r
            .tools
            .iter()
            .map(|t| RecommendationToolView {
                heading: d(&t.heading),
                paragraphs: texts(&t.paragraphs),
                indicators: t
                    .indicators
                    .iter()
                    .map(|g| RecommendationIndicatorView {
                        heading: words::recommendation_indicator(g, options),
                        items: g
                            .items
                            .iter()
                            .map(|i| RecommendationItemView {
                                label: words::recommendation_label(i, options),
                                text: d(&i.text),
                                refs: words::recommendation_refs(i, options),
                            })
                            .collect(),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn oit(items: &[OitRow], options: &RenderOptions) -> OitView {
    let count = |s: OitStatus| items.iter().filter(|i| i.status == s).count();
    let (yes, no, unknown) = (
        count(OitStatus::Yes),
        count(OitStatus::No),
        count(OitStatus::Unknown),
    );
    let n = |x: usize| text::number(x, options);
    let mut summary = format!(
        "ทั้งหมด {} ข้อ: มีการเปิดเผย {} ข้อ ไม่มี {} ข้อ",
        n(items.len()),
        n(yes),
        n(no)
    );
    if unknown > 0 {
        summary.push_str(&format!(" ยังไม่ตรวจ {} ข้อ", n(unknown)));
    }
    let mut groups: Vec<OitGroupView> = Vec::new();
    for item in items {
        let heading = text::digits(item.group.trim(), options);
        if groups.last().is_none_or(|g| g.heading != heading) {
            groups.push(OitGroupView {
                heading,
                rows: Vec::new(),
            });
        }
        let url = item.url.as_deref().unwrap_or("").trim().to_owned();
        let url = if url.is_empty() {
            text::NO_EVIDENCE.to_owned()
        } else {
            url
        };
        let row = OitItemView {
            code: text::digits(&item.code, options),
            title: text::digits(&item.title, options),
            status: text::oit_status(item.status),
            missing: item.status == OitStatus::No,
            linkable: url.starts_with("http://") || url.starts_with("https://"),
            url,
        };
        if let Some(group) = groups.last_mut() {
            group.rows.push(row);
        }
    }
    OitView { summary, groups }
}
