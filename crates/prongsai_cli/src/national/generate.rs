//! `prongsai gen-national`: a synthetic, deterministic national data set (agencies, IIT/EIT answers, OIT checklists).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use prongsai_domain::framework::{Question, ToolCode};
use prongsai_domain::{CodePrefix, Framework};
use rayon::prelude::*;

use super::rng::Rng;
use crate::args::GenNationalArgs;
use crate::error::user;

/// A kind of agency: its share of all agencies and how many staff and citizens answer for it, relatively.
struct Kind {
    name: &'static str,
    /// Prefix of generated names; "" means "named after its province".
    prefix: &'static str,
    share: f64,
    staff: f64,
    public: f64,
}

/// Roughly the national mix: most agencies are small local governments with few staff respondents.
const KINDS: [Kind; 10] = [
    kind("อบต.", "อบต.", 0.62, 1.0, 1.0),
    kind("เทศบาลตำบล", "เทศบาลตำบล", 0.265, 1.3, 1.2),
    kind("เทศบาลเมือง", "เทศบาลเมือง", 0.023, 4.0, 3.0),
    kind("เทศบาลนคร", "เทศบาลนคร", 0.004, 9.0, 6.0),
    kind("อบจ.", "", 0.009, 6.0, 4.0),
    kind("จังหวัด", "", 0.009, 8.0, 5.0),
    kind("ส่วนราชการระดับกรม", "กรม", 0.036, 12.0, 6.0),
    kind("สถาบันอุดมศึกษา", "มหาวิทยาลัย", 0.017, 8.0, 5.0),
    kind("รัฐวิสาหกิจ", "การ", 0.006, 8.0, 6.0),
    kind("องค์การมหาชน", "สำนักงาน", 0.011, 4.0, 3.0),
];

const fn kind(
    name: &'static str,
    prefix: &'static str,
    share: f64,
    staff: f64,
    public: f64,
) -> Kind {
    Kind {
        name,
        prefix,
        share,
        staff,
        public,
    }
}

/// The 77 provinces (Bangkok counted as one).
#[rustfmt::skip]
const PROVINCES: [&str; 77] = [
    "กรุงเทพมหานคร", "กระบี่", "กาญจนบุรี", "กาฬสินธุ์", "กำแพงเพชร", "ขอนแก่น", "จันทบุรี", "ฉะเชิงเทรา", "ชลบุรี", "ชัยนาท",
    "ชัยภูมิ", "ชุมพร", "เชียงราย", "เชียงใหม่", "ตรัง", "ตราด", "ตาก", "นครนายก", "นครปฐม", "นครพนม", "นครราชสีมา",
    "นครศรีธรรมราช", "นครสวรรค์", "นนทบุรี", "นราธิวาส", "น่าน", "บึงกาฬ", "บุรีรัมย์", "ปทุมธานี", "ประจวบคีรีขันธ์",
    "ปราจีนบุรี", "ปัตตานี", "พระนครศรีอยุธยา", "พะเยา", "พังงา", "พัทลุง", "พิจิตร", "พิษณุโลก", "เพชรบุรี", "เพชรบูรณ์",
    "แพร่", "ภูเก็ต", "มหาสารคาม", "มุกดาหาร", "แม่ฮ่องสอน", "ยโสธร", "ยะลา", "ร้อยเอ็ด", "ระนอง", "ระยอง", "ราชบุรี",
    "ลพบุรี", "ลำปาง", "ลำพูน", "เลย", "ศรีสะเกษ", "สกลนคร", "สงขลา", "สตูล", "สมุทรปราการ", "สมุทรสงคราม", "สมุทรสาคร",
    "สระแก้ว", "สระบุรี", "สิงห์บุรี", "สุโขทัย", "สุพรรณบุรี", "สุราษฎร์ธานี", "สุรินทร์", "หนองคาย", "หนองบัวลำภู",
    "อ่างทอง", "อำนาจเจริญ", "อุดรธานี", "อุตรดิตถ์", "อุทัยธานี", "อุบลราชธานี",
];

/// Place-name halves; two of them make a plausible local name ("หนองแก้ว").
#[rustfmt::skip]
const FIRST: &[&str] = &["บ้าน", "หนอง", "โคก", "นา", "ดอน", "ห้วย", "ท่า", "บาง", "วัง", "โพธิ์", "สระ", "ทุ่ง", "เขา", "ป่า", "คลอง", "บึง"];
#[rustfmt::skip]
const SECOND: &[&str] = &["ใหญ่", "น้อย", "แก้ว", "ทอง", "งาม", "สวรรค์", "ไทร", "ยาง", "ขาม", "เหนือ", "ใต้", "กลาง", "ศรี", "หลวง", "จันทร์", "เจริญ"];

/// Share of IIT (staff) among all responses; the rest are EIT (citizens).
const IIT_SHARE: f64 = 0.25;
/// Probability that an answer is left blank (never for an agency's first respondent, so no question ends up unanswered).
const BLANK: f64 = 0.006;

/// One agency before its rows are drawn.
struct Agency {
    id: String,
    name: String,
    kind: &'static str,
    province: &'static str,
    iit: u64,
    eit: u64,
    /// Probability of the clean (100-point) answer.
    quality: f64,
    /// Probability that an OIT item is published.
    openness: f64,
}

/// A question's answers as level numbers, best first, so "good" and "less good" answers are easy to draw.
struct Ranked {
    levels: Vec<u8>,
    part: Option<CodePrefix>,
}

fn ranked(fw: &Framework, q: &Question) -> Ranked {
    let answers = fw
        .scales
        .get(q.scale)
        .map(|s| s.answers.as_slice())
        .unwrap_or_default();
    let mut order: Vec<(f64, u8)> = answers
        .iter()
        .enumerate()
        .map(|(i, a)| (fw.points(q, i).unwrap_or(0.0), a.level))
        .collect();
    // Highest points first: for a reverse-scored question the clean answer is its first level.
    order.sort_by(|a, b| b.0.total_cmp(&a.0));
    Ranked {
        levels: order.into_iter().map(|(_, l)| l).collect(),
        part: q.part,
    }
}

fn tool_questions(fw: &Framework, tool: ToolCode) -> Vec<&Question> {
    fw.questions
        .iter()
        .filter(|q| fw.indicator(q.indicator).is_some_and(|i| i.tool == tool))
        .collect()
}

/// Splits `total` over `weights` (each gets `min` first) so the parts add up exactly, without sorting.
fn allocate(total: u64, min: u64, weights: &[f64]) -> Vec<u64> {
    let rest = total.saturating_sub(min * weights.len() as u64) as f64;
    let sum: f64 = weights.iter().sum();
    let (mut cum, mut given) = (0.0, 0u64);
    weights
        .iter()
        .map(|w| {
            cum += w;
            let upto = (rest * cum / sum).round() as u64;
            let share = upto.saturating_sub(given);
            given = upto.max(given);
            min + share
        })
        .collect()
}

/// A uniformly chosen name ("" for an empty list).
fn pick(rng: &mut Rng, items: &[&'static str]) -> &'static str {
    items
        .get(rng.below(items.len() as u64) as usize)
        .copied()
        .unwrap_or_default()
}

/// Draws the agencies: kinds, names, sizes, quality.
fn agencies(rng: &mut Rng, n: u32, iit_total: u64, eit_total: u64, eit_min: u64) -> Vec<Agency> {
    let width = n.to_string().len().max(5);
    let mut list: Vec<Agency> = Vec::with_capacity(n as usize);
    let (mut w_iit, mut w_eit) = (
        Vec::with_capacity(n as usize),
        Vec::with_capacity(n as usize),
    );
    for i in 1..=n {
        let mut u = rng.next_f64() * KINDS.iter().map(|k| k.share).sum::<f64>();
        let kind = KINDS.iter().find(|k| {
            u -= k.share;
            u < 0.0
        });
        let kind = kind.unwrap_or(&KINDS[0]);
        let province = pick(rng, &PROVINCES);
        let place = format!("{}{}", pick(rng, FIRST), pick(rng, SECOND));
        let name = if kind.prefix.is_empty() {
            format!("{}{province}", kind.name)
        } else {
            format!("{}{place}", kind.prefix)
        };
        // Sizes vary a lot within a kind: squares of a uniform give a long tail of small agencies.
        let f = rng.range(0.3, 1.6);
        w_iit.push(kind.staff * f * f);
        w_eit.push(kind.public * rng.range(0.4, 1.6));
        let weak = rng.chance(0.08);
        let (quality, openness) = if weak {
            (rng.range(0.40, 0.85), rng.range(0.50, 0.90))
        } else {
            (rng.range(0.80, 0.97), rng.range(0.88, 1.0))
        };
        list.push(Agency {
            id: format!("A{i:0width$}"),
            name,
            kind: kind.name,
            province,
            iit: 0,
            eit: 0,
            quality,
            openness,
        });
    }
    let iit_min = (iit_total / u64::from(n)).clamp(1, 3);
    let eit_min = (eit_total / u64::from(n)).clamp(eit_min, 5.max(eit_min));
    for ((a, i), e) in list
        .iter_mut()
        .zip(allocate(iit_total, iit_min, &w_iit))
        .zip(allocate(eit_total, eit_min, &w_eit))
    {
        a.iit = i;
        a.eit = e;
    }
    list
}

/// Appends one respondent's row: the agency id, then a level (or blank) per question.
fn respondent(
    out: &mut Vec<u8>,
    rng: &mut Rng,
    id: &str,
    qs: &[Ranked],
    quality: f64,
    part: Option<CodePrefix>,
    first: bool,
) {
    out.extend_from_slice(id.as_bytes());
    let q = (quality + rng.range(-0.08, 0.08)).clamp(0.0, 1.0);
    for r in qs {
        out.push(b',');
        if r.part != part || (!first && rng.chance(BLANK)) {
            continue;
        }
        let rank = if rng.chance(q) {
            0
        } else {
            let u = rng.next_f64();
            if u < 0.65 {
                1
            } else if u < 0.92 {
                2
            } else {
                3
            }
        };
        let level = r
            .levels
            .get(rank.min(r.levels.len().saturating_sub(1)))
            .copied()
            .unwrap_or(1);
        if level >= 10 {
            out.extend_from_slice(level.to_string().as_bytes());
        } else {
            out.push(b'0' + level);
        }
    }
    out.push(b'\n');
}

/// The rows of one agency in iit.csv, eit.csv and oit.csv.
fn agency_rows(
    a: &Agency,
    rng: &mut Rng,
    iit: &[Ranked],
    eit: &[Ranked],
    parts: &[CodePrefix],
    oit_items: usize,
) -> [Vec<u8>; 3] {
    let mut rows = [Vec::new(), Vec::new(), Vec::new()];
    let [iit_rows, eit_rows, oit_row] = &mut rows;
    for k in 0..a.iit {
        respondent(iit_rows, rng, &a.id, iit, a.quality, None, k == 0);
    }
    for k in 0..a.eit {
        // With parts, each citizen answers one part; the first ones cover every part.
        let part = match parts.len() as u64 {
            0 => None,
            p if k < p => parts.get(k as usize).copied(),
            p => parts.get(rng.below(p) as usize).copied(),
        };
        respondent(
            eit_rows,
            rng,
            &a.id,
            eit,
            a.quality,
            part,
            k < parts.len().max(1) as u64,
        );
    }
    oit_row.extend_from_slice(a.id.as_bytes());
    for _ in 0..oit_items {
        oit_row.extend_from_slice(if rng.chance(a.openness) { b",1" } else { b",0" });
    }
    oit_row.push(b'\n');
    rows
}

fn create(dir: &Path, name: &str) -> Result<BufWriter<File>> {
    let path = dir.join(name);
    let f = File::create(&path).with_context(|| format!("while creating {}", path.display()))?;
    Ok(BufWriter::with_capacity(1 << 20, f))
}

fn header(codes: impl Iterator<Item = String>) -> String {
    let mut h = String::from("agency");
    for c in codes {
        h.push(',');
        h.push_str(&c);
    }
    h.push('\n');
    h
}

/// Writes the data set for `fw` and prints a one-line summary.
pub fn run(fw: &Framework, a: &GenNationalArgs) -> Result<()> {
    if let Some(i) = fw.indicators.iter().find(|i| i.indicator_only) {
        return Err(user(format!(
            "ปี {} ให้คะแนนตัวชี้วัดที่ {} ทั้งตัว จึงสร้างคำตอบรายข้อไม่ได้ (the {} framework scores indicator {} only as a whole; pick a year with questions)",
            fw.fiscal_year, i.number, fw.fiscal_year, i.number
        )));
    }
    let parts: Vec<CodePrefix> = fw
        .tool(ToolCode::Eit)
        .map(|t| t.parts.iter().map(|p| p.prefix).collect())
        .unwrap_or_default();
    let n = u64::from(a.agencies);
    let iit_total = (a.responses as f64 * IIT_SHARE).round() as u64;
    let eit_total = a.responses.saturating_sub(iit_total);
    let eit_min = parts.len().max(1) as u64;
    if n == 0 || iit_total < n || eit_total < n * eit_min {
        return Err(user(format!(
            "คำตอบ {} รายการไม่พอสำหรับ {n} หน่วยงาน (too few responses: every agency needs at least one IIT and {eit_min} EIT respondent(s); 25% of responses are IIT)",
            a.responses
        )));
    }
    let iit_q: Vec<Ranked> = tool_questions(fw, ToolCode::Iit)
        .into_iter()
        .map(|q| ranked(fw, q))
        .collect();
    let eit_q: Vec<Ranked> = tool_questions(fw, ToolCode::Eit)
        .into_iter()
        .map(|q| ranked(fw, q))
        .collect();
    let master = Rng::new(a.seed);
    let list = agencies(
        &mut master.fork(u64::MAX),
        a.agencies,
        iit_total,
        eit_total,
        eit_min,
    );
    // Each agency draws from its own stream, so rows can be made in parallel and still match the seed.
    let rows: Vec<[Vec<u8>; 3]> = list
        .par_iter()
        .enumerate()
        .map(|(i, ag)| {
            agency_rows(
                ag,
                &mut master.fork(i as u64),
                &iit_q,
                &eit_q,
                &parts,
                fw.oit_items.len(),
            )
        })
        .collect();

    std::fs::create_dir_all(&a.out)
        .with_context(|| format!("while creating {}", a.out.display()))?;
    let mut files = [
        create(&a.out, "iit.csv")?,
        create(&a.out, "eit.csv")?,
        create(&a.out, "oit.csv")?,
    ];
    let codes = |tool| {
        tool_questions(fw, tool)
            .into_iter()
            .map(|q| q.code.to_string())
    };
    let headers = [
        header(codes(ToolCode::Iit)),
        header(codes(ToolCode::Eit)),
        header(fw.oit_items.iter().map(|o| o.code.to_string())),
    ];
    for (f, h) in files.iter_mut().zip(&headers) {
        f.write_all(h.as_bytes())?;
    }
    for agency_rows in &rows {
        for (f, r) in files.iter_mut().zip(agency_rows) {
            f.write_all(r)?;
        }
    }
    for f in &mut files {
        f.flush()?;
    }
    let mut ag = create(&a.out, "agencies.csv")?;
    ag.write_all(b"agency,name,kind,province\n")?;
    for x in &list {
        writeln!(ag, "{},{},{},{}", x.id, x.name, x.kind, x.province)?;
    }
    ag.flush()?;
    let meta = serde_json::json!({
        "generator": "prongsai gen-national",
        "framework": fw.id,
        "year": fw.fiscal_year,
        "seed": a.seed,
        "agencies": a.agencies,
        "responses": a.responses,
        "iit_responses": iit_total,
        "eit_responses": eit_total,
        "oit_items": fw.oit_items.len(),
        "files": ["agencies.csv", "iit.csv", "eit.csv", "oit.csv"],
    });
    std::fs::write(
        a.out.join("meta.json"),
        format!("{}\n", serde_json::to_string_pretty(&meta)?),
    )
    .with_context(|| format!("while writing {}", a.out.join("meta.json").display()))?;
    println!(
        "สร้างข้อมูล {} หน่วยงาน ปี {}: IIT {iit_total} + EIT {eit_total} = {} คำตอบ, OIT {} ข้อ → {} (seed {})",
        a.agencies,
        fw.fiscal_year,
        a.responses,
        fw.oit_items.len(),
        a.out.display(),
        a.seed
    );
    Ok(())
}
