//! `GET/POST /account/password`: a logged-in user changes their own password (current, new,
//! repeat; the one policy of `auth::policy`; audited).

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::users;
use serde::Deserialize;
use tower_sessions::Session;

use crate::app::AppState;
use crate::auth::{PageCtx, hash_password_async, policy, verify_password};
use crate::error::{FieldError, WebError};
use crate::views::layout::Layout;
use crate::views::render;

/// The password form (change with the current password, or set through a reset link).
#[derive(Template)]
#[template(path = "account_password.html")]
pub(crate) struct PasswordPage {
    pub(crate) layout: Layout,
    pub(crate) action: String,
    pub(crate) ask_current: bool,
    pub(crate) errors: Vec<FieldError>,
}

impl PasswordPage {
    fn error(&self, field: &str) -> Option<String> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.clone())
    }
}

/// `?saved=1` after a change.
#[derive(Debug, Deserialize)]
pub struct Saved {
    saved: Option<String>,
}

/// `GET /account/password`.
pub async fn show(ctx: PageCtx, Query(q): Query<Saved>) -> Result<Response, WebError> {
    let t = ctx.t();
    let mut layout = ctx.layout(t.password_title);
    if q.saved.is_some() {
        layout = layout.notice(t.password_changed);
    }
    let page = PasswordPage {
        layout,
        action: "/account/password".into(),
        ask_current: true,
        errors: Vec::new(),
    };
    Ok(render(&page)?.into_response())
}

/// The change-password form.
#[derive(Debug, Deserialize)]
pub struct ChangeForm {
    #[serde(default)]
    current: String,
    #[serde(default)]
    new: String,
    #[serde(default)]
    confirm: String,
}

/// The problems of a new password and its repeat, at their fields.
pub(crate) fn check_new(t: &crate::texts::Texts, new: &str, confirm: &str) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if let Err(m) = policy::check(new) {
        errors.push(FieldError {
            field: "new".into(),
            message: m.into(),
        });
    } else if new != confirm {
        errors.push(FieldError {
            field: "confirm".into(),
            message: t.err_password_mismatch.into(),
        });
    }
    errors
}

/// `POST /account/password`.
pub async fn change(
    State(app): State<AppState>,
    ctx: PageCtx,
    session: Session,
    Form(f): Form<ChangeForm>,
) -> Result<Response, WebError> {
    let t = ctx.t();
    let mut errors = Vec::new();
    let current_ok = f.current.len() <= crate::auth::MAX_PASSWORD_BYTES
        && verify_password(f.current.clone(), ctx.me.user.password_hash.clone()).await?;
    if !current_ok {
        errors.push(FieldError {
            field: "current".into(),
            message: t.err_current_password.into(),
        });
    }
    errors.extend(check_new(t, &f.new, &f.confirm));
    if !errors.is_empty() {
        let page = PasswordPage {
            layout: ctx.layout(t.password_title),
            action: "/account/password".into(),
            ask_current: true,
            errors,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)?).into_response());
    }
    let hash = hash_password_async(f.new).await?;
    users::set_password(&app.db, &ctx.me.actor(), ctx.me.user.id, &hash).await?;
    // A new session id, so a session id seen before the change is useless after it.
    session.cycle_id().await.map_err(WebError::internal)?;
    Ok(Redirect::to("/account/password?saved=1").into_response())
}
