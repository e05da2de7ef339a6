//! `GET /agencies/{id}/audit`: the newest 200 audit entries of an agency.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use prongsai_db::{AgencyId, audit};

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz::Action;
use crate::error::WebError;
use crate::pages::agency_for;
use crate::views::layout::{Layout, Section};
use crate::views::render;

struct Row {
    at: String,
    who: String,
    action: String,
    what: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    layout: Layout,
    rows: Vec<Row>,
}

/// `GET` the log.
pub async fn list(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ReadAudit).await?;
    let rows = audit::list(&app.db, Some(agency.id), 200, 0)
        .await?
        .into_iter()
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
                who: e.actor_label,
                action: e.action,
                what: format!("{} #{}", e.entity, e.entity_id),
            }
        })
        .collect();
    let page = AuditPage {
        layout: ctx.layout(ctx.t().audit_title).agency_nav(
            &ctx.me,
            &agency,
            app.current_year(),
            Section::Audit,
        ),
        rows,
    };
    Ok(render(&page)?.into_response())
}
