//! Located import errors: file, row, column and a message a clerk understands.

use std::fmt;

/// One problem in an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    /// File name as given by the user.
    pub file: String,
    /// 1-based row as a spreadsheet shows it (the header is row 1), when known.
    pub row: Option<usize>,
    /// Column letter and header, e.g. `B (score)`, when known.
    pub column: Option<String>,
    /// What is wrong and what is allowed.
    pub message: String,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(r) = self.row {
            write!(f, " แถว/row {r}")?;
        }
        if let Some(c) = &self.column {
            write!(f, " คอลัมน์/column {c}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found in an input; nothing is returned when there is one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
pub struct ImportError(pub Vec<Located>);

impl ImportError {
    /// A single problem about the whole file.
    pub fn file(file: &str, message: impl Into<String>) -> Self {
        ImportError(vec![Located {
            file: file.to_string(),
            row: None,
            column: None,
            message: message.into(),
        }])
    }
}

/// Collects problems for one file, up to a cap so a broken million-row file stays readable.
#[derive(Debug)]
pub(crate) struct Collector {
    file: String,
    list: Vec<Located>,
    dropped: usize,
}

/// Problems beyond this many are counted, not listed.
const MAX_LISTED: usize = 50;

impl Collector {
    pub(crate) fn new(file: &str) -> Self {
        Collector {
            file: file.to_string(),
            list: Vec::new(),
            dropped: 0,
        }
    }

    pub(crate) fn at(&mut self, row: usize, column: Option<String>, message: impl Into<String>) {
        if self.list.len() >= MAX_LISTED {
            self.dropped += 1;
            return;
        }
        self.list.push(Located {
            file: self.file.clone(),
            row: Some(row),
            column,
            message: message.into(),
        });
    }

    pub(crate) fn whole(&mut self, message: impl Into<String>) {
        self.list.push(Located {
            file: self.file.clone(),
            row: None,
            column: None,
            message: message.into(),
        });
    }

    pub(crate) fn finish<T>(mut self, value: T) -> Result<T, ImportError> {
        if self.dropped > 0 {
            let n = self.dropped;
            self.whole(format!(
                "และอีก {n} ปัญหาที่ไม่ได้แสดง ({n} more problems not shown)"
            ));
        }
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(ImportError(self.list))
        }
    }
}

/// Spreadsheet column letter of a 0-based index (0 → A, 26 → AA).
pub fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// `B (score)`: a column as a clerk finds it.
pub(crate) fn column_label(i: usize, header: &str) -> String {
    if header.is_empty() {
        column_letter(i)
    } else {
        format!("{} ({header})", column_letter(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(1), "B");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
