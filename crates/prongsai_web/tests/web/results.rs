//! Results as the NACC gives them: rating levels, whole-tool scores kept exactly as entered, the published
//! result beside ours (API and pages, bad input located and nothing saved), open years.

use axum::http::StatusCode;
use prongsai_db::{Actor, assessments, tokens, users};
use serde_json::json;

use crate::support::{World, YEAR, email_of, story};

async fn token_for(w: &World, role: &str) -> String {
    let u = users::by_email(&w.app.db, email_of(role))
        .await
        .unwrap()
        .unwrap();
    tokens::create(&w.app.db, &Actor::system("test"), u.id, "script")
        .await
        .unwrap()
        .1
}

async fn api_scores_three_decimals_as_the_cli_does(w: World) {
    assert_eq!(YEAR, 2568);
    let token = token_for(&w, "editor").await;
    let mut c = w.client();
    let path = format!("/api/v1/agencies/{}/assessments/{YEAR}", w.own.id);
    // Same input as the CLI test three_decimals_are_scored_as_entered: 0.3·84.9949·2 + 0.4·84.9961 = 84.99538.
    let body = json!([
        {"code": "IIT", "score": 84.9949},
        {"code": "EIT", "score": 84.9949},
        {"code": "OIT", "score": 84.9961}
    ]);
    let put = c
        .api("PUT", &format!("{path}/scores"), &token, Some(body))
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let got = c.api("GET", &path, &token, None).await.json();
    assert_eq!(got["total"], 85.0, "{got}");
    assert_eq!(got["grade"], "ผ่าน", "IIT shown as 84.99 < 85");
    // Stored exactly as entered, not as hundredths.
    let stored = assessments::get(&w.app.db, w.own.id, YEAR)
        .await
        .unwrap()
        .unwrap();
    assert!(
        stored.scores.contains(&("IIT".to_string(), 84.9949)),
        "{:?}",
        stored.scores
    );
    // The dashboard prints the same total and level.
    let mut page = w.as_role("viewer").await;
    let d = page
        .get(&format!("/agencies/{}?year={YEAR}", w.own.id))
        .await;
    assert!(d.body.contains("data-total>85.00<"), "dashboard total");
    assert!(d.body.contains("data-grade>ผ่าน<"), "dashboard level");
    assert!(!d.body.contains("data-grade>AA<"));

    // A whole tool mixed with its questions is refused at the field, nothing replaced.
    let bad = json!([
        {"code": "IIT", "score": 90},
        {"code": "i1", "score": 90},
        {"code": "EIT", "score": 90},
        {"code": "OIT", "score": 90}
    ]);
    let r = c
        .api("PUT", &format!("{path}/scores"), &token, Some(bad))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let v = r.json();
    let msg = v["error"]["fields"].to_string();
    assert!(msg.contains("IIT") && msg.contains("i1"), "{msg}");
    let again = c.api("GET", &path, &token, None).await.json();
    assert_eq!(again["total"], 85.0, "previous scores kept");
    // An unknown tool code.
    let r = c
        .api(
            "PUT",
            &format!("{path}/scores"),
            &token,
            Some(json!([{"code": "XIT", "score": 90}])),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
}
story!(
    api_three_decimals,
    api_scores_three_decimals_as_the_cli_does
);

async fn the_published_result_over_the_api(w: World) {
    let token = token_for(&w, "editor").await;
    let mut c = w.client();
    let path = format!("/api/v1/agencies/{}/assessments/{YEAR}", w.own.id);
    let tools = json!([
        {"code": "IIT", "score": 90}, {"code": "EIT", "score": 90}, {"code": "OIT", "score": 90}
    ]);
    assert_eq!(
        c.api("PUT", &format!("{path}/scores"), &token, Some(tools))
            .await
            .status,
        StatusCode::OK
    );
    // Out of range, an unknown level, an unknown tool: 422 with each field, nothing saved.
    let r = c
        .api(
            "PUT",
            &format!("{path}/official"),
            &token,
            Some(json!({"total": 120, "level": "AA", "tools": {"XIT": 3}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let fields = r.json()["error"]["fields"].to_string();
    assert!(fields.contains("tools.XIT"), "{fields}");
    let r = c
        .api(
            "PUT",
            &format!("{path}/official"),
            &token,
            Some(json!({"total": 120, "level": "AA"})),
        )
        .await;
    let fields = r.json()["error"]["fields"].to_string();
    assert!(
        fields.contains("\"total\"") && fields.contains("0–100"),
        "{fields}"
    );
    assert!(fields.contains("\"level\""), "{fields}");
    assert_eq!(
        c.api("GET", &format!("{path}/official"), &token, None)
            .await
            .status,
        StatusCode::NOT_FOUND,
        "nothing saved"
    );
    // A valid one (the variant spelling is recorded canonically) and the differences on the result.
    let r = c
        .api(
            "PUT",
            &format!("{path}/official"),
            &token,
            Some(json!({"total": 88.5, "level": "ผ่านดี", "tools": {"EIT": 86.0}})),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let got = c.api("GET", &path, &token, None).await.json();
    assert_eq!(got["official"]["total"], 88.5);
    let diffs = got["differences"].to_string();
    assert!(
        diffs.contains("\"total\"") && diffs.contains("88.50"),
        "{diffs}"
    );
    assert!(
        diffs.contains("\"EIT\"") && diffs.contains("86.00"),
        "{diffs}"
    );
    // The dashboard shows both and names the difference; the province view shows the published figure.
    let mut page = w.as_role("viewer").await;
    let d = page
        .get(&format!("/agencies/{}?year={YEAR}", w.own.id))
        .await;
    assert!(
        d.body.contains("data-official-total>88.50<"),
        "published total shown"
    );
    assert!(d.body.contains("data-differences"), "difference named");
    // A viewer cannot record it.
    let viewer = token_for(&w, "viewer").await;
    let r = c
        .api(
            "PUT",
            &format!("{path}/official"),
            &viewer,
            Some(json!({"total": 1, "level": "ผ่าน"})),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert_eq!(
        c.api("DELETE", &format!("{path}/official"), &token, None)
            .await
            .status,
        StatusCode::NO_CONTENT
    );
}
story!(official_api, the_published_result_over_the_api);

async fn the_published_result_form_keeps_input_and_locates_errors(w: World) {
    let mut c = w.as_role("editor").await;
    let base = format!("/agencies/{}/years/{YEAR}/scores", w.own.id);
    let page = c.get(&base).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("ผ่านดีเยี่ยม"),
        "the year's levels are offered"
    );
    let r = c
        .post_form(
            &format!("{base}/official"),
            &[("total", "๑๒๐"), ("level", ""), ("t_IIT", "ดี")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("id=\"oe-total\""),
        "total error at its field"
    );
    assert!(
        r.body.contains("id=\"oe-level\""),
        "level error at its field"
    );
    assert!(
        r.body.contains("id=\"oe-t_IIT\""),
        "tool error at its field"
    );
    assert!(r.body.contains("value=\"ดี\""), "typed value kept");
    assert!(
        assessments::official(&w.app.db, w.own.id, YEAR)
            .await
            .unwrap()
            .is_none(),
        "nothing saved"
    );
    let r = c
        .post_form(
            &format!("{base}/official"),
            &[("total", "๘๖.๖๒"), ("level", "ผ่าน")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let o = assessments::official(&w.app.db, w.own.id, YEAR)
        .await
        .unwrap()
        .unwrap();
    assert_eq!((o.total, o.level.as_str()), (86.62, "ผ่าน"));
}
story!(
    official_form,
    the_published_result_form_keeps_input_and_locates_errors
);

async fn every_year_from_2563_to_next_year_opens(w: World) {
    let mut c = w.as_role("editor").await;
    let today = jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(7)))
        .date();
    // FY (BE) = CE + 543, plus one from October.
    let current = i32::from(today.year()) + 543 + i32::from(today.month() >= 10);
    let next = u16::try_from(current + 1).unwrap();
    for year in [2563, 2565, 2566, 2569, next] {
        for page in ["scores", "measures", "documents", "analysis"] {
            let p = format!("/agencies/{}/years/{year}/{page}", w.own.id);
            let r = c.get(&p).await;
            assert_eq!(r.status, StatusCode::OK, "{p}");
        }
    }
    let r = c
        .get(&format!("/agencies/{}/years/{next}/scores", w.own.id))
        .await;
    assert!(
        r.body.contains("ใช้กรอบการประเมินปี 2569 ชั่วคราว")
            || r.body.contains("ใช้กรอบการประเมินปี ๒๕๖๙ ชั่วคราว"),
        "a year without its own framework says so"
    );
    let far = next + 5;
    let r = c
        .get(&format!("/agencies/{}/years/{far}/scores", w.own.id))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
}
story!(open_years, every_year_from_2563_to_next_year_opens);

async fn pasted_tool_scores_are_saved(w: World) {
    let mut c = w.as_role("editor").await;
    let base = format!("/agencies/{}/years/{YEAR}/scores", w.own.id);
    c.get(&base).await;
    // A results page's tool lines, Thai digits; 0.3·96.5 + 0.3·91 + 0.4·100 = 96.25, EIT 91 < 95 → ผ่านดี.
    let text = "IIT แบบวัดการรับรู้ภายใน ๙๖.๕๐\nEIT แบบวัดการรับรู้ภายนอก ๙๑.๐๐\nOIT ๑๐๐\n";
    let r = c
        .post_form(&format!("{base}/paste"), &[("text", text)])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let a = assessments::get(&w.app.db, w.own.id, YEAR)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(a.scores.len(), 3, "{:?}", a.scores);
    let d = c.get(&format!("/agencies/{}?year={YEAR}", w.own.id)).await;
    assert!(d.body.contains("data-total>96.25<"), "total");
    assert!(d.body.contains("data-grade>ผ่านดี<"), "level");
}
story!(paste_tools, pasted_tool_scores_are_saved);

async fn the_api_refuses_a_huge_measure_title(w: World) {
    let token = token_for(&w, "editor").await;
    let mut c = w.client();
    let path = format!("/api/v1/agencies/{}/years/{YEAR}/measures", w.own.id);
    // The review's attack: a 5 MB title made every viewer's PDF take 11 s. The limit is 500 characters.
    let huge = "ก".repeat(501);
    let r = c
        .api("POST", &path, &token, Some(json!({"title": huge})))
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        &r.body[..r.body.len().min(300)]
    );
    assert!(
        r.json()["error"]["fields"]
            .to_string()
            .contains("\"title\"")
    );
    let list = c.api("GET", &path, &token, None).await.json();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|m| m["title"].as_str().unwrap_or("").chars().count() <= 500),
        "nothing saved"
    );
    let ok = c
        .api(
            "POST",
            &path,
            &token,
            Some(json!({"title": "ก".repeat(500)})),
        )
        .await;
    assert_eq!(ok.status, StatusCode::CREATED);
}
story!(api_title_limit, the_api_refuses_a_huge_measure_title);
