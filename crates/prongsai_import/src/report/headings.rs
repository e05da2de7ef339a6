//! Headings above tables and blocks ("ตัวชี้วัดที่ ๖ …", "๒) …", "๓.การใช้อำนาจ") and the indicator each one names.

use prongsai_domain::document::Heading;
use prongsai_domain::framework::Entry;
use prongsai_domain::thai::digit_value;
use prongsai_domain::{Code, Framework};

use super::clean::{cell_text, leading_number};

/// The word that starts an indicator heading.
const INDICATOR_WORD: &str = "ตัวชี้วัดที่";
/// Longest line still read as a numbered heading.
const MAX_HEADING_CHARS: usize = 120;

/// "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ" → number 9, name "การเปิดเผยข้อมูล".
pub fn indicator_heading(line: usize, raw: &str, fw: Option<&Framework>) -> Option<Heading> {
    let text = cell_text(raw);
    let rest = text.strip_prefix(INDICATOR_WORD)?.trim_start();
    let digits: String = rest
        .chars()
        .take_while(|&c| digit_value(c).is_some())
        .collect();
    let number = digits
        .chars()
        .filter_map(digit_value)
        .try_fold(0u16, |n, d| n.checked_mul(10)?.checked_add(d as u16))?;
    if digits.is_empty() || text.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    let name = rest.get(digits.len()..).unwrap_or_default().trim();
    let name = name.strip_suffix("และ").unwrap_or(name).trim().to_string();
    let indicator = u8::try_from(number).ok().filter(|n| (1..=10).contains(n));
    let by_name = indicator_named(fw, &name);
    Some(Heading {
        line,
        number: Some(number),
        indicator: by_name.or(indicator),
        name,
        text,
    })
}

/// "๒) การให้บริการและระบบ E-Service", "๓.การใช้อำนาจ": a short line that starts with a list
/// number. Its indicator is set only when its name is exactly an indicator's name.
pub fn numbered_heading(line: usize, raw: &str, fw: Option<&Framework>) -> Option<Heading> {
    let text = cell_text(raw);
    if text.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    let (number, name) = leading_number(&text)?;
    let name = name.trim().to_string();
    if !name.chars().any(char::is_alphabetic) {
        return None;
    }
    Some(Heading {
        line,
        number: Some(number),
        indicator: indicator_named(fw, &name),
        name,
        text,
    })
}

/// The indicator whose Thai name is exactly `name` (spaces ignored) in the framework.
pub fn indicator_named(fw: Option<&Framework>, name: &str) -> Option<u8> {
    let key = squash(name);
    if key.is_empty() {
        return None;
    }
    fw?.indicators
        .iter()
        .find(|i| squash(&i.name_th) == key)
        .map(|i| i.number)
}

/// `s` without any whitespace, for comparing Thai names that OCR broke with spaces.
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The indicator a question or OIT item belongs to in the framework.
pub fn indicator_of(fw: Option<&Framework>, code: Code) -> Option<u8> {
    let fw = fw?;
    match fw.entry(code)? {
        Entry::Question(i) => fw.questions.get(i).map(|q| q.indicator),
        Entry::OitItem(i) => fw.oit_items.get(i).map(|o| o.indicator),
        Entry::Indicator(n) => Some(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use prongsai_domain::Catalog;

    #[test]
    fn reads_indicator_and_numbered_headings() {
        let catalog = Catalog::embedded().unwrap();
        let fw = catalog.framework(2568);
        let h = indicator_heading(64, "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และ", fw).unwrap();
        assert_eq!(
            (h.number, h.indicator, h.name.as_str()),
            (Some(9), Some(9), "การเปิดเผยข้อมูล")
        );
        // The name wins over a wrong number when it is exactly another indicator's name.
        let h = indicator_heading(43, "ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน", fw).unwrap();
        assert_eq!((h.number, h.indicator), (Some(2), Some(6)));
        let h = indicator_heading(43, "ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน", None).unwrap();
        assert_eq!(h.indicator, Some(2));
        let h = numbered_heading(87, "๓.การใช้อำนาจ", fw).unwrap();
        assert_eq!(
            (h.number, h.indicator, h.name.as_str()),
            (Some(3), Some(3), "การใช้อำนาจ")
        );
        let h = numbered_heading(19, "๒) การให้บริการและระบบ E-Service", fw).unwrap();
        assert_eq!((h.number, h.indicator), (Some(2), None));
        assert!(numbered_heading(1, "๑๐๐.๐๐", fw).is_none());
        assert!(indicator_heading(1, "ตัวชี้วัด", fw).is_none());
        assert_eq!(indicator_of(fw, "e3".parse().unwrap()), Some(6));
    }
}
