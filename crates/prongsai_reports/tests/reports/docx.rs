//! DOCX output: a zip Word opens, with the expected tables, sections and orientation.

use std::collections::HashMap;
use std::io::Read;

use prongsai_reports::model::{MeasureGroup, MeasureRow};
use prongsai_reports::{ReportError, ReportKind, docx};

use crate::common;

pub(crate) mod xml;

use xml::{Node, parse};

/// The XML parts of a DOCX package by name.
fn unzip(bytes: &[u8]) -> HashMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut parts = HashMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("zip entry");
        // Pictures (word/media/) are not text.
        if file.is_dir() || file.name().is_ok_and(|n| n.starts_with("word/media/")) {
            continue;
        }
        let mut s = String::new();
        file.read_to_string(&mut s).expect("utf-8 part");
        parts.insert(file.name().expect("entry name").into_owned(), s);
    }
    parts
}

/// The package of `data` rendered with `opts`, and its parsed `word/document.xml`.
fn render(
    data: &prongsai_reports::ReportData,
    opts: &prongsai_reports::RenderOptions,
) -> (HashMap<String, String>, Node) {
    let bytes = docx::render(data, opts).expect("docx renders");
    let parts = unzip(&bytes);
    let doc = parse(&parts["word/document.xml"]);
    (parts, doc)
}

/// Page size (w, h, orient) and margins of every section, in order.
fn sections(doc: &Node) -> Vec<(String, String, String, Node)> {
    doc.find_all("w:sectPr")
        .into_iter()
        .map(|s| {
            let sz = s.find("w:pgSz").expect("pgSz");
            let mar = s.find("w:pgMar").expect("pgMar").clone();
            (sz.attr("w:w"), sz.attr("w:h"), sz.attr("w:orient"), mar)
        })
        .collect()
}

/// The page number format of every section; also checks that each section's
/// header reference comes first, as the schema orders them.
fn page_number_formats(doc: &Node) -> Vec<String> {
    doc.find_all("w:sectPr")
        .into_iter()
        .map(|s| {
            let first = s.children_named("w:headerReference");
            assert_eq!(first.len(), 1, "one header per section");
            let names: Vec<&str> = s
                .children
                .iter()
                .filter_map(|c| match c {
                    xml::Child::Node(n) => Some(n.name.as_str()),
                    xml::Child::Text(_) => None,
                })
                .collect();
            assert_eq!(
                names[..4],
                ["w:headerReference", "w:pgSz", "w:pgMar", "w:pgNumType"]
            );
            s.find("w:pgNumType").expect("pgNumType").attr("w:fmt")
        })
        .collect()
}

/// Asserts the government margins on every section.
fn assert_margins(doc: &Node) {
    for (_, _, _, mar) in sections(doc) {
        assert_eq!(mar.attr("w:top"), "1417");
        assert_eq!(mar.attr("w:left"), "1701");
        assert_eq!(mar.attr("w:right"), "1134");
        assert_eq!(mar.attr("w:bottom"), "1134");
    }
}

/// Asserts that every table flags its first row, and only it, as a repeated header row.
fn assert_header_rows(doc: &Node) {
    for table in doc.find_all("w:tbl") {
        let rows = table.children_named("w:tr");
        assert!(rows.len() >= 2, "a table has a header and at least one row");
        assert!(rows[0].find("w:tblHeader").is_some(), "first row repeats");
        assert!(rows[1..].iter().all(|r| r.find("w:tblHeader").is_none()));
        let layout = table.find("w:tblLayout").expect("layout");
        assert_eq!(layout.attr("w:type"), "fixed");
        let grid: Vec<usize> = table
            .find_all("w:gridCol")
            .iter()
            .map(|g| g.attr("w:w").parse().expect("twips"))
            .collect();
        assert!(grid.len() >= 3 && grid.iter().all(|&w| w >= 600));
    }
}

/// Asserts that `needles` occur in `hay` in this order.
pub(crate) fn assert_in_order(hay: &str, needles: &[String]) {
    let mut at = 0;
    for n in needles {
        let found = hay[at..].find(n.as_str());
        assert!(found.is_some(), "{n:?} missing or out of order");
        at += found.unwrap_or(0) + n.len();
    }
}

#[test]
fn implementation_report_has_its_heading_and_tables_on_landscape_pages() {
    let data = common::seed_report(2, ReportKind::Implementation);
    let (_, doc) = render(&data, &common::thai());
    let secs = sections(&doc);
    assert_eq!(secs.len(), 1, "one landscape section: heading and tables");
    assert_eq!(
        (secs[0].0.as_str(), secs[0].1.as_str(), secs[0].2.as_str()),
        ("16838", "11906", "landscape")
    );
    assert_margins(&doc);
    assert_header_rows(&doc);
    let groups = data
        .measure_groups
        .iter()
        .filter(|g| !g.measures.is_empty())
        .count();
    assert_eq!(doc.find_all("w:tbl").len(), groups);
    let text = doc.text();
    let titles: Vec<String> = data
        .measure_groups
        .iter()
        .flat_map(|g| &g.measures)
        .map(|m| prongsai_reports::text::digits(m.title.trim(), &common::thai()))
        .collect();
    assert!(titles.len() >= 3);
    assert_in_order(&text, &titles);
    assert!(text.contains("ผลการดำเนินการ") && text.contains("ผลลัพธ์"));
}

#[test]
fn digits_follow_the_option_in_text_and_page_numbers() {
    for n in [0, 2, 3] {
        let data = common::seed_report(n, ReportKind::Implementation);
        let (_, doc) = render(&data, &common::thai());
        let text = doc.text();
        assert!(
            !text.chars().any(|c| c.is_ascii_digit()),
            "seed {n}: Arabic digit in Thai output"
        );
        // Seed 003 has a second, portrait section: the recommendations after the tables.
        let formats = page_number_formats(&doc);
        assert!(!formats.is_empty() && formats.iter().all(|f| f == "thaiNumbers"));
        let (parts, doc) = render(&data, &common::arabic());
        let text = doc.text();
        assert!(
            !text.chars().any(|c| ('๐'..='๙').contains(&c)),
            "seed {n}: Thai digit in Arabic output"
        );
        let formats = page_number_formats(&doc);
        assert!(!formats.is_empty() && formats.iter().all(|f| f == "decimal"));
        assert!(parse(&parts["word/header1.xml"]).text().contains("- 1 -"));
    }
    let data = common::seed_report(2, ReportKind::Implementation);
    let (parts, _) = render(&data, &common::thai());
    let header = parse(&parts["word/header1.xml"]).text();
    assert_eq!(header.trim(), "- ๑ -");
    let page = parse(&parts["word/header1.xml"]);
    assert_eq!(page.find("w:jc").expect("centred").attr("w:val"), "center");
    let field = page.find("w:instrText").expect("PAGE field").text();
    assert_eq!(field.trim(), "PAGE");
}

#[test]
fn measures_plan_is_landscape_with_its_columns() {
    for n in [1, 4] {
        let data = common::seed_report(n, ReportKind::Measures);
        let (_, doc) = render(&data, &common::thai());
        let secs = sections(&doc);
        assert_eq!(secs.last().map(|s| s.2.as_str()), Some("landscape"));
        assert_header_rows(&doc);
        let with_analysis = data
            .measure_groups
            .iter()
            .flat_map(|g| &g.measures)
            .any(|m| !m.analysis.trim().is_empty());
        // ที่, the title, then each column some measure fills (steps, period and units always here).
        let measures = || data.measure_groups.iter().flat_map(|g| &g.measures);
        let follow_up = measures().any(|m| !m.follow_up.trim().is_empty());
        let suggestions = measures().any(|m| !m.suggestions.trim().is_empty());
        let columns =
            5 + usize::from(with_analysis) + usize::from(follow_up) + usize::from(suggestions);
        for table in doc.find_all("w:tbl") {
            assert_eq!(table.find_all("w:gridCol").len(), columns);
            assert_eq!(table.text().contains("ข้อเสนอแนะ"), suggestions);
            assert_eq!(table.text().contains("ผลการวิเคราะห์"), with_analysis);
            let first = &table.children_named("w:tr")[0];
            assert!(first.text().starts_with("ที่"));
        }
        let titles: Vec<String> = data
            .measure_groups
            .iter()
            .flat_map(|g| &g.measures)
            .map(|m| prongsai_reports::text::digits(m.title.trim(), &common::thai()))
            .collect();
        assert_in_order(&doc.text(), &titles);
    }
}

#[test]
fn analysis_has_a_table_per_indicator_and_marks_the_weakest() {
    let data = common::scores_report(ReportKind::Analysis);
    let (_, doc) = render(&data, &common::thai());
    let secs = sections(&doc);
    assert_eq!(secs.len(), 1);
    assert_eq!((secs[0].0.as_str(), secs[0].1.as_str()), ("11906", "16838"));
    assert_margins(&doc);
    assert_header_rows(&doc);
    let summary = data.summary.as_ref().expect("summary");
    let with_questions = data
        .indicators
        .iter()
        .filter(|b| !b.questions.is_empty())
        .count();
    let summary_tables =
        usize::from(!summary.tools.is_empty()) + usize::from(!summary.indicators.is_empty());
    assert!(with_questions >= 8);
    assert_eq!(doc.find_all("w:tbl").len(), with_questions + summary_tables);
    let text = doc.text();
    let headings: Vec<String> = data
        .indicators
        .iter()
        .filter_map(|b| b.number)
        .map(|n| {
            format!(
                "ตัวชี้วัดที่ {}",
                prongsai_reports::text::number(n, &common::thai())
            )
        })
        .collect();
    assert_in_order(&text, &headings);
    assert!(text.contains(&prongsai_reports::text::score(
        summary.total,
        &common::thai()
    )));
    // The weakest rows are bold and say so.
    let weakest = doc
        .find_all("w:tr")
        .into_iter()
        .filter(|r| r.text().contains("(ต่ำสุด)"))
        .collect::<Vec<_>>();
    let expected = data
        .indicators
        .iter()
        .flat_map(|b| &b.questions)
        .filter(|q| q.weakest)
        .count();
    assert!(expected > 0);
    assert_eq!(weakest.len(), expected);
    assert!(weakest.iter().all(|r| r.find("w:b").is_some()));
    assert!(text.contains("สาเหตุ:") && text.contains("แนวทางการพัฒนา:"));
}

#[test]
fn oit_checklist_groups_items_and_links_evidence() {
    let data = common::scores_report(ReportKind::Oit);
    let (parts, doc) = render(&data, &common::thai());
    assert_eq!(doc.find_all("w:tbl").len(), 1);
    assert_header_rows(&doc);
    let mut groups: Vec<&str> = data.oit_items.iter().map(|i| i.group.as_str()).collect();
    groups.dedup();
    let spans = doc.find_all("w:gridSpan");
    assert_eq!(spans.len(), groups.len());
    assert!(spans.iter().all(|s| s.attr("w:val") == "4"));
    let rels = &parts["word/_rels/document.xml.rels"];
    let rels_tree = parse(rels);
    let targets: Vec<String> = rels_tree
        .find_all("Relationship")
        .iter()
        .map(|r| r.attr("Target"))
        .collect();
    assert!(
        targets
            .iter()
            .any(|t| t == "https://www.example.go.th/structure?id=1&view=ita")
    );
    assert!(doc.text().contains("เปิดเผยข้อมูลแล้ว"));
}

#[test]
fn package_has_styles_fonts_and_thai_justification() {
    let data = common::seed_report(2, ReportKind::Implementation);
    let (parts, doc) = render(&data, &common::thai());
    for name in [
        "[Content_Types].xml",
        "word/styles.xml",
        "word/header1.xml",
        "_rels/.rels",
    ] {
        assert!(parts.contains_key(name), "{name} missing");
    }
    let styles = parse(&parts["word/styles.xml"]);
    let defaults = styles.find("w:docDefaults").expect("docDefaults");
    let fonts = defaults.find("w:rFonts").expect("rFonts");
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert_eq!(fonts.attr(slot), "TH SarabunIT๙", "{slot}");
    }
    assert_eq!(defaults.find("w:sz").expect("sz").attr("w:val"), "32");
    assert!(
        styles
            .find_all("w:style")
            .iter()
            .any(|s| s.attr("w:styleId") == "Heading1")
    );
    let jc: Vec<String> = doc
        .find_all("w:jc")
        .iter()
        .map(|j| j.attr("w:val"))
        .collect();
    assert!(
        jc.iter().any(|v| v == "thaiDistribute"),
        "justified paragraphs"
    );
    assert!(!jc.iter().any(|v| v == "both"));

    let opts = prongsai_reports::RenderOptions {
        docx_font: "TH Sarabun New".into(),
        docx_font_size: 14.0,
        ..common::thai()
    };
    let (parts, _) = render(&data, &opts);
    let styles = parse(&parts["word/styles.xml"]);
    let defaults = styles.find("w:docDefaults").expect("docDefaults");
    assert_eq!(
        defaults.find("w:rFonts").expect("rFonts").attr("w:cs"),
        "TH Sarabun New"
    );
    assert_eq!(defaults.find("w:sz").expect("sz").attr("w:val"), "28");
}

#[test]
fn line_breaks_stay_and_control_characters_go() {
    let mut data = common::seed_report(2, ReportKind::Implementation);
    let m = data
        .measure_groups
        .iter_mut()
        .flat_map(|g| &mut g.measures)
        .next()
        .expect("a measure");
    m.title = "บรรทัดแรก\nบรรทัดสอง\u{1}\tจบ".into();
    let (_, doc) = render(&data, &common::thai());
    let row = doc
        .find_all("w:tr")
        .into_iter()
        .find(|r| r.text().contains("บรรทัดแรก"))
        .expect("the measure's row");
    // The typed line break stays a line break: a break in the run or a paragraph of its own.
    let paragraphs: Vec<String> = row.find_all("w:p").iter().map(|p| p.text()).collect();
    assert!(
        row.find("w:br").is_some() || paragraphs.iter().any(|p| p.trim() == "บรรทัดแรก"),
        "{paragraphs:?}"
    );
    assert!(row.text().contains("บรรทัดสอง จบ"));
    assert!(!doc.text().chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn a_report_without_its_data_is_refused() {
    let mut data = common::seed_report(2, ReportKind::Implementation);
    data.measure_groups = vec![MeasureGroup {
        heading: None,
        measures: Vec::<MeasureRow>::new(),
    }];
    assert!(matches!(
        docx::render(&data, &common::thai()),
        Err(ReportError::MissingData(_))
    ));
}

/// The style id of a paragraph ("" when it has none).
fn style_of(p: &Node) -> String {
    p.find("w:pStyle")
        .map(|s| s.attr("w:val"))
        .unwrap_or_default()
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
    let (parts, doc) = render(&data, &opts);
    let secs = sections(&doc);
    let orient: Vec<&str> = secs.iter().map(|s| s.2.as_str()).collect();
    assert_eq!(secs.len(), 2, "heading and tables, recommendations");
    assert_eq!(orient[0], "landscape");
    assert_ne!(orient[1], "landscape");
    assert_eq!((secs[1].0.as_str(), secs[1].1.as_str()), ("11906", "16838"));
    assert_margins(&doc);
    let styles = parse(&parts["word/styles.xml"]);
    assert!(
        styles
            .find_all("w:style")
            .iter()
            .any(|s| s.attr("w:styleId") == "Heading3")
    );
    // The section follows the last table: heading, tool and indicator headings, items, references.
    let body = doc.find("w:body").expect("body");
    let last_table = body
        .children
        .iter()
        .rposition(|c| matches!(c, xml::Child::Node(n) if n.name == "w:tbl"))
        .expect("tables");
    let after: Vec<&Node> = body.children[last_table + 1..]
        .iter()
        .filter_map(|c| match c {
            xml::Child::Node(n) if n.name == "w:p" => Some(n),
            _ => None,
        })
        .collect();
    let heading = prongsai_reports::text::digits(&r.heading, &opts);
    let at = after
        .iter()
        .position(|p| p.text() == heading)
        .expect("the section heading after the tables");
    assert_eq!(style_of(after[at]), "Heading1");
    let headings = |style: &str| -> Vec<String> {
        after
            .iter()
            .filter(|p| style_of(p) == style)
            .map(|p| p.text())
            .collect()
    };
    let tools: Vec<String> = r
        .tools
        .iter()
        .map(|t| prongsai_reports::text::digits(&t.heading, &opts))
        .collect();
    assert_eq!(headings("Heading2"), tools);
    assert!(headings("Heading3").contains(&"ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน".to_owned()));
    let ep1 = after
        .iter()
        .find(|p| p.text().starts_with("ข้อ EP๑ "))
        .expect("the EP1 item");
    assert!(ep1.find("w:b").is_some(), "its lead is bold");
    let ep1_text = prongsai_reports::text::digits(
        &r.tools
            .iter()
            .flat_map(|t| &t.indicators)
            .flat_map(|g| &g.items)
            .find(|i| i.code == "EP1")
            .expect("EP1")
            .text,
        &opts,
    );
    assert_eq!(ep1.text(), format!("ข้อ EP๑ {ep1_text}"));
    let all: Vec<String> = after.iter().map(|p| p.text()).collect();
    assert_in_order(
        &all.join("\n"),
        &[
            "ข้อ EP๑ ".to_owned(),
            "ข้อมูลที่ต้องเปิดเผยที่เกี่ยวข้อง: คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่, คู่มือหรือแนวทางการให้บริการสำหรับผู้รับบริการหรือผู้มาติดต่อ".to_owned(),
            "ข้อ ES๔ ".to_owned(),
            "ตัวชี้วัดย่อยที่อ้างอิง: ๙.๑, ๙.๒, ๙.๓".to_owned(),
        ],
    );
}

#[test]
fn package_is_deflated_with_content_types_first() {
    // The long report of the benchmark: seed 002's measures four times over (about 20 pages).
    let mut data = common::seed_report(2, ReportKind::Implementation);
    let groups = data.measure_groups.clone();
    for _ in 0..3 {
        data.measure_groups.extend(groups.iter().cloned());
    }
    let bytes = docx::render(&data, &common::thai()).expect("docx renders");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..])).expect("zip");
    let mut names = Vec::new();
    let mut unpacked = 0;
    for i in 0..archive.len() {
        let file = archive.by_index(i).expect("entry");
        assert!(!file.is_dir(), "parts only");
        assert_eq!(
            file.compression(),
            zip::CompressionMethod::Deflated,
            "{:?}",
            file.name()
        );
        unpacked += file.size();
        names.push(file.name().expect("name").into_owned());
    }
    assert_eq!(names[0], "[Content_Types].xml");
    assert_eq!(names[1], "_rels/.rels");
    let at = |n: &str| names.iter().position(|x| x == n).expect(n);
    assert!(at("word/_rels/document.xml.rels") < at("word/document.xml"));
    assert!(at("word/document.xml") < at("word/styles.xml"));
    // Stored, the package was at least as large as its parts; deflated XML is many times smaller.
    assert!(unpacked > 200 * 1024, "{unpacked} bytes of parts");
    assert!(
        (bytes.len() as u64) * 5 < unpacked,
        "{} bytes for {unpacked} bytes of parts",
        bytes.len()
    );
    // Every part still parses.
    for (name, xml) in unzip(&bytes) {
        if name.ends_with(".xml") || name.ends_with(".rels") {
            parse(&xml);
        }
    }
}
