//! Plain-text views for the terminal (Thai labels, columns aligned by display width).

use std::fmt::Write as _;

use prongsai_domain::Framework;
use prongsai_domain::analysis::Analysis;
use prongsai_domain::framework::GradingKind;
use prongsai_domain::scoring::{OfficialResult, ScoreResult, differences};

/// Display width of Thai text: combining vowels and tone marks take no column.
pub fn width(s: &str) -> usize {
    s.chars()
        .filter(|c| !matches!(*c as u32, 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E))
        .count()
}

/// `s` padded with spaces to display width `w`.
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// The year's label, with the pass mark for letter years (a rating level already says whether it passed).
fn label_text(fw: &Framework, r: &ScoreResult) -> String {
    match fw.grading.kind {
        GradingKind::Levels => format!("ระดับ {}", r.grade),
        GradingKind::Letters if r.passed => {
            format!("ระดับ {}   ผ่าน (เกณฑ์ {})", r.grade, fw.pass.mark)
        }
        GradingKind::Letters => format!("ระดับ {}   ไม่ผ่าน (เกณฑ์ {})", r.grade, fw.pass.mark),
    }
}

/// The result of `prongsai score --format table`.
pub fn score_table(fw: &Framework, r: &ScoreResult, official: Option<&OfficialResult>) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. {} ({})",
        r.fiscal_year, r.framework
    );
    let _ = writeln!(o);
    let name_w = r
        .indicators
        .iter()
        .map(|i| width(&i.name))
        .max()
        .unwrap_or(10)
        .max(10);
    let _ = writeln!(o, "{}  {:>6}", pad("ตัวชี้วัด", name_w + 4), "คะแนน");
    for i in &r.indicators {
        let _ = writeln!(
            o,
            "{:>2}  {}  {:>6}  {}",
            i.number,
            pad(&i.name, name_w),
            i.score.to_string(),
            i.tool.as_str()
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "{}  {:>7}  {:>6}", pad("เครื่องมือ", 10), "น้ำหนัก", "คะแนน");
    for t in &r.tools {
        let _ = writeln!(
            o,
            "{}  {:>6}%  {:>6}",
            pad(t.code.as_str(), 10),
            t.weight,
            t.score.to_string()
        );
        for p in &t.parts {
            let s = p.score.map_or("-".to_string(), |s| s.to_string());
            let _ = writeln!(
                o,
                "  {}  {:>6}%  {:>6}",
                pad(p.code.as_str(), 8),
                p.weight,
                s
            );
        }
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "คะแนนรวม (ITA)  {}   {}", r.total, label_text(fw, r));
    if let Some(off) = official {
        let _ = writeln!(
            o,
            "ผลที่ สำนักงาน ป.ป.ช. ประกาศ  {:.2}   ระดับ {}",
            prongsai_domain::scoring::round2(off.total),
            off.level
        );
        let diffs = differences(r, off);
        if diffs.is_empty() {
            let _ = writeln!(o, "ผลที่คำนวณตรงกับผลที่ประกาศ");
        } else {
            for d in diffs {
                let _ = writeln!(
                    o,
                    "  ต่างกันที่ {}: คำนวณได้ {} ประกาศ {}",
                    d.what, d.computed, d.official
                );
            }
        }
    }
    if !r.assumptions_plain.is_empty() && official.is_none() {
        let _ = writeln!(o);
        let _ = writeln!(o, "สิ่งที่ผลนี้อาศัยแต่ สำนักงาน ป.ป.ช. ยังไม่ได้ยืนยัน:");
        for a in &r.assumptions_plain {
            let _ = writeln!(o, "  - {}", a.th);
        }
    }
    o
}

/// The result of `prongsai analyze --format text`.
pub fn analysis_text(fw: &Framework, r: &ScoreResult, a: &Analysis) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "การวิเคราะห์ผลการประเมิน ITA ปีงบประมาณ พ.ศ. {} ({})",
        a.fiscal_year, a.framework
    );
    let _ = writeln!(o, "คะแนนรวม {}  {}", r.total, label_text(fw, r));
    let _ = writeln!(o, "{}", a.verdict.text_th);
    if let Some(p) = &a.previous {
        let _ = writeln!(
            o,
            "เทียบกับปี {}: {} → {} ({:+.2})",
            p.fiscal_year,
            p.total,
            r.total,
            p.change.rounded()
        );
    }
    for i in &a.indicators {
        let _ = writeln!(o);
        let change = i
            .change
            .map(|c| format!("  ({:+.2} จากปีก่อน)", c.rounded()))
            .unwrap_or_default();
        let _ = writeln!(o, "ตัวชี้วัดที่ {} {}  {}{change}", i.number, i.name, i.score);
        if i.weakest.is_empty()
            && let Some(n) = &i.note
        {
            let _ = writeln!(o, "  {n}");
        }
        for f in &i.findings {
            let text = if f.text.is_empty() {
                String::new()
            } else {
                format!(" {}", f.text)
            };
            let _ = writeln!(o, "  ข้อที่ได้คะแนนน้อยที่สุด: {}{text} ({})", f.code, f.score);
        }
        if !i.cause.is_empty() {
            let _ = writeln!(o, "  สาเหตุ: {}", i.cause);
        }
        if !i.guidance.is_empty() {
            let _ = writeln!(o, "  แนวทางการยกระดับ: {}", i.guidance);
        }
        if !i.oit_refs.is_empty() {
            let refs: Vec<String> = i.oit_refs.iter().map(ToString::to_string).collect();
            let _ = writeln!(o, "  อ้างอิง OIT: {}", refs.join(", "));
        }
    }
    o
}
