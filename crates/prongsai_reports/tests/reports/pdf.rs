//! PDF output: text in order, fonts embedded, page counts.

// Checked with poppler-utils (pdftotext, pdfinfo, pdffonts) on reports built from the real seeds.
//
// typst 0.15.1 / krilla 0.8.2 (typst#4225, krilla#411) write a cluster twice when a tone mark over
// an upper vowel is raised ("ขั้ขั้นตอน" when copied); src/pdf/clusters.rs undoes that and
// text_layer.rs checks the text layer strictly. `normalize` still folds doubled clusters so these
// order checks test our layout alone; `doubled_clusters_stay_rare` is the coarse guard.

use std::path::{Path, PathBuf};
use std::process::Command;

use prongsai_reports::model::{Header, OitRow, OitStatus, ReportData};
use prongsai_reports::{RenderOptions, ReportKind, pdf, text};

use crate::common;

/// A PDF written to a unique temp file, removed when dropped.
struct TempPdf(PathBuf);

impl TempPdf {
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempPdf {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn rendered(data: &ReportData, options: &RenderOptions) -> TempPdf {
    let bytes = pdf::render(data, options).expect("render PDF");
    assert!(bytes.starts_with(b"%PDF-"));
    let path = common::temp_path(&format!("{}.pdf", data.kind.slug()));
    std::fs::write(&path, bytes).expect("write temp PDF");
    TempPdf(path)
}

/// Output of a poppler tool; panics with its stderr when it fails or is missing.
fn poppler(tool: &str, args: &[&str], pdf: &TempPdf) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(pdf.path());
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e} (apt-get install poppler-utils)"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// `pdftotext -layout` of the whole document, or of page `page` only.
fn layout_text(pdf: &TempPdf, page: Option<usize>) -> String {
    match page {
        Some(p) => {
            let p = p.to_string();
            poppler("pdftotext", &["-layout", "-f", &p, "-l", &p], pdf)
        }
        None => poppler("pdftotext", &["-layout"], pdf),
    }
}

/// Whitespace removed (the layout puts spaces where columns and justified lines have gaps) and
/// doubled stacked clusters folded (see the note at the top).
fn normalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().filter(|c| !c.is_whitespace()).collect();
    let stacked = |w: &[char]| {
        ('ก'..='ฮ').contains(&w[0])
            && matches!(w[1], '\u{0E31}' | '\u{0E34}'..='\u{0E37}')
            && ('\u{0E48}'..='\u{0E4C}').contains(&w[2])
    };
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        if i + 6 <= chars.len()
            && stacked(&chars[i..i + 3])
            && chars[i..i + 3] == chars[i + 3..i + 6]
        {
            i += 3;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Asserts that `needles` occur in `haystack` in this order (after `normalize`).
fn assert_in_order(haystack: &str, needles: &[String]) {
    let hay = normalize(haystack);
    let mut from = 0;
    for needle in needles {
        let n = normalize(needle);
        match hay[from..].find(&n) {
            Some(i) => from += i + n.len(),
            None => panic!("{needle:?} missing or out of order in:\n{haystack}"),
        }
    }
}

/// The first `n` characters of `s` (a cell's first line is at least that long).
fn head(s: &str, n: usize) -> String {
    s.trim().chars().take(n).collect()
}

/// Page sizes in points (width, height), rounded, from `pdfinfo -f 1 -l N`.
fn page_sizes(pdf: &TempPdf) -> Vec<(u32, u32)> {
    let info = poppler("pdfinfo", &[], pdf);
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse::<u32>().ok())
        .expect("page count");
    let last = pages.to_string();
    let info = poppler("pdfinfo", &["-f", "1", "-l", &last], pdf);
    let sizes: Vec<(u32, u32)> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains(" size: "))
        .map(|l| {
            let size = l.split(" size: ").nth(1).expect("size");
            let mut nums = size
                .split_whitespace()
                .filter_map(|w| w.parse::<f64>().ok());
            let w = nums.next().expect("width").round() as u32;
            let h = nums.next().expect("height").round() as u32;
            (w, h)
        })
        .collect();
    assert_eq!(sizes.len(), pages as usize);
    sizes
}

/// The report of `kind` from the seeds: scores for analysis and OIT, documents for the others.
fn seed(kind: ReportKind) -> ReportData {
    match kind {
        ReportKind::Analysis | ReportKind::Oit => common::scores_report(kind),
        ReportKind::Measures => common::seed_report(4, kind),
        ReportKind::Implementation | ReportKind::Midyear => common::seed_report(2, kind),
    }
}

fn has_thai_digit(s: &str) -> bool {
    s.chars().any(|c| ('๐'..='๙').contains(&c))
}

#[test]
fn analysis_prints_summary_then_indicators_in_order() {
    let data = seed(ReportKind::Analysis);
    let opts = common::thai();
    let summary = data.summary.as_ref().expect("scores give a summary");
    let pdf = rendered(&data, &opts);
    let mut needles = vec![
        data.header.title.clone(),
        data.header.agency.clone(),
        text::place_line(&data.header),
        text::fiscal_year_line(&data.header, &opts),
        "สรุปผลการประเมิน".into(),
        format!(
            "คะแนนรวม {} คะแนน ระดับ {}",
            text::score(summary.total, &opts),
            summary.grade
        ),
        // 2568 rates with a level, which says itself whether it passed: no pass sentence after it.
        text::verdict_label(summary).into(),
    ];
    assert!(
        summary.levels && summary.grade == "ผ่านดี",
        "{}",
        summary.grade
    );
    for tool in &summary.tools {
        needles.push(tool.code.clone());
        needles.push(text::score(tool.score, &opts));
    }
    // One short Thai note on where the figures come from, no list of internal assumptions.
    needles.push(format!(
        "หมายเหตุ: {}",
        prongsai_reports::build::COMPUTED_NOTE
    ));
    needles.push("ผลการวิเคราะห์รายตัวชี้วัด".into());
    for block in &data.indicators {
        let number = block
            .number
            .map(|n| format!("ที่ {}", text::number(n, &opts)))
            .unwrap_or_default();
        let score = block
            .score
            .map(|s| format!(" ({})", text::score(s, &opts)))
            .unwrap_or_default();
        needles.push(format!("ตัวชี้วัด{number} {}{score}", block.name));
        if let Some(q) = block.questions.iter().find(|q| q.weakest) {
            needles.push(text::digits(&q.code, &opts));
            needles.push(text::score_or_dash(q.score, &opts));
            needles.push("▼ ต่ำสุด".into());
        }
    }
    let all = layout_text(&pdf, None);
    assert_in_order(&all, &needles);
    assert!(data.indicators.len() >= 10, "every indicator has a block");
    assert!(
        page_sizes(&pdf).iter().all(|&s| s == (595, 842)),
        "analysis pages are portrait A4"
    );
}

#[test]
fn implementation_report_is_landscape_with_the_header_on_every_page() {
    let data = seed(ReportKind::Implementation);
    let opts = common::thai();
    let pdf = rendered(&data, &opts);
    let sizes = page_sizes(&pdf);
    assert!(
        sizes.len() >= 4 && sizes.len() <= 40,
        "{} pages",
        sizes.len()
    );
    assert!(sizes.iter().all(|&s| s == (842, 595)), "{sizes:?}");
    for page in 1..=sizes.len() {
        let t = layout_text(&pdf, Some(page));
        let first = t.lines().find(|l| !l.trim().is_empty()).unwrap_or_default();
        if page == 1 {
            // Official Thai documents number pages from the second one.
            assert!(!normalize(first).starts_with("-๑-"), "page 1: {first}");
        } else {
            assert_eq!(
                normalize(first),
                normalize(&text::page_number(page as u32, &opts)),
                "page {page}"
            );
        }
        let header = [
            "มาตรการ/โครงการ/",
            "ระยะเวลา",
            "ผู้รับผิดชอบ",
            "ผลการดำเนินการ",
            "ผลลัพธ์หรือผลสัมฤทธิ์",
        ];
        assert_in_order(&t, &header.map(String::from));
    }
    let mut needles = vec![head(&data.header.title, 30)];
    for group in &data.measure_groups {
        if let Some(h) = &group.heading {
            needles.push(text::digits(h, &opts));
        }
        for m in &group.measures {
            needles.push(text::digits(&head(&m.title, 8), &opts));
        }
    }
    assert!(needles.len() > 8, "the seed has measures");
    assert_in_order(&layout_text(&pdf, None), &needles);
}

#[test]
fn measures_plan_is_landscape_and_drops_empty_columns() {
    let mut data = seed(ReportKind::Measures);
    let opts = common::thai();
    let pdf = rendered(&data, &opts);
    assert!(page_sizes(&pdf).iter().all(|&s| s == (842, 595)));
    let titles: Vec<String> = data
        .measure_groups
        .iter()
        .flat_map(|g| g.measures.iter())
        .map(|m| text::digits(&head(&m.title, 8), &opts))
        .collect();
    assert!(titles.len() >= 3);
    let all = layout_text(&pdf, None);
    // Seed 004's plan has follow-up and suggestion columns: they are printed too.
    let mut needles: Vec<String> = ["ที่", "ขั้นตอน/วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ข้อเสนอแนะ"]
        .map(String::from)
        .to_vec();
    needles.extend(titles);
    assert_in_order(&all, &needles);
    assert!(
        !normalize(&all).contains("ผลลัพธ์"),
        "no implementation columns in a plan"
    );
    for m in data
        .measure_groups
        .iter_mut()
        .flat_map(|g| g.measures.iter_mut())
    {
        m.analysis.clear();
    }
    let all = layout_text(&rendered(&data, &opts), None);
    assert!(
        !normalize(&all).contains("ผลการวิเคราะห์"),
        "an empty column is dropped"
    );
}

#[test]
fn oit_checklist_groups_rows_and_wraps_urls() {
    let data = seed(ReportKind::Oit);
    let opts = common::thai();
    let pdf = rendered(&data, &opts);
    let all = layout_text(&pdf, None);
    let mut needles = vec![format!(
        "ทั้งหมด {} ข้อ",
        text::number(data.oit_items.len(), &opts)
    )];
    let mut group = "";
    for item in &data.oit_items {
        if item.group != group {
            group = &item.group;
            needles.push(text::digits(group, &opts));
        }
        needles.push(text::digits(&item.code, &opts));
        needles.push(text::oit_status(item.status).into());
    }
    assert_in_order(&all, &needles);
    assert!(page_sizes(&pdf).iter().all(|&s| s == (595, 842)));
    let url = data
        .oit_items
        .iter()
        .find_map(|i| i.url.clone())
        .expect("a URL in the fixture");
    let line = all
        .lines()
        .find(|l| l.contains("https://"))
        .expect("URL line");
    assert!(!line.contains(&url), "URL not wrapped: {line}");
    assert!(
        normalize(&all).contains(&normalize(&url)),
        "whole URL printed"
    );
}

#[test]
fn sarabun_is_the_only_font_and_is_embedded() {
    let pdf = rendered(&seed(ReportKind::Analysis), &common::thai());
    let fonts = poppler("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.iter().any(|r| r.contains("Sarabun-Bold")), "{fonts}");
    assert!(
        rows.iter().any(|r| r.contains("Sarabun-Regular")),
        "{fonts}"
    );
    for row in rows {
        assert!(row.contains("Sarabun"), "only Sarabun: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        // … emb sub uni object ID: emb is the fifth column from the end.
        assert_eq!(cols[cols.len() - 5], "yes", "embedded: {row}");
    }
}

#[test]
fn every_kind_renders_with_the_digits_asked_for() {
    for kind in ReportKind::ALL {
        let data = seed(kind);
        // No number on page 1, "- ๒ -" / "- 2 -" on top of page 2.
        let thai_pdf = rendered(&data, &common::thai());
        assert!(page_count(&thai_pdf) >= 2, "{kind:?}: two pages at least");
        assert!(!normalize(&layout_text(&thai_pdf, Some(1))).contains("-๑-"));
        assert!(
            normalize(&layout_text(&thai_pdf, Some(2))).starts_with("-๒-"),
            "{kind:?}: Thai page number"
        );
        let latin_pdf = rendered(&data, &common::arabic());
        let latin = layout_text(&latin_pdf, None);
        assert!(!normalize(&layout_text(&latin_pdf, Some(1))).starts_with("-1-"));
        assert!(
            normalize(&layout_text(&latin_pdf, Some(2))).starts_with("-2-"),
            "{kind:?}: Arabic page number"
        );
        assert!(!normalize(&latin).contains("-๒-"), "{kind:?}");
        assert!(
            !has_thai_digit(&latin),
            "{kind:?}: Thai digit with thai_digits=false:\n{latin}"
        );
    }
}

#[test]
fn as_of_line_is_printed_only_when_asked() {
    let data = seed(ReportKind::Oit);
    let options = RenderOptions {
        as_of: Some("2026-11-21".into()),
        ..common::thai()
    };
    let with = layout_text(&rendered(&data, &options), None);
    assert!(normalize(&with).contains(&normalize("ข้อมูล ณ วันที่ ๒๑ พฤศจิกายน ๒๕๖๙")));
    let without = layout_text(&rendered(&data, &common::thai()), None);
    assert!(!normalize(&without).contains("ข้อมูลณวันที่"));
}

#[test]
fn doubled_clusters_stay_rare() {
    let pdf = rendered(&seed(ReportKind::Implementation), &common::thai());
    let all = layout_text(&pdf, None);
    let squeezed: String = all.chars().filter(|c| !c.is_whitespace()).collect();
    let folded = normalize(&all);
    let doubled = (squeezed.chars().count() - folded.chars().count()) / 3;
    // Measured on seed 002 with typst 0.15.1: 81 doubled clusters in about 14,000 characters.
    // Far more would mean something else went wrong with the text layer.
    assert!(
        doubled * 100 < folded.chars().count(),
        "{doubled} doubled clusters"
    );
}

/// The page count of a rendered PDF.
fn page_count(pdf: &TempPdf) -> usize {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("page count")
}

#[test]
fn seed_003_implementation_report_ends_with_the_recommendations_on_portrait_pages() {
    let data = common::seed_report(3, ReportKind::Implementation);
    let r = data
        .header
        .recommendations
        .as_ref()
        .expect("seed 003 has recommendations");
    let opts = common::thai();
    let pdf = rendered(&data, &opts);
    let all = layout_text(&pdf, None);
    let last_measure = data
        .measure_groups
        .iter()
        .flat_map(|g| &g.measures)
        .last()
        .expect("measures");
    let ep1 = r
        .tools
        .iter()
        .flat_map(|t| &t.indicators)
        .flat_map(|g| &g.items)
        .find(|i| i.code == "EP1")
        .expect("EP1 item");
    let needles = [
        text::digits(&head(&last_measure.title, 8), &opts),
        text::digits(&head(&r.heading, 24), &opts),
        "(InternalIntegrityandTransparencyAssessment:IIT)".to_owned(),
        "ส่วนที่ ๑ ผู้รับบริการ".to_owned(),
        "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน".to_owned(),
        "ข้อ EP๑".to_owned(),
        text::digits(&head(&ep1.text, 20), &opts),
        "ข้อมูลที่ต้องเปิดเผยที่เกี่ยวข้อง: คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่, คู่มือหรือแนวทางการให้บริการสำหรับผู้รับบริการหรือผู้มาติดต่อ".to_owned(),
        "ข้อ ES๔".to_owned(),
        "ตัวชี้วัดย่อยที่อ้างอิง: ๙.๑, ๙.๒, ๙.๓".to_owned(),
        "(OpenDataIntegrityandTransparencyAssessment:OIT)".to_owned(),
    ];
    assert_in_order(&all, &needles);
    assert!(!normalize(&all).contains("EP1"), "codes in Thai digits");
    // The tables are landscape; the section starts on a portrait page of its own.
    let sizes = page_sizes(&pdf);
    let first_portrait = sizes
        .iter()
        .position(|&s| s == (595, 842))
        .expect("portrait pages");
    assert!(first_portrait >= 1);
    assert!(sizes[..first_portrait].iter().all(|&s| s == (842, 595)));
    assert!(sizes[first_portrait..].iter().all(|&s| s == (595, 842)));
    let page = layout_text(&pdf, Some(first_portrait + 1));
    assert!(
        normalize(&page).starts_with(&normalize(&format!(
            "{}{}",
            text::page_number(first_portrait as u32 + 1, &opts),
            text::digits(&head(&r.heading, 12), &opts)
        ))),
        "page number, then the heading:\n{page}"
    );
    let arabic = layout_text(&rendered(&data, &common::arabic()), None);
    assert!(normalize(&arabic).contains("ข้อEP1"));
    assert!(
        !normalize(&arabic).contains("O10,O11"),
        "cited items print as words"
    );
    assert!(!has_thai_digit(&arabic), "{arabic}");
}

/// Heading word of the synthetic groups: a group row's text starts with it, no item's does.
const GROUP_WORD: &str = "หมวดทดสอบที่";

/// An OIT checklist of many small groups (one to three rows of varied height) and one long group,
/// so that page ends fall next to group rows in many places.
fn long_checklist() -> ReportData {
    let mut items = Vec::new();
    let mut code = 0;
    for g in 1..=36 {
        let rows = if g == 36 { 40 } else { 1 + g % 3 };
        for k in 0..rows {
            code += 1;
            let words = "ข้อมูลการดำเนินงานของหน่วยงานที่เผยแพร่ต่อสาธารณะ ";
            items.push(OitRow {
                code: format!("O{code}"),
                indicator: Some(9),
                group: format!("{GROUP_WORD} {g} การเปิดเผยข้อมูล"),
                title: format!("รายการที่ {code} {}", words.repeat(1 + (code * 7 + k) % 4)),
                status: if code % 5 == 0 {
                    OitStatus::No
                } else {
                    OitStatus::Yes
                },
                url: (code % 2 == 0).then(|| format!("https://www.example.go.th/ita/o{code}")),
            });
        }
    }
    ReportData {
        kind: ReportKind::Oit,
        header: Header {
            title: String::new(),
            agency: "องค์การบริหารส่วนตำบลทดสอบ".into(),
            fiscal_year: Some(2568),
            ..Header::default()
        },
        summary: None,
        indicators: Vec::new(),
        measure_groups: Vec::new(),
        oit_items: items,
        paragraphs: Vec::new(),
    }
}

#[test]
fn oit_group_rows_never_end_a_page_and_repeat_on_continued_pages() {
    let data = long_checklist();
    let opts = common::thai();
    // Shifting the table down by a line at a time moves every page end past a different row.
    for intro in 0..4 {
        let mut data = data.clone();
        data.paragraphs = vec!["ข้อความนำ".to_owned(); intro];
        let pdf = rendered(&data, &opts);
        let pages = page_count(&pdf);
        assert!(pages >= 6, "{pages} pages");
        for page in 1..=pages {
            let t = layout_text(&pdf, Some(page));
            let lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
            let last = lines.last().copied().unwrap_or_default();
            assert!(
                !last.trim_start().starts_with(GROUP_WORD),
                "page {page} ends with a group row:\n{t}"
            );
            if page > 1 {
                // Under the repeated column titles comes the group the page continues (or a new one).
                let at = lines
                    .iter()
                    .position(|l| l.contains("สถานะ"))
                    .expect("column titles repeat");
                assert!(
                    lines
                        .get(at + 1)
                        .is_some_and(|l| l.trim_start().starts_with(GROUP_WORD)),
                    "page {page} starts without its group:\n{t}"
                );
            }
        }
    }
}
