//! The common shape every input format is read into before assembly: text lines and table rows with line numbers.

/// A separator inside a cell that always starts a new item (a Word paragraph, a line break in
/// a spreadsheet cell). A plain `\n` is a soft break: a wrapped line that joins the item above
/// unless it starts with a list marker.
pub const HARD_BREAK: char = '\u{2029}';

/// One unit of input, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// An empty line.
    Blank,
    /// A line (or paragraph) of prose or a heading, possibly with HTML left from an export.
    Text {
        /// Line where it starts.
        line: usize,
        /// Raw text.
        text: String,
    },
    /// A table row: raw cells left to right.
    Row {
        /// Line where it starts.
        line: usize,
        /// Raw cells (may contain HTML, soft and hard breaks).
        cells: Vec<String>,
    },
    /// Page furniture: page numbers, rules, running footers.
    Furniture {
        /// Its line.
        line: usize,
        /// Its text.
        text: String,
    },
}

/// Non-blank characters of `raw` outside HTML tags: the unit in which recognition is measured.
pub fn content_chars(raw: &str) -> usize {
    let bytes = raw.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'<'
            && let Some(len) = raw.get(i..).and_then(tag_len)
        {
            i += len;
            continue;
        }
        // One character per UTF-8 lead byte; only ASCII blanks are left out (invisible and
        // non-breaking spaces are rare enough not to matter for a percentage).
        if (b & 0xC0) != 0x80 && !b.is_ascii_whitespace() {
            count += 1;
        }
        i += 1;
    }
    count
}

/// Zero-width characters are defined once, in the Thai text module.
pub use prongsai_domain::thai::is_invisible;

/// Longest HTML tag we accept; a `<` without a `>` this close is ordinary text.
const MAX_TAG: usize = 400;

/// Length in bytes of the HTML tag starting `s` ("<p>", "</li>", `<ul style="…">`), if `s`
/// starts with one: `<` then a letter, `/` or `!`, then a `>` within [`MAX_TAG`] bytes.
pub fn tag_len(s: &str) -> Option<usize> {
    let mut bytes = s.bytes();
    if bytes.next() != Some(b'<') {
        return None;
    }
    let next = bytes.next()?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let window = s.as_bytes().get(..s.len().min(MAX_TAG))?;
    let close = memchr::memchr(b'>', window)?;
    // "< p" or a '<' inside the tag means this is text such as "a < b".
    if window.get(1..close)?.contains(&b'<') {
        return None;
    }
    Some(close + 1)
}

/// The lower-case name of a tag such as `</LI >` → "li" (without the slash).
pub fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<')
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_tags_and_counts_content() {
        assert_eq!(tag_len("<p>x"), Some(3));
        assert_eq!(tag_len(r#"<ul style="list-style-type: none"> -"#), Some(34));
        assert_eq!(tag_len("</p>"), Some(4));
        assert_eq!(tag_len("< 5"), None);
        assert_eq!(tag_len("<p"), None);
        assert_eq!(tag_len("a<p>"), None);
        assert_eq!(tag_name("</LI >"), "li");
        assert_eq!(content_chars("<p>ก ข</p>\t"), 2);
        assert_eq!(content_chars("a < b"), 3);
    }
}
