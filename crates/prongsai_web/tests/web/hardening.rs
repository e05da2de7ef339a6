//! Issue 11: nothing a user or a stranger sends can stop, bloat or fool the server.

use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use prongsai_db::sessions;

use crate::support::{PASSWORD, World, email_of, story};

/// Hostile `next` values as they arrive in a query string (percent-encoded), decoded: each would
/// leave the site or break the redirect if passed through.
const HOSTILE_NEXT: [&str; 10] = [
    "%2F%2Fevil.example",             // //evil.example
    "%2F%5Cevil.example",             // /\evil.example (browsers read \ as /)
    "%5C%2Fevil.example",             // \/evil.example
    "%2F%09%2Fevil.example",          // /<TAB>/evil.example (browsers drop the tab)
    "%2F%0d%0a",                      // CR LF: header injection, was a 500
    "%2F%0a%2Fevil.example",          // /<LF>/evil.example
    "https%3A%2F%2Fevil.example",     // another site
    "%2F%7F",                         // DEL
    "%2F%20%2Fevil.example",          // a space
    "%2F%E0%B8%81%2F%2Fevil.example", // raw non-ASCII
];

async fn hostile_next_values_go_home(w: World) {
    for q in HOSTILE_NEXT {
        let mut c = w.client();
        let r = c.get(&format!("/login?next={q}")).await;
        assert_eq!(r.status, StatusCode::OK, "next={q}");
        assert!(
            r.body.contains(r#"name="next" value="/">"#),
            "next={q} must become /: {}",
            r.body[r.body.find("name=\"next\"").unwrap_or(0)..]
                .chars()
                .take(60)
                .collect::<String>()
        );
    }
    // The login form's own field, sent with the raw characters, redirects home and never 500s.
    for raw in [
        "/\t/evil.example",
        "/\r\n",
        "/\x7f",
        "//evil.example",
        "/\\evil",
    ] {
        let mut c = w.client();
        c.get("/login").await;
        let r = c
            .post_form(
                "/login",
                &[
                    ("email", email_of("editor")),
                    ("password", PASSWORD),
                    ("next", raw),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "next={raw:?}: {}", r.body);
        assert_eq!(r.location(), "/", "next={raw:?}");
    }
    // A clean local path is kept.
    let mut c = w.client();
    c.get("/login").await;
    let target = format!("/agencies/{}/years/2568/scores?x=1", w.own.id);
    let r = c
        .post_form(
            "/login",
            &[
                ("email", email_of("editor")),
                ("password", PASSWORD),
                ("next", &target),
            ],
        )
        .await;
    assert_eq!(r.location(), target);
}
story!(hostile_next, hostile_next_values_go_home);

async fn strangers_store_no_sessions(w: World) {
    let db = &w.app.db;
    assert_eq!(sessions::count(db).await.unwrap(), 0);
    for i in 0..15 {
        let mut c = w.client();
        assert_eq!(c.get("/login").await.status, StatusCode::OK);
        let r = c.get(&format!("/no/such/page/{i}")).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.body.contains("ไม่พบ"), "{}", r.body);
        // A second visit with the cookies a browser would send stores nothing either.
        assert_eq!(c.get("/login").await.status, StatusCode::OK);
    }
    // A visitor's language choice lives in a cookie.
    let mut c = w.client();
    c.get("/login").await;
    let r = c.post_form("/settings/language", &[("lang", "en")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = c.get("/login").await;
    assert!(page.body.contains(r#"<html lang="en">"#));
    assert_eq!(
        sessions::count(db).await.unwrap(),
        0,
        "no anonymous request may write a session row"
    );

    // Logging in with the form's token still works, and creates exactly one session.
    let r = c.login(email_of("agency_admin"), PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(sessions::count(db).await.unwrap(), 1);
    c.refresh().await;
    let units = format!("/agencies/{}/units", w.own.id);
    c.get(&units).await;
    let ok = c.post_form(&units, &[("name", "กองช่าง")]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);

    // Without the nonce cookie a token copied from a page is worthless …
    let mut a = w.client();
    a.get("/login").await;
    let copied = a.csrf.clone();
    a.cookies.clear();
    let r = a
        .post_form(
            "/login",
            &[("email", email_of("editor")), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // … with the cookie but no token, or another visitor's token, the form is refused too.
    let mut b = w.client();
    b.get("/login").await;
    let body = format!("email={}&password={PASSWORD}", email_of("editor"));
    assert_eq!(
        b.post_raw_form("/login", &body).await.status,
        StatusCode::FORBIDDEN
    );
    b.csrf = copied;
    let r = b
        .post_form(
            "/login",
            &[("email", email_of("editor")), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(sessions::count(db).await.unwrap(), 1);
}
story!(no_anonymous_sessions, strangers_store_no_sessions);

async fn huge_login_fields_are_not_kept(w: World) {
    let mut c = w.client();
    c.get("/login").await;
    // A megabyte "e-mail" is refused from its size before it is read.
    let big = format!("{}@x.test", "a".repeat(1 << 20));
    let r = c
        .post_form("/login", &[("email", &big), ("password", "x")])
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Longer than any e-mail but inside the body limit: a failed login, nothing remembered.
    let long = format!("{}@x.test", "a".repeat(3000));
    let r = c
        .post_form("/login", &[("email", &long), ("password", "x")])
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(!r.body.contains(&long), "not echoed back");
    assert!(w.app.throttle.is_empty(), "nothing kept for it");
    // An ordinary failure is kept as fixed-size digests.
    c.login(email_of("viewer"), "wrong").await;
    assert_eq!(w.app.throttle.len(), 3);
}
story!(login_field_limits, huge_login_fields_are_not_kept);

async fn forwarded_for_cannot_be_forged(w: World) {
    let (mut c, _app) = w.client_with(|c| c.trust_proxy_headers = true);
    c.get("/login").await;
    let mut statuses = Vec::new();
    for i in 0..25 {
        // The client writes whatever it likes on the left; our proxy appends the real address.
        let xff = format!("198.51.100.{i}, 203.0.113.9");
        let r = c
            .post_form_with(
                "/login",
                &[("email", email_of("viewer")), ("password", "wrong")],
                &[("x-forwarded-for", &xff)],
            )
            .await;
        statuses.push(r.status);
    }
    assert!(
        statuses[..5].iter().all(|s| *s == StatusCode::UNAUTHORIZED),
        "{statuses:?}"
    );
    assert!(
        statuses[5..]
            .iter()
            .all(|s| *s == StatusCode::TOO_MANY_REQUESTS),
        "{statuses:?}"
    );
    // Another real client address is not blocked.
    let r = c
        .post_form_with(
            "/login",
            &[("email", email_of("viewer")), ("password", PASSWORD)],
            &[("x-forwarded-for", "198.51.100.1, 203.0.113.10")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}
story!(forwarded_for, forwarded_for_cannot_be_forged);

async fn one_account_from_many_addresses(w: World) {
    let (mut c, _app) = w.client_with(|c| c.trust_proxy_headers = true);
    c.get("/login").await;
    for i in 0..20 {
        let r = c
            .post_form_with(
                "/login",
                &[("email", email_of("unit_officer")), ("password", "guess")],
                &[("x-forwarded-for", &format!("203.0.113.{i}"))],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "attempt {i}");
    }
    let r = c
        .post_form_with(
            "/login",
            &[("email", email_of("unit_officer")), ("password", PASSWORD)],
            &[("x-forwarded-for", "203.0.113.200")],
        )
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
}
story!(per_account_limit, one_account_from_many_addresses);

/// A body that sends `first` and then nothing, ever.
fn stalled_body(first: &'static [u8]) -> Body {
    let chunks =
        futures_util::stream::once(
            async move { Ok::<_, std::io::Error>(Bytes::from_static(first)) },
        )
        .chain(futures_util::stream::pending());
    Body::from_stream(chunks)
}

use futures_util::StreamExt as _;

async fn bodies_are_bounded_in_size_and_time(w: World) {
    let (mut c, _app) = w.client_with(|c| c.body_timeout = Duration::from_millis(300));
    c.get("/login").await;
    // A stranger declaring 10 MB is refused at once, without reading any of it.
    let req = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::CONTENT_LENGTH, "10000000")
        .body(stalled_body(b"email="))
        .unwrap();
    let r = tokio::time::timeout(Duration::from_secs(5), c.send(req))
        .await
        .expect("answered without waiting for the body");
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    // A slow body is cut off by the read timeout.
    let req = Request::post("/login")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(stalled_body(b"email=a"))
        .unwrap();
    let r = tokio::time::timeout(Duration::from_secs(5), c.send(req))
        .await
        .expect("timed out by the server, not by the test");
    assert_eq!(r.status, StatusCode::REQUEST_TIMEOUT);
    // Logged in, the upload limit applies, also from Content-Length alone.
    let mut c = w.as_role("editor").await;
    let req = Request::post(format!("/measures/{}/progress", w.plain_measure.id))
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .header(header::CONTENT_LENGTH, "100000000")
        .body(stalled_body(b"--x"))
        .unwrap();
    let r = tokio::time::timeout(Duration::from_secs(5), c.send(req))
        .await
        .expect("answered without waiting for the body");
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}
story!(body_limits, bodies_are_bounded_in_size_and_time);

async fn every_text_field_has_a_limit(w: World) {
    let mut c = w.as_role("editor").await;
    let base = format!("/agencies/{}/years/2568/measures", w.own.id);
    c.get(&format!("{base}/new")).await;
    let before = prongsai_db::measures::list(&w.app.db, w.own.id, 2568)
        .await
        .unwrap()
        .len();
    // The issue's 5 MB title, and one just over the limit: refused at the field, input kept.
    let huge = "a".repeat(5_000_000);
    let r = c.post_form(&base, &[("title", &huge)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let long = "ม".repeat(501);
    let r = c.post_form(&base, &[("title", &long)]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"e-title\""), "message at the field");
    assert!(r.body.contains("ยาวเกินกำหนด"), "Thai message");
    assert!(r.body.contains(&long), "the typed title is kept");
    let steps = vec!["ขั้นตอน"; 101].join("\n");
    let r = c
        .post_form(&base, &[("title", "มาตรการ"), ("steps", &steps)])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("id=\"e-steps\""));
    let outcome = "ผ".repeat(5001);
    let r = c
        .post_form(&base, &[("title", "มาตรการ"), ("outcome", &outcome)])
        .await;
    assert!(r.body.contains("id=\"e-outcome\""));
    let after = prongsai_db::measures::list(&w.app.db, w.own.id, 2568)
        .await
        .unwrap()
        .len();
    assert_eq!(before, after, "nothing saved");
    // Progress text, unit names.
    let mut admin = w.as_role("agency_admin").await;
    let units = format!("/agencies/{}/units", w.own.id);
    admin.get(&units).await;
    let r = admin.post_form(&units, &[("name", &"ก".repeat(201))]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("ยาวเกินกำหนด"));
    let m = format!("/measures/{}", w.plain_measure.id);
    c.get(&m).await;
    let r = c
        .post_multipart(
            &format!("{m}/progress"),
            &[("entry_date", "1/10/2567"), ("text", &"ข".repeat(5001))],
            &[],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        &r.body[..200.min(r.body.len())]
    );
    assert!(r.body.contains("id=\"e-text\""));
}
story!(field_limits, every_text_field_has_a_limit);
