//! Rolls question and item scores up to indicators, tools, the total, the grade and pass.

use super::assumptions::collect;
use super::result::*;
use super::round::{Score, round2};
use super::sheet::ScoreSheet;
use super::unit::Unit;
use crate::code::{Code, CodePrefix};
use crate::framework::{Framework, GradeBasis, Indicator, OitAggregation, ToolCode};

/// Why a sheet cannot be scored.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScoreError {
    /// Some indicators can be computed neither from a given score nor from their questions/items.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Missing(Vec<Missing>),
    /// One EIT part was given whole without the other.
    #[error("ใส่คะแนน {given} ทั้งส่วนแล้ว ต้องใส่คะแนน {missing} ทั้งส่วนด้วย หรือใส่ EIT ทั้งเครื่องมือแทน")]
    MissingPart {
        /// The part given.
        given: Unit,
        /// The part missing.
        missing: Unit,
    },
}

/// What one indicator lacks.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error(
    "ตัวชี้วัดที่ {indicator} ยังขาดคะแนน {} ให้ใส่ให้ครบ หรือใส่คะแนนทั้งตัวชี้วัดเป็น ind{indicator} หรือทั้งเครื่องมือ {tool} แทน",
    list(.codes), tool = .tool.as_str()
)]
pub struct Missing {
    /// Indicator number.
    pub indicator: u8,
    /// The indicator's tool.
    pub tool: ToolCode,
    /// Codes that are missing (only `ind<N>` for an indicator-only indicator).
    pub codes: Vec<Code>,
}

fn list(codes: &[Code]) -> String {
    codes
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn mean(xs: &[f64]) -> Option<f64> {
    if xs.is_empty() {
        None
    } else {
        Some(xs.iter().sum::<f64>() / xs.len() as f64)
    }
}

/// Scores `sheet` under `fw`. Indicators given directly win over their questions; questions given
/// alongside are still reported (and used by the analysis). A tool given whole (`IIT`, `EIT`, `EP`+`ES`, `OIT`)
/// has no indicator scores of its own.
pub fn score(fw: &Framework, sheet: &ScoreSheet) -> Result<ScoreResult, ScoreError> {
    for tool in &fw.tools {
        let given: Vec<Unit> = tool
            .parts
            .iter()
            .filter_map(|p| Unit::of_part(p.prefix))
            .filter(|u| sheet.unit(*u).is_some())
            .collect();
        if let Some(first) = given.first() {
            let absent = tool
                .parts
                .iter()
                .filter_map(|p| Unit::of_part(p.prefix))
                .find(|u| sheet.unit(*u).is_none());
            if let Some(missing) = absent {
                return Err(ScoreError::MissingPart {
                    given: *first,
                    missing,
                });
            }
        }
    }
    let mut missing = Vec::new();
    let mut indicators = Vec::with_capacity(fw.indicators.len());
    // part_scores[part][indicator] for split tools
    let mut part_means: Vec<(CodePrefix, Vec<f64>)> = Vec::new();
    for ind in &fw.indicators {
        if sheet.tool_given(ind.tool) {
            continue;
        }
        match indicator_score(fw, ind, sheet, &mut part_means) {
            Ok(s) => indicators.push(s),
            Err(m) => missing.push(m),
        }
    }
    if !missing.is_empty() {
        return Err(ScoreError::Missing(missing));
    }
    let mut tools = Vec::with_capacity(fw.tools.len());
    let mut total = 0.0;
    for tool in &fw.tools {
        let whole = sheet.unit(Unit::of_tool(tool.code));
        let given_parts: Option<Vec<f64>> = if tool.parts.is_empty() {
            None
        } else {
            tool.parts
                .iter()
                .map(|p| Unit::of_part(p.prefix).and_then(|u| sheet.unit(u)))
                .collect()
        };
        let all_computed = indicators
            .iter()
            .filter(|i| i.tool == tool.code)
            .all(|i| i.source == ScoreSource::Computed);
        let (s, source, parts) = if let Some(v) = whole {
            let parts = tool
                .parts
                .iter()
                .map(|p| PartScore {
                    code: p.prefix,
                    weight: p.weight,
                    score: None,
                })
                .collect();
            (v, ScoreSource::Given, parts)
        } else if let Some(values) = given_parts {
            let wsum: f64 = tool.parts.iter().map(|p| p.weight).sum();
            let acc: f64 = tool
                .parts
                .iter()
                .zip(&values)
                .map(|(p, v)| p.weight * v)
                .sum();
            let parts = tool
                .parts
                .iter()
                .zip(&values)
                .map(|(p, v)| PartScore {
                    code: p.prefix,
                    weight: p.weight,
                    score: Some(Score(*v)),
                })
                .collect();
            (
                if wsum > 0.0 { acc / wsum } else { 0.0 },
                ScoreSource::Given,
                parts,
            )
        } else {
            let scores: Vec<f64> = indicators
                .iter()
                .filter(|i| i.tool == tool.code)
                .map(|i| i.score.value())
                .collect();
            let parts = tool
                .parts
                .iter()
                .map(|p| PartScore {
                    code: p.prefix,
                    weight: p.weight,
                    score: part_means
                        .iter()
                        .find(|(c, _)| *c == p.prefix)
                        .filter(|_| all_computed)
                        .and_then(|(_, v)| mean(v))
                        .map(Score),
                })
                .collect();
            (mean(&scores).unwrap_or(0.0), ScoreSource::Computed, parts)
        };
        total += tool.weight * s / 100.0;
        tools.push(ToolScore {
            code: tool.code,
            weight: tool.weight,
            score: Score(s),
            source,
            parts,
        });
    }
    let basis = |x: f64| match fw.rules.grade_basis {
        GradeBasis::Rounded2dp => round2(x),
        GradeBasis::Unrounded => x,
    };
    let units = rated_units(&tools);
    let graded = basis(total);
    let graded_units: Vec<f64> = units.iter().map(|u| basis(u.score.value())).collect();
    let band = fw
        .grading
        .band_for(graded, &graded_units)
        .or(fw.grading.bands.last());
    let used_questions = indicators
        .iter()
        .any(|i| i.source == ScoreSource::Computed && i.tool != ToolCode::Oit);
    let (assumptions, assumptions_plain) = collect(fw, used_questions, &indicators);
    Ok(ScoreResult {
        framework: fw.id.clone(),
        fiscal_year: fw.fiscal_year,
        grade: band.map(|b| b.grade.clone()).unwrap_or_default(),
        grade_en: band.map(|b| b.grade_en.clone()).unwrap_or_default(),
        grading: fw.grading.kind,
        passed: graded >= fw.pass.mark,
        assumptions,
        assumptions_plain,
        indicators,
        tools,
        units,
        total: Score(total),
    })
}

/// The units every-tool conditions compare: IIT, each EIT part when both are known (else EIT), OIT.
fn rated_units(tools: &[ToolScore]) -> Vec<UnitScore> {
    let mut out = Vec::new();
    for t in tools {
        let parts: Option<Vec<UnitScore>> = if t.parts.is_empty() {
            None
        } else {
            t.parts
                .iter()
                .map(|p| {
                    Some(UnitScore {
                        unit: Unit::of_part(p.code)?,
                        score: p.score?,
                    })
                })
                .collect()
        };
        match parts {
            Some(list) => out.extend(list),
            None => out.push(UnitScore {
                unit: Unit::of_tool(t.code),
                score: t.score,
            }),
        }
    }
    out
}

fn indicator_score(
    fw: &Framework,
    ind: &Indicator,
    sheet: &ScoreSheet,
    part_means: &mut Vec<(CodePrefix, Vec<f64>)>,
) -> Result<IndicatorScore, Missing> {
    let given_items = given_items(fw, ind, sheet);
    let base = |score: f64, source, subs| IndicatorScore {
        number: ind.number,
        name: ind.name_th.clone(),
        tool: ind.tool,
        score: Score(score),
        source,
        sub_indicators: subs,
        items: given_items.clone(),
    };
    if let Some(v) = sheet.indicator(ind.number) {
        return Ok(base(v, ScoreSource::Given, Vec::new()));
    }
    let ind_code = Code::new(CodePrefix::Ind, u16::from(ind.number));
    if ind.indicator_only {
        return Err(Missing {
            indicator: ind.number,
            tool: ind.tool,
            codes: vec![ind_code],
        });
    }
    let codes: Vec<Code> = if ind.tool == ToolCode::Oit {
        fw.oit_items
            .iter()
            .filter(|o| o.indicator == ind.number)
            .map(|o| o.code)
            .collect()
    } else {
        fw.questions
            .iter()
            .filter(|q| q.indicator == ind.number)
            .map(|q| q.code)
            .collect()
    };
    let absent: Vec<Code> = codes
        .iter()
        .copied()
        .filter(|c| sheet.get(*c).is_none())
        .collect();
    if !absent.is_empty() {
        return Err(Missing {
            indicator: ind.number,
            tool: ind.tool,
            codes: absent,
        });
    }
    if ind.tool == ToolCode::Oit {
        let (score, subs) = oit_score(fw, ind.number, sheet);
        return Ok(base(score, ScoreSource::Computed, subs));
    }
    let tool = fw.tool(ind.tool);
    let parts = tool.map(|t| t.parts.as_slice()).unwrap_or_default();
    let score = if parts.is_empty() {
        let v: Vec<f64> = codes.iter().filter_map(|c| sheet.get(*c)).collect();
        mean(&v).unwrap_or(0.0)
    } else {
        let (mut acc, mut wsum) = (0.0, 0.0);
        for part in parts {
            let v: Vec<f64> = fw
                .questions
                .iter()
                .filter(|q| q.indicator == ind.number && q.part == Some(part.prefix))
                .filter_map(|q| sheet.get(q.code))
                .collect();
            if let Some(m) = mean(&v) {
                acc += part.weight * m;
                wsum += part.weight;
                match part_means.iter_mut().find(|(c, _)| *c == part.prefix) {
                    Some((_, list)) => list.push(m),
                    None => part_means.push((part.prefix, vec![m])),
                }
            }
        }
        if wsum > 0.0 { acc / wsum } else { 0.0 }
    };
    Ok(base(score, ScoreSource::Computed, Vec::new()))
}

fn given_items(fw: &Framework, ind: &Indicator, sheet: &ScoreSheet) -> Vec<ItemScore> {
    let codes: Box<dyn Iterator<Item = Code>> = if ind.tool == ToolCode::Oit {
        Box::new(
            fw.oit_items
                .iter()
                .filter(|o| o.indicator == ind.number)
                .map(|o| o.code),
        )
    } else {
        Box::new(
            fw.questions
                .iter()
                .filter(|q| q.indicator == ind.number)
                .map(|q| q.code),
        )
    };
    codes
        .filter_map(|c| {
            sheet.get(c).map(|v| ItemScore {
                code: c,
                score: Score(v),
            })
        })
        .collect()
}

fn oit_score(fw: &Framework, number: u8, sheet: &ScoreSheet) -> (f64, Vec<SubIndicatorScore>) {
    let items = fw.oit_items.iter().filter(|o| o.indicator == number);
    let subs: Vec<SubIndicatorScore> = fw
        .sub_indicators
        .iter()
        .filter(|s| s.indicator == number)
        .filter_map(|s| {
            let v: Vec<f64> = fw
                .oit_items
                .iter()
                .filter(|o| o.sub_indicator.as_deref() == Some(s.code.as_str()))
                .filter_map(|o| sheet.get(o.code))
                .collect();
            mean(&v).map(|m| SubIndicatorScore {
                code: s.code.clone(),
                name: s.name_th.clone(),
                score: Score(m),
            })
        })
        .collect();
    let score = match fw.rules.oit_aggregation {
        OitAggregation::MeanOfSubIndicators if !subs.is_empty() => {
            mean(&subs.iter().map(|s| s.score.value()).collect::<Vec<_>>()).unwrap_or(0.0)
        }
        _ => mean(&items.filter_map(|o| sheet.get(o.code)).collect::<Vec<_>>()).unwrap_or(0.0),
    };
    (score, subs)
}
