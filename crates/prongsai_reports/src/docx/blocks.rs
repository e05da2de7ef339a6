//! Building blocks of the Word document: styled paragraphs, table cells and fixed-layout tables.

use docx_rs::{
    AlignmentType, BreakType, Hyperlink, HyperlinkType, LineSpacing, Paragraph, Run, Shading,
    ShdType, SpecialIndentType, Table, TableCell, TableCellMargins, TableLayoutType, TableRow,
    VAlignType, WidthType,
};

use crate::model::RenderOptions;
use crate::text;

/// Paragraph style ids declared in `styles.xml` (see `mod.rs`).
pub(super) const TITLE: &str = "Title";
/// The centred lines under the title (agency, place, year).
pub(super) const SUBTITLE: &str = "Subtitle";
/// Heading of a part (summary, a group of measures, an indicator).
pub(super) const HEADING1: &str = "Heading1";
/// Heading inside a part.
pub(super) const HEADING2: &str = "Heading2";
/// Heading inside a heading-2 part (an indicator under a tool's recommendations).
pub(super) const HEADING3: &str = "Heading3";

/// First-line indent of body paragraphs: 2.5 cm, as Thai official letters indent.
const FIRST_LINE: i32 = 1418;
/// Left indent of the signature block (its lines are centred in what remains), in twips.
const SIGNATURE_INDENT: i32 = 4000;
/// Fill of the repeated table header rows (light grey, prints well in black and white).
const HEADER_FILL: &str = "E7E6E6";

/// Rendering context: the options plus the font sizes derived from them (half-points).
pub(super) struct Ctx<'a> {
    /// The caller's options (digits, font).
    pub opts: &'a RenderOptions,
    /// Body text size in half-points.
    pub body: usize,
    /// Table text size in half-points (one point smaller than the body for the wide tables).
    pub cell: usize,
}

impl<'a> Ctx<'a> {
    /// Derives the sizes from `opts.docx_font_size` (points).
    pub fn new(opts: &'a RenderOptions) -> Self {
        // A NaN size becomes the smallest one (clamp would keep the NaN).
        let half_points = f64::from(opts.docx_font_size) * 2.0;
        let body = if half_points.is_nan() {
            8
        } else {
            half_points.round().clamp(8.0, 144.0) as usize
        };
        Ctx {
            opts,
            body,
            cell: body.saturating_sub(2).max(8),
        }
    }

    /// `s` with digits in the requested style.
    pub fn d(&self, s: &str) -> String {
        text::digits(s, self.opts)
    }

    /// A run of already formatted text: line breaks kept as breaks, tabs as spaces, other
    /// control characters (not allowed in XML) dropped.
    pub fn run(&self, s: impl Into<String>) -> Run {
        let s: String = s.into();
        if !s.chars().any(char::is_control) {
            return Run::new().add_text(s);
        }
        let mut run = Run::new();
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                run = run.add_break(BreakType::TextWrapping);
            }
            let clean: String = line
                .chars()
                .filter_map(|c| match c {
                    '\t' => Some(' '),
                    c if c.is_control() => None,
                    c => Some(c),
                })
                .collect();
            run = run.add_text(clean);
        }
        run
    }

    /// A centred paragraph of the title block with `style` (or plain when `None`).
    pub fn centred(&self, s: &str, style: Option<&str>) -> Paragraph {
        let p = Paragraph::new()
            .add_run(self.run(self.d(s)))
            .align(AlignmentType::Center);
        match style {
            Some(id) => p.style(id),
            None => p,
        }
    }

    /// The caption under a chart: centred, at the cell size, a little space after it.
    pub fn caption(&self, s: &str) -> Paragraph {
        Paragraph::new()
            .add_run(self.run(self.d(s)).size(self.cell))
            .align(AlignmentType::Center)
            .line_spacing(LineSpacing::new().after(240))
    }

    /// A heading paragraph kept with what follows it.
    pub fn heading(&self, s: &str, style: &str) -> Paragraph {
        Paragraph::new()
            .add_run(self.run(self.d(s)))
            .style(style)
            .keep_next(true)
    }

    /// A justified body paragraph with the first-line indent (`thaiDistribute` after post-processing).
    pub fn body(&self, s: &str) -> Paragraph {
        Paragraph::new()
            .add_run(self.run(self.d(s)))
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                None,
                None,
            )
    }

    /// A justified paragraph starting with a bold label ("สาเหตุ: …"), a little apart from what precedes.
    pub fn labelled(&self, label: &str, s: &str) -> Paragraph {
        Paragraph::new()
            .line_spacing(LineSpacing::new().before(60))
            .add_run(self.run(format!("{label} ")).bold())
            .add_run(self.run(self.d(s)))
            .align(AlignmentType::Both)
            .indent(
                None,
                Some(SpecialIndentType::FirstLine(FIRST_LINE)),
                None,
                None,
            )
    }

    /// A small left-aligned line indented like a body paragraph's first line, starting with a
    /// bold label (what a recommendation cites).
    pub fn aside(&self, label: &str, s: &str) -> Paragraph {
        Paragraph::new()
            .add_run(self.run(format!("{label} ")).bold().size(self.cell))
            .add_run(self.run(self.d(s)).size(self.cell))
            .align(AlignmentType::Left)
            .indent(Some(FIRST_LINE), None, None, None)
    }

    /// A line of the signature block, in the right half of the page, kept with the next line.
    pub fn signature_line(&self, s: &str) -> Paragraph {
        Paragraph::new()
            .add_run(self.run(self.d(s)))
            .align(AlignmentType::Center)
            .indent(Some(SIGNATURE_INDENT), None, None, None)
            .keep_next(true)
    }

    /// One line inside a table cell, left-aligned at the cell size.
    pub fn line(&self, s: &str, bold: bool) -> Paragraph {
        let run = self.run(self.d(s)).size(self.cell);
        let run = if bold { run.bold() } else { run };
        Paragraph::new().add_run(run).align(AlignmentType::Left)
    }

    /// One centred line inside a table cell (numbers, scores, statuses).
    pub fn centred_line(&self, s: &str, bold: bool) -> Paragraph {
        self.line(s, bold).align(AlignmentType::Center)
    }

    /// A clickable URL inside a table cell, printed as is (digits never converted).
    pub fn link_line(&self, url: &str) -> Paragraph {
        let run = Run::new()
            .add_text(url)
            .size(self.cell)
            .color("0563C1")
            .underline("single");
        Paragraph::new()
            .add_hyperlink(Hyperlink::new(url, HyperlinkType::External).add_run(run))
            .align(AlignmentType::Left)
    }
}

/// A table cell of `width` twips holding `lines` (Word needs at least one paragraph per cell).
pub(super) fn cell(lines: Vec<Paragraph>, width: usize) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    if lines.is_empty() {
        c = c.add_paragraph(Paragraph::new());
    }
    for p in lines {
        c = c.add_paragraph(p);
    }
    c
}

/// A table of fixed layout with `widths` (twips) whose first row (the column titles) repeats on every page.
///
/// The header row is marked `cantSplit`; `mod.rs` turns that marker into `w:tblHeader` after writing.
pub(super) fn table(
    ctx: &Ctx<'_>,
    widths: &[usize],
    titles: &[&str],
    rows: Vec<TableRow>,
) -> Table {
    let header = TableRow::new(
        widths
            .iter()
            .zip(titles)
            .map(|(&w, t)| {
                cell(vec![ctx.centred_line(t, true)], w)
                    .vertical_align(VAlignType::Center)
                    .shading(
                        Shading::new()
                            .shd_type(ShdType::Clear)
                            .color("auto")
                            .fill(HEADER_FILL),
                    )
            })
            .collect(),
    )
    .cant_split();
    let mut t = Table::new(vec![header])
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        .set_grid(widths.to_vec())
        .margins(TableCellMargins::new().margin(0, 85, 0, 85));
    for r in rows {
        t = t.add_row(r);
    }
    t
}

/// A row spanning the whole table (a group heading inside the OIT table), kept with the row after it.
pub(super) fn full_row(ctx: &Ctx<'_>, s: &str, widths: &[usize]) -> TableRow {
    TableRow::new(vec![
        cell(vec![ctx.line(s, true).keep_next(true)], widths.iter().sum())
            .grid_span(widths.len())
            .shading(
                Shading::new()
                    .shd_type(ShdType::Clear)
                    .color("auto")
                    .fill("F2F2F2"),
            ),
    ])
}
