//! What a dashboard shows of a year's measures, in a fixed number of queries: counts by status and the overdue ones.

use jiff::civil::Date;
use sqlx::Row;

use super::MeasureStatus;
use crate::error::corrupt;
use crate::time::{date_text, parse_date};
use crate::{AgencyId, Db, DbError, MeasureId};

/// A measure whose end date has passed while it is neither done nor cancelled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overdue {
    /// Id.
    pub id: MeasureId,
    /// Order within the year.
    pub number: i64,
    /// What will be done.
    pub title: String,
    /// The end date that has passed.
    pub period_end: Date,
}

/// Counts by status and the overdue measures of an agency's year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Every status in workflow order with its count (zero included).
    pub by_status: Vec<(MeasureStatus, i64)>,
    /// Overdue measures, by number.
    pub overdue: Vec<Overdue>,
}

/// How many measures of an agency's year have each status: every status in workflow order, zero included.
pub async fn status_counts(
    db: &Db,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Vec<(MeasureStatus, i64)>, DbError> {
    let rows = sqlx::query(
        "SELECT status, COUNT(*) AS n FROM measures WHERE agency_id = $1 AND fiscal_year = $2 \
         GROUP BY status",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .fetch_all(db.pool())
    .await?;
    let mut counts: Vec<(MeasureStatus, i64)> =
        MeasureStatus::ALL.iter().map(|s| (*s, 0)).collect();
    for r in &rows {
        let slug: String = r.try_get("status")?;
        let status =
            MeasureStatus::from_slug(&slug).ok_or_else(|| corrupt("measure status", &slug))?;
        let n: i64 = r.try_get("n")?;
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == status) {
            c.1 = n;
        }
    }
    Ok(counts)
}

/// Counts by status and the measures overdue on `today` (two queries, whatever the number of measures).
pub async fn summary(
    db: &Db,
    agency: AgencyId,
    fiscal_year: u16,
    today: Date,
) -> Result<Summary, DbError> {
    let by_status = status_counts(db, agency, fiscal_year).await?;
    // Dates are stored as ISO text, so text order is date order on both backends.
    let rows = sqlx::query(
        "SELECT id, number, title, period_end FROM measures \
         WHERE agency_id = $1 AND fiscal_year = $2 AND status <> $3 AND status <> $4 \
         AND period_end IS NOT NULL AND period_end < $5 ORDER BY number, id",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(MeasureStatus::Done.as_str())
    .bind(MeasureStatus::Cancelled.as_str())
    .bind(date_text(today))
    .fetch_all(db.pool())
    .await?;
    let overdue = rows
        .iter()
        .map(|r| {
            let end: String = r.try_get("period_end")?;
            Ok(Overdue {
                id: MeasureId(r.try_get("id")?),
                number: r.try_get("number")?,
                title: r.try_get("title")?,
                period_end: parse_date(&end)?,
            })
        })
        .collect::<Result<_, DbError>>()?;
    Ok(Summary { by_status, overdue })
}
