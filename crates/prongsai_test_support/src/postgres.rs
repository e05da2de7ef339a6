//! Creating and dropping throw-away PostgreSQL databases through an admin connection.

use sqlx::{AssertSqlSafe, Connection, PgConnection};

use crate::PG_START_HINT;

async fn admin(admin_url: &str) -> PgConnection {
    PgConnection::connect(admin_url).await.unwrap_or_else(|e| {
        panic!(
            "PostgreSQL is not reachable at {admin_url} ({e}).\n\
             The database tests always run on PostgreSQL too; start it with:\n    {PG_START_HINT}\n\
             or point PRONGSAI_TEST_PG_URL at a server where the user may CREATE DATABASE."
        )
    })
}

/// `url` with its database name replaced by `name`.
pub(crate) fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (url, String::new()),
    };
    let authority_start = base.find("://").map_or(0, |i| i + 3);
    let root = match base[authority_start..].find('/') {
        Some(i) => &base[..authority_start + i],
        None => base,
    };
    format!("{root}/{name}{query}")
}

/// Creates database `name` (first dropping leftovers of test processes that are gone) and returns its URL.
pub(crate) async fn create_database(admin_url: &str, name: &str) -> String {
    let mut conn = admin(admin_url).await;
    drop_stale(&mut conn).await;
    sqlx::query(AssertSqlSafe(format!("CREATE DATABASE \"{name}\"")))
        .execute(&mut conn)
        .await
        .unwrap_or_else(|e| panic!("cannot create test database {name} on {admin_url}: {e}"));
    let _ = conn.close().await;
    with_database(admin_url, name)
}

/// Drops databases named `prongsai_test_<pid>_…` whose process no longer exists (crashed runs).
async fn drop_stale(conn: &mut PgConnection) {
    let Ok(names) = sqlx::query_scalar::<_, String>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'prongsai\\_test\\_%'",
    )
    .fetch_all(&mut *conn)
    .await
    else {
        return;
    };
    for name in names {
        let pid = name
            .trim_start_matches("prongsai_test_")
            .split('_')
            .next()
            .unwrap_or("");
        let alive = std::path::Path::new("/proc").join(pid).exists();
        if !pid.is_empty() && !alive {
            let _ = sqlx::query(AssertSqlSafe(format!(
                "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
            )))
            .execute(&mut *conn)
            .await;
        }
    }
}

/// Drops database `name`, closing any connection still open to it. Reports failures, never panics.
pub(crate) async fn drop_database(admin_url: &str, name: &str) {
    let result = async {
        let mut conn = PgConnection::connect(admin_url).await?;
        sqlx::query(AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
        )))
        .execute(&mut conn)
        .await?;
        conn.close().await
    }
    .await;
    if let Err(e) = result {
        eprintln!("prongsai_test_support: could not drop test database {name}: {e}");
    }
}

/// [`drop_database`] from synchronous code (a `Drop`), on a thread with its own runtime.
pub(crate) fn drop_database_blocking(admin_url: String, name: String) {
    let joined = std::thread::spawn(move || {
        match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt.block_on(drop_database(&admin_url, &name)),
            Err(e) => eprintln!("prongsai_test_support: no runtime to drop {name}: {e}"),
        }
    })
    .join();
    if joined.is_err() {
        eprintln!("prongsai_test_support: dropping a test database panicked");
    }
}

#[cfg(test)]
mod tests {
    use super::with_database;

    #[test]
    fn replaces_the_database_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "t2"),
            "postgres://u:p@h/t2?sslmode=disable"
        );
        assert_eq!(
            with_database("postgres://h:5432", "t3"),
            "postgres://h:5432/t3"
        );
    }
}
