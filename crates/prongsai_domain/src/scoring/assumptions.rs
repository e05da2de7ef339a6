//! Lists the assumed (unconfirmed) framework parameters a result depends on, so no guess passes as official.

use super::result::{IndicatorScore, ScoreSource};
use crate::code::Code;
use crate::framework::{Framework, OitAggregation, Provenance, ToolCode};

fn push(out: &mut Vec<String>, what: &str, p: &Provenance) {
    if p.is_assumed() {
        let line = format!("{what} — {p}");
        if !out.contains(&line) {
            out.push(line);
        }
    }
}

/// The assumptions behind a result computed from `indicators` under `fw`.
pub(crate) fn collect(
    fw: &Framework,
    used_questions: bool,
    indicators: &[IndicatorScore],
) -> Vec<String> {
    let mut out = Vec::new();
    for t in &fw.tools {
        push(
            &mut out,
            &format!("น้ำหนักเครื่องมือ {} = {}%", t.code.as_str(), t.weight),
            &t.weight_provenance,
        );
        if let Some(p) = &t.parts_provenance {
            let parts: Vec<String> = t
                .parts
                .iter()
                .map(|x| format!("{} {}%", x.prefix.as_str(), x.weight))
                .collect();
            push(
                &mut out,
                &format!("สัดส่วนส่วนย่อยของ {} ({})", t.code.as_str(), parts.join(", ")),
                p,
            );
        }
    }
    push(
        &mut out,
        "กฎการรวมคะแนน (roll-up rules)",
        &fw.rules.provenance,
    );
    if used_questions {
        push(
            &mut out,
            "คะแนนตัวชี้วัด = ค่าเฉลี่ยของข้อคำถาม",
            &fw.rules.question_provenance,
        );
    }
    push(
        &mut out,
        &format!("เกณฑ์ผ่าน {} คะแนน", fw.pass.mark),
        &fw.pass.provenance,
    );
    push(
        &mut out,
        "ช่วงคะแนนของระดับผลการประเมิน (grade bands)",
        &fw.grading.provenance,
    );
    let oit_computed = indicators
        .iter()
        .any(|i| i.tool == ToolCode::Oit && i.source == ScoreSource::Computed);
    if oit_computed && fw.rules.oit_aggregation == OitAggregation::MeanOfSubIndicators {
        let assumed: Vec<Code> = fw
            .oit_items
            .iter()
            .filter(|o| o.placement_provenance.is_assumed())
            .map(|o| o.code)
            .collect();
        if !assumed.is_empty() {
            let codes: Vec<String> = assumed.iter().map(ToString::to_string).collect();
            out.push(format!(
                "การจัดข้อ OIT เข้าตัวชี้วัดย่อย ({}) — assumed: grouping not confirmed for {}",
                codes.join(", "),
                fw.fiscal_year
            ));
        }
    }
    out
}
