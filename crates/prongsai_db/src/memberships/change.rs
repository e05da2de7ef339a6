//! Reading one grant and changing its role in place (an agency admin promoting or demoting a member).

use super::{Membership, Role, Scope, change, checked_scope, from_row, scope_columns};
use crate::audit::{self, json};
use crate::db::Tx;
use crate::{Actor, Db, DbError, MembershipId};

/// One grant, or `NotFound`.
pub async fn get(db: &Db, id: MembershipId) -> Result<Membership, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DbError::not_found("membership", id))?;
    from_row(&row)
}

async fn fetch(tx: &mut Tx, id: MembershipId) -> Result<Membership, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("membership", id))?;
    from_row(&row)
}

/// Gives a grant another role and scope, keeping its id and user; `Invalid` if the scope does not fit the
/// role, `Conflict` if the user already holds that grant. The audit row holds the grant before and after.
pub async fn change_role(
    db: &Db,
    actor: &Actor,
    id: MembershipId,
    role: Role,
    scope: Scope,
) -> Result<Membership, DbError> {
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    let scope = checked_scope(&mut tx, role, scope).await?;
    let (province, agency, unit) = scope_columns(&scope);
    sqlx::query(
        "UPDATE memberships SET role = $1, province = $2, agency_id = $3, unit_id = $4 WHERE id = $5",
    )
    .bind(role.as_str())
    .bind(province)
    .bind(agency)
    .bind(unit)
    .bind(id.0)
    .execute(&mut *tx)
    .await?;
    let after = Membership {
        role,
        scope,
        ..before.clone()
    };
    let c = change(
        &after,
        "change_role",
        Some(json(&before)?),
        Some(json(&after)?),
    );
    audit::record(&mut tx, actor, c).await?;
    tx.commit().await?;
    Ok(after)
}
