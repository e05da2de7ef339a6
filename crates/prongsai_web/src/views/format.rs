//! Number and year formatting for pages (dates go through `views::dates`, which uses the domain's Thai helpers).

use prongsai_domain::scoring::round2;
use prongsai_domain::thai::{DigitStyle, apply_digits};

use crate::config::Language;

/// Digits used for dates and years in `lang`: Thai digits in Thai, Arabic in English.
pub fn digits(lang: Language) -> DigitStyle {
    match lang {
        Language::Th => DigitStyle::Thai,
        Language::En => DigitStyle::Arabic,
    }
}

/// The framework note of a year (its own, or another year's used provisionally), digits as years are shown.
pub fn provisional_note(
    r: &prongsai_domain::framework::Resolved<'_>,
    lang: Language,
) -> Option<String> {
    let note = match lang {
        Language::Th => r.provisional_note_th(),
        Language::En => r.provisional_note_en(),
    }?;
    Some(apply_digits(&note, digits(lang)))
}

/// A score with two decimals (Arabic digits, so it can be copied into spreadsheets).
pub fn score(x: f64) -> String {
    format!("{:.2}", round2(x))
}

/// A signed change with two decimals: "+1.25", "-0.50", "0.00".
pub fn change(x: f64) -> String {
    let r = round2(x);
    if r > 0.0 {
        format!("+{r:.2}")
    } else {
        format!("{r:.2}")
    }
}

/// A Buddhist-era year in the page language's digits ("๒๕๖๘").
pub fn year(y: u16, lang: Language) -> String {
    apply_digits(&y.to_string(), digits(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert_eq!(score(92.345), "92.35");
        assert_eq!(change(1.0), "+1.00");
        assert_eq!(change(-0.5), "-0.50");
        assert_eq!(year(2568, Language::Th), "๒๕๖๘");
        assert_eq!(year(2568, Language::En), "2568");
    }
}
