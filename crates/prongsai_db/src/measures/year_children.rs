//! Links and units of all the measures of one agency's year, in one query per child table.

use std::collections::HashMap;

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Measure;
use crate::db::Tx;
use crate::{AgencyId, DbError, UnitId};

/// The query of `column` of a child table of measures (with `measure_id` and `position`) for every
/// measure of one agency's year ($1, $2), in measure and position order.
macro_rules! of_year {
    ($table:literal, $column:literal) => {
        concat!(
            "SELECT measure_id, ",
            $column,
            " FROM ",
            $table,
            " WHERE measure_id IN (SELECT id FROM measures WHERE agency_id = $1 AND fiscal_year = $2)",
            " ORDER BY measure_id, position"
        )
    };
}

/// Links and units of every measure of a year: two queries, whatever the number of measures.
pub(super) async fn load_year_children(
    tx: &mut Tx,
    agency: AgencyId,
    fiscal_year: u16,
    measures: &mut [Measure],
) -> Result<(), DbError> {
    if measures.is_empty() {
        return Ok(());
    }
    let by_id: HashMap<i64, usize> = measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.0, i))
        .collect();
    let position_of = |r: &AnyRow| -> Result<Option<usize>, DbError> {
        Ok(by_id.get(&r.try_get::<i64, _>("measure_id")?).copied())
    };
    for r in &year_rows(tx, of_year!("measure_links", "code"), agency, fiscal_year).await? {
        if let Some(i) = position_of(r)? {
            measures[i].links.push(r.try_get("code")?);
        }
    }
    for r in &year_rows(
        tx,
        of_year!("measure_units", "unit_id"),
        agency,
        fiscal_year,
    )
    .await?
    {
        if let Some(i) = position_of(r)? {
            measures[i].unit_ids.push(UnitId(r.try_get("unit_id")?));
        }
    }
    Ok(())
}

/// The rows of `sql` (an `of_year!` query) for one agency's year.
async fn year_rows(
    tx: &mut Tx,
    sql: &'static str,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Vec<AnyRow>, DbError> {
    Ok(sqlx::query(sql)
        .bind(agency.0)
        .bind(i64::from(fiscal_year))
        .fetch_all(&mut **tx)
        .await?)
}
