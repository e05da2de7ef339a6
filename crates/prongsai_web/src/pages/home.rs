//! `GET /`: the agencies the user can see (straight to the dashboard when there is only one).

use askama::Template;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::agencies::AgencyKind;
use prongsai_db::memberships::{self, Visibility};
use prongsai_db::{agencies, agencies::Agency, memberships::Role, memberships::Scope};

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::authz;
use crate::error::WebError;
use crate::views::layout::Layout;
use crate::views::render;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    layout: Layout,
    agencies: Vec<Agency>,
    provinces: Vec<String>,
    can_add_agency: bool,
    kinds: Vec<(&'static str, &'static str)>,
}

/// The agencies `ctx.me` may read, by province and name.
pub async fn visible_agencies(app: &AppState, ctx: &PageCtx) -> Result<Vec<Agency>, WebError> {
    Ok(
        match memberships::agencies_visible(&app.db, ctx.me.user.id).await? {
            Visibility::All => agencies::list(&app.db).await?,
            Visibility::Agencies(ids) => {
                let mut list = Vec::with_capacity(ids.len());
                for id in ids {
                    list.push(agencies::get(&app.db, id).await?);
                }
                list.sort_by(|a, b| (&a.province, &a.name).cmp(&(&b.province, &b.name)));
                list
            }
        },
    )
}

/// `GET /`.
pub async fn show(State(app): State<AppState>, ctx: PageCtx) -> Result<Response, WebError> {
    let list = visible_agencies(&app, &ctx).await?;
    let provinces: Vec<String> = ctx
        .me
        .memberships
        .iter()
        .filter(|m| m.role == Role::ProvinceSupervisor)
        .filter_map(|m| match &m.scope {
            Scope::Province(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    let can_add_agency = authz::is_system_admin(&ctx.me);
    if list.len() == 1 && provinces.is_empty() && !can_add_agency {
        return Ok(Redirect::to(&format!("/agencies/{}", list[0].id)).into_response());
    }
    let t = ctx.t();
    let page = HomePage {
        layout: ctx.layout(t.agencies),
        agencies: list,
        provinces,
        can_add_agency,
        kinds: AgencyKind::ALL
            .iter()
            .map(|k| (k.slug(), k.label_th()))
            .collect(),
    };
    Ok(render(&page)?.into_response())
}
