//! Invitations: adding someone to an agency asks for their consent instead of granting the role at once.
//!
//! An agency admin types an e-mail address. Whether or not an account with that address exists (possibly in
//! another agency), the result is the same pending invitation, so the admin learns nothing about other
//! agencies' accounts and no account is bound to an agency without its owner's consent. The owner sees the
//! invitation after logging in and accepts it (it becomes a membership) or declines it (it is deleted).

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Membership, Role, Scope, checked_scope, grant_in, scope_columns};
use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::error::corrupt;
use crate::time::{now, parse_ts, ts_text};
use crate::users::{NewUser, normalize_email};
use crate::{Actor, AgencyId, Db, DbError, UnitId, UserId};

/// A role in an agency (or one of its units) offered to an account, waiting for its owner's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    /// Id.
    pub id: i64,
    /// The invited account.
    pub user_id: UserId,
    /// Its e-mail address (for the lists).
    pub email: String,
    /// The role offered.
    pub role: Role,
    /// Where (an agency or a unit of it).
    pub scope: Scope,
    /// When invited (UTC).
    pub created_at: Timestamp,
}

macro_rules! select {
    () => {
        "SELECT i.id, i.user_id, u.email, i.role, i.agency_id, i.unit_id, i.created_at \
         FROM invitations i JOIN users u ON u.id = i.user_id"
    };
}

fn from_row(row: &AnyRow) -> Result<Invitation, DbError> {
    let role_text: String = row.try_get("role")?;
    let role = Role::from_slug(&role_text).ok_or_else(|| corrupt("role", &role_text))?;
    let agency_id = AgencyId(row.try_get("agency_id")?);
    let unit: Option<i64> = row.try_get("unit_id")?;
    let created: String = row.try_get("created_at")?;
    Ok(Invitation {
        id: row.try_get("id")?,
        user_id: UserId(row.try_get("user_id")?),
        email: row.try_get("email")?,
        role,
        scope: match unit {
            Some(u) => Scope::Unit {
                agency_id,
                unit_id: UnitId(u),
            },
            None => Scope::Agency(agency_id),
        },
        created_at: parse_ts(&created)?,
    })
}

fn change(i: &Invitation, action: &'static str, before: bool) -> Result<Change, DbError> {
    let value = Some(json(i)?);
    Ok(Change {
        entity: "invitation",
        entity_id: i.id,
        action,
        before: if before { value.clone() } else { None },
        after: if before { None } else { value },
        agency_id: i.scope.agency_id(),
    })
}

/// Invites the owner of `account.email` to `role` in `scope` (an agency or unit scope). When no account has
/// that address, one is created from `account` (without any role); an existing account keeps its password
/// and name. Either way nothing is granted yet and the caller gets the same answer: the owner accepts or
/// declines after logging in. Inviting someone to a role they already hold, or again, changes nothing.
pub async fn invite(
    db: &Db,
    actor: &Actor,
    account: NewUser,
    role: Role,
    scope: Scope,
) -> Result<(), DbError> {
    let scope = match scope {
        Scope::Agency(_) | Scope::Unit { .. } => scope,
        other => {
            return Err(DbError::Invalid(format!(
                "an invitation is to an agency or a unit, not {other:?}"
            )));
        }
    };
    let mut tx = db.begin().await?;
    let scope = checked_scope(&mut tx, role, scope).await?;
    let email = normalize_email(&account.email);
    let existing = sqlx::query("SELECT id FROM users WHERE email = $1")
        .bind(email.clone())
        .fetch_optional(&mut *tx)
        .await?;
    let user = match existing {
        Some(row) => UserId(row.try_get("id")?),
        None => crate::users::insert(&mut tx, actor, account).await?.id,
    };
    let (_, agency, unit) = scope_columns(&scope);
    let held = sqlx::query(
        "SELECT id FROM memberships WHERE user_id = $1 AND role = $2 AND agency_id = $3 \
         AND COALESCE(unit_id, 0) = $4",
    )
    .bind(user.0)
    .bind(role.as_str())
    .bind(agency)
    .bind(unit.unwrap_or(0))
    .fetch_optional(&mut *tx)
    .await?;
    let pending = sqlx::query(
        "SELECT id FROM invitations WHERE user_id = $1 AND role = $2 AND agency_id = $3 \
         AND COALESCE(unit_id, 0) = $4",
    )
    .bind(user.0)
    .bind(role.as_str())
    .bind(agency)
    .bind(unit.unwrap_or(0))
    .fetch_optional(&mut *tx)
    .await?;
    if held.is_none() && pending.is_none() {
        let row = sqlx::query(
            "INSERT INTO invitations (user_id, role, agency_id, unit_id, invited_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
        )
        .bind(user.0)
        .bind(role.as_str())
        .bind(agency)
        .bind(unit)
        .bind(actor.user_id.map(|u| u.0))
        .bind(ts_text(now()))
        .fetch_one(&mut *tx)
        .await?;
        let id: i64 = row.try_get("id")?;
        let i = fetch(&mut tx, id).await?;
        audit::record(&mut tx, actor, change(&i, "invite", false)?).await?;
    }
    tx.commit().await?;
    Ok(())
}

async fn fetch(tx: &mut Tx, id: i64) -> Result<Invitation, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE i.id = $1"))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("invitation", id))?;
    from_row(&row)
}

/// The invitations waiting for `user`'s answer, oldest first.
pub async fn invitations_for_user(db: &Db, user: UserId) -> Result<Vec<Invitation>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE i.user_id = $1 ORDER BY i.id"))
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// The invitations of an agency still waiting for an answer, oldest first.
pub async fn invitations_for_agency(db: &Db, agency: AgencyId) -> Result<Vec<Invitation>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE i.agency_id = $1 ORDER BY i.id"))
        .bind(agency.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// The invitation `id` addressed to `user`, removed inside `tx`; `NotFound` for anyone else's.
async fn take(tx: &mut Tx, id: i64, user: UserId) -> Result<Invitation, DbError> {
    let i = fetch(tx, id).await?;
    if i.user_id != user {
        return Err(DbError::not_found("invitation", id));
    }
    sqlx::query("DELETE FROM invitations WHERE id = $1")
        .bind(id)
        .execute(&mut **tx)
        .await?;
    Ok(i)
}

/// `user` accepts invitation `id`: it becomes a membership (unless already held). Audited.
pub async fn accept_invitation(
    db: &Db,
    actor: &Actor,
    id: i64,
    user: UserId,
) -> Result<Option<Membership>, DbError> {
    let mut tx = db.begin().await?;
    let i = take(&mut tx, id, user).await?;
    audit::record(&mut tx, actor, change(&i, "accept", true)?).await?;
    let (_, agency, unit) = scope_columns(&i.scope);
    let held = sqlx::query(
        "SELECT id FROM memberships WHERE user_id = $1 AND role = $2 AND agency_id = $3 \
         AND COALESCE(unit_id, 0) = $4",
    )
    .bind(user.0)
    .bind(i.role.as_str())
    .bind(agency)
    .bind(unit.unwrap_or(0))
    .fetch_optional(&mut *tx)
    .await?;
    let m = match held {
        Some(_) => None,
        None => Some(grant_in(&mut tx, actor, user, i.role, i.scope.clone()).await?),
    };
    tx.commit().await?;
    Ok(m)
}

/// `user` declines invitation `id`: it is deleted, nothing is granted. Audited.
pub async fn decline_invitation(
    db: &Db,
    actor: &Actor,
    id: i64,
    user: UserId,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let i = take(&mut tx, id, user).await?;
    audit::record(&mut tx, actor, change(&i, "decline", true)?).await?;
    tx.commit().await?;
    Ok(())
}
