//! The `agencies` array of `score --by-agency --format json`: each agency is its single-agency result (serde's
//! bytes, `"agency"` first), written from a template because the results of one year differ only in numbers.

use std::io::Write;
use std::sync::OnceLock;

use anyhow::Result;
use prongsai_domain::Code;
use prongsai_domain::scoring::{IndicatorScore, Score, ScoreResult};
use prongsai_import::national::AgencyScore;
use rayon::prelude::*;

/// An agency's result reduced to what differs between agencies, once scored and before anything is printed.
pub enum Scored {
    /// The shape (names, codes, weights, assumptions…) is the template's: only these vary.
    Compact {
        /// Agency id.
        agency: String,
        /// Every score in writing order (see [`scores`]), rounded as printed.
        scores: Vec<f64>,
        /// Grade.
        grade: String,
        /// English gloss of the grade.
        grade_en: String,
        /// Pass.
        passed: bool,
    },
    /// A result shaped otherwise (given indicators, other assumptions): kept whole.
    Full(Box<AgencyScore>),
}

/// The first result seen, whose shape the others are compared with, and its JSON cut at the varying values.
pub type Template = OnceLock<(ScoreResult, Fragments)>;

/// Keeps only the numbers, grade and pass of a result shaped like the template. Holding ~600 bytes instead
/// of the whole result (or its 5 KB of JSON) until every agency has scored keeps memory — and the page
/// faults of fresh memory, a fifth of the run — low; the JSON is written once all have scored.
pub fn compact(s: AgencyScore, template: &Template) -> serde_json::Result<Scored> {
    let (t, _) = match template.get() {
        Some(t) => t,
        None => {
            let fragments = Fragments::new(&s.result)?;
            template.get_or_init(|| (s.result.clone(), fragments))
        }
    };
    if !same_shape(t, &s.result) {
        return Ok(Scored::Full(Box::new(s)));
    }
    let scores = scores(&s.result);
    Ok(Scored::Compact {
        scores,
        grade: s.result.grade,
        grade_en: s.result.grade_en,
        passed: s.result.passed,
        agency: s.agency,
    })
}

/// Every score of a result in the order [`write_agency`] prints them.
fn scores(r: &ScoreResult) -> Vec<f64> {
    let mut v = Vec::with_capacity(96);
    for i in &r.indicators {
        v.push(i.score.rounded());
        v.extend(i.sub_indicators.iter().map(|s| s.score.rounded()));
        v.extend(i.items.iter().map(|s| s.score.rounded()));
    }
    for t in &r.tools {
        v.push(t.score.rounded());
        v.extend(t.parts.iter().filter_map(|p| p.score).map(Score::rounded));
    }
    v.extend(r.units.iter().map(|u| u.score.rounded()));
    v.push(r.total.rounded());
    v
}

/// True when `a` and `b` print the same apart from their scores, grade and pass.
fn same_shape(a: &ScoreResult, b: &ScoreResult) -> bool {
    let indicators = a.indicators.len() == b.indicators.len()
        && a.indicators.iter().zip(&b.indicators).all(|(x, y)| {
            (x.number, &x.name, x.tool, x.source) == (y.number, &y.name, y.tool, y.source)
                && x.sub_indicators.len() == y.sub_indicators.len()
                && x.sub_indicators
                    .iter()
                    .zip(&y.sub_indicators)
                    .all(|(p, q)| (&p.code, &p.name) == (&q.code, &q.name))
                && x.items.len() == y.items.len()
                && x.items.iter().zip(&y.items).all(|(p, q)| p.code == q.code)
        });
    let tools = a.tools.len() == b.tools.len()
        && a.tools.iter().zip(&b.tools).all(|(x, y)| {
            (x.code, x.weight, x.source) == (y.code, y.weight, y.source)
                && x.parts.len() == y.parts.len()
                && x.parts.iter().zip(&y.parts).all(|(p, q)| {
                    (p.code, p.weight, p.score.is_some()) == (q.code, q.weight, q.score.is_some())
                })
        });
    let units = a
        .units
        .iter()
        .map(|u| u.unit)
        .eq(b.units.iter().map(|u| u.unit));
    let rest = (&a.framework, a.fiscal_year, &a.assumptions, a.grading)
        == (&b.framework, b.fiscal_year, &b.assumptions, b.grading)
        && a.assumptions_plain == b.assumptions_plain
        && units;
    indicators && tools && rest
}

/// Agencies formatted per parallel task. A round of tasks is written out before the next one, so the
/// buffers are reused and the output never sits in memory whole.
const BATCH: usize = 128;

/// Writes the agencies, one per line and comma-separated, in order, formatting in parallel.
pub fn write_agencies(
    out: &mut impl Write,
    scored: Vec<serde_json::Result<Scored>>,
    template: &Template,
) -> Result<()> {
    let scored = scored
        .into_iter()
        .collect::<serde_json::Result<Vec<Scored>>>()?;
    let mut bufs: Vec<Vec<u8>> = (0..2 * rayon::current_num_threads().max(1))
        .map(|_| Vec::new())
        .collect();
    let mut first = true;
    for round in scored.chunks(BATCH * bufs.len()) {
        bufs.par_iter_mut()
            .zip(round.par_chunks(BATCH))
            .try_for_each(|(buf, batch)| {
                buf.clear();
                batch.iter().try_for_each(|s| {
                    buf.extend_from_slice(b",\n");
                    match (s, template.get()) {
                        (
                            Scored::Compact {
                                agency,
                                scores,
                                grade,
                                grade_en,
                                passed,
                            },
                            Some((_, fragments)),
                        ) => fragments.write(
                            buf,
                            &mut Vary {
                                agency,
                                scores: scores.iter(),
                                grade,
                                grade_en,
                                passed: *passed,
                            },
                        ),
                        (Scored::Full(s), _) => {
                            let r = &s.result;
                            let scores = scores(r);
                            let mut vary = Vary {
                                agency: &s.agency,
                                scores: scores.iter(),
                                grade: &r.grade,
                                grade_en: &r.grade_en,
                                passed: r.passed,
                            };
                            write_agency(buf, r, &mut vary)
                        }
                        // A compact result implies a template.
                        (Scored::Compact { .. }, None) => Ok(()),
                    }
                })
            })?;
        for buf in bufs.iter().take(round.len().div_ceil(BATCH)) {
            // Every agency starts with ",\n"; the very first one drops the comma.
            out.write_all(if first {
                buf.get(1..).unwrap_or_default()
            } else {
                buf
            })?;
            first = false;
        }
    }
    Ok(())
}

/// The values one agency's JSON is written with.
trait Values {
    fn agency(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()>;
    fn score(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()>;
    fn grade(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()>;
    fn passed(&mut self, b: &mut Vec<u8>);
}

/// An agency's own values.
struct Vary<'a> {
    agency: &'a str,
    scores: std::slice::Iter<'a, f64>,
    grade: &'a str,
    grade_en: &'a str,
    passed: bool,
}

impl Values for Vary<'_> {
    fn agency(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()> {
        string(b, self.agency)
    }

    fn score(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()> {
        number(b, self.scores.next().copied().unwrap_or_default())
    }

    /// The grade and, after it, its English gloss (`"ผ่านดี","grade_en":"Good pass"`).
    fn grade(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()> {
        string(b, self.grade)?;
        b.extend_from_slice(b",\"grade_en\":");
        string(b, self.grade_en)
    }

    fn passed(&mut self, b: &mut Vec<u8>) {
        b.extend_from_slice(if self.passed { b"true" } else { b"false" });
    }
}

/// Holes in a template, marked with control bytes that serde never leaves raw in its output.
const HOLES: [u8; 4] = [1, 2, 3, 4];

/// Writes the holes' marks instead of values.
struct Marks;

impl Values for Marks {
    fn agency(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()> {
        b.push(HOLES[0]);
        Ok(())
    }

    fn score(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()> {
        b.push(HOLES[1]);
        Ok(())
    }

    fn grade(&mut self, b: &mut Vec<u8>) -> serde_json::Result<()> {
        b.push(HOLES[2]);
        Ok(())
    }

    fn passed(&mut self, b: &mut Vec<u8>) {
        b.push(HOLES[3]);
    }
}

/// A result's JSON cut at its holes: each piece is followed by the hole it precedes (none after the last).
pub struct Fragments {
    pieces: Vec<(Vec<u8>, Option<u8>)>,
}

impl Fragments {
    fn new(shape: &ScoreResult) -> serde_json::Result<Self> {
        let mut b = Vec::with_capacity(8192);
        write_agency(&mut b, shape, &mut Marks)?;
        let mut pieces = Vec::new();
        let mut rest = b.as_slice();
        while let Some(at) = rest.iter().position(|c| HOLES.contains(c)) {
            let (piece, tail) = rest.split_at(at);
            pieces.push((piece.to_vec(), tail.first().copied()));
            rest = tail.get(1..).unwrap_or_default();
        }
        pieces.push((rest.to_vec(), None));
        Ok(Fragments { pieces })
    }

    fn write(&self, b: &mut Vec<u8>, v: &mut impl Values) -> serde_json::Result<()> {
        for (piece, hole) in &self.pieces {
            b.extend_from_slice(piece);
            match hole.and_then(|h| HOLES.iter().position(|&x| x == h)) {
                Some(0) => v.agency(b)?,
                Some(1) => v.score(b)?,
                Some(2) => v.grade(b)?,
                Some(3) => v.passed(b),
                _ => {}
            }
        }
        Ok(())
    }
}

/// `{"agency":…,<the single-agency result's fields>}`, byte for byte what serde writes for the result with the
/// id put first (a unit test holds it to that); structure from `shape`, values from `v`. Written by hand
/// because serde's generic path was a third of the run: codes went through `fmt`, every score through a
/// float printer.
fn write_agency(
    b: &mut Vec<u8>,
    shape: &ScoreResult,
    v: &mut impl Values,
) -> serde_json::Result<()> {
    b.extend_from_slice(b"{\"agency\":");
    v.agency(b)?;
    b.extend_from_slice(b",\"framework\":");
    string(b, &shape.framework)?;
    b.extend_from_slice(b",\"fiscal_year\":");
    int(b, u64::from(shape.fiscal_year));
    b.extend_from_slice(b",\"indicators\":[");
    for (k, i) in shape.indicators.iter().enumerate() {
        comma(b, k);
        indicator(b, i, v)?;
    }
    b.extend_from_slice(b"],\"tools\":[");
    for (k, t) in shape.tools.iter().enumerate() {
        comma(b, k);
        b.extend_from_slice(b"{\"code\":");
        serde_json::to_writer(&mut *b, &t.code)?;
        b.extend_from_slice(b",\"weight\":");
        number(b, t.weight)?;
        b.extend_from_slice(b",\"score\":");
        v.score(b)?;
        b.extend_from_slice(b",\"source\":");
        serde_json::to_writer(&mut *b, &t.source)?;
        if !t.parts.is_empty() {
            b.extend_from_slice(b",\"parts\":[");
            for (j, p) in t.parts.iter().enumerate() {
                comma(b, j);
                b.extend_from_slice(b"{\"code\":");
                serde_json::to_writer(&mut *b, &p.code)?;
                b.extend_from_slice(b",\"weight\":");
                number(b, p.weight)?;
                b.extend_from_slice(b",\"score\":");
                match p.score {
                    Some(_) => v.score(b)?,
                    None => b.extend_from_slice(b"null"),
                }
                b.push(b'}');
            }
            b.push(b']');
        }
        b.push(b'}');
    }
    b.extend_from_slice(b"],\"units\":[");
    for (k, u) in shape.units.iter().enumerate() {
        comma(b, k);
        b.extend_from_slice(b"{\"unit\":");
        serde_json::to_writer(&mut *b, &u.unit)?;
        b.extend_from_slice(b",\"score\":");
        v.score(b)?;
        b.push(b'}');
    }
    b.extend_from_slice(b"],\"total\":");
    v.score(b)?;
    b.extend_from_slice(b",\"grade\":");
    v.grade(b)?;
    b.extend_from_slice(b",\"grading\":");
    serde_json::to_writer(&mut *b, &shape.grading)?;
    b.extend_from_slice(b",\"passed\":");
    v.passed(b);
    b.extend_from_slice(b",\"assumptions\":");
    serde_json::to_writer(&mut *b, &shape.assumptions)?;
    b.extend_from_slice(b",\"assumptions_plain\":");
    serde_json::to_writer(&mut *b, &shape.assumptions_plain)?;
    b.push(b'}');
    Ok(())
}

fn indicator(b: &mut Vec<u8>, i: &IndicatorScore, v: &mut impl Values) -> serde_json::Result<()> {
    b.extend_from_slice(b"{\"number\":");
    int(b, u64::from(i.number));
    b.extend_from_slice(b",\"name\":");
    string(b, &i.name)?;
    b.extend_from_slice(b",\"tool\":");
    serde_json::to_writer(&mut *b, &i.tool)?;
    b.extend_from_slice(b",\"score\":");
    v.score(b)?;
    b.extend_from_slice(b",\"source\":");
    serde_json::to_writer(&mut *b, &i.source)?;
    if !i.sub_indicators.is_empty() {
        b.extend_from_slice(b",\"sub_indicators\":[");
        for (k, s) in i.sub_indicators.iter().enumerate() {
            comma(b, k);
            b.extend_from_slice(b"{\"code\":");
            string(b, &s.code)?;
            b.extend_from_slice(b",\"name\":");
            string(b, &s.name)?;
            b.extend_from_slice(b",\"score\":");
            v.score(b)?;
            b.push(b'}');
        }
        b.push(b']');
    }
    if !i.items.is_empty() {
        b.extend_from_slice(b",\"items\":[");
        for (k, item) in i.items.iter().enumerate() {
            comma(b, k);
            b.extend_from_slice(b"{\"code\":");
            code(b, item.code);
            b.extend_from_slice(b",\"score\":");
            v.score(b)?;
            b.push(b'}');
        }
        b.push(b']');
    }
    b.push(b'}');
    Ok(())
}

fn comma(b: &mut Vec<u8>, k: usize) {
    if k > 0 {
        b.push(b',');
    }
}

/// A JSON string; only text that needs escaping goes through serde.
fn string(b: &mut Vec<u8>, s: &str) -> serde_json::Result<()> {
    if s.bytes().any(|c| c < 0x20 || c == b'"' || c == b'\\') {
        return serde_json::to_writer(b, s);
    }
    b.push(b'"');
    b.extend_from_slice(s.as_bytes());
    b.push(b'"');
    Ok(())
}

/// A code as its `Display` writes it (`i7`, `EP2`, `O10`), quoted.
fn code(b: &mut Vec<u8>, c: Code) {
    b.push(b'"');
    b.extend_from_slice(c.prefix.as_str().as_bytes());
    int(b, u64::from(c.number));
    b.push(b'"');
}

fn int(b: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        if let Some(d) = digits.get_mut(i) {
            *d = b'0' + (n % 10) as u8;
        }
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    b.extend_from_slice(digits.get(i..).unwrap_or_default());
}

/// The text of every hundredth from 0.00 to 100.00 as serde_json prints it: `93.03`, `85.5`, `100.0` are the
/// shortest forms that read back to the same float.
fn hundredths() -> &'static [([u8; 6], u8)] {
    static TABLE: OnceLock<Vec<([u8; 6], u8)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=10_000u64)
            .map(|h| {
                let mut b = Vec::with_capacity(6);
                int(&mut b, h / 100);
                b.push(b'.');
                match h % 100 {
                    f if f % 10 == 0 => b.push(b'0' + (f / 10) as u8),
                    f => {
                        b.push(b'0' + (f / 10) as u8);
                        b.push(b'0' + (f % 10) as u8);
                    }
                }
                let mut text = [0u8; 6];
                text.iter_mut().zip(&b).for_each(|(t, c)| *t = *c);
                (text, b.len() as u8)
            })
            .collect()
    })
}

/// A float as serde_json prints it: hundredths in 0–100 (every rounded score) from the table, the rest by serde.
fn number(b: &mut Vec<u8>, x: f64) -> serde_json::Result<()> {
    let h = (x * 100.0).round();
    if x.is_sign_positive()
        && (0.0..=10_000.0).contains(&h)
        && h / 100.0 == x
        && let Some((text, len)) = hundredths().get(h as usize)
    {
        b.extend_from_slice(text.get(..usize::from(*len)).unwrap_or_default());
        return Ok(());
    }
    serde_json::to_writer(b, &x)
}

#[cfg(test)]
mod tests {
    use prongsai_domain::Catalog;
    use prongsai_domain::scoring::{ScoreSheet, score};
    use serde::Serialize;
    use serde_json::Value;

    use super::*;

    #[derive(Serialize)]
    struct WithId<'a> {
        agency: &'a str,
        #[serde(flatten)]
        result: &'a ScoreResult,
    }

    #[test]
    fn numbers_print_as_serde_prints_them() {
        let odd = [
            33.333333333333336,
            1e-7,
            0.1 + 0.2,
            1e20,
            12.345,
            -0.0,
            -1.5,
            100.004,
        ];
        for x in (0..=10_000u32).map(|k| f64::from(k) / 100.0).chain(odd) {
            let mut b = Vec::new();
            number(&mut b, x).unwrap();
            assert_eq!(
                String::from_utf8(b).unwrap(),
                serde_json::to_string(&x).unwrap(),
                "{x}"
            );
        }
    }

    /// Per year: computed from questions and items, given as indicators (no part scores), computed again
    /// with other values (the same shape as the first).
    fn results() -> Vec<ScoreResult> {
        let catalog = Catalog::embedded().unwrap();
        let mut out = Vec::new();
        for year in [2566, 2567, 2568, 2569] {
            let fw = catalog.framework(year).unwrap();
            let computed = |values: [f64; 5], absent: usize| {
                let mut sheet = ScoreSheet::new();
                for (k, q) in fw.questions.iter().enumerate() {
                    sheet.set(fw, q.code, values[k % 5]).unwrap();
                }
                for (k, o) in fw.oit_items.iter().enumerate() {
                    sheet
                        .set(fw, o.code, if k % absent == 0 { 0.0 } else { 100.0 })
                        .unwrap();
                }
                score(fw, &sheet).unwrap()
            };
            out.push(computed([100.0, 85.0, 93.333333333333, 50.0, 0.0], 4));
            let mut given = ScoreSheet::new();
            for i in &fw.indicators {
                let code: Code = format!("ind{}", i.number).parse().unwrap();
                given
                    .set(fw, code, 84.994999 + f64::from(i.number))
                    .unwrap();
            }
            out.push(score(fw, &given).unwrap());
            out.push(computed([97.5, 100.0, 88.125, 100.0, 66.666666666], 9));
        }
        out
    }

    #[test]
    fn every_way_of_writing_is_serde_with_the_id_first() {
        let all = results();
        assert!(
            !same_shape(&all[0], &all[1]),
            "computed and given indicators differ in shape"
        );
        assert!(
            !same_shape(&all[0], &all[3]),
            "different years differ in shape"
        );
        assert!(same_shape(&all[6], &all[8]), "same year, other scores");
        for (k, r) in all.iter().enumerate() {
            for agency in ["A00001", "ก\"x\\y"] {
                let serde = serde_json::to_string(&WithId { agency, result: r }).unwrap();
                let scores = scores(r);
                let vary = || Vary {
                    agency,
                    scores: scores.iter(),
                    grade: &r.grade,
                    grade_en: &r.grade_en,
                    passed: r.passed,
                };
                let mut direct = Vec::new();
                write_agency(&mut direct, r, &mut vary()).unwrap();
                assert_eq!(
                    String::from_utf8(direct).unwrap(),
                    serde,
                    "result {k} written from itself"
                );
                // From the fragments of any result of the same shape, itself included.
                for other in all.iter().filter(|o| same_shape(o, r)) {
                    let mut b = Vec::new();
                    Fragments::new(other)
                        .unwrap()
                        .write(&mut b, &mut vary())
                        .unwrap();
                    assert_eq!(
                        String::from_utf8(b).unwrap(),
                        serde,
                        "result {k} from a template"
                    );
                }
            }
        }
    }

    #[test]
    fn the_array_is_in_order_with_full_results_mixed_in() {
        let all = results();
        let template = Template::new();
        let picks = [&all[6], &all[8], &all[7], &all[6]];
        let scored: Vec<_> = picks
            .iter()
            .enumerate()
            .map(|(k, r)| {
                compact(
                    AgencyScore {
                        agency: format!("A{k}"),
                        result: (*r).clone(),
                    },
                    &template,
                )
            })
            .collect();
        assert!(matches!(scored[2], Ok(Scored::Full(_))));
        let mut out = Vec::new();
        write_agencies(&mut out, scored, &template).unwrap();
        let parsed: Vec<Value> =
            serde_json::from_slice(&[b"[", out.as_slice(), b"]"].concat()).unwrap();
        for (k, (v, r)) in parsed.iter().zip(picks).enumerate() {
            let mut want = serde_json::to_value(r).unwrap();
            want.as_object_mut()
                .unwrap()
                .insert("agency".into(), format!("A{k}").into());
            assert_eq!(*v, want, "{k}");
        }
    }
}
