//! `prongsai analyze`: weakest questions, causes, guidance, OIT references, verdict and change from last year.

use std::path::Path;

use anyhow::Result;
use prongsai_domain::Catalog;
use prongsai_domain::analysis::analyze;
use prongsai_domain::scoring::ScoreResult;

use crate::args::{AnalyzeArgs, AnalyzeFormat, CatalogSource};
use crate::error::user;
use crate::input::{describe, framework, load_catalog, score_sheet, sheet};
use crate::render;

/// Runs `prongsai analyze`.
pub fn run(src: &CatalogSource, a: &AnalyzeArgs) -> Result<()> {
    let catalog = load_catalog(src)?;
    let fw = framework(&catalog, a.year)?;
    let current = sheet(fw, a.file.as_deref(), &a.responses)?.sheet;
    let result = score_sheet(fw, &current, &describe(a.file.as_deref(), &a.responses))?;
    let previous = previous_result(&catalog, a.year, a.previous.as_deref(), a.previous_year)?;
    let analysis = analyze(fw, catalog.guidance(a.year), &result, previous.as_ref());
    match a.format {
        AnalyzeFormat::Json => println!("{}", serde_json::to_string_pretty(&analysis)?),
        AnalyzeFormat::Text => print!("{}", render::analysis_text(fw, &result, &analysis)),
    }
    Ok(())
}

/// Scores the previous year's file (`--previous`), under `previous_year` or the year before `year`.
pub fn previous_result(
    catalog: &Catalog,
    year: u16,
    previous: Option<&Path>,
    previous_year: Option<u16>,
) -> Result<Option<ScoreResult>> {
    let Some(p) = previous else { return Ok(None) };
    let year = previous_year.unwrap_or(year.saturating_sub(1));
    let pfw = catalog.framework(year).ok_or_else(|| {
        user(format!(
            "ไม่มีกรอบการประเมินปี {year} สำหรับ --previous; ระบุ --previous-year (no framework for {year}; give --previous-year)"
        ))
    })?;
    let s = sheet(pfw, Some(p), &[])?.sheet;
    Ok(Some(score_sheet(pfw, &s, &p.display().to_string())?))
}
