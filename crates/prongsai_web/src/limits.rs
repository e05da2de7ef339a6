//! The largest text each form field accepts, in characters, and the Thai message at the field.
//!
//! Every text a user types ends up in pages and in the documents everyone downloads; a field
//! without a limit lets one person make every viewer's PDF slow (issue 11: a 5 MB measure title).

use crate::texts::Texts;

/// Measure title.
pub const MEASURE_TITLE: usize = 500;
/// Long measure texts: analysis, outcome.
pub const MEASURE_TEXT: usize = 5_000;
/// All steps together.
pub const MEASURE_STEPS: usize = 10_000;
/// One step (one line).
pub const MEASURE_STEP: usize = 1_000;
/// Most steps (lines).
pub const MEASURE_STEP_COUNT: usize = 100;
/// Linked codes as typed.
pub const MEASURE_LINKS: usize = 1_000;
/// A period or date as typed.
pub const PERIOD: usize = 200;
/// A progress entry's text.
pub const PROGRESS_TEXT: usize = 5_000;
/// Unit, agency and person names, provinces, districts.
pub const NAME: usize = 200;
/// An e-mail address (RFC 5321).
pub const EMAIL: usize = 254;
/// A web address.
pub const URL: usize = 500;

/// The field message when `value` has more than `max` characters.
pub fn too_long(t: &Texts, value: &str, max: usize) -> Option<String> {
    let n = value.chars().count();
    (n > max).then(|| format!("{} {max} ({} {n})", t.err_too_long, t.err_typed))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Language;

    #[test]
    fn message_names_the_limit_in_thai() {
        let t = Texts::of(Language::Th);
        assert_eq!(too_long(t, "กขค", 3), None);
        let m = too_long(t, "กขคง", 3).unwrap();
        assert!(
            m.starts_with("ยาวเกินกำหนด") && m.contains(" 3 ") && m.contains('4'),
            "{m}"
        );
    }
}
