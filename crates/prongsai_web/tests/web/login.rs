//! Login (good, bad, throttled), session cookie flags, redirect to login, logout.

use axum::http::{StatusCode, header};

use crate::support::{PASSWORD, World, email_of, story};

async fn good_login_sets_a_safe_cookie(w: World) {
    let mut c = w.client();
    let r = c.login(email_of("editor"), PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let cookie = r
        .headers
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "plain-HTTP default config: {cookie}"
    );
    // One agency → home goes straight to its dashboard.
    let home = c.get("/").await;
    assert_eq!(home.status, StatusCode::SEE_OTHER);
    assert_eq!(home.location(), format!("/agencies/{}", w.own.id));
    let dash = c.get(home.location()).await;
    assert_eq!(dash.status, StatusCode::OK);
    assert!(dash.body.contains("องค์การบริหารส่วนตำบลบ้านนา"));
    // Logout forgets the session.
    let out = c.post_form("/logout", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    let again = c.get(&format!("/agencies/{}", w.own.id)).await;
    assert_eq!(again.status, StatusCode::SEE_OTHER);
    assert!(
        again.location().starts_with("/login?next="),
        "{}",
        again.location()
    );
}
story!(good_login, good_login_sets_a_safe_cookie);

async fn bad_login_says_so_in_thai(w: World) {
    let mut c = w.client();
    let r = c.login(email_of("editor"), "wrong password").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("อีเมลหรือรหัสผ่านไม่ถูกต้อง"), "{}", r.body);
    assert!(
        r.body.contains(email_of("editor")),
        "the typed email is kept"
    );
    let unknown = c.login("nobody@nowhere.test", PASSWORD).await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
}
story!(bad_login, bad_login_says_so_in_thai);

async fn five_failures_throttle_even_the_right_password(w: World) {
    let mut c = w.client();
    for _ in 0..5 {
        assert_eq!(
            c.login(email_of("viewer"), "nope").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    let r = c.login(email_of("viewer"), PASSWORD).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(r.body.contains("กรุณารอ 15 นาที"), "{}", r.body);
    // Another account from the same address is not affected.
    assert_eq!(
        c.login(email_of("editor"), PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
}
story!(
    throttled_login,
    five_failures_throttle_even_the_right_password
);

async fn pages_need_login_and_the_api_says_401(w: World) {
    let mut c = w.client();
    let r = c
        .get(&format!("/agencies/{}/years/2568/scores", w.own.id))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        r.location(),
        format!(
            "/login?next=%2Fagencies%2F{}%2Fyears%2F2568%2Fscores",
            w.own.id
        )
    );
    let api = c.get("/api/v1/agencies").await;
    assert_eq!(api.status, StatusCode::UNAUTHORIZED);
    assert_eq!(api.json()["error"]["code"], "unauthorized");
    let bad_token = c
        .api("GET", "/api/v1/agencies", "pst_not-a-token", None)
        .await;
    assert_eq!(bad_token.status, StatusCode::UNAUTHORIZED);
}
story!(login_required, pages_need_login_and_the_api_says_401);
