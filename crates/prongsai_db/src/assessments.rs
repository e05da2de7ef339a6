//! Assessments: one score set per agency and fiscal year, stored exactly as entered (and as hundredths for
//! older readers); the official result the NACC published, per agency and year.

use std::collections::HashSet;

use jiff::Timestamp;
use prongsai_domain::scoring::{OfficialResult, ScoreKey, round2};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Change};
use crate::db::Tx;
use crate::time::{now, parse_ts, ts_text};
use crate::{Actor, AgencyId, AssessmentId, Db, DbError};

/// An agency's scores for one fiscal year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// Id.
    pub id: AssessmentId,
    /// The agency.
    pub agency_id: AgencyId,
    /// Buddhist-era fiscal year, e.g. 2568.
    pub fiscal_year: u16,
    /// Where the scores came from: `manual`, `csv:file.csv`, `paste`, `import`, `demo` …
    pub source: String,
    /// When the scores were last replaced (UTC).
    pub updated_at: Timestamp,
    /// `(code, score)` pairs, codes canonical (`i7`, `O10`, `ind3`, whole tools `IIT` …), sorted by code;
    /// scores exactly as entered.
    pub scores: Vec<(String, f64)>,
}

/// A score as stored: hundredths, rounded half away from zero (99.38 → 9938, 84.995 → 8500).
pub fn to_hundredths(score: f64) -> i64 {
    // round2 already absorbs float noise at half-hundredths; the product is then within 1e-9 of an integer.
    (round2(score) * 100.0).round() as i64
}

/// A stored score back as a number (9938 → 99.38).
pub fn from_hundredths(hundredths: i64) -> f64 {
    hundredths as f64 / 100.0
}

/// Canonicalises and checks codes and scores: codes valid and unique, scores finite and within 0–100.
fn check(scores: &[(String, f64)]) -> Result<Vec<(ScoreKey, f64)>, DbError> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(scores.len());
    for (code, score) in scores {
        let parsed: ScoreKey = code.parse().map_err(|e| DbError::Invalid(format!("{e}")))?;
        if !seen.insert(parsed) {
            return Err(DbError::Invalid(format!("code {parsed} appears twice")));
        }
        if !score.is_finite() || !(0.0..=100.0).contains(score) {
            return Err(DbError::Invalid(format!(
                "score {score} of {parsed} is not within 0–100"
            )));
        }
        out.push((parsed, *score));
    }
    out.sort_by_key(|(k, _)| *k);
    Ok(out)
}

/// Replaces the whole score set of an agency's fiscal year atomically (creating the assessment if needed).
pub async fn put_scores(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    fiscal_year: u16,
    source: &str,
    scores: &[(String, f64)],
) -> Result<Assessment, DbError> {
    let scores = check(scores)?;
    let mut tx = db.begin().await?;
    crate::agencies::fetch(&mut tx, agency).await?;
    let before = fetch(&mut tx, agency, fiscal_year).await?;
    let at = now();
    let row = sqlx::query(
        "INSERT INTO assessments (agency_id, fiscal_year, source, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $4) \
         ON CONFLICT (agency_id, fiscal_year) DO UPDATE SET source = excluded.source, \
         updated_at = excluded.updated_at RETURNING id",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .bind(source.trim().to_string())
    .bind(ts_text(at))
    .fetch_one(&mut *tx)
    .await?;
    let id = AssessmentId(row.try_get("id")?);
    sqlx::query("DELETE FROM assessment_scores WHERE assessment_id = $1")
        .bind(id.0)
        .execute(&mut *tx)
        .await?;
    for (code, score) in &scores {
        sqlx::query(
            "INSERT INTO assessment_scores (assessment_id, code, score_hundredths, score_exact) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id.0)
        .bind(code.to_string())
        .bind(to_hundredths(*score))
        // Rust prints the shortest text that parses back to the same f64.
        .bind(score.to_string())
        .execute(&mut *tx)
        .await?;
    }
    let after = fetch(&mut tx, agency, fiscal_year)
        .await?
        .ok_or_else(|| DbError::not_found("assessment", id))?;
    audit::record(
        &mut tx,
        actor,
        Change {
            entity: "assessment",
            entity_id: id.0,
            action: "put_scores",
            before: before.as_ref().map(audit_json),
            after: Some(audit_json(&after)),
            agency_id: Some(agency),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// The audit view of an assessment: source, year and scores as a code → score object.
fn audit_json(a: &Assessment) -> serde_json::Value {
    let scores: serde_json::Map<String, serde_json::Value> = a
        .scores
        .iter()
        .map(|(c, s)| (c.clone(), serde_json::json!(s)))
        .collect();
    serde_json::json!({ "fiscal_year": a.fiscal_year, "source": a.source, "scores": scores })
}

/// The assessment of an agency's fiscal year, if any.
pub async fn get(
    db: &Db,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Option<Assessment>, DbError> {
    let mut tx = db.pool().begin().await?;
    let a = fetch(&mut tx, agency, fiscal_year).await?;
    tx.commit().await?;
    Ok(a)
}

/// The fiscal years an agency has scores for, ascending.
pub async fn years(db: &Db, agency: AgencyId) -> Result<Vec<u16>, DbError> {
    let rows = sqlx::query(
        "SELECT fiscal_year FROM assessments WHERE agency_id = $1 ORDER BY fiscal_year",
    )
    .bind(agency.0)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(|r| year_of(r, "fiscal_year")).collect()
}

/// The fiscal years any agency of `province` has scores for, ascending and without duplicates.
pub async fn years_in_province(db: &Db, province: &str) -> Result<Vec<u16>, DbError> {
    let rows = sqlx::query(
        "SELECT DISTINCT fiscal_year FROM assessments \
         WHERE agency_id IN (SELECT id FROM agencies WHERE province = $1) ORDER BY fiscal_year",
    )
    .bind(province.trim().to_string())
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(|r| year_of(r, "fiscal_year")).collect()
}

pub(crate) fn year_of(row: &AnyRow, col: &str) -> Result<u16, DbError> {
    let y: i64 = row.try_get(col)?;
    u16::try_from(y).map_err(|_| crate::error::corrupt("fiscal year", &y.to_string()))
}

async fn fetch(
    tx: &mut Tx,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Option<Assessment>, DbError> {
    let Some(row) = sqlx::query(
        "SELECT id, agency_id, fiscal_year, source, updated_at FROM assessments \
         WHERE agency_id = $1 AND fiscal_year = $2",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .fetch_optional(&mut **tx)
    .await?
    else {
        return Ok(None);
    };
    let id = AssessmentId(row.try_get("id")?);
    let rows = sqlx::query(
        "SELECT code, score_hundredths, score_exact FROM assessment_scores WHERE assessment_id = $1",
    )
    .bind(id.0)
    .fetch_all(&mut **tx)
    .await?;
    let mut scores = Vec::with_capacity(rows.len());
    for r in &rows {
        let code: String = r.try_get("code")?;
        let h: i64 = r.try_get("score_hundredths")?;
        let exact: Option<String> = r.try_get("score_exact")?;
        let value = match exact {
            Some(t) => t
                .parse::<f64>()
                .map_err(|_| crate::error::corrupt("score", &t))?,
            None => from_hundredths(h),
        };
        let key = code.parse::<ScoreKey>().ok();
        scores.push((key, code, value));
    }
    scores.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    let updated: String = row.try_get("updated_at")?;
    Ok(Some(Assessment {
        id,
        agency_id: AgencyId(row.try_get("agency_id")?),
        fiscal_year: year_of(&row, "fiscal_year")?,
        source: row.try_get("source")?,
        updated_at: parse_ts(&updated)?,
        scores: scores.into_iter().map(|(_, c, s)| (c, s)).collect(),
    }))
}

/// The official result of an agency's year, when recorded.
pub async fn official(
    db: &Db,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Option<OfficialResult>, DbError> {
    let mut tx = db.pool().begin().await?;
    let o = fetch_official(&mut tx, agency, fiscal_year).await?;
    tx.commit().await?;
    Ok(o)
}

async fn fetch_official(
    tx: &mut Tx,
    agency: AgencyId,
    fiscal_year: u16,
) -> Result<Option<OfficialResult>, DbError> {
    let row = sqlx::query(
        "SELECT result_json FROM official_results WHERE agency_id = $1 AND fiscal_year = $2",
    )
    .bind(agency.0)
    .bind(i64::from(fiscal_year))
    .fetch_optional(&mut **tx)
    .await?;
    match row {
        None => Ok(None),
        Some(r) => {
            let text: String = r.try_get("result_json")?;
            serde_json::from_str(&text)
                .map(Some)
                .map_err(|_| crate::error::corrupt("official result", &text))
        }
    }
}

/// Records (or replaces) the official result of an agency's year; `None` removes it. Audited.
/// The caller checks the result against the year's framework ([`OfficialResult::checked`]).
pub async fn put_official(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    fiscal_year: u16,
    result: Option<&OfficialResult>,
    source: &str,
) -> Result<(), DbError> {
    let mut tx = db.begin().await?;
    crate::agencies::fetch(&mut tx, agency).await?;
    let before = fetch_official(&mut tx, agency, fiscal_year).await?;
    sqlx::query("DELETE FROM official_results WHERE agency_id = $1 AND fiscal_year = $2")
        .bind(agency.0)
        .bind(i64::from(fiscal_year))
        .execute(&mut *tx)
        .await?;
    if let Some(o) = result {
        let json = serde_json::to_string(o).map_err(|e| DbError::Invalid(e.to_string()))?;
        sqlx::query(
            "INSERT INTO official_results (agency_id, fiscal_year, result_json, source, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(agency.0)
        .bind(i64::from(fiscal_year))
        .bind(json)
        .bind(source.trim().to_string())
        .bind(ts_text(now()))
        .execute(&mut *tx)
        .await?;
    }
    let view =
        |o: &OfficialResult| serde_json::json!({ "fiscal_year": fiscal_year, "official": o });
    audit::record(
        &mut tx,
        actor,
        Change {
            entity: "official_result",
            entity_id: i64::from(fiscal_year),
            action: if result.is_some() {
                "put_official"
            } else {
                "delete_official"
            },
            before: before.as_ref().map(view),
            after: result.map(view),
            agency_id: Some(agency),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hundredths_round_trip_exactly() {
        for (score, h) in [
            (99.38, 9938),
            (84.995, 8500),
            (0.0, 0),
            (100.0, 10000),
            (56.7, 5670),
        ] {
            assert_eq!(to_hundredths(score), h, "{score}");
        }
        assert_eq!(from_hundredths(9938), 99.38);
        for h in 0..=10000 {
            assert_eq!(to_hundredths(from_hundredths(h)), h);
        }
    }
}
