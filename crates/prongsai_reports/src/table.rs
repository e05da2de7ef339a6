//! The measures table every format prints (plan, mid-year and yearly report): columns in use, cells as display lines.

// PDF, DOCX and HTML lay out this one view, so they show the same columns, the same numbering
// and the same words. Numbers run 1, 2, 3 … over the whole document (what is printed is what is
// listed: cancelled measures never reach a report). Links print as words, never as codes.

use serde::Serialize;

use crate::model::{LinkRow, MeasureRow, RenderOptions, ReportData};
use crate::text;

/// Text width of a landscape A4 page between the margins, in points (29.7 cm − 5 cm).
const LANDSCAPE_WIDTH_PT: f64 = 700.0;
/// Rough advance of one Thai code point at the table size (11 pt), in points (marks take none).
const CHAR_PT: f64 = 5.2;
/// Rows estimated taller than this many lines may break across pages; shorter ones move whole
/// (so a page ends at most this many lines early, and no short row is cut in two).
const UNBREAKABLE_LINES: usize = 6;

/// Measures table(s): the columns in use and, per group, its heading and rows.
#[derive(Debug, Serialize)]
pub struct MeasuresView {
    /// Columns left to right.
    pub columns: Vec<Column>,
    /// Groups in order (one without a heading when the measures are unthemed).
    pub groups: Vec<GroupView>,
}

impl MeasuresView {
    /// The column titles on one line each (the PDF breaks its narrow headers itself).
    pub fn titles(&self) -> Vec<String> {
        self.columns
            .iter()
            .map(|c| c.label.replace('\n', " "))
            .collect()
    }
}

/// One table column: key, Thai header, relative width, centred or not.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Column {
    /// Stable key (`number`, `title`, `steps`, …).
    pub key: &'static str,
    /// Thai header (may hold a line break).
    pub label: &'static str,
    /// Relative width.
    pub width: f64,
    /// Whether the cells are centred.
    pub center: bool,
}

/// A heading (when any) and its rows.
#[derive(Debug, Serialize)]
pub struct GroupView {
    /// The group's heading in display digits.
    pub heading: Option<String>,
    /// One row per measure.
    pub rows: Vec<RowView>,
}

/// The cells of one measure, one per column.
#[derive(Debug, Serialize)]
pub struct RowView {
    /// Cells in column order.
    pub cells: Vec<CellView>,
    /// Whether the row is long enough to be split across pages.
    pub breakable: bool,
}

/// A cell: paragraphs with an optional hanging marker ("๑.", "•").
#[derive(Debug, Default, Serialize)]
pub struct CellView {
    /// The paragraphs.
    pub items: Vec<Item>,
}

/// One paragraph of a cell.
#[derive(Debug, Serialize)]
pub struct Item {
    /// "๑.", "•" or empty.
    pub marker: String,
    /// The text, digits chosen.
    pub text: String,
}

impl Item {
    /// The marker and the text as one line ("๑. ประชุม").
    pub fn line(&self) -> String {
        if self.marker.is_empty() {
            self.text.clone()
        } else {
            format!("{} {}", self.marker, self.text)
        }
    }
}

const fn col(key: &'static str, label: &'static str, width: f64, center: bool) -> Column {
    Column {
        key,
        label,
        width,
        center,
    }
}

/// Columns of the measures plan (ที่ | มาตรการ | ผลการวิเคราะห์ | ขั้นตอน | ระยะเวลา | ผู้รับผิดชอบ | …).
const PLAN: [Column; 8] = [
    col("number", "ที่", 0.45, true),
    col("title", "มาตรการ/โครงการ/กิจกรรม", 2.2, false),
    col("analysis", "ผลการวิเคราะห์", 2.2, false),
    col("steps", "ขั้นตอน/วิธีการดำเนินการ", 3.2, false),
    col("period", "ระยะเวลา\nดำเนินการ", 1.2, true),
    col("responsible", "ผู้รับผิดชอบ", 1.4, false),
    col("follow_up", "การติดตามผล\nการดำเนินการ", 1.8, false),
    col("suggestions", "ข้อเสนอแนะ", 1.6, false),
];

/// Columns of the implementation report (yearly and mid-year).
const REPORT: [Column; 10] = [
    col("number", "ที่", 0.45, true),
    col("title", "มาตรการ/โครงการ/กิจกรรม", 1.8, false),
    col("steps", "ขั้นตอน/วิธีการปฏิบัติ", 2.4, false),
    col("period", "ระยะเวลา\nดำเนินการ", 1.05, true),
    col("responsible", "ผู้รับผิดชอบ", 1.2, false),
    col("results", "ผลการดำเนินการ", 2.5, false),
    col("outcomes", "ผลลัพธ์หรือผลสัมฤทธิ์", 2.6, false),
    col("evidence", "หลักฐาน", 1.6, false),
    col("follow_up", "การติดตามผล\nการดำเนินการ", 1.6, false),
    col("suggestions", "ข้อเสนอแนะ", 1.5, false),
];

/// Builds the table view of `data`'s measure groups; empty columns are dropped (not the number
/// and the title), and the measures are numbered 1, 2, 3 … over the whole document.
pub fn measures(data: &ReportData, options: &RenderOptions) -> MeasuresView {
    let all: &[Column] = if data.kind.reports_progress() {
        &REPORT
    } else {
        &PLAN
    };
    let rows = || data.measure_groups.iter().flat_map(|g| g.measures.iter());
    let columns: Vec<Column> = all
        .iter()
        .copied()
        .filter(|c| {
            matches!(c.key, "title" | "number")
                || rows().any(|m| !cell(m, 0, c.key, options).items.is_empty())
        })
        .collect();
    let total: f64 = columns.iter().map(|c| c.width).sum();
    let mut running = 0usize;
    let groups = data
        .measure_groups
        .iter()
        .filter(|g| !g.measures.is_empty())
        .map(|g| GroupView {
            heading: g
                .heading
                .as_deref()
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(|h| text::digits(h, options)),
            rows: g
                .measures
                .iter()
                .map(|m| {
                    running += 1;
                    let cells: Vec<CellView> = columns
                        .iter()
                        .map(|c| cell(m, running, c.key, options))
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
    cell.items
        .iter()
        .map(|i| i.text.chars().count().div_ceil(per_line).max(1))
        .sum::<usize>()
}

/// The cell of measure `m`, the `number`th of the document, in column `key`.
fn cell(m: &MeasureRow, number: usize, key: &str, options: &RenderOptions) -> CellView {
    let d = |s: &str| text::digits(s.trim(), options);
    let mut cell = CellView::default();
    match key {
        "number" => cell.items.push(plain(text::number(number, options))),
        "title" => cell.items.extend(paragraphs(&d(&m.title))),
        "analysis" => cell.items.extend(paragraphs(&d(&m.analysis))),
        "steps" => cell.items = numbered(&m.steps, options),
        "period" => cell.items.extend(paragraphs(&d(&m.period))),
        "responsible" => cell
            .items
            .extend(m.responsible.iter().flat_map(|r| paragraphs(&d(r)))),
        "results" => cell.items = numbered(&m.results, options),
        "outcomes" => {
            cell.items = numbered(&m.outcomes, options);
            let mut seen: Vec<String> = Vec::new();
            for link in m.links.iter().filter(|l| !mentioned(&m.outcomes, l)) {
                let line = link_words(link, options);
                // A question linked twice (as documents repeat them) is printed once.
                if line.is_empty() || seen.contains(&line) {
                    continue;
                }
                seen.push(line.clone());
                cell.items.push(Item {
                    marker: "•".into(),
                    text: line,
                });
            }
        }
        "evidence" => cell.items = numbered(&m.evidence, options),
        "follow_up" => cell.items.extend(paragraphs(&d(&m.follow_up))),
        "suggestions" => cell.items.extend(paragraphs(&d(&m.suggestions))),
        _ => {}
    }
    cell
}

/// A linked question, item or indicator in words: its wording (or name) and the score quoted,
/// never its code; "" when its wording is unknown and no score was quoted.
pub fn link_words(link: &LinkRow, options: &RenderOptions) -> String {
    let wording = link.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let score = link
        .score
        .map(|s| format!("ผลคะแนน {}", text::score(s, options)));
    let line = match (wording.is_empty(), score) {
        (false, Some(s)) => format!("{wording} {s}"),
        (false, None) => wording,
        (true, Some(s)) => format!("ข้อคำถามที่เกี่ยวข้อง {s}"),
        (true, None) => String::new(),
    };
    text::digits(&line, options)
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
