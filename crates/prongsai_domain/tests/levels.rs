//! Rating levels (2566 on) and letter bands (up to 2565) at every edge, from whole-tool scores; expected labels
//! follow the NACC rule of ../shared/domain/ita-frameworks.md §2.3a, computed by hand in the comments.

use prongsai_domain::analysis::verdict;
use prongsai_domain::framework::GradingKind;
use prongsai_domain::scoring::{ScoreError, ScoreSheet, SheetError, Unit, score};
use prongsai_domain::{Catalog, Code, Framework};

fn catalog() -> Catalog {
    Catalog::embedded().unwrap_or_else(|e| panic!("built-in catalog is invalid:\n{e}"))
}

fn units(fw: &Framework, pairs: &[(&str, f64)]) -> ScoreSheet {
    let mut s = ScoreSheet::new();
    for (u, v) in pairs {
        let unit: Unit = u.parse().expect("unit");
        s.set_unit(fw, unit, *v)
            .unwrap_or_else(|e| panic!("{u}: {e}"));
    }
    s
}

/// (IIT, EIT, OIT, expected label, expected pass) for a year without EIT parts. Total = .3 IIT + .3 EIT + .4 OIT.
const THREE_TOOLS: &[(f64, f64, f64, &str, bool)] = &[
    (100.0, 100.0, 100.0, "ผ่านดีเยี่ยม", true),
    (95.0, 95.0, 95.0, "ผ่านดีเยี่ยม", true), // 95.00, every tool 95
    (94.99, 100.0, 100.0, "ผ่านดี", true),  // 98.497 → 98.50, IIT 94.99 < 95
    (94.995, 100.0, 100.0, "ผ่านดีเยี่ยม", true), // IIT shown as 95.00
    (94.994, 100.0, 100.0, "ผ่านดี", true), // IIT shown as 94.99
    (100.0, 100.0, 94.99, "ผ่านดี", true),  // OIT holds it back
    (94.99, 94.99, 94.99, "ผ่านดี", true),  // 94.99 < 95
    (85.0, 85.0, 85.0, "ผ่านดี", true),
    (84.99, 100.0, 100.0, "ผ่าน", true), // 95.497 → 95.50, IIT < 85: total alone is not enough
    (100.0, 84.99, 100.0, "ผ่าน", true),
    (80.0, 90.0, 85.0, "ผ่าน", true), // 24 + 27 + 34 = 85.00 exactly, IIT < 85
    (84.99, 84.99, 84.99, "ต้องปรับปรุง", false),
    (100.0, 100.0, 62.49, "ผ่าน", true), // 30 + 30 + 24.996 = 84.996, shown 85.00: passes, OIT < 85
    (100.0, 100.0, 62.48, "ต้องปรับปรุง", false), // 84.992 → 84.99
    (70.0, 70.0, 70.0, "ต้องปรับปรุง", false),
    (69.995, 69.995, 69.995, "ต้องปรับปรุง", false), // shown as 70.00
    (69.99, 69.99, 69.99, "ต้องปรับปรุงโดยด่วน", false),
    (69.994, 69.994, 69.994, "ต้องปรับปรุงโดยด่วน", false),
    (0.0, 0.0, 0.0, "ต้องปรับปรุงโดยด่วน", false),
];

#[test]
fn rating_levels_at_every_edge_for_years_without_eit_parts() {
    let c = catalog();
    for year in [2568, 2569] {
        let fw = c.framework(year).expect("year");
        assert_eq!(fw.grading.kind, GradingKind::Levels);
        for &(iit, eit, oit, want, passed) in THREE_TOOLS {
            let r =
                score(fw, &units(fw, &[("IIT", iit), ("EIT", eit), ("OIT", oit)])).expect("scores");
            assert_eq!(
                (r.grade.as_str(), r.passed),
                (want, passed),
                "{year}: IIT {iit} EIT {eit} OIT {oit} → total {}",
                r.total.value()
            );
            assert!(r.indicators.is_empty(), "whole tools give no indicators");
        }
    }
}

#[test]
fn every_eit_part_counts_in_2566_and_2567() {
    let c = catalog();
    // (IIT, EP, ES, OIT, label). EIT = (EP + ES) / 2 inside 30 %.
    let table: &[(f64, f64, f64, f64, &str)] = &[
        (100.0, 100.0, 100.0, 100.0, "ผ่านดีเยี่ยม"),
        // EIT = 95 and the total 98.5, but ES 90 < 95: only ผ่านดี.
        (100.0, 100.0, 90.0, 100.0, "ผ่านดี"),
        // EP 84.99 < 85: EIT 92.495, total 97.7485 → ผ่าน.
        (100.0, 84.99, 100.0, 100.0, "ผ่าน"),
        (95.0, 95.0, 95.0, 95.0, "ผ่านดีเยี่ยม"),
        (85.0, 85.0, 85.0, 85.0, "ผ่านดี"),
        (84.99, 84.99, 84.99, 84.99, "ต้องปรับปรุง"),
        (70.0, 70.0, 70.0, 70.0, "ต้องปรับปรุง"),
        (69.99, 69.99, 69.99, 69.99, "ต้องปรับปรุงโดยด่วน"),
    ];
    for year in [2566, 2567] {
        let fw = c.framework(year).expect("year");
        for &(iit, ep, es, oit, want) in table {
            let r = score(
                fw,
                &units(fw, &[("IIT", iit), ("EP", ep), ("ES", es), ("OIT", oit)]),
            )
            .expect("scores");
            assert_eq!(r.grade, want, "{year}: IIT {iit} EP {ep} ES {es} OIT {oit}");
            let listed: Vec<&str> = r.units.iter().map(|u| u.unit.as_str()).collect();
            assert_eq!(listed, ["IIT", "EP", "ES", "OIT"], "{year}");
            let eit = r.unit(Unit::Eit).expect("EIT").value();
            assert!((eit - (ep + es) / 2.0).abs() < 1e-9, "{year}: EIT {eit}");
        }
        // EIT given whole: its parts are unknown, so EIT itself is the rated unit.
        let r = score(
            fw,
            &units(fw, &[("IIT", 96.0), ("EIT", 96.0), ("OIT", 96.0)]),
        )
        .expect("scores");
        assert_eq!(r.grade, "ผ่านดีเยี่ยม");
        let listed: Vec<&str> = r.units.iter().map(|u| u.unit.as_str()).collect();
        assert_eq!(listed, ["IIT", "EIT", "OIT"]);
    }
}

#[test]
fn letter_bands_up_to_2565_ignore_tools() {
    let c = catalog();
    let table: &[(f64, f64, f64, &str, bool)] = &[
        (95.0, 95.0, 95.0, "AA", true),
        (94.99, 94.99, 94.99, "A", true),
        (94.995, 94.995, 94.995, "AA", true),
        (85.0, 85.0, 85.0, "A", true),
        (50.0, 100.0, 100.0, "A", true), // 15 + 30 + 40 = 85: a weak tool does not change a letter
        (84.99, 84.99, 84.99, "B", false),
        (75.0, 75.0, 75.0, "B", false),
        (74.99, 74.99, 74.99, "C", false),
        (65.0, 65.0, 65.0, "C", false),
        (55.0, 55.0, 55.0, "D", false),
        (54.99, 54.99, 54.99, "E", false),
        (50.0, 50.0, 50.0, "E", false),
        (49.99, 49.99, 49.99, "F", false),
    ];
    for year in [2563, 2564, 2565] {
        let fw = c.framework(year).expect("year");
        assert_eq!(fw.grading.kind, GradingKind::Letters, "{year}");
        for &(iit, eit, oit, want, passed) in table {
            let r =
                score(fw, &units(fw, &[("IIT", iit), ("EIT", eit), ("OIT", oit)])).expect("scores");
            assert_eq!(
                (r.grade.as_str(), r.passed),
                (want, passed),
                "{year}: {iit} {eit} {oit}"
            );
        }
    }
    // 2565 rests on the 2564 structure: its result says so.
    let fw = c.framework(2565).expect("2565");
    let r = score(
        fw,
        &units(fw, &[("IIT", 90.0), ("EIT", 90.0), ("OIT", 90.0)]),
    )
    .expect("scores");
    assert!(!r.assumptions_plain.is_empty(), "2565 weights are assumed");
}

#[test]
fn a_whole_tool_cannot_be_mixed_with_its_parts() {
    let c = catalog();
    let fw = c.framework(2568).expect("2568");
    let code = |s: &str| s.parse::<Code>().expect("code");
    // IIT whole, then one of its questions.
    let mut s = units(fw, &[("IIT", 90.0)]);
    assert!(matches!(
        s.set(fw, code("i3"), 90.0),
        Err(SheetError::UnitConflict {
            unit: Unit::Iit,
            ..
        })
    ));
    // An indicator first, then its tool whole.
    let mut s = ScoreSheet::new();
    s.set(fw, code("ind7"), 90.0).expect("ok");
    let err = s.set_unit(fw, Unit::Eit, 90.0).expect_err("conflict");
    assert!(err.to_string().contains("ind7"), "{err}");
    // OIT whole and an OIT item.
    let mut s = units(fw, &[("OIT", 100.0)]);
    assert!(s.set(fw, code("O3"), 100.0).is_err());
    // Another tool's question is fine.
    s.set(fw, code("i3"), 90.0)
        .expect("IIT question beside OIT whole");
    // 2568 has no EIT parts.
    assert!(matches!(
        ScoreSheet::new().set_unit(fw, Unit::Ep, 90.0),
        Err(SheetError::UnknownUnit { .. })
    ));
    assert!(matches!(
        ScoreSheet::new().set_unit(fw, Unit::Oit, 100.5),
        Err(SheetError::UnitOutOfRange { .. })
    ));

    let fw = c.framework(2567).expect("2567");
    // EIT whole excludes its parts, in either order.
    let mut s = units(fw, &[("EIT", 90.0)]);
    assert!(s.set_unit(fw, Unit::Es, 90.0).is_err());
    let mut s = units(fw, &[("EP", 90.0)]);
    assert!(s.set_unit(fw, Unit::Eit, 90.0).is_err());
    // A part covers its own questions, not the other part's.
    assert!(s.set(fw, code("EP2"), 90.0).is_err());
    s.set(fw, code("ES2"), 90.0)
        .expect("ES question beside EP whole");
    // One part given whole needs the other.
    let s = units(fw, &[("IIT", 90.0), ("EP", 90.0), ("OIT", 90.0)]);
    assert!(matches!(
        score(fw, &s),
        Err(ScoreError::MissingPart {
            given: Unit::Ep,
            missing: Unit::Es
        })
    ));
}

#[test]
fn the_verdict_names_what_holds_a_level_back() {
    let c = catalog();
    let fw = c.framework(2568).expect("2568");
    let r = score(
        fw,
        &units(fw, &[("IIT", 100.0), ("EIT", 84.0), ("OIT", 100.0)]),
    )
    .expect("scores");
    assert_eq!(r.grade, "ผ่าน");
    let v = verdict(fw, &r);
    assert!(v.text_th.contains("ระดับ ผ่าน"), "{}", v.text_th);
    assert!(
        v.text_th.contains("ยังไม่ถึงระดับ ผ่านดี เพราะ EIT"),
        "{}",
        v.text_th
    );
    assert!(!v.text_th.contains("AA"), "{}", v.text_th);
    let r = score(
        fw,
        &units(fw, &[("IIT", 100.0), ("EIT", 91.0), ("OIT", 100.0)]),
    )
    .expect("scores");
    let v = verdict(fw, &r);
    assert_eq!(v.grade, "ผ่านดี");
    assert!(
        v.text_th.contains("ยังไม่ถึงระดับ ผ่านดีเยี่ยม เพราะ EIT"),
        "{}",
        v.text_th
    );
    // A letter year keeps its letter and pass sentence.
    let fw = c.framework(2564).expect("2564");
    let r = score(
        fw,
        &units(fw, &[("IIT", 96.0), ("EIT", 96.0), ("OIT", 96.0)]),
    )
    .expect("scores");
    let v = verdict(fw, &r);
    assert!(v.text_th.contains("ระดับ AA ผ่านเกณฑ์ 85"), "{}", v.text_th);
}

#[test]
fn official_labels_and_their_variants_are_recognised() {
    let c = catalog();
    let fw = c.framework(2567).expect("2567");
    assert_eq!(
        fw.grading
            .canonical("ต้องปรับปรุงด่วน")
            .map(|b| b.grade.as_str()),
        Some("ต้องปรับปรุงโดยด่วน")
    );
    assert_eq!(
        fw.grading.canonical(" ผ่าน ดี ").map(|b| b.grade.as_str()),
        Some("ผ่านดี")
    );
    assert!(fw.grading.canonical("AA").is_none());
    let fw = c.framework(2564).expect("2564");
    assert_eq!(
        fw.grading.canonical("aa").map(|b| b.grade.as_str()),
        Some("AA")
    );
}

#[test]
fn a_year_without_its_own_file_borrows_the_newest_and_says_so() {
    let c = catalog();
    let own = c.resolve(2568).expect("2568");
    assert!(!own.provisional);
    assert_eq!(own.framework.fiscal_year, 2568);
    assert!(own.provisional_note_th().is_none());
    let next = c.resolve(2571).expect("2571");
    assert!(next.provisional);
    assert_eq!(next.framework.fiscal_year, 2569);
    assert_eq!(
        next.provisional_note_th().as_deref(),
        Some("ปี 2571 ยังไม่มีกรอบการประเมินของปีนั้น จึงใช้กรอบการประเมินปี 2569 ชั่วคราว")
    );
    assert!(c.resolve(2562).is_none(), "before the oldest year");
}

#[test]
fn codes_carry_forward_through_the_renumbering() {
    let c = catalog();
    let code = |s: &str| s.parse::<Code>().expect("code");
    let carry = |from, to, s: &str| c.carry(from, to, code(s)).map(|c| c.to_string());
    // 2568 → 2569 (docs/sources.md §6.2): No Gift Policy O21 and O22 fold into O20, service statistics O11
    // into E-Service O10, the measures report O28 becomes O26; O1–O10 and the questions keep their codes.
    assert_eq!(carry(2568, 2569, "O21").as_deref(), Some("O20"));
    assert_eq!(carry(2568, 2569, "O22").as_deref(), Some("O20"));
    assert_eq!(carry(2568, 2569, "O11").as_deref(), Some("O10"));
    assert_eq!(carry(2568, 2569, "O28").as_deref(), Some("O26"));
    assert_eq!(carry(2568, 2569, "O3").as_deref(), Some("O3"));
    assert_eq!(carry(2568, 2569, "i7").as_deref(), Some("i7"));
    // Into a year without its own file: the 2569 codes stay.
    assert_eq!(carry(2568, 2570, "O22").as_deref(), Some("O20"));
    // No map from 2567 to 2568: an OIT code carries only when the title is the same.
    assert_eq!(
        carry(2567, 2568, "O1"),
        None,
        "2567 O1 โครงสร้าง is not 2568 O1"
    );
    assert_eq!(carry(2567, 2568, "ind3").as_deref(), Some("ind3"));
}

#[test]
fn question_wording_can_be_supplied_beside_the_catalog() {
    use prongsai_domain::SourceFile;
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let read = |p: &str| std::fs::read_to_string(format!("{root}/{p}")).expect(p);
    let frameworks = vec![SourceFile::new(
        "catalog/2569.toml",
        read("catalog/2569.toml"),
    )];
    let code = |s: &str| s.parse::<Code>().expect("code");
    // Without wording the text names the indicator and says it is not published.
    let bare = Catalog::load(&frameworks, &[]).expect("loads");
    let text = bare
        .framework(2569)
        .and_then(|f| f.question_text_th(code("i1")))
        .expect("i1");
    assert!(
        text.contains("ตัวชี้วัดที่ 1") && text.contains("ยังไม่มีถ้อยคำ"),
        "{text}"
    );
    let good = SourceFile::new(
        "catalog/wording/2569.toml",
        "framework = \"ita-2569\"\n[[questions]]\ncode = \"i1\"\ntext_th = \"ถ้อยคำทดสอบ\"\nprovenance = \"assumed: test\"\n",
    );
    let c = Catalog::load_with_wording(&frameworks, &[], &[good]).expect("loads");
    assert_eq!(
        c.framework(2569)
            .and_then(|f| f.question_text_th(code("i1")))
            .as_deref(),
        Some("ถ้อยคำทดสอบ")
    );
    for (bad, needle) in [
        ("framework = \"ita-2599\"\nquestions = []\n", "ita-2599"),
        (
            "framework = \"ita-2569\"\n[[questions]]\ncode = \"O1\"\ntext_th = \"x\"\nprovenance = \"assumed: t\"\n",
            "not a question",
        ),
        (
            "framework = \"ita-2569\"\n[[questions]]\ncode = \"i1\"\ntext_th = \" \"\nprovenance = \"assumed: t\"\n",
            "empty",
        ),
        (
            "framework = \"ita-2569\"\n[[questions]]\ncode = \"i1\"\ntext_th = \"x\"\nprovenance = \"maybe\"\n",
            "provenance",
        ),
    ] {
        let err = Catalog::load_with_wording(&frameworks, &[], &[SourceFile::new("w.toml", bad)])
            .expect_err(bad);
        assert!(err.to_string().contains(needle), "{bad}: {err}");
    }
}
