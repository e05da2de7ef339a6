//! The audit log page: 50 entries a page with older/newer links (keyset on the id), actions in Thai words.

use axum::http::StatusCode;
use prongsai_db::{Actor, assessments, audit, units};

use crate::support::{World, YEAR, full_scores, story};

/// How many entries a page shows.
fn rows(html: &str) -> usize {
    html.matches("data-code>").count()
}

/// The `href` of the link whose text is `label`, if any.
fn link(html: &str, label: &str) -> Option<String> {
    let end = html.find(&format!(">{label}</a>"))?;
    let start = html[..end].rfind("href=\"")? + 6;
    Some(html[start..start + html[start..].find('"')?].replace("&amp;", "&"))
}

async fn the_log_pages_by_fifty_in_words(w: World) {
    let actor = Actor::system("test");
    // 110 renames of one unit, then a score save: well over two pages of this agency's log.
    for i in 0..110 {
        units::rename(&w.app.db, &actor, w.unit.id, &format!("กองคลัง {i}"))
            .await
            .unwrap();
    }
    let pairs = full_scores(w.framework());
    assessments::put_scores(&w.app.db, &actor, w.own.id, YEAR, "test", &pairs)
        .await
        .unwrap();
    // Another agency's changes never show here.
    units::rename(&w.app.db, &actor, w.other_unit.id, "สำนักปลัดอื่น")
        .await
        .unwrap();
    let all = audit::list(&w.app.db, Some(w.own.id), 1000, 0)
        .await
        .unwrap();
    let ids: Vec<i64> = all.iter().map(|e| e.id).collect();
    assert!(ids.len() > 110);

    let (newer, older) = ("← รายการที่ใหม่กว่า", "รายการที่เก่ากว่า →");
    let mut c = w.as_role("agency_admin").await;
    let base = format!("/agencies/{}/audit", w.own.id);
    let first = c.get(&base).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(rows(&first.body), 50);
    assert!(
        first
            .body
            .contains("<span title=\"put_scores\">บันทึกคะแนน</span>"),
        "the newest entry in words, its code as the title"
    );
    assert!(first.body.contains("<span title=\"update\">แก้ไข</span>"));
    assert!(first.body.contains("หน่วยงานภายใน #"), "the entity in words");
    assert!(!first.body.contains("สำนักปลัดอื่น"));
    assert_eq!(
        link(&first.body, newer),
        None,
        "nothing newer than the newest"
    );
    let to_second = link(&first.body, older).expect("older link");
    assert_eq!(to_second, format!("{base}?before={}", ids[49]));

    let second = c.get(&to_second).await;
    assert_eq!(rows(&second.body), 50);
    assert_eq!(
        link(&second.body, newer),
        Some(format!("{base}?after={}", ids[50]))
    );
    let to_third = link(&second.body, older).expect("older link");
    assert_eq!(to_third, format!("{base}?before={}", ids[99]));

    let third = c.get(&to_third).await;
    assert_eq!(rows(&third.body), ids.len() - 100);
    assert_eq!(link(&third.body, older), None, "the oldest page");
    // Back up: the newer page of the third is the second again.
    let back = c.get(&link(&third.body, newer).expect("newer link")).await;
    assert_eq!(rows(&back.body), 50);
    assert_eq!(link(&back.body, older), Some(to_third));
    assert_eq!(
        link(&back.body, newer),
        Some(format!("{base}?after={}", ids[50]))
    );
    // English shows English words, still with the code.
    c.post_form("/settings/language", &[("lang", "en")]).await;
    let en = c.get(&base).await;
    assert!(
        en.body
            .contains("<span title=\"put_scores\">Saved scores</span>")
    );
    // Readers of the agency may not read its log.
    let mut editor = w.as_role("editor").await;
    assert_eq!(editor.get(&to_second).await.status, StatusCode::FORBIDDEN);
}
story!(audit_pages, the_log_pages_by_fifty_in_words);
