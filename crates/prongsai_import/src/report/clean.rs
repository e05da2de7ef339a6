//! Cleaning a raw cell: HTML and entities removed, spaces normalised, OCR-spread letters joined, list items split.

use prongsai_domain::thai::digit_value;

use super::block::{HARD_BREAK, is_invisible, tag_len, tag_name};
use super::thai::join_wrapped;

/// Tags that end a paragraph or list item in exported tables.
const BREAK_TAGS: &[&str] = &[
    "p", "li", "br", "div", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "h4",
];

/// The cell as paragraphs: tags and entities resolved, spaces normalised; a soft line break
/// (`\n`) joins the paragraph above unless the new line starts with a list marker.
pub fn pieces(raw: &str) -> Vec<String> {
    split_pieces(raw, false)
}

/// Like [`pieces`], but every line break separates pieces (unit lists put one name per line).
pub fn lines(raw: &str) -> Vec<String> {
    split_pieces(raw, true)
}

/// The cell as one line of text: its pieces joined with spaces.
pub fn cell_text(raw: &str) -> String {
    pieces(raw).join(" ")
}

/// The cell as list items: pieces split further at numbered markers ("๑." "๒.") and dash
/// bullets, with the markers removed; items that are only punctuation are dropped.
pub fn cell_items(raw: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in pieces(raw) {
        for item in split_items(&piece) {
            if item.chars().any(char::is_alphanumeric) {
                out.push(item);
            }
        }
    }
    out
}

fn split_pieces(raw: &str, every_line: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut rest = raw;
    loop {
        // Copy plain text in bulk up to the next character that needs a decision.
        let plain = rest
            .find(['<', '&', '\n', HARD_BREAK])
            .unwrap_or(rest.len());
        cur.push_str(rest.get(..plain).unwrap_or_default());
        rest = rest.get(plain..).unwrap_or_default();
        let Some(c) = rest.chars().next() else { break };
        let mut step = c.len_utf8();
        match c {
            '<' => match tag_len(rest) {
                Some(len) => {
                    step = len;
                    let tag = rest.get(..len).unwrap_or_default();
                    if BREAK_TAGS.contains(&tag_name(tag).as_str()) {
                        end_line(&mut lines, &mut cur);
                        flush(&mut out, &mut lines, every_line);
                    }
                }
                None => cur.push(c),
            },
            '&' => match entity(rest) {
                Some((decoded, len)) => {
                    cur.push(decoded);
                    step = len;
                }
                None => cur.push(c),
            },
            '\n' => end_line(&mut lines, &mut cur),
            _ => {
                end_line(&mut lines, &mut cur);
                flush(&mut out, &mut lines, every_line);
            }
        }
        rest = rest.get(step..).unwrap_or_default();
    }
    end_line(&mut lines, &mut cur);
    flush(&mut out, &mut lines, every_line);
    out
}

/// Ends the current line: normalised and kept if not empty.
fn end_line(lines: &mut Vec<String>, cur: &mut String) {
    let line = normalize(cur);
    cur.clear();
    if !line.is_empty() {
        lines.push(line);
    }
}

/// Turns the lines of one paragraph into pieces: a wrapped line joins the piece above it
/// unless it starts with a list marker; the first line of a paragraph always starts a piece.
fn flush(out: &mut Vec<String>, lines: &mut Vec<String>, every_line: bool) {
    for (k, line) in lines.drain(..).enumerate() {
        if k > 0
            && !every_line
            && !starts_with_marker(&line)
            && let Some(last) = out.last_mut()
        {
            join_wrapped(last, &line);
        } else {
            out.push(line);
        }
    }
}

/// Collapses blanks to single spaces, trims, and joins letters that OCR spread apart.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(|c: char| c.is_whitespace() || is_invisible(c)) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if has_spread_run(&out) {
        join_spread_letters(&out)
    } else {
        out
    }
}

/// Whether `s` starts with a list marker: a dash or bullet, or "๑." / "2)" before text.
pub fn starts_with_marker(s: &str) -> bool {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix(['-', '•', '●', '○', '▪', '*', '–']) {
        return !rest.starts_with('-');
    }
    leading_number(s).is_some()
}

/// A list number at the start of `s` ("๑." "2)" "๑.สร้าง"): its value and the text after it.
/// A number followed by a digit ("๙๙.๓๘", "๑.๕") is not a list number.
pub fn leading_number(s: &str) -> Option<(u16, &str)> {
    let digits: usize = s
        .chars()
        .take_while(|&c| digit_value(c).is_some())
        .map(char::len_utf8)
        .sum();
    if digits == 0 || s.get(..digits)?.chars().count() > 2 {
        return None;
    }
    let after = s.get(digits..)?;
    let rest = after.strip_prefix(['.', ')'])?;
    if rest
        .chars()
        .next()
        .is_some_and(|c| digit_value(c).is_some())
    {
        return None;
    }
    let value = s
        .get(..digits)?
        .chars()
        .filter_map(digit_value)
        .fold(0u16, |n, d| n * 10 + d as u16);
    Some((value, rest.trim_start()))
}

/// Splits one piece at dash bullets (when it starts with one: "- ก - ข") and then at sequential
/// numbered markers (๑. … ๒. …); markers are removed.
pub fn split_items(piece: &str) -> Vec<String> {
    let piece = piece.trim();
    if let Some(rest) = piece.strip_prefix(['-', '•', '●', '○', '▪', '*'])
        && !rest.starts_with('-')
    {
        return rest
            .split(" -")
            .flat_map(|part| part.split(" •"))
            .flat_map(split_numbered)
            .collect();
    }
    split_numbered(piece)
}

/// Splits at sequential numbered markers: the first at the start (any value) or a "๑." later,
/// then each next number in turn, so "พ.ศ. ๒๕๖๘" or a stray "๔." never split a sentence.
fn split_numbered(piece: &str) -> Vec<String> {
    let piece = piece.trim();
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // (marker start, text start)
    let mut expected: Option<u16> = None;
    let mut prev_space = true;
    for (i, c) in piece.char_indices() {
        let at_word_start = prev_space;
        prev_space = c.is_whitespace();
        if !at_word_start || digit_value(c).is_none() {
            continue;
        }
        let Some((n, rest)) = piece.get(i..).and_then(leading_number) else {
            continue;
        };
        let wanted = match expected {
            Some(e) => n == e,
            None => i == 0 || n == 1,
        };
        if wanted {
            cuts.push((i, piece.len() - rest.len()));
            expected = n.checked_add(1);
        }
    }
    let mut items = Vec::with_capacity(cuts.len() + 1);
    let first = cuts.first().map_or(piece.len(), |&(start, _)| start);
    items.push(piece.get(..first).unwrap_or_default().trim().to_string());
    for (k, &(_, text_start)) in cuts.iter().enumerate() {
        let end = cuts.get(k + 1).map_or(piece.len(), |&(next, _)| next);
        items.push(
            piece
                .get(text_start..end)
                .unwrap_or_default()
                .trim()
                .to_string(),
        );
    }
    items.retain(|s| !s.is_empty());
    items
}

/// Decodes the HTML entity at the start of `s`: its character and length in bytes.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s.get(..s.len().min(12))?.find(';')?;
    let name = s.get(1..end)?;
    let c = match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|c| !c.is_control() || *c == '\n')?
        }
    };
    Some((c, end + 1))
}

/// Thai combining marks (above/below vowels and tone marks) that never stand alone in text.
fn is_thai_mark(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

/// A token OCR makes when it spreads a word out: one Thai letter with its marks, or a lone mark.
fn is_spread_token(t: &str) -> bool {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let base_ok =
        is_thai_mark(first) || (('\u{0E01}'..='\u{0E45}').contains(&first) && first != 'ฯ');
    base_ok && chars.all(is_thai_mark)
}

/// Whether `s` has three spread tokens in a row (checked before paying for [`join_spread_letters`]).
fn has_spread_run(s: &str) -> bool {
    let mut run = 0;
    for t in s.split(' ') {
        run = if is_spread_token(t) { run + 1 } else { 0 };
        if run >= 3 {
            return true;
        }
    }
    false
}

/// "ให้ แ ล ี ว เ ผ ย แ พ ร ่ ข่าว" → "ให้ แลีวเผยแพร่ ข่าว": runs of three or more spread tokens are joined.
pub fn join_spread_letters(s: &str) -> String {
    if !s.contains(' ') {
        return s.to_string();
    }
    let tokens: Vec<&str> = s.split(' ').collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < tokens.len() {
        let run = tokens
            .get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|t| is_spread_token(t))
            .count();
        if !out.is_empty() {
            out.push(' ');
        }
        if run >= 3 {
            for t in tokens.get(i..i + run).unwrap_or_default() {
                out.push_str(t);
            }
            i += run;
        } else {
            out.push_str(tokens.get(i).copied().unwrap_or_default());
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
