//! The framework file exactly as written (serde shapes of `catalog/<year>.toml`), before validation.

use serde::Deserialize;

/// A framework file as parsed from TOML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFramework {
    pub id: String,
    pub fiscal_year: u16,
    pub title_th: String,
    pub version: u32,
    #[serde(default)]
    pub sources: Vec<String>,
    pub rules: RawRules,
    pub pass: RawPass,
    pub grading: RawGrading,
    pub tools: Vec<RawTool>,
    pub indicators: Vec<RawIndicator>,
    #[serde(default)]
    pub sub_indicators: Vec<RawSubIndicator>,
    #[serde(default)]
    pub scales: Vec<RawScale>,
    #[serde(default)]
    pub questions: Vec<RawQuestion>,
    #[serde(default)]
    pub oit_items: Vec<RawOitItem>,
    #[serde(default)]
    pub renumbering: Option<RawRenumbering>,
}

/// How the previous year's codes become this year's: `map` from old code to new code.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRenumbering {
    pub from_year: u16,
    pub provenance: String,
    pub map: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRules {
    pub question_aggregation: String,
    pub oit_item_scoring: String,
    pub oit_aggregation: String,
    pub tool_aggregation: String,
    pub total_aggregation: String,
    pub grade_basis: String,
    pub provenance: String,
    pub question_provenance: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPass {
    pub mark: f64,
    pub tool_target: f64,
    pub provenance: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawGrading {
    /// `letters` (AA–F, up to 2565) or `levels` (the five rating levels from 2566).
    #[serde(default)]
    pub kind: Option<String>,
    pub provenance: String,
    pub bands: Vec<RawBand>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBand {
    pub grade: String,
    #[serde(default)]
    pub grade_en: Option<String>,
    pub min: f64,
    #[serde(default)]
    pub min_every_tool: Option<f64>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTool {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub weight: f64,
    pub weight_provenance: String,
    #[serde(default)]
    pub parts: Vec<RawPart>,
    pub parts_provenance: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPart {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub number: u8,
    pub tool: String,
    pub name_th: String,
    pub name_en: String,
    pub provenance: String,
    #[serde(default)]
    pub indicator_only: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSubIndicator {
    pub code: String,
    pub indicator: u8,
    pub name_th: String,
    pub provenance: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScale {
    pub code: String,
    pub name_th: String,
    pub provenance: String,
    pub answers: Vec<RawAnswer>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawAnswer {
    pub level: u8,
    pub label_th: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub points: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawQuestion {
    pub code: String,
    pub indicator: u8,
    pub part: Option<String>,
    pub scale: String,
    pub reverse: bool,
    pub text_th: String,
    pub provenance: String,
    pub scoring_provenance: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawOitItem {
    pub code: String,
    pub sub_indicator: Option<String>,
    pub indicator: Option<u8>,
    pub title_th: String,
    pub provenance: String,
    pub placement_provenance: String,
}
