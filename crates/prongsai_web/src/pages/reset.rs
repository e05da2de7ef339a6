//! One-time password reset links: an agency administrator (or a system administrator) makes one
//! for a member (`POST /agencies/{id}/users/{uid}/reset`, shown once), and the owner sets a new
//! password at `GET/POST /reset/{token}` without logging in. Valid 24 hours, single use, stored
//! hashed (`prongsai_db::password_resets`).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use jiff::SignedDuration;
use prongsai_db::{AgencyId, UserId, memberships, password_resets, users};
use serde::Deserialize;
use tower_sessions::Session;

use super::account::{PasswordPage, check_new};
use crate::app::AppState;
use crate::auth::login::visitor_language;
use crate::auth::{PageCtx, Visitor, hash_password_async};
use crate::authz::{self, Action};
use crate::error::WebError;
use crate::pages::agency_for;
use crate::texts::Texts;
use crate::views::layout::Layout;
use crate::views::render;

/// How long a reset link works.
pub const RESET_TTL: SignedDuration = SignedDuration::from_hours(24);

#[derive(Template)]
#[template(path = "reset_link.html")]
struct LinkPage {
    layout: Layout,
    agency_id: i64,
    email: String,
    link: String,
}

/// `POST /agencies/{id}/users/{uid}/reset`: makes a reset link for a member of the agency.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path((id, uid)): Path<(i64, i64)>,
) -> Result<Response, WebError> {
    let agency = agency_for(&app, &ctx.me, AgencyId::from(id), Action::ManageUsers).await?;
    let user = users::get(&app.db, UserId::from(uid)).await?;
    let grants = memberships::for_user(&app.db, user.id).await?;
    if !grants
        .iter()
        .any(|g| g.scope.agency_id() == Some(agency.id))
    {
        return Err(WebError::NotFound);
    }
    // An account that also works elsewhere is reset only by a system administrator.
    let elsewhere = grants
        .iter()
        .any(|g| g.scope.agency_id() != Some(agency.id));
    if elsewhere && !authz::is_system_admin(&ctx.me) {
        return Err(WebError::Forbidden);
    }
    let secret = password_resets::create(
        &app.db,
        &ctx.me.actor(),
        user.id,
        RESET_TTL,
        Some(agency.id),
    )
    .await?;
    let base = app
        .config
        .public_url
        .as_deref()
        .unwrap_or("")
        .trim_end_matches('/');
    let t = ctx.t();
    let page = LinkPage {
        layout: ctx.layout(t.reset_link_button),
        agency_id: agency.id.0,
        email: user.email,
        link: format!("{base}/reset/{secret}"),
    };
    Ok(render(&page)?.into_response())
}

async fn form(
    app: &AppState,
    session: &Session,
    visitor: &Visitor,
    token: &str,
    errors: Vec<crate::error::FieldError>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let lang = visitor_language(session, visitor, app).await;
    let t = Texts::of(lang);
    let page = PasswordPage {
        layout: Layout::new(t, lang, t.reset_title.to_string(), None, visitor.csrf()),
        action: format!("/reset/{token}"),
        ask_current: false,
        errors,
    };
    Ok((status, render(&page)?).into_response())
}

fn plausible(token: &str) -> bool {
    token.len() <= 100 && token.starts_with("prs_")
}

async fn gone(app: &AppState, session: &Session, visitor: &Visitor) -> WebError {
    let lang = visitor_language(session, visitor, app).await;
    WebError::field("token", Texts::of(lang).reset_invalid)
}

/// `GET /reset/{token}`: the new-password form, or a Thai message when the link cannot be used.
pub async fn show(
    State(app): State<AppState>,
    session: Session,
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    if !plausible(&token) || password_resets::find(&app.db, &token).await?.is_none() {
        return Err(gone(&app, &session, &visitor).await);
    }
    form(&app, &session, &visitor, &token, Vec::new(), StatusCode::OK).await
}

/// The reset form.
#[derive(Debug, Deserialize)]
pub struct ResetForm {
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// `POST /reset/{token}`: sets the password once, then sends the owner to the login page.
pub async fn submit(
    State(app): State<AppState>,
    session: Session,
    visitor: Visitor,
    Path(token): Path<String>,
    Form(f): Form<ResetForm>,
) -> Result<Response, WebError> {
    if !plausible(&token) || password_resets::find(&app.db, &token).await?.is_none() {
        return Err(gone(&app, &session, &visitor).await);
    }
    let lang = visitor_language(&session, &visitor, &app).await;
    let errors = check_new(Texts::of(lang), &f.new, &f.confirm);
    if !errors.is_empty() {
        return form(
            &app,
            &session,
            &visitor,
            &token,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let hash = hash_password_async(f.new).await?;
    match password_resets::consume(&app.db, &token, &hash).await {
        Ok(_) => Ok(Redirect::to("/login").into_response()),
        Err(prongsai_db::DbError::NotFound { .. }) => Err(gone(&app, &session, &visitor).await),
        Err(e) => Err(e.into()),
    }
}
