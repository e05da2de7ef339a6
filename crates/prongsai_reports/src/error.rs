//! Why a report could not be rendered.

/// A rendering failure; the message is Thai with an English gloss where a clerk may see it.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// The data does not fit the document kind (e.g. a measures plan without measures).
    #[error("ข้อมูลไม่พอสำหรับเอกสารนี้: {0} (not enough data for this document)")]
    MissingData(String),
    /// typst rejected the generated document (a bug in our template, never user input).
    #[error("จัดหน้า PDF ไม่สำเร็จ (PDF layout failed): {0}")]
    Pdf(String),
    /// docx-rs could not write the package.
    #[error("เขียนไฟล์ Word ไม่สำเร็จ (DOCX write failed): {0}")]
    Docx(String),
    /// A chart could not be drawn.
    #[error("วาดแผนภูมิไม่สำเร็จ (chart failed): {0}")]
    Chart(String),
}
