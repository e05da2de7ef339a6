//! Plan and report tables → measures: continuation rows joined cell by cell, then each column read by its role.

use prongsai_domain::document::{
    ColumnRole, Heading, Measure, MeasureSection, PeriodText, Section, SectionProse,
};
use prongsai_domain::thai::{CodeContext, parse_period};

use super::clean::{cell_items, cell_text, leading_number, lines, split_items};
use super::header::{Header, TableKind};
use super::headings::squash;
use super::links::find_links;
use super::sink::{Ctx, Sink};

/// A plan or report table being read.
#[derive(Debug)]
pub struct MeasureTable {
    heading: Option<Heading>,
    header: Header,
    rows: Vec<RawMeasure>,
    /// Prose printed before (and, for the last table, after) it.
    pub prose: SectionProse,
}

/// One measure's raw cells, one per column, with continuation text already appended.
#[derive(Debug)]
struct RawMeasure {
    line: usize,
    cells: Vec<String>,
    /// The title without number and spaces, to spot it repeated after a page break.
    key: String,
    /// The first row's cells, so a cell repeated after a page break is not appended twice.
    first: Vec<String>,
}

/// Whether a raw cell has no text (HTML and blanks only).
fn blank(raw: &str) -> bool {
    if raw
        .chars()
        .all(|c| c.is_whitespace() || super::block::is_invisible(c))
    {
        return true;
    }
    raw.contains(['<', '&']) && cell_text(raw).is_empty()
}

/// Appends a continuation to a cell: the text continues the last paragraph of the cell (a
/// closing tag left by the page break is dropped), unless it starts a new item itself.
fn append(cell: &mut String, more: &str) {
    loop {
        let trimmed = cell.trim_end();
        let cut = ["</p>", "</li>", "</ul>", "</ol>"]
            .iter()
            .find_map(|t| trimmed.strip_suffix(t).map(str::len));
        match cut {
            Some(len) => cell.truncate(len),
            None => break,
        }
    }
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(more);
}

/// The title without its list number and spaces, to recognise a title repeated after a page break.
fn title_key(raw: &str) -> String {
    let text = cell_text(raw);
    let body = leading_number(&text).map_or(text.as_str(), |(_, rest)| rest);
    squash(body)
}

impl MeasureTable {
    /// A new table under `heading` with the columns of `header`.
    pub fn new(heading: Option<Heading>, header: Header) -> Self {
        MeasureTable {
            heading,
            header,
            rows: Vec::new(),
            prose: SectionProse::default(),
        }
    }

    /// Whether `header` repeats this table's header (after a page break).
    pub fn same_columns(&self, header: &Header) -> bool {
        self.header.roles == header.roles
    }

    /// The header this table was opened with.
    pub fn header(&self) -> &Header {
        &self.header
    }

    /// Index of the title column (the first "มาตรการ" column).
    fn title_column(&self) -> usize {
        self.header
            .roles
            .iter()
            .position(|r| *r == Some(ColumnRole::Measure))
            .unwrap_or(0)
    }

    /// Adds a data row: a row whose first cell is empty continues the measure above; a row
    /// repeating the title above (a page break in a one-cell-per-line table) does too.
    pub fn add_row(&mut self, line: usize, mut cells: Vec<String>, sink: &mut Sink) {
        let width = self.header.roles.len();
        if cells.len() > width {
            for extra in cells.drain(width..) {
                sink.unrecognised(line, &extra);
            }
        }
        cells.resize(width, String::new());
        let title = self.title_column();
        let continues = cells.first().is_none_or(|c| blank(c));
        let key = title_key(cells.get(title).map_or("", String::as_str));
        let repeats =
            !continues && !key.is_empty() && self.rows.last().is_some_and(|last| last.key == key);
        match self.rows.last_mut() {
            Some(last) if continues || repeats => {
                for ((slot, first), cell) in last.cells.iter_mut().zip(&last.first).zip(&cells) {
                    if blank(cell) || (repeats && cell_text(cell) == cell_text(first)) {
                        continue;
                    }
                    append(slot, cell);
                }
            }
            _ => {
                if continues {
                    sink.warn(
                        Some(line),
                        format!("บรรทัด {line}: แถวต่อเนื่องไม่มีมาตรการก่อนหน้า — อ่านเป็นมาตรการที่ไม่มีชื่อ (a continuation row with no measure above; read as an untitled measure)"),
                    );
                }
                let first = cells.clone();
                self.rows.push(RawMeasure {
                    line,
                    cells,
                    key,
                    first,
                });
            }
        }
    }

    /// The finished section.
    pub fn finish(self, ctx: Ctx<'_>, sink: &mut Sink) -> Section {
        let measures = self
            .rows
            .iter()
            .map(|raw| measure(&self.header.roles, raw, ctx, sink))
            .collect();
        let section = MeasureSection {
            heading: self.heading,
            columns: self.header.roles.clone(),
            measures,
            prose: self.prose,
        };
        match self.header.kind {
            TableKind::Report => Section::ImplementationReport(section),
            TableKind::Plan | TableKind::Analysis => Section::MeasuresPlan(section),
        }
    }
}

/// Reads one measure's cells by their column roles.
fn measure(
    roles: &[Option<ColumnRole>],
    raw: &RawMeasure,
    ctx: Ctx<'_>,
    sink: &mut Sink,
) -> Measure {
    let line = raw.line;
    let mut m = Measure::new(line);
    for (role, cell) in roles.iter().zip(&raw.cells) {
        if blank(cell) {
            continue;
        }
        match role {
            Some(ColumnRole::Measure) => {
                let text = cell_text(cell);
                match leading_number(&text) {
                    Some((n, rest)) if split_items(&text).len() == 1 => {
                        m.number = Some(n);
                        m.title = rest.to_string();
                    }
                    _ => m.title = text,
                }
            }
            Some(ColumnRole::Analysis) => m.analysis = cell_text(cell),
            Some(ColumnRole::Steps) => m.steps = cell_items(cell),
            Some(ColumnRole::Period) => m.period = Some(period(cell, line, ctx, sink)),
            Some(ColumnRole::Responsible) => m.responsible = units(cell),
            Some(ColumnRole::Results) => m.results = cell_items(cell),
            Some(ColumnRole::Outcomes) => {
                m.outcomes = cell_items(cell);
                m.links = find_links(&cell_text(cell), CodeContext::Iit);
                for link in &m.links {
                    sink.check_code(ctx, link.code, line);
                }
            }
            Some(ColumnRole::FollowUp) => m.follow_up = cell_text(cell),
            Some(ColumnRole::Suggestions) => m.suggestions = cell_text(cell),
            Some(ColumnRole::Question | ColumnRole::Score | ColumnRole::Review) | None => {
                sink.unrecognised(line, cell);
            }
        }
    }
    m
}

/// A period cell read with the document's fiscal year; a warning when it is not a date range.
fn period(cell: &str, line: usize, ctx: Ctx<'_>, sink: &mut Sink) -> PeriodText {
    let text = cell_text(cell);
    match parse_period(&text, ctx.fy) {
        Ok(p) => PeriodText {
            text,
            start: Some(p.start),
            end: Some(p.end),
        },
        Err(e) => {
            sink.warn(
                Some(line),
                format!("บรรทัด {line}: อ่านระยะเวลา \"{text}\" เป็นวันที่ไม่ได้ (period not read as dates): {e}"),
            );
            PeriodText {
                text,
                start: None,
                end: None,
            }
        }
    }
}

/// Responsible units: one per line, bullet or "/" ("- สำนักปลัด - กองคลัง", "กองคลัง/ หน่วย
/// ตรวจสอบ ภายใน"); spaces that wrapping put inside a Thai name are removed; "ทุกสำนัก/กอง"
/// ("every office/division") stays one entry.
pub fn units(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for line in lines(cell) {
        for item in split_items(&line) {
            let parts: Vec<&str> = if item.starts_with("ทุก") {
                vec![item.as_str()]
            } else {
                item.split(['/', ',']).collect()
            };
            for part in parts {
                let unit = join_thai_words(&part.trim().replace("/ ", "/").replace(" /", "/"));
                if unit.chars().any(char::is_alphabetic) && seen.insert(unit.clone()) {
                    out.push(unit);
                }
            }
        }
    }
    out
}

/// Removes spaces between two Thai characters ("สำนัก ปลัดเทศบาล" → "สำนักปลัดเทศบาล").
fn join_thai_words(s: &str) -> String {
    let thai = |c: char| ('\u{0E00}'..='\u{0E7F}').contains(&c);
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
            let after = chars.get(i + 1).copied();
            if before.is_some_and(thai) && after.is_some_and(thai) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_from_the_seeds() {
        assert_eq!(units("- สำนักปลัด - กองคลัง"), ["สำนักปลัด", "กองคลัง"]);
        assert_eq!(
            units("กองคลัง/ หน่วย ตรวจสอบ ภายใน"),
            ["กองคลัง", "หน่วยตรวจสอบภายใน"]
        );
        assert_eq!(units("ทุกสำนัก/ กอง/หน่วย"), ["ทุกสำนัก/กอง/หน่วย"]);
        assert_eq!(units("<p>ทุก หน่วยงาน</p>"), ["ทุกหน่วยงาน"]);
        assert_eq!(
            units("สำนักปลัด\nกองคลัง\nกองส่งเสริม-การเกษตร"),
            ["สำนักปลัด", "กองคลัง", "กองส่งเสริม-การเกษตร"]
        );
    }

    #[test]
    fn continuation_drops_the_closing_tag_of_the_page() {
        let mut cell = "<p>๓. ผลการประเมิน และสามารถ</p>".to_string();
        append(&mut cell, "ปฏิบัติตามคู่มือ");
        // Seed 000 lines 26/28: "…และสามารถ" continues "ปฏิบัติตามคู่มือ…" inside one phrase.
        assert_eq!(cell_items(&cell), ["ผลการประเมิน และสามารถปฏิบัติตามคู่มือ"]);
    }
}
