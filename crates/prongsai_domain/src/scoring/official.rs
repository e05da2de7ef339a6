//! The result the NACC published for an agency's year, as the agency records it, and how it differs from ours.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::result::ScoreResult;
use super::round::round2;
use super::unit::Unit;
use crate::framework::Framework;

/// What the NACC published: the total and level, and tool or indicator scores when the agency has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficialResult {
    /// Published total, 0–100.
    pub total: f64,
    /// Published level or letter, canonical for the year.
    pub level: String,
    /// Published tool (and EIT part) scores.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tools: BTreeMap<Unit, f64>,
    /// Published indicator scores by number.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub indicators: BTreeMap<u8, f64>,
}

/// Why an official result cannot be recorded; each names the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum OfficialError {
    /// A number outside 0–100.
    #[error("{field}: คะแนน {value} อยู่นอกช่วง 0–100")]
    OutOfRange {
        /// Field name (`total`, `IIT`, `ind3` …).
        field: String,
        /// Offending value.
        value: f64,
    },
    /// A level the year does not have.
    #[error("level: \"{given}\" ไม่ใช่ระดับผลการประเมินของปี {year}; ใช้ได้: {allowed}")]
    UnknownLevel {
        /// What was given.
        given: String,
        /// Framework year.
        year: u16,
        /// The year's labels.
        allowed: String,
    },
    /// A tool or part the year does not have.
    #[error("{unit}: ปี {year} ไม่มีเครื่องมือนี้")]
    UnknownUnit {
        /// The unit.
        unit: Unit,
        /// Framework year.
        year: u16,
    },
    /// An indicator number outside the year's.
    #[error("ind{number}: ปี {year} ไม่มีตัวชี้วัดนี้")]
    UnknownIndicator {
        /// The number.
        number: u8,
        /// Framework year.
        year: u16,
    },
}

impl OfficialResult {
    /// Checks every field against `fw` and returns the result with its level made canonical
    /// (e.g. ต้องปรับปรุงด่วน → ต้องปรับปรุงโดยด่วน). Every problem is listed.
    pub fn checked(mut self, fw: &Framework) -> Result<OfficialResult, Vec<OfficialError>> {
        let mut errors = Vec::new();
        let mut range = |field: String, v: f64| {
            if !v.is_finite() || !(0.0..=100.0).contains(&v) {
                errors.push(OfficialError::OutOfRange { field, value: v });
            }
        };
        range("total".into(), self.total);
        for (u, v) in &self.tools {
            range(u.to_string(), *v);
        }
        for (n, v) in &self.indicators {
            range(format!("ind{n}"), *v);
        }
        match fw.grading.canonical(&self.level) {
            Some(b) => self.level = b.grade.clone(),
            None => errors.push(OfficialError::UnknownLevel {
                given: self.level.clone(),
                year: fw.fiscal_year,
                allowed: fw
                    .grading
                    .bands
                    .iter()
                    .map(|b| b.grade.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        }
        for u in self.tools.keys() {
            let exists = match u.part() {
                Some(p) => fw
                    .tool(u.tool())
                    .is_some_and(|t| t.parts.iter().any(|x| x.prefix == p)),
                None => fw.tool(u.tool()).is_some(),
            };
            if !exists {
                errors.push(OfficialError::UnknownUnit {
                    unit: *u,
                    year: fw.fiscal_year,
                });
            }
        }
        for n in self.indicators.keys() {
            if fw.indicator(*n).is_none() {
                errors.push(OfficialError::UnknownIndicator {
                    number: *n,
                    year: fw.fiscal_year,
                });
            }
        }
        if errors.is_empty() {
            Ok(self)
        } else {
            Err(errors)
        }
    }
}

/// One figure where our computation and the published result disagree (as shown, two decimals).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// `total`, `level`, a unit (`IIT`, `EP` …) or `ind<N>`.
    pub what: String,
    /// Our figure, as shown.
    pub computed: String,
    /// The published figure.
    pub official: String,
}

/// The figures where `computed` and `official` differ once both are shown with two decimals.
pub fn differences(computed: &ScoreResult, official: &OfficialResult) -> Vec<Difference> {
    let shown = |v: f64| format!("{:.2}", round2(v));
    let mut out = Vec::new();
    let mut num = |what: String, ours: Option<f64>, theirs: f64| {
        if let Some(ours) = ours
            && shown(ours) != shown(theirs)
        {
            out.push(Difference {
                what,
                computed: shown(ours),
                official: shown(theirs),
            });
        }
    };
    num("total".into(), Some(computed.total.value()), official.total);
    for (u, v) in &official.tools {
        num(u.to_string(), computed.unit(*u).map(|s| s.value()), *v);
    }
    for (n, v) in &official.indicators {
        num(
            format!("ind{n}"),
            computed.indicator(*n).map(|i| i.score.value()),
            *v,
        );
    }
    if computed.grade != official.level {
        out.push(Difference {
            what: "level".into(),
            computed: computed.grade.clone(),
            official: official.level.clone(),
        });
    }
    out
}

/// A result as reported (`prongsai score --format json`, the API): the computed result's fields, plus the
/// official result and the differences when one is recorded.
#[derive(Debug, Serialize)]
pub struct Reported<'a> {
    /// The computed result.
    #[serde(flatten)]
    pub result: &'a ScoreResult,
    /// The published result, when recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub official: Option<&'a OfficialResult>,
    /// Where ours and the published result differ, when one is recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub differences: Option<Vec<Difference>>,
}

impl<'a> Reported<'a> {
    /// Pairs a computed result with the official one.
    pub fn new(result: &'a ScoreResult, official: Option<&'a OfficialResult>) -> Self {
        Reported {
            result,
            official,
            differences: official.map(|o| differences(result, o)),
        }
    }
}
