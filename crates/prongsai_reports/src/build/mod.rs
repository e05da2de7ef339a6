//! Turning what we know into report data: an imported legacy document, or scores with their analysis.

mod document;
mod scores;

pub use document::from_document;
pub use scores::{
    COMPUTED_NOTE, EvidenceUrls, OFFICIAL_NOTE, from_scores, oit_checklist, oit_report,
};

use prongsai_domain::code::CodePrefix;
use prongsai_domain::{Code, Framework};

use crate::model::{Header, ReportKind};

/// A header with the kind's default title and no agency facts yet.
pub fn default_header(kind: ReportKind, fiscal_year: Option<u16>) -> Header {
    Header {
        title: kind.title_th().to_owned(),
        fiscal_year,
        ..Header::default()
    }
}

/// The titles of the OIT items `codes` names, in order, from `fw` (unknown codes are left out:
/// documents print items in words, never as codes).
pub fn oit_titles(fw: Option<&Framework>, codes: &[Code]) -> Vec<String> {
    let Some(fw) = fw else { return Vec::new() };
    codes
        .iter()
        .filter_map(|c| fw.oit_item(*c))
        .map(|o| o.title_th.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect()
}

/// A question, OIT item or indicator in words: its wording, its title or "ตัวชี้วัดที่ ๓ การใช้อำนาจ"
/// ("" when `fw` does not know it).
pub fn code_words(fw: Option<&Framework>, code: Code) -> String {
    let Some(fw) = fw else {
        return String::new();
    };
    if code.prefix == CodePrefix::Ind {
        return u8::try_from(code.number)
            .ok()
            .and_then(|n| fw.indicator(n))
            .map(|i| format!("ตัวชี้วัดที่ {} {}", i.number, i.name_th))
            .unwrap_or_default();
    }
    if let Some(text) = fw.question_text_th(code) {
        return text;
    }
    fw.oit_item(code)
        .map(|o| o.title_th.clone())
        .unwrap_or_default()
}
