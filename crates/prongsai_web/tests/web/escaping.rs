//! What users type is text on every page that shows it: markup in a measure's title or a unit's name is escaped
//! (the review's escaping finding, kept as a test).

use axum::http::StatusCode;
use prongsai_db::{Actor, tokens, users};
use serde_json::json;

use crate::support::{World, YEAR, email_of, story};

async fn typed_markup_is_shown_as_text(w: World) {
    let u = users::by_email(&w.app.db, email_of("editor"))
        .await
        .unwrap()
        .unwrap();
    let token = tokens::create(&w.app.db, &Actor::system("test"), u.id, "script")
        .await
        .unwrap()
        .1;
    let mut c = w.client();
    let attack = "<script>alert('x')</script><img src=x onerror=alert(1)>";
    let r = c
        .api(
            "POST",
            &format!("/api/v1/agencies/{}/years/{YEAR}/measures", w.own.id),
            &token,
            Some(json!({"title": attack})),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = r.json()["id"].as_i64().unwrap();
    let mut page = w.as_role("viewer").await;
    for path in [
        format!("/agencies/{}/years/{YEAR}/measures", w.own.id),
        format!("/measures/{id}"),
        format!("/agencies/{}?year={YEAR}", w.own.id),
    ] {
        let p = page.get(&path).await;
        assert_eq!(p.status, StatusCode::OK, "{path}");
        assert!(!p.body.contains("<script>alert"), "{path}: raw script");
        assert!(!p.body.contains("<img src=x"), "{path}: raw img");
    }
    let list = page
        .get(&format!("/agencies/{}/years/{YEAR}/measures", w.own.id))
        .await;
    // Shown (askama writes `<` as an entity), not dropped.
    assert!(
        list.body.contains("&lt;script") || list.body.contains("&#60;script"),
        "the title is shown, escaped: {}",
        list.body
            .find("alert")
            .map_or("", |i| &list.body[i.saturating_sub(60)..i])
    );
}
story!(escaping, typed_markup_is_shown_as_text);
