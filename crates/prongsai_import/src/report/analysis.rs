//! Analysis tables → indicators: question codes and scores, and the analysis text split into weakest, cause, guidance.

use prongsai_domain::CodePrefix;
use prongsai_domain::document::{
    AnalysedIndicator, AnalysisSection, CodeRange, ColumnRole, Heading, IndicatorRef,
    QuestionScore, Section, SectionProse,
};
use prongsai_domain::framework::ToolCode;
use prongsai_domain::thai::{CodeContext, normalize_code, parse_decimal};

use super::clean::{cell_text, pieces};
use super::header::Header;
use super::headings::indicator_of;
use super::links::leading_code;
use super::review::{check_weakest, lowest, split_review};
use super::sink::{Ctx, Sink};

/// The rows of one indicator's table, read when the table ends.
#[derive(Debug)]
struct Rows {
    headings: Vec<Heading>,
    header: Header,
    rows: Vec<(usize, Vec<String>)>,
}

/// An analysis section being read.
#[derive(Debug, Default)]
pub struct AnalysisBuilder {
    done: Vec<AnalysedIndicator>,
    current: Option<Rows>,
    /// Prose printed before its first table (and after its last, when nothing follows).
    pub prose: SectionProse,
}

impl AnalysisBuilder {
    /// Starts the table of the next indicator (under `headings`).
    pub fn start(&mut self, headings: Vec<Heading>, header: Header, ctx: Ctx<'_>, sink: &mut Sink) {
        self.close(ctx, sink);
        self.current = Some(Rows {
            headings,
            header,
            rows: Vec::new(),
        });
    }

    /// Whether `header` repeats the current table's header.
    pub fn same_columns(&self, header: &Header) -> bool {
        self.current
            .as_ref()
            .is_some_and(|c| c.header.roles == header.roles)
    }

    /// The header of the current indicator's table, if one is open.
    pub fn header(&self) -> Option<&Header> {
        self.current.as_ref().map(|c| &c.header)
    }

    /// Adds a data row to the current indicator.
    pub fn add_row(&mut self, line: usize, cells: Vec<String>, sink: &mut Sink) {
        match self.current.as_mut() {
            Some(c) => c.rows.push((line, cells)),
            None => {
                for cell in &cells {
                    sink.unrecognised(line, cell);
                }
            }
        }
    }

    fn close(&mut self, ctx: Ctx<'_>, sink: &mut Sink) {
        if let Some(rows) = self.current.take() {
            self.done.push(indicator(rows, ctx, sink));
        }
    }

    /// The finished section.
    pub fn finish(mut self, ctx: Ctx<'_>, sink: &mut Sink) -> Section {
        self.close(ctx, sink);
        Section::Analysis(AnalysisSection {
            indicators: self.done,
            prose: self.prose,
        })
    }
}

/// The code context of a table: the prefix its explicit codes use, else the heading's tool.
fn context(
    rows: &Rows,
    question: Option<usize>,
    heading_indicator: Option<u8>,
    ctx: Ctx<'_>,
) -> CodeContext {
    for (_, cells) in &rows.rows {
        let q = question
            .and_then(|i| cells.get(i))
            .map(|c| cell_text(c))
            .unwrap_or_default();
        if let Some((code, _)) = leading_code(&q, CodeContext::Any) {
            return match code.prefix {
                CodePrefix::I => CodeContext::Iit,
                CodePrefix::E | CodePrefix::Ep | CodePrefix::Es => CodeContext::Eit,
                CodePrefix::O | CodePrefix::Ind => CodeContext::Oit,
            };
        }
    }
    let n = heading_indicator.unwrap_or(0);
    let tool = ctx.fw.and_then(|fw| fw.indicator(n)).map(|i| i.tool);
    match (tool, n) {
        (Some(ToolCode::Iit), _) | (None, 1..=5) => CodeContext::Iit,
        (Some(ToolCode::Eit), _) | (None, 6..=8) => CodeContext::Eit,
        (Some(ToolCode::Oit), _) | (None, 9..=10) => CodeContext::Oit,
        (None, _) => CodeContext::Any,
    }
}

/// Reads one indicator's rows.
fn indicator(rows: Rows, ctx: Ctx<'_>, sink: &mut Sink) -> AnalysedIndicator {
    let col = |role| rows.header.roles.iter().position(|r| *r == Some(role));
    let (q_col, s_col, r_col) = (
        col(ColumnRole::Question),
        col(ColumnRole::Score),
        col(ColumnRole::Review),
    );
    let mut headings = rows.headings.clone().into_iter();
    let heading = headings.next();
    let heading_indicator = heading.as_ref().and_then(|h| h.indicator);
    let code_ctx = context(&rows, q_col, heading_indicator, ctx);
    let mut out = AnalysedIndicator {
        number: heading_indicator,
        name: heading.as_ref().map(|h| h.name.clone()).unwrap_or_default(),
        heading,
        also: headings
            .map(|h| IndicatorRef {
                number: h.indicator.unwrap_or(0),
                name: h.name,
            })
            .collect(),
        questions: Vec::new(),
        ranges: Vec::new(),
        weakest: Vec::new(),
        lowest: Vec::new(),
        cause: String::new(),
        guidance: String::new(),
        oit_refs: Vec::new(),
    };
    let mut review = Vec::new();
    let mut review_line = None;
    for (line, cells) in &rows.rows {
        let line = *line;
        for (i, cell) in cells.iter().enumerate() {
            if i == q_col.unwrap_or(usize::MAX) || i == s_col.unwrap_or(usize::MAX) {
                continue;
            }
            if Some(i) == r_col {
                review.extend(pieces(cell));
                review_line.get_or_insert(line);
            } else {
                sink.unrecognised(line, cell);
            }
        }
        let q = q_col
            .and_then(|i| cells.get(i))
            .map(|c| cell_text(c))
            .unwrap_or_default();
        let s = s_col
            .and_then(|i| cells.get(i))
            .map(|c| cell_text(c))
            .unwrap_or_default();
        question_row(&mut out, line, &q, &s, code_ctx, ctx, sink);
    }
    split_review(
        &mut out,
        &review.join("\n"),
        review_line.unwrap_or(0),
        code_ctx,
        ctx,
        sink,
    );
    settle_number(&mut out, ctx, sink);
    out.lowest = lowest(&out);
    check_weakest(&out, review_line.unwrap_or(0), sink);
    out
}

/// One row's question and score cells.
fn question_row(
    out: &mut AnalysedIndicator,
    line: usize,
    q: &str,
    s: &str,
    code_ctx: CodeContext,
    ctx: Ctx<'_>,
    sink: &mut Sink,
) {
    if q.is_empty() {
        if !s.is_empty() {
            sink.unrecognised(line, s);
        }
        return;
    }
    let Some((code, rest)) = leading_code(q, code_ctx) else {
        match out.questions.last_mut() {
            Some(last) if s.is_empty() => {
                last.text.push(' ');
                last.text.push_str(q);
            }
            _ => {
                sink.warn(
                    Some(line),
                    format!("บรรทัด {line}: อ่านรหัสข้อคำถามไม่ได้ (no question code): \"{q}\""),
                );
                sink.unrecognised(line, &format!("{q} {s}"));
            }
        }
        return;
    };
    sink.check_code(ctx, code, line);
    if let Some(after) = rest.strip_prefix(['-', '–'])
        && let Ok(to) = normalize_code(after.trim(), code_ctx)
            .or_else(|_| normalize_code(after.trim(), CodeContext::Any))
    {
        out.ranges.push(CodeRange {
            line,
            from: code,
            to,
        });
        if !s.is_empty() {
            sink.unrecognised(line, s);
        }
        return;
    }
    let score = if s.is_empty() { None } else { parse_decimal(s) };
    if score.is_none() && !s.is_empty() {
        sink.warn(Some(line), format!("บรรทัด {line}: คะแนน \"{s}\" ของ {code} ไม่ใช่ตัวเลข (the score of {code} is not a number)"));
        sink.unrecognised(line, s);
    }
    out.questions.push(QuestionScore {
        line,
        code,
        text: rest.to_string(),
        score,
    });
}

/// Trusts the question codes over the heading's number when they disagree, and says so.
fn settle_number(out: &mut AnalysedIndicator, ctx: Ctx<'_>, sink: &mut Sink) {
    let mut by_code: Option<u8> = None;
    for q in &out.questions {
        match (indicator_of(ctx.fw, q.code), by_code) {
            (Some(n), None) => by_code = Some(n),
            (Some(n), Some(m)) if n != m => return,
            _ => {}
        }
    }
    let Some(n) = by_code else { return };
    let printed = out.heading.as_ref().and_then(|h| h.number);
    if printed.is_some_and(|p| p != u16::from(n)) || out.number.is_some_and(|m| m != n) {
        let line = out.heading.as_ref().map(|h| h.line);
        let codes: Vec<String> = out.questions.iter().map(|q| q.code.to_string()).collect();
        let shown = printed.map_or_else(|| "-".to_string(), |p| p.to_string());
        sink.warn(
            line,
            format!(
                "หัวข้อระบุตัวชี้วัดที่ {shown} แต่ข้อคำถาม {} อยู่ในตัวชี้วัดที่ {n} — ใช้ {n} (the heading says indicator {shown} but its questions belong to indicator {n}; using {n})",
                codes.join(", ")
            ),
        );
    }
    out.number = Some(n);
}
