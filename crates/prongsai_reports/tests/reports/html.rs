//! HTML output: structure, lang="th", escaping, charts, size and determinism.

use prongsai_reports::model::OitStatus;
use prongsai_reports::{ReportData, ReportKind, html, text};

use crate::common;
use crate::docx::assert_in_order;
use crate::docx::xml::{Node, parse};

/// The seeds' pages must stay small enough for an agency website.
const MAX_BYTES: usize = 200 * 1024;

/// Renders `data` with Thai digits, checks the page frame and returns the source and its tree.
fn page(data: &ReportData) -> (String, Node) {
    let html = html::render(data, &common::thai()).expect("html renders");
    assert!(html.starts_with("<!doctype html>\n<html lang=\"th\">"));
    assert!(html.len() < MAX_BYTES, "{} bytes", html.len());
    let root = parse(&html);
    assert_eq!(root.name, "html");
    assert_eq!(root.attr("lang"), "th");
    let head = root.find("head").expect("head");
    let metas = head.find_all("meta");
    assert!(metas.iter().any(|m| m.attr("charset") == "utf-8"));
    assert!(metas.iter().any(|m| m.attr("name") == "viewport"));
    let style = head.find("style").expect("inline css").text();
    assert!(style.contains("\"TH SarabunIT๙\", \"TH Sarabun New\", Sarabun, sans-serif"));
    assert!(style.contains("@page") && style.contains("overflow-x: auto"));
    assert_eq!(root.find_all("h1").len(), 1);
    // Every table is captioned, has column titles scoped, and scrolls inside its wrapper.
    for t in root.find_all("table") {
        assert!(
            t.find("caption")
                .is_some_and(|c| !c.text().trim().is_empty())
        );
        let thead = t.find("thead").expect("thead");
        assert!(
            thead
                .find_all("th")
                .iter()
                .all(|th| th.attr("scope") == "col")
        );
    }
    for w in root
        .find_all("div")
        .into_iter()
        .filter(|d| d.has_class("table-wrap"))
    {
        assert_eq!(w.find_all("table").len(), 1);
    }
    assert!(root.find("script").is_none());
    (html, root)
}

/// The h2 headings' text in order.
fn h2s(root: &Node) -> Vec<String> {
    root.find_all("h2").iter().map(|h| h.text()).collect()
}

#[test]
fn analysis_page_has_one_radar_and_indicators_in_order() {
    let data = common::scores_report(ReportKind::Analysis);
    let (_, root) = page(&data);
    let radar: Vec<&Node> = root
        .find_all("figure")
        .into_iter()
        .filter(|f| f.has_class("chart-radar"))
        .collect();
    assert_eq!(radar.len(), 1);
    assert_eq!(radar[0].find_all("svg").len(), 1);
    let headings = h2s(&root);
    assert_eq!(headings.first().map(String::as_str), Some("สรุปผลการประเมิน"));
    let expected: Vec<String> = data
        .indicators
        .iter()
        .filter_map(|b| b.number)
        .map(|n| format!("ตัวชี้วัดที่ {}", text::number(n, &common::thai())))
        .collect();
    assert!(expected.len() >= 8);
    let found: Vec<String> = headings
        .iter()
        .filter(|h| h.starts_with("ตัวชี้วัดที่"))
        .map(|h| h.split(' ').take(2).collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(found, expected);
    let weakest = root
        .find_all("tr")
        .into_iter()
        .filter(|r| r.has_class("weakest"))
        .count();
    let marked = data
        .indicators
        .iter()
        .flat_map(|b| &b.questions)
        .filter(|q| q.weakest)
        .count();
    assert_eq!(weakest, marked);
    let body = root.find("main").expect("main").text();
    let total = data.summary.as_ref().expect("summary").total;
    assert!(body.contains(&text::score(total, &common::thai())));
}

#[test]
fn measures_and_implementation_pages_list_measures_in_order() {
    let cases = [
        (0, ReportKind::Implementation),
        (2, ReportKind::Implementation),
        (3, ReportKind::Implementation),
        (1, ReportKind::Measures),
        (4, ReportKind::Measures),
    ];
    for (n, kind) in cases {
        let data = common::seed_report(n, kind);
        let (_, root) = page(&data);
        let body = root.find("main").expect("main").text();
        let titles: Vec<String> = data
            .measure_groups
            .iter()
            .flat_map(|g| &g.measures)
            .map(|m| text::digits(m.title.trim(), &common::thai()))
            .collect();
        assert!(!titles.is_empty(), "seed {n}");
        assert_in_order(&body, &titles);
        let headings: Vec<String> = data
            .measure_groups
            .iter()
            .filter(|g| !g.measures.is_empty())
            .filter_map(|g| g.heading.as_deref())
            .map(|h| text::digits(h.trim(), &common::thai()))
            .filter(|h| !h.is_empty())
            .collect();
        let measure_headings: Vec<String> = root
            .find_all("section")
            .into_iter()
            .filter(|s| s.has_class("measures"))
            .flat_map(|s| s.find_all("h2"))
            .map(|h| h.text())
            .collect();
        assert_eq!(measure_headings, headings, "seed {n}");
        let rows: usize = root
            .find_all("tbody")
            .iter()
            .map(|b| b.find_all("tr").len())
            .sum();
        assert_eq!(rows, titles.len(), "one row per measure, seed {n}");
        assert!(
            !body.chars().any(|c| c.is_ascii_digit()),
            "seed {n}: Arabic digit with Thai digits"
        );
    }
}

#[test]
fn arabic_digits_option_reaches_every_number() {
    let data = common::seed_report(2, ReportKind::Implementation);
    let html = html::render(&data, &common::arabic()).expect("renders");
    let body = parse(&html).find("body").expect("body").text();
    assert!(!body.chars().any(|c| ('๐'..='๙').contains(&c)));
    assert!(body.contains("2568"));
}

#[test]
fn every_text_is_escaped() {
    let mut data = common::seed_report(2, ReportKind::Implementation);
    data.header.title = "<script>alert('x')</script> & \"ITA\"".into();
    data.header.agency = "อบต. <b>ทดสอบ</b>".into();
    data.paragraphs.push("a < b & c > d".into());
    if let Some(m) = data
        .measure_groups
        .iter_mut()
        .flat_map(|g| &mut g.measures)
        .next()
    {
        m.title = "<img src=x onerror=alert(x)>".into();
        m.steps.push("</td></tr></table>".into());
    }
    let (html, root) = page(&data);
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>"));
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;ITA&quot;"));
    assert_eq!(root.find("h1").expect("h1").text(), data.header.title);
    assert!(
        root.find("main")
            .expect("main")
            .text()
            .contains("<img src=x onerror=alert(x)>")
    );
}

#[test]
fn oit_page_links_only_web_addresses() {
    let mut data = common::scores_report(ReportKind::Oit);
    assert!(data.oit_items.len() > 10);
    data.oit_items[1].url = Some("javascript:alert(1)".into());
    data.oit_items[2].status = OitStatus::No;
    let (_, root) = page(&data);
    let links: Vec<String> = root.find_all("a").iter().map(|a| a.attr("href")).collect();
    assert!(links.contains(&"https://www.example.go.th/structure?id=1&view=ita".to_owned()));
    assert!(
        links
            .iter()
            .all(|h| h.starts_with("https://") || h.starts_with("http://"))
    );
    let groups = root
        .find_all("tr")
        .into_iter()
        .filter(|r| r.has_class("group"))
        .count();
    let mut distinct: Vec<&str> = data.oit_items.iter().map(|i| i.group.as_str()).collect();
    distinct.dedup();
    assert_eq!(groups, distinct.len());
    assert!(
        root.find("main")
            .expect("main")
            .text()
            .contains("เปิดเผยข้อมูลแล้ว")
    );
}

#[test]
fn pages_are_deterministic() {
    for data in [
        common::scores_report(ReportKind::Analysis),
        common::seed_report(1, ReportKind::Measures),
    ] {
        let a = html::render(&data, &common::thai()).expect("renders");
        let b = html::render(&data, &common::thai()).expect("renders");
        assert_eq!(a, b);
    }
}

#[test]
fn a_page_without_its_data_is_refused() {
    let mut data = common::scores_report(ReportKind::Oit);
    data.oit_items.clear();
    assert!(matches!(
        html::render(&data, &common::thai()),
        Err(prongsai_reports::ReportError::MissingData(_))
    ));
}

#[test]
fn seed_003_implementation_page_ends_with_the_recommendations() {
    let data = common::seed_report(3, ReportKind::Implementation);
    let r = data
        .header
        .recommendations
        .clone()
        .expect("seed 003 has recommendations");
    // The model: the section heading, five blocks (IIT, EIT, its two parts, OIT), items grouped
    // under named indicators, references taken from the text.
    assert!(r.heading.starts_with("ข้อเสนอแนะต่อผลการประเมิน"));
    assert!(r.paragraphs[0].contains("๘๖.๖๒"));
    let tools: Vec<(&str, Option<&str>)> = r
        .tools
        .iter()
        .map(|t| (t.tool.as_str(), t.part.as_deref()))
        .collect();
    assert_eq!(
        tools,
        [
            ("IIT", None),
            ("EIT", None),
            ("EIT", Some("EP")),
            ("EIT", Some("ES")),
            ("OIT", None)
        ]
    );
    let ep = &r.tools[2];
    let groups: Vec<(Option<u8>, &str, Vec<&str>)> = ep
        .indicators
        .iter()
        .map(|g| {
            (
                g.number,
                g.name.as_str(),
                g.items.iter().map(|i| i.code.as_str()).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            (Some(6), "คุณภาพการดำเนินงาน", vec!["EP1"]),
            (Some(7), "ประสิทธิภาพการสื่อสาร", vec!["EP6"]),
            (Some(8), "การปรับปรุงระบบการทำงาน", vec!["EP7", "EP8", "EP9"]),
        ]
    );
    let ep1 = &ep.indicators[0].items[0];
    assert!(ep1.text.starts_with("หน่วยงานควรระบุทั้งขั้นตอน"));
    assert_eq!(ep1.oit_refs, ["O10", "O11"]);
    let es4 = &r.tools[3].indicators[1].items[0];
    assert_eq!(
        (es4.code.as_str(), &es4.indicator_refs[..]),
        (
            "ES4",
            &["9.1".to_owned(), "9.2".to_owned(), "9.3".to_owned()][..]
        )
    );
    // A plan rebuilt from this report leaves them to the report.
    assert!(
        common::seed_report(3, ReportKind::Measures)
            .header
            .recommendations
            .is_none()
    );

    let (_, root) = page(&data);
    let main = root.find("main").expect("main");
    let section = main
        .find_all("section")
        .into_iter()
        .find(|s| s.attr("id") == "recommendations")
        .expect("the recommendations section");
    let last = main
        .children_named("section")
        .last()
        .map(|s| s.attr("id"))
        .unwrap_or_default();
    assert_eq!(last, "recommendations", "after the measures");
    let h2 = section.find_all("h2");
    assert_eq!(h2.len(), 1);
    assert_eq!(h2[0].text(), r.heading);
    let h3: Vec<String> = section.find_all("h3").iter().map(|h| h.text()).collect();
    let expected: Vec<String> = r.tools.iter().map(|t| t.heading.clone()).collect();
    assert_eq!(h3, expected);
    let h4: Vec<String> = section.find_all("h4").iter().map(|h| h.text()).collect();
    assert_eq!(h4[0], "ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน");
    let items: Vec<&Node> = section
        .find_all("div")
        .into_iter()
        .filter(|d| d.has_class("recommendation"))
        .collect();
    let count: usize = r
        .tools
        .iter()
        .flat_map(|t| &t.indicators)
        .map(|g| g.items.len())
        .sum();
    assert_eq!(items.len(), count);
    let first = items[0].text();
    let first = first.trim();
    assert!(first.starts_with("ข้อ EP๑ หน่วยงานควรระบุทั้งขั้นตอน"), "{first}");
    assert!(first.contains("ข้อมูลที่ต้องเปิดเผยที่เกี่ยวข้อง: คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่, คู่มือหรือแนวทางการให้บริการสำหรับผู้รับบริการหรือผู้มาติดต่อ"), "{first}");
    assert!(section.text().contains("ตัวชี้วัดย่อยที่อ้างอิง: ๙.๑, ๙.๒, ๙.๓"));

    let arabic = html::render(&data, &common::arabic()).expect("renders");
    let body = parse(&arabic).find("body").expect("body").text();
    assert!(body.contains("ข้อ EP1 ") && body.contains("ตัวชี้วัดย่อยที่อ้างอิง: 9.1, 9.2, 9.3"));
    assert!(!body.chars().any(|c| ('๐'..='๙').contains(&c)));
}
