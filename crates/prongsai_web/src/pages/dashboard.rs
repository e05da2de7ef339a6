//! `GET /agencies/{id}`: total, grade, verdict, tool scores, radar, change from last year, measures by status, overdue.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::measures;
use prongsai_db::{AgencyId, agencies::Agency};
use prongsai_domain::analysis::verdict;
use prongsai_reports::RenderOptions;
use prongsai_reports::model::IndicatorLine;

use super::{YearQuery, agency_for, agency_year};
use crate::app::AppState;
use crate::assessment::stored_result;
use crate::auth::PageCtx;
use crate::authz::{self, Action, Resource};
use crate::config::Language;
use crate::error::WebError;
use crate::views::layout::{Layout, Section};
use crate::views::{dates, format, render};

/// One row of a score table.
struct Row {
    label: String,
    score: String,
    change: Option<String>,
    reached: Option<bool>,
}

/// The scores part of the dashboard.
struct Scores {
    total: String,
    grade: String,
    passed: bool,
    verdict_text: String,
    pass_mark: String,
    total_change: Option<String>,
    tools: Vec<Row>,
    indicators: Vec<Row>,
    radar_svg: String,
}

struct OverdueItem {
    id: i64,
    title: String,
    end: String,
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct DashboardPage {
    layout: Layout,
    agency: Agency,
    year: u16,
    years: Vec<(u16, String)>,
    scores: Option<Scores>,
    can_edit_scores: bool,
    by_status: Vec<(&'static str, i64)>,
    overdue: Vec<OverdueItem>,
}

/// `GET /agencies/{id}?year=`.
pub async fn show(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Query(q): Query<YearQuery>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::Read).await?;
    let year = match q.year {
        Some(y) => y,
        None => agency_year(&app, agency.id).await?,
    };
    let scores = scores_view(&app, &agency, year, ctx.lang).await?;
    // Counts and overdue items straight from the database: a fixed number of queries however many measures.
    let summary = measures::summary(&app.db, agency.id, year, dates::today()).await?;
    let by_status = summary
        .by_status
        .iter()
        .map(|(s, n)| (s.label_th(), *n))
        .collect();
    let overdue = summary
        .overdue
        .into_iter()
        .map(|m| OverdueItem {
            id: m.id.0,
            title: m.title,
            end: dates::show(m.period_end, ctx.lang),
        })
        .collect();
    let title = format!("{} · {}", agency.name, format::year(year, ctx.lang));
    let page = DashboardPage {
        layout: ctx
            .layout(title)
            .agency_nav(&ctx.me, &agency, year, Section::Dashboard),
        can_edit_scores: authz::can(&ctx.me, Action::EditScores, &Resource::agency(&agency)),
        years: app
            .catalog
            .years()
            .into_iter()
            .rev()
            .map(|y| (y, format::year(y, ctx.lang)))
            .collect(),
        agency,
        year,
        scores,
        by_status,
        overdue,
    };
    Ok(render(&page)?.into_response())
}

async fn scores_view(
    app: &AppState,
    agency: &Agency,
    year: u16,
    lang: Language,
) -> Result<Option<Scores>, WebError> {
    let Some(result) = stored_result(app, agency.id, year).await? else {
        return Ok(None);
    };
    let Some(fw) = app.catalog.framework(year) else {
        return Ok(None);
    };
    let previous = stored_result(app, agency.id, year.saturating_sub(1)).await?;
    let v = verdict(fw, &result);
    let tools = v
        .units
        .iter()
        .map(|u| Row {
            label: u.code.clone(),
            score: format::score(u.score.value()),
            change: None,
            reached: Some(u.reached),
        })
        .collect();
    let lines: Vec<IndicatorLine> = result
        .indicators
        .iter()
        .map(|i| IndicatorLine {
            number: i.number,
            name: i.name.clone(),
            tool: i.tool.as_str().to_string(),
            score: i.score.rounded(),
            previous: previous
                .as_ref()
                .and_then(|p| p.indicator(i.number))
                .map(|p| p.score.rounded()),
        })
        .collect();
    let indicators = lines
        .iter()
        .map(|l| Row {
            label: format!("{}. {}", l.number, l.name),
            score: format::score(l.score),
            change: l.previous.map(|p| format::change(l.score - p)),
            reached: None,
        })
        .collect();
    let options = RenderOptions {
        thai_digits: lang == Language::Th,
        ..RenderOptions::default()
    };
    Ok(Some(Scores {
        total: format::score(result.total.value()),
        grade: result.grade.clone(),
        passed: result.passed,
        verdict_text: match lang {
            Language::Th => v.text_th.clone(),
            Language::En => v.text_en.clone(),
        },
        pass_mark: format::score(v.pass_mark),
        total_change: previous
            .as_ref()
            .map(|p| format::change(result.total.rounded() - p.total.rounded())),
        tools,
        indicators,
        radar_svg: prongsai_reports::charts::radar(&lines, &options),
    }))
}
