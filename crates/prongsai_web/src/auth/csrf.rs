//! CSRF protection for every state-changing request made with a session cookie.
//!
//! One middleware over the whole router: a POST/PUT/PATCH/DELETE without `Authorization: Bearer`
//! must carry the session's token (or, without a login, the visitor's signed token), either in the
//! `X-CSRF-Token` header (htmx) or in the form field `csrf` (urlencoded or multipart). The body is
//! buffered (bounded by the upload limit, or a small limit without a login, and by a read timeout)
//! and handed on unchanged. Token requests need no CSRF: a script's secret is not sent by the browser itself.

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use subtle::ConstantTimeEq;
use tower_sessions::Session;

use crate::app::AppState;
use crate::auth::Visitor;
use crate::error::WebError;

/// Session key holding the CSRF token.
const SESSION_CSRF: &str = "csrf";
/// Form field carrying the token.
pub const CSRF_FIELD: &str = "csrf";

/// A fresh random token (32 bytes, hex).
pub fn new_token() -> Result<String, WebError> {
    let mut buf = [0u8; 32];
    getrandom::fill(&mut buf).map_err(WebError::internal)?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// The session's CSRF token, created (and so the session cookie set) on first use.
pub async fn session_csrf(session: &Session) -> Result<String, WebError> {
    if let Some(t) = session
        .get::<String>(SESSION_CSRF)
        .await
        .map_err(WebError::internal)?
    {
        return Ok(t);
    }
    let t = new_token()?;
    session
        .insert(SESSION_CSRF, &t)
        .await
        .map_err(WebError::internal)?;
    Ok(t)
}

/// Replaces the token (after login, so a token seen before login is useless after it).
pub(crate) async fn rotate_csrf(session: &Session) -> Result<String, WebError> {
    let t = new_token()?;
    session
        .insert(SESSION_CSRF, &t)
        .await
        .map_err(WebError::internal)?;
    Ok(t)
}

fn safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

fn has_bearer(req: &Request) -> bool {
    req.headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.len() > 7 && v[..7].eq_ignore_ascii_case("bearer "))
}

/// Middleware: rejects unsafe session requests whose token does not match (403, code `csrf`).
pub async fn csrf_layer(State(app): State<AppState>, req: Request, next: Next) -> Response {
    if safe(req.method()) || has_bearer(&req) {
        return next.run(req).await;
    }
    match check(&app, req).await {
        Ok(req) => next.run(req).await,
        Err(e) => e.into_response(),
    }
}

async fn check(app: &AppState, req: Request) -> Result<Request, WebError> {
    // A logged-in session holds its token; a visitor without a login has no session row and
    // proves the form came from us with the signed nonce cookie instead (see `visitor`).
    let expected = match req.extensions().get::<Session>() {
        Some(s) => s
            .get::<String>(SESSION_CSRF)
            .await
            .map_err(WebError::internal)?,
        None => None,
    };
    let visitor = req.extensions().get::<Visitor>().cloned();
    let anonymous = expected.is_none();
    if anonymous && !visitor.as_ref().is_some_and(Visitor::has_cookie) {
        return Err(WebError::Csrf);
    }
    // Bodies are bounded before they are read: a stranger's POST gets a small limit, refused from
    // its Content-Length alone, and every body must arrive within the read timeout.
    let limit = if anonymous {
        app.config.max_anonymous_body_bytes
    } else {
        app.config.max_upload_bytes.saturating_add(64 * 1024)
    };
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(WebError::PayloadTooLarge);
    }
    let accepts = |given: &str| match (&expected, &visitor) {
        (Some(e), _) => same(given, e),
        (None, Some(v)) => v.accepts(given),
        (None, None) => false,
    };
    let header_token = req
        .headers()
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    if let Some(given) = &header_token
        && !accepts(given)
    {
        return Err(WebError::Csrf);
    }
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let (parts, body) = req.into_parts();
    let bytes = tokio::time::timeout(app.config.body_timeout, axum::body::to_bytes(body, limit))
        .await
        .map_err(|_| WebError::RequestTimeout)?
        .map_err(|_| WebError::PayloadTooLarge)?;
    if header_token.is_some() {
        return Ok(Request::from_parts(parts, Body::from(bytes)));
    }
    let given = if content_type.starts_with("application/x-www-form-urlencoded") {
        form_field(&bytes)
    } else if content_type.starts_with("multipart/form-data") {
        multipart_field(&content_type, bytes.clone()).await
    } else {
        None
    };
    match given {
        Some(g) if accepts(&g) => Ok(Request::from_parts(parts, Body::from(bytes))),
        _ => Err(WebError::Csrf),
    }
}

fn same(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

fn form_field(bytes: &[u8]) -> Option<String> {
    form_urlencoded::parse(bytes)
        .find(|(k, _)| k == CSRF_FIELD)
        .map(|(_, v)| v.into_owned())
}

async fn multipart_field(content_type: &str, bytes: Bytes) -> Option<String> {
    let boundary = multer::parse_boundary(content_type).ok()?;
    let stream =
        futures_util::stream::once(async move { Ok::<Bytes, std::convert::Infallible>(bytes) });
    let mut mp = multer::Multipart::new(stream, boundary);
    while let Ok(Some(field)) = mp.next_field().await {
        if field.name() == Some(CSRF_FIELD) {
            return field.text().await.ok();
        }
    }
    None
}
