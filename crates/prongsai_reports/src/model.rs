//! The data of a report, independent of its format: what every renderer (PDF, DOCX, HTML) lays out.

// Numbers stay numbers here (scores as f64, unrounded or already rounded); renderers format
// them through `text::score` so digits and decimals are the same in every format. Strings are
// Thai as the agency wrote them; renderers pass them through `text::digits` for the digit option.

use serde::{Deserialize, Serialize};

/// Which of the four published documents this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReportKind {
    /// รายงานการวิเคราะห์ผลการประเมิน ITA: per indicator the questions, scores and analysis, plus a summary.
    Analysis,
    /// มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: the measures plan.
    Measures,
    /// รายงานผลการดำเนินการตามมาตรการ: what was done, with results and outcomes.
    Implementation,
    /// รายงานการกำกับติดตามการดำเนินการ รอบ ๖ เดือน: the implementation report as of a date within the year.
    Midyear,
    /// แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT): every item with its title, status and evidence URL.
    Oit,
}

impl ReportKind {
    /// Every kind, in the order of the ITA cycle.
    pub const ALL: [ReportKind; 5] = [
        ReportKind::Analysis,
        ReportKind::Measures,
        ReportKind::Midyear,
        ReportKind::Implementation,
        ReportKind::Oit,
    ];

    /// The CLI / URL name (`analysis`, `measures`, `implementation`, `oit`).
    pub fn slug(self) -> &'static str {
        match self {
            ReportKind::Analysis => "analysis",
            ReportKind::Measures => "measures",
            ReportKind::Implementation => "implementation",
            ReportKind::Midyear => "midyear",
            ReportKind::Oit => "oit",
        }
    }

    /// Whether the report lists measures with what was done (the implementation report, yearly or mid-year).
    pub fn reports_progress(self) -> bool {
        matches!(self, ReportKind::Implementation | ReportKind::Midyear)
    }

    /// Whether the report is a table of measures (plan or progress).
    pub fn lists_measures(self) -> bool {
        matches!(self, ReportKind::Measures) || self.reports_progress()
    }

    /// The default Thai document title.
    pub fn title_th(self) -> &'static str {
        match self {
            ReportKind::Analysis => {
                "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"
            }
            ReportKind::Measures => "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
            ReportKind::Implementation => {
                "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
            }
            ReportKind::Midyear => {
                "รายงานการกำกับติดตามการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน รอบ ๖ เดือน"
            }
            ReportKind::Oit => {
                "ผลการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT)"
            }
        }
    }
}

/// A whole report: header facts and the parts its kind uses (the others stay empty).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportData {
    /// Which document.
    pub kind: ReportKind,
    /// Title, agency, place and year printed at the top.
    pub header: Header,
    /// Total, grade, tool and indicator scores (analysis; also shown in other kinds when known).
    pub summary: Option<Summary>,
    /// Analysis: one block per indicator, in indicator order.
    pub indicators: Vec<IndicatorBlock>,
    /// Measures / implementation: groups of measures (one group with no heading when unthemed).
    pub measure_groups: Vec<MeasureGroup>,
    /// OIT checklist rows in item order.
    pub oit_items: Vec<OitRow>,
    /// Free paragraphs printed after the header (introduction, notes), in order.
    pub paragraphs: Vec<String>,
}

/// The heading block of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Document title (defaults to [`ReportKind::title_th`]).
    pub title: String,
    /// Agency name as printed ("องค์การบริหารส่วนตำบลลำภูรา"); may be empty.
    pub agency: String,
    /// District (อำเภอ) without the word อำเภอ.
    pub district: Option<String>,
    /// Province (จังหวัด) without the word จังหวัด.
    pub province: Option<String>,
    /// Fiscal year, Buddhist era (2568).
    pub fiscal_year: Option<u16>,
    /// The assessor's recommendations (ข้อเสนอแนะ), printed as their own section after the main
    /// content. They sit here rather than on [`ReportData`] so that code building a `ReportData`
    /// field by field keeps compiling; absent in JSON written before they were carried.
    #[serde(default)]
    pub recommendations: Option<Recommendations>,
    /// Paragraphs printed after the main content, before the signature (the closing). Kept on the
    /// header for the same reason as `recommendations`.
    #[serde(default)]
    pub closing: Vec<String>,
    /// The head of agency's signature block, printed at the end of the main content.
    #[serde(default)]
    pub signature: Option<Signature>,
}

/// "ลงชื่อ …… (name) ตำแหน่ง …… วันที่ ……" as official Thai documents end; empty parts print as dotted lines
/// to be filled in by hand.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// The signer's name as printed in brackets ("นายสมชาย ใจดี").
    pub name: String,
    /// The signer's position ("นายกองค์การบริหารส่วนตำบลลำภูรา").
    pub position: String,
    /// Date signed, ISO `YYYY-MM-DD`; printed as a Thai date in the Buddhist era.
    pub date: Option<String>,
}

/// The assessor's recommendations on the assessment (ข้อเสนอแนะ), as the document printed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendations {
    /// The section heading ("ข้อเสนอแนะต่อผลการประเมิน…"), never empty.
    pub heading: String,
    /// Text before the first tool block (the overall result), in order.
    pub paragraphs: Vec<String>,
    /// One block per tool or EIT part, in document order.
    pub tools: Vec<RecommendationBlock>,
}

/// The recommendations about one tool (IIT, EIT, OIT) or one part of the EIT (EP, ES).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationBlock {
    /// `IIT`, `EIT` or `OIT`.
    pub tool: String,
    /// `EP` or `ES` when the block is about one part of the EIT.
    pub part: Option<String>,
    /// The sub-heading, naming the tool (and part): the document's own, with the tool added when
    /// it does not say it.
    pub heading: String,
    /// General text of the block, in order.
    pub paragraphs: Vec<String>,
    /// Per-question recommendations grouped under their indicator, in document order.
    pub indicators: Vec<RecommendationIndicator>,
}

/// Recommendations about the questions of one indicator.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationIndicator {
    /// 1..=10 when known; `None` for items the document put under no indicator.
    pub number: Option<u8>,
    /// Thai name of the indicator ("" when unknown).
    pub name: String,
    /// The items, in order.
    pub items: Vec<RecommendationItem>,
}

/// One recommendation about one question ("ข้อ EP๑ หน่วยงานควร…").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationItem {
    /// The question (`EP1`, `ES4`, `i2`).
    pub code: String,
    /// The recommendation, as written (its inline "(อ้างอิงจาก …)" kept).
    pub text: String,
    /// OIT items it cites (`O10`).
    pub oit_refs: Vec<String>,
    /// The cited OIT items in words (their titles), as printed.
    #[serde(default)]
    pub oit_ref_titles: Vec<String>,
    /// Sub-indicators it cites (`9.1`).
    pub indicator_refs: Vec<String>,
}

/// Scores of the assessment a report is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    /// Framework id (`ita-2568`).
    pub framework: String,
    /// Overall ITA score, 0–100.
    pub total: f64,
    /// The year's label: a letter AA…F (up to 2565) or a rating level (ผ่านดีเยี่ยม … from 2566).
    pub grade: String,
    /// The label is a rating level, which already says whether the result passed.
    #[serde(default)]
    pub levels: bool,
    /// Whether the total reaches the pass mark.
    pub passed: bool,
    /// The pass mark (85).
    pub pass_mark: f64,
    /// Tool scores (IIT, EIT, OIT) with weights in percent.
    pub tools: Vec<ToolLine>,
    /// The 10 indicator scores, for the radar and bar charts.
    pub indicators: Vec<IndicatorLine>,
    /// Last year's total, when known.
    pub previous_total: Option<f64>,
    /// Notes printed under the summary, in Thai: where the figures come from (the NACC's published result, or a
    /// computation resting on unconfirmed parameters). At most one or two short sentences.
    #[serde(alias = "assumptions")]
    pub notes: Vec<String>,
}

/// One tool's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolLine {
    /// `IIT`, `EIT`, `OIT`.
    pub code: String,
    /// Thai name.
    pub name: String,
    /// Weight in percent of the total (30, 30, 40).
    pub weight: f64,
    /// Score 0–100.
    pub score: f64,
}

/// One indicator's score, with last year's when known.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorLine {
    /// 1..=10.
    pub number: u8,
    /// Thai name ("การปฏิบัติหน้าที่").
    pub name: String,
    /// `IIT`, `EIT` or `OIT`.
    pub tool: String,
    /// Score 0–100.
    pub score: f64,
    /// Last year's score.
    pub previous: Option<f64>,
}

/// The analysis of one indicator: its questions with scores, and what to do about the weakest.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndicatorBlock {
    /// 1..=10 when known.
    pub number: Option<u8>,
    /// Thai name.
    pub name: String,
    /// Indicator score when known.
    pub score: Option<f64>,
    /// Questions (or OIT items) with their scores, in framework order.
    pub questions: Vec<QuestionRow>,
    /// Cause of the low score (Thai).
    pub cause: String,
    /// How to raise it (Thai).
    pub guidance: String,
    /// OIT items the guidance cites (`O10`).
    pub oit_refs: Vec<String>,
    /// The cited OIT items in words (their titles), as documents print them; codes are never printed.
    #[serde(default)]
    pub oit_ref_titles: Vec<String>,
    /// An optional note of the agency's under the guidance.
    #[serde(default)]
    pub note: String,
}

/// One question row of an analysis table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionRow {
    /// `i7`, `e3`, `O10`.
    pub code: String,
    /// Official wording ("" when unknown).
    pub text: String,
    /// Score 0–100 when given.
    pub score: Option<f64>,
    /// Whether this is (one of) the weakest of its indicator.
    pub weakest: bool,
}

/// A themed group of measures ("๑. ด้านการเปิดเผยข้อมูล"), or the whole table when unthemed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureGroup {
    /// Theme heading as printed, if any.
    pub heading: Option<String>,
    /// Measures in order.
    pub measures: Vec<MeasureRow>,
}

/// One measure (มาตรการ/โครงการ/กิจกรรม).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MeasureRow {
    /// Number as printed.
    pub number: Option<u16>,
    /// The measure itself.
    pub title: String,
    /// The analysis finding it answers.
    pub analysis: String,
    /// Steps, in order.
    pub steps: Vec<String>,
    /// Period as it should be printed ("ม.ค. – มี.ค. ๒๕๖๘", "ตลอดปีงบประมาณ").
    pub period: String,
    /// Responsible units.
    pub responsible: Vec<String>,
    /// What was done (implementation).
    pub results: Vec<String>,
    /// What it achieved (implementation).
    pub outcomes: Vec<String>,
    /// Question/item scores it moved, quoted in the outcome.
    pub links: Vec<LinkRow>,
    /// Status label when tracked (ยังไม่เริ่ม, กำลังดำเนินการ, เสร็จสิ้น); kept for callers, never printed.
    pub status: Option<String>,
    /// How the measure is followed up (การติดตามผลการดำเนินการ).
    #[serde(default)]
    pub follow_up: String,
    /// Suggestions (ข้อเสนอแนะ) printed with the measure.
    #[serde(default)]
    pub suggestions: String,
    /// Evidence of what was done: file names and links.
    #[serde(default)]
    pub evidence: Vec<String>,
}

/// A linked question or item with its score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkRow {
    /// `e1`, `O13`, `ind3`.
    pub code: String,
    /// Its wording (question or item title, or the indicator's name), if known; printed instead of the code.
    pub text: String,
    /// Its score, if quoted.
    pub score: Option<f64>,
}

/// Whether an OIT item was disclosed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OitStatus {
    /// มี: published and accepted.
    Yes,
    /// ไม่มี: missing or not accepted.
    No,
    /// ยังไม่ตรวจ: not assessed yet.
    Unknown,
}

/// One OIT checklist row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OitRow {
    /// `O1`…
    pub code: String,
    /// Indicator number (9 or 10).
    pub indicator: Option<u8>,
    /// Sub-indicator heading ("9.1 ข้อมูลพื้นฐาน").
    pub group: String,
    /// Official item title ("" when unknown).
    pub title: String,
    /// Disclosure status.
    pub status: OitStatus,
    /// Evidence URL on the agency's website.
    pub url: Option<String>,
}

/// How to render: digits, fonts for Word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RenderOptions {
    /// Thai digits (default, as agencies print) or Arabic digits.
    pub thai_digits: bool,
    /// Font named in DOCX (officers have it installed; nothing is embedded).
    pub docx_font: String,
    /// Body size in points for DOCX.
    pub docx_font_size: f32,
    /// Date printed as "ข้อมูล ณ วันที่" (ISO `YYYY-MM-DD`); none = not printed, so output is reproducible.
    pub as_of: Option<String>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            thai_digits: true,
            docx_font: "TH SarabunIT๙".to_owned(),
            docx_font_size: 16.0,
            as_of: None,
        }
    }
}

/// The output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// PDF via typst, with the bundled Sarabun embedded.
    Pdf,
    /// Word (OOXML), editable by a clerk.
    Docx,
    /// One self-contained HTML page for the agency's website.
    Html,
}

impl Format {
    /// File extension / CLI name.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Html => "html",
        }
    }

    /// MIME type for HTTP downloads.
    pub fn mime(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html; charset=utf-8",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_json_without_recommendations_still_loads() {
        let json = r#"{"kind":"implementation","header":{"title":"","agency":"อบต.","district":null,
            "province":null,"fiscal_year":2567},"summary":null,"indicators":[],"measure_groups":[],
            "oit_items":[],"paragraphs":[]}"#;
        let data: ReportData = serde_json::from_str(json).expect("older JSON loads");
        assert_eq!(data.header.recommendations, None);
        let back = serde_json::to_string(&data).expect("json");
        assert!(back.contains("\"recommendations\":null"), "{back}");
    }
}
