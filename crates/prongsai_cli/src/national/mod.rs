//! National scale: synthetic data sets (`gen-national`) and scoring every agency of a directory (`score --by-agency`).

use std::path::Path;

use anyhow::Result;
use prongsai_domain::Framework;

use crate::args::{CatalogSource, GenNationalArgs, ScoreFormat};
use crate::error::user;

/// Runs `prongsai gen-national`.
pub fn generate(_src: &CatalogSource, _a: &GenNationalArgs) -> Result<()> {
    Err(user("gen-national is not built yet"))
}

/// Runs `prongsai score --by-agency DIR`.
pub fn score_dir(_fw: &Framework, _dir: &Path, _format: ScoreFormat) -> Result<()> {
    Err(user("score --by-agency is not built yet"))
}
