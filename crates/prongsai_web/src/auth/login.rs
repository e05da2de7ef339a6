//! Login, logout and the language switch.

use std::net::SocketAddr;

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::users;
use serde::Deserialize;
use tower_sessions::Session;

use super::csrf::{rotate_csrf, session_csrf};
use super::principal::{SESSION_LANG, SESSION_USER, language};
use super::{DUMMY_HASH, verify_password};
use crate::app::AppState;
use crate::config::Language;
use crate::error::WebError;
use crate::texts::Texts;
use crate::views::layout::Layout;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    layout: Layout,
    next: String,
    email: String,
    error: Option<String>,
}

/// `?next=` of the login page.
#[derive(Debug, Deserialize)]
pub struct NextQuery {
    next: Option<String>,
}

/// A local path to go back to after login; anything else (other sites, `//host`) becomes `/`.
fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_string(),
        _ => "/".to_string(),
    }
}

async fn login_page(
    session: &Session,
    app: &AppState,
    next: String,
    email: String,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let lang = language(session, None, app.config.language).await;
    let t = Texts::of(lang);
    let csrf = session_csrf(session).await?;
    let page = LoginPage {
        layout: Layout::new(t, lang, t.login_title.to_string(), None, csrf),
        next,
        email,
        error,
    };
    Ok((status, crate::views::render(&page)?).into_response())
}

/// `GET /login`.
pub async fn show(
    State(app): State<AppState>,
    session: Session,
    Query(q): Query<NextQuery>,
) -> Result<Response, WebError> {
    if session
        .get::<i64>(SESSION_USER)
        .await
        .ok()
        .flatten()
        .is_some()
    {
        return Ok(Redirect::to("/").into_response());
    }
    let next = safe_next(q.next.as_deref());
    login_page(&session, &app, next, String::new(), None, StatusCode::OK).await
}

/// The login form.
#[derive(Debug, Deserialize)]
pub struct LoginForm {
    email: String,
    password: String,
    next: Option<String>,
}

/// The TCP peer address, when the server was started with connect info (not in in-process tests).
#[derive(Debug, Clone, Copy)]
pub struct PeerAddr(pub Option<SocketAddr>);

impl<S: Send + Sync> axum::extract::FromRequestParts<S> for PeerAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &S,
    ) -> Result<Self, Self::Rejection> {
        Ok(PeerAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|c| c.0),
        ))
    }
}

/// The client address used for throttling.
fn client_ip(app: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    if app.config.trust_proxy_headers
        && let Some(first) = headers
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
    {
        return first.trim().to_string();
    }
    peer.map(|p| p.ip().to_string())
        .unwrap_or_else(|| "unknown".to_string())
}

/// `POST /login`: throttled, constant work for unknown emails, new session id on success.
pub async fn submit(
    State(app): State<AppState>,
    session: Session,
    headers: HeaderMap,
    peer: PeerAddr,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let ip = client_ip(&app, &headers, peer.0);
    let next = safe_next(form.next.as_deref());
    let lang = language(&session, None, app.config.language).await;
    let t = Texts::of(lang);
    if app.throttle.is_blocked(&form.email, &ip) {
        let msg = Some(t.login_throttled.to_string());
        return login_page(
            &session,
            &app,
            next,
            form.email,
            msg,
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    let user = users::by_email(&app.db, &form.email).await?;
    let hash = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| DUMMY_HASH.to_string());
    let ok = verify_password(form.password, hash).await;
    let user = match user {
        Some(u) if ok && !u.disabled => u,
        _ => {
            app.throttle.fail(&form.email, &ip);
            let msg = Some(t.login_failed.to_string());
            return login_page(
                &session,
                &app,
                next,
                form.email,
                msg,
                StatusCode::UNAUTHORIZED,
            )
            .await;
        }
    };
    app.throttle.clear(&form.email, &ip);
    session.cycle_id().await.map_err(WebError::internal)?;
    session
        .insert(SESSION_USER, user.id.0)
        .await
        .map_err(WebError::internal)?;
    if let Some(l) = Language::parse(&user.language) {
        session
            .insert(SESSION_LANG, l.as_str())
            .await
            .map_err(WebError::internal)?;
    }
    rotate_csrf(&session).await?;
    Ok(Redirect::to(&next).into_response())
}

/// `POST /logout`: forgets the whole session.
pub async fn logout(session: Session) -> Result<Response, WebError> {
    session.flush().await.map_err(WebError::internal)?;
    Ok(Redirect::to("/login").into_response())
}

/// The language switch form.
#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    lang: String,
}

/// `POST /settings/language`: switches the session's language and, when logged in, the user's.
pub async fn set_language(
    State(app): State<AppState>,
    session: Session,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Result<Response, WebError> {
    let lang = Language::parse(&form.lang).ok_or_else(|| WebError::field("lang", "th/en"))?;
    session
        .insert(SESSION_LANG, lang.as_str())
        .await
        .map_err(WebError::internal)?;
    if let Some(id) = session.get::<i64>(SESSION_USER).await.ok().flatten() {
        let id = prongsai_db::UserId::from(id);
        if let Ok(u) = users::get(&app.db, id).await {
            let actor = prongsai_db::Actor::user(id, u.email.clone());
            users::set_language(&app.db, &actor, id, lang.as_str()).await?;
        }
    }
    // Back to the page the form was on, when it is one of ours.
    let back = headers
        .get("referer")
        .and_then(|v| v.to_str().ok())
        .and_then(|r| r.find("://").map(|i| &r[i + 3..]))
        .and_then(|r| r.find('/').map(|i| r[i..].to_string()));
    Ok(Redirect::to(&safe_next(back.as_deref())).into_response())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_stays_on_this_site() {
        assert_eq!(safe_next(Some("/agencies/1")), "/agencies/1");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
