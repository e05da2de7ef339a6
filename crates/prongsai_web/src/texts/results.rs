//! Texts of results: rating levels, the official result the NACC published, assumptions, whole-tool scores.

/// Strings about results in one language.
#[derive(Debug)]
pub struct ResultTexts {
    /// Heading of the label card for rating-level years.
    pub level: &'static str,
    /// The published result.
    pub official_title: &'static str,
    /// Our computation equals the published figures.
    pub official_matches: &'static str,
    /// Our computation differs from the published figures.
    pub official_differs: &'static str,
    /// Column: our figure.
    pub computed: &'static str,
    /// Column: published figure.
    pub published: &'static str,
    /// The figure that differs: total.
    pub what_total: &'static str,
    /// The figure that differs: level.
    pub what_level: &'static str,
    /// Heading of the assumptions list.
    pub assumptions_title: &'static str,
    /// Form heading.
    pub official_form: &'static str,
    /// Form help.
    pub official_help: &'static str,
    /// Total field.
    pub official_total: &'static str,
    /// Level field.
    pub official_level: &'static str,
    /// Empty choice of the level select.
    pub choose_level: &'static str,
    /// Tools fieldset legend.
    pub official_tools: &'static str,
    /// Indicators fieldset legend.
    pub official_indicators: &'static str,
    /// Save button.
    pub save_official: &'static str,
    /// Remove button.
    pub remove_official: &'static str,
    /// Saved notice.
    pub official_saved: &'static str,
    /// Whole-tool grid group.
    pub whole_tools: &'static str,
    /// Whole-tool help.
    pub whole_tools_help: &'static str,
    /// A question whose wording is not published.
    pub wording_unpublished: &'static str,
    /// Not a number.
    pub err_number: &'static str,
    /// No level chosen.
    pub err_level: &'static str,
    /// Nothing was saved.
    pub err_not_saved: &'static str,
    /// The official result is shown on the page (public figure).
    pub shown_official: &'static str,
}

/// Thai.
pub(super) static TH: ResultTexts = ResultTexts {
    level: "ระดับผลการประเมิน",
    official_title: "ผลที่ สำนักงาน ป.ป.ช. ประกาศ",
    official_matches: "ผลที่ระบบคำนวณตรงกับผลที่ประกาศ",
    official_differs: "ผลที่ระบบคำนวณต่างจากผลที่ประกาศ ให้ใช้ผลที่ประกาศ และตรวจคะแนนที่บันทึกไว้",
    computed: "ระบบคำนวณได้",
    published: "ผลที่ประกาศ",
    what_total: "คะแนนรวม",
    what_level: "ระดับ",
    assumptions_title: "ผลที่ระบบคำนวณนี้อาศัยเกณฑ์ที่ สำนักงาน ป.ป.ช. ยังไม่ได้ยืนยัน",
    official_form: "บันทึกผลที่ สำนักงาน ป.ป.ช. ประกาศ",
    official_help: "ใส่ตามประกาศผลการประเมินของปีนี้ คะแนนรายเครื่องมือและรายตัวชี้วัดใส่เฉพาะที่มี ช่องที่ไม่มีให้เว้นว่าง",
    official_total: "คะแนนรวม",
    official_level: "ระดับผลการประเมิน",
    choose_level: "— เลือกระดับ —",
    official_tools: "คะแนนรายเครื่องมือ (ถ้ามี)",
    official_indicators: "คะแนนรายตัวชี้วัด (ถ้ามี)",
    save_official: "บันทึกผลที่ประกาศ",
    remove_official: "ลบผลที่ประกาศที่บันทึกไว้",
    official_saved: "บันทึกผลที่ประกาศแล้ว",
    whole_tools: "คะแนนทั้งเครื่องมือ (ใช้เมื่อมีเฉพาะผลรายเครื่องมือ)",
    whole_tools_help: "ถ้าใส่คะแนนทั้งเครื่องมือแล้ว ไม่ต้องใส่คะแนนรายข้อหรือรายตัวชี้วัดของเครื่องมือนั้น",
    wording_unpublished: "ยังไม่มีถ้อยคำของข้อคำถามนี้ที่เผยแพร่",
    err_number: "ต้องเป็นตัวเลข 0–100",
    err_level: "กรุณาเลือกระดับผลการประเมิน",
    err_not_saved: "ยังไม่ได้บันทึก กรุณาแก้ไขช่องที่มีข้อความแจ้ง",
    shown_official: "แสดงผลที่ สำนักงาน ป.ป.ช. ประกาศ",
};

/// English.
pub(super) static EN: ResultTexts = ResultTexts {
    level: "Rating",
    official_title: "Result published by the NACC",
    official_matches: "Our computation matches the published result",
    official_differs: "Our computation differs from the published result: use the published one and check the scores entered",
    computed: "Computed",
    published: "Published",
    what_total: "Total",
    what_level: "Rating",
    assumptions_title: "This computed result rests on rules the NACC has not confirmed",
    official_form: "Record the result the NACC published",
    official_help: "Enter it as published for this year; tool and indicator scores only where published, leave the others empty",
    official_total: "Total",
    official_level: "Rating",
    choose_level: "— choose —",
    official_tools: "Tool scores (if published)",
    official_indicators: "Indicator scores (if published)",
    save_official: "Save the published result",
    remove_official: "Remove the recorded published result",
    official_saved: "Published result saved",
    whole_tools: "Whole-tool scores (when only tool results are known)",
    whole_tools_help: "When a whole tool is given, leave that tool's questions and indicators empty",
    wording_unpublished: "The wording of this question is not published yet",
    err_number: "Must be a number from 0 to 100",
    err_level: "Choose the rating",
    err_not_saved: "Nothing was saved: correct the fields marked",
    shown_official: "Showing the result the NACC published",
};
