//! The agency's own words around its published documents: title, introduction and closing per document and year, and the signer.

use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change, json};
use crate::time::{now, ts_text};
use crate::{Actor, AgencyId, Db, DbError};

/// What an agency wrote for one document of one year (empty strings: use the defaults).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentText {
    /// The document's title ("" = the default title of its kind).
    pub title: String,
    /// Introductory paragraphs, separated by blank lines.
    pub intro: String,
    /// Closing paragraphs, separated by blank lines.
    pub closing: String,
    /// Date printed under the signature, ISO `YYYY-MM-DD`.
    pub signed_on: Option<String>,
}

/// Who signs the agency's documents (the head of agency).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    /// Name as printed in brackets.
    pub name: String,
    /// Position.
    pub position: String,
}

/// The text of document `kind` (`analysis`, `measures`, …) of an agency's year; `None` when never saved.
pub async fn text(
    db: &Db,
    agency: AgencyId,
    fiscal_year: u16,
    kind: &str,
) -> Result<Option<DocumentText>, DbError> {
    let row = sqlx::query(
        "SELECT title, intro, closing, signed_on FROM document_texts \
         WHERE agency_id = $1 AND fiscal_year = $2 AND kind = $3",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(kind.to_owned())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(text_row).transpose()
}

fn text_row(row: &AnyRow) -> Result<DocumentText, DbError> {
    Ok(DocumentText {
        title: row.try_get("title")?,
        intro: row.try_get("intro")?,
        closing: row.try_get("closing")?,
        signed_on: row.try_get("signed_on")?,
    })
}

/// Saves (inserts or replaces) the text of document `kind`, audited.
pub async fn save_text(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    fiscal_year: u16,
    kind: &str,
    text: &DocumentText,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    crate::agencies::fetch(&mut tx, agency).await?;
    let before = sqlx::query(
        "SELECT title, intro, closing, signed_on FROM document_texts \
         WHERE agency_id = $1 AND fiscal_year = $2 AND kind = $3",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(kind.to_owned())
    .fetch_optional(&mut *tx)
    .await?
    .as_ref()
    .map(text_row)
    .transpose()?;
    let row = sqlx::query(
        "INSERT INTO document_texts (agency_id, fiscal_year, kind, title, intro, closing, signed_on, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
         ON CONFLICT (agency_id, fiscal_year, kind) DO UPDATE SET title = excluded.title, \
         intro = excluded.intro, closing = excluded.closing, signed_on = excluded.signed_on, \
         updated_at = excluded.updated_at RETURNING id",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(kind.to_owned())
    .bind(text.title.clone())
    .bind(text.intro.clone())
    .bind(text.closing.clone())
    .bind(text.signed_on.clone())
    .bind(ts_text(now()))
    .fetch_one(&mut *tx)
    .await?;
    let id: i64 = row.try_get("id")?;
    let change = Change {
        entity: "document",
        entity_id: id,
        action: if before.is_some() { "update" } else { "create" },
        before: before.as_ref().map(json).transpose()?,
        after: Some(json(text)?),
        agency_id: Some(agency),
    };
    audit::record(&mut tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// The agency's signer; `None` when never saved.
pub async fn signer(db: &Db, agency: AgencyId) -> Result<Option<Signer>, DbError> {
    let row = sqlx::query("SELECT name, position FROM agency_signers WHERE agency_id = $1")
        .bind(agency.0)
        .fetch_optional(db.pool())
        .await?;
    row.as_ref().map(signer_row).transpose()
}

fn signer_row(row: &AnyRow) -> Result<Signer, DbError> {
    Ok(Signer {
        name: row.try_get("name")?,
        position: row.try_get("position")?,
    })
}

/// Saves (inserts or replaces) the agency's signer, audited.
pub async fn save_signer(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    signer: &Signer,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    crate::agencies::fetch(&mut tx, agency).await?;
    let before = sqlx::query("SELECT name, position FROM agency_signers WHERE agency_id = $1")
        .bind(agency.0)
        .fetch_optional(&mut *tx)
        .await?
        .as_ref()
        .map(signer_row)
        .transpose()?;
    sqlx::query(
        "INSERT INTO agency_signers (agency_id, name, position, updated_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (agency_id) DO UPDATE SET name = excluded.name, position = excluded.position, \
         updated_at = excluded.updated_at",
    )
    .bind(agency.0)
    .bind(signer.name.clone())
    .bind(signer.position.clone())
    .bind(ts_text(now()))
    .execute(&mut *tx)
    .await?;
    let change = Change {
        entity: "signer",
        entity_id: agency.0,
        action: if before.is_some() { "update" } else { "create" },
        before: before.as_ref().map(json).transpose()?,
        after: Some(json(signer)?),
        agency_id: Some(agency),
    };
    audit::record(&mut tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
