//! The wide tables: measures plan, implementation report and the OIT checklist.

use docx_rs::{Paragraph, TableRow};

use super::blocks::{self, Ctx, HEADING2};
use super::content::Block;
use super::words;
use crate::model::{OitRow, OitStatus, ReportData};
use crate::{table, text};

/// Text width of a landscape A4 page between the margins, in twips.
const LANDSCAPE_TWIPS: f64 = 14003.0;
/// The narrowest column, in twips.
const MIN_COLUMN: f64 = 640.0;
/// Column widths of the OIT checklist on a portrait page (9071 twips).
const OIT_W: [usize; 4] = [1000, 4071, 1100, 2900];

/// The measures plan or (mid-year) implementation report: per group its heading (when any),
/// then one table with the columns and numbering of [`crate::table`].
pub(super) fn measures(ctx: &Ctx<'_>, data: &ReportData, out: &mut Vec<Block>) {
    let view = table::measures(data, ctx.opts);
    // Each column gets its share of the page, but at least MIN_COLUMN (a number column stays readable).
    let total: f64 = view.columns.iter().map(|c| c.width).sum();
    let narrow: f64 = view
        .columns
        .iter()
        .map(|c| c.width / total * LANDSCAPE_TWIPS)
        .filter(|w| *w < MIN_COLUMN)
        .count() as f64
        * MIN_COLUMN;
    let wide: f64 = view
        .columns
        .iter()
        .map(|c| c.width / total * LANDSCAPE_TWIPS)
        .filter(|w| *w >= MIN_COLUMN)
        .sum();
    let scale = (LANDSCAPE_TWIPS - narrow) / wide.max(1.0);
    let mut widths: Vec<usize> = view
        .columns
        .iter()
        .map(|c| {
            let w = c.width / total * LANDSCAPE_TWIPS;
            (if w < MIN_COLUMN {
                MIN_COLUMN
            } else {
                w * scale
            })
            .floor() as usize
        })
        .collect();
    // The last column takes the rounding remainder, so the table spans the page exactly.
    let used: usize = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last += (LANDSCAPE_TWIPS as usize).saturating_sub(used);
    }
    let titles = view.titles();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    for g in &view.groups {
        if let Some(h) = &g.heading {
            out.push(Block::para(ctx.heading(h, HEADING2)));
        }
        let rows = g
            .rows
            .iter()
            .map(|row| {
                let cells = view
                    .columns
                    .iter()
                    .zip(&row.cells)
                    .zip(&widths)
                    .map(|((c, cell), &w)| {
                        let lines = cell
                            .items
                            .iter()
                            .map(|i| {
                                if c.center {
                                    ctx.centred_line(&i.line(), false)
                                } else {
                                    ctx.line(&i.line(), false)
                                }
                            })
                            .collect();
                        blocks::cell(lines, w)
                    })
                    .collect();
                TableRow::new(cells)
            })
            .collect();
        out.push(Block::table(blocks::table(ctx, &widths, &titles, rows)));
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
            None => ctx.line(text::NO_EVIDENCE, false),
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
