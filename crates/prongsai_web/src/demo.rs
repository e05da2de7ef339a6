//! Demo data for `prongsai demo`: the lead decides the data; this module offers the building blocks.

use prongsai_db::agencies::{self, Agency, NewAgency};
use prongsai_db::{Actor, Db, assessments};

use crate::error::WebError;

/// Creates an agency.
pub async fn agency(db: &Db, new: NewAgency) -> Result<Agency, WebError> {
    Ok(agencies::create(db, &Actor::system("demo"), new).await?)
}

/// Stores a score set for an agency's year (codes such as `i1`, `O12`, `ind3`).
pub async fn scores(
    db: &Db,
    agency: &Agency,
    year: u16,
    pairs: &[(String, f64)],
) -> Result<(), WebError> {
    assessments::put_scores(db, &Actor::system("demo"), agency.id, year, "demo", pairs).await?;
    Ok(())
}
