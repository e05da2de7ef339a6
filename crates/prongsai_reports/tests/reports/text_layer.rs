//! The PDF text layer: what pdftotext (poppler) and PDFium extract is exactly the typeset text.

// Expected texts come from elsewhere: the DOCX rendering of the same report (docx-rs writes the
// strings as they are, no shaping) and a hand-written list of words with stacked marks.

use std::io::Read;
use std::process::Command;

use quick_xml::Reader;
use quick_xml::events::Event;

use prongsai_reports::{Format, ReportData, ReportKind};

use crate::common;

/// Words whose tone mark sits above an upper vowel or SARA AM (raised or shifted by the font).
const STACKED: [&str; 8] = [
    "ขั้นตอน",
    "ที่นั่ง",
    "ผู้บังคับบัญชา",
    "ตั้งแต่",
    "น้ำ",
    "ดำเนินงาน",
    "ปั้น",
    "ศักดิ์สิทธิ์",
];

/// The text of `pdf` as poppler's pdftotext and as PDFium (pypdfium2) extract it.
pub fn extracted(pdf: &[u8], name: &str) -> [(&'static str, String); 2] {
    let path = common::temp_path(name);
    std::fs::write(&path, pdf).expect("write temp PDF");
    // -raw: content-stream order, so a table cell's wrapped lines stay together.
    let poppler = run(
        Command::new("pdftotext").arg("-raw").arg(&path).arg("-"),
        "pdftotext",
    );
    let pdfium = run(
        Command::new("python3").arg("-c").arg(PDFIUM).arg(&path),
        "python3 with pypdfium2 (scripts/setup installs it)",
    );
    let _ = std::fs::remove_file(&path);
    [("pdftotext", poppler), ("PDFium", pdfium)]
}

/// Prints the text of every page of the PDF named by argv[1], as Chromium's viewer copies it.
const PDFIUM: &str = "import sys, pypdfium2 as p\n\
d = p.PdfDocument(sys.argv[1])\n\
sys.stdout.write('\\f'.join(d[i].get_textpage().get_text_range() for i in range(len(d))))\n";

fn run(cmd: &mut Command, what: &str) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// The text runs (`w:t`) of the DOCX's `word/document.xml`, one paragraph (`w:p`) a line.
fn docx_text(docx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("DOCX is a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .expect("document part")
        .read_to_string(&mut xml)
        .expect("UTF-8 XML");
    let mut reader = Reader::from_str(&xml);
    let (mut out, mut in_t) = (String::new(), false);
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == "w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == "w:t" => in_t = false,
            Event::End(e) if e.name().as_ref() == "w:p" => out.push('\n'),
            Event::Text(t) if in_t => {
                out.push_str(&t.into_inner());
            }
            Event::GeneralRef(r) if in_t => {
                let c = r.resolve_char_ref().expect("char ref");
                out.push_str(&match (c, r.into_inner().as_ref()) {
                    (Some(c), _) => c.to_string(),
                    (None, "amp") => "&".into(),
                    (None, "lt") => "<".into(),
                    (None, "gt") => ">".into(),
                    (None, "quot") => "\"".into(),
                    (None, _) => "'".into(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// `s` without whitespace (lines break anywhere in Thai, and cells are laid side by side);
/// PDFium reports a hyphen that ends a line as U+FFFE.
fn squeezed(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '\u{FFFE}' { '-' } else { c })
        .collect()
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E33}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// Every Thai cluster with a mark (a consonant and its marks) written twice in a row: "ขั้ขั้".
fn doubled_clusters(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut end = i + 1;
        while end < chars.len() && is_mark(chars[end]) {
            end += 1;
        }
        let n = end - i;
        if n > 1
            && ('ก'..='ฮ').contains(&chars[i])
            && chars.get(end..end + n) == Some(&chars[i..end])
        {
            found.push(chars[i..end + n].iter().collect());
        }
        i = end;
    }
    found
}

/// Renders `data` as PDF and DOCX and checks each extractor's PDF text against the DOCX text.
fn assert_pdf_text_is_docx_text(data: &ReportData, name: &str) {
    let opts = common::thai();
    let pdf = prongsai_reports::render(data, Format::Pdf, &opts).expect("PDF");
    let docx = prongsai_reports::render(data, Format::Docx, &opts).expect("DOCX");
    let expected = docx_text(&docx);
    let words: Vec<&str> = expected.split_whitespace().collect();
    assert!(words.len() > 100, "{name}: the DOCX has text");
    let expected_doubles = doubled_clusters(&squeezed(&expected));
    let header = common::table_header(data, &opts);
    for (tool, text) in extracted(&pdf, &format!("{name}.pdf")) {
        // Read across page breaks: a cell that goes on over one is one text again.
        let got = squeezed(&common::without_page_furniture(&text, &header, &opts));
        let missing: Vec<&&str> = words.iter().filter(|w| !common::holds(&got, w)).collect();
        assert!(
            missing.is_empty(),
            "{name}, {tool}: {} of {} DOCX words not in the PDF text: {missing:?}",
            missing.len(),
            words.len()
        );
        let doubles: Vec<String> = doubled_clusters(&got)
            .into_iter()
            .filter(|d| !expected_doubles.contains(d))
            .collect();
        assert!(
            doubles.is_empty(),
            "{name}, {tool}: doubled clusters {doubles:?}"
        );
        assert!(
            !text.contains(['\u{200B}', '\u{2060}', '\u{FEFF}']),
            "{name}, {tool}: invisible joiners in the text"
        );
    }
}

#[test]
fn measures_plan_pdf_text_is_the_docx_text() {
    let data = common::seed_report(4, ReportKind::Measures);
    assert_pdf_text_is_docx_text(&data, "seed004-measures");
}

#[test]
fn words_with_stacked_marks_are_extracted_once() {
    let mut data = common::seed_report(4, ReportKind::Measures);
    let line = STACKED.join(" ");
    data.paragraphs = vec![line.clone(), format!("{line}{line}")];
    let measure = data
        .measure_groups
        .iter_mut()
        .flat_map(|g| g.measures.iter_mut())
        .next()
        .expect("a measure");
    measure.title = line.clone();
    measure.steps = STACKED.iter().map(|w| (*w).to_owned()).collect();
    let pdf = prongsai_reports::render(&data, Format::Pdf, &common::thai()).expect("PDF");
    for (tool, text) in extracted(&pdf, "stacked.pdf") {
        let got = squeezed(&text);
        let want = squeezed(&line);
        // Paragraph 1, paragraph 2 (twice), the title: four times, each word once more in a step.
        assert!(
            got.matches(&want).count() >= 4,
            "{tool}: {want} not found whole in:\n{text}"
        );
        for word in STACKED {
            assert!(got.matches(word).count() >= 5, "{tool}: {word} in:\n{text}");
        }
        // Doubles the report's own text has ("เจ้าหน้าที่ที่อยู่" in seed 004) are not the bug.
        let docx = prongsai_reports::render(&data, Format::Docx, &common::thai()).expect("DOCX");
        let expected = doubled_clusters(&squeezed(&docx_text(&docx)));
        let doubles: Vec<String> = doubled_clusters(&got)
            .into_iter()
            .filter(|d| !expected.contains(d))
            .collect();
        assert!(doubles.is_empty(), "{tool}: doubled clusters {doubles:?}");
    }
}

#[test]
fn doubled_clusters_are_found() {
    // The check itself: it must see the bug this file guards against, and not real words.
    assert_eq!(doubled_clusters("ขั้ขั้นตอน"), ["ขั้ขั้"]);
    assert_eq!(doubled_clusters("ซึ่ซึ่งมี"), ["ซึ่ซึ่"]);
    assert!(doubled_clusters(&STACKED.join("")).is_empty());
}
