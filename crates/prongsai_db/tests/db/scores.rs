//! Assessments (exact scores, atomic replacement) and analysis notes.

use prongsai_db::{AgencyId, Db, DbError, analyses, assessments};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency, count};

fn scores(pairs: &[(&str, f64)]) -> Vec<(String, f64)> {
    pairs.iter().map(|(c, s)| (c.to_string(), *s)).collect()
}

db_test!(
    async fn scores_round_trip_exactly(db: &Db) {
        let a = agency(db, "อบต.บ้านนา", "เชียงใหม่").await;
        let input = scores(&[
            ("i7", 99.38),
            ("O10", 100.0),
            ("ind3", 84.995),
            ("e3", 0.01),
            ("EP1", 56.7),
        ]);
        let saved = assessments::put_scores(db, &actor(), a.id, 2568, "manual", &input)
            .await
            .unwrap();
        let got = assessments::get(db, a.id, 2568).await.unwrap().unwrap();
        assert_eq!(got, saved);
        assert_eq!(got.fiscal_year, 2568);
        assert_eq!(got.source, "manual");
        // Sorted by code family then number; every score exactly as entered (84.995 is not rounded).
        let expected = scores(&[
            ("i7", 99.38),
            ("e3", 0.01),
            ("EP1", 56.7),
            ("O10", 100.0),
            ("ind3", 84.995),
        ]);
        assert_eq!(got.scores, expected);
        let stored: i64 =
            sqlx::query_scalar("SELECT score_hundredths FROM assessment_scores WHERE code = $1")
                .bind("i7")
                .fetch_one(db.pool())
                .await
                .unwrap();
        assert_eq!(stored, 9938);
        assert_eq!(format!("{:.2}", got.scores[0].1), "99.38");
        assert!(assessments::get(db, a.id, 2567).await.unwrap().is_none());
    }
);

db_test!(
    async fn put_scores_replaces_the_whole_set(db: &Db) {
        let a = agency(db, "อบต.บ้านนา", "เชียงใหม่").await;
        let first = assessments::put_scores(
            db,
            &actor(),
            a.id,
            2567,
            "csv:2567.csv",
            &scores(&[("i1", 80.0), ("i2", 70.0)]),
        )
        .await
        .unwrap();
        let second = assessments::put_scores(
            db,
            &actor(),
            a.id,
            2567,
            "paste",
            &scores(&[("i2", 75.5), ("O1", 100.0)]),
        )
        .await
        .unwrap();
        assert_eq!(second.id, first.id);
        assert_eq!(second.source, "paste");
        assert_eq!(second.scores, scores(&[("i2", 75.5), ("O1", 100.0)]));
        assert_eq!(count(db, "assessment_scores").await, 2);
        // A bad row rejects the whole new set and keeps the old one.
        for bad in [
            scores(&[("i1", 90.0), ("i1", 91.0)]),
            scores(&[("i1", 101.0)]),
            scores(&[("x9", 1.0)]),
            scores(&[("i1", f64::NAN)]),
        ] {
            let err = assessments::put_scores(db, &actor(), a.id, 2567, "paste", &bad)
                .await
                .unwrap_err();
            assert!(matches!(err, DbError::Invalid(_)), "{err:?}");
        }
        assert_eq!(
            assessments::get(db, a.id, 2567).await.unwrap().unwrap(),
            second
        );
        assessments::put_scores(db, &actor(), a.id, 2569, "demo", &[])
            .await
            .unwrap();
        assessments::put_scores(db, &actor(), a.id, 2568, "import", &scores(&[("i1", 1.0)]))
            .await
            .unwrap();
        assert_eq!(
            assessments::years(db, a.id).await.unwrap(),
            vec![2567, 2568, 2569]
        );
        let missing = assessments::put_scores(db, &actor(), AgencyId(999), 2568, "x", &[])
            .await
            .unwrap_err();
        assert!(missing.is_not_found());
    }
);

db_test!(
    async fn analysis_notes_upsert_per_indicator(db: &Db) {
        let a = agency(db, "อบต.บ้านนา", "เชียงใหม่").await;
        let text = |cause, guidance, note| analyses::NoteText {
            cause,
            guidance,
            note,
        };
        analyses::save(
            db,
            &actor(),
            a.id,
            2568,
            3,
            text("ขาดการสื่อสาร", "ประชาสัมพันธ์ผ่านเว็บไซต์", ""),
        )
        .await
        .unwrap();
        analyses::save(db, &actor(), a.id, 2568, 1, text("สาเหตุ", "แนวทาง", ""))
            .await
            .unwrap();
        let updated = analyses::save(
            db,
            &actor(),
            a.id,
            2568,
            3,
            text("ขาดการสื่อสารภายใน", "จัดประชุม", "ทบทวนทุกไตรมาส"),
        )
        .await
        .unwrap();
        assert_eq!(updated.note, "ทบทวนทุกไตรมาส");
        let notes = analyses::list(db, a.id, 2568).await.unwrap();
        assert_eq!(
            notes.iter().map(|n| n.indicator).collect::<Vec<_>>(),
            vec![1, 3]
        );
        assert_eq!(notes[1], updated);
        assert!(analyses::list(db, a.id, 2567).await.unwrap().is_empty());
        assert_eq!(count(db, "analysis_notes").await, 2);
    }
);
