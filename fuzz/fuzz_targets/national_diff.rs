//! Differential fuzz target: the national fast path (`national::score_national`, byte-level CSV) and the
//! general path (`parse_responses`, the csv crate and the domain's tally) must agree on the same `iit.csv`.
//!
//! The fuzzed bytes are the `iit.csv` of a one-agency national directory (agency `A1`; fixed `eit.csv`,
//! `oit.csv` and `agencies.csv`). The national path adds rules of its own on top of a response file:
//! a header on line 1 with an agency column and every IIT question of the year, each row's agency known,
//! no quoted cell spanning lines, strict quoting. So:
//! - whatever the national path scores, the general path must score identically (same result);
//! - a plain file (no quotes, every rule above visibly met) that the general path scores, the national
//!   path must score too.
#![no_main]

use std::fmt::Write as _;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use prongsai_domain::framework::{Entry, ToolCode};
use prongsai_domain::scoring::{ResponseTally, ScoreResult, ScoreSheet, score};
use prongsai_domain::{Catalog, Framework};
use prongsai_import::national::{NationalFiles, Source, score_national};
use prongsai_import::parse_responses;

struct Fixed {
    fw: Framework,
    agencies: String,
    eit: String,
    oit: String,
    /// The IIT question codes of the year, in catalog order.
    iit_codes: Vec<String>,
}

fn codes(fw: &Framework, tool: ToolCode) -> Vec<String> {
    fw.questions
        .iter()
        .filter(|q| fw.indicator(q.indicator).is_some_and(|i| i.tool == tool))
        .map(|q| q.code.to_string())
        .collect()
}

fn fixed() -> &'static Fixed {
    static FIXED: OnceLock<Fixed> = OnceLock::new();
    FIXED.get_or_init(|| {
        let catalog = Catalog::embedded().expect("the embedded catalog loads");
        let fw = catalog.framework(2568).expect("2568").clone();
        let eit_codes = codes(&fw, ToolCode::Eit);
        let mut eit = format!("agency,{}\n", eit_codes.join(","));
        for r in 0..3 {
            eit.push_str("A1");
            for k in 0..eit_codes.len() {
                write!(eit, ",{}", 1 + (r + k) % 2).expect("write");
            }
            eit.push('\n');
        }
        let items: Vec<String> = fw.oit_items.iter().map(|o| o.code.to_string()).collect();
        let marks: String = (0..items.len()).map(|j| if j % 3 == 0 { ",0" } else { ",1" }).collect();
        Fixed {
            iit_codes: codes(&fw, ToolCode::Iit),
            agencies: "agency,name,kind,province\nA1,อบต.ทดสอบ,อบต.,ตราด\n".into(),
            oit: format!("agency,{}\nA1{marks}\n", items.join(",")),
            eit,
            fw,
        }
    })
}

/// The general path: each survey file through `parse_responses`, the OIT row through the domain's marks.
fn general(f: &Fixed, iit: &[u8]) -> Option<ScoreResult> {
    let fw = &f.fw;
    let mut sheet = ScoreSheet::new();
    let tally: ResponseTally = parse_responses("iit.csv", iit, fw).ok()?;
    tally.into_sheet(fw, &mut sheet).ok()?;
    let tally = parse_responses("eit.csv", f.eit.as_bytes(), fw).ok()?;
    tally.into_sheet(fw, &mut sheet).ok()?;
    let mut lines = f.oit.lines();
    let header: Vec<&str> = lines.next()?.split(',').collect();
    let row: Vec<&str> = lines.next()?.split(',').collect();
    for (h, cell) in header.iter().zip(&row).skip(1) {
        let code = h.parse().ok()?;
        let Some(Entry::OitItem(_)) = fw.entry(code) else {
            return None;
        };
        sheet
            .set(fw, code, prongsai_domain::scoring::oit_mark(cell)?)
            .ok()?;
    }
    score(fw, &sheet).ok()
}

/// Whether a file visibly meets the national path's own rules: no quotes, header on line 1 naming
/// `agency` and every IIT question (nothing else), each non-blank row as many cells as the header
/// and its agency cell `A1`.
fn plain(f: &Fixed, iit: &str) -> bool {
    if iit.contains('"') {
        return false;
    }
    let iit = iit.strip_prefix('\u{feff}').unwrap_or(iit);
    let mut lines = iit.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
    let Some(header) = lines.next() else {
        return false;
    };
    let header: Vec<&str> = header.split(',').map(str::trim).collect();
    if header.first() != Some(&"agency") || header.len() != f.iit_codes.len() + 1 {
        return false;
    }
    if !f.iit_codes.iter().all(|c| header.contains(&c.as_str())) {
        return false;
    }
    lines.all(|l| {
        let cells: Vec<&str> = l.split(',').collect();
        cells.iter().all(|c| c.trim().is_empty())
            || (cells.len() == header.len()
                && cells.first().map(|c| c.trim()) == Some("A1")
                && !l.contains('\r'))
    })
}

fuzz_target!(|data: &[u8]| {
    let f = fixed();
    let files = NationalFiles {
        agencies: Source {
            name: "agencies.csv",
            bytes: f.agencies.as_bytes(),
        },
        iit: Source {
            name: "iit.csv",
            bytes: data,
        },
        eit: Source {
            name: "eit.csv",
            bytes: f.eit.as_bytes(),
        },
        oit: Source {
            name: "oit.csv",
            bytes: f.oit.as_bytes(),
        },
    };
    let national = score_national(&f.fw, &files);
    let general = general(f, data);
    match (&national, &general) {
        (Ok(scores), Some(g)) => {
            let n = &scores.first().expect("one agency").result;
            assert_eq!(format!("{n:?}"), format!("{g:?}"), "the two paths score differently");
        }
        (Ok(_), None) => panic!("the national path scored a file the general path refuses"),
        (Err(e), Some(_)) => {
            if std::str::from_utf8(data).is_ok_and(|s| plain(f, s)) {
                panic!("the national path refused a plain file the general path scores: {e}");
            }
        }
        (Err(_), None) => {}
    }
});
