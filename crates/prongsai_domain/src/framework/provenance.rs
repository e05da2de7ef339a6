//! Where a framework parameter comes from: a confirmed source or an explicit assumption.

use std::fmt;

/// The provenance of one framework parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Provenance {
    /// Stated by a cited source (URL, seed document, or arithmetic on published numbers).
    Confirmed {
        /// The source, as written in the framework file.
        source: String,
    },
    /// Inferred or recalled; not confirmed by any source.
    Assumed {
        /// Why it is assumed, as written in the framework file.
        reason: String,
    },
}

impl Provenance {
    /// Parses `"confirmed: <source>"` or `"assumed: <why>"`; `None` for anything else.
    pub fn parse(s: &str) -> Option<Provenance> {
        let (status, rest) = s.split_once(':')?;
        let rest = rest.trim();
        if rest.is_empty() {
            return None;
        }
        match status.trim() {
            "confirmed" => Some(Provenance::Confirmed {
                source: rest.to_string(),
            }),
            "assumed" => Some(Provenance::Assumed {
                reason: rest.to_string(),
            }),
            _ => None,
        }
    }

    /// True when the parameter is an assumption.
    pub fn is_assumed(&self) -> bool {
        matches!(self, Provenance::Assumed { .. })
    }

    /// The source or the reason, without the status word.
    pub fn detail(&self) -> &str {
        match self {
            Provenance::Confirmed { source } => source,
            Provenance::Assumed { reason } => reason,
        }
    }
}

impl fmt::Display for Provenance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Provenance::Confirmed { source } => write!(f, "confirmed: {source}"),
            Provenance::Assumed { reason } => write!(f, "assumed: {reason}"),
        }
    }
}

impl serde::Serialize for Provenance {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_statuses_and_rejects_the_rest() {
        assert_eq!(
            Provenance::parse("confirmed: seed 001"),
            Some(Provenance::Confirmed {
                source: "seed 001".into()
            })
        );
        assert!(Provenance::parse("assumed: a guess").is_some_and(|p| p.is_assumed()));
        for bad in [
            "",
            "confirmed",
            "confirmed:",
            "assumed:   ",
            "maybe: x",
            "seed 001",
        ] {
            assert_eq!(Provenance::parse(bad), None, "{bad}");
        }
    }
}
