//! The authenticated principal of a request (session cookie or bearer token) and the page context built on it.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use prongsai_db::{UserId, memberships::Membership, tokens, users, users::User};
use tower_sessions::Session;

use crate::app::AppState;
use crate::auth::csrf::session_csrf;
use crate::config::Language;
use crate::error::WebError;
use crate::texts::Texts;
use crate::views::layout::Layout;

/// Session key of the logged-in user id.
pub const SESSION_USER: &str = "uid";
/// Session key of the chosen UI language.
pub const SESSION_LANG: &str = "lang";

/// A logged-in user with every role they hold.
#[derive(Debug, Clone)]
pub struct Principal {
    /// The account.
    pub user: User,
    /// Roles and their scopes.
    pub memberships: Vec<Membership>,
    /// True when the request authenticated with an API token.
    pub via_token: bool,
}

impl Principal {
    /// Loads a user and their memberships; a disabled account is not a principal.
    pub async fn load(app: &AppState, id: UserId, via_token: bool) -> Result<Principal, WebError> {
        let (user, memberships) = match users::get_with_memberships(&app.db, id).await {
            Ok(found) => found,
            Err(prongsai_db::DbError::NotFound { .. }) => return Err(WebError::Unauthorized),
            Err(e) => return Err(e.into()),
        };
        if user.disabled {
            return Err(WebError::Unauthorized);
        }
        Ok(Principal {
            user,
            memberships,
            via_token,
        })
    }

    /// The actor recorded in the audit log for this user's changes.
    pub fn actor(&self) -> prongsai_db::Actor {
        let label = if self.via_token {
            format!("{} (token)", self.user.email)
        } else {
            self.user.email.clone()
        };
        prongsai_db::Actor::user(self.user.id, label)
    }
}

fn bearer(parts: &Parts) -> Option<Result<String, WebError>> {
    let v = parts.headers.get(header::AUTHORIZATION)?;
    let text = match v.to_str() {
        Ok(t) => t.trim(),
        Err(_) => return Some(Err(WebError::Unauthorized)),
    };
    match text.split_once(' ') {
        Some((scheme, secret))
            if scheme.eq_ignore_ascii_case("bearer") && !secret.trim().is_empty() =>
        {
            Some(Ok(secret.trim().to_string()))
        }
        _ => Some(Err(WebError::Unauthorized)),
    }
}

async fn from_parts(parts: &mut Parts, app: &AppState) -> Result<Principal, WebError> {
    if let Some(secret) = bearer(parts) {
        let secret = secret?;
        let (_token, user) = tokens::find_by_secret(&app.db, &secret)
            .await?
            .ok_or(WebError::Unauthorized)?;
        return Principal::load(app, user.id, true).await;
    }
    let session = Session::from_request_parts(parts, app)
        .await
        .map_err(|_| WebError::Unauthorized)?;
    let id: i64 = session
        .get(SESSION_USER)
        .await
        .map_err(WebError::internal)?
        .ok_or(WebError::Unauthorized)?;
    Principal::load(app, UserId::from(id), false).await
}

impl FromRequestParts<AppState> for Principal {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(p) = parts.extensions.get::<Principal>() {
            return Ok(p.clone());
        }
        let p = from_parts(parts, app).await?;
        parts.extensions.insert(p.clone());
        Ok(p)
    }
}

/// The principal of an API request (bearer token or session; JSON errors).
#[derive(Debug, Clone)]
pub struct ApiUser(pub Principal);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Principal::from_request_parts(parts, app).await.map(ApiUser)
    }
}

/// What every logged-in page needs: the principal, the session's CSRF token and the UI language.
#[derive(Debug, Clone)]
pub struct PageCtx {
    /// Who is asking.
    pub me: Principal,
    /// The CSRF token for the page's forms.
    pub csrf: String,
    /// UI language.
    pub lang: Language,
}

impl PageCtx {
    /// The texts of the page's language.
    pub fn t(&self) -> &'static Texts {
        Texts::of(self.lang)
    }

    /// The page chrome for a page titled `title`.
    pub fn layout(&self, title: impl Into<String>) -> Layout {
        Layout::new(
            self.t(),
            self.lang,
            title.into(),
            Some(&self.me),
            self.csrf.clone(),
        )
    }
}

/// The language chosen in the session, else the user's, else the configured default.
pub async fn language(session: &Session, user: Option<&User>, default: Language) -> Language {
    if let Ok(Some(l)) = session.get::<String>(SESSION_LANG).await
        && let Some(l) = Language::parse(&l)
    {
        return l;
    }
    user.and_then(|u| Language::parse(&u.language))
        .unwrap_or(default)
}

impl FromRequestParts<AppState> for PageCtx {
    type Rejection = WebError;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let me = Principal::from_request_parts(parts, app).await?;
        let session = Session::from_request_parts(parts, app)
            .await
            .map_err(|_| WebError::Unauthorized)?;
        let csrf = session_csrf(&session).await?;
        let lang = language(&session, Some(&me.user), app.config.language).await;
        Ok(PageCtx { me, csrf, lang })
    }
}
