//! The scores an agency supplies: per question, per OIT item and/or per indicator, checked against a framework.

use std::collections::BTreeMap;

use super::unit::Unit;
use crate::code::{Code, CodePrefix};
use crate::framework::{Entry, Framework, ToolCode};

/// Scores keyed by code (`i1`, `O12`, `ind3` …) and whole tools (`IIT`, `EP` …), each on 0–100.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ScoreSheet {
    values: BTreeMap<Code, f64>,
    units: BTreeMap<Unit, f64>,
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
    /// The year has no such tool or part (EP/ES only where EIT is split).
    #[error("ปี {year} ไม่มีเครื่องมือ {unit} ให้ใส่คะแนนทั้งเครื่องมือ")]
    UnknownUnit {
        /// The unit.
        unit: Unit,
        /// Framework year.
        year: u16,
    },
    /// A whole-tool score is out of range.
    #[error("คะแนน {value} ของเครื่องมือ {unit} อยู่นอกช่วง 0–100")]
    UnitOutOfRange {
        /// The unit.
        unit: Unit,
        /// Offending value.
        value: f64,
    },
    /// The tool was already given whole.
    #[error("ใส่คะแนนเครื่องมือ {unit} ซ้ำ")]
    DuplicateUnit {
        /// The unit.
        unit: Unit,
    },
    /// A whole tool and one of its questions, items, indicators or parts are both given.
    #[error(
        "ใส่คะแนนทั้งเครื่องมือ {unit} แล้ว จึงใส่ {part} ซึ่งเป็นส่วนหนึ่งของ {unit} อีกไม่ได้ ให้ใส่อย่างใดอย่างหนึ่ง"
    )]
    UnitConflict {
        /// The whole unit.
        unit: Unit,
        /// What conflicts with it (a code or another unit).
        part: String,
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
        if let Some(unit) = self.units.keys().find(|u| covers(fw, **u, code)) {
            return Err(SheetError::UnitConflict {
                unit: *unit,
                part: code.to_string(),
            });
        }
        self.values.insert(code, value);
        Ok(())
    }

    /// Adds a whole-tool (or EIT part) score after checking the year has it and nothing of it was given.
    pub fn set_unit(&mut self, fw: &Framework, unit: Unit, value: f64) -> Result<(), SheetError> {
        let exists = match unit.part() {
            Some(prefix) => fw
                .tool(ToolCode::Eit)
                .is_some_and(|t| t.parts.iter().any(|p| p.prefix == prefix)),
            None => fw.tool(unit.tool()).is_some(),
        };
        if !exists {
            return Err(SheetError::UnknownUnit {
                unit,
                year: fw.fiscal_year,
            });
        }
        if !(0.0..=100.0).contains(&value) || !value.is_finite() {
            return Err(SheetError::UnitOutOfRange { unit, value });
        }
        if self.units.contains_key(&unit) {
            return Err(SheetError::DuplicateUnit { unit });
        }
        if let Some(code) = self.values.keys().find(|c| covers(fw, unit, **c)) {
            return Err(SheetError::UnitConflict {
                unit,
                part: code.to_string(),
            });
        }
        // EIT whole and its parts exclude each other.
        let clash = self
            .units
            .keys()
            .find(|u| u.tool() == unit.tool() && (u.part().is_none() != unit.part().is_none()));
        if let Some(other) = clash {
            let (whole, part) = if unit.part().is_none() {
                (unit, *other)
            } else {
                (*other, unit)
            };
            return Err(SheetError::UnitConflict {
                unit: whole,
                part: part.to_string(),
            });
        }
        self.units.insert(unit, value);
        Ok(())
    }

    /// The whole-tool score of a unit, if given.
    pub fn unit(&self, unit: Unit) -> Option<f64> {
        self.units.get(&unit).copied()
    }

    /// Whole-tool scores, in unit order.
    pub fn units(&self) -> impl Iterator<Item = (Unit, f64)> + '_ {
        self.units.iter().map(|(u, v)| (*u, *v))
    }

    /// True when `tool` is given whole, or (EIT) as its parts.
    pub fn tool_given(&self, tool: ToolCode) -> bool {
        self.units.keys().any(|u| u.tool() == tool)
    }

    /// The score of a code, if given.
    pub fn get(&self, code: Code) -> Option<f64> {
        self.values.get(&code).copied()
    }

    /// The directly given score of indicator `n`.
    pub fn indicator(&self, n: u8) -> Option<f64> {
        self.get(Code::new(CodePrefix::Ind, u16::from(n)))
    }

    /// Number of scores in the sheet (codes and whole tools).
    pub fn len(&self) -> usize {
        self.values.len() + self.units.len()
    }

    /// True when nothing was given.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty() && self.units.is_empty()
    }

    /// All scores, ordered by code.
    pub fn iter(&self) -> impl Iterator<Item = (Code, f64)> + '_ {
        self.values.iter().map(|(c, v)| (*c, *v))
    }
}

/// True when `code` is part of what `unit` scores: a question, item or indicator of its tool. A part (EP/ES)
/// covers its own questions and the tool's indicators (which mix both parts), not the other part's questions.
fn covers(fw: &Framework, unit: Unit, code: Code) -> bool {
    match fw.entry(code) {
        Some(Entry::Question(i)) => fw.questions.get(i).is_some_and(|q| {
            fw.indicator(q.indicator)
                .is_some_and(|ind| ind.tool == unit.tool())
                && unit.part().is_none_or(|p| q.part == Some(p))
        }),
        Some(Entry::OitItem(_)) => unit.tool() == ToolCode::Oit,
        Some(Entry::Indicator(n)) => fw.indicator(n).is_some_and(|ind| ind.tool == unit.tool()),
        None => false,
    }
}

/// What one row of a score file scores: a code (`i1`, `O3`, `ind2`) or a whole tool (`IIT`, `EP` …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ScoreKey {
    /// A question, OIT item or indicator.
    Code(Code),
    /// A whole tool or EIT part.
    Unit(Unit),
}

impl std::fmt::Display for ScoreKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ScoreKey::Code(c) => c.fmt(f),
            ScoreKey::Unit(u) => u.fmt(f),
        }
    }
}

impl std::str::FromStr for ScoreKey {
    type Err = crate::code::CodeParseError;

    /// A whole tool (`IIT`, `EIT`, `EP`, `ES`, `OIT`) or a code as [`Code`] parses it.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.parse::<Unit>() {
            Ok(u) => Ok(ScoreKey::Unit(u)),
            Err(()) => s.parse().map(ScoreKey::Code),
        }
    }
}

impl ScoreSheet {
    /// Adds a score by key: [`ScoreSheet::set`] for a code, [`ScoreSheet::set_unit`] for a whole tool.
    pub fn set_key(&mut self, fw: &Framework, key: ScoreKey, value: f64) -> Result<(), SheetError> {
        match key {
            ScoreKey::Code(c) => self.set(fw, c, value),
            ScoreKey::Unit(u) => self.set_unit(fw, u, value),
        }
    }

    /// Every score with its key: codes first (by code), then whole tools.
    pub fn entries(&self) -> impl Iterator<Item = (ScoreKey, f64)> + '_ {
        self.iter()
            .map(|(c, v)| (ScoreKey::Code(c), v))
            .chain(self.units().map(|(u, v)| (ScoreKey::Unit(u), v)))
    }
}
