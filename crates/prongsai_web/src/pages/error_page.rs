//! Turns error responses of page routes into Thai HTML pages (or a redirect to the login page).

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;

use crate::app::AppState;
use crate::auth::{SESSION_USER, Visitor, session_csrf};
use crate::error::ErrorMark;
use crate::texts::Texts;
use crate::views::layout::Layout;

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    layout: Layout,
    message: String,
}

/// Paths that answer JSON whatever happens.
fn is_json_path(path: &str) -> bool {
    path.starts_with("/api/") || path == "/api" || path == "/healthz"
}

/// Middleware over the whole router: JSON stays JSON under /api; pages get HTML.
pub async fn html_errors(State(app): State<AppState>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    if is_json_path(&path) {
        return next.run(req).await;
    }
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "/".into());
    let is_get = req.method() == Method::GET;
    let session = req.extensions().get::<Session>().cloned();
    let visitor = req.extensions().get::<Visitor>().cloned();
    let resp = next.run(req).await;
    let Some(ErrorMark(detail, status)) = resp.extensions().get::<ErrorMark>().cloned() else {
        return resp;
    };
    if status == StatusCode::UNAUTHORIZED {
        let to = if is_get {
            format!("/login?next={}", encode(&target))
        } else {
            "/login".to_string()
        };
        return Redirect::to(&to).into_response();
    }
    // A logged-in session has its token; anyone else gets the visitor's signed token, so an
    // error page (a stranger's 404) never stores a session.
    let logged_in = match &session {
        Some(s) => s.get::<i64>(SESSION_USER).await.ok().flatten().is_some(),
        None => false,
    };
    let lang = match (&session, &visitor) {
        (Some(s), Some(v)) if !logged_in => crate::auth::login::visitor_language(s, v, &app).await,
        (Some(s), _) => crate::auth::principal_language(s, app.config.language).await,
        (None, Some(v)) => v.lang().unwrap_or(app.config.language),
        (None, None) => app.config.language,
    };
    let t = Texts::of(lang);
    let csrf = match (&session, &visitor) {
        (Some(s), _) if logged_in => session_csrf(s).await.unwrap_or_default(),
        (_, Some(v)) => v.csrf(),
        _ => String::new(),
    };
    let page = ErrorPage {
        layout: Layout::new(t, lang, t.error_title.to_string(), None, csrf),
        message: detail.message,
    };
    match page.render() {
        Ok(html) => (status, axum::response::Html(html)).into_response(),
        Err(_) => (status, detail.code).into_response(),
    }
}

/// Percent-encodes a path for the `next` query parameter.
fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}
