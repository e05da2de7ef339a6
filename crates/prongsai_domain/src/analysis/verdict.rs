//! The tool-level verdict agencies receive: pass (total ≥ mark) and whether every tool reached its target.

use serde::Serialize;

use crate::framework::{Framework, GradingKind};
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
    /// The year's label: a letter or a rating level.
    pub grade: String,
    /// English gloss of a rating level ("" for letters).
    pub grade_en: String,
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

/// Builds the verdict of `result` under `fw`: the year's label (letter or rating level), pass, and why the
/// result is not one level higher when a tool held it back.
pub fn verdict(fw: &Framework, result: &ScoreResult) -> Verdict {
    let target = fw.pass.tool_target;
    let units: Vec<VerdictUnit> = result
        .units
        .iter()
        .map(|u| VerdictUnit {
            code: u.unit.as_str().to_string(),
            score: u.score,
            reached: round2(u.score.value()) >= target,
        })
        .collect();
    let all = units.iter().all(|u| u.reached);
    let below = |min: f64| -> Vec<&str> {
        units
            .iter()
            .filter(|u| round2(u.score.value()) < min)
            .map(|u| u.code.as_str())
            .collect()
    };
    let total = result.total;
    let shown = round2(total.value());
    let grade = &result.grade;
    let status = if !result.passed {
        VerdictStatus::NotPassed
    } else if all {
        VerdictStatus::PassedAllTools
    } else {
        VerdictStatus::PassedToolBelowTarget
    };
    // The next better band the total alone would reach, held back by a tool condition.
    let position = fw.grading.bands.iter().position(|b| &b.grade == grade);
    let held_back = position.and_then(|pos| {
        fw.grading.bands[..pos]
            .iter()
            .rev()
            .find(|b| shown >= b.min && b.min_every_tool.is_some())
    });
    let mut th = format!("ผลการประเมินภาพรวม {total} คะแนน ระดับ {grade}");
    let mut en = match result.grade_en.as_str() {
        "" => format!("Overall score {total}, grade {grade}"),
        gloss => format!("Overall score {total}, rated {grade} ({gloss})"),
    };
    if fw.grading.kind == GradingKind::Letters || !result.passed {
        if result.passed {
            th.push_str(&format!(" ผ่านเกณฑ์ {} คะแนน", fw.pass.mark));
            en.push_str(&format!(", passing the mark of {}", fw.pass.mark));
        } else {
            th.push_str(&format!(" ต่ำกว่าเกณฑ์ผ่าน {} คะแนน", fw.pass.mark));
            en.push_str(&format!(", below the pass mark of {}", fw.pass.mark));
        }
    }
    if let Some(next) = held_back {
        let min = next.min_every_tool.unwrap_or(next.min);
        let list = below(min).join(", ");
        th.push_str(&format!(
            " ยังไม่ถึงระดับ {} เพราะ {list} ได้ต่ำกว่า {min} คะแนน",
            next.grade
        ));
        en.push_str(&format!(
            "; not {} because {list} scored below {min}",
            if next.grade_en.is_empty() {
                &next.grade
            } else {
                &next.grade_en
            }
        ));
    } else if status == VerdictStatus::PassedToolBelowTarget {
        let list = below(target).join(", ");
        th.push_str(&format!(" แต่เครื่องมือ {list} ยังได้น้อยกว่า {target} คะแนน"));
        en.push_str(&format!(", but {list} scored below {target}"));
    }
    en.push('.');
    Verdict {
        total,
        grade: grade.clone(),
        grade_en: result.grade_en.clone(),
        passed: result.passed,
        pass_mark: fw.pass.mark,
        tool_target: target,
        all_tools_reached_target: all,
        units,
        status,
        text_th: th,
        text_en: en,
    }
}
