//! Line breaks in the PDF: no line ends inside a Thai word that typst's segmenter used to split.

// Words seen split in real reports ("กัน|ยายน", "พัส|ดุ", "อิเล็ก|ทรอนิกส์", "ผู้|บังคับบัญชา") and
// the era with its year ("พ.ศ. ๒๕๖๘"), laid out in the narrow cells of a measures plan with
// different amounts of text before them, so line ends fall in many places.

use std::process::Command;

use prongsai_reports::{Format, ReportKind};

use crate::common;

/// Hand-written: words that must stay on one line.
const WHOLE: [&str; 6] = [
    "กันยายน",
    "พัสดุ",
    "อิเล็กทรอนิกส์",
    "ผู้บังคับบัญชา",
    "พ.ศ. ๒๕๖๘",
    "พฤศจิกายน",
];

/// Sentences using every word of `WHOLE`, after `n` short filler words.
fn sentence(n: usize) -> String {
    format!(
        "{}ส่งมอบพัสดุให้ผู้บังคับบัญชาตรวจรับภายในเดือนกันยายน พ.ศ. ๒๕๖๘ \
         ผ่านระบบอิเล็กทรอนิกส์และรายงานผลในเดือนพฤศจิกายน",
        "ให้".repeat(n)
    )
}

/// The lines of `pdf` in content-stream order (a cell's lines one after another), whitespace removed.
fn pdf_lines(pdf: &[u8]) -> Vec<String> {
    let path = common::temp_path("line-breaks.pdf");
    std::fs::write(&path, pdf).expect("write temp PDF");
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("pdftotext: {e} (apt-get install poppler-utils)"));
    let _ = std::fs::remove_file(&path);
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| l.chars().filter(|c| !c.is_whitespace()).collect::<String>())
        .filter(|l| !l.is_empty())
        .collect()
}

/// `word` cut at every character boundary that is not before a combining mark.
fn cuts(word: &str) -> Vec<(String, String)> {
    let w: String = word.chars().filter(|c| !c.is_whitespace()).collect();
    let chars: Vec<char> = w.chars().collect();
    (1..chars.len())
        .filter(|&i| {
            !matches!(chars[i], '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
        })
        .map(|i| (chars[..i].iter().collect(), chars[i..].iter().collect()))
        .collect()
}

#[test]
fn no_line_ends_inside_a_listed_word() {
    let mut data = common::seed_report(4, ReportKind::Measures);
    let measures: Vec<_> = data
        .measure_groups
        .iter_mut()
        .flat_map(|g| g.measures.iter_mut())
        .collect();
    assert!(measures.len() >= 3, "the seed has measures");
    for (m, measure) in measures.into_iter().enumerate() {
        measure.steps = (0..6).map(|n| sentence(n + m)).collect();
        measure.period = format!("๑ ตุลาคม ๒๕๖๗ – {}๓๐ กันยายน พ.ศ. ๒๕๖๘", "ถึง ".repeat(m % 3));
        measure.responsible = vec![format!("{}เจ้าหน้าที่พัสดุ", "งาน".repeat(m % 4))];
    }
    let pdf = prongsai_reports::render(&data, Format::Pdf, &common::thai()).expect("PDF");
    let lines = pdf_lines(&pdf);
    let all = lines.concat();
    let mut broken = Vec::new();
    for word in WHOLE {
        let squeezed: String = word.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(all.contains(&squeezed), "{word} is printed");
        for pair in lines.windows(2) {
            for (head, tail) in cuts(word) {
                if pair[0].ends_with(&head) && pair[1].starts_with(&tail) {
                    broken.push(format!("{head}|{tail}"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "lines end inside words: {broken:?}");
}

#[test]
fn the_check_sees_a_cut_word() {
    let lines = ["ภายในเดือนกัน".to_owned(), "ยายนพ.ศ.".to_owned()];
    let found = cuts("กันยายน")
        .into_iter()
        .any(|(h, t)| lines[0].ends_with(&h) && lines[1].starts_with(&t));
    assert!(found);
    assert!(
        cuts("ผู้บังคับบัญชา")
            .iter()
            .all(|(_, t)| !t.starts_with('\u{0E49}'))
    );
}
