//! The authorization matrix: role × route × own/other agency → expected status, on every route that touches an agency.

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
        Case {
            method: "GET",
            own: format!("/measures/{}/edit", w.unit_measure.id),
            other: Some(format!("/measures/{}/edit", w.other_measure.id)),
            want_own: [200, 403, 200, 200, 200, 403],
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
    let cases = cases(&w);
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
