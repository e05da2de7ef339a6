//! Evidence (หลักฐาน): files (bytes kept in the database, with SHA-256) and URLs backing a measure or an entry.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::Change;
use crate::db::Tx;
use crate::error::corrupt;
use crate::time::{parse_opt_date, parse_ts};
use crate::tokens::hex;
use crate::{AgencyId, Db, DbError, EvidenceId, MeasureId, ProgressId};

/// Whether evidence is an uploaded file or a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EvidenceKind {
    /// An uploaded file.
    File,
    /// A URL.
    Url,
}

impl EvidenceKind {
    /// `file` or `url`.
    pub fn as_str(self) -> &'static str {
        match self {
            EvidenceKind::File => "file",
            EvidenceKind::Url => "url",
        }
    }
}

/// A file to attach to a measure (or to one of its progress entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewFile {
    /// The measure.
    pub measure_id: MeasureId,
    /// The entry, if the file belongs to one.
    pub progress_id: Option<ProgressId>,
    /// Original file name.
    pub filename: String,
    /// Media type, e.g. `application/pdf`.
    pub mime: String,
    /// The date the document takes effect, if any.
    pub effective_date: Option<Date>,
}

/// A URL to attach to a measure (or to one of its progress entries).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewUrl {
    /// The measure.
    pub measure_id: MeasureId,
    /// The entry, if the link belongs to one.
    pub progress_id: Option<ProgressId>,
    /// The link.
    pub url: String,
    /// A title shown instead of the raw URL (stored in `filename`).
    pub title: String,
    /// The date the page takes effect, if any.
    pub effective_date: Option<Date>,
}

/// Evidence as stored. `bytes` is filled only by [`get`] and never serialised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// Id.
    pub id: EvidenceId,
    /// The measure.
    pub measure_id: MeasureId,
    /// The measure's agency (for authorization).
    pub agency_id: AgencyId,
    /// The entry it belongs to, if any.
    pub progress_id: Option<ProgressId>,
    /// File or URL.
    pub kind: EvidenceKind,
    /// File name, or the title of a URL.
    pub filename: String,
    /// Media type (empty for URLs).
    pub mime: String,
    /// Size in bytes (0 for URLs).
    pub size: i64,
    /// SHA-256 of the bytes as lowercase hex (files only).
    pub sha256: Option<String>,
    /// The link (URLs only).
    pub url: Option<String>,
    /// The date it takes effect.
    pub effective_date: Option<Date>,
    /// When recorded (UTC).
    pub created_at: Timestamp,
    /// The content, from [`get`] only.
    #[serde(skip)]
    pub bytes: Option<Vec<u8>>,
}

/// SHA-256 of bytes as lowercase hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

macro_rules! select {
    () => {
        "SELECT e.id, e.measure_id, m.agency_id, e.progress_id, e.kind, e.filename, e.mime, e.size, e.sha256, \
         e.url, e.effective_date, e.created_at FROM evidence e JOIN measures m ON m.id = e.measure_id"
    };
}

mod write;

pub(crate) use write::{Attachment, delete_for_measure, detach_from_progress, insert};
pub use write::{add_file, add_url, delete};

/// One piece of evidence with its bytes (files), or `NotFound`.
pub async fn get(db: &Db, id: EvidenceId) -> Result<Evidence, DbError> {
    let mut tx = db.pool().begin().await?;
    let mut e = fetch(&mut tx, id).await?;
    if e.kind == EvidenceKind::File {
        let row = sqlx::query("SELECT bytes FROM evidence WHERE id = $1")
            .bind(id.0)
            .fetch_one(&mut *tx)
            .await?;
        e.bytes = Some(
            row.try_get::<Option<Vec<u8>>, _>("bytes")?
                .unwrap_or_default(),
        );
    }
    tx.commit().await?;
    Ok(e)
}

/// A measure's evidence without bytes, oldest first.
pub async fn list(db: &Db, measure: MeasureId) -> Result<Vec<Evidence>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE e.measure_id = $1 ORDER BY e.id"))
        .bind(measure.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

pub(crate) async fn fetch(tx: &mut Tx, id: EvidenceId) -> Result<Evidence, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE e.id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("evidence", id))?;
    from_row(&row)
}

pub(crate) fn change(
    e: &Evidence,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Change {
    Change {
        entity: "evidence",
        entity_id: e.id.0,
        action,
        before,
        after,
        agency_id: Some(e.agency_id),
    }
}

pub(crate) fn from_row(row: &AnyRow) -> Result<Evidence, DbError> {
    let kind: String = row.try_get("kind")?;
    let created: String = row.try_get("created_at")?;
    Ok(Evidence {
        id: EvidenceId(row.try_get("id")?),
        measure_id: MeasureId(row.try_get("measure_id")?),
        agency_id: AgencyId(row.try_get("agency_id")?),
        progress_id: row
            .try_get::<Option<i64>, _>("progress_id")?
            .map(ProgressId),
        kind: match kind.as_str() {
            "file" => EvidenceKind::File,
            "url" => EvidenceKind::Url,
            other => return Err(corrupt("evidence kind", other)),
        },
        filename: row.try_get("filename")?,
        mime: row.try_get("mime")?,
        size: row.try_get("size")?,
        sha256: row.try_get("sha256")?,
        url: row.try_get("url")?,
        effective_date: parse_opt_date(row.try_get("effective_date")?)?,
        created_at: parse_ts(&created)?,
        bytes: None,
    })
}
