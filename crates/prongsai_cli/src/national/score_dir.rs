//! `prongsai score --by-agency DIR`: reads a national directory, scores every agency, prints a table or one JSON object.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::Result;
use prongsai_domain::Framework;
use prongsai_domain::scoring::round2;
use prongsai_import::national::{NationalFiles, Source, score_national_map};
use rayon::prelude::*;

use super::json::{Template, compact, write_agencies};
use crate::args::ScoreFormat;
use crate::error::user;
use crate::input::read_user_file;
use crate::render::pad;

/// Reads the four files of `dir`, scores every agency and prints the results.
pub fn run(fw: &Framework, dir: &Path, format: ScoreFormat) -> Result<()> {
    let paths = ["agencies.csv", "iit.csv", "eit.csv", "oit.csv"].map(|n| dir.join(n));
    let names = paths.each_ref().map(|p| p.display().to_string());
    let read: Vec<Result<Vec<u8>>> = paths.par_iter().map(|p| read_user_file(p)).collect();
    let bytes = read.into_iter().collect::<Result<Vec<_>>>()?;
    let src = |k: usize| Source {
        name: names.get(k).map_or("", String::as_str),
        bytes: bytes.get(k).map_or(&[], Vec::as_slice),
    };
    let files = NationalFiles {
        agencies: src(0),
        iit: src(1),
        eit: src(2),
        oit: src(3),
    };
    let stdout = std::io::stdout();
    // Small: the JSON comes in large pieces that then go straight through instead of being copied.
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    match format {
        ScoreFormat::Json => {
            let template = Template::new();
            let scored = score_national_map(fw, &files, |s| compact(s, &template))
                .map_err(|e| user(e.to_string()))?;
            // Every agency has scored: from here on nothing can fail for a reason of the input.
            out.write_all(b"{\"framework\":")?;
            serde_json::to_writer(&mut out, &fw.id)?;
            write!(out, ",\"fiscal_year\":{},\"agencies\":[", fw.fiscal_year)?;
            write_agencies(&mut out, scored, &template)?;
            out.write_all(b"\n]}\n")?;
        }
        ScoreFormat::Table => {
            let rows = score_national_map(fw, &files, |s| Row {
                total: s.result.total.value(),
                grade: s.result.grade,
                passed: s.result.passed,
                agency: s.agency,
            })
            .map_err(|e| user(e.to_string()))?;
            write_table(&mut out, fw, &rows)?;
        }
    }
    out.flush()?;
    Ok(())
}

/// What the table shows of an agency.
struct Row {
    agency: String,
    total: f64,
    grade: String,
    passed: bool,
}

/// One line per agency (id, total, grade, pass), then the count, the mean total and the number passed.
fn write_table(out: &mut impl Write, fw: &Framework, rows: &[Row]) -> Result<()> {
    let id_w = rows
        .iter()
        .map(|s| s.agency.len())
        .max()
        .unwrap_or(0)
        .max(8);
    writeln!(
        out,
        "ผลการประเมิน ITA รายหน่วยงาน ปีงบประมาณ พ.ศ. {} ({})",
        fw.fiscal_year, fw.id
    )?;
    writeln!(out, "{}  คะแนนรวม  ระดับ  ผล", pad("หน่วยงาน", id_w))?;
    for s in rows {
        let pass = if s.passed {
            "ผ่าน"
        } else {
            "ไม่ผ่าน"
        };
        writeln!(
            out,
            "{}  {:>8.2}  {:<5}  {pass}",
            pad(&s.agency, id_w),
            round2(s.total),
            s.grade
        )?;
    }
    let n = rows.len();
    let passed = rows.iter().filter(|s| s.passed).count();
    let mean = if n == 0 {
        0.0
    } else {
        rows.iter().map(|s| s.total).sum::<f64>() / n as f64
    };
    let pct = if n == 0 {
        0.0
    } else {
        100.0 * passed as f64 / n as f64
    };
    writeln!(
        out,
        "\nรวม {n} หน่วยงาน · คะแนนรวมเฉลี่ย {:.2} · ผ่านเกณฑ์ {} คะแนน {passed} หน่วยงาน ({pct:.1}%) (agencies, mean total, passed)",
        round2(mean),
        fw.pass.mark
    )?;
    Ok(())
}
