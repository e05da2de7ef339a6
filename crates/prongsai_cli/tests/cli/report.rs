//! `prongsai report`: the documented pipeline import-report JSON → PDF/DOCX/HTML for every seed whose kind fits, and its errors.

use std::path::Path;
use std::process::Command;

use crate::import::seed;
use crate::{run, temp_dir, write};

/// The text of a PDF, through poppler's pdftotext (installed by scripts/setup).
fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", &path.display().to_string(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).expect("UTF-8 text")
}

/// import-report seed → JSON file.
fn import_json(dir: &Path, prefix: &str) -> String {
    let out = run(&["import-report", &seed(prefix), "--format", "json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = dir.join(format!("{prefix}.json"));
    std::fs::write(&path, &out.stdout).expect("write json");
    path.display().to_string()
}

#[test]
fn every_seed_renders_in_every_format_of_its_kinds() {
    let dir = temp_dir("report-seeds");
    // (seed, kinds that fit it)
    let cases: &[(&str, &[&str])] = &[
        ("000", &["implementation", "measures"]),
        ("001", &["analysis", "measures"]),
        ("002", &["implementation", "measures"]),
        ("003", &["implementation", "measures"]),
        ("004", &["measures"]),
    ];
    for (prefix, kinds) in cases {
        let json = import_json(&dir, prefix);
        for kind in *kinds {
            for format in ["pdf", "docx", "html"] {
                let out_path = dir.join(format!("{prefix}-{kind}.{format}"));
                let out = run(&[
                    "report",
                    kind,
                    "--input",
                    &json,
                    "--format",
                    format,
                    "-o",
                    &out_path.display().to_string(),
                ]);
                assert!(
                    out.status.success(),
                    "seed {prefix} {kind} {format}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                let bytes = std::fs::read(&out_path).expect("output written");
                let magic: &[u8] = match format {
                    "pdf" => b"%PDF-",
                    "docx" => b"PK\x03\x04",
                    _ => b"<!doctype html>",
                };
                assert!(
                    bytes.starts_with(magic),
                    "seed {prefix} {kind} {format}: wrong magic"
                );
            }
        }
    }
}

#[test]
fn implementation_pdf_of_seed_002_carries_its_measures_and_scores() {
    let dir = temp_dir("report-002");
    let json = import_json(&dir, "002");
    let pdf = dir.join("002.pdf");
    let out = run(&[
        "report",
        "implementation",
        "--input",
        &json,
        "--format",
        "pdf",
        "-o",
        &pdf.display().to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = pdf_text(&pdf);
    // Thai government page numbers (none on page 1, "- ๒ -" on page 2) and the seed's own words, in order.
    let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(
        !squeezed.starts_with("-๑-") && squeezed.contains("-๒-"),
        "page numbers from page 2: {}",
        squeezed.chars().take(80).collect::<String>()
    );
    let measure = squeezed
        .find("E-Service")
        .expect("the E-Service measure is printed");
    assert!(
        squeezed[measure..].contains("๙๙.๔๒"),
        "e1's score 99.42 follows the measure, in Thai digits"
    );
    assert!(!squeezed.contains("99.42"), "no Arabic digits by default");
}

#[test]
fn analysis_from_a_score_file_shows_total_grade_and_weakest() {
    let dir = temp_dir("report-scores");
    let html = dir.join("a.html");
    let out = run(&[
        "report",
        "analysis",
        "--input",
        "examples/seed001-2568.csv",
        "--year",
        "2568",
        "--agency",
        "อบต.ทดสอบ <b>",
        "--format",
        "html",
        "-o",
        &html.display().to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("lang=\"th\""));
    assert!(page.contains("อบต.ทดสอบ &lt;b&gt;"), "agency name escaped");
    assert!(page.contains("<svg"), "radar chart inline");
    // Arabic digits on request.
    let arabic = dir.join("b.html");
    let out = run(&[
        "report",
        "analysis",
        "--input",
        "examples/seed001-2568.csv",
        "--year",
        "2568",
        "--arabic-digits",
        "--format",
        "html",
        "-o",
        &arabic.display().to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page_ar = std::fs::read_to_string(&arabic).expect("html");
    assert!(page.contains("๒๕๖๘") && !page_ar.contains("๒๕๖๘") && page_ar.contains("2568"));
}

#[test]
fn oit_checklist_lists_every_item_with_its_url() {
    let dir = temp_dir("report-oit");
    let csv = write(
        &dir,
        "oit.csv",
        "code,score,url\nO1,มี,https://www.example.go.th/about\nO2,ไม่มี,\n",
    );
    let html = dir.join("oit.html");
    let out = run(&[
        "report",
        "oit",
        "--input",
        &csv,
        "--year",
        "2568",
        "--format",
        "html",
        "-o",
        &html.display().to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(&html).expect("html");
    assert!(page.contains("https://www.example.go.th/about"));
    // Codes follow the digit option, like every number in the document (seeds print "O๑๓").
    for code in ["O๑", "O๒", "O๒๘"] {
        assert!(page.contains(code), "{code} listed");
    }
}

#[test]
fn documents_that_do_not_fit_exit_2_and_write_nothing() {
    let dir = temp_dir("report-errors");
    let json = import_json(&dir, "004");
    let out_path = dir.join("x.pdf");
    let out = run(&[
        "report",
        "oit",
        "--input",
        &json,
        "--format",
        "pdf",
        "-o",
        &out_path.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("OIT"));
    assert!(!out_path.exists(), "nothing written on error");
    let out = run(&[
        "report",
        "analysis",
        "--input",
        "examples/seed001-2568.csv",
        "-o",
        &out_path.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2), "a score file needs --year");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--year"));
    let bad = write(&dir, "bad.csv", "code,score,url\nO1,มี,ftp://x\n");
    let out = run(&[
        "report",
        "oit",
        "--input",
        &bad,
        "--year",
        "2568",
        "-o",
        &out_path.display().to_string(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("แถว 2"));
    assert!(!out_path.exists());
}
