//! Legacy ITA reports (text extracted from PDF, DOCX, XLSX/CSV, or our own JSON) → a structured [`ReportDocument`].
//!
//! Every input format is first read into [`Block`]s (prose lines and table rows with their line
//! numbers); [`assemble`](assemble::assemble) then routes headings and rows into analysis, plan,
//! report and recommendation sections. Nothing is dropped: what fits no field is listed in
//! `unrecognised` with its line. Work is linear in the input and the input size is capped, so
//! no input can make the parser hang.

pub mod analysis;
pub mod assemble;
pub mod block;
pub mod clean;
pub mod docx;
pub mod facts;
pub mod header;
pub mod headings;
pub mod lines;
pub mod links;
pub mod measures;
pub mod recommend;
pub mod review;
pub mod sheet;
pub mod sink;
pub mod thai;

use prongsai_domain::Catalog;
use prongsai_domain::document::{ReportDocument, SCHEMA_VERSION, SourceFormat};

pub use block::Block;

use crate::error::{ImportError, Located};

/// Largest text, CSV or JSON input accepted (5 MB: a long report is under 100 KB).
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

/// Largest DOCX or XLSX file accepted (they may carry pictures).
pub const MAX_ZIP_BYTES: usize = 64 * 1024 * 1024;

/// Reads a legacy report from `bytes`; `file` names it in errors and picks CSV by extension.
/// With a catalog, codes are checked against the framework of the document's fiscal year and
/// indicator headings are resolved by name and by their questions' codes.
pub fn import_report(
    file: &str,
    bytes: &[u8],
    catalog: Option<&Catalog>,
) -> Result<ReportDocument, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        if bytes.len() > MAX_ZIP_BYTES {
            return Err(too_large(file, bytes.len(), MAX_ZIP_BYTES));
        }
        // A broken zip has no readable entries: trust the file name to say which reader failed.
        let named_docx = file.to_ascii_lowercase().ends_with(".docx");
        return if docx::is_docx(bytes) || named_docx {
            let blocks = docx::read_docx(file, bytes)?;
            from_blocks(file, &blocks, SourceFormat::Docx, catalog, None)
        } else {
            let blocks = sheet::sheet_blocks(file, bytes)?;
            from_blocks(file, &blocks, SourceFormat::Xlsx, catalog, None)
        };
    }
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(too_large(file, bytes.len(), MAX_TEXT_BYTES));
    }
    let text = utf8(file, bytes)?;
    if text.trim_start().starts_with('{') {
        return from_json(file, text);
    }
    if file.to_ascii_lowercase().ends_with(".csv") {
        let blocks = sheet::sheet_blocks(file, bytes)?;
        return from_blocks(file, &blocks, SourceFormat::Csv, catalog, None);
    }
    import_text(file, text, catalog)
}

/// Reads extracted text (the seeds' format).
pub fn import_text(
    file: &str,
    text: &str,
    catalog: Option<&Catalog>,
) -> Result<ReportDocument, ImportError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(too_large(file, text.len(), MAX_TEXT_BYTES));
    }
    let blocks = lines::text_blocks(text);
    let count = text.split('\n').filter(|l| !l.trim().is_empty()).count();
    from_blocks(file, &blocks, SourceFormat::Text, catalog, Some(count))
}

/// Reads the body XML of a DOCX (`word/document.xml`) directly, as [`import_report`] does once it
/// has unzipped the file (for tests and the fuzz target).
pub fn import_docx_xml(
    file: &str,
    xml: &str,
    catalog: Option<&Catalog>,
) -> Result<ReportDocument, ImportError> {
    if xml.len() > docx::MAX_XML_BYTES {
        return Err(too_large(file, xml.len(), docx::MAX_XML_BYTES));
    }
    let blocks = docx::document_blocks(xml).map_err(|why| ImportError::file(file, why))?;
    from_blocks(file, &blocks, SourceFormat::Docx, catalog, None)
}

/// Assembles blocks, turning "nothing recognised" into a located error.
fn from_blocks(
    file: &str,
    blocks: &[Block],
    format: SourceFormat,
    catalog: Option<&Catalog>,
    lines: Option<usize>,
) -> Result<ReportDocument, ImportError> {
    if blocks.iter().all(|b| matches!(b, Block::Blank)) {
        return Err(ImportError::file(
            file,
            "ไฟล์ว่าง ไม่มีข้อความ (the file has no text)",
        ));
    }
    let lines =
        lines.unwrap_or_else(|| blocks.iter().filter(|b| !matches!(b, Block::Blank)).count());
    let blocks = rejoin_words(blocks);
    assemble::assemble(&blocks, format, catalog, lines).map_err(|why| ImportError::file(file, why))
}

/// Every prose line and cell with the spaces PDF extraction put inside Thai words removed,
/// judged against the whole document's text (see [`thai::join_split_words`]).
fn rejoin_words(blocks: &[Block]) -> Vec<Block> {
    let mut corpus = String::new();
    for b in blocks {
        match b {
            Block::Text { text, .. } => corpus.push_str(text),
            Block::Row { cells, .. } => {
                for c in cells {
                    corpus.push_str(c);
                    corpus.push('\t');
                }
            }
            Block::Blank | Block::Furniture { .. } => {}
        }
        corpus.push('\n');
    }
    let corpus = thai::Corpus::new(corpus);
    blocks
        .iter()
        .map(|b| match b {
            Block::Text { line, text } => Block::Text {
                line: *line,
                text: thai::join_split_words(text, &corpus),
            },
            Block::Row { line, cells } => Block::Row {
                line: *line,
                cells: cells
                    .iter()
                    .map(|c| thai::join_split_words(c, &corpus))
                    .collect(),
            },
            Block::Blank | Block::Furniture { .. } => b.clone(),
        })
        .collect()
}

/// Reads our own JSON back (see docs/import-json.md), refusing other schema versions.
pub fn from_json(file: &str, text: &str) -> Result<ReportDocument, ImportError> {
    #[derive(serde::Deserialize)]
    struct Version {
        schema_version: u32,
    }
    let located = |e: serde_json::Error| {
        ImportError(vec![Located {
            file: file.to_string(),
            row: Some(e.line()),
            column: Some(e.column().to_string()),
            message: format!("JSON ไม่ถูกต้อง (invalid report JSON): {e}"),
        }])
    };
    let v: Version = serde_json::from_str(text).map_err(located)?;
    if v.schema_version != SCHEMA_VERSION {
        return Err(ImportError::file(
            file,
            format!(
                "schema_version {} ไม่รองรับ ต้องเป็น {SCHEMA_VERSION} (unsupported schema_version {}; this version reads {SCHEMA_VERSION})",
                v.schema_version, v.schema_version
            ),
        ));
    }
    serde_json::from_str(text).map_err(located)
}

/// `bytes` as UTF-8 without a BOM, or an error naming the line of the first bad byte.
fn utf8<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes
            .get(..e.valid_up_to())
            .map_or(0, |b| memchr::memchr_iter(b'\n', b).count())
            + 1;
        ImportError(vec![Located {
            file: file.to_string(),
            row: Some(line),
            column: None,
            message: "ไฟล์ไม่ใช่ข้อความ UTF-8 — บันทึกเป็น UTF-8 หรือใช้ .docx/.xlsx (the file is not UTF-8 text; save it as UTF-8 or use DOCX/XLSX)".into(),
        }])
    })
}

/// The error for an input over the size cap.
fn too_large(file: &str, size: usize, max: usize) -> ImportError {
    ImportError::file(
        file,
        format!(
            "ไฟล์ใหญ่เกินไป ({size} ไบต์ เกิน {max}) (the file is too large: {size} bytes, the limit is {max})"
        ),
    )
}
