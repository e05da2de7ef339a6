//! ITA frameworks as data: parsing and validating `catalog/<year>.toml`, with provenance on every parameter.

mod catalog;
mod model;
mod provenance;
mod raw;
mod validate;
mod wording;

use std::fmt;

pub use catalog::{Catalog, Resolved, SourceFile};
pub use model::*;
pub use provenance::Provenance;

/// One problem found in a framework or guidance file, located by file and key.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// File name as given to the loader (e.g. `catalog/2568.toml`).
    pub file: String,
    /// Key path inside the file (e.g. `questions[3].indicator`), or `line L, column C` for syntax errors.
    pub key: String,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.key, self.message)
    }
}

/// The problems of one or more files; loading fails when it is not empty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} problem(s):\n{}", .0.len(), .0.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n"))]
pub struct CatalogError(pub Vec<Problem>);

/// Collects problems for one file.
#[derive(Debug)]
pub(crate) struct Problems {
    file: String,
    list: Vec<Problem>,
}

impl Problems {
    pub(crate) fn new(file: &str) -> Self {
        Problems {
            file: file.to_string(),
            list: Vec::new(),
        }
    }

    pub(crate) fn add(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.list.push(Problem {
            file: self.file.clone(),
            key: key.into(),
            message: message.into(),
        });
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn into_vec(self) -> Vec<Problem> {
        self.list
    }
}

/// Parses TOML into `T`, reporting a syntax or shape error with its line and column.
pub(crate) fn parse_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    p: &mut Problems,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let key = match e.span() {
                Some(span) => {
                    let before = text.get(..span.start).unwrap_or(text);
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!("line {line}, column {column}")
                }
                None => "(file)".to_string(),
            };
            p.add(key, e.message().trim().to_string());
            None
        }
    }
}

/// Parses and validates one framework file; `file` names it in every problem.
pub fn parse_framework(file: &str, text: &str) -> Result<Framework, CatalogError> {
    let mut p = Problems::new(file);
    let framework = parse_toml::<raw::RawFramework>(text, &mut p).and_then(|raw| {
        if let Some(stem) = file_year(file)
            && stem != raw.fiscal_year
        {
            p.add(
                "fiscal_year",
                format!(
                    "{} does not match the file name (year {stem})",
                    raw.fiscal_year
                ),
            );
        }
        validate::validate(raw, &mut p)
    });
    match framework {
        Some(f) if p.is_empty() => Ok(f),
        _ => Err(CatalogError(p.into_vec())),
    }
}

/// The year in a file name such as `catalog/2568.toml`, if it is one.
pub(crate) fn file_year(file: &str) -> Option<u16> {
    let name = file.rsplit(['/', '\\']).next()?;
    name.strip_suffix(".toml")?.parse().ok()
}
