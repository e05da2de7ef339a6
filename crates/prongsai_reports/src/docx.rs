//! DOCX rendering (placeholder until the docx-rs renderer lands).

use crate::{ReportError, RenderOptions, ReportData};

/// Renders `data` as DOCX bytes.
pub fn render(_data: &ReportData, _options: &RenderOptions) -> Result<Vec<u8>, ReportError> {
    Err(ReportError::Docx("not implemented yet".into()))
}
