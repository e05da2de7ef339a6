//! The documents agencies publish: ITA analysis, measures plan, implementation report and OIT checklist, as PDF, DOCX and HTML.

pub mod build;
pub mod charts;
pub mod docx;
mod error;
pub mod fonts;
pub mod html;
pub mod model;
pub mod pdf;
pub mod table;
pub mod text;

pub use error::ReportError;
pub use model::{Format, RenderOptions, ReportData, ReportKind};

/// Renders `data` as `format`: the bytes of a PDF, a DOCX package or an HTML page.
pub fn render(
    data: &ReportData,
    format: Format,
    options: &RenderOptions,
) -> Result<Vec<u8>, ReportError> {
    match format {
        Format::Pdf => pdf::render(data, options),
        Format::Docx => docx::render(data, options),
        Format::Html => html::render(data, options).map(String::into_bytes),
    }
}
