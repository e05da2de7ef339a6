//! SVG charts of our own, used by the PDF and the HTML: radar of the 10 indicators, bars per tool/indicator.

use crate::model::{IndicatorLine, RenderOptions, ToolLine};

/// A radar (spider) chart of the indicator scores (0–100), last year's as a second outline when known.
pub fn radar(_indicators: &[IndicatorLine], _options: &RenderOptions) -> String {
    String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>"#)
}

/// Horizontal bars of the indicator scores with last year's beside them when known.
pub fn indicator_bars(_indicators: &[IndicatorLine], _options: &RenderOptions) -> String {
    String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>"#)
}

/// Horizontal bars of the tool scores (IIT, EIT, OIT) and the total.
pub fn tool_bars(_tools: &[ToolLine], _total: f64, _options: &RenderOptions) -> String {
    String::from(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"></svg>"#)
}
