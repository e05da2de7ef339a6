//! Codes quoted with scores in outcome cells ("e๑ … ผลคะแนน ๙๙.๔๒") and OIT references in analysis text ("(อ้างอิงจาก ๐๑๐)").

use std::collections::HashSet;

use prongsai_domain::Code;
use prongsai_domain::document::Link;
use prongsai_domain::thai::{
    CodeContext, digit_value, normalize_code, parse_decimal, split_leading_code,
};

use super::clean::normalize;

/// The word after which a score is printed.
const SCORE_WORD: &str = "คะแนน";
/// The word that introduces a reference.
const REF_WORD: &str = "อ้างอิงจาก";
/// Longest reference list read after it, in characters.
const MAX_REF_CHARS: usize = 120;

/// A code at the start of `text`: an explicit prefix or "๐" for O first, then a bare number read
/// in `fallback` (outcome cells print IIT codes without their "i": "๖๗" → i7).
pub fn leading_code(text: &str, fallback: CodeContext) -> Option<(Code, &str)> {
    split_leading_code(text, CodeContext::Any).or_else(|| match fallback {
        CodeContext::Any => None,
        ctx => split_leading_code(text, ctx),
    })
}

/// Every (code, score) quoted in a cell. Each "คะแนน <number>" closes a segment; a segment
/// that starts with a code is a link. A trailing segment that starts with a code is a link
/// without a score.
pub fn find_links(text: &str, fallback: CodeContext) -> Vec<Link> {
    let text = normalize(text);
    let mut links = Vec::new();
    let mut start = 0usize;
    let mut search = 0usize;
    while let Some(found) = text.get(search..).and_then(|t| t.find(SCORE_WORD)) {
        let at = search + found;
        let after = at + SCORE_WORD.len();
        let segment = text.get(start..at).unwrap_or_default();
        let (score, len) = number_after(text.get(after..).unwrap_or_default());
        if let Some(link) = link_from(segment, score, fallback) {
            links.push(link);
        }
        start = after + len;
        search = start;
    }
    if let Some(link) = link_from(text.get(start..).unwrap_or_default(), None, fallback) {
        links.push(link);
    }
    links
}

/// A link from one segment "e๑เจ้าหน้าที่… ผล", if it starts with a code.
fn link_from(segment: &str, score: Option<f64>, fallback: CodeContext) -> Option<Link> {
    let segment = segment.trim();
    let (code, rest) = leading_code(segment, fallback)?;
    let rest = rest.trim_end();
    let rest = rest.strip_suffix("ผล").unwrap_or(rest).trim_end();
    Some(Link {
        code,
        score,
        text: rest.to_string(),
    })
}

/// The decimal after a score word, and how many bytes it and the blanks before it took.
fn number_after(s: &str) -> (Option<f64>, usize) {
    let skipped = s.len() - s.trim_start().len();
    let body = s.trim_start();
    let len: usize = body
        .chars()
        .take_while(|&c| digit_value(c).is_some() || c == '.' || c == ',')
        .map(char::len_utf8)
        .sum();
    let number = body
        .get(..len)
        .unwrap_or_default()
        .trim_end_matches(['.', ',']);
    let value = parse_decimal(number).filter(|v| (0.0..=100.0).contains(v));
    (value, skipped + number.len())
}

/// OIT items and sub-indicators cited in `text`: "(อ้างอิงจาก ๐๑๒ ,๐๑๓)" → O12, O13;
/// "(อ้างอิงจากตัวชี้วัด ๙.๑, ๙.๒)" → "9.1", "9.2". Each once, in order.
pub fn find_refs(text: &str) -> (Vec<Code>, Vec<String>) {
    let mut codes: Vec<Code> = Vec::new();
    let mut indicators: Vec<String> = Vec::new();
    let mut seen_codes = HashSet::new();
    let mut seen_indicators = HashSet::new();
    let mut search = 0usize;
    while let Some(found) = text.get(search..).and_then(|t| t.find(REF_WORD)) {
        let from = search + found + REF_WORD.len();
        search = from;
        // A reference list is short; looking further would make "(อ้างอิงจาก" repeated quadratic.
        let window: String = text
            .get(from..)
            .unwrap_or_default()
            .chars()
            .take(MAX_REF_CHARS)
            .collect();
        let list = window.split(')').next().unwrap_or_default();
        if let Some(subs) = list.trim_start().strip_prefix("ตัวชี้วัด") {
            for token in tokens(subs) {
                let t = prongsai_domain::thai::to_arabic_digits(&token);
                if seen_indicators.insert(t.clone()) {
                    indicators.push(t);
                }
            }
        } else {
            for token in tokens(list) {
                if let Ok(code) = normalize_code(&token, CodeContext::Oit)
                    && seen_codes.insert(code)
                {
                    codes.push(code);
                }
            }
        }
    }
    (codes, indicators)
}

/// Code-like tokens of a reference list: runs of Latin letters, digits and dots.
fn tokens(list: &str) -> Vec<String> {
    list.split(|c: char| !(c.is_ascii_alphabetic() || digit_value(c).is_some() || c == '.'))
        .map(|t| t.trim_matches('.'))
        .filter(|t| t.chars().any(|c| digit_value(c).is_some()))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> Code {
        s.parse().unwrap()
    }

    #[test]
    fn links_from_outcome_cells() {
        let cell = "<p>e๑เจ้าหน้าที่ปฏิบัติงาน ผลคะแนน ๙๙.๔๒</p> <p>e๒เท่าเทียมกัน ผล คะแนน ๙๘.๙๖๕</p>";
        let links = find_links(&super::super::clean::cell_text(cell), CodeContext::Iit);
        assert_eq!(links.len(), 2);
        assert_eq!((links[0].code, links[0].score), (code("e1"), Some(99.42)));
        assert_eq!(links[0].text, "เจ้าหน้าที่ปฏิบัติงาน");
        assert_eq!((links[1].code, links[1].score), (code("e2"), Some(98.965)));
        let cell = "๐๗ แผนยุทธศาสตร์ ผลคะแนน ๑๐๐ ๐๘ แผน ผลคะแนน ๑๐๐ ๖๗ ผู้บังคับบัญชา ผลคะแนน ๑๐๐ ๑๑๓ ผู้บริหาร ผลคะแนน ๑๐๐";
        let got: Vec<(String, Option<f64>)> = find_links(cell, CodeContext::Iit)
            .into_iter()
            .map(|l| (l.code.to_string(), l.score))
            .collect();
        assert_eq!(
            got,
            [
                ("O7".to_string(), Some(100.0)),
                ("O8".into(), Some(100.0)),
                ("i7".into(), Some(100.0)),
                ("i13".into(), Some(100.0))
            ]
        );
        // A score without a code ("ได้คะแนน ๑๐๐") is not a link.
        assert!(find_links("๓. ผลการประเมิน ได้คะแนน ๑๐๐ คะแนน", CodeContext::Iit).is_empty());
        assert_eq!(find_links("๐๑๐ คู่มือ", CodeContext::Iit)[0].score, None);
    }

    #[test]
    fn references_in_analysis_text() {
        let (codes, subs) =
            find_refs("จัดทำแผน (อ้างอิงจาก ๐๑๒ ,๐๑๓) และ (อ้างอิงจาก ๐๑๐) อีก (อ้างอิงจาก ๐๑๐)");
        assert_eq!(codes, [code("O12"), code("O13"), code("O10")]);
        assert!(subs.is_empty());
        let (codes, subs) = find_refs("เป็นปัจจุบัน (อ้างอิงจากตัวชี้วัด ๙.๑, ๙.๒, ๙.๓)");
        assert!(codes.is_empty());
        assert_eq!(subs, ["9.1", "9.2", "9.3"]);
    }
}
