//! `prongsai import-report`: the seeds as versioned JSON and as text; unreadable input exits 2 with a located message.

use std::path::PathBuf;

use crate::{json, run, temp_dir, workspace, write};

/// A seed document beside the repository (`../shared/seeds`), found by its number.
pub fn seed(prefix: &str) -> String {
    let dir = workspace().join("../shared/seeds");
    let found: Option<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("seeds must be at {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        });
    found
        .unwrap_or_else(|| panic!("no seed {prefix} in {}", dir.display()))
        .display()
        .to_string()
}

#[test]
fn json_has_the_documented_minimum_shape() {
    let out = json(&run(&["import-report", &seed("002")]));
    assert_eq!(out["schema_version"], 1);
    assert_eq!(out["kind"], "implementation_report");
    assert_eq!(out["agency"]["name"], "เทศบาลตำบลปลาไหล");
    assert_eq!(out["fiscal_year"], 2568);
    assert_eq!(out["unrecognised"].as_array().map(Vec::len), Some(0));
    let measures: Vec<&serde_json::Value> = out["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["measures"].as_array().unwrap().iter())
        .collect();
    assert_eq!(measures.len(), 19);
    let eservice = measures
        .iter()
        .find(|m| m["title"].as_str().unwrap().contains("E- Service"))
        .unwrap();
    assert_eq!(eservice["period"]["start"], "2024-10-01");
    assert_eq!(eservice["period"]["end"], "2024-12-31");
    assert_eq!(eservice["responsible"][0], "สำนักปลัดเทศบาล");
    let links = eservice["links"].as_array().unwrap();
    assert_eq!(
        (links[0]["code"].as_str(), links[0]["score"].as_f64()),
        (Some("e1"), Some(99.42))
    );
    let o13 = links.iter().find(|l| l["code"] == "O13").unwrap();
    assert_eq!(o13["score"], 100.0);
}

#[test]
fn analysis_questions_sit_in_their_indicator() {
    let out = json(&run(&["import-report", &seed("001")]));
    assert_eq!(out["kind"], "analysis_and_plan");
    let analysis = &out["sections"][0];
    assert_eq!(analysis["kind"], "analysis");
    let six = &analysis["indicators"][5];
    assert_eq!(
        (six["number"].as_u64(), six["name"].as_str()),
        (Some(6), Some("คุณภาพการดำเนินงาน"))
    );
    assert_eq!(six["questions"][1]["code"], "e2");
    assert_eq!(six["questions"][1]["score"], 89.41);
}

#[test]
fn text_format_and_json_round_trip() {
    let out = run(&["import-report", &seed("004"), "--format", "text"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ปีงบประมาณ: 2566"), "{text}");
    assert!(text.contains("มาตรการจัดการเรื่องร้องเรียนการทุจริต"), "{text}");
    assert!(text.contains("ผู้รับผิดชอบ: งานพัสดุ, กองคลัง"), "{text}");
    let first = run(&["import-report", &seed("003")]);
    assert!(first.status.success());
    let dir = temp_dir("import-json");
    let path = write(
        &dir,
        "seed003.json",
        &String::from_utf8_lossy(&first.stdout),
    );
    let second = run(&["import-report", &path]);
    assert_eq!(
        String::from_utf8_lossy(&second.stdout),
        String::from_utf8_lossy(&first.stdout)
    );
}

#[test]
fn unreadable_input_exits_2_with_a_located_message() {
    let dir = temp_dir("import-bad");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, b"first\nsecond\n\xff\n").unwrap();
    let out = run(&["import-report", &bad.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("bad.txt แถว/row 3") && err.contains("not UTF-8"),
        "{err}"
    );
    let note = write(&dir, "note.txt", "บันทึกทั่วไป ไม่มีตาราง\n");
    let out = run(&["import-report", &note]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not an ITA document we know"));
    let out = run(&["import-report", "/nonexistent/report.docx"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read the file"));
}
