//! Evidence files: the allowed types (PDF, DOCX, XLSX, JPG, PNG), checked by extension AND content.

/// An accepted file type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// PDF.
    Pdf,
    /// Word (OOXML).
    Docx,
    /// Excel (OOXML).
    Xlsx,
    /// JPEG image.
    Jpg,
    /// PNG image.
    Png,
}

impl FileKind {
    /// The MIME type stored and served.
    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            FileKind::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            FileKind::Jpg => "image/jpeg",
            FileKind::Png => "image/png",
        }
    }
}

/// The kind of a file judged by its name's extension and its first bytes; `None` when either does not fit.
pub fn file_kind(name: &str, bytes: &[u8]) -> Option<FileKind> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase())?;
    let kind = match ext.as_str() {
        "pdf" => FileKind::Pdf,
        "docx" => FileKind::Docx,
        "xlsx" => FileKind::Xlsx,
        "jpg" | "jpeg" => FileKind::Jpg,
        "png" => FileKind::Png,
        _ => return None,
    };
    let magic_ok = match kind {
        FileKind::Pdf => bytes.starts_with(b"%PDF-"),
        FileKind::Docx | FileKind::Xlsx => bytes.starts_with(b"PK\x03\x04"),
        FileKind::Jpg => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        FileKind::Png => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
    };
    magic_ok.then_some(kind)
}

/// A file name safe for a `Content-Disposition` header and a database row: no path, no control characters.
pub fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        "file".to_string()
    } else {
        trimmed.chars().take(200).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_and_content_must_agree() {
        assert_eq!(file_kind("a.PDF", b"%PDF-1.7 ..."), Some(FileKind::Pdf));
        assert_eq!(file_kind("a.pdf", b"MZ\x90"), None, "an exe renamed to pdf");
        assert_eq!(file_kind("a.exe", b"%PDF-1.7"), None);
        assert_eq!(
            file_kind("รูป.png", b"\x89PNG\r\n\x1a\n...."),
            Some(FileKind::Png)
        );
        assert_eq!(file_kind("noext", b"%PDF-"), None);
        assert_eq!(clean_name("C:\\x\\รายงาน \"1\".pdf"), "รายงาน 1.pdf");
    }
}
