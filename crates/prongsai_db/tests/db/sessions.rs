//! Web sessions: save, load, replace, expire, delete.

use jiff::{SignedDuration, Timestamp};
use prongsai_db::{Db, sessions};
use prongsai_test_support::db_test;

db_test!(
    async fn sessions_survive_and_expire(db: &Db) {
        let later = Timestamp::now() + SignedDuration::from_hours(1);
        let past = Timestamp::now() - SignedDuration::from_secs(1);
        sessions::save(db, "s1", b"first", later).await.unwrap();
        sessions::save(db, "s1", &[0, 159, 255], later)
            .await
            .unwrap();
        sessions::save(db, "old", b"stale", past).await.unwrap();
        let (data, expiry) = sessions::load(db, "s1").await.unwrap().unwrap();
        assert_eq!(data, vec![0, 159, 255]);
        assert_eq!(expiry.as_microsecond(), later.as_microsecond());
        assert!(
            sessions::load(db, "old").await.unwrap().is_none(),
            "expired"
        );
        assert!(sessions::load(db, "nope").await.unwrap().is_none());
        assert_eq!(sessions::delete_expired(db).await.unwrap(), 1);
        sessions::delete(db, "s1").await.unwrap();
        sessions::delete(db, "s1").await.unwrap();
        assert!(sessions::load(db, "s1").await.unwrap().is_none());
    }
);
