//! Units (ส่วนราชการ / กอง / สำนัก): the parts of an agency that can be responsible for a measure.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::time::{now, ts_text};
use crate::{Actor, AgencyId, Db, DbError, UnitId};

/// A unit of an agency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Unit {
    /// Id.
    pub id: UnitId,
    /// The agency it belongs to.
    pub agency_id: AgencyId,
    /// Name, e.g. `กองคลัง`.
    pub name: String,
}

fn check_name(name: &str) -> Result<String, DbError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(DbError::Invalid("a unit needs a name".into()));
    }
    Ok(name.to_string())
}

/// Adds a unit to an agency; a duplicate name in the same agency is a `Conflict`.
pub async fn create(db: &Db, actor: &Actor, agency: AgencyId, name: &str) -> Result<Unit, DbError> {
    let name = check_name(name)?;
    let mut tx = db.begin().await?;
    crate::agencies::fetch(&mut tx, agency).await?;
    let row = sqlx::query(
        "INSERT INTO units (agency_id, name, created_at) VALUES ($1, $2, $3) RETURNING id",
    )
    .bind(agency.0)
    .bind(name.clone())
    .bind(ts_text(now()))
    .fetch_one(&mut *tx)
    .await?;
    let unit = Unit {
        id: UnitId(row.try_get("id")?),
        agency_id: agency,
        name,
    };
    audit::record(&mut tx, actor, change(&unit, "create", None, Some(&unit))?).await?;
    tx.commit().await?;
    Ok(unit)
}

/// The units of an agency, by name.
pub async fn list(db: &Db, agency: AgencyId) -> Result<Vec<Unit>, DbError> {
    let rows =
        sqlx::query("SELECT id, agency_id, name FROM units WHERE agency_id = $1 ORDER BY name, id")
            .bind(agency.0)
            .fetch_all(db.pool())
            .await?;
    rows.iter().map(from_row).collect()
}

/// One unit, or `NotFound`.
pub async fn get(db: &Db, id: UnitId) -> Result<Unit, DbError> {
    let row = sqlx::query("SELECT id, agency_id, name FROM units WHERE id = $1")
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DbError::not_found("unit", id))?;
    from_row(&row)
}

/// Renames a unit.
pub async fn rename(db: &Db, actor: &Actor, id: UnitId, name: &str) -> Result<Unit, DbError> {
    let name = check_name(name)?;
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    sqlx::query("UPDATE units SET name = $1 WHERE id = $2")
        .bind(name.clone())
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    let after = Unit {
        name,
        ..before.clone()
    };
    audit::record(
        &mut tx,
        actor,
        change(&after, "update", Some(&before), Some(&after))?,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// What still refers to a unit (and so keeps it from being deleted).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Usage {
    /// Measures that name the unit as responsible.
    pub measures: i64,
    /// Role grants scoped to the unit (unit officers).
    pub memberships: i64,
}

impl Usage {
    /// Whether nothing refers to the unit.
    pub fn is_unused(&self) -> bool {
        self.measures == 0 && self.memberships == 0
    }
}

/// How many measures and role grants refer to a unit.
pub async fn usage(db: &Db, id: UnitId) -> Result<Usage, DbError> {
    let row = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM measure_units WHERE unit_id = $1) AS measures, \
         (SELECT COUNT(*) FROM memberships WHERE unit_id = $1) AS memberships",
    )
    .bind(id.0)
    .fetch_one(db.pool())
    .await?;
    Ok(Usage {
        measures: row.try_get("measures")?,
        memberships: row.try_get("memberships")?,
    })
}

/// Deletes a unit; `Conflict` while a measure or a membership refers to it.
pub async fn delete(db: &Db, actor: &Actor, id: UnitId) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    let uses: i64 = sqlx::query(
        "SELECT (SELECT COUNT(*) FROM measure_units WHERE unit_id = $1) \
         + (SELECT COUNT(*) FROM memberships WHERE unit_id = $1) AS n",
    )
    .bind(id.0)
    .fetch_one(&mut *tx)
    .await?
    .try_get("n")?;
    if uses > 0 {
        return Err(DbError::Conflict(format!(
            "unit {} is still used by {uses} measure(s) or membership(s)",
            before.name
        )));
    }
    sqlx::query("DELETE FROM units WHERE id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        actor,
        change(&before, "delete", Some(&before), None)?,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The unit inside a transaction, or `NotFound`.
pub(crate) async fn fetch(tx: &mut Tx, id: UnitId) -> Result<Unit, DbError> {
    let row = sqlx::query("SELECT id, agency_id, name FROM units WHERE id = $1")
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("unit", id))?;
    from_row(&row)
}

fn change(
    unit: &Unit,
    action: &'static str,
    before: Option<&Unit>,
    after: Option<&Unit>,
) -> Result<Change, DbError> {
    Ok(Change {
        entity: "unit",
        entity_id: unit.id.0,
        action,
        before: before.map(json).transpose()?,
        after: after.map(json).transpose()?,
        agency_id: Some(unit.agency_id),
    })
}

fn from_row(row: &AnyRow) -> Result<Unit, DbError> {
    Ok(Unit {
        id: UnitId(row.try_get("id")?),
        agency_id: AgencyId(row.try_get("agency_id")?),
        name: row.try_get("name")?,
    })
}
