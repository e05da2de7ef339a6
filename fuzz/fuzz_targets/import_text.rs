//! Fuzz target: extracted report text (and any bytes, sniffed as text/JSON/CSV/zip) must never panic or hang.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use prongsai_domain::Catalog;
use prongsai_import::report::{import_report, import_text};

fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = import_text("fuzz.txt", text, catalog());
    }
    let _ = import_report("fuzz.csv", data, None);
});
