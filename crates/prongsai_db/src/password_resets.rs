//! One-time password reset links that an administrator makes for an account: only the SHA-256 of
//! the secret is stored; a link works once, before it expires; making a new link retires the
//! account's older unused ones. Creating and using a link are audited (never the secret).

use jiff::{SignedDuration, Timestamp};
use sqlx::Row;

use crate::audit::{self, Change};
use crate::time::{now, ts_text};
use crate::tokens::{generate_secret, hash_secret};
use crate::users::{self, User};
use crate::{Actor, AgencyId, Db, DbError, UserId};

/// Makes a link secret for `user`, valid for `ttl`; returns the secret (shown once, not stored).
/// `agency` files the audit row under the agency whose administrator made it.
pub async fn create(
    db: &Db,
    actor: &Actor,
    user: UserId,
    ttl: SignedDuration,
    agency: Option<AgencyId>,
) -> Result<String, DbError> {
    let secret = generate_secret()?.replacen("pst_", "prs_", 1);
    let at = now();
    let expires = at
        .checked_add(ttl)
        .map_err(|e| DbError::Invalid(format!("reset link expiry: {e}")))?;
    let mut tx = db.begin().await?;
    let u = users::fetch(&mut tx, user).await?;
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(ts_text(at))
        .bind(user.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO password_resets (user_id, token_hash, created_at, expires_at) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(user.0)
    .bind(hash_secret(&secret))
    .bind(ts_text(at))
    .bind(ts_text(expires))
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        actor,
        Change {
            entity: "user",
            entity_id: u.id.0,
            action: "password_reset_link",
            before: None,
            after: Some(serde_json::json!({ "expires_at": ts_text(expires) })),
            agency_id: agency,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(secret)
}

/// The account a live (unused, unexpired) link belongs to.
pub async fn find(db: &Db, secret: &str) -> Result<Option<User>, DbError> {
    let row = sqlx::query(
        "SELECT user_id FROM password_resets \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(hash_secret(secret))
    .bind(ts_text(now()))
    .fetch_optional(db.pool())
    .await?;
    match row {
        Some(r) => Ok(Some(users::get(db, UserId(r.try_get("user_id")?)).await?)),
        None => Ok(None),
    }
}

/// Uses a live link: sets the account's password hash and retires the link, in one transaction.
/// `NotFound` when the link is unknown, used or expired (also when two requests race for it).
pub async fn consume(db: &Db, secret: &str, password_hash: &str) -> Result<User, DbError> {
    let at: Timestamp = now();
    let mut tx = db.begin().await?;
    let row = sqlx::query(
        "SELECT id, user_id FROM password_resets \
         WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2",
    )
    .bind(hash_secret(secret))
    .bind(ts_text(at))
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| DbError::not_found("password reset link", "?"))?;
    let id: i64 = row.try_get("id")?;
    let user = users::fetch(&mut tx, UserId(row.try_get("user_id")?)).await?;
    let done =
        sqlx::query("UPDATE password_resets SET used_at = $1 WHERE id = $2 AND used_at IS NULL")
            .bind(ts_text(at))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    if done.rows_affected() != 1 {
        return Err(DbError::not_found("password reset link", "?"));
    }
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.to_string())
        .bind(user.id.0)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        &Actor::user(user.id, format!("{} (reset link)", user.email)),
        Change {
            entity: "user",
            entity_id: user.id.0,
            action: "set_password",
            before: Some(serde_json::json!({ "password": "previous" })),
            after: Some(serde_json::json!({ "password": "changed" })),
            agency_id: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(user)
}
