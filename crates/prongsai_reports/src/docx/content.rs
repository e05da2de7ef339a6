//! What each kind of report puts on its pages: heading block, summary and the analysis per indicator.

use docx_rs::{Paragraph, Table, TableRow};

use super::blocks::{self, Ctx, HEADING1, HEADING2, HEADING3, SUBTITLE, TITLE};
use super::{charts, tables, words};
use crate::model::{IndicatorBlock, Recommendations, ReportData, ReportKind, Summary};
use crate::{ReportError, text};

/// A body element in document order.
pub(super) enum Block {
    /// A paragraph (boxed: docx-rs paragraphs are large).
    Para(Box<Paragraph>),
    /// A table.
    Table(Box<Table>),
}

impl Block {
    /// A paragraph block.
    pub fn para(p: Paragraph) -> Self {
        Block::Para(Box::new(p))
    }

    /// A table block.
    pub fn table(t: Table) -> Self {
        Block::Table(Box::new(t))
    }
}

/// The blocks of a report: the portrait part first, then the landscape part (the heading and the
/// wide tables), if any, then a portrait part after it (the recommendations of a landscape
/// report), if any. A report with a landscape part has no portrait part before it.
pub(super) struct Parts {
    /// Heading, introduction, summary and everything that fits a portrait page.
    pub portrait: Vec<Block>,
    /// The measures plan or implementation tables.
    pub landscape: Vec<Block>,
    /// What follows the wide tables on portrait pages again.
    pub after: Vec<Block>,
}

/// Lays out `data` (checked by `words::require_data`) as blocks.
pub(super) fn build(ctx: &Ctx<'_>, data: &ReportData) -> Result<Parts, ReportError> {
    let mut portrait = heading_block(ctx, data);
    portrait.extend(data.paragraphs.iter().map(|p| Block::para(ctx.body(p))));
    let mut landscape = Vec::new();
    match data.kind {
        ReportKind::Analysis => {
            if let Some(s) = &data.summary {
                summary(ctx, s, &mut portrait)?;
            }
            if !data.indicators.is_empty() {
                portrait.push(Block::para(ctx.heading("ผลการวิเคราะห์รายตัวชี้วัด", HEADING1)));
            }
            for block in &data.indicators {
                indicator(ctx, block, &mut portrait);
            }
        }
        ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear => {
            if let Some(s) = &data.summary {
                portrait.push(Block::para(ctx.body(&words::summary_line(s, ctx.opts))));
            }
            tables::measures(ctx, data, &mut landscape);
            if !landscape.is_empty() {
                // The report opens on the first landscape page, as in the PDF: a portrait
                // section of its own would leave the title alone on the first page.
                portrait.append(&mut landscape);
                landscape = portrait;
                portrait = Vec::new();
            }
        }
        ReportKind::Oit => {
            if let Some(s) = &data.summary {
                portrait.push(Block::para(ctx.body(&words::summary_line(s, ctx.opts))));
            }
            tables::oit(ctx, &data.oit_items, &mut portrait);
        }
    }
    let mut after = Vec::new();
    {
        // The closing and the signature end the main content, wherever it ended.
        let out = if landscape.is_empty() {
            &mut portrait
        } else {
            &mut landscape
        };
        for p in data.header.closing.iter().filter(|p| !p.trim().is_empty()) {
            out.push(Block::para(ctx.body(p.trim())));
        }
        if let Some(sig) = &data.header.signature {
            out.push(Block::para(Paragraph::new()));
            for line in text::signature_lines(sig, ctx.opts) {
                out.push(Block::para(ctx.signature_line(&line)));
            }
        }
    }
    if let Some(r) = &data.header.recommendations {
        // Prose reads better on portrait pages: after wide tables, the section gets its own.
        let out = if landscape.is_empty() {
            &mut portrait
        } else {
            &mut after
        };
        recommendations(ctx, r, out);
    }
    Ok(Parts {
        portrait,
        landscape,
        after,
    })
}

/// The assessor's recommendations: heading and text, then per tool a sub-heading, its text and
/// per indicator the items ("ข้อ EP๑ …") with what they cite.
fn recommendations(ctx: &Ctx<'_>, r: &Recommendations, out: &mut Vec<Block>) {
    let body = |out: &mut Vec<Block>, ps: &[String]| {
        for p in ps.iter().filter(|p| !p.trim().is_empty()) {
            out.push(Block::para(ctx.body(p.trim())));
        }
    };
    out.push(Block::para(ctx.heading(&r.heading, HEADING1)));
    body(out, &r.paragraphs);
    for t in &r.tools {
        out.push(Block::para(ctx.heading(&t.heading, HEADING2)));
        body(out, &t.paragraphs);
        for g in &t.indicators {
            if let Some(h) = words::recommendation_indicator(g, ctx.opts) {
                out.push(Block::para(ctx.heading(&h, HEADING3)));
            }
            for item in &g.items {
                let label = words::recommendation_label(item, ctx.opts);
                out.push(Block::para(ctx.labelled(&label, item.text.trim())));
                for (label, list) in words::recommendation_refs(item, ctx.opts) {
                    out.push(Block::para(ctx.aside(label, &list)));
                }
            }
        }
    }
}

/// Title, agency, place, fiscal year and the optional as-of date, centred.
fn heading_block(ctx: &Ctx<'_>, data: &ReportData) -> Vec<Block> {
    let mut out = vec![Block::para(ctx.centred(words::title(data), Some(TITLE)))];
    for line in words::header_lines(data, ctx.opts) {
        out.push(Block::para(ctx.centred(&line, Some(SUBTITLE))));
    }
    out.push(Block::para(Paragraph::new()));
    out
}

/// The analysis summary: total, grade, pass/fail, tool table, the charts, indicator table, notes.
fn summary(ctx: &Ctx<'_>, s: &Summary, out: &mut Vec<Block>) -> Result<(), ReportError> {
    out.push(Block::para(ctx.heading("สรุปผลการประเมิน", HEADING1)));
    out.push(Block::para(ctx.body(&words::summary_line(s, ctx.opts))));
    if let Some(line) = words::previous_line(s, ctx.opts) {
        out.push(Block::para(ctx.body(&line)));
    }
    if !s.tools.is_empty() {
        const W: [usize; 3] = [4571, 2250, 2250];
        let rows = s
            .tools
            .iter()
            .map(|t| {
                TableRow::new(vec![
                    blocks::cell(
                        vec![ctx.line(&format!("{} {}", t.code, t.name), false)],
                        W[0],
                    ),
                    blocks::cell(
                        vec![ctx.centred_line(&text::number(t.weight, ctx.opts), false)],
                        W[1],
                    ),
                    blocks::cell(
                        vec![ctx.centred_line(&text::score(t.score, ctx.opts), false)],
                        W[2],
                    ),
                ])
            })
            .collect();
        let titles = ["เครื่องมือ", "น้ำหนัก (ร้อยละ)", "คะแนน"];
        out.push(Block::table(blocks::table(ctx, &W, &titles, rows)));
        out.push(Block::para(Paragraph::new()));
    }
    out.extend(charts::blocks(ctx, s)?);
    if !s.indicators.is_empty() {
        const W: [usize; 5] = [900, 3771, 1600, 1400, 1400];
        let rows = s
            .indicators
            .iter()
            .map(|i| {
                TableRow::new(vec![
                    blocks::cell(
                        vec![ctx.centred_line(&text::number(i.number, ctx.opts), false)],
                        W[0],
                    ),
                    blocks::cell(vec![ctx.line(&i.name, false)], W[1]),
                    blocks::cell(vec![ctx.centred_line(&i.tool, false)], W[2]),
                    blocks::cell(
                        vec![ctx.centred_line(&text::score(i.score, ctx.opts), false)],
                        W[3],
                    ),
                    blocks::cell(
                        vec![ctx.centred_line(&text::score_or_dash(i.previous, ctx.opts), false)],
                        W[4],
                    ),
                ])
            })
            .collect();
        let titles = ["ที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน", "ปีก่อน"];
        out.push(Block::table(blocks::table(ctx, &W, &titles, rows)));
    }
    for note in &s.notes {
        out.push(Block::para(ctx.labelled("หมายเหตุ:", note)));
    }
    Ok(())
}

/// One indicator: heading, question table with the weakest marked, cause, guidance and OIT items.
fn indicator(ctx: &Ctx<'_>, b: &IndicatorBlock, out: &mut Vec<Block>) {
    out.push(Block::para(
        ctx.heading(&words::indicator_title(b, ctx.opts), HEADING2),
    ));
    if !b.questions.is_empty() {
        const W: [usize; 3] = [900, 6471, 1700];
        let rows = b
            .questions
            .iter()
            .map(|q| {
                let score = words::question_score(q.score, q.weakest, ctx.opts);
                TableRow::new(vec![
                    blocks::cell(vec![ctx.centred_line(&q.code, q.weakest)], W[0]),
                    blocks::cell(vec![ctx.line(&q.text, q.weakest)], W[1]),
                    blocks::cell(vec![ctx.centred_line(&score, q.weakest)], W[2]),
                ])
            })
            .collect();
        let titles = ["ข้อ", "ประเด็นข้อคำถาม", "คะแนน"];
        out.push(Block::table(blocks::table(ctx, &W, &titles, rows)));
    }
    if !b.cause.trim().is_empty() {
        out.push(Block::para(ctx.labelled("สาเหตุ:", &b.cause)));
    }
    if !b.guidance.trim().is_empty() {
        out.push(Block::para(ctx.labelled("แนวทางการพัฒนา:", &b.guidance)));
    }
    let refs = words::oit_ref_line(b, ctx.opts);
    if !refs.is_empty() {
        out.push(Block::para(ctx.labelled(words::OIT_REFS_LABEL, &refs)));
    }
    if !b.note.trim().is_empty() {
        out.push(Block::para(ctx.labelled("หมายเหตุ:", &b.note)));
    }
    out.push(Block::para(Paragraph::new()));
}
