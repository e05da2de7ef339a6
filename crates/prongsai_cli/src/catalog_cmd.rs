//! `prongsai catalog list|show|check`: what frameworks exist, what one contains, and whether a file is valid.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;
use prongsai_domain::framework::parse_framework;
use prongsai_domain::{Catalog, Framework, Provenance, SourceFile};

use crate::args::{CatalogCommand, CatalogSource, ScoreFormat};
use crate::error::user;
use crate::input::{framework, load_catalog, read_dir_toml, read_user_file};
use crate::render::pad;

/// Runs a `catalog` subcommand.
pub fn run(src: &CatalogSource, cmd: &CatalogCommand) -> Result<()> {
    match cmd {
        CatalogCommand::List => {
            let catalog = load_catalog(src)?;
            print!("{}", list(&catalog));
        }
        CatalogCommand::Show { year, format } => {
            let catalog = load_catalog(src)?;
            let fw = framework(&catalog, *year)?;
            match format {
                ScoreFormat::Json => println!("{}", serde_json::to_string_pretty(fw)?),
                ScoreFormat::Table => print!("{}", show(fw)),
            }
        }
        CatalogCommand::Check { file } => check(src, file)?,
    }
    Ok(())
}

fn assumed_count(fw: &Framework) -> usize {
    let mut n = [
        &fw.rules.provenance,
        &fw.rules.question_provenance,
        &fw.pass.provenance,
        &fw.grading.provenance,
    ]
    .iter()
    .filter(|p| p.is_assumed())
    .count();
    n += fw
        .tools
        .iter()
        .filter(|t| t.weight_provenance.is_assumed())
        .count();
    n += fw
        .indicators
        .iter()
        .filter(|i| i.provenance.is_assumed())
        .count();
    n += fw
        .questions
        .iter()
        .map(|q| {
            usize::from(q.provenance.is_assumed()) + usize::from(q.scoring_provenance.is_assumed())
        })
        .sum::<usize>();
    n += fw
        .oit_items
        .iter()
        .map(|o| {
            usize::from(o.provenance.is_assumed())
                + usize::from(o.placement_provenance.is_assumed())
        })
        .sum::<usize>();
    n
}

fn list(catalog: &Catalog) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "ปี    id        เครื่องมือ (น้ำหนัก)           ข้อคำถาม  ข้อ OIT  ค่าที่สมมติ"
    );
    for fw in catalog.frameworks() {
        let tools: Vec<String> = fw
            .tools
            .iter()
            .map(|t| format!("{} {}", t.code.as_str(), t.weight))
            .collect();
        let _ = writeln!(
            o,
            "{}  {}  {}  {:>8}  {:>7}  {:>10}",
            fw.fiscal_year,
            pad(&fw.id, 8),
            pad(&tools.join(" / "), 30),
            fw.questions.len(),
            fw.oit_items.len(),
            assumed_count(fw)
        );
    }
    o
}

fn tag(p: &Provenance) -> &'static str {
    if p.is_assumed() {
        "[สมมติ/assumed]"
    } else {
        "[ยืนยัน/confirmed]"
    }
}

fn show(fw: &Framework) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "{} ({}, version {})", fw.title_th, fw.id, fw.version);
    let _ = writeln!(
        o,
        "เกณฑ์ผ่าน {} / เป้าหมายรายเครื่องมือ {} {}",
        fw.pass.mark,
        fw.pass.tool_target,
        tag(&fw.pass.provenance)
    );
    let bands: Vec<String> = fw
        .grading
        .bands
        .iter()
        .map(|b| match b.min_every_tool {
            Some(t) => format!("{} ≥ {} (ทุกเครื่องมือ ≥ {t})", b.grade, b.min),
            None => format!("{} ≥ {}", b.grade, b.min),
        })
        .collect();
    let _ = writeln!(
        o,
        "ระดับ: {} {}",
        bands.join(", "),
        tag(&fw.grading.provenance)
    );
    for t in &fw.tools {
        let _ = writeln!(
            o,
            "\n{} {} — น้ำหนัก {}% {}",
            t.code.as_str(),
            t.name_th,
            t.weight,
            tag(&t.weight_provenance)
        );
        for p in &t.parts {
            let _ = writeln!(
                o,
                "  ส่วน {} {} ({}%)",
                p.prefix.as_str(),
                p.name_th,
                p.weight
            );
        }
        for n in &t.indicators {
            let Some(ind) = fw.indicator(*n) else {
                continue;
            };
            let only = if ind.indicator_only {
                " (ระดับตัวชี้วัดเท่านั้น)"
            } else {
                ""
            };
            let _ = writeln!(o, "  ตัวชี้วัดที่ {} {}{only}", ind.number, ind.name_th);
            for q in fw.questions.iter().filter(|q| q.indicator == *n) {
                let rev = if q.reverse {
                    " (กลับค่า)"
                } else {
                    ""
                };
                let text = if q.text_th.is_empty() {
                    "(ไม่ทราบถ้อยคำ)"
                } else {
                    q.text_th.as_str()
                };
                let _ = writeln!(
                    o,
                    "    {:<5} {text}{rev} {}",
                    q.code.to_string(),
                    tag(&q.provenance)
                );
            }
            for s in fw.sub_indicators.iter().filter(|s| s.indicator == *n) {
                let _ = writeln!(o, "    {} {}", s.code, s.name_th);
                for it in fw
                    .oit_items
                    .iter()
                    .filter(|i| i.sub_indicator.as_deref() == Some(s.code.as_str()))
                {
                    let title = if it.title_th.is_empty() {
                        "(ไม่ทราบชื่อ)"
                    } else {
                        it.title_th.as_str()
                    };
                    let _ = writeln!(
                        o,
                        "      {:<4} {title} {}",
                        it.code.to_string(),
                        tag(&it.provenance)
                    );
                }
            }
            for it in fw
                .oit_items
                .iter()
                .filter(|i| i.indicator == *n && i.sub_indicator.is_none())
            {
                let _ = writeln!(
                    o,
                    "    {:<4} {} {}",
                    it.code.to_string(),
                    it.title_th,
                    tag(&it.provenance)
                );
            }
        }
    }
    o
}

fn check(src: &CatalogSource, file: &Path) -> Result<()> {
    let name = file.display().to_string();
    let text = String::from_utf8(read_user_file(file)?)
        .map_err(|_| user(format!("{name}: ไฟล์ไม่ใช่ UTF-8 (not UTF-8)")))?;
    let fw = parse_framework(&name, &text).map_err(|e| user(e.to_string()))?;
    // Validate the year's guidance against this file, with the other years as they are.
    let mut frameworks: Vec<SourceFile> = match &src.catalog_dir {
        Some(d) => read_dir_toml(d)?,
        None => Vec::new(),
    };
    frameworks.retain(|f| !f.name.ends_with(&format!("{}.toml", fw.fiscal_year)));
    frameworks.push(SourceFile::new(name.clone(), text));
    let guidance_dir = src.guidance_dir.clone().or_else(|| {
        let g = file
            .parent()
            .and_then(Path::parent)
            .map(|p| p.join("guidance"));
        g.filter(|p| p.is_dir())
    });
    let guidance = match guidance_dir {
        Some(g) => read_dir_toml(&g)?,
        None => Vec::new(),
    };
    let guidance: Vec<SourceFile> = guidance
        .into_iter()
        .filter(|g| {
            let n = g.name.rsplit('/').next().unwrap_or("");
            n.starts_with("topics") || n == format!("{}.toml", fw.fiscal_year)
        })
        .collect();
    let catalog = Catalog::load(&frameworks, &guidance).map_err(|e| user(e.to_string()))?;
    for w in catalog.warnings() {
        eprintln!("คำเตือน (warning): {w}");
    }
    let g = catalog.guidance(fw.fiscal_year).map_or(0, |b| b.len());
    println!(
        "OK {name}: {} (ปี {}), {} ข้อคำถาม, {} ข้อ OIT, {} ค่าที่สมมติ (assumed), แนวทาง {} รหัส",
        fw.id,
        fw.fiscal_year,
        fw.questions.len(),
        fw.oit_items.len(),
        assumed_count(&fw),
        g
    );
    Ok(())
}
