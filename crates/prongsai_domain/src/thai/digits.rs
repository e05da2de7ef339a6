//! Thai (๐–๙) and Arabic (0–9) digits: conversion both ways and a strict decimal reader.

use serde::{Deserialize, Serialize};

use super::{is_blank, trim_blanks};

/// Which digits numbers are printed with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DigitStyle {
    /// Thai digits ๐–๙, the norm in official Thai documents.
    #[default]
    Thai,
    /// Arabic (ASCII) digits 0–9.
    Arabic,
}

/// Value of a Thai or Arabic digit, or `None` for any other character.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '๐'..='๙' => Some(u32::from(c) - u32::from('๐')),
        _ => None,
    }
}

/// Whether `c` is a Thai or an Arabic digit.
pub fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// `s` with every Arabic digit replaced by the Thai digit of the same value.
pub fn to_thai_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            // The Thai digits are contiguous (U+0E50..U+0E59), like the ASCII ones.
            '0'..='9' => {
                char::from_u32(u32::from(c) - u32::from('0') + u32::from('๐')).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// `s` with every Thai digit replaced by the Arabic digit of the same value.
pub fn to_arabic_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '๐'..='๙' => {
                char::from_u32(u32::from(c) - u32::from('๐') + u32::from('0')).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// `s` with all its digits written in `style`.
pub fn apply_digits(s: &str, style: DigitStyle) -> String {
    match style {
        DigitStyle::Thai => to_thai_digits(s),
        DigitStyle::Arabic => to_arabic_digits(s),
    }
}

/// Reads a plain decimal number written with Thai or Arabic digits, such as "๙๙.๓๘",
/// "-1,234.5" or " ๑,๒๓๔.๕ ".
///
/// Accepted: surrounding blanks, one optional sign (`+`, `-` or the minus sign `−`), digits
/// with optional thousands commas in the integer part (groups of exactly three after the
/// first), and at most one decimal point with digits on at least one side of it.
/// Anything else — letters, "NaN", "inf", exponents, spaces inside the number, a percent
/// sign, misplaced commas — gives `None`, as does a value too large to be finite.
pub fn parse_decimal(s: &str) -> Option<f64> {
    let t = trim_blanks(s);
    let (negative, body) = if let Some(rest) = t.strip_prefix('-').or_else(|| t.strip_prefix('−'))
    {
        (true, rest)
    } else if let Some(rest) = t.strip_prefix('+') {
        (false, rest)
    } else {
        (false, t)
    };

    let mut parts = body.split('.');
    let int_part = parts.next().unwrap_or_default();
    let frac_part = parts.next().unwrap_or_default();
    if parts.next().is_some() {
        return None; // "1.2.3"
    }

    let int_digits = integer_digits(int_part)?;
    let frac_digits = all_digits(frac_part)?;
    if int_digits.is_empty() && frac_digits.is_empty() {
        return None; // "", "-", "."
    }

    let mut ascii = String::with_capacity(int_digits.len() + frac_digits.len() + 3);
    if negative {
        ascii.push('-');
    }
    ascii.push_str(if int_digits.is_empty() {
        "0"
    } else {
        &int_digits
    });
    if !frac_digits.is_empty() {
        ascii.push('.');
        ascii.push_str(&frac_digits);
    }
    // Only digits, one sign and one point reach the std parser, so it cannot see "NaN" or "inf".
    let value: f64 = ascii.parse().ok()?;
    value.is_finite().then_some(value)
}

/// The ASCII digits of `s` if `s` is made of Thai or Arabic digits only (possibly empty).
fn all_digits(s: &str) -> Option<String> {
    s.chars()
        .map(|c| digit_value(c).and_then(|d| char::from_digit(d, 10)))
        .collect()
}

/// The ASCII digits of an integer part, checking thousands commas: "1,234,567" is fine,
/// "1,23" and ",123" are not, because a misplaced comma usually means two numbers ran together.
fn integer_digits(s: &str) -> Option<String> {
    if !s.contains(',') {
        return all_digits(s);
    }
    let mut out = String::with_capacity(s.len());
    for (i, group) in s.split(',').enumerate() {
        let n = group.chars().count();
        let ok = if i == 0 { (1..=3).contains(&n) } else { n == 3 };
        if !ok || group.chars().any(is_blank) {
            return None;
        }
        out.push_str(&all_digits(group)?);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_digits_both_ways() {
        for (arabic, thai) in [
            ("0123456789", "๐๑๒๓๔๕๖๗๘๙"),
            ("ต.ค. 2568", "ต.ค. ๒๕๖๘"),
            ("i13 = 98.5", "i๑๓ = ๙๘.๕"),
            ("", ""),
            ("no digits", "no digits"),
        ] {
            assert_eq!(to_thai_digits(arabic), thai);
            assert_eq!(to_arabic_digits(thai), arabic);
            // Round trips from either side.
            assert_eq!(to_arabic_digits(&to_thai_digits(arabic)), arabic);
            assert_eq!(to_thai_digits(&to_arabic_digits(thai)), thai);
            assert_eq!(apply_digits(arabic, DigitStyle::Thai), thai);
            assert_eq!(apply_digits(thai, DigitStyle::Arabic), arabic);
        }
        // Mixed input is normalised in one direction.
        assert_eq!(to_arabic_digits("๑2๓"), "123");
        assert_eq!(to_thai_digits("๑2๓"), "๑๒๓");
    }

    #[test]
    fn digit_values() {
        assert_eq!(digit_value('๗'), Some(7));
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('a'), None);
        assert_eq!(digit_value('๚'), None); // U+0E5A, just past ๙
        assert!(is_digit('๐') && !is_digit('O'));
    }

    #[test]
    fn digit_style_defaults_to_thai_and_serialises_lowercase() {
        assert_eq!(DigitStyle::default(), DigitStyle::Thai);
        assert_eq!(
            serde_json::to_string(&DigitStyle::Arabic).unwrap(),
            "\"arabic\""
        );
        assert_eq!(
            serde_json::from_str::<DigitStyle>("\"thai\"").unwrap(),
            DigitStyle::Thai
        );
        assert!(serde_json::from_str::<DigitStyle>("\"Thai\"").is_err());
    }

    #[test]
    fn parses_decimals() {
        for (input, want) in [
            ("๙๙.๓๘", 99.38),
            ("๑๐๐", 100.0),
            ("๑๐๐.๐๐", 100.0),
            ("98.965", 98.965),
            ("๙๘.๙๖๕", 98.965),
            ("  ๘๙.๔๑\n", 89.41),
            ("๑,๒๓๔.๕", 1234.5),
            ("1,234,567", 1_234_567.0),
            ("-๓.๕", -3.5),
            ("−2", -2.0),
            ("+7", 7.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("0", 0.0),
            ("\u{200B}๘๕\u{200B}", 85.0),
            ("๑2.๓", 12.3),
        ] {
            assert_eq!(parse_decimal(input), Some(want), "{input:?}");
        }
    }

    #[test]
    fn rejects_non_decimals() {
        for input in [
            "",
            " ",
            "-",
            "+",
            ".",
            "12a",
            "1.2.3",
            "NaN",
            "nan",
            "inf",
            "-inf",
            "Infinity",
            "1e5",
            "๑ ๐๐๐",
            "1,23",
            ",123",
            "1,2345",
            "12,",
            "1,234.5,6",
            "99%",
            "--1",
            "+-1",
            "- 1",
            "๑๐๐ คะแนน",
            "0x10",
            "1_000",
        ] {
            assert_eq!(parse_decimal(input), None, "{input:?}");
        }
        // A number too long to be finite is refused rather than returned as infinity.
        assert_eq!(parse_decimal(&"9".repeat(400)), None);
    }
}
