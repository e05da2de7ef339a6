//! The same model from Word tables, spreadsheets and CSV; errors that say why; nothing dropped; hostile input bounded.

use std::io::{Cursor, Write};
use std::time::{Duration, Instant};

use prongsai_domain::document::{DocumentKind, Section, SourceFormat};
use prongsai_import::report::{import_report, import_text};

use super::catalog;

/// XML-escapes text for a `w:t`.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A paragraph.
fn p(text: &str) -> String {
    format!(
        r#"<w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p>"#,
        esc(text)
    )
}

/// A cell of paragraphs with optional cell properties (gridSpan, vMerge).
fn tc(paras: &[&str], props: &str) -> String {
    let body: String = if paras.is_empty() {
        p("")
    } else {
        paras.iter().map(|t| p(t)).collect()
    };
    format!("<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>")
}

fn tr(cells: &[String]) -> String {
    format!("<w:tr>{}</w:tr>", cells.concat())
}

/// A DOCX file (a zip with word/document.xml) around `body`.
fn docx(body: &str) -> Vec<u8> {
    let xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}<w:sectPr/></w:body></w:document>"#
    );
    let mut out = Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut out);
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("[Content_Types].xml", opts)
            .expect("zip entry");
        zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#)
            .expect("zip write");
        zip.start_file("word/document.xml", opts)
            .expect("zip entry");
        zip.write_all(xml.as_bytes()).expect("zip write");
        zip.finish().expect("zip finish");
    }
    out.into_inner()
}

const HEADER: [&str; 6] = [
    "มาตรการ/โครงการ/กิจกรรม",
    "ขั้นตอน/วิธีการปฏิบัติ",
    "ระยะเวลาดำเนินการ",
    "หน่วยงานผู้รับผิดชอบ",
    "ผลการดำเนินการ",
    "ผลลัพธ์หรือผลสัมฤทธิ์ในการดำเนินการ",
];

#[test]
fn docx_tables_with_merged_cells() {
    let header = tr(&HEADER.map(|h| tc(&[h], "")));
    let first = tr(&[
        tc(
            &["จัดทำช่องทางการให้บริการในรูปแบบออนไลน์"],
            r#"<w:vMerge w:val="restart"/>"#,
        ),
        tc(
            &["จัดทำช่องทางการให้บริการ E-Service", "เผยแพร่ให้ประชาชนทราบ"],
            "",
        ),
        tc(&["ต.ค. - ธ.ค. ๒๕๖๗"], ""),
        tc(&["สำนัก ปลัดเทศบาล"], ""),
        tc(&["เพิ่มช่องทางการให้บริการ", "ประชาสัมพันธ์ช่องทาง"], ""),
        tc(
            &[
                "e๑เจ้าหน้าที่ปฏิบัติงาน ผลคะแนน ๙๙.๔๒",
                "e๒เท่าเทียมกัน ผล คะแนน ๙๘.๙๖๕",
            ],
            "",
        ),
    ]);
    // The title cell continues (vMerge): this row belongs to the measure above.
    let continued = tr(&[
        tc(&[], "<w:vMerge/>"),
        tc(&[], ""),
        tc(&[], ""),
        tc(&[], ""),
        tc(&[], ""),
        tc(&["๐๑๓ E-Service ผลคะแนน ๑๐๐"], ""),
    ]);
    let theme = tr(&[tc(
        &["๓) ช่องทางและรูปแบบการประชาสัมพันธ์"],
        r#"<w:gridSpan w:val="6"/>"#,
    )]);
    // Steps span two columns: the unit still lands in its own column.
    let spanned = tr(&[
        tc(&["ปรับปรุงข่าวประชาสัมพันธ์ในเว็บไซต์"], ""),
        tc(&["ปรับปรุงข้อมูลพื้นฐาน"], r#"<w:gridSpan w:val="2"/>"#),
        tc(&["กองคลัง"], ""),
        tc(&["ข้อมูลเป็นปัจจุบัน"], ""),
        tc(&["e๔หน่วยงานมีช่องทาง ผลคะแนน ๙๘.๙๖๕"], ""),
    ]);
    let body = [
        p("รายงานการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปีงบประมาณ พ.ศ. ๒๕๖๘"),
        p("ของ เทศบาลตำบลปลาไหล อำเภอบ้านค่าย จังหวัดระยอง"),
        p(""),
        p("๒) การให้บริการและระบบ E-Service"),
        format!("<w:tbl>{header}{first}{continued}{theme}{spanned}</w:tbl>"),
    ]
    .concat();
    let doc = import_report("report.docx", &docx(&body), Some(catalog())).unwrap();
    assert_eq!(doc.source_format, SourceFormat::Docx);
    assert_eq!(doc.kind, DocumentKind::ImplementationReport);
    assert_eq!(doc.fiscal_year.map(|y| y.be()), Some(2568));
    assert_eq!(doc.agency.name.as_deref(), Some("เทศบาลตำบลปลาไหล"));
    assert_eq!(doc.agency.province.as_deref(), Some("ระยอง"));
    assert!(doc.unrecognised.is_empty(), "{:?}", doc.unrecognised);
    let sections: Vec<_> = doc
        .sections
        .iter()
        .filter_map(|s| match s {
            Section::ImplementationReport(m) => Some(m),
            _ => None,
        })
        .collect();
    assert_eq!(sections.len(), 2);
    assert_eq!(sections[0].heading.as_ref().and_then(|h| h.number), Some(2));
    assert_eq!(sections[1].heading.as_ref().and_then(|h| h.number), Some(3));
    let m = &sections[0].measures[0];
    assert_eq!(m.title, "จัดทำช่องทางการให้บริการในรูปแบบออนไลน์");
    // Word paragraphs are items even without printed numbers.
    assert_eq!(
        m.steps,
        ["จัดทำช่องทางการให้บริการ E-Service", "เผยแพร่ให้ประชาชนทราบ"]
    );
    assert_eq!(m.results.len(), 2);
    assert_eq!(m.responsible, ["สำนักปลัดเทศบาล"]);
    let links: Vec<(String, Option<f64>)> = m
        .links
        .iter()
        .map(|l| (l.code.to_string(), l.score))
        .collect();
    assert_eq!(
        links,
        [
            ("e1".to_string(), Some(99.42)),
            ("e2".into(), Some(98.965)),
            ("O13".into(), Some(100.0))
        ]
    );
    let m = &sections[1].measures[0];
    assert_eq!(m.steps, ["ปรับปรุงข้อมูลพื้นฐาน"]);
    assert!(m.period.is_none());
    assert_eq!(m.responsible, ["กองคลัง"]);
    assert_eq!(m.links[0].code.to_string(), "e4");
}

#[test]
fn xlsx_plan_laid_out_like_seed_004() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    let rows: [[&str; 6]; 4] = [
        [
            "มาตรการ/แนวทาง",
            "วิธีการดำเนินการ",
            "ระยะเวลาดำเนินการ",
            "การติดตามผลการดำเนินการ",
            "ข้อเสนอแนะ",
            "ผู้รับผิดชอบ",
        ],
        [
            "1. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
            "1. เผยแพร่ข้อมูลในเว็ปไซต์ของหน่วยงาน\n2. ปรับปรุงเว็ปไซต์",
            "ตลอดปีงบประมาณ",
            "แต่งตั้งคณะทำงาน",
            "ควรมอบหมายงาน",
            "สำนักปลัด\nกองคลัง",
        ],
        ["", "3. ติดตามผล", "", "", "", ""],
        [
            "2. มาตรการจัดการเรื่องร้องเรียน",
            "จัดทำคู่มือ",
            "ม.ค. - มี.ค. 2566",
            "",
            "",
            "สำนักปลัด",
        ],
    ];
    ws.write_string(
        0,
        0,
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใส ขององค์การบริหารส่วนตำบลสระแก้ว ประจำปีงบประมาณ พ.ศ. 2566",
    )
    .unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32 + 2, c as u16, *cell).unwrap();
            }
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    let doc = import_report("plan.xlsx", &bytes, Some(catalog())).unwrap();
    assert_eq!(doc.source_format, SourceFormat::Xlsx);
    assert_eq!(doc.kind, DocumentKind::MeasuresPlan);
    assert_eq!(doc.agency.name.as_deref(), Some("องค์การบริหารส่วนตำบลสระแก้ว"));
    let ms: Vec<_> = doc.measures().collect();
    assert_eq!(ms.len(), 2);
    assert_eq!(
        (ms[0].line, ms[0].number, ms[0].title.as_str()),
        (4, Some(1), "มาตรการเผยแพร่ข้อมูลต่อสาธารณะ")
    );
    assert_eq!(
        ms[0].steps,
        ["เผยแพร่ข้อมูลในเว็ปไซต์ของหน่วยงาน", "ปรับปรุงเว็ปไซต์", "ติดตามผล"]
    );
    assert_eq!(ms[0].responsible, ["สำนักปลัด", "กองคลัง"]);
    assert_eq!(ms[0].follow_up, "แต่งตั้งคณะทำงาน");
    let p = ms[0].period.as_ref().unwrap();
    assert_eq!(
        (p.start.map(|d| d.to_string()), p.end.map(|d| d.to_string())),
        (Some("2022-10-01".into()), Some("2023-09-30".into()))
    );
    let p = ms[1].period.as_ref().unwrap();
    assert_eq!(
        (p.start.map(|d| d.to_string()), p.end.map(|d| d.to_string())),
        (Some("2023-01-01".into()), Some("2023-03-31".into()))
    );
}

#[test]
fn csv_report() {
    let csv = "รายงานผลการดำเนินงานตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n\
               มาตรการหรือกิจกรรม,สรุปผลการดำเนินการ,ผลลัพธ์หรือความสำเร็จของการดำเนินการ\n\
               มาตรการนโยบาย No Gift Policy,\"๑. ผู้บริหารประกาศนโยบาย ๒. จัดทำสื่อ\",\"i๓ เรียกรับสินบน ผลคะแนน ๑๐๐\"\n";
    let doc = import_report("report.csv", csv.as_bytes(), Some(catalog())).unwrap();
    assert_eq!(doc.source_format, SourceFormat::Csv);
    assert_eq!(doc.fiscal_year.map(|y| y.be()), Some(2567));
    let ms: Vec<_> = doc.measures().collect();
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].results, ["ผู้บริหารประกาศนโยบาย", "จัดทำสื่อ"]);
    assert_eq!(ms[0].links[0].code.to_string(), "i3");
}

#[test]
fn nothing_is_dropped_and_recognition_says_how_much() {
    let text = "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘\n\
                ก่อนตาราง\tแถวที่ไม่มีหัว\n\
                มาตรการ\tระยะเวลา\tผลการดำเนินการ\n\
                กิจกรรมหนึ่ง\tม.ค. - มี.ค. ๒๕๖๘\tทำแล้ว\tเซลล์เกิน\n\
                กิจกรรมสอง\tไม่ใช่วันที่\tทำแล้ว\n";
    let doc = import_text("x.txt", text, Some(catalog())).unwrap();
    let ms: Vec<_> = doc.measures().collect();
    assert_eq!(ms.len(), 3, "the row before the header is read with it");
    let unrec: Vec<(usize, &str)> = doc
        .unrecognised
        .iter()
        .map(|f| (f.line, f.text.as_str()))
        .collect();
    assert_eq!(unrec, [(4, "เซลล์เกิน")]);
    assert!(
        doc.recognition.percent < 100.0 && doc.recognition.percent > 90.0,
        "{:?}",
        doc.recognition
    );
    let m = ms[2];
    assert_eq!(
        m.period.as_ref().map(|p| (p.text.as_str(), p.start)),
        Some(("ไม่ใช่วันที่", None))
    );
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.line == Some(5) && w.message.contains("ไม่ใช่วันที่"))
    );
}

#[test]
fn errors_say_why_and_where() {
    let err = import_text("note.txt", "สวัสดีครับ\nนี่คือบันทึกทั่วไป\n", None)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("note.txt: ") && err.contains("not an ITA document we know"),
        "{err}"
    );
    let err = import_report("bad.txt", b"line one\nline two\n\xff\xfe\n", None).unwrap_err();
    assert_eq!(err.0[0].row, Some(3));
    let err = import_report("empty.txt", b"\n\n  \n", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("no text"), "{err}");
    let err = import_report("old.json", br#"{"schema_version": 99}"#, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("unsupported schema_version 99"), "{err}");
    let err = import_report("cut.json", br#"{"schema_version": 1, "kind": "#, None).unwrap_err();
    assert_eq!(err.0[0].row, Some(1));
    let err = import_report("broken.docx", b"PK\x03\x04 not really a zip", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("broken.docx"), "{err}");
    let bad_xml = docx("<w:p><w:r><w:t>ไม่ปิด</w:r></w:p>");
    let err = import_report("bad.docx", &bad_xml, None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("malformed document XML"), "{err}");
}

#[test]
fn hostile_input_is_bounded() {
    let started = Instant::now();
    let long_row = "มาตรการ\tผลการดำเนินการ\n".to_string() + &"ก\t".repeat(50_000);
    let tags = "<".repeat(80_000) + &"<p>".repeat(25_000);
    let numbers = "๑. ".repeat(25_000);
    let scores = "e๑ ผลคะแนน ".repeat(12_000);
    let refs = "(อ้างอิงจาก ".repeat(12_000);
    let spread = "ก ".repeat(50_000);
    let agencies = "เทศบาลตำบล".repeat(25_000);
    let same_titles = "ชื่อ\tตลอดปีงบประมาณ\tหน่วย\n".repeat(20_000);
    let units = "สำนัก\n".repeat(20_000);
    for text in [
        long_row, tags, numbers, scores, refs, spread, agencies, units,
    ] {
        let table = format!("มาตรการ\tผลลัพธ์\nชื่อ\t{text}\n{text}");
        let analysis = format!("ตัวชี้วัดที่ ๑ ก\nประเด็นข้อคำถาม\tคะแนน\tการวิเคราะห์\ni๑ ก\t๙๙\t{text}\n");
        let units = format!(
            "มาตรการ\tผู้รับผิดชอบ\nชื่อ\t{}\n",
            text.replace('\n', "\u{2029}")
        );
        for input in [table, analysis, units, text] {
            let _ = import_text("x.txt", &input, Some(catalog()));
        }
    }
    let plan = format!("มาตรการ\tระยะเวลา\tผู้รับผิดชอบ\n{same_titles}");
    let doc = import_text("x.txt", &plan, Some(catalog())).unwrap();
    assert_eq!(
        doc.measures().count(),
        1,
        "a title repeated row after row is one measure"
    );
    let huge = vec![b'a'; prongsai_import::report::MAX_TEXT_BYTES + 1];
    assert!(
        import_report("huge.txt", &huge, None)
            .unwrap_err()
            .to_string()
            .contains("too large")
    );
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
