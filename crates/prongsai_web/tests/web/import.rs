//! Importing a legacy document: preview of what was recognised, then one confirm saves its measures.

use axum::http::StatusCode;
use prongsai_db::measures;

use crate::support::{World, story};

const REPORT: &str = "รายงานผลการดำเนินงานตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n\
    มาตรการหรือกิจกรรม,สรุปผลการดำเนินการ,ผลลัพธ์หรือความสำเร็จของการดำเนินการ\n\
    มาตรการนโยบาย No Gift Policy,\"๑. ผู้บริหารประกาศนโยบาย ๒. จัดทำสื่อ\",\"i๓ เรียกรับสินบน ผลคะแนน ๑๐๐\"\n";

async fn preview_then_confirm_saves_the_measures(w: World) {
    let mut c = w.as_role("editor").await;
    let path = format!("/agencies/{}/import", w.own.id);
    assert_eq!(c.get(&path).await.status, StatusCode::OK);
    let bad = c
        .post_multipart(
            &path,
            &[],
            &[("file", "broken.docx", b"PK\x03\x04 not really")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("broken.docx"), "the error names the file");
    let preview = c
        .post_multipart(&path, &[], &[("file", "report.csv", REPORT.as_bytes())])
        .await;
    assert_eq!(preview.status, StatusCode::OK, "{}", preview.body);
    assert!(
        preview.body.contains("มาตรการนโยบาย No Gift Policy"),
        "recognised measure shown"
    );
    assert!(preview.body.contains("i3"), "its linked code");
    assert!(
        measures::list(&w.app.db, w.own.id, 2567)
            .await
            .unwrap()
            .is_empty(),
        "nothing saved before confirming"
    );
    let ok = c.post_form(&format!("{path}/confirm"), &[]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let saved = measures::list(&w.app.db, w.own.id, 2567).await.unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].links, vec!["i3".to_string()]);
    // The preview is used once.
    assert_eq!(
        c.post_form(&format!("{path}/confirm"), &[]).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}
story!(import_preview, preview_then_confirm_saves_the_measures);
