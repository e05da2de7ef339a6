//! Scores of an agency's year: the grid (`show`, `grid::save`), file upload (`upload`) and pasted text (`paste`).
//!
//! Every way ends in the same place: a complete, valid sheet is saved in one call (one transaction);
//! anything wrong re-renders the page with 422, the user's input kept and each problem at its field/row.

pub mod grid;
pub mod official;
pub mod paste;
pub mod upload;

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use prongsai_db::{AgencyId, agencies::Agency, assessments};
use prongsai_domain::Framework;
use prongsai_domain::scoring::{ScoreResult, ScoreSheet};

use super::{Notice, agency_for};
use crate::app::AppState;
use crate::assessment::{complete_result, framework, pairs_of};
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::error::{FieldError, WebError};
use crate::views::layout::{Layout, Section};
use crate::views::{format, render};

/// One input of the grid.
pub struct GridRow {
    /// Code (`i1`, `O12`, `ind3`).
    pub code: String,
    /// Question text or OIT item title.
    pub text: String,
    /// The value as typed or stored.
    pub value: String,
    /// What is wrong with it.
    pub error: Option<String>,
    /// OIT item (มี/ไม่มี).
    pub oit: bool,
}

/// The rows of one indicator.
pub struct GridGroup {
    /// "1. การปฏิบัติหน้าที่ (IIT)".
    pub heading: String,
    /// A line of help under the heading ("" for none).
    pub help: String,
    /// Its inputs.
    pub rows: Vec<GridRow>,
}

#[derive(Template)]
#[template(path = "scores.html")]
struct ScoresPage {
    layout: Layout,
    base: String,
    groups: Vec<GridGroup>,
    can_edit: bool,
    errors: Vec<FieldError>,
    upload_errors: Vec<String>,
    paste_errors: Vec<String>,
    paste_text: String,
    max_upload_mb: usize,
    official: official::OfficialForm,
    provisional: Option<String>,
}

/// What a re-rendered page shows besides the grid.
#[derive(Default)]
pub struct Feedback {
    /// Typed grid values by code (when re-rendering a failed grid).
    pub typed: Option<BTreeMap<String, String>>,
    /// Grid field errors (field = code).
    pub errors: Vec<FieldError>,
    /// Upload problems, one line each.
    pub upload_errors: Vec<String>,
    /// Paste problems, one line each.
    pub paste_errors: Vec<String>,
    /// Pasted text to keep.
    pub paste_text: String,
    /// Typed official-result fields (when re-rendering a failed save).
    pub official_typed: Option<BTreeMap<String, String>>,
    /// Official-result field errors.
    pub official_errors: Vec<FieldError>,
}

/// The whole-tool inputs (`IIT`, `EIT` or `EP`/`ES`, `OIT`) of the grid.
pub fn whole_tools(
    fw: &Framework,
    values: &BTreeMap<String, String>,
    errors: &[FieldError],
    heading: &str,
    help: &str,
) -> GridGroup {
    let mut rows = Vec::new();
    for t in &fw.tools {
        let mut codes = vec![(t.code.as_str().to_string(), t.name_th.clone())];
        codes.extend(
            t.parts
                .iter()
                .map(|p| (p.prefix.as_str().to_string(), p.name_th.clone())),
        );
        for (code, text) in codes {
            rows.push(GridRow {
                value: values.get(&code).cloned().unwrap_or_default(),
                error: errors
                    .iter()
                    .filter(|e| e.field == code)
                    .map(|e| e.message.clone())
                    .reduce(|a, b| format!("{a} {b}")),
                code,
                text,
                oit: false,
            });
        }
    }
    GridGroup {
        heading: heading.to_string(),
        help: help.to_string(),
        rows,
    }
}

/// The grid rows of a framework: indicator-only indicators as `ind<N>`, the others per question/item.
pub fn groups(
    fw: &Framework,
    values: &BTreeMap<String, String>,
    errors: &[FieldError],
    wording_unpublished: &str,
) -> Vec<GridGroup> {
    let err_of = |code: &str| {
        errors
            .iter()
            .filter(|e| e.field == code)
            .map(|e| e.message.clone())
            .reduce(|a, b| format!("{a} {b}"))
    };
    let row = |code: String, text: String, oit: bool| GridRow {
        value: values.get(&code).cloned().unwrap_or_default(),
        error: err_of(&code),
        code,
        text,
        oit,
    };
    fw.indicators
        .iter()
        .map(|ind| {
            let mut rows = Vec::new();
            if ind.indicator_only {
                rows.push(row(
                    format!("ind{}", ind.number),
                    ind.name_th.clone(),
                    false,
                ));
            }
            for q in fw.questions.iter().filter(|q| q.indicator == ind.number) {
                let text = if q.text_th.is_empty() {
                    format!("({})", wording_unpublished)
                } else {
                    q.text_th.clone()
                };
                rows.push(row(q.code.to_string(), text, false));
            }
            for o in fw.oit_items.iter().filter(|o| o.indicator == ind.number) {
                rows.push(row(o.code.to_string(), o.title_th.clone(), true));
            }
            GridGroup {
                heading: format!("{}. {} ({})", ind.number, ind.name_th, ind.tool.as_str()),
                help: String::new(),
                rows,
            }
        })
        .collect()
}

/// Shows a stored value in the grid: OIT items as มี/ไม่มี, others as numbers.
fn shown(fw: &Framework, code: &str, v: f64) -> String {
    let oit = code
        .parse::<prongsai_domain::Code>()
        .ok()
        .is_some_and(|c| fw.oit_item(c).is_some());
    if oit {
        if v >= 100.0 {
            "มี".into()
        } else {
            "ไม่มี".into()
        }
    } else {
        format!("{v}")
    }
}

/// Renders the page for `agency`/`year` with `fb`; `status` 200 or 422.
pub async fn page(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    year: u16,
    fb: Feedback,
    status: StatusCode,
    notice: Option<&str>,
) -> Result<Response, WebError> {
    let resolved = crate::assessment::resolve(app, year)?;
    let fw = resolved.framework;
    let stored_official = assessments::official(&app.db, agency.id, year).await?;
    let values = match fb.typed {
        Some(v) => v,
        None => assessments::get(&app.db, agency.id, year)
            .await?
            .map(|a| {
                a.scores
                    .iter()
                    .map(|(c, v)| (c.clone(), shown(fw, c, *v)))
                    .collect()
            })
            .unwrap_or_default(),
    };
    let t = ctx.t();
    let mut layout = ctx
        .layout(format!(
            "{} · {} {}",
            t.scores_title,
            t.fiscal_year,
            format::year(year, ctx.lang)
        ))
        .agency_nav(&ctx.me, agency, year, Section::Scores);
    if let Some(n) = notice {
        layout = layout.notice(n);
    }
    let p = ScoresPage {
        layout,
        base: format!("/agencies/{}/years/{year}/scores", agency.id),
        official: official::form(
            fw,
            stored_official.as_ref(),
            fb.official_typed.as_ref(),
            &fb.official_errors,
            t.results,
        ),
        provisional: format::provisional_note(&resolved, ctx.lang),
        // The whole-tool inputs come last: most agencies enter questions.
        groups: {
            let mut g = groups(fw, &values, &fb.errors, t.results.wording_unpublished);
            g.push(whole_tools(
                fw,
                &values,
                &fb.errors,
                t.results.whole_tools,
                t.results.whole_tools_help,
            ));
            g
        },
        can_edit: authz::can(&ctx.me, Action::EditScores, &Resource::agency(agency)),
        errors: fb.errors,
        upload_errors: fb.upload_errors,
        paste_errors: fb.paste_errors,
        paste_text: fb.paste_text,
        max_upload_mb: app.config.max_upload_bytes / (1024 * 1024),
    };
    Ok((status, render(&p)?).into_response())
}

/// `GET /agencies/{id}/years/{year}/scores`.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Query(n): Query<Notice>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let notice = n.saved.map(|_| ctx.t().saved);
    page(
        &app,
        &ctx,
        &agency,
        year,
        Feedback::default(),
        StatusCode::OK,
        notice,
    )
    .await
}

/// Checks completeness and saves; `Err` carries the field errors to show.
pub async fn save_sheet(
    app: &AppState,
    ctx: &PageCtx,
    agency: &Agency,
    year: u16,
    sheet: &ScoreSheet,
    source: &str,
) -> Result<Result<ScoreResult, Vec<FieldError>>, WebError> {
    let fw = framework(app, year)?;
    let result = match complete_result(fw, sheet) {
        Ok(r) => r,
        Err(errors) => return Ok(Err(errors)),
    };
    assessments::put_scores(
        &app.db,
        &ctx.me.actor(),
        agency.id,
        year,
        source,
        &pairs_of(sheet),
    )
    .await?;
    Ok(Ok(result))
}

/// Where to go after a successful save.
pub fn saved_redirect(agency: &Agency, year: u16) -> Response {
    axum::response::Redirect::to(&format!(
        "/agencies/{}/years/{year}/scores?saved=1",
        agency.id
    ))
    .into_response()
}
