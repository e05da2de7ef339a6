//! Measures (มาตรการ/โครงการ/กิจกรรม) of a plan or report table, with their period and linked question scores.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{Heading, SectionProse};
use crate::code::Code;

/// What a table column holds, recognised from its Thai header words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnRole {
    /// มาตรการ / โครงการ / กิจกรรม / แนวทาง.
    Measure,
    /// ผลการวิเคราะห์: the analysis finding the measure answers.
    Analysis,
    /// ขั้นตอน / วิธีการ.
    Steps,
    /// ระยะเวลา / ช่วงระยะเวลา.
    Period,
    /// ผู้รับผิดชอบ / หน่วยงานผู้รับผิดชอบ.
    Responsible,
    /// ผลการดำเนินการ / สรุปผลการดำเนินการ.
    Results,
    /// ผลลัพธ์ / ผลสัมฤทธิ์ / ความสำเร็จ.
    Outcomes,
    /// การติดตามผล.
    FollowUp,
    /// ข้อเสนอแนะ.
    Suggestions,
    /// ประเด็นข้อคำถาม (analysis tables).
    Question,
    /// คะแนน (analysis tables).
    Score,
    /// การวิเคราะห์ผลการประเมิน (analysis tables: weakest, cause, guidance).
    Review,
}

/// A period cell: the text as printed and, when it could be read, the dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeriodText {
    /// As printed, cleaned ("ม.ค. - มี.ค. ๒๕๖๘").
    pub text: String,
    /// First day, ISO 8601 in JSON.
    #[serde(with = "iso_date")]
    pub start: Option<Date>,
    /// Last day (included), ISO 8601 in JSON.
    #[serde(with = "iso_date")]
    pub end: Option<Date>,
}

/// A question or OIT item quoted in an outcome cell with its score: "e๑ … ผลคะแนน ๙๙.๔๒".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    /// Normalised code (`e1`, `i7`, `O13`).
    pub code: Code,
    /// The score quoted after it, if any.
    pub score: Option<f64>,
    /// The wording between the code and the score.
    pub text: String,
}

/// One measure (a row of a plan or report table, with its continuation rows).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// First line of the row.
    pub line: usize,
    /// The number printed before the title ("๑." → 1), if there was exactly one.
    pub number: Option<u16>,
    /// What the measure is.
    pub title: String,
    /// The analysis finding it answers (plans).
    pub analysis: String,
    /// Steps, one per numbered or bulleted item.
    pub steps: Vec<String>,
    /// When, if the table has a period column.
    pub period: Option<PeriodText>,
    /// Responsible units, one name each.
    pub responsible: Vec<String>,
    /// What was done (reports), one per item.
    pub results: Vec<String>,
    /// What it achieved (reports), one per item.
    pub outcomes: Vec<String>,
    /// Codes and scores quoted in the outcomes.
    pub links: Vec<Link>,
    /// How it is followed up (plans).
    pub follow_up: String,
    /// Suggestions (plans).
    pub suggestions: String,
}

impl Measure {
    /// An empty measure starting at `line`.
    pub fn new(line: usize) -> Self {
        Measure {
            line,
            number: None,
            title: String::new(),
            analysis: String::new(),
            steps: Vec::new(),
            period: None,
            responsible: Vec::new(),
            results: Vec::new(),
            outcomes: Vec::new(),
            links: Vec::new(),
            follow_up: String::new(),
            suggestions: String::new(),
        }
    }
}

/// A plan or report table under one heading (an indicator, a theme, or none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeasureSection {
    /// The heading above the table, if any.
    pub heading: Option<Heading>,
    /// Roles of the table's columns, left to right (`None`: a header we do not know).
    pub columns: Vec<Option<ColumnRole>>,
    /// Its measures in order.
    pub measures: Vec<Measure>,
    /// Title lines and introduction printed before the table, closing lines after it.
    #[serde(flatten)]
    pub prose: SectionProse,
}

/// Serde for optional civil dates as ISO 8601 strings, without jiff's serde feature.
mod iso_date {
    use jiff::civil::Date;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| s.parse::<Date>().map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_round_trip_as_iso_dates() {
        let p = PeriodText {
            text: "ม.ค. - มี.ค. ๒๕๖๘".into(),
            start: Some(Date::constant(2025, 1, 1)),
            end: None,
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"text":"ม.ค. - มี.ค. ๒๕๖๘","start":"2025-01-01","end":null}"#
        );
        assert_eq!(serde_json::from_str::<PeriodText>(&json).unwrap(), p);
        assert!(
            serde_json::from_str::<PeriodText>(r#"{"text":"","start":"2025-13-01","end":null}"#)
                .is_err()
        );
    }
}
