//! Every route of the application in one place: pages, the JSON API, OpenAPI, health and static assets.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::{get, post};
use tower_sessions::cookie::SameSite;
use tower_sessions::cookie::time::Duration;
use tower_sessions::{Expiry, SessionManagerLayer};

use crate::app::AppState;
use crate::auth::{self, DbSessionStore, csrf_layer, visitor_layer};
use crate::error::WebError;
use crate::pages::{self, admin, measures, scores};
use crate::{api, health, static_files};

/// Session cookie name.
pub const SESSION_COOKIE: &str = "prongsai_session";

async fn not_found() -> WebError {
    WebError::NotFound
}

/// Headers every response carries: no MIME sniffing, no framing, no full URLs leaked to other sites,
/// scripts only from ourselves (htmx is served locally; inline SVG needs no script).
/// Marks a response our own pages may show in a frame (a document's preview); every other response
/// refuses to be framed.
#[derive(Debug, Clone, Copy)]
pub struct FramedBySelf;

async fn security_headers(req: Request, next: Next) -> Response {
    let mut resp = next.run(req).await;
    let framed = resp.extensions().get::<FramedBySelf>().is_some();
    let h = resp.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::X_FRAME_OPTIONS,
        HeaderValue::from_static(if framed { "SAMEORIGIN" } else { "DENY" }),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(if framed {
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'self'"
        } else {
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'"
        }),
    );
    resp
}

/// The whole application as an axum router over `state`.
pub fn router(state: AppState) -> Router {
    let (api_routes, openapi) = api::routes().split_for_parts();
    let openapi_json = serde_json::to_value(&openapi).unwrap_or_default();
    let year = "/agencies/{id}/years/{year}";
    let pages = Router::new()
        .route("/", get(pages::home::show))
        .route("/login", get(auth::login::show).post(auth::login::submit))
        .route("/logout", post(auth::login::logout))
        .route("/settings/language", post(auth::login::set_language))
        .route(
            "/account/password",
            get(pages::account::show).post(pages::account::change),
        )
        .route(
            "/reset/{token}",
            get(pages::reset::show).post(pages::reset::submit),
        )
        .route(
            "/agencies/{id}/users/{uid}/reset",
            post(pages::reset::create),
        )
        .route(
            "/settings/tokens",
            get(pages::tokens::list).post(pages::tokens::create),
        )
        .route("/settings/tokens/{id}/revoke", post(pages::tokens::revoke))
        .route("/admin/agencies", post(admin::agencies::create))
        .route("/invitations/{id}/accept", post(pages::home::accept))
        .route("/invitations/{id}/decline", post(pages::home::decline))
        .route("/provinces/{name}", get(pages::province::show))
        .route(
            "/agencies/{id}",
            get(pages::dashboard::show).post(admin::agencies::update),
        )
        .route("/agencies/{id}/edit", get(admin::agencies::edit))
        .route(
            "/agencies/{id}/users",
            get(admin::users::list).post(admin::users::create),
        )
        .route(
            "/agencies/{id}/users/{uid}/login",
            post(admin::members::set_login),
        )
        .route(
            "/agencies/{id}/memberships/{mid}",
            post(admin::members::change_role),
        )
        .route(
            "/agencies/{id}/units",
            get(admin::units::list).post(admin::units::create),
        )
        .route("/agencies/{id}/units/{uid}", post(admin::units::rename))
        .route(
            "/agencies/{id}/units/{uid}/delete",
            post(admin::units::delete),
        )
        .route("/agencies/{id}/audit", get(admin::audit::list))
        .route(
            "/agencies/{id}/import",
            get(pages::import::show).post(pages::import::preview),
        )
        .route(
            "/agencies/{id}/import/confirm",
            post(pages::import::confirm),
        )
        .route(
            &format!("{year}/scores"),
            get(scores::show).post(scores::grid::save),
        )
        .route(&format!("{year}/scores/upload"), post(scores::upload::save))
        .route(&format!("{year}/scores/paste"), post(scores::paste::save))
        .route(
            &format!("{year}/scores/official"),
            post(scores::official::save),
        )
        .route(&format!("{year}/analysis"), get(pages::analysis::show))
        .route(
            &format!("{year}/measures"),
            get(measures::list).post(measures::form::create),
        )
        .route(&format!("{year}/measures/new"), get(measures::form::new))
        .route(&format!("{year}/measures/copy"), post(measures::copy::copy))
        .route(&format!("{year}/documents"), get(pages::documents::list))
        .route(
            &format!("{year}/documents/{{kind}}/{{format}}"),
            get(pages::documents::download),
        )
        .route(
            &format!("{year}/documents/{{kind}}/texts"),
            post(pages::documents::save_texts),
        )
        .route("/agencies/{id}/signer", post(pages::documents::save_signer))
        .route(
            &format!("{year}/analysis/{{indicator}}"),
            post(pages::analysis::save),
        )
        .route(
            "/measures/{id}",
            get(measures::show::show).post(measures::form::update),
        )
        .route("/measures/{id}/edit", get(measures::form::edit))
        .route("/measures/{id}/progress", post(pages::progress::create))
        .route("/evidence/{id}", get(pages::evidence::download));
    let sessions = SessionManagerLayer::new(DbSessionStore::new(state.db.clone()))
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.cookies_secure())
        .with_expiry(Expiry::OnInactivity(Duration::hours(8)));
    // Body limit: uploads up to the configured size plus room for the other form fields.
    let body_limit = state.config.max_upload_bytes.saturating_add(64 * 1024);
    Router::new()
        .merge(pages)
        .merge(api_routes)
        .route(
            "/api/openapi.json",
            get(move || async move { axum::Json(openapi_json.clone()) }),
        )
        .route("/healthz", get(health::healthz))
        .route("/static/htmx.min.js", get(static_files::htmx))
        .route("/static/app.css", get(static_files::css))
        .fallback(not_found)
        .layer(from_fn_with_state(
            state.clone(),
            pages::error_page::html_errors,
        ))
        .layer(from_fn_with_state(state.clone(), csrf_layer))
        .layer(sessions)
        .layer(from_fn_with_state(state.clone(), visitor_layer))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(axum::middleware::from_fn(security_headers))
        .with_state(state)
}
