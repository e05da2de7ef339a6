//! Describes the codes a year accepts, compactly (`i1–i15, e1–e9, O1–O28, ind1–ind10`), for error messages.

use prongsai_domain::{Code, Framework};

/// The valid codes of `fw` as compact ranges.
pub fn describe_codes(fw: &Framework) -> String {
    let codes = fw.valid_codes();
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while let Some(&first) = codes.get(i) {
        let mut last = first;
        let mut j = i + 1;
        while let Some(&next) = codes.get(j) {
            if next.prefix == last.prefix && next.number == last.number + 1 {
                last = next;
                j += 1;
            } else {
                break;
            }
        }
        out.push(if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        });
        i = j;
    }
    out.join(", ")
}

/// Parses a code cell leniently: canonical codes with Thai or Arabic digits, any case.
pub fn parse_code_cell(text: &str) -> Option<Code> {
    text.trim().parse().ok()
}
