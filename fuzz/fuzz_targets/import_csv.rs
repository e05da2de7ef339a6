//! Fuzz target: CSV bytes through the table reader and every importer built on it (score files,
//! survey responses, report sheets) must never panic or hang, and a table that is read stays under the caps.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use prongsai_domain::Catalog;
use prongsai_import::table::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS, read_table};
use prongsai_import::{parse_responses, parse_score_file, report::import_report};

fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref()
}

fuzz_target!(|data: &[u8]| {
    // Bytes starting with PK are read as XLSX: the import_xlsx target covers those.
    if data.starts_with(b"PK") {
        return;
    }
    if let Ok(t) = read_table("fuzz.csv", data) {
        let mut last = 0;
        let mut cells = 0;
        for (row, c) in &t.rows {
            assert!(*row > last && *row <= MAX_ROWS, "row {row} after {last}");
            assert!(c.len() <= MAX_COLUMNS, "{} columns", c.len());
            last = *row;
            cells += c.len();
        }
        assert!(cells <= MAX_CELLS, "{cells} cells");
    }
    if let Some(catalog) = catalog() {
        if let Some(fw) = catalog.framework(2568) {
            let _ = parse_score_file("fuzz.csv", data, fw);
            let _ = parse_responses("fuzz.csv", data, fw);
        }
        let _ = import_report("fuzz.csv", data, Some(catalog));
    }
});
