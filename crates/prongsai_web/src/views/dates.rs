//! Dates as people type them on forms: `๑/๑๐/๒๕๖๘`, `1/10/2568`, `1 ต.ค. 2568` or a native `2025-10-01`; shown in BE.

use jiff::civil::Date;
use prongsai_domain::thai::{be_to_ce, format_thai_date, parse_period, to_arabic_digits};

use crate::config::Language;
use crate::views::format::digits;

/// Reads a date typed in Buddhist era (d/m/yyyy, Thai or Arabic digits, two-digit years = 25xx),
/// an ISO `yyyy-mm-dd` from a native date input (Common Era), or a Thai day-month-year text.
pub fn parse_date(text: &str) -> Option<Date> {
    let t = to_arabic_digits(text.trim());
    if t.is_empty() {
        return None;
    }
    let parts: Vec<&str> = t.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if n.len() != 3 {
            return None;
        }
        let (y, m, d) = if parts[0].len() == 4 {
            (n[0], n[1], n[2])
        } else {
            (n[2], n[1], n[0])
        };
        let ce = if y < 100 {
            be_to_ce(2500 + y)
        } else if y >= 2400 {
            be_to_ce(y)
        } else {
            y
        };
        let (ce, m, d) = (
            i16::try_from(ce).ok()?,
            i8::try_from(m).ok()?,
            i8::try_from(d).ok()?,
        );
        return Date::new(ce, m, d).ok();
    }
    // "1 ต.ค. 2568": a one-day period.
    let p = parse_period(text, None).ok()?;
    (p.start == p.end).then_some(p.start)
}

/// Today in Thailand (UTC+7, no daylight saving).
pub fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(7)))
        .date()
}

/// A date the Thai way with abbreviated month ("๑ ต.ค. ๒๕๖๘").
pub fn show(date: Date, lang: Language) -> String {
    format_thai_date(date, digits(lang), true)
}

/// The value for a text input: `d/m/yyyy` in BE with Arabic digits (what most people type).
pub fn input_value(date: Date) -> String {
    format!(
        "{}/{}/{}",
        date.day(),
        date.month(),
        i32::from(date.year()) + 543
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn reads_what_people_type() {
        let oct1 = date(2025, 10, 1);
        for s in [
            "๑/๑๐/๒๕๖๘",
            "1/10/2568",
            " 01/10/2568 ",
            "1/10/68",
            "2025-10-01",
            "1.10.2568",
        ] {
            assert_eq!(parse_date(s), Some(oct1), "{s}");
        }
        assert_eq!(parse_date("1 ต.ค. 2568"), Some(oct1));
        assert_eq!(parse_date("31/2/2568"), None);
        assert_eq!(parse_date("soon"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(input_value(oct1), "1/10/2568");
        assert_eq!(show(oct1, Language::Th), "๑ ต.ค. ๒๕๖๘");
    }
}
