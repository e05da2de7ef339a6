//! Measures: a form prefilled from an analysis finding (saved only on submit), Buddhist-era dates, progress with evidence (size/type limits).

use axum::http::StatusCode;
use prongsai_db::{Actor, assessments, evidence, measures};

use crate::support::{World, YEAR, full_scores, story};

async fn save_scores(w: &World) {
    let pairs = full_scores(w.framework());
    assessments::put_scores(
        &w.app.db,
        &Actor::system("test"),
        w.own.id,
        YEAR,
        "test",
        &pairs,
    )
    .await
    .unwrap();
}

async fn measure_count(w: &World) -> usize {
    measures::list(&w.app.db, w.own.id, YEAR)
        .await
        .unwrap()
        .len()
}

/// The value of the `<input>` with `id` in a page (HTML entities of the escaping undone).
fn input_value(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[at..];
    let v = rest.find("value=\"").unwrap() + 7;
    unescape(&rest[v..v + rest[v..].find('"').unwrap()])
}

/// The text of the `<textarea>` with `id` in a page.
fn textarea(html: &str, id: &str) -> String {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    unescape(&rest[start..rest.find("</textarea>").unwrap()])
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

async fn one_click_from_an_analysis_finding(w: World) {
    save_scores(&w).await;
    let mut c = w.as_role("editor").await;
    let base = format!("/agencies/{}/years/{YEAR}/measures", w.own.id);
    let page = c
        .get(&format!("/agencies/{}/years/{YEAR}/analysis", w.own.id))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    // The finding's button opens the new-measure form with a GET: no token, nothing saved.
    assert!(
        page.body
            .contains(&format!("<form method=\"get\" action=\"{base}/new\"")),
        "finding buttons open the form"
    );
    let i = page
        .body
        .find("name=\"indicator\" value=\"")
        .expect("a finding button");
    let rest = &page.body[i + 24..];
    let indicator = rest[..rest.find('"').unwrap()].to_string();
    let j = rest.find("name=\"code\" value=\"").unwrap();
    let rest2 = &rest[j + 19..];
    let code = rest2[..rest2.find('"').unwrap()].to_string();
    let before = measure_count(&w).await;
    let form = c
        .get(&format!("{base}/new?indicator={indicator}&code={code}"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert_eq!(
        measure_count(&w).await,
        before,
        "opening the form saves nothing"
    );
    let title = input_value(&form.body, "f-title");
    let analysis = textarea(&form.body, "f-analysis");
    let steps = textarea(&form.body, "f-steps");
    let links = input_value(&form.body, "f-links");
    assert!(title.contains(&code), "title {title:?} names {code}");
    assert!(analysis.contains(&code) && analysis.contains("คะแนน"));
    let link_list: Vec<&str> = links.split(", ").collect();
    assert_eq!(
        &link_list[..2],
        &[format!("ind{indicator}").as_str(), code.as_str()],
        "indicator, then question"
    );
    assert_eq!(input_value(&form.body, "f-period_start"), "1/10/2567");
    assert_eq!(input_value(&form.body, "f-period_end"), "30/9/2568");
    assert!(
        form.body.contains(&format!("action=\"{base}\"")),
        "the form posts to the create route"
    );
    // Cancel: leave the page; nothing was created. Submit: exactly one measure with the prefilled values.
    assert_eq!(measure_count(&w).await, before);
    let start = input_value(&form.body, "f-period_start");
    let end = input_value(&form.body, "f-period_end");
    let saved = c
        .post_form(
            &base,
            &[
                ("title", title.as_str()),
                ("analysis", analysis.as_str()),
                ("steps", steps.as_str()),
                ("links", links.as_str()),
                ("period_start", start.as_str()),
                ("period_end", end.as_str()),
                ("period_text", "ตลอดปีงบประมาณ"),
                ("status", "not_started"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert!(saved.location().starts_with("/measures/"));
    let list = measures::list(&w.app.db, w.own.id, YEAR).await.unwrap();
    assert_eq!(list.len(), before + 1);
    let m = list.iter().max_by_key(|m| m.id.0).unwrap();
    assert_eq!(m.title, title);
    assert!(m.links.contains(&code) && m.links.contains(&format!("ind{indicator}")));
    assert_eq!(m.period_start, Some(jiff::civil::date(2024, 10, 1)));
    // A finding that does not exist, or a reader, gets no form.
    let missing = c.get(&format!("{base}/new?indicator=1&code=O99")).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    let mut viewer = w.as_role("viewer").await;
    let refused = viewer
        .get(&format!("{base}/new?indicator={indicator}&code={code}"))
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    assert_eq!(measure_count(&w).await, before + 1);
}
story!(measure_from_analysis, one_click_from_an_analysis_finding);

async fn thai_dates_are_read_and_bad_ones_kept(w: World) {
    let mut c = w.as_role("agency_admin").await;
    let base = format!("/agencies/{}/years/{YEAR}/measures", w.own.id);
    c.get(&format!("{base}/new")).await;
    let unit = w.unit.id.to_string();
    let bad = c
        .post_form(
            &base,
            &[
                ("title", "ประชุมชี้แจง"),
                ("period_start", "๓๒/๑๓/๒๕๖๘"),
                ("period_end", ""),
                ("unit", &unit),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("value=\"๓๒/๑๓/๒๕๖๘\""), "typed date kept");
    assert!(bad.body.contains("id=\"e-period_start\""));
    let ok = c
        .post_form(
            &base,
            &[
                ("title", "ประชุมชี้แจง"),
                ("period_start", "๑/๑๐/๒๕๖๗"),
                ("period_end", ""),
                ("period_end_pick", "2025-03-31"),
                ("status", "in_progress"),
                ("unit", &unit),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let id: i64 = ok
        .location()
        .trim_start_matches("/measures/")
        .parse()
        .unwrap();
    let m = measures::get(&w.app.db, prongsai_db::MeasureId::from(id))
        .await
        .unwrap();
    assert_eq!(m.period_start, Some(jiff::civil::date(2024, 10, 1)));
    assert_eq!(m.period_end, Some(jiff::civil::date(2025, 3, 31)));
    assert_eq!(m.unit_ids, vec![w.unit.id]);
    let page = c.get(ok.location()).await;
    assert!(
        page.body.contains("๑ ต.ค. ๒๕๖๗"),
        "shown in BE with Thai digits"
    );
}
story!(measure_dates, thai_dates_are_read_and_bad_ones_kept);

async fn progress_with_evidence_respects_size_and_type(w: World) {
    let mut c = w.as_role("unit_officer").await;
    let path = format!("/measures/{}", w.unit_measure.id);
    let page = c.get(&path).await;
    assert_eq!(page.status, StatusCode::OK);
    let pdf: &[u8] = b"%PDF-1.4\n% test evidence\n";
    let exe: &[u8] = b"MZ\x90\x00 not a pdf";
    let r = c
        .post_multipart(
            &format!("{path}/progress"),
            &[
                ("entry_date", "15/1/2568"),
                ("text", "จัดอบรมแล้ว"),
                ("links", "ftp://x"),
            ],
            &[("evidence", "setup.pdf", exe)],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("ชนิดไฟล์นี้ใช้ไม่ได้"), "type refused");
    assert!(r.body.contains("ลิงก์ต้องขึ้นต้นด้วย"), "bad link refused");
    assert!(r.body.contains("จัดอบรมแล้ว"), "text kept");
    let big = vec![b'%'; w.app.config.max_upload_bytes + 1];
    let r = c
        .post_multipart(
            &format!("{path}/progress"),
            &[("entry_date", "15/1/2568"), ("text", "ใหญ่")],
            &[("evidence", "big.pdf", &big)],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "{}",
        &r.body[..r.body.len().min(500)]
    );
    assert!(r.body.contains("ไฟล์ใหญ่เกินกำหนด"));
    assert!(
        evidence::list(&w.app.db, w.unit_measure.id)
            .await
            .unwrap()
            .is_empty(),
        "nothing half-saved"
    );

    let r = c
        .post_multipart(
            &format!("{path}/progress"),
            &[
                ("entry_date", "๑๕/๑/๒๕๖๘"),
                ("text", "จัดอบรมแล้ว"),
                ("links", "https://banna.go.th/ita/o10"),
            ],
            &[("evidence", "รายงาน.pdf", pdf)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let list = evidence::list(&w.app.db, w.unit_measure.id).await.unwrap();
    assert_eq!(list.len(), 2, "file and link");
    let sha = evidence::sha256_hex(pdf);
    let page = c.get(&path).await;
    assert!(page.body.contains(&sha), "SHA-256 shown");
    assert!(page.body.contains("๑๕ ม.ค. ๒๕๖๘"));
    let file = list.iter().find(|e| e.url.is_none()).unwrap();
    let dl = c.get(&format!("/evidence/{}", file.id)).await;
    assert_eq!(dl.status, StatusCode::OK);
    assert_eq!(dl.bytes, pdf);
    assert_eq!(dl.headers["content-type"], "application/pdf");

    // The unit officer cannot add progress to a measure of another unit.
    let other = c
        .post_multipart(
            &format!("/measures/{}/progress", w.plain_measure.id),
            &[("entry_date", "1/1/2568"), ("text", "x")],
            &[],
        )
        .await;
    assert_eq!(other.status, StatusCode::FORBIDDEN);
}
story!(
    progress_evidence,
    progress_with_evidence_respects_size_and_type
);

async fn copy_last_years_measures(w: World) {
    let mut c = w.as_role("editor").await;
    let next = YEAR + 1;
    let base = format!("/agencies/{}/years/{next}/measures", w.own.id);
    c.get(&base).await;
    let r = c.post_form(&format!("{base}/copy"), &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().ends_with("copied=2"), "{}", r.location());
    assert_eq!(
        measures::list(&w.app.db, w.own.id, next)
            .await
            .unwrap()
            .len(),
        2
    );
}
story!(copy_measures, copy_last_years_measures);
