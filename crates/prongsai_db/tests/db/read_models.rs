//! What the web pages read and change: measure summaries, a year's measures in bulk, audit pages,
//! scored years, unit usage, role changes and agency-logged account changes.

use jiff::civil::date;
use prongsai_db::audit::Cursor;
use prongsai_db::measures::{self, MeasureStatus};
use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::{Db, DbError, assessments, audit, units, users};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency, agency_with_units, user};
use crate::measures::new_measure;

db_test!(
    async fn summary_counts_by_status_and_lists_the_overdue(db: &Db) {
        let (a, u1, u2) = agency_with_units(db).await;
        let statuses = MeasureStatus::ALL;
        for i in 0..8_i64 {
            let mut m = new_measure(a.id, 2568, 8 - i, vec![u1.id, u2.id]);
            m.status = statuses[usize::try_from(i % 4).unwrap()];
            m.period_end = Some(if i < 4 {
                date(2025, 1, 31)
            } else {
                date(2025, 12, 31)
            });
            m.links = vec![format!("i{}", i + 1), "O10".into()];
            measures::create(db, &actor(), m).await.unwrap();
        }
        // Another year and another agency do not count.
        measures::create(db, &actor(), new_measure(a.id, 2567, 1, vec![]))
            .await
            .unwrap();
        let b = agency(db, "เทศบาลตำบลอื่น", "ลำปาง").await;
        measures::create(db, &actor(), new_measure(b.id, 2568, 1, vec![]))
            .await
            .unwrap();
        let s = measures::summary(db, a.id, 2568, date(2025, 6, 1))
            .await
            .unwrap();
        assert_eq!(
            s.by_status,
            statuses.iter().map(|st| (*st, 2)).collect::<Vec<_>>()
        );
        // Ended 31 Jan 2025, neither done nor cancelled: i = 0 (not started) and 1 (in progress),
        // numbered 8 and 7, listed by number.
        let overdue: Vec<i64> = s.overdue.iter().map(|o| o.number).collect();
        assert_eq!(overdue, vec![7, 8]);
        assert!(s.overdue.iter().all(|o| o.period_end == date(2025, 1, 31)));
        let empty = measures::summary(db, a.id, 2570, date(2025, 6, 1))
            .await
            .unwrap();
        assert!(empty.by_status.iter().all(|(_, n)| *n == 0) && empty.overdue.is_empty());
        assert_eq!(
            measures::status_counts(db, b.id, 2568).await.unwrap()[1],
            (MeasureStatus::InProgress, 1)
        );
        // The whole year in bulk: each measure with its own links and units, in their order.
        let list = measures::list(db, a.id, 2568).await.unwrap();
        assert_eq!(list.len(), 8);
        for m in &list {
            assert_eq!(
                m.links,
                vec![format!("i{}", 9 - m.number), "O10".to_string()]
            );
            assert_eq!(m.unit_ids, vec![u1.id, u2.id]);
            assert_eq!(&measures::get(db, m.id).await.unwrap(), m);
        }
    }
);

db_test!(
    async fn scored_years_of_a_province(db: &Db) {
        let a = agency(db, "อบต.หนึ่ง", "ขอนแก่น").await;
        let b = agency(db, "อบต.สอง", "ขอนแก่น").await;
        let c = agency(db, "อบต.สาม", "ลำปาง").await;
        let pairs = [("i1".to_string(), 80.0)];
        for (ag, year) in [(a.id, 2566), (b.id, 2568), (a.id, 2568), (c.id, 2569)] {
            assessments::put_scores(db, &actor(), ag, year, "test", &pairs)
                .await
                .unwrap();
        }
        assert_eq!(
            assessments::years_in_province(db, "ขอนแก่น").await.unwrap(),
            vec![2566, 2568]
        );
        assert!(
            assessments::years_in_province(db, "น่าน")
                .await
                .unwrap()
                .is_empty()
        );
    }
);

db_test!(
    async fn audit_pages_walk_both_ways(db: &Db) {
        let (a, u1, _) = agency_with_units(db).await;
        let b = agency(db, "อบต.อื่น", "ลำปาง").await;
        let other = units::create(db, &actor(), b.id, "กองอื่น").await.unwrap();
        for i in 0..9 {
            units::rename(db, &actor(), u1.id, &format!("ส่วน {i}"))
                .await
                .unwrap();
            units::rename(db, &actor(), other.id, &format!("อื่น {i}"))
                .await
                .unwrap();
        }
        let ids: Vec<i64> = audit::list(db, Some(a.id), 100, 0)
            .await
            .unwrap()
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(ids.len(), 12, "agency, two units, nine renames");
        let p1 = audit::page(db, a.id, Cursor::Newest, 5).await.unwrap();
        let got = |p: &audit::Page| p.entries.iter().map(|e| e.id).collect::<Vec<_>>();
        assert_eq!(got(&p1), ids[..5]);
        assert_eq!((p1.newer, p1.older), (None, Some(ids[4])));
        let p2 = audit::page(db, a.id, Cursor::Before(ids[4]), 5)
            .await
            .unwrap();
        assert_eq!(got(&p2), ids[5..10]);
        assert_eq!((p2.newer, p2.older), (Some(ids[5]), Some(ids[9])));
        let p3 = audit::page(db, a.id, Cursor::Before(ids[9]), 5)
            .await
            .unwrap();
        assert_eq!(got(&p3), ids[10..]);
        assert_eq!((p3.newer, p3.older), (Some(ids[10]), None));
        let back = audit::page(db, a.id, Cursor::After(ids[10]), 5)
            .await
            .unwrap();
        assert_eq!(got(&back), ids[5..10]);
        assert_eq!((back.newer, back.older), (Some(ids[5]), Some(ids[9])));
        let top = audit::page(db, a.id, Cursor::After(ids[5]), 5)
            .await
            .unwrap();
        assert_eq!(got(&top), ids[..5]);
        assert_eq!((top.newer, top.older), (None, Some(ids[4])));
        // Past the oldest row: empty, with the way back.
        let past = audit::page(db, a.id, Cursor::Before(ids[11]), 5)
            .await
            .unwrap();
        assert!(past.entries.is_empty());
        assert_eq!((past.newer, past.older), (Some(ids[11] - 1), None));
    }
);

db_test!(
    async fn roles_change_in_place_and_unit_usage_is_counted(db: &Db) {
        let (a, u1, u2) = agency_with_units(db).await;
        let someone = user(db, "someone@example.org").await;
        let g = memberships::grant(db, &actor(), someone.id, Role::Viewer, Scope::Agency(a.id))
            .await
            .unwrap();
        let unit_scope = Scope::Unit {
            agency_id: a.id,
            unit_id: u1.id,
        };
        let changed =
            memberships::change_role(db, &actor(), g.id, Role::UnitOfficer, unit_scope.clone())
                .await
                .unwrap();
        assert_eq!((changed.id, changed.role), (g.id, Role::UnitOfficer));
        assert_eq!(memberships::get(db, g.id).await.unwrap(), changed);
        let e = audit::list(db, Some(a.id), 1, 0).await.unwrap().remove(0);
        assert_eq!(
            (e.entity.as_str(), e.action.as_str()),
            ("membership", "change_role")
        );
        assert_eq!(e.before.unwrap()["role"], "viewer");
        assert_eq!(e.after.unwrap()["role"], "unit_officer");
        // A scope that does not fit is refused and nothing changes.
        let bad = memberships::change_role(db, &actor(), g.id, Role::Editor, unit_scope).await;
        assert!(matches!(bad, Err(DbError::Invalid(_))), "{bad:?}");
        // Holding the same grant twice is a conflict.
        memberships::grant(db, &actor(), someone.id, Role::Editor, Scope::Agency(a.id))
            .await
            .unwrap();
        let twice =
            memberships::change_role(db, &actor(), g.id, Role::Editor, Scope::Agency(a.id)).await;
        assert!(matches!(twice, Err(DbError::Conflict(_))), "{twice:?}");
        assert_eq!(
            memberships::get(db, g.id).await.unwrap().role,
            Role::UnitOfficer
        );

        let usage = units::usage(db, u1.id).await.unwrap();
        assert_eq!((usage.measures, usage.memberships), (0, 1));
        measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![u1.id, u2.id]))
            .await
            .unwrap();
        assert_eq!(units::usage(db, u1.id).await.unwrap().measures, 1);
        assert!(!units::usage(db, u2.id).await.unwrap().is_unused());

        let off = users::set_disabled_in_agency(db, &actor(), someone.id, true, a.id)
            .await
            .unwrap();
        assert!(off.disabled);
        let e = audit::list(db, Some(a.id), 1, 0).await.unwrap().remove(0);
        assert_eq!(
            (e.entity.as_str(), e.action.as_str()),
            ("user", "set_disabled")
        );
        assert_eq!(e.after.unwrap()["disabled"], true);
    }
);
