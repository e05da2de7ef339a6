//! The authorization matrix: role × route × own/other agency → expected status, on every route that touches an agency.

use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::users::{self, NewUser};
use prongsai_db::{Actor, MembershipId, UserId};

use crate::admin::member;
use crate::support::{World, YEAR, story};

/// Roles in the column order of the tables below.
const ROLES: [&str; 6] = [
    "system_admin",
    "province_supervisor",
    "agency_admin",
    "editor",
    "unit_officer",
    "viewer",
];

/// A route under test: method, path for the own agency, path for the other agency, expected statuses.
struct Case {
    method: &'static str,
    own: String,
    other: Option<String>,
    /// Expected for [sys, province, admin, editor, unit, viewer] on the own agency.
    want_own: [u16; 6],
    /// Same on the other agency (other province).
    want_other: [u16; 6],
}

const READ: [u16; 6] = [200, 200, 200, 200, 200, 200];
const HIDDEN: [u16; 6] = [200, 404, 404, 404, 404, 404];
/// Admin forms posted empty: the allowed get 422 (nothing changes), the others 403 here, 404 elsewhere.
const ADMIN_POST: [u16; 6] = [422, 403, 422, 403, 403, 403];
const ADMIN_POST_OTHER: [u16; 6] = [422, 404, 404, 404, 404, 404];

/// A member (user and agency grant) of the own agency and one of the other agency.
struct Members {
    own: (UserId, MembershipId),
    other: (UserId, MembershipId),
}

async fn members(w: &World) -> Members {
    let (uid, grants) = member(w, "viewer").await;
    let hash = prongsai_web::auth::hash_password("another-agency-1").expect("hash");
    let actor = Actor::system("test");
    let new = NewUser {
        email: "viewer@huaykaew.test".into(),
        display_name: "ผู้ดูข้อมูลห้วยแก้ว".into(),
        password_hash: hash,
        language: "th".into(),
    };
    let (u, m) = users::create_with_membership(
        &w.app.db,
        &actor,
        new,
        Role::Viewer,
        Scope::Agency(w.other.id),
    )
    .await
    .unwrap();
    assert_eq!(
        memberships::get(&w.app.db, m.id).await.unwrap().user_id,
        u.id
    );
    Members {
        own: (uid, grants[0].id),
        other: (u.id, m.id),
    }
}

fn admin_cases(w: &World, m: &Members) -> Vec<Case> {
    let post = |own: String, other: String| Case {
        method: "POST",
        own,
        other: Some(other),
        want_own: ADMIN_POST,
        want_other: ADMIN_POST_OTHER,
    };
    let (a, b) = (w.own.id, w.other.id);
    vec![
        Case {
            method: "GET",
            own: format!("/agencies/{a}/edit"),
            other: Some(format!("/agencies/{b}/edit")),
            want_own: [200, 403, 403, 403, 403, 403],
            want_other: HIDDEN,
        },
        Case {
            method: "POST",
            own: format!("/agencies/{a}"),
            other: Some(format!("/agencies/{b}")),
            want_own: [422, 403, 403, 403, 403, 403],
            want_other: ADMIN_POST_OTHER,
        },
        post(
            format!("/agencies/{a}/memberships/{}", m.own.1),
            format!("/agencies/{b}/memberships/{}", m.other.1),
        ),
        post(
            format!("/agencies/{a}/users/{}/login", m.own.0),
            format!("/agencies/{b}/users/{}/login", m.other.0),
        ),
        post(
            format!("/agencies/{a}/units/{}", w.unit.id),
            format!("/agencies/{b}/units/{}", w.other_unit.id),
        ),
        // Both units are named by a measure, so even the allowed cannot delete them.
        post(
            format!("/agencies/{a}/units/{}/delete", w.unit.id),
            format!("/agencies/{b}/units/{}/delete", w.other_unit.id),
        ),
        // Another agency's unit, member or grant through one's own agency: not found.
        Case {
            method: "POST",
            own: format!("/agencies/{a}/units/{}/delete", w.other_unit.id),
            other: Some(format!("/agencies/{a}/memberships/{}", m.other.1)),
            want_own: [404, 403, 404, 403, 403, 403],
            want_other: [404, 403, 404, 403, 403, 403],
        },
        Case {
            method: "GET",
            own: format!("/agencies/{a}/audit?before=999999"),
            other: Some(format!("/agencies/{b}/audit?after=0")),
            want_own: [200, 403, 200, 403, 403, 403],
            want_other: HIDDEN,
        },
    ]
}

fn cases(w: &World) -> Vec<Case> {
    let (a, b) = (w.own.id, w.other.id);
    let y = YEAR;
    let both = |method: &'static str,
                f: &dyn Fn(String) -> String,
                want_own: [u16; 6],
                want_other: [u16; 6]| Case {
        method,
        own: f(a.to_string()),
        other: Some(f(b.to_string())),
        want_own,
        want_other,
    };
    vec![
        both("GET", &|id| format!("/agencies/{id}"), READ, HIDDEN),
        both(
            "GET",
            &|id| format!("/agencies/{id}/years/{y}/scores"),
            READ,
            HIDDEN,
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/years/{y}/analysis"),
            READ,
            HIDDEN,
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/years/{y}/measures"),
            READ,
            HIDDEN,
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/years/{y}/documents"),
            READ,
            HIDDEN,
        ),
        both("GET", &|id| format!("/api/v1/agencies/{id}"), READ, HIDDEN),
        both(
            "GET",
            &|id| format!("/api/v1/agencies/{id}/years/{y}/measures"),
            READ,
            HIDDEN,
        ),
        // Scores: allowed roles get 422 for an empty (incomplete) grid, so nothing is saved either way.
        both(
            "POST",
            &|id| format!("/agencies/{id}/years/{y}/scores"),
            [422, 403, 422, 422, 403, 403],
            [422, 404, 404, 404, 404, 404],
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/years/{y}/measures/new"),
            [200, 403, 200, 200, 403, 403],
            [200, 404, 404, 404, 404, 404],
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/import"),
            [200, 403, 200, 200, 403, 403],
            [200, 404, 404, 404, 404, 404],
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/users"),
            [200, 403, 200, 403, 403, 403],
            [200, 404, 404, 404, 404, 404],
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/units"),
            [200, 403, 200, 403, 403, 403],
            [200, 404, 404, 404, 404, 404],
        ),
        both(
            "GET",
            &|id| format!("/agencies/{id}/audit"),
            [200, 403, 200, 403, 403, 403],
            [200, 404, 404, 404, 404, 404],
        ),
        both(
            "GET",
            &|id| format!("/api/v1/agencies/{id}/audit"),
            [200, 403, 200, 403, 403, 403],
            [200, 404, 404, 404, 404, 404],
        ),
        Case {
            method: "GET",
            own: format!("/measures/{}", w.unit_measure.id),
            other: Some(format!("/measures/{}", w.other_measure.id)),
            want_own: READ,
            want_other: HIDDEN,
        },
        // Issue 11: a unit officer could edit a measure of their unit and so hand it to another unit.
        // They record progress on their unit's measures and edit nothing.
        Case {
            method: "GET",
            own: format!("/measures/{}/edit", w.unit_measure.id),
            other: Some(format!("/measures/{}/edit", w.other_measure.id)),
            want_own: [200, 403, 200, 200, 403, 403],
            want_other: HIDDEN,
        },
        // The edit form posted empty: the allowed get 422 (a title is required), nothing changes.
        Case {
            method: "POST",
            own: format!("/measures/{}", w.unit_measure.id),
            other: Some(format!("/measures/{}", w.other_measure.id)),
            want_own: [422, 403, 422, 422, 403, 403],
            want_other: [422, 404, 404, 404, 404, 404],
        },
        Case {
            method: "POST",
            own: format!("/measures/{}", w.plain_measure.id),
            other: None,
            want_own: [422, 403, 422, 422, 403, 403],
            want_other: HIDDEN,
        },
        // The progress form posted empty: the allowed get 422 (date and text required).
        Case {
            method: "MULTIPART",
            own: format!("/measures/{}/progress", w.unit_measure.id),
            other: Some(format!("/measures/{}/progress", w.other_measure.id)),
            want_own: [422, 403, 422, 422, 422, 403],
            want_other: [422, 404, 404, 404, 404, 404],
        },
        Case {
            method: "MULTIPART",
            own: format!("/measures/{}/progress", w.plain_measure.id),
            other: None,
            want_own: [422, 403, 422, 422, 403, 403],
            want_other: HIDDEN,
        },
        Case {
            method: "GET",
            own: format!("/measures/{}/edit", w.plain_measure.id),
            other: None,
            want_own: [200, 403, 200, 200, 403, 403],
            want_other: HIDDEN,
        },
        Case {
            method: "GET",
            own: format!("/api/v1/measures/{}/progress", w.unit_measure.id),
            other: Some(format!("/api/v1/measures/{}/progress", w.other_measure.id)),
            want_own: READ,
            want_other: HIDDEN,
        },
        Case {
            method: "GET",
            own: format!("/provinces/{}", enc(&w.own.province)),
            other: Some(format!("/provinces/{}", enc(&w.other.province))),
            want_own: [200, 200, 404, 404, 404, 404],
            want_other: HIDDEN,
        },
    ]
}

fn enc(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

async fn every_role_sees_exactly_what_it_should(w: World) {
    let m = members(&w).await;
    let mut cases = cases(&w);
    cases.extend(admin_cases(&w, &m));
    let mut failures = Vec::new();
    for (col, role) in ROLES.iter().enumerate() {
        let mut c = w.as_role(role).await;
        for case in &cases {
            let mut targets = vec![(&case.own, case.want_own[col], "own")];
            if let Some(o) = &case.other {
                targets.push((o, case.want_other[col], "other"));
            }
            for (path, want, which) in targets {
                let r = match case.method {
                    "GET" => c.get(path).await,
                    "MULTIPART" => c.post_multipart(path, &[], &[]).await,
                    _ => c.post_form(path, &[]).await,
                };
                if r.status.as_u16() != want {
                    failures.push(format!(
                        "{role} {} {path} ({which}): got {}, want {want}",
                        case.method,
                        r.status.as_u16()
                    ));
                }
            }
        }
        // Only a system administrator may create agencies.
        let r = c
            .post_form(
                "/admin/agencies",
                &[("name", "อบต.ทดสอบ"), ("kind", "sao"), ("province", "น่าน")],
            )
            .await;
        let want = if *role == "system_admin" { 303 } else { 404 };
        if r.status.as_u16() != want {
            failures.push(format!(
                "{role} POST /admin/agencies: got {}, want {want}",
                r.status.as_u16()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
story!(role_matrix, every_role_sees_exactly_what_it_should);
