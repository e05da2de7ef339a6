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
use prongsai_domain::scoring::{AnswerError, ScoreError, ScoreResult, ScoreSheet, allowed_answers, answer_index, oit_mark, score};
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
pub fn score_national(fw: &Framework, files: &NationalFiles<'_>) -> Result<Vec<AgencyScore>, ImportError> {
    let agencies = parse_agencies(files.agencies)?;
    let iit_layout = ResponseLayout::new(fw, files.iit, ToolCode::Iit)?;
    let eit_layout = ResponseLayout::new(fw, files.eit, ToolCode::Eit)?;
    let oit_layout = OitLayout::new(fw, files.oit)?;
    let (iit, eit) = rayon::join(|| tally(fw, files.iit, &iit_layout, &agencies), || tally(fw, files.eit, &eit_layout, &agencies));
    let oit = parse_oit(fw, files.oit, &oit_layout, &agencies);
    let mut located = Vec::new();
    let mut total = 0;
    for (src, problems) in [(files.iit, &iit.problems), (files.eit, &eit.problems), (files.oit, &oit.problems)] {
        total += problems.total;
        located.extend(problems.locate(src));
    }
    if !located.is_empty() {
        return Err(capped(located, total));
    }
    let ctx = Tallies { fw, files, agencies: &agencies, iit: (&iit_layout, &iit), eit: (&eit_layout, &eit), oit: &oit };
    let results: Vec<Result<AgencyScore, Vec<Located>>> = (0..agencies.ids.len()).into_par_iter().map(|a| ctx.score_one(a)).collect();
    let mut scores = Vec::with_capacity(results.len());
    let (mut located, mut total) = (Vec::new(), 0);
    for r in results {
        match r {
            Ok(s) => scores.push(s),
            Err(list) => {
                total += list.len();
                located.extend(list.into_iter().take(MAX_LISTED.saturating_sub(located.len())));
            }
        }
    }
    if located.is_empty() { Ok(scores) } else { Err(capped(located, total)) }
}

/// Problems with a note on how many more were not listed.
fn capped(mut located: Vec<Located>, total: usize) -> ImportError {
    located.truncate(MAX_LISTED);
    if total > located.len() {
        let n = total - located.len();
        let file = located.first().map(|l| l.file.clone()).unwrap_or_default();
        located.push(Located { file, row: None, column: None, message: format!("และอีก {n} ปัญหาที่ไม่ได้แสดง ({n} more problems not shown)") });
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
            self.list.push(Problem { offset, column, message });
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
            .map(|p| Located { file: src.name.to_string(), row: Some(rows.row_at(p.offset)), column: p.column.clone(), message: p.message.clone() })
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
                    None => return Err("เครื่องหมายคำพูดไม่ปิดในบรรทัดนี้ (unterminated quote; a quoted cell may not span lines)"),
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

/// Calls `f(offset, line)` for each non-blank line of `chunk`, whose first byte is at `base` in the file.
fn each_line<'a>(chunk: &'a [u8], base: usize, mut f: impl FnMut(usize, &'a [u8])) {
    let mut start = 0;
    for end in memchr_iter(b'\n', chunk).chain(std::iter::once(chunk.len())) {
        if end < start {
            continue;
        }
        let line = chunk.get(start..end).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if !line.trim_ascii().is_empty() {
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
        return Err(ImportError::file(src.name, format!("ไฟล์ว่างหรือไม่มีหัวตาราง ต้องเริ่มด้วย {what} (empty file or no header; expected {what})")));
    }
    let mut cells = Vec::new();
    split_line(line, &mut cells).map_err(|m| located(src, 1, None, m.to_string()))?;
    let headers = cells.iter().map(|c| String::from_utf8_lossy(c).trim().to_string()).collect();
    Ok((headers, (end + 1).min(bytes.len())))
}

fn located(src: Source<'_>, row: usize, column: Option<String>, message: String) -> ImportError {
    ImportError(vec![Located { file: src.name.to_string(), row: Some(row), column, message }])
}

fn is_one_of(h: &str, names: &[&str]) -> bool {
    names.iter().any(|n| h.eq_ignore_ascii_case(n))
}

/// The column holding agency ids, or a header error.
fn agency_column(src: Source<'_>, headers: &[String]) -> Result<usize, ImportError> {
    headers.iter().position(|h| is_one_of(h, AGENCY_HEADERS)).ok_or_else(|| {
        located(src, 1, None, format!("ไม่มีคอลัมน์ agency ในหัวตาราง \"{}\" (no agency column in the header)", headers.join(",")))
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
        RowCounter { bytes, pos: 0, row: 1 }
    }

    /// The 1-based row of `offset`; offsets must come in ascending order.
    fn row_at(&mut self, offset: usize) -> usize {
        self.row += self.bytes.get(self.pos..offset).map_or(0, |s| memchr_iter(b'\n', s).count());
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
    let mut ag = Agencies { ids: Vec::new(), rows: Vec::new(), index: HashMap::new() };
    let mut problems = Problems::default();
    let mut rows = RowCounter::new(bytes);
    let mut cells = Vec::new();
    let label = || Some(column_label(col, headers.get(col).map_or("", String::as_str)));
    each_line(bytes.get(start..).unwrap_or_default(), start, |offset, line| {
        let row = rows.row_at(offset);
        if let Err(m) = split_line(line, &mut cells) {
            return problems.push(offset, None, m.to_string());
        }
        let id = cells.get(col).map(|c| c.trim_ascii()).unwrap_or_default();
        let Ok(text) = std::str::from_utf8(id) else {
            return problems.push(offset, label(), "รหัสหน่วยงานไม่ใช่ UTF-8 (agency id is not UTF-8)".into());
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
    });
    if problems.total > 0 {
        return Err(capped(problems.locate(src), problems.total));
    }
    if ag.ids.is_empty() {
        return Err(ImportError::file(src.name, "ไม่มีหน่วยงานในไฟล์ (no agencies in the file)"));
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
        Resolver { agencies, last_id: Vec::new(), last: None }
    }

    fn resolve(&mut self, id: &[u8]) -> Option<usize> {
        if self.last.is_some() && self.last_id == id {
            return self.last;
        }
        let found = self.agencies.index.get(id).map(|&i| i as usize);
        if found.is_some() {
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
    /// Points of each answer index with reverse scoring applied, from `Framework::points`.
    points: Vec<f64>,
}

impl QuestionColumn {
    /// The answer index of a non-blank cell: plain level digits via the table, anything else via the domain.
    fn answer(&self, fw: &Framework, cell: &[u8]) -> Option<usize> {
        if cell.len() <= 3 && cell.iter().all(u8::is_ascii_digit) {
            let level = cell.iter().fold(0usize, |n, d| n * 10 + usize::from(*d - b'0'));
            return self.levels.get(level).copied().filter(|&i| i != NO_LEVEL).map(usize::from);
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
    /// Count slots per agency (the sum of the questions' answer counts).
    stride: usize,
}

impl ResponseLayout {
    fn new(fw: &Framework, src: Source<'_>, tool: ToolCode) -> Result<Self, ImportError> {
        let of_tool = |qi: usize| {
            fw.questions.get(qi).and_then(|q| fw.indicator(q.indicator)).is_some_and(|i| i.tool == tool)
        };
        let codes: Vec<String> =
            fw.questions.iter().enumerate().filter(|(qi, _)| of_tool(*qi)).map(|(_, q)| q.code.to_string()).collect();
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
            let mut bad = |message: String| problems.push(Located { file: src.name.into(), row: Some(1), column: Some(column_label(i, h)), message });
            let found = parse_code_cell(h).and_then(|c| match fw.entry(c) {
                Some(Entry::Question(qi)) => fw.questions.get(qi).map(|q| (c, qi, q)),
                _ => None,
            });
            let Some((code, qi, q)) = found else {
                bad(format!("\"{h}\" ไม่ใช่ข้อคำถาม {t} ของปี {year}; ใช้ได้: {} (not a {t} question of {year})", codes.join(", ")));
                continue;
            };
            if !of_tool(qi) {
                bad(format!("{code} ไม่ใช่ข้อคำถาม {t} ให้ย้ายไปไฟล์ของเครื่องมือนั้น ({code} is not a {t} question; it belongs in the other survey file)"));
                continue;
            }
            if questions.iter().any(|c| c.code == code) {
                bad(format!("คอลัมน์ {code} ซ้ำ (column {code} appears twice)"));
                continue;
            }
            let answers = fw.scales.get(q.scale).map(|s| s.answers.as_slice()).unwrap_or_default();
            let mut levels = vec![NO_LEVEL; answers.iter().map(|a| usize::from(a.level) + 1).max().unwrap_or(0)];
            for (idx, a) in answers.iter().enumerate() {
                if let Some(slot) = levels.get_mut(usize::from(a.level)) {
                    *slot = u8::try_from(idx).unwrap_or(NO_LEVEL);
                }
            }
            let Some(points) = (0..answers.len()).map(|idx| fw.points(q, idx)).collect::<Option<Vec<f64>>>() else {
                bad(format!("มาตรวัดของ {code} เสีย (the scale of {code} is broken)"));
                continue;
            };
            questions.push(QuestionColumn { column: i, question: qi, code, slot: stride, levels, points });
            stride += answers.len();
        }
        let missing: Vec<&str> =
            codes.iter().map(String::as_str).filter(|c| !questions.iter().any(|q| q.code.to_string() == *c)).collect();
        if !missing.is_empty() {
            let list = missing.join(", ");
            problems.push(Located {
                file: src.name.into(),
                row: Some(1),
                column: None,
                message: format!("ไม่มีคอลัมน์ {list} — ทุกข้อคำถาม {t} ต้องมีคอลัมน์ (columns {list} are missing)"),
            });
        }
        if problems.is_empty() { Ok(ResponseLayout { headers, start, agency, questions, stride }) } else { Err(ImportError(problems)) }
    }

    fn label(&self, column: usize) -> Option<String> {
        Some(column_label(column, self.headers.get(column).map_or("", String::as_str)))
    }
}

/// Answer counts per agency × question × answer, and rows per agency, of one file or chunk.
#[derive(Debug)]
struct Tally {
    counts: Vec<u32>,
    respondents: Vec<u32>,
    problems: Problems,
}

impl Tally {
    fn new(agencies: usize, stride: usize) -> Self {
        Tally { counts: vec![0; agencies * stride], respondents: vec![0; agencies], problems: Problems::default() }
    }

    /// Adds another chunk's counts; integer counts make the merge order irrelevant.
    fn merge(mut self, other: Tally) -> Tally {
        self.counts.iter_mut().zip(&other.counts).for_each(|(a, b)| *a += b);
        self.respondents.iter_mut().zip(&other.respondents).for_each(|(a, b)| *a += b);
        self.problems.merge(other.problems);
        self
    }
}

/// Splits `bytes[start..]` into about `n` pieces that end at newlines, each with its offset.
fn chunks(bytes: &[u8], start: usize, n: usize) -> Vec<(usize, &[u8])> {
    let len = bytes.len();
    // Small pieces cost more in merging (a count array each) than they win in balance.
    let step = (len.saturating_sub(start) / n.max(1)).max(1 << 18);
    let mut out = Vec::new();
    let mut s = start;
    while s < len {
        let target = s.saturating_add(step).min(len);
        let end = bytes.get(target..).and_then(|rest| memchr(b'\n', rest)).map_or(len, |i| target + i + 1);
        out.push((s, bytes.get(s..end).unwrap_or_default()));
        s = end;
    }
    out
}

/// Counts every answer of a survey file, in parallel chunks.
fn tally(fw: &Framework, src: Source<'_>, layout: &ResponseLayout, agencies: &Agencies) -> Tally {
    let bytes = body(src.bytes);
    let n = agencies.ids.len();
    chunks(bytes, layout.start, rayon::current_num_threads() * 4)
        .into_par_iter()
        .map(|(base, chunk)| {
            let mut t = Tally::new(n, layout.stride);
            let mut resolver = Resolver::new(agencies);
            let mut cells = Vec::with_capacity(layout.headers.len());
            each_line(chunk, base, |offset, line| response_line(fw, layout, &mut resolver, &mut cells, &mut t, offset, line));
            t
        })
        .reduce_with(Tally::merge)
        .unwrap_or_else(|| Tally::new(n, layout.stride))
}

fn response_line<'a>(
    fw: &Framework,
    layout: &ResponseLayout,
    resolver: &mut Resolver<'_>,
    cells: &mut Vec<Cow<'a, [u8]>>,
    t: &mut Tally,
    offset: usize,
    line: &'a [u8],
) {
    if let Err(m) = split_line(line, cells) {
        return t.problems.push(offset, None, m.to_string());
    }
    if cells.len() != layout.headers.len() {
        let (got, want) = (cells.len(), layout.headers.len());
        return t.problems.push(offset, None, format!("แถวนี้มี {got} ช่อง แต่หัวตารางมี {want} ช่อง (the row has {got} cells, the header {want})"));
    }
    let id = cells.get(layout.agency).map(|c| c.trim_ascii()).unwrap_or_default();
    let Some(a) = resolver.resolve(id) else {
        let id = String::from_utf8_lossy(id);
        let msg = format!("ไม่พบหน่วยงาน \"{id}\" ใน agencies.csv (agency \"{id}\" is not in agencies.csv)");
        return t.problems.push(offset, layout.label(layout.agency), msg);
    };
    if let Some(r) = t.respondents.get_mut(a) {
        *r += 1;
    }
    let base = a * layout.stride;
    for qc in &layout.questions {
        let cell = cells.get(qc.column).map(|c| c.trim_ascii()).unwrap_or_default();
        if cell.is_empty() {
            continue;
        }
        match qc.answer(fw, cell) {
            Some(idx) => {
                if let Some(c) = t.counts.get_mut(base + qc.slot + idx) {
                    *c += 1;
                }
            }
            None => {
                let allowed = fw.questions.get(qc.question).map(|q| allowed_answers(fw, q)).unwrap_or_default();
                let e = AnswerError::UnknownAnswer { code: qc.code, answer: String::from_utf8_lossy(cell).into_owned(), allowed };
                t.problems.push(offset, layout.label(qc.column), e.to_string());
            }
        }
    }
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
            let mut bad = |message: String| problems.push(Located { file: src.name.into(), row: Some(1), column: Some(column_label(i, h)), message });
            match parse_code_cell(h).and_then(|c| fw.entry(c)) {
                Some(Entry::OitItem(j)) if items.iter().any(|(_, k)| *k == j) => bad(format!("คอลัมน์ {h} ซ้ำ (column {h} appears twice)")),
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
            let message = format!("ไม่มีคอลัมน์ {list} — ทุกข้อ OIT ต้องมีคอลัมน์ (columns {list} are missing)");
            problems.push(Located { file: src.name.into(), row: Some(1), column: None, message });
        }
        if problems.is_empty() { Ok(OitLayout { headers, start, agency, items }) } else { Err(ImportError(problems)) }
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
    let mut out = OitMarks { marks: vec![UNSET; n * n_items], rows: vec![0; n], problems: Problems::default() };
    let bytes = body(src.bytes);
    let mut rows = RowCounter::new(bytes);
    let mut resolver = Resolver::new(agencies);
    let mut cells = Vec::new();
    let label = |i: usize| Some(column_label(i, layout.headers.get(i).map_or("", String::as_str)));
    each_line(bytes.get(layout.start..).unwrap_or_default(), layout.start, |offset, line| {
        let row = rows.row_at(offset);
        let p = &mut out.problems;
        if let Err(m) = split_line(line, &mut cells) {
            return p.push(offset, None, m.to_string());
        }
        if cells.len() != layout.headers.len() {
            let (got, want) = (cells.len(), layout.headers.len());
            return p.push(offset, None, format!("แถวนี้มี {got} ช่อง แต่หัวตารางมี {want} ช่อง (the row has {got} cells, the header {want})"));
        }
        let id = cells.get(layout.agency).map(|c| c.trim_ascii()).unwrap_or_default();
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
                _ => std::str::from_utf8(cell).ok().and_then(oit_mark).map(|v| u8::from(v > 0.0)),
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
    });
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
            let block = tally.counts.get(a * layout.stride..(a + 1) * layout.stride).unwrap_or_default();
            for qc in &layout.questions {
                let counts = block.get(qc.slot..qc.slot + qc.points.len()).unwrap_or_default();
                let n: u32 = counts.iter().sum();
                if n == 0 {
                    continue;
                }
                // Counts × points in answer order: exact for whole-number points, like the row-by-row sum
                // of the general path, and independent of how the file was chunked.
                let sum: f64 = counts.iter().zip(&qc.points).map(|(&c, &p)| f64::from(c) * p).sum();
                if let Err(e) = sheet.set(fw, qc.code, sum / f64::from(n)) {
                    problems.push(Located { file: src.name.into(), row: None, column: layout.label(qc.column), message: format!("หน่วยงาน {id}: {e}") });
                }
            }
        }
        let n_items = fw.oit_items.len();
        for (j, item) in fw.oit_items.iter().enumerate() {
            match self.oit.marks.get(a * n_items + j) {
                Some(&m) if m != UNSET => {
                    if let Err(e) = sheet.set(fw, item.code, if m == 1 { 100.0 } else { 0.0 }) {
                        problems.push(Located { file: self.files.oit.name.into(), row: None, column: None, message: format!("หน่วยงาน {id}: {e}") });
                    }
                }
                _ => {}
            }
        }
        match score(fw, &sheet) {
            Ok(result) if problems.is_empty() => Ok(AgencyScore { agency: id.to_string(), result }),
            Ok(_) => Err(problems),
            Err(ScoreError::Missing(missing)) => {
                problems.extend(self.missing(a, id, &missing));
                Err(problems)
            }
        }
    }

    /// One located problem per file that lacks answers of agency `a`.
    fn missing(&self, a: usize, id: &str, missing: &[prongsai_domain::scoring::Missing]) -> Vec<Located> {
        let row = self.agencies.rows.get(a).copied().unwrap_or(0);
        let present = |n: Option<&u32>| n.is_some_and(|&n| n > 0);
        let sources = [
            (ToolCode::Iit, self.files.iit, present(self.iit.1.respondents.get(a))),
            (ToolCode::Eit, self.files.eit, present(self.eit.1.respondents.get(a))),
            (ToolCode::Oit, self.files.oit, self.oit.rows.get(a).is_some_and(|&r| r > 0)),
        ];
        let mut out = Vec::new();
        for (tool, src, has_rows) in sources {
            let lacks: Vec<String> = missing
                .iter()
                .filter(|m| self.fw.indicator(m.indicator).is_some_and(|i| i.tool == tool))
                .map(ToString::to_string)
                .collect();
            if lacks.is_empty() {
                continue;
            }
            let file = &src.name;
            let message = if has_rows {
                format!("หน่วยงาน {id} (agencies.csv แถว {row}): {}", lacks.join("; "))
            } else {
                format!("หน่วยงาน {id} (agencies.csv แถว {row}) ไม่มีแถวใน {file} (agency {id} has no rows in {file})")
            };
            out.push(Located { file: src.name.to_string(), row: None, column: None, message });
        }
        out
    }
}
