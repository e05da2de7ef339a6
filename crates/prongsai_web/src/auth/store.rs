//! Sessions kept in the database (prongsai_db's `sessions` table), so logins survive a restart.

use prongsai_db::{Db, sessions};
use tower_sessions::cookie::time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, Result, SessionStore};

/// A `tower_sessions` store over the application database.
#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: Db,
}

impl DbSessionStore {
    /// A store over `db`.
    pub fn new(db: Db) -> DbSessionStore {
        DbSessionStore { db }
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn expiry(t: OffsetDateTime) -> Result<jiff::Timestamp> {
    jiff::Timestamp::from_second(t.unix_timestamp()).map_err(backend)
}

#[async_trait::async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> Result<()> {
        // Ids are 128 random bits; a collision is practically impossible, but never overwrite one.
        while sessions::load(&self.db, &record.id.to_string())
            .await
            .map_err(backend)?
            .is_some()
        {
            record.id = Id::default();
        }
        self.save(record).await
    }

    async fn save(&self, record: &Record) -> Result<()> {
        let data = serde_json::to_vec(record).map_err(|e| Error::Encode(e.to_string()))?;
        sessions::save(
            &self.db,
            &record.id.to_string(),
            &data,
            expiry(record.expiry_date)?,
        )
        .await
        .map_err(backend)
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some((data, expires)) = sessions::load(&self.db, &id.to_string())
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        if expires <= jiff::Timestamp::now() {
            return Ok(None);
        }
        serde_json::from_slice(&data)
            .map(Some)
            .map_err(|e| Error::Decode(e.to_string()))
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sessions::delete(&self.db, &id.to_string())
            .await
            .map_err(backend)
    }
}
