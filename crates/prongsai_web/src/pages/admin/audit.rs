//! `GET /agencies/{id}/audit?before=|after=`: an agency's audit log, 50 entries a page, actions in words.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::AgencyId;
use prongsai_db::audit::{self, AuditEntry, Cursor};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::{agency_for, agency_year};
use crate::texts::AdminTexts;
use crate::views::layout::{Layout, Section};
use crate::views::render;

/// Entries per page.
pub const PAGE_SIZE: i64 = 50;

struct Row {
    at: String,
    who: String,
    /// The action in words.
    action: String,
    /// The stored action code, kept visible for administrators.
    code: String,
    what: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    rows: Vec<Row>,
    newer: Option<String>,
    older: Option<String>,
}

/// Keyset paging: at most one of `before` (older than this id) and `after` (newer than this id).
#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    /// Show the entries older than this id.
    pub before: Option<i64>,
    /// Show the entries newer than this id.
    pub after: Option<i64>,
}

/// The words of an entry's action; enabling and disabling a login read differently though one code.
fn action_words(t: &AdminTexts, e: &AuditEntry) -> String {
    if e.action == "set_disabled"
        && let Some(disabled) = e.after.as_ref().and_then(|a| a["disabled"].as_bool())
    {
        return if disabled {
            t.disable_login
        } else {
            t.enable_login
        }
        .to_string();
    }
    t.action(&e.action).to_string()
}

/// `GET` one page of the log.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
    Query(q): Query<AuditQuery>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ReadAudit).await?;
    let cursor = match (q.before, q.after) {
        (Some(b), _) => Cursor::Before(b),
        (None, Some(a)) => Cursor::After(a),
        (None, None) => Cursor::Newest,
    };
    let page = audit::page(&app.db, agency.id, cursor, PAGE_SIZE).await?;
    let t = ctx.t().admin;
    let rows = page
        .entries
        .iter()
        .map(|e| {
            let local =
                e.at.to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(7)));
            let at = format!(
                "{} {:02}:{:02}",
                crate::views::dates::show(local.date(), ctx.lang),
                local.hour(),
                local.minute()
            );
            Row {
                at,
                who: e.actor_label.clone(),
                action: action_words(t, e),
                code: e.action.clone(),
                what: format!("{} #{}", t.entity(&e.entity), e.entity_id),
            }
        })
        .collect();
    let base = format!("/agencies/{}/audit", agency.id);
    let view = AuditPage {
        layout: ctx.layout(ctx.t().audit_title).agency_nav(
            &ctx.me,
            &agency,
            agency_year(&app, agency.id).await?,
            Section::Audit,
        ),
        rows,
        newer: page.newer.map(|id| format!("{base}?after={id}")),
        older: page.older.map(|id| format!("{base}?before={id}")),
    };
    Ok(render(&view)?.into_response())
}
