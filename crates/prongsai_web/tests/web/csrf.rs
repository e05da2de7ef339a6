//! CSRF: every form POST with a session needs the session's token.

use axum::http::StatusCode;

use crate::support::{PASSWORD, World, email_of, story};

async fn forms_without_the_token_are_refused(w: World) {
    let mut c = w.client();
    c.get("/login").await;
    // Login itself is protected.
    let body = format!("email={}&password={PASSWORD}", email_of("editor"));
    let r = c.post_raw_form("/login", &body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.body.contains("แบบฟอร์มหมดอายุ"), "{}", r.body);

    let mut c = w.as_role("agency_admin").await;
    let unit_path = format!("/agencies/{}/units", w.own.id);
    let missing = c.post_raw_form(&unit_path, "name=no-token").await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let wrong = c
        .post_raw_form(&unit_path, "csrf=0000&name=wrong-token")
        .await;
    assert_eq!(wrong.status, StatusCode::FORBIDDEN);
    // Multipart forms too.
    c.csrf = Some("forged".into());
    let mp = c
        .post_multipart(
            &format!("/measures/{}/progress", w.plain_measure.id),
            &[("text", "x")],
            &[],
        )
        .await;
    assert_eq!(mp.status, StatusCode::FORBIDDEN);
    // With the real token the same form works.
    c.get(&unit_path).await;
    let ok = c.post_form(&unit_path, &[("name", "กองช่าง")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let page = c.get(&unit_path).await;
    assert!(page.body.contains("กองช่าง"));
    assert!(!page.body.contains("no-token") && !page.body.contains("wrong-token"));
}
story!(csrf_rejection, forms_without_the_token_are_refused);
