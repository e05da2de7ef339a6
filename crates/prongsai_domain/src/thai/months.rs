//! Thai month names: the official full names and abbreviations, and a forgiving reader for them.

use super::{flex_prefix_len, trim_blanks};

/// The twelve official full month names, January (มกราคม) first.
pub const MONTHS_FULL: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// The twelve official month abbreviations, January (ม.ค.) first.
pub const MONTHS_ABBR: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

/// Every spelling we read, with its month number. Dots in a pattern are optional in the text
/// and may be followed by blanks, so "ต.ค." also covers "ต.ค", "ตค" and "ต. ค.".
///
/// Besides the official forms this lists, on purpose:
/// - the spoken short forms without the คม/ยน/พันธ์ ending ("ตุลา", "กุมภา"), which people
///   type in informal tables;
/// - "กรกฏาคม" (ฏ for ฎ) and "กุมภาพันธุ์", the two most frequent real misspellings;
/// - ศ/ษ swapped in พฤษภาคม/พฤศจิกายน ("พฤศภาคม", "พฤษจิกายน"), a common confusion;
/// - "กุมภาพันธ" without the ์ mark, which PDF text extraction often drops.
const FORMS: &[(&str, u8)] = &[
    ("มกราคม", 1),
    ("มกรา", 1),
    ("ม.ค.", 1),
    ("กุมภาพันธ์", 2),
    ("กุมภาพันธุ์", 2),
    ("กุมภาพันธ", 2),
    ("กุมภา", 2),
    ("ก.พ.", 2),
    ("มีนาคม", 3),
    ("มีนา", 3),
    ("มี.ค.", 3),
    ("เมษายน", 4),
    ("เมษา", 4),
    ("เม.ย.", 4),
    ("พฤษภาคม", 5),
    ("พฤศภาคม", 5),
    ("พฤษภา", 5),
    ("พ.ค.", 5),
    ("มิถุนายน", 6),
    ("มิถุนา", 6),
    ("มิ.ย.", 6),
    ("กรกฎาคม", 7),
    ("กรกฏาคม", 7),
    ("กรกฎา", 7),
    ("กรกฏา", 7),
    ("ก.ค.", 7),
    ("สิงหาคม", 8),
    ("สิงหา", 8),
    ("ส.ค.", 8),
    ("กันยายน", 9),
    ("กันยา", 9),
    ("ก.ย.", 9),
    ("ตุลาคม", 10),
    ("ตุลา", 10),
    ("ต.ค.", 10),
    ("พฤศจิกายน", 11),
    ("พฤษจิกายน", 11),
    ("พฤศจิกา", 11),
    ("พ.ย.", 11),
    ("ธันวาคม", 12),
    ("ธันวา", 12),
    ("ธ.ค.", 12),
];

/// The full Thai name of month `m` (1–12), or `None` outside that range.
pub fn month_full(m: u8) -> Option<&'static str> {
    MONTHS_FULL.get(usize::from(m).checked_sub(1)?).copied()
}

/// The official Thai abbreviation of month `m` (1–12), or `None` outside that range.
pub fn month_abbr(m: u8) -> Option<&'static str> {
    MONTHS_ABBR.get(usize::from(m).checked_sub(1)?).copied()
}

/// Reads the month name that starts `text`, returning the month (1–12) and the number of bytes
/// it took; the longest matching spelling wins, so "มีนาคม" is not read as "มีนา" + "คม".
pub fn match_month_prefix(text: &str) -> Option<(u8, usize)> {
    FORMS
        .iter()
        .filter_map(|&(pattern, month)| flex_prefix_len(text, pattern).map(|len| (month, len)))
        .max_by_key(|&(_, len)| len)
}

/// Reads a whole string as a month name: full names, abbreviations with or without dots and
/// spaces ("ต.ค.", "ต.ค", "ตค", "ต. ค."), the short spoken forms and the common misspellings
/// listed above, optionally after the word "เดือน". Returns the month number 1–12.
pub fn parse_month(s: &str) -> Option<u8> {
    let t = trim_blanks(s);
    let t = trim_blanks(t.strip_prefix("เดือน").unwrap_or(t));
    let (month, len) = match_month_prefix(t)?;
    (len == t.len()).then_some(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_abbreviations_by_number() {
        assert_eq!(month_full(1), Some("มกราคม"));
        assert_eq!(month_full(10), Some("ตุลาคม"));
        assert_eq!(month_full(12), Some("ธันวาคม"));
        assert_eq!(month_abbr(2), Some("ก.พ."));
        assert_eq!(month_abbr(9), Some("ก.ย."));
        for bad in [0, 13, 255] {
            assert_eq!(month_full(bad), None);
            assert_eq!(month_abbr(bad), None);
        }
    }

    #[test]
    fn parses_every_month_in_every_form() {
        for m in 1..=12u8 {
            let full = month_full(m).unwrap();
            let abbr = month_abbr(m).unwrap();
            let no_final_dot = abbr.strip_suffix('.').unwrap();
            let no_dots: String = abbr.chars().filter(|&c| c != '.').collect();
            let spaced = abbr.replace('.', ". ");
            let spaces_only = no_final_dot.replace('.', " ");
            for form in [
                full.to_string(),
                abbr.to_string(),
                no_final_dot.to_string(),
                no_dots,
                spaced,
                spaces_only,
                format!("  {full}\n"),
                format!("เดือน{full}"),
                format!("เดือน {abbr}"),
            ] {
                assert_eq!(parse_month(&form), Some(m), "{form:?}");
            }
        }
    }

    #[test]
    fn parses_the_forms_named_in_the_brief_and_typos() {
        for (input, want) in [
            ("ต.ค.", 10),
            ("ตค", 10),
            ("ต.ค", 10),
            ("ก.ย", 9),
            ("มี.ค.", 3),
            ("ม.ค.", 1),
            ("มิ.ย", 6),
            ("เม.ย", 4),
            ("กรกฏาคม", 7),
            ("กุมภาพันธุ์", 2),
            ("กุมภาพันธ", 2),
            ("พฤศภาคม", 5),
            ("พฤษจิกายน", 11),
            ("ตุลา", 10),
            ("มีนา", 3),
            ("ธันวา", 12),
        ] {
            assert_eq!(parse_month(input), Some(want), "{input:?}");
        }
    }

    #[test]
    fn rejects_other_text() {
        for input in [
            "",
            "เดือน",
            "ตุลาคม ๒๕๖๘",
            "ต.ค.ก",
            "ค.ต.",
            "October",
            "๑๐",
            "ตุลาการ",
            "มค..",
        ] {
            assert_eq!(parse_month(input), None, "{input:?}");
        }
    }

    #[test]
    fn longest_spelling_wins_in_a_stream() {
        assert_eq!(match_month_prefix("มีนาคม ๒๕๖๘"), Some((3, "มีนาคม".len())));
        assert_eq!(match_month_prefix("ม.ค. - มี.ค."), Some((1, "ม.ค.".len())));
        assert_eq!(match_month_prefix("มี.ค. ๒๕๖๘"), Some((3, "มี.ค.".len())));
        assert_eq!(match_month_prefix("ก.ย.๒๕๖๙"), Some((9, "ก.ย.".len())));
        assert_eq!(match_month_prefix("หน่วยงาน"), None);
    }
}
