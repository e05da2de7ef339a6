//! Scoring: question/item scores → sub-indicator → indicator → tool → total, grade and pass.

mod assumptions;
mod compute;
mod official;
mod responses;
mod result;
mod round;
mod sheet;
mod unit;

pub use compute::{Missing, ScoreError, score};
pub use official::{Difference, OfficialError, OfficialResult, Reported, differences};
pub use responses::{AnswerError, ResponseTally, allowed_answers, answer_index};
pub use result::*;
pub use round::{Score, round2};
pub use sheet::{ScoreKey, ScoreSheet, SheetError, oit_mark};
pub use unit::Unit;
