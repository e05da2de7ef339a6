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

#[cfg(test)]
mod tests;
