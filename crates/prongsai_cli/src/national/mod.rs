//! National scale: synthetic data sets (`gen-national`) and scoring every agency of a directory (`score --by-agency`).
//!
//! Directory layout (UTF-8 CSV, header on row 1; see `prongsai_import::national` and benches/national/README.md):
//! - `agencies.csv` — `agency,name,kind,province`: ids `A00001`…, kinds such as อบต./เทศบาลตำบล/เทศบาลเมือง, 77 provinces;
//! - `iit.csv` — `agency,i1,…,iN`: one row per staff respondent;
//! - `eit.csv` — `agency,e1,…` (`EP…,ES…` in a year with EIT parts): one row per citizen respondent;
//! - `oit.csv` — `agency,O1,…`: one row per agency, `1` = published, `0` = not;
//! - `meta.json` — generator, year, seed and counts.
//!
//! Answers are level numbers of each question's scale (level4: 1–4, yesno: 1–2); blank = not answered.

mod generate;
mod json;
mod rng;
mod score_dir;

use std::path::Path;

use anyhow::Result;
use prongsai_domain::Framework;

use crate::args::{CatalogSource, GenNationalArgs, ScoreFormat};
use crate::input::{framework, load_catalog};

/// Runs `prongsai gen-national`.
pub fn generate(src: &CatalogSource, a: &GenNationalArgs) -> Result<()> {
    let catalog = load_catalog(src)?;
    let fw = framework(&catalog, a.year)?;
    generate::run(fw, a)
}

/// Runs `prongsai score --by-agency DIR`.
pub fn score_dir(fw: &Framework, dir: &Path, format: ScoreFormat) -> Result<()> {
    score_dir::run(fw, dir, format)
}
