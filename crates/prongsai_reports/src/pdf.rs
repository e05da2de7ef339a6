//! PDF rendering (placeholder until the typst renderer lands).

use crate::{ReportError, RenderOptions, ReportData};

/// Renders `data` as PDF bytes.
pub fn render(_data: &ReportData, _options: &RenderOptions) -> Result<Vec<u8>, ReportError> {
    Err(ReportError::Pdf("not implemented yet".into()))
}
