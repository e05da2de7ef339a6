//! Who is asking: password hashing, the session and bearer-token principal, CSRF and login throttling.

mod csrf;
pub mod login;
mod password;
pub mod policy;
mod principal;
mod store;
pub mod throttle;
mod visitor;

use argon2::{Argon2, PasswordHasher};

pub use csrf::{csrf_layer, new_token, session_csrf};
pub use principal::{ApiUser, PageCtx, Principal, SESSION_LANG, SESSION_USER};

/// The UI language of a session without a known user (session choice, else the default).
pub async fn principal_language(
    session: &tower_sessions::Session,
    default: crate::config::Language,
) -> crate::config::Language {
    principal::language(session, None, default).await
}
pub use store::DbSessionStore;
pub use throttle::Throttle;
pub use visitor::{LANG_COOKIE, NONCE_COOKIE, SigningKey, Visitor, visitor_layer};

use crate::error::WebError;

/// Hashes a password with argon2id (default parameters, random salt) into a PHC string.
/// Slow on purpose, and allocates its own 19 MiB: for one-off commands; the server uses
/// [`hash_password_async`].
pub fn hash_password(password: &str) -> Result<String, WebError> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|h| h.to_string())
        .map_err(WebError::internal)
}

/// [`hash_password`] without blocking the runtime, in the server's pool of argon2 working memories.
pub async fn hash_password_async(password: String) -> Result<String, WebError> {
    password::hash(password).await
}

/// Checks `password` against a PHC string (see [`password`]); a malformed hash is simply "no".
/// [`WebError::Busy`] when every argon2 worker stayed taken for the queue timeout.
pub async fn verify_password(password: String, phc: String) -> Result<bool, WebError> {
    password::verify(password, phc).await
}

/// Longest password the server will hash at login (longer ones are refused without hashing).
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// A valid argon2id hash of a random password nobody knows: verifying against it for an unknown
/// email takes as long as for a real account, so response time does not reveal which emails exist.
pub(crate) const DUMMY_HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$J9Zv2l3I2Qk0mCzqk4v0YbYz0kOeUo4Zx3hB2o7J9a8";

#[cfg(test)]
mod tests {
    use argon2::password_hash::phc::PasswordHash;

    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_are_argon2id() {
        let h = hash_password_async("รหัสผ่าน-ยาว-123".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(
            verify_password("รหัสผ่าน-ยาว-123".into(), h.clone())
                .await
                .unwrap()
        );
        assert!(!verify_password("wrong".into(), h).await.unwrap());
        assert!(
            PasswordHash::new(DUMMY_HASH).is_ok(),
            "the dummy hash must parse, or unknown emails answer faster"
        );
        assert!(
            !verify_password("x".into(), DUMMY_HASH.into())
                .await
                .unwrap()
        );
        assert!(
            !verify_password("x".into(), "not a hash".into())
                .await
                .unwrap()
        );
    }
}
