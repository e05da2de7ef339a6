//! Patches to the `word/document.xml` docx-rs writes: repeated header rows, Thai justification, page number format.

use crate::ReportError;

/// What docx-rs cannot write, patched into `word/document.xml`:
/// - header rows (written with `cantSplit`, which only they carry) repeat as `w:tblHeader`;
/// - justified paragraphs become Thai distributed (`w:jc="thaiDistribute"`);
/// - every `w:sectPr` gets its page number format and its children in schema order
///   (header references first, `w:pgNumType` after the margins), the first one `w:titlePg`;
/// - pictures get drawing ids of their own.
pub(super) fn document(xml: &[u8], thai_digits: bool) -> Result<Vec<u8>, ReportError> {
    let s = std::str::from_utf8(xml).map_err(|e| ReportError::Docx(e.to_string()))?;
    let s = s
        .replace("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />")
        .replace(
            r#"<w:jc w:val="both" />"#,
            r#"<w:jc w:val="thaiDistribute" />"#,
        );
    let format = if thai_digits {
        "thaiNumbers"
    } else {
        "decimal"
    };
    let mut out = String::with_capacity(s.len() + 512);
    let mut rest = s.as_str();
    let mut first = true;
    while let Some(start) = rest.find("<w:sectPr>") {
        let len = rest[start..]
            .find("</w:sectPr>")
            .ok_or_else(|| ReportError::Docx("unterminated w:sectPr".into()))?
            + "</w:sectPr>".len();
        out.push_str(&rest[..start]);
        out.push_str(&section_properties(
            &rest[start..start + len],
            format,
            first,
        ));
        rest = &rest[start + len..];
        first = false;
    }
    out.push_str(rest);
    Ok(number_pictures(&out).into_bytes())
}

/// docx-rs gives every picture the drawing id 1; Word wants them unique in the document.
fn number_pictures(s: &str) -> String {
    const DOC_PR: &str = r#"<wp:docPr id="1" name="Figure" />"#;
    let mut out = String::with_capacity(s.len() + 64);
    for (n, piece) in s.split(DOC_PR).enumerate() {
        if n > 0 {
            out.push_str(&format!(r#"<wp:docPr id="{n}" name="Picture {n}" />"#));
        }
        out.push_str(piece);
    }
    out
}

/// One `<w:sectPr>…</w:sectPr>` with its header references moved first and `w:pgNumType` added;
/// the document's first section also gets `w:titlePg`.
///
/// Official Thai documents number pages from the second one. With `w:titlePg` the first page
/// of a section takes the section's first-page header, and the first section has none, which
/// makes it blank (ECMA-376 §17.10.5): page 1 has no number, page 2 shows "- ๒ -". Later
/// sections keep a number on their first page.
fn section_properties(sect: &str, format: &str, first: bool) -> String {
    let inner = &sect["<w:sectPr>".len()..sect.len() - "</w:sectPr>".len()];
    let mut refs = String::new();
    let mut body = String::with_capacity(inner.len() + 48);
    let mut rest = inner;
    while let Some(start) = rest.find("<w:headerReference ") {
        let end = rest[start..]
            .find("/>")
            .map_or(rest.len(), |e| start + e + 2);
        body.push_str(&rest[..start]);
        refs.push_str(&rest[start..end]);
        rest = &rest[end..];
    }
    body.push_str(rest);
    let number = format!(r#"<w:pgNumType w:fmt="{format}" />"#);
    match body.find("<w:pgMar ") {
        Some(at) => {
            let end = body[at..].find("/>").map_or(body.len(), |e| at + e + 2);
            body.insert_str(end, &number);
        }
        None => body.push_str(&number),
    }
    if first {
        // Schema order: … w:pgNumType, w:cols, …, w:titlePg, w:textDirection, …, w:docGrid.
        let at = ["<w:textDirection ", "<w:docGrid ", "<w:printerSettings "]
            .iter()
            .filter_map(|tag| body.find(tag))
            .min()
            .unwrap_or(body.len());
        body.insert_str(at, "<w:titlePg />");
    }
    format!("<w:sectPr>{refs}{body}</w:sectPr>")
}

#[cfg(test)]
mod tests {
    use super::document;

    #[test]
    fn patches_rows_justification_and_sections() {
        let xml = concat!(
            r#"<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:p><w:pPr><w:jc w:val="both" /></w:pPr></w:p>"#,
            r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="1417" /><w:cols w:num="1" />"#,
            r#"<w:headerReference w:type="default" r:id="rIdHeader1" /></w:sectPr>"#
        );
        let out = String::from_utf8(document(xml.as_bytes(), true).unwrap()).unwrap();
        assert_eq!(
            out,
            concat!(
                r#"<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr><w:p><w:pPr><w:jc w:val="thaiDistribute" /></w:pPr></w:p>"#,
                r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1" /><w:pgSz w:w="11906" w:h="16838" />"#,
                r#"<w:pgMar w:top="1417" /><w:pgNumType w:fmt="thaiNumbers" /><w:cols w:num="1" /><w:titlePg /></w:sectPr>"#
            )
        );
        let arabic = String::from_utf8(document(xml.as_bytes(), false).unwrap()).unwrap();
        assert!(arabic.contains(r#"<w:pgNumType w:fmt="decimal" />"#));
        // Only the first section opens with a title page; w:titlePg goes before w:docGrid.
        let sect = r#"<w:sectPr><w:pgMar /><w:cols /><w:docGrid w:linePitch="360" /></w:sectPr>"#;
        let two = String::from_utf8(document(sect.repeat(2).as_bytes(), true).unwrap()).unwrap();
        assert_eq!(two.matches("<w:titlePg />").count(), 1);
        assert!(two.starts_with(concat!(
            r#"<w:sectPr><w:pgMar /><w:pgNumType w:fmt="thaiNumbers" /><w:cols />"#,
            r#"<w:titlePg /><w:docGrid w:linePitch="360" /></w:sectPr>"#
        )));
    }

    #[test]
    fn pictures_are_numbered() {
        let pic = r#"<w:drawing><wp:docPr id="1" name="Figure" /></w:drawing>"#;
        let out = String::from_utf8(document(pic.repeat(2).as_bytes(), true).unwrap()).unwrap();
        assert_eq!(
            out,
            concat!(
                r#"<w:drawing><wp:docPr id="1" name="Picture 1" /></w:drawing>"#,
                r#"<w:drawing><wp:docPr id="2" name="Picture 2" /></w:drawing>"#
            )
        );
    }
}
