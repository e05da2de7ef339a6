//! `POST /agencies/{id}/years/{year}/scores/paste`: the text of a results page, one "code … score" per line.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use prongsai_db::AgencyId;
use prongsai_domain::Framework;
use prongsai_domain::scoring::{ScoreSheet, Unit};
use prongsai_domain::thai::{CodeContext, is_blank, split_leading_code};
use serde::Deserialize;

use super::grid::read_value;
use super::{Feedback, page, save_sheet, saved_redirect};
use crate::app::AppState;
use crate::assessment::framework;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::agency_for;
use crate::texts::Texts;

/// The paste form.
#[derive(Debug, Deserialize)]
pub struct PasteForm {
    text: String,
}

/// Reads pasted lines into a sheet: code first, score last (text between is ignored);
/// every bad line is reported with its number.
pub fn parse_pasted(fw: &Framework, text: &str, t: &Texts) -> Result<ScoreSheet, Vec<String>> {
    let mut sheet = ScoreSheet::new();
    let mut errors = Vec::new();
    let line_word = if t.lang == "th" {
        "บรรทัด"
    } else {
        "line"
    };
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.trim_matches(is_blank).is_empty() {
            continue;
        }
        // A whole tool ("IIT 96.50", "EIT ส่วนที่ ๑ … EP 97.00" starts with its code).
        let trimmed = line.trim_start_matches(is_blank);
        let first = trimmed.split(is_blank).next().unwrap_or("");
        if let Ok(unit) = first.parse::<Unit>() {
            let last = trimmed
                .split(is_blank)
                .rfind(|s| !s.is_empty())
                .unwrap_or("");
            match read_value(last, false) {
                Some(v) if last != first => {
                    if let Err(e) = sheet.set_unit(fw, unit, v) {
                        errors.push(format!("{line_word} {n}: {e}"));
                    }
                }
                _ => errors.push(format!(
                    "{line_word} {n}: {unit} {} (\"{last}\")",
                    t.err_not_number
                )),
            }
            continue;
        }
        let Some((code, rest)) = split_leading_code(line, CodeContext::Any) else {
            errors.push(format!(
                "{line_word} {n}: ไม่พบรหัสข้อที่ต้นบรรทัด \"{}\"",
                line.trim()
            ));
            continue;
        };
        let last = rest
            .split(|c: char| is_blank(c))
            .rfind(|s| !s.is_empty())
            .unwrap_or("");
        let oit = fw.oit_item(code).is_some();
        let Some(v) = read_value(last, oit) else {
            errors.push(format!(
                "{line_word} {n}: {code} {} (\"{last}\")",
                t.err_not_number
            ));
            continue;
        };
        if let Err(e) = sheet.set(fw, code, v) {
            errors.push(format!("{line_word} {n}: {e}"));
        }
    }
    if errors.is_empty() {
        Ok(sheet)
    } else {
        Err(errors)
    }
}

/// `POST` of the paste form.
pub async fn save(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Form(form): Form<PasteForm>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditScores).await?;
    let fw = framework(&app, year)?;
    let paste_errors = match parse_pasted(fw, &form.text, ctx.t()) {
        Err(e) => e,
        Ok(sheet) => match save_sheet(&app, &ctx, &agency, year, &sheet, "paste").await? {
            Ok(_) => return Ok(saved_redirect(&agency, year)),
            Err(errors) => errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
        },
    };
    let fb = Feedback {
        paste_errors,
        paste_text: form.text,
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
