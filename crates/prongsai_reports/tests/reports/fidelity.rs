//! Nothing lost, nothing internal: every field the importer read from a seed reaches every format, and no
//! output prints developer text, English, raw code lists or status lines. Expected values are the
//! import JSON's own fields (the seed's words), checked against the text a reader extracts.

use prongsai_domain::document::{ReportDocument, Section};
use prongsai_domain::thai::{DigitStyle, apply_digits};
use prongsai_reports::build::from_document;
use prongsai_reports::{Format, ReportKind, render};

use crate::common;

const FORMATS: [Format; 3] = [Format::Pdf, Format::Docx, Format::Html];

/// The fields a report of `kind` built from `doc` must print: (what, value).
fn fields(doc: &ReportDocument, kind: ReportKind) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |what: &str, value: &str| {
        if !value.trim().is_empty() {
            out.push((what.to_owned(), value.to_owned()));
        }
    };
    let prose = |p: &prongsai_domain::document::SectionProse, push: &mut dyn FnMut(&str, &str)| {
        for f in p.title_lines.iter().chain(&p.intro).chain(&p.closing) {
            push("section prose", &f.text);
        }
    };
    match kind {
        ReportKind::Analysis => {
            for s in &doc.sections {
                if let Section::Analysis(a) = s {
                    prose(&a.prose, &mut push);
                }
            }
            for ind in doc.indicators() {
                push("indicator name", &ind.name);
                for q in &ind.questions {
                    push(&format!("question {} text", q.code), &q.text);
                    if let Some(s) = q.score {
                        push(&format!("question {} score", q.code), &format!("{s:.2}"));
                    }
                }
                push("cause", &ind.cause);
                push("guidance", &ind.guidance);
            }
        }
        ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear => {
            let plan = doc
                .sections
                .iter()
                .any(|s| matches!(s, Section::MeasuresPlan(_)));
            for s in &doc.sections {
                let m = match s {
                    Section::MeasuresPlan(m) if kind == ReportKind::Measures => m,
                    Section::ImplementationReport(m) if kind != ReportKind::Measures || !plan => m,
                    _ => continue,
                };
                if let Some(h) = &m.heading {
                    push("group heading", &h.text);
                }
                prose(&m.prose, &mut push);
                for x in &m.measures {
                    push("title", &x.title);
                    if kind == ReportKind::Measures {
                        push("analysis", &x.analysis);
                    }
                    for step in &x.steps {
                        push("step", step);
                    }
                    if let Some(p) = &x.period {
                        push("period", &p.text);
                    }
                    for r in &x.responsible {
                        push("responsible", r);
                    }
                    if kind != ReportKind::Measures {
                        for r in &x.results {
                            push("result", r);
                        }
                        for r in &x.outcomes {
                            push("outcome", r);
                        }
                    }
                    push("follow_up", &x.follow_up);
                    push("suggestions", &x.suggestions);
                }
            }
        }
        ReportKind::Oit => {}
    }
    out
}

/// Whitespace-separated pieces of `value` in Thai digits (the documents' default), each of which must
/// appear in the whitespace-free text of the output.
fn pieces(value: &str) -> Vec<String> {
    value
        .split_whitespace()
        .map(|p| apply_digits(p, DigitStyle::Thai))
        .collect()
}

#[test]
fn every_field_of_every_seed_reaches_every_format() {
    let mut checked = 0;
    let mut missing = Vec::new();
    for n in 0..5 {
        let doc = common::seed_doc(n);
        for kind in [
            ReportKind::Analysis,
            ReportKind::Measures,
            ReportKind::Implementation,
        ] {
            let Ok(data) = from_document(&doc, kind) else {
                continue;
            };
            let expected = fields(&doc, kind);
            for format in FORMATS {
                let bytes = render(&data, format, &common::thai()).expect("renders");
                let text = common::reading_text(&data, format, &bytes);
                for (what, value) in &expected {
                    checked += 1;
                    for piece in pieces(value) {
                        if !common::holds(&text, &piece) {
                            missing.push(format!(
                                "seed {n} {kind:?} {format:?}: {what} «{piece}» (of «{value}»)"
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 500, "only {checked} fields checked");
    assert!(
        missing.is_empty(),
        "{} pieces missing, e.g.:\n{}",
        missing.len(),
        missing[..missing.len().min(30)].join("\n")
    );
}

/// Latin words a document may print: the tool names and words the seeds themselves print.
fn allowed_latin() -> Vec<String> {
    let mut allowed: Vec<String> = [
        "ITA", "IIT", "EIT", "OIT", "EP", "ES", "URL", "i", "e", "O", "www",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    for n in 0..5 {
        let doc = common::seed_doc(n);
        let json = serde_json::to_string(&doc).expect("json");
        // A hyphenated word broken at the line end comes out of pdftotext joined ("E-Service" → "EService").
        let joined: Vec<String> = json
            .split(|c: char| !(c.is_ascii_alphabetic() || c == '-'))
            .filter(|w| w.contains('-'))
            .map(|w| w.replace('-', ""))
            .collect();
        for w in latin_words(&json).into_iter().chain(joined) {
            if !allowed.contains(&w) {
                allowed.push(w);
            }
        }
    }
    allowed
}

/// Runs of ASCII letters in `s`, web addresses (and the pieces of one a PDF line break cut) left out.
fn latin_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for token in s.split_whitespace() {
        let web = token.contains("://")
            || token.contains(['/', '?', '=', '&'])
            || token
                .split('.')
                .filter(|p| p.chars().any(|c| c.is_ascii_alphabetic()))
                .count()
                > 1;
        if web {
            continue;
        }
        let mut word = String::new();
        for c in token.chars().chain(std::iter::once(' ')) {
            if c.is_ascii_alphabetic() {
                word.push(c);
            } else if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
        }
    }
    out
}

/// Every document the tests can build: each seed as each kind it holds, and the score-based analysis and OIT.
fn all_documents() -> Vec<(String, prongsai_reports::ReportData)> {
    let mut out = Vec::new();
    for n in 0..5 {
        let doc = common::seed_doc(n);
        for kind in [
            ReportKind::Analysis,
            ReportKind::Measures,
            ReportKind::Implementation,
        ] {
            if let Ok(data) = from_document(&doc, kind) {
                out.push((format!("seed {n} {kind:?}"), data));
            }
        }
    }
    for kind in [ReportKind::Analysis, ReportKind::Oit] {
        out.push((format!("scores {kind:?}"), common::scores_report(kind)));
    }
    out
}

#[test]
fn documents_print_nothing_internal_and_no_raw_codes() {
    let allowed = allowed_latin();
    let mut problems = Vec::new();
    for (name, data) in all_documents() {
        for format in FORMATS {
            let bytes = render(&data, format, &common::thai()).expect("renders");
            let text = common::extracted_text(format, &bytes);
            for w in latin_words(&text) {
                if !allowed.contains(&w) {
                    problems.push(format!("{name} {format:?}: English word «{w}»"));
                }
            }
            let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
            for bad in ["สถานะ:", "จังหวัดไม่ระบุ", "ข้อOที่", "ind๑", "ind1", "ind๙"]
            {
                if squeezed.contains(bad) {
                    problems.push(format!("{name} {format:?}: prints «{bad}»"));
                }
            }
            if let Some(list) = code_list(&squeezed) {
                problems.push(format!("{name} {format:?}: a list of codes «{list}»"));
            }
        }
    }
    problems.dedup();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems[..problems.len().min(40)].join("\n")
    );
}

/// A printed list of codes ("O๘, O๙", "i7,i8") in whitespace-free text, if any.
fn code_list(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let code_at = |i: usize| -> Option<usize> {
        // A code: O, i, e, EP or ES followed by digits; returns the index after it.
        let mut j = i;
        let prefix = match chars.get(j)? {
            'O' | 'i' | 'e' => 1,
            'E' if matches!(chars.get(j + 1), Some('P' | 'S')) => 2,
            _ => return None,
        };
        if i > 0 && chars[i - 1].is_ascii_alphabetic() {
            return None;
        }
        j += prefix;
        let start = j;
        while chars
            .get(j)
            .is_some_and(|c| c.is_ascii_digit() || ('๐'..='๙').contains(c))
        {
            j += 1;
        }
        (j > start).then_some(j)
    };
    for i in 0..chars.len() {
        if let Some(end) = code_at(i)
            && chars.get(end) == Some(&',')
            && code_at(end + 1).is_some()
        {
            return Some(chars[i..(end + 4).min(chars.len())].iter().collect());
        }
    }
    None
}

#[test]
fn the_code_list_check_finds_lists_and_only_lists() {
    assert!(code_list("ข้อOที่เกี่ยวข้อง:O๘,O๙").is_some());
    assert!(code_list("i7,i8").is_some());
    assert!(code_list("ข้อคำถามi๗ท่านเคยถูก").is_none());
    assert!(code_list("Office,e-GP").is_none());
}
