//! The scores an agency supplies: per question, per OIT item and/or per indicator, checked against a framework.

use std::collections::BTreeMap;

use crate::code::{Code, CodePrefix};
use crate::framework::{Entry, Framework};

/// Scores keyed by code (`i1`, `O12`, `ind3` …), each on 0–100.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreSheet {
    values: BTreeMap<Code, f64>,
}

/// Why a score cannot go into a sheet.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SheetError {
    /// The code is not part of the year's framework.
    #[error("ไม่มีรหัส {code} ในกรอบการประเมินปี {year} (code {code} is not in the {year} framework)")]
    UnknownCode {
        /// Offending code.
        code: Code,
        /// Framework year.
        year: u16,
    },
    /// The score is not on 0–100.
    #[error("คะแนน {value} ของ {code} อยู่นอกช่วง 0–100 (score {value} for {code} is outside 0–100)")]
    OutOfRange {
        /// Code.
        code: Code,
        /// Offending value.
        value: f64,
    },
    /// OIT items are 0 or 100 under binary scoring.
    #[error(
        "ข้อ {code} เป็นรายการ OIT ต้องเป็น มี/ไม่มี (100/0) ไม่ใช่ {value} (OIT item {code} must be present = 100 or absent = 0)"
    )]
    NotBinary {
        /// Code.
        code: Code,
        /// Offending value.
        value: f64,
    },
    /// The code was already given.
    #[error("รหัส {code} ซ้ำ (code {code} is given twice)")]
    Duplicate {
        /// Code.
        code: Code,
    },
}

/// Reads an OIT checklist mark: มี/yes/1/100 → 100, ไม่มี/no/0 → 0 (Thai digits accepted).
pub fn oit_mark(text: &str) -> Option<f64> {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "มี" | "yes" | "y" | "true" | "1" | "๑" | "100" | "๑๐๐" | "✓" | "/" => {
            Some(100.0)
        }
        "ไม่มี" | "no" | "n" | "false" | "0" | "๐" | "-" | "✗" | "x" => Some(0.0),
        _ => None,
    }
}

impl ScoreSheet {
    /// An empty sheet.
    pub fn new() -> Self {
        ScoreSheet::default()
    }

    /// Adds one score after checking the code and range against `fw`.
    pub fn set(&mut self, fw: &Framework, code: Code, value: f64) -> Result<(), SheetError> {
        let entry = fw.entry(code).ok_or(SheetError::UnknownCode {
            code,
            year: fw.fiscal_year,
        })?;
        if !(0.0..=100.0).contains(&value) || !value.is_finite() {
            return Err(SheetError::OutOfRange { code, value });
        }
        if matches!(entry, Entry::OitItem(_)) && value != 0.0 && value != 100.0 {
            return Err(SheetError::NotBinary { code, value });
        }
        if self.values.contains_key(&code) {
            return Err(SheetError::Duplicate { code });
        }
        self.values.insert(code, value);
        Ok(())
    }

    /// The score of a code, if given.
    pub fn get(&self, code: Code) -> Option<f64> {
        self.values.get(&code).copied()
    }

    /// The directly given score of indicator `n`.
    pub fn indicator(&self, n: u8) -> Option<f64> {
        self.get(Code::new(CodePrefix::Ind, u16::from(n)))
    }

    /// Number of scores in the sheet.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// True when nothing was given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// All scores, ordered by code.
    pub fn iter(&self) -> impl Iterator<Item = (Code, f64)> + '_ {
        self.values.iter().map(|(c, v)| (*c, *v))
    }
}
