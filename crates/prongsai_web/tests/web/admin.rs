//! Administration: roles changed, logins disabled, units renamed and deleted, agency details edited, all audited.

use axum::http::StatusCode;
use prongsai_db::memberships::{self, Membership, Role};
use prongsai_db::{Actor, AgencyId, UserId, agencies, audit, tokens, units, users};

use crate::support::{PASSWORD, World, email_of, story};

/// The id and agency grants of the fixture user of `role`.
pub async fn member(w: &World, role: &str) -> (UserId, Vec<Membership>) {
    let u = users::by_email(&w.app.db, email_of(role))
        .await
        .unwrap()
        .unwrap();
    (u.id, memberships::for_user(&w.app.db, u.id).await.unwrap())
}

/// The newest audit entry of an agency.
async fn last_entry(w: &World, agency: AgencyId) -> audit::AuditEntry {
    audit::list(&w.app.db, Some(agency), 1, 0)
        .await
        .unwrap()
        .remove(0)
}

async fn agency_admins_change_roles(w: World) {
    let (_, grants) = member(&w, "viewer").await;
    let grant = &grants[0];
    let path = format!("/agencies/{}/memberships/{}", w.own.id, grant.id);
    let mut admin = w.as_role("agency_admin").await;
    admin.get(&format!("/agencies/{}/users", w.own.id)).await;
    // A unit officer needs a unit: refused at the grant's row, nothing changed.
    let r = admin.post_form(&path, &[("role", "unit_officer")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(&format!("id=\"e-grant-{}\"", grant.id)));
    assert!(r.body.contains("หน่วยงานภายใน: กรุณากรอกช่องนี้"));
    let same = memberships::get(&w.app.db, grant.id).await.unwrap();
    assert_eq!(same.role, Role::Viewer);
    // The viewer becomes an editor: same grant, new role, audited before → after.
    let r = admin.post_form(&path, &[("role", "editor")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let changed = memberships::get(&w.app.db, grant.id).await.unwrap();
    assert_eq!(changed.role, Role::Editor);
    let e = last_entry(&w, w.own.id).await;
    assert_eq!(
        (e.entity.as_str(), e.action.as_str()),
        ("membership", "change_role")
    );
    assert_eq!(e.before.unwrap()["role"], "viewer");
    assert_eq!(e.after.unwrap()["role"], "editor");
    let mut promoted = w.as_role("viewer").await;
    let new_form = format!("/agencies/{}/years/2568/measures/new", w.own.id);
    assert_eq!(promoted.get(&new_form).await.status, StatusCode::OK);
    // One's own role cannot be changed (no lock-out by mistake).
    let (_, mine) = member(&w, "agency_admin").await;
    let r = admin
        .post_form(
            &format!("/agencies/{}/memberships/{}", w.own.id, mine[0].id),
            &[("role", "viewer")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let kept = memberships::get(&w.app.db, mine[0].id).await.unwrap();
    assert_eq!(kept.role, Role::AgencyAdmin);
    // An editor may not change roles.
    let mut editor = w.as_role("editor").await;
    let r = editor.post_form(&path, &[("role", "viewer")]).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let unchanged = memberships::get(&w.app.db, grant.id).await.unwrap();
    assert_eq!(unchanged.role, Role::Editor);
}
story!(change_role, agency_admins_change_roles);

async fn a_disabled_login_stops_sessions_tokens_and_logins(w: World) {
    let (uid, _) = member(&w, "editor").await;
    let (_, secret) = tokens::create(&w.app.db, &Actor::system("test"), uid, "script")
        .await
        .unwrap();
    let mut editor = w.as_role("editor").await;
    let dash = format!("/agencies/{}", w.own.id);
    assert_eq!(editor.get(&dash).await.status, StatusCode::OK);
    let mut api = w.client();
    assert_eq!(
        api.api("GET", "/api/v1/agencies", &secret, None)
            .await
            .status,
        StatusCode::OK
    );
    let mut admin = w.as_role("agency_admin").await;
    admin.get(&format!("/agencies/{}/users", w.own.id)).await;
    let path = format!("/agencies/{}/users/{uid}/login", w.own.id);
    let r = admin.post_form(&path, &[("login", "disable")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(users::get(&w.app.db, uid).await.unwrap().disabled);
    let e = last_entry(&w, w.own.id).await;
    assert_eq!(
        (e.entity.as_str(), e.action.as_str()),
        ("user", "set_disabled")
    );
    assert_eq!(e.before.unwrap()["disabled"], false);
    assert_eq!(e.after.unwrap()["disabled"], true);
    // The open session, the token and a new login all stop working.
    let r = editor.get(&dash).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/login"), "{}", r.location());
    assert_eq!(
        api.api("GET", "/api/v1/agencies", &secret, None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    let mut again = w.client();
    let r = again.login(email_of("editor"), PASSWORD).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // The users page says so; re-enabling lets the user in again.
    let page = admin.get(&format!("/agencies/{}/users", w.own.id)).await;
    assert!(page.body.contains("ถูกระงับการเข้าสู่ระบบ"));
    let r = admin.post_form(&path, &[("login", "enable")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = again.login(email_of("editor"), PASSWORD).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // Not oneself, and not an account that holds roles elsewhere unless a system administrator asks.
    let (me, _) = member(&w, "agency_admin").await;
    let r = admin
        .post_form(
            &format!("/agencies/{}/users/{me}/login", w.own.id),
            &[("login", "disable")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!users::get(&w.app.db, me).await.unwrap().disabled);
    memberships::grant(
        &w.app.db,
        &Actor::system("test"),
        uid,
        Role::Viewer,
        memberships::Scope::Agency(w.other.id),
    )
    .await
    .unwrap();
    let r = admin.post_form(&path, &[("login", "disable")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("ผู้ดูแลระบบเท่านั้นที่ระงับได้"));
    assert!(!users::get(&w.app.db, uid).await.unwrap().disabled);
    let mut sys = w.as_role("system_admin").await;
    let r = sys.post_form(&path, &[("login", "disable")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(users::get(&w.app.db, uid).await.unwrap().disabled);
}
story!(
    disable_login,
    a_disabled_login_stops_sessions_tokens_and_logins
);

async fn units_are_renamed_and_deleted_only_when_unused(w: World) {
    let mut admin = w.as_role("agency_admin").await;
    let base = format!("/agencies/{}/units", w.own.id);
    admin.get(&base).await;
    let r = admin
        .post_form(
            &format!("{base}/{}", w.unit.id),
            &[("name", "กองคลังและพัสดุ")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        units::get(&w.app.db, w.unit.id).await.unwrap().name,
        "กองคลังและพัสดุ"
    );
    let e = last_entry(&w, w.own.id).await;
    assert_eq!((e.entity.as_str(), e.action.as_str()), ("unit", "update"));
    assert_eq!(e.before.unwrap()["name"], "กองคลัง");
    // A measure names the unit: a Thai error at its row, nothing deleted, nothing logged.
    let log_before = audit::count(&w.app.db, Some(w.own.id)).await.unwrap();
    let r = admin
        .post_form(&format!("{base}/{}/delete", w.unit.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(&format!("id=\"e-unit-{}\"", w.unit.id)));
    assert!(r.body.contains("ลบไม่ได้ เพราะยังเป็นผู้รับผิดชอบมาตรการอยู่"));
    assert!(units::get(&w.app.db, w.unit.id).await.is_ok());
    assert_eq!(
        audit::count(&w.app.db, Some(w.own.id)).await.unwrap(),
        log_before
    );
    // A new, unused unit: a taken name is refused, then it is deleted.
    admin.post_form(&base, &[("name", "กองช่าง")]).await;
    let spare = units::list(&w.app.db, w.own.id)
        .await
        .unwrap()
        .into_iter()
        .find(|u| u.name == "กองช่าง")
        .expect("created");
    let r = admin
        .post_form(&format!("{base}/{}", spare.id), &[("name", "กองคลังและพัสดุ")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("มีหน่วยงานภายในชื่อนี้อยู่แล้ว"));
    let r = admin
        .post_form(&format!("{base}/{}/delete", spare.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(units::get(&w.app.db, spare.id).await.is_err(), "row gone");
    let e = last_entry(&w, w.own.id).await;
    assert_eq!((e.entity.as_str(), e.action.as_str()), ("unit", "delete"));
    assert!(e.after.is_none());
    // Another agency's unit is not found through this agency, and stays.
    let r = admin
        .post_form(&format!("{base}/{}/delete", w.other_unit.id), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(units::get(&w.app.db, w.other_unit.id).await.is_ok());
}
story!(units_admin, units_are_renamed_and_deleted_only_when_unused);

async fn system_admins_edit_agency_details(w: World) {
    let path = format!("/agencies/{}", w.own.id);
    let fields = [
        ("name", "องค์การบริหารส่วนตำบลบ้านนาใหม่"),
        ("kind", "tambon_municipality"),
        ("district", "บ้านไผ่"),
        ("province", "ขอนแก่น"),
        ("website", "https://www.BanNa.go.th/"),
    ];
    // An agency admin may see the agency but not edit its details.
    let mut admin = w.as_role("agency_admin").await;
    assert_eq!(
        admin.get(&format!("{path}/edit")).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        admin.post_form(&path, &fields).await.status,
        StatusCode::FORBIDDEN
    );
    let mut sys = w.as_role("system_admin").await;
    let form = sys.get(&format!("{path}/edit")).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("value=\"องค์การบริหารส่วนตำบลบ้านนา\""));
    let bad = sys
        .post_form(
            &path,
            &[
                ("name", "x"),
                ("province", "ขอนแก่น"),
                ("kind", "sao"),
                ("website", "not a domain"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("id=\"e-website\""));
    let same = agencies::get(&w.app.db, w.own.id).await.unwrap();
    assert_eq!(same.name, w.own.name, "nothing saved");
    let r = sys.post_form(&path, &fields).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let a = agencies::get(&w.app.db, w.own.id).await.unwrap();
    assert_eq!(a.name, "องค์การบริหารส่วนตำบลบ้านนาใหม่");
    assert_eq!(a.kind.slug(), "tambon_municipality");
    assert_eq!(a.district, "บ้านไผ่");
    assert_eq!(a.website.as_deref(), Some("www.banna.go.th"));
    let e = last_entry(&w, w.own.id).await;
    assert_eq!((e.entity.as_str(), e.action.as_str()), ("agency", "update"));
    assert_eq!(e.before.unwrap()["name"], "องค์การบริหารส่วนตำบลบ้านนา");
    assert_eq!(e.after.unwrap()["website"], "www.banna.go.th");
}
story!(agency_details, system_admins_edit_agency_details);

/// Issue 11: "Add user" told whether an e-mail had an account in another agency and granted it a role there
/// without consent. Now an existing and a new address get the same answer, both become pending invitations,
/// and nothing is granted until the owner accepts after logging in.
async fn adding_a_user_invites_without_disclosing(w: World) {
    let actor = Actor::system("test");
    let hash = prongsai_web::auth::hash_password(PASSWORD).unwrap();
    let elsewhere = "clerk@huaykaew.test";
    let (other_user, _) = users::create_with_membership(
        &w.app.db,
        &actor,
        users::NewUser {
            email: elsewhere.into(),
            display_name: "เจ้าหน้าที่ห้วยแก้ว".into(),
            password_hash: hash,
            language: "th".into(),
        },
        Role::Viewer,
        memberships::Scope::Agency(w.other.id),
    )
    .await
    .unwrap();
    let fresh = "newcomer@banna.test";
    let path = format!("/agencies/{}/users", w.own.id);
    let mut admin = w.as_role("agency_admin").await;
    admin.get(&path).await;
    // A short password: the same refusal for both addresses (it used to pass for an existing account).
    let short_existing = admin
        .post_form(
            &path,
            &[
                ("email", elsewhere),
                ("password", "short"),
                ("role", "editor"),
            ],
        )
        .await;
    let short_fresh = admin
        .post_form(
            &path,
            &[("email", fresh), ("password", "short"), ("role", "editor")],
        )
        .await;
    assert_eq!(short_existing.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(short_fresh.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        short_existing.body.replace(elsewhere, "X"),
        short_fresh.body.replace(fresh, "X")
    );
    // The real thing: identical answers.
    let pw = "รหัสผ่านใหม่-12345";
    let a = admin
        .post_form(
            &path,
            &[("email", elsewhere), ("password", pw), ("role", "editor")],
        )
        .await;
    let b = admin
        .post_form(
            &path,
            &[("email", fresh), ("password", pw), ("role", "editor")],
        )
        .await;
    assert_eq!(a.status, StatusCode::SEE_OTHER, "{}", a.body);
    assert_eq!((a.status, a.location()), (b.status, b.location()));
    let page = admin.get(b.location()).await;
    assert!(page.body.contains("ส่งคำเชิญแล้ว"), "{}", page.body);
    for email in [elsewhere, fresh] {
        assert!(
            page.body.contains(&format!("data-invited=\"{email}\"")),
            "{email} listed as invited"
        );
    }
    // Nothing granted yet: the account elsewhere keeps exactly its own role, the new one has none.
    let held = memberships::for_user(&w.app.db, other_user.id)
        .await
        .unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].scope.agency_id(), Some(w.other.id));
    let newcomer = users::by_email(&w.app.db, fresh).await.unwrap().unwrap();
    assert!(
        memberships::for_user(&w.app.db, newcomer.id)
            .await
            .unwrap()
            .is_empty()
    );
    // The existing account's password is its own, not the one the admin typed.
    let mut c = w.client();
    assert_ne!(c.login(elsewhere, pw).await.status, StatusCode::SEE_OTHER);
    // Its owner sees the invitation after logging in and accepts it.
    let mut owner = w.client();
    assert_eq!(
        owner.login(elsewhere, PASSWORD).await.status,
        StatusCode::SEE_OTHER
    );
    let home = owner.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(home.body.contains(&w.own.name), "{}", home.body);
    let invites = memberships::invitations_for_user(&w.app.db, other_user.id)
        .await
        .unwrap();
    assert_eq!(invites.len(), 1);
    // Nobody else can answer it.
    let r = admin
        .post_form(&format!("/invitations/{}/accept", invites[0].id), &[])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = owner
        .post_form(&format!("/invitations/{}/accept", invites[0].id), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let held = memberships::for_user(&w.app.db, other_user.id)
        .await
        .unwrap();
    assert!(
        held.iter()
            .any(|m| m.role == Role::Editor && m.scope.agency_id() == Some(w.own.id))
    );
    // The newcomer declines: no role, no invitation left.
    let mut newbie = w.client();
    assert_eq!(newbie.login(fresh, pw).await.status, StatusCode::SEE_OTHER);
    newbie.refresh().await;
    let id = memberships::invitations_for_user(&w.app.db, newcomer.id)
        .await
        .unwrap()[0]
        .id;
    let r = newbie
        .post_form(&format!("/invitations/{id}/decline"), &[])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(
        memberships::for_user(&w.app.db, newcomer.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        memberships::invitations_for_agency(&w.app.db, w.own.id)
            .await
            .unwrap()
            .is_empty()
    );
    let e = last_entry(&w, w.own.id).await;
    assert_eq!(
        (e.entity.as_str(), e.action.as_str()),
        ("invitation", "decline")
    );
}
story!(add_user_invites, adding_a_user_invites_without_disclosing);
