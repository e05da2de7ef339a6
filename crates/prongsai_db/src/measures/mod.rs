//! Measures (มาตรการ): planned actions of an agency for a fiscal year, with linked codes and responsible units.

mod copy;
mod summary;
mod write;
mod year_children;

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::assessments::year_of;
use crate::db::Tx;
use crate::error::corrupt;
use crate::time::{parse_opt_date, parse_ts};
use crate::{AgencyId, Db, DbError, MeasureId, UnitId};

pub use copy::copy_year;
pub use summary::{Overdue, Summary, status_counts, summary};
pub use write::{create, create_many, delete, set_outcome, set_status, update};

/// How far a measure has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    /// ยังไม่ดำเนินการ.
    NotStarted,
    /// กำลังดำเนินการ.
    InProgress,
    /// ดำเนินการแล้ว.
    Done,
    /// ยกเลิก.
    Cancelled,
}

impl MeasureStatus {
    /// Every status, in workflow order.
    pub const ALL: [MeasureStatus; 4] = [
        MeasureStatus::NotStarted,
        MeasureStatus::InProgress,
        MeasureStatus::Done,
        MeasureStatus::Cancelled,
    ];

    /// The stored slug, e.g. `in_progress`.
    pub fn as_str(self) -> &'static str {
        match self {
            MeasureStatus::NotStarted => "not_started",
            MeasureStatus::InProgress => "in_progress",
            MeasureStatus::Done => "done",
            MeasureStatus::Cancelled => "cancelled",
        }
    }

    /// Same as [`MeasureStatus::as_str`].
    pub fn slug(self) -> &'static str {
        self.as_str()
    }

    /// The Thai label.
    pub fn label_th(self) -> &'static str {
        match self {
            MeasureStatus::NotStarted => "ยังไม่ดำเนินการ",
            MeasureStatus::InProgress => "กำลังดำเนินการ",
            MeasureStatus::Done => "ดำเนินการแล้ว",
            MeasureStatus::Cancelled => "ยกเลิก",
        }
    }

    /// The status a slug names.
    pub fn from_slug(slug: &str) -> Option<MeasureStatus> {
        MeasureStatus::ALL.into_iter().find(|s| s.as_str() == slug)
    }
}

impl std::str::FromStr for MeasureStatus {
    type Err = DbError;

    /// Parses a slug; unknown slugs are `Invalid`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        MeasureStatus::from_slug(s.trim())
            .ok_or_else(|| DbError::Invalid(format!("unknown measure status {s:?}")))
    }
}

/// The editable fields of a measure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMeasure {
    /// The agency (cannot change on update).
    pub agency_id: AgencyId,
    /// Buddhist-era fiscal year.
    pub fiscal_year: u16,
    /// Order within the year (1, 2, 3 …), unique per agency and year. On create, 0 means "the year's
    /// next number", assigned inside the transaction (what every form and the API use).
    pub number: i64,
    /// What will be done.
    pub title: String,
    /// The finding it answers.
    pub analysis: String,
    /// Steps, in order.
    pub steps: Vec<String>,
    /// First day, if known.
    pub period_start: Option<Date>,
    /// Last day, if known.
    pub period_end: Option<Date>,
    /// The period as people wrote it, e.g. `ต.ค. ๒๕๖๘ – ก.ย. ๒๕๖๙`.
    pub period_text: String,
    /// Status.
    pub status: MeasureStatus,
    /// The effect achieved (ผลลัพธ์).
    pub outcome: String,
    /// Codes it answers: indicators (`ind3`), questions (`i7`), OIT items (`O10`); canonicalised, duplicates dropped.
    pub links: Vec<String>,
    /// Responsible units; each must belong to the agency.
    pub unit_ids: Vec<UnitId>,
}

/// A measure as stored, with its links and units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    /// Id.
    pub id: MeasureId,
    /// The agency.
    pub agency_id: AgencyId,
    /// Buddhist-era fiscal year.
    pub fiscal_year: u16,
    /// Order within the year.
    pub number: i64,
    /// What will be done.
    pub title: String,
    /// The finding it answers.
    pub analysis: String,
    /// Steps, in order.
    pub steps: Vec<String>,
    /// First day, if known.
    pub period_start: Option<Date>,
    /// Last day, if known.
    pub period_end: Option<Date>,
    /// The period as written.
    pub period_text: String,
    /// Status.
    pub status: MeasureStatus,
    /// The effect achieved.
    pub outcome: String,
    /// Linked codes, in the order given.
    pub links: Vec<String>,
    /// Responsible units, in the order given.
    pub unit_ids: Vec<UnitId>,
    /// When created (UTC).
    pub created_at: Timestamp,
    /// When last changed (UTC).
    pub updated_at: Timestamp,
}

impl Measure {
    /// The editable fields, e.g. to change one and call [`update`].
    pub fn to_new(&self) -> NewMeasure {
        NewMeasure {
            agency_id: self.agency_id,
            fiscal_year: self.fiscal_year,
            number: self.number,
            title: self.title.clone(),
            analysis: self.analysis.clone(),
            steps: self.steps.clone(),
            period_start: self.period_start,
            period_end: self.period_end,
            period_text: self.period_text.clone(),
            status: self.status,
            outcome: self.outcome.clone(),
            links: self.links.clone(),
            unit_ids: self.unit_ids.clone(),
        }
    }
}

macro_rules! select {
    () => {
        "SELECT id, agency_id, fiscal_year, number, title, analysis, steps, period_start, period_end, \
         period_text, status, outcome, created_at, updated_at FROM measures"
    };
}

/// One measure with its links and units, or `NotFound`.
pub async fn get(db: &Db, id: MeasureId) -> Result<Measure, DbError> {
    let mut tx = db.pool().begin().await?;
    let m = fetch(&mut tx, id).await?;
    tx.commit().await?;
    Ok(m)
}

/// The measures of an agency's fiscal year, by number.
pub async fn list(db: &Db, agency: AgencyId, fiscal_year: u16) -> Result<Vec<Measure>, DbError> {
    let mut tx = db.pool().begin().await?;
    let ms = fetch_year(&mut tx, agency, fiscal_year).await?;
    tx.commit().await?;
    Ok(ms)
}

/// The measure inside a transaction, or `NotFound`.
pub(crate) async fn fetch(tx: &mut Tx, id: MeasureId) -> Result<Measure, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("measure", id))?;
    let mut m = from_row(&row)?;
    load_children(tx, &mut m).await?;
    Ok(m)
}

async fn fetch_year(
    tx: &mut Tx,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Vec<Measure>, DbError> {
    let rows = sqlx::query(concat!(
        select!(),
        " WHERE agency_id = $1 AND fiscal_year = $2 ORDER BY number, id"
    ))
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .fetch_all(&mut **tx)
    .await?;
    let mut out = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    year_children::load_year_children(tx, agency, fiscal_year, &mut out).await?;
    Ok(out)
}

async fn load_children(tx: &mut Tx, m: &mut Measure) -> Result<(), DbError> {
    let links =
        sqlx::query("SELECT code FROM measure_links WHERE measure_id = $1 ORDER BY position")
            .bind(m.id.0)
            .fetch_all(&mut **tx)
            .await?;
    m.links = links
        .iter()
        .map(|r| r.try_get("code"))
        .collect::<Result<_, _>>()?;
    let units =
        sqlx::query("SELECT unit_id FROM measure_units WHERE measure_id = $1 ORDER BY position")
            .bind(m.id.0)
            .fetch_all(&mut **tx)
            .await?;
    m.unit_ids = units
        .iter()
        .map(|r| r.try_get("unit_id").map(UnitId))
        .collect::<Result<_, _>>()?;
    Ok(())
}

fn from_row(row: &AnyRow) -> Result<Measure, DbError> {
    let steps: String = row.try_get("steps")?;
    let status: String = row.try_get("status")?;
    let created: String = row.try_get("created_at")?;
    let updated: String = row.try_get("updated_at")?;
    Ok(Measure {
        id: MeasureId(row.try_get("id")?),
        agency_id: AgencyId(row.try_get("agency_id")?),
        fiscal_year: year_of(row, "fiscal_year")?,
        number: row.try_get("number")?,
        title: row.try_get("title")?,
        analysis: row.try_get("analysis")?,
        steps: serde_json::from_str(&steps).map_err(|_| corrupt("measure steps", &steps))?,
        period_start: parse_opt_date(row.try_get("period_start")?)?,
        period_end: parse_opt_date(row.try_get("period_end")?)?,
        period_text: row.try_get("period_text")?,
        status: MeasureStatus::from_slug(&status)
            .ok_or_else(|| corrupt("measure status", &status))?,
        outcome: row.try_get("outcome")?,
        links: Vec::new(),
        unit_ids: Vec::new(),
        created_at: parse_ts(&created)?,
        updated_at: parse_ts(&updated)?,
    })
}
