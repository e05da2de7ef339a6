//! Thai text and dates: digits, months, Buddhist era, fiscal years, periods and OCR'd codes.

// Everything here is pure: no IO, no clock, and no input can make it panic.

pub mod codes;
pub mod digits;
pub mod era;
pub mod months;
pub mod period;

pub use codes::{
    CodeContext, normalize_code, normalize_code_with_max, split_leading_code,
    split_leading_code_with_max,
};
pub use digits::{
    DigitStyle, apply_digits, digit_value, is_digit, parse_decimal, to_arabic_digits,
    to_thai_digits,
};
pub use era::{
    BE_OFFSET, FiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, ThaiDateError, be_to_ce, ce_to_be,
    format_thai_date,
};
pub use months::{
    MONTHS_ABBR, MONTHS_FULL, match_month_prefix, month_abbr, month_full, parse_month,
};
pub use period::{Period, PeriodError, format_period, format_period_with, parse_period};

/// Characters that PDF extractors and web pages insert between Thai words and that a reader
/// never sees: zero-width space/joiners, word joiner, BOM and the soft hyphen.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
    )
}

/// Whether `c` separates words: Unicode white space or an [`is_invisible`] character.
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// `s` without leading and trailing blanks (see [`is_blank`]).
pub(crate) fn trim_blanks(s: &str) -> &str {
    s.trim_matches(is_blank)
}

/// Length in bytes of the prefix of `text` that matches `pattern`, where every `.` in the
/// pattern is optional in the text and may be followed by blanks (so "ต.ค." matches "ต.ค.",
/// "ต.ค", "ตค" and "ต. ค."); a trailing `.` is optional and never swallows blanks after it.
pub(crate) fn flex_prefix_len(text: &str, pattern: &str) -> Option<usize> {
    let mut pos = 0usize;
    let mut segments = pattern.split('.').peekable();
    while let Some(segment) = segments.next() {
        let rest = text.get(pos..)?;
        if !rest.starts_with(segment) {
            return None;
        }
        pos += segment.len();
        let Some(next) = segments.peek() else { break };
        // A dot in the pattern: take one from the text if present.
        if text.get(pos..)?.starts_with('.') {
            pos += 1;
        }
        // Blanks are allowed between parts, but not after the final dot.
        if !next.is_empty() {
            let rest = text.get(pos..)?;
            pos += rest.len() - rest.trim_start_matches(is_blank).len();
        }
    }
    Some(pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flex_prefix_matches_dotted_patterns_loosely() {
        for (text, pattern, want) in [
            ("ต.ค. ๒๕๖๘", "ต.ค.", Some("ต.ค.".len())),
            ("ต.ค ๒๕๖๘", "ต.ค.", Some("ต.ค".len())),
            ("ตค ๒๕๖๘", "ต.ค.", Some("ตค".len())),
            ("ต. ค. ๒๕๖๘", "ต.ค.", Some("ต. ค.".len())),
            ("ต ค", "ต.ค.", Some("ต ค".len())),
            ("ตุลาคม", "ต.ค.", None),
            ("พ.ศ.๒๕๖๘", "พ.ศ.", Some("พ.ศ.".len())),
            ("มกราคม", "มกราคม", Some("มกราคม".len())),
            ("", "ต.ค.", None),
        ] {
            assert_eq!(
                flex_prefix_len(text, pattern),
                want,
                "{text:?} ~ {pattern:?}"
            );
        }
    }

    #[test]
    fn blanks_include_zero_width_space() {
        assert_eq!(trim_blanks("\u{200B} ต.ค.\u{FEFF}\n"), "ต.ค.");
        assert!(!is_blank('ก'));
    }

    /// A tiny linear congruential generator, so the test needs no extra crate.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
    }

    const ALPHABET: &[&str] = &[
        "ก",
        "ค",
        "ต",
        "ม",
        "ย",
        "พ",
        "ศ",
        "ี",
        "ิ",
        "ั",
        "้",
        "เ",
        "ข้อ",
        "ตุลาคม",
        "ก.ย.",
        "ต.ค.",
        "มี.ค.",
        "พ.ศ.",
        "ถึง",
        "วันที่",
        "ตลอด",
        "ปีงบประมาณ",
        "๒๕๖๗",
        "๒๕๖๘",
        "67",
        " - ",
        "๐",
        "๑",
        "๒",
        "๓",
        "๕",
        "๖",
        "๗",
        "๙",
        "0",
        "1",
        "2",
        "5",
        "6",
        "9",
        "i",
        "e",
        "E",
        "P",
        "S",
        "o",
        "O",
        "ind",
        "x",
        "-",
        "–",
        "—",
        ".",
        ",",
        ")",
        "(",
        "<p>",
        "</p>",
        "<",
        ">",
        " ",
        "\n",
        "\t",
        "\u{200B}",
        "+",
        "NaN",
        "inf",
        "é",
        "😀",
    ];

    #[test]
    fn nothing_panics_on_pseudo_random_text() {
        let mut rng = Lcg(0x5EED_CAFE);
        let fy = FiscalYear::new(2568).ok();
        for _ in 0..4000 {
            let len = rng.next() % 12;
            let mut s = String::new();
            for _ in 0..len {
                let pick = usize::try_from(rng.next()).unwrap_or(0) % ALPHABET.len();
                s.push_str(ALPHABET[pick]);
            }
            for fiscal in [fy, None] {
                if let Ok(p) = parse_period(&s, fiscal) {
                    assert!(p.start <= p.end, "{s:?} -> {p:?}");
                }
            }
            if let Some(x) = parse_decimal(&s) {
                assert!(x.is_finite(), "{s:?} -> {x}");
            }
            let _ = parse_month(&s);
            let _ = to_thai_digits(&s);
            for ctx in [
                CodeContext::Any,
                CodeContext::Iit,
                CodeContext::Eit,
                CodeContext::Oit,
            ] {
                if let Ok(code) = normalize_code(&s, ctx) {
                    assert_eq!(
                        code.to_string().parse::<crate::code::Code>(),
                        Ok(code),
                        "{s:?}"
                    );
                }
                let _ = normalize_code_with_max(&s, ctx, 0);
                let _ = normalize_code_with_max(&s, ctx, u16::MAX);
                if let Some((_, rest)) = split_leading_code(&s, ctx) {
                    // The remainder is always a suffix of the input.
                    assert!(s.ends_with(rest), "{s:?} -> {rest:?}");
                }
            }
        }
    }
}
