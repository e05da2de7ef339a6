//! The analysis cell of an indicator split into its parts: weakest questions, cause, guidance, OIT references.

use std::collections::HashMap;

use prongsai_domain::Code;
use prongsai_domain::document::{AnalysedIndicator, WeakestQuestion};
use prongsai_domain::thai::CodeContext;

use super::links::{find_refs, leading_code};
use super::sink::{Ctx, Sink};

/// Words that open the parts of the analysis text, in the order they are printed.
const WEAKEST: &[&str] = &["ข้อคำถามที่ได้คะแนนน้อยที่สุด", "ข้อที่ได้คะแนนน้อยที่สุด"];
const CAUSE: &[&str] = &["สาเหตุเกิดจาก"];
const GUIDANCE: &[&str] = &[
    "แนวทางการยกระดับผลการประเมินฯ",
    "แนวทางการยกระดับผลการประเมิน",
    "แนวทางการยกระดับ",
];

/// Byte offset and length of the first of `words` in `text`.
fn find_any(text: &str, words: &[&str]) -> Option<(usize, usize)> {
    words
        .iter()
        .filter_map(|w| text.find(w).map(|at| (at, w.len())))
        .min_by_key(|&(at, len)| (at, usize::MAX - len))
}

/// Splits the analysis text at its three markers; text before the first marker is unrecognised.
pub fn split_review(
    out: &mut AnalysedIndicator,
    text: &str,
    line: usize,
    code_ctx: CodeContext,
    ctx: Ctx<'_>,
    sink: &mut Sink,
) {
    let mut marks: Vec<(usize, usize, u8)> = [(WEAKEST, 0u8), (CAUSE, 1), (GUIDANCE, 2)]
        .iter()
        .filter_map(|(words, part)| find_any(text, words).map(|(at, len)| (at, len, *part)))
        .collect();
    marks.sort_unstable();
    let first = marks.first().map_or(text.len(), |m| m.0);
    let before = text.get(..first).unwrap_or_default();
    if !before.trim().is_empty() {
        sink.unrecognised(line, before);
    }
    for (k, &(at, len, part)) in marks.iter().enumerate() {
        let end = marks.get(k + 1).map_or(text.len(), |m| m.0);
        let body = text.get(at + len..end).unwrap_or_default();
        let body = body.trim_start_matches(|c: char| c.is_whitespace() || c == ':');
        match part {
            0 => out.weakest = weakest(body, code_ctx, ctx, line, sink),
            1 => out.cause = one_line(body),
            _ => out.guidance = one_line(body),
        }
    }
    out.oit_refs = find_refs(text).0;
    for code in out.oit_refs.clone() {
        sink.check_code(ctx, code, line);
    }
}

/// The weakest questions: one per line that starts with a code; "ไม่มี" means none.
fn weakest(
    body: &str,
    code_ctx: CodeContext,
    ctx: Ctx<'_>,
    line: usize,
    sink: &mut Sink,
) -> Vec<WeakestQuestion> {
    let mut list: Vec<WeakestQuestion> = Vec::new();
    for piece in body.split('\n') {
        let piece = piece.trim().trim_start_matches('-').trim();
        if piece.is_empty() || piece == "ไม่มี" {
            continue;
        }
        match leading_code(piece, code_ctx) {
            Some((code, rest)) => {
                sink.check_code(ctx, code, line);
                list.push(WeakestQuestion {
                    code: Some(code),
                    text: rest.trim().to_string(),
                });
            }
            None => match list.last_mut() {
                Some(last) => {
                    last.text.push(' ');
                    last.text.push_str(piece);
                }
                None => list.push(WeakestQuestion {
                    code: None,
                    text: piece.to_string(),
                }),
            },
        }
    }
    list
}

/// Lines joined with spaces.
fn one_line(s: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The questions whose printed score is the table's lowest; none when it is 100 (nothing to raise).
pub fn lowest(out: &AnalysedIndicator) -> Vec<Code> {
    let min = out
        .questions
        .iter()
        .filter_map(|q| q.score)
        .fold(f64::INFINITY, f64::min);
    if !min.is_finite() || min >= 100.0 {
        return Vec::new();
    }
    out.questions
        .iter()
        .filter(|q| q.score == Some(min))
        .map(|q| q.code)
        .collect()
}

/// Warns (in Thai, with the line of the analysis text) when a question the document names
/// weakest scores above the lowest printed score, or is not in the table at all.
pub fn check_weakest(out: &AnalysedIndicator, line: usize, sink: &mut Sink) {
    let min = out
        .questions
        .iter()
        .filter_map(|q| q.score)
        .fold(f64::INFINITY, f64::min);
    if !min.is_finite() {
        return;
    }
    let scores: HashMap<Code, f64> = out
        .questions
        .iter()
        .filter_map(|q| Some((q.code, q.score?)))
        .collect();
    let lowest: Vec<String> = out
        .questions
        .iter()
        .filter(|q| q.score == Some(min))
        .map(|q| format!("{} ({min})", q.code))
        .collect();
    for w in &out.weakest {
        let Some(code) = w.code else { continue };
        match scores.get(&code) {
            Some(score) if *score > min => sink.warn(
                Some(line),
                format!(
                    "บรรทัด {line}: ข้อคำถามที่เอกสารระบุว่าได้คะแนนน้อยที่สุด {code} ({score}) ไม่ตรงกับคะแนนในตาราง ข้อที่ได้คะแนนน้อยที่สุดคือ {}",
                    lowest.join(", ")
                ),
            ),
            Some(_) => {}
            None if !out.questions.is_empty() => sink.warn(
                Some(line),
                format!(
                    "บรรทัด {line}: ข้อคำถามที่เอกสารระบุว่าได้คะแนนน้อยที่สุด {code} ไม่อยู่ในตารางของตัวชี้วัดนี้ ข้อที่ได้คะแนนน้อยที่สุดคือ {}",
                    lowest.join(", ")
                ),
            ),
            None => {}
        }
    }
}
