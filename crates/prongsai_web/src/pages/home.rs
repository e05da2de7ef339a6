//! `GET /`: the agencies the user can see (straight to the dashboard when there is only one).

use askama::Template;
use axum::extract::{Path, State};
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
    /// Invitations waiting for the user's answer: (id, agency name, role label).
    invitations: Vec<(i64, String, String)>,
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

/// `POST /invitations/{id}/accept`: the invitation addressed to the caller becomes a role.
pub async fn accept(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    memberships::accept_invitation(&app.db, &ctx.me.actor(), id, ctx.me.user.id).await?;
    Ok(Redirect::to("/").into_response())
}

/// `POST /invitations/{id}/decline`: the invitation addressed to the caller is dropped.
pub async fn decline(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    memberships::decline_invitation(&app.db, &ctx.me.actor(), id, ctx.me.user.id).await?;
    Ok(Redirect::to("/").into_response())
}

/// `GET /`: invitations to answer first, then the agencies.
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
    let mut invitations = Vec::new();
    for i in memberships::invitations_for_user(&app.db, ctx.me.user.id).await? {
        if let Some(agency) = i.scope.agency_id() {
            let name = agencies::get(&app.db, agency).await?.name;
            invitations.push((i.id, name, i.role.label_th().to_string()));
        }
    }
    if list.len() == 1 && provinces.is_empty() && !can_add_agency && invitations.is_empty() {
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
        invitations,
    };
    Ok(render(&page)?.into_response())
}
