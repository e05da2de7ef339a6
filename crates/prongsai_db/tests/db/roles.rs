//! Roles, visibility per role, and API tokens.

use prongsai_db::memberships::{self, Role, Scope, Visibility};
use prongsai_db::{Actor, Db, DbError, tokens, users};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency, agency_with_units, new_user, user};

db_test!(
    async fn roles_scopes_and_user_lists(db: &Db) {
        let (a, u1, _) = agency_with_units(db).await;
        let other = agency(db, "อบต.อื่น", "ลำปาง").await;
        let editor = user(db, "editor@example.org").await;
        let m = memberships::grant(db, &actor(), editor.id, Role::Editor, Scope::Agency(a.id))
            .await
            .unwrap();
        let dup =
            memberships::grant(db, &actor(), editor.id, Role::Editor, Scope::Agency(a.id)).await;
        assert!(dup.unwrap_err().is_conflict());
        let bad = memberships::grant(db, &actor(), editor.id, Role::Editor, Scope::System).await;
        assert!(matches!(bad, Err(DbError::Invalid(_))));
        let wrong_unit = Scope::Unit {
            agency_id: other.id,
            unit_id: u1.id,
        };
        let bad = memberships::grant(db, &actor(), editor.id, Role::UnitOfficer, wrong_unit).await;
        assert!(matches!(bad, Err(DbError::Invalid(_))));
        let (admin, grant) = users::create_with_membership(
            db,
            &actor(),
            new_user("admin@example.org"),
            Role::SystemAdmin,
            Scope::System,
        )
        .await
        .unwrap();
        assert_eq!(
            memberships::for_user(db, admin.id).await.unwrap(),
            vec![grant]
        );
        assert_eq!(
            memberships::for_user(db, editor.id).await.unwrap(),
            vec![m.clone()]
        );
        let (me, mine) = users::get_with_memberships(db, editor.id).await.unwrap();
        assert_eq!((me.id, mine), (editor.id, vec![m.clone()]));
        assert_eq!(
            memberships::for_agency(db, a.id).await.unwrap(),
            vec![m.clone()]
        );
        let listed: Vec<_> = users::list(db, Some(a.id))
            .await
            .unwrap()
            .into_iter()
            .map(|u| u.id)
            .collect();
        assert_eq!(listed, vec![editor.id]);
        assert_eq!(users::list(db, None).await.unwrap().len(), 2);
        memberships::revoke(db, &actor(), m.id).await.unwrap();
        assert!(
            memberships::for_user(db, editor.id)
                .await
                .unwrap()
                .is_empty()
        );
        // A failing grant inside create_with_role leaves no user behind.
        let failed = users::create_with_membership(
            db,
            &actor(),
            new_user("ghost@example.org"),
            Role::Viewer,
            Scope::Agency(prongsai_db::AgencyId(777)),
        )
        .await;
        assert!(failed.unwrap_err().is_not_found());
        assert!(
            users::by_email(db, "ghost@example.org")
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(
            Role::from_slug("province_supervisor"),
            Some(Role::ProvinceSupervisor)
        );
        assert_eq!("unit_officer".parse::<Role>().unwrap(), Role::UnitOfficer);
        assert_eq!(Role::Viewer.label_th(), "ผู้ดูข้อมูล");
    }
);

db_test!(
    async fn visibility_for_each_role(db: &Db) {
        let (cm1, unit, _) = agency_with_units(db).await;
        let cm2 = agency(db, "เทศบาลนครเชียงใหม่", "เชียงใหม่").await;
        let lp = agency(db, "อบต.ลำปาง", "ลำปาง").await;
        let a = actor();
        let cases = [
            ("sys@x.org", Role::SystemAdmin, Scope::System),
            (
                "sup@x.org",
                Role::ProvinceSupervisor,
                Scope::Province("เชียงใหม่".into()),
            ),
            ("adm@x.org", Role::AgencyAdmin, Scope::Agency(lp.id)),
            ("edi@x.org", Role::Editor, Scope::Agency(cm2.id)),
            (
                "uni@x.org",
                Role::UnitOfficer,
                Scope::Unit {
                    agency_id: cm1.id,
                    unit_id: unit.id,
                },
            ),
            ("vie@x.org", Role::Viewer, Scope::Agency(cm1.id)),
        ];
        let mut ids = Vec::new();
        for (email, role, scope) in cases {
            let u = user(db, email).await;
            memberships::grant(db, &a, u.id, role, scope).await.unwrap();
            ids.push(u.id);
        }
        let mut cm = vec![cm1.id, cm2.id];
        cm.sort();
        let expected = [
            Visibility::All,
            Visibility::Agencies(cm),
            Visibility::Agencies(vec![lp.id]),
            Visibility::Agencies(vec![cm2.id]),
            Visibility::Agencies(vec![cm1.id]),
            Visibility::Agencies(vec![cm1.id]),
        ];
        for (id, want) in ids.iter().zip(expected) {
            assert_eq!(
                memberships::agencies_visible(db, *id).await.unwrap(),
                want,
                "user {id}"
            );
        }
        // Two memberships add up; nothing granted sees nothing; disabled sees nothing.
        memberships::grant(db, &a, ids[2], Role::Viewer, Scope::Agency(cm2.id))
            .await
            .unwrap();
        let both = memberships::agencies_visible(db, ids[2]).await.unwrap();
        assert!(both.allows(lp.id) && both.allows(cm2.id) && !both.allows(cm1.id));
        let nobody = user(db, "none@x.org").await;
        assert_eq!(
            memberships::agencies_visible(db, nobody.id).await.unwrap(),
            Visibility::Agencies(vec![])
        );
        users::set_disabled(db, &a, ids[0], true).await.unwrap();
        assert_eq!(
            memberships::agencies_visible(db, ids[0]).await.unwrap(),
            Visibility::Agencies(vec![])
        );
    }
);

db_test!(
    async fn tokens_find_by_secret_and_revoke(db: &Db) {
        let u = user(db, "script@example.org").await;
        let by_user = Actor::user(u.id, u.email.clone());
        let (token, secret) = tokens::create(db, &by_user, u.id, "nightly import")
            .await
            .unwrap();
        assert!(secret.starts_with(tokens::SECRET_PREFIX));
        assert!(token.last_used_at.is_none() && !token.revoked);
        let stored: String = sqlx::query_scalar("SELECT token_hash FROM api_tokens WHERE id = $1")
            .bind(token.id.0)
            .fetch_one(db.pool())
            .await
            .unwrap();
        assert_eq!(stored, tokens::hash_secret(&secret));
        assert_ne!(stored, secret);
        let (found, owner) = tokens::find_by_secret(db, &secret).await.unwrap().unwrap();
        assert_eq!((found.id, owner.id), (token.id, u.id));
        assert!(found.last_used_at.is_some());
        assert_eq!(
            tokens::get(db, token.id).await.unwrap().last_used_at,
            found.last_used_at
        );
        assert!(
            tokens::find_by_secret(db, "pst_wrong")
                .await
                .unwrap()
                .is_none()
        );
        assert_eq!(tokens::list(db, u.id).await.unwrap().len(), 1);
        let revoked = tokens::revoke(db, &by_user, token.id).await.unwrap();
        assert!(revoked.revoked);
        assert!(tokens::find_by_secret(db, &secret).await.unwrap().is_none());
        // A disabled user's live token is refused too.
        let (_, second) = tokens::create(db, &by_user, u.id, "second").await.unwrap();
        assert!(tokens::find_by_secret(db, &second).await.unwrap().is_some());
        users::set_disabled(db, &actor(), u.id, true).await.unwrap();
        assert!(tokens::find_by_secret(db, &second).await.unwrap().is_none());
    }
);
