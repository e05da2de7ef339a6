//! Issue 11, passwords: one policy, changing one's own password, admin-issued one-time reset links.

use axum::http::StatusCode;
use jiff::SignedDuration;
use prongsai_db::{Actor, audit, password_resets, users};

use crate::support::{PASSWORD, World, email_of, story};

const NEW: &str = "ม้าลายกินหญ้าตอนเช้า";

async fn users_change_their_own_password(w: World) {
    let mut c = w.as_role("editor").await;
    let page = c.get("/account/password").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("รหัสผ่านปัจจุบัน"), "{}", page.body);
    let wrong = c
        .post_form(
            "/account/password",
            &[("current", "not it"), ("new", NEW), ("confirm", NEW)],
        )
        .await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(wrong.body.contains("รหัสผ่านปัจจุบันไม่ถูกต้อง"));
    // The issue's example, and the old 10-character minimum.
    for weak in ["1234567890", "ten-chars!", "password1234"] {
        let r = c
            .post_form(
                "/account/password",
                &[("current", PASSWORD), ("new", weak), ("confirm", weak)],
            )
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{weak}");
        assert!(r.body.contains("id=\"e-new\""), "{weak}: at the field");
    }
    let mismatch = c
        .post_form(
            "/account/password",
            &[("current", PASSWORD), ("new", NEW), ("confirm", "อื่น")],
        )
        .await;
    assert!(mismatch.body.contains("ไม่ตรงกัน"));
    let ok = c
        .post_form(
            "/account/password",
            &[("current", PASSWORD), ("new", NEW), ("confirm", NEW)],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let after = c.get(ok.location()).await;
    assert!(after.body.contains("เปลี่ยนรหัสผ่านเรียบร้อยแล้ว"));
    // Old password out, new one in.
    let mut fresh = w.client();
    assert_eq!(
        fresh.login(email_of("editor"), PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    let mut fresh = w.client();
    assert_eq!(
        fresh.login(email_of("editor"), NEW).await.status,
        StatusCode::SEE_OTHER
    );
    // Audited (without the hash).
    let log = audit::list(&w.app.db, None, 100, 0).await.unwrap();
    let entry = log
        .iter()
        .find(|e| e.action == "set_password")
        .expect("audited");
    assert!(entry.actor_label.contains(email_of("editor")));
    assert!(!entry.after.as_ref().unwrap().to_string().contains("argon2"));
}
story!(change_password, users_change_their_own_password);

async fn admins_issue_one_time_reset_links(w: World) {
    let viewer = users::by_email(&w.app.db, email_of("viewer"))
        .await
        .unwrap()
        .unwrap();
    let path = format!("/agencies/{}/users/{}/reset", w.own.id, viewer.id);
    // Not for a viewer or an editor to make.
    let mut editor = w.as_role("editor").await;
    let denied = editor.post_form(&path, &[]).await;
    assert!(
        denied.status == StatusCode::FORBIDDEN || denied.status == StatusCode::NOT_FOUND,
        "{}",
        denied.status
    );
    let mut admin = w.as_role("agency_admin").await;
    admin.get(&format!("/agencies/{}/users", w.own.id)).await;
    let made = admin.post_form(&path, &[]).await;
    assert_eq!(made.status, StatusCode::OK, "{}", made.body);
    let at = made.body.find("/reset/prs_").expect("the link is shown");
    let link: String = made.body[at..]
        .chars()
        .take_while(|c| *c != '<' && *c != '"')
        .collect();
    // The owner, not logged in, sets a new password through it.
    let mut owner = w.client();
    let form = owner.get(&link).await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    let weak = owner
        .post_form(&link, &[("new", "1234567890"), ("confirm", "1234567890")])
        .await;
    assert_eq!(weak.status, StatusCode::UNPROCESSABLE_ENTITY);
    let set = owner
        .post_form(&link, &[("new", NEW), ("confirm", NEW)])
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    assert_eq!(set.location(), "/login");
    assert_eq!(
        w.client().login(email_of("viewer"), NEW).await.status,
        StatusCode::SEE_OTHER
    );
    // Single use.
    let mut again = w.client();
    let reused = again.get(&link).await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(reused.body.contains("ใช้ไม่ได้แล้ว"), "{}", reused.body);
    again.get("/login").await;
    let reused = again
        .post_form(&link, &[("new", PASSWORD), ("confirm", PASSWORD)])
        .await;
    assert_eq!(reused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Expired links do not work either; unknown ones neither.
    let expired = password_resets::create(
        &w.app.db,
        &Actor::system("test"),
        viewer.id,
        SignedDuration::from_secs(-1),
        None,
    )
    .await
    .unwrap();
    let r = w.client().get(&format!("/reset/{expired}")).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = w.client().get("/reset/prs_0000").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // Only the hash is stored.
    let secret = link.trim_start_matches("/reset/");
    let log = audit::list(&w.app.db, None, 200, 0).await.unwrap();
    assert!(
        log.iter()
            .all(|e| !format!("{:?}{:?}", e.before, e.after).contains(secret))
    );
}
story!(reset_links, admins_issue_one_time_reset_links);
