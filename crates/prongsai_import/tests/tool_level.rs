//! Score files that give whole tools and the official result: accepted where the rules allow, located errors
//! (row and column) where they do not.

use prongsai_domain::Catalog;
use prongsai_domain::scoring::{Unit, score};
use prongsai_import::{parse_score_file, parse_score_input};

fn catalog() -> Catalog {
    Catalog::embedded().expect("catalog")
}

#[test]
fn whole_tools_and_parts_score_like_the_nacc_rule() {
    let c = catalog();
    let fw = c.framework(2567).expect("2567");
    // A published 2567 result as agencies print it: four tool scores.
    let csv = "code,score\nIIT,96.50\nEP,97.00\nES,91.00\nOIT,100\n";
    let sheet = parse_score_file("t.csv", csv.as_bytes(), fw).expect("parses");
    let r = score(fw, &sheet).expect("scores");
    // 0.3·96.5 + 0.3·(97+91)/2 + 0.4·100 = 28.95 + 28.2 + 40 = 97.15; ES 91 < 95 → ผ่านดี.
    assert_eq!(format!("{}", r.total), "97.15");
    assert_eq!(r.grade, "ผ่านดี");
    assert_eq!(r.unit(Unit::Eit).map(|s| s.rounded()), Some(94.0));
}

#[test]
fn a_whole_tool_mixed_with_its_questions_names_both_rows() {
    let c = catalog();
    let fw = c.framework(2568).expect("2568");
    let csv = "code,score\nIIT,90\ne1,90\ni4,80\n";
    let err = parse_score_file("t.csv", csv.as_bytes(), fw).expect_err("conflict");
    assert_eq!(err.0.len(), 1, "{err}");
    let e = &err.0[0];
    assert_eq!(e.row, Some(4));
    assert_eq!(e.column.as_deref(), Some("A (code)"));
    assert!(
        e.message.contains("IIT") && e.message.contains("i4"),
        "{}",
        e.message
    );
    assert!(e.message.contains("แถว 2"), "{}", e.message);
}

#[test]
fn unknown_tool_codes_and_parts_of_other_years_are_refused() {
    let c = catalog();
    let fw = c.framework(2568).expect("2568");
    for (csv, row, needle) in [
        ("code,score\nXIT,90\n", 2, "XIT"),
        ("code,score\nEP,90\n", 2, "EP"), // 2568 has no EIT parts
        ("code,score\nOIT,101\n", 2, "0–100"),
    ] {
        let err = parse_score_file("t.csv", csv.as_bytes(), fw).expect_err(csv);
        let e = &err.0[0];
        assert_eq!(e.row, Some(row), "{csv}");
        assert!(e.message.contains(needle), "{csv}: {}", e.message);
    }
}

#[test]
fn the_official_result_is_read_checked_and_canonical() {
    let c = catalog();
    let fw = c.framework(2567).expect("2567");
    let csv = "code,score\nind1,90\nind2,90\nind3,90\nind4,90\nind5,90\nind6,90\nind7,90\nind8,90\nind9,90\nind10,90\n\
               official.total,86.62\nofficial.level,ต้องปรับปรุงด่วน\nofficial.EP,88.1\n";
    // The level is the 2567 table's variant spelling; recorded in its canonical form.
    let input = parse_score_input("t.csv", csv.as_bytes(), fw).expect("parses");
    let o = input.official.expect("official");
    assert_eq!(o.total, 86.62);
    assert_eq!(o.level, "ต้องปรับปรุงโดยด่วน");
    assert_eq!(o.tools.get(&Unit::Ep), Some(&88.1));
    // The same file is refused where the official result cannot be used.
    assert!(parse_score_file("t.csv", csv.as_bytes(), fw).is_err());

    for (bad, needle) in [
        ("official.total,120\nofficial.level,ผ่าน\n", "0–100"),
        ("official.total,90\nofficial.level,AA\n", "AA"),
        ("official.total,90\n", "official.level"),
        (
            "official.total,90\nofficial.level,ผ่าน\nofficial.XIT,3\n",
            "official.XIT",
        ),
    ] {
        let csv = format!("code,score\nind1,90\n{bad}");
        let err = parse_score_input("t.csv", csv.as_bytes(), fw).expect_err(bad);
        assert!(
            err.0
                .iter()
                .any(|e| e.row.is_some() && e.message.contains(needle)),
            "{bad}: {err}"
        );
    }
}
