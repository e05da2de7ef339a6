//! Agencies, units and users.

use prongsai_db::agencies::{self, AgencyKind};
use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::{Db, DbError, UnitId, units, users};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency, agency_with_units, new_agency, new_user, user};

db_test!(
    async fn agencies_create_get_list_update(db: &Db) {
        let a = agency(db, "เทศบาลตำบลสันทราย", "เชียงใหม่").await;
        let b = agency(db, "อบต.แม่ทา", "ลำพูน").await;
        assert_eq!(agencies::get(db, a.id).await.unwrap(), a);
        assert_eq!(a.website.as_deref(), Some("banna.go.th"));
        let all = agencies::list(db).await.unwrap();
        // Sorted by code point on both backends: ล (U+0E25) before เ (U+0E40).
        assert_eq!(
            all.iter().map(|x| x.id).collect::<Vec<_>>(),
            vec![b.id, a.id]
        );
        assert_eq!(
            agencies::list_by_province(db, "ลำพูน").await.unwrap(),
            vec![b.clone()]
        );
        assert_eq!(
            agencies::provinces(db).await.unwrap(),
            vec!["ลำพูน", "เชียงใหม่"]
        );
        let mut edit = new_agency("เทศบาลเมืองสันทราย", "เชียงใหม่");
        edit.kind = AgencyKind::TownMunicipality;
        edit.website = None;
        let updated = agencies::update(db, &actor(), a.id, edit).await.unwrap();
        assert_eq!(updated.kind, AgencyKind::TownMunicipality);
        assert_eq!(updated.website, None);
        assert_eq!(updated.created_at, a.created_at);
        assert!(updated.updated_at >= a.updated_at);
        let missing = agencies::get(db, prongsai_db::AgencyId(9999))
            .await
            .unwrap_err();
        assert!(
            matches!(
                missing,
                DbError::NotFound {
                    entity: "agency",
                    ..
                }
            ),
            "{missing:?}"
        );
        assert_eq!(AgencyKind::from_slug("pao"), Some(AgencyKind::Pao));
        assert_eq!(AgencyKind::Sao.label_th(), "องค์การบริหารส่วนตำบล");
    }
);

db_test!(
    async fn units_rename_and_refuse_delete_when_used(db: &Db) {
        let (a, u1, u2) = agency_with_units(db).await;
        let names: Vec<_> = units::list(db, a.id)
            .await
            .unwrap()
            .into_iter()
            .map(|u| u.name)
            .collect();
        assert_eq!(names, vec!["กองคลัง", "สำนักปลัด"]);
        let dup = units::create(db, &actor(), a.id, "กองคลัง")
            .await
            .unwrap_err();
        assert!(dup.is_conflict(), "{dup:?}");
        let renamed = units::rename(db, &actor(), u2.id, "กองการเงิน")
            .await
            .unwrap();
        assert_eq!(units::get(db, u2.id).await.unwrap(), renamed);
        let officer = user(db, "officer@example.org").await;
        let scope = Scope::Unit {
            agency_id: a.id,
            unit_id: u1.id,
        };
        memberships::grant(db, &actor(), officer.id, Role::UnitOfficer, scope)
            .await
            .unwrap();
        let refused = units::delete(db, &actor(), u1.id).await.unwrap_err();
        assert!(refused.is_conflict(), "{refused:?}");
        units::delete(db, &actor(), u2.id).await.unwrap();
        assert!(units::get(db, u2.id).await.unwrap_err().is_not_found());
        assert!(
            units::get(db, UnitId(424242))
                .await
                .unwrap_err()
                .is_not_found()
        );
    }
);

db_test!(
    async fn users_email_is_unique_and_case_insensitive(db: &Db) {
        let u = user(db, "  Somchai@Example.ORG ").await;
        assert_eq!(u.email, "somchai@example.org");
        assert!(!u.disabled);
        let again = users::create(db, &actor(), new_user("SOMCHAI@example.org"))
            .await
            .unwrap_err();
        assert!(matches!(again, DbError::Conflict(_)), "{again:?}");
        let found = users::by_email(db, "SomChai@example.org")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(found, u);
        assert_eq!(found.password_hash, new_user("x").password_hash);
        assert!(
            !format!("{found:?}").contains("argon2"),
            "Debug must hide the hash"
        );
        assert!(!serde_json::to_string(&found).unwrap().contains("argon2"));
        assert!(
            users::by_email(db, "nobody@example.org")
                .await
                .unwrap()
                .is_none()
        );
        users::set_password(db, &actor(), u.id, "$argon2id$new")
            .await
            .unwrap();
        assert_eq!(
            users::get(db, u.id).await.unwrap().password_hash,
            "$argon2id$new"
        );
        assert_eq!(
            users::set_language(db, &actor(), u.id, "en")
                .await
                .unwrap()
                .language,
            "en"
        );
        assert!(matches!(
            users::set_language(db, &actor(), u.id, "fr").await,
            Err(DbError::Invalid(_))
        ));
        assert!(
            users::set_disabled(db, &actor(), u.id, true)
                .await
                .unwrap()
                .disabled
        );
        let renamed = users::set_display_name(db, &actor(), u.id, "สมหญิง")
            .await
            .unwrap();
        assert_eq!(renamed.display_name, "สมหญิง");
    }
);
