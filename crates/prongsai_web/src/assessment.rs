//! Scores of an agency's year as domain values: stored pairs → `ScoreSheet` → `ScoreResult`, and the checks
//! every way of entering scores (grid, upload, paste, API) shares before anything is saved.

use prongsai_db::{AgencyId, assessments};
use prongsai_domain::Framework;
use prongsai_domain::framework::Resolved;
use prongsai_domain::scoring::{ScoreError, ScoreKey, ScoreResult, ScoreSheet, score};

use crate::app::App;
use crate::error::{FieldError, WebError};

/// The framework used for `year` (its own, or the newest one, provisionally, for a year without a file), or
/// 404 outside the open years (the oldest framework's year to next fiscal year).
pub fn resolve(app: &App, year: u16) -> Result<Resolved<'_>, WebError> {
    if !app.open_years().contains(&year) {
        return Err(WebError::NotFound);
    }
    app.catalog.resolve(year).ok_or(WebError::NotFound)
}

/// The framework used for `year` (see [`resolve`]).
pub fn framework(app: &App, year: u16) -> Result<&Framework, WebError> {
    resolve(app, year).map(|r| r.framework)
}

/// Builds a sheet from `(code, score)` pairs; every bad pair is reported under `field_of(code)`.
pub fn sheet_from_pairs(
    fw: &Framework,
    pairs: &[(String, f64)],
    field_of: impl Fn(&str) -> String,
) -> Result<ScoreSheet, Vec<FieldError>> {
    let mut sheet = ScoreSheet::new();
    let mut errors = Vec::new();
    for (code_text, value) in pairs {
        let field = field_of(code_text);
        match code_text.parse::<ScoreKey>() {
            Ok(key) => {
                if let Err(e) = sheet.set_key(fw, key, *value) {
                    errors.push(FieldError {
                        field,
                        message: e.to_string(),
                    });
                }
            }
            Err(e) => errors.push(FieldError {
                field,
                message: format!("รหัสไม่ถูกต้อง: {e}"),
            }),
        }
    }
    if errors.is_empty() {
        Ok(sheet)
    } else {
        Err(errors)
    }
}

/// Scores a complete sheet; a sheet that leaves an indicator uncomputable is refused, naming what is missing.
pub fn complete_result(fw: &Framework, sheet: &ScoreSheet) -> Result<ScoreResult, Vec<FieldError>> {
    score(fw, sheet).map_err(|e| match e {
        // One message per indicator, at its first missing field.
        ScoreError::Missing(list) => list
            .iter()
            .filter_map(|m| {
                m.codes.first().map(|c| FieldError {
                    field: c.to_string(),
                    message: m.to_string(),
                })
            })
            .collect(),
        ScoreError::MissingPart { missing, .. } => vec![FieldError {
            field: missing.to_string(),
            message: e.to_string(),
        }],
    })
}

/// The pairs of a sheet in canonical code order, as stored.
pub fn pairs_of(sheet: &ScoreSheet) -> Vec<(String, f64)> {
    sheet.entries().map(|(k, v)| (k.to_string(), v)).collect()
}

/// The stored scores of a year as a result, when there are scores and a framework for the year.
pub async fn stored_result(
    app: &App,
    agency: AgencyId,
    year: u16,
) -> Result<Option<ScoreResult>, WebError> {
    let Ok(fw) = framework(app, year) else {
        return Ok(None);
    };
    let Some(a) = assessments::get(&app.db, agency, year).await? else {
        return Ok(None);
    };
    let sheet = sheet_from_pairs(fw, &a.scores, |c| c.to_string()).map_err(|e| {
        WebError::Internal(format!(
            "stored scores of agency {agency} year {year} do not fit: {e:?}"
        ))
    })?;
    // Stored sets were complete when saved; if a framework fix makes one incomplete, show no result.
    Ok(score(fw, &sheet).ok())
}
