//! API tokens for scripts: only the SHA-256 of the secret is stored; the secret is shown once.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::time::{now, parse_opt_ts, parse_ts, ts_text};
use crate::users::User;
use crate::{Actor, Db, DbError, TokenId, UserId};

/// Prefix of every secret, so a leaked one is recognisable.
pub const SECRET_PREFIX: &str = "pst_";

/// An API token as stored (never the secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Id.
    pub id: TokenId,
    /// The user it acts as.
    pub user_id: UserId,
    /// A name the user chose, e.g. `nightly import`.
    pub name: String,
    /// When created (UTC).
    pub created_at: Timestamp,
    /// When last accepted by [`find_by_secret`].
    pub last_used_at: Option<Timestamp>,
    /// A revoked token is never accepted again.
    pub revoked: bool,
}

/// A new random secret: `pst_` and 64 hex digits (256 bits from the OS CSPRNG).
pub fn generate_secret() -> Result<String, DbError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| DbError::Invalid(format!("the system random generator failed: {e}")))?;
    Ok(format!("{SECRET_PREFIX}{}", hex(&bytes)))
}

/// The SHA-256 of a secret as lowercase hex, as stored in `api_tokens.token_hash`.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
    out
}

macro_rules! select {
    () => {
        "SELECT id, user_id, name, created_at, last_used_at, revoked FROM api_tokens"
    };
}

/// Creates a token for `user` and returns it with its secret, which is not stored and cannot be shown again.
pub async fn create(
    db: &Db,
    actor: &Actor,
    user: UserId,
    name: &str,
) -> Result<(Token, String), DbError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DbError::Invalid("a token needs a name".into()));
    }
    let secret = generate_secret()?;
    let mut tx = db.begin().await?;
    crate::users::fetch(&mut tx, user).await?;
    let created_at = now();
    let row = sqlx::query(
        "INSERT INTO api_tokens (user_id, name, token_hash, created_at, last_used_at, revoked) \
         VALUES ($1, $2, $3, $4, NULL, 0) RETURNING id",
    )
    .bind(user.0)
    .bind(name.to_string())
    .bind(hash_secret(&secret))
    .bind(ts_text(created_at))
    .fetch_one(&mut *tx)
    .await?;
    let token = Token {
        id: TokenId(row.try_get("id")?),
        user_id: user,
        name: name.to_string(),
        created_at,
        last_used_at: None,
        revoked: false,
    };
    audit::record(
        &mut tx,
        actor,
        change(&token, "create", None, Some(json(&token)?)),
    )
    .await?;
    tx.commit().await?;
    Ok((token, secret))
}

/// The live token with this secret and its user; `None` if unknown, revoked, or the user is disabled.
/// Marks the token used (bookkeeping only: not an audited change).
pub async fn find_by_secret(db: &Db, secret: &str) -> Result<Option<(Token, User)>, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE token_hash = $1 AND revoked = 0"))
        .bind(hash_secret(secret.trim()))
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let mut token = from_row(&row)?;
    let user = crate::users::get(db, token.user_id).await?;
    if user.disabled {
        return Ok(None);
    }
    let used = now();
    sqlx::query("UPDATE api_tokens SET last_used_at = $1 WHERE id = $2")
        .bind(ts_text(used))
        .bind(token.id.0)
        .execute(db.pool())
        .await?;
    token.last_used_at = Some(used);
    Ok(Some((token, user)))
}

/// A user's tokens, newest first, revoked ones included.
pub async fn list(db: &Db, user: UserId) -> Result<Vec<Token>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE user_id = $1 ORDER BY id DESC"))
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// One token, or `NotFound`.
pub async fn get(db: &Db, id: TokenId) -> Result<Token, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DbError::not_found("token", id))?;
    from_row(&row)
}

/// Revokes a token for good (revoking twice is harmless).
pub async fn revoke(db: &Db, actor: &Actor, id: TokenId) -> Result<Token, DbError> {
    let mut tx = db.begin().await?;
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| DbError::not_found("token", id))?;
    let before = from_row(&row)?;
    sqlx::query("UPDATE api_tokens SET revoked = 1 WHERE id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    let after = Token {
        revoked: true,
        ..before.clone()
    };
    audit::record(
        &mut tx,
        actor,
        change(&after, "revoke", Some(json(&before)?), Some(json(&after)?)),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

fn change(
    t: &Token,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Change {
    Change {
        entity: "token",
        entity_id: t.id.0,
        action,
        before,
        after,
        agency_id: None,
    }
}

fn from_row(row: &AnyRow) -> Result<Token, DbError> {
    let created: String = row.try_get("created_at")?;
    Ok(Token {
        id: TokenId(row.try_get("id")?),
        user_id: UserId(row.try_get("user_id")?),
        name: row.try_get("name")?,
        created_at: parse_ts(&created)?,
        last_used_at: parse_opt_ts(row.try_get("last_used_at")?)?,
        revoked: row.try_get::<i64, _>("revoked")? != 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_hex_of_known_input() {
        assert_eq!(
            hash_secret("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn secrets_are_long_and_distinct() {
        let a = generate_secret().unwrap();
        let b = generate_secret().unwrap();
        assert_eq!(a.len(), SECRET_PREFIX.len() + 64);
        assert_ne!(a, b);
    }
}
