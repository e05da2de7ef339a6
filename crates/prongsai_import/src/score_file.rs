//! Score files: CSV (UTF-8) or XLSX with the columns `code,score`, one question/item/indicator/whole tool per
//! row, and optionally the official result the NACC published (`official.total`, `official.level`, …).

use std::collections::{BTreeMap, HashMap};

use prongsai_domain::framework::Entry;
use prongsai_domain::scoring::{OfficialResult, ScoreKey, ScoreSheet, SheetError, Unit, oit_mark};
use prongsai_domain::thai::parse_decimal;
use prongsai_domain::{Code, Framework};

use crate::codes::{describe_codes, parse_code_cell};
use crate::error::{Collector, ImportError, column_label};
use crate::table::{Table, read_table};

const CODE_HEADERS: &[&str] = &["code", "รหัส", "ข้อ"];
const SCORE_HEADERS: &[&str] = &["score", "คะแนน", "value"];

/// What a score file holds: the scores, and the official result when the file records one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ScoreInput {
    /// The scores (questions, items, indicators, whole tools).
    pub sheet: ScoreSheet,
    /// The result the NACC published, from the `official.*` rows.
    pub official: Option<OfficialResult>,
}

/// Reads a score file (CSV or XLSX, told apart by content) into a sheet checked against `fw`.
/// Every problem is reported with its row and column; nothing is returned if there is one.
/// `official.*` rows are refused here: callers that record the official result use [`parse_score_input`].
pub fn parse_score_file(
    file: &str,
    bytes: &[u8],
    fw: &Framework,
) -> Result<ScoreSheet, ImportError> {
    let input = parse_score_input(file, bytes, fw)?;
    if input.official.is_some() {
        return Err(ImportError::file(
            file,
            "ไฟล์นี้มีแถว official.* (ผลการประเมินที่ สำนักงาน ป.ป.ช. ประกาศ) ซึ่งใช้ที่นี่ไม่ได้",
        ));
    }
    Ok(input.sheet)
}

/// Reads a score file with its optional official result (`official.total`, `official.level`, `official.IIT`,
/// `official.EP`, `official.ind3` …).
pub fn parse_score_input(
    file: &str,
    bytes: &[u8],
    fw: &Framework,
) -> Result<ScoreInput, ImportError> {
    let table = read_table(file, bytes)?;
    sheet_from_table(file, &table, fw)
}

/// The official rows seen so far, with their rows for error messages.
#[derive(Default)]
struct OfficialRows {
    total: Option<f64>,
    level: Option<String>,
    tools: BTreeMap<Unit, f64>,
    indicators: BTreeMap<u8, f64>,
    first_row: Option<usize>,
}

/// Reads one `official.<field>` row into `o`, or says what is wrong with it.
fn official_row(o: &mut OfficialRows, field: &str, value: &str, row: usize) -> Result<(), String> {
    o.first_row.get_or_insert(row);
    let number =
        || parse_decimal(value).ok_or_else(|| format!("\"{value}\" ไม่ใช่คะแนน ต้องเป็นตัวเลข 0–100"));
    let f = field.trim();
    if f.eq_ignore_ascii_case("total") {
        o.total = Some(number()?);
    } else if f.eq_ignore_ascii_case("level") || f.eq_ignore_ascii_case("grade") {
        o.level = Some(value.trim().to_string());
    } else if let Ok(u) = f.parse::<Unit>() {
        o.tools.insert(u, number()?);
    } else if let Ok(c) = f.parse::<Code>()
        && c.prefix == prongsai_domain::CodePrefix::Ind
        && let Ok(n) = u8::try_from(c.number)
    {
        o.indicators.insert(n, number()?);
    } else {
        return Err(format!(
            "official.{f} ไม่รู้จัก ใช้ได้: official.total, official.level, official.IIT, official.EIT, official.EP, official.ES, official.OIT, official.ind1–ind10"
        ));
    }
    Ok(())
}

fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    headers
        .iter()
        .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
}

fn sheet_from_table(file: &str, table: &Table, fw: &Framework) -> Result<ScoreInput, ImportError> {
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
        return c.finish(ScoreInput::default());
    };
    let mut sheet = ScoreSheet::new();
    let mut official = OfficialRows::default();
    let mut first_row_of: HashMap<ScoreKey, usize> = HashMap::new();
    for (row, cells) in table.rows.iter().skip(1) {
        let cell = |i: usize| cells.get(i).map(|s| s.trim()).unwrap_or("");
        if cells.iter().all(|s| s.trim().is_empty()) {
            continue;
        }
        let (code_text, score_text) = (cell(ci), cell(si));
        let code_col = Some(column_label(ci, &headers[ci]));
        let score_col = Some(column_label(si, &headers[si]));
        if let Some(field) = code_text
            .get(..9)
            .filter(|p| p.eq_ignore_ascii_case("official."))
            .and_then(|_| code_text.get(9..))
        {
            if let Err(m) = official_row(&mut official, field, score_text, *row) {
                c.at(*row, score_col, m);
            }
            continue;
        }
        let key = match code_text.parse::<Unit>() {
            Ok(u) => ScoreKey::Unit(u),
            Err(()) => {
                let Some(code) = parse_code_cell(code_text) else {
                    c.at(
                        *row,
                        code_col,
                        format!(
                            "\"{code_text}\" ไม่ใช่รหัสของปี {}; ใช้ได้: {} หรือทั้งเครื่องมือ {}",
                            fw.fiscal_year,
                            describe_codes(fw),
                            describe_units(fw)
                        ),
                    );
                    continue;
                };
                if fw.entry(code).is_none() {
                    c.at(
                        *row,
                        code_col,
                        format!(
                            "ไม่มีรหัส {code} ในปี {}; ใช้ได้: {} หรือทั้งเครื่องมือ {}",
                            fw.fiscal_year,
                            describe_codes(fw),
                            describe_units(fw)
                        ),
                    );
                    continue;
                }
                ScoreKey::Code(code)
            }
        };
        let is_oit_item = matches!(key, ScoreKey::Code(code) if matches!(fw.entry(code), Some(Entry::OitItem(_))));
        if score_text.is_empty() {
            c.at(*row, score_col, format!("ไม่มีคะแนนของ {key}"));
            continue;
        }
        let value = if is_oit_item {
            oit_mark(score_text).or_else(|| parse_decimal(score_text))
        } else {
            parse_decimal(score_text)
        };
        let Some(value) = value else {
            let allowed = if is_oit_item {
                "มี หรือ ไม่มี (หรือ 1/0, 100/0)"
            } else {
                "ตัวเลข 0–100 เช่น 99.38 หรือ ๙๙.๓๘"
            };
            c.at(
                *row,
                score_col,
                format!("\"{score_text}\" ไม่ใช่คะแนน; ใส่ {allowed}"),
            );
            continue;
        };
        match sheet.set_key(fw, key, value) {
            Ok(()) => {
                first_row_of.insert(key, *row);
            }
            Err(SheetError::Duplicate { code }) => {
                let first = first_row_of
                    .get(&ScoreKey::Code(code))
                    .copied()
                    .unwrap_or(0);
                c.at(*row, code_col, format!("รหัส {code} ซ้ำกับแถว {first}"));
            }
            Err(SheetError::DuplicateUnit { unit }) => {
                let first = first_row_of
                    .get(&ScoreKey::Unit(unit))
                    .copied()
                    .unwrap_or(0);
                c.at(*row, code_col, format!("เครื่องมือ {unit} ซ้ำกับแถว {first}"));
            }
            Err(e @ SheetError::UnitConflict { .. }) => {
                let other = first_row_of
                    .iter()
                    .find(|(k, _)| {
                        **k != key
                            && matches!(&e, SheetError::UnitConflict { unit, part }
                                if k.to_string() == *part || **k == ScoreKey::Unit(*unit))
                    })
                    .map(|(_, r)| *r);
                let msg = match other {
                    Some(r) => format!("{e} (ขัดกับแถว {r})"),
                    None => e.to_string(),
                };
                c.at(*row, code_col, msg);
            }
            Err(e) => c.at(*row, score_col, e.to_string()),
        }
    }
    if sheet.is_empty() {
        c.whole("ไม่มีคะแนนในไฟล์");
    }
    let official = match official.first_row {
        None => None,
        Some(first) => {
            let mut missing = Vec::new();
            if official.total.is_none() {
                missing.push("official.total");
            }
            if official.level.is_none() {
                missing.push("official.level");
            }
            if !missing.is_empty() {
                c.at(
                    first,
                    None,
                    format!(
                        "ผลการประเมินที่ประกาศต้องมีทั้งคะแนนรวมและระดับ ยังขาด {}",
                        missing.join(", ")
                    ),
                );
                None
            } else {
                let o = OfficialResult {
                    total: official.total.unwrap_or_default(),
                    level: official.level.unwrap_or_default(),
                    tools: official.tools,
                    indicators: official.indicators,
                };
                match o.checked(fw) {
                    Ok(o) => Some(o),
                    Err(list) => {
                        for e in list {
                            c.at(first, None, format!("official.{e}"));
                        }
                        None
                    }
                }
            }
        }
    };
    c.finish(ScoreInput { sheet, official })
}

/// The whole-tool codes a year accepts (`IIT, EIT, OIT` or with `EP, ES`).
fn describe_units(fw: &Framework) -> String {
    let mut out: Vec<&str> = Vec::new();
    for t in &fw.tools {
        out.push(Unit::of_tool(t.code).as_str());
        for p in &t.parts {
            if let Some(u) = Unit::of_part(p.prefix) {
                out.push(u.as_str());
            }
        }
    }
    out.join(", ")
}
