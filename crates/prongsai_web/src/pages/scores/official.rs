//! `POST /agencies/{id}/years/{year}/scores/official`: the result the NACC published (total, level, tool and
//! indicator scores where published), checked against the year's framework; `remove` deletes it.

use std::collections::BTreeMap;

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use prongsai_db::{AgencyId, assessments};
use prongsai_domain::Framework;
use prongsai_domain::scoring::{OfficialError, OfficialResult, Unit};
use prongsai_domain::thai::parse_decimal;

use super::{Feedback, page};
use crate::app::AppState;
use crate::assessment::framework;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::{FieldError, WebError};
use crate::pages::agency_for;
use crate::texts::ResultTexts;

/// One number input of the form.
pub struct OfficialField {
    /// Form name: `total`, `t_IIT`, `i_3`.
    pub name: String,
    /// Label.
    pub label: String,
    /// Value as typed or stored.
    pub value: String,
    /// What is wrong.
    pub error: Option<String>,
}

/// The official-result form as the scores page shows it.
pub struct OfficialForm {
    /// A result is recorded.
    pub exists: bool,
    /// Total.
    pub total: OfficialField,
    /// The year's labels and the chosen one.
    pub levels: Vec<String>,
    /// Chosen level.
    pub level: String,
    /// Level error.
    pub level_error: Option<String>,
    /// Tool fields (IIT, EIT and EP/ES, OIT), then indicator fields.
    pub groups: Vec<OfficialGroup>,
}

/// A fieldset of the form.
pub struct OfficialGroup {
    /// Legend.
    pub legend: String,
    /// Inputs.
    pub fields: Vec<OfficialField>,
}

/// The units a year publishes tool scores for: IIT, EIT and its parts when split, OIT.
fn units_of(fw: &Framework) -> Vec<Unit> {
    let mut out = Vec::new();
    for t in &fw.tools {
        out.push(Unit::of_tool(t.code));
        out.extend(t.parts.iter().filter_map(|p| Unit::of_part(p.prefix)));
    }
    out
}

/// The form for `fw`, filled from `typed` (a failed save) or from the stored result.
pub fn form(
    fw: &Framework,
    stored: Option<&OfficialResult>,
    typed: Option<&BTreeMap<String, String>>,
    errors: &[FieldError],
    rt: &ResultTexts,
) -> OfficialForm {
    let value = |name: &str, stored_value: Option<f64>| -> String {
        match typed {
            Some(t) => t.get(name).cloned().unwrap_or_default(),
            None => stored_value.map(|v| format!("{v}")).unwrap_or_default(),
        }
    };
    let error = |name: &str| {
        errors
            .iter()
            .find(|e| e.field == name)
            .map(|e| e.message.clone())
    };
    let field = |name: String, label: String, stored_value: Option<f64>| OfficialField {
        value: value(&name, stored_value),
        error: error(&name),
        name,
        label,
    };
    OfficialForm {
        exists: stored.is_some(),
        total: field(
            "total".into(),
            rt.official_total.into(),
            stored.map(|o| o.total),
        ),
        levels: fw.grading.bands.iter().map(|b| b.grade.clone()).collect(),
        level: match typed {
            Some(t) => t.get("level").cloned().unwrap_or_default(),
            None => stored.map(|o| o.level.clone()).unwrap_or_default(),
        },
        level_error: error("level"),
        groups: vec![
            OfficialGroup {
                legend: rt.official_tools.into(),
                fields: units_of(fw)
                    .into_iter()
                    .map(|u| {
                        field(
                            format!("t_{u}"),
                            u.to_string(),
                            stored.and_then(|o| o.tools.get(&u).copied()),
                        )
                    })
                    .collect(),
            },
            OfficialGroup {
                legend: rt.official_indicators.into(),
                fields: fw
                    .indicators
                    .iter()
                    .map(|i| {
                        field(
                            format!("i_{}", i.number),
                            format!("{}. {}", i.number, i.name_th),
                            stored.and_then(|o| o.indicators.get(&i.number).copied()),
                        )
                    })
                    .collect(),
            },
        ],
    }
}

/// Reads the posted fields into a checked result; every problem at its field.
pub fn read(
    fw: &Framework,
    fields: &BTreeMap<String, String>,
    rt: &ResultTexts,
) -> Result<OfficialResult, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut number = |name: &str| -> Option<f64> {
        let text = fields.get(name).map(|s| s.trim()).unwrap_or_default();
        if text.is_empty() {
            return None;
        }
        let v = parse_decimal(text).filter(|v| (0.0..=100.0).contains(v));
        if v.is_none() {
            errors.push(FieldError {
                field: name.into(),
                message: rt.err_number.into(),
            });
        }
        v
    };
    let total = number("total");
    let mut tools = BTreeMap::new();
    for u in units_of(fw) {
        if let Some(v) = number(&format!("t_{u}")) {
            tools.insert(u, v);
        }
    }
    let mut indicators = BTreeMap::new();
    for i in &fw.indicators {
        if let Some(v) = number(&format!("i_{}", i.number)) {
            indicators.insert(i.number, v);
        }
    }
    let level = fields
        .get("level")
        .map(|s| s.trim().to_string())
        .unwrap_or_default();
    if total.is_none() && !errors.iter().any(|e| e.field == "total") {
        errors.push(FieldError {
            field: "total".into(),
            message: rt.err_number.into(),
        });
    }
    if level.is_empty() {
        errors.push(FieldError {
            field: "level".into(),
            message: rt.err_level.into(),
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    OfficialResult {
        total: total.unwrap_or_default(),
        level,
        tools,
        indicators,
    }
    .checked(fw)
    .map_err(|list| list.iter().map(field_error).collect())
}

/// A domain error at its form field.
fn field_error(e: &OfficialError) -> FieldError {
    let field = match e {
        OfficialError::OutOfRange { field, .. } if field == "total" => "total".to_string(),
        OfficialError::OutOfRange { field, .. } => match field.strip_prefix("ind") {
            Some(n) => format!("i_{n}"),
            None => format!("t_{field}"),
        },
        OfficialError::UnknownLevel { .. } => "level".into(),
        OfficialError::UnknownUnit { unit, .. } => format!("t_{unit}"),
        OfficialError::UnknownIndicator { number, .. } => format!("i_{number}"),
    };
    FieldError {
        field,
        message: e.to_string(),
    }
}

/// `POST` of the official-result form.
pub async fn save(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::EditScores).await?;
    let fw = framework(&app, year)?;
    let rt = ctx.t().results;
    let fields: BTreeMap<String, String> =
        fields.into_iter().filter(|(k, _)| k != "csrf").collect();
    if fields.contains_key("remove") {
        assessments::put_official(&app.db, &ctx.me.actor(), agency.id, year, None, "web").await?;
        return Ok(axum::response::Redirect::to(&format!(
            "/agencies/{}/years/{year}/scores?saved=1",
            agency.id
        ))
        .into_response());
    }
    match read(fw, &fields, rt) {
        Ok(o) => {
            assessments::put_official(&app.db, &ctx.me.actor(), agency.id, year, Some(&o), "web")
                .await?;
            Ok(axum::response::Redirect::to(&format!(
                "/agencies/{}/years/{year}/scores?saved=1#official",
                agency.id
            ))
            .into_response())
        }
        Err(errors) => {
            let fb = Feedback {
                official_typed: Some(fields),
                official_errors: errors,
                ..Feedback::default()
            };
            page(
                &app,
                &ctx,
                &agency,
                year,
                fb,
                StatusCode::UNPROCESSABLE_ENTITY,
                Some(rt.err_not_saved),
            )
            .await
        }
    }
}
