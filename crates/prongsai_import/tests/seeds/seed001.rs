//! Seed 001: an analysis of ITA results (every question score, weakest, cause, guidance) followed by the measures plan.

use prongsai_domain::document::{AnalysedIndicator, DocumentKind, Fragment, Section, Warning};

use super::{date, measure_sections, measures, pairs, period, seed, whole};

/// (code, score) of an indicator's questions.
fn scores(i: &AnalysedIndicator) -> Vec<(String, Option<f64>)> {
    i.questions
        .iter()
        .map(|q| (q.code.to_string(), q.score))
        .collect()
}

#[test]
fn seed_001_analysis_with_every_question_score() {
    let doc = seed("001");
    whole(&doc);
    assert_eq!(doc.kind, DocumentKind::AnalysisAndPlan);
    assert_eq!(doc.fiscal_year.map(|y| y.be()), Some(2568));
    assert_eq!(doc.agency.name.as_deref(), Some("องค์กรบริหารส่วนตำบลหนองกะปุ"));
    let ind: Vec<&AnalysedIndicator> = doc.indicators().collect();
    assert_eq!(ind.len(), 9);
    let numbers: Vec<Option<u8>> = ind.iter().map(|i| i.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7, 8, 9].map(Some));
    let want: [&[(&str, f64)]; 8] = [
        &[("i1", 100.0), ("i2", 99.38), ("i3", 100.0)],
        &[("i4", 100.0), ("i5", 99.38), ("i6", 98.75)],
        &[("i7", 98.75), ("i8", 99.38), ("i9", 100.0)],
        &[("i10", 99.38), ("i11", 99.38), ("i12", 100.0)],
        &[("i13", 100.0), ("i14", 100.0), ("i15", 100.0)],
        &[("e1", 90.59), ("e2", 89.41), ("e3", 100.0)],
        &[("e4", 93.53), ("e5", 95.29), ("e6", 90.59)],
        &[("e7", 90.59), ("e8", 89.41), ("e9", 91.76)],
    ];
    for (i, want) in ind.iter().zip(want) {
        assert_eq!(scores(i), pairs(want), "indicator {:?}", i.number);
    }
    // "ตัวชี้วัดที่ ๒ คุณภาพการดำเนินงาน": the codes e1–e3 say 6, and a warning says so.
    let six = ind[5];
    assert_eq!(six.heading.as_ref().and_then(|h| h.number), Some(2));
    assert_eq!(six.name, "คุณภาพการดำเนินงาน");
    assert!(
        doc.warnings
            .iter()
            .any(|w| w.line == Some(43) && w.message.contains("e1, e2, e3"))
    );
    // Weakest / cause / guidance, split from one cell per row or from <p> items.
    let weakest = |i: &AnalysedIndicator| -> Vec<String> {
        i.weakest
            .iter()
            .map(|w| w.code.map(|c| c.to_string()).unwrap_or_default())
            .collect()
    };
    assert_eq!(weakest(ind[0]), ["i2"]);
    assert_eq!(
        ind[0].cause,
        "บุคลากรภายในหน่วยงานปฏิบัติหรือให้บริการ แก่บุคคลภายนอกอย่างไม่เป็นธรรม"
    );
    assert!(
        ind[0]
            .guidance
            .starts_with("หน่วยงานควรวิเคราะห์ว่าภารกิจหรือบริการใด")
    );
    assert_eq!(
        ind[0]
            .oit_refs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["O10", "O8", "O9"]
    );
    assert_eq!(
        ind[1].cause,
        "หน่วยงานมีการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง"
    );
    assert_eq!(
        ind[1]
            .oit_refs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["O12", "O13"]
    );
    // "๘ ท่านเคยถูก…" in an IIT table is i8; it is not the lowest score (i7 is), and we say so.
    assert_eq!(weakest(ind[2]), ["i8"]);
    // Line 25 names "๘ ท่านเคยถูก…" (i8, printed ๙๙.๓๘ on line 26) while line 25's i7 is ๙๘.๗๕:
    // one Thai warning on line 25, naming both.
    let wrong: Vec<&Warning> = doc
        .warnings
        .iter()
        .filter(|w| w.message.contains("ได้คะแนนน้อยที่สุด"))
        .collect();
    assert_eq!(wrong.len(), 1, "{wrong:?}");
    assert_eq!(wrong[0].line, Some(25));
    assert!(wrong[0].message.contains("i8 (99.38)") && wrong[0].message.contains("i7 (98.75)"));
    assert!(
        !wrong[0].message.contains("the "),
        "Thai only: {}",
        wrong[0].message
    );
    // The lowest printed scores, read from the table by hand (ties kept, none when all are 100).
    let lowest = |i: &AnalysedIndicator| -> Vec<String> {
        i.lowest.iter().map(ToString::to_string).collect()
    };
    let want: [&[&str]; 9] = [
        &["i2"],
        &["i6"],
        &["i7"],
        &["i10", "i11"],
        &[],
        &["e2"],
        &["e6"],
        &["e8"],
        &[],
    ];
    for (i, want) in ind.iter().zip(want) {
        assert_eq!(lowest(i), want, "indicator {:?}", i.number);
    }
    assert_eq!(weakest(ind[3]), ["i10", "i11"]);
    assert!(ind[4].weakest.is_empty(), "\"-ไม่มี\" means none");
    assert_eq!(weakest(ind[6]), ["e6"]);
    assert!(
        ind[6]
            .cause
            .starts_with("ผู้รับบริการหรือผู้มาติดต่อราชการกับหน่วยงานบาง")
    );
    assert_eq!(
        ind[7]
            .oit_refs
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["O20", "O6", "O3"]
    );
    // Indicators 9 and 10 share one table: the range O1–O28 and the weakest O12.
    let nine = ind[8];
    assert_eq!(nine.also.len(), 1);
    assert_eq!(
        (nine.also[0].number, nine.also[0].name.as_str()),
        (10, "การป้องกันการทุจริต")
    );
    assert_eq!(nine.ranges.len(), 1);
    assert_eq!(
        (
            nine.ranges[0].from.to_string(),
            nine.ranges[0].to.to_string()
        ),
        ("O1".into(), "O28".into())
    );
    assert_eq!(weakest(nine), ["O12"]);
    assert!(nine.guidance.contains("นอกจากนี้หน่วยงานควรศึกษา"));
}

#[test]
fn seed_001_section_titles_and_intro_are_kept() {
    let doc = seed("001");
    let texts = |f: &[Fragment]| -> Vec<(usize, String)> {
        f.iter().map(|f| (f.line, f.text.clone())).collect()
    };
    let analysis = doc
        .sections
        .iter()
        .find_map(|s| match s {
            Section::Analysis(a) => Some(a),
            _ => None,
        })
        .unwrap();
    // Lines 5–6, one paragraph cut at "…องค์กรบริหารส่วน" / "ตำบลหนองกะปุ …".
    assert_eq!(
        texts(&analysis.prose.title_lines),
        [(5, "แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานขององค์กรบริหารส่วนตำบลหนองกะปุ ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)".to_string())]
    );
    let plan = &measure_sections(&doc)[0].prose;
    // Lines 70–71 (one title cut at "…ขับเคลื่อนการ" / "ส่งเสริม…") and 73; "ของ องค์การ" is written
    // "ขององค์การ" elsewhere in the document, so its space goes.
    assert_eq!(
        texts(&plan.title_lines),
        [
            (70, "การกำหนดวิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติการหรือมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส".to_string()),
            (73, "ขององค์การบริหารส่วนตำบลหนองกะบู่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘".to_string()),
        ]
    );
    assert_eq!(plan.intro.len(), 1);
    assert_eq!(plan.intro[0].line, 75);
    assert!(plan.intro[0].text.starts_with(
        "จากการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
    ));
    assert!(plan.intro[0].text.ends_with("ให้ดีขึ้น ดังนี้"));
    assert!(plan.closing.is_empty());
}

#[test]
fn seed_001_measures_plan_per_indicator() {
    let doc = seed("001");
    let sections = measure_sections(&doc);
    assert_eq!(sections.len(), 7);
    let indicators: Vec<Option<u8>> = sections
        .iter()
        .map(|s| s.heading.as_ref().and_then(|h| h.indicator))
        .collect();
    assert_eq!(indicators, [1, 2, 3, 4, 6, 7, 8].map(Some));
    let ms = measures(&doc);
    assert_eq!(ms.len(), 7);
    for m in &ms {
        assert_eq!(
            period(m),
            (date(2025, 10, 1), date(2026, 9, 30)),
            "{}",
            m.title
        );
    }
    assert_eq!(ms[1].title, "ประชาสัมพันธ์ กระบวนการจัดซื้อจัดจ้าง");
    assert_eq!(
        ms[1].analysis,
        "หน่วยงานมีการจัดซื้อจัดจ้างที่เอื้อประโยชน์ให้บุคคลใดบุคคลหนึ่ง"
    );
    assert_eq!(ms[1].responsible, ["สำนักปลัด"]);
    assert_eq!(ms[3].responsible, ["กองคลัง"]);
    assert_eq!(ms[3].steps.len(), 2);
    // Letters OCR spread out ("แ ล ี ว เ ผ ย แ พ ร ่") are joined again.
    assert_eq!(ms[4].steps.len(), 2);
    assert!(
        ms[4].steps[1].contains("คู่มือ แลีวเผยแพร่ ประชาสัมพันธ์"),
        "{}",
        ms[4].steps[1]
    );
    for m in &ms[4..] {
        assert_eq!(m.responsible, ["ทุกหน่วยงาน"]);
    }
}
