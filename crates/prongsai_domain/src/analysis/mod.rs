//! Analysis of a result: per indicator the weakest question(s), cause, guidance and OIT references; the verdict; the change from last year.

mod verdict;

use serde::Serialize;

pub use verdict::{Verdict, VerdictStatus, VerdictUnit, verdict};

use crate::code::{Code, CodePrefix};
use crate::framework::{Entry, Framework};
use crate::guidance::GuidanceBook;
use crate::scoring::{ItemScore, Score, ScoreResult, round2};

/// One weakest question or item with our guidance for it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Question or item code.
    pub code: Code,
    /// Its score.
    pub score: Score,
    /// Official wording or title ("" when unknown).
    pub text: String,
    /// Cause (Thai).
    pub cause_th: String,
    /// Guidance (Thai).
    pub guidance_th: String,
    /// Cause (English).
    pub cause_en: String,
    /// Guidance (English).
    pub guidance_en: String,
    /// OIT items cited.
    pub oit_refs: Vec<Code>,
}

/// The analysis of one indicator.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorAnalysis {
    /// 1..=10.
    pub number: u8,
    /// Thai name.
    pub name: String,
    /// Indicator score.
    pub score: Score,
    /// The lowest-scoring questions/items (all on a tie; none when all score 100 or none were given).
    pub weakest: Vec<Code>,
    /// Cause (Thai), joined over distinct topics of the weakest.
    pub cause: String,
    /// Guidance (Thai), joined likewise.
    pub guidance: String,
    /// OIT items cited by the guidance, ascending.
    pub oit_refs: Vec<Code>,
    /// Detail per weakest code.
    pub findings: Vec<Finding>,
    /// Previous year's score of the indicator, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<Score>,
    /// Change from the previous year (current − previous).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Score>,
    /// Why no weakest question is named, when that is the case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Previous-year totals for comparison.
#[derive(Debug, Clone, Serialize)]
pub struct PreviousYear {
    /// Framework id of the previous result.
    pub framework: String,
    /// Its fiscal year.
    pub fiscal_year: u16,
    /// Its total.
    pub total: Score,
    /// Current total − previous total.
    pub change: Score,
}

/// The analysis of one result.
#[derive(Debug, Clone, Serialize)]
pub struct Analysis {
    /// Framework id.
    pub framework: String,
    /// Fiscal year.
    pub fiscal_year: u16,
    /// One entry per indicator.
    pub indicators: Vec<IndicatorAnalysis>,
    /// The verdict.
    pub verdict: Verdict,
    /// Comparison with the previous year, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous: Option<PreviousYear>,
}

/// The lowest-scoring items: every item whose displayed score equals the minimum; none when that minimum is 100.
pub fn weakest(items: &[ItemScore]) -> Vec<Code> {
    let Some(min) = items
        .iter()
        .map(|i| round2(i.score.value()))
        .reduce(f64::min)
    else {
        return Vec::new();
    };
    if min >= 100.0 {
        return Vec::new();
    }
    items
        .iter()
        .filter(|i| round2(i.score.value()) == min)
        .map(|i| i.code)
        .collect()
}

fn text_of(fw: &Framework, code: Code) -> String {
    match fw.entry(code) {
        Some(Entry::Question(_)) => fw.question_text_th(code),
        Some(Entry::OitItem(i)) => fw.oit_items.get(i).map(|o| o.title_th.clone()),
        _ => None,
    }
    .unwrap_or_default()
}

fn finding(fw: &Framework, book: Option<&GuidanceBook>, code: Code, score: Score) -> Finding {
    let g = book.and_then(|b| b.get(code));
    Finding {
        code,
        score,
        text: text_of(fw, code),
        cause_th: g.map(|g| g.cause_th.clone()).unwrap_or_default(),
        guidance_th: g.map(|g| g.guidance_th.clone()).unwrap_or_default(),
        cause_en: g.map(|g| g.cause_en.clone()).unwrap_or_default(),
        guidance_en: g.map(|g| g.guidance_en.clone()).unwrap_or_default(),
        oit_refs: g.map(|g| g.oit_refs.clone()).unwrap_or_default(),
    }
}

/// Analyses `result` under `fw` with `book`'s guidance; compares with `previous` when given.
pub fn analyze(
    fw: &Framework,
    book: Option<&GuidanceBook>,
    result: &ScoreResult,
    previous: Option<&ScoreResult>,
) -> Analysis {
    let mut indicators = Vec::new();
    for ind in &result.indicators {
        let weak = weakest(&ind.items);
        let mut findings: Vec<Finding> = weak
            .iter()
            .filter_map(|c| ind.items.iter().find(|i| i.code == *c))
            .map(|i| finding(fw, book, i.code, i.score))
            .collect();
        let note = if ind.items.is_empty() {
            if round2(ind.score.value()) < 100.0 {
                // Indicator-level input: fall back to the indicator's own guidance, if any.
                let code = Code::new(CodePrefix::Ind, u16::from(ind.number));
                if book.and_then(|b| b.get(code)).is_some() {
                    findings.push(finding(fw, book, code, ind.score));
                }
            }
            Some("ไม่มีคะแนนรายข้อ จึงระบุข้อที่ได้คะแนนน้อยที่สุดไม่ได้ (no question scores given)".to_string())
        } else if weak.is_empty() {
            Some("ทุกข้อได้ ๑๐๐ คะแนน (every question scores 100)".to_string())
        } else {
            None
        };
        let mut topics_seen = Vec::new();
        let (mut causes, mut guidance) = (Vec::new(), Vec::new());
        let mut refs: Vec<Code> = Vec::new();
        for f in &findings {
            let topic = book
                .and_then(|b| b.get(f.code))
                .map(|g| g.topic.clone())
                .unwrap_or_default();
            if !topics_seen.contains(&topic) {
                topics_seen.push(topic);
                causes.push(f.cause_th.clone());
                guidance.push(f.guidance_th.clone());
            }
            refs.extend(f.oit_refs.iter().copied());
        }
        refs.sort();
        refs.dedup();
        let prev = previous
            .and_then(|p| p.indicator(ind.number))
            .map(|p| p.score);
        indicators.push(IndicatorAnalysis {
            number: ind.number,
            name: ind.name.clone(),
            score: ind.score,
            weakest: weak,
            cause: causes
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            guidance: guidance
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" "),
            oit_refs: refs,
            findings,
            previous: prev,
            change: prev.map(|p| Score(ind.score.value() - p.value())),
            note,
        });
    }
    Analysis {
        framework: result.framework.clone(),
        fiscal_year: result.fiscal_year,
        indicators,
        verdict: verdict(fw, result),
        previous: previous.map(|p| PreviousYear {
            framework: p.framework.clone(),
            fiscal_year: p.fiscal_year,
            total: p.total,
            change: Score(result.total.value() - p.total.value()),
        }),
    }
}
