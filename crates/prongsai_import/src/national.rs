//! National directories: every agency's IIT/EIT answers and OIT checklist, parsed byte by byte and scored in parallel.
//!
//! A directory made by `prongsai gen-national` (or laid out the same way) holds, as UTF-8 CSV:
//! - `agencies.csv` — `agency,name,kind,province`, one row per agency (ids such as `A00001`);
//! - `iit.csv` — `agency,i1,…,iN`, one row per staff respondent;
//! - `eit.csv` — `agency,e1,…` (`EP…`/`ES…` in a year with EIT parts), one row per citizen respondent;
//! - `oit.csv` — `agency,O1,…`, one row per agency, each item `1` (present) or `0` (absent);
//! - `meta.json` — year, seed and counts (informational, not read here).
//!
//! Answers are level numbers of the question's scale (level4: 1–4, yesno: 1–2; labels also work, slowly);
//! a blank cell is "not answered". Rows of one agency need not be contiguous: contiguity only makes
//! the last-id cache hit. Quoted fields are handled; a quoted field spanning lines is rejected, never mis-read.

use std::borrow::Cow;
use std::collections::HashMap;

use memchr::{memchr, memchr_iter};
use prongsai_domain::framework::{Entry, ToolCode};
use prongsai_domain::scoring::{
    AnswerError, ScoreError, ScoreResult, ScoreSheet, allowed_answers, answer_index, oit_mark,
    score,
};
use prongsai_domain::{Code, Framework};
use rayon::prelude::*;

use crate::codes::{describe_codes, parse_code_cell};
use crate::error::{ImportError, Located, column_label};

/// Problems listed per run; more are counted, not listed, so a broken million-row file stays readable.
const MAX_LISTED: usize = 50;
/// Headers naming the agency column.
const AGENCY_HEADERS: &[&str] = &["agency", "หน่วยงาน", "รหัสหน่วยงาน"];
/// Headers of columns that are neither the agency nor a code and are skipped.
const IGNORED_HEADERS: &[&str] = &["respondent", "id", "ผู้ตอบ", "ลำดับ", "timestamp", "เวลา"];
/// Marks "no answer with this level" in a level → answer-index table.
const NO_LEVEL: u8 = u8::MAX;

/// One input file: the name used in messages and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// File name as the user should see it.
    pub name: &'a str,
    /// Raw contents.
    pub bytes: &'a [u8],
}

/// The four files of a national directory.
#[derive(Debug, Clone, Copy)]
pub struct NationalFiles<'a> {
    /// `agencies.csv`.
    pub agencies: Source<'a>,
    /// `iit.csv`.
    pub iit: Source<'a>,
    /// `eit.csv`.
    pub eit: Source<'a>,
    /// `oit.csv`.
    pub oit: Source<'a>,
}

/// One agency's result, in `agencies.csv` order.
#[derive(Debug, Clone)]
pub struct AgencyScore {
    /// Agency id as written in `agencies.csv`.
    pub agency: String,
    /// The domain's result, as for a single agency.
    pub result: ScoreResult,
}

/// Scores every agency of a national directory; any problem anywhere fails the whole run with located errors.
pub fn score_national(
    fw: &Framework,
    files: &NationalFiles<'_>,
) -> Result<Vec<AgencyScore>, ImportError> {
    score_national_map(fw, files, |s| s)
}

/// Like [`score_national`], but hands each agency's result to `f` on the thread that computed it, so a caller
/// can turn it into output (or a summary) at once instead of keeping thousands of results around.
/// `f` sees agencies in any order; its outputs come back in `agencies.csv` order, only if every agency scored.
pub fn score_national_map<T: Send>(
    fw: &Framework,
    files: &NationalFiles<'_>,
    f: impl Fn(AgencyScore) -> T + Sync,
) -> Result<Vec<T>, ImportError> {
    let agencies = parse_agencies(files.agencies)?;
    // Every header is checked before giving up, so one run lists all column problems.
    let layouts = (
        ResponseLayout::new(fw, files.iit, ToolCode::Iit),
        ResponseLayout::new(fw, files.eit, ToolCode::Eit),
        OitLayout::new(fw, files.oit),
    );
    let (iit_layout, eit_layout, oit_layout) = match layouts {
        (Ok(i), Ok(e), Ok(o)) => (i, e, o),
        (i, e, o) => {
            let mut all = Vec::new();
            for r in [i.err(), e.err(), o.err()].into_iter().flatten() {
                all.extend(r.0);
            }
            return Err(ImportError(all));
        }
    };
    let ((iit, eit), oit) = rayon::join(
        || {
            rayon::join(
                || tally(fw, files.iit, &iit_layout, &agencies),
                || tally(fw, files.eit, &eit_layout, &agencies),
            )
        },
        || parse_oit(fw, files.oit, &oit_layout, &agencies),
    );
    let mut located = Vec::new();
    let mut total = 0;
    for (src, problems) in [
        (files.iit, &iit.problems),
        (files.eit, &eit.problems),
        (files.oit, &oit.problems),
    ] {
        total += problems.total;
        located.extend(problems.locate(src));
    }
    if !located.is_empty() {
        return Err(capped(located, total));
    }
    let ctx = Tallies {
        fw,
        files,
        agencies: &agencies,
        iit: (&iit_layout, &iit),
        eit: (&eit_layout, &eit),
        oit: &oit,
    };
    let results: Vec<Result<T, Vec<Located>>> = (0..agencies.ids.len())
        .into_par_iter()
        .map(|a| ctx.score_one(a).map(&f))
        .collect();
    all_scored(results)
}

/// Every agency's output, or the problems of those that could not be scored.
fn all_scored<T>(results: Vec<Result<T, Vec<Located>>>) -> Result<Vec<T>, ImportError> {
    let mut scores = Vec::with_capacity(results.len());
    let (mut located, mut total) = (Vec::new(), 0);
    for r in results {
        match r {
            Ok(s) => scores.push(s),
            Err(list) => {
                total += list.len();
                located.extend(
                    list.into_iter()
                        .take(MAX_LISTED.saturating_sub(located.len())),
                );
            }
        }
    }
    if located.is_empty() {
        Ok(scores)
    } else {
        Err(capped(located, total))
    }
}

/// Problems with a note on how many more were not listed.
fn capped(mut located: Vec<Located>, total: usize) -> ImportError {
    located.truncate(MAX_LISTED);
    if total > located.len() {
        let n = total - located.len();
        let file = located.first().map(|l| l.file.clone()).unwrap_or_default();
        located.push(Located {
            file,
            row: None,
            column: None,
            message: format!("และอีก {n} ปัญหาที่ไม่ได้แสดง ({n} more problems not shown)"),
        });
    }
    ImportError(located)
}

/// A problem found while parsing, placed by byte offset; rows are counted only when reporting.
#[derive(Debug)]
struct Problem {
    offset: usize,
    column: Option<String>,
    message: String,
}

/// The problems of one file or chunk, the first [`MAX_LISTED`] kept.
#[derive(Debug, Default)]
struct Problems {
    list: Vec<Problem>,
    total: usize,
}

impl Problems {
    fn push(&mut self, offset: usize, column: Option<String>, message: String) {
        self.total += 1;
        if self.list.len() < MAX_LISTED {
            self.list.push(Problem {
                offset,
                column,
                message,
            });
        }
    }

    fn merge(&mut self, other: Problems) {
        self.total += other.total;
        self.list.extend(other.list);
    }

    /// Located problems, earliest first; rows come from counting newlines once, up to the last problem.
    fn locate(&self, src: Source<'_>) -> Vec<Located> {
        let mut list: Vec<&Problem> = self.list.iter().collect();
        list.sort_by_key(|p| p.offset);
        list.truncate(MAX_LISTED);
        let mut rows = RowCounter::new(body(src.bytes));
        list.into_iter()
            .map(|p| Located {
                file: src.name.to_string(),
                row: Some(rows.row_at(p.offset)),
                column: p.column.clone(),
                message: p.message.clone(),
            })
            .collect()
    }
}

/// The file without its UTF-8 byte-order mark; all offsets are relative to this.
fn body(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// Splits one line (newline and CR removed) into fields, unquoting `"…"` fields (`""` is a quote).
/// A stray or unterminated quote is an error: guessing could silently shift columns.
fn split_line<'a>(line: &'a [u8], out: &mut Vec<Cow<'a, [u8]>>) -> Result<(), &'static str> {
    out.clear();
    if memchr(b'"', line).is_none() {
        out.extend(line.split(|&b| b == b',').map(Cow::Borrowed));
        return Ok(());
    }
    let mut i = 0;
    loop {
        if line.get(i) == Some(&b'"') {
            let mut buf = Vec::new();
            i += 1;
            loop {
                match line.get(i) {
                    None => {
                        return Err(
                            "เครื่องหมายคำพูดไม่ปิดในบรรทัดนี้ (unterminated quote; a quoted cell may not span lines)",
                        );
                    }
                    Some(b'"') if line.get(i + 1) == Some(&b'"') => {
                        buf.push(b'"');
                        i += 2;
                    }
                    Some(b'"') => {
                        i += 1;
                        break;
                    }
                    Some(&b) => {
                        buf.push(b);
                        i += 1;
                    }
                }
            }
            out.push(Cow::Owned(buf));
            match line.get(i) {
                None => return Ok(()),
                Some(b',') => i += 1,
                Some(_) => return Err("มีข้อความหลังเครื่องหมายคำพูดปิด (text after a closing quote)"),
            }
        } else {
            let rest = line.get(i..).unwrap_or_default();
            let end = memchr(b',', rest).unwrap_or(rest.len());
            let field = rest.get(..end).unwrap_or_default();
            if memchr(b'"', field).is_some() {
                return Err("มีเครื่องหมายคำพูดกลางช่อง (a quote inside an unquoted cell)");
            }
            out.push(Cow::Borrowed(field));
            if end == rest.len() {
                return Ok(());
            }
            i += end + 1;
        }
    }
}

/// A line with nothing but commas and spaces: an empty spreadsheet row, skipped as the general path does.
fn blank(line: &[u8]) -> bool {
    line.iter().all(|&b| b == b',' || b.is_ascii_whitespace())
}

/// Calls `f(offset, line)` for each non-blank line of `chunk`, whose first byte is at `base` in the file.
fn each_line<'a>(chunk: &'a [u8], base: usize, mut f: impl FnMut(usize, &'a [u8])) {
    let mut start = 0;
    for end in memchr_iter(b'\n', chunk).chain(std::iter::once(chunk.len())) {
        if end < start {
            continue;
        }
        let line = chunk.get(start..end).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if !blank(line) {
            f(base + start, line);
        }
        start = end + 1;
    }
}

/// The header's cells (trimmed) and the offset where data starts.
fn header(src: Source<'_>, what: &str) -> Result<(Vec<String>, usize), ImportError> {
    let bytes = body(src.bytes);
    let end = memchr(b'\n', bytes).unwrap_or(bytes.len());
    let line = bytes.get(..end).unwrap_or_default();
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    if line.trim_ascii().is_empty() {
        return Err(ImportError::file(
            src.name,
            format!(
                "ไฟล์ว่างหรือไม่มีหัวตาราง ต้องเริ่มด้วย {what} (empty file or no header; expected {what})"
            ),
        ));
    }
    let mut cells = Vec::new();
    split_line(line, &mut cells).map_err(|m| located(src, 1, None, m.to_string()))?;
    let headers = cells
        .iter()
        .map(|c| String::from_utf8_lossy(c).trim().to_string())
        .collect();
    Ok((headers, (end + 1).min(bytes.len())))
}

fn located(src: Source<'_>, row: usize, column: Option<String>, message: String) -> ImportError {
    ImportError(vec![Located {
        file: src.name.to_string(),
        row: Some(row),
        column,
        message,
    }])
}

fn is_one_of(h: &str, names: &[&str]) -> bool {
    names.iter().any(|n| h.eq_ignore_ascii_case(n))
}

/// The column holding agency ids, or a header error.
fn agency_column(src: Source<'_>, headers: &[String]) -> Result<usize, ImportError> {
    headers
        .iter()
        .position(|h| is_one_of(h, AGENCY_HEADERS))
        .ok_or_else(|| {
            located(
                src,
                1,
                None,
                format!(
                    "ไม่มีคอลัมน์ agency ในหัวตาราง \"{}\" (no agency column in the header)",
                    headers.join(",")
                ),
            )
        })
}

/// Counts rows (newlines) forward through a file, so locating many offsets in order costs one pass.
#[derive(Debug)]
struct RowCounter<'a> {
    bytes: &'a [u8],
    pos: usize,
    row: usize,
}

impl<'a> RowCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        RowCounter {
            bytes,
            pos: 0,
            row: 1,
        }
    }

    /// The 1-based row of `offset`; offsets must come in ascending order.
    fn row_at(&mut self, offset: usize) -> usize {
        self.row += self
            .bytes
            .get(self.pos..offset)
            .map_or(0, |s| memchr_iter(b'\n', s).count());
        self.pos = offset.max(self.pos);
        self.row
    }
}

/// Agency ids in file order, their rows, and a map from id bytes to index.
#[derive(Debug)]
struct Agencies {
    ids: Vec<String>,
    rows: Vec<usize>,
    index: HashMap<Vec<u8>, u32>,
}

fn parse_agencies(src: Source<'_>) -> Result<Agencies, ImportError> {
    let (headers, start) = header(src, "agency,name,kind,province")?;
    let col = agency_column(src, &headers)?;
    let bytes = body(src.bytes);
    let mut ag = Agencies {
        ids: Vec::new(),
        rows: Vec::new(),
        index: HashMap::new(),
    };
    let mut problems = Problems::default();
    let mut rows = RowCounter::new(bytes);
    let mut cells = Vec::new();
    let label = || {
        Some(column_label(
            col,
            headers.get(col).map_or("", String::as_str),
        ))
    };
    each_line(
        bytes.get(start..).unwrap_or_default(),
        start,
        |offset, line| {
            let row = rows.row_at(offset);
            if let Err(m) = split_line(line, &mut cells) {
                return problems.push(offset, None, m.to_string());
            }
            let id = cells.get(col).map(|c| c.trim_ascii()).unwrap_or_default();
            let Ok(text) = std::str::from_utf8(id) else {
                return problems.push(
                    offset,
                    label(),
                    "รหัสหน่วยงานไม่ใช่ UTF-8 (agency id is not UTF-8)".into(),
                );
            };
            if text.is_empty() {
                return problems.push(offset, label(), "ไม่มีรหัสหน่วยงาน (empty agency id)".into());
            }
            if let Some(&first) = ag.index.get(id) {
                let first_row = ag.rows.get(first as usize).copied().unwrap_or(0);
                return problems.push(offset, label(), format!("รหัสหน่วยงาน {text} ซ้ำกับแถว {first_row} (agency {text} already in row {first_row})"));
            }
            ag.index.insert(id.to_vec(), ag.ids.len() as u32);
            ag.ids.push(text.to_string());
            ag.rows.push(row);
        },
    );
    if problems.total > 0 {
        return Err(capped(problems.locate(src), problems.total));
    }
    if ag.ids.is_empty() {
        return Err(ImportError::file(
            src.name,
            "ไม่มีหน่วยงานในไฟล์ (no agencies in the file)",
        ));
    }
    Ok(ag)
}

/// Agency lookups with a one-entry cache: rows of one agency usually come together.
struct Resolver<'a> {
    agencies: &'a Agencies,
    last_id: Vec<u8>,
    last: Option<usize>,
}

impl<'a> Resolver<'a> {
    fn new(agencies: &'a Agencies) -> Self {
        Resolver {
            agencies,
            last_id: Vec::new(),
            last: None,
        }
    }

    fn resolve(&mut self, id: &[u8]) -> Option<usize> {
        if self.last.is_some() && self.last_id == id {
            return self.last;
        }
        let found = self.agencies.index.get(id).map(|&i| i as usize);
        // An id with a quote in it is never cached, so the same-agency fast path never meets a quote.
        if found.is_some() && memchr(b'"', id).is_none() {
            self.last_id.clear();
            self.last_id.extend_from_slice(id);
            self.last = found;
        }
        found
    }
}

/// A survey question's column: where its counts live and how its cells map to answers and points.
#[derive(Debug)]
struct QuestionColumn {
    column: usize,
    question: usize,
    code: Code,
    /// First count slot of the question within an agency's block.
    slot: usize,
    /// Level number → 0-based answer index ([`NO_LEVEL`] when the scale has no such level).
    levels: Vec<u8>,
    /// The same table for the one-digit cells of the fast path, indexed by the ASCII digit.
    digits: [u8; 10],
    /// The count slot (`slot` + answer index) of each one-digit cell, `u16::MAX` when not on the scale.
    dense: [u16; 10],
    /// Points of each answer index with reverse scoring applied, from `Framework::points`.
    points: Vec<f64>,
}

impl QuestionColumn {
    /// The count slot within an agency's block of a one-byte cell that is a level digit on the scale.
    fn dense_slot(&self, d: u8) -> Option<usize> {
        let slot = *self.dense.get(usize::from(d.wrapping_sub(b'0')))?;
        (slot != u16::MAX).then_some(usize::from(slot))
    }

    /// The answer index of a one-byte cell that is a level digit on the scale.
    fn digit(&self, d: u8) -> Option<usize> {
        let idx = *self.digits.get(usize::from(d.wrapping_sub(b'0')))?;
        (idx != NO_LEVEL).then_some(usize::from(idx))
    }

    /// The answer index of a non-blank cell: plain level digits via the table, anything else via the domain.
    fn answer(&self, fw: &Framework, cell: &[u8]) -> Option<usize> {
        if cell.len() <= 3 && cell.iter().all(u8::is_ascii_digit) {
            let level = cell
                .iter()
                .fold(0usize, |n, d| n * 10 + usize::from(*d - b'0'));
            return self
                .levels
                .get(level)
                .copied()
                .filter(|&i| i != NO_LEVEL)
                .map(usize::from);
        }
        let q = fw.questions.get(self.question)?;
        answer_index(fw, q, std::str::from_utf8(cell).ok()?)
    }
}

/// The columns of `iit.csv` or `eit.csv`, checked against the tool's questions.
#[derive(Debug)]
struct ResponseLayout {
    headers: Vec<String>,
    start: usize,
    agency: usize,
    questions: Vec<QuestionColumn>,
    /// Column → index into `questions` (`u16::MAX` for the agency and skipped columns).
    by_column: Vec<u16>,
    /// The agency is column 0 and every other column is a question, in `questions` order.
    dense: bool,
    /// Count slots per agency (the sum of the questions' answer counts).
    stride: usize,
}

impl ResponseLayout {
    fn new(fw: &Framework, src: Source<'_>, tool: ToolCode) -> Result<Self, ImportError> {
        let of_tool = |qi: usize| {
            fw.questions
                .get(qi)
                .and_then(|q| fw.indicator(q.indicator))
                .is_some_and(|i| i.tool == tool)
        };
        let codes: Vec<String> = fw
            .questions
            .iter()
            .enumerate()
            .filter(|(qi, _)| of_tool(*qi))
            .map(|(_, q)| q.code.to_string())
            .collect();
        let (headers, start) = header(src, &format!("agency,{}", codes.join(",")))?;
        let agency = agency_column(src, &headers)?;
        let (t, year) = (tool.as_str(), fw.fiscal_year);
        let mut problems = Vec::new();
        let mut questions: Vec<QuestionColumn> = Vec::new();
        let mut stride = 0;
        for (i, h) in headers.iter().enumerate() {
            if i == agency || h.is_empty() || is_one_of(h, IGNORED_HEADERS) {
                continue;
            }
            let mut bad = |message: String| {
                problems.push(Located {
                    file: src.name.into(),
                    row: Some(1),
                    column: Some(column_label(i, h)),
                    message,
                })
            };
            let found = parse_code_cell(h).and_then(|c| match fw.entry(c) {
                Some(Entry::Question(qi)) => fw.questions.get(qi).map(|q| (c, qi, q)),
                _ => None,
            });
            let Some((code, qi, q)) = found else {
                bad(format!(
                    "\"{h}\" ไม่ใช่ข้อคำถาม {t} ของปี {year}; ใช้ได้: {} (not a {t} question of {year})",
                    codes.join(", ")
                ));
                continue;
            };
            if !of_tool(qi) {
                bad(format!(
                    "{code} ไม่ใช่ข้อคำถาม {t} ให้ย้ายไปไฟล์ของเครื่องมือนั้น ({code} is not a {t} question; it belongs in the other survey file)"
                ));
                continue;
            }
            if questions.iter().any(|c| c.code == code) {
                bad(format!("คอลัมน์ {code} ซ้ำ (column {code} appears twice)"));
                continue;
            }
            let answers = fw
                .scales
                .get(q.scale)
                .map(|s| s.answers.as_slice())
                .unwrap_or_default();
            let mut levels = vec![
                NO_LEVEL;
                answers
                    .iter()
                    .map(|a| usize::from(a.level) + 1)
                    .max()
                    .unwrap_or(0)
            ];
            for (idx, a) in answers.iter().enumerate() {
                if let Some(slot) = levels.get_mut(usize::from(a.level)) {
                    *slot = u8::try_from(idx).unwrap_or(NO_LEVEL);
                }
            }
            let Some(points) = (0..answers.len())
                .map(|idx| fw.points(q, idx))
                .collect::<Option<Vec<f64>>>()
            else {
                bad(format!(
                    "มาตรวัดของ {code} เสีย (the scale of {code} is broken)"
                ));
                continue;
            };
            let mut digits = [NO_LEVEL; 10];
            let mut dense = [u16::MAX; 10];
            for (d, (idx, slot)) in digits.iter_mut().zip(&mut dense).enumerate() {
                *idx = levels.get(d).copied().unwrap_or(NO_LEVEL);
                if *idx != NO_LEVEL {
                    *slot = u16::try_from(stride + usize::from(*idx)).unwrap_or(u16::MAX);
                }
            }
            questions.push(QuestionColumn {
                column: i,
                question: qi,
                code,
                slot: stride,
                levels,
                digits,
                dense,
                points,
            });
            stride += answers.len();
        }
        let missing: Vec<&str> = codes
            .iter()
            .map(String::as_str)
            .filter(|c| !questions.iter().any(|q| q.code.to_string() == *c))
            .collect();
        if !missing.is_empty() {
            let list = missing.join(", ");
            problems.push(Located {
                file: src.name.into(),
                row: Some(1),
                column: None,
                message: format!(
                    "ไม่มีคอลัมน์ {list} — ทุกข้อคำถาม {t} ต้องมีคอลัมน์ (columns {list} are missing)"
                ),
            });
        }
        let mut by_column = vec![u16::MAX; headers.len()];
        for (k, q) in questions.iter().enumerate() {
            if let Some(slot) = by_column.get_mut(q.column) {
                *slot = u16::try_from(k).unwrap_or(u16::MAX);
            }
        }
        let dense = agency == 0
            && by_column.first() == Some(&u16::MAX)
            && by_column
                .iter()
                .skip(1)
                .enumerate()
                .all(|(k, &q)| usize::from(q) == k);
        if problems.is_empty() {
            Ok(ResponseLayout {
                headers,
                by_column,
                dense,
                start,
                agency,
                questions,
                stride,
            })
        } else {
            Err(ImportError(problems))
        }
    }

    fn label(&self, column: usize) -> Option<String> {
        Some(column_label(
            column,
            self.headers.get(column).map_or("", String::as_str),
        ))
    }
}

/// Answer counts per agency × question × answer, and rows per agency, of one file or chunk.
#[derive(Debug)]
struct Tally {
    counts: Vec<u32>,
    respondents: Vec<u32>,
    stride: usize,
    /// Agencies `lo..hi` hold every count: a chunk of a file grouped by agency touches a narrow band,
    /// so merging it costs that band, not the whole (lazily zeroed) array.
    lo: usize,
    hi: usize,
    problems: Problems,
}

impl Tally {
    fn new(agencies: usize, stride: usize) -> Self {
        Tally {
            counts: vec![0; agencies * stride],
            respondents: vec![0; agencies],
            stride,
            lo: usize::MAX,
            hi: 0,
            problems: Problems::default(),
        }
    }

    /// Counts a row of agency `a`; returns the agency's first count slot.
    fn respondent(&mut self, a: usize) -> usize {
        if let Some(r) = self.respondents.get_mut(a) {
            *r += 1;
        }
        self.lo = self.lo.min(a);
        self.hi = self.hi.max(a + 1);
        a * self.stride
    }

    /// Adds another chunk's counts; integer counts make the merge order irrelevant.
    fn merge(mut self, other: Tally) -> Tally {
        if other.lo < other.hi {
            let (lo, hi, w) = (other.lo, other.hi, self.stride);
            let add = |a: &mut [u32], b: &[u32]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
            if let (Some(a), Some(b)) = (
                self.counts.get_mut(lo * w..hi * w),
                other.counts.get(lo * w..hi * w),
            ) {
                add(a, b);
            }
            if let (Some(a), Some(b)) = (
                self.respondents.get_mut(lo..hi),
                other.respondents.get(lo..hi),
            ) {
                add(a, b);
            }
            self.lo = self.lo.min(lo);
            self.hi = self.hi.max(hi);
        }
        self.problems.merge(other.problems);
        self
    }
}

/// Splits `bytes[start..]` into about `n` pieces that end at newlines, each with its offset.
fn chunks(bytes: &[u8], start: usize, n: usize) -> Vec<(usize, &[u8])> {
    let len = bytes.len();
    // Tiny pieces would cost more in set-up than they win in balance.
    let step = len.saturating_sub(start).div_ceil(n.max(1)).max(1 << 18);
    let mut out = Vec::new();
    let mut s = start;
    while s < len {
        let target = s.saturating_add(step).min(len);
        let end = bytes
            .get(target..)
            .and_then(|rest| memchr(b'\n', rest))
            .map_or(len, |i| target + i + 1);
        out.push((s, bytes.get(s..end).unwrap_or_default()));
        s = end;
    }
    out
}

/// Counts every answer of a survey file, in parallel chunks.
fn tally(fw: &Framework, src: Source<'_>, layout: &ResponseLayout, agencies: &Agencies) -> Tally {
    let bytes = body(src.bytes);
    let n = agencies.ids.len();
    // A few pieces per thread let work stealing balance iit and eit (running side by side) over the cores;
    // `fold` keeps one tally per run of pieces a thread takes, not one (and one big free) per piece.
    chunks(bytes, layout.start, rayon::current_num_threads() * 4)
        .into_par_iter()
        .fold(
            || Counter {
                fw,
                layout,
                resolver: Resolver::new(agencies),
                t: Tally::new(n, layout.stride),
            },
            |mut c, (base, chunk)| {
                c.count(chunk, base);
                c
            },
        )
        .map(|c| c.t)
        .reduce_with(Tally::merge)
        .unwrap_or_else(|| Tally::new(n, layout.stride))
}

/// Counts the lines of chunks into its own tally.
struct Counter<'a> {
    fw: &'a Framework,
    layout: &'a ResponseLayout,
    resolver: Resolver<'a>,
    t: Tally,
}

impl Counter<'_> {
    /// A line without quotes: fields are split on commas as they are visited, nothing is allocated.
    fn plain_line(&mut self, offset: usize, line: &[u8]) {
        let layout = self.layout;
        if layout.dense && self.dense_line(line) {
            return;
        }
        let id = line
            .split(|&b| b == b',')
            .nth(layout.agency)
            .unwrap_or_default();
        let Some(block) = self.agency_block(offset, id) else {
            return;
        };
        let mut fields = 0;
        for (i, cell) in line.split(|&b| b == b',').enumerate() {
            fields = i + 1;
            let Some(qc) = layout
                .by_column
                .get(i)
                .and_then(|&k| layout.questions.get(usize::from(k)))
            else {
                continue;
            };
            // The common cell is one digit; blanks, padding, labels and errors take the general path.
            let idx = match cell {
                [] => continue,
                [d] => qc.digit(*d),
                _ => None,
            };
            let idx = match idx {
                Some(idx) => idx,
                None => match answer(self.fw, layout, qc, cell, offset, &mut self.t.problems) {
                    Some(idx) => idx,
                    None => continue,
                },
            };
            if let Some(c) = self.t.counts.get_mut(block + qc.slot + idx) {
                *c += 1;
            }
        }
        self.check_fields(offset, fields);
    }

    /// Counts the lines of `chunk`, whose first byte is at `base` in the file.
    fn count(&mut self, chunk: &[u8], base: usize) {
        let mut cells = Vec::new();
        let mut pos = 0;
        while let Some(rest) = chunk.get(pos..).filter(|r| !r.is_empty()) {
            // Rows come in runs of one agency: such a row has a known length, so neither the newline
            // search nor the id lookup is needed.
            if let Some(n) = self.same_agency_row(rest) {
                pos += n;
                continue;
            }
            let end = memchr(b'\n', rest).unwrap_or(rest.len());
            let raw = rest.get(..end).unwrap_or_default();
            let line = raw.strip_suffix(b"\r").unwrap_or(raw);
            if !blank(line) {
                if memchr(b'"', line).is_some() {
                    self.quoted_line(&mut cells, base + pos, line);
                } else {
                    self.plain_line(base + pos, line);
                }
            }
            pos += end + 1;
        }
    }

    /// The length (with its newline) of a row `<last id>,d,d,…,d` at the start of `rest`, counted;
    /// `None`, counting nothing, when the row is not of that shape.
    fn same_agency_row(&mut self, rest: &[u8]) -> Option<usize> {
        let a = self.resolver.last.filter(|_| self.layout.dense)?;
        let id = self.resolver.last_id.len();
        let end = id + 2 * self.layout.questions.len();
        let next = match (rest.get(end), rest.get(end + 1)) {
            (Some(b'\n'), _) => end + 1,
            (Some(b'\r'), Some(b'\n')) => end + 2,
            _ => return None,
        };
        // A byte loop: ids are a few bytes, too short for a `memcmp` call to pay.
        let same = rest.len() >= id && rest.iter().zip(&self.resolver.last_id).all(|(x, y)| x == y);
        if !same {
            return None;
        }
        self.dense_cells(a, rest.get(id..end)?).then_some(next)
    }

    /// The generated shape `id,d,d,…,d` (agency first, every answer one digit on its scale), counted.
    /// False, counting nothing, when the line is not so.
    fn dense_line(&mut self, line: &[u8]) -> bool {
        let Some(comma) = memchr(b',', line) else {
            return false;
        };
        let (id, cells) = line.split_at(comma);
        match self.resolver.resolve(id.trim_ascii()) {
            Some(a) => self.dense_cells(a, cells),
            None => false,
        }
    }

    /// Counts `,d,d,…,d` (one digit per question, in column order) as a row of agency `a`: the answers sit at
    /// fixed offsets, so no splitting is needed. False, counting nothing, when the cells are not so.
    fn dense_cells(&mut self, a: usize, cells: &[u8]) -> bool {
        let questions = &self.layout.questions;
        let stride = self.t.stride;
        if cells.len() != 2 * questions.len() {
            return false;
        }
        let Some(counts) = self.t.counts.get_mut(a * stride..(a + 1) * stride) else {
            return false;
        };
        // Counted in one pass; the rare row that turns out not to fit (a blank, a label, an error) is
        // taken back and left to the general path.
        let pairs = || cells.chunks_exact(2).zip(questions);
        let slot = |p: &[u8], qc: &QuestionColumn| match *p {
            [b',', d] => qc.dense_slot(d),
            _ => None,
        };
        for (k, (p, qc)) in pairs().enumerate() {
            match slot(p, qc).and_then(|s| counts.get_mut(s)) {
                Some(c) => *c += 1,
                None => {
                    for (p, qc) in pairs().take(k) {
                        if let Some(c) = slot(p, qc).and_then(|s| counts.get_mut(s)) {
                            *c -= 1;
                        }
                    }
                    return false;
                }
            }
        }
        self.t.respondent(a);
        true
    }

    /// A line with quotes: split properly first (quoted commas, `""`), then counted the same way.
    fn quoted_line<'l>(&mut self, cells: &mut Vec<Cow<'l, [u8]>>, offset: usize, line: &'l [u8]) {
        if let Err(m) = split_line(line, cells) {
            return self.t.problems.push(offset, None, m.to_string());
        }
        if !self.check_fields(offset, cells.len()) {
            return;
        }
        let layout = self.layout;
        let id = cells
            .get(layout.agency)
            .map(|c| c.as_ref())
            .unwrap_or_default();
        let Some(block) = self.agency_block(offset, id) else {
            return;
        };
        for qc in &layout.questions {
            let cell = cells.get(qc.column).map(|c| c.as_ref()).unwrap_or_default();
            if let Some(idx) = answer(self.fw, layout, qc, cell, offset, &mut self.t.problems)
                && let Some(c) = self.t.counts.get_mut(block + qc.slot + idx)
            {
                *c += 1;
            }
        }
    }

    /// The first count slot of the row's agency (the row counted as a respondent), or a located problem.
    fn agency_block(&mut self, offset: usize, id: &[u8]) -> Option<usize> {
        let id = id.trim_ascii();
        let Some(a) = self.resolver.resolve(id) else {
            let id = String::from_utf8_lossy(id);
            let msg = format!(
                "ไม่พบหน่วยงาน \"{id}\" ใน agencies.csv (agency \"{id}\" is not in agencies.csv)"
            );
            self.t
                .problems
                .push(offset, self.layout.label(self.layout.agency), msg);
            return None;
        };
        Some(self.t.respondent(a))
    }

    /// False (and a problem) when the row's cell count differs from the header's.
    fn check_fields(&mut self, offset: usize, got: usize) -> bool {
        let want = self.layout.headers.len();
        if got != want {
            let msg = format!(
                "แถวนี้มี {got} ช่อง แต่หัวตารางมี {want} ช่อง (the row has {got} cells, the header {want})"
            );
            self.t.problems.push(offset, None, msg);
        }
        got == want
    }
}

/// The answer index of a cell by the general rules (trimmed; blank → `None` silently), or a located problem.
fn answer(
    fw: &Framework,
    layout: &ResponseLayout,
    qc: &QuestionColumn,
    cell: &[u8],
    offset: usize,
    problems: &mut Problems,
) -> Option<usize> {
    let cell = cell.trim_ascii();
    if cell.is_empty() {
        return None;
    }
    let idx = qc.answer(fw, cell);
    if idx.is_none() {
        let allowed = fw
            .questions
            .get(qc.question)
            .map(|q| allowed_answers(fw, q))
            .unwrap_or_default();
        let answer = String::from_utf8_lossy(cell).into_owned();
        let e = AnswerError::UnknownAnswer {
            code: qc.code,
            answer,
            allowed,
        };
        problems.push(offset, layout.label(qc.column), e.to_string());
    }
    idx
}

/// An OIT mark not (yet) given.
const UNSET: u8 = 2;

/// The columns of `oit.csv`: the agency and every OIT item of the year.
#[derive(Debug)]
struct OitLayout {
    headers: Vec<String>,
    start: usize,
    agency: usize,
    /// (column, index into `Framework::oit_items`).
    items: Vec<(usize, usize)>,
}

impl OitLayout {
    fn new(fw: &Framework, src: Source<'_>) -> Result<Self, ImportError> {
        let codes: Vec<String> = fw.oit_items.iter().map(|o| o.code.to_string()).collect();
        let (headers, start) = header(src, &format!("agency,{}", codes.join(",")))?;
        let agency = agency_column(src, &headers)?;
        let mut problems = Vec::new();
        let mut items: Vec<(usize, usize)> = Vec::new();
        for (i, h) in headers.iter().enumerate() {
            if i == agency || h.is_empty() || is_one_of(h, IGNORED_HEADERS) {
                continue;
            }
            let mut bad = |message: String| {
                problems.push(Located {
                    file: src.name.into(),
                    row: Some(1),
                    column: Some(column_label(i, h)),
                    message,
                })
            };
            match parse_code_cell(h).and_then(|c| fw.entry(c)) {
                Some(Entry::OitItem(j)) if items.iter().any(|(_, k)| *k == j) => {
                    bad(format!("คอลัมน์ {h} ซ้ำ (column {h} appears twice)"))
                }
                Some(Entry::OitItem(j)) => items.push((i, j)),
                _ => bad(format!(
                    "\"{h}\" ไม่ใช่ข้อ OIT ของปี {}; ใช้ได้: {} (not an OIT item of {}; all codes: {})",
                    fw.fiscal_year,
                    codes.join(", "),
                    fw.fiscal_year,
                    describe_codes(fw)
                )),
            }
        }
        let missing: Vec<&str> = codes
            .iter()
            .enumerate()
            .filter(|(j, _)| !items.iter().any(|(_, k)| k == j))
            .map(|(_, c)| c.as_str())
            .collect();
        if !missing.is_empty() {
            let list = missing.join(", ");
            let message =
                format!("ไม่มีคอลัมน์ {list} — ทุกข้อ OIT ต้องมีคอลัมน์ (columns {list} are missing)");
            problems.push(Located {
                file: src.name.into(),
                row: Some(1),
                column: None,
                message,
            });
        }
        if problems.is_empty() {
            Ok(OitLayout {
                headers,
                start,
                agency,
                items,
            })
        } else {
            Err(ImportError(problems))
        }
    }
}

/// Each agency's OIT marks (1 present, 0 absent, [`UNSET`]) by item, and the row they came from (0: none).
#[derive(Debug)]
struct OitMarks {
    marks: Vec<u8>,
    rows: Vec<usize>,
    problems: Problems,
}

/// Reads `oit.csv` in one pass; it is small (a row per agency), so it is not split.
fn parse_oit(fw: &Framework, src: Source<'_>, layout: &OitLayout, agencies: &Agencies) -> OitMarks {
    let n_items = fw.oit_items.len();
    let n = agencies.ids.len();
    let mut out = OitMarks {
        marks: vec![UNSET; n * n_items],
        rows: vec![0; n],
        problems: Problems::default(),
    };
    let bytes = body(src.bytes);
    let mut rows = RowCounter::new(bytes);
    let mut resolver = Resolver::new(agencies);
    let mut cells = Vec::new();
    let label = |i: usize| {
        Some(column_label(
            i,
            layout.headers.get(i).map_or("", String::as_str),
        ))
    };
    each_line(
        bytes.get(layout.start..).unwrap_or_default(),
        layout.start,
        |offset, line| {
            let row = rows.row_at(offset);
            let p = &mut out.problems;
            if let Err(m) = split_line(line, &mut cells) {
                return p.push(offset, None, m.to_string());
            }
            if cells.len() != layout.headers.len() {
                let (got, want) = (cells.len(), layout.headers.len());
                return p.push(offset, None, format!("แถวนี้มี {got} ช่อง แต่หัวตารางมี {want} ช่อง (the row has {got} cells, the header {want})"));
            }
            let id = cells
                .get(layout.agency)
                .map(|c| c.trim_ascii())
                .unwrap_or_default();
            let Some(a) = resolver.resolve(id) else {
                let id = String::from_utf8_lossy(id);
                return p.push(offset, label(layout.agency), format!("ไม่พบหน่วยงาน \"{id}\" ใน agencies.csv (agency \"{id}\" is not in agencies.csv)"));
            };
            match out.rows.get_mut(a) {
                Some(first) if *first != 0 => {
                    let (first, id) = (*first, String::from_utf8_lossy(id));
                    return p.push(offset, label(layout.agency), format!("หน่วยงาน {id} มีแถว OIT ซ้ำกับแถว {first} (duplicate OIT row; the first is row {first})"));
                }
                Some(first) => *first = row,
                None => return,
            }
            for &(col, j) in &layout.items {
                let cell = cells.get(col).map(|c| c.trim_ascii()).unwrap_or_default();
                let mark = match cell {
                    b"1" => Some(1),
                    b"0" => Some(0),
                    _ => std::str::from_utf8(cell)
                        .ok()
                        .and_then(oit_mark)
                        .map(|v| u8::from(v > 0.0)),
                };
                match mark {
                Some(m) => {
                    if let Some(slot) = out.marks.get_mut(a * n_items + j) {
                        *slot = m;
                    }
                }
                None if cell.is_empty() => p.push(offset, label(col), "ช่องว่าง ใส่ 1 (มี) หรือ 0 (ไม่มี) (blank OIT cell; write 1 = present or 0 = absent)".into()),
                None => {
                    let text = String::from_utf8_lossy(cell);
                    p.push(offset, label(col), format!("\"{text}\" ไม่ใช่ มี/ไม่มี; ใช้ 1 หรือ 0 (an OIT mark is 1 = present or 0 = absent)"));
                }
            }
            }
        },
    );
    out
}

/// Everything parsed, ready to score agency by agency.
struct Tallies<'a> {
    fw: &'a Framework,
    files: &'a NationalFiles<'a>,
    agencies: &'a Agencies,
    iit: (&'a ResponseLayout, &'a Tally),
    eit: (&'a ResponseLayout, &'a Tally),
    oit: &'a OitMarks,
}

impl Tallies<'_> {
    /// Builds agency `a`'s sheet (question means, OIT 0/100) and scores it with the domain.
    fn score_one(&self, a: usize) -> Result<AgencyScore, Vec<Located>> {
        let fw = self.fw;
        let id = self.agencies.ids.get(a).map_or("", String::as_str);
        let mut sheet = ScoreSheet::new();
        let mut problems = Vec::new();
        for (src, (layout, tally)) in [(self.files.iit, self.iit), (self.files.eit, self.eit)] {
            let block = tally
                .counts
                .get(a * layout.stride..(a + 1) * layout.stride)
                .unwrap_or_default();
            for qc in &layout.questions {
                let counts = block
                    .get(qc.slot..qc.slot + qc.points.len())
                    .unwrap_or_default();
                let n: u32 = counts.iter().sum();
                if n == 0 {
                    continue;
                }
                // Counts × points in answer order: exact for whole-number points, like the row-by-row sum
                // of the general path, and independent of how the file was chunked.
                let sum: f64 = counts
                    .iter()
                    .zip(&qc.points)
                    .map(|(&c, &p)| f64::from(c) * p)
                    .sum();
                if let Err(e) = sheet.set(fw, qc.code, sum / f64::from(n)) {
                    problems.push(Located {
                        file: src.name.into(),
                        row: None,
                        column: layout.label(qc.column),
                        message: format!("หน่วยงาน {id}: {e}"),
                    });
                }
            }
        }
        let n_items = fw.oit_items.len();
        for (j, item) in fw.oit_items.iter().enumerate() {
            match self.oit.marks.get(a * n_items + j) {
                Some(&m) if m != UNSET => {
                    if let Err(e) = sheet.set(fw, item.code, if m == 1 { 100.0 } else { 0.0 }) {
                        problems.push(Located {
                            file: self.files.oit.name.into(),
                            row: None,
                            column: None,
                            message: format!("หน่วยงาน {id}: {e}"),
                        });
                    }
                }
                _ => {}
            }
        }
        match score(fw, &sheet) {
            Ok(result) if problems.is_empty() => Ok(AgencyScore {
                agency: id.to_string(),
                result,
            }),
            Ok(_) => Err(problems),
            Err(ScoreError::Missing(missing)) => {
                problems.extend(self.missing(a, id, &missing));
                Err(problems)
            }
            Err(e @ ScoreError::MissingPart { .. }) => {
                problems.push(Located {
                    file: String::new(),
                    row: self.agencies.rows.get(a).copied(),
                    column: None,
                    message: format!("หน่วยงาน {id}: {e}"),
                });
                Err(problems)
            }
        }
    }

    /// One located problem per file that lacks answers of agency `a`.
    fn missing(
        &self,
        a: usize,
        id: &str,
        missing: &[prongsai_domain::scoring::Missing],
    ) -> Vec<Located> {
        let row = self.agencies.rows.get(a).copied().unwrap_or(0);
        let present = |n: Option<&u32>| n.is_some_and(|&n| n > 0);
        let sources = [
            (
                ToolCode::Iit,
                self.files.iit,
                present(self.iit.1.respondents.get(a)),
            ),
            (
                ToolCode::Eit,
                self.files.eit,
                present(self.eit.1.respondents.get(a)),
            ),
            (
                ToolCode::Oit,
                self.files.oit,
                self.oit.rows.get(a).is_some_and(|&r| r > 0),
            ),
        ];
        let mut out = Vec::new();
        for (tool, src, has_rows) in sources {
            let lacks: Vec<String> = missing
                .iter()
                .filter(|m| {
                    self.fw
                        .indicator(m.indicator)
                        .is_some_and(|i| i.tool == tool)
                })
                .map(ToString::to_string)
                .collect();
            if lacks.is_empty() {
                continue;
            }
            let file = &src.name;
            let message = if has_rows {
                format!(
                    "หน่วยงาน {id} (agencies.csv แถว {row}): {}",
                    lacks.join("; ")
                )
            } else {
                format!(
                    "หน่วยงาน {id} (agencies.csv แถว {row}) ไม่มีแถวใน {file} (agency {id} has no rows in {file})"
                )
            };
            out.push(Located {
                file: src.name.to_string(),
                row: None,
                column: None,
                message,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use prongsai_domain::Catalog;
    use prongsai_domain::scoring::ResponseTally;

    use super::*;

    fn fw() -> Framework {
        Catalog::embedded()
            .unwrap()
            .framework(2568)
            .unwrap()
            .clone()
    }

    fn split(line: &str) -> Result<Vec<String>, &'static str> {
        let mut out = Vec::new();
        split_line(line.as_bytes(), &mut out)?;
        Ok(out
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect())
    }

    #[test]
    fn splits_plain_and_quoted_fields() {
        assert_eq!(split("A1,4,,2").unwrap(), ["A1", "4", "", "2"]);
        assert_eq!(split("A1,4,").unwrap(), ["A1", "4", ""]);
        assert_eq!(split("").unwrap(), [""]);
        assert_eq!(
            split(r#""A1","a,b","say ""hi""",3"#).unwrap(),
            ["A1", "a,b", r#"say "hi""#, "3"]
        );
        assert_eq!(split(r#"x,"""#).unwrap(), ["x", ""]);
    }

    #[test]
    fn rejects_quotes_it_cannot_read_safely() {
        assert!(
            split(r#"A1,"4,2"#).is_err(),
            "unterminated (a cell spanning lines)"
        );
        assert!(
            split(r#"A1,4"2,3"#).is_err(),
            "quote inside an unquoted cell"
        );
        assert!(
            split(r#"A1,"4"2,3"#).is_err(),
            "text after the closing quote"
        );
    }

    #[test]
    fn lines_drop_cr_blank_lines_and_need_no_final_newline() {
        let text = b"a,1\r\n\r\nb,2\n ,, \nc,3";
        let mut seen = Vec::new();
        each_line(text, 100, |off, line| {
            seen.push((off, String::from_utf8_lossy(line).into_owned()))
        });
        assert_eq!(
            seen,
            [
                (100, "a,1".to_string()),
                (107, "b,2".to_string()),
                (116, "c,3".to_string())
            ]
        );
    }

    #[test]
    fn chunks_cover_the_file_and_end_at_newlines() {
        let text: String = (0..100_000).map(|i| format!("A{i},4\n")).collect();
        let bytes = text.as_bytes();
        let parts = chunks(bytes, 10, 8);
        assert!(parts.len() > 1);
        let mut next = 10;
        for (start, part) in &parts {
            assert_eq!(*start, next);
            assert!(part.ends_with(b"\n"));
            next += part.len();
        }
        assert_eq!(next, bytes.len());
    }

    /// A small national directory of 2568 with two agencies whose rows are interleaved.
    struct Dir {
        agencies: String,
        iit: String,
        eit: String,
        oit: String,
    }

    impl Dir {
        fn files(&self) -> NationalFiles<'_> {
            NationalFiles {
                agencies: Source {
                    name: "agencies.csv",
                    bytes: self.agencies.as_bytes(),
                },
                iit: Source {
                    name: "iit.csv",
                    bytes: self.iit.as_bytes(),
                },
                eit: Source {
                    name: "eit.csv",
                    bytes: self.eit.as_bytes(),
                },
                oit: Source {
                    name: "oit.csv",
                    bytes: self.oit.as_bytes(),
                },
            }
        }
    }

    fn tool_codes(fw: &Framework, tool: ToolCode) -> Vec<(Code, usize)> {
        fw.questions
            .iter()
            .filter(|q| fw.indicator(q.indicator).unwrap().tool == tool)
            .map(|q| (q.code, fw.scales[q.scale].answers.len()))
            .collect()
    }

    fn survey(fw: &Framework, tool: ToolCode, rows: usize) -> String {
        let qs = tool_codes(fw, tool);
        let mut s = String::from("agency");
        qs.iter().for_each(|(c, _)| write!(s, ",{c}").unwrap());
        s.push('\n');
        for r in 0..rows {
            s.push_str(if r % 2 == 0 { "A1" } else { "A2" });
            for (k, (_, levels)) in qs.iter().enumerate() {
                s.push(',');
                // A few blanks, never in the first rows, so every question keeps an answer.
                if r < 2 || (r + k) % 11 != 0 {
                    write!(s, "{}", 1 + (r * 7 + k * 3) % levels).unwrap();
                }
            }
            s.push('\n');
        }
        s
    }

    fn small(fw: &Framework) -> Dir {
        let items: Vec<String> = fw.oit_items.iter().map(|o| o.code.to_string()).collect();
        let a1: String = (0..items.len())
            .map(|j| if j == 2 { ",0" } else { ",1" })
            .collect();
        let a2: String = items.iter().map(|_| ",1").collect();
        Dir {
            agencies: "agency,name,kind,province\nA1,อบต.หนองแก้ว,อบต.,ขอนแก่น\nA2,\"เทศบาลตำบลท่าทอง, ใหม่\",เทศบาลตำบล,ตาก\n".into(),
            iit: survey(fw, ToolCode::Iit, 12),
            eit: survey(fw, ToolCode::Eit, 20),
            oit: format!("agency,{}\nA1{a1}\nA2{a2}\n", items.join(",")),
        }
    }

    /// The general path: the domain's tally row by row, for one agency.
    fn expected(fw: &Framework, dir: &Dir, agency: &str) -> ScoreResult {
        let mut sheet = ScoreSheet::new();
        for text in [&dir.iit, &dir.eit] {
            let mut lines = text.lines();
            let header: Vec<&str> = lines.next().unwrap().split(',').collect();
            let mut tally = ResponseTally::new();
            for line in lines.filter(|l| l.starts_with(&format!("{agency},"))) {
                for (h, cell) in header.iter().zip(line.split(',')).skip(1) {
                    tally.add(fw, h.parse().unwrap(), cell).unwrap();
                }
            }
            tally.into_sheet(fw, &mut sheet).unwrap();
        }
        let mut lines = dir.oit.lines();
        let header: Vec<&str> = lines.next().unwrap().split(',').collect();
        let line = lines
            .find(|l| l.starts_with(&format!("{agency},")))
            .unwrap();
        for (h, cell) in header.iter().zip(line.split(',')).skip(1) {
            sheet
                .set(fw, h.parse().unwrap(), oit_mark(cell).unwrap())
                .unwrap();
        }
        score(fw, &sheet).unwrap()
    }

    fn errors(fw: &Framework, dir: &Dir) -> Vec<Located> {
        score_national(fw, &dir.files()).unwrap_err().0
    }

    #[test]
    fn equals_the_general_path_for_every_agency() {
        let fw = fw();
        let dir = small(&fw);
        let scores = score_national(&fw, &dir.files()).unwrap();
        assert_eq!(
            scores.iter().map(|s| s.agency.as_str()).collect::<Vec<_>>(),
            ["A1", "A2"]
        );
        for s in &scores {
            assert_eq!(
                format!("{:?}", s.result),
                format!("{:?}", expected(&fw, &dir, &s.agency)),
                "{}",
                s.agency
            );
        }
    }

    #[test]
    fn crlf_quotes_bom_empty_rows_and_a_missing_final_newline_read_the_same() {
        let fw = fw();
        let plain = small(&fw);
        let mut odd = small(&fw);
        odd.iit = format!("\u{feff}{}", odd.iit.replace('\n', "\r\n").trim_end());
        odd.oit.push_str(",,,\n");
        odd.agencies.push_str(" , ,\n");
        odd.eit = odd
            .eit
            .replacen("\nA1,", "\n\"A1\",", 3)
            .replacen("\nA2,", "\n  A2 ,", 2)
            + ",,,,\n\n";
        let a = score_national(&fw, &plain.files()).unwrap();
        let b = score_national(&fw, &odd.files()).unwrap();
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }

    /// The same rows grouped by agency, as generated files are (the fast same-agency path).
    fn grouped(text: &str) -> String {
        let mut lines = text.lines();
        let header = lines.next().unwrap();
        let (a1, a2): (Vec<&str>, Vec<&str>) = lines.partition(|l| l.starts_with("A1,"));
        let mut out = format!("{header}\n");
        for l in a1.iter().chain(&a2) {
            out.push_str(l);
            out.push('\n');
        }
        out
    }

    #[test]
    fn grouped_rows_and_crlf_count_the_same() {
        let fw = fw();
        let plain = small(&fw);
        let mut odd = small(&fw);
        odd.iit = grouped(&odd.iit).replace('\n', "\r\n");
        odd.eit = grouped(&odd.eit);
        let a = score_national(&fw, &plain.files()).unwrap();
        let b = score_national(&fw, &odd.files()).unwrap();
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
        // Bad cells inside a run of one agency are still found and placed.
        let mut lines: Vec<String> = odd.eit.lines().map(String::from).collect();
        let mut set = |row: usize, col: usize, text: &str| {
            let mut cells: Vec<&str> = lines[row - 1].split(',').collect();
            cells[col] = text;
            lines[row - 1] = cells.join(",");
        };
        set(4, 3, "5");
        set(5, 1, "x");
        odd.eit = lines.join("\n");
        let e = errors(&fw, &odd);
        let rows: Vec<_> = e.iter().map(|l| (l.row, l.column.clone())).collect();
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(rows[0], (Some(4), Some("D (e3)".to_string())), "{e:?}");
        assert_eq!(rows[1], (Some(5), Some("B (e1)".to_string())), "{e:?}");
    }

    #[test]
    fn a_bad_cell_is_located_by_row_and_column() {
        let fw = fw();
        let mut dir = small(&fw);
        let mut lines: Vec<String> = dir.iit.lines().map(String::from).collect();
        lines[4] = lines[4].replacen(",", ",7x,", 1).replacen(",7x,", ",7,", 1);
        // Row 5 is now "A1,7,<old i1>,…": one cell too many, and 7 is not a level of i1.
        dir.iit = lines.join("\n");
        let e = errors(&fw, &dir);
        assert!(
            e.iter().any(|l| l.file == "iit.csv"
                && l.row == Some(5)
                && l.column.as_deref() == Some("B (i1)")
                && l.message.contains("\"7\"")),
            "{e:?}"
        );
        assert!(
            e.iter()
                .any(|l| l.row == Some(5) && l.message.contains("17 ช่อง")),
            "{e:?}"
        );
    }

    #[test]
    fn rows_are_right_across_parallel_chunks() {
        let fw = fw();
        let mut dir = small(&fw);
        dir.eit = survey(&fw, ToolCode::Eit, 60_000);
        assert!(dir.eit.len() > 4 << 18, "several chunks");
        let mut lines: Vec<String> = dir.eit.lines().map(String::from).collect();
        for row in [40_000usize, 59_990] {
            lines[row - 1] = lines[row - 1].replacen("A", "B", 1);
        }
        lines.insert(30_000, String::new()); // a blank line still counts as a row
        dir.eit = lines.join("\n");
        let e = errors(&fw, &dir);
        let rows: Vec<Option<usize>> = e.iter().map(|l| l.row).collect();
        assert_eq!(rows, [Some(40_001), Some(59_991)], "{e:?}");
        assert!(
            e[0].message.contains("B1") || e[0].message.contains("B2"),
            "{e:?}"
        );
        assert_eq!(e[0].column.as_deref(), Some("A (agency)"));
    }

    #[test]
    fn header_problems_are_all_listed() {
        let fw = fw();
        let mut dir = small(&fw);
        dir.iit = dir.iit.replacen("i2,", "x2,", 1);
        dir.eit = dir.eit.replacen("e1,", "i1,", 1);
        dir.oit = dir.oit.replacen(",O2,", ",O1,", 1);
        let e = errors(&fw, &dir);
        let text = ImportError(e.clone()).to_string();
        assert!(e.iter().all(|l| l.row == Some(1)), "{text}");
        for needle in [
            "\"x2\"",
            "i2",
            "i1 ไม่ใช่ข้อคำถาม EIT",
            "e1",
            "คอลัมน์ O1 ซ้ำ",
            "O2",
        ] {
            assert!(text.contains(needle), "{needle} in {text}");
        }
    }

    #[test]
    fn unknown_agencies_and_duplicate_oit_rows_are_errors() {
        let fw = fw();
        let mut dir = small(&fw);
        let extra = dir.oit.lines().nth(1).unwrap().to_string();
        dir.oit.push_str(&extra);
        dir.oit.push('\n');
        dir.oit.push_str(&extra.replacen("A1", "A9", 1));
        let e = errors(&fw, &dir);
        assert_eq!(e.len(), 2, "{e:?}");
        assert_eq!(
            (e[0].row, e[0].message.contains("แถว 2")),
            (Some(4), true),
            "{e:?}"
        );
        assert_eq!(e[1].row, Some(5));
        assert!(e[1].message.contains("\"A9\""));
    }

    #[test]
    fn an_agency_without_answers_gets_the_domain_missing_error() {
        let fw = fw();
        let mut dir = small(&fw);
        dir.agencies.push_str("A3,ใหม่,อบต.,ตาก\n");
        // A3 answers only i1 in one row and has an OIT row.
        let n = tool_codes(&fw, ToolCode::Iit).len();
        dir.iit.push_str(&format!("A3,4{}\n", ",".repeat(n - 1)));
        let oit_a2 = dir.oit.lines().last().unwrap().replacen("A2", "A3", 1);
        dir.oit.push_str(&oit_a2);
        let e = errors(&fw, &dir);
        let text = ImportError(e.clone()).to_string();
        assert_eq!(e.len(), 2, "{text}");
        assert!(
            e[0].file == "iit.csv" && e[0].message.contains("A3") && e[0].message.contains("i2"),
            "{text}"
        );
        assert!(
            e[0].message.contains("แถว 4"),
            "agencies.csv row of A3: {text}"
        );
        assert!(
            e[1].file == "eit.csv" && e[1].message.contains("no rows in eit.csv"),
            "{text}"
        );
    }

    #[test]
    fn agencies_need_unique_ids() {
        let fw = fw();
        let mut dir = small(&fw);
        dir.agencies.push_str("A1,again,อบต.,ตาก\n");
        let e = errors(&fw, &dir);
        assert_eq!((e[0].file.as_str(), e[0].row), ("agencies.csv", Some(4)));
        assert!(e[0].message.contains("แถว 2"));
    }

    #[test]
    fn labels_and_padded_levels_take_the_general_rules() {
        let fw = fw();
        let plain = small(&fw);
        let mut odd = small(&fw);
        let first = odd.iit.lines().nth(1).unwrap().to_string();
        let label = first
            .replacen("A1,4,", "A1, มากที่สุด ,", 1)
            .replacen("A1,3,", "A1,มาก,", 1);
        odd.iit = odd
            .iit
            .replacen(&first, &label.replacen("A1,1,", "A1, 1,", 1), 1);
        let a = score_national(&fw, &plain.files()).unwrap();
        let b = score_national(&fw, &odd.files()).unwrap();
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
}
