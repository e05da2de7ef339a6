//! Login, logout and the language switch.

use std::net::{IpAddr, SocketAddr};

use askama::Template;
use axum::Form;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::users;
use serde::Deserialize;
use tower_sessions::Session;

use super::csrf::rotate_csrf;
use super::principal::{SESSION_LANG, SESSION_USER};
use super::{DUMMY_HASH, MAX_PASSWORD_BYTES, Visitor, verify_password};
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

/// A local path to go back to after login; anything else (other sites, `//host`, `/\\host`,
/// control characters that browsers strip, such as `/\t/host`) becomes `/`.
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if is_local_path(n) => n.to_string(),
        _ => "/".to_string(),
    }
}

/// A clean path on this site: `/` then only the printable ASCII characters of a URL path and
/// query (RFC 3986), never `//` or `/\` at the start, at most 2,000 bytes. Nothing a browser
/// would strip or reinterpret (tabs, CR/LF, DEL, spaces, backslashes, non-ASCII) gets through.
pub(crate) fn is_local_path(n: &str) -> bool {
    let b = n.as_bytes();
    b.first() == Some(&b'/')
        && !matches!(b.get(1), Some(b'/' | b'\\'))
        && b.len() <= 2000
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@/?%".contains(c))
}

#[allow(clippy::too_many_arguments)]
async fn login_page(
    session: &Session,
    visitor: &Visitor,
    app: &AppState,
    next: String,
    email: String,
    error: Option<String>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let lang = visitor_language(session, visitor, app).await;
    let t = Texts::of(lang);
    let csrf = visitor.csrf();
    let page = LoginPage {
        layout: Layout::new(t, lang, t.login_title.to_string(), None, csrf),
        next,
        email,
        error,
    };
    Ok((status, crate::views::render(&page)?).into_response())
}

/// The language of a request without a login: the session's (when one exists), the visitor's
/// cookie, else the configured default.
pub(crate) async fn visitor_language(
    session: &Session,
    visitor: &Visitor,
    app: &AppState,
) -> Language {
    if let Ok(Some(l)) = session.get::<String>(SESSION_LANG).await
        && let Some(l) = Language::parse(&l)
    {
        return l;
    }
    visitor.lang().unwrap_or(app.config.language)
}

/// `GET /login`: stores nothing on the server (the form's token is the visitor's signed cookie).
pub async fn show(
    State(app): State<AppState>,
    session: Session,
    visitor: Visitor,
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
    login_page(
        &session,
        &visitor,
        &app,
        next,
        String::new(),
        None,
        StatusCode::OK,
    )
    .await
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

/// The client address used for throttling. Behind a proxy (`trust_proxy_headers`), the
/// rightmost `X-Forwarded-For` entry that is not one of our own `trusted_proxies`: that is the hop
/// our proxy added. Entries to its left were written by the client and prove nothing.
pub(crate) fn client_ip(app: &AppState, headers: &HeaderMap, peer: Option<SocketAddr>) -> String {
    let peer_ip = || {
        peer.map(|p| p.ip().to_string())
            .unwrap_or_else(|| "unknown".to_string())
    };
    if !app.config.trust_proxy_headers {
        return peer_ip();
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    for entry in entries.iter().rev() {
        match entry.parse::<IpAddr>() {
            Ok(ip) if app.config.trusted_proxies.contains(&ip) => continue,
            Ok(ip) => return ip.to_string(),
            // Our proxy writes addresses; anything else means the header is not its.
            Err(_) => return peer_ip(),
        }
    }
    peer_ip()
}

/// Longest e-mail address accepted anywhere (RFC 5321 path limit).
pub const MAX_EMAIL_BYTES: usize = 254;

/// `POST /login`: throttled, constant work for unknown emails, new session id on success.
pub async fn submit(
    State(app): State<AppState>,
    session: Session,
    visitor: Visitor,
    headers: HeaderMap,
    peer: PeerAddr,
    Form(form): Form<LoginForm>,
) -> Result<Response, WebError> {
    let ip = client_ip(&app, &headers, peer.0);
    let next = safe_next(form.next.as_deref());
    let lang = visitor_language(&session, &visitor, &app).await;
    let t = Texts::of(lang);
    // Nothing longer than any real e-mail or password is hashed, kept or echoed back.
    if form.email.len() > MAX_EMAIL_BYTES || form.password.len() > MAX_PASSWORD_BYTES {
        let msg = Some(t.login_failed.to_string());
        return login_page(
            &session,
            &visitor,
            &app,
            next,
            String::new(),
            msg,
            StatusCode::UNAUTHORIZED,
        )
        .await;
    }
    if app.throttle.is_blocked(&form.email, &ip) {
        let msg = Some(t.login_throttled.to_string());
        return login_page(
            &session,
            &visitor,
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
    let ok = verify_password(form.password, hash).await?;
    let user = match user {
        Some(u) if ok && !u.disabled => u,
        _ => {
            app.throttle.fail(&form.email, &ip);
            let msg = Some(t.login_failed.to_string());
            return login_page(
                &session,
                &visitor,
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
    visitor: Visitor,
    headers: HeaderMap,
    Form(form): Form<LanguageForm>,
) -> Result<Response, WebError> {
    let lang = Language::parse(&form.lang).ok_or_else(|| WebError::field("lang", "th/en"))?;
    let user = session.get::<i64>(SESSION_USER).await.ok().flatten();
    if user.is_some() {
        session
            .insert(SESSION_LANG, lang.as_str())
            .await
            .map_err(WebError::internal)?;
    } else {
        // No session for visitors: the choice lives in a cookie.
        visitor.set_lang(lang);
    }
    if let Some(id) = user {
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
        assert_eq!(
            safe_next(Some("/agencies/1/years/2568/scores?tab=oit&x=%E0%B8%81")),
            "/agencies/1/years/2568/scores?tab=oit&x=%E0%B8%81"
        );
        // Browsers drop tabs and newlines inside URLs and read `\` as `/`, so each of these
        // would leave the site (or, with CR/LF/DEL, break the Location header).
        for hostile in [
            "//evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/\r\n/evil.example",
            "/\n/evil.example",
            "/\x7f",
            "/ /evil.example",
            "https://evil.example",
            "evil.example",
            "/ก",
            "",
        ] {
            assert_eq!(safe_next(Some(hostile)), "/", "{hostile:?}");
        }
        assert_eq!(safe_next(None), "/");
    }
}
