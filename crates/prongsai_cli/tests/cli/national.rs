//! End-to-end tests of `gen-national` and `score --by-agency`, including fast path = general path per agency.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(args)
        .env_remove("PRONGSAI_CATALOG_DIR")
        .env_remove("PRONGSAI_GUIDANCE_DIR")
        .output()
        .expect("runs")
}

/// A fresh directory under the system temp dir, removed when the test is done with it.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for TempDir {
    type Target = Path;

    fn deref(&self) -> &Path {
        &self.0
    }
}

fn temp_dir(name: &str) -> TempDir {
    let dir = std::env::temp_dir().join(format!("prongsai-national-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    TempDir(dir)
}

fn ok(out: &Output) -> &[u8] {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    &out.stdout
}

/// Generates the small test set (40 agencies, 3000 responses) of `year` into `dir`.
fn generate_year(dir: &Path, year: &str, seed: u64) {
    let seed = seed.to_string();
    let d = dir.to_str().expect("UTF-8 temp path");
    ok(&run(&[
        "gen-national",
        "--year",
        year,
        "--agencies",
        "40",
        "--responses",
        "3000",
        "--seed",
        &seed,
        "--out",
        d,
    ]));
}

fn generate(dir: &Path, seed: u64) {
    generate_year(dir, "2568", seed);
}

fn score_dir(dir: &Path, year: &str) -> Value {
    let out = run(&[
        "score",
        "--year",
        year,
        "--by-agency",
        dir.to_str().expect("UTF-8 temp path"),
        "--format",
        "json",
    ]);
    serde_json::from_slice(ok(&out)).expect("one JSON value")
}

fn read(dir: &Path, name: &str) -> String {
    std::fs::read_to_string(dir.join(name)).expect("read")
}

/// The header and the rows of `agency` in a survey file: a response file the general path accepts.
fn rows_of(text: &str, agency: &str) -> String {
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().expect("well-formed test data"));
    for l in lines.filter(|l| l.split(',').next() == Some(agency)) {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// The agency's OIT row as a `code,score` file.
fn oit_scores(text: &str, agency: &str) -> String {
    let mut lines = text.lines();
    let header: Vec<&str> = lines
        .next()
        .expect("well-formed test data")
        .split(',')
        .collect();
    let row = lines
        .find(|l| l.split(',').next() == Some(agency))
        .expect("well-formed test data");
    let mut out = String::from("code,score\n");
    for (code, mark) in header.iter().zip(row.split(',')).skip(1) {
        out.push_str(&format!("{code},{mark}\n"));
    }
    out
}

/// Scores a generated set of `year` by agency, then re-scores two agencies one at a time by the general path
/// (`score <oit> --responses <iit> --responses <eit>`): the results must be identical, not just close.
fn fast_path_equals_general_path(year: &str, seed: u64) {
    let dir = temp_dir(&format!("equal-{year}"));
    generate_year(&dir, year, seed);
    let all = score_dir(&dir, year);
    assert_eq!(all["framework"], format!("ita-{year}"));
    assert_eq!(all["fiscal_year"].to_string(), year);
    let agencies = all["agencies"].as_array().expect("well-formed test data");
    assert_eq!(agencies.len(), 40);
    for a in agencies {
        let total = a["total"].as_f64().expect("well-formed test data");
        assert!((0.0..=100.0).contains(&total), "{a}");
    }
    let weakest = agencies
        .iter()
        .min_by(|a, b| {
            a["total"]
                .as_f64()
                .partial_cmp(&b["total"].as_f64())
                .expect("well-formed test data")
        })
        .expect("well-formed test data");
    let (iit, eit, oit) = (
        read(&dir, "iit.csv"),
        read(&dir, "eit.csv"),
        read(&dir, "oit.csv"),
    );
    for fast in [&agencies[0], weakest] {
        let id = fast["agency"].as_str().expect("well-formed test data");
        let one = temp_dir(&format!("one-{year}-{id}"));
        let paths = [
            ("iit.csv", rows_of(&iit, id)),
            ("eit.csv", rows_of(&eit, id)),
            ("oit.csv", oit_scores(&oit, id)),
        ]
        .map(|(name, text)| {
            std::fs::write(one.join(name), text).expect("well-formed test data");
            one.join(name).display().to_string()
        });
        let out = run(&[
            "score",
            "--year",
            year,
            &paths[2],
            "--responses",
            &paths[0],
            "--responses",
            &paths[1],
            "--format",
            "json",
        ]);
        let general: Value = serde_json::from_slice(ok(&out)).expect("well-formed test data");
        assert_eq!(fast["total"], general["total"], "{year} {id}");
        let mut fast = fast.clone();
        fast.as_object_mut()
            .expect("well-formed test data")
            .remove("agency");
        assert_eq!(
            fast, general,
            "{year} {id}: the whole result, not only the total"
        );
    }
}

#[test]
fn every_agency_is_scored_and_equals_the_general_path() {
    fast_path_equals_general_path("2568", 7);
}

#[test]
fn a_year_with_eit_parts_equals_the_general_path_too() {
    fast_path_equals_general_path("2567", 11);
}

#[test]
fn the_same_seed_gives_the_same_files() {
    let (a, b, c) = (temp_dir("seed-a"), temp_dir("seed-b"), temp_dir("seed-c"));
    generate(&a, 7);
    generate(&b, 7);
    generate(&c, 8);
    for name in ["agencies.csv", "iit.csv", "eit.csv", "oit.csv", "meta.json"] {
        assert_eq!(read(&a, name), read(&b, name), "{name}");
    }
    assert_ne!(read(&a, "iit.csv"), read(&c, "iit.csv"));
    let meta: Value = serde_json::from_str(&read(&a, "meta.json")).expect("well-formed test data");
    assert_eq!(
        (
            meta["seed"].as_u64(),
            meta["agencies"].as_u64(),
            meta["responses"].as_u64()
        ),
        (Some(7), Some(40), Some(3000))
    );
    let iit_rows = read(&a, "iit.csv").lines().count() - 1;
    let eit_rows = read(&a, "eit.csv").lines().count() - 1;
    assert_eq!(iit_rows + eit_rows, 3000);
    assert_eq!(iit_rows, 750, "25% IIT");
}

#[test]
fn a_corrupted_cell_fails_the_run_with_its_row_and_column() {
    let dir = temp_dir("corrupt");
    generate(&dir, 7);
    let iit = read(&dir, "iit.csv");
    let mut lines: Vec<String> = iit.lines().map(String::from).collect();
    // Row 10 of the file (line index 9); column C is i2.
    let mut cells: Vec<String> = lines[9].split(',').map(String::from).collect();
    cells[2] = "7".into();
    lines[9] = cells.join(",");
    std::fs::write(dir.join("iit.csv"), lines.join("\n") + "\n").expect("well-formed test data");
    let out = run(&[
        "score",
        "--year",
        "2568",
        "--by-agency",
        dir.to_str().expect("UTF-8 temp path"),
        "--format",
        "json",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(out.stdout.is_empty(), "no partial output");
    assert!(
        stderr.contains("iit.csv แถว/row 10 คอลัมน์/column C (i2)"),
        "{stderr}"
    );
    assert!(stderr.contains("\"7\""), "{stderr}");
}

#[test]
fn the_table_lists_agencies_and_a_summary() {
    let dir = temp_dir("table");
    generate(&dir, 3);
    let out = run(&[
        "score",
        "--year",
        "2568",
        "--by-agency",
        dir.to_str().expect("UTF-8 temp path"),
    ]);
    let text = String::from_utf8_lossy(ok(&out)).into_owned();
    assert_eq!(
        text.lines().filter(|l| l.starts_with('A')).count(),
        40,
        "{text}"
    );
    assert!(text.contains("รวม 40 หน่วยงาน"), "{text}");
}

#[test]
fn bad_requests_exit_2() {
    let dir = temp_dir("bad");
    let d = dir.to_str().expect("UTF-8 temp path");
    let out = run(&[
        "gen-national",
        "--year",
        "2563",
        "--agencies",
        "5",
        "--responses",
        "100",
        "--out",
        d,
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "2563 has no questions: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "gen-national",
        "--agencies",
        "50",
        "--responses",
        "60",
        "--out",
        d,
    ]);
    assert_eq!(out.status.code(), Some(2), "too few responses");
    let out = run(&["score", "--year", "2568", "--by-agency", d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("agencies.csv"));
}
