//! Every confirmed framework parameter names a source that `docs/sources.md` lists, and every section reference
//! resolves there: provenance never points outside the repository.

use std::collections::BTreeSet;

const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The backticked keys of the first column of the table in docs/sources.md, and its `### §…` sections.
fn keys_and_sections() -> (Vec<String>, BTreeSet<String>) {
    let text = read("docs/sources.md");
    let keys = text
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`').map(|(k, _)| k.to_string()))
        .collect();
    let sections = text
        .lines()
        .filter_map(|l| l.strip_prefix("### §"))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect();
    (keys, sections)
}

fn catalog_files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(format!("{ROOT}/catalog"))
        .expect("catalog/")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .map(|p| {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            (name, std::fs::read_to_string(&p).expect("read"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_confirmed_source_is_listed_in_docs_sources() {
    let (keys, _) = keys_and_sections();
    assert!(keys.len() >= 15, "{keys:?}");
    let mut unlisted = Vec::new();
    for (file, text) in catalog_files() {
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with('#') {
                continue;
            }
            let Some(start) = line.find("\"confirmed: ") else {
                continue;
            };
            let source = &line[start..];
            if !keys.iter().any(|k| source.contains(k.as_str())) {
                unlisted.push(format!("{file}:{}: {source}", n + 1));
            }
        }
    }
    assert!(
        unlisted.is_empty(),
        "sources not in docs/sources.md:\n{}",
        unlisted.join("\n")
    );
}

#[test]
fn section_references_resolve_inside_the_repository() {
    let (_, sections) = keys_and_sections();
    let mut broken = Vec::new();
    for (file, text) in catalog_files() {
        assert!(
            !text.contains("notes §"),
            "{file} refers to notes outside the repository"
        );
        for (n, line) in text.lines().enumerate() {
            for (i, _) in line.match_indices("docs/sources.md §") {
                let rest = &line[i + "docs/sources.md §".len()..];
                let section: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.' || c.is_ascii_lowercase())
                    .collect();
                let section = section.trim_end_matches('.').to_string();
                // "§2.1–2.2" names a range: its first section must exist.
                if !sections.contains(&section) {
                    broken.push(format!("{file}:{}: §{section}", n + 1));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "unknown sections:\n{}",
        broken.join("\n")
    );
}
