//! Demo data for `prongsai demo`: the lead decides the data; this module offers the building blocks.

use prongsai_db::agencies::{self, Agency, NewAgency};
use prongsai_db::memberships::{Role, Scope};
use prongsai_db::users::{self, NewUser, User};
use prongsai_db::{Actor, Db, assessments};

use crate::auth::hash_password_async;
use crate::error::WebError;

/// Creates an agency.
pub async fn agency(db: &Db, new: NewAgency) -> Result<Agency, WebError> {
    Ok(agencies::create(db, &Actor::system("demo"), new).await?)
}

/// Creates a user with a password (hashed with argon2id) and grants `role` in `scope`.
pub async fn user(
    db: &Db,
    email: &str,
    name: &str,
    password: &str,
    role: Role,
    scope: Scope,
) -> Result<User, WebError> {
    let actor = Actor::system("demo");
    let hash = hash_password_async(password.to_string()).await?;
    let new = NewUser {
        email: email.to_string(),
        display_name: name.to_string(),
        password_hash: hash,
        language: "th".into(),
    };
    let (u, _) = users::create_with_membership(db, &actor, new, role, scope).await?;
    Ok(u)
}

/// Stores a score set for an agency's year (codes such as `i1`, `O12`, `ind3`).
pub async fn scores(
    db: &Db,
    agency: &Agency,
    year: u16,
    pairs: &[(String, f64)],
) -> Result<(), WebError> {
    assessments::put_scores(db, &Actor::system("demo"), agency.id, year, "demo", pairs).await?;
    Ok(())
}
