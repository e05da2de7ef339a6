//! The HTML page's web font: Sarabun inline as WOFF2 holding the bundled TTFs' very tables, and no request leaves the page.

use std::collections::BTreeMap;
use std::io::Read;

use base64::Engine as _;
use prongsai_reports::{ReportKind, fonts, html};

use crate::common;
use crate::docx::xml::parse;

/// WOFF2's known table tags by index (W3C WOFF2 §5.2, table 2); 63 means "tag follows".
const KNOWN_TAGS: [&[u8; 4]; 63] = [
    b"cmap", b"head", b"hhea", b"hmtx", b"maxp", b"name", b"OS/2", b"post", b"cvt ", b"fpgm",
    b"glyf", b"loca", b"prep", b"CFF ", b"VORG", b"EBDT", b"EBLC", b"gasp", b"hdmx", b"kern",
    b"LTSH", b"PCLT", b"VDMX", b"vhea", b"vmtx", b"BASE", b"GDEF", b"GPOS", b"GSUB", b"EBSC",
    b"JSTF", b"MATH", b"CBDT", b"CBLC", b"COLR", b"CPAL", b"SVG ", b"sbix", b"acnt", b"avar",
    b"bdat", b"bloc", b"bsln", b"cvar", b"fdsc", b"feat", b"fmtx", b"fvar", b"gvar", b"hsty",
    b"just", b"lcar", b"mort", b"morx", b"opbd", b"prop", b"trak", b"Zapf", b"Silf", b"Glat",
    b"Gloc", b"Feat", b"Sill",
];

/// Big-endian integers at `at`.
fn u16_at(b: &[u8], at: usize) -> usize {
    usize::from(u16::from_be_bytes([b[at], b[at + 1]]))
}
fn u32_at(b: &[u8], at: usize) -> usize {
    u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize
}

/// The tables of a TrueType file by tag, from its table directory (OpenType: a 12-byte offset
/// table, then 16-byte records of tag, checksum, offset and length).
fn sfnt_tables(ttf: &[u8]) -> BTreeMap<[u8; 4], Vec<u8>> {
    assert_eq!(u32_at(ttf, 0), 0x0001_0000, "TrueType outlines");
    (0..u16_at(ttf, 4))
        .map(|i| {
            let r = 12 + 16 * i;
            let (offset, length) = (u32_at(ttf, r + 8), u32_at(ttf, r + 12));
            let tag = [ttf[r], ttf[r + 1], ttf[r + 2], ttf[r + 3]];
            (tag, ttf[offset..offset + length].to_vec())
        })
        .collect()
}

/// A WOFF2 UIntBase128 at `*at`.
fn base128(b: &[u8], at: &mut usize) -> usize {
    let mut value = 0;
    for _ in 0..5 {
        let byte = b[*at];
        *at += 1;
        value = (value << 7) | usize::from(byte & 0x7f);
        if byte & 0x80 == 0 {
            return value;
        }
    }
    panic!("UIntBase128 longer than 5 bytes");
}

/// The tables of a WOFF2 file by tag (W3C WOFF2 §3–5: a 48-byte header, the table directory,
/// one Brotli stream of the tables in directory order); panics on a transformed table, whose
/// bytes would differ from the font's.
fn woff2_tables(woff2: &[u8]) -> BTreeMap<[u8; 4], Vec<u8>> {
    assert_eq!(&woff2[..4], b"wOF2", "signature");
    assert_eq!(u32_at(woff2, 4), 0x0001_0000, "flavour: TrueType");
    assert_eq!(u32_at(woff2, 8), woff2.len(), "length field");
    let tables = u16_at(woff2, 12);
    let compressed = u32_at(woff2, 20);
    let mut at = 48;
    let mut directory = Vec::new();
    for _ in 0..tables {
        let flags = woff2[at];
        at += 1;
        let tag = match usize::from(flags & 0x3f) {
            63 => {
                at += 4;
                [woff2[at - 4], woff2[at - 3], woff2[at - 2], woff2[at - 1]]
            }
            i => *KNOWN_TAGS[i],
        };
        let version = flags >> 6;
        let length = base128(woff2, &mut at);
        // glyf and loca are stored as they are with version 3, every other table with 0.
        let null = if &tag == b"glyf" || &tag == b"loca" {
            3
        } else {
            0
        };
        assert_eq!(
            version,
            null,
            "{} is transformed",
            String::from_utf8_lossy(&tag)
        );
        directory.push((tag, length));
    }
    let mut data = Vec::new();
    brotli_decompressor::Decompressor::new(&woff2[at..at + compressed], 4096)
        .read_to_end(&mut data)
        .expect("a Brotli stream");
    assert_eq!(data.len(), directory.iter().map(|(_, l)| l).sum::<usize>());
    let mut offset = 0;
    directory
        .into_iter()
        .map(|(tag, length)| {
            offset += length;
            (tag, data[offset - length..offset].to_vec())
        })
        .collect()
}

/// The `@font-face` rules of the page's stylesheet.
fn font_faces(page: &str) -> Vec<String> {
    let root = parse(page);
    let style = root.find("style").expect("inline css").text();
    style
        .match_indices("@font-face")
        .map(|(i, _)| {
            let end = style[i..].find('}').expect("closed rule");
            style[i..=i + end].to_owned()
        })
        .collect()
}

/// The value of `descriptor` in a `@font-face` rule.
fn descriptor(rule: &str, name: &str) -> String {
    let at = rule.find(&format!("{name}:")).expect(name) + name.len() + 1;
    // A `;` inside a data URL (";base64,") is not followed by a space.
    let end = rule[at..]
        .find("; ")
        .or_else(|| rule[at..].find(";}"))
        .expect("descriptor end");
    rule[at..at + end].trim().to_owned()
}

#[test]
fn the_page_embeds_the_bundled_sarabun_regular_and_bold() {
    let page = html::render(
        &common::scores_report(ReportKind::Analysis),
        &common::thai(),
    )
    .expect("html renders");
    let faces = font_faces(&page);
    assert_eq!(faces.len(), 2, "regular and bold");
    for (rule, weight, ttf) in [
        (&faces[0], "400", fonts::REGULAR),
        (&faces[1], "700", fonts::BOLD),
    ] {
        assert_eq!(descriptor(rule, "font-family").trim_matches('"'), "Sarabun");
        assert_eq!(descriptor(rule, "font-weight"), weight);
        assert_eq!(descriptor(rule, "font-style"), "normal");
        assert_eq!(descriptor(rule, "font-display"), "swap");
        let src = descriptor(rule, "src");
        let url = src
            .strip_prefix("url(\"data:font/woff2;base64,")
            .and_then(|s| s.strip_suffix("\") format(\"woff2\")"))
            .unwrap_or_else(|| panic!("a WOFF2 data URL: {}", &src[..60]));
        let woff2 = base64::engine::general_purpose::STANDARD
            .decode(url)
            .expect("base64");
        // The decoded font is the bundled TTF: every table, byte for byte, and no other.
        let bundled = sfnt_tables(ttf);
        assert!(bundled.contains_key(b"GSUB") && bundled.contains_key(b"glyf"));
        assert_eq!(woff2_tables(&woff2), bundled);
        // Smaller than the TTF it carries (the reason for WOFF2).
        assert!(
            woff2.len() * 10 < ttf.len() * 7,
            "{} vs {}",
            woff2.len(),
            ttf.len()
        );
    }
    // The stack the page asks for is kept; Sarabun is in it.
    assert!(
        page.contains("font-family: \"TH SarabunIT๙\", \"TH Sarabun New\", Sarabun, sans-serif")
    );
}

/// Every `name="…"` attribute value in `page`, in order.
fn attribute_values<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    page.match_indices(&key)
        .map(|(i, _)| {
            let start = i + key.len();
            &page[start..start + page[start..].find('"').expect("closed value")]
        })
        .collect()
}

#[test]
fn the_page_requests_nothing_but_links_of_its_content() {
    // The OIT checklist links its evidence: that one URL is content, nothing else may leave.
    let evidence = "https://www.example.go.th/structure?id=1&amp;view=ita";
    for kind in [ReportKind::Analysis, ReportKind::Oit] {
        let page = html::render(&common::scores_report(kind), &common::thai()).expect("html");
        assert!(!page.contains("<link") && !page.contains("<script") && !page.contains("@import"));
        for value in attribute_values(&page, "src") {
            assert!(!value.contains("//"), "src={value}");
        }
        for value in attribute_values(&page, "href") {
            if value.starts_with("http://") || value.starts_with("https://") {
                assert_eq!(value, evidence, "{kind:?}");
            }
        }
        // Every url() of the stylesheet is inline data.
        for (i, _) in page.match_indices("url(") {
            assert!(page[i..].starts_with("url(\"data:"), "{}", &page[i..i + 40]);
        }
        if kind == ReportKind::Oit {
            assert!(attribute_values(&page, "href").contains(&evidence));
        }
    }
}
