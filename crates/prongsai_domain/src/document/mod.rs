//! A legacy ITA document (analysis, measures plan, implementation report) as structured data: the JSON interchange model.

// The JSON shape is a contract (docs/import-json.md): fields are always present (empty lists,
// empty strings or null), so scripts never have to test for a missing key. Bump
// SCHEMA_VERSION on any change that an existing reader could misread.

mod analysis;
mod measure;
mod recommend;

use serde::{Deserialize, Serialize};

pub use analysis::{
    AnalysedIndicator, AnalysisSection, CodeRange, IndicatorRef, QuestionScore, WeakestQuestion,
};
pub use measure::{ColumnRole, Link, Measure, MeasureSection, PeriodText};
pub use recommend::{
    EitPart, Recommendation, RecommendationsSection, ToolName, ToolRecommendations,
};

use crate::thai::FiscalYear;

/// Version of the JSON shape; readers refuse other versions.
pub const SCHEMA_VERSION: u32 = 1;

/// What a document is, judged by its tables (and its title when the tables agree).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// การวิเคราะห์ผลการประเมิน: scored questions per indicator with weakest, cause and guidance.
    Analysis,
    /// มาตรการ: planned measures with steps, period and responsible units.
    MeasuresPlan,
    /// รายงานผลการดำเนินการ: measures with their results and outcomes.
    ImplementationReport,
    /// An analysis followed by the measures plan that answers it (one file, as in seed 001).
    AnalysisAndPlan,
}

/// The format the document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceFormat {
    /// Text extracted from a PDF or typed (tab-separated tables).
    Text,
    /// A Word document (tables and paragraphs).
    Docx,
    /// An Excel workbook (first sheet).
    Xlsx,
    /// A CSV file.
    Csv,
}

/// The agency a document is about, as printed in its header.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Full name as printed ("องค์การบริหารส่วนตำบลลำภูรา"), if found.
    pub name: Option<String>,
    /// District (อำเภอ) without the word อำเภอ, if found.
    pub district: Option<String>,
    /// Province (จังหวัด) without the word จังหวัด, if found.
    pub province: Option<String>,
}

/// A piece of input text with the line it came from (1-based; for DOCX the paragraph or
/// table row number, for XLSX/CSV the sheet row).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fragment {
    /// Where it starts in the input.
    pub line: usize,
    /// The text, cleaned of HTML and extra spaces.
    pub text: String,
}

/// Something the importer noticed and the user should check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Line it is about, if any.
    pub line: Option<usize>,
    /// Thai message with an English gloss.
    pub message: String,
}

/// How much of the input was placed into fields.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Recognition {
    /// Non-blank input lines (or rows) read.
    pub lines: usize,
    /// Non-blank characters read.
    pub chars: usize,
    /// Non-blank characters left in `unrecognised`.
    pub unrecognised_chars: usize,
    /// Share of characters placed into fields, 0–100, rounded to 2 decimals.
    pub percent: f64,
}

impl Recognition {
    /// Counts for `lines` lines of `chars` characters of which `unrecognised_chars` were not placed.
    pub fn new(lines: usize, chars: usize, unrecognised_chars: usize) -> Self {
        let placed = chars.saturating_sub(unrecognised_chars);
        let percent = if chars == 0 {
            100.0
        } else {
            (placed as f64 * 10_000.0 / chars as f64).round() / 100.0
        };
        Recognition {
            lines,
            chars,
            unrecognised_chars,
            percent,
        }
    }
}

/// A heading line before a table or block: "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน", "๒) การให้บริการ…".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// Line of the heading.
    pub line: usize,
    /// The whole heading as printed (cleaned).
    pub text: String,
    /// The number printed in it ("๒)" → 2), if any.
    pub number: Option<u16>,
    /// The heading without its number and the word ตัวชี้วัดที่.
    pub name: String,
    /// The ITA indicator it names (1–10), resolved from its number, name or codes.
    pub indicator: Option<u8>,
}

/// The prose printed around one section's table: the title lines and introduction before it,
/// and the closing lines after the document's last table. The same fragments are also in the
/// document's `paragraphs` (older readers keep working); these say where they belong.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionProse {
    /// Short lines before the table that read as its title ("การกำหนดวิธีการนำผลการวิเคราะห์…",
    /// "ของ องค์การบริหารส่วนตำบล… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘").
    #[serde(default)]
    pub title_lines: Vec<Fragment>,
    /// Introductory paragraphs before the table ("จากการวิเคราะห์… ดังนี้", "ตามที่… ได้มีมาตรการ…").
    #[serde(default)]
    pub intro: Vec<Fragment>,
    /// Paragraphs after the table when no other section follows ("หมายเหตุ …").
    #[serde(default)]
    pub closing: Vec<Fragment>,
}

/// One part of a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Section {
    /// Analysis of the ITA results, indicator by indicator.
    Analysis(AnalysisSection),
    /// A table of planned measures.
    MeasuresPlan(MeasureSection),
    /// A table of measures with what was done and achieved.
    ImplementationReport(MeasureSection),
    /// The assessor's recommendations per tool (IIT, EIT part 1/2, OIT).
    Recommendations(RecommendationsSection),
}

/// A whole imported document: header facts, sections, and everything that did not fit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportDocument {
    /// Always [`SCHEMA_VERSION`] when produced by this version.
    pub schema_version: u32,
    /// What the document is.
    pub kind: DocumentKind,
    /// Format of the input.
    pub source_format: SourceFormat,
    /// Title: the first block of lines, joined.
    pub title: String,
    /// Agency name, district and province.
    pub agency: Agency,
    /// Fiscal year (Buddhist era) the document is about.
    pub fiscal_year: Option<FiscalYear>,
    /// Sections in document order.
    pub sections: Vec<Section>,
    /// Prose outside tables and headings (introductions, notes), in order.
    pub paragraphs: Vec<Fragment>,
    /// Page furniture recognised and set aside: page numbers, rules, footers, repeated table headers.
    pub furniture: Vec<Fragment>,
    /// Input that was not placed anywhere else.
    pub unrecognised: Vec<Fragment>,
    /// Things to check: wrong heading numbers, unreadable periods, codes not in the framework…
    pub warnings: Vec<Warning>,
    /// How much of the input was placed.
    pub recognition: Recognition,
}

impl ReportDocument {
    /// Every measure of every plan or report section, in order.
    pub fn measures(&self) -> impl Iterator<Item = &Measure> {
        self.sections.iter().flat_map(|s| match s {
            Section::MeasuresPlan(m) | Section::ImplementationReport(m) => m.measures.as_slice(),
            Section::Analysis(_) | Section::Recommendations(_) => &[],
        })
    }

    /// Every analysed indicator of every analysis section, in order.
    pub fn indicators(&self) -> impl Iterator<Item = &AnalysedIndicator> {
        self.sections.iter().flat_map(|s| match s {
            Section::Analysis(a) => a.indicators.as_slice(),
            Section::MeasuresPlan(_)
            | Section::ImplementationReport(_)
            | Section::Recommendations(_) => &[],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognition_percent_is_rounded_and_safe() {
        assert_eq!(Recognition::new(3, 0, 0).percent, 100.0);
        assert_eq!(Recognition::new(3, 3, 1).percent, 66.67);
        assert_eq!(Recognition::new(3, 3, 9).percent, 0.0);
    }

    #[test]
    fn kinds_serialise_in_snake_case() {
        let json = serde_json::to_string(&DocumentKind::AnalysisAndPlan).unwrap();
        assert_eq!(json, "\"analysis_and_plan\"");
        let back: DocumentKind = serde_json::from_str("\"implementation_report\"").unwrap();
        assert_eq!(back, DocumentKind::ImplementationReport);
    }
}
