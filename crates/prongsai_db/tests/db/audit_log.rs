//! The audit log: one row per mutation with before/after, newest first, per agency, append-only, UTC.

use prongsai_db::agencies;
use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::{Actor, Db, assessments, audit, tokens, units, users};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency, new_agency, user};

db_test!(
    async fn every_mutation_is_audited_with_before_and_after(db: &Db) {
        let admin = user(db, "admin@example.org").await;
        let me = Actor::user(admin.id, "admin@example.org");
        let a = agencies::create(db, &me, new_agency("อบต.บ้านนา", "เชียงใหม่"))
            .await
            .unwrap();
        let mut edit = new_agency("อบต.บ้านนาใหม่", "เชียงใหม่");
        edit.district = "สันทราย".into();
        agencies::update(db, &me, a.id, edit).await.unwrap();
        let u = units::create(db, &me, a.id, "กองช่าง").await.unwrap();
        units::rename(db, &me, u.id, "กองโยธา").await.unwrap();
        let m = memberships::grant(db, &me, admin.id, Role::AgencyAdmin, Scope::Agency(a.id))
            .await
            .unwrap();
        assessments::put_scores(db, &me, a.id, 2568, "manual", &[("i1".into(), 88.5)])
            .await
            .unwrap();
        assessments::put_scores(db, &me, a.id, 2568, "paste", &[("i1".into(), 90.25)])
            .await
            .unwrap();
        memberships::revoke(db, &me, m.id).await.unwrap();

        let log = audit::list(db, Some(a.id), 100, 0).await.unwrap();
        let what: Vec<_> = log
            .iter()
            .map(|e| (e.entity.as_str(), e.action.as_str()))
            .collect();
        assert_eq!(
            what,
            vec![
                ("membership", "revoke"),
                ("assessment", "put_scores"),
                ("assessment", "put_scores"),
                ("membership", "grant"),
                ("unit", "update"),
                ("unit", "create"),
                ("agency", "update"),
                ("agency", "create"),
            ]
        );
        assert!(
            log.iter()
                .all(|e| e.user_id == Some(admin.id) && e.actor_label == "admin@example.org")
        );
        assert!(
            log.windows(2)
                .all(|w| w[0].id > w[1].id && w[0].at >= w[1].at)
        );
        let agency_update = &log[6];
        assert_eq!(agency_update.entity_id, a.id.0);
        assert_eq!(agency_update.before.as_ref().unwrap()["name"], "อบต.บ้านนา");
        assert_eq!(
            agency_update.after.as_ref().unwrap()["name"],
            "อบต.บ้านนาใหม่"
        );
        assert_eq!(agency_update.after.as_ref().unwrap()["district"], "สันทราย");
        assert!(log[7].before.is_none() && log[0].after.is_none());
        assert_eq!(log[1].before.as_ref().unwrap()["scores"]["i1"], 88.5);
        assert_eq!(log[1].after.as_ref().unwrap()["scores"]["i1"], 90.25);
        assert_eq!(log[1].after.as_ref().unwrap()["source"], "paste");
        assert_eq!(log[4].before.as_ref().unwrap()["name"], "กองช่าง");
        // Paging and the unfiltered view (which also holds the user creation).
        let page = audit::list(db, Some(a.id), 3, 2).await.unwrap();
        assert_eq!(
            page.iter().map(|e| e.id).collect::<Vec<_>>(),
            log[2..5].iter().map(|e| e.id).collect::<Vec<_>>()
        );
        assert_eq!(audit::count(db, Some(a.id)).await.unwrap(), 8);
        assert_eq!(audit::count(db, None).await.unwrap(), 9);
        let all = audit::list(db, None, 100, 0).await.unwrap();
        assert_eq!(
            (
                all[8].entity.as_str(),
                all[8].action.as_str(),
                all[8].actor_label.as_str()
            ),
            ("user", "create", "test")
        );
        assert!(
            all[8]
                .after
                .as_ref()
                .unwrap()
                .get("password_hash")
                .is_none()
        );
    }
);

db_test!(
    async fn passwords_and_secrets_never_reach_the_log(db: &Db) {
        let u = user(db, "a@example.org").await;
        users::set_password(db, &actor(), u.id, "$argon2id$secret-hash")
            .await
            .unwrap();
        let (_, secret) = tokens::create(db, &actor(), u.id, "t").await.unwrap();
        let text: Vec<String> =
            sqlx::query_scalar("SELECT COALESCE(after_json, '') FROM audit_log")
                .fetch_all(db.pool())
                .await
                .unwrap();
        let text = text.join("\n");
        assert!(!text.contains("argon2"), "{text}");
        assert!(!text.contains(&secret));
        assert!(!text.contains(&tokens::hash_secret(&secret)));
    }
);

db_test!(
    async fn audit_rows_cannot_be_changed(db: &Db) {
        agency(db, "อบต.หนึ่ง", "ลำพูน").await;
        let upd = sqlx::query("UPDATE audit_log SET action = 'x'")
            .execute(db.pool())
            .await;
        assert!(upd.is_err(), "update must be refused");
        let del = sqlx::query("DELETE FROM audit_log")
            .execute(db.pool())
            .await;
        assert!(del.is_err(), "delete must be refused");
        assert_eq!(audit::count(db, None).await.unwrap(), 1);
    }
);

db_test!(
    async fn timestamps_are_utc_rfc3339(db: &Db) {
        let before = jiff::Timestamp::now();
        let a = agency(db, "อบต.เวลา", "ลำพูน").await;
        let after = jiff::Timestamp::now();
        assert!(
            before - jiff::SignedDuration::from_millis(1) <= a.created_at && a.created_at <= after
        );
        let texts: Vec<String> = sqlx::query_scalar(
            "SELECT created_at FROM agencies UNION ALL SELECT at FROM audit_log",
        )
        .fetch_all(db.pool())
        .await
        .unwrap();
        for t in texts {
            assert_eq!(t.len(), "2025-01-31T08:15:00.123456Z".len(), "{t}");
            assert!(t.ends_with('Z') && t.as_bytes()[10] == b'T', "{t}");
            let parsed: jiff::Timestamp = t.parse().unwrap();
            assert!(
                before - jiff::SignedDuration::from_millis(1) <= parsed && parsed <= after,
                "{t}"
            );
        }
        let json = serde_json::to_value(&a).unwrap();
        assert!(json["created_at"].as_str().unwrap().ends_with('Z'));
    }
);
