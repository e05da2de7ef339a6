//! Test helpers: throw-away SQLite and PostgreSQL databases, migrated, so story tests run on both backends.
//!
//! ```text
//! prongsai_test_support::db_test!(async fn creates_an_agency(db: &Db) {
//!     // … runs twice: as `creates_an_agency::sqlite` and `creates_an_agency::postgres`
//! });
//! ```
//!
//! PostgreSQL is never skipped: if it cannot be reached the test fails and says how to start it.

mod postgres;

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

pub use prongsai_db::{Backend, Db};

/// Where `TestDb::postgres` connects to create its databases, unless `PRONGSAI_TEST_PG_URL` says otherwise.
pub const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// How to start the local PostgreSQL cluster, quoted in failure messages.
pub const PG_START_HINT: &str =
    "pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start";

/// A migrated database that exists for one test and is removed afterwards (by `close` or on drop).
#[derive(Debug)]
pub struct TestDb {
    db: Db,
    url: String,
    cleanup: Option<Cleanup>,
}

#[derive(Debug)]
enum Cleanup {
    /// A temporary folder holding the SQLite file and its WAL files.
    SqliteDir(PathBuf),
    /// A database on the server, dropped through the admin URL.
    Postgres { admin_url: String, name: String },
}

/// A name no other test of any process uses at the same time.
fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    format!("{}_{n}_{nanos}", std::process::id())
}

impl TestDb {
    /// A fresh SQLite file in a temporary folder, migrated; the folder is removed afterwards.
    pub async fn sqlite() -> TestDb {
        let dir = std::env::temp_dir().join(format!("prongsai_test_{}", unique_suffix()));
        // The folder does not exist yet: `Db::connect` must create it.
        let url = format!("sqlite://{}", dir.join("test.db").display());
        let db = connect_and_migrate(&url).await;
        TestDb {
            db,
            url,
            cleanup: Some(Cleanup::SqliteDir(dir)),
        }
    }

    /// A fresh database on the PostgreSQL server of `PRONGSAI_TEST_PG_URL` (default [`DEFAULT_PG_URL`]),
    /// migrated; it is dropped afterwards. Panics with how to start PostgreSQL if it is unreachable.
    pub async fn postgres() -> TestDb {
        let admin_url =
            std::env::var("PRONGSAI_TEST_PG_URL").unwrap_or_else(|_| DEFAULT_PG_URL.into());
        let name = format!("prongsai_test_{}", unique_suffix());
        let url = postgres::create_database(&admin_url, &name).await;
        let db = connect_and_migrate(&url).await;
        TestDb {
            db,
            url,
            cleanup: Some(Cleanup::Postgres { admin_url, name }),
        }
    }

    /// A fresh database on `backend`.
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => TestDb::sqlite().await,
            Backend::Postgres => TestDb::postgres().await,
        }
    }

    /// Runs `story` on a fresh database of `backend`, then removes the database.
    pub async fn run(backend: Backend, story: impl AsyncFnOnce(&Db)) {
        let t = TestDb::new(backend).await;
        story(&t.db).await;
        t.close().await;
    }

    /// Runs `story` on a fresh SQLite database, then on a fresh PostgreSQL database.
    pub async fn both(story: impl AsyncFn(&Db)) {
        for backend in [Backend::Sqlite, Backend::Postgres] {
            eprintln!("-- story on {backend}");
            let t = TestDb::new(backend).await;
            story(&t.db).await;
            t.close().await;
        }
    }

    /// The database handle.
    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The connection URL (e.g. to start a server or CLI against the same database).
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Closes the pool and removes the database now.
    pub async fn close(mut self) {
        self.db.close().await;
        match self.cleanup.take() {
            Some(Cleanup::SqliteDir(dir)) => remove_dir(&dir),
            Some(Cleanup::Postgres { admin_url, name }) => {
                postgres::drop_database(&admin_url, &name).await
            }
            None => {}
        }
    }
}

impl Deref for TestDb {
    type Target = Db;

    fn deref(&self) -> &Db {
        &self.db
    }
}

impl Drop for TestDb {
    /// Cleans up when `close` was not called (e.g. the test panicked). Never panics.
    fn drop(&mut self) {
        match self.cleanup.take() {
            Some(Cleanup::SqliteDir(dir)) => remove_dir(&dir),
            Some(Cleanup::Postgres { admin_url, name }) => {
                postgres::drop_database_blocking(admin_url, name)
            }
            None => {}
        }
    }
}

fn remove_dir(dir: &std::path::Path) {
    if let Err(e) = std::fs::remove_dir_all(dir) {
        eprintln!(
            "prongsai_test_support: could not remove {}: {e}",
            dir.display()
        );
    }
}

async fn connect_and_migrate(url: &str) -> Db {
    let db = Db::connect(url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to the test database {url}: {e}"));
    db.migrate()
        .await
        .unwrap_or_else(|e| panic!("cannot migrate the test database {url}: {e}"));
    db
}

/// Declares a story test that runs on both backends: `mod name { fn sqlite(); fn postgres(); }`.
/// The calling crate needs `tokio` (with `macros` and `rt`) as a dev-dependency.
#[macro_export]
macro_rules! db_test {
    ($(#[$meta:meta])* async fn $name:ident($db:ident: $ty:ty) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn story($db: $ty) $body

            #[::tokio::test]
            async fn sqlite() {
                $crate::TestDb::run($crate::Backend::Sqlite, story).await;
            }

            #[::tokio::test]
            async fn postgres() {
                $crate::TestDb::run($crate::Backend::Postgres, story).await;
            }
        }
    };
}
