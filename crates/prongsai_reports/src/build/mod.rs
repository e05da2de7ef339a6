//! Turning what we know into report data: an imported legacy document, or scores with their analysis.

mod document;
mod scores;

pub use document::from_document;
pub use scores::{
    COMPUTED_NOTE, EvidenceUrls, OFFICIAL_NOTE, from_scores, oit_checklist, oit_report,
};

use crate::model::{Header, ReportKind};

/// A header with the kind's default title and no agency facts yet.
pub fn default_header(kind: ReportKind, fiscal_year: Option<u16>) -> Header {
    Header {
        title: kind.title_th().to_owned(),
        fiscal_year,
        ..Header::default()
    }
}
