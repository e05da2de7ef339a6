//! Progress timeline and evidence (files with SHA-256, URLs).

use jiff::civil::date;
use prongsai_db::evidence::{self, EvidenceKind, NewFile, NewUrl};
use prongsai_db::progress::{self, NewProgress};
use prongsai_db::{Db, DbError, EvidenceId, measures};
use prongsai_test_support::db_test;

use crate::fixtures::{actor, agency_with_units, count, user};
use crate::measures::new_measure;

fn entry(measure: prongsai_db::MeasureId, day: jiff::civil::Date, text: &str) -> NewProgress {
    NewProgress {
        measure_id: measure,
        entry_date: day,
        text: text.into(),
        outcome: "ผลดี".into(),
        author: None,
    }
}

db_test!(
    async fn progress_is_a_timeline(db: &Db) {
        let (a, _, _) = agency_with_units(db).await;
        let author = user(db, "officer@example.org").await;
        let m = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![]))
            .await
            .unwrap();
        let late = progress::add(
            db,
            &actor(),
            NewProgress {
                author: Some(author.id),
                ..entry(m.id, date(2025, 3, 1), "ครั้งที่ 2")
            },
        )
        .await
        .unwrap();
        let early = progress::add(db, &actor(), entry(m.id, date(2024, 12, 1), "ครั้งที่ 1"))
            .await
            .unwrap();
        assert_eq!(late.author, Some(author.id));
        assert_eq!(late.agency_id, a.id);
        let timeline = progress::list(db, m.id).await.unwrap();
        assert_eq!(
            timeline.iter().map(|p| p.id).collect::<Vec<_>>(),
            vec![early.id, late.id]
        );
        assert_eq!(progress::get(db, early.id).await.unwrap(), early);
        let empty = progress::add(db, &actor(), entry(m.id, date(2025, 1, 1), "  ")).await;
        assert!(matches!(empty, Err(DbError::Invalid(_))));
        progress::delete(db, &actor(), early.id).await.unwrap();
        assert_eq!(progress::list(db, m.id).await.unwrap(), vec![late]);
    }
);

db_test!(
    async fn evidence_sha256_and_bytes(db: &Db) {
        let (a, _, _) = agency_with_units(db).await;
        let m = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![]))
            .await
            .unwrap();
        let file = NewFile {
            measure_id: m.id,
            progress_id: None,
            filename: "ประกาศ.pdf".into(),
            mime: "application/pdf".into(),
            effective_date: Some(date(2025, 2, 1)),
        };
        let e = evidence::add_file(db, &actor(), file, b"abc".to_vec())
            .await
            .unwrap();
        assert_eq!(
            e.sha256.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        assert_eq!((e.size, e.kind, e.agency_id), (3, EvidenceKind::File, a.id));
        assert!(e.bytes.is_none());
        let bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
        let big = NewFile {
            measure_id: m.id,
            progress_id: None,
            filename: "scan.bin".into(),
            mime: "application/octet-stream".into(),
            effective_date: None,
        };
        let big = evidence::add_file(db, &actor(), big, bytes.clone())
            .await
            .unwrap();
        let got = evidence::get(db, big.id).await.unwrap();
        assert_eq!(got.bytes.as_deref(), Some(bytes.as_slice()));
        assert_eq!(got.sha256.unwrap(), evidence::sha256_hex(&bytes));
        let url = NewUrl {
            measure_id: m.id,
            progress_id: None,
            url: "https://banna.go.th/ita/o10".into(),
            title: "หน้า O10".into(),
            effective_date: None,
        };
        let link = evidence::add_url(db, &actor(), url).await.unwrap();
        assert_eq!(
            (link.kind, link.url.as_deref(), link.sha256.clone()),
            (EvidenceKind::Url, Some("https://banna.go.th/ita/o10"), None)
        );
        assert_eq!(evidence::get(db, link.id).await.unwrap().bytes, None);
        let listed = evidence::list(db, m.id).await.unwrap();
        assert_eq!(
            listed.iter().map(|e| e.id).collect::<Vec<_>>(),
            vec![e.id, big.id, link.id]
        );
        assert!(listed.iter().all(|e| e.bytes.is_none()));
        evidence::delete(db, &actor(), e.id).await.unwrap();
        assert!(evidence::get(db, e.id).await.unwrap_err().is_not_found());
        assert!(
            evidence::get(db, EvidenceId(31337))
                .await
                .unwrap_err()
                .is_not_found()
        );
    }
);

db_test!(
    async fn progress_with_evidence_in_one_transaction(db: &Db) {
        let (a, _, _) = agency_with_units(db).await;
        let m = measures::create(db, &actor(), new_measure(a.id, 2568, 1, vec![]))
            .await
            .unwrap();
        let other = measures::create(db, &actor(), new_measure(a.id, 2568, 2, vec![]))
            .await
            .unwrap();
        // measure_id / progress_id inside are ignored: the evidence goes to the new entry.
        let photo = NewFile {
            measure_id: other.id,
            progress_id: None,
            filename: "photo.jpg".into(),
            mime: "image/jpeg".into(),
            effective_date: None,
        };
        let news = NewUrl {
            measure_id: other.id,
            progress_id: None,
            url: "https://example.org/news".into(),
            title: "ข่าว".into(),
            effective_date: Some(date(2025, 1, 2)),
        };
        let (p, files) = progress::add_with_evidence(
            db,
            &actor(),
            entry(m.id, date(2025, 1, 2), "อบรม"),
            vec![(photo, vec![1, 2, 3])],
            vec![news.clone()],
        )
        .await
        .unwrap();
        assert_eq!(
            (files[0].kind, files[1].kind),
            (EvidenceKind::File, EvidenceKind::Url)
        );
        assert!(files.iter().all(|f| f.measure_id == m.id));
        assert_eq!(files.len(), 2);
        assert!(files.iter().all(|f| f.progress_id == Some(p.id)));
        let timeline = progress::list_with_evidence(db, m.id).await.unwrap();
        assert_eq!(timeline, vec![(p.clone(), files.clone())]);
        // An empty URL fails the whole entry.
        let bad = NewUrl {
            url: " ".into(),
            ..news
        };
        assert!(
            progress::add_with_evidence(
                db,
                &actor(),
                entry(m.id, date(2025, 1, 3), "x"),
                vec![],
                vec![bad]
            )
            .await
            .is_err()
        );
        assert_eq!(count(db, "progress").await, 1);
        // Evidence cannot point at an entry of another measure.
        let wrong = NewFile {
            measure_id: other.id,
            progress_id: Some(p.id),
            filename: "a".into(),
            mime: "text/plain".into(),
            effective_date: None,
        };
        assert!(matches!(
            evidence::add_file(db, &actor(), wrong, vec![]).await,
            Err(DbError::Invalid(_))
        ));
        // Deleting the entry keeps its evidence with the measure.
        progress::delete(db, &actor(), p.id).await.unwrap();
        let kept = evidence::list(db, m.id).await.unwrap();
        assert_eq!(kept.len(), 2);
        assert!(kept.iter().all(|e| e.progress_id.is_none()));
    }
);
