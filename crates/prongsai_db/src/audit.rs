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
