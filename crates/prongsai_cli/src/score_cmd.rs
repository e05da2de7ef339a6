//! `prongsai score`: one agency from a score/response file, or every agency of a national directory.

use anyhow::Result;

use crate::args::{CatalogSource, ScoreArgs, ScoreFormat};
use crate::input::{describe, framework, load_catalog, score_sheet, sheet};
use crate::{national, render};

/// Runs `prongsai score`.
pub fn run(src: &CatalogSource, a: &ScoreArgs) -> Result<()> {
    let catalog = load_catalog(src)?;
    let fw = framework(&catalog, a.year)?;
    if let Some(dir) = &a.by_agency {
        return national::score_dir(fw, dir, a.format);
    }
    let sheet = sheet(fw, a.file.as_deref(), &a.responses)?;
    let result = score_sheet(fw, &sheet, &describe(a.file.as_deref(), &a.responses))?;
    match a.format {
        ScoreFormat::Json => println!("{}", serde_json::to_string_pretty(&result)?),
        ScoreFormat::Table => print!("{}", render::score_table(fw, &result)),
    }
    Ok(())
}
