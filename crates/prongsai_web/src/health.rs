//! `GET /healthz`: the database answers, and which backend it is.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::app::AppState;
use crate::error::WebError;

/// 200 `{"status":"ok","database":"sqlite"|"postgres"}` after a database ping; 500 when the ping fails.
pub async fn healthz(State(app): State<AppState>) -> Result<Json<Value>, WebError> {
    app.db.ping().await?;
    Ok(Json(
        json!({"status": "ok", "database": app.db.backend().name()}),
    ))
}
