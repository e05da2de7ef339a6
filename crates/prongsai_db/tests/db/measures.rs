//! Measures: links and units, atomic failure, status, copy to the next year, delete.

use jiff::civil::date;
use prongsai_db::measures::{self, MeasureStatus, NewMeasure};
use prongsai_db::{AgencyId, Db, DbError, UnitId, audit, progress, units};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency_with_units, count};

pub fn new_measure(agency: AgencyId, year: u16, number: i64, units: Vec<UnitId>) -> NewMeasure {
    NewMeasure {
        agency_id: agency,
        fiscal_year: year,
        number,
        title: format!("มาตรการที่ {number}: เผยแพร่ข้อมูลงบประมาณ"),
        analysis: "ข้อ i7 ได้คะแนนน้อยที่สุด".into(),
        steps: vec!["ประชุมชี้แจง".into(), " ".into(), "เผยแพร่บนเว็บไซต์".into()],
        period_start: Some(date(2024, 10, 1)),
        period_end: Some(date(2025, 9, 30)),
        period_text: "ต.ค. ๒๕๖๗ – ก.ย. ๒๕๖๘".into(),
        status: MeasureStatus::InProgress,
        outcome: "คะแนน i7 เพิ่มขึ้น".into(),
        links: vec!["ind3".into(), "I7".into(), "O10".into(), "i7".into()],
        unit_ids: units,
    }
}

db_test!(
    async fn measure_with_links_and_units(db: &Db) {
        let (a, u1, u2) = agency_with_units(db).await;
        let m = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![u2.id, u1.id]))
            .await
            .unwrap();
        assert_eq!(m.links, vec!["ind3", "i7", "O10"]);
        assert_eq!(m.unit_ids, vec![u2.id, u1.id]);
        assert_eq!(m.steps, vec!["ประชุมชี้แจง", "เผยแพร่บนเว็บไซต์"]);
        assert_eq!(measures::get(db, m.id).await.unwrap(), m);
        let mut edit = m.to_new();
        edit.unit_ids = vec![u1.id];
        edit.links = vec!["e3".into()];
        edit.period_start = None;
        let updated = measures::update(db, &actor(), m.id, edit).await.unwrap();
        assert_eq!(
            (
                updated.unit_ids.clone(),
                updated.links.clone(),
                updated.period_start
            ),
            (vec![u1.id], vec!["e3".to_string()], None)
        );
        let done = measures::set_status(db, &actor(), m.id, MeasureStatus::Done)
            .await
            .unwrap();
        assert_eq!(done.status, MeasureStatus::Done);
        let out = measures::set_outcome(db, &actor(), m.id, "สำเร็จ")
            .await
            .unwrap();
        assert_eq!(out.outcome, "สำเร็จ");
        measures::create(db, &actor(), new_measure(a.id, 2568, 2, vec![]))
            .await
            .unwrap();
        measures::create(db, &actor(), new_measure(a.id, 2569, 1, vec![]))
            .await
            .unwrap();
        let list = measures::list(db, a.id, 2568).await.unwrap();
        assert_eq!(
            list.iter().map(|m| m.number).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(list[0], out);
        let mut moved = out.to_new();
        moved.agency_id = AgencyId(4242);
        assert!(matches!(
            measures::update(db, &actor(), m.id, moved).await,
            Err(DbError::Invalid(_))
        ));
        assert_eq!(
            "done".parse::<MeasureStatus>().unwrap(),
            MeasureStatus::Done
        );
        assert_eq!(MeasureStatus::NotStarted.label_th(), "ยังไม่ดำเนินการ");
    }
);

db_test!(
    async fn failing_transaction_leaves_nothing(db: &Db) {
        let (a, u1, _) = agency_with_units(db).await;
        let audit_before = audit::count(db, None).await.unwrap();
        let bad = new_measure(a.id, 2568, 1, vec![u1.id, UnitId(987_654)]);
        let err = measures::create(db, &actor(), bad).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        assert_eq!(count(db, "measures").await, 0);
        assert_eq!(count(db, "measure_links").await, 0);
        assert_eq!(count(db, "measure_units").await, 0);
        assert_eq!(audit::count(db, None).await.unwrap(), audit_before);
        // A unit of another agency is refused the same way.
        let (other, foreign, _) = agency_with_units(db).await;
        assert_ne!(other.id, a.id);
        let err = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![foreign.id]))
            .await
            .unwrap_err();
        assert!(matches!(err, DbError::Invalid(_)), "{err:?}");
        // create_many is all or nothing.
        let batch = vec![
            new_measure(a.id, 2568, 1, vec![u1.id]),
            new_measure(a.id, 2568, 2, vec![UnitId(55_555)]),
        ];
        assert!(measures::create_many(db, &actor(), batch).await.is_err());
        assert_eq!(count(db, "measures").await, 0);
        let ok = vec![
            new_measure(a.id, 2568, 1, vec![u1.id]),
            new_measure(a.id, 2568, 2, vec![]),
        ];
        assert_eq!(
            measures::create_many(db, &actor(), ok).await.unwrap().len(),
            2
        );
        let mut bad_period = new_measure(a.id, 2568, 3, vec![]);
        bad_period.period_end = Some(date(2024, 1, 1));
        assert!(matches!(
            measures::create(db, &actor(), bad_period).await,
            Err(DbError::Invalid(_))
        ));
    }
);

db_test!(
    async fn copy_year_resets_status_and_shifts_periods(db: &Db) {
        let (a, u1, u2) = agency_with_units(db).await;
        let m1 = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![u1.id, u2.id]))
            .await
            .unwrap();
        let mut leap = new_measure(a.id, 2568, 2, vec![]);
        leap.period_start = Some(date(2024, 2, 29));
        leap.period_end = None;
        measures::create(db, &actor(), leap).await.unwrap();
        measures::create(db, &actor(), new_measure(a.id, 2569, 1, vec![]))
            .await
            .unwrap();
        let copied = measures::copy_year(db, &actor(), a.id, 2568, 2569, &|c| Some(c.to_string()))
            .await
            .unwrap();
        assert_eq!(copied, 2);
        let next = measures::list(db, a.id, 2569).await.unwrap();
        assert_eq!(
            next.iter().map(|m| m.number).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        let c1 = &next[1];
        assert_ne!(c1.id, m1.id);
        assert_eq!(
            (c1.title.as_str(), c1.links.clone(), c1.unit_ids.clone()),
            (m1.title.as_str(), m1.links.clone(), m1.unit_ids.clone())
        );
        assert_eq!(c1.status, MeasureStatus::NotStarted);
        assert_eq!(c1.outcome, "");
        assert_eq!(
            (c1.period_start, c1.period_end),
            (Some(date(2025, 10, 1)), Some(date(2026, 9, 30)))
        );
        assert_eq!(
            (next[2].period_start, next[2].period_end),
            (Some(date(2025, 2, 28)), None)
        );
        assert_eq!(
            measures::list(db, a.id, 2568).await.unwrap().len(),
            2,
            "the source year is untouched"
        );
        assert_eq!(
            measures::copy_year(db, &actor(), a.id, 2560, 2561, &|c| Some(c.to_string()))
                .await
                .unwrap(),
            0
        );
        assert!(matches!(
            measures::copy_year(db, &actor(), a.id, 2568, 2568, &|c| Some(c.to_string())).await,
            Err(DbError::Invalid(_))
        ));
        let entries = audit::list(db, Some(a.id), 2, 0).await.unwrap();
        assert!(
            entries
                .iter()
                .all(|e| e.action == "copy" && e.entity == "measure")
        );
        assert_eq!(entries[0].after.as_ref().unwrap()["status"], "not_started");
    }
);

db_test!(
    async fn delete_measure_cascades_and_frees_units(db: &Db) {
        let (a, u1, _) = agency_with_units(db).await;
        let m = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![u1.id]))
            .await
            .unwrap();
        let entry = progress::NewProgress {
            measure_id: m.id,
            entry_date: date(2025, 1, 15),
            text: "จัดประชุม".into(),
            outcome: String::new(),
            author: None,
        };
        let p = progress::add(db, &actor(), entry).await.unwrap();
        let file = prongsai_db::evidence::NewFile {
            measure_id: m.id,
            progress_id: Some(p.id),
            filename: "minutes.pdf".into(),
            mime: "application/pdf".into(),
            effective_date: None,
        };
        prongsai_db::evidence::add_file(db, &actor(), file, b"%PDF-1.4".to_vec())
            .await
            .unwrap();
        assert!(
            units::delete(db, &actor(), u1.id)
                .await
                .unwrap_err()
                .is_conflict()
        );
        measures::delete(db, &actor(), m.id).await.unwrap();
        for table in [
            "measures",
            "measure_links",
            "measure_units",
            "progress",
            "evidence",
        ] {
            assert_eq!(count(db, table).await, 0, "{table}");
        }
        assert!(measures::get(db, m.id).await.unwrap_err().is_not_found());
        let log = audit::list(db, Some(a.id), 3, 0).await.unwrap();
        let what: Vec<_> = log
            .iter()
            .map(|e| (e.entity.as_str(), e.action.as_str()))
            .collect();
        assert_eq!(
            what,
            vec![
                ("measure", "delete"),
                ("progress", "delete"),
                ("evidence", "delete")
            ]
        );
        units::delete(db, &actor(), u1.id).await.unwrap();
    }
);

db_test!(
    /// Issue 11: concurrent creation gave duplicate numbers (1,414 measures, 812 numbers). 8 writers × 25
    /// measures each, numbered by the database: 200 distinct numbers, 1 to 200 without a gap.
    async fn concurrent_creations_get_distinct_contiguous_numbers(db: &Db) {
        let (a, _, _) = agency_with_units(db).await;
        let mut tasks = Vec::new();
        for t in 0..8 {
            let db = db.clone();
            tasks.push(tokio::spawn(async move {
                for i in 0..25 {
                    let mut n = new_measure(a.id, 2568, 0, vec![]);
                    n.title = format!("มาตรการ {t}-{i}");
                    measures::create(&db, &actor(), n).await.unwrap();
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let mut numbers: Vec<i64> = measures::list(db, a.id, 2568)
            .await
            .unwrap()
            .iter()
            .map(|m| m.number)
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=200).collect::<Vec<i64>>());
        // Another year starts again at 1.
        let m = measures::create(db, &actor(), new_measure(a.id, 2569, 0, vec![]))
            .await
            .unwrap();
        assert_eq!(m.number, 1);
    }
);

db_test!(
    /// A number already used in the year is refused by the database, on create and on update.
    async fn a_used_number_is_a_conflict(db: &Db) {
        let (a, _, _) = agency_with_units(db).await;
        let m1 = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![]))
            .await
            .unwrap();
        let m2 = measures::create(db, &actor(), new_measure(a.id, 2568, 0, vec![]))
            .await
            .unwrap();
        assert_eq!((m1.number, m2.number), (1, 2));
        let err = measures::create(db, &actor(), new_measure(a.id, 2568, 2, vec![]))
            .await
            .unwrap_err();
        assert!(err.is_conflict(), "{err:?}");
        let mut edit = m2.to_new();
        edit.number = 1;
        let err = measures::update(db, &actor(), m2.id, edit)
            .await
            .unwrap_err();
        assert!(err.is_conflict(), "{err:?}");
        assert_eq!(count(db, "measures").await, 2);
    }
);
