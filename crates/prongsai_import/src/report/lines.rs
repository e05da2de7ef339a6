//! Text extracted from PDFs → blocks: tab-separated rows, one-cell-per-line tables, prose, and page furniture.

use prongsai_domain::thai::digit_value;

use super::block::Block;

/// Most cells one row may have; the rest of an over-long line stays in the last cell.
const MAX_CELLS: usize = 64;
/// Most lines one cell of a one-cell-per-line table takes; further lines become prose.
const MAX_CELL_LINES: usize = 200;

/// Splits extracted text into blocks, recognising the two table layouts PDF extractors produce:
/// one row per line with tab-separated cells, or one cell per line starting with a tab (seed 004).
pub fn text_blocks(text: &str) -> Vec<Block> {
    let lines: Vec<(usize, &str)> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .collect();
    if is_cell_per_line(&lines) {
        cell_per_line(&lines)
    } else {
        row_per_line(&lines)
    }
}

/// Whether a line holds nothing but blanks and tabs.
fn is_blank(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || super::block::is_invisible(c))
}

/// Page furniture: a page number ("๔", "- 8 -", "หน้า ๑๘"), a rule ("--\t---"), a running
/// footer that points to the next page ("/มาตรการ..."), or a word-processor placeholder.
pub fn is_furniture(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    if t.contains("[พิมพ์ข้อความ]") {
        return true;
    }
    if t.chars()
        .all(|c| matches!(c, '-' | '–' | '—' | '_' | '=') || c.is_whitespace())
        && t.chars().filter(|c| !c.is_whitespace()).count() >= 2
    {
        return true;
    }
    if t.starts_with('/') && (t.ends_with("...") || t.ends_with('…')) && t.chars().count() <= 80 {
        return true;
    }
    is_page_number(t)
}

/// "๔", "8", "- ๘ -", "(๘)", "หน้า ๑๘", "หน้า 3/10".
fn is_page_number(t: &str) -> bool {
    let t = t.strip_prefix("หน้า").unwrap_or(t);
    let core: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '(' | ')' | '–'))
        .collect();
    let (page, of) = core.split_once('/').unwrap_or((&core, "1"));
    let small_number = |s: &str| {
        (1..=4).contains(&s.chars().count()) && s.chars().all(|c| digit_value(c).is_some())
    };
    small_number(page) && small_number(of)
}

/// Cells of a tab-separated line, at most [`MAX_CELLS`].
fn cells(line: &str) -> Vec<String> {
    line.splitn(MAX_CELLS, '\t').map(str::to_string).collect()
}

/// The one-cell-per-line layout: no line has two filled cells, and at least three lines are
/// a single tab followed by text (optionally after a space, which starts a new row).
fn is_cell_per_line(lines: &[(usize, &str)]) -> bool {
    let mut single = 0usize;
    for &(_, line) in lines {
        if is_blank(line) || is_furniture(line) {
            continue;
        }
        let filled = line.split('\t').filter(|c| !is_blank(c)).count();
        if filled >= 2 {
            return false;
        }
        let lead = line.trim_start_matches(' ');
        if lead.starts_with('\t') && lead.matches('\t').count() == 1 {
            single += 1;
        }
    }
    single >= 3
}

/// One row per line: a line with tabs is a row (a row whose first cells are empty continues the
/// row above); a line without tabs, or with a single filled first cell, is prose.
fn row_per_line(lines: &[(usize, &str)]) -> Vec<Block> {
    let mut out = Vec::with_capacity(lines.len());
    for &(line, text) in lines {
        if is_blank(text) {
            out.push(Block::Blank);
        } else if is_furniture(text) {
            out.push(Block::Furniture {
                line,
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            });
        } else if !text.contains('\t') {
            out.push(Block::Text {
                line,
                text: text.to_string(),
            });
        } else {
            let cells = cells(text);
            let filled = cells.iter().filter(|c| !is_blank(c)).count();
            let first_filled = cells.first().is_some_and(|c| !is_blank(c));
            if filled == 1 && first_filled {
                out.push(Block::Text {
                    line,
                    text: text.replace('\t', " "),
                });
            } else {
                out.push(Block::Row { line, cells });
            }
        }
    }
    out
}

/// A row being collected in the one-cell-per-line layout.
struct Open {
    line: usize,
    cells: Vec<String>,
    cell_lines: usize,
}

/// One cell per line: "\tcell" adds a cell to the open row, " \tcell" starts a new row, a line
/// without a tab continues the last cell, a blank line closes the row, "\t\ttext" is prose.
fn cell_per_line(lines: &[(usize, &str)]) -> Vec<Block> {
    let mut out = Vec::with_capacity(lines.len());
    let mut open: Option<Open> = None;
    let close = |open: &mut Option<Open>, out: &mut Vec<Block>| {
        if let Some(o) = open.take() {
            out.push(Block::Row {
                line: o.line,
                cells: o.cells,
            });
        }
    };
    for &(line, text) in lines {
        if is_blank(text) {
            close(&mut open, &mut out);
            out.push(Block::Blank);
            continue;
        }
        if is_furniture(text) {
            close(&mut open, &mut out);
            out.push(Block::Furniture {
                line,
                text: text.split_whitespace().collect::<Vec<_>>().join(" "),
            });
            continue;
        }
        let lead = text.trim_start_matches(' ');
        if let Some(cell) = lead.strip_prefix('\t') {
            if cell.starts_with('\t') {
                close(&mut open, &mut out);
                out.push(Block::Text {
                    line,
                    text: cell.trim_start_matches('\t').replace('\t', " "),
                });
                continue;
            }
            if text.starts_with(' ') {
                close(&mut open, &mut out);
            }
            let o = open.get_or_insert_with(|| Open {
                line,
                cells: Vec::new(),
                cell_lines: 0,
            });
            if o.cells.len() < MAX_CELLS {
                o.cells.push(cell.replace('\t', " "));
            } else if let Some(last) = o.cells.last_mut() {
                last.push(' ');
                last.push_str(cell);
            }
            o.cell_lines = 1;
            continue;
        }
        match open.as_mut() {
            Some(o) if o.cell_lines < MAX_CELL_LINES => {
                if let Some(last) = o.cells.last_mut() {
                    last.push('\n');
                    last.push_str(text);
                }
                o.cell_lines += 1;
            }
            _ => {
                close(&mut open, &mut out);
                out.push(Block::Text {
                    line,
                    text: text.to_string(),
                });
            }
        }
    }
    close(&mut open, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_recognised() {
        for line in [
            "๔",
            "  8 ",
            "- ๘ -",
            "หน้า ๑๘",
            "--\t--\t---",
            "/มาตรการ...",
            "[พิมพ์ข้อความ]\tหน้า ๑๘",
        ] {
            assert!(is_furniture(line), "{line:?}");
        }
        for line in ["๒๕๖๘๑", "ตัวชี้วัดที่ ๑", "-", "i๑ ๑๐๐", "/มาตรการ"]
        {
            assert!(!is_furniture(line), "{line:?}");
        }
    }

    #[test]
    fn rows_per_line_and_continuations() {
        let blocks = text_blocks("หัวเรื่อง\n\nก\tข\tค\n\t\tต่อ\n๔\nเดี่ยว\t\t\n");
        assert_eq!(
            blocks,
            [
                Block::Text {
                    line: 1,
                    text: "หัวเรื่อง".into()
                },
                Block::Blank,
                Block::Row {
                    line: 3,
                    cells: vec!["ก".into(), "ข".into(), "ค".into()]
                },
                Block::Row {
                    line: 4,
                    cells: vec![String::new(), String::new(), "ต่อ".into()]
                },
                Block::Furniture {
                    line: 5,
                    text: "๔".into()
                },
                Block::Text {
                    line: 6,
                    text: "เดี่ยว  ".into()
                },
                Block::Blank,
            ]
        );
    }

    #[test]
    fn cells_per_line_become_rows() {
        let text =
            "ชื่อ\n\t\tย่อหน้า\n \tมาตรการ ๑\n\t1. ขั้น\n2. ขั้น\n\tตลอดปี\n \tมาตรการ ๒\n\tก\n\n\tค\n";
        let blocks = text_blocks(text);
        assert_eq!(
            blocks,
            [
                Block::Text {
                    line: 1,
                    text: "ชื่อ".into()
                },
                Block::Text {
                    line: 2,
                    text: "ย่อหน้า".into()
                },
                Block::Row {
                    line: 3,
                    cells: vec!["มาตรการ ๑".into(), "1. ขั้น\n2. ขั้น".into(), "ตลอดปี".into()]
                },
                Block::Row {
                    line: 7,
                    cells: vec!["มาตรการ ๒".into(), "ก".into()]
                },
                Block::Blank,
                Block::Row {
                    line: 10,
                    cells: vec!["ค".into()]
                },
                Block::Blank,
            ]
        );
    }
}
