//! Static assets compiled into the binary: htmx (from npm, via build.rs) and our stylesheet.

use axum::http::header;
use axum::response::IntoResponse;

const HTMX: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/htmx.min.js"));
const CSS: &str = include_str!("../static/app.css");
/// Assets change only with a new binary; a day of caching keeps pages fast without stale risk for long.
const CACHE: &str = "public, max-age=86400";

/// `GET /static/htmx.min.js`.
pub async fn htmx() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        HTMX,
    )
}

/// `GET /static/app.css`.
pub async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, CACHE),
        ],
        CSS,
    )
}
