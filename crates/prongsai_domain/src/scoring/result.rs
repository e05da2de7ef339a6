//! The computed result of one assessment, in the shape `prongsai score --format json` prints.

use serde::Serialize;

use super::round::Score;
use super::unit::Unit;
use crate::code::{Code, CodePrefix};
use crate::framework::{GradingKind, ToolCode};

/// Where an indicator score comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreSource {
    /// Given directly as `ind<N>`.
    Given,
    /// Computed from questions or OIT items.
    Computed,
}

/// A question's or item's score.
#[derive(Debug, Clone, Serialize)]
pub struct ItemScore {
    /// Code.
    pub code: Code,
    /// Score on 0–100.
    pub score: Score,
}

/// A sub-indicator's score.
#[derive(Debug, Clone, Serialize)]
pub struct SubIndicatorScore {
    /// `9.1` …
    pub code: String,
    /// Thai name.
    pub name: String,
    /// Mean of its items.
    pub score: Score,
}

/// An indicator's score.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorScore {
    /// 1..=10.
    pub number: u8,
    /// Thai name.
    pub name: String,
    /// Tool it belongs to.
    pub tool: ToolCode,
    /// Score on 0–100.
    pub score: Score,
    /// Given or computed.
    pub source: ScoreSource,
    /// Sub-indicator scores (OIT, when computed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sub_indicators: Vec<SubIndicatorScore>,
    /// Question or item scores that were given for this indicator.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ItemScore>,
}

/// A tool part's score (EIT part 1/2).
#[derive(Debug, Clone, Serialize)]
pub struct PartScore {
    /// `EP` or `ES`.
    pub code: CodePrefix,
    /// Share of the tool in percent.
    pub weight: f64,
    /// Score on 0–100; `None` when indicators were given directly and the part cannot be separated.
    pub score: Option<Score>,
}

/// A tool's score.
#[derive(Debug, Clone, Serialize)]
pub struct ToolScore {
    /// IIT, EIT or OIT.
    pub code: ToolCode,
    /// Weight in the total, percent.
    pub weight: f64,
    /// Mean of the tool's indicators, or the score given for the whole tool (or its parts).
    pub score: Score,
    /// Given whole (or as its parts), or computed from its indicators.
    pub source: ScoreSource,
    /// Parts, for a split tool.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartScore>,
}

/// A rated unit's score: what the per-tool conditions of the rating levels compare.
#[derive(Debug, Clone, Serialize)]
pub struct UnitScore {
    /// IIT, EP, ES (or EIT when its parts are not known) or OIT.
    pub unit: Unit,
    /// Score on 0–100.
    pub score: Score,
}

/// One assumption in plain words, for people: Thai and English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlainAssumption {
    /// Thai sentence.
    pub th: String,
    /// English sentence.
    pub en: String,
}

/// The result of scoring one agency for one framework.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreResult {
    /// Framework id.
    pub framework: String,
    /// Buddhist-era fiscal year.
    pub fiscal_year: u16,
    /// The indicators that have a score, by number (all ten unless a tool was given whole).
    pub indicators: Vec<IndicatorScore>,
    /// Tools in framework order.
    pub tools: Vec<ToolScore>,
    /// The units the rating's every-tool conditions compare.
    pub units: Vec<UnitScore>,
    /// Weighted total (unrounded inside, two decimals when shown).
    pub total: Score,
    /// The year's label verbatim: a letter (AA … F) up to 2565, a rating level (ผ่านดีเยี่ยม …) from 2566.
    pub grade: String,
    /// English gloss of the label ("" for letters).
    pub grade_en: String,
    /// Letters or rating levels.
    pub grading: GradingKind,
    /// Total reached the pass mark.
    pub passed: bool,
    /// Every assumed parameter the result depends on, with its recorded reason.
    pub assumptions: Vec<String>,
    /// The same in plain words for the people reading the result.
    pub assumptions_plain: Vec<PlainAssumption>,
}

impl ScoreResult {
    /// The score of indicator `n`.
    pub fn indicator(&self, n: u8) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|i| i.number == n)
    }

    /// The score of a tool.
    pub fn tool(&self, code: ToolCode) -> Option<&ToolScore> {
        self.tools.iter().find(|t| t.code == code)
    }

    /// The score of a unit: a tool, or an EIT part when known.
    pub fn unit(&self, unit: Unit) -> Option<Score> {
        match unit.part() {
            Some(prefix) => {
                self.tool(ToolCode::Eit)?
                    .parts
                    .iter()
                    .find(|p| p.code == prefix)?
                    .score
            }
            None => self.tool(unit.tool()).map(|t| t.score),
        }
    }
}
