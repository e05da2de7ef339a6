//! HTML rendering (placeholder until the HTML renderer lands).

use crate::{ReportError, RenderOptions, ReportData};

/// Renders `data` as one HTML page.
pub fn render(_data: &ReportData, _options: &RenderOptions) -> Result<String, ReportError> {
    Err(ReportError::MissingData("html not implemented yet".into()))
}
