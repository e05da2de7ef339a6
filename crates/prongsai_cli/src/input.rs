//! Loading the catalog and the user's input files into domain values; every failure names the file.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use prongsai_domain::scoring::{ScoreResult, ScoreSheet, score};
use prongsai_domain::{Catalog, Framework, SourceFile};

use crate::args::CatalogSource;
use crate::error::user;

/// Reads every `*.toml` of a directory, sorted by name.
pub fn read_dir_toml(dir: &Path) -> Result<Vec<SourceFile>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("while reading directory {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p)
                .with_context(|| format!("while reading {}", p.display()))?;
            Ok(SourceFile::new(p.display().to_string(), text))
        })
        .collect()
}

/// The catalog: built in, or read from `--catalog-dir` (and its guidance directory).
pub fn load_catalog(src: &CatalogSource) -> Result<Catalog> {
    let Some(dir) = &src.catalog_dir else {
        return Catalog::embedded().map_err(|e| {
            user(format!(
                "กรอบการประเมินที่ติดมากับโปรแกรมเสีย (built-in catalog is invalid):\n{e}"
            ))
        });
    };
    let frameworks = read_dir_toml(dir)?;
    let guidance_dir = src.guidance_dir.clone().or_else(|| {
        let sibling = dir.parent().map(|p| p.join("guidance"));
        sibling.filter(|p| p.is_dir())
    });
    let guidance = match guidance_dir {
        Some(g) => read_dir_toml(&g)?,
        None => Vec::new(),
    };
    Catalog::load(&frameworks, &guidance).map_err(|e| user(e.to_string()))
}

/// The framework of `year`, or a message listing the years that exist.
pub fn framework(catalog: &Catalog, year: u16) -> Result<&Framework> {
    let resolved = catalog.resolve(year).ok_or_else(|| {
        let years: Vec<String> = catalog.years().iter().map(ToString::to_string).collect();
        user(format!(
            "ไม่มีกรอบการประเมินปี {year} หรือก่อนหน้า; มีปี: {}",
            years.join(", ")
        ))
    })?;
    // A year after the newest file uses the newest framework; say so where the user sees it.
    if let Some(note) = resolved.provisional_note_th() {
        eprintln!("{note}");
    }
    Ok(resolved.framework)
}

/// Reads a file the user named, with a clear message if it cannot be read.
pub fn read_user_file(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        user(format!(
            "{}: อ่านไฟล์ไม่ได้ (cannot read the file): {e}",
            path.display()
        ))
    })
}

/// Builds a score sheet (and the official result, when the score file records one) from a score file and/or
/// response files.
pub fn sheet(
    fw: &Framework,
    file: Option<&Path>,
    responses: &[PathBuf],
) -> Result<prongsai_import::ScoreInput> {
    if file.is_none() && responses.is_empty() {
        return Err(user(
            "ต้องระบุไฟล์คะแนน หรือ --responses (give a score file or --responses FILE)",
        ));
    }
    let mut input = match file {
        Some(p) => {
            let bytes = read_user_file(p)?;
            prongsai_import::parse_score_input(&p.display().to_string(), &bytes, fw)
                .map_err(|e| user(e.to_string()))?
        }
        None => prongsai_import::ScoreInput::default(),
    };
    let sheet = &mut input.sheet;
    for p in responses {
        let bytes = read_user_file(p)?;
        let name = p.display().to_string();
        let tally =
            prongsai_import::parse_responses(&name, &bytes, fw).map_err(|e| user(e.to_string()))?;
        tally
            .into_sheet(fw, sheet)
            .map_err(|e| user(format!("{name}: {e}")))?;
    }
    Ok(input)
}

/// Scores a sheet; a missing question becomes a user error naming the input.
pub fn score_sheet(fw: &Framework, sheet: &ScoreSheet, what: &str) -> Result<ScoreResult> {
    score(fw, sheet).map_err(|e| user(format!("{what}: {e}")))
}

/// A short name for the inputs, used in messages.
pub fn describe(file: Option<&Path>, responses: &[PathBuf]) -> String {
    let mut names: Vec<String> = file.map(|p| p.display().to_string()).into_iter().collect();
    names.extend(responses.iter().map(|p| p.display().to_string()));
    names.join(", ")
}
