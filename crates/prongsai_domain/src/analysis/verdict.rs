//! The tool-level verdict agencies receive: pass (total ≥ mark) and whether every tool reached its target.

use serde::Serialize;

use crate::framework::Framework;
use crate::scoring::{Score, ScoreResult, round2};

/// One scored unit in the verdict: a tool, or an EIT part when the tool is split.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictUnit {
    /// `IIT`, `EIT`, `EP`, `ES` or `OIT`.
    pub code: String,
    /// Score.
    pub score: Score,
    /// Reached the tool target.
    pub reached: bool,
}

/// The verdict category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VerdictStatus {
    /// Total and every unit at or above target.
    PassedAllTools,
    /// Total passed but at least one unit is below target.
    PassedToolBelowTarget,
    /// Total below the pass mark.
    NotPassed,
}

/// What the agency is told about its result as a whole.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// Total score.
    pub total: Score,
    /// Grade.
    pub grade: String,
    /// Total reached the pass mark.
    pub passed: bool,
    /// Pass mark used.
    pub pass_mark: f64,
    /// Tool target used.
    pub tool_target: f64,
    /// Every unit reached the target.
    pub all_tools_reached_target: bool,
    /// Units compared with the target.
    pub units: Vec<VerdictUnit>,
    /// Category.
    pub status: VerdictStatus,
    /// One Thai sentence for the agency.
    pub text_th: String,
    /// The same in English.
    pub text_en: String,
}

/// Builds the verdict of `result` under `fw`.
pub fn verdict(fw: &Framework, result: &ScoreResult) -> Verdict {
    let target = fw.pass.tool_target;
    let mut units = Vec::new();
    for t in &result.tools {
        let parts: Vec<_> = t
            .parts
            .iter()
            .filter_map(|p| p.score.map(|s| (p.code.as_str(), s)))
            .collect();
        if !t.parts.is_empty() && parts.len() == t.parts.len() {
            for (code, s) in parts {
                units.push(VerdictUnit {
                    code: code.to_string(),
                    score: s,
                    reached: round2(s.value()) >= target,
                });
            }
        } else {
            let code = t.code.as_str().to_string();
            units.push(VerdictUnit {
                code,
                score: t.score,
                reached: round2(t.score.value()) >= target,
            });
        }
    }
    let all = units.iter().all(|u| u.reached);
    let below: Vec<&str> = units
        .iter()
        .filter(|u| !u.reached)
        .map(|u| u.code.as_str())
        .collect();
    let total = result.total;
    let (status, text_th, text_en) = if !result.passed {
        (
            VerdictStatus::NotPassed,
            format!(
                "ผลการประเมินภาพรวม {total} คะแนน ต่ำกว่าเกณฑ์ผ่าน {} คะแนน จึงยังไม่ผ่านค่าเป้าหมาย",
                fw.pass.mark
            ),
            format!(
                "The overall score {total} is below the pass mark of {}; the target is not yet met.",
                fw.pass.mark
            ),
        )
    } else if all {
        (
            VerdictStatus::PassedAllTools,
            format!("ผ่านค่าเป้าหมาย: ภาพรวม {total} คะแนน และทุกเครื่องมือได้ {target} คะแนนขึ้นไป"),
            format!("Passed: overall {total}, and every tool scored {target} or more."),
        )
    } else {
        (
            VerdictStatus::PassedToolBelowTarget,
            format!(
                "ผ่านค่าเป้าหมายในภาพรวม ({total} คะแนน) แต่เครื่องมือ {} ยังได้น้อยกว่า {target} คะแนน",
                below.join(", ")
            ),
            format!(
                "Passed overall ({total}), but {} scored below {target}.",
                below.join(", ")
            ),
        )
    };
    Verdict {
        total,
        grade: result.grade.clone(),
        passed: result.passed,
        pass_mark: fw.pass.mark,
        tool_target: target,
        all_tools_reached_target: all,
        units,
        status,
        text_th,
        text_en,
    }
}
