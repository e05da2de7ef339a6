//! The token API: PUT/GET scores equal the domain's `score()` JSON; errors are JSON; OpenAPI; healthz.

use axum::http::StatusCode;
use prongsai_db::{Actor, tokens, users};
use prongsai_domain::scoring::{ScoreSheet, score};
use serde_json::json;

use crate::support::{World, YEAR, email_of, full_scores, story};

async fn token_for(w: &World, role: &str) -> String {
    let u = users::by_email(&w.app.db, email_of(role))
        .await
        .unwrap()
        .unwrap();
    let (_, secret) = tokens::create(&w.app.db, &Actor::system("test"), u.id, "script")
        .await
        .unwrap();
    secret
}

async fn put_and_get_scores_match_the_domain(w: World) {
    let token = token_for(&w, "editor").await;
    let mut c = w.client();
    let pairs = full_scores(w.framework());
    let body = json!(
        pairs
            .iter()
            .map(|(c, v)| json!({"code": c, "score": v}))
            .collect::<Vec<_>>()
    );
    let path = format!("/api/v1/agencies/{}/assessments/{YEAR}", w.own.id);
    let put = c
        .api("PUT", &format!("{path}/scores"), &token, Some(body))
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let fw = w.framework();
    let mut sheet = ScoreSheet::new();
    for (code, v) in &pairs {
        sheet.set(fw, code.parse().unwrap(), *v).unwrap();
    }
    let expected = serde_json::to_value(score(fw, &sheet).unwrap()).unwrap();
    assert_eq!(put.json(), expected);
    let get = c.api("GET", &path, &token, None).await;
    assert_eq!(get.status, StatusCode::OK);
    assert_eq!(get.json(), expected);
    let analysis = c
        .api("GET", &format!("{path}/analysis"), &token, None)
        .await;
    assert_eq!(analysis.status, StatusCode::OK);
    assert_eq!(
        analysis.json()["indicators"].as_array().map(Vec::len),
        Some(fw.indicators.len())
    );

    // Bad and incomplete input: 422 with fields, nothing changed.
    let bad = c
        .api(
            "PUT",
            &format!("{path}/scores"),
            &token,
            Some(json!([{"code": "i1", "score": 101}, {"code": "zz9", "score": 1}])),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    let e = bad.json();
    assert_eq!(e["error"]["code"], "invalid");
    assert_eq!(
        e["error"]["fields"].as_array().map(Vec::len),
        Some(2),
        "{e}"
    );
    let not_json = c
        .api(
            "PUT",
            &format!("{path}/scores"),
            &token,
            Some(json!({"code": "i1"})),
        )
        .await;
    assert_eq!(not_json.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(c.api("GET", &path, &token, None).await.json(), expected);

    // A viewer may read but not write; another agency is invisible.
    let viewer = token_for(&w, "viewer").await;
    assert_eq!(
        c.api("GET", &path, &viewer, None).await.status,
        StatusCode::OK
    );
    assert_eq!(
        c.api("PUT", &format!("{path}/scores"), &viewer, Some(json!([])))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let other = format!("/api/v1/agencies/{}/assessments/{YEAR}", w.other.id);
    let hidden = c.api("GET", &other, &token, None).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    assert_eq!(hidden.json()["error"]["code"], "not_found");
}
story!(api_scores, put_and_get_scores_match_the_domain);

async fn measures_and_progress_over_the_api(w: World) {
    let token = token_for(&w, "editor").await;
    let mut c = w.client();
    let base = format!("/api/v1/agencies/{}/years/{YEAR}/measures", w.own.id);
    let created = c
        .api("POST", &base, &token, Some(json!({"title": "เปิดเผยข้อมูล O10", "links": ["O10"], "period_start": "2024-10-01", "unit_ids": [w.unit.id.0]})))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    let id = created.json()["id"].as_i64().unwrap();
    let p = c
        .api("POST", &format!("/api/v1/measures/{id}/progress"), &token, Some(json!({"entry_date": "2025-01-15", "text": "ทำแล้ว", "links": ["https://banna.go.th/o10"]})))
        .await;
    assert_eq!(p.status, StatusCode::CREATED, "{}", p.body);
    let ev = c
        .api(
            "GET",
            &format!("/api/v1/measures/{id}/evidence"),
            &token,
            None,
        )
        .await;
    assert_eq!(ev.json().as_array().map(Vec::len), Some(1));
    let list = c.api("GET", &base, &token, None).await;
    assert_eq!(list.json().as_array().map(Vec::len), Some(3));
    let bad = c
        .api(
            "POST",
            &base,
            &token,
            Some(
                json!({"title": "", "period_start": "1/10/2567", "unit_ids": [w.other_unit.id.0]}),
            ),
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        bad.json()["error"]["fields"].as_array().map(Vec::len),
        Some(3)
    );
    let admin = token_for(&w, "agency_admin").await;
    let audit = c
        .api(
            "GET",
            &format!("/api/v1/agencies/{}/audit?limit=5", w.own.id),
            &admin,
            None,
        )
        .await;
    assert_eq!(audit.status, StatusCode::OK);
    assert!(!audit.json().as_array().unwrap().is_empty());
    assert_eq!(
        c.api(
            "GET",
            &format!("/api/v1/agencies/{}/audit", w.own.id),
            &token,
            None
        )
        .await
        .status,
        StatusCode::FORBIDDEN
    );
}
story!(api_measures, measures_and_progress_over_the_api);

async fn healthz_names_the_backend_and_openapi_is_served(w: World) {
    let mut c = w.client();
    let h = c.get("/healthz").await;
    assert_eq!(h.status, StatusCode::OK);
    let backend = w.app.db.backend().name();
    assert_eq!(h.json(), json!({"status": "ok", "database": backend}));
    assert!(backend == "sqlite" || backend == "postgres");
    let doc = c.get("/api/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    let v = doc.json();
    assert!(v["openapi"].as_str().unwrap_or("").starts_with("3."));
    for p in [
        "/api/v1/agencies",
        "/api/v1/agencies/{id}/assessments/{year}/scores",
        "/api/v1/measures/{id}/progress",
        "/api/v1/agencies/{id}/audit",
    ] {
        assert!(v["paths"][p].is_object(), "{p} documented");
    }
}
story!(healthz, healthz_names_the_backend_and_openapi_is_served);
