//! Evidence mutations: add a file or a link, delete, detach from a deleted entry — each audited.

use jiff::civil::Date;
use sqlx::Row;

use super::{Evidence, EvidenceKind, NewFile, NewUrl, change, fetch, from_row, sha256_hex};
use crate::audit::{self, json};
use crate::db::Tx;
use crate::measures::Measure;
use crate::time::{now, opt_date_text, ts_text};
use crate::{Actor, Db, DbError, EvidenceId, MeasureId, ProgressId};

/// A file or URL on its way into the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Attachment {
    /// A file with its bytes.
    File {
        /// Original file name.
        filename: String,
        /// Media type.
        mime: String,
        /// Content.
        bytes: Vec<u8>,
        /// Effective date.
        effective_date: Option<Date>,
    },
    /// A link.
    Url {
        /// The link.
        url: String,
        /// Title.
        title: String,
        /// Effective date.
        effective_date: Option<Date>,
    },
}

impl Attachment {
    pub(crate) fn from_file(new: NewFile, bytes: Vec<u8>) -> Attachment {
        let (filename, mime, effective_date) = (new.filename, new.mime, new.effective_date);
        Attachment::File {
            filename,
            mime,
            bytes,
            effective_date,
        }
    }

    pub(crate) fn from_url(new: NewUrl) -> Attachment {
        let (url, title, effective_date) = (new.url, new.title, new.effective_date);
        Attachment::Url {
            url,
            title,
            effective_date,
        }
    }
}

/// Stores a file and its checksum.
pub async fn add_file(
    db: &Db,
    actor: &Actor,
    new: NewFile,
    bytes: Vec<u8>,
) -> Result<Evidence, DbError> {
    let (measure, progress) = (new.measure_id, new.progress_id);
    add(
        db,
        actor,
        measure,
        progress,
        Attachment::from_file(new, bytes),
    )
    .await
}

/// Stores a link.
pub async fn add_url(db: &Db, actor: &Actor, new: NewUrl) -> Result<Evidence, DbError> {
    let (measure, progress) = (new.measure_id, new.progress_id);
    add(db, actor, measure, progress, Attachment::from_url(new)).await
}

async fn add(
    db: &Db,
    actor: &Actor,
    measure: MeasureId,
    progress: Option<ProgressId>,
    attachment: Attachment,
) -> Result<Evidence, DbError> {
    let mut tx = db.begin().await?;
    let measure = crate::measures::fetch(&mut tx, measure).await?;
    let e = insert(&mut tx, actor, &measure, progress, attachment).await?;
    tx.commit().await?;
    Ok(e)
}

/// Inserts one attachment of `measure` inside `tx`, audited.
pub(crate) async fn insert(
    tx: &mut Tx,
    actor: &Actor,
    measure: &Measure,
    progress: Option<ProgressId>,
    attachment: Attachment,
) -> Result<Evidence, DbError> {
    if let Some(p) = progress
        && crate::progress::fetch(tx, p).await?.measure_id != measure.id
    {
        return Err(DbError::Invalid(format!(
            "progress {p} does not belong to measure {}",
            measure.id
        )));
    }
    let (kind, filename, mime, size, sha, bytes, url, date) = match attachment {
        Attachment::File {
            filename,
            mime,
            bytes,
            effective_date,
        } => {
            let size = i64::try_from(bytes.len())
                .map_err(|_| DbError::Invalid("file too large".into()))?;
            let sha = sha256_hex(&bytes);
            (
                EvidenceKind::File,
                filename,
                mime,
                size,
                Some(sha),
                Some(bytes),
                None,
                effective_date,
            )
        }
        Attachment::Url {
            url,
            title,
            effective_date,
        } => {
            let url = url.trim().to_string();
            if url.is_empty() {
                return Err(DbError::Invalid("a link needs a URL".into()));
            }
            (
                EvidenceKind::Url,
                title,
                String::new(),
                0,
                None,
                None,
                Some(url),
                effective_date,
            )
        }
    };
    let row = sqlx::query(
        "INSERT INTO evidence (measure_id, progress_id, kind, filename, mime, size, sha256, bytes, url, \
         effective_date, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
    )
    .bind(measure.id.0)
    .bind(progress.map(|p| p.0))
    .bind(kind.as_str())
    .bind(filename.trim().to_string())
    .bind(mime.trim().to_string())
    .bind(size)
    .bind(sha)
    .bind(bytes)
    .bind(url)
    .bind(opt_date_text(date))
    .bind(ts_text(now()))
    .fetch_one(&mut **tx)
    .await?;
    let e = fetch(tx, EvidenceId(row.try_get("id")?)).await?;
    audit::record(tx, actor, change(&e, "create", None, Some(json(&e)?))).await?;
    Ok(e)
}

/// Deletes one piece of evidence.
pub async fn delete(db: &Db, actor: &Actor, id: EvidenceId) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let e = fetch(&mut tx, id).await?;
    remove(&mut tx, actor, &e).await?;
    tx.commit().await?;
    Ok(())
}

/// Deletes every piece of evidence of a measure inside `tx`, auditing each.
pub(crate) async fn delete_for_measure(
    tx: &mut Tx,
    actor: &Actor,
    measure: &Measure,
) -> Result<(), DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE e.measure_id = $1 ORDER BY e.id"))
        .bind(measure.id.0)
        .fetch_all(&mut **tx)
        .await?;
    for row in &rows {
        remove(tx, actor, &from_row(row)?).await?;
    }
    Ok(())
}

/// Deletes one row inside `tx` and audits it.
async fn remove(tx: &mut Tx, actor: &Actor, e: &Evidence) -> Result<(), DbError> {
    sqlx::query("DELETE FROM evidence WHERE id = $1")
        .bind(e.id.0)
        .execute(&mut **tx)
        .await?;
    audit::record(tx, actor, change(e, "delete", Some(json(e)?), None)).await
}

/// Keeps the evidence of a deleted entry with its measure, auditing each change.
pub(crate) async fn detach_from_progress(
    tx: &mut Tx,
    actor: &Actor,
    progress: ProgressId,
) -> Result<(), DbError> {
    let rows = sqlx::query(concat!(
        select!(),
        " WHERE e.progress_id = $1 ORDER BY e.id"
    ))
    .bind(progress.0)
    .fetch_all(&mut **tx)
    .await?;
    for row in &rows {
        let before = from_row(row)?;
        sqlx::query("UPDATE evidence SET progress_id = NULL WHERE id = $1")
            .bind(before.id.0)
            .execute(&mut **tx)
            .await?;
        let after = Evidence {
            progress_id: None,
            ..before.clone()
        };
        audit::record(
            tx,
            actor,
            change(&after, "detach", Some(json(&before)?), Some(json(&after)?)),
        )
        .await?;
    }
    Ok(())
}
