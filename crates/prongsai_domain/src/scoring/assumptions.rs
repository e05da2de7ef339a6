//! Lists the assumed (unconfirmed) framework parameters a result depends on, so no guess passes as official:
//! once with the reason recorded in the framework file, once in plain words for the people reading the result.

use super::result::{IndicatorScore, PlainAssumption, ScoreSource};
use crate::code::Code;
use crate::framework::{Framework, OitAggregation, Provenance, ToolCode};

#[derive(Default)]
struct Out {
    technical: Vec<String>,
    plain: Vec<PlainAssumption>,
}

impl Out {
    fn push(&mut self, what: &str, p: &Provenance, th: String, en: String) {
        if !p.is_assumed() {
            return;
        }
        let line = format!("{what} — {p}");
        if !self.technical.contains(&line) {
            self.technical.push(line);
        }
        let plain = PlainAssumption { th, en };
        if !self.plain.contains(&plain) {
            self.plain.push(plain);
        }
    }
}

/// The assumptions behind a result computed from `indicators` under `fw`: (recorded reasons, plain words).
pub(crate) fn collect(
    fw: &Framework,
    used_questions: bool,
    indicators: &[IndicatorScore],
) -> (Vec<String>, Vec<PlainAssumption>) {
    let year = fw.fiscal_year;
    let mut out = Out::default();
    let weights: Vec<String> = fw
        .tools
        .iter()
        .map(|t| format!("{} {}%", t.code.as_str(), t.weight))
        .collect();
    let weights = weights.join(" ");
    for t in &fw.tools {
        out.push(
            &format!("น้ำหนักเครื่องมือ {} = {}%", t.code.as_str(), t.weight),
            &t.weight_provenance,
            format!(
                "สัดส่วนคะแนนของเครื่องมือ ({weights}) ยังไม่ได้ตรวจกับคู่มือการประเมินของปี {year} จึงใช้สัดส่วนที่ยืนยันแล้วในปีก่อน"
            ),
            format!(
                "The tool weights ({weights}) are not yet checked against the {year} manual; earlier confirmed weights are used."
            ),
        );
        if let Some(p) = &t.parts_provenance {
            let parts: Vec<String> = t
                .parts
                .iter()
                .map(|x| format!("{} {}%", x.prefix.as_str(), x.weight))
                .collect();
            out.push(
                &format!("สัดส่วนส่วนย่อยของ {} ({})", t.code.as_str(), parts.join(", ")),
                p,
                format!(
                    "คะแนน {} คิดจากส่วนที่ ๑ และส่วนที่ ๒ ในสัดส่วน {} ซึ่งยังไม่ได้ยืนยันจากคู่มือ",
                    t.code.as_str(),
                    parts.join(" และ ")
                ),
                format!(
                    "{} combines its two parts as {}, which the manual has not confirmed.",
                    t.code.as_str(),
                    parts.join(" and ")
                ),
            );
        }
    }
    out.push(
        "กฎการรวมคะแนน (roll-up rules)",
        &fw.rules.provenance,
        format!(
            "วิธีรวมคะแนนขึ้นเป็นตัวชี้วัด เครื่องมือ และคะแนนรวม ใช้ตามวิธีที่ตรวจได้จากผลที่เผยแพร่ของปี 2564 ยังไม่ได้ตรวจกับคู่มือของปี {year}"
        ),
        format!(
            "The way scores roll up to indicators, tools and the total follows what published 2021 results prove; not checked for {year}."
        ),
    );
    if used_questions {
        out.push(
            "คะแนนตัวชี้วัด = ค่าเฉลี่ยของข้อคำถาม",
            &fw.rules.question_provenance,
            "คะแนนตัวชี้วัดคิดเป็นค่าเฉลี่ยของข้อคำถาม ซึ่งยังไม่มีผลที่เผยแพร่มายืนยัน".to_string(),
            "An indicator's score is taken as the mean of its questions; no published result confirms it."
                .to_string(),
        );
    }
    out.push(
        &format!("เกณฑ์ผ่าน {} คะแนน", fw.pass.mark),
        &fw.pass.provenance,
        format!("เกณฑ์ผ่าน {} คะแนนของปี {year} ยังไม่ได้ยืนยัน", fw.pass.mark),
        format!(
            "The pass mark of {} for {year} is not confirmed.",
            fw.pass.mark
        ),
    );
    out.push(
        "ช่วงคะแนนของระดับผลการประเมิน (grade bands)",
        &fw.grading.provenance,
        format!("เกณฑ์ระดับผลการประเมินของปี {year} ใช้ตามปีก่อนหน้า ยังไม่ได้ยืนยัน"),
        format!("The rating levels of {year} follow the previous year's; not confirmed."),
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
            out.technical.push(format!(
                "การจัดข้อ OIT เข้าตัวชี้วัดย่อย ({}) — assumed: grouping not confirmed for {year}",
                codes.join(", "),
            ));
            out.plain.push(PlainAssumption {
                th: format!(
                    "การจัดข้อ OIT เข้าตัวชี้วัดย่อยของปี {year} ยังไม่ได้ยืนยัน คะแนนตัวชี้วัด OIT จึงอาจต่างจากผลจริงเล็กน้อย"
                ),
                en: format!(
                    "How {year}'s OIT items group into sub-indicators is not confirmed, so OIT indicator scores may differ slightly."
                ),
            });
        }
    }
    (out.technical, out.plain)
}
