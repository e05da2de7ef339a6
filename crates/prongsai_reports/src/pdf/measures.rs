//! The view of a measures plan or implementation report table: columns in use, cells as display lines.

use serde::Serialize;

use crate::model::{LinkRow, MeasureRow, RenderOptions, ReportData, ReportKind};
use crate::text;

/// Text width of a landscape A4 page between the margins, in points (29.7 cm − 5 cm).
const LANDSCAPE_WIDTH_PT: f64 = 700.0;
/// Rough advance of one Thai code point at the table size (11 pt), in points (marks take none).
const CHAR_PT: f64 = 5.2;
/// Rows estimated taller than this many lines may break across pages; shorter ones move whole
/// (so a page ends at most this many lines early, and no short row is cut in two).
const UNBREAKABLE_LINES: usize = 6;

/// Measures table(s) for the template.
#[derive(Debug, Serialize)]
pub struct MeasuresView {
    columns: Vec<Column>,
    groups: Vec<GroupView>,
}

/// One table column: key, Thai header, relative width, centred or not.
#[derive(Debug, Clone, Copy, Serialize)]
struct Column {
    key: &'static str,
    label: &'static str,
    width: f64,
    center: bool,
}

#[derive(Debug, Serialize)]
struct GroupView {
    heading: Option<String>,
    rows: Vec<RowView>,
}

#[derive(Debug, Serialize)]
struct RowView {
    cells: Vec<CellView>,
    breakable: bool,
}

/// A cell: paragraphs with an optional hanging marker ("๑.", "•"), and a small note under them.
#[derive(Debug, Default, Serialize)]
struct CellView {
    items: Vec<Item>,
    note: Option<String>,
}

#[derive(Debug, Serialize)]
struct Item {
    marker: String,
    text: String,
}

const fn col(key: &'static str, label: &'static str, width: f64, center: bool) -> Column {
    Column {
        key,
        label,
        width,
        center,
    }
}

/// Columns of the measures plan (ที่ | มาตรการ | ผลการวิเคราะห์ | ขั้นตอน | ระยะเวลา | ผู้รับผิดชอบ).
const PLAN: [Column; 6] = [
    col("number", "ที่", 0.45, true),
    col("title", "มาตรการ/โครงการ/กิจกรรม", 2.2, false),
    col("analysis", "ผลการวิเคราะห์", 2.2, false),
    col("steps", "ขั้นตอน/วิธีการดำเนินการ", 3.2, false),
    col("period", "ระยะเวลา\nดำเนินการ", 1.2, true),
    col("responsible", "ผู้รับผิดชอบ", 1.4, false),
];

/// Columns of the implementation report.
const REPORT: [Column; 6] = [
    col("title", "มาตรการ/โครงการ/กิจกรรม", 1.8, false),
    col("steps", "ขั้นตอน/วิธีการปฏิบัติ", 2.6, false),
    col("period", "ระยะเวลา\nดำเนินการ", 1.05, true),
    col("responsible", "ผู้รับผิดชอบ", 1.2, false),
    col("results", "ผลการดำเนินการ", 2.5, false),
    col("outcomes", "ผลลัพธ์หรือผลสัมฤทธิ์", 2.6, false),
];

/// Builds the table view of `data`'s measure groups; empty columns are dropped (not the title).
pub fn measures(data: &ReportData, options: &RenderOptions) -> MeasuresView {
    let implementation = data.kind == ReportKind::Implementation;
    let all: &[Column] = if implementation { &REPORT } else { &PLAN };
    let rows = || data.measure_groups.iter().flat_map(|g| g.measures.iter());
    let columns: Vec<Column> = all
        .iter()
        .copied()
        .filter(|c| {
            c.key == "title"
                || rows().any(|m| !cell(m, c.key, implementation, options).items.is_empty())
        })
        .collect();
    let total: f64 = columns.iter().map(|c| c.width).sum();
    let groups = data
        .measure_groups
        .iter()
        .filter(|g| !g.measures.is_empty() || g.heading.is_some())
        .map(|g| GroupView {
            heading: g
                .heading
                .as_deref()
                .map(|h| text::digits(h.trim(), options)),
            rows: g
                .measures
                .iter()
                .map(|m| {
                    let cells: Vec<CellView> = columns
                        .iter()
                        .map(|c| cell(m, c.key, implementation, options))
                        .collect();
                    let lines = columns
                        .iter()
                        .zip(&cells)
                        .map(|(c, v)| lines(v, c.width / total))
                        .max();
                    RowView {
                        cells,
                        breakable: lines.unwrap_or(0) > UNBREAKABLE_LINES,
                    }
                })
                .collect(),
        })
        .collect();
    MeasuresView { columns, groups }
}

/// Estimated line count of a cell in a column `share` of the page width.
fn lines(cell: &CellView, share: f64) -> usize {
    let per_line = ((LANDSCAPE_WIDTH_PT * share - 10.0) / CHAR_PT).max(4.0) as usize;
    let note = usize::from(cell.note.is_some());
    cell.items
        .iter()
        .map(|i| i.text.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
        + note
}

/// The cell of measure `m` in column `key`.
fn cell(m: &MeasureRow, key: &str, implementation: bool, options: &RenderOptions) -> CellView {
    let d = |s: &str| text::digits(s.trim(), options);
    let mut cell = CellView::default();
    match key {
        "number" => {
            if let Some(n) = m.number {
                cell.items.push(plain(text::number(n, options)));
            }
        }
        "title" => {
            let title = match m.number {
                Some(n) if implementation => {
                    format!("{}. {}", text::number(n, options), d(&m.title))
                }
                _ => d(&m.title),
            };
            cell.items.extend(paragraphs(&title));
            cell.note = m
                .status
                .as_deref()
                .filter(|s| !s.trim().is_empty())
                .map(|s| format!("สถานะ: {}", d(s)));
        }
        "analysis" => cell.items.extend(paragraphs(&d(&m.analysis))),
        "steps" => cell.items = numbered(&m.steps, options),
        "period" => cell.items.extend(paragraphs(&d(&m.period))),
        "responsible" => cell
            .items
            .extend(m.responsible.iter().flat_map(|r| paragraphs(&d(r)))),
        "results" => cell.items = numbered(&m.results, options),
        "outcomes" => {
            cell.items = numbered(&m.outcomes, options);
            for link in m.links.iter().filter(|l| !mentioned(&m.outcomes, l)) {
                let mut line = d(&link.code);
                if !link.text.trim().is_empty() {
                    line.push(' ');
                    line.push_str(&d(&link.text));
                }
                if let Some(score) = link.score {
                    line.push_str(&format!(" ผลคะแนน {}", text::score(score, options)));
                }
                cell.items.push(Item {
                    marker: "•".into(),
                    text: line,
                });
            }
        }
        _ => {}
    }
    cell
}

/// Whether an outcome already quotes `link` (its code as a word, or its whole wording), as
/// outcomes copied from agency documents do; such a link is not printed twice.
fn mentioned(outcomes: &[String], link: &LinkRow) -> bool {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let code = link.code.trim().to_lowercase();
    let wording = squeeze(&link.text);
    outcomes.iter().any(|o| {
        let lower = o.to_lowercase();
        let by_code = !code.is_empty()
            && lower
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| same_code(w, &code));
        by_code || (wording.chars().count() >= 8 && squeeze(o).contains(&wording))
    })
}

/// Codes compared with digits of either script ("i๑๒" = "i12").
fn same_code(a: &str, b: &str) -> bool {
    let arabic = |s: &str| {
        s.chars()
            .map(|c| match c {
                '๐'..='๙' => {
                    char::from_u32(u32::from(c) - 0x0E50 + u32::from('0')).unwrap_or(c)
                }
                c => c,
            })
            .collect::<String>()
    };
    !a.is_empty() && arabic(a) == arabic(b)
}

fn plain(text: String) -> Item {
    Item {
        marker: String::new(),
        text,
    }
}

/// Non-empty lines of `s` as unmarked paragraphs.
fn paragraphs(s: &str) -> Vec<Item> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| plain(l.to_owned()))
        .collect()
}

/// Items numbered "๑." … when there are several and they are not numbered already.
fn numbered(items: &[String], options: &RenderOptions) -> Vec<Item> {
    let items: Vec<String> = items
        .iter()
        .map(|s| text::digits(s.trim(), options))
        .filter(|s| !s.is_empty())
        .collect();
    let numbering = items.len() > 1 && !items.iter().any(|s| already_marked(s));
    items
        .into_iter()
        .enumerate()
        .map(|(i, text)| Item {
            marker: if numbering {
                format!("{}.", text::number(i + 1, options))
            } else {
                String::new()
            },
            text,
        })
        .collect()
}

/// Whether an item starts with its own number or bullet ("๑.", "2)", "-", "•").
fn already_marked(s: &str) -> bool {
    let digits: String = s
        .chars()
        .take_while(|c| c.is_ascii_digit() || ('๐'..='๙').contains(c))
        .collect();
    let rest = &s[digits.len()..];
    (!digits.is_empty() && (rest.starts_with('.') || rest.starts_with(')')))
        || s.starts_with('-')
        || s.starts_with('•')
}
