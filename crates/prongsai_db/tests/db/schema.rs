//! Connecting, migrating, backends.

use prongsai_db::{Backend, Db};
use prongsai_test_support::{TestDb, db_test};

use crate::fixtures::{agency, count};

db_test!(
    async fn migrate_twice_is_a_no_op(db: &Db) {
        agency(db, "อบต.หนึ่ง", "ลำพูน").await;
        let applied = count(db, "_sqlx_migrations").await;
        assert!(applied >= 1);
        db.migrate().await.unwrap();
        db.migrate().await.unwrap();
        assert_eq!(count(db, "agencies").await, 1);
        assert_eq!(count(db, "_sqlx_migrations").await, applied);
        db.ping().await.unwrap();
    }
);

#[tokio::test]
async fn backend_names() {
    let s = TestDb::sqlite().await;
    assert_eq!(s.backend(), Backend::Sqlite);
    assert_eq!(s.backend().name(), "sqlite");
    assert!(s.url().starts_with("sqlite://"));
    s.close().await;
    let p = TestDb::postgres().await;
    assert_eq!(p.backend(), Backend::Postgres);
    assert_eq!(p.backend().as_str(), "postgres");
    p.close().await;
}

#[tokio::test]
async fn sqlite_file_and_folder_are_created_and_persist() {
    let dir = std::env::temp_dir().join(format!("prongsai_db_persist_{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let url = format!("sqlite://{}", dir.join("nested/data.db").display());
    {
        let db = Db::connect(&url).await.unwrap();
        db.migrate().await.unwrap();
        agency(&db, "อบต.สอง", "ลำปาง").await;
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(fk, 1);
        db.close().await;
    }
    assert!(dir.join("nested/data.db").exists());
    let db = Db::connect(&url).await.unwrap();
    db.migrate().await.unwrap();
    assert_eq!(prongsai_db::agencies::list(&db).await.unwrap().len(), 1);
    db.close().await;
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn memory_database_keeps_its_data_across_calls() {
    let db = Db::connect("sqlite::memory:").await.unwrap();
    db.migrate().await.unwrap();
    agency(&db, "อบต.สาม", "น่าน").await;
    agency(&db, "อบต.สี่", "น่าน").await;
    assert_eq!(
        prongsai_db::agencies::list_by_province(&db, "น่าน")
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn unknown_url_scheme_is_invalid() {
    let err = Db::connect("mysql://localhost/x").await.unwrap_err();
    assert!(matches!(err, prongsai_db::DbError::Invalid(_)), "{err:?}");
}

db_test!(
    async fn concurrent_writers_all_succeed(db: &Db) {
        let mut handles = Vec::new();
        for i in 0..12 {
            let db = db.clone();
            handles.push(tokio::spawn(async move {
                let a = agency(&db, &format!("อบต.{i}"), "ตาก").await;
                prongsai_db::units::create(&db, &crate::fixtures::actor(), a.id, "กองช่าง")
                    .await
                    .unwrap();
            }));
        }
        for h in handles {
            h.await.unwrap();
        }
        assert_eq!(count(db, "agencies").await, 12);
        assert_eq!(count(db, "units").await, 12);
    }
);
