//! Which agencies a user may see, computed from the user's memberships.

use serde::{Deserialize, Serialize};
use sqlx::Row;

use super::{Role, Scope, for_user};
use crate::{AgencyId, Db, DbError, UserId};

/// The agencies a user may see.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Every agency (system admin).
    All,
    /// These agencies only, sorted and without duplicates (possibly none).
    Agencies(Vec<AgencyId>),
}

impl Visibility {
    /// Whether `agency` is visible.
    pub fn allows(&self, agency: AgencyId) -> bool {
        match self {
            Visibility::All => true,
            Visibility::Agencies(ids) => ids.binary_search(&agency).is_ok(),
        }
    }
}

/// System admin: all; province supervisor: every agency of the province (as it is now); any other
/// role: its agency. A disabled user sees nothing.
pub async fn agencies_visible(db: &Db, user: UserId) -> Result<Visibility, DbError> {
    if crate::users::get(db, user).await?.disabled {
        return Ok(Visibility::Agencies(Vec::new()));
    }
    let mut ids = Vec::new();
    for m in for_user(db, user).await? {
        match (m.role, m.scope) {
            (Role::SystemAdmin, _) => return Ok(Visibility::All),
            (_, Scope::Province(province)) => {
                let rows = sqlx::query("SELECT id FROM agencies WHERE province = $1")
                    .bind(province)
                    .fetch_all(db.pool())
                    .await?;
                for row in rows {
                    ids.push(AgencyId(row.try_get("id")?));
                }
            }
            (_, Scope::Agency(agency_id) | Scope::Unit { agency_id, .. }) => ids.push(agency_id),
            (_, Scope::System) => {}
        }
    }
    ids.sort();
    ids.dedup();
    Ok(Visibility::Agencies(ids))
}
