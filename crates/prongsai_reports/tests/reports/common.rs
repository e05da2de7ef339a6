//! Fixtures: report data built from the real seeds and the seed-001 score file, through the real importer and engine.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use prongsai_domain::Catalog;
use prongsai_domain::analysis::analyze;
use prongsai_domain::document::ReportDocument;
use prongsai_domain::scoring::score;
use prongsai_import::parse_score_file;
use prongsai_import::report::import_report;
use prongsai_reports::build::{EvidenceUrls, default_header, from_document, from_scores};
use prongsai_reports::{RenderOptions, ReportData, ReportKind};

/// The seeds live beside the repository (CI clones it with `../shared` next to it).
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/");

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The built-in catalog, loaded once.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("built-in catalog"))
}

/// Seed `n` (0–4) imported as the user's `prongsai import-report` would.
pub fn seed_doc(n: u8) -> ReportDocument {
    let prefix = format!("{n:03}_");
    let path = std::fs::read_dir(SEEDS)
        .unwrap_or_else(|e| panic!("the seeds must be at {SEEDS} (shared/ beside the repo): {e}"))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|f| f.to_str())
                .is_some_and(|f| f.starts_with(&prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}*.txt in {SEEDS}"));
    let bytes = std::fs::read(&path).expect("seed readable");
    import_report(&path.display().to_string(), &bytes, Some(catalog())).expect("seed imports")
}

/// The `kind` report of seed `n`.
pub fn seed_report(n: u8, kind: ReportKind) -> ReportData {
    from_document(&seed_doc(n), kind).unwrap_or_else(|e| panic!("seed {n} as {kind:?}: {e}"))
}

/// The analysis or OIT report computed from `examples/seed001-2568.csv` (seed 001's printed
/// question scores, illustrative OIT marks; the total is the engine's, the seed prints none).
pub fn scores_report(kind: ReportKind) -> ReportData {
    let fw = catalog().framework(2568).expect("2568 framework");
    let file = repo_root().join("examples/seed001-2568.csv");
    let bytes = std::fs::read(&file).expect("example score file");
    let sheet = parse_score_file("seed001-2568.csv", &bytes, fw).expect("example parses");
    let result = score(fw, &sheet).expect("example scores");
    let analysis = analyze(fw, catalog().guidance(2568), &result, None);
    let mut header = default_header(kind, Some(2568));
    header.agency = "องค์การบริหารส่วนตำบลตัวอย่าง".into();
    header.district = Some("เมือง".into());
    header.province = Some("ตรัง".into());
    let mut urls = EvidenceUrls::new();
    urls.insert(
        "O1".parse().expect("code"),
        "https://www.example.go.th/structure?id=1&view=ita".into(),
    );
    from_scores(fw, &result, &analysis, header, kind, &urls, None).expect("report data")
}

/// Default options: Thai digits, TH SarabunIT๙ in Word.
pub fn thai() -> RenderOptions {
    RenderOptions::default()
}

/// Arabic digits.
pub fn arabic() -> RenderOptions {
    RenderOptions {
        thai_digits: false,
        ..RenderOptions::default()
    }
}

/// A unique temporary path for an output file of a test.
pub fn temp_path(name: &str) -> PathBuf {
    static COUNTER: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    std::env::temp_dir().join(format!(
        "prongsai-reports-{}-{n}-{name}",
        std::process::id()
    ))
}

/// Text outside markup, with the five XML entities decoded.
pub fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut inside = false;
    for c in s.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The text a reader gets out of a document: the HTML page's text, the DOCX's `w:t` runs, the
/// PDF's text layer through poppler's `pdftotext -raw` (installed by scripts/setup).
pub fn extracted_text(format: prongsai_reports::Format, bytes: &[u8]) -> String {
    use prongsai_reports::Format;
    match format {
        Format::Html => {
            // What a reader sees: the body (the head holds the title and the stylesheet).
            let page = String::from_utf8_lossy(bytes);
            let body = page.split_once("<body").map_or(&*page, |(_, b)| b);
            strip_tags(&format!("<{body}"))
        }
        Format::Docx => {
            let mut archive =
                zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip");
            let mut xml = String::new();
            std::io::Read::read_to_string(
                &mut archive.by_name("word/document.xml").expect("document.xml"),
                &mut xml,
            )
            .expect("utf-8");
            // Paragraph ends become line ends, so words of two paragraphs never run together.
            strip_tags(&xml.replace("</w:p>", "\n</w:p>"))
        }
        Format::Pdf => {
            let path = temp_path("text.pdf");
            std::fs::write(&path, bytes).expect("write");
            // -raw: the order the text was written in, so a table cell's lines stay together.
            let out = std::process::Command::new("pdftotext")
                .arg("-raw")
                .arg(&path)
                .arg("-")
                .output()
                .expect("pdftotext (poppler-utils)");
            let _ = std::fs::remove_file(&path);
            assert!(out.status.success(), "pdftotext failed");
            String::from_utf8(out.stdout).expect("utf-8")
        }
    }
}

/// [`extracted_text`] with every whitespace character removed (lines wrap differently in each format).
pub fn visible_text(format: prongsai_reports::Format, bytes: &[u8]) -> String {
    extracted_text(format, bytes)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// [`visible_text`] of `data` rendered as `format`, a PDF read across its page breaks.
pub fn reading_text(data: &ReportData, format: prongsai_reports::Format, bytes: &[u8]) -> String {
    match format {
        prongsai_reports::Format::Pdf => without_page_furniture(
            &extracted_text(format, bytes),
            &table_header(data, &thai()),
            &thai(),
        ),
        _ => visible_text(format, bytes),
    }
}

/// The whitespace-free text of a PDF's pages (`\u{c}` between them, as pdftotext writes) read as one
/// flow: on every page its own number ("-๒-") and, from the second page, the repeated table header
/// (`header`, the column titles) are taken out, so a table cell that goes on over a page break reads as one text again.
pub fn without_page_furniture(pages: &str, header: &str, options: &RenderOptions) -> String {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let header = squeeze(header);
    let mut out = String::new();
    for (i, page) in pages.split('\u{c}').enumerate() {
        let mut page = squeeze(page);
        let number = squeeze(&prongsai_reports::text::page_number(i as u32 + 1, options));
        if let Some(at) = page.find(&number) {
            page.replace_range(at..at + number.len(), "");
        }
        if i > 0
            && !header.is_empty()
            && let Some(at) = page.find(&header)
        {
            page.replace_range(at..at + header.len(), "");
        }
        out.push_str(&page);
    }
    out
}

/// The column titles a report's measures table repeats on every page ("" for other kinds).
pub fn table_header(data: &ReportData, options: &RenderOptions) -> String {
    if data.kind.lists_measures() {
        prongsai_reports::table::measures(data, options)
            .titles()
            .concat()
    } else {
        String::new()
    }
}

/// Whether whitespace-free `text` holds `piece`, whole or cut once where a table row goes on over a
/// page break (the rest of the cell then follows the row's other cells on the next page); each part
/// of a cut piece must be at least 6 characters, so short common words do not pass by chance.
pub fn holds(text: &str, piece: &str) -> bool {
    if text.contains(piece) {
        return true;
    }
    let cuts: Vec<usize> = piece.char_indices().map(|(i, _)| i).collect();
    let n = cuts.len();
    n >= 12
        && cuts[6..n - 5]
            .iter()
            .any(|&at| text.contains(&piece[..at]) && text.contains(&piece[at..]))
}
