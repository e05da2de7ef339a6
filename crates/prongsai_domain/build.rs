//! Embeds every `catalog/*.toml` and `guidance/*.toml` of the workspace, so adding a year is adding a file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn list(dir: &Path) -> Vec<PathBuf> {
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    files.sort();
    files
}

fn array(out: &mut String, name: &str, prefix: &str, files: &[PathBuf]) {
    let _ = writeln!(out, "pub(super) static {name}: &[(&str, &str)] = &[");
    for f in files {
        let file = f
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "    ({:?}, include_str!({:?})),",
            format!("{prefix}/{file}"),
            f.display().to_string()
        );
    }
    let _ = writeln!(out, "];");
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let root = root.canonicalize().unwrap_or(root);
    let mut out = String::new();
    array(
        &mut out,
        "FRAMEWORKS",
        "catalog",
        &list(&root.join("catalog")),
    );
    array(
        &mut out,
        "GUIDANCE",
        "guidance",
        &list(&root.join("guidance")),
    );
    array(
        &mut out,
        "WORDING",
        "catalog/wording",
        &list(&root.join("catalog/wording")),
    );
    let dest =
        PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("embedded_catalog.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
        std::process::exit(1);
    }
}
