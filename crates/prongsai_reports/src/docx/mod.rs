//! DOCX rendering with docx-rs: an editable Word document in the Thai official layout.
//!
//! A4 with the government margins, the agency's font in every font slot, "- ๑ -" page numbers
//! in the header from the second page on, a portrait part (heading, introduction, analysis) or a
//! landscape part (heading, introduction and the wide measures tables) and, after the tables, a
//! portrait part again for the assessor's recommendations. The analysis charts are PNG pictures rasterised from our SVG (`charts.rs`).
//! What docx-rs cannot express is patched into `word/document.xml` before it is zipped (see
//! `patch.rs`); the zip docx-rs stores is then rewritten deflated (`package.rs`).

mod blocks;
mod charts;
mod content;
mod package;
mod patch;
mod tables;
pub(crate) mod words;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, Docx, FieldCharType, Header, InstrText, LineSpacing, PageMargin,
    PageOrientationType, PageSize, Paragraph, Run, RunFonts, Section, Style, StyleType,
};

use self::blocks::{Ctx, HEADING1, HEADING2, HEADING3, SUBTITLE, TITLE};
use self::content::Block;
use crate::{RenderOptions, ReportData, ReportError};

/// A4 width in twips (portrait).
const A4_W: u32 = 11906;
/// A4 height in twips (portrait).
const A4_H: u32 = 16838;

/// Renders `data` as the bytes of a DOCX package.
pub fn render(data: &ReportData, options: &RenderOptions) -> Result<Vec<u8>, ReportError> {
    words::require_data(data)?;
    let ctx = Ctx::new(options);
    let parts = content::build(&ctx, data)?;
    let mut docx = setup(&ctx);
    if parts.landscape.is_empty() {
        docx = append(append(docx, parts.portrait), parts.after)
            .page_size(A4_W, A4_H)
            .page_orient(PageOrientationType::Portrait);
    } else {
        // Earlier sections are configured on their `Section`, the last one on the `Docx`.
        if !parts.portrait.is_empty() {
            docx = docx.add_section(section(&ctx, parts.portrait, false));
        }
        if parts.after.is_empty() {
            docx = append(docx, parts.landscape)
                .page_size(A4_H, A4_W)
                .page_orient(PageOrientationType::Landscape);
        } else {
            docx = append(
                docx.add_section(section(&ctx, parts.landscape, true)),
                parts.after,
            )
            .page_size(A4_W, A4_H)
            .page_orient(PageOrientationType::Portrait);
        }
    }
    let docx = docx.page_margin(margins()).header(page_header(&ctx));
    let mut xml = docx.build();
    xml.document = patch::document(&xml.document, options.thai_digits)?;
    let mut out = Cursor::new(Vec::with_capacity(xml.document.len() + 32 * 1024));
    xml.pack(&mut out)
        .map_err(|e| ReportError::Docx(e.to_string()))?;
    // docx-rs stores every part uncompressed; the package is rewritten deflated.
    package::deflate(&out.into_inner())
}

/// A section (not the last) of `blocks` on A4 pages, landscape or portrait, with margins and header.
fn section(ctx: &Ctx<'_>, blocks: Vec<Block>, landscape: bool) -> Section {
    let (size, orient) = if landscape {
        ((A4_H, A4_W), PageOrientationType::Landscape)
    } else {
        ((A4_W, A4_H), PageOrientationType::Portrait)
    };
    let mut section = Section::new()
        .page_size(PageSize::new().size(size.0, size.1).orient(orient))
        .page_margin(margins())
        .header(page_header(ctx));
    for block in blocks {
        section = match block {
            Block::Para(p) => section.add_paragraph(*p),
            Block::Table(t) => section.add_table(*t),
        };
    }
    section
}

/// `docx` with `blocks` appended to its last section.
fn append(docx: Docx, blocks: Vec<Block>) -> Docx {
    blocks.into_iter().fold(docx, |docx, block| match block {
        Block::Para(p) => docx.add_paragraph(*p),
        Block::Table(t) => docx.add_table(*t),
    })
}

/// The document with its defaults: the font in all four slots at the body size, and the styles.
fn setup(ctx: &Ctx<'_>) -> Docx {
    let font = ctx.opts.docx_font.as_str();
    let fonts = RunFonts::new()
        .ascii(font)
        .hi_ansi(font)
        .east_asia(font)
        .cs(font);
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(120).after(60))
    };
    Docx::new()
        .default_fonts(fonts.clone())
        .default_size(ctx.body)
        .add_style(
            Style::new("Normal", StyleType::Paragraph)
                .name("Normal")
                .q_format(true)
                .fonts(fonts)
                .size(ctx.body),
        )
        .add_style(
            heading(TITLE, "Title", ctx.body + 4, 0)
                .align(AlignmentType::Center)
                .line_spacing(LineSpacing::new().before(0).after(0)),
        )
        .add_style(
            Style::new(SUBTITLE, StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .q_format(true)
                .bold()
                .size(ctx.body)
                .align(AlignmentType::Center),
        )
        .add_style(heading(HEADING1, "heading 1", ctx.body + 2, 0))
        .add_style(heading(HEADING2, "heading 2", ctx.body, 1))
        .add_style(heading(HEADING3, "heading 3", ctx.body, 2))
}

/// Top 2.5 cm, left 3 cm, right and bottom 2 cm; header and footer 1.25 cm from the edge.
fn margins() -> PageMargin {
    PageMargin::new()
        .top(1417)
        .left(1701)
        .right(1134)
        .bottom(1134)
        .header(709)
        .footer(709)
        .gutter(0)
}

/// "- ๑ -" centred in the page header: a PAGE field, its digits set by the section's `w:pgNumType`.
///
/// Word also knows the field switch `\* ThaiArabic`, but LibreOffice reads every Thai switch as
/// Thai letters (ก, ข, ค); the section format `thaiNumbers` gives ๑, ๒, ๓ in Word and plain
/// 1, 2, 3 in LibreOffice, which is the better failure.
fn page_header(ctx: &Ctx<'_>) -> Header {
    let p = Paragraph::new()
        .align(AlignmentType::Center)
        .add_run(Run::new().add_text("- "))
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::Unsupported(" PAGE ".into())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text(crate::text::number(1, ctx.opts)))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
        .add_run(Run::new().add_text(" -"));
    Header::new().add_paragraph(p)
}
