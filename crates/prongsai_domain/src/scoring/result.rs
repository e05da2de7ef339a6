//! The computed result of one assessment, in the shape `prongsai score --format json` prints.

use serde::Serialize;

use super::round::Score;
use crate::code::{Code, CodePrefix};
use crate::framework::ToolCode;

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
    /// Mean of the tool's indicators.
    pub score: Score,
    /// Parts, for a split tool.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<PartScore>,
}

/// The result of scoring one agency for one framework.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreResult {
    /// Framework id.
    pub framework: String,
    /// Buddhist-era fiscal year.
    pub fiscal_year: u16,
    /// Ten indicators, by number.
    pub indicators: Vec<IndicatorScore>,
    /// Tools in framework order.
    pub tools: Vec<ToolScore>,
    /// Weighted total (unrounded inside, two decimals when shown).
    pub total: Score,
    /// Grade of the total.
    pub grade: String,
    /// Total reached the pass mark.
    pub passed: bool,
    /// Every assumed parameter the result depends on.
    pub assumptions: Vec<String>,
}

impl ScoreResult {
    /// The score of indicator `n`.
    pub fn indicator(&self, n: u8) -> Option<&IndicatorScore> {
        self.indicators.iter().find(|i| i.number == n)
    }
}
