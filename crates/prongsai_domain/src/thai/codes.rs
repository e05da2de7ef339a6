//! OCR'd question and item codes from agency documents ("๐๑๐", "๖๗", "e๑") repaired into [`Code`]s.

use std::str::FromStr;

use crate::code::{Code, CodeParseError, CodePrefix};

use super::digits::{digit_value, to_arabic_digits};
use super::{is_blank, trim_blanks};

/// What kind of table a code was found in; it decides how a bare number is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CodeContext {
    /// Unknown: only explicit prefixes and "๐"-for-O are read; a bare number is refused.
    #[default]
    Any,
    /// An IIT table: a bare number is an IIT question (`๗` → i7).
    Iit,
    /// An EIT table: a bare number is an EIT question (`๓` → e3).
    Eit,
    /// An OIT table: a bare number is an OIT item (`๑๒` → O12).
    Oit,
}

impl CodeContext {
    /// The largest number a code without an explicit Latin prefix may have in this context:
    /// IIT and EIT had at most 30 questions (2565: i1–i30, e1–e15), OIT at most 43 items,
    /// so 30 and 50 leave room without letting scores ("๑๐๐") or years pass as codes.
    pub fn default_max(self) -> u16 {
        match self {
            CodeContext::Iit | CodeContext::Eit => 30,
            CodeContext::Any | CodeContext::Oit => 50,
        }
    }
}

/// Normalises one OCR'd code cell with the context's [`CodeContext::default_max`]:
/// "i ๑๓" → i13, "ข้อ EP๑" → EP1, "๐๑๐" → O10, and in an IIT table "๖๗" → i7.
pub fn normalize_code(raw: &str, ctx: CodeContext) -> Result<Code, CodeParseError> {
    normalize_code_with_max(raw, ctx, ctx.default_max())
}

/// Normalises one OCR'd code cell; `max_number` bounds codes read without a Latin prefix.
///
/// Rules, after dropping blanks and a leading "ข้อ"/"ข้อที่":
/// - a Latin prefix is read by [`Code::from_str`] (i, e, EP, ES, O, ind; any case; Thai or
///   Arabic digits; a space before the digits) in every context;
/// - "๐"/"0" before a number is the letter O (OCR reads "O" as zero), in `Any` and `Oit`;
/// - a bare number is `i`, `e` or `O` in `Iit`, `Eit` or `Oit`, and refused in `Any`;
/// - in `Iit`, a bare number above `max_number` whose first digit is "๑" or "๖" (how OCR
///   reads a small "i") is read without that digit: "๖๗" → i7, "๑๑๓" → i13, yet "๑๑" → i11.
pub fn normalize_code_with_max(
    raw: &str,
    ctx: CodeContext,
    max_number: u16,
) -> Result<Code, CodeParseError> {
    let err = || CodeParseError(raw.to_string());
    let t = strip_item_word(trim_blanks(raw));
    if t.is_empty() {
        return Err(err());
    }
    if t.chars().all(|c| digit_value(c).is_some()) {
        return bare_number(&to_arabic_digits(t), ctx, max_number).ok_or_else(err);
    }
    // Only a Latin prefix, optional blanks and digits may remain; anything else is not a code.
    Code::from_str(t).map_err(|_| err())
}

/// Reads a code at the start of a table cell, returning it and the text after it (without
/// leading blanks), with the context's [`CodeContext::default_max`]:
/// "e๑เจ้าหน้าที่…" → (e1, "เจ้าหน้าที่…"), "๐๑๐ คู่มือ…" → (O10, "คู่มือ…").
pub fn split_leading_code(text: &str, ctx: CodeContext) -> Option<(Code, &str)> {
    split_leading_code_with_max(text, ctx, ctx.default_max())
}

/// Like [`split_leading_code`] with an explicit bound for codes without a Latin prefix.
///
/// Leading blanks, HTML tags and "ข้อ"/"ข้อที่" are skipped. A number followed directly by
/// ".", ")", ",", "/", ":", "-" or "%" is a list number, score, date or range, not a code, so
/// "๑. จัดทำ…" gives `None`; so does ordinary text, and a code run into Latin letters or digits.
pub fn split_leading_code_with_max(
    text: &str,
    ctx: CodeContext,
    max_number: u16,
) -> Option<(Code, &str)> {
    let rest = strip_item_word(skip_tags(text));

    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (head, after_head) = rest.split_at_checked(letters)?;
    let after_head = if letters > 0 {
        after_head.trim_start_matches(is_blank)
    } else {
        after_head
    };

    let digits_len: usize = after_head
        .chars()
        .take_while(|&c| digit_value(c).is_some())
        .map(char::len_utf8)
        .sum();
    let (digits, tail) = after_head.split_at_checked(digits_len)?;
    if digits.is_empty() {
        return None;
    }
    let next = tail.chars().next();
    if next.is_some_and(|c| c.is_ascii_alphanumeric()) {
        return None; // "i1a", "๐๑O": not a code followed by text
    }
    let digits = to_arabic_digits(digits);
    let code = if letters > 0 {
        // Only the six known prefixes; "IIT", "E-Service" and "Open" never reach here with digits.
        Code::from_str(&format!("{head}{digits}")).ok()?
    } else {
        if next.is_some_and(|c| matches!(c, '.' | ')' | ',' | '/' | ':' | '-' | '%')) {
            return None;
        }
        bare_number(&digits, ctx, max_number)?
    };
    Some((code, tail.trim_start_matches(is_blank)))
}

/// `s` without a leading "ข้อที่" or "ข้อ" ("item") and the blanks after it.
fn strip_item_word(s: &str) -> &str {
    match s.strip_prefix("ข้อที่").or_else(|| s.strip_prefix("ข้อ")) {
        Some(rest) => rest.trim_start_matches(is_blank),
        None => s,
    }
}

/// `text` without leading blanks and HTML tags ("<p>e๔หน่วยงาน…" in exported tables).
fn skip_tags(text: &str) -> &str {
    let mut rest = text.trim_start_matches(is_blank);
    while rest.starts_with('<') {
        let Some(close) = rest.find('>') else { break };
        rest = rest
            .get(close + 1..)
            .unwrap_or_default()
            .trim_start_matches(is_blank);
    }
    rest
}

/// Reads a run of ASCII digits without a Latin prefix according to `ctx` (see
/// [`normalize_code_with_max`]).
fn bare_number(digits: &str, ctx: CodeContext, max: u16) -> Option<Code> {
    let in_range = |s: &str| {
        // A leading zero left after removing a prefix digit is not how any code is printed.
        if s.is_empty() || s.starts_with('0') || s.len() > 5 {
            return None;
        }
        s.parse::<u16>().ok().filter(|n| (1..=max).contains(n))
    };
    if let Some(rest) = digits.strip_prefix('0') {
        return match ctx {
            CodeContext::Any | CodeContext::Oit => {
                in_range(rest).map(|n| Code::new(CodePrefix::O, n))
            }
            CodeContext::Iit | CodeContext::Eit => None,
        };
    }
    match ctx {
        CodeContext::Any => None,
        CodeContext::Eit => in_range(digits).map(|n| Code::new(CodePrefix::E, n)),
        CodeContext::Oit => in_range(digits).map(|n| Code::new(CodePrefix::O, n)),
        CodeContext::Iit => in_range(digits)
            .or_else(|| {
                let rest = digits
                    .strip_prefix('1')
                    .or_else(|| digits.strip_prefix('6'))?;
                in_range(rest)
            })
            .map(|n| Code::new(CodePrefix::I, n)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use CodeContext::{Any, Eit, Iit, Oit};

    fn code(s: &str) -> Code {
        s.parse().unwrap()
    }

    #[test]
    fn normalizes_the_forms_in_the_brief() {
        for (raw, ctx, want) in [
            ("i1", Any, "i1"),
            ("e3", Any, "e3"),
            ("EP2", Any, "EP2"),
            ("ES4", Any, "ES4"),
            ("O12", Any, "O12"),
            ("ind3", Any, "ind3"),
            ("I15", Any, "i15"),
            ("ep2", Any, "EP2"),
            ("ข้อ EP๑", Any, "EP1"),
            ("ข้อที่ ES๒", Any, "ES2"),
            ("i ๑๓", Any, "i13"),
            ("  e๔ ", Any, "e4"),
            ("๐๑๐", Any, "O10"),
            ("๐๒๘", Any, "O28"),
            ("๐๘", Any, "O8"),
            ("010", Any, "O10"),
            ("๐๑๐", Oit, "O10"),
            ("o28", Any, "O28"),
            ("O๗", Iit, "O7"),
            ("๗", Iit, "i7"),
            ("๑๓", Iit, "i13"),
            ("๖๗", Iit, "i7"),
            ("๑๑๓", Iit, "i13"),
            ("๑๑๔", Iit, "i14"),
            ("๑๑", Iit, "i11"),
            ("๖", Iit, "i6"),
            ("๓", Eit, "e3"),
            ("๑๒", Oit, "O12"),
        ] {
            assert_eq!(
                normalize_code(raw, ctx),
                Ok(code(want)),
                "{raw:?} in {ctx:?}"
            );
        }
    }

    #[test]
    fn max_number_decides_the_iit_repair() {
        assert_eq!(normalize_code_with_max("๑๑", Iit, 10), Ok(code("i1")));
        assert_eq!(normalize_code_with_max("๖๗", Iit, 100), Ok(code("i67")));
        assert_eq!(normalize_code_with_max("๑๕", Iit, 15), Ok(code("i15")));
        assert!(normalize_code_with_max("๑๖", Iit, 5).is_err());
        assert!(normalize_code_with_max("๐๔๔", Oit, 43).is_err());
        assert_eq!(normalize_code_with_max("๐๔๓", Oit, 43), Ok(code("O43")));
    }

    #[test]
    fn refuses_what_is_not_a_code() {
        for (raw, ctx) in [
            ("", Any),
            ("ข้อ", Any),
            ("๗", Any),   // a bare number needs a context
            ("๐", Oit),   // O0
            ("๐๐๑", Oit), // no code is printed O01
            ("๐๗", Iit),  // "O" in an IIT table is a misread we do not guess at
            ("๐๗", Eit),
            ("๖๐", Iit),   // 60 > 30 and "i0" does not exist
            ("๑๐๕", Iit),  // "i05" is not how codes are printed
            ("๒๕๖๘", Iit), // a year
            ("๑๐๐", Oit),  // a score
            ("๙๙.๓๘", Iit),
            ("i", Any),
            ("i0", Any),
            ("x1", Any),
            ("i1a", Any),
            ("๑.", Iit),
            ("i๑ ๓", Any),
            ("หน่วยงาน", Any),
            ("๙๙๙๙๙๙๙๙๙๙๙๙", Oit),
        ] {
            assert!(normalize_code(raw, ctx).is_err(), "{raw:?} in {ctx:?}");
        }
        assert_eq!(normalize_code("๐๗", Iit), Err(CodeParseError("๐๗".into())));
    }

    /// Every OCR'd code form in seeds 001–003, read in the context of the table it sits in.
    #[test]
    fn normalizes_every_code_in_the_seeds() {
        let iit = [
            "i๑", "i๒", "i๓", "i๔", "i๕", "i๖", "i๑๐", "i๑๑", "i๑๒", "i๑๓", "i๑๔", "i๑๕",
        ];
        for (n, raw) in [1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15]
            .into_iter()
            .zip(iit)
        {
            assert_eq!(
                normalize_code(raw, Any),
                Ok(Code::new(CodePrefix::I, n)),
                "{raw}"
            );
            assert_eq!(
                normalize_code(raw, Iit),
                Ok(Code::new(CodePrefix::I, n)),
                "{raw}"
            );
        }
        let eit = ["e๑", "e๒", "e๓", "e๔", "e๕", "e๖", "e๗", "e๘", "e๙"];
        for (n, raw) in (1..).zip(eit) {
            assert_eq!(
                normalize_code(raw, Eit),
                Ok(Code::new(CodePrefix::E, n)),
                "{raw}"
            );
        }
        // Seed 001 prints i7–i9 without the "i"; seed 002 prints them as ๖๗–๖๙ and i13–i15 as ๑๑๓–๑๑๕.
        for (raw, want) in [
            ("๗", 7),
            ("๘", 8),
            ("๙", 9),
            ("๖๗", 7),
            ("๖๘", 8),
            ("๖๙", 9),
            ("๑๑๓", 13),
            ("๑๑๔", 14),
            ("๑๑๕", 15),
        ] {
            assert_eq!(
                normalize_code(raw, Iit),
                Ok(Code::new(CodePrefix::I, want)),
                "{raw}"
            );
        }
        for (raw, want) in [
            ("EP๑", "EP1"),
            ("EP๖", "EP6"),
            ("EP๗", "EP7"),
            ("EP๘", "EP8"),
            ("EP๙", "EP9"),
            ("ES๒", "ES2"),
            ("ES๔", "ES4"),
            ("ES๖", "ES6"),
            ("ES๗", "ES7"),
            ("ES๘", "ES8"),
            ("ES๙", "ES9"),
        ] {
            assert_eq!(normalize_code(raw, Any), Ok(code(want)), "{raw}");
        }
        // OIT items with "O" read as "๐": O1–O9 and O10–O35 (seed 002), plus O28 (seed 001).
        let oit = [
            "๐๑",
            "๐๒",
            "๐๓",
            "๐๔",
            "๐๕",
            "๐๖",
            "๐๗",
            "๐๘",
            "๐๙",
            "๐๑๐",
            "๐๑๑",
            "๐๑๒",
            "๐๑๓",
            "๐๑๔",
            "๐๑๕",
            "๐๑๖",
            "๐๑๗",
            "๐๑๘",
            "๐๑๙",
            "๐๒๐",
            "๐๒๑",
            "๐๒๒",
            "๐๒๓",
            "๐๒๔",
            "๐๒๕",
            "๐๒๖",
            "๐๒๗",
            "๐๒๘",
            "๐๒๙",
            "๐๓๐",
            "๐๓๑",
            "๐๓๒",
            "๐๓๓",
            "๐๓๔",
            "๐๓๕",
        ];
        for (n, raw) in (1..).zip(oit) {
            assert_eq!(
                normalize_code(raw, Any),
                Ok(Code::new(CodePrefix::O, n)),
                "{raw}"
            );
            assert_eq!(
                normalize_code(raw, Oit),
                Ok(Code::new(CodePrefix::O, n)),
                "{raw}"
            );
        }
    }

    #[test]
    fn splits_codes_glued_to_text() {
        for (text, ctx, want, rest) in [
            ("e๑เจ้าหน้าที่ปฏิบัติงาน…", Any, "e1", "เจ้าหน้าที่ปฏิบัติงาน…"),
            (
                "๐๑๐ คู่มือหรือแนวทางการปฏิบัติงาน",
                Any,
                "O10",
                "คู่มือหรือแนวทางการปฏิบัติงาน",
            ),
            ("i๑๐ ในหน่วยงานของท่าน", Any, "i10", "ในหน่วยงานของท่าน"),
            ("๖๗ ผู้บังคับบัญชาในหน่วยงาน", Iit, "i7", "ผู้บังคับบัญชาในหน่วยงาน"),
            ("๑๑๓ ผู้บริหารสูงสุด", Iit, "i13", "ผู้บริหารสูงสุด"),
            ("๗ ท่านเคยถูกผู้บังคับบัญชา", Iit, "i7", "ท่านเคยถูกผู้บังคับบัญชา"),
            ("๐๑โครงสร้าง ผลคะแนน ๑๐๐", Any, "O1", "โครงสร้าง ผลคะแนน ๑๐๐"),
            ("ข้อ EP๑ หน่วยงานควรระบุ", Any, "EP1", "หน่วยงานควรระบุ"),
            ("ข้อ ES๙ หน่วยงานควรพัฒนา", Any, "ES9", "หน่วยงานควรพัฒนา"),
            ("<p>e๔หน่วยงานมีช่องทาง</p>", Any, "e4", "หน่วยงานมีช่องทาง</p>"),
            ("  i ๑๓ ผู้บริหาร", Iit, "i13", "ผู้บริหาร"),
            ("๐๑ - ๐๒๘", Oit, "O1", "- ๐๒๘"),
            ("๐๒๘", Any, "O28", ""),
            ("ind๓ การใช้อำนาจ", Any, "ind3", "การใช้อำนาจ"),
        ] {
            assert_eq!(
                split_leading_code(text, ctx),
                Some((code(want), rest)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for (text, ctx) in [
            ("หน่วยงานควร…", Any),
            ("๑. จัดทำคู่มือ", Any),
            ("๑. จัดทำคู่มือ", Iit),
            ("๑) กระบวนการปฏิบัติงาน", Iit),
            ("๑.สร้างการเรียนรู้", Eit),
            ("๗ ท่านเคย", Any),
            ("๙๙.๓๘", Iit),
            ("๑๐๐", Oit),
            ("๒๕๖๘ เป็นปีที่", Iit),
            ("๑,๒๓๔ คน", Iit),
            ("๘๕%", Eit),
            ("IIT และ OIT", Any),
            ("IIT 2567", Any),
            ("ITA2568", Any),
            ("e-GP", Any),
            ("E-Service", Any),
            ("ITA ประจำปี", Any),
            ("Open Data", Any),
            ("i1a", Any),
            ("๐๑O", Any),
            ("ข้อคำถามที่ได้คะแนนน้อยที่สุด", Any),
            ("<p>", Any),
            ("", Any),
        ] {
            assert_eq!(split_leading_code(text, ctx), None, "{text:?} in {ctx:?}");
        }
    }
}
