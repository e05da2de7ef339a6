//! What assembly collects besides sections: prose, furniture, unrecognised fragments, warnings, unknown codes.

use std::collections::HashSet;

use prongsai_domain::document::{Fragment, SectionProse, Warning};
use prongsai_domain::thai::FiscalYear;
use prongsai_domain::{Code, Framework};

use super::clean::cell_text;
use super::thai::join_wrapped;

/// Warnings beyond this many are counted in one last warning.
const MAX_WARNINGS: usize = 200;
/// Unknown codes listed in their warning; the rest are counted.
const MAX_LISTED_CODES: usize = 50;
/// A paragraph longer than this (in characters) is body text, not a title line.
const MAX_TITLE_CHARS: usize = 160;

/// The framework and year a document is read against.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx<'a> {
    /// The framework of the document's fiscal year, if the catalog has it.
    pub fw: Option<&'a Framework>,
    /// The document's fiscal year, if found.
    pub fy: Option<FiscalYear>,
}

/// Collectors shared by every part of assembly.
#[derive(Debug, Default)]
pub struct Sink {
    /// Prose outside tables.
    pub paragraphs: Vec<Fragment>,
    /// Page furniture and repeated headers.
    pub furniture: Vec<Fragment>,
    /// What fitted nowhere.
    pub unrecognised: Vec<Fragment>,
    /// Warnings, capped.
    pub warnings: Vec<Warning>,
    /// Warnings not kept because of the cap.
    pub dropped_warnings: usize,
    /// Codes not in the framework, with the first line each was seen on.
    pub unknown_codes: Vec<(Code, usize)>,
    /// The same codes, for a quick membership test.
    unknown_seen: HashSet<Code>,
    /// Index of the first paragraph no section has claimed yet.
    unclaimed: usize,
}

impl Sink {
    /// Records a warning.
    pub fn warn(&mut self, line: Option<usize>, message: String) {
        if self.warnings.len() < MAX_WARNINGS {
            self.warnings.push(Warning { line, message });
        } else {
            self.dropped_warnings += 1;
        }
    }

    /// Records a raw fragment nothing could place (ignored when it has no text).
    pub fn unrecognised(&mut self, line: usize, raw: &str) {
        let text = cell_text(raw);
        if !text.is_empty() {
            self.unrecognised.push(Fragment { line, text });
        }
    }

    /// Records a prose paragraph.
    pub fn paragraph(&mut self, line: usize, raw: &str) {
        let text = cell_text(raw);
        if !text.is_empty() {
            self.paragraphs.push(Fragment { line, text });
        }
    }

    /// Appends a wrapped line to the last paragraph (a paragraph PDF extraction cut at a line end).
    pub fn continue_paragraph(&mut self, line: usize, raw: &str) {
        let text = cell_text(raw);
        match self.paragraphs.last_mut() {
            Some(last) => join_wrapped(&mut last.text, &text),
            None => self.paragraph(line, raw),
        }
    }

    /// The paragraphs recorded since the last call, split into title lines and body text.
    pub fn claim_prose(&mut self) -> SectionProse {
        let fresh = self.paragraphs.get(self.unclaimed..).unwrap_or_default();
        self.unclaimed = self.paragraphs.len();
        let (intro, title_lines) = fresh.iter().cloned().partition(is_body_text);
        SectionProse {
            title_lines,
            intro,
            closing: Vec::new(),
        }
    }

    /// Records furniture.
    pub fn furniture(&mut self, line: usize, text: &str) {
        self.furniture.push(Fragment {
            line,
            text: cell_text(text),
        });
    }

    /// Notes `code` if the framework of the year does not have it.
    pub fn check_code(&mut self, ctx: Ctx<'_>, code: Code, line: usize) {
        if let Some(fw) = ctx.fw
            && fw.entry(code).is_none()
            && self.unknown_seen.insert(code)
        {
            self.unknown_codes.push((code, line));
        }
    }

    /// Turns the unknown codes and the warning overflow into final warnings.
    pub fn finish_warnings(&mut self, ctx: Ctx<'_>) {
        if let (Some(fw), false) = (ctx.fw, self.unknown_codes.is_empty()) {
            let mut list: Vec<String> = self
                .unknown_codes
                .iter()
                .take(MAX_LISTED_CODES)
                .map(|(c, l)| format!("{c} (บรรทัด/line {l})"))
                .collect();
            if self.unknown_codes.len() > MAX_LISTED_CODES {
                list.push(format!(
                    "… +{}",
                    self.unknown_codes.len() - MAX_LISTED_CODES
                ));
            }
            let year = fw.fiscal_year;
            let message = format!(
                "รหัสที่ไม่มีในกรอบการประเมินปี {year}: {} (codes not in the FY {year} framework)",
                list.join(", ")
            );
            self.warnings.push(Warning {
                line: self.unknown_codes.first().map(|(_, l)| *l),
                message,
            });
        }
        if self.dropped_warnings > 0 {
            let n = self.dropped_warnings;
            self.warnings.push(Warning {
                line: None,
                message: format!("และอีก {n} คำเตือนที่ไม่ได้แสดง ({n} more warnings not shown)"),
            });
        }
    }
}

/// Whether a paragraph reads as body text rather than a title line: long, or leading into a
/// list or table ("… ดังนี้").
fn is_body_text(f: &Fragment) -> bool {
    f.text.chars().count() > MAX_TITLE_CHARS
        || f.text.trim_end_matches([':', ' ', '.']).ends_with("ดังนี้")
}
