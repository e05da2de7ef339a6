//! `prongsai analyze`: weakest questions, causes, guidance, OIT references, verdict and change from last year.

use anyhow::Result;
use prongsai_domain::analysis::analyze;

use crate::args::{AnalyzeArgs, AnalyzeFormat, CatalogSource};
use crate::error::user;
use crate::input::{describe, framework, load_catalog, score_sheet, sheet};
use crate::render;

/// Runs `prongsai analyze`.
pub fn run(src: &CatalogSource, a: &AnalyzeArgs) -> Result<()> {
    let catalog = load_catalog(src)?;
    let fw = framework(&catalog, a.year)?;
    let current = sheet(fw, a.file.as_deref(), &a.responses)?;
    let result = score_sheet(fw, &current, &describe(a.file.as_deref(), &a.responses))?;
    let previous = match &a.previous {
        None => None,
        Some(p) => {
            let year = a.previous_year.unwrap_or(a.year.saturating_sub(1));
            let pfw = catalog.framework(year).ok_or_else(|| {
                user(format!(
                    "ไม่มีกรอบการประเมินปี {year} สำหรับ --previous; ระบุ --previous-year (no framework for {year}; give --previous-year)"
                ))
            })?;
            let s = sheet(pfw, Some(p), &[])?;
            Some(score_sheet(pfw, &s, &p.display().to_string())?)
        }
    };
    let analysis = analyze(fw, catalog.guidance(a.year), &result, previous.as_ref());
    match a.format {
        AnalyzeFormat::Json => println!("{}", serde_json::to_string_pretty(&analysis)?),
        AnalyzeFormat::Text => print!("{}", render::analysis_text(fw, &result, &analysis)),
    }
    Ok(())
}
