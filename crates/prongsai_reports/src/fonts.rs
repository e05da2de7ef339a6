//! The bundled OFL Sarabun family (copied from npm by build.rs, web faces also as WOFF2) and its licence text.

/// Sarabun Regular (TTF).
pub const REGULAR: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Sarabun-Regular.ttf"));
/// Sarabun Bold (TTF).
pub const BOLD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Sarabun-Bold.ttf"));
/// Sarabun Italic (TTF).
pub const ITALIC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Sarabun-Italic.ttf"));
/// Sarabun Bold Italic (TTF).
pub const BOLD_ITALIC: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Sarabun-BoldItalic.ttf"));
/// Sarabun Regular as WOFF2 (the TTF's tables, Brotli-compressed by build.rs): the HTML web font.
pub const REGULAR_WOFF2: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Sarabun-Regular.woff2"));
/// Sarabun Bold as WOFF2: the HTML web font.
pub const BOLD_WOFF2: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/Sarabun-Bold.woff2"));
/// The SIL Open Font License 1.1 text that must ship with the font.
pub const LICENSE: &str = include_str!(concat!(env!("OUT_DIR"), "/Sarabun-OFL.txt"));

/// Every face, regular first.
pub const ALL: [&[u8]; 4] = [REGULAR, BOLD, ITALIC, BOLD_ITALIC];
