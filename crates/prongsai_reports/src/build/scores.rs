//! Report data computed from scores: the analysis with its summary, and the OIT checklist.

use std::collections::BTreeMap;

use prongsai_domain::analysis::Analysis;
use prongsai_domain::framework::GradingKind;
use prongsai_domain::scoring::{OfficialResult, ScoreResult, Unit};
use prongsai_domain::{Code, Framework};

use crate::ReportError;
use crate::model::{
    Header, IndicatorBlock, IndicatorLine, OitRow, OitStatus, QuestionRow, ReportData, ReportKind,
    Summary, ToolLine,
};

/// Evidence URLs of OIT items, by code.
pub type EvidenceUrls = BTreeMap<Code, String>;

/// Builds the `kind` report from a computed result and its analysis. Analysis and OIT reports
/// come from scores; measures and implementation reports need measures, so they fail here.
/// When the NACC's published result is given, the summary prints it (and says so) instead of our figures.
pub fn from_scores(
    fw: &Framework,
    result: &ScoreResult,
    analysis: &Analysis,
    header: Header,
    kind: ReportKind,
    urls: &EvidenceUrls,
    official: Option<&OfficialResult>,
) -> Result<ReportData, ReportError> {
    let mut data = ReportData {
        kind,
        header,
        summary: Some(summary(fw, result, analysis, official)),
        indicators: Vec::new(),
        measure_groups: Vec::new(),
        oit_items: Vec::new(),
        paragraphs: Vec::new(),
    };
    match kind {
        ReportKind::Analysis => data.indicators = indicator_blocks(fw, result, analysis),
        ReportKind::Oit => data.oit_items = oit_checklist(fw, &item_scores(result), urls),
        ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear => {
            return Err(ReportError::MissingData(
                "คะแนนอย่างเดียวไม่มีมาตรการ ใช้ไฟล์ JSON จาก import-report หรือข้อมูลในระบบ (scores alone hold no measures; use import-report JSON)"
                    .to_owned(),
            ));
        }
    }
    Ok(data)
}

/// The note printed under a computed summary whose figures rest on unconfirmed parameters.
pub const COMPUTED_NOTE: &str =
    "คะแนนในเอกสารนี้คำนวณจากคะแนนรายข้อ ผลอย่างเป็นทางการเป็นไปตามประกาศของ สำนักงาน ป.ป.ช.";
/// The note printed under a summary that shows the NACC's published result.
pub const OFFICIAL_NOTE: &str =
    "คะแนนรวม ระดับผลการประเมิน และคะแนนที่ประกาศ เป็นไปตามผลการประเมินที่ สำนักงาน ป.ป.ช. ประกาศ";

fn summary(
    fw: &Framework,
    result: &ScoreResult,
    analysis: &Analysis,
    official: Option<&OfficialResult>,
) -> Summary {
    let tool_score = |code: prongsai_domain::framework::ToolCode, ours: f64| -> f64 {
        let Some(o) = official else { return ours };
        let unit = Unit::of_tool(code);
        if let Some(v) = o.tools.get(&unit) {
            return *v;
        }
        // EIT published as its two parts only: combine them with the year's part weights.
        let parts = fw
            .tool(code)
            .map(|t| t.parts.as_slice())
            .unwrap_or_default();
        let given: Option<Vec<(f64, f64)>> = parts
            .iter()
            .map(|p| {
                Unit::of_part(p.prefix)
                    .and_then(|u| o.tools.get(&u))
                    .map(|v| (p.weight, *v))
            })
            .collect();
        match given {
            Some(list) if !list.is_empty() => {
                let w: f64 = list.iter().map(|(w, _)| w).sum();
                list.iter().map(|(w, v)| w * v).sum::<f64>() / w
            }
            _ => ours,
        }
    };
    let notes = match official {
        Some(_) => vec![OFFICIAL_NOTE.to_owned()],
        None if !result.assumptions.is_empty() => vec![COMPUTED_NOTE.to_owned()],
        None => Vec::new(),
    };
    Summary {
        framework: result.framework.clone(),
        total: official.map_or(result.total.value(), |o| o.total),
        grade: official.map_or_else(|| result.grade.clone(), |o| o.level.clone()),
        levels: fw.grading.kind == GradingKind::Levels,
        passed: official.map_or(result.passed, |o| {
            prongsai_domain::scoring::round2(o.total) >= fw.pass.mark
        }),
        pass_mark: fw.pass.mark,
        tools: result
            .tools
            .iter()
            .map(|t| ToolLine {
                code: t.code.as_str().to_owned(),
                name: fw
                    .tool(t.code)
                    .map(|x| x.name_th.clone())
                    .unwrap_or_default(),
                weight: t.weight,
                score: tool_score(t.code, t.score.value()),
            })
            .collect(),
        indicators: result
            .indicators
            .iter()
            .map(|i| IndicatorLine {
                number: i.number,
                name: i.name.clone(),
                tool: i.tool.as_str().to_owned(),
                score: official
                    .and_then(|o| o.indicators.get(&i.number).copied())
                    .unwrap_or(i.score.value()),
                previous: analysis
                    .indicators
                    .iter()
                    .find(|a| a.number == i.number)
                    .and_then(|a| a.previous)
                    .map(|s| s.value()),
            })
            .collect(),
        previous_total: analysis.previous.as_ref().map(|p| p.total.value()),
        notes,
    }
}

fn indicator_blocks(
    fw: &Framework,
    result: &ScoreResult,
    analysis: &Analysis,
) -> Vec<IndicatorBlock> {
    result
        .indicators
        .iter()
        .map(|ind| {
            let a = analysis.indicators.iter().find(|a| a.number == ind.number);
            let weakest = a.map(|a| a.weakest.as_slice()).unwrap_or_default();
            IndicatorBlock {
                number: Some(ind.number),
                name: ind.name.clone(),
                score: Some(ind.score.value()),
                questions: ind
                    .items
                    .iter()
                    .map(|item| QuestionRow {
                        code: item.code.to_string(),
                        text: wording(fw, item.code),
                        score: Some(item.score.value()),
                        weakest: weakest.contains(&item.code),
                    })
                    .collect(),
                cause: a.map(|a| a.cause.clone()).unwrap_or_default(),
                guidance: a.map(|a| a.guidance.clone()).unwrap_or_default(),
                oit_refs: a
                    .map(|a| a.oit_refs.iter().map(ToString::to_string).collect())
                    .unwrap_or_default(),
                oit_ref_titles: a
                    .map(|a| super::oit_titles(Some(fw), &a.oit_refs))
                    .unwrap_or_default(),
                note: String::new(),
            }
        })
        .collect()
}

/// Official wording of a question or title of an item ("" when the catalog does not know it).
fn wording(fw: &Framework, code: Code) -> String {
    if let Some(text) = fw.question_text_th(code) {
        return text;
    }
    fw.oit_item(code)
        .map(|o| o.title_th.clone())
        .unwrap_or_default()
}

/// Question and item scores of a result, by code.
fn item_scores(result: &ScoreResult) -> BTreeMap<Code, f64> {
    result
        .indicators
        .iter()
        .flat_map(|i| i.items.iter())
        .map(|i| (i.code, i.score.value()))
        .collect()
}

/// The OIT checklist from item marks alone: the OIT check is often done before the surveys
/// close, so a sheet holding only some O items is enough (no total, no summary).
pub fn oit_report(
    fw: &Framework,
    header: Header,
    scored: &BTreeMap<Code, f64>,
    urls: &EvidenceUrls,
) -> ReportData {
    ReportData {
        kind: ReportKind::Oit,
        header,
        summary: None,
        indicators: Vec::new(),
        measure_groups: Vec::new(),
        oit_items: oit_checklist(fw, scored, urls),
        paragraphs: Vec::new(),
    }
}

/// Every OIT item of the framework with its status from `scored` (100 = มี, below = ไม่มี,
/// absent = not assessed) and its evidence URL.
pub fn oit_checklist(
    fw: &Framework,
    scored: &BTreeMap<Code, f64>,
    urls: &EvidenceUrls,
) -> Vec<OitRow> {
    fw.oit_items
        .iter()
        .map(|item| {
            let group = item
                .sub_indicator
                .as_deref()
                .and_then(|code| fw.sub_indicators.iter().find(|s| s.code == code))
                .map(|s| format!("{} {}", s.code, s.name_th))
                .or_else(|| {
                    fw.indicator(item.indicator)
                        .map(|i| format!("ตัวชี้วัดที่ {} {}", i.number, i.name_th))
                })
                .unwrap_or_default();
            OitRow {
                code: item.code.to_string(),
                indicator: Some(item.indicator),
                group,
                title: item.title_th.clone(),
                status: match scored.get(&item.code) {
                    Some(s) if *s >= 100.0 => OitStatus::Yes,
                    Some(_) => OitStatus::No,
                    None => OitStatus::Unknown,
                },
                url: urls.get(&item.code).cloned(),
            }
        })
        .collect()
}
