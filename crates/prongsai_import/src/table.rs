//! Reads CSV or XLSX bytes into rows of text cells with their spreadsheet row numbers.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};

use crate::error::ImportError;

/// Rows of a sheet: (1-based row number, cells as text).
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Non-empty rows in order.
    pub rows: Vec<(usize, Vec<String>)>,
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
        return Err(ImportError(vec![crate::error::Located {
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
    let mut table = Table::default();
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
                table
                    .rows
                    .push((row, r.iter().map(str::to_string).collect()));
            }
            Err(e) => {
                let row = e.position().map(|p| p.line() as usize);
                return Err(ImportError(vec![crate::error::Located {
                    file: file.to_string(),
                    row,
                    column: None,
                    message: format!("อ่าน CSV ไม่ได้ (cannot read CSV): {e}"),
                }]));
            }
        }
    }
    Ok(table)
}

fn read_xlsx(file: &str, bytes: &[u8]) -> Result<Table, ImportError> {
    let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| {
        ImportError::file(file, format!("เปิดไฟล์ XLSX ไม่ได้ (cannot open XLSX): {e}"))
    })?;
    let Some(name) = book.sheet_names().first().cloned() else {
        return Err(ImportError::file(
            file,
            "ไฟล์ XLSX ไม่มีแผ่นงาน (the XLSX file has no sheet)",
        ));
    };
    let range = book.worksheet_range(&name).map_err(|e| {
        ImportError::file(
            file,
            format!("อ่านแผ่นงาน {name} ไม่ได้ (cannot read sheet {name}): {e}"),
        )
    })?;
    let start_row = range.start().map_or(0, |(r, _)| r as usize);
    let start_col = range.start().map_or(0, |(_, c)| c as usize);
    let mut table = Table::default();
    for (i, row) in range.rows().enumerate() {
        let mut cells = vec![String::new(); start_col];
        cells.extend(row.iter().map(cell_text));
        table.rows.push((start_row + i + 1, cells));
    }
    Ok(table)
}

fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => {
            if *b {
                "1".into()
            } else {
                "0".into()
            }
        }
        Data::DateTime(d) => d.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
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
}
