//! Thai wording built from the model that the DOCX and HTML renderers print the same way.

use crate::model::{
    IndicatorBlock, OitRow, OitStatus, RecommendationIndicator, RecommendationItem, RenderOptions,
    ReportData, ReportKind, Summary,
};
use crate::{ReportError, text};

/// Refuses a report whose kind has nothing to show (a measures plan without measures, …).
pub(crate) fn require_data(data: &ReportData) -> Result<(), ReportError> {
    let missing = match data.kind {
        ReportKind::Analysis => (data.summary.is_none() && data.indicators.is_empty())
            .then_some("ไม่มีคะแนนหรือผลการวิเคราะห์รายตัวชี้วัด"),
        ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear => data
            .measure_groups
            .iter()
            .all(|g| g.measures.is_empty())
            .then_some("ไม่มีมาตรการ"),
        ReportKind::Oit => data
            .oit_items
            .is_empty()
            .then_some("ไม่มีรายการข้อมูลสาธารณะ (OIT)"),
    };
    missing.map_or(Ok(()), |m| Err(ReportError::MissingData(m.to_owned())))
}

/// The document title: the header's, or the kind's default when empty.
pub(crate) fn title(data: &ReportData) -> &str {
    if data.header.title.trim().is_empty() {
        data.kind.title_th()
    } else {
        data.header.title.as_str()
    }
}

/// The centred lines under the title: agency, place, fiscal year, as-of date (empty ones left out).
pub(crate) fn header_lines(data: &ReportData, opts: &RenderOptions) -> Vec<String> {
    let h = &data.header;
    [
        text::digits(h.agency.trim(), opts),
        text::place_line(h),
        text::fiscal_year_line(h, opts),
        text::as_of_line(opts).unwrap_or_default(),
    ]
    .into_iter()
    .filter(|l| !l.trim().is_empty())
    .collect()
}

/// "ผลการประเมิน ITA ๙๐.๑๒ คะแนน ระดับ A ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป)".
pub(crate) fn summary_line(s: &Summary, opts: &RenderOptions) -> String {
    let line = format!(
        "ผลการประเมิน ITA {} คะแนน ระดับ {} {}",
        text::score(s.total, opts),
        s.grade,
        text::digits(text::verdict_label(s), opts)
    );
    line.trim_end().to_owned()
}

/// "ปีงบประมาณก่อน ๘๕.๐๐ คะแนน เปลี่ยนแปลง +๕.๑๒ คะแนน" when last year's total is known.
pub(crate) fn previous_line(s: &Summary, opts: &RenderOptions) -> Option<String> {
    s.previous_total.map(|prev| {
        format!(
            "ปีงบประมาณก่อน {} คะแนน เปลี่ยนแปลง {} คะแนน",
            text::score(prev, opts),
            text::change(s.total - prev, opts)
        )
    })
}

/// "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๙๙.๓๘ คะแนน)".
pub(crate) fn indicator_title(b: &IndicatorBlock, opts: &RenderOptions) -> String {
    let mut s = match b.number {
        Some(n) => format!("ตัวชี้วัดที่ {} {}", text::number(n, opts), b.name.trim()),
        None => format!("ตัวชี้วัด {}", b.name.trim()),
    };
    if let Some(score) = b.score {
        s.push_str(&format!(" ({} คะแนน)", text::score(score, opts)));
    }
    text::digits(&s, opts)
}

/// A question's score, with "(ต่ำสุด)" when it is the weakest of its indicator.
pub(crate) fn question_score(score: Option<f64>, weakest: bool, opts: &RenderOptions) -> String {
    let mut s = text::score_or_dash(score, opts);
    if weakest {
        s.push_str(" (ต่ำสุด)");
    }
    s
}

/// "เปิดเผยข้อมูลแล้ว ๓๕ จาก ๔๓ ข้อ (ยังไม่ตรวจ ๒ ข้อ)".
pub(crate) fn oit_count_line(items: &[OitRow], opts: &RenderOptions) -> String {
    let count = |s: OitStatus| items.iter().filter(|i| i.status == s).count();
    let mut line = format!(
        "เปิดเผยข้อมูลแล้ว {} จาก {} ข้อ",
        text::number(count(OitStatus::Yes), opts),
        text::number(items.len(), opts)
    );
    let unknown = count(OitStatus::Unknown);
    if unknown > 0 {
        line.push_str(&format!(" (ยังไม่ตรวจ {} ข้อ)", text::number(unknown, opts)));
    }
    line
}

/// "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน" over a group of recommendations; none for items under no indicator.
pub(crate) fn recommendation_indicator(
    g: &RecommendationIndicator,
    opts: &RenderOptions,
) -> Option<String> {
    let n = g.number?;
    let name = g.name.trim();
    let title = if name.is_empty() {
        format!("ตัวชี้วัดที่ {n}")
    } else {
        format!("ตัวชี้วัดที่ {n} {name}")
    };
    Some(text::digits(&title, opts))
}

/// "ข้อ EP๑": the question a recommendation is about, as the item's lead.
pub(crate) fn recommendation_label(item: &RecommendationItem, opts: &RenderOptions) -> String {
    text::digits(&format!("ข้อ {}", item.code.trim()), opts)
}

/// What a recommendation cites, as (label, list) lines: the OIT items, then the sub-indicators.
/// The OIT items an indicator's guidance cites, in words (their titles); "" when none is known.
pub(crate) fn oit_ref_line(b: &IndicatorBlock, opts: &RenderOptions) -> String {
    let titles: Vec<&str> = b
        .oit_ref_titles
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    text::digits(&titles.join("; "), opts)
}

/// Label of the line that lists the cited OIT items.
pub(crate) const OIT_REFS_LABEL: &str = "ข้อมูลที่ต้องเปิดเผยที่เกี่ยวข้อง:";

pub(crate) fn recommendation_refs(
    item: &RecommendationItem,
    opts: &RenderOptions,
) -> Vec<(&'static str, String)> {
    let list = |xs: &[String]| {
        let xs: Vec<&str> = xs
            .iter()
            .map(|x| x.trim())
            .filter(|x| !x.is_empty())
            .collect();
        text::digits(&xs.join(", "), opts)
    };
    [
        (OIT_REFS_LABEL, list(&item.oit_ref_titles)),
        ("ตัวชี้วัดย่อยที่อ้างอิง:", list(&item.indicator_refs)),
    ]
    .into_iter()
    .filter(|(_, l)| !l.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LinkRow;

    #[test]
    fn links_print_as_words_with_their_score() {
        let thai = RenderOptions::default();
        let l = LinkRow {
            code: "e1".into(),
            text: "เจ้าหน้าที่ปฏิบัติงาน  เป็นไปตามขั้นตอน".into(),
            score: Some(99.42),
        };
        assert_eq!(
            crate::table::link_words(&l, &thai),
            "เจ้าหน้าที่ปฏิบัติงาน เป็นไปตามขั้นตอน ผลคะแนน ๙๙.๔๒"
        );
        let unknown = LinkRow {
            text: String::new(),
            score: None,
            ..l
        };
        assert_eq!(crate::table::link_words(&unknown, &thai), "");
    }

    #[test]
    fn recommendation_wording_follows_the_digit_option() {
        let thai = RenderOptions::default();
        let arabic = RenderOptions {
            thai_digits: false,
            ..RenderOptions::default()
        };
        let item = RecommendationItem {
            code: "EP1".into(),
            text: "หน่วยงานควรเผยแพร่คู่มือ".into(),
            oit_refs: vec!["O10".into(), "O11".into()],
            oit_ref_titles: vec!["E-Service".into(), "คู่มือการปฏิบัติงาน".into()],
            indicator_refs: vec!["9.1".into()],
        };
        assert_eq!(recommendation_label(&item, &thai), "ข้อ EP๑");
        assert_eq!(recommendation_label(&item, &arabic), "ข้อ EP1");
        assert_eq!(
            recommendation_refs(&item, &thai),
            vec![
                (OIT_REFS_LABEL, "E-Service, คู่มือการปฏิบัติงาน".to_owned()),
                ("ตัวชี้วัดย่อยที่อ้างอิง:", "๙.๑".to_owned())
            ]
        );
        let bare = RecommendationItem {
            oit_refs: Vec::new(),
            oit_ref_titles: Vec::new(),
            indicator_refs: vec![" ".into()],
            ..item
        };
        assert!(recommendation_refs(&bare, &thai).is_empty());
        let mut g = RecommendationIndicator {
            number: Some(6),
            name: "คุณภาพการดำเนินงาน".into(),
            items: Vec::new(),
        };
        assert_eq!(
            recommendation_indicator(&g, &thai).as_deref(),
            Some("ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน")
        );
        g.name.clear();
        assert_eq!(
            recommendation_indicator(&g, &arabic).as_deref(),
            Some("ตัวชี้วัดที่ 6")
        );
        g.number = None;
        assert_eq!(recommendation_indicator(&g, &thai), None);
    }
}
