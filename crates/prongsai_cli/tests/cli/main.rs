//! End-to-end tests of the `prongsai` command-line contract, running the real binary.

mod contract;
mod crash;
mod errors;
mod import;
mod national;
mod report;
mod server;

use std::path::PathBuf;
use std::process::{Command, Output};

/// Runs `prongsai` with `args` from the workspace root.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(args)
        .current_dir(workspace())
        .env_remove("PRONGSAI_CATALOG_DIR")
        .env_remove("PRONGSAI_GUIDANCE_DIR")
        .output()
        .expect("runs")
}

/// The workspace root.
pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A fresh temporary directory for one test.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("prongsai-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Writes `text` to `dir/name` and returns the path as a string.
pub fn write(dir: &std::path::Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

/// Stdout parsed as JSON, after checking the exit status is 0.
pub fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "exit {:?}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON value")
}
