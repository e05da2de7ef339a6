//! Role grants (memberships): who holds which role where, and which agencies a user may see.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::error::corrupt;
use crate::time::{now, parse_ts, ts_text};
use crate::{Actor, AgencyId, Db, DbError, MembershipId, UnitId, UserId};

mod invite;
mod role;
mod visibility;

pub use invite::{
    Invitation, accept_invitation, decline_invitation, invitations_for_agency,
    invitations_for_user, invite,
};

pub use role::{Role, Scope};
pub use visibility::{Visibility, agencies_visible};

/// A role granted to a user in a scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    /// Id.
    pub id: MembershipId,
    /// The user.
    pub user_id: UserId,
    /// The role.
    pub role: Role,
    /// Where it applies.
    pub scope: Scope,
    /// When granted (UTC).
    pub created_at: Timestamp,
}

macro_rules! select {
    () => {
        "SELECT id, user_id, role, province, agency_id, unit_id, created_at FROM memberships"
    };
}

mod change;

pub use change::{change_role, get};

/// Grants a role; `Invalid` if the scope does not fit the role, `Conflict` if already granted.
pub async fn grant(
    db: &Db,
    actor: &Actor,
    user: UserId,
    role: Role,
    scope: Scope,
) -> Result<Membership, DbError> {
    let mut tx = db.begin().await?;
    let m = grant_in(&mut tx, actor, user, role, scope).await?;
    tx.commit().await?;
    Ok(m)
}

/// [`grant`] inside an open transaction.
pub(crate) async fn grant_in(
    tx: &mut Tx,
    actor: &Actor,
    user: UserId,
    role: Role,
    scope: Scope,
) -> Result<Membership, DbError> {
    let scope = checked_scope(tx, role, scope).await?;
    crate::users::fetch(tx, user).await?;
    let (province, agency, unit) = scope_columns(&scope);
    let created_at = now();
    let row = sqlx::query(
        "INSERT INTO memberships (user_id, role, province, agency_id, unit_id, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(user.0)
    .bind(role.as_str())
    .bind(province)
    .bind(agency)
    .bind(unit)
    .bind(ts_text(created_at))
    .fetch_one(&mut **tx)
    .await?;
    let m = Membership {
        id: MembershipId(row.try_get("id")?),
        user_id: user,
        role,
        scope,
        created_at,
    };
    audit::record(tx, actor, change(&m, "grant", None, Some(json(&m)?))).await?;
    Ok(m)
}

/// The scope as stored, after checking that it fits `role` and that its agency and unit exist and match.
pub(super) async fn checked_scope(tx: &mut Tx, role: Role, scope: Scope) -> Result<Scope, DbError> {
    if !scope.fits(role) {
        return Err(DbError::Invalid(format!(
            "role {role} does not take scope {scope:?}"
        )));
    }
    Ok(match scope {
        Scope::Province(province) if province.trim().is_empty() => {
            return Err(DbError::Invalid(
                "a province supervisor needs a province".into(),
            ));
        }
        Scope::Province(province) => Scope::Province(province.trim().to_string()),
        Scope::Agency(agency_id) => {
            crate::agencies::fetch(tx, agency_id).await?;
            Scope::Agency(agency_id)
        }
        Scope::Unit { agency_id, unit_id } => {
            let unit = crate::units::fetch(tx, unit_id).await?;
            if unit.agency_id != agency_id {
                return Err(DbError::Invalid(format!(
                    "unit {unit_id} does not belong to agency {agency_id}"
                )));
            }
            Scope::Unit { agency_id, unit_id }
        }
        Scope::System => Scope::System,
    })
}

/// The `province`, `agency_id` and `unit_id` columns of a scope.
pub(super) fn scope_columns(scope: &Scope) -> (Option<String>, Option<i64>, Option<i64>) {
    match scope {
        Scope::System => (None, None, None),
        Scope::Province(province) => (Some(province.clone()), None, None),
        Scope::Agency(agency_id) => (None, Some(agency_id.0), None),
        Scope::Unit { agency_id, unit_id } => (None, Some(agency_id.0), Some(unit_id.0)),
    }
}

/// Removes a role grant.
pub async fn revoke(db: &Db, actor: &Actor, id: MembershipId) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| DbError::not_found("membership", id))?;
    let m = from_row(&row)?;
    sqlx::query("DELETE FROM memberships WHERE id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    audit::record(&mut tx, actor, change(&m, "revoke", Some(json(&m)?), None)).await?;
    tx.commit().await?;
    Ok(())
}

/// A user's role grants, oldest first.
pub async fn for_user(db: &Db, user: UserId) -> Result<Vec<Membership>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE user_id = $1 ORDER BY id"))
        .bind(user.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// Every grant scoped to an agency (agency roles and unit officers), oldest first.
pub async fn for_agency(db: &Db, agency: AgencyId) -> Result<Vec<Membership>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE agency_id = $1 ORDER BY id"))
        .bind(agency.0)
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

pub(super) fn change(
    m: &Membership,
    action: &'static str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Change {
    Change {
        entity: "membership",
        entity_id: m.id.0,
        action,
        before,
        after,
        agency_id: m.scope.agency_id(),
    }
}

pub(super) fn from_row(row: &AnyRow) -> Result<Membership, DbError> {
    let role_text: String = row.try_get("role")?;
    let role = Role::from_slug(&role_text).ok_or_else(|| corrupt("role", &role_text))?;
    let province: Option<String> = row.try_get("province")?;
    let agency: Option<i64> = row.try_get("agency_id")?;
    let unit: Option<i64> = row.try_get("unit_id")?;
    let scope = match (province, agency, unit) {
        (None, None, None) => Scope::System,
        (Some(province), None, None) => Scope::Province(province),
        (None, Some(a), None) => Scope::Agency(AgencyId(a)),
        (None, Some(a), Some(u)) => Scope::Unit {
            agency_id: AgencyId(a),
            unit_id: UnitId(u),
        },
        _ => return Err(corrupt("membership scope of role", &role_text)),
    };
    let created: String = row.try_get("created_at")?;
    Ok(Membership {
        id: MembershipId(row.try_get("id")?),
        user_id: UserId(row.try_get("user_id")?),
        role,
        scope,
        created_at: parse_ts(&created)?,
    })
}
