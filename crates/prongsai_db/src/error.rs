//! `DbError`: what can go wrong in the persistence layer, with unique violations mapped to `Conflict`.

/// An error from the persistence layer. The web crate maps `NotFound` → 404, `Conflict` → 409,
/// `Invalid` → 400/422 and the rest → 500.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The row asked for does not exist.
    #[error("{entity} {id} not found")]
    NotFound {
        /// Entity name such as `agency` or `measure`.
        entity: &'static str,
        /// The key that was looked up, as text.
        id: String,
    },
    /// A uniqueness rule or a reference blocks the change (duplicate email, unit still in use …).
    #[error("conflict: {0}")]
    Conflict(String),
    /// The input is not acceptable (unknown role scope, score outside 0–100, bad code …).
    #[error("invalid input: {0}")]
    Invalid(String),
    /// Any other database error.
    #[error("database error: {0}")]
    Sqlx(#[source] sqlx::Error),
    /// Running the migrations failed.
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// SQLite extended result codes: SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY, SQLITE_CONSTRAINT_FOREIGNKEY.
const SQLITE_UNIQUE: &str = "2067";
const SQLITE_PRIMARY_KEY: &str = "1555";
const SQLITE_FOREIGN_KEY: &str = "787";
/// PostgreSQL SQLSTATEs: unique_violation, foreign_key_violation.
const PG_UNIQUE: &str = "23505";
const PG_FOREIGN_KEY: &str = "23503";

impl From<sqlx::Error> for DbError {
    /// Classifies the error: unique and foreign-key violations on either backend become `Conflict`.
    fn from(err: sqlx::Error) -> Self {
        if let Some(db_err) = err.as_database_error() {
            let code = db_err.code();
            let code = code.as_deref().unwrap_or("");
            let unique = db_err.is_unique_violation()
                || [SQLITE_UNIQUE, SQLITE_PRIMARY_KEY, PG_UNIQUE].contains(&code);
            let foreign = db_err.is_foreign_key_violation()
                || [SQLITE_FOREIGN_KEY, PG_FOREIGN_KEY].contains(&code);
            if unique {
                return DbError::Conflict(format!("already exists ({})", db_err.message()));
            }
            if foreign {
                return DbError::Conflict(format!(
                    "a referenced row is missing or still in use ({})",
                    db_err.message()
                ));
            }
        }
        DbError::Sqlx(err)
    }
}

impl DbError {
    /// Shorthand for `NotFound`.
    pub fn not_found(entity: &'static str, id: impl std::fmt::Display) -> Self {
        DbError::NotFound {
            entity,
            id: id.to_string(),
        }
    }

    /// Whether this is a `Conflict`.
    pub fn is_conflict(&self) -> bool {
        matches!(self, DbError::Conflict(_))
    }

    /// Whether this is a `NotFound`.
    pub fn is_not_found(&self) -> bool {
        matches!(self, DbError::NotFound { .. })
    }
}

/// A row value that could not be read back (a corrupt timestamp, an unknown enum slug …).
pub(crate) fn corrupt(what: &str, value: &str) -> DbError {
    DbError::Sqlx(sqlx::Error::Decode(
        format!("stored {what} {value:?} is not readable").into(),
    ))
}
