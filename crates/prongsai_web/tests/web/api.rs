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

/// Issue 11: concurrent creation gave duplicate measure numbers. 8 API clients × 25 measures at once on
/// top of the fixture's measures 1 and 2: every number from 1 to 202 exactly once.
async fn concurrent_api_creations_get_distinct_numbers(w: World) {
    let token = token_for(&w, "editor").await;
    let base = format!("/api/v1/agencies/{}/years/{YEAR}/measures", w.own.id);
    let mut tasks = Vec::new();
    for t in 0..8 {
        let mut c = w.client();
        let (token, base) = (token.clone(), base.clone());
        tasks.push(tokio::spawn(async move {
            for i in 0..25 {
                let r = c
                    .api(
                        "POST",
                        &base,
                        &token,
                        Some(json!({"title": format!("มาตรการ {t}-{i}")})),
                    )
                    .await;
                assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let list = w.client().api("GET", &base, &token, None).await.json();
    let mut numbers: Vec<i64> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["number"].as_i64().unwrap())
        .collect();
    numbers.sort_unstable();
    assert_eq!(numbers, (1..=202).collect::<Vec<i64>>());
}
story!(
    api_concurrent_numbers,
    concurrent_api_creations_get_distinct_numbers
);

/// Issue 11: out-of-range or malformed path parameters answered plain text; the OpenAPI document omitted
/// 401/403/422 and the error body. Every rejection is now the one JSON error shape, and every operation
/// documents it for each status it can return.
async fn malformed_parameters_answer_the_json_error_and_every_status_is_documented(w: World) {
    let token = token_for(&w, "system_admin").await;
    let mut c = w.client();
    let a = w.own.id;
    for (path, status) in [
        ("/api/v1/measures/99999999999999999999".to_string(), 404),
        ("/api/v1/measures/abc".to_string(), 404),
        ("/api/v1/agencies/-1".to_string(), 404),
        (format!("/api/v1/agencies/{a}/years/99999/measures"), 404),
        (format!("/api/v1/agencies/{a}/assessments/x/analysis"), 404),
        (format!("/api/v1/agencies/{a}/audit?limit=abc"), 422),
    ] {
        let r = c.api("GET", &path, &token, None).await;
        assert_eq!(r.status.as_u16(), status, "{path}: {}", r.body);
        let v = r.json();
        assert!(v["error"]["code"].is_string(), "{path}: {}", r.body);
        assert!(v["error"]["message"].is_string(), "{path}");
        assert!(v["error"]["fields"].is_array(), "{path}");
    }
    let r = c.get("/api/v1/agencies").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert_eq!(r.json()["error"]["code"], "unauthorized");

    let doc = c.get("/api/openapi.json").await.json();
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            operations += 1;
            let responses = op["responses"].as_object().unwrap();
            let has_input = op.get("requestBody").is_some()
                || op["parameters"]
                    .as_array()
                    .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
            let mut want = vec!["401", "403", "404"];
            if has_input {
                want.push("422");
            }
            for status in want {
                let schema = &responses
                    .get(status)
                    .unwrap_or_else(|| panic!("{method} {path} documents {status}"))["content"]["application/json"]
                    ["schema"]["$ref"];
                assert_eq!(
                    schema, "#/components/schemas/ErrorBody",
                    "{method} {path} {status}"
                );
            }
        }
    }
    // 12 before the official-result operations (GET, PUT, DELETE …/official).
    assert_eq!(operations, 15);
}
story!(
    api_errors_documented,
    malformed_parameters_answer_the_json_error_and_every_status_is_documented
);
