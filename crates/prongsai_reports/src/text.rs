//! Text shared by every format: digits, score and page-number formatting, header lines, labels.

use prongsai_domain::scoring::round2;
use prongsai_domain::thai::{DigitStyle, apply_digits, format_thai_date};

use crate::model::{Header, OitStatus, RenderOptions, Signature, Summary};

/// The digit style the options ask for.
pub fn style(options: &RenderOptions) -> DigitStyle {
    if options.thai_digits {
        DigitStyle::Thai
    } else {
        DigitStyle::Arabic
    }
}

/// `s` with its digits in the requested style (Thai ↔ Arabic), everything else unchanged.
pub fn digits(s: &str, options: &RenderOptions) -> String {
    apply_digits(s, style(options))
}

/// A score with two decimals ("๙๙.๓๘"), rounded by the domain's one rule ([`round2`]), so every document
/// prints the figure the engine graded.
pub fn score(x: f64, options: &RenderOptions) -> String {
    digits(&format!("{:.2}", round2(x)), options)
}

/// An optional score, "–" when absent.
pub fn score_or_dash(x: Option<f64>, options: &RenderOptions) -> String {
    x.map_or_else(|| "–".to_owned(), |x| score(x, options))
}

/// A signed change ("+๑.๒๕", "-๐.๕๐").
pub fn change(x: f64, options: &RenderOptions) -> String {
    let rounded = round2(x) + 0.0; // + 0.0 turns -0.0 into 0.0
    let sign = if rounded > 0.0 { "+" } else { "" };
    digits(&format!("{sign}{rounded:.2}"), options)
}

/// A whole number in the requested digits ("๑๒").
pub fn number(n: impl std::fmt::Display, options: &RenderOptions) -> String {
    digits(&n.to_string(), options)
}

/// The page number as Thai official documents print it: "- ๑ -".
pub fn page_number(n: u32, options: &RenderOptions) -> String {
    format!("- {} -", number(n, options))
}

/// "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘" (empty when the year is unknown).
pub fn fiscal_year_line(header: &Header, options: &RenderOptions) -> String {
    header
        .fiscal_year
        .map(|y| format!("ประจำปีงบประมาณ พ.ศ. {}", number(y, options)))
        .unwrap_or_default()
}

/// "อำเภอลำภูรา จังหวัดตรัง" from the parts that are known (empty when neither is).
pub fn place_line(header: &Header) -> String {
    let mut parts = Vec::new();
    if let Some(d) = header.district.as_deref().filter(|d| !d.is_empty()) {
        parts.push(format!("อำเภอ{d}"));
    }
    if let Some(p) = header.province.as_deref().filter(|p| !p.is_empty()) {
        parts.push(format!("จังหวัด{p}"));
    }
    parts.join(" ")
}

/// "ข้อมูล ณ วันที่ ๒๑ พฤศจิกายน ๒๕๖๙" when the options carry a valid date.
pub fn as_of_line(options: &RenderOptions) -> Option<String> {
    let date: jiff::civil::Date = options.as_of.as_deref()?.parse().ok()?;
    Some(format!(
        "ข้อมูล ณ วันที่ {}",
        format_thai_date(date, style(options), false)
    ))
}

/// Dotted line left for what is written by hand.
pub const DOTS: &str = "........................................";

/// The signature block, line by line: "ลงชื่อ ……", "(name)", "ตำแหน่ง …", "วันที่ …". A part not
/// given prints as a dotted line to fill in by hand; a date that is not `YYYY-MM-DD` prints as given.
pub fn signature_lines(sig: &Signature, options: &RenderOptions) -> Vec<String> {
    let given = |s: &str| {
        Some(s.trim())
            .filter(|s| !s.is_empty())
            .map(|s| digits(s, options))
    };
    let date = sig
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            d.parse::<jiff::civil::Date>()
                .map(|date| format_thai_date(date, style(options), false))
                .unwrap_or_else(|_| digits(d, options))
        });
    vec![
        format!("ลงชื่อ {DOTS}"),
        format!("({})", given(&sig.name).unwrap_or_else(|| DOTS.to_owned())),
        format!(
            "ตำแหน่ง {}",
            given(&sig.position).unwrap_or_else(|| DOTS.to_owned())
        ),
        format!("วันที่ {}", date.unwrap_or_else(|| DOTS.to_owned())),
    ]
}

/// What the evidence column of an OIT item without a URL says.
pub const NO_EVIDENCE: &str = "ยังไม่ได้ระบุหลักฐาน";

/// Thai label of an OIT status.
pub fn oit_status(status: OitStatus) -> &'static str {
    match status {
        OitStatus::Yes => "มี",
        OitStatus::No => "ไม่มี",
        OitStatus::Unknown => "ยังไม่ตรวจ",
    }
}

/// Thai name of a grade band's meaning is not official; the grade letter is printed as is.
pub fn pass_label(passed: bool) -> &'static str {
    if passed {
        "ผ่านเกณฑ์ (๘๕ คะแนนขึ้นไป)"
    } else {
        "ยังไม่ผ่านเกณฑ์ (ต่ำกว่า ๘๕ คะแนน)"
    }
}

/// What follows the label: the pass sentence for a letter, nothing for a rating level (it says it itself).
pub fn verdict_label(s: &Summary) -> &'static str {
    if s.levels { "" } else { pass_label(s.passed) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_and_page_numbers_follow_the_digit_option() {
        let thai = RenderOptions::default();
        let arabic = RenderOptions {
            thai_digits: false,
            ..RenderOptions::default()
        };
        assert_eq!(score(99.375, &thai), "๙๙.๓๘");
        assert_eq!(score(99.375, &arabic), "99.38");
        assert_eq!(change(-0.5, &arabic), "-0.50");
        assert_eq!(change(1.25, &thai), "+๑.๒๕");
        assert_eq!(page_number(12, &thai), "- ๑๒ -");
        assert_eq!(score_or_dash(None, &thai), "–");
    }

    #[test]
    fn header_lines_skip_unknown_parts() {
        let mut h = Header {
            fiscal_year: Some(2568),
            ..Header::default()
        };
        assert_eq!(place_line(&h), "");
        h.province = Some("ตรัง".into());
        assert_eq!(place_line(&h), "จังหวัดตรัง");
        assert_eq!(
            fiscal_year_line(&h, &RenderOptions::default()),
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
        );
        let opts = RenderOptions {
            as_of: Some("2026-11-21".into()),
            ..RenderOptions::default()
        };
        assert_eq!(
            as_of_line(&opts).as_deref(),
            Some("ข้อมูล ณ วันที่ ๒๑ พฤศจิกายน ๒๕๖๙")
        );
    }

    #[test]
    fn the_signature_block_prints_what_is_known_and_dots_for_the_rest() {
        let sig = Signature {
            name: "นายสมชาย ใจดี".into(),
            position: String::new(),
            date: Some("2025-01-15".into()),
        };
        assert_eq!(
            signature_lines(&sig, &RenderOptions::default()),
            vec![
                format!("ลงชื่อ {DOTS}"),
                "(นายสมชาย ใจดี)".to_owned(),
                format!("ตำแหน่ง {DOTS}"),
                "วันที่ ๑๕ มกราคม ๒๕๖๘".to_owned(),
            ]
        );
        let blank = signature_lines(&Signature::default(), &RenderOptions::default());
        assert_eq!(blank[1], format!("({DOTS})"));
        assert_eq!(blank[3], format!("วันที่ {DOTS}"));
    }
}
