//! `GET /agencies/{id}`: total, grade, verdict, tool scores, radar, change from last year, measures by status, overdue.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::measures;
use prongsai_db::{AgencyId, agencies::Agency};
use prongsai_domain::analysis::verdict;
use prongsai_domain::framework::GradingKind;
use prongsai_domain::scoring::differences;
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

/// One published figure that differs from ours.
struct DiffRow {
    what: String,
    computed: String,
    official: String,
}

/// The official result beside ours.
struct OfficialView {
    total: String,
    level: String,
    differences: Vec<DiffRow>,
}

/// The scores part of the dashboard.
struct Scores {
    total: String,
    grade: String,
    levels: bool,
    official: Option<OfficialView>,
    assumptions: Vec<String>,
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
    provisional: Option<String>,
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
        provisional: crate::assessment::resolve(&app, year)
            .ok()
            .and_then(|r| format::provisional_note(&r, ctx.lang)),
        years: app
            .open_years()
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
    let Ok(fw) = crate::assessment::framework(app, year) else {
        return Ok(None);
    };
    let previous = stored_result(app, agency.id, year.saturating_sub(1)).await?;
    let v = verdict(fw, &result);
    let rt = crate::texts::Texts::of(lang).results;
    let official = prongsai_db::assessments::official(&app.db, agency.id, year)
        .await?
        .map(|o| OfficialView {
            total: format::score(o.total),
            level: o.level.clone(),
            differences: differences(&result, &o)
                .into_iter()
                .map(|d| DiffRow {
                    what: match d.what.as_str() {
                        "total" => rt.what_total.to_string(),
                        "level" => rt.what_level.to_string(),
                        w => match w.strip_prefix("ind") {
                            Some(n) => format!("{} {n}", crate::texts::Texts::of(lang).indicator),
                            None => w.to_string(),
                        },
                    },
                    computed: d.computed,
                    official: d.official,
                })
                .collect(),
        });
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
        levels: fw.grading.kind == GradingKind::Levels,
        official,
        assumptions: result
            .assumptions_plain
            .iter()
            .map(|a| match lang {
                // Thai pages print years in Thai digits; the sentence's numbers follow.
                Language::Th => prongsai_domain::thai::apply_digits(&a.th, format::digits(lang)),
                Language::En => a.en.clone(),
            })
            .collect(),
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
        radar_svg: if lines.is_empty() {
            String::new()
        } else {
            prongsai_reports::charts::radar(&lines, &options)
        },
    }))
}
