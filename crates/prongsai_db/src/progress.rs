//! Progress entries (ผลการดำเนินการ): what was done for a measure, when and by whom.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::evidence::{self, Attachment, Evidence, NewFile, NewUrl};
use crate::measures::Measure;
use crate::time::{date_text, now, parse_date, parse_ts, ts_text};
use crate::{Actor, AgencyId, Db, DbError, MeasureId, ProgressId, UserId};

/// The fields of a new entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewProgress {
    /// The measure it reports on.
    pub measure_id: MeasureId,
    /// The day the work happened.
    pub entry_date: Date,
    /// What was done.
    pub text: String,
    /// The effect seen, if any.
    pub outcome: String,
    /// Who wrote it.
    pub author: Option<UserId>,
}

/// An entry as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Id.
    pub id: ProgressId,
    /// The measure.
    pub measure_id: MeasureId,
    /// The measure's agency (for authorization).
    pub agency_id: AgencyId,
    /// The day the work happened.
    pub entry_date: Date,
    /// What was done.
    pub text: String,
    /// The effect seen.
    pub outcome: String,
    /// Who wrote it.
    pub author: Option<UserId>,
    /// When recorded (UTC).
    pub created_at: Timestamp,
}

macro_rules! select {
    () => {
        "SELECT p.id, p.measure_id, m.agency_id, p.entry_date, p.text, p.outcome, p.author_id, p.created_at \
         FROM progress p JOIN measures m ON m.id = p.measure_id"
    };
}

/// Adds an entry.
pub async fn add(db: &Db, actor: &Actor, new: NewProgress) -> Result<Progress, DbError> {
    let (p, _) = add_attached(db, actor, new, Vec::new()).await?;
    Ok(p)
}

/// Adds an entry and its evidence in one transaction: all saved or nothing. The `measure_id` and
/// `progress_id` inside `NewFile`/`NewUrl` are ignored: the evidence belongs to the new entry.
/// Returns the evidence files first, then URLs, in the order given.
pub async fn add_with_evidence(
    db: &Db,
    actor: &Actor,
    new: NewProgress,
    files: Vec<(NewFile, Vec<u8>)>,
    urls: Vec<NewUrl>,
) -> Result<(Progress, Vec<Evidence>), DbError> {
    let attachments = files
        .into_iter()
        .map(|(f, bytes)| Attachment::from_file(f, bytes))
        .chain(urls.into_iter().map(Attachment::from_url))
        .collect();
    add_attached(db, actor, new, attachments).await
}

async fn add_attached(
    db: &Db,
    actor: &Actor,
    new: NewProgress,
    attachments: Vec<Attachment>,
) -> Result<(Progress, Vec<Evidence>), DbError> {
    let text = new.text.trim().to_string();
    if text.is_empty() {
        return Err(DbError::Invalid("a progress entry needs a text".into()));
    }
    let mut tx = db.begin().await?;
    let measure = crate::measures::fetch(&mut tx, new.measure_id).await?;
    if let Some(author) = new.author {
        crate::users::fetch(&mut tx, author).await?;
    }
    let row = sqlx::query(
        "INSERT INTO progress (measure_id, entry_date, text, outcome, author_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(new.measure_id.0)
    .bind(date_text(new.entry_date))
    .bind(text)
    .bind(new.outcome.trim().to_string())
    .bind(new.author.map(|a| a.0))
    .bind(ts_text(now()))
    .fetch_one(&mut *tx)
    .await?;
    let p = fetch(&mut tx, ProgressId(row.try_get("id")?)).await?;
    audit::record(&mut tx, actor, change(&p, "create", None, Some(json(&p)?))).await?;
    let mut files = Vec::with_capacity(attachments.len());
    for a in attachments {
        files.push(evidence::insert(&mut tx, actor, &measure, Some(p.id), a).await?);
    }
    tx.commit().await?;
    Ok((p, files))
}

/// One entry, or `NotFound`.
pub async fn get(db: &Db, id: ProgressId) -> Result<Progress, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE p.id = $1"))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DbError::not_found("progress", id))?;
    from_row(&row)
}

/// A measure's entries as a timeline: by date, then by when recorded.
pub async fn list(db: &Db, measure: MeasureId) -> Result<Vec<Progress>, DbError> {
    let rows = sqlx::query(concat!(
        select!(),
        " WHERE p.measure_id = $1 ORDER BY p.entry_date, p.id"
    ))
    .bind(measure.0)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(from_row).collect()
}

/// A measure's timeline, each entry with its evidence (without bytes).
pub async fn list_with_evidence(
    db: &Db,
    measure: MeasureId,
) -> Result<Vec<(Progress, Vec<Evidence>)>, DbError> {
    let entries = list(db, measure).await?;
    let all = evidence::list(db, measure).await?;
    Ok(entries
        .into_iter()
        .map(|p| {
            let mine = all
                .iter()
                .filter(|e| e.progress_id == Some(p.id))
                .cloned()
                .collect();
            (p, mine)
        })
        .collect())
}

/// Deletes an entry; evidence attached to it stays with the measure (detached, audited).
pub async fn delete(db: &Db, actor: &Actor, id: ProgressId) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let p = fetch(&mut tx, id).await?;
    evidence::detach_from_progress(&mut tx, actor, id).await?;
    remove(&mut tx, actor, &p).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes every entry of a measure (its evidence must be gone already), auditing each.
pub(crate) async fn delete_for_measure(
    tx: &mut Tx,
    actor: &Actor,
    measure: &Measure,
) -> Result<(), DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE p.measure_id = $1 ORDER BY p.id"))
        .bind(measure.id.0)
        .fetch_all(&mut **tx)
        .await?;
    for row in &rows {
        remove(tx, actor, &from_row(row)?).await?;
    }
    Ok(())
}

/// Deletes one row inside `tx` and audits it.
async fn remove(tx: &mut Tx, actor: &Actor, p: &Progress) -> Result<(), DbError> {
    sqlx::query("DELETE FROM progress WHERE id = $1")
        .bind(p.id.0)
        .execute(&mut **tx)
        .await?;
    audit::record(tx, actor, change(p, "delete", Some(json(p)?), None)).await
}

/// The entry inside a transaction, or `NotFound`.
pub(crate) async fn fetch(tx: &mut Tx, id: ProgressId) -> Result<Progress, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE p.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("progress", id))?;
    from_row(&row)
}

fn change(
    p: &Progress,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Change {
    Change {
        entity: "progress",
        entity_id: p.id.0,
        action,
        before,
        after,
        agency_id: Some(p.agency_id),
    }
}

fn from_row(row: &AnyRow) -> Result<Progress, DbError> {
    let date: String = row.try_get("entry_date")?;
    let created: String = row.try_get("created_at")?;
    Ok(Progress {
        id: ProgressId(row.try_get("id")?),
        measure_id: MeasureId(row.try_get("measure_id")?),
        agency_id: AgencyId(row.try_get("agency_id")?),
        entry_date: parse_date(&date)?,
        text: row.try_get("text")?,
        outcome: row.try_get("outcome")?,
        author: row.try_get::<Option<i64>, _>("author_id")?.map(UserId),
        created_at: parse_ts(&created)?,
    })
}
