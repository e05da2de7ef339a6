//! `GET/POST /settings/tokens`: a user's API tokens for scripts; the secret is shown once, only its hash is stored.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use prongsai_db::{TokenId, tokens};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::PageCtx;
use crate::error::WebError;
use crate::views::layout::Layout;
use crate::views::render;

struct TokenRow {
    id: i64,
    name: String,
    revoked: bool,
    last_used: String,
}

#[derive(Template)]
#[template(path = "tokens.html")]
struct TokensPage {
    layout: Layout,
    rows: Vec<TokenRow>,
    secret: Option<String>,
}

async fn page(app: &AppState, ctx: &PageCtx, secret: Option<String>) -> Result<Response, WebError> {
    let rows = tokens::list(&app.db, ctx.me.user.id)
        .await?
        .into_iter()
        .map(|t| TokenRow {
            id: t.id.0,
            name: t.name,
            revoked: t.revoked,
            last_used: t
                .last_used_at
                .map(|x| x.to_string())
                .unwrap_or_else(|| "–".into()),
        })
        .collect();
    let p = TokensPage {
        layout: ctx.layout(ctx.t().tokens_title),
        rows,
        secret,
    };
    Ok(render(&p)?.into_response())
}

/// `GET` the user's tokens.
pub async fn list(State(app): State<AppState>, ctx: PageCtx) -> Result<Response, WebError> {
    page(&app, &ctx, None).await
}

/// The new-token form.
#[derive(Debug, Deserialize)]
pub struct TokenForm {
    name: String,
}

/// `POST` a new token; the page shows its secret this once.
pub async fn create(
    State(app): State<AppState>,
    ctx: PageCtx,
    Form(f): Form<TokenForm>,
) -> Result<Response, WebError> {
    let name = f.name.trim();
    if name.is_empty() {
        return Err(WebError::field("name", ctx.t().err_required));
    }
    if let Some(m) = crate::limits::too_long(ctx.t(), name, crate::limits::NAME) {
        return Err(WebError::field("name", m));
    }
    let (_, secret) = tokens::create(&app.db, &ctx.me.actor(), ctx.me.user.id, name).await?;
    page(&app, &ctx, Some(secret)).await
}

/// `POST /settings/tokens/{id}/revoke`: only the owner's own tokens.
pub async fn revoke(
    State(app): State<AppState>,
    ctx: PageCtx,
    Path(id): Path<i64>,
) -> Result<Response, WebError> {
    let own = tokens::list(&app.db, ctx.me.user.id).await?;
    if !own.iter().any(|t| t.id.0 == id) {
        return Err(WebError::NotFound);
    }
    tokens::revoke(&app.db, &ctx.me.actor(), TokenId::from(id)).await?;
    Ok(Redirect::to("/settings/tokens").into_response())
}
