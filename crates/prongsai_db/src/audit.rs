//! The append-only audit log: one row per mutation, written in the mutation's own transaction.

use jiff::Timestamp;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Tx;
use crate::time::{now, parse_ts, ts_text};
use crate::{AgencyId, Db, DbError, UserId};

/// Who performs a mutation: a signed-in user, or the system (CLI, import, demo) with a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Actor {
    /// The user, if a person did it.
    pub user_id: Option<UserId>,
    /// What the log shows: an email, a name, or e.g. `cli` / `demo`.
    pub label: String,
}

impl Actor {
    /// A person, identified in the log by `label` (usually the email).
    pub fn user(user_id: UserId, label: impl Into<String>) -> Actor {
        Actor {
            user_id: Some(user_id),
            label: label.into(),
        }
    }

    /// The system itself (CLI, import, demo data, migrations).
    pub fn system(label: impl Into<String>) -> Actor {
        Actor {
            user_id: None,
            label: label.into(),
        }
    }
}

/// One audit row as read back.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    /// Row id; larger is newer.
    pub id: i64,
    /// When, UTC.
    pub at: Timestamp,
    /// The actor's label.
    pub actor_label: String,
    /// The actor's user id, if a person.
    pub user_id: Option<UserId>,
    /// Table-like entity name: `agency`, `unit`, `user`, `membership`, `token`, `assessment`, `analysis`,
    /// `measure`, `progress`, `evidence`.
    pub entity: String,
    /// Id of the changed row.
    pub entity_id: i64,
    /// `create`, `update`, `delete`, `put_scores`, `set_status`, `revoke`, `copy` …
    pub action: String,
    /// The row before the change (none for a creation).
    pub before: Option<serde_json::Value>,
    /// The row after the change (none for a deletion).
    pub after: Option<serde_json::Value>,
    /// The agency the change belongs to, when there is one (filters the log per agency).
    pub agency_id: Option<AgencyId>,
}

/// What an audit row records about the changed row.
pub(crate) struct Change {
    pub entity: &'static str,
    pub entity_id: i64,
    pub action: &'static str,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub agency_id: Option<AgencyId>,
}

/// A row as audit JSON.
pub(crate) fn json<T: Serialize>(value: &T) -> Result<serde_json::Value, DbError> {
    serde_json::to_value(value)
        .map_err(|e| DbError::Invalid(format!("cannot encode audit JSON: {e}")))
}

/// Appends an audit row inside `tx`.
pub(crate) async fn record(tx: &mut Tx, actor: &Actor, change: Change) -> Result<(), DbError> {
    let text = |v: Option<serde_json::Value>| v.map(|v| v.to_string());
    sqlx::query(
        "INSERT INTO audit_log (at, actor_label, user_id, entity, entity_id, action, \
         before_json, after_json, agency_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(ts_text(now()))
    .bind(actor.label.clone())
    .bind(actor.user_id.map(|u| u.0))
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.action)
    .bind(text(change.before))
    .bind(text(change.after))
    .bind(change.agency_id.map(|a| a.0))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

macro_rules! select {
    () => {
        "SELECT id, at, actor_label, user_id, entity, entity_id, action, before_json, after_json, \
         agency_id FROM audit_log"
    };
}

/// The log, newest first; `agency` keeps only that agency's rows.
pub async fn list(
    db: &Db,
    agency: Option<AgencyId>,
    limit: i64,
    offset: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    let rows = match agency {
        Some(a) => {
            sqlx::query(concat!(
                select!(),
                " WHERE agency_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3"
            ))
            .bind(a.0)
            .bind(limit)
            .bind(offset)
            .fetch_all(db.pool())
            .await?
        }
        None => {
            sqlx::query(concat!(select!(), " ORDER BY id DESC LIMIT $1 OFFSET $2"))
                .bind(limit)
                .bind(offset)
                .fetch_all(db.pool())
                .await?
        }
    };
    rows.iter().map(from_row).collect()
}

/// Where a page of an agency's log starts (keyset paging on the row id, stable while rows are added).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cursor {
    /// The newest rows.
    Newest,
    /// The rows just older than this id.
    Before(i64),
    /// The rows just newer than this id.
    After(i64),
}

/// One page of an agency's log, newest first, with the cursors of its neighbours.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The rows, newest first.
    pub entries: Vec<AuditEntry>,
    /// `Cursor::After` this id shows the newer page, when there is one.
    pub newer: Option<i64>,
    /// `Cursor::Before` this id shows the older page, when there is one.
    pub older: Option<i64>,
}

/// A page of at most `limit` rows of an agency's log around `cursor` (three queries at most).
pub async fn page(db: &Db, agency: AgencyId, cursor: Cursor, limit: i64) -> Result<Page, DbError> {
    let limit = limit.max(1);
    const OLDER: &str = concat!(
        select!(),
        " WHERE agency_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3"
    );
    const NEWER: &str = concat!(
        select!(),
        " WHERE agency_id = $1 AND id > $2 ORDER BY id ASC LIMIT $3"
    );
    let (sql, key) = match cursor {
        Cursor::Newest => (OLDER, i64::MAX),
        Cursor::Before(id) => (OLDER, id),
        Cursor::After(id) => (NEWER, id),
    };
    // One row more than shown tells whether the page beyond exists in the direction of travel.
    let rows = sqlx::query(sql)
        .bind(agency.0)
        .bind(key)
        .bind(limit + 1)
        .fetch_all(db.pool())
        .await?;
    let mut entries = rows.iter().map(from_row).collect::<Result<Vec<_>, _>>()?;
    let more = entries.len() as i64 > limit;
    entries.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    if matches!(cursor, Cursor::After(_)) {
        entries.reverse();
    }
    let (first, last) = match (entries.first(), entries.last()) {
        (Some(f), Some(l)) => (f.id, l.id),
        // An empty page (a cursor past either end): the neighbours start at the cursor itself.
        _ => (key.saturating_sub(1), key.saturating_add(1)),
    };
    let (newer, older) = match cursor {
        Cursor::Newest => (false, more),
        Cursor::Before(_) => (any_beyond(db, agency, first, true).await?, more),
        Cursor::After(_) => (more, any_beyond(db, agency, last, false).await?),
    };
    Ok(Page {
        newer: newer.then_some(first),
        older: older.then_some(last),
        entries,
    })
}

/// Whether the agency's log has a row newer (or older) than `id`.
async fn any_beyond(db: &Db, agency: AgencyId, id: i64, newer: bool) -> Result<bool, DbError> {
    let sql = if newer {
        "SELECT id FROM audit_log WHERE agency_id = $1 AND id > $2 LIMIT 1"
    } else {
        "SELECT id FROM audit_log WHERE agency_id = $1 AND id < $2 LIMIT 1"
    };
    let row = sqlx::query(sql)
        .bind(agency.0)
        .bind(id)
        .fetch_optional(db.pool())
        .await?;
    Ok(row.is_some())
}

/// How many rows the log holds (for one agency, or all).
pub async fn count(db: &Db, agency: Option<AgencyId>) -> Result<i64, DbError> {
    let row = match agency {
        Some(a) => {
            sqlx::query("SELECT COUNT(*) AS n FROM audit_log WHERE agency_id = $1")
                .bind(a.0)
                .fetch_one(db.pool())
                .await?
        }
        None => {
            sqlx::query("SELECT COUNT(*) AS n FROM audit_log")
                .fetch_one(db.pool())
                .await?
        }
    };
    Ok(row.try_get("n")?)
}

fn from_row(row: &AnyRow) -> Result<AuditEntry, DbError> {
    let json = |col: &str| -> Result<Option<serde_json::Value>, DbError> {
        let text: Option<String> = row.try_get(col)?;
        text.map(|t| serde_json::from_str(&t).map_err(|_| crate::error::corrupt("audit JSON", &t)))
            .transpose()
    };
    let at: String = row.try_get("at")?;
    Ok(AuditEntry {
        id: row.try_get("id")?,
        at: parse_ts(&at)?,
        actor_label: row.try_get("actor_label")?,
        user_id: row.try_get::<Option<i64>, _>("user_id")?.map(UserId),
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        action: row.try_get("action")?,
        before: json("before_json")?,
        after: json("after_json")?,
        agency_id: row.try_get::<Option<i64>, _>("agency_id")?.map(AgencyId),
    })
}
