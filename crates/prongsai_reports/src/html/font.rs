//! The bundled Sarabun as the page's web font: @font-face rules with the WOFF2 files inline.

use std::fmt::Write as _;
use std::sync::OnceLock;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::fonts;

/// `@font-face` for Sarabun regular (400) and bold (700), each a `data:` URL of the WOFF2 file,
/// so the public sees Sarabun without having it installed and the page makes no request.
/// `font-display: swap` shows the fallback stack at once if decoding takes a moment.
pub(super) fn faces() -> &'static str {
    static CSS: OnceLock<String> = OnceLock::new();
    CSS.get_or_init(|| {
        let mut css = String::with_capacity(4 * (fonts::REGULAR_WOFF2.len() + fonts::BOLD_WOFF2.len()) / 3 + 512);
        for (weight, data) in [(400, fonts::REGULAR_WOFF2), (700, fonts::BOLD_WOFF2)] {
            let _ = writeln!(
                css,
                "@font-face {{ font-family: \"Sarabun\"; font-style: normal; font-weight: {weight}; \
                 font-display: swap; src: url(\"data:font/woff2;base64,{}\") format(\"woff2\"); }}",
                STANDARD.encode(data)
            );
        }
        css
    })
}
