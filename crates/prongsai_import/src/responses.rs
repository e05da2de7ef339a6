//! Raw survey responses: one row per respondent, one column per question code, answers as levels or Thai labels.

use prongsai_domain::framework::Entry;
use prongsai_domain::scoring::{AnswerError, ResponseTally};
use prongsai_domain::{Code, Framework};

use crate::codes::{describe_codes, parse_code_cell};
use crate::error::{Collector, ImportError, column_label};
use crate::table::read_table;

/// Header names of columns that identify a respondent or agency rather than a question.
const ID_HEADERS: &[&str] = &[
    "respondent",
    "id",
    "ผู้ตอบ",
    "ลำดับ",
    "agency",
    "หน่วยงาน",
    "timestamp",
    "เวลา",
];

/// Reads a response file (CSV or XLSX) into a tally for `fw`; every bad cell is reported with row and column.
pub fn parse_responses(
    file: &str,
    bytes: &[u8],
    fw: &Framework,
) -> Result<ResponseTally, ImportError> {
    let table = read_table(file, bytes)?;
    let mut c = Collector::new(file);
    let Some((header_row, headers)) = table.rows.first() else {
        return Err(ImportError::file(
            file,
            "ไฟล์ว่าง (the file is empty; expected a header of question codes such as i1,i2,…)",
        ));
    };
    let mut columns: Vec<(usize, Code)> = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let h = h.trim();
        if h.is_empty() || ID_HEADERS.iter().any(|x| h.eq_ignore_ascii_case(x)) {
            continue;
        }
        match parse_code_cell(h) {
            Some(code) if matches!(fw.entry(code), Some(Entry::Question(_))) => {
                if columns.iter().any(|(_, c2)| *c2 == code) {
                    c.at(*header_row, Some(column_label(i, h)), format!("คอลัมน์ {code} ซ้ำ (column {code} appears twice)"));
                }
                columns.push((i, code));
            }
            _ => c.at(
                *header_row,
                Some(column_label(i, h)),
                format!(
                    "\"{h}\" ไม่ใช่ข้อคำถาม IIT/EIT ของปี {}; ใช้ได้: {} หรือคอลัมน์ respondent (not a survey question of {})",
                    fw.fiscal_year,
                    describe_codes(fw),
                    fw.fiscal_year
                ),
            ),
        }
    }
    if columns.is_empty() {
        c.whole("ไม่มีคอลัมน์ข้อคำถาม (no question columns)");
    }
    let mut tally = ResponseTally::new();
    let mut respondents = 0usize;
    for (row, cells) in table.rows.iter().skip(1) {
        if cells.iter().all(|s| s.trim().is_empty()) {
            continue;
        }
        respondents += 1;
        for (i, code) in &columns {
            let answer = cells.get(*i).map_or("", String::as_str);
            if let Err(e) = tally.add(fw, *code, answer) {
                let msg = match &e {
                    AnswerError::UnknownAnswer { .. } | AnswerError::NotAQuestion { .. } => {
                        e.to_string()
                    }
                };
                c.at(
                    *row,
                    Some(column_label(*i, headers.get(*i).map_or("", String::as_str))),
                    msg,
                );
            }
        }
    }
    if respondents == 0 {
        c.whole("ไม่มีแถวคำตอบ (no response rows)");
    }
    c.finish(tally)
}
