//! Copies the OFL Sarabun font files and their licence from `node_modules` (npm ci) into OUT_DIR, and the web faces as WOFF2.

use std::path::{Path, PathBuf};
use std::{env, fs};

/// (file in the npm package, name in OUT_DIR)
const FILES: &[(&str, &str)] = &[
    ("400Regular/Sarabun_400Regular.ttf", "Sarabun-Regular.ttf"),
    ("700Bold/Sarabun_700Bold.ttf", "Sarabun-Bold.ttf"),
    (
        "400Regular_Italic/Sarabun_400Regular_Italic.ttf",
        "Sarabun-Italic.ttf",
    ),
    (
        "700Bold_Italic/Sarabun_700Bold_Italic.ttf",
        "Sarabun-BoldItalic.ttf",
    ),
    ("LICENSE_FONT", "Sarabun-OFL.txt"),
];

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_default());
    let package = manifest.join("../../node_modules/@expo-google-fonts/sarabun");
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_default());
    println!("cargo::rerun-if-changed={}", package.display());
    for (from, to) in FILES {
        let src = package.join(from);
        copy(&src, &out.join(to));
    }
    for face in WEB_FONTS {
        woff2(
            &out.join(format!("{face}.ttf")),
            &out.join(format!("{face}.woff2")),
        );
    }
}

/// The faces the HTML page embeds as WOFF2 (in OUT_DIR, beside their TTFs).
const WEB_FONTS: &[&str] = &["Sarabun-Regular", "Sarabun-Bold"];

/// Writes `ttf` compressed as WOFF2 (Brotli at its best level) to `dst`.
fn woff2(ttf: &Path, dst: &Path) {
    let data = fs::read(ttf).unwrap_or_else(|e| panic!("{}: {e}", ttf.display()));
    let packed = ttf2woff2::encode(&data, ttf2woff2::BrotliQuality::default())
        .unwrap_or_else(|e| panic!("{}: WOFF2: {e}", ttf.display()));
    fs::write(dst, packed).unwrap_or_else(|e| panic!("{}: {e}", dst.display()));
}

fn copy(src: &Path, dst: &Path) {
    if let Err(e) = fs::copy(src, dst) {
        // Third-party files are never committed; the build takes them from the npm registry.
        panic!(
            "{}: {e}. Run `npm ci` in the repository root first (package.json pins @expo-google-fonts/sarabun).",
            src.display()
        );
    }
}
