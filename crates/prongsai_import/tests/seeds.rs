//! The five real seed documents come in whole: measures, periods, units, linked codes and scores, analysis sections.

#[path = "seeds/formats.rs"]
mod formats;
#[path = "seeds/seed001.rs"]
mod seed001;
#[path = "seeds/words.rs"]
mod words;

use std::sync::OnceLock;

use jiff::civil::Date;
use prongsai_domain::Catalog;
use prongsai_domain::document::{
    DocumentKind, EitPart, Measure, MeasureSection, ReportDocument, Section, ToolName,
};
use prongsai_import::report::{from_json, import_report};

/// The seeds live beside the repository (CI clones it with `../shared` next to it).
const SEEDS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/seeds/");

/// The built-in catalog, loaded once.
pub(crate) fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| Catalog::embedded().expect("built-in catalog"))
}

/// The text of seed `prefix` (e.g. "002"), or a loud failure naming where it was looked for.
pub(crate) fn seed_text(prefix: &str) -> (String, String) {
    let dir = std::fs::read_dir(SEEDS).unwrap_or_else(|e| {
        panic!("the seed documents must be at {SEEDS} (shared/ beside the repository): {e}")
    });
    let path = dir
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("no seed {prefix}_*.txt in {SEEDS}"));
    let text = std::fs::read_to_string(&path).expect("seed is UTF-8 text");
    (path.display().to_string(), text)
}

/// Seed `prefix` imported with the built-in catalog.
pub(crate) fn seed(prefix: &str) -> ReportDocument {
    let (name, text) = seed_text(prefix);
    import_report(&name, text.as_bytes(), Some(catalog())).unwrap_or_else(|e| panic!("{name}: {e}"))
}

pub(crate) fn date(y: i16, m: i8, d: i8) -> Option<Date> {
    Some(Date::new(y, m, d).expect("a real date"))
}

pub(crate) fn measures(doc: &ReportDocument) -> Vec<&Measure> {
    doc.measures().collect()
}

pub(crate) fn measure_sections(doc: &ReportDocument) -> Vec<&MeasureSection> {
    doc.sections
        .iter()
        .filter_map(|s| match s {
            Section::MeasuresPlan(m) | Section::ImplementationReport(m) => Some(m),
            Section::Analysis(_) | Section::Recommendations(_) => None,
        })
        .collect()
}

/// (code, score) pairs of a measure's links, as strings for readable assertions.
pub(crate) fn links(m: &Measure) -> Vec<(String, Option<f64>)> {
    m.links
        .iter()
        .map(|l| (l.code.to_string(), l.score))
        .collect()
}

pub(crate) fn pairs(list: &[(&str, f64)]) -> Vec<(String, Option<f64>)> {
    list.iter()
        .map(|(c, s)| (c.to_string(), Some(*s)))
        .collect()
}

pub(crate) fn period(m: &Measure) -> (Option<Date>, Option<Date>) {
    let p = m.period.as_ref().expect("a period");
    (p.start, p.end)
}

pub(crate) fn whole(doc: &ReportDocument) {
    assert!(doc.unrecognised.is_empty(), "{:#?}", doc.unrecognised);
    assert_eq!(doc.recognition.percent, 100.0);
    assert_eq!(doc.schema_version, 1);
}

#[test]
fn seed_000_implementation_report() {
    let doc = seed("000");
    whole(&doc);
    assert_eq!(doc.kind, DocumentKind::ImplementationReport);
    assert_eq!(doc.fiscal_year.map(|y| y.be()), Some(2568));
    assert_eq!(
        doc.agency.name.as_deref(),
        Some("องค์การบริหารส่วนตำบลหนองกระทุ่ม")
    );
    assert_eq!(doc.agency.district.as_deref(), Some("ลำปลายมาศ"));
    assert_eq!(doc.agency.province.as_deref(), Some("บุรีรัมย์"));
    // The cover says หนองกระทุ่ม, the next page หนองกระเทียม: kept, and said.
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.line == Some(17) && w.message.contains("หนองกระเทียม"))
    );
    let ms = measures(&doc);
    assert_eq!(ms.len(), 7);
    let m = ms[0];
    assert_eq!(m.number, Some(1));
    assert_eq!(
        m.title,
        "กิจกรรมสร้างความรู้ความเข้าใจให้กับเจ้าหน้าที่ในหน่วยงานเกี่ยวกับตัวชี้วัดตามแบบประเมิน IIT และ OIT"
    );
    assert_eq!(period(m), (date(2025, 1, 1), date(2025, 6, 30)));
    assert_eq!(m.responsible, ["สำนักปลัด"]);
    assert_eq!(m.steps.len(), 2);
    assert_eq!(m.results.len(), 3);
    assert!(
        m.results[0].starts_with("ผู้เข้าร่วมกิจกรรมมีจำนวนทั้งหมด ๕๑ คน"),
        "{}",
        m.results[0]
    );
    assert_eq!(m.outcomes.len(), 3);
    // HTML cells: <p> items, the period "<p>๑ ตุลาคม ๒๕๖๗</p> <p>-</p> <p>๓๐ กันยายน ๒๕๖๘</p>".
    let m = ms[2];
    assert_eq!(m.title, "แนวทางปฏิบัติในการขออนุญาตยืมทรัพย์สินของทางราชการ");
    assert_eq!(
        m.period.as_ref().unwrap().text,
        "๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘"
    );
    assert_eq!(period(m), (date(2024, 10, 1), date(2025, 9, 30)));
    assert_eq!(
        m.steps,
        [
            "ดำเนินการจัดทำคู่มือ/ระเบียบการใช้ทรัพย์สินของราชการ",
            "ประชาสัมพันธ์คู่มือแนวทางปฏิบัติในการขอยืมทรัพย์สินของทางราชการให้เจ้าหน้าที่ในสังกัดทราบ",
            "ติดตามผลการดำเนินการ"
        ]
    );
    // The last outcome continues on the next page (a row whose first cells are empty).
    assert!(
        m.outcomes[2].ends_with("และสามารถปฏิบัติตามคู่มือและแนวทางปฏิบัติได้อย่างถูกต้องสามารถรักษาระดับคะแนนได้")
    );
    assert_eq!(ms[5].responsible, ["สำนักปลัด", "กองคลัง"]);
    let m = ms[6];
    assert_eq!(m.title, "การปรับปรุงการทำงาน");
    assert_eq!(m.steps.len(), 5);
    assert!(m.steps[4].ends_with("การให้บริการของหน่วยงาน"));
    assert_eq!(m.results.len(), 5);
    assert!(m.results[4].contains("Webboard, เพจ Facebook"));
    assert!(m.outcomes[4].ends_with("สามารถตอบสนองกับความต้องการ ของประชาชนได้"));
    // Page numbers, rules and the six repeated headers are furniture, not content.
    let furniture: Vec<&str> = doc.furniture.iter().map(|f| f.text.as_str()).collect();
    assert!(
        furniture.contains(&"๔") && furniture.contains(&"๘"),
        "{furniture:?}"
    );
    assert_eq!(doc.furniture.len(), 11);
}

#[test]
fn seed_002_themed_report_with_linked_scores() {
    let doc = seed("002");
    whole(&doc);
    assert_eq!(doc.kind, DocumentKind::ImplementationReport);
    assert_eq!(doc.agency.name.as_deref(), Some("เทศบาลตำบลปลาไหล"));
    let sections = measure_sections(&doc);
    let per_theme: Vec<(Option<u16>, usize)> = sections
        .iter()
        .map(|s| (s.heading.as_ref().and_then(|h| h.number), s.measures.len()))
        .collect();
    assert_eq!(
        per_theme,
        [
            (Some(1), 4),
            (Some(2), 1),
            (Some(3), 1),
            (Some(4), 1),
            (Some(5), 3),
            (Some(6), 3),
            (Some(7), 6)
        ]
    );
    assert_eq!(measures(&doc).len(), 19);
    // The E-Service measure: its outcome cell continues after the page break.
    let m = sections[1].measures.first().unwrap();
    assert_eq!(m.title, "จัดทำช่องทางการให้บริการในรูปแบบออนไลน์ หรือ E- Service");
    assert_eq!(period(m), (date(2024, 10, 1), date(2024, 12, 31)));
    assert_eq!(m.responsible, ["สำนักปลัดเทศบาล"]);
    assert_eq!(m.results.len(), 2);
    assert!(m.results[0].starts_with("เพิ่มช่องทางการให้บริการ"));
    assert_eq!(
        links(m),
        pairs(&[
            ("e1", 99.42),
            ("e2", 98.965),
            ("e3", 100.0),
            ("e7", 100.0),
            ("e8", 99.875),
            ("e9", 99.42),
            ("O11", 100.0),
            ("O12", 100.0),
            ("O13", 100.0),
            ("O25", 100.0)
        ])
    );
    let m = sections[2].measures.first().unwrap();
    assert_eq!(
        links(m),
        pairs(&[
            ("e4", 98.965),
            ("e5", 99.875),
            ("e6", 98.51),
            ("O1", 100.0),
            ("O2", 100.0),
            ("O3", 100.0),
            ("O4", 100.0),
            ("O5", 100.0),
            ("O6", 100.0)
        ])
    );
    assert_eq!(period(m), (date(2024, 10, 1), date(2025, 9, 30)));
    let first = sections[0].measures.first().unwrap();
    assert_eq!(links(first), pairs(&[("O10", 100.0)]));
    assert_eq!(period(first), (date(2025, 1, 1), date(2025, 3, 31)));
    assert_eq!(sections[0].measures[3].steps.len(), 5);
    // IIT codes printed without their "i": ๖๗ → i7, ๑๑๓ → i13.
    assert_eq!(links(&sections[5].measures[0]), pairs(&[("i7", 100.0)]));
    assert_eq!(
        links(&sections[5].measures[1]),
        pairs(&[("i8", 100.0), ("i9", 100.0)])
    );
    assert_eq!(
        links(&sections[6].measures[0]),
        pairs(&[("i13", 100.0), ("O27", 100.0), ("i14", 100.0)])
    );
    assert_eq!(
        links(&sections[3].measures[0]),
        pairs(&[("i10", 100.0), ("i11", 100.0), ("i12", 100.0)])
    );
    assert_eq!(
        sections[4].measures[1].responsible,
        ["กองคลัง", "หน่วยตรวจสอบภายใน"]
    );
    assert_eq!(sections[4].measures[0].responsible, ["ทุกสำนัก/กอง/หน่วย"]);
    // O29–O35 are quoted but FY 2568 has only 28 OIT items.
    let w = doc
        .warnings
        .iter()
        .find(|w| w.message.contains("codes not in the FY 2568"))
        .unwrap();
    for code in ["O29", "O30", "O31", "O32", "O33", "O34", "O35"] {
        assert!(w.message.contains(code), "{}", w.message);
    }
}

#[test]
fn seed_003_report_and_recommendations() {
    let doc = seed("003");
    whole(&doc);
    assert_eq!(doc.kind, DocumentKind::ImplementationReport);
    assert_eq!(doc.fiscal_year.map(|y| y.be()), Some(2567));
    assert_eq!(doc.agency.name.as_deref(), Some("องค์การบริหารส่วนตำบลลำภูรา"));
    assert_eq!(doc.agency.district.as_deref(), Some("ห้วยยอด"));
    assert_eq!(doc.agency.province.as_deref(), Some("ตรัง"));
    let ms = measures(&doc);
    assert_eq!(ms.len(), 4);
    let counts: Vec<(usize, usize)> = ms
        .iter()
        .map(|m| (m.results.len(), m.outcomes.len()))
        .collect();
    assert_eq!(counts, [(4, 4), (2, 3), (3, 3), (3, 3)]);
    assert_eq!(ms[0].title, "มาตรการนโยบาย No Gift Policy");
    assert_eq!(ms[0].results[0], "ผู้บริหารประกาศนโยบาย No Gift Policy");
    assert!(ms.iter().all(|m| m.period.is_none() && m.steps.is_empty()));
    // Lines 17–22, one paragraph cut at six line ends: "…และความ" / "โปร่งใส…", "…ให้ดีขึ้น" / "นั้น …".
    let prose = &measure_sections(&doc)[0].prose;
    let intro: Vec<(usize, &str)> = prose
        .intro
        .iter()
        .map(|f| (f.line, f.text.as_str()))
        .collect();
    assert_eq!(intro.len(), 1);
    assert_eq!(intro[0].0, 17);
    assert!(intro[0].1.starts_with(
        "ตามที่องค์การบริหารส่วนตำบลลำภูรา ได้มีมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน โดยการนำผล"
    ));
    assert!(
        intro[0]
            .1
            .ends_with("ภายในหน่วยงานให้ดีขึ้นนั้น ซึ่งมีผลการดำเนินการ ดังนี้")
    );
    // Lines 10–11: the agency, then its district on the next line.
    assert_eq!(
        prose.title_lines[0].text,
        "องค์การบริหารส่วนตำบลลำภูรา อำเภอห้วยยอด จังหวัดตรัง"
    );
    let Some(Section::Recommendations(r)) = doc.sections.last() else {
        panic!("recommendations last")
    };
    assert!(r.paragraphs[0].text.contains("๘๖.๖๒ คะแนน"));
    let tools: Vec<(ToolName, Option<EitPart>, usize)> = r
        .tools
        .iter()
        .map(|t| (t.tool, t.part, t.items.len()))
        .collect();
    assert_eq!(
        tools,
        [
            (ToolName::Iit, None, 0),
            (ToolName::Eit, None, 0),
            (ToolName::Eit, Some(EitPart::Public), 5),
            (ToolName::Eit, Some(EitPart::Survey), 6),
            (ToolName::Oit, None, 0)
        ]
    );
    let items = |k: usize| -> Vec<(String, Option<u8>)> {
        r.tools[k]
            .items
            .iter()
            .map(|i| (i.code.to_string(), i.indicator))
            .collect()
    };
    let want = |list: &[(&str, u8)]| -> Vec<(String, Option<u8>)> {
        list.iter()
            .map(|(c, n)| (c.to_string(), Some(*n)))
            .collect()
    };
    assert_eq!(
        items(2),
        want(&[("EP1", 6), ("EP6", 7), ("EP7", 8), ("EP8", 8), ("EP9", 8)])
    );
    assert_eq!(
        items(3),
        want(&[
            ("ES2", 6),
            ("ES4", 7),
            ("ES6", 7),
            ("ES7", 8),
            ("ES8", 8),
            ("ES9", 8)
        ])
    );
    let ep1 = &r.tools[2].items[0];
    assert_eq!(
        ep1.oit_refs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["O10", "O11"]
    );
    assert_eq!(r.tools[3].items[1].indicator_refs, ["9.1", "9.2", "9.3"]);
    assert_eq!(r.tools[1].paragraphs.len(), 2);
    assert_eq!(r.tools[4].paragraphs.len(), 2);
}

#[test]
fn seed_004_one_cell_per_line_plan() {
    let doc = seed("004");
    whole(&doc);
    assert_eq!(doc.kind, DocumentKind::MeasuresPlan);
    assert_eq!(doc.fiscal_year.map(|y| y.be()), Some(2566));
    assert_eq!(doc.agency.name.as_deref(), Some("องค์การบริหารส่วนตำบลสระแก้ว"));
    assert_eq!(doc.agency.district.as_deref(), Some("หนองหงส์"));
    assert_eq!(doc.agency.province.as_deref(), Some("บุรีรัมย์"));
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.message.contains("read as a measures plan"))
    );
    let ms = measures(&doc);
    let titles: Vec<(Option<u16>, &str)> =
        ms.iter().map(|m| (m.number, m.title.as_str())).collect();
    assert_eq!(
        titles,
        [
            (Some(1), "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ"),
            (Some(2), "มาตรการผู้มีส่วนได้ส่วนเสียมีส่วนร่วม"),
            (Some(3), "มาตรการส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง"),
            (Some(4), "มาตรการจัดการเรื่องร้องเรียนการทุจริต")
        ]
    );
    for m in &ms {
        assert_eq!(m.period.as_ref().unwrap().text, "ตลอดปีงบประมาณ");
        assert_eq!(period(m), (date(2022, 10, 1), date(2023, 9, 30)));
    }
    assert_eq!(
        ms[0].follow_up,
        "แต่งตั้งคณะทำงานหรือมอบหมายเจ้าหน้าที่ของหน่วยงานในการดูแลเว็ปไซต์"
    );
    assert_eq!(
        ms[0].suggestions,
        "ควรมอบหมายงานให้ นางสาวกาญจนา ผลขาวดำเนินการเว็ปไซต์ให้เป็นปัจจุบัน"
    );
    assert_eq!(ms[0].responsible, ["สำนักปลัด"]);
    // Line 3 introduces the table ("จากการวิเคราะห์… ดังนี้"); line 66 "หมายเหตุ …" closes it.
    let prose = &measure_sections(&doc)[0].prose;
    assert_eq!(prose.intro.len(), 1);
    assert_eq!(prose.intro[0].line, 3);
    assert!(
        prose.intro[0]
            .text
            .starts_with("จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส")
    );
    assert!(prose.intro[0].text.ends_with("ดังนี้"));
    assert_eq!(prose.closing.len(), 1);
    assert_eq!(
        (prose.closing[0].line, prose.closing[0].text.as_str()),
        (
            66,
            "หมายเหตุ หาก อปท. มีการจัดทำรายงานดังกล่าว จะสามารถนำไปตอบแบบประเมินฯ (OIT) ข้อ O41 O42 และ O43"
        )
    );
    // Measures 2 and 3 continue after page breaks with their titles repeated: one measure each.
    assert_eq!(ms[1].steps.len(), 4);
    assert_eq!(
        ms[1].responsible,
        [
            "สำนักปลัด",
            "กองคลัง",
            "กองช่าง",
            "กองการศึกษาฯ",
            "กองสวัสดิการฯ",
            "กองส่งเสริม-การเกษตร"
        ]
    );
    assert_eq!(ms[2].steps.len(), 4);
    assert!(ms[2].steps[1].contains("ขั้นตอนการจัดซื้อจัดจ้างภาครัฐในระบบเครือข่ายสารสนเทศ"));
    assert_eq!(ms[2].responsible, ["งานพัสดุ", "กองคลัง"]);
    assert_eq!(ms[3].steps.len(), 3);
    let furniture: Vec<&str> = doc.furniture.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(furniture, ["/มาตรการ...", "[พิมพ์ข้อความ] หน้า ๑๘"]);
    assert!(
        doc.paragraphs
            .iter()
            .any(|p| p.line == 66 && p.text.starts_with("หมายเหตุ"))
    );
}

#[test]
fn json_round_trip_gives_the_same_model() {
    for prefix in ["000", "001", "002", "003", "004"] {
        let doc = seed(prefix);
        let json = serde_json::to_string_pretty(&doc).unwrap();
        let back = from_json("seed.json", &json).unwrap();
        assert_eq!(back, doc, "seed {prefix}");
        let again = import_report("seed.json", json.as_bytes(), Some(catalog())).unwrap();
        assert_eq!(again, doc, "seed {prefix} through import_report");
        assert_eq!(serde_json::to_string_pretty(&again).unwrap(), json);
    }
}
