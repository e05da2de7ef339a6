//! Measures of an agency's year: list, create (blank or from a finding), edit, copy last year's, detail with timeline.

pub mod copy;
pub mod form;
pub mod from_finding;
pub mod input;
pub mod show;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::measures::{self, Measure};
use prongsai_db::{AgencyId, agencies::Agency, units};

use super::{Notice, agency_for};
use crate::app::{App, AppState};
use crate::auth::{PageCtx, Principal};
use crate::authz::{self, Action, Resource};
use crate::error::WebError;
use crate::views::layout::{Layout, Section};
use crate::views::{dates, format, render};

/// A measure row of the list.
struct MeasureRow {
    id: i64,
    number: i64,
    title: String,
    period: String,
    status: &'static str,
    units: String,
}

#[derive(Template)]
#[template(path = "measures.html")]
struct MeasuresPage {
    layout: Layout,
    base: String,
    rows: Vec<MeasureRow>,
    can_create: bool,
    previous_year: String,
}

/// The period as shown: the dates in BE when known, else the text.
pub fn period_label(m: &Measure, lang: crate::config::Language) -> String {
    match (m.period_start, m.period_end) {
        (Some(s), Some(e)) => format!("{} – {}", dates::show(s, lang), dates::show(e, lang)),
        (Some(s), None) => dates::show(s, lang),
        (None, Some(e)) => format!("– {}", dates::show(e, lang)),
        (None, None) => m.period_text.clone(),
    }
}

/// Loads a measure with its agency and checks `action` on it.
pub async fn measure_for(
    app: &App,
    me: &Principal,
    id: i64,
    action: Action,
) -> Result<(Measure, Agency), WebError> {
    let m = measures::get(&app.db, prongsai_db::MeasureId::from(id)).await?;
    let agency = prongsai_db::agencies::get(&app.db, m.agency_id).await?;
    authz::require(me, action, &Resource::measure(&agency, &m.unit_ids))?;
    Ok((m, agency))
}

/// `GET /agencies/{id}/years/{year}/measures`.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, year)): Path<(i64, u16)>,
    Query(n): Query<Notice>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let unit_list = units::list(&app.db, agency.id).await?;
    let rows = measures::list(&app.db, agency.id, year)
        .await?
        .iter()
        .map(|m| MeasureRow {
            id: m.id.0,
            number: m.number,
            title: m.title.clone(),
            period: period_label(m, ctx.lang),
            status: m.status.label_th(),
            units: unit_list
                .iter()
                .filter(|u| m.unit_ids.contains(&u.id))
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        })
        .collect();
    let t = ctx.t();
    let mut layout = ctx
        .layout(format!(
            "{} · {}",
            t.measures_title,
            format::year(year, ctx.lang)
        ))
        .agency_nav(&ctx.me, &agency, year, Section::Measures);
    if let Some(c) = n.copied {
        layout = layout.notice(format!("{} ({c})", t.copied));
    } else if n.saved.is_some() {
        layout = layout.notice(t.saved);
    }
    let page = MeasuresPage {
        layout,
        base: format!("/agencies/{}/years/{year}/measures", agency.id),
        rows,
        can_create: authz::can(&ctx.me, Action::CreateMeasure, &Resource::agency(&agency)),
        previous_year: format::year(year.saturating_sub(1), ctx.lang),
    };
    Ok(render(&page)?.into_response())
}
