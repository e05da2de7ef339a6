//! Agencies (หน่วยงาน): the organisations that are assessed.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::error::corrupt;
use crate::time::{now, parse_ts, ts_text};
use crate::{Actor, AgencyId, Db, DbError};

/// The legal kind of a local administration, stored as its slug.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// องค์การบริหารส่วนตำบล (อบต.).
    Sao,
    /// เทศบาลตำบล.
    TambonMunicipality,
    /// เทศบาลเมือง.
    TownMunicipality,
    /// เทศบาลนคร.
    CityMunicipality,
    /// องค์การบริหารส่วนจังหวัด (อบจ.).
    Pao,
    /// Any other public agency.
    Other,
}

impl AgencyKind {
    /// Every kind, in display order.
    pub const ALL: [AgencyKind; 6] = [
        AgencyKind::Sao,
        AgencyKind::TambonMunicipality,
        AgencyKind::TownMunicipality,
        AgencyKind::CityMunicipality,
        AgencyKind::Pao,
        AgencyKind::Other,
    ];

    /// The stored slug, e.g. `tambon_municipality`.
    pub fn as_str(self) -> &'static str {
        match self {
            AgencyKind::Sao => "sao",
            AgencyKind::TambonMunicipality => "tambon_municipality",
            AgencyKind::TownMunicipality => "town_municipality",
            AgencyKind::CityMunicipality => "city_municipality",
            AgencyKind::Pao => "pao",
            AgencyKind::Other => "other",
        }
    }

    /// Same as [`AgencyKind::as_str`].
    pub fn slug(self) -> &'static str {
        self.as_str()
    }

    /// The Thai name of the kind.
    pub fn label_th(self) -> &'static str {
        match self {
            AgencyKind::Sao => "องค์การบริหารส่วนตำบล",
            AgencyKind::TambonMunicipality => "เทศบาลตำบล",
            AgencyKind::TownMunicipality => "เทศบาลเมือง",
            AgencyKind::CityMunicipality => "เทศบาลนคร",
            AgencyKind::Pao => "องค์การบริหารส่วนจังหวัด",
            AgencyKind::Other => "หน่วยงานอื่น",
        }
    }

    /// The kind a slug names.
    pub fn from_slug(slug: &str) -> Option<AgencyKind> {
        AgencyKind::ALL.into_iter().find(|k| k.as_str() == slug)
    }
}

impl std::str::FromStr for AgencyKind {
    type Err = DbError;

    /// Parses a slug; unknown slugs are `Invalid`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AgencyKind::from_slug(s)
            .ok_or_else(|| DbError::Invalid(format!("unknown agency kind {s:?}")))
    }
}

/// The editable fields of an agency.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAgency {
    /// Name, e.g. `องค์การบริหารส่วนตำบลบ้านนา`.
    pub name: String,
    /// Legal kind.
    pub kind: AgencyKind,
    /// District (อำเภอ); may be empty.
    pub district: String,
    /// Province (จังหวัด).
    pub province: String,
    /// Website domain such as `banna.go.th`.
    pub website: Option<String>,
}

/// An agency as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agency {
    /// Id.
    pub id: AgencyId,
    /// Name.
    pub name: String,
    /// Legal kind.
    pub kind: AgencyKind,
    /// District (อำเภอ).
    pub district: String,
    /// Province (จังหวัด).
    pub province: String,
    /// Website domain.
    pub website: Option<String>,
    /// When created (UTC).
    pub created_at: Timestamp,
    /// When last changed (UTC).
    pub updated_at: Timestamp,
}

macro_rules! select {
    () => {
        "SELECT id, name, kind, district, province, website, created_at, updated_at FROM agencies"
    };
}

fn check(new: &NewAgency) -> Result<NewAgency, DbError> {
    let name = new.name.trim();
    let province = new.province.trim();
    if name.is_empty() || province.is_empty() {
        return Err(DbError::Invalid(
            "an agency needs a name and a province".into(),
        ));
    }
    let website = new
        .website
        .as_deref()
        .map(str::trim)
        .filter(|w| !w.is_empty());
    Ok(NewAgency {
        name: name.to_string(),
        kind: new.kind,
        district: new.district.trim().to_string(),
        province: province.to_string(),
        website: website.map(str::to_string),
    })
}

/// Creates an agency.
pub async fn create(db: &Db, actor: &Actor, new: NewAgency) -> Result<Agency, DbError> {
    let new = check(&new)?;
    let at = ts_text(now());
    let mut tx = db.begin().await?;
    let row = sqlx::query(
        "INSERT INTO agencies (name, kind, district, province, website, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(new.name)
    .bind(new.kind.as_str())
    .bind(new.district)
    .bind(new.province)
    .bind(new.website)
    .bind(at)
    .fetch_one(&mut *tx)
    .await?;
    let id = AgencyId(row.try_get("id")?);
    let agency = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        Change {
            entity: "agency",
            entity_id: id.0,
            action: "create",
            before: None,
            after: Some(json(&agency)?),
            agency_id: Some(id),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(agency)
}

/// Replaces the editable fields of an agency.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: AgencyId,
    new: NewAgency,
) -> Result<Agency, DbError> {
    let new = check(&new)?;
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    sqlx::query(
        "UPDATE agencies SET name = $1, kind = $2, district = $3, province = $4, website = $5, \
         updated_at = $6 WHERE id = $7",
    )
    .bind(new.name)
    .bind(new.kind.as_str())
    .bind(new.district)
    .bind(new.province)
    .bind(new.website)
    .bind(ts_text(now()))
    .bind(id.0)
    .execute(&mut *tx)
    .await?;
    let after = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        Change {
            entity: "agency",
            entity_id: id.0,
            action: "update",
            before: Some(json(&before)?),
            after: Some(json(&after)?),
            agency_id: Some(id),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// One agency, or `NotFound`.
pub async fn get(db: &Db, id: AgencyId) -> Result<Agency, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(db.pool())
        .await?
        .ok_or_else(|| DbError::not_found("agency", id))?;
    from_row(&row)
}

/// Every agency, by province then name.
pub async fn list(db: &Db) -> Result<Vec<Agency>, DbError> {
    let rows = sqlx::query(concat!(select!(), " ORDER BY province, name, id"))
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// The agencies of one province, by name.
pub async fn list_by_province(db: &Db, province: &str) -> Result<Vec<Agency>, DbError> {
    let rows = sqlx::query(concat!(select!(), " WHERE province = $1 ORDER BY name, id"))
        .bind(province.trim().to_string())
        .fetch_all(db.pool())
        .await?;
    rows.iter().map(from_row).collect()
}

/// The distinct provinces that have agencies, sorted.
pub async fn provinces(db: &Db) -> Result<Vec<String>, DbError> {
    let rows = sqlx::query("SELECT DISTINCT province FROM agencies ORDER BY province")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| r.try_get("province").map_err(DbError::from))
        .collect()
}

/// The agency inside a transaction, or `NotFound`.
pub(crate) async fn fetch(tx: &mut Tx, id: AgencyId) -> Result<Agency, DbError> {
    let row = sqlx::query(concat!(select!(), " WHERE id = $1"))
        .bind(id.0)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or_else(|| DbError::not_found("agency", id))?;
    from_row(&row)
}

fn from_row(row: &AnyRow) -> Result<Agency, DbError> {
    let kind: String = row.try_get("kind")?;
    let created: String = row.try_get("created_at")?;
    let updated: String = row.try_get("updated_at")?;
    Ok(Agency {
        id: AgencyId(row.try_get("id")?),
        name: row.try_get("name")?,
        kind: AgencyKind::from_slug(&kind).ok_or_else(|| corrupt("agency kind", &kind))?,
        district: row.try_get("district")?,
        province: row.try_get("province")?,
        website: row.try_get("website")?,
        created_at: parse_ts(&created)?,
        updated_at: parse_ts(&updated)?,
    })
}
