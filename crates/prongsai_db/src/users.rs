//! User accounts: email (unique, lowercased), display name, PHC password hash, language, disabled flag.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::memberships::{self, Membership, Role, Scope};
use crate::time::{now, parse_ts, ts_text};
use crate::{Actor, AgencyId, Db, DbError, UserId};

/// The fields needed to create an account.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct NewUser {
    /// Email; trimmed and lowercased before storing.
    pub email: String,
    /// Name shown in the UI and the audit log.
    pub display_name: String,
    /// Argon2 PHC string made by the caller; never the password.
    pub password_hash: String,
    /// `th` or `en`.
    pub language: String,
}

/// An account as stored. `password_hash` is left out of JSON (and of the audit log) and of `Debug`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    /// Id.
    pub id: UserId,
    /// Lowercased email.
    pub email: String,
    /// Display name.
    pub display_name: String,
    /// Argon2 PHC string.
    #[serde(skip)]
    pub password_hash: String,
    /// `th` or `en`.
    pub language: String,
    /// When created (UTC).
    pub created_at: Timestamp,
    /// A disabled account cannot sign in or use tokens.
    pub disabled: bool,
}

impl std::fmt::Debug for User {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("display_name", &self.display_name)
            .field("password_hash", &"<redacted>")
            .field("language", &self.language)
            .field("created_at", &self.created_at)
            .field("disabled", &self.disabled)
            .finish()
    }
}

/// The languages the UI speaks.
pub const LANGUAGES: [&str; 2] = ["th", "en"];

/// Trims and lowercases an email, as stored and looked up.
pub fn normalize_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn check_language(language: &str) -> Result<String, DbError> {
    let language = language.trim();
    if LANGUAGES.contains(&language) {
        Ok(language.to_string())
    } else {
        Err(DbError::Invalid(format!(
            "language must be th or en, got {language:?}"
        )))
    }
}

macro_rules! select {
    () => {
        "SELECT id, email, display_name, password_hash, language, created_at, disabled FROM users"
    };
}

/// Creates an account; an email already in use is a `Conflict`.
pub async fn create(db: &Db, actor: &Actor, new: NewUser) -> Result<User, DbError> {
    let mut tx = db.begin().await?;
    let user = insert(&mut tx, actor, new).await?;
    tx.commit().await?;
    Ok(user)
}

/// Creates an account and grants it one role, in one transaction.
pub async fn create_with_membership(
    db: &Db,
    actor: &Actor,
    new: NewUser,
    role: Role,
    scope: Scope,
) -> Result<(User, Membership), DbError> {
    let mut tx = db.begin().await?;
    let user = insert(&mut tx, actor, new).await?;
    let membership = memberships::grant_in(&mut tx, actor, user.id, role, scope).await?;
    tx.commit().await?;
    Ok((user, membership))
}

pub(crate) async fn insert(tx: &mut Tx, actor: &Actor, new: NewUser) -> Result<User, DbError> {
    let email = normalize_email(&new.email);
    if !email.contains('@') {
        return Err(DbError::Invalid(format!(
            "{email:?} is not an email address"
        )));
    }
    let language = check_language(&new.language)?;
    let row = sqlx::query(
        "INSERT INTO users (email, display_name, password_hash, language, created_at, disabled) \
         VALUES ($1, $2, $3, $4, $5, 0) RETURNING id",
    )
    .bind(email)
    .bind(new.display_name.trim().to_string())
    .bind(new.password_hash)
    .bind(language)
    .bind(ts_text(now()))
    .fetch_one(&mut **tx)
    .await?;
    let user = fetch(tx, UserId(row.try_get("id")?)).await?;
    audit::record(tx, actor, change(&user, "create", None, Some(json(&user)?))).await?;
    Ok(user)
}

/// One account with its role grants (one call per request for the web's session check).
pub async fn get_with_memberships(db: &Db, id: UserId) -> Result<(User, Vec<Membership>), DbError> {
    let user = get(db, id).await?;
    let grants = memberships::for_user(db, id).await?;
    Ok((user, grants))
}

/// One account, or `NotFound`.
pub async fn get(db: &Db, id: UserId) -> Result<User, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DbError::not_found("user", id))?;
    from_row(&row)
}

/// The account with this email (compared case-insensitively), if any.
pub async fn by_email(db: &Db, email: &str) -> Result<Option<User>, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE email = $1"))
        .bind(normalize_email(email))
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(from_row).transpose()
}

/// Every account by email, or only those with a membership in `agency`.
pub async fn list(db: &Db, agency: Option<AgencyId>) -> Result<Vec<User>, DbError> {
    let rows =
        match agency {
            None => {
                sqlx::query(concat!(select!(), " ORDER BY email"))
                    .fetch_all(db.pool())
                    .await?
            }
            Some(a) => sqlx::query(concat!(
                select!(),
                " WHERE id IN (SELECT user_id FROM memberships WHERE agency_id = $1) ORDER BY email"
            ))
            .bind(a.0)
            .fetch_all(db.pool())
            .await?,
        };
    rows.iter().map(from_row).collect()
}

/// Replaces the password hash (the audit row says only that it changed).
pub async fn set_password(
    db: &Db,
    actor: &Actor,
    id: UserId,
    password_hash: &str,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let user = fetch(&mut tx, id).await?;
    sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
        .bind(password_hash.to_string())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    // The hash itself never goes into the log.
    let before = serde_json::json!({ "password": "previous" });
    let after = serde_json::json!({ "password": "changed" });
    audit::record(
        &mut tx,
        actor,
        change(&user, "set_password", Some(before), Some(after)),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the UI language (`th` or `en`).
pub async fn set_language(
    db: &Db,
    actor: &Actor,
    id: UserId,
    language: &str,
) -> Result<User, DbError> {
    let language = check_language(language)?;
    update_field(db, actor, id, Field::Language(language), None).await
}

/// Disables or re-enables an account.
pub async fn set_disabled(
    db: &Db,
    actor: &Actor,
    id: UserId,
    disabled: bool,
) -> Result<User, DbError> {
    update_field(db, actor, id, Field::Disabled(disabled), None).await
}

/// Disables or re-enables an account on behalf of an agency: the audit row also appears in that agency's log.
pub async fn set_disabled_in_agency(
    db: &Db,
    actor: &Actor,
    id: UserId,
    disabled: bool,
    agency: AgencyId,
) -> Result<User, DbError> {
    update_field(db, actor, id, Field::Disabled(disabled), Some(agency)).await
}

/// Changes the display name.
pub async fn set_display_name(
    db: &Db,
    actor: &Actor,
    id: UserId,
    name: &str,
) -> Result<User, DbError> {
    update_field(
        db,
        actor,
        id,
        Field::DisplayName(name.trim().to_string()),
        None,
    )
    .await
}

/// One editable column of `users`.
enum Field {
    Language(String),
    Disabled(bool),
    DisplayName(String),
}

/// Runs one UPDATE in a transaction with a before/after audit row (in `agency`'s log when given).
async fn update_field(
    db: &Db,
    actor: &Actor,
    id: UserId,
    field: Field,
    agency: Option<AgencyId>,
) -> Result<User, DbError> {
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    let (action, query) = match field {
        Field::Language(l) => (
            "set_language",
            sqlx::query("UPDATE users SET language = $1 WHERE id = $2").bind(l),
        ),
        Field::Disabled(d) => (
            "set_disabled",
            sqlx::query("UPDATE users SET disabled = $1 WHERE id = $2").bind(i64::from(d)),
        ),
        Field::DisplayName(n) => (
            "update",
            sqlx::query("UPDATE users SET display_name = $1 WHERE id = $2").bind(n),
        ),
    };
    query.bind(id.0).execute(&mut *tx).await?;
    let after = fetch(&mut tx, id).await?;
    let mut c = change(&after, action, Some(json(&before)?), Some(json(&after)?));
    c.agency_id = agency;
    audit::record(&mut tx, actor, c).await?;
    tx.commit().await?;
    Ok(after)
}

/// The account inside a transaction, or `NotFound`.
pub(crate) async fn fetch(tx: &mut Tx, id: UserId) -> Result<User, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("user", id))?;
    from_row(&row)
}

fn change(
    user: &User,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Change {
    Change {
        entity: "user",
        entity_id: user.id.0,
        action,
        before,
        after,
        agency_id: None,
    }
}

pub(crate) fn from_row(row: &AnyRow) -> Result<User, DbError> {
    let created: String = row.try_get("created_at")?;
    Ok(User {
        id: UserId(row.try_get("id")?),
        email: row.try_get("email")?,
        display_name: row.try_get("display_name")?,
        password_hash: row.try_get("password_hash")?,
        language: row.try_get("language")?,
        created_at: parse_ts(&created)?,
        disabled: row.try_get::<i64, _>("disabled")? != 0,
    })
}
