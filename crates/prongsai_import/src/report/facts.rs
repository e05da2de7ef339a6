//! Header facts of a document: title, agency name, district, province and fiscal year.

use prongsai_domain::document::{Agency, Warning};
use prongsai_domain::thai::{FiscalYear, digit_value};

use super::block::Block;
use super::clean::cell_text;
use super::thai::join_wrapped;

/// How agency names begin, longest first so "องค์การบริหารส่วนตำบล" wins over shorter forms.
/// The misspellings are as printed in real documents.
const AGENCY_PREFIXES: &[&str] = &[
    "องค์การบริหารส่วนจังหวัด",
    "องค์การบริหารส่วนตำบล",
    "องค์กรบริหารส่วนตำบล",
    "องค์การบริหารตำบล",
    "กรุงเทพมหานคร",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "เมืองพัทยา",
];

/// Longest place name read (a run of letters longer than this is cut).
const MAX_NAME_CHARS: usize = 60;
/// Agency names collected at most (only the first and the first different one are used).
const MAX_NAMES: usize = 100;

/// What the header of a document says.
#[derive(Debug, Default)]
pub struct Facts {
    /// The first block of lines, joined.
    pub title: String,
    /// Indexes (into the block list) of the title's blocks.
    pub title_blocks: Vec<usize>,
    /// Agency, district, province.
    pub agency: Agency,
    /// Fiscal year.
    pub fiscal_year: Option<FiscalYear>,
    /// Inconsistencies found (the agency named differently).
    pub warnings: Vec<Warning>,
}

/// Reads the title (first run of text lines), then the agency and year from the text before
/// the first table row, falling back to all prose for the year.
pub fn header_facts(blocks: &[Block]) -> Facts {
    let mut facts = Facts::default();
    let mut title = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        match b {
            Block::Blank | Block::Furniture { .. } if title.is_empty() => {}
            Block::Text { text, .. } => {
                title.push(cell_text(text));
                facts.title_blocks.push(i);
            }
            _ => break,
        }
    }
    for line in &title {
        join_wrapped(&mut facts.title, line);
    }

    let texts: Vec<(usize, String)> = blocks
        .iter()
        .filter_map(|b| match b {
            Block::Text { line, text } => Some((*line, cell_text(text))),
            _ => None,
        })
        .collect();
    let first_row = blocks
        .iter()
        .find_map(|b| match b {
            Block::Row { line, .. } => Some(*line),
            _ => None,
        })
        .unwrap_or(usize::MAX);
    let preamble: Vec<&(usize, String)> = texts.iter().filter(|(l, _)| *l < first_row).collect();

    facts.fiscal_year = preamble
        .iter()
        .copied()
        .chain(texts.iter())
        .find_map(|(_, t)| fiscal_year_in(t));

    let names = agency_names(&texts);
    let preamble_name = names.iter().find(|(l, _)| *l < first_row).or(names.first());
    if let Some((line, name)) = preamble_name {
        facts.agency.name = Some(name.clone());
        let place = place_of(name);
        if let Some((other_line, other)) = names.iter().find(|(_, n)| place_of(n) != place) {
            facts.warnings.push(Warning {
                line: Some(*other_line),
                message: format!(
                    "ชื่อหน่วยงานไม่ตรงกัน: บรรทัด {line} \"{name}\" แต่บรรทัด {other_line} \"{other}\" — ใช้ชื่อแรก (the agency is named differently on lines {line} and {other_line}; the first is used)"
                ),
            });
        }
    }
    let words = |word: &str| {
        preamble
            .iter()
            .copied()
            .chain(texts.iter())
            .find_map(|(_, t)| word_after(t, word))
    };
    facts.agency.district = words("อำเภอ");
    facts.agency.province = words("จังหวัด");
    facts
}

/// The place part of an agency name ("องค์การบริหารส่วนตำบลลำภูรา" → "ลำภูรา").
fn place_of(name: &str) -> &str {
    AGENCY_PREFIXES
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name)
}

/// Every agency name in the prose with its line. A name is read to the first blank; a prefix
/// broken over two adjacent lines ("…องค์กรบริหารส่วน" / "ตำบลหนองกะปุ …") is read across the break.
fn agency_names(texts: &[(usize, String)]) -> Vec<(usize, String)> {
    let mut names = Vec::new();
    for (k, (line, text)) in texts.iter().enumerate() {
        let next = texts
            .get(k + 1)
            .filter(|(l, _)| *l == line + 1)
            .map_or("", |(_, t)| t.as_str());
        let joined = format!("{text}{next}");
        // Every prefix found once per pass (linear), earliest first, the longest at a position.
        let mut hits: Vec<(usize, &str)> = AGENCY_PREFIXES
            .iter()
            .flat_map(|p| joined.match_indices(p))
            .filter(|(at, _)| *at < text.len())
            .collect();
        hits.sort_by_key(|&(at, p)| (at, usize::MAX - p.len()));
        let mut from = 0;
        for (start, prefix) in hits {
            if start < from {
                continue;
            }
            let end = start + prefix.len();
            // Past the end of this line only when the prefix itself is broken over the lines.
            let source = if end > text.len() {
                joined.as_str()
            } else {
                text.as_str()
            };
            let after = source.get(end..).unwrap_or_default();
            let place: String = after
                .chars()
                .take_while(|c| is_name_char(*c))
                .take(MAX_NAME_CHARS)
                .collect();
            from = end;
            if place.chars().count() >= 2 {
                names.push((*line, format!("{prefix}{place}")));
                if names.len() >= MAX_NAMES {
                    return names;
                }
            }
        }
    }
    names
}

/// Characters of a Thai place name: letters and marks, no spaces or punctuation.
fn is_name_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{0E31}'..='\u{0E4E}').contains(&c) && digit_value(c).is_none()
}

/// The name after "อำเภอ"/"จังหวัด" ("อำเภอลำปลายมาศ" → "ลำปลายมาศ"), not inside an agency name
/// ("องค์การบริหารส่วนจังหวัด…").
fn word_after(text: &str, word: &str) -> Option<String> {
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|t| t.find(word)) {
        let start = from + at;
        from = start + word.len();
        if text.get(..start).is_some_and(|b| b.ends_with("ส่วน")) {
            continue;
        }
        let name: String = text
            .get(from..)
            .unwrap_or_default()
            .trim_start()
            .chars()
            .take_while(|c| is_name_char(*c))
            .take(MAX_NAME_CHARS)
            .collect();
        if name.chars().count() >= 2 {
            return Some(name);
        }
    }
    None
}

/// The fiscal year a line names: "ปีงบประมาณ พ.ศ. ๒๕๖๘", "ปีงบประมาณพ.ศ.๒๕๖๘", "ประจำปี ๒๕๖๗".
pub fn fiscal_year_in(text: &str) -> Option<FiscalYear> {
    ["ปีงบประมาณ", "ประจำปี", "พ.ศ."].iter().find_map(|word| {
        let mut from = 0;
        while let Some(at) = text.get(from..).and_then(|t| t.find(word)) {
            from += at + word.len();
            if let Some(fy) = year_at(text.get(from..).unwrap_or_default()) {
                return Some(fy);
            }
        }
        None
    })
}

/// A four-digit Buddhist-era year at the start of `s`, after blanks and an optional "พ.ศ.".
fn year_at(s: &str) -> Option<FiscalYear> {
    let s = s.trim_start();
    let s = s
        .strip_prefix("พ.ศ.")
        .or_else(|| s.strip_prefix("พ.ศ"))
        .unwrap_or(s)
        .trim_start();
    let digits: Vec<u32> = s.chars().map_while(digit_value).collect();
    if digits.len() != 4 {
        return None;
    }
    let year = digits.iter().fold(0u32, |n, d| n * 10 + d);
    FiscalYear::new(u16::try_from(year).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: usize, t: &str) -> Block {
        Block::Text {
            line,
            text: t.into(),
        }
    }

    #[test]
    fn reads_agency_and_year_across_a_line_break() {
        let blocks = [
            Block::Blank,
            text(3, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร"),
            Block::Blank,
            text(5, "แสดงการวิเคราะห์ผลการประเมินขององค์กรบริหารส่วน"),
            text(6, "ตำบลหนองกะปุ ในปีงบประมาณพ.ศ.๒๕๖๘(๑๐ ตัวชี้วัด)"),
            Block::Row {
                line: 7,
                cells: vec![],
            },
            text(73, "ของ องค์การบริหารส่วนตำบลหนองกะบู่ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"),
        ];
        let f = header_facts(&blocks);
        assert_eq!(f.title, "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร");
        assert_eq!(f.title_blocks, [1]);
        assert_eq!(f.agency.name.as_deref(), Some("องค์กรบริหารส่วนตำบลหนองกะปุ"));
        assert_eq!(f.fiscal_year.map(|y| y.be()), Some(2568));
        assert_eq!(f.warnings.len(), 1);
        assert_eq!(f.warnings[0].line, Some(73));
    }

    #[test]
    fn district_province_and_plain_years() {
        assert_eq!(
            word_after("อำเภอลำปลายมาศ จังหวัดบุรีรัมย์", "จังหวัด").as_deref(),
            Some("บุรีรัมย์")
        );
        assert_eq!(word_after("องค์การบริหารส่วนจังหวัดตรัง", "จังหวัด"), None);
        assert_eq!(fiscal_year_in("ประจำปี ๒๕๖๗").map(|y| y.be()), Some(2567));
        assert_eq!(
            fiscal_year_in("ประจำปีงบประมาณ พ.ศ. 2566").map(|y| y.be()),
            Some(2566)
        );
        assert_eq!(fiscal_year_in("ปีงบประมาณ ๑๒๓๔๕"), None);
    }
}
