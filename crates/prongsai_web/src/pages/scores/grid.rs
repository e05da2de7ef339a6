//! `POST /agencies/{id}/years/{year}/scores`: the grid form (`s_<code>` fields).

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use prongsai_db::AgencyId;
use prongsai_domain::scoring::oit_mark;
use prongsai_domain::thai::parse_decimal;

use super::{Feedback, page, save_sheet, saved_redirect};
use crate::app::AppState;
use crate::assessment::{framework, sheet_from_pairs};
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::{FieldError, WebError};
use crate::pages::agency_for;

/// Reads one grid value: OIT items take มี/ไม่มี/100/0, the rest a number with Thai or Arabic digits.
pub fn read_value(text: &str, oit: bool) -> Option<f64> {
    if oit {
        oit_mark(text).or_else(|| parse_decimal(text))
    } else {
        parse_decimal(text)
    }
}

/// `POST` of the grid.
pub async fn save(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditScores).await?;
    let fw = framework(&app, year)?;
    let t = ctx.t();
    let mut typed = BTreeMap::new();
    let mut pairs = Vec::new();
    let mut errors = Vec::new();
    for (name, value) in fields {
        let Some(code) = name.strip_prefix("s_") else {
            continue;
        };
        let value = value.trim().to_string();
        if !value.is_empty() {
            let oit = code.parse().ok().is_some_and(|c| fw.oit_item(c).is_some());
            match read_value(&value, oit) {
                Some(v) => pairs.push((code.to_string(), v)),
                None => errors.push(FieldError {
                    field: code.to_string(),
                    message: format!("{} (\"{value}\")", t.err_not_number),
                }),
            }
        }
        typed.insert(code.to_string(), value);
    }
    // Check the values that were numbers even when others were not, so every mistake of one
    // save is shown at its field at once; save only when there is none.
    match sheet_from_pairs(fw, &pairs, str::to_string) {
        Ok(sheet) if errors.is_empty() => {
            match save_sheet(&app, &ctx, &agency, year, &sheet, "grid").await? {
                Ok(_) => return Ok(saved_redirect(&agency, year)),
                Err(e) => errors = e,
            }
        }
        Ok(_) => {}
        Err(e) => errors.extend(e),
    }
    let fb = Feedback {
        typed: Some(typed),
        errors,
        ..Feedback::default()
    };
    page(
        &app,
        &ctx,
        &agency,
        year,
        fb,
        StatusCode::UNPROCESSABLE_ENTITY,
        None,
    )
    .await
}
