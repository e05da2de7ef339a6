//! A validated ITA framework: one fiscal year's tools, indicators, questions, OIT items and rules.

use std::collections::HashMap;

use serde::Serialize;

use super::provenance::Provenance;
use crate::code::{Code, CodePrefix};

/// A scoring instrument.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
pub enum ToolCode {
    /// Internal stakeholders' survey.
    #[serde(rename = "IIT")]
    Iit,
    /// External stakeholders' survey.
    #[serde(rename = "EIT")]
    Eit,
    /// Open-data checklist.
    #[serde(rename = "OIT")]
    Oit,
}

impl ToolCode {
    /// Parses `IIT`, `EIT` or `OIT`.
    pub fn parse(s: &str) -> Option<ToolCode> {
        match s {
            "IIT" => Some(ToolCode::Iit),
            "EIT" => Some(ToolCode::Eit),
            "OIT" => Some(ToolCode::Oit),
            _ => None,
        }
    }

    /// The code as printed.
    pub fn as_str(self) -> &'static str {
        match self {
            ToolCode::Iit => "IIT",
            ToolCode::Eit => "EIT",
            ToolCode::Oit => "OIT",
        }
    }
}

/// How an OIT indicator is computed from its items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OitAggregation {
    /// Sub-indicator = mean of its items; indicator = mean of its sub-indicators (2564, proved).
    MeanOfSubIndicators,
    /// Indicator = flat mean of its items.
    MeanOfItems,
}

/// How the total is graded and passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GradeBasis {
    /// Grade and pass use the total rounded to two decimals (what agencies are shown).
    Rounded2dp,
    /// Grade and pass use the unrounded total.
    Unrounded,
}

/// The roll-up rules of a year.
#[derive(Debug, Clone, Serialize)]
pub struct Rules {
    /// OIT roll-up.
    pub oit_aggregation: OitAggregation,
    /// Which total grades and passes.
    pub grade_basis: GradeBasis,
    /// Provenance of the rules as a whole.
    pub provenance: Provenance,
    /// Provenance of "indicator = mean of its questions".
    pub question_provenance: Provenance,
}

/// Pass mark and per-tool target.
#[derive(Debug, Clone, Serialize)]
pub struct PassRule {
    /// Overall pass mark (85).
    pub mark: f64,
    /// Target every tool (and EIT part) is compared with.
    pub tool_target: f64,
    /// Where these numbers come from.
    pub provenance: Provenance,
}

/// A grade band or rating level: `grade` for totals at or above `min` whose every rated unit (IIT, each EIT
/// part or EIT, OIT) is at or above `min_every_tool` when that is set.
#[derive(Debug, Clone, Serialize)]
pub struct GradeBand {
    /// The label printed verbatim: AA … F, or ผ่านดีเยี่ยม … ต้องปรับปรุงโดยด่วน.
    pub grade: String,
    /// English gloss for English pages ("" when none).
    pub grade_en: String,
    /// Inclusive lower bound of the total.
    pub min: f64,
    /// Inclusive lower bound every rated unit must reach, for rating levels.
    pub min_every_tool: Option<f64>,
    /// Other spellings seen in official or agency documents (accepted on input).
    pub aliases: Vec<String>,
}

/// Whether a year grades with letters or with rating levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GradingKind {
    /// AA, A, B … F on the total alone (up to 2565).
    Letters,
    /// Five rating levels on the total and every tool (from 2566).
    Levels,
}

/// The grade bands of a year, highest first.
#[derive(Debug, Clone, Serialize)]
pub struct Grading {
    /// Letters or levels.
    pub kind: GradingKind,
    /// Bands from the highest grade down to the one starting at 0.
    pub bands: Vec<GradeBand>,
    /// Where the bands come from.
    pub provenance: Provenance,
}

impl Grading {
    /// The band of a total and its rated units' scores (all already on the grade basis).
    pub fn band_for(&self, total: f64, units: &[f64]) -> Option<&GradeBand> {
        self.bands.iter().find(|b| {
            total >= b.min
                && b.min_every_tool
                    .is_none_or(|m| units.iter().all(|u| *u >= m))
        })
    }

    /// The canonical label of `text` (a label or one of its aliases, spaces ignored), if the year has it.
    pub fn canonical(&self, text: &str) -> Option<&GradeBand> {
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let t = squeeze(text);
        self.bands.iter().find(|b| {
            squeeze(&b.grade).eq_ignore_ascii_case(&t)
                || b.aliases
                    .iter()
                    .any(|a| squeeze(a).eq_ignore_ascii_case(&t))
        })
    }
}

/// A part of a tool (EIT part 1 / part 2 in 2567).
#[derive(Debug, Clone, Serialize)]
pub struct ToolPart {
    /// `EP` or `ES`.
    pub prefix: CodePrefix,
    /// Thai name.
    pub name_th: String,
    /// English name.
    pub name_en: String,
    /// Share of the tool, in percent of the tool.
    pub weight: f64,
}

/// A tool with its weight in the total.
#[derive(Debug, Clone, Serialize)]
pub struct Tool {
    /// IIT, EIT or OIT.
    pub code: ToolCode,
    /// Thai name.
    pub name_th: String,
    /// English name.
    pub name_en: String,
    /// Weight in the total, in percent.
    pub weight: f64,
    /// Where the weight comes from.
    pub weight_provenance: Provenance,
    /// Parts, when the tool is split (empty otherwise).
    pub parts: Vec<ToolPart>,
    /// Where the part split comes from.
    pub parts_provenance: Option<Provenance>,
    /// Numbers of the tool's indicators, ascending.
    pub indicators: Vec<u8>,
}

/// One of the ten indicators.
#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    /// 1..=10.
    pub number: u8,
    /// The tool it belongs to.
    pub tool: ToolCode,
    /// Thai name (official).
    pub name_th: String,
    /// English name.
    pub name_en: String,
    /// Where it comes from.
    pub provenance: Provenance,
    /// Only an indicator-level score is accepted (questions/items of that year unknown).
    pub indicator_only: bool,
}

/// A sub-indicator of an OIT indicator (9.1 … 10.2).
#[derive(Debug, Clone, Serialize)]
pub struct SubIndicator {
    /// `9.1` etc.
    pub code: String,
    /// The indicator it belongs to.
    pub indicator: u8,
    /// Thai name ("" when unknown).
    pub name_th: String,
    /// Where it comes from.
    pub provenance: Provenance,
}

/// One answer of a scale.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    /// Level number as written in response files.
    pub level: u8,
    /// Thai label.
    pub label_th: String,
    /// Other spellings people use.
    pub aliases: Vec<String>,
    /// Points on 0–100.
    pub points: f64,
}

/// An answer → points table.
#[derive(Debug, Clone, Serialize)]
pub struct Scale {
    /// `level4`, `yesno` …
    pub code: String,
    /// Thai name.
    pub name_th: String,
    /// Where the points come from.
    pub provenance: Provenance,
    /// Answers from the first level to the last.
    pub answers: Vec<Answer>,
}

/// An IIT/EIT survey question.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    /// `i1`, `e3`, `EP2` …
    pub code: Code,
    /// The indicator it counts towards.
    pub indicator: u8,
    /// The tool part (EP/ES) when the tool is split.
    pub part: Option<CodePrefix>,
    /// Index into [`Framework::scales`].
    pub scale: usize,
    /// Points are read in reverse order (the clean answer scores 100).
    pub reverse: bool,
    /// Official Thai wording, "" when not known.
    pub text_th: String,
    /// Where the question and its text come from.
    pub provenance: Provenance,
    /// Where its scale and reverse flag come from.
    pub scoring_provenance: Provenance,
}

/// An OIT open-data item.
#[derive(Debug, Clone, Serialize)]
pub struct OitItem {
    /// `O1` …
    pub code: Code,
    /// The OIT indicator it counts towards.
    pub indicator: u8,
    /// Its sub-indicator, when the year has them.
    pub sub_indicator: Option<String>,
    /// Official Thai title, "" when not known.
    pub title_th: String,
    /// Where the item and its title come from.
    pub provenance: Provenance,
    /// Where its placement comes from.
    pub placement_provenance: Provenance,
}

/// How the codes of `from_year` become this year's: listed codes move (several may fold into one); a code not
/// listed keeps its number when this year has it.
#[derive(Debug, Clone, Serialize)]
pub struct Renumbering {
    /// The year the old codes belong to.
    pub from_year: u16,
    /// Old code → new code.
    pub map: std::collections::BTreeMap<Code, Code>,
    /// Where the map comes from.
    pub provenance: Provenance,
}

/// What a code names inside a framework.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Index into [`Framework::questions`].
    Question(usize),
    /// Index into [`Framework::oit_items`].
    OitItem(usize),
    /// An indicator number.
    Indicator(u8),
}

/// A validated framework of one fiscal year.
#[derive(Debug, Clone, Serialize)]
pub struct Framework {
    /// `ita-2568`.
    pub id: String,
    /// Buddhist-era fiscal year.
    pub fiscal_year: u16,
    /// Thai title.
    pub title_th: String,
    /// File version.
    pub version: u32,
    /// References used for the file.
    pub sources: Vec<String>,
    /// Roll-up rules.
    pub rules: Rules,
    /// Pass mark and tool target.
    pub pass: PassRule,
    /// Grade bands.
    pub grading: Grading,
    /// Tools in file order.
    pub tools: Vec<Tool>,
    /// Indicators ordered by number.
    pub indicators: Vec<Indicator>,
    /// Sub-indicators in file order.
    pub sub_indicators: Vec<SubIndicator>,
    /// Answer scales.
    pub scales: Vec<Scale>,
    /// Questions in file order.
    pub questions: Vec<Question>,
    /// OIT items in file order.
    pub oit_items: Vec<OitItem>,
    /// How the previous year's codes map onto this year's, when known.
    pub renumbering: Option<Renumbering>,
    #[serde(skip)]
    pub(crate) index: HashMap<Code, Entry>,
}

impl Framework {
    /// What `code` names in this framework, if anything.
    pub fn entry(&self, code: Code) -> Option<Entry> {
        self.index.get(&code).copied()
    }

    /// The indicator with this number.
    pub fn indicator(&self, number: u8) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.number == number)
    }

    /// The tool with this code.
    pub fn tool(&self, code: ToolCode) -> Option<&Tool> {
        self.tools.iter().find(|t| t.code == code)
    }

    /// The question with this code.
    pub fn question(&self, code: Code) -> Option<&Question> {
        match self.entry(code)? {
            Entry::Question(i) => self.questions.get(i),
            _ => None,
        }
    }

    /// The OIT item with this code.
    pub fn oit_item(&self, code: Code) -> Option<&OitItem> {
        match self.entry(code)? {
            Entry::OitItem(i) => self.oit_items.get(i),
            _ => None,
        }
    }

    /// The Thai wording of a question to show; where the year's wording is not known, a sentence that names
    /// the indicator and says so (never a blank). `None` for a code that is not a question.
    pub fn question_text_th(&self, code: Code) -> Option<String> {
        let q = self.question(code)?;
        if !q.text_th.is_empty() {
            return Some(q.text_th.clone());
        }
        let name = self
            .indicator(q.indicator)
            .map(|i| i.name_th.as_str())
            .unwrap_or_default();
        Some(format!(
            "ข้อคำถามในตัวชี้วัดที่ {} {name} (ยังไม่มีถ้อยคำของข้อคำถามปี {} ที่เผยแพร่)",
            q.indicator, self.fiscal_year
        ))
    }

    /// Every code accepted in a score file of this year, in a stable order (questions, items, indicators).
    pub fn valid_codes(&self) -> Vec<Code> {
        let mut codes: Vec<Code> = self.questions.iter().map(|q| q.code).collect();
        codes.extend(self.oit_items.iter().map(|o| o.code));
        codes.extend(
            self.indicators
                .iter()
                .map(|i| Code::new(CodePrefix::Ind, u16::from(i.number))),
        );
        codes
    }

    /// The grade of a total and its rated units (all already on the grade basis).
    pub fn grade_for(&self, total: f64, units: &[f64]) -> &str {
        self.grading
            .band_for(total, units)
            .or(self.grading.bands.last())
            .map_or("", |b| b.grade.as_str())
    }

    /// Points of `answer` (0-based index into the scale) for a question, honouring reverse scoring.
    pub fn points(&self, question: &Question, answer_index: usize) -> Option<f64> {
        let scale = self.scales.get(question.scale)?;
        let n = scale.answers.len();
        let idx = if question.reverse {
            n.checked_sub(1 + answer_index)?
        } else {
            answer_index
        };
        scale.answers.get(idx).map(|a| a.points)
    }
}
