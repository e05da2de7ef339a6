//! Table header rows: the role of each column from its Thai header words, and the kind of table they make.

use prongsai_domain::document::ColumnRole;

use super::clean::{cell_text, starts_with_marker};
use super::headings::squash;

/// What a table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableKind {
    /// Questions with scores and the analysis text.
    Analysis,
    /// Planned measures.
    Plan,
    /// Measures with results or outcomes.
    Report,
}

/// A recognised header row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// Role of each column; `None` for a column whose header we do not know.
    pub roles: Vec<Option<ColumnRole>>,
    /// What the table holds.
    pub kind: TableKind,
    /// Columns whose role was inferred rather than read (a repeated "มาตรการ" header).
    pub inferred: Vec<usize>,
}

/// Longest cell still read as a column header.
const MAX_HEADER_CHARS: usize = 100;

/// Header words, checked in this order because longer phrases contain shorter ones
/// ("ผลการดำเนินการตามมาตรการ" is results, not a measure; "การติดตามผลการดำเนินการ" is follow-up).
const WORDS: &[(&[&str], ColumnRole)] = &[
    (&["การติดตามผล"], ColumnRole::FollowUp),
    (&["ข้อเสนอแนะ"], ColumnRole::Suggestions),
    (&["ผู้รับผิดชอบ"], ColumnRole::Responsible),
    (&["ผลลัพธ์", "ผลสัมฤทธิ์", "ความสำเร็จ"], ColumnRole::Outcomes),
    (&["ผลการดำเนิน", "ผลการปฏิบัติ"], ColumnRole::Results),
    (&["ผลการวิเคราะห์"], ColumnRole::Analysis),
    (&["การวิเคราะห์"], ColumnRole::Review),
    (&["ระยะเวลา", "ช่วงเวลา", "ห้วงเวลา"], ColumnRole::Period),
    (&["ขั้นตอน", "วิธีการ", "วิธีดำเนิน"], ColumnRole::Steps),
    (&["ข้อคำถาม", "ประเด็น"], ColumnRole::Question),
    (&["คะแนน"], ColumnRole::Score),
    (
        &["มาตรการ", "โครงการ", "กิจกรรม", "แนวทาง"],
        ColumnRole::Measure,
    ),
];

/// The role a header cell names, if any.
pub fn column_role(cell: &str) -> Option<ColumnRole> {
    let key = squash(cell);
    WORDS
        .iter()
        .find(|(words, _)| words.iter().any(|w| key.contains(w)))
        .map(|&(_, role)| role)
}

/// Reads `cells` as a header row: short cells, at least two distinct known roles, at most one
/// unknown filled cell, and a combination that makes an analysis, plan or report table.
pub fn read_header(cells: &[String]) -> Option<Header> {
    // Cheap refusals first: most rows are data, with long cells and no header word.
    let long = |c: &String| c.len() > MAX_HEADER_CHARS * 4 + 200;
    if cells.iter().any(long) || !cells.iter().any(|c| column_role(c).is_some()) {
        return None;
    }
    let texts: Vec<String> = cells.iter().map(|c| cell_text(c)).collect();
    let filled = texts.iter().filter(|t| !t.is_empty()).count();
    if filled < 2
        || texts
            .iter()
            .any(|t| t.chars().count() > MAX_HEADER_CHARS || starts_with_marker(t))
    {
        return None;
    }
    let mut roles: Vec<Option<ColumnRole>> = texts
        .iter()
        .map(|t| if t.is_empty() { None } else { column_role(t) })
        .collect();
    let unknown = texts
        .iter()
        .zip(&roles)
        .filter(|(t, r)| !t.is_empty() && r.is_none())
        .count();
    if unknown > 1 {
        return None;
    }
    let mut inferred = Vec::new();
    let has = |roles: &[Option<ColumnRole>], role| roles.contains(&Some(role));
    // A second "มาตรการ โครงการ หรือ กิจกรรม" column stands where the other tables of the same
    // document have "ผลการวิเคราะห์" (seed 001): read it as the analysis column.
    for i in 0..roles.len() {
        let earlier = roles.get(..i).unwrap_or_default();
        let Some(Some(role)) = roles.get(i).copied() else {
            continue;
        };
        if earlier.contains(&Some(role)) {
            let replacement = (role == ColumnRole::Measure && !has(&roles, ColumnRole::Analysis))
                .then_some(ColumnRole::Analysis);
            if let Some(slot) = roles.get_mut(i) {
                *slot = replacement;
            }
            inferred.push(i);
        }
    }
    let distinct = {
        let mut seen: Vec<ColumnRole> = roles.iter().flatten().copied().collect();
        seen.sort_by_key(|r| *r as u8);
        seen.dedup();
        seen.len()
    };
    if distinct < 2 {
        return None;
    }
    let kind = if has(&roles, ColumnRole::Question) && has(&roles, ColumnRole::Score) {
        TableKind::Analysis
    } else if !has(&roles, ColumnRole::Measure) {
        return None;
    } else if has(&roles, ColumnRole::Results) || has(&roles, ColumnRole::Outcomes) {
        TableKind::Report
    } else {
        TableKind::Plan
    };
    Some(Header {
        roles,
        kind,
        inferred,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ColumnRole::*;

    fn header(cells: &[&str]) -> Option<Header> {
        read_header(&cells.iter().map(|c| c.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn reads_the_seed_headers() {
        let h = header(&[
            "มาตรการ/โครงการ/กิจกรรม",
            "ขั้นตอนหรือ วิธีการปฏิบัติ",
            "ระยะเวลา",
            "ผู้รับผิดชอบ",
            "ผลการดำเนินการ ตามมาตรการหรือกิจกรรม",
            "ผลลัพธ์หรือความสำเร็จ ของการดำเนินการ",
        ])
        .unwrap();
        assert_eq!(h.kind, TableKind::Report);
        let want = [Measure, Steps, Period, Responsible, Results, Outcomes];
        assert_eq!(h.roles, want.map(Some));
        let h = header(&["ประเด็นข้อคำถาม", "คะแนน", "การวิเคราะห์ผลการประเมินฯ"]).unwrap();
        assert_eq!(
            (h.kind, h.roles),
            (
                TableKind::Analysis,
                vec![Some(Question), Some(Score), Some(Review)]
            )
        );
        let h = header(&[
            "มาตรการ โครงการ หรือกิจกรรม",
            "มาตรการ โครงการ หรือ กิจกรรม",
            "ขั้นตอนหรือวิธีการ ปฏิบัติ",
            "ช่วงระยะเวลา ในการ ดำเนินการ",
            "ผู้รับผิดชอบ",
        ])
        .unwrap();
        assert_eq!((h.kind, h.inferred.clone()), (TableKind::Plan, vec![1]));
        assert_eq!(h.roles.get(1), Some(&Some(Analysis)));
        let h = header(&[
            "มาตรการ/แนวทาง",
            "วิธีการดำเนินการ",
            "ระยะเวลาดำเนินการ",
            "การติดตามผล\nการดำเนินการ",
            "ข้อเสนอแนะ",
            "ผู้รับผิดชอบ",
        ])
        .unwrap();
        let want = [Measure, Steps, Period, FollowUp, Suggestions, Responsible];
        assert_eq!(
            (h.kind, h.roles),
            (TableKind::Plan, want.map(Some).to_vec())
        );
    }

    #[test]
    fn data_rows_are_not_headers() {
        assert!(
            header(&[
                "กิจกรรมเสริมสร้าง",
                "เจ้าหน้าที่บางราย",
                "-จัดกิจกรรม",
                "ต.ค. ๒๕๖๘",
                "สำนักปลัด"
            ])
            .is_none()
        );
        assert!(header(&["๑. กิจกรรม", "ขั้นตอน"]).is_none());
        assert!(header(&["มาตรการ", ""]).is_none());
        assert!(header(&["ผลลัพธ์", "คะแนน"]).is_none());
    }
}
