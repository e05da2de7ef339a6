//! Table-driven tests of the scoring rules on a small inline framework (not a real year).

use prongsai_domain::analysis::{VerdictStatus, analyze, weakest};
use prongsai_domain::framework::parse_framework;
use prongsai_domain::scoring::{
    ItemScore, ResponseTally, Score, ScoreError, ScoreSheet, SheetError, score,
};
use prongsai_domain::{Code, Framework};

const MINI: &str = include_str!("fixtures/mini.toml");

fn mini() -> Framework {
    parse_framework("mini.toml", MINI).expect("fixture is valid")
}

fn code(s: &str) -> Code {
    s.parse().expect("valid code")
}

fn sheet(fw: &Framework, pairs: &[(&str, f64)]) -> ScoreSheet {
    let mut s = ScoreSheet::new();
    for (c, v) in pairs {
        s.set(fw, code(c), *v).expect("valid score");
    }
    s
}

fn all_indicators(v: f64) -> Vec<(&'static str, f64)> {
    vec![("ind1", v), ("ind2", v), ("ind3", v), ("ind4", v)]
}

#[test]
fn grade_and_pass_at_the_band_edges() {
    let fw = mini();
    // (every indicator = total, expected grade, expected pass)
    let table = [
        (84.99, "B", false),
        (84.994, "B", false),
        (84.995, "A", true), // shown as 85.00, so graded and passed as 85.00
        (85.0, "A", true),
        (94.99, "A", true),
        (94.994, "A", true),
        (94.995, "AA", true),
        (95.0, "AA", true),
        (100.0, "AA", true),
        (74.99, "C", false),
        (75.0, "B", false),
        (49.99, "F", false),
        (50.0, "E", false),
        (0.0, "F", false),
    ];
    for (v, grade, passed) in table {
        let r = score(&fw, &sheet(&fw, &all_indicators(v))).expect("scores");
        assert_eq!(
            (r.grade.as_str(), r.passed),
            (grade, passed),
            "total {v} -> {}",
            r.total
        );
    }
}

#[test]
fn weakest_questions_ties_and_all_100() {
    let items = |xs: &[(&str, f64)]| {
        xs.iter()
            .map(|(c, v)| ItemScore {
                code: code(c),
                score: Score(*v),
            })
            .collect::<Vec<_>>()
    };
    let table: Vec<(Vec<ItemScore>, Vec<&str>)> = vec![
        (
            items(&[("i1", 100.0), ("i2", 99.38), ("i3", 100.0)]),
            vec!["i2"],
        ),
        (
            items(&[("i1", 90.0), ("i2", 90.0), ("i3", 95.0)]),
            vec!["i1", "i2"],
        ),
        // equal when shown (99.375 → 99.38): a tie
        (items(&[("i1", 99.375), ("i2", 99.38)]), vec!["i1", "i2"]),
        (items(&[("i1", 100.0), ("i2", 100.0)]), vec![]),
        (
            items(&[("O1", 0.0), ("O2", 100.0), ("O3", 0.0)]),
            vec!["O1", "O3"],
        ),
        (items(&[]), vec![]),
    ];
    for (input, want) in table {
        let got: Vec<String> = weakest(&input).iter().map(ToString::to_string).collect();
        assert_eq!(got, want);
    }
}

#[test]
fn oit_indicator_is_the_mean_of_its_sub_indicators() {
    let fw = mini();
    let mut pairs = vec![("ind1", 90.0), ("ind2", 90.0), ("ind3", 90.0)];
    pairs.extend([("O1", 100.0), ("O2", 0.0), ("O3", 100.0)]);
    let r = score(&fw, &sheet(&fw, &pairs)).expect("scores");
    let ind4 = r.indicator(4).expect("ind4");
    // 4.1 = 50, 4.2 = 100 → 75 (a flat mean of the three items would be 66.67)
    assert_eq!(ind4.score.rounded(), 75.0);
    let subs: Vec<(String, f64)> = ind4
        .sub_indicators
        .iter()
        .map(|s| (s.code.clone(), s.score.rounded()))
        .collect();
    assert_eq!(
        subs,
        vec![("4.1".to_string(), 50.0), ("4.2".to_string(), 100.0)]
    );
    assert!(
        r.assumptions.iter().any(|a| a.contains("O3")),
        "{:?}",
        r.assumptions
    );
}

#[test]
fn eit_parts_are_weighted_and_reported_in_the_verdict() {
    let fw = mini();
    let pairs = [
        ("i1", 100.0),
        ("i2", 100.0),
        ("i3", 100.0),
        ("EP1", 80.0),
        ("ES1", 100.0),
        ("ind4", 100.0),
    ];
    let r = score(&fw, &sheet(&fw, &pairs)).expect("scores");
    assert_eq!(r.indicator(3).map(|i| i.score.rounded()), Some(90.0));
    let eit = r
        .tools
        .iter()
        .find(|t| t.code.as_str() == "EIT")
        .expect("EIT");
    let parts: Vec<(String, Option<f64>)> = eit
        .parts
        .iter()
        .map(|p| (p.code.as_str().to_string(), p.score.map(|s| s.rounded())))
        .collect();
    assert_eq!(
        parts,
        vec![("EP".into(), Some(80.0)), ("ES".into(), Some(100.0))]
    );
    // total = 0.3*100 + 0.3*90 + 0.4*100 = 97 → AA, but EP < 85
    assert_eq!(r.total.rounded(), 97.0);
    let a = analyze(&fw, None, &r, None);
    assert_eq!(a.verdict.status, VerdictStatus::PassedToolBelowTarget);
    let below: Vec<&str> = a
        .verdict
        .units
        .iter()
        .filter(|u| !u.reached)
        .map(|u| u.code.as_str())
        .collect();
    assert_eq!(below, vec!["EP"]);
}

#[test]
fn verdict_statuses() {
    let fw = mini();
    let r = score(&fw, &sheet(&fw, &all_indicators(90.0))).expect("scores");
    assert_eq!(
        analyze(&fw, None, &r, None).verdict.status,
        VerdictStatus::PassedAllTools
    );
    let r = score(&fw, &sheet(&fw, &all_indicators(80.0))).expect("scores");
    assert_eq!(
        analyze(&fw, None, &r, None).verdict.status,
        VerdictStatus::NotPassed
    );
}

#[test]
fn reverse_scored_questions_from_raw_responses() {
    let fw = mini();
    let mut t = ResponseTally::new();
    // i1 normal: levels 4 and 3 → (100 + 85) / 2 = 92.5
    // i2 reversed level4: level 1 (cleanest) → 100, level 4 → 0, label "น้อย" (level 2) → 85 → mean 61.67
    // i3 reversed yes/no: "ไม่ใช่" → 100, "ใช่" → 0, "ไม่มี" → 100 → 66.67
    for (c, answers) in [
        ("i1", vec!["4", "๓"]),
        ("i2", vec!["1", "4", "น้อย"]),
        ("i3", vec!["ไม่ใช่", "ใช่", "ไม่มี", "  "]),
        ("EP1", vec!["มากที่สุด"]),
        ("ES1", vec!["มาก"]),
    ] {
        for a in answers {
            t.add(&fw, code(c), a).expect("valid answer");
        }
    }
    assert_eq!(t.count(code("i3")), 3, "a blank answer is not counted");
    let mut s = ScoreSheet::new();
    t.into_sheet(&fw, &mut s).expect("fits");
    s.set(&fw, code("ind4"), 100.0).expect("ok");
    let r = score(&fw, &s).expect("scores");
    let items = &r.indicator(1).expect("ind1").items;
    let got: Vec<f64> = items.iter().map(|i| i.score.rounded()).collect();
    assert_eq!(got, vec![92.5, 61.67]);
    assert_eq!(r.indicator(2).map(|i| i.score.rounded()), Some(66.67));
    assert_eq!(r.indicator(3).map(|i| i.score.rounded()), Some(92.5));
}

#[test]
fn unknown_answers_and_non_questions_are_rejected() {
    let fw = mini();
    let mut t = ResponseTally::new();
    let err = t.add(&fw, code("i1"), "บ่อย").expect_err("not on the scale");
    assert!(err.to_string().contains("1=น้อยที่สุดหรือไม่มีเลย"), "{err}");
    assert!(t.add(&fw, code("i1"), "5").is_err());
    assert!(
        t.add(&fw, code("O1"), "1").is_err(),
        "O1 is not a survey question"
    );
}

#[test]
fn sheet_rejects_bad_scores() {
    let fw = mini();
    let mut s = ScoreSheet::new();
    assert!(matches!(
        s.set(&fw, code("i9"), 50.0),
        Err(SheetError::UnknownCode { .. })
    ));
    assert!(matches!(
        s.set(&fw, code("i1"), 100.5),
        Err(SheetError::OutOfRange { .. })
    ));
    assert!(matches!(
        s.set(&fw, code("i1"), -1.0),
        Err(SheetError::OutOfRange { .. })
    ));
    assert!(matches!(
        s.set(&fw, code("i1"), f64::NAN),
        Err(SheetError::OutOfRange { .. })
    ));
    assert!(matches!(
        s.set(&fw, code("O1"), 50.0),
        Err(SheetError::NotBinary { .. })
    ));
    s.set(&fw, code("i1"), 50.0).expect("ok");
    assert!(matches!(
        s.set(&fw, code("i1"), 60.0),
        Err(SheetError::Duplicate { .. })
    ));
}

#[test]
fn missing_questions_are_named_per_indicator() {
    let fw = mini();
    let err = score(
        &fw,
        &sheet(&fw, &[("i1", 100.0), ("ind2", 90.0), ("ind3", 90.0)]),
    )
    .expect_err("incomplete");
    let ScoreError::Missing(list) = &err else {
        panic!("expected missing indicators, got {err}");
    };
    let got: Vec<(u8, Vec<String>)> = list
        .iter()
        .map(|m| {
            (
                m.indicator,
                m.codes.iter().map(ToString::to_string).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (1, vec!["i2".to_string()]),
            (4, vec!["O1".into(), "O2".into(), "O3".into()])
        ]
    );
    assert!(err.to_string().contains("ind1"), "{err}");
}

#[test]
fn a_given_indicator_wins_over_its_questions() {
    let fw = mini();
    let mut pairs = all_indicators(90.0);
    pairs.push(("i1", 10.0));
    let r = score(&fw, &sheet(&fw, &pairs)).expect("scores");
    let ind1 = r.indicator(1).expect("ind1");
    assert_eq!(ind1.score.rounded(), 90.0);
    assert_eq!(
        ind1.items.len(),
        1,
        "the given question is still reported for the analysis"
    );
}

#[test]
fn previous_year_change_per_indicator() {
    let fw = mini();
    let now = score(&fw, &sheet(&fw, &all_indicators(90.0))).expect("scores");
    let before = score(&fw, &sheet(&fw, &all_indicators(82.5))).expect("scores");
    let a = analyze(&fw, None, &now, Some(&before));
    assert!(
        a.indicators
            .iter()
            .all(|i| i.change.map(|c| c.rounded()) == Some(7.5))
    );
    assert_eq!(a.previous.map(|p| p.change.rounded()), Some(7.5));
}

#[test]
fn validation_reports_every_problem_with_its_key() {
    let broken = MINI
        .replace("weight = 40.0", "weight = 35.0")
        .replacen("code = \"i2\"", "code = \"i1\"", 1)
        .replace("sub_indicator = \"4.2\"", "sub_indicator = \"4.9\"")
        .replace(
            "provenance = \"confirmed: test fixture\"\n\n[grading]",
            "provenance = \"maybe\"\n\n[grading]",
        );
    let err = parse_framework("catalog/2599.toml", &broken).expect_err("broken");
    let text = err.to_string();
    for needle in [
        "catalog/2599.toml: tools: tool weights sum to 95, not 100",
        "questions[1].code: code i1 appears twice",
        "oit_items[2].sub_indicator: sub-indicator 4.9 is not defined",
        "pass.provenance: \"maybe\" must read",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let unknown_key = MINI.replace("version = 1", "version = 1\ncolour = \"red\"");
    let err = parse_framework("x.toml", &unknown_key).expect_err("unknown key");
    assert!(err.to_string().contains("colour"), "{err}");
    let orphan = MINI.replacen("sub_indicator = \"4.1\"\n", "", 1);
    let err = parse_framework("x.toml", &orphan).expect_err("item in no indicator");
    assert!(
        err.to_string()
            .contains("oit_items[0]: item O1 is in no indicator"),
        "{err}"
    );
    let bad_part = MINI.replace("part = \"ES\"", "part = \"EX\"");
    let err = parse_framework("x.toml", &bad_part).expect_err("unknown part");
    assert!(
        err.to_string()
            .contains("questions[4].part: tool EIT has no part \"EX\""),
        "{err}"
    );
    let year = parse_framework("catalog/2570.toml", MINI).expect_err("year mismatch");
    assert!(
        year.to_string().contains("does not match the file name"),
        "{year}"
    );
}
