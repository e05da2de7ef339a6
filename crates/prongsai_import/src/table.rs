//! Reads CSV or XLSX bytes into rows of text cells with their spreadsheet row numbers.
//!
//! Nothing dense is allocated from what a file *claims*: XLSX cells are streamed one by one
//! (a sheet's `<dimension>` is ignored), every XML part is unpacked once under a byte cap first,
//! and rows, columns, cells and text are counted against hard caps as they arrive. A file over
//! a cap is refused with a located Thai message naming the limit.

use std::fmt::Display;
use std::io::{Cursor, Read};

use calamine::{DataRef, Reader, Xlsx};

use crate::error::{ImportError, Located, column_letter};

/// Highest row number a table may use (a score, response or report sheet is far smaller).
pub const MAX_ROWS: usize = 100_000;
/// Highest column a table may use (XFD, Excel's last column, is 16,384).
pub const MAX_COLUMNS: usize = 1_024;
/// Most cells a table may hold, counting the empty cells left of a filled one in its row.
pub const MAX_CELLS: usize = 4_000_000;
/// Most text (bytes of UTF-8) all cells together may hold.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// The caps a table is read under.
#[derive(Debug, Clone, Copy)]
struct Limits {
    rows: usize,
    columns: usize,
    cells: usize,
    text_bytes: usize,
}

const LIMITS: Limits = Limits {
    rows: MAX_ROWS,
    columns: MAX_COLUMNS,
    cells: MAX_CELLS,
    text_bytes: MAX_TEXT_BYTES,
};

/// Largest unpacked worksheet XML of an XLSX.
pub const MAX_SHEET_XML_BYTES: u64 = 256 * 1024 * 1024;
/// Largest unpacked XML part other than a worksheet (shared strings, styles, workbook).
pub const MAX_PART_XML_BYTES: u64 = 16 * 1024 * 1024;
/// Largest unpacked size of all XML parts of an XLSX together.
pub const MAX_UNPACKED_XML_BYTES: u64 = 512 * 1024 * 1024;

/// Rows of a sheet: (1-based row number, cells as text).
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Non-empty rows in order.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// `1234567` → `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

fn mebibytes(n: u64) -> String {
    if n < 1024 * 1024 {
        return format!("{} ไบต์ (bytes)", thousands(n));
    }
    format!("{} MB", n / (1024 * 1024))
}

fn at(file: &str, row: Option<usize>, column: Option<String>, message: String) -> ImportError {
    ImportError(vec![Located {
        file: file.to_string(),
        row,
        column,
        message,
    }])
}

/// A table being filled cell by cell, refused as soon as it passes a cap.
struct Capped<'f> {
    file: &'f str,
    limits: Limits,
    rows: Vec<(usize, Vec<String>)>,
    /// Whether `rows` is in order with each row once (no merge needed).
    sorted: bool,
    /// Cells held, empty ones left of a filled one included.
    cells: usize,
    /// Bytes of text held.
    text: usize,
}

impl<'f> Capped<'f> {
    fn new(file: &'f str, limits: Limits) -> Self {
        Capped {
            file,
            limits,
            rows: Vec::new(),
            sorted: true,
            cells: 0,
            text: 0,
        }
    }

    fn check_row(&self, row: usize) -> Result<(), ImportError> {
        if row > self.limits.rows {
            return Err(at(
                self.file,
                Some(row),
                None,
                format!(
                    "ไฟล์มีเกิน {n} แถว (พบข้อมูลที่แถว {r}) — แบ่งเป็นหลายไฟล์หรือลบแถวที่ไม่ใช้ (the file has more than {n} rows: data at row {r})",
                    n = thousands(self.limits.rows as u64),
                    r = thousands(row as u64),
                ),
            ));
        }
        Ok(())
    }

    fn check_width(&self, row: usize, width: usize) -> Result<(), ImportError> {
        if width > self.limits.columns {
            let col = column_letter(width - 1);
            return Err(at(
                self.file,
                Some(row),
                Some(col.clone()),
                format!(
                    "ไฟล์มีเกิน {n} คอลัมน์ (พบข้อมูลที่คอลัมน์ {col}) — ลบคอลัมน์ที่ไม่ใช้ (the file has more than {n} columns: data in column {col})",
                    n = thousands(self.limits.columns as u64),
                ),
            ));
        }
        Ok(())
    }

    fn grow(
        &mut self,
        row: usize,
        added_cells: usize,
        added_text: usize,
    ) -> Result<(), ImportError> {
        self.cells += added_cells;
        self.text += added_text;
        if self.cells > self.limits.cells {
            return Err(at(
                self.file,
                Some(row),
                None,
                format!(
                    "ไฟล์มีเกิน {n} ช่อง (เซลล์) — แบ่งเป็นหลายไฟล์ (the file has more than {n} cells)",
                    n = thousands(self.limits.cells as u64),
                ),
            ));
        }
        if self.text > self.limits.text_bytes {
            return Err(at(
                self.file,
                Some(row),
                None,
                format!(
                    "ข้อความในไฟล์รวมกันเกิน {n} — แบ่งเป็นหลายไฟล์ (the text of the file is larger than {n})",
                    n = mebibytes(self.limits.text_bytes as u64),
                ),
            ));
        }
        Ok(())
    }

    /// One filled cell: 1-based row, 0-based column. Cells usually come row by row; a row seen
    /// again out of order gets a second entry, merged in `finish` (its cells are counted twice, never less).
    fn put(&mut self, row: usize, col: usize, text: String) -> Result<(), ImportError> {
        self.check_row(row)?;
        self.check_width(row, col.saturating_add(1))?;
        let last = self.rows.last().map(|(r, _)| *r);
        if last != Some(row) {
            self.sorted &= last.is_none_or(|l| l < row);
            self.rows.push((row, Vec::new()));
        }
        let held = self.rows.last().map_or(0, |(_, c)| c.len());
        self.grow(row, (col + 1).saturating_sub(held), text.len())?;
        if let Some((_, cells)) = self.rows.last_mut() {
            if cells.len() <= col {
                cells.resize(col + 1, String::new());
            }
            if let Some(cell) = cells.get_mut(col) {
                *cell = text;
            }
        }
        Ok(())
    }

    /// A whole row (CSV), in order.
    fn push_row(&mut self, row: usize, cells: Vec<String>) -> Result<(), ImportError> {
        self.check_row(row)?;
        self.check_width(row, cells.len())?;
        let text = cells.iter().map(String::len).sum();
        self.grow(row, cells.len(), text)?;
        self.sorted &= self.rows.last().is_none_or(|(l, _)| *l < row);
        self.rows.push((row, cells));
        Ok(())
    }

    fn finish(self) -> Table {
        let mut rows = self.rows;
        if !self.sorted {
            rows.sort_by_key(|(r, _)| *r);
            let mut merged: Vec<(usize, Vec<String>)> = Vec::with_capacity(rows.len());
            for (row, cells) in rows {
                match merged.last_mut() {
                    Some((r, held)) if *r == row => {
                        if held.len() < cells.len() {
                            held.resize(cells.len(), String::new());
                        }
                        for (slot, cell) in held.iter_mut().zip(cells) {
                            if !cell.is_empty() {
                                *slot = cell;
                            }
                        }
                    }
                    _ => merged.push((row, cells)),
                }
            }
            rows = merged;
        }
        Table { rows }
    }
}

/// XLSX files are zip archives: they start with `PK`.
fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the first sheet of an XLSX file, or a UTF-8 CSV (BOM allowed).
pub fn read_table(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    if is_xlsx(bytes) {
        read_xlsx(file, bytes)
    } else {
        read_csv(file, bytes)
    }
}

fn read_csv(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Err(e) = std::str::from_utf8(bytes) {
        let line = bytes
            .get(..e.valid_up_to())
            .map_or(0, |b| b.iter().filter(|&&c| c == b'\n').count())
            + 1;
        return Err(ImportError(vec![Located {
            file: file.to_string(),
            row: Some(line),
            column: None,
            message: "ไฟล์ไม่ใช่ UTF-8 — ให้บันทึกเป็น \"CSV UTF-8\" (the file is not UTF-8; save it as CSV UTF-8)".into(),
        }]));
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut table = Capped::new(file, LIMITS);
    // The csv crate's line counter ignores skipped blank lines, so rows are numbered from byte offsets.
    let (mut line, mut counted_to) = (1usize, 0usize);
    for rec in reader.records() {
        match rec {
            Ok(r) => {
                let start = r.position().map_or(counted_to, |p| {
                    usize::try_from(p.byte()).unwrap_or(counted_to)
                });
                if let Some(between) = bytes.get(counted_to..start) {
                    line += memchr::memchr_iter(b'\n', between).count();
                    counted_to = start;
                }
                // A record's position is where the previous one ended: skip the blank lines before it.
                while let Some(&b) = bytes.get(counted_to).filter(|b| matches!(b, b'\r' | b'\n')) {
                    line += usize::from(b == b'\n');
                    counted_to += 1;
                }
                let row = line;
                table.push_row(row, r.iter().map(str::to_string).collect())?;
            }
            Err(e) => {
                let row = e.position().map(|p| p.line() as usize);
                return Err(ImportError(vec![Located {
                    file: file.to_string(),
                    row,
                    column: None,
                    message: format!("อ่าน CSV ไม่ได้ (cannot read CSV): {e}"),
                }]));
            }
        }
    }
    Ok(table.finish())
}

/// A zip part read through a byte count: past its own cap or the archive's, it reads as ended and says so.
struct Counted<'t, R> {
    inner: R,
    size: u64,
    cap: u64,
    total: &'t mut u64,
    over: bool,
}

impl<R: Read> Read for Counted<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.over {
            return Ok(0);
        }
        let n = self.inner.read(buf)?;
        self.size += n as u64;
        *self.total += n as u64;
        self.over = self.size > self.cap || *self.total > MAX_UNPACKED_XML_BYTES;
        Ok(n)
    }
}

/// Unpacks every XML part once, counting bytes, so that neither calamine nor quick-xml ever
/// meets a part larger than its cap (a zip bomb is refused before anything is kept in memory).
fn check_unpacked(file: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let open_error = |e: &dyn Display| {
        ImportError::file(file, format!("เปิดไฟล์ XLSX ไม่ได้ (cannot open XLSX): {e}"))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| open_error(&e))?;
    let mut total = 0u64;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else {
            // A part that cannot be opened is never read below either (calamine reports it if needed).
            continue;
        };
        let shown = part.name().map(|n| n.to_string()).unwrap_or_default();
        let name = shown.to_ascii_lowercase();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let cap = if name.starts_with("xl/worksheets/") {
            MAX_SHEET_XML_BYTES
        } else {
            MAX_PART_XML_BYTES
        };
        let mut counted = Counted {
            inner: part,
            size: 0,
            cap,
            total: &mut total,
            over: false,
        };
        // A read error is calamine's to report, if it reads this part at all.
        let _ = std::io::copy(&mut counted, &mut std::io::sink());
        if counted.over {
            let (what, limit) = if counted.size > cap {
                (shown, cap)
            } else {
                (
                    "ทุกส่วนรวมกัน (all parts together)".to_string(),
                    MAX_UNPACKED_XML_BYTES,
                )
            };
            return Err(ImportError::file(
                file,
                format!(
                    "ไฟล์ XLSX เมื่อแตกออกใหญ่เกิน {n}: {what} — บันทึกใหม่จาก Excel หรือแบ่งเป็นหลายไฟล์ (the unpacked XLSX is larger than {n})",
                    n = mebibytes(limit),
                ),
            ));
        }
    }
    Ok(())
}

fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    check_unpacked(file, bytes)?;
    // A safety net around a third-party parser fed hostile bytes: calamine's reference arithmetic
    // overflows on some damaged files, a panic in builds with overflow checks (tests, the dev server).
    std::panic::catch_unwind(|| read_cells(file, bytes)).unwrap_or_else(|_| {
        Err(ImportError::file(
            file,
            "ไฟล์ XLSX เสีย อ่านไม่ได้ — เปิดและบันทึกใหม่จาก Excel (the XLSX is damaged and cannot be read)",
        ))
    })
}

/// The first sheet's cells, streamed under the caps.
fn read_cells(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::file(file, format!("เปิดไฟล์ XLSX ไม่ได้ (cannot open XLSX): {e}"))
    })?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(ImportError::file(
            file,
            "ไฟล์ XLSX ไม่มีแผ่นงาน (the XLSX file has no sheet)",
        ));
    };
    let unreadable = |e: &dyn Display| {
        ImportError::file(
            file,
            format!("อ่านแผ่นงาน {name} ไม่ได้ (cannot read sheet {name}): {e}"),
        )
    };
    // Cells one at a time, in file order: what the sheet's <dimension> claims is never allocated.
    let mut cells = book
        .worksheet_cells_reader(&name)
        .map_err(|e| unreadable(&e))?;
    let mut table = Capped::new(file, LIMITS);
    while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
        let text = cell_text(cell.get_value());
        // Every reader trims cells: a stray space typed at row 1,048,576 is no data and no reason to refuse.
        if text.trim().is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        table.put(row as usize + 1, col as usize, text)?;
    }
    Ok(table.finish())
}

fn cell_text(d: &DataRef<'_>) -> String {
    match d {
        DataRef::Empty => String::new(),
        DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_string(),
        DataRef::Float(f) => format!("{f}"),
        DataRef::Int(i) => i.to_string(),
        DataRef::Bool(b) => {
            if *b {
                "1".into()
            } else {
                "0".into()
            }
        }
        DataRef::DateTime(d) => d.to_string(),
        DataRef::Error(e) => format!("#{e:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_keep_their_line_numbers_across_blank_lines() {
        let t = read_table("t.csv", b"a,,\n\nb,c,d\r\n\r\n\"q\nr\",x\ne\n").expect("reads");
        let rows: Vec<(usize, String)> = t.rows.iter().map(|(r, c)| (*r, c.join("|"))).collect();
        assert_eq!(
            rows,
            vec![
                (1, "a||".into()),
                (3, "b|c|d".into()),
                (5, "q\nr|x".into()),
                (7, "e".into())
            ]
        );
    }
    /// A minimal XLSX (workbook, one sheet, optional shared strings) built by hand, so a test can
    /// say exactly what the sheet XML claims.
    fn xlsx(sheet_xml: &str, shared_strings: Option<&[u8]>) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        let mut part = |name: &str, body: &[u8]| {
            zip.start_file(name, opts).expect("zip part");
            zip.write_all(body).expect("zip write");
        };
        part(
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        );
        part(
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        );
        part(
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="คะแนน" sheetId="1" r:id="rId1"/></sheets></workbook>"#
                .as_bytes(),
        );
        part(
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#,
        );
        if let Some(sst) = shared_strings {
            part("xl/sharedStrings.xml", sst);
        }
        let sheet = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{sheet_xml}</worksheet>"#
        );
        part("xl/worksheets/sheet1.xml", sheet.as_bytes());
        zip.finish().expect("zip finish").into_inner()
    }

    const HEADER_AND_ONE_SCORE: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>score</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>i1</t></is></c><c r="B2"><v>99.38</v></c></row>"#;

    fn rows_of(t: &Table) -> Vec<(usize, String)> {
        t.rows.iter().map(|(r, c)| (*r, c.join("|"))).collect()
    }

    fn only_problem(e: ImportError) -> Located {
        assert_eq!(e.0.len(), 1, "{e}");
        e.0.into_iter().next().expect("one problem")
    }

    #[test]
    fn a_sheet_claiming_every_cell_is_read_by_its_real_cells() {
        // <dimension> claims 16,384 × 1,048,576 cells; only four exist.
        let bytes = xlsx(
            &format!(
                r#"<dimension ref="A1:XFD1048576"/><sheetData>{HEADER_AND_ONE_SCORE}</sheetData>"#
            ),
            None,
        );
        let started = std::time::Instant::now();
        let t = read_table("claims.xlsx", &bytes).expect("reads");
        assert_eq!(
            rows_of(&t),
            vec![(1, "code|score".into()), (2, "i1|99.38".into())]
        );
        assert!(started.elapsed().as_secs() < 10);
    }

    #[test]
    fn a_cell_at_the_last_cell_of_a_sheet_is_refused_not_allocated() {
        // The 1.5 KB attack of issue 11: calamine's dense range asked for ~550 GB and aborted the process.
        let bytes = xlsx(
            &format!(
                r#"<dimension ref="A1:XFD1048576"/><sheetData>{HEADER_AND_ONE_SCORE}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#
            ),
            None,
        );
        assert!(bytes.len() < 2048, "{} bytes", bytes.len());
        let started = std::time::Instant::now();
        let p = only_problem(read_table("corner.xlsx", &bytes).expect_err("refused"));
        assert!(started.elapsed().as_secs() < 10);
        assert_eq!(p.file, "corner.xlsx");
        assert_eq!(p.row, Some(1_048_576));
        assert!(
            p.message.starts_with("ไฟล์มีเกิน 100,000 แถว"),
            "{}",
            p.message
        );
    }

    #[test]
    fn score_response_and_report_imports_all_refuse_the_corner_cell() {
        let catalog = prongsai_domain::Catalog::embedded().expect("catalog");
        let fw = catalog.framework(2568).expect("2568");
        let bytes = xlsx(
            &format!(
                r#"<sheetData>{HEADER_AND_ONE_SCORE}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>"#
            ),
            None,
        );
        let refused = |e: ImportError| only_problem(e).message.starts_with("ไฟล์มีเกิน 100,000 แถว");
        assert!(refused(
            crate::parse_score_file("s.xlsx", &bytes, fw).expect_err("score file")
        ));
        assert!(refused(
            crate::parse_responses("r.xlsx", &bytes, fw).expect_err("responses")
        ));
        assert!(refused(
            crate::report::import_report("plan.xlsx", &bytes, Some(&catalog)).expect_err("report")
        ));
    }

    #[test]
    fn a_cell_beyond_the_column_cap_is_refused_with_its_column() {
        let bytes = xlsx(
            &format!(
                r#"<sheetData>{HEADER_AND_ONE_SCORE}<row r="3"><c r="XFD3"><v>1</v></c></row></sheetData>"#
            ),
            None,
        );
        let p = only_problem(read_table("wide.xlsx", &bytes).expect_err("refused"));
        assert_eq!((p.row, p.column.as_deref()), (Some(3), Some("XFD")));
        assert!(
            p.message.starts_with("ไฟล์มีเกิน 1,024 คอลัมน์"),
            "{}",
            p.message
        );
        // Column AMJ is the 1,024th: still read.
        let bytes = xlsx(
            r#"<sheetData><row r="1"><c r="AMJ1"><v>7</v></c></row></sheetData>"#,
            None,
        );
        let t = read_table("ok.xlsx", &bytes).expect("reads");
        assert_eq!(
            t.rows.first().map(|(_, c)| (c.len(), c[1023].as_str())),
            Some((1024, "7"))
        );
    }

    #[test]
    fn blank_and_styled_cells_far_down_do_not_count() {
        // Excel writes formatted-but-empty cells; a stray space is no data either.
        let bytes = xlsx(
            &format!(
                r#"<dimension ref="A1:BB1048576"/><sheetData>{HEADER_AND_ONE_SCORE}<row r="1048575"><c r="BB1048575" s="1"/></row><row r="1048576"><c r="BB1048576" t="inlineStr"><is><t> </t></is></c></row></sheetData>"#
            ),
            None,
        );
        let t = read_table("formatted.xlsx", &bytes).expect("reads");
        assert_eq!(
            rows_of(&t),
            vec![(1, "code|score".into()), (2, "i1|99.38".into())]
        );
    }

    #[test]
    fn shared_strings_and_rows_out_of_order_are_read() {
        let sst = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>code</t></si><si><r><t>sc</t></r><r><t>ore</t></r></si></sst>"#;
        let bytes = xlsx(
            r#"<sheetData><row r="3"><c r="A3" t="inlineStr"><is><t>i2</t></is></c><c r="B3"><v>80</v></c></row><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="3"><c r="C3"><v>1</v></c></row></sheetData>"#,
            Some(sst),
        );
        let t = read_table("sst.xlsx", &bytes).expect("reads");
        assert_eq!(
            rows_of(&t),
            vec![(1, "code|score".into()), (3, "i2|80|1".into())]
        );
    }

    #[test]
    fn a_zip_bomb_part_is_refused_before_it_is_kept() {
        // 17 MB of shared strings (compressed to a few KB) passes the 16 MB cap for parts other than sheets.
        let mut sst = br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#.to_vec();
        let item = b"<si><t>a</t></si>";
        sst.extend(item.repeat(17 * 1024 * 1024 / item.len() + 1));
        sst.extend_from_slice(b"</sst>");
        let bytes = xlsx(
            &format!("<sheetData>{HEADER_AND_ONE_SCORE}</sheetData>"),
            Some(&sst),
        );
        assert!(bytes.len() < 256 * 1024, "{} bytes", bytes.len());
        let p = only_problem(read_table("bomb.xlsx", &bytes).expect_err("refused"));
        assert!(
            p.message
                .starts_with("ไฟล์ XLSX เมื่อแตกออกใหญ่เกิน 16 MB: xl/sharedStrings.xml"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_cell_reference_calamine_cannot_parse_is_a_clean_error() {
        // Found by fuzzing: r="inlineStr" overflows calamine's column arithmetic, a panic where overflow
        // checks are on (as in tests and the dev server); it must come back as an error, not a crash.
        for cell in [
            r#"<c r="inlineStr"><v>1</v></c>"#,
            r#"<c r="A12345678901"><v>1</v></c>"#,
            r#"<c r="A3" r="inlineStr"><v>1</v></c>"#,
        ] {
            let bytes = xlsx(
                &format!("<sheetData>{HEADER_AND_ONE_SCORE}<row r=\"3\">{cell}</row></sheetData>"),
                None,
            );
            let p = only_problem(read_table("bad.xlsx", &bytes).expect_err("refused"));
            assert!(p.message.starts_with("ไฟล์ XLSX เสีย"), "{}", p.message);
        }
    }

    #[test]
    fn csv_over_the_row_or_column_cap_is_refused_with_its_place() {
        let mut csv = "code,score\n".to_string();
        csv.push_str(&"i1,1\n".repeat(MAX_ROWS));
        let p = only_problem(read_table("long.csv", csv.as_bytes()).expect_err("refused"));
        assert_eq!(p.row, Some(100_001));
        assert!(
            p.message.starts_with("ไฟล์มีเกิน 100,000 แถว"),
            "{}",
            p.message
        );
        let wide = format!("code,score{}\n", ",x".repeat(MAX_COLUMNS - 1));
        let p = only_problem(read_table("wide.csv", wide.as_bytes()).expect_err("refused"));
        assert_eq!((p.row, p.column.as_deref()), (Some(1), Some("AMK")));
        assert!(
            p.message.starts_with("ไฟล์มีเกิน 1,024 คอลัมน์"),
            "{}",
            p.message
        );
    }

    #[test]
    fn cells_and_text_caps_count_as_cells_arrive() {
        let small = Limits {
            rows: 100,
            columns: 10,
            cells: 12,
            text_bytes: 20,
        };
        // Width counts the empty cells left of a filled one: J1 and J2 hold 20 cells.
        let mut t = Capped::new("c.xlsx", small);
        t.put(1, 9, "x".into()).expect("10 cells");
        let p = only_problem(t.put(2, 9, "y".into()).expect_err("20 cells"));
        assert_eq!(p.row, Some(2));
        assert!(p.message.starts_with("ไฟล์มีเกิน 12 ช่อง"), "{}", p.message);
        let mut t = Capped::new("t.xlsx", small);
        t.put(1, 0, "0123456789".into()).expect("10 bytes");
        let p = only_problem(t.put(1, 1, "01234567890".into()).expect_err("21 bytes"));
        assert!(
            p.message.starts_with("ข้อความในไฟล์รวมกันเกิน 20 ไบต์"),
            "{}",
            p.message
        );
    }
}
