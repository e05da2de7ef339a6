//! DOCX charts: the analysis carries its radar and bar charts as PNG pictures, printed at about 200 dpi.

use std::collections::{HashMap, HashSet};
use std::io::Read;

use prongsai_reports::{ReportKind, docx};

use crate::common;
use crate::docx::xml::parse;

/// EMUs (DrawingML's unit) per inch, from ECMA-376: 914 400.
const EMU_PER_INCH: f64 = 914_400.0;
/// The text column of an A4 portrait page with 3 cm and 2 cm side margins: 16 cm, in EMU.
const COLUMN_EMU: f64 = 16.0 * 360_000.0;

/// Every part of a DOCX package, bytes by name.
fn parts(bytes: &[u8]) -> HashMap<String, Vec<u8>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut parts = HashMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("zip entry");
        let mut data = Vec::new();
        file.read_to_end(&mut data).expect("readable part");
        parts.insert(file.name().expect("entry name").into_owned(), data);
    }
    parts
}

/// A part as text.
fn text(parts: &HashMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).expect("utf-8 part")
}

/// A PNG decoded: width, height and RGBA pixels (panics when it is not a valid PNG).
fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "PNG signature");
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::ALPHA);
    let mut reader = decoder.read_info().expect("PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("PNG data (CRCs, zlib)");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

/// Pixels within 12 of `rgb` in every channel.
fn count_near(pixels: &[u8], rgb: [u8; 3]) -> usize {
    pixels
        .chunks_exact(4)
        .filter(|px| (0..3).all(|i| px[i].abs_diff(rgb[i]) <= 12))
        .count()
}

#[test]
fn analysis_docx_embeds_its_charts_as_png_pictures() {
    let data = common::scores_report(ReportKind::Analysis);
    let bytes = docx::render(&data, &common::thai()).expect("docx renders");
    let parts = parts(&bytes);
    let doc = parse(&text(&parts, "word/document.xml"));
    let rels = parse(&text(&parts, "word/_rels/document.xml.rels"));
    let rels: HashMap<String, (String, String)> = rels
        .find_all("Relationship")
        .into_iter()
        .map(|r| (r.attr("Id"), (r.attr("Type"), r.attr("Target"))))
        .collect();
    let types = parse(&text(&parts, "[Content_Types].xml"));
    assert!(
        types
            .find_all("Default")
            .iter()
            .any(|d| d.attr("Extension") == "png" && d.attr("ContentType") == "image/png")
    );

    let drawings = doc.find_all("w:drawing");
    assert_eq!(drawings.len(), 2, "the radar and the indicator bars");
    let mut targets = HashSet::new();
    let mut ids = HashSet::new();
    for d in drawings {
        assert!(ids.insert(d.find("wp:docPr").expect("docPr").attr("id")));
        let id = d.find("a:blip").expect("a picture").attr("r:embed");
        let (kind, target) = rels.get(&id).expect("the picture's relationship");
        assert!(kind.ends_with("/relationships/image"), "{kind}");
        assert!(
            target.starts_with("media/") && target.ends_with(".png"),
            "{target}"
        );
        targets.insert(target.clone());
        let (width, height, pixels) = decode(&parts[&format!("word/{target}")]);

        // Printed inside the text column, not shrunk to a thumbnail, at about 200 dpi.
        let extent = d.find("wp:extent").expect("extent");
        let cx: f64 = extent.attr("cx").parse().expect("EMU");
        let cy: f64 = extent.attr("cy").parse().expect("EMU");
        assert!(
            (0.75 * COLUMN_EMU..=COLUMN_EMU).contains(&cx),
            "width {cx} EMU"
        );
        let dpi = (
            f64::from(width) / (cx / EMU_PER_INCH),
            f64::from(height) / (cy / EMU_PER_INCH),
        );
        assert!(
            (dpi.0 - 200.0).abs() < 1.0 && (dpi.1 - 200.0).abs() < 1.0,
            "{width}×{height} px over {cx}×{cy} EMU is {dpi:?} dpi"
        );

        // A chart: white paper, this year's blue (#1f5fa8) and dark label text (#222222).
        let all = pixels.len() / 4;
        assert!(
            count_near(&pixels, [255, 255, 255]) > all / 3,
            "{target}: paper"
        );
        assert!(
            count_near(&pixels, [0x1f, 0x5f, 0xa8]) > 2000,
            "{target}: data"
        );
        assert!(
            count_near(&pixels, [0x22, 0x22, 0x22]) > 2000,
            "{target}: labels"
        );
        assert!(
            pixels.chunks_exact(4).all(|px| px[3] == 255),
            "{target}: opaque"
        );
    }
    assert_eq!(targets.len(), 2, "two different pictures");
    let body = doc.text();
    assert!(body.contains("คะแนนรายตัวชี้วัด (แผนภูมิเรดาร์)"));
    assert!(body.contains("คะแนนรายตัวชี้วัดเทียบเกณฑ์ผ่าน"));

    // The same report gives the same bytes (picture ids do not come from a counter).
    let again = docx::render(&data, &common::thai()).expect("docx renders");
    assert!(again == bytes, "deterministic package");
}

#[test]
fn reports_without_indicator_scores_have_no_pictures() {
    let data = common::seed_report(4, ReportKind::Measures);
    let bytes = docx::render(&data, &common::thai()).expect("docx renders");
    let parts = parts(&bytes);
    assert!(!parts.keys().any(|k| k.starts_with("word/media/")));
    assert!(!text(&parts, "word/document.xml").contains("<w:drawing>"));
}
