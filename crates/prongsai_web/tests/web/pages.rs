//! Page-level promises: size under 200 KB, static htmx with caching, English on request, Thai by default.

use axum::http::StatusCode;
use prongsai_db::{Actor, assessments};

use crate::support::{World, YEAR, full_scores, story};

async fn pages_stay_small_and_assets_are_cached(w: World) {
    let pairs = full_scores(w.framework());
    assessments::put_scores(
        &w.app.db,
        &Actor::system("test"),
        w.own.id,
        YEAR,
        "test",
        &pairs,
    )
    .await
    .unwrap();
    let mut c = w.as_role("agency_admin").await;
    let id = w.own.id;
    for path in [
        format!("/agencies/{id}?year={YEAR}"),
        format!("/agencies/{id}/years/{YEAR}/scores"),
        format!("/agencies/{id}/years/{YEAR}/analysis"),
        format!("/agencies/{id}/years/{YEAR}/measures"),
        format!("/agencies/{id}/years/{YEAR}/measures/new"),
        format!("/agencies/{id}/years/{YEAR}/documents"),
        format!("/measures/{}", w.unit_measure.id),
        format!("/agencies/{id}/users"),
        format!("/agencies/{id}/units"),
        format!("/agencies/{id}/audit"),
        format!("/agencies/{id}/import"),
    ] {
        let r = c.get(&path).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.bytes.len() < 200 * 1024,
            "{path} is {} bytes",
            r.bytes.len()
        );
        assert!(
            r.body.starts_with("<!doctype html>") && r.body.contains("<html lang=\"th\">"),
            "{path}"
        );
    }
    // Documents: the analysis from the scores, the measures plan from the measures.
    let docs = format!("/agencies/{id}/years/{YEAR}/documents");
    let html = c.get(&format!("{docs}/analysis/html")).await;
    assert_eq!(html.status, StatusCode::OK, "{}", html.body);
    assert!(
        html.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(html.body.contains("บ้านนา"), "agency in the header");
    let docx = c.get(&format!("{docs}/measures/docx")).await;
    assert_eq!(docx.status, StatusCode::OK, "{}", docx.body);
    assert!(docx.bytes.starts_with(b"PK"));
    let pdf = c.get(&format!("{docs}/implementation/pdf")).await;
    assert_eq!(pdf.status, StatusCode::OK, "{}", pdf.body);
    assert!(pdf.bytes.starts_with(b"%PDF"));
    assert_eq!(
        c.get(&format!("{docs}/nonsense/pdf")).await.status,
        StatusCode::NOT_FOUND
    );
    let js = c.get("/static/htmx.min.js").await;
    assert_eq!(js.status, StatusCode::OK);
    assert!(
        js.headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("max-age")
    );
    assert!(js.bytes.len() > 10_000);
    assert_eq!(js.headers["x-content-type-options"], "nosniff");
    assert!(
        js.headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("script-src 'self'")
    );
    let css = c.get("/static/app.css").await;
    assert!(css.body.contains("Sarabun"));
    // English on request, remembered for the user.
    let r = c.post_form("/settings/language", &[("lang", "en")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let en = c.get(&format!("/agencies/{id}?year={YEAR}")).await;
    assert!(en.body.contains("<html lang=\"en\">") && en.body.contains("Dashboard"));
    let missing = c.get("/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("<html"));
}
story!(page_size, pages_stay_small_and_assets_are_cached);
