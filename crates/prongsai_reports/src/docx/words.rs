//! Thai wording built from the model that the DOCX and HTML renderers print the same way.

use crate::model::{
    IndicatorBlock, LinkRow, MeasureGroup, MeasureRow, OitRow, OitStatus, RecommendationIndicator,
    RecommendationItem, RenderOptions, ReportData, ReportKind, Summary,
};
use crate::{ReportError, text};

/// Column titles of the measures plan (the third, the analysis, is left out when no measure has one).
pub(crate) const MEASURES_TITLES: [&str; 6] = [
    "ที่",
    "มาตรการ/โครงการ/กิจกรรม",
    "ผลการวิเคราะห์",
    "ขั้นตอน/วิธีการดำเนินการ",
    "ระยะเวลาดำเนินการ",
    "ผู้รับผิดชอบ",
];

/// Column titles of the implementation report.
pub(crate) const IMPLEMENTATION_TITLES: [&str; 6] = [
    "มาตรการ/โครงการ/กิจกรรม",
    "ขั้นตอน/วิธีการปฏิบัติ",
    "ระยะเวลาดำเนินการ",
    "ผู้รับผิดชอบ",
    "ผลการดำเนินการ",
    "ผลลัพธ์",
];

/// Whether any measure of the plan quotes the analysis finding it answers.
pub(crate) fn measures_have_analysis(groups: &[MeasureGroup]) -> bool {
    groups
        .iter()
        .flat_map(|g| &g.measures)
        .any(|m| !m.analysis.trim().is_empty())
}

/// Refuses a report whose kind has nothing to show (a measures plan without measures, …).
pub(crate) fn require_data(data: &ReportData) -> Result<(), ReportError> {
    let missing = match data.kind {
        ReportKind::Analysis => (data.summary.is_none() && data.indicators.is_empty())
            .then_some("ไม่มีคะแนนหรือผลการวิเคราะห์รายตัวชี้วัด"),
        ReportKind::Measures | ReportKind::Implementation => data
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

/// "๑. จัดทำคู่มือ…" when the measure has a number the title does not already carry.
pub(crate) fn measure_title(m: &MeasureRow) -> String {
    match m.number {
        Some(n) if !starts_numbered(&m.title) => format!("{n}. {}", m.title.trim()),
        _ => m.title.trim().to_owned(),
    }
}

/// Items as lines numbered "1. …", unless there is one item or the agency numbered them already.
pub(crate) fn numbered(items: &[String]) -> Vec<String> {
    let items: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() == 1 {
        return vec![items[0].to_owned()];
    }
    items
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if starts_numbered(s) {
                (*s).to_owned()
            } else {
                format!("{}. {s}", i + 1)
            }
        })
        .collect()
}

/// Whether `s` already starts with "1." / "๑)" / "(1)" style numbering.
pub(crate) fn starts_numbered(s: &str) -> bool {
    let t = s.trim_start().trim_start_matches('(');
    let digits = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('๐'..='๙').contains(c))
        .count();
    digits > 0 && matches!(t.chars().nth(digits), Some('.' | ')'))
}

/// "e๑ การเปิดเผยข้อมูล ๙๙.๔๒" (parts that are unknown are left out).
pub(crate) fn link_text(l: &LinkRow, opts: &RenderOptions) -> String {
    let mut parts = vec![l.code.trim().to_owned()];
    if !l.text.trim().is_empty() {
        parts.push(l.text.trim().to_owned());
    }
    if let Some(s) = l.score {
        parts.push(text::score(s, opts));
    }
    text::digits(&parts.join(" "), opts)
}

/// "สถานะ: เสร็จสิ้น" when the measure's status is tracked.
pub(crate) fn status_line(m: &MeasureRow) -> Option<String> {
    m.status
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| format!("สถานะ: {s}"))
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
        ("ข้อ O ที่อ้างอิง:", list(&item.oit_refs)),
        ("ตัวชี้วัดย่อยที่อ้างอิง:", list(&item.indicator_refs)),
    ]
    .into_iter()
    .filter(|(_, l)| !l.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_is_added_only_where_missing() {
        assert!(starts_numbered("๑. ประชุม"));
        assert!(starts_numbered("2) ประกาศ"));
        assert!(starts_numbered("(3) ติดตาม"));
        assert!(!starts_numbered("ประชุม ๑ ครั้ง"));
        assert!(!starts_numbered("2568 ปี"));
        let items = vec!["ประชุม".to_owned(), " ".to_owned(), "ประกาศ".to_owned()];
        assert_eq!(numbered(&items), vec!["1. ประชุม", "2. ประกาศ"]);
        assert_eq!(numbered(&items[..1]), vec!["ประชุม"]);
    }

    #[test]
    fn links_and_titles_follow_the_digit_option() {
        let thai = RenderOptions::default();
        let l = LinkRow {
            code: "e1".into(),
            text: String::new(),
            score: Some(99.42),
        };
        assert_eq!(link_text(&l, &thai), "e๑ ๙๙.๔๒");
        let m = MeasureRow {
            number: Some(2),
            title: "จัดทำคู่มือ".into(),
            ..MeasureRow::default()
        };
        assert_eq!(measure_title(&m), "2. จัดทำคู่มือ");
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
            indicator_refs: vec!["9.1".into()],
        };
        assert_eq!(recommendation_label(&item, &thai), "ข้อ EP๑");
        assert_eq!(recommendation_label(&item, &arabic), "ข้อ EP1");
        assert_eq!(
            recommendation_refs(&item, &thai),
            vec![
                ("ข้อ O ที่อ้างอิง:", "O๑๐, O๑๑".to_owned()),
                ("ตัวชี้วัดย่อยที่อ้างอิง:", "๙.๑".to_owned())
            ]
        );
        let bare = RecommendationItem {
            oit_refs: Vec::new(),
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
