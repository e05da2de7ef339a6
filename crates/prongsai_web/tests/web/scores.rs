//! Scores: the grid (bad value kept with a Thai field error, nothing saved), CSV upload, pasted text, dashboard grade.

use axum::http::StatusCode;
use prongsai_db::assessments;
use prongsai_domain::scoring::{ScoreSheet, score};

use crate::support::{World, YEAR, full_scores, story};

fn expected_grade(w: &World, pairs: &[(String, f64)]) -> (String, String) {
    let fw = w.framework();
    let mut sheet = ScoreSheet::new();
    for (c, v) in pairs {
        sheet.set(fw, c.parse().unwrap(), *v).unwrap();
    }
    let r = score(fw, &sheet).unwrap();
    (r.grade.clone(), format!("{:.2}", r.total.rounded()))
}

async fn grid_keeps_a_bad_value_and_saves_nothing(w: World) {
    let mut c = w.as_role("editor").await;
    let path = format!("/agencies/{}/years/{YEAR}/scores", w.own.id);
    let page = c.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let pairs = full_scores(w.framework());
    let first_q = w.framework().questions[0].code.to_string();
    let mut fields: Vec<(String, String)> = pairs
        .iter()
        .map(|(code, v)| {
            let shown = if *code == first_q {
                "เก้าสิบ".to_string()
            } else {
                v.to_string()
            };
            (format!("s_{code}"), shown)
        })
        .collect();
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let r = c.post_form(&path, &refs).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("value=\"เก้าสิบ\""), "typed value kept");
    assert!(r.body.contains("ต้องเป็นตัวเลข 0–100"), "Thai field error");
    assert!(
        r.body
            .contains(&format!("aria-describedby=\"e-{first_q}\"")),
        "error tied to its field"
    );
    assert!(r.body.contains(&format!("id=\"e-{first_q}\"")));
    assert!(
        assessments::get(&w.app.db, w.own.id, YEAR)
            .await
            .unwrap()
            .is_none(),
        "nothing half-saved"
    );

    // An out-of-range score is refused by the domain rule, also at its field.
    for f in fields.iter_mut() {
        if f.0 == format!("s_{first_q}") {
            f.1 = "150".into();
        }
    }
    let refs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let r = c.post_form(&path, &refs).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("นอกช่วง 0–100"), "{}", r.body.len());

    // Fixed, with Thai digits in one cell: saved, and the dashboard shows the grade.
    let thai = prongsai_domain::thai::to_thai_digits(&pairs[0].1.to_string());
    let mut ok: Vec<(String, String)> = pairs
        .iter()
        .map(|(c, v)| (format!("s_{c}"), v.to_string()))
        .collect();
    ok[0].1 = thai;
    let refs: Vec<(&str, &str)> = ok.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let r = c.post_form(&path, &refs).await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}",
        &r.body[..r.body.len().min(3000)]
    );
    let stored = assessments::get(&w.app.db, w.own.id, YEAR)
        .await
        .unwrap()
        .expect("saved");
    assert_eq!(stored.scores.len(), pairs.len());
    let dash = c.get(&format!("/agencies/{}?year={YEAR}", w.own.id)).await;
    let (grade, total) = expected_grade(&w, &pairs);
    assert!(
        dash.body.contains(&format!("data-grade>{grade}<")),
        "grade {grade}"
    );
    assert!(
        dash.body.contains(&format!("data-total>{total}<")),
        "total {total}"
    );
    assert!(dash.body.contains("<svg"), "radar");
}
story!(scores_grid, grid_keeps_a_bad_value_and_saves_nothing);

async fn csv_upload_saves_and_bad_rows_are_located(w: World) {
    let mut c = w.as_role("agency_admin").await;
    let path = format!("/agencies/{}/years/{YEAR}/scores", w.own.id);
    c.get(&path).await;
    let pairs = full_scores(w.framework());
    let mut csv = String::from("code,score\n");
    for (code, v) in &pairs {
        csv.push_str(&format!("{code},{v}\n"));
    }
    let bad = csv.replacen(
        &format!("{},", pairs[1].0),
        &format!("{},abc\nx", pairs[1].0),
        1,
    );
    let r = c
        .post_multipart(
            &format!("{path}/upload"),
            &[],
            &[("file", "scores.csv", bad.as_bytes())],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("scores.csv แถว/row 3"),
        "row located: {}",
        &r.body[..r.body.len().min(2000)]
    );
    assert!(
        assessments::get(&w.app.db, w.own.id, YEAR)
            .await
            .unwrap()
            .is_none()
    );
    let r = c
        .post_multipart(
            &format!("{path}/upload"),
            &[],
            &[("file", "scores.csv", csv.as_bytes())],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        assessments::get(&w.app.db, w.own.id, YEAR)
            .await
            .unwrap()
            .expect("saved")
            .source,
        "upload"
    );
}
story!(upload_csv, csv_upload_saves_and_bad_rows_are_located);

async fn pasted_results_page_text_with_thai_digits(w: World) {
    let mut c = w.as_role("editor").await;
    let path = format!("/agencies/{}/years/{YEAR}/scores", w.own.id);
    c.get(&path).await;
    let pairs = full_scores(w.framework());
    let mut text = String::new();
    for (code, v) in &pairs {
        let shown = if code.starts_with('O') {
            if *v == 100.0 {
                "มี".to_string()
            } else {
                "ไม่มี".to_string()
            }
        } else {
            prongsai_domain::thai::to_thai_digits(&v.to_string())
        };
        text.push_str(&format!("{code}\tข้อความ\t{shown}\n"));
    }
    let broken = format!("{text}zz 12\n");
    let r = c
        .post_form(&format!("{path}/paste"), &[("text", &broken)])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains(&format!("บรรทัด {}", pairs.len() + 1)),
        "line located"
    );
    assert!(r.body.contains("zz 12"), "pasted text kept");
    let r = c
        .post_form(&format!("{path}/paste"), &[("text", &text)])
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "{}",
        &r.body[..r.body.len().min(3000)]
    );
}
story!(paste_scores, pasted_results_page_text_with_thai_digits);
