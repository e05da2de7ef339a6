//! The assessor's recommendations block (ข้อเสนอแนะ) of a report, per tool: IIT, EIT part 1 (EP), EIT part 2 (ES), OIT.

use serde::{Deserialize, Serialize};

use super::{Fragment, Heading};
use crate::code::Code;

/// The assessment tool a block of recommendations is about (the framework's tool codes).
pub use crate::framework::ToolCode as ToolName;

/// The part of the EIT (2567): public respondents or assessor survey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum EitPart {
    /// ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการเข้าตอบด้วยตนเอง (EIT Public).
    #[serde(rename = "EP")]
    Public,
    /// ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล (EIT Survey).
    #[serde(rename = "ES")]
    Survey,
}

/// One recommendation about one question ("ข้อ EP๑ หน่วยงานควร…").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    /// Line it starts on.
    pub line: usize,
    /// The indicator heading it sits under, trusted from the code when they disagree.
    pub indicator: Option<u8>,
    /// The question it is about.
    pub code: Code,
    /// The recommendation text.
    pub text: String,
    /// OIT items cited ("(อ้างอิงจาก ๐๑๐)").
    pub oit_refs: Vec<Code>,
    /// Sub-indicators cited ("(อ้างอิงจากตัวชี้วัด ๙.๑, ๙.๒)" → "9.1", "9.2").
    pub indicator_refs: Vec<String>,
}

/// Recommendations for one tool (or one EIT part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ToolRecommendations {
    /// The tool.
    pub tool: ToolName,
    /// The EIT part, when the block is one part of the EIT.
    pub part: Option<EitPart>,
    /// The block's heading.
    pub heading: Heading,
    /// General text of the block.
    pub paragraphs: Vec<Fragment>,
    /// Per-question recommendations.
    pub items: Vec<Recommendation>,
}

/// The whole recommendations block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecommendationsSection {
    /// Its heading ("ข้อเสนอแนะต่อผลการประเมิน…").
    pub heading: Option<Heading>,
    /// Text before the first tool block (the overall result).
    pub paragraphs: Vec<Fragment>,
    /// Blocks per tool in order.
    pub tools: Vec<ToolRecommendations>,
}
