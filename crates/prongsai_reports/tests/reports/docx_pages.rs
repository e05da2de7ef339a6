//! DOCX pages: a landscape report opens with its title on the first table page; page numbers start on page 2.

use std::collections::HashMap;
use std::io::Read;

use prongsai_reports::{ReportData, ReportKind, docx, text};

use crate::common;
use crate::docx::xml::{Child, Node, parse};

/// The XML parts of the package of `data`, by name.
fn xml_parts(data: &ReportData) -> HashMap<String, String> {
    let bytes = docx::render(data, &common::thai()).expect("docx renders");
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut parts = HashMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("zip entry");
        let name = file.name().expect("entry name").into_owned();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            file.read_to_string(&mut s).expect("utf-8 part");
            parts.insert(name, s);
        }
    }
    parts
}

/// The children of `w:sectPr` by name, in order.
fn child_names(sect: &Node) -> Vec<&str> {
    sect.children
        .iter()
        .filter_map(|c| match c {
            Child::Node(n) => Some(n.name.as_str()),
            Child::Text(_) => None,
        })
        .collect()
}

#[test]
fn a_measures_plan_opens_with_its_title_on_the_first_landscape_table_page() {
    for n in [1, 4] {
        let data = common::seed_report(n, ReportKind::Measures);
        let raw = match data.header.title.trim() {
            "" => data.kind.title_th(),
            t => t,
        };
        let title = text::digits(raw, &common::thai());
        let parts = xml_parts(&data);
        let xml = &parts["word/document.xml"];
        // The first section is what comes before the first w:sectPr (a section break, or the
        // body's own when there is one section).
        let first = &xml[..xml.find("<w:sectPr>").expect("a section")];
        let at_title = first
            .find("<w:pStyle w:val=\"Title\" />")
            .expect("title paragraph");
        let at_table = first.find("<w:tbl>").expect("a table in the first section");
        assert!(at_title < at_table, "seed {n}: the title comes first");
        // The first section is landscape and holds the title's words.
        let doc = parse(xml);
        let sect = doc.find("w:sectPr").expect("sectPr");
        assert_eq!(
            sect.find("w:pgSz").expect("pgSz").attr("w:orient"),
            "landscape"
        );
        let body = doc.find("w:body").expect("body");
        let mut words = String::new();
        for c in &body.children {
            if let Child::Node(node) = c {
                words.push_str(&node.text());
                if node.find("w:sectPr").is_some() {
                    break;
                }
            }
        }
        let first_line = title.lines().next().expect("a line").trim();
        assert!(words.contains(first_line), "seed {n}: {first_line}");
    }
}

#[test]
fn pages_are_numbered_from_the_second_one() {
    let reports = [
        common::scores_report(ReportKind::Analysis),
        common::seed_report(4, ReportKind::Measures),
        // Tables, then the recommendations on portrait pages: two sections.
        common::seed_report(3, ReportKind::Implementation),
    ];
    for data in &reports {
        let parts = xml_parts(data);
        let doc = parse(&parts["word/document.xml"]);
        let rels = parse(&parts["word/_rels/document.xml.rels"]);
        let target = |id: &str| -> String {
            rels.find_all("Relationship")
                .iter()
                .find(|r| r.attr("Id") == id)
                .map(|r| format!("word/{}", r.attr("Target")))
                .expect("relationship")
        };
        let settings = parse(&parts["word/settings.xml"]);
        assert!(
            settings.find("w:evenAndOddHeaders").is_none(),
            "one header for all pages"
        );
        let sections = doc.find_all("w:sectPr");
        assert!(!sections.is_empty());
        for (i, sect) in sections.iter().enumerate() {
            // The first section's first page is a title page; later sections number theirs.
            assert_eq!(
                sect.find("w:titlePg").is_some(),
                i == 0,
                "{:?} section {i}",
                data.kind
            );
            // Every page but a title page shows "- n -" from the PAGE field, centred.
            for r in sect.children_named("w:headerReference") {
                let header = parse(&parts[&target(&r.attr("r:id"))]);
                let has_page = header
                    .find_all("w:instrText")
                    .iter()
                    .any(|t| t.text().trim() == "PAGE");
                match r.attr("w:type").as_str() {
                    "default" => {
                        assert!(has_page);
                        assert!(header.text().starts_with("- ") && header.text().ends_with(" -"));
                        assert_eq!(
                            header.find("w:jc").expect("centred").attr("w:val"),
                            "center"
                        );
                    }
                    "first" => assert!(!has_page, "no number on the first page"),
                    other => panic!("unexpected {other} header"),
                }
            }
            assert!(
                sect.children_named("w:headerReference")
                    .iter()
                    .any(|r| r.attr("w:type") == "default")
            );
            // Schema order (ECMA-376 CT_SectPr): titlePg after pgNumType and cols.
            let names = child_names(sect);
            if let Some(t) = names.iter().position(|n| *n == "w:titlePg") {
                let before = |n: &str| names.iter().position(|x| *x == n).is_none_or(|p| p < t);
                assert!(
                    before("w:pgSz")
                        && before("w:pgMar")
                        && before("w:pgNumType")
                        && before("w:cols")
                );
                assert!(names[t + 1..].iter().all(|n| matches!(
                    *n,
                    "w:textDirection"
                        | "w:bidi"
                        | "w:rtlGutter"
                        | "w:docGrid"
                        | "w:printerSettings"
                )));
            }
        }
    }
}
