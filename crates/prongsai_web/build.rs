//! Copies htmx from `node_modules` (pinned in package.json, installed by `npm ci`) into OUT_DIR.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let src = manifest.join("../../node_modules/htmx.org/dist/htmx.min.js");
    println!("cargo:rerun-if-changed={}", src.display());
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap_or_default()).join("htmx.min.js");
    if let Err(e) = std::fs::copy(&src, &out) {
        panic!(
            "htmx is missing ({}: {e}): run `npm ci` first in the repository root",
            src.display()
        );
    }
}
