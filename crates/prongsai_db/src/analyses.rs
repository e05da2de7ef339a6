//! Analysis notes: the cause and guidance a user edited for one indicator of an agency's fiscal year.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::assessments::year_of;
use crate::audit::{self, Change, json};
use crate::time::{now, parse_ts, ts_text};
use crate::{Actor, AgencyId, Db, DbError};

/// The saved text for one indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisNote {
    /// The agency.
    pub agency_id: AgencyId,
    /// Buddhist-era fiscal year.
    pub fiscal_year: u16,
    /// Indicator number, 1–10 (or more in future frameworks).
    pub indicator: u8,
    /// Why the indicator scores low (สาเหตุ).
    pub cause: String,
    /// How to raise it (แนวทางการยกระดับ).
    pub guidance: String,
    /// An optional note printed under the guidance.
    #[serde(default)]
    pub note: String,
    /// When last saved (UTC).
    pub updated_at: Timestamp,
}

macro_rules! select {
    () => {
        "SELECT agency_id, fiscal_year, indicator, cause, guidance, note, updated_at FROM analysis_notes"
    };
}

/// The texts of one indicator's analysis as a user writes them.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoteText<'a> {
    /// Why it scores low.
    pub cause: &'a str,
    /// How to raise it.
    pub guidance: &'a str,
    /// An optional note.
    pub note: &'a str,
}

/// Saves (inserts or replaces) the note of one indicator.
pub async fn save(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    fiscal_year: u16,
    indicator: u8,
    text: NoteText<'_>,
) -> Result<AnalysisNote, DbError> {
    let NoteText {
        cause,
        guidance,
        note,
    } = text;
    if indicator == 0 {
        return Err(DbError::Invalid("indicators are numbered from 1".into()));
    }
    let mut tx = db.begin().await?;
    crate::agencies::fetch(&mut tx, agency).await?;
    let before = sqlx::query(concat!(
        select!(),
        " WHERE agency_id = $1 AND fiscal_year = $2 AND indicator = $3"
    ))
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(i64::from(indicator))
    .fetch_optional(&mut *tx)
    .await?
    .as_ref()
    .map(from_row)
    .transpose()?;
    let updated_at = now();
    let row = sqlx::query(
        "INSERT INTO analysis_notes (agency_id, fiscal_year, indicator, cause, guidance, note, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7) \
         ON CONFLICT (agency_id, fiscal_year, indicator) DO UPDATE SET cause = excluded.cause, \
         guidance = excluded.guidance, note = excluded.note, updated_at = excluded.updated_at RETURNING id",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(i64::from(indicator))
    .bind(cause.to_string())
    .bind(guidance.to_string())
    .bind(note.to_string())
    .bind(ts_text(updated_at))
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = row.try_get("id")?;
    let after = AnalysisNote {
        agency_id: agency,
        fiscal_year,
        indicator,
        cause: cause.to_string(),
        guidance: guidance.to_string(),
        note: note.to_string(),
        updated_at,
    };
    let change = Change {
        entity: "analysis",
        entity_id: id,
        action: if before.is_some() { "update" } else { "create" },
        before: before.as_ref().map(json).transpose()?,
        after: Some(json(&after)?),
        agency_id: Some(agency),
    };
    audit::record(&mut tx, actor, change).await?;
    tx.commit().await?;
    Ok(after)
}

/// The notes of an agency's fiscal year, by indicator.
pub async fn list(
    db: &Db,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Vec<AnalysisNote>, DbError> {
    let rows = sqlx::query(concat!(
        select!(),
        " WHERE agency_id = $1 AND fiscal_year = $2 ORDER BY indicator"
    ))
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

fn from_row(row: &AnyRow) -> Result<AnalysisNote, DbError> {
    let indicator: i64 = row.try_get("indicator")?;
    let updated: String = row.try_get("updated_at")?;
    Ok(AnalysisNote {
        agency_id: AgencyId(row.try_get("agency_id")?),
        fiscal_year: year_of(row, "fiscal_year")?,
        indicator: u8::try_from(indicator)
            .map_err(|_| crate::error::corrupt("indicator", &indicator.to_string()))?,
        cause: row.try_get("cause")?,
        guidance: row.try_get("guidance")?,
        note: row.try_get("note")?,
        updated_at: parse_ts(&updated)?,
    })
}
