//! Copying a year's measures to another fiscal year (the usual start of a new ITA cycle).

use super::write::{change, insert, lock_agency, next_number};
use super::{MeasureStatus, NewMeasure, fetch_year};
use crate::audit;
use crate::{Actor, AgencyId, Db, DbError};

/// Copies every measure of `from` into `to` with links and units, status reset to not started, outcome
/// cleared, dates shifted by the year difference and numbers placed after the target year's existing
/// measures. Each link code goes through `remap` (the frameworks' renumbering); a link the new year has no
/// code for is dropped. Returns how many were copied.
pub async fn copy_year(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    from: u16,
    to: u16,
    remap: &(dyn Fn(&str) -> Option<String> + Sync),
) -> Result<usize, DbError> {
    if from == to {
        return Err(DbError::Invalid("cannot copy a year onto itself".into()));
    }
    let years = i64::from(to) - i64::from(from);
    let mut tx = db.begin().await?;
    lock_agency(&mut tx, agency).await?;
    let sources = fetch_year(&mut tx, agency, from).await?;
    let offset = next_number(&mut tx, agency, to).await? - 1;
    for source in &sources {
        let new = NewMeasure {
            fiscal_year: to,
            number: source.number + offset,
            period_start: source.period_start.map(|d| shift(d, years)).transpose()?,
            period_end: source.period_end.map(|d| shift(d, years)).transpose()?,
            status: MeasureStatus::NotStarted,
            outcome: String::new(),
            links: dedup(source.links.iter().filter_map(|l| remap(l))),
            ..source.to_new()
        };
        let m = insert(&mut tx, new).await?;
        let mut c = change(&m, "copy", None, Some(&m))?;
        if let Some(serde_json::Value::Object(after)) = c.after.as_mut() {
            after.insert("copied_from".into(), serde_json::json!(source.id));
        }
        audit::record(&mut tx, actor, c).await?;
    }
    tx.commit().await?;
    Ok(sources.len())
}

/// Moves a date by whole years (29 Feb lands on 28 Feb).
fn shift(date: jiff::civil::Date, years: i64) -> Result<jiff::civil::Date, DbError> {
    jiff::Span::new()
        .try_years(years)
        .and_then(|span| date.checked_add(span))
        .map_err(|e| DbError::Invalid(format!("cannot shift {date} by {years} years: {e}")))
}

/// The codes in order, each once (two old codes may fold into one new one).
fn dedup(codes: impl Iterator<Item = String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in codes {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}
