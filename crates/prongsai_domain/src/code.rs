//! Question, OIT item and indicator codes (`i7`, `e3`, `EP1`, `ES2`, `O10`, `ind3`) as one typed value.

use std::fmt;
use std::str::FromStr;

/// The family a code belongs to; it fixes the printed prefix.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum CodePrefix {
    /// IIT question, printed `i`.
    I,
    /// EIT question (single-part years), printed `e`.
    E,
    /// EIT part 1 (EIT Public) question, printed `EP`.
    Ep,
    /// EIT part 2 (EIT Survey) question, printed `ES`.
    Es,
    /// OIT item, printed `O`.
    O,
    /// A whole indicator, printed `ind`.
    Ind,
}

impl CodePrefix {
    /// The prefix as printed in canonical codes.
    pub fn as_str(self) -> &'static str {
        match self {
            CodePrefix::I => "i",
            CodePrefix::E => "e",
            CodePrefix::Ep => "EP",
            CodePrefix::Es => "ES",
            CodePrefix::O => "O",
            CodePrefix::Ind => "ind",
        }
    }
}

/// A canonical code: a prefix and a positive number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code {
    /// Family of the code.
    pub prefix: CodePrefix,
    /// Number after the prefix (1-based).
    pub number: u16,
}

impl Code {
    /// Builds a code from its parts.
    pub const fn new(prefix: CodePrefix, number: u16) -> Self {
        Code { prefix, number }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.prefix.as_str(), self.number)
    }
}

/// Why a string is not a canonical code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is not a code such as i1, e3, EP2, ES4, O12 or ind5")]
pub struct CodeParseError(pub String);

impl FromStr for Code {
    type Err = CodeParseError;

    /// Parses a canonical code, case-insensitively, with Arabic or Thai digits.
    /// OCR repairs (`๐๑๐` → O10) live in [`crate::thai::normalize_code`].
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || CodeParseError(s.to_string());
        let t = s.trim();
        let split = t
            .find(|c: char| c.is_ascii_digit() || ('๐'..='๙').contains(&c))
            .ok_or_else(err)?;
        let (head, digits) = t.split_at(split);
        let prefix = match head.trim().to_ascii_lowercase().as_str() {
            "i" => CodePrefix::I,
            "e" => CodePrefix::E,
            "ep" => CodePrefix::Ep,
            "es" => CodePrefix::Es,
            "o" => CodePrefix::O,
            "ind" => CodePrefix::Ind,
            _ => return Err(err()),
        };
        let mut number: u32 = 0;
        for c in digits.chars() {
            let d = match c {
                '0'..='9' => c as u32 - '0' as u32,
                '๐'..='๙' => c as u32 - '๐' as u32,
                _ => return Err(err()),
            };
            number = number * 10 + d;
            if number > u16::MAX as u32 {
                return Err(err());
            }
        }
        if number == 0 {
            return Err(err());
        }
        Ok(Code::new(prefix, number as u16))
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Code {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_canonical_codes() {
        for (input, want) in [
            ("i1", "i1"),
            ("I15", "i15"),
            ("e๓", "e3"),
            ("ep2", "EP2"),
            ("ES9", "ES9"),
            ("o28", "O28"),
            ("ind10", "ind10"),
            (" O 7", "O7"),
        ] {
            assert_eq!(input.parse::<Code>().unwrap().to_string(), want, "{input}");
        }
    }

    #[test]
    fn rejects_non_codes() {
        for input in ["", "x1", "i", "i0", "O99999", "i1a", "ind"] {
            assert!(input.parse::<Code>().is_err(), "{input}");
        }
    }
}
