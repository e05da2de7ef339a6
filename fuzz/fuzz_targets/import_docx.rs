//! Fuzz target: DOCX input — any bytes as a zip, and any text as the document XML — must never panic or hang.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use prongsai_domain::Catalog;
use prongsai_import::report::{import_docx_xml, import_report};

fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    let _ = import_report("fuzz.docx", data, None);
    if let Ok(xml) = std::str::from_utf8(data) {
        let _ = import_docx_xml("fuzz.docx", xml, catalog());
    }
});
