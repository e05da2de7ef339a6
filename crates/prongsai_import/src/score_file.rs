//! Score files: CSV (UTF-8) or XLSX with the columns `code,score`, one question/item/indicator per row.

use prongsai_domain::framework::Entry;
use prongsai_domain::scoring::{ScoreSheet, SheetError, oit_mark};
use prongsai_domain::thai::parse_decimal;
use prongsai_domain::{Code, Framework};

use crate::codes::{describe_codes, parse_code_cell};
use crate::error::{Collector, ImportError, column_label};
use crate::table::{Table, read_table};

const CODE_HEADERS: &[&str] = &["code", "รหัส", "ข้อ"];
const SCORE_HEADERS: &[&str] = &["score", "คะแนน", "value"];

/// Reads a score file (CSV or XLSX, told apart by content) into a sheet checked against `fw`.
/// Every problem is reported with its row and column; nothing is returned if there is one.
pub fn parse_score_file(
    file: &str,
    bytes: &[u8],
    fw: &Framework,
) -> Result<ScoreSheet, ImportError> {
    let table = read_table(file, bytes)?;
    sheet_from_table(file, &table, fw)
}

fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

fn sheet_from_table(file: &str, table: &Table, fw: &Framework) -> Result<ScoreSheet, ImportError> {
    let mut c = Collector::new(file);
    let Some((header_row, headers)) = table.rows.first() else {
        return Err(ImportError::file(
            file,
            "ไฟล์ว่าง ต้องมีหัวตาราง code,score (the file is empty; expected a header code,score)",
        ));
    };
    let (Some(ci), Some(si)) = (find(headers, CODE_HEADERS), find(headers, SCORE_HEADERS)) else {
        c.at(
            *header_row,
            None,
            format!("แถวแรกต้องเป็นหัวตาราง code,score แต่พบ \"{}\" (the first row must be the header code,score)", headers.join(",")),
        );
        return c.finish(ScoreSheet::new());
    };
    let mut sheet = ScoreSheet::new();
    let mut first_row_of: std::collections::HashMap<Code, usize> = std::collections::HashMap::new();
    for (row, cells) in table.rows.iter().skip(1) {
        let cell = |i: usize| cells.get(i).map(|s| s.trim()).unwrap_or("");
        if cells.iter().all(|s| s.trim().is_empty()) {
            continue;
        }
        let (code_text, score_text) = (cell(ci), cell(si));
        let code_col = Some(column_label(ci, &headers[ci]));
        let score_col = Some(column_label(si, &headers[si]));
        let Some(code) = parse_code_cell(code_text) else {
            c.at(
                *row,
                code_col,
                format!(
                    "\"{code_text}\" ไม่ใช่รหัสของปี {}; ใช้ได้: {} (not a code of {})",
                    fw.fiscal_year,
                    describe_codes(fw),
                    fw.fiscal_year
                ),
            );
            continue;
        };
        let Some(entry) = fw.entry(code) else {
            c.at(
                *row,
                code_col,
                format!(
                    "ไม่มีรหัส {code} ในปี {}; ใช้ได้: {} (code {code} is not in {})",
                    fw.fiscal_year,
                    describe_codes(fw),
                    fw.fiscal_year
                ),
            );
            continue;
        };
        if score_text.is_empty() {
            c.at(
                *row,
                score_col,
                format!("ไม่มีคะแนนของ {code} (no score given for {code})"),
            );
            continue;
        }
        let value = if matches!(entry, Entry::OitItem(_)) {
            oit_mark(score_text).or_else(|| parse_decimal(score_text))
        } else {
            parse_decimal(score_text)
        };
        let Some(value) = value else {
            let allowed = if matches!(entry, Entry::OitItem(_)) {
                "มี/ไม่มี, yes/no, 1/0, 100/0"
            } else {
                "ตัวเลข 0–100 เช่น 99.38 หรือ ๙๙.๓๘ (a number 0–100)"
            };
            c.at(
                *row,
                score_col,
                format!("\"{score_text}\" ไม่ใช่คะแนน; ใช้ได้: {allowed}"),
            );
            continue;
        };
        match sheet.set(fw, code, value) {
            Ok(()) => {
                first_row_of.insert(code, *row);
            }
            Err(SheetError::Duplicate { code }) => {
                let first = first_row_of.get(&code).copied().unwrap_or(0);
                c.at(
                    *row,
                    code_col,
                    format!(
                        "รหัส {code} ซ้ำกับแถว {first} (code {code} already given in row {first})"
                    ),
                );
            }
            Err(e) => c.at(*row, score_col, e.to_string()),
        }
    }
    if sheet.is_empty() {
        c.whole("ไม่มีคะแนนในไฟล์ (no scores in the file)");
    }
    c.finish(sheet)
}
