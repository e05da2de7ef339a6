//! Unit tests of the PDF renderer: every kind lays out without warnings, the view holds display strings.

use super::*;
use crate::model::*;

/// A small report of `kind` with a summary, two indicators, two measure groups and OIT rows.
pub(crate) fn sample(kind: ReportKind) -> ReportData {
    let names = [
        "การปฏิบัติหน้าที่",
        "การใช้งบประมาณ",
        "การใช้อำนาจ",
        "การใช้ทรัพย์สินของราชการ",
        "การแก้ไขปัญหาการทุจริต",
        "คุณภาพการดำเนินงาน",
        "ประสิทธิภาพการสื่อสาร",
        "การปรับปรุงระบบการทำงาน",
        "การเปิดเผยข้อมูล",
        "การป้องกันการทุจริต",
    ];
    let indicators = (1u8..=10)
        .map(|n| IndicatorLine {
            number: n,
            name: names[usize::from(n - 1)].into(),
            tool: if n <= 5 {
                "IIT"
            } else if n <= 8 {
                "EIT"
            } else {
                "OIT"
            }
            .into(),
            score: 80.0 + f64::from(n) * 1.7,
            previous: Some(78.0 + f64::from(n)),
        })
        .collect();
    let measure = |n: u16| MeasureRow {
        number: Some(n),
        title: format!("จัดทำคู่มือการปฏิบัติงานฉบับที่ {n}"),
        analysis: "ข้อ i2 ได้คะแนนต่ำสุด".into(),
        steps: vec!["แต่งตั้งคณะทำงาน".into(), "เผยแพร่คู่มือบนเว็บไซต์ของหน่วยงาน".into()],
        period: "ม.ค. – มี.ค. 2568".into(),
        responsible: vec!["สำนักปลัด".into()],
        results: vec!["ดำเนินการแล้วเสร็จ".into()],
        outcomes: vec!["เจ้าหน้าที่มีคู่มือ".into()],
        links: vec![LinkRow {
            code: "e1".into(),
            text: "ข้อมูลชัดเจน".into(),
            score: Some(99.42),
        }],
        status: Some("เสร็จสิ้น".into()),
        follow_up: "รายงานผู้บริหารทุกไตรมาส".into(),
        suggestions: String::new(),
        evidence: vec!["คำสั่งแต่งตั้ง.pdf".into()],
    };
    ReportData {
        kind,
        header: Header {
            title: String::new(),
            agency: "องค์การบริหารส่วนตำบลลำภูรา".into(),
            district: Some("ห้วยยอด".into()),
            province: Some("ตรัง".into()),
            fiscal_year: Some(2568),
            recommendations: Some(recommendations()),
            closing: vec!["จึงเรียนมาเพื่อโปรดทราบ".into()],
            signature: Some(Signature {
                name: "นายสมชาย ใจดี".into(),
                position: "นายกองค์การบริหารส่วนตำบลลำภูรา".into(),
                date: Some("2025-01-15".into()),
            }),
        },
        summary: Some(Summary {
            framework: "ita-2568".into(),
            total: 96.245,
            grade: "AA".into(),
            passed: true,
            pass_mark: 85.0,
            tools: vec![
                ToolLine { code: "IIT".into(), name: "การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน".into(), weight: 30.0, score: 97.1 },
                ToolLine { code: "EIT".into(), name: "การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก".into(), weight: 30.0, score: 95.3 },
                ToolLine { code: "OIT".into(), name: "การเปิดเผยข้อมูลสาธารณะ".into(), weight: 40.0, score: 96.0 },
            ],
            indicators,
            previous_total: Some(95.0),
            notes: vec!["น้ำหนักเครื่องมือ 30/30/40".into()],
            levels: false,
        }),
        indicators: vec![IndicatorBlock {
            number: Some(1),
            name: "การปฏิบัติหน้าที่".into(),
            score: Some(99.38),
            questions: vec![
                QuestionRow { code: "i1".into(), text: "การปฏิบัติงานเป็นไปตามขั้นตอน".into(), score: Some(100.0), weakest: false },
                QuestionRow { code: "i2".into(), text: "ให้บริการอย่างเท่าเทียม".into(), score: Some(98.75), weakest: true },
            ],
            cause: "บุคลากรให้บริการไม่เท่าเทียม".into(),
            guidance: "พัฒนาช่องทางบริการออนไลน์".into(),
            oit_refs: vec!["O10".into()],
            oit_ref_titles: vec!["คู่มือการให้บริการ".into()],
            note: "ทบทวนทุกไตรมาส".into(),
        }],
        measure_groups: vec![
            MeasureGroup { heading: Some("1. ด้านการเปิดเผยข้อมูล".into()), measures: vec![measure(1), measure(2)] },
            MeasureGroup { heading: None, measures: vec![measure(3)] },
        ],
        oit_items: vec![
            OitRow { code: "O1".into(), indicator: Some(9), group: "9.1 ข้อมูลพื้นฐาน".into(), title: "โครงสร้าง".into(), status: OitStatus::Yes, url: Some("https://www.lampura.go.th/structure/index.php?id=12&part=organisation-chart-2568".into()) },
            OitRow { code: "O2".into(), indicator: Some(9), group: "9.1 ข้อมูลพื้นฐาน".into(), title: "ข้อมูลผู้บริหาร".into(), status: OitStatus::No, url: None },
            OitRow { code: "O33".into(), indicator: Some(10), group: "10.1 การดำเนินการเพื่อป้องกันการทุจริต".into(), title: "เจตจำนงสุจริตของผู้บริหาร".into(), status: OitStatus::Unknown, url: Some("lampura.go.th/o33".into()) },
        ],
        paragraphs: vec!["หน่วยงานได้วิเคราะห์ผลการประเมินประจำปี 2568".into()],
    }
}

/// Recommendations with a general paragraph, an EIT part block and one item citing O10 and 9.1.
fn recommendations() -> Recommendations {
    Recommendations {
        heading: "ข้อเสนอแนะต่อผลการประเมิน ประจำปีงบประมาณ พ.ศ. 2567".into(),
        paragraphs: vec!["หน่วยงานผ่านเกณฑ์ในภาพรวม".into()],
        tools: vec![RecommendationBlock {
            tool: "EIT".into(),
            part: Some("EP".into()),
            heading: "ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการ (EIT Public)".into(),
            paragraphs: Vec::new(),
            indicators: vec![RecommendationIndicator {
                number: Some(6),
                name: "คุณภาพการดำเนินงาน".into(),
                items: vec![RecommendationItem {
                    code: "EP1".into(),
                    text: "หน่วยงานควรเผยแพร่คู่มือการให้บริการ (อ้างอิงจาก O10)".into(),
                    oit_refs: vec!["O10".into()],
                    oit_ref_titles: vec!["คู่มือการให้บริการ".into()],
                    indicator_refs: vec!["9.1".into()],
                }],
            }],
        }],
    }
}

#[test]
fn every_kind_lays_out_without_warnings() {
    for kind in ReportKind::ALL {
        let (document, warnings) =
            layout(&sample(kind), &RenderOptions::default()).expect("layout");
        assert!(warnings.is_empty(), "{kind:?}: {warnings:?}");
        assert!(!document.pages().is_empty());
    }
}

#[test]
fn same_input_gives_same_bytes() {
    let data = sample(ReportKind::Implementation);
    let a = render(&data, &RenderOptions::default()).expect("render");
    let b = render(&data, &RenderOptions::default()).expect("render");
    assert!(a.starts_with(b"%PDF-"));
    assert_eq!(a, b);
}

#[test]
fn view_holds_display_strings_in_the_chosen_digits() {
    let data = sample(ReportKind::Analysis);
    let thai =
        serde_json::to_string(&view::view(&data, &RenderOptions::default(), true)).expect("json");
    assert!(thai.contains("\"total\":\"๙๖.๒๕\""), "{thai}");
    assert!(thai.contains("ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ (๙๙.๓๘)"));
    assert!(thai.contains("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"));
    let options = RenderOptions {
        thai_digits: false,
        ..RenderOptions::default()
    };
    let arabic = serde_json::to_string(&view::view(&data, &options, true)).expect("json");
    assert!(arabic.contains("\"total\":\"96.25\"") && arabic.contains("พ.ศ. 2568"));
    assert!(!arabic.chars().any(|c| ('๐'..='๙').contains(&c)));
}

#[test]
fn diagnostics_name_the_template_position() {
    let world = ReportWorld::new(vec![(DATA_JSON, b"{}".to_vec())]).expect("world");
    let result = typst::compile::<PagedDocument>(&world);
    let errors = result.output.expect_err("an empty view cannot be laid out");
    let text = messages(Some(&world), &errors);
    assert!(text.starts_with("error: "), "{text}");
    assert!(text.contains(".typ:"), "{text}");
}

#[test]
fn measure_cells_number_steps_and_do_not_repeat_quoted_links() {
    let mut data = sample(ReportKind::Implementation);
    data.measure_groups[0].measures[0].outcomes = vec!["e๑ ข้อมูลชัดเจน ผลคะแนน ๙๙.๔๒".into()];
    let json =
        serde_json::to_string(&view::view(&data, &RenderOptions::default(), false)).expect("json");
    // Measure 1 quotes e1 in its outcome, so only measures 2 and 3 get a link line.
    assert_eq!(json.matches("ผลคะแนน ๙๙.๔๒").count(), 3, "{json}");
    assert!(json.contains(r#"{"marker":"๒.","text":"เผยแพร่คู่มือบนเว็บไซต์ของหน่วยงาน"}"#));
    // No status line: a published report says what was done, not our tracking state.
    assert!(!json.contains("สถานะ"), "{json}");
    // One number column, counting on across the groups (measures 1, 2 | 3).
    assert!(json.contains(r#"{"marker":"","text":"๓"}"#), "{json}");
    assert!(json.contains(r#"{"marker":"","text":"จัดทำคู่มือการปฏิบัติงานฉบับที่ ๑"}"#));
    // The evidence and the follow-up get columns of their own.
    assert!(json.contains("คำสั่งแต่งตั้ง.pdf") && json.contains("รายงานผู้บริหารทุกไตรมาส"));
}

#[test]
fn recommendations_are_in_the_view_in_the_chosen_digits() {
    let data = sample(ReportKind::Implementation);
    let json =
        serde_json::to_string(&view::view(&data, &RenderOptions::default(), false)).expect("json");
    assert!(json.contains("\"heading\":\"ข้อเสนอแนะต่อผลการประเมิน ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\""));
    assert!(json.contains("\"heading\":\"ตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน\""));
    assert!(json.contains("\"label\":\"ข้อ EP๑\""), "{json}");
    // Cited OIT items print as their titles, never as codes.
    assert!(
        json.contains(r#"["ข้อมูลที่ต้องเปิดเผยที่เกี่ยวข้อง:","คู่มือการให้บริการ"],["ตัวชี้วัดย่อยที่อ้างอิง:","๙.๑"]"#),
        "{json}"
    );
    let arabic = RenderOptions {
        thai_digits: false,
        ..RenderOptions::default()
    };
    let json = serde_json::to_string(&view::view(&data, &arabic, false)).expect("json");
    assert!(json.contains("\"label\":\"ข้อ EP1\"") && json.contains("ส่วนที่ 1 "));
    let mut none = data;
    none.header.recommendations = None;
    let json = serde_json::to_string(&view::view(&none, &arabic, false)).expect("json");
    assert!(json.contains("\"recommendations\":null"));
}

#[test]
fn recommendations_of_a_landscape_report_are_on_portrait_pages() {
    let (document, warnings) = layout(
        &sample(ReportKind::Implementation),
        &RenderOptions::default(),
    )
    .expect("layout");
    assert!(warnings.is_empty(), "{warnings:?}");
    let pages = document.pages();
    let first = pages.first().expect("a page").frame.size();
    let last = pages.last().expect("a page").frame.size();
    assert!(first.x > first.y, "the tables are landscape");
    assert!(last.x < last.y, "the recommendations are portrait");
}
