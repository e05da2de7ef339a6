//! Dashboard and province view: the year they open on, and the measures by status and overdue list.

use axum::http::StatusCode;
use jiff::civil::date;
use prongsai_db::measures::{self, MeasureStatus, NewMeasure};
use prongsai_db::{Actor, AgencyId, assessments};

use crate::support::{World, YEAR, full_scores, story};

async fn put_scores(w: &World, agency: AgencyId, year: u16) {
    let fw = w.app.catalog.framework(year).expect("framework");
    let pairs = full_scores(fw);
    assessments::put_scores(
        &w.app.db,
        &Actor::system("test"),
        agency,
        year,
        "test",
        &pairs,
    )
    .await
    .unwrap();
}

/// The `<h1>` of a page.
fn heading(html: &str) -> &str {
    let start = html.find("<h1>").expect("h1") + 4;
    &html[start..start + html[start..].find("</h1>").unwrap()]
}

async fn pages_open_on_the_latest_scored_year(w: World) {
    let current = w.app.current_year();
    let thai = |y: u16| prongsai_domain::thai::to_thai_digits(&y.to_string());
    let mut admin = w.as_role("agency_admin").await;
    let mut province = w.as_role("province_supervisor").await;
    let dash = format!("/agencies/{}", w.own.id);
    let prov = format!(
        "/provinces/{}",
        w.own
            .province
            .bytes()
            .map(|b| format!("%{b:02X}"))
            .collect::<String>()
    );
    // No scores anywhere: the current fiscal year.
    let r = admin.get(&dash).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        heading(&r.body).contains(&thai(current)),
        "{}",
        heading(&r.body)
    );
    assert!(
        r.body
            .contains(&format!("<option value=\"{current}\" selected>"))
    );
    let p = province.get(&prov).await;
    assert!(
        heading(&p.body).contains(&thai(current)),
        "{}",
        heading(&p.body)
    );

    // Scores for 2567 and 2568 here, and for the current year in another agency of another province.
    put_scores(&w, w.own.id, YEAR - 1).await;
    put_scores(&w, w.own.id, YEAR).await;
    put_scores(&w, w.other.id, current).await;
    let r = admin.get(&dash).await;
    assert!(
        heading(&r.body).contains(&thai(YEAR)),
        "{}",
        heading(&r.body)
    );
    assert!(
        r.body
            .contains(&format!("<option value=\"{YEAR}\" selected>"))
    );
    assert!(
        r.body.contains("data-total"),
        "the scores of the year are shown"
    );
    let p = province.get(&prov).await;
    assert!(
        heading(&p.body).contains(&thai(YEAR)),
        "{}",
        heading(&p.body)
    );
    // An explicit year still wins.
    let r = admin.get(&format!("{dash}?year={}", YEAR - 1)).await;
    assert!(heading(&r.body).contains(&thai(YEAR - 1)));
    assert!(
        r.body
            .contains(&format!("<option value=\"{}\" selected>", YEAR - 1))
    );
    let r = admin.get(&format!("{dash}?year={current}")).await;
    assert!(
        r.body
            .contains(&format!("<option value=\"{current}\" selected>"))
    );
    assert!(
        !r.body.contains("data-total"),
        "no scores of {current} here"
    );
    let p = province.get(&format!("{prov}?year={current}")).await;
    assert!(heading(&p.body).contains(&thai(current)));
}
story!(default_year, pages_open_on_the_latest_scored_year);

/// Twelve more measures of every status, ended long ago, far ahead, or without an end.
async fn many_measures(w: &World) {
    for i in 0..12_i64 {
        let status = MeasureStatus::ALL[usize::try_from(i).unwrap() % 4];
        let end = match i % 3 {
            0 => Some(date(2020, 1, 31)),
            1 => Some(date(2099, 1, 31)),
            _ => None,
        };
        let m = NewMeasure {
            agency_id: w.own.id,
            fiscal_year: YEAR,
            number: 10 + i,
            title: format!("มาตรการทดสอบ {i}"),
            analysis: String::new(),
            steps: vec![],
            period_start: None,
            period_end: end,
            period_text: String::new(),
            status,
            outcome: String::new(),
            links: vec!["i1".into(), "O10".into()],
            unit_ids: if i % 2 == 0 { vec![w.unit.id] } else { vec![] },
        };
        measures::create(&w.app.db, &Actor::system("test"), m)
            .await
            .unwrap();
    }
}

async fn dashboard_counts_and_overdue_match_the_measures(w: World) {
    many_measures(&w).await;
    let list = measures::list(&w.app.db, w.own.id, YEAR).await.unwrap();
    assert_eq!(list.len(), 14);
    assert!(
        list.iter()
            .all(|m| m.links == ["i1", "O10"] || m.links.is_empty())
    );
    assert_eq!(
        list[0].unit_ids,
        vec![w.unit.id],
        "units loaded per measure"
    );
    let mut c = w.as_role("viewer").await;
    let r = c.get(&format!("/agencies/{}?year={YEAR}", w.own.id)).await;
    assert_eq!(r.status, StatusCode::OK);
    for s in MeasureStatus::ALL {
        let n = list.iter().filter(|m| m.status == s).count();
        let line = format!("<li>{}: {n}</li>", s.label_th());
        assert!(r.body.contains(&line), "missing {line}");
    }
    let section = &r.body[r.body.find("id=\"h-overdue\"").unwrap()..];
    let section = &section[..section.find("</section>").unwrap()];
    let today = prongsai_web::views::dates::today();
    let want: Vec<String> = list
        .iter()
        .filter(|m| !matches!(m.status, MeasureStatus::Done | MeasureStatus::Cancelled))
        .filter(|m| m.period_end.is_some_and(|e| e < today))
        .map(|m| format!("href=\"/measures/{}\"", m.id))
        .collect();
    assert_eq!(want.len(), 2 + 2, "the two fixtures and two of the twelve");
    let shown: Vec<String> = section
        .match_indices("href=\"/measures/")
        .map(|(i, _)| {
            let rest = &section[i..];
            rest[..rest[6..].find('"').unwrap() + 7].to_string()
        })
        .collect();
    assert_eq!(shown, want, "overdue measures, in number order");
    // The database summary agrees with the full list.
    let summary = measures::summary(&w.app.db, w.own.id, YEAR, today)
        .await
        .unwrap();
    let total: i64 = summary.by_status.iter().map(|(_, n)| n).sum();
    assert_eq!(total, 14);
    assert_eq!(summary.overdue.len(), 4);
}
story!(
    dashboard_summary,
    dashboard_counts_and_overdue_match_the_measures
);
