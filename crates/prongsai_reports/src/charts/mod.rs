//! SVG charts of our own, used by the PDF and the HTML: radar of the 10 indicators, bars per tool/indicator.

// Hand-written SVG: no dependency, deterministic output (coordinates with one decimal, no
// randomness, no time), every number formatted through `crate::text` so the digit option holds,
// every piece of text XML-escaped. Thai width is estimated (no font metrics here), so labels get
// generous margins and are wrapped onto two lines when long.

mod bars;
mod radar;
mod svg;

use crate::model::{IndicatorLine, RenderOptions, ToolLine};

/// The font stack every chart asks for: the bundled Sarabun first (PDF, web font), then what
/// Thai offices have installed.
pub const FONT_FAMILY: &str = "Sarabun, 'TH SarabunIT๙', sans-serif";

/// A radar (spider) chart of the indicator scores (0–100), last year's as a second outline when known.
pub fn radar(indicators: &[IndicatorLine], options: &RenderOptions) -> String {
    radar::draw(indicators, options)
}

/// Horizontal bars of the indicator scores with last year's beside them when known.
pub fn indicator_bars(indicators: &[IndicatorLine], options: &RenderOptions) -> String {
    bars::indicators(indicators, options)
}

/// Horizontal bars of the tool scores (IIT, EIT, OIT) and the total.
pub fn tool_bars(tools: &[ToolLine], total: f64, options: &RenderOptions) -> String {
    bars::tools(tools, total, options)
}

/// `svg` as typst should get it: SARA AM (ำ) spelled as NIKHAHIT + SARA AA, the nikhahit before
/// a tone mark. typst draws SVG text through usvg, which misplaces the two glyphs the font gives
/// SARA AM ("อำนาจ" printed with the circle over the next letter); the spelled-out form looks the same.
pub fn for_typst(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    for c in svg.chars() {
        if c == '\u{0E33}' {
            match out.pop() {
                Some(tone @ '\u{0E48}'..='\u{0E4B}') => {
                    out.push('\u{0E4D}');
                    out.push(tone);
                }
                Some(prev) => {
                    out.push(prev);
                    out.push('\u{0E4D}');
                }
                None => out.push('\u{0E4D}'),
            }
            out.push('\u{0E32}');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests;
