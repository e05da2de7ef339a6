//! The documented output shapes of `score`, `analyze` and `catalog`.

use rust_xlsxwriter::Workbook;
use serde_json::Value;

use crate::{json, run, temp_dir, write};

#[test]
fn score_json_has_the_documented_shape_and_reproduces_trat_2564() {
    let v = json(&run(&[
        "score",
        "--year",
        "2564",
        "examples/trat-2564.csv",
        "--format",
        "json",
    ]));
    assert_eq!(v["framework"], "ita-2564");
    assert_eq!(v["fiscal_year"], 2564);
    assert_eq!(v["total"], 81.45);
    assert_eq!(v["grade"], "B");
    assert_eq!(v["passed"], false);
    let inds = v["indicators"].as_array().expect("indicators");
    assert_eq!(inds.len(), 10);
    assert_eq!(inds[0]["number"], 1);
    assert_eq!(inds[0]["name"], "การปฏิบัติหน้าที่");
    assert_eq!(inds[0]["score"], 93.55);
    let tools: Vec<(String, f64)> = v["tools"]
        .as_array()
        .expect("tools")
        .iter()
        .map(|t| {
            (
                t["code"].as_str().unwrap_or("").to_string(),
                t["weight"].as_f64().unwrap_or(0.0),
            )
        })
        .collect();
    assert_eq!(
        tools,
        vec![
            ("IIT".into(), 30.0),
            ("EIT".into(), 30.0),
            ("OIT".into(), 40.0)
        ]
    );
    assert!(v["assumptions"].is_array());
}

#[test]
fn score_table_is_thai_by_default() {
    let out = run(&["score", "--year", "2564", "examples/trat-2564.csv"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. 2564",
        "การปฏิบัติหน้าที่",
        "81.45",
        "ระดับ B",
        "ไม่ผ่าน",
    ] {
        assert!(text.contains(needle), "missing {needle} in\n{text}");
    }
}

#[test]
fn score_reads_xlsx_with_the_same_columns() {
    let dir = temp_dir("xlsx");
    let path = dir.join("trat.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "code").expect("cell");
    ws.write_string(0, 1, "score").expect("cell");
    let values = [
        93.55, 87.72, 91.01, 87.93, 89.52, 90.55, 88.68, 88.58, 72.89, 65.56,
    ];
    for (i, v) in values.iter().enumerate() {
        let row = u32::try_from(i + 1).expect("row");
        ws.write_string(row, 0, format!("ind{}", i + 1))
            .expect("cell");
        ws.write_number(row, 1, *v).expect("cell");
    }
    wb.save(&path).expect("save");
    let v = json(&run(&[
        "score",
        "--year",
        "2564",
        &path.display().to_string(),
        "--format",
        "json",
    ]));
    assert_eq!(v["total"], 81.45);
}

#[test]
fn score_from_raw_responses_and_an_oit_checklist() {
    let dir = temp_dir("responses");
    let iit_header: Vec<String> = (1..=15).map(|i| format!("i{i}")).collect();
    // Two respondents: the first answers the cleanest option everywhere, the second the best too,
    // except i2 = "มาก" (85). Reverse-scored questions (i3, i5–i9, i11) are answered with level 1 / "ไม่ใช่".
    let clean = |i: usize| match i {
        3 | 9 => "ไม่ใช่",
        5..=8 | 11 => "1",
        _ => "4",
    };
    let row = |alt: bool| {
        (1..=15)
            .map(|i| if alt && i == 2 { "มาก" } else { clean(i) })
            .collect::<Vec<_>>()
            .join(",")
    };
    let iit = write(
        &dir,
        "iit.csv",
        &format!(
            "respondent,{}\nr1,{}\nr2,{}\n",
            iit_header.join(","),
            row(false),
            row(true)
        ),
    );
    let eit = write(
        &dir,
        "eit.csv",
        "e1,e2,e3,e4,e5,e6,e7,e8,e9\n4,4,ไม่ใช่,4,4,4,4,4,ใช่\n",
    );
    let oit_rows: String = (1..=28)
        .map(|i| format!("O{i},{}\n", if i == 12 { "ไม่มี" } else { "มี" }))
        .collect();
    let oit = write(&dir, "oit.csv", &format!("code,score\n{oit_rows}"));
    let v = json(&run(&[
        "score",
        "--year",
        "2568",
        &oit,
        "--responses",
        &iit,
        "--responses",
        &eit,
        "--format",
        "json",
    ]));
    let ind1 = &v["indicators"][0];
    // i2 = (100 + 85) / 2 = 92.5; ind1 = (100 + 92.5 + 100) / 3 = 97.5
    assert_eq!(ind1["score"], 97.5);
    assert_eq!(
        v["indicators"][5]["score"], 100.0,
        "e3 reversed: ไม่ใช่ scores 100"
    );
    // OIT: O12 absent; 2568 sub-indicator 9.3 = {O12, O13} → 50; ind9 = mean of five sub-indicators
    let ind9 = v["indicators"][8]["score"].as_f64().expect("number");
    assert!((ind9 - 90.0).abs() < 1e-9, "{ind9}");
}

#[test]
fn analyze_json_names_weakest_questions_with_guidance_and_oit_refs() {
    let v = json(&run(&[
        "analyze",
        "--year",
        "2568",
        "examples/seed001-2568.csv",
        "--format",
        "json",
    ]));
    assert_eq!(v["framework"], "ita-2568");
    let inds = v["indicators"].as_array().expect("indicators");
    assert_eq!(inds.len(), 10);
    assert_eq!(inds[0]["number"], 1);
    assert_eq!(inds[0]["weakest"], serde_json::json!(["i2"]));
    assert_eq!(inds[3]["weakest"], serde_json::json!(["i10", "i11"]));
    assert_eq!(inds[4]["weakest"], serde_json::json!([]));
    assert!(!inds[0]["cause"].as_str().unwrap_or("").is_empty());
    assert!(!inds[0]["guidance"].as_str().unwrap_or("").is_empty());
    assert!(
        inds[0]["oit_refs"]
            .as_array()
            .is_some_and(|a| !a.is_empty())
    );
    assert_eq!(inds[8]["weakest"], serde_json::json!(["O12"]));
    assert_eq!(v["verdict"]["status"], "passed_all_tools");
    assert_eq!(v["verdict"]["passed"], true);
}

#[test]
fn analyze_compares_with_the_previous_year() {
    let dir = temp_dir("previous");
    let prev: String = (1..=10).map(|i| format!("ind{i},90\n")).collect();
    let prev = write(&dir, "prev.csv", &format!("code,score\n{prev}"));
    let v = json(&run(&[
        "analyze",
        "--year",
        "2568",
        "examples/seed001-2568.csv",
        "--previous",
        &prev,
        "--format",
        "json",
    ]));
    assert_eq!(v["indicators"][0]["previous"], 90.0);
    assert_eq!(v["indicators"][0]["change"], 9.79);
    assert_eq!(v["previous"]["fiscal_year"], 2567);
}

#[test]
fn catalog_list_show_and_check() {
    let out = run(&["catalog", "list"]);
    let text = String::from_utf8_lossy(&out.stdout);
    for year in ["2563", "2564", "2566", "2567", "2568", "2569"] {
        assert!(text.contains(year), "{year} missing from\n{text}");
    }
    let v: Value = json(&run(&["catalog", "show", "2567", "--format", "json"]));
    let eit = v["tools"]
        .as_array()
        .and_then(|t| t.iter().find(|t| t["code"] == "EIT"))
        .expect("EIT");
    assert_eq!(eit["parts"].as_array().map(Vec::len), Some(2));
    let show = run(&["catalog", "show", "2568"]);
    assert!(
        String::from_utf8_lossy(&show.stdout).contains("E–Service")
            || String::from_utf8_lossy(&show.stdout).contains("E-Service")
    );
    let ok = run(&["catalog", "check", "catalog/2568.toml"]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).starts_with("OK"));
}

#[test]
fn a_new_year_is_a_new_file() {
    // Copy the catalog to a temp dir, add 2570 as a copy of 2569 with a new id: no code change needed.
    let dir = temp_dir("newyear");
    let cat = dir.join("catalog");
    std::fs::create_dir_all(&cat).expect("dir");
    for entry in std::fs::read_dir(crate::workspace().join("catalog")).expect("catalog") {
        let p = entry.expect("entry").path();
        if p.is_file() {
            std::fs::copy(&p, cat.join(p.file_name().expect("name"))).expect("copy");
        }
    }
    let y2569 = std::fs::read_to_string(cat.join("2569.toml")).expect("read");
    let y2570 = y2569
        .replace("id = \"ita-2569\"", "id = \"ita-2570\"")
        .replace("fiscal_year = 2569", "fiscal_year = 2570");
    std::fs::write(cat.join("2570.toml"), y2570).expect("write");
    let out = run(&[
        "--catalog-dir",
        &cat.display().to_string(),
        "catalog",
        "list",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ita-2570"));
}

#[test]
fn score_json_grade_is_the_years_label_and_keeps_passed() {
    let dir = temp_dir("levels");
    // Seed 001's 2568 question scores (examples/seed001-2568.csv): every indicator ≥ 85 and OIT complete.
    let v = json(&run(&[
        "score",
        "--year",
        "2568",
        "examples/seed001-2568.csv",
        "--format",
        "json",
    ]));
    let grade = v["grade"].as_str().expect("grade");
    assert!(
        ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน"].contains(&grade),
        "2568 is rated with a level, got {grade}"
    );
    assert_eq!(v["passed"], true);
    // Whole tools, 2568 (no EIT parts): 0.3·100 + 0.3·84 + 0.4·100 = 95.2, EIT < 85 → ผ่าน.
    let f = write(&dir, "tools.csv", "code,score\nIIT,100\nEIT,84\nOIT,100\n");
    let v = json(&run(&["score", "--year", "2568", &f, "--format", "json"]));
    assert_eq!(v["total"], 95.2);
    assert_eq!(v["grade"], "ผ่าน");
    assert_eq!(v["passed"], true);
    // 2564 keeps its letter.
    let v = json(&run(&[
        "score",
        "--year",
        "2564",
        "examples/trat-2564.csv",
        "--format",
        "json",
    ]));
    assert_eq!(v["grade"], "B");
}

#[test]
fn score_json_reports_the_official_result_and_the_differences() {
    let dir = temp_dir("official");
    // Seed 003 (2567) published a total of 86.62; here our figure from whole tools is 90.00.
    let f = write(
        &dir,
        "s.csv",
        "code,score\nIIT,90\nEP,90\nES,90\nOIT,90\nofficial.total,86.62\nofficial.level,ผ่าน\n",
    );
    let v = json(&run(&["score", "--year", "2567", &f, "--format", "json"]));
    assert_eq!(v["total"], 90.0);
    assert_eq!(v["grade"], "ผ่านดี");
    assert_eq!(v["official"]["total"], 86.62);
    assert_eq!(v["official"]["level"], "ผ่าน");
    let diffs: Vec<(String, String, String)> = v["differences"]
        .as_array()
        .expect("differences")
        .iter()
        .map(|d| {
            (
                d["what"].as_str().unwrap_or("").into(),
                d["computed"].as_str().unwrap_or("").into(),
                d["official"].as_str().unwrap_or("").into(),
            )
        })
        .collect();
    assert_eq!(
        diffs,
        vec![
            ("total".into(), "90.00".into(), "86.62".into()),
            ("level".into(), "ผ่านดี".into(), "ผ่าน".into())
        ]
    );
    // The table says it in Thai.
    let out = run(&["score", "--year", "2567", &f]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ผลที่ สำนักงาน ป.ป.ช. ประกาศ  86.62"), "{text}");
}

#[test]
fn three_decimals_are_scored_as_entered() {
    let dir = temp_dir("decimals");
    // 0.3·84.9949 + 0.3·84.9949 + 0.4·84.9961 = 84.99538 → 85.00, and IIT shown as 84.99 < 85 → ผ่าน.
    // Inputs rounded to hundredths first would give 0.3·84.99·2 + 0.4·85.00 = 84.994 → 84.99, ต้องปรับปรุง.
    let f = write(
        &dir,
        "s.csv",
        "code,score\nIIT,84.9949\nEIT,84.9949\nOIT,84.9961\n",
    );
    let v = json(&run(&["score", "--year", "2568", &f, "--format", "json"]));
    assert_eq!(v["total"], 85.0);
    assert_eq!(v["grade"], "ผ่าน");
}
