//! The wide tables: measures plan, implementation report and the OIT checklist.

use docx_rs::{Paragraph, TableRow};

use super::blocks::{self, Ctx, HEADING2};
use super::content::Block;
use super::words;
use crate::model::{MeasureGroup, MeasureRow, OitRow, OitStatus};
use crate::text;

/// Column widths of the measures plan on a landscape A4 page (14003 twips between the margins).
const MEASURES_W: [usize; 6] = [600, 2800, 2800, 4103, 1900, 1800];
/// The same without the analysis column (when no measure quotes its finding).
const MEASURES_NO_ANALYSIS_W: [usize; 5] = [600, 3600, 6103, 1900, 1800];
/// Column widths of the implementation report (landscape).
const IMPLEMENTATION_W: [usize; 6] = [2300, 3050, 1600, 1650, 2900, 2503];
/// Column widths of the OIT checklist on a portrait page (9071 twips).
const OIT_W: [usize; 4] = [1000, 4071, 1100, 2900];

/// The measures plan: per group its heading (when any), then one table. The analysis column
/// is left out when no measure of the report quotes a finding.
pub(super) fn measures(ctx: &Ctx<'_>, groups: &[MeasureGroup], out: &mut Vec<Block>) {
    let with_analysis = words::measures_have_analysis(groups);
    let (widths, titles): (&[usize], Vec<&str>) = if with_analysis {
        (&MEASURES_W, words::MEASURES_TITLES.to_vec())
    } else {
        let mut titles = words::MEASURES_TITLES.to_vec();
        titles.remove(2);
        (&MEASURES_NO_ANALYSIS_W, titles)
    };
    let mut running = 0u32;
    for g in groups.iter().filter(|g| !g.measures.is_empty()) {
        if let Some(h) = g.heading.as_deref().filter(|h| !h.trim().is_empty()) {
            out.push(Block::para(ctx.heading(h, HEADING2)));
        }
        let rows = g
            .measures
            .iter()
            .map(|m| {
                running += 1;
                let number = m.number.map_or(running, u32::from);
                let mut cells = vec![
                    vec![ctx.centred_line(&number.to_string(), false)],
                    vec![ctx.line(&m.title, false)],
                ];
                if with_analysis {
                    cells.push(lines(ctx, std::slice::from_ref(&m.analysis)));
                }
                cells.push(ctx.numbered(&m.steps));
                cells.push(vec![ctx.line(&m.period, false)]);
                cells.push(lines(ctx, &m.responsible));
                let cells = cells
                    .into_iter()
                    .zip(widths)
                    .map(|(lines, &w)| blocks::cell(lines, w))
                    .collect();
                TableRow::new(cells)
            })
            .collect();
        out.push(Block::table(blocks::table(ctx, widths, &titles, rows)));
        out.push(Block::para(Paragraph::new()));
    }
}

/// The implementation report: per group its heading (when any), then one table.
pub(super) fn implementation(ctx: &Ctx<'_>, groups: &[MeasureGroup], out: &mut Vec<Block>) {
    for g in groups.iter().filter(|g| !g.measures.is_empty()) {
        if let Some(h) = g.heading.as_deref().filter(|h| !h.trim().is_empty()) {
            out.push(Block::para(ctx.heading(h, HEADING2)));
        }
        let w = IMPLEMENTATION_W;
        let rows = g
            .measures
            .iter()
            .map(|m| {
                TableRow::new(vec![
                    blocks::cell(vec![ctx.line(&words::measure_title(m), false)], w[0]),
                    blocks::cell(ctx.numbered(&m.steps), w[1]),
                    blocks::cell(vec![ctx.line(&m.period, false)], w[2]),
                    blocks::cell(lines(ctx, &m.responsible), w[3]),
                    blocks::cell(results(ctx, m), w[4]),
                    blocks::cell(outcomes(ctx, m), w[5]),
                ])
            })
            .collect();
        out.push(Block::table(blocks::table(
            ctx,
            &w,
            &words::IMPLEMENTATION_TITLES,
            rows,
        )));
        out.push(Block::para(Paragraph::new()));
    }
}

/// The OIT checklist: a count line, then one table with a full-width row per group.
pub(super) fn oit(ctx: &Ctx<'_>, items: &[OitRow], out: &mut Vec<Block>) {
    let line = words::oit_count_line(items, ctx.opts);
    out.push(Block::para(ctx.body(&line)));
    let w = OIT_W;
    let mut rows = Vec::with_capacity(items.len() + 12);
    let mut group: Option<&str> = None;
    for item in items {
        if !item.group.trim().is_empty() && group != Some(item.group.as_str()) {
            rows.push(blocks::full_row(ctx, &item.group, &w));
        }
        group = Some(item.group.as_str());
        let url = match item.url.as_deref().filter(|u| !u.trim().is_empty()) {
            Some(u) => ctx.link_line(u.trim()),
            None => ctx.centred_line("–", false),
        };
        rows.push(TableRow::new(vec![
            blocks::cell(vec![ctx.centred_line(&item.code, false)], w[0]),
            blocks::cell(vec![ctx.line(&item.title, false)], w[1]),
            blocks::cell(
                vec![ctx.centred_line(text::oit_status(item.status), item.status == OitStatus::No)],
                w[2],
            ),
            blocks::cell(vec![url], w[3]),
        ]));
    }
    let titles = ["ข้อ", "รายการข้อมูล", "สถานะ", "หลักฐาน (URL)"];
    out.push(Block::table(blocks::table(ctx, &w, &titles, rows)));
    out.push(Block::para(Paragraph::new()));
}

/// One cell line per non-empty item.
fn lines(ctx: &Ctx<'_>, items: &[String]) -> Vec<Paragraph> {
    items
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| ctx.line(s, false))
        .collect()
}

/// What was done, numbered, then the status when tracked.
fn results(ctx: &Ctx<'_>, m: &MeasureRow) -> Vec<Paragraph> {
    let mut out = ctx.numbered(&m.results);
    if let Some(status) = words::status_line(m) {
        out.push(ctx.line(&status, true));
    }
    out
}

/// Outcomes, then the linked questions with their scores ("e๑ … ๙๙.๔๒").
fn outcomes(ctx: &Ctx<'_>, m: &MeasureRow) -> Vec<Paragraph> {
    let mut out = lines(ctx, &m.outcomes);
    out.extend(
        m.links
            .iter()
            .map(|l| ctx.line(&words::link_text(l, ctx.opts), false)),
    );
    out
}
