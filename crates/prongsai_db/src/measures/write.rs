//! Measure mutations: create, update, status and outcome, delete — each audited.

use prongsai_domain::Code;

use super::{Measure, MeasureStatus, NewMeasure, fetch};
use crate::audit::{self, Change, json};
use crate::db::Tx;
use crate::time::{now, opt_date_text, ts_text};
use crate::{Actor, AgencyId, Db, DbError, MeasureId};

/// Trims text, drops empty steps, canonicalises and de-duplicates links, checks the period.
fn check(new: NewMeasure) -> Result<NewMeasure, DbError> {
    let title = new.title.trim().to_string();
    if title.is_empty() {
        return Err(DbError::Invalid("a measure needs a title".into()));
    }
    if let (Some(start), Some(end)) = (new.period_start, new.period_end)
        && start > end
    {
        return Err(DbError::Invalid(format!(
            "the period starts ({start}) after it ends ({end})"
        )));
    }
    let mut links: Vec<String> = Vec::with_capacity(new.links.len());
    for link in &new.links {
        let code: Code = link.parse().map_err(|e| DbError::Invalid(format!("{e}")))?;
        let code = code.to_string();
        if !links.contains(&code) {
            links.push(code);
        }
    }
    let mut unit_ids = new.unit_ids.clone();
    let mut seen = Vec::new();
    unit_ids.retain(|u| {
        if seen.contains(u) {
            false
        } else {
            seen.push(*u);
            true
        }
    });
    Ok(NewMeasure {
        title,
        analysis: new.analysis.trim().to_string(),
        steps: new
            .steps
            .iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect(),
        period_text: new.period_text.trim().to_string(),
        outcome: new.outcome.trim().to_string(),
        links,
        unit_ids,
        ..new
    })
}

fn steps_json(steps: &[String]) -> Result<String, DbError> {
    serde_json::to_string(steps).map_err(|e| DbError::Invalid(format!("cannot encode steps: {e}")))
}

/// How many times a creation with an assigned number is tried when another writer took the number first.
const NUMBER_ATTEMPTS: usize = 5;

/// Takes the agency row's write lock (an update that changes nothing) for the rest of the transaction,
/// so that PostgreSQL transactions numbering the same agency's measures run one after the other
/// (SQLite's `BEGIN IMMEDIATE` already serialises every writer). `NotFound` when there is no such agency.
pub(super) async fn lock_agency(tx: &mut Tx, agency: AgencyId) -> Result<(), DbError> {
    let done = sqlx::query("UPDATE agencies SET updated_at = updated_at WHERE id = $1")
        .bind(agency.0)
        .execute(&mut **tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(DbError::not_found("agency", agency));
    }
    Ok(())
}

/// The year's highest measure number plus one, read inside the (locked) transaction.
pub(super) async fn next_number(
    tx: &mut Tx,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<i64, DbError> {
    let row = sqlx::query(
        "SELECT COALESCE(MAX(number), 0) AS top FROM measures WHERE agency_id = $1 AND fiscal_year = $2",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .fetch_one(&mut **tx)
    .await?;
    let top: i64 = sqlx::Row::try_get(&row, "top")?;
    Ok(top + 1)
}

/// Inserts a checked measure with its links and units; no audit row. A `number` of 0 or less takes the
/// year's next number; numbers are unique per agency and year (the database refuses a duplicate).
pub(super) async fn insert(tx: &mut Tx, mut new: NewMeasure) -> Result<Measure, DbError> {
    lock_agency(tx, new.agency_id).await?;
    if new.number <= 0 {
        new.number = next_number(tx, new.agency_id, new.fiscal_year).await?;
    }
    let at = ts_text(now());
    let row = sqlx::query(
        "INSERT INTO measures (agency_id, fiscal_year, number, title, analysis, steps, period_start, \
         period_end, period_text, status, outcome, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id",
    )
    .bind(new.agency_id.0)
    .bind(i64::from(new.fiscal_year))
    .bind(new.number)
    .bind(new.title.clone())
    .bind(new.analysis.clone())
    .bind(steps_json(&new.steps)?)
    .bind(opt_date_text(new.period_start))
    .bind(opt_date_text(new.period_end))
    .bind(new.period_text.clone())
    .bind(new.status.as_str())
    .bind(new.outcome.clone())
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    let id = MeasureId(sqlx::Row::try_get(&row, "id")?);
    write_children(tx, id, &new).await?;
    fetch(tx, id).await
}

/// Replaces the links and units of a measure; every unit must exist and belong to the agency.
async fn write_children(tx: &mut Tx, id: MeasureId, new: &NewMeasure) -> Result<(), DbError> {
    sqlx::query("DELETE FROM measure_links WHERE measure_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM measure_units WHERE measure_id = $1")
        .bind(id.0)
        .execute(&mut **tx)
        .await?;
    for (position, code) in (0i64..).zip(&new.links) {
        sqlx::query("INSERT INTO measure_links (measure_id, position, code) VALUES ($1, $2, $3)")
            .bind(id.0)
            .bind(position)
            .bind(code.clone())
            .execute(&mut **tx)
            .await?;
    }
    for (position, unit_id) in (0i64..).zip(&new.unit_ids) {
        let unit = crate::units::fetch(tx, *unit_id).await?;
        if unit.agency_id != new.agency_id {
            return Err(DbError::Invalid(format!(
                "unit {unit_id} belongs to agency {}, not {}",
                unit.agency_id, new.agency_id
            )));
        }
        sqlx::query(
            "INSERT INTO measure_units (measure_id, position, unit_id) VALUES ($1, $2, $3)",
        )
        .bind(id.0)
        .bind(position)
        .bind(unit_id.0)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

pub(super) fn change(
    m: &Measure,
    action: &'static str,
    before: Option<&Measure>,
    after: Option<&Measure>,
) -> Result<Change, DbError> {
    Ok(Change {
        entity: "measure",
        entity_id: m.id.0,
        action,
        before: before.map(json).transpose()?,
        after: after.map(json).transpose()?,
        agency_id: Some(m.agency_id),
    })
}

/// Creates a measure with its links and units in one transaction. `number: 0` takes the year's next
/// number; a number already used in the year is a `Conflict`.
pub async fn create(db: &Db, actor: &Actor, new: NewMeasure) -> Result<Measure, DbError> {
    let mut out = create_many(db, actor, vec![new]).await?;
    out.pop()
        .ok_or_else(|| DbError::Invalid("no measure created".into()))
}

/// Creates several measures in one transaction (e.g. confirming a document import): all or none.
/// Measures with `number: 0` are numbered after the year's highest number, in the order given. Should
/// another writer take an assigned number first (it cannot while the agency lock holds, but the unique
/// index is the last word), the whole transaction is tried again, a bounded number of times.
pub async fn create_many(
    db: &Db,
    actor: &Actor,
    news: Vec<NewMeasure>,
) -> Result<Vec<Measure>, DbError> {
    let news = news.into_iter().map(check).collect::<Result<Vec<_>, _>>()?;
    let assigned = news.iter().any(|n| n.number <= 0);
    let mut attempt = 0;
    loop {
        attempt += 1;
        match create_once(db, actor, news.clone()).await {
            Err(DbError::Conflict(_)) if assigned && attempt < NUMBER_ATTEMPTS => continue,
            other => return other,
        }
    }
}

async fn create_once(
    db: &Db,
    actor: &Actor,
    news: Vec<NewMeasure>,
) -> Result<Vec<Measure>, DbError> {
    let mut tx = db.begin().await?;
    let mut out = Vec::with_capacity(news.len());
    for new in news {
        let m = insert(&mut tx, new).await?;
        audit::record(&mut tx, actor, change(&m, "create", None, Some(&m))?).await?;
        out.push(m);
    }
    tx.commit().await?;
    Ok(out)
}

/// Replaces every editable field, links and units included. The agency cannot change.
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: MeasureId,
    new: NewMeasure,
) -> Result<Measure, DbError> {
    let new = check(new)?;
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    if before.agency_id != new.agency_id {
        return Err(DbError::Invalid(
            "a measure cannot move to another agency".into(),
        ));
    }
    sqlx::query(
        "UPDATE measures SET fiscal_year = $1, number = $2, title = $3, analysis = $4, steps = $5, \
         period_start = $6, period_end = $7, period_text = $8, status = $9, outcome = $10, \
         updated_at = $11 WHERE id = $12",
    )
    .bind(i64::from(new.fiscal_year))
    .bind(new.number)
    .bind(new.title.clone())
    .bind(new.analysis.clone())
    .bind(steps_json(&new.steps)?)
    .bind(opt_date_text(new.period_start))
    .bind(opt_date_text(new.period_end))
    .bind(new.period_text.clone())
    .bind(new.status.as_str())
    .bind(new.outcome.clone())
    .bind(ts_text(now()))
    .bind(id.0)
    .execute(&mut *tx)
    .await?;
    write_children(&mut tx, id, &new).await?;
    let after = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        change(&after, "update", Some(&before), Some(&after))?,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Changes only the status.
pub async fn set_status(
    db: &Db,
    actor: &Actor,
    id: MeasureId,
    status: MeasureStatus,
) -> Result<Measure, DbError> {
    let sql = "UPDATE measures SET status = $1, updated_at = $2 WHERE id = $3";
    set_one(db, actor, id, sql, status.as_str().to_owned(), "set_status").await
}

/// Changes only the outcome text.
pub async fn set_outcome(
    db: &Db,
    actor: &Actor,
    id: MeasureId,
    outcome: &str,
) -> Result<Measure, DbError> {
    let sql = "UPDATE measures SET outcome = $1, updated_at = $2 WHERE id = $3";
    set_one(db, actor, id, sql, outcome.trim().to_owned(), "set_outcome").await
}

/// Runs `sql` (one column set to `$1`, `updated_at` to `$2`, for measure `$3`) and audits it as
/// `action`, before → after, in one transaction.
async fn set_one(
    db: &Db,
    actor: &Actor,
    id: MeasureId,
    sql: &'static str,
    value: String,
    action: &'static str,
) -> Result<Measure, DbError> {
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    sqlx::query(sql)
        .bind(value)
        .bind(ts_text(now()))
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    let after = fetch(&mut tx, id).await?;
    audit::record(
        &mut tx,
        actor,
        change(&after, action, Some(&before), Some(&after))?,
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Deletes a measure with its links, units, progress entries and evidence; each deletion is audited.
pub async fn delete(db: &Db, actor: &Actor, id: MeasureId) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    let before = fetch(&mut tx, id).await?;
    crate::evidence::delete_for_measure(&mut tx, actor, &before).await?;
    crate::progress::delete_for_measure(&mut tx, actor, &before).await?;
    sqlx::query("DELETE FROM measure_links WHERE measure_id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM measure_units WHERE measure_id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM measures WHERE id = $1")
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
