//! `prongsai import-report`: a legacy ITA report (text, DOCX, XLSX/CSV, JSON) → structured JSON or a text summary.

use std::fmt::Write as _;

use anyhow::Result;
use prongsai_domain::document::{
    AnalysedIndicator, Measure, RecommendationsSection, ReportDocument, Section,
};
use prongsai_domain::thai::{DigitStyle, Period, format_period_with};

use crate::args::{CatalogSource, ImportFormat, ImportReportArgs};
use crate::error::user;
use crate::input::{load_catalog, read_user_file};

/// Runs `prongsai import-report`.
pub fn run(src: &CatalogSource, a: &ImportReportArgs) -> Result<()> {
    let bytes = read_user_file(&a.file)?;
    let catalog = load_catalog(src)?;
    let name = a.file.display().to_string();
    let doc = prongsai_import::report::import_report(&name, &bytes, Some(&catalog))
        .map_err(|e| user(e.to_string()))?;
    match a.format {
        ImportFormat::Json => println!("{}", serde_json::to_string_pretty(&doc)?),
        ImportFormat::Text => print!("{}", text(&doc)),
    }
    Ok(())
}

/// The document as Thai text for the terminal.
pub fn text(doc: &ReportDocument) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "เอกสาร (kind): {}", kind_label(doc));
    let _ = writeln!(o, "ชื่อเรื่อง: {}", doc.title);
    let agency = &doc.agency;
    let _ = writeln!(
        o,
        "หน่วยงาน: {}  อำเภอ: {}  จังหวัด: {}",
        agency.name.as_deref().unwrap_or("-"),
        agency.district.as_deref().unwrap_or("-"),
        agency.province.as_deref().unwrap_or("-")
    );
    let fy = doc
        .fiscal_year
        .map_or_else(|| "-".to_string(), |y| y.to_string());
    let _ = writeln!(o, "ปีงบประมาณ: {fy}");
    let r = &doc.recognition;
    let _ = writeln!(
        o,
        "อ่านได้ {}% ของข้อความ ({} บรรทัด, ไม่รู้จัก {} ส่วน) (recognised)",
        r.percent,
        r.lines,
        doc.unrecognised.len()
    );
    for section in &doc.sections {
        let _ = writeln!(o);
        match section {
            Section::Analysis(a) => {
                let _ = writeln!(o, "== การวิเคราะห์ผลการประเมิน (analysis)");
                for i in &a.indicators {
                    indicator(&mut o, i);
                }
            }
            Section::MeasuresPlan(m) | Section::ImplementationReport(m) => {
                let label = if matches!(section, Section::MeasuresPlan(_)) {
                    "มาตรการ (measures plan)"
                } else {
                    "รายงานผลการดำเนินการ (implementation report)"
                };
                let heading = m
                    .heading
                    .as_ref()
                    .map_or(String::new(), |h| format!(": {}", h.text));
                let _ = writeln!(o, "== {label}{heading}");
                for (k, measure) in m.measures.iter().enumerate() {
                    measure_text(&mut o, k + 1, measure);
                }
            }
            Section::Recommendations(r) => recommendations(&mut o, r),
        }
    }
    list(
        &mut o,
        "คำเตือน (warnings)",
        doc.warnings.iter().map(|w| w.message.clone()),
    );
    list(
        &mut o,
        "ส่วนที่อ่านไม่ได้ (unrecognised)",
        doc.unrecognised
            .iter()
            .map(|f| format!("บรรทัด {}: {}", f.line, f.text)),
    );
    o
}

fn kind_label(doc: &ReportDocument) -> &'static str {
    use prongsai_domain::document::DocumentKind::*;
    match doc.kind {
        Analysis => "การวิเคราะห์ผลการประเมิน (analysis)",
        MeasuresPlan => "มาตรการ (measures plan)",
        ImplementationReport => "รายงานผลการดำเนินการ (implementation report)",
        AnalysisAndPlan => "การวิเคราะห์และมาตรการ (analysis and plan)",
    }
}

fn list(o: &mut String, title: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n== {title}");
    for item in items {
        let _ = writeln!(o, "- {item}");
    }
}

fn indicator(o: &mut String, i: &AnalysedIndicator) {
    let n = i.number.map_or_else(|| "-".to_string(), |n| n.to_string());
    let _ = writeln!(o, "ตัวชี้วัดที่ {n} {}", i.name);
    for q in &i.questions {
        let score = q
            .score
            .map_or_else(|| "-".to_string(), |s| format!("{s:.2}"));
        let _ = writeln!(o, "  {:<5} {score:>7}  {}", q.code.to_string(), q.text);
    }
    for r in &i.ranges {
        let _ = writeln!(o, "  {}–{}", r.from, r.to);
    }
    for w in &i.weakest {
        let code = w.code.map_or_else(String::new, |c| format!("{c} "));
        let _ = writeln!(o, "  ข้อที่ได้คะแนนน้อยที่สุด: {code}{}", w.text);
    }
    if !i.cause.is_empty() {
        let _ = writeln!(o, "  สาเหตุ: {}", i.cause);
    }
    if !i.guidance.is_empty() {
        let _ = writeln!(o, "  แนวทาง: {}", i.guidance);
    }
    if !i.oit_refs.is_empty() {
        let refs: Vec<String> = i.oit_refs.iter().map(ToString::to_string).collect();
        let _ = writeln!(o, "  อ้างอิง: {}", refs.join(", "));
    }
}

fn measure_text(o: &mut String, k: usize, m: &Measure) {
    let _ = writeln!(o, "{k}. {} (บรรทัด {})", m.title, m.line);
    if !m.analysis.is_empty() {
        let _ = writeln!(o, "   ผลการวิเคราะห์: {}", m.analysis);
    }
    for (label, items) in [
        ("ขั้นตอน", &m.steps),
        ("ผลการดำเนินการ", &m.results),
        ("ผลลัพธ์", &m.outcomes),
    ] {
        for item in items {
            let _ = writeln!(o, "   {label}: {item}");
        }
    }
    if let Some(p) = &m.period {
        let dates = match (p.start, p.end) {
            (Some(start), Some(end)) => Period::new(start, end).map_or_else(String::new, |p| {
                format!(" → {}", format_period_with(&p, DigitStyle::Thai, true))
            }),
            _ => String::new(),
        };
        let _ = writeln!(o, "   ระยะเวลา: {}{dates}", p.text);
    }
    if !m.responsible.is_empty() {
        let _ = writeln!(o, "   ผู้รับผิดชอบ: {}", m.responsible.join(", "));
    }
    if !m.follow_up.is_empty() {
        let _ = writeln!(o, "   การติดตามผล: {}", m.follow_up);
    }
    if !m.suggestions.is_empty() {
        let _ = writeln!(o, "   ข้อเสนอแนะ: {}", m.suggestions);
    }
    if !m.links.is_empty() {
        let links: Vec<String> = m
            .links
            .iter()
            .map(|l| match l.score {
                Some(s) => format!("{} {s}", l.code),
                None => l.code.to_string(),
            })
            .collect();
        let _ = writeln!(o, "   ข้อคำถาม/ข้อ OIT: {}", links.join(", "));
    }
}

fn recommendations(o: &mut String, r: &RecommendationsSection) {
    let heading = r.heading.as_ref().map_or("", |h| h.text.as_str());
    let _ = writeln!(o, "== ข้อเสนอแนะ (recommendations): {heading}");
    for p in &r.paragraphs {
        let _ = writeln!(o, "  {}", p.text);
    }
    for t in &r.tools {
        let _ = writeln!(o, "-- {}", t.heading.text);
        for p in &t.paragraphs {
            let _ = writeln!(o, "  {}", p.text);
        }
        for item in &t.items {
            let ind = item
                .indicator
                .map_or_else(String::new, |n| format!(" (ตัวชี้วัดที่ {n})"));
            let _ = writeln!(o, "  {}{ind}: {}", item.code, item.text);
        }
    }
}
