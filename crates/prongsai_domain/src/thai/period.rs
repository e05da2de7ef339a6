//! Date ranges (ระยะเวลาดำเนินการ) as agencies type them, read into a [`Period`] and printed back.

use jiff::civil::Date;

use super::digits::{DigitStyle, digit_value};
use super::era::{
    FiscalYear, MAX_FISCAL_YEAR, MIN_FISCAL_YEAR, be_to_ce, ce_to_be, format_thai_date,
};
use super::months::match_month_prefix;
use super::{flex_prefix_len, is_blank, trim_blanks};

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Period {
    /// First day of the period.
    #[serde(serialize_with = "iso_date")]
    pub start: Date,
    /// Last day of the period (included).
    #[serde(serialize_with = "iso_date")]
    pub end: Date,
}

/// Serialises a date as ISO 8601 ("2024-10-01") without needing jiff's serde feature.
fn iso_date<S: serde::Serializer>(date: &Date, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

impl Period {
    /// A period from its ends, or `None` if `end` is before `start`.
    pub fn new(start: Date, end: Date) -> Option<Self> {
        (start <= end).then_some(Period { start, end })
    }

    /// Whether `date` lies in the period (both ends included).
    pub fn contains(&self, date: Date) -> bool {
        self.start <= date && date <= self.end
    }

    /// The fiscal year holding the whole period, if it fits in one.
    pub fn fiscal_year(&self) -> Option<FiscalYear> {
        let fy = FiscalYear::try_of(self.start).ok()?;
        fy.contains(self.end).then_some(fy)
    }
}

impl From<FiscalYear> for Period {
    fn from(fy: FiscalYear) -> Self {
        Period {
            start: fy.start(),
            end: fy.end(),
        }
    }
}

/// Why a period text could not be read. Every variant names the text it is about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    /// Nothing but blanks.
    #[error("the period is empty; write it like \"ต.ค. ๒๕๖๗ – ก.ย. ๒๕๖๘\"")]
    Empty,
    /// A word or shape that is not part of a Thai date range.
    #[error(
        "cannot read \"{fragment}\" in the period \"{text}\"; write it like \"๑ ต.ค. ๒๕๖๗ – ๓๐ ก.ย. ๒๕๖๘\""
    )]
    Unreadable {
        /// The whole text given.
        text: String,
        /// The part that could not be read.
        fragment: String,
    },
    /// Months without any year, and no fiscal year to place them in.
    #[error(
        "the period \"{text}\" has no year; add the Buddhist-era year (e.g. \"ต.ค. ๒๕๖๗\") or give the fiscal year"
    )]
    MissingYear {
        /// The whole text given.
        text: String,
    },
    /// "ตลอดปีงบประมาณ" without a year, and no fiscal year given.
    #[error(
        "the period \"{text}\" means the whole fiscal year (ปีงบประมาณ) but no fiscal year is known"
    )]
    MissingFiscalYear {
        /// The whole text given.
        text: String,
    },
    /// A year that is not a Buddhist-era year in 2400–2700 (or two digits for 25xx).
    #[error(
        "\"{year}\" in the period \"{text}\" is not a Buddhist-era year (พ.ศ.) between 2400 and 2700"
    )]
    YearOutOfRange {
        /// The whole text given.
        text: String,
        /// The year as written.
        year: String,
    },
    /// A day that does not exist, such as ๓๑ ก.พ.
    #[error("\"{date}\" in the period \"{text}\" is not a real date")]
    InvalidDate {
        /// The whole text given.
        text: String,
        /// The date as written.
        date: String,
    },
    /// The end comes before the start.
    #[error("the period \"{text}\" ends on {} before it starts on {}", short(*.end), short(*.start))]
    EndBeforeStart {
        /// The whole text given.
        text: String,
        /// The start as read.
        start: Date,
        /// The end as read.
        end: Date,
    },
}

/// A date as "1 ต.ค. 2567" for error messages.
fn short(date: Date) -> String {
    format_thai_date(date, DigitStyle::Arabic, true)
}

/// What a piece of period text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A run of digits: its value (saturating) and how many digits it had.
    Num(u64, usize),
    Month(u8),
    /// A range separator: a dash or ถึง.
    Sep,
    /// ปีงบประมาณ.
    Fiscal,
    /// ตลอด / ทั้ง ("throughout").
    Whole,
    /// พ.ศ.
    Be,
    /// ค.ศ.
    Ce,
}

/// A [`Tok`] with its byte span in the original text, for error messages.
#[derive(Debug, Clone, Copy)]
struct Token {
    tok: Tok,
    start: usize,
    end: usize,
}

/// Words that carry no information in a period ("from", "date", "month", "annual", "between").
const NOISE: &[&str] = &["ตั้งแต่วันที่", "ตั้งแต่", "วันที่", "วันที", "เดือน", "ประจำ", "ระหว่าง"];
const SEPARATOR_WORDS: &[&str] = &["จนถึง", "ถึง", "&ndash;", "&mdash;", "&#8211;", "&#8212;"];
const SEPARATOR_CHARS: &[char] = &['-', '–', '—', '‐', '‑', '‒', '−', '~'];
const FISCAL_WORDS: &[&str] = &["ปีงบประมาณ", "ปีงบฯ", "ปีงบ"];
const WHOLE_WORDS: &[&str] = &["ตลอด", "ทั้ง"];

/// Splits `text` into tokens; blanks, commas, stray dots, brackets and HTML tags are skipped.
fn tokenize(text: &str) -> Result<Vec<Token>, PeriodError> {
    let mut tokens = Vec::new();
    let mut pos = 0usize;
    while let Some(rest) = text.get(pos..) {
        let Some(c) = rest.chars().next() else { break };
        let start = pos;
        let push = |tokens: &mut Vec<Token>, tok: Tok, len: usize| {
            tokens.push(Token {
                tok,
                start,
                end: start + len,
            });
            start + len
        };
        if is_blank(c) || matches!(c, ',' | '.' | '(' | ')' | '[' | ']') {
            pos += c.len_utf8();
        } else if c == '<' {
            // HTML left over from the export: "<p>๑ ตุลาคม ๒๕๖๗</p> <p>-</p> …".
            let close = rest.find('>').ok_or_else(|| unreadable(text, rest))?;
            pos += close + 1;
        } else if rest.starts_with("&nbsp;") {
            pos += "&nbsp;".len();
        } else if SEPARATOR_CHARS.contains(&c) {
            pos = push(&mut tokens, Tok::Sep, c.len_utf8());
        } else if digit_value(c).is_some() {
            let mut value = 0u64;
            let mut count = 0usize;
            let mut len = 0usize;
            for c in rest.chars().take_while(|&c| digit_value(c).is_some()) {
                let d = digit_value(c).unwrap_or(0);
                value = value.saturating_mul(10).saturating_add(u64::from(d));
                count += 1;
                len += c.len_utf8();
            }
            pos = push(&mut tokens, Tok::Num(value, count), len);
        } else if let Some(len) = word_len(rest, SEPARATOR_WORDS) {
            pos = push(&mut tokens, Tok::Sep, len);
        } else if let Some(len) = word_len(rest, NOISE) {
            pos += len;
        } else if let Some(len) = word_len(rest, FISCAL_WORDS) {
            pos = push(&mut tokens, Tok::Fiscal, len);
        } else if let Some(len) = word_len(rest, WHOLE_WORDS) {
            pos = push(&mut tokens, Tok::Whole, len);
        } else if let Some(len) = flex_prefix_len(rest, "พ.ศ.") {
            pos = push(&mut tokens, Tok::Be, len);
        } else if let Some(len) = flex_prefix_len(rest, "ค.ศ.") {
            pos = push(&mut tokens, Tok::Ce, len);
        } else if let Some((month, len)) = match_month_prefix(rest) {
            pos = push(&mut tokens, Tok::Month(month), len);
        } else {
            return Err(unreadable(text, rest));
        }
    }
    Ok(tokens)
}

/// Length of the first of `words` that starts `text` (the lists are ordered longest first).
fn word_len(text: &str, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .find(|w| text.starts_with(**w))
        .map(|w| w.len())
}

/// An [`PeriodError::Unreadable`] naming the word at the start of `rest`.
fn unreadable(text: &str, rest: &str) -> PeriodError {
    let fragment: String = rest
        .chars()
        .take_while(|&c| !is_blank(c))
        .take(30)
        .collect();
    PeriodError::Unreadable {
        text: text.to_string(),
        fragment,
    }
}

/// One end of a range as written; any part may be missing.
#[derive(Debug, Clone, Copy)]
struct Side {
    day: Option<u64>,
    month: Option<u8>,
    /// Buddhist-era year.
    year: Option<i32>,
    /// Byte span of this end in the original text, for error messages.
    start: usize,
    end: usize,
}

/// Reads a period such as "ต.ค. ๒๕๖๗ – ๓๐ ก.ย. ๒๕๖๘", "ม.ค. - มี.ค. ๒๕๖๘", "มี.ค. ๒๕๖๘" or
/// "ตลอดปีงบประมาณ" (the latter needs `fiscal_year` unless it names its own year).
///
/// A start without a day is the first of its month and an end without a day the last; when
/// only one end has a year and the months run backwards ("ต.ค. – มี.ค. ๒๕๖๘") the range
/// crosses New Year; when no end has a year, months are placed in `fiscal_year`. Two-digit
/// years are Buddhist-era 25xx ("ต.ค. 67"); "ค.ศ." marks a Common Era year.
pub fn parse_period(text: &str, fiscal_year: Option<FiscalYear>) -> Result<Period, PeriodError> {
    if trim_blanks(text).is_empty() {
        return Err(PeriodError::Empty);
    }
    let tokens = tokenize(text)?;
    if tokens.is_empty() {
        return Err(unreadable(text, trim_blanks(text)));
    }
    if tokens
        .iter()
        .any(|t| matches!(t.tok, Tok::Fiscal | Tok::Whole))
    {
        return whole_fiscal_year(text, &tokens, fiscal_year);
    }

    let parts: Vec<&[Token]> = tokens.split(|t| t.tok == Tok::Sep).collect();
    if parts.len() > 2 || parts.iter().any(|p| p.is_empty()) {
        // A dangling or repeated separator: name the first one.
        let at = tokens
            .iter()
            .find(|t| t.tok == Tok::Sep)
            .map_or(0, |t| t.start);
        return Err(unreadable(text, text.get(at..).unwrap_or(text)));
    }
    match parts.as_slice() {
        [one] => single(text, read_side(text, one)?, fiscal_year),
        [first, second] => range(
            text,
            read_side(text, first)?,
            read_side(text, second)?,
            fiscal_year,
        ),
        _ => Err(unreadable(text, trim_blanks(text))),
    }
}

/// "ตลอดปีงบประมาณ", "ปีงบประมาณ พ.ศ. ๒๕๖๖", "ตลอดปีงบประมาณ ๒๕๖๖": the whole fiscal year.
/// The phrase must be the whole text, so "ต.ค. ๒๕๖๗ – ก.ย. ๒๕๖๘ ตลอดปีงบประมาณ" is refused.
fn whole_fiscal_year(
    text: &str,
    toks: &[Token],
    given: Option<FiscalYear>,
) -> Result<Period, PeriodError> {
    let kind = |i: usize| toks.get(i).map(|t| t.tok);
    let mut i = usize::from(kind(0) == Some(Tok::Whole));
    if kind(i) != Some(Tok::Fiscal) {
        let at = toks
            .iter()
            .position(|t| matches!(t.tok, Tok::Fiscal | Tok::Whole));
        return Err(unreadable_at(
            text,
            toks,
            if i == 0 { at.unwrap_or(0) } else { i },
        ));
    }
    i += 1;
    let marked = kind(i) == Some(Tok::Be);
    i += usize::from(marked);
    let year = match toks.get(i) {
        Some(
            t @ Token {
                tok: Tok::Num(..), ..
            },
        ) => Some(read_year(text, t, false)?),
        _ if marked => return Err(unreadable_at(text, toks, i - 1)), // "พ.ศ." and no year
        _ => None,
    };
    i += usize::from(year.is_some());
    if i != toks.len() {
        return Err(unreadable_at(text, toks, i));
    }
    // read_year keeps the year in 2400–2700, so FiscalYear::new accepts it.
    let fy = match year {
        Some(be) => u16::try_from(be)
            .ok()
            .and_then(|be| FiscalYear::new(be).ok()),
        None => given,
    };
    let missing = || PeriodError::MissingFiscalYear {
        text: text.to_string(),
    };
    fy.map(Period::from).ok_or_else(missing)
}

/// Reads one end: `[day] [month [พ.ศ.|ค.ศ.] [year]]`, with at least a day or a month.
fn read_side(text: &str, toks: &[Token]) -> Result<Side, PeriodError> {
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return Err(unreadable(text, trim_blanks(text)));
    };
    let kind = |i: usize| toks.get(i).map(|t| t.tok);
    let mut side = Side {
        day: None,
        month: None,
        year: None,
        start: first.start,
        end: last.end,
    };
    let mut i = 0;
    if let Some(Tok::Num(value, _)) = kind(i) {
        side.day = Some(value);
        i += 1;
    }
    if let Some(Tok::Month(m)) = kind(i) {
        side.month = Some(m);
        i += 1;
        let era = kind(i).filter(|t| matches!(t, Tok::Be | Tok::Ce));
        i += usize::from(era.is_some());
        match toks.get(i) {
            Some(
                t @ Token {
                    tok: Tok::Num(..), ..
                },
            ) => {
                side.year = Some(read_year(text, t, era == Some(Tok::Ce))?);
                i += 1;
            }
            _ if era.is_some() => return Err(unreadable_at(text, toks, i - 1)), // "พ.ศ." and no year
            _ => {}
        }
    }
    if i != toks.len() || i == 0 {
        return Err(unreadable_at(text, toks, i));
    }
    Ok(side)
}

/// A number token as a Buddhist-era year: four digits in 2400–2700, or two digits meaning
/// 25xx ("67" → 2567); with `common_era` ("ค.ศ.") four digits of a Common Era year.
fn read_year(text: &str, tok: &Token, common_era: bool) -> Result<i32, PeriodError> {
    let be = match (tok.tok, common_era) {
        (Tok::Num(value, 4), true) => i32::try_from(value).ok().map(ce_to_be),
        (Tok::Num(value, 4), false) => i32::try_from(value).ok(),
        (Tok::Num(value, 2), false) => i32::try_from(value).ok().map(|yy| 2500 + yy),
        _ => None,
    };
    let supported = i32::from(MIN_FISCAL_YEAR)..=i32::from(MAX_FISCAL_YEAR);
    be.filter(|be| supported.contains(be))
        .ok_or_else(|| PeriodError::YearOutOfRange {
            text: text.to_string(),
            year: text.get(tok.start..tok.end).unwrap_or_default().to_string(),
        })
}

/// One end alone: a month ("มี.ค. ๒๕๖๘") or a single day ("๑ ต.ค. ๒๕๖๗").
fn single(text: &str, side: Side, fy: Option<FiscalYear>) -> Result<Period, PeriodError> {
    let month = side
        .month
        .ok_or_else(|| unreadable(text, span(text, &side)))?;
    let ce = match side.year {
        Some(be) => be_to_ce(be),
        None => in_fiscal_year(text, fy, month)?,
    };
    let start = make_date(text, &side, ce, month, side.day.or(Some(1)))?;
    let end = make_date(text, &side, ce, month, side.day)?;
    Ok(Period { start, end })
}

/// Two ends; missing months and years are taken from the other end or the fiscal year.
fn range(text: &str, s: Side, e: Side, fy: Option<FiscalYear>) -> Result<Period, PeriodError> {
    let end_month = e.month.ok_or_else(|| unreadable(text, span(text, &e)))?;
    // "๑ - ๑๕ ต.ค. ๒๕๖๗": a start with only a day shares the end's month.
    let start_month = s.month.unwrap_or(end_month);
    let (start_ce, end_ce) = match (s.year, e.year) {
        (Some(sy), Some(ey)) => (be_to_ce(sy), be_to_ce(ey)),
        (None, Some(ey)) => {
            let ce = be_to_ce(ey);
            (if start_month > end_month { ce - 1 } else { ce }, ce)
        }
        (Some(sy), None) => {
            let ce = be_to_ce(sy);
            (ce, if end_month < start_month { ce + 1 } else { ce })
        }
        (None, None) => (
            in_fiscal_year(text, fy, start_month)?,
            in_fiscal_year(text, fy, end_month)?,
        ),
    };
    let start = make_date(text, &s, start_ce, start_month, s.day.or(Some(1)))?;
    let end = make_date(text, &e, end_ce, end_month, e.day)?;
    if end < start {
        return Err(PeriodError::EndBeforeStart {
            text: text.to_string(),
            start,
            end,
        });
    }
    Ok(Period { start, end })
}

/// The Common Era year in which `month` falls within the fiscal year (October–December in
/// the year before the one it is named after).
fn in_fiscal_year(text: &str, fy: Option<FiscalYear>, month: u8) -> Result<i32, PeriodError> {
    let fy = fy.ok_or_else(|| PeriodError::MissingYear {
        text: text.to_string(),
    })?;
    let ce = be_to_ce(i32::from(fy.be()));
    Ok(if month >= 10 { ce - 1 } else { ce })
}

/// The date `day`/`month`/`ce`; without a day, the last day of the month.
fn make_date(
    text: &str,
    side: &Side,
    ce: i32,
    month: u8,
    day: Option<u64>,
) -> Result<Date, PeriodError> {
    let invalid = || PeriodError::InvalidDate {
        text: text.to_string(),
        date: span(text, side).to_string(),
    };
    let year = i16::try_from(ce).map_err(|_| invalid())?;
    let month = i8::try_from(month).map_err(|_| invalid())?;
    match day {
        Some(d) => {
            Date::new(year, month, i8::try_from(d).map_err(|_| invalid())?).map_err(|_| invalid())
        }
        None => Date::new(year, month, 1)
            .map(|d| d.last_of_month())
            .map_err(|_| invalid()),
    }
}

/// The text of one end, trimmed.
fn span<'a>(text: &'a str, side: &Side) -> &'a str {
    trim_blanks(text.get(side.start..side.end).unwrap_or(text))
}

/// An [`PeriodError::Unreadable`] naming token `i` (or the end of the text).
fn unreadable_at(text: &str, toks: &[Token], i: usize) -> PeriodError {
    let at = toks.get(i).or(toks.last()).map_or(0, |t| t.start);
    unreadable(text, text.get(at..).unwrap_or(text))
}

/// Prints a period with full month names: "๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙"
/// (a one-day period prints as that day alone).
pub fn format_period(p: &Period, digits: DigitStyle) -> String {
    format_period_with(p, digits, false)
}

/// Prints a period, with abbreviated month names if `abbreviated` ("๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙").
pub fn format_period_with(p: &Period, digits: DigitStyle, abbreviated: bool) -> String {
    let start = format_thai_date(p.start, digits, abbreviated);
    if p.start == p.end {
        return start;
    }
    format!("{start} – {}", format_thai_date(p.end, digits, abbreviated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn fy(be: u16) -> Option<FiscalYear> {
        Some(FiscalYear::new(be).unwrap())
    }

    /// Parses every row and compares with the expected "start..end" in ISO dates.
    fn check(table: &[(&str, Option<FiscalYear>, &str)]) {
        for &(text, fiscal, want) in table {
            let p = parse_period(text, fiscal).unwrap_or_else(|e| panic!("{text:?}: {e}"));
            assert_eq!(format!("{}..{}", p.start, p.end), want, "{text:?}");
        }
    }

    /// Every distinct period cell of the five seed documents, exactly as it appears there
    /// (seed 004 has only "ตลอดปีงบประมาณ", under a heading for ปีงบประมาณ พ.ศ. 2566),
    /// and the report headings that name a fiscal year.
    #[rustfmt::skip]
    #[test]
    fn reads_every_period_in_the_seeds() {
        check(&[
            ("๑ มกราคม ๒๕๖๘ - ๓๐ มิถุนายน ๒๕๖๘", None, "2025-01-01..2025-06-30"),
            ("<p>๑ ตุลาคม ๒๕๖๗</p> <p>-</p> <p>๓๐ กันยายน ๒๕๖๘</p>", None, "2024-10-01..2025-09-30"),
            ("๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙", None, "2025-10-01..2026-09-30"),
            ("ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙", None, "2025-10-01..2026-09-30"),
            ("<p>ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๙</p>", None, "2025-10-01..2026-09-30"),
            ("ม.ค. - มี.ค. ๒๕๖๘", None, "2025-01-01..2025-03-31"),
            ("ต.ค. - ธ.ค. ๒๕๖๗", None, "2024-10-01..2024-12-31"),
            ("ต.ค. ๒๕๖๗ ถึง ก.ย. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ตลอดปีงบประมาณ", fy(2566), "2022-10-01..2023-09-30"),
            ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", None, "2023-10-01..2024-09-30"),
            ("ปีงบประมาณพ.ศ.๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ประจำปีงบประมาณ พ.ศ. 2566", None, "2022-10-01..2023-09-30"),
            ("ประจำปีงบประมาณ    พ.ศ. 2565", None, "2021-10-01..2022-09-30"),
            ("ประจำปีงบประมาณ           พ.ศ. 2566", None, "2022-10-01..2023-09-30"),
        ]);
    }

    #[rustfmt::skip]
    #[test]
    fn reads_the_other_accepted_forms() {
        check(&[
            ("๑ ตุลาคม ๒๕๖๗\n-\n๓๐ กันยายน ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("๑ ตุลาคม ๒๕๖๗ — ๓๐ กันยายน ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ต.ค. ๒๕๖๗ ถึงวันที่ ๓๐ ก.ย. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("วันที่ ๑ ต.ค. ๒๕๖๗ ถึงวันที่ ๓๐ ก.ย. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ตั้งแต่วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๗ ถึงวันที่ ๓๐ กันยายน พ.ศ. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("1 ต.ค. 2567 - 30 ก.ย. 2568", None, "2024-10-01..2025-09-30"),
            ("ต.ค. 67 - ก.ย. 68", None, "2024-10-01..2025-09-30"),
            ("ตค 67 - กย 68", None, "2024-10-01..2025-09-30"),
            ("ต.ค ๒๕๖๗ - ก.ย ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ต.ค.๒๕๖๗-ก.ย.๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("(ต.ค. ๒๕๖๗ - ก.ย. ๒๕๖๘)", None, "2024-10-01..2025-09-30"),
            ("ต.ค. ๒๕๖๗ &ndash; ก.ย. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("\u{200B}ต.ค.\u{200B}๒๕๖๗\u{00A0}-\u{00A0}ก.ย. ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ตุลาคม ๒๕๖๗ – กันยายน ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("เดือนตุลาคม ๒๕๖๗ - เดือนกันยายน ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("1 ต.ค. ค.ศ. 2024 - 30 ก.ย. ค.ศ. 2025", None, "2024-10-01..2025-09-30"),
            // Only one end has a year; months running backwards cross New Year.
            ("ต.ค. - มี.ค. ๒๕๖๘", None, "2024-10-01..2025-03-31"),
            ("ต.ค. ๒๕๖๗ - มี.ค.", None, "2024-10-01..2025-03-31"),
            ("มี.ค. - มี.ค. ๒๕๖๘", None, "2025-03-01..2025-03-31"),
            ("๑ - ๑๕ ต.ค. ๒๕๖๗", None, "2024-10-01..2024-10-15"),
            // One month, or one day.
            ("มี.ค. ๒๕๖๘", None, "2025-03-01..2025-03-31"),
            ("ก.พ. ๒๕๖๗", None, "2024-02-01..2024-02-29"),
            ("๑ ต.ค. ๒๕๖๗", None, "2024-10-01..2024-10-01"),
            // No year at all: placed in the fiscal year given.
            ("ต.ค. - ธ.ค.", fy(2568), "2024-10-01..2024-12-31"),
            ("ม.ค. - มี.ค.", fy(2568), "2025-01-01..2025-03-31"),
            ("มี.ค.", fy(2568), "2025-03-01..2025-03-31"),
            // The whole fiscal year; a year in the text wins over the one given.
            ("ตลอดปีงบประมาณ", fy(2568), "2024-10-01..2025-09-30"),
            ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", None, "2022-10-01..2023-09-30"),
            ("ตลอดปีงบประมาณ พ.ศ. ๒๕๖๖", fy(2568), "2022-10-01..2023-09-30"),
            ("ปีงบประมาณ พ.ศ. 2566", None, "2022-10-01..2023-09-30"),
            ("ทั้งปีงบประมาณ ๒๕๖๘", None, "2024-10-01..2025-09-30"),
            ("ปีงบ 68", None, "2024-10-01..2025-09-30"),
        ]);
    }

    /// The variant of an error, what it names, and the text it carries.
    fn describe(e: &PeriodError) -> (&'static str, String, &str) {
        match e {
            PeriodError::Empty => ("Empty", String::new(), ""),
            PeriodError::Unreadable { text, fragment } => ("Unreadable", fragment.clone(), text),
            PeriodError::MissingYear { text } => ("MissingYear", String::new(), text),
            PeriodError::MissingFiscalYear { text } => ("MissingFiscalYear", String::new(), text),
            PeriodError::YearOutOfRange { text, year } => ("YearOutOfRange", year.clone(), text),
            PeriodError::InvalidDate { text, date } => ("InvalidDate", date.clone(), text),
            PeriodError::EndBeforeStart { text, start, end } => {
                ("EndBeforeStart", format!("{start}>{end}"), text)
            }
        }
    }

    #[rustfmt::skip]
    #[test]
    fn reports_errors_naming_the_text() {
        let huge_day = format!("{} ต.ค. ๒๕๖๗", "๙".repeat(40));
        for (text, fiscal, variant, names) in [
            ("", None, "Empty", ""),
            (" \n\u{200B}", None, "Empty", ""),
            ("๓๑ ก.พ. ๒๕๖๘", None, "InvalidDate", "๓๑ ก.พ. ๒๕๖๘"),
            ("๒๙ ก.พ. ๒๕๖๘ - ๓๑ มี.ค. ๒๕๖๘", None, "InvalidDate", "๒๙ ก.พ. ๒๕๖๘"),
            ("๓๒ ต.ค. ๒๕๖๗", None, "InvalidDate", "๓๒ ต.ค. ๒๕๖๗"),
            ("๐ ต.ค. ๒๕๖๗", None, "InvalidDate", "๐ ต.ค. ๒๕๖๗"),
            (huge_day.as_str(), None, "InvalidDate", huge_day.as_str()),
            ("๑ ต.ค. ๒๕๖๘ - ๓๐ ก.ย. ๒๕๖๘", None, "EndBeforeStart", "2025-10-01>2025-09-30"),
            ("ก.ย. - ต.ค.", fy(2568), "EndBeforeStart", "2025-09-01>2024-10-31"),
            ("ตลอดปีงบประมาณ", None, "MissingFiscalYear", ""),
            ("ต.ค. - ธ.ค.", None, "MissingYear", ""),
            ("มี.ค.", None, "MissingYear", ""),
            ("ต.ค. 2024", None, "YearOutOfRange", "2024"),
            ("ต.ค. ๗", None, "YearOutOfRange", "๗"),
            ("ต.ค. ค.ศ. 67", None, "YearOutOfRange", "67"),
            ("ปีงบประมาณ พ.ศ. ๓๐๐๐", None, "YearOutOfRange", "๓๐๐๐"),
            ("หน่วยงานควร", None, "Unreadable", "หน่วยงานควร"),
            ("ต.ค. ๒๕๖๗ -", None, "Unreadable", "-"),
            ("- ก.ย. ๒๕๖๘", None, "Unreadable", "-"),
            ("ต.ค. - ก.ย. - ธ.ค. ๒๕๖๘", None, "Unreadable", "-"),
            ("๒๕๖๘", None, "Unreadable", "๒๕๖๘"),
            ("พ.ศ. ๒๕๖๘", None, "Unreadable", "พ.ศ."),
            ("ประจำปี ๒๕๖๗", None, "Unreadable", "ปี"),
            ("ตลอดปี", fy(2568), "Unreadable", "ปี"),
            ("๑/๑๐/๒๕๖๗", None, "Unreadable", "/๑๐/๒๕๖๗"),
            ("ไตรมาสที่ ๑", fy(2568), "Unreadable", "ไตรมาสที่"),
            ("ต.ค. พ.ศ.", None, "Unreadable", "พ.ศ."),
            ("ต.ค. ๒๕๖๗ ๒๕๖๘", None, "Unreadable", "๒๕๖๘"),
            ("<p ต.ค. ๒๕๖๗", None, "Unreadable", "<p"),
            ("ต.ค. ๒๕๖๗ - ๑๕", None, "Unreadable", "๑๕"),
            ("ปีงบประมาณ พ.ศ.", fy(2568), "Unreadable", "พ.ศ."),
            ("ปีงบประมาณ ๒๕๖๗ - ๒๕๖๘", None, "Unreadable", "-"),
            ("ต.ค. ๒๕๖๗ - ก.ย. ๒๕๖๘ ตลอดปีงบประมาณ", fy(2568), "Unreadable", "ตลอดปีงบประมาณ"),
        ] {
            let err = parse_period(text, fiscal).expect_err(text);
            let (got_variant, got_names, got_text) = describe(&err);
            assert_eq!((got_variant, got_names.as_str()), (variant, names), "{text:?}");
            if variant != "Empty" {
                assert_eq!(got_text, text, "{text:?}");
            }
        }
    }

    #[test]
    fn error_messages_quote_the_offending_text() {
        let msg = parse_period("๓๑ ก.พ. ๒๕๖๘", None).unwrap_err().to_string();
        assert!(msg.contains("\"๓๑ ก.พ. ๒๕๖๘\" in the period"), "{msg}");
        let msg = parse_period("ก.ย. ๒๕๖๘ - ต.ค. ๒๕๖๗", None)
            .unwrap_err()
            .to_string();
        assert!(
            msg.contains("ends on 31 ต.ค. 2567 before it starts on 1 ก.ย. 2568"),
            "{msg}"
        );
        let msg = parse_period("ประจำปี ๒๕๖๗", None).unwrap_err().to_string();
        assert!(msg.contains("cannot read \"ปี\""), "{msg}");
    }

    #[test]
    fn formats_periods() {
        let p = Period {
            start: date(2025, 10, 1),
            end: date(2026, 9, 30),
        };
        assert_eq!(
            format_period(&p, DigitStyle::Thai),
            "๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙"
        );
        assert_eq!(
            format_period(&p, DigitStyle::Arabic),
            "1 ตุลาคม 2568 – 30 กันยายน 2569"
        );
        assert_eq!(
            format_period_with(&p, DigitStyle::Thai, true),
            "๑ ต.ค. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๙"
        );
        let day = Period {
            start: date(2024, 10, 1),
            end: date(2024, 10, 1),
        };
        assert_eq!(format_period(&day, DigitStyle::Thai), "๑ ตุลาคม ๒๕๖๗");
        // What we print, we read back.
        for period in [p, day] {
            for (digits, abbreviated) in [(DigitStyle::Thai, false), (DigitStyle::Arabic, true)] {
                let text = format_period_with(&period, digits, abbreviated);
                assert_eq!(parse_period(&text, None), Ok(period), "{text}");
            }
        }
    }

    #[test]
    fn period_helpers_and_serialisation() {
        let fy2568 = FiscalYear::new(2568).unwrap();
        let p = Period::from(fy2568);
        assert_eq!(
            p,
            Period::new(date(2024, 10, 1), date(2025, 9, 30)).unwrap()
        );
        assert_eq!(Period::new(date(2025, 1, 2), date(2025, 1, 1)), None);
        assert!(p.contains(date(2025, 9, 30)) && !p.contains(date(2025, 10, 1)));
        assert_eq!(p.fiscal_year(), Some(fy2568));
        let across = Period::new(date(2025, 9, 1), date(2025, 10, 31)).unwrap();
        assert_eq!(across.fiscal_year(), None);
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"start":"2024-10-01","end":"2025-09-30"}"#
        );
    }
}
