//! Tests of cell cleaning on fragments taken from the seeds.

use super::*;

#[test]
fn html_cells_become_items() {
    let raw = "<p>๑. ดำเนินการจัดทำคู่มือ/ระเบียบการใช้ทรัพย์สินของราชการ</p> <p>๒. ประชาสัมพันธ์คู่มือ</p> <p>๓. ติดตามผลการดำเนินการ</p>";
    assert_eq!(
        cell_items(raw),
        [
            "ดำเนินการจัดทำคู่มือ/ระเบียบการใช้ทรัพย์สินของราชการ",
            "ประชาสัมพันธ์คู่มือ",
            "ติดตามผลการดำเนินการ"
        ]
    );
    let period = "<p>๑ ตุลาคม ๒๕๖๗</p> <p>-</p> <p>๓๐ กันยายน ๒๕๖๘</p>";
    assert_eq!(cell_text(period), "๑ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘");
    let ul = r#"<ul style="list-style-type: none"> - เผยแพร่แผน - เผยแพร่เทศบัญญัติ - เผยแพร่รายงาน "#;
    assert_eq!(
        cell_items(ul),
        ["เผยแพร่แผน", "เผยแพร่เทศบัญญัติ", "เผยแพร่รายงาน"]
    );
    assert_eq!(
        cell_text("a&amp;b&nbsp;c &bogus; &#3585;"),
        "a&b c &bogus; ก"
    );
}

#[test]
fn numbered_items_inside_one_cell() {
    let raw = "๑. ดำเนินการประชุม พ.ศ. ๒๕๖๘ ให้ทราบ ๒. ผู้เข้าร่วมประชุมดำเนินการ";
    assert_eq!(
        cell_items(raw),
        ["ดำเนินการประชุม พ.ศ. ๒๕๖๘ ให้ทราบ", "ผู้เข้าร่วมประชุมดำเนินการ"]
    );
    // An intro before the first number stays its own item; scores and dates are not markers.
    let raw = "- ผู้เข้าร่วม ๕๑ คน ดังนี้ ๑. มีการประชุม ๙๙.๓๘ ๒. สามารถ ๔. ไม่ใช่";
    assert_eq!(
        cell_items(raw),
        ["ผู้เข้าร่วม ๕๑ คน ดังนี้", "มีการประชุม ๙๙.๓๘", "สามารถ ๔. ไม่ใช่"]
    );
    let raw = "ผู้เข้าร่วม ๕๑ คน ดังนี้ ๑. มีการประชุม ๙๙.๓๘ ๒. สามารถ ๔. ไม่ใช่";
    assert_eq!(
        cell_items(raw),
        ["ผู้เข้าร่วม ๕๑ คน ดังนี้", "มีการประชุม ๙๙.๓๘", "สามารถ ๔. ไม่ใช่"]
    );
    assert_eq!(cell_items("๑.สร้าง ๒.รับรู้"), ["สร้าง", "รับรู้"]);
    assert_eq!(leading_number("๙๙.๓๘"), None);
    assert_eq!(leading_number("๑๒๓. x"), None);
    assert_eq!(leading_number("2) x"), Some((2, "x")));
}

#[test]
fn wrapped_lines_join_unless_a_new_item_starts() {
    let raw = "1. ให้เจ้าหน้าที่\n2. ให้บันทึกขั้นตอน\nการจัดซื้อจัดจ้างภาครัฐ\n3. ห้ามมิให้";
    assert_eq!(
        cell_items(raw),
        // A wrap between Thai letters is no space (seed 004 lines 31/50: "…ขั้นตอน" / "การจัดซื้อ…").
        ["ให้เจ้าหน้าที่", "ให้บันทึกขั้นตอนการจัดซื้อจัดจ้างภาครัฐ", "ห้ามมิให้"]
    );
    assert_eq!(lines("สำนักปลัด\nกองคลัง"), ["สำนักปลัด", "กองคลัง"]);
    let hard = format!("ข้อหนึ่ง{HARD_BREAK}ต่อ");
    assert_eq!(pieces(&hard), ["ข้อหนึ่ง", "ต่อ"]);
}

#[test]
fn dash_bullets_split_only_bulleted_cells() {
    assert_eq!(cell_items("- สำนักปลัด - กองคลัง"), ["สำนักปลัด", "กองคลัง"]);
    assert_eq!(
        cell_items("-การพัฒนา E-Service และ ง่าย -ระบุขั้นตอน"),
        ["การพัฒนา E-Service และ ง่าย", "ระบุขั้นตอน"]
    );
    assert_eq!(cell_items("การยืม - คืน"), ["การยืม - คืน"]);
    assert!(cell_items("<p>-</p>").is_empty());
}

#[test]
fn spread_letters_are_joined() {
    assert_eq!(
        normalize("ในคู่มือ แ ล ี ว เ ผ ย แ พ ร ่ ประชาสัมพันธ์"),
        "ในคู่มือ แลีวเผยแพร่ ประชาสัมพันธ์"
    );
    assert_eq!(normalize("ต่าง ๆ เช่น ณ ที่"), "ต่าง ๆ เช่น ณ ที่");
    assert_eq!(normalize("  a\t\u{200B} b  "), "a b");
}
