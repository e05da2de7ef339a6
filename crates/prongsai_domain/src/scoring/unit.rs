//! Rated units: the whole-tool scores a sheet may give and the rating levels compare (IIT, EIT or EP/ES, OIT).

use std::fmt;
use std::str::FromStr;

use crate::code::CodePrefix;
use crate::framework::ToolCode;

/// A tool, or a part of the split EIT, scored as a whole.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Unit {
    /// The internal survey.
    #[serde(rename = "IIT")]
    Iit,
    /// The external survey as a whole.
    #[serde(rename = "EIT")]
    Eit,
    /// EIT part 1 (ส่วนที่ ๑).
    #[serde(rename = "EP")]
    Ep,
    /// EIT part 2 (ส่วนที่ ๒).
    #[serde(rename = "ES")]
    Es,
    /// The open-data checklist.
    #[serde(rename = "OIT")]
    Oit,
}

impl Unit {
    /// Every unit, in the order results list them.
    pub const ALL: [Unit; 5] = [Unit::Iit, Unit::Eit, Unit::Ep, Unit::Es, Unit::Oit];

    /// The code as written in score files.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Iit => "IIT",
            Unit::Eit => "EIT",
            Unit::Ep => "EP",
            Unit::Es => "ES",
            Unit::Oit => "OIT",
        }
    }

    /// The tool the unit belongs to.
    pub fn tool(self) -> ToolCode {
        match self {
            Unit::Iit => ToolCode::Iit,
            Unit::Eit | Unit::Ep | Unit::Es => ToolCode::Eit,
            Unit::Oit => ToolCode::Oit,
        }
    }

    /// The part's question prefix, for EP and ES.
    pub fn part(self) -> Option<CodePrefix> {
        match self {
            Unit::Ep => Some(CodePrefix::Ep),
            Unit::Es => Some(CodePrefix::Es),
            _ => None,
        }
    }

    /// The unit of a whole tool.
    pub fn of_tool(tool: ToolCode) -> Unit {
        match tool {
            ToolCode::Iit => Unit::Iit,
            ToolCode::Eit => Unit::Eit,
            ToolCode::Oit => Unit::Oit,
        }
    }

    /// The unit of an EIT part prefix.
    pub fn of_part(prefix: CodePrefix) -> Option<Unit> {
        match prefix {
            CodePrefix::Ep => Some(Unit::Ep),
            CodePrefix::Es => Some(Unit::Es),
            _ => None,
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Unit {
    type Err = ();

    /// Parses `IIT`, `EIT`, `EP`, `ES` or `OIT`, case-insensitively.
    fn from_str(s: &str) -> Result<Self, ()> {
        let t = s.trim();
        Unit::ALL
            .into_iter()
            .find(|u| u.as_str().eq_ignore_ascii_case(t))
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_units_and_nothing_else() {
        assert_eq!("iit".parse(), Ok(Unit::Iit));
        assert_eq!(" EP ".parse(), Ok(Unit::Ep));
        assert_eq!("Oit".parse(), Ok(Unit::Oit));
        for bad in ["", "EP1", "E", "ind1", "IITT", "XIT"] {
            assert_eq!(bad.parse::<Unit>(), Err(()), "{bad}");
        }
    }
}
