//! Word documents → blocks: body paragraphs become text, table rows become rows (merged cells kept in their columns).

use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::block::{Block, HARD_BREAK};
use crate::error::ImportError;

/// The part of a DOCX that holds the text.
const DOCUMENT_XML: &str = "word/document.xml";
/// Largest document.xml read (decompressed), so a zip bomb cannot exhaust memory.
pub const MAX_XML_BYTES: usize = 16 * 1024 * 1024;
/// Most cells one row may have (a `gridSpan` of a million is cut here).
const MAX_CELLS: usize = 64;

/// Whether `bytes` is a zip holding a Word document.
pub fn is_docx(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes)).is_ok_and(|z| z.index_for_name(DOCUMENT_XML).is_some())
}

/// Reads the body of a DOCX into blocks; lines are numbered by paragraph and table row.
pub fn read_docx(file: &str, bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    let fail = |why: String| ImportError::file(file, why);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| fail(format!("เปิดไฟล์ DOCX ไม่ได้ (cannot open the DOCX file): {e}")))?;
    let part = zip.by_name(DOCUMENT_XML).map_err(|e| {
        fail(format!(
            "ไฟล์ DOCX ไม่มี {DOCUMENT_XML} (the DOCX has no {DOCUMENT_XML}): {e}"
        ))
    })?;
    let mut xml = Vec::new();
    part.take(MAX_XML_BYTES as u64 + 1)
        .read_to_end(&mut xml)
        .map_err(|e| {
            fail(format!(
                "อ่าน {DOCUMENT_XML} ไม่ได้ (cannot read {DOCUMENT_XML}): {e}"
            ))
        })?;
    if xml.len() > MAX_XML_BYTES {
        return Err(fail(format!(
            "{DOCUMENT_XML} ใหญ่เกิน {MAX_XML_BYTES} ไบต์ ({DOCUMENT_XML} is larger than {MAX_XML_BYTES} bytes)"
        )));
    }
    let xml = std::str::from_utf8(&xml).map_err(|e| {
        fail(format!(
            "{DOCUMENT_XML} ไม่ใช่ UTF-8 ({DOCUMENT_XML} is not UTF-8): {e}"
        ))
    })?;
    document_blocks(xml).map_err(fail)
}

/// State of the walk through document.xml.
#[derive(Default)]
struct Walk {
    blocks: Vec<Block>,
    /// Paragraphs and rows seen so far: the "line" of the next block.
    count: usize,
    /// Nesting of tables; text of nested tables goes into the outer cell.
    depth: usize,
    in_text: bool,
    para: String,
    row: Vec<String>,
    /// Cells of the row as Word stores them (before spans are expanded).
    physical: usize,
    cell: String,
    span: usize,
    continued: bool,
}

impl Walk {
    fn push_text(&mut self, s: &str) {
        if self.depth == 0 {
            self.para.push_str(s);
        } else {
            self.cell.push_str(s);
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        let at_top = self.depth == 1;
        match e.local_name().as_ref() {
            "tbl" if !empty => self.depth += 1,
            "tr" if at_top && !empty => {
                self.row.clear();
                self.physical = 0;
            }
            "tc" if at_top && !empty => {
                self.cell.clear();
                self.span = 1;
                self.continued = false;
            }
            "gridSpan" if at_top => {
                self.span = attr(e)
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .clamp(1, MAX_CELLS)
            }
            "vMerge" if at_top => self.continued = attr(e).is_none_or(|v| v != "restart"),
            "t" if !empty => self.in_text = true,
            "tab" => self.push_text(" "),
            "br" | "cr" => self.push_text(if self.depth == 0 { "\n" } else { "\u{2029}" }),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        let at_top = self.depth == 1;
        match name {
            "t" => self.in_text = false,
            "p" if self.depth == 0 => {
                self.count += 1;
                let text = std::mem::take(&mut self.para);
                self.blocks.push(if text.trim().is_empty() {
                    Block::Blank
                } else {
                    Block::Text {
                        line: self.count,
                        text,
                    }
                });
            }
            "p" => self.cell.push(HARD_BREAK),
            "tc" if at_top => {
                let cell = std::mem::take(&mut self.cell);
                self.physical += 1;
                if self.row.len() < MAX_CELLS {
                    self.row
                        .push(if self.continued { String::new() } else { cell });
                }
                for _ in 1..self.span {
                    if self.row.len() < MAX_CELLS {
                        self.row.push(String::new());
                    }
                }
            }
            "tr" if at_top => {}
            "tc" | "tr" => self.cell.push(HARD_BREAK),
            "tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.blocks.push(Block::Blank);
                }
            }
            _ => {}
        }
        if name == "tr" && at_top {
            self.count += 1;
            let cells = std::mem::take(&mut self.row);
            let filled = cells
                .iter()
                .filter(|c| !super::clean::cell_text(c).is_empty())
                .count();
            // A row of one merged cell across the table is a heading inside the table.
            let block = match cells.first() {
                Some(only) if self.physical == 1 && filled == 1 => Block::Text {
                    line: self.count,
                    text: only.replace(HARD_BREAK, " "),
                },
                _ if filled == 0 => Block::Blank,
                _ => Block::Row {
                    line: self.count,
                    cells,
                },
            };
            self.blocks.push(block);
        }
    }
}

/// The `w:val` attribute of an element.
fn attr(e: &BytesStart<'_>) -> Option<String> {
    let a = e.try_get_attribute("w:val").ok()??;
    Some(a.value.into_owned())
}

/// Walks `word/document.xml`: paragraphs, tables (`w:tbl/w:tr/w:tc/w:p/w:r/w:t`), `w:gridSpan`
/// (empty cells fill the spanned columns) and `w:vMerge` continuation cells (left empty, so the
/// row continues the one above). Errors give the byte offset of malformed XML.
pub fn document_blocks(xml: &str) -> Result<Vec<Block>, String> {
    let mut reader = Reader::from_str(xml);
    let mut w = Walk::default();
    loop {
        let event = reader.read_event().map_err(|e| {
            let at = reader.error_position();
            format!("XML ของเอกสารผิดรูปแบบที่ไบต์ {at} (malformed document XML at byte {at}): {e}")
        })?;
        match event {
            Event::Start(e) => w.start(&e, false),
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => w.end(e.local_name().as_ref()),
            Event::Text(t) if w.in_text => w.push_text(&t.xml10_content()),
            Event::CData(t) if w.in_text => w.push_text(&t.xml10_content()),
            Event::GeneralRef(r) if w.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.xml10_content().as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    w.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(w.blocks)
}
