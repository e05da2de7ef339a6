//! `prongsai report`: the documents agencies publish, from import-report JSON (or the legacy document) or a score file.

use std::path::Path;

use anyhow::{Context, Result};
use prongsai_domain::Catalog;
use prongsai_domain::analysis::analyze;
use prongsai_domain::thai::{CodeContext, normalize_code};
use prongsai_import::table::read_table;
use prongsai_reports::build::{
    EvidenceUrls, default_header, from_document, from_scores, oit_report,
};
use prongsai_reports::model::Signature;
use prongsai_reports::{Format, RenderOptions, ReportData, ReportError, ReportKind, render};

use crate::analyze_cmd::previous_result;
use crate::args::{CatalogSource, ReportArgs, ReportFormat, ReportKindArg};
use crate::error::user;
use crate::input::{framework, load_catalog, read_user_file, score_sheet, sheet};

/// Header names of the score file's columns (as accepted by the score-file reader) and of the URL column.
const CODE_HEADERS: &[&str] = &["code", "รหัส", "ข้อ"];
const SCORE_HEADERS: &[&str] = &["score", "คะแนน", "value"];
const URL_HEADERS: &[&str] = &["url", "link", "evidence", "ลิงก์", "หลักฐาน", "url หลักฐาน"];

/// Runs `prongsai report`.
pub fn run(src: &CatalogSource, a: &ReportArgs) -> Result<()> {
    let catalog = load_catalog(src)?;
    let kind = kind(a.kind);
    let bytes = read_user_file(&a.input)?;
    let name = a.input.display().to_string();
    let mut data = match score_columns(&name, &bytes) {
        Some(url_column) => from_score_file(&catalog, a, kind, &bytes, url_column)?,
        None => {
            let doc = prongsai_import::report::import_report(&name, &bytes, Some(&catalog))
                .map_err(|e| user(e.to_string()))?;
            // What the importer noticed is the clerk's to check before publishing.
            for w in &doc.warnings {
                match w.line {
                    Some(line) => eprintln!("{name}:{line}: {}", w.message),
                    None => eprintln!("{name}: {}", w.message),
                }
            }
            from_document(&doc, kind).map_err(|e| report_error(&name, e))?
        }
    };
    override_header(&mut data, a);
    let options = RenderOptions {
        thai_digits: !a.arabic_digits,
        docx_font: a.docx_font.clone(),
        docx_font_size: a.docx_font_size,
        as_of: a.as_of.clone(),
    };
    for (flag, value) in [("--as-of", &a.as_of), ("--signed-on", &a.signed_on)] {
        if let Some(d) = value
            && d.parse::<jiff::civil::Date>().is_err()
        {
            return Err(user(format!(
                "{flag} {d}: วันที่ต้องเป็นแบบ YYYY-MM-DD เช่น 2026-11-21 (the date must be YYYY-MM-DD)"
            )));
        }
    }
    data.header.signature = Some(Signature {
        name: a.signer_name.clone().unwrap_or_default(),
        position: a.signer_position.clone().unwrap_or_default(),
        date: a.signed_on.clone(),
    });
    let bytes = render(&data, format(a.format), &options).map_err(|e| report_error(&name, e))?;
    write_atomically(&a.output, &bytes)
}

fn kind(k: ReportKindArg) -> ReportKind {
    match k {
        ReportKindArg::Analysis => ReportKind::Analysis,
        ReportKindArg::Measures => ReportKind::Measures,
        ReportKindArg::Implementation => ReportKind::Implementation,
        ReportKindArg::Midyear => ReportKind::Midyear,
        ReportKindArg::Oit => ReportKind::Oit,
    }
}

fn format(f: ReportFormat) -> Format {
    match f {
        ReportFormat::Pdf => Format::Pdf,
        ReportFormat::Docx => Format::Docx,
        ReportFormat::Html => Format::Html,
    }
}

/// Data that does not fit the document is the user's to fix (exit 2); a renderer failure is ours.
fn report_error(input: &str, e: ReportError) -> anyhow::Error {
    match e {
        ReportError::MissingData(_) => user(format!("{input}: {e}")),
        ReportError::Pdf(_) | ReportError::Docx(_) | ReportError::Chart(_) => anyhow::Error::new(e),
    }
}

fn find(headers: &[String], names: &[&str]) -> Option<usize> {
    headers.iter().position(|h| {
        let h = h.trim();
        names.iter().any(|n| h.eq_ignore_ascii_case(n))
    })
}

/// Whether the input is a score table (CSV/XLSX with code and score columns); if so, the
/// index of its URL column, if any. JSON, text and Word documents are not score tables.
fn score_columns(name: &str, bytes: &[u8]) -> Option<Option<usize>> {
    let lower = name.to_ascii_lowercase();
    let tabular = lower.ends_with(".csv") || lower.ends_with(".xlsx");
    if !tabular {
        return None;
    }
    let table = read_table(name, bytes).ok()?;
    let (_, headers) = table.rows.first()?;
    find(headers, CODE_HEADERS)?;
    find(headers, SCORE_HEADERS)?;
    Some(find(headers, URL_HEADERS))
}

fn from_score_file(
    catalog: &Catalog,
    a: &ReportArgs,
    kind: ReportKind,
    bytes: &[u8],
    url_column: Option<usize>,
) -> Result<ReportData> {
    let year = a
        .year
        .ok_or_else(|| user("ไฟล์คะแนนต้องระบุ --year เช่น --year 2568 (a score file needs --year)"))?;
    let fw = framework(catalog, year)?;
    let name = a.input.display().to_string();
    let input = sheet(fw, Some(&a.input), &[])?;
    let current = &input.sheet;
    let urls = match url_column {
        Some(col) => evidence_urls(&name, bytes, col)?,
        None => EvidenceUrls::new(),
    };
    let header = default_header(kind, Some(year));
    if kind == ReportKind::Oit {
        return Ok(oit_report(fw, header, &current.iter().collect(), &urls));
    }
    let result = score_sheet(fw, current, &name)?;
    let previous = previous_result(catalog, year, a.previous.as_deref(), a.previous_year)?;
    let analysis = analyze(fw, catalog.guidance(year), &result, previous.as_ref());
    from_scores(
        fw,
        &result,
        &analysis,
        header,
        kind,
        &urls,
        input.official.as_ref(),
    )
    .map_err(|e| report_error(&name, e))
}

/// The URL column of a score table, by OIT code; a URL that is not http(s) is a located error.
fn evidence_urls(name: &str, bytes: &[u8], col: usize) -> Result<EvidenceUrls> {
    let table = read_table(name, bytes).map_err(|e| user(e.to_string()))?;
    let mut urls = EvidenceUrls::new();
    let Some(((_, headers), rows)) = table.rows.split_first() else {
        return Ok(urls);
    };
    let code_col = find(headers, CODE_HEADERS).unwrap_or(0);
    for (row, cells) in rows {
        let url = cells.get(col).map(|c| c.trim()).unwrap_or_default();
        if url.is_empty() {
            continue;
        }
        let Some(code) = cells
            .get(code_col)
            .and_then(|c| normalize_code(c, CodeContext::Any).ok())
        else {
            continue; // the score reader already reported bad codes
        };
        if !(url.starts_with("https://") || url.starts_with("http://")) {
            return Err(user(format!(
                "{name} แถว {row} คอลัมน์ url: \"{url}\" ไม่ใช่ลิงก์เว็บ ต้องขึ้นต้นด้วย https:// (row {row}, column url: not a web link)"
            )));
        }
        if code.prefix == prongsai_domain::CodePrefix::O {
            urls.insert(code, url.to_owned());
        }
    }
    Ok(urls)
}

fn override_header(data: &mut ReportData, a: &ReportArgs) {
    let h = &mut data.header;
    if let Some(x) = &a.agency {
        h.agency = x.clone();
    }
    if let Some(x) = &a.district {
        h.district = Some(x.clone());
    }
    if let Some(x) = &a.province {
        h.province = Some(x.clone());
    }
    if let Some(y) = a.year {
        h.fiscal_year = Some(y);
    }
}

/// Writes `bytes` to `path` through a temporary file in the same directory, so a failure
/// never leaves a half-written document behind.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, bytes).map_err(|e| {
        user(format!(
            "{}: เขียนไฟล์ไม่ได้ (cannot write): {e}",
            path.display()
        ))
    })?;
    std::fs::rename(&tmp, path)
        .with_context(|| format!("while moving the report into {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tables_with_code_and_score_are_score_files() {
        assert_eq!(score_columns("a.csv", b"code,score\ni1,100\n"), Some(None));
        assert_eq!(
            score_columns("a.csv", b"code,score,url\nO1,1,https://x.go.th\n"),
            Some(Some(2))
        );
        assert_eq!(score_columns("a.csv", b"measure,steps\nx,y\n"), None);
        assert_eq!(score_columns("a.json", b"{\"code\":1}"), None);
        assert_eq!(score_columns("a.txt", b"code,score\n"), None);
    }

    #[test]
    fn urls_are_checked_and_keyed_by_oit_code() {
        let ok = evidence_urls(
            "a.csv",
            b"code,score,url\nO1,1,https://x.go.th/a\ni1,100,\n",
            2,
        )
        .expect("valid");
        assert_eq!(
            ok.get(&"O1".parse::<prongsai_domain::Code>().expect("code"))
                .map(String::as_str),
            Some("https://x.go.th/a")
        );
        let bad = evidence_urls("a.csv", b"code,score,url\nO1,1,www.x.go.th\n", 2)
            .expect_err("not a web link");
        assert!(bad.to_string().contains("แถว 2"), "{bad}");
    }
}
