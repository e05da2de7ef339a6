//! Small SVG writing helpers shared by the charts: escaping, number format, Thai width estimate, label wrapping.

use std::fmt::Write as _;

use super::FONT_FAMILY;

/// Text colour of labels.
pub const INK: &str = "#222222";
/// Colour of the current year's data.
pub const CURRENT: &str = "#1f5fa8";
/// Colour of last year's data.
pub const PREVIOUS: &str = "#8a8a8a";
/// Colour of the pass-mark line.
pub const PASS: &str = "#c0392b";
/// Colour of grid lines and rings.
pub const GRID: &str = "#c8c8c8";

/// `s` safe inside XML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal, never "-0.0", so output is byte-stable.
pub fn num(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    let r = if r == 0.0 || !r.is_finite() { 0.0 } else { r };
    format!("{r:.1}")
}

/// A score clamped to 0–100 (NaN counts as 0), as charts draw it.
pub fn clamp_score(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 100.0) }
}

/// Whether `c` is a Thai mark drawn above or below its base (takes no width).
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Estimated advance of `s` in pixels at `size` (Sarabun: Thai letters about 0.56 em).
pub fn width(s: &str, size: f64) -> f64 {
    let em: f64 = s
        .chars()
        .map(|c| match c {
            c if is_thai_mark(c) => 0.0,
            ' ' => 0.25,
            'ำ' => 0.5,
            '\u{0E00}'..='\u{0E7F}' => 0.58,
            'A'..='Z' | 'm' | 'w' => 0.66,
            _ => 0.52,
        })
        .sum();
    em * size
}

/// Starts of Thai words that are good places to wrap ITA names when there is no space.
const WORD_STARTS: [&str; 12] = [
    "การ",
    "ของ",
    "ระบบ",
    "ปัญหา",
    "ข้อมูล",
    "หน้าที่",
    "อำนาจ",
    "ทรัพย์",
    "งบประมาณ",
    "ภายใน",
    "ภายนอก",
    "ผู้มี",
];

/// `label` as one line, or two when wider than `max` pixels at `size`: broken at the space or
/// known word start nearest the middle, else between two letters near the middle.
pub fn wrap(label: &str, max: f64, size: f64) -> Vec<String> {
    if width(label, size) <= max {
        return vec![label.to_owned()];
    }
    let total = width(label, size);
    let mut best: Option<(f64, usize)> = None;
    for (i, c) in label.char_indices().skip(1) {
        let rest = &label[i..];
        let penalty = if c == ' ' {
            0.0
        } else if WORD_STARTS.iter().any(|w| rest.starts_with(w)) {
            0.1
        } else if breakable_before(label, i) {
            0.6
        } else {
            continue;
        };
        let left = width(&label[..i], size);
        let cost = (left - total / 2.0).abs() / total + penalty;
        if best.is_none_or(|(b, _)| cost < b) {
            best = Some((cost, i));
        }
    }
    match best {
        Some((_, i)) => vec![
            label[..i].trim_end().to_owned(),
            label[i..].trim_start().to_owned(),
        ],
        None => vec![label.to_owned()],
    }
}

/// Whether a line may end before byte `i`: not inside a cluster (before a mark or a following
/// vowel) and not after a leading vowel (เ แ โ ใ ไ).
fn breakable_before(s: &str, i: usize) -> bool {
    let Some(next) = s[i..].chars().next() else {
        return false;
    };
    let Some(prev) = s[..i].chars().next_back() else {
        return false;
    };
    let following_vowel = matches!(next, 'ะ' | 'า' | 'ำ' | 'ๅ' | 'ๆ' | 'ฯ');
    let leading_vowel = matches!(prev, 'เ' | 'แ' | 'โ' | 'ใ' | 'ไ');
    !is_thai_mark(next) && !following_vowel && !leading_vowel && next != ' '
}

/// The opening `<svg>` tag with size, viewBox, font and an accessible name.
pub fn open(out: &mut String, w: f64, h: f64, name: &str) {
    let (w, h) = (num(w), num(h));
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{}" role="img" aria-label="{}">"#,
        escape(FONT_FAMILY),
        escape(name)
    );
    let _ = write!(out, "<title>{}</title>", escape(name));
}

/// A text element, one `<tspan>` per line (`dy` = line height) when `lines` has several.
pub struct Label<'a> {
    /// Anchor point x.
    pub x: f64,
    /// Baseline of the first line.
    pub y: f64,
    /// `start`, `middle` or `end`.
    pub anchor: &'a str,
    /// Font size in pixels.
    pub size: f64,
    /// Bold when true.
    pub bold: bool,
    /// Fill colour.
    pub fill: &'a str,
}

impl Label<'_> {
    /// Writes the label with `lines` (already in display digits) to `out`.
    pub fn write(&self, out: &mut String, lines: &[String]) {
        let weight = if self.bold {
            r#" font-weight="bold""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" text-anchor="{}" font-size="{}" fill="{}"{weight}>"#,
            num(self.x),
            num(self.y),
            self.anchor,
            num(self.size),
            self.fill
        );
        if let [line] = lines {
            out.push_str(&escape(line));
        } else {
            for (i, line) in lines.iter().enumerate() {
                let dy = if i == 0 { 0.0 } else { self.size * 1.25 };
                let _ = write!(
                    out,
                    r#"<tspan x="{}" dy="{}">{}</tspan>"#,
                    num(self.x),
                    num(dy),
                    escape(line)
                );
            }
        }
        out.push_str("</text>");
    }
}
