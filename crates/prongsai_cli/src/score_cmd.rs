//! `prongsai score`: one agency from a score/response file, or every agency of a national directory.

use anyhow::Result;
use prongsai_domain::scoring::Reported;

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
    let input = sheet(fw, a.file.as_deref(), &a.responses)?;
    let result = score_sheet(fw, &input.sheet, &describe(a.file.as_deref(), &a.responses))?;
    let official = input.official.as_ref();
    match a.format {
        ScoreFormat::Json => {
            let out = Reported::new(&result, official);
            println!("{}", serde_json::to_string_pretty(&out)?)
        }
        ScoreFormat::Table => print!("{}", render::score_table(fw, &result, official)),
    }
    Ok(())
}
