//! The analysis part of a legacy document: per indicator its scored questions, weakest question, cause and guidance.

use serde::{Deserialize, Serialize};

use super::{Heading, SectionProse};
use crate::code::Code;

/// A question (or OIT item) row of an analysis table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionScore {
    /// Line of the row.
    pub line: usize,
    /// Normalised code.
    pub code: Code,
    /// The wording as printed.
    pub text: String,
    /// The score as printed ("๙๙.๓๘" → 99.38), if any.
    pub score: Option<f64>,
}

/// A range of codes printed as one row ("๐๑ - ๐๒๘" → O1–O28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeRange {
    /// Line of the row.
    pub line: usize,
    /// First code.
    pub from: Code,
    /// Last code.
    pub to: Code,
}

/// A question the document names as scoring lowest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeakestQuestion {
    /// Its code, when printed.
    pub code: Option<Code>,
    /// Its wording as printed.
    pub text: String,
}

/// Another indicator a combined heading also names ("ตัวชี้วัดที่ ๙ … และ ตัวชี้วัดที่ ๑๐ …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorRef {
    /// Indicator number.
    pub number: u8,
    /// Its name as printed.
    pub name: String,
}

/// One indicator of an analysis: questions with scores and the analysis text split into its parts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysedIndicator {
    /// Indicator number, trusted from the question codes over the heading when they disagree.
    pub number: Option<u8>,
    /// Name as printed in the heading.
    pub name: String,
    /// The heading as printed (its number may differ from `number`).
    pub heading: Option<Heading>,
    /// Other indicators the same heading covers.
    pub also: Vec<IndicatorRef>,
    /// Scored questions in table order.
    pub questions: Vec<QuestionScore>,
    /// Code ranges printed instead of single questions.
    pub ranges: Vec<CodeRange>,
    /// ข้อคำถามที่ได้คะแนนน้อยที่สุด as the document names them: empty when it says none ("ไม่มี").
    pub weakest: Vec<WeakestQuestion>,
    /// The questions whose printed score is the lowest of the table (all of them on a tie);
    /// empty when that lowest score is 100 or no score is printed. It may differ from `weakest`
    /// (a warning says so): a renderer marks the weakest from this.
    #[serde(default)]
    pub lowest: Vec<Code>,
    /// สาเหตุเกิดจาก.
    pub cause: String,
    /// แนวทางการยกระดับผลการประเมิน.
    pub guidance: String,
    /// OIT items cited in the analysis text ("(อ้างอิงจาก ๐๑๐)" → O10), in order, once each.
    pub oit_refs: Vec<Code>,
}

/// An analysis of ITA results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnalysisSection {
    /// Indicators in document order.
    pub indicators: Vec<AnalysedIndicator>,
    /// Title lines and introduction printed before the first table, closing lines after the last.
    #[serde(flatten)]
    pub prose: SectionProse,
}
