//! Bad input: exit status 2, a message naming file, row and column, what is wrong and what is allowed.

use crate::{run, temp_dir, write};

fn fails(args: &[&str]) -> String {
    let out = run(args);
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        out.stdout.is_empty(),
        "no partial result may be printed: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn located_messages_for_each_kind_of_bad_row() {
    let dir = temp_dir("badrows");
    let table = [
        (
            "code,score\nq7,50\n",
            vec![
                "row 2",
                "column A (code)",
                "i1–i15, e1–e9, O1–O28, ind1–ind10",
            ],
        ),
        (
            "code,score\ni1,101\n",
            vec!["row 2", "column B (score)", "0–100"],
        ),
        (
            "code,score\ni1,abc\n",
            vec!["row 2", "column B (score)", "\"abc\""],
        ),
        ("code,score\ni1,90\ni1,95\n", vec!["row 3", "ซ้ำกับแถว 2"]),
        ("code,score\nO3,บางส่วน\n", vec!["row 2", "มี หรือ ไม่มี"]),
        ("code,score\nO3,50\n", vec!["row 2", "100/0"]),
        ("score,code\n", vec!["ไม่มีคะแนน"]),
        ("kod,wert\ni1,5\n", vec!["row 1", "code,score"]),
        ("", vec!["empty"]),
    ];
    for (i, (csv, needles)) in table.into_iter().enumerate() {
        let f = write(&dir, &format!("bad{i}.csv"), csv);
        let err = fails(&["score", "--year", "2568", &f]);
        assert!(err.contains(&f), "file name missing: {err}");
        for n in needles {
            assert!(err.contains(n), "case {i}: missing {n:?} in\n{err}");
        }
    }
}

#[test]
fn a_missing_required_question_is_named() {
    let dir = temp_dir("missing");
    let rows: String = (1..=15)
        .filter(|i| *i != 4)
        .map(|i| format!("i{i},100\n"))
        .collect();
    let f = write(
        &dir,
        "partial.csv",
        &format!("code,score\n{rows}ind6,90\nind7,90\nind8,90\nind9,90\nind10,90\n"),
    );
    let err = fails(&["score", "--year", "2568", &f]);
    assert!(err.contains("ตัวชี้วัดที่ 2") && err.contains("i4"), "{err}");
}

#[test]
fn bad_responses_are_located() {
    let dir = temp_dir("badresp");
    let f = write(&dir, "r.csv", "respondent,i1,i2,zz\nr1,4,บ่อย,1\n");
    let err = fails(&["score", "--year", "2568", "--responses", &f]);
    assert!(
        err.contains("row 1") && err.contains("column D (zz)"),
        "{err}"
    );
    assert!(
        err.contains("row 2") && err.contains("column C (i2)") && err.contains("บ่อย"),
        "{err}"
    );
}

#[test]
fn unreadable_files_and_unknown_years() {
    let err = fails(&["score", "--year", "2568", "/nonexistent/x.csv"]);
    assert!(err.contains("/nonexistent/x.csv"), "{err}");
    // Before the oldest framework there is nothing to use; after the newest, the newest is used and said so.
    let err = fails(&["score", "--year", "2562", "examples/trat-2564.csv"]);
    assert!(err.contains("2562") && err.contains("2563"), "{err}");
    let out = run(&["score", "--year", "2571", "examples/trat-2564.csv"]);
    assert!(out.status.success());
    let note = String::from_utf8_lossy(&out.stderr);
    assert!(note.contains("ใช้กรอบการประเมินปี 2569 ชั่วคราว"), "{note}");
    let dir = temp_dir("latin1");
    let p = dir.join("latin1.csv");
    std::fs::write(&p, b"code,score\ni1,9\xe9\n").expect("write");
    let err = fails(&["score", "--year", "2568", &p.display().to_string()]);
    assert!(err.contains("UTF-8") && err.contains("row 2"), "{err}");
}

#[test]
fn catalog_check_lists_every_problem() {
    let dir = temp_dir("check");
    let good = std::fs::read_to_string(crate::workspace().join("catalog/2568.toml")).expect("read");
    let bad = good.replacen("weight = 30.0", "weight = 20.0", 1).replacen(
        "code = \"i2\"",
        "code = \"i1\"",
        1,
    );
    let f = write(&dir, "2568.toml", &bad);
    let err = fails(&["catalog", "check", &f]);
    assert!(err.contains("tool weights sum to 90"), "{err}");
    assert!(err.contains("code i1 appears twice"), "{err}");
}
