//! The DOCX package rewritten with deflate: docx-rs stores every part uncompressed.

use std::io::{Cursor, Read, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

use crate::ReportError;

/// The part that names the content types of the others; readers look for it first.
const CONTENT_TYPES: &str = "[Content_Types].xml";

/// Deflate level: zlib's default, a good size for XML at a few milliseconds for a long report.
const LEVEL: i64 = 6;

/// `stored` (a zip as docx-rs writes it) with every part but the PNG pictures deflated, names and order kept,
/// `[Content_Types].xml` first and the directory entries left out (an OPC package has parts
/// only). The timestamps are the zip epoch, so the same document gives the same bytes.
pub(super) fn deflate(stored: &[u8]) -> Result<Vec<u8>, ReportError> {
    let err = |e: zip::result::ZipError| ReportError::Docx(format!("DOCX package: {e}"));
    let mut archive = ZipArchive::new(Cursor::new(stored)).map_err(err)?;
    let mut order: Vec<(usize, bool)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let name = archive
            .name_for_index(i)
            .ok_or_else(|| ReportError::Docx(format!("DOCX package: no entry {i}")))?
            .map_err(err)?;
        if !name.ends_with('/') {
            order.push((i, name == CONTENT_TYPES));
        }
    }
    // A stable sort: the content types first, the rest in the order docx-rs wrote them.
    order.sort_by_key(|&(_, content_types)| !content_types);
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(LEVEL))
        .last_modified_time(DateTime::default());
    let mut out = ZipWriter::new(Cursor::new(Vec::with_capacity(stored.len() / 4)));
    let mut part = Vec::new();
    for (i, _) in order {
        let mut file = archive.by_index(i).map_err(err)?;
        let name = file.name().map_err(err)?.into_owned();
        part.clear();
        file.read_to_end(&mut part)
            .map_err(|e| ReportError::Docx(format!("DOCX package: {name}: {e}")))?;
        // A PNG is deflated inside already: deflating it again costs time and saves nothing.
        let options = if name.ends_with(".png") {
            options
                .compression_method(CompressionMethod::Stored)
                .compression_level(None)
        } else {
            options
        };
        out.start_file(name.as_str(), options).map_err(err)?;
        out.write_all(&part)
            .map_err(|e| ReportError::Docx(format!("DOCX package: {name}: {e}")))?;
    }
    Ok(out.finish().map_err(err)?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stored zip like docx-rs writes: directories first, then the parts.
    fn stored(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        zip.add_directory("word/", options).expect("dir");
        for (name, text) in parts {
            zip.start_file(*name, options).expect("start");
            zip.write_all(text.as_bytes()).expect("write");
        }
        zip.finish().expect("finish").into_inner()
    }

    #[test]
    fn parts_are_deflated_in_order_with_content_types_first() {
        let body = "<w:p><w:r><w:t>ข้อเสนอแนะ</w:t></w:r></w:p>".repeat(200);
        let input = stored(&[
            ("_rels/.rels", "<Relationships/>"),
            (CONTENT_TYPES, "<Types/>"),
            ("word/document.xml", &body),
            ("word/styles.xml", "<w:styles/>"),
        ]);
        let out = deflate(&input).expect("rewritten");
        assert!(
            out.len() * 4 < input.len(),
            "{} vs {}",
            out.len(),
            input.len()
        );
        let mut archive = ZipArchive::new(Cursor::new(&out[..])).expect("zip");
        let mut names = Vec::new();
        for i in 0..archive.len() {
            let mut f = archive.by_index(i).expect("entry");
            assert_eq!(f.compression(), CompressionMethod::Deflated);
            let name = f.name().expect("name").into_owned();
            let mut s = String::new();
            f.read_to_string(&mut s).expect("inflates");
            if name == "word/document.xml" {
                assert_eq!(s, body);
            }
            names.push(name);
        }
        assert_eq!(
            names,
            [
                CONTENT_TYPES,
                "_rels/.rels",
                "word/document.xml",
                "word/styles.xml"
            ]
        );
        assert_eq!(
            deflate(&input).expect("again"),
            out,
            "same bytes every time"
        );
    }

    #[test]
    fn a_broken_package_is_an_error() {
        assert!(matches!(deflate(b"PK\x03\x04"), Err(ReportError::Docx(_))));
    }
}
