//! Blocks → a document: headings, header rows and data rows routed to analysis, measure and recommendation sections.

use prongsai_domain::Catalog;
use prongsai_domain::document::{
    Agency, DocumentKind, Fragment, Heading, Recognition, ReportDocument, SCHEMA_VERSION, Section,
    SourceFormat,
};

use super::analysis::AnalysisBuilder;
use super::block::Block;
use super::clean::cell_text;
use super::facts::header_facts;
use super::header::{Header, TableKind, read_header};
use super::headings::{indicator_heading, numbered_heading};
use super::measures::MeasureTable;
use super::recommend::{RECOMMEND_WORD, RecommendBuilder};
use super::sink::{Ctx, Sink};

/// Longest line that may open a recommendations block.
const MAX_RECOMMEND_HEADING: usize = 300;

/// Why a document could not be classified (Thai with an English gloss).
pub const UNCLASSIFIED: &str = "ไม่พบตารางมาตรการ ตารางวิเคราะห์ผลการประเมิน หรือข้อเสนอแนะ: ไม่มีแถวหัวตารางที่มีคำอย่าง มาตรการ/โครงการ/กิจกรรม กับ ขั้นตอน ระยะเวลา ผู้รับผิดชอบ ผลการดำเนินการ หรือ ผลลัพธ์ หรือ ประเด็นข้อคำถาม กับ คะแนน (not an ITA document we know: no table header naming a measure with its steps, period, responsible units, results or outcomes, no analysis table with questions and scores, and no recommendations block)";

/// What the next block with content is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    /// A header row.
    Header,
    /// A data row.
    DataRow,
    /// Text, or nothing.
    Other,
}

/// The state of assembly.
struct Asm<'a> {
    ctx: Ctx<'a>,
    sink: Sink,
    sections: Vec<Section>,
    analysis: Option<AnalysisBuilder>,
    table: Option<MeasureTable>,
    recommend: Option<RecommendBuilder>,
    headings: Vec<Heading>,
    pending_rows: Vec<(usize, Vec<String>)>,
    /// Whether the last block was a prose line, so the next line continues its paragraph.
    prose_open: bool,
}

/// Assembles `blocks` into a document; `Err` explains why nothing could be classified.
/// `lines` is the number of non-blank input lines (for the recognition figures).
pub fn assemble(
    blocks: &[Block],
    format: SourceFormat,
    catalog: Option<&Catalog>,
    lines: usize,
) -> Result<ReportDocument, String> {
    let facts = header_facts(blocks);
    let fw = catalog
        .zip(facts.fiscal_year)
        .and_then(|(c, fy)| c.framework(fy.be()));
    let mut asm = Asm {
        ctx: Ctx {
            fw,
            fy: facts.fiscal_year,
        },
        sink: Sink::default(),
        sections: Vec::new(),
        analysis: None,
        table: None,
        recommend: None,
        headings: Vec::new(),
        pending_rows: Vec::new(),
        prose_open: false,
    };
    for w in facts.warnings {
        asm.sink.warn(w.line, w.message);
    }
    if let (Some(_), Some(fy), None) = (catalog, facts.fiscal_year, fw) {
        asm.sink.warn(None, format!("ไม่มีกรอบการประเมินปี {fy} — ไม่ได้ตรวจรหัสและตัวชี้วัด (no framework for FY {fy}; codes and indicators not checked)"));
    }
    let headers: Vec<Option<Header>> = blocks
        .iter()
        .map(|b| match b {
            Block::Row { cells, .. } => read_header(cells),
            _ => None,
        })
        .collect();
    // For each block, what the next block with content is.
    let mut next_kind = vec![Next::Other; blocks.len()];
    let mut next = Next::Other;
    for i in (0..blocks.len()).rev() {
        if let Some(slot) = next_kind.get_mut(i) {
            *slot = next;
        }
        next = match blocks.get(i) {
            Some(Block::Blank | Block::Furniture { .. }) | None => next,
            Some(Block::Row { .. }) if headers.get(i).is_some_and(Option::is_some) => Next::Header,
            Some(Block::Row { .. }) => Next::DataRow,
            Some(Block::Text { .. }) => Next::Other,
        };
    }
    let mut title = facts.title_blocks.iter().peekable();
    for (i, block) in blocks.iter().enumerate() {
        if title.next_if_eq(&&i).is_some() {
            continue;
        }
        if !matches!(block, Block::Text { .. }) {
            asm.prose_open = false;
        }
        match block {
            Block::Blank => {}
            Block::Furniture { line, text } => asm.sink.furniture(*line, text),
            Block::Text { line, text } => asm.text(
                *line,
                text,
                next_kind.get(i).copied().unwrap_or(Next::Other),
            ),
            Block::Row { line, cells } => match headers.get(i).cloned().flatten() {
                Some(h) => asm.header(*line, cells, h),
                None => asm.row(*line, cells.clone()),
            },
        }
    }
    asm.finish(facts.title, facts.agency, blocks, format, lines)
}

impl Asm<'_> {
    fn close_tables(&mut self) {
        if let Some(a) = self.analysis.take() {
            self.sections.push(a.finish(self.ctx, &mut self.sink));
        }
        if let Some(t) = self.table.take() {
            self.sections.push(t.finish(self.ctx, &mut self.sink));
        }
    }

    /// Prose after the open table, when no table follows it, is that section's closing.
    fn claim_closing(&mut self) {
        if self.table.is_none() && self.analysis.is_none() {
            return;
        }
        let rest = self.sink.claim_prose();
        let mut closing: Vec<Fragment> = rest.title_lines.into_iter().chain(rest.intro).collect();
        closing.sort_by_key(|f| f.line);
        if let Some(t) = self.table.as_mut() {
            t.prose.closing = closing;
        } else if let Some(a) = self.analysis.as_mut() {
            a.prose.closing = closing;
        }
    }

    fn close_all(&mut self) {
        self.close_tables();
        if let Some(r) = self.recommend.take() {
            self.sections.push(r.finish());
        }
    }

    /// Headings that no table followed are prose after all.
    fn flush_headings(&mut self) {
        for h in std::mem::take(&mut self.headings) {
            self.sink.paragraph(h.line, &h.text);
        }
    }

    fn text(&mut self, line: usize, raw: &str, next: Next) {
        let fw = self.ctx.fw;
        if let Some(r) = self.recommend.as_mut() {
            r.text(line, raw, self.ctx, &mut self.sink);
            return;
        }
        let text = cell_text(raw);
        if text.starts_with(RECOMMEND_WORD) && text.chars().count() <= MAX_RECOMMEND_HEADING {
            self.prose_open = false;
            self.claim_closing();
            self.close_tables();
            self.flush_headings();
            self.recommend = Some(RecommendBuilder::new(line, raw));
            return;
        }
        // A numbered line is a heading when a table follows: a header row, or more rows of
        // the open table (a merged heading row inside a Word table).
        let table_open = self.table.is_some() || self.analysis.is_some();
        let before_table = next == Next::Header || (next == Next::DataRow && table_open);
        let heading = indicator_heading(line, raw, fw).or_else(|| {
            before_table
                .then(|| numbered_heading(line, raw, fw))
                .flatten()
        });
        match heading {
            Some(h) => {
                self.headings.push(h);
                self.prose_open = false;
            }
            None if self.prose_open && self.headings.is_empty() => {
                self.sink.continue_paragraph(line, raw);
            }
            None => {
                self.flush_headings();
                self.sink.paragraph(line, raw);
                self.prose_open = true;
            }
        }
    }

    fn header(&mut self, line: usize, cells: &[String], header: Header) {
        if let Some(r) = self.recommend.take() {
            self.sections.push(r.finish());
        }
        let headings = std::mem::take(&mut self.headings);
        let repeated = headings.is_empty()
            && match header.kind {
                TableKind::Analysis => self
                    .analysis
                    .as_ref()
                    .is_some_and(|a| a.same_columns(&header)),
                TableKind::Plan | TableKind::Report => {
                    self.table.as_ref().is_some_and(|t| t.same_columns(&header))
                }
            };
        if repeated {
            self.sink.furniture(line, &cells.join(" | "));
            return;
        }
        if !header.inferred.is_empty() {
            self.sink.warn(
                Some(line),
                format!("บรรทัด {line}: หัวคอลัมน์ \"มาตรการ\" ซ้ำ — อ่านคอลัมน์ที่สองเป็นผลการวิเคราะห์ (a repeated \"มาตรการ\" column header; the second is read as the analysis column)"),
            );
        }
        match header.kind {
            TableKind::Analysis => {
                if let Some(t) = self.table.take() {
                    self.sections.push(t.finish(self.ctx, &mut self.sink));
                }
                // Prose between two indicator tables stays in `paragraphs` only.
                let prose = self.sink.claim_prose();
                let a = self.analysis.get_or_insert_with(|| {
                    let mut a = AnalysisBuilder::default();
                    a.prose = prose;
                    a
                });
                a.start(headings, header, self.ctx, &mut self.sink);
            }
            TableKind::Plan | TableKind::Report => {
                self.close_tables();
                let mut headings = headings.into_iter();
                let first = headings.next();
                for extra in headings {
                    self.sink.paragraph(extra.line, &extra.text);
                }
                let mut table = MeasureTable::new(first, header);
                table.prose = self.sink.claim_prose();
                self.table = Some(table);
            }
        }
        for (l, c) in std::mem::take(&mut self.pending_rows) {
            self.row(l, c);
        }
    }

    fn row(&mut self, line: usize, cells: Vec<String>) {
        // A heading between rows of one table (a merged row "๓) …" in a Word table) starts a
        // new section with the same columns.
        if !self.headings.is_empty() {
            let header = match (&self.table, &self.analysis) {
                (Some(t), _) => Some(t.header().clone()),
                (None, Some(a)) => a.header().cloned(),
                (None, None) => None,
            };
            if let Some(mut h) = header {
                h.inferred.clear();
                self.header(line, &[], h);
            }
        }
        if let Some(t) = self.table.as_mut() {
            t.add_row(line, cells, &mut self.sink);
        } else if let Some(a) = self.analysis.as_mut() {
            a.add_row(line, cells, &mut self.sink);
        } else {
            self.pending_rows.push((line, cells));
        }
    }

    fn finish(
        mut self,
        title: String,
        agency: Agency,
        blocks: &[Block],
        format: SourceFormat,
        lines: usize,
    ) -> Result<ReportDocument, String> {
        self.claim_closing();
        self.close_all();
        self.flush_headings();
        let orphans = std::mem::take(&mut self.pending_rows);
        if let Some((line, _)) = orphans.first() {
            let n = orphans.len();
            self.sink.warn(
                Some(*line),
                format!("{n} แถวตารางไม่มีหัวตาราง (table rows without a header row)"),
            );
        }
        for (line, cells) in &orphans {
            for cell in cells {
                self.sink.unrecognised(*line, cell);
            }
        }
        let kind = document_kind(&self.sections).ok_or_else(|| UNCLASSIFIED.to_string())?;
        if kind == DocumentKind::MeasuresPlan && title.contains("รายงานผล") {
            self.sink.warn(None, "ชื่อเอกสารเป็นรายงานผล แต่ตารางไม่มีคอลัมน์ผลการดำเนินการหรือผลลัพธ์ — อ่านเป็นแผนมาตรการ (the title says report, but the table has no results or outcome column; read as a measures plan)".to_string());
        }
        self.sink.finish_warnings(self.ctx);
        let chars = blocks.iter().map(block_chars).sum();
        let unrecognised_chars = self
            .sink
            .unrecognised
            .iter()
            .map(|f| super::block::content_chars(&f.text))
            .sum();
        Ok(ReportDocument {
            schema_version: SCHEMA_VERSION,
            kind,
            source_format: format,
            title,
            agency,
            fiscal_year: self.ctx.fy,
            sections: self.sections,
            paragraphs: self.sink.paragraphs,
            furniture: self.sink.furniture,
            unrecognised: self.sink.unrecognised,
            warnings: self.sink.warnings,
            recognition: Recognition::new(lines, chars, unrecognised_chars),
        })
    }
}

/// Content characters of one block.
fn block_chars(b: &Block) -> usize {
    match b {
        Block::Blank => 0,
        Block::Text { text, .. } | Block::Furniture { text, .. } => {
            super::block::content_chars(text)
        }
        Block::Row { cells, .. } => cells.iter().map(|c| super::block::content_chars(c)).sum(),
    }
}

/// The kind of a document from its sections; `None` when it has none.
fn document_kind(sections: &[Section]) -> Option<DocumentKind> {
    let has = |f: fn(&Section) -> bool| sections.iter().any(f);
    let analysis = has(|s| matches!(s, Section::Analysis(_)));
    let plan = has(|s| matches!(s, Section::MeasuresPlan(_)));
    let report = has(|s| {
        matches!(
            s,
            Section::ImplementationReport(_) | Section::Recommendations(_)
        )
    });
    Some(match (analysis, plan, report) {
        (_, _, true) => DocumentKind::ImplementationReport,
        (true, true, false) => DocumentKind::AnalysisAndPlan,
        (false, true, false) => DocumentKind::MeasuresPlan,
        (true, false, false) => DocumentKind::Analysis,
        (false, false, false) => return None,
    })
}
