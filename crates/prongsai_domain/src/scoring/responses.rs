//! Raw survey responses: answers given as Thai labels or level numbers, turned into question scores.

use std::collections::BTreeMap;

use super::sheet::{ScoreSheet, SheetError};
use crate::code::Code;
use crate::framework::{Entry, Framework, Question};

/// Why an answer cannot be counted.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AnswerError {
    /// The column is not a survey question of the year.
    #[error("{code} ไม่ใช่ข้อคำถาม IIT/EIT ของปี {year} ({code} is not a survey question of {year})")]
    NotAQuestion {
        /// Offending code.
        code: Code,
        /// Framework year.
        year: u16,
    },
    /// The answer matches no level or label of the question's scale.
    #[error(
        "คำตอบ \"{answer}\" ใช้ไม่ได้กับข้อ {code}; ใช้ได้: {allowed} (answer \"{answer}\" is not on the scale of {code})"
    )]
    UnknownAnswer {
        /// Question code.
        code: Code,
        /// The answer as written.
        answer: String,
        /// Accepted levels and labels.
        allowed: String,
    },
}

/// The 0-based answer index of `answer` (a level number or a label/alias) on `q`'s scale.
pub fn answer_index(fw: &Framework, q: &Question, answer: &str) -> Option<usize> {
    let scale = fw.scales.get(q.scale)?;
    let t = answer.trim();
    let arabic = crate::thai::to_arabic_digits(t);
    if let Ok(level) = arabic.parse::<u8>() {
        return scale.answers.iter().position(|a| a.level == level);
    }
    let lower = t.to_lowercase();
    scale
        .answers
        .iter()
        .position(|a| a.label_th == t || a.aliases.iter().any(|al| al.to_lowercase() == lower))
}

/// Describes the answers a question accepts, for error messages.
pub fn allowed_answers(fw: &Framework, q: &Question) -> String {
    fw.scales
        .get(q.scale)
        .map(|s| {
            s.answers
                .iter()
                .map(|a| format!("{}={}", a.level, a.label_th))
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}

/// Sums of points per question over respondents; blank answers are not counted.
#[derive(Debug, Clone, Default)]
pub struct ResponseTally {
    sums: BTreeMap<Code, (f64, u32)>,
}

impl ResponseTally {
    /// An empty tally.
    pub fn new() -> Self {
        ResponseTally::default()
    }

    /// Counts one answer of one respondent. A blank answer is skipped (the respondent did not answer).
    pub fn add(&mut self, fw: &Framework, code: Code, answer: &str) -> Result<(), AnswerError> {
        let q = match fw.entry(code) {
            Some(Entry::Question(i)) => fw.questions.get(i),
            _ => None,
        }
        .ok_or(AnswerError::NotAQuestion {
            code,
            year: fw.fiscal_year,
        })?;
        if answer.trim().is_empty() {
            return Ok(());
        }
        let unknown = || AnswerError::UnknownAnswer {
            code,
            answer: answer.to_string(),
            allowed: allowed_answers(fw, q),
        };
        let idx = answer_index(fw, q, answer).ok_or_else(unknown)?;
        let points = fw.points(q, idx).ok_or_else(unknown)?;
        let e = self.sums.entry(code).or_insert((0.0, 0));
        e.0 += points;
        e.1 += 1;
        Ok(())
    }

    /// Number of answers counted for a question.
    pub fn count(&self, code: Code) -> u32 {
        self.sums.get(&code).map_or(0, |s| s.1)
    }

    /// Puts each answered question's mean points into `sheet`.
    pub fn into_sheet(self, fw: &Framework, sheet: &mut ScoreSheet) -> Result<(), SheetError> {
        for (code, (sum, n)) in self.sums {
            if n > 0 {
                sheet.set(fw, code, sum / f64::from(n))?;
            }
        }
        Ok(())
    }
}
