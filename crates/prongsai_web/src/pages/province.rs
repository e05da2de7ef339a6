//! `GET /provinces/{name}?year=`: every agency of a province with its score, grade and measures status.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::measures::{self, MeasureStatus};
use prongsai_db::{agencies, assessments};

use super::{YearQuery, default_year};
use crate::app::AppState;
use crate::assessment::stored_result;
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::error::WebError;
use crate::views::layout::Layout;
use crate::views::{format, render};

struct Row {
    id: i64,
    name: String,
    district: String,
    total: String,
    grade: String,
    passed: Option<bool>,
    measures: i64,
    done: i64,
}

#[derive(Template)]
#[template(path = "province.html")]
struct ProvincePage {
    layout: Layout,
    rows: Vec<Row>,
}

/// `GET` the overview.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(name): Path<String>,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    authz::require(&ctx.me, Action::Read, &Resource::Province(&name))?;
    let year = match q.year {
        Some(y) => y,
        None => default_year(&app, &assessments::years_in_province(&app.db, &name).await?),
    };
    let mut rows = Vec::new();
    for a in agencies::list_by_province(&app.db, &name).await? {
        let result = stored_result(&app, a.id, year).await?;
        // Public figures: the NACC's published result where the agency recorded it.
        let official = assessments::official(&app.db, a.id, year).await?;
        let counts = measures::status_counts(&app.db, a.id, year).await?;
        rows.push(Row {
            id: a.id.0,
            name: a.name,
            district: a.district,
            total: match (&official, &result) {
                (Some(o), _) => format::score(o.total),
                (None, Some(r)) => format::score(r.total.value()),
                (None, None) => "–".into(),
            },
            grade: match (&official, &result) {
                (Some(o), _) => o.level.clone(),
                (None, Some(r)) => r.grade.clone(),
                (None, None) => "–".into(),
            },
            passed: match (&official, &result) {
                (Some(o), _) => Some(
                    prongsai_domain::scoring::round2(o.total)
                        >= crate::assessment::framework(&app, year).map_or(85.0, |f| f.pass.mark),
                ),
                (None, r) => r.as_ref().map(|r| r.passed),
            },
            measures: counts.iter().map(|(_, n)| n).sum(),
            done: counts
                .iter()
                .filter(|(s, _)| *s == MeasureStatus::Done)
                .map(|(_, n)| n)
                .sum(),
        });
    }
    let t = ctx.t();
    let page = ProvincePage {
        layout: ctx.layout(format!(
            "{} {name} · {}",
            t.province_title,
            format::year(year, ctx.lang)
        )),
        rows,
    };
    Ok(render(&page)?.into_response())
}
