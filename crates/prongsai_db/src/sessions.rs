//! Web sessions that survive a restart: opaque bytes by session id, with an expiry. Not audited (not domain data).

use jiff::Timestamp;
use sqlx::Row;

use crate::time::{now, parse_ts, ts_text};
use crate::{Db, DbError};

/// The data of a live session and when it expires; `None` if unknown or expired.
pub async fn load(db: &Db, id: &str) -> Result<Option<(Vec<u8>, Timestamp)>, DbError> {
    let row =
        sqlx::query("SELECT data, expires_at FROM sessions WHERE id = $1 AND expires_at > $2")
            .bind(id.to_string())
            .bind(ts_text(now()))
            .fetch_optional(db.pool())
            .await?;
    let Some(row) = row else { return Ok(None) };
    let expires: String = row.try_get("expires_at")?;
    Ok(Some((row.try_get("data")?, parse_ts(&expires)?)))
}

/// Creates or replaces a session.
pub async fn save(db: &Db, id: &str, data: &[u8], expires_at: Timestamp) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sessions (id, data, expires_at) VALUES ($1, $2, $3) \
         ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
    )
    .bind(id.to_string())
    .bind(data.to_vec())
    .bind(ts_text(expires_at))
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Removes a session (unknown ids are fine).
pub async fn delete(db: &Db, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1")
        .bind(id.to_string())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes every expired session; returns how many.
pub async fn delete_expired(db: &Db) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(ts_text(now()))
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// How many session rows are stored (live or expired); for monitoring and tests.
pub async fn count(db: &Db) -> Result<i64, DbError> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM sessions")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
