//! Spreadsheets (XLSX, CSV) laid out the way agencies lay out their reports → blocks.

use super::block::{Block, HARD_BREAK};
use crate::error::ImportError;
use crate::table::read_table;

/// Rows of the first sheet as blocks: a row whose only filled cell is in the first column
/// (a title or heading typed into A, often merged across) is text; other rows are table rows
/// with their spreadsheet row numbers. A line break inside a cell (Alt+Enter) separates items.
pub fn sheet_blocks(file: &str, bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let table = read_table(file, bytes)?;
    let mut out = Vec::with_capacity(table.rows.len());
    let mut previous = 0usize;
    for (row, cells) in table.rows {
        if row > previous + 1 {
            out.push(Block::Blank);
        }
        previous = row;
        let mut cells: Vec<String> = cells
            .into_iter()
            .map(|c| {
                c.replace("\r\n", "\n")
                    .replace('\n', &HARD_BREAK.to_string())
            })
            .collect();
        while cells.last().is_some_and(|c| c.trim().is_empty()) {
            cells.pop();
        }
        let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
        match cells.as_slice() {
            [] => out.push(Block::Blank),
            [only] if filled == 1 => out.push(Block::Text {
                line: row,
                text: only.clone(),
            }),
            _ => out.push(Block::Row { line: row, cells }),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_become_text_and_rows() {
        let csv = "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘,,\n\nมาตรการ,ระยะเวลา,ผลการดำเนินการ\n\"ก\",\"ม.ค. - มี.ค. ๒๕๖๘\",\"๑. ข\n๒. ค\"\n";
        let blocks = sheet_blocks("x.csv", csv.as_bytes()).unwrap();
        assert_eq!(
            blocks.first(),
            Some(&Block::Text {
                line: 1,
                text: "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘".into()
            })
        );
        match blocks.last() {
            Some(Block::Row { cells, .. }) => {
                assert_eq!(cells.get(2).map(String::as_str), Some("๑. ข\u{2029}๒. ค"));
            }
            other => panic!("{other:?}"),
        }
    }
}
