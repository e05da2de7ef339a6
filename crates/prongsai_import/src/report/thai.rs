//! Thai text broken by PDF extraction: spaces inside words removed (ICU4X word segmenters, the document's own spelling), wrapped lines rejoined.

use icu_segmenter::options::WordBreakInvariantOptions;
use icu_segmenter::{WordSegmenter, WordSegmenterBorrowed};
use memchr::memmem;

/// Letters either side of a space that the segmenters look at (longer than most compounds).
const WINDOW: usize = 24;
/// Letters either side of a space looked up in the document without the space.
const EVIDENCE: usize = 8;
/// Fewest letters such a lookup may have (shorter strings match by chance).
const MIN_EVIDENCE: usize = 6;
/// Bytes of document the lookups of one import may scan in all: a bound on the work a
/// hostile input full of spaced Thai letters can cause (the seeds scan under 100 MB).
const LOOKUP_BUDGET: usize = 1 << 30;

/// The whole document's text, where spellings without the space are looked up.
#[derive(Debug)]
pub struct Corpus {
    text: String,
    /// Bytes still allowed to be scanned.
    budget: std::cell::Cell<usize>,
}

impl Corpus {
    /// A corpus of `text`.
    pub fn new(text: String) -> Self {
        Corpus {
            text,
            budget: std::cell::Cell::new(LOOKUP_BUDGET),
        }
    }

    /// Whether `needle` occurs, while the budget lasts (then: no).
    fn contains(&self, needle: &str) -> bool {
        let cost = self.text.len();
        match self.budget.get().checked_sub(cost) {
            Some(left) => {
                self.budget.set(left);
                memmem::find(self.text.as_bytes(), needle.as_bytes()).is_some()
            }
            None => false,
        }
    }
}

/// Words that open a new phrase: a wrapped line that starts with one had a space before it.
const PHRASE_OPENERS: &[&str] = &[
    "ประจำปี",
    "ซึ่ง",
    "โดย",
    "ทั้งนี้",
    "นอกจากนี้",
    "ดังนั้น",
    "อย่างไรก็ตาม",
    "จากนั้น",
    "อีกทั้ง",
    "เช่น",
    "ได้แก่",
    "อำเภอ",
    "จังหวัด",
];

/// Words that close a phrase: a wrapped line that ends with one had a space after it.
const PHRASE_CLOSERS: &[&str] = &["ดังนี้", "เป็นต้น"];

/// Words next to which a space is kept even when the document also writes them joined:
/// conjunctions and phrase openers that Thai writers set off with a space ("ไว้ และควร…").
const PHRASE_WORDS: &[&str] = &["และ", "หรือ", "รวมทั้ง", "รวมถึง", "นอกจากนี้"];

/// A Thai letter a word can start or end with: consonants, vowels and marks; not digits, ๆ or ฯ.
pub fn is_thai_letter(c: char) -> bool {
    matches!(c,
        '\u{0E01}'..='\u{0E2E}' | '\u{0E30}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E45}' | '\u{0E47}'..='\u{0E4E}')
}

/// Removes the spaces between Thai letters that PDF extraction put inside a word or phrase.
/// A space goes when (a) both ICU4X segmenters, dictionary and LSTM, read one word across it
/// ("จัดซื้อจัด จ้าง", "เทศ บัญญัติ", "อินโฟ กราฟิก"), or (b) `corpus` (the whole document)
/// writes the letters either side of it without the space elsewhere ("ผู้มา รับบริการ" where
/// the document also has "ผู้มารับบริการ"). A space between phrases ("ดังนั้น หน่วยงาน",
/// "เช่น แผ่นพับ") stays: no segmenter joins it and the document always writes it spaced.
pub fn join_split_words(s: &str, corpus: &Corpus) -> String {
    if !has_thai_space(s) {
        return s.to_string();
    }
    let options = WordBreakInvariantOptions::default();
    let dictionary = WordSegmenter::new_dictionary(options);
    let lstm = WordSegmenter::new_lstm(options);
    let mut out = String::with_capacity(s.len());
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == ' '
            && out.chars().next_back().is_some_and(is_thai_letter)
            && chars.peek().is_some_and(|&(_, n)| is_thai_letter(n))
        {
            let after = s.get(i + 1..).unwrap_or_default();
            // A one-letter side ("ณ ที่", "พ.ศ.") is a word or an abbreviation of its own.
            let long_enough =
                thai_tail(&out, 2).chars().count() == 2 && thai_head(after, 2).chars().count() == 2;
            if long_enough
                && (one_word(&out, after, dictionary, lstm)
                    || (!at_phrase_word(&out, after) && written_joined(&out, after, corpus)))
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Whether both segmenters read one word across the join of `before` and `after`.
fn one_word(
    before: &str,
    after: &str,
    dictionary: WordSegmenterBorrowed<'static>,
    lstm: WordSegmenterBorrowed<'static>,
) -> bool {
    let left = thai_tail(before, WINDOW);
    let joined = format!("{left}{}", thai_head(after, WINDOW));
    let spans =
        |seg: WordSegmenterBorrowed<'static>| !seg.segment_str(&joined).any(|b| b == left.len());
    // The dictionary is cheap and says "two words" for most spaces; the LSTM runs only after it.
    spans(dictionary) && spans(lstm)
}

/// Whether a phrase word meets the space: `before` ends with one or `after` starts with one.
fn at_phrase_word(before: &str, after: &str) -> bool {
    let left = thai_tail(before, WINDOW);
    let right = thai_head(after, WINDOW);
    let words = || {
        PHRASE_WORDS
            .iter()
            .chain(PHRASE_OPENERS)
            .chain(PHRASE_CLOSERS)
    };
    words().any(|w| left.ends_with(w)) || words().any(|w| right.starts_with(w))
}

/// Whether `corpus` has the letters around the join written without the space.
fn written_joined(before: &str, after: &str, corpus: &Corpus) -> bool {
    let left = thai_tail(before, EVIDENCE);
    let right = thai_head(after, EVIDENCE);
    if left.chars().count() + right.chars().count() < MIN_EVIDENCE {
        return false;
    }
    let needle = format!("{left}{right}");
    corpus.contains(&needle)
}

/// Whether `s` has a space with a Thai letter on each side (most lines have none).
fn has_thai_space(s: &str) -> bool {
    let mut prev_thai = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && prev_thai && chars.peek().is_some_and(|&n| is_thai_letter(n)) {
            return true;
        }
        prev_thai = is_thai_letter(c);
    }
    false
}

/// The run of Thai letters at the end of `s`, at most `max` of them.
fn thai_tail(s: &str, max: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_thai_letter(c))
        .take(max)
        .last()
        .map_or(s.len(), |(i, _)| i);
    s.get(start..).unwrap_or_default()
}

/// The run of Thai letters at the start of `s`, at most `max` of them.
fn thai_head(s: &str, max: usize) -> &str {
    let end = s
        .char_indices()
        .take_while(|&(_, c)| is_thai_letter(c))
        .take(max)
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    s.get(..end).unwrap_or_default()
}

/// Appends a line that PDF extraction wrapped to the text before it. Thai meets Thai without a
/// space (Thai writes no spaces inside a phrase, and a wrap mostly falls inside one) unless
/// the new line opens a phrase ("ซึ่ง…", "ประจำปี…") or the old one closed one ("…ดังนี้");
/// anything else at the break (Latin, digits, punctuation) is joined with a space.
pub fn join_wrapped(text: &mut String, line: &str) {
    let line = line.trim();
    if line.is_empty() {
        return;
    }
    text.truncate(text.trim_end().len());
    if !text.is_empty() && wrap_was_space(text, line) {
        text.push(' ');
    }
    text.push_str(line);
}

/// Whether a line break between `before` and `after` stood for a space.
fn wrap_was_space(before: &str, after: &str) -> bool {
    let thai_break = before.chars().next_back().is_some_and(is_thai_letter)
        && after.chars().next().is_some_and(is_thai_letter);
    !thai_break
        || PHRASE_OPENERS.iter().any(|w| after.starts_with(w))
        || PHRASE_CLOSERS.iter().any(|w| before.ends_with(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(a: &str, b: &str) -> String {
        let mut s = a.to_string();
        join_wrapped(&mut s, b);
        s
    }

    #[test]
    fn wrapped_lines_join_by_what_meets_at_the_break() {
        // Seed 001 lines 5–6 and 70–71: the break fell inside a phrase.
        assert_eq!(
            wrapped("ขององค์กรบริหารส่วน", "ตำบลหนองกะปุ ในปีงบประมาณ"),
            "ขององค์กรบริหารส่วนตำบลหนองกะปุ ในปีงบประมาณ"
        );
        assert_eq!(
            wrapped("เพื่อขับเคลื่อนการ", "ส่งเสริมคุณธรรมและความโปร่งใส"),
            "เพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส"
        );
        // Seed 003 lines 6–7: a name, then a new phrase "ประจำปี…".
        assert_eq!(
            wrapped("ขององค์การบริหารส่วนตำบลลำภูรา", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"),
            "ขององค์การบริหารส่วนตำบลลำภูรา ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"
        );
        // Seed 003 lines 10–11: a district after the agency's name.
        assert_eq!(
            wrapped("องค์การบริหารส่วนตำบลลำภูรา", "อำเภอห้วยยอด จังหวัดตรัง"),
            "องค์การบริหารส่วนตำบลลำภูรา อำเภอห้วยยอด จังหวัดตรัง"
        );
        // Digits, brackets and Latin at the break keep a space.
        assert_eq!(
            wrapped("พ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)", "ถัดไป"),
            "พ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด) ถัดไป"
        );
        assert_eq!(wrapped("ระบบ E-Service", "เพื่อ"), "ระบบ E-Service เพื่อ");
        assert_eq!(wrapped("", "ก"), "ก");
        assert_eq!(wrapped("ให้ดีขึ้น", "  "), "ให้ดีขึ้น");
    }

    #[test]
    fn letters_exclude_digits_and_repetition_marks() {
        assert!(is_thai_letter('ก') && is_thai_letter('เ') && is_thai_letter('่'));
        assert!(!is_thai_letter('๑') && !is_thai_letter('ๆ') && !is_thai_letter('ฯ'));
        let none = Corpus::new(String::new());
        assert_eq!(join_split_words("บริการนั้น ๆ ซึ่ง", &none), "บริการนั้น ๆ ซึ่ง");
        assert_eq!(join_split_words("ตัวชี้วัดที่ ๓", &none), "ตัวชี้วัดที่ ๓");
    }
}
