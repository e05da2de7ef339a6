//! Fuzz target: XLSX input must never panic, hang or blow up memory, and what is read stays under the caps.
//! Bytes starting with `PK` are read as a whole file; any other bytes are the `<sheetData>` of a
//! first sheet (and, after a NUL byte, the shared strings) wrapped into a valid XLSX, so the fuzzer
//! spends its time on the cell reader rather than on zip headers.
#![no_main]

use std::io::{Cursor, Write};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use prongsai_domain::Catalog;
use prongsai_import::table::{MAX_CELLS, MAX_COLUMNS, MAX_ROWS, read_table};
use prongsai_import::{parse_responses, parse_score_file, report::import_report};

fn catalog() -> Option<&'static Catalog> {
    static CATALOG: OnceLock<Option<Catalog>> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().ok()).as_ref()
}

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// A valid XLSX around fuzzed sheet data and shared strings.
fn wrap(sheet_data: &[u8], shared: Option<&[u8]>) -> Option<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    let mut part = |name: &str, chunks: &[&[u8]]| -> Option<()> {
        zip.start_file(name, opts).ok()?;
        for c in chunks {
            zip.write_all(c).ok()?;
        }
        Some(())
    };
    part("_rels/.rels", &[RELS.as_bytes()])?;
    part("xl/workbook.xml", &[WORKBOOK.as_bytes()])?;
    part("xl/_rels/workbook.xml.rels", &[WORKBOOK_RELS.as_bytes()])?;
    if let Some(sst) = shared {
        part(
            "xl/sharedStrings.xml",
            &[
                br#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#,
                sst,
                b"</sst>",
            ],
        )?;
    }
    part(
        "xl/worksheets/sheet1.xml",
        &[
            br#"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
            sheet_data,
            b"</sheetData></worksheet>",
        ],
    )?;
    Some(zip.finish().ok()?.into_inner())
}

fn check(bytes: &[u8]) {
    if let Ok(t) = read_table("fuzz.xlsx", bytes) {
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
            let _ = parse_score_file("fuzz.xlsx", bytes, fw);
            let _ = parse_responses("fuzz.xlsx", bytes, fw);
        }
        let _ = import_report("fuzz.xlsx", bytes, Some(catalog));
    }
}

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        check(data);
        return;
    }
    let (sheet, shared) = match data.iter().position(|&b| b == 0) {
        Some(i) => {
            let (sheet, rest) = data.split_at(i);
            (sheet, rest.get(1..))
        }
        None => (data, None),
    };
    if let Some(bytes) = wrap(sheet, shared) {
        check(&bytes);
    }
});
