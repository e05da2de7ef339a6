//! HTML rendering: one self-contained, well-formed HTML5 page for the agency's website.
//!
//! Inline CSS (phone-friendly, A4 print rules with the government margins) with the bundled
//! Sarabun as an inline WOFF2 web font (`font.rs`), semantic markup
//! (h1/h2, tables with caption, thead and scoped th) and the charts of `crate::charts` inline.
//! Void elements are self-closed so the page also parses as XML; every text is escaped.

mod content;
mod font;

use crate::docx::words;
use crate::{RenderOptions, ReportData, ReportError};

/// The page's stylesheet, inlined into `<style>`.
const STYLE: &str = include_str!("style.css");

/// Renders `data` as one HTML page.
pub fn render(data: &ReportData, options: &RenderOptions) -> Result<String, ReportError> {
    words::require_data(data)?;
    let mut page = Page::with_capacity(64 * 1024);
    let title = words::title(data);
    let lines = words::header_lines(data, options);
    page.raw("<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"utf-8\" />\n");
    page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n");
    page.raw("<title>");
    page.text(&crate::text::digits(title, options));
    if let Some(agency) = lines
        .first()
        .filter(|_| !data.header.agency.trim().is_empty())
    {
        page.raw(" – ");
        page.text(agency);
    }
    page.raw("</title>\n<style>\n");
    page.raw(font::faces());
    page.raw(STYLE);
    page.raw("</style>\n</head>\n<body>\n<div class=\"page\">\n<header class=\"doc-head\">\n");
    page.el("h1", "", &crate::text::digits(title, options));
    for line in &lines {
        page.el("p", "", line);
    }
    page.raw("</header>\n<main>\n");
    content::body(&mut page, data, options);
    page.raw("</main>\n</div>\n</body>\n</html>\n");
    Ok(page.out)
}

/// `s` with the five XML special characters escaped, for text and attribute values alike.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    out
}

/// Appends `s` escaped to `out`.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0; agency text sometimes has them.
            c if c.is_control() && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
}

/// The page being written: raw markup for our own tags, escaped text for the data.
pub(crate) struct Page {
    out: String,
}

impl Page {
    /// An empty page with room for `n` bytes.
    fn with_capacity(n: usize) -> Self {
        Page {
            out: String::with_capacity(n),
        }
    }

    /// Appends our own markup as is (never data).
    pub fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// Appends data text, escaped.
    pub fn text(&mut self, s: &str) {
        escape_into(&mut self.out, s);
    }

    /// `<tag attrs>text</tag>` with the text escaped; `attrs` is our own markup (may be "").
    pub fn el(&mut self, tag: &str, attrs: &str, text: &str) {
        self.open(tag, attrs);
        self.text(text);
        self.close(tag);
    }

    /// `<tag attrs>`.
    pub fn open(&mut self, tag: &str, attrs: &str) {
        self.out.push('<');
        self.out.push_str(tag);
        if !attrs.is_empty() {
            self.out.push(' ');
            self.out.push_str(attrs);
        }
        self.out.push('>');
    }

    /// `</tag>` and a newline after block-level tags.
    pub fn close(&mut self, tag: &str) {
        self.out.push_str("</");
        self.out.push_str(tag);
        self.out.push('>');
        if !matches!(tag, "span" | "strong" | "a" | "td" | "th" | "li") {
            self.out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x" & 'y')</script>"#),
            "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;"
        );
        assert_eq!(escape("ก\u{0}ข"), "กข");
    }
}
