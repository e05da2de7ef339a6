//! Times the import of each seed document: microseconds per import over many iterations (run with `--release`).
//!
//! `cargo run --release -p prongsai_import --example bench_import [SEEDS_DIR] [ITERATIONS]`

use std::error::Error;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use prongsai_domain::Catalog;
use prongsai_import::report::import_report;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"),
        PathBuf::from,
    );
    let iterations: u32 = args.next().map_or(Ok(500), |s| s.parse())?;
    let catalog = Catalog::embedded()?;
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if cfg!(debug_assertions) {
        println!("(debug build: run with --release for meaningful numbers)");
    }
    println!(
        "{:<28} {:>8} {:>9} {:>12} {:>12}",
        "seed", "KB", "measures", "µs/import", "best µs"
    );
    for path in paths {
        let bytes = std::fs::read(&path)?;
        let name = path.display().to_string();
        let doc = import_report(&name, &bytes, Some(&catalog))?;
        for _ in 0..20 {
            black_box(import_report(&name, black_box(&bytes), Some(&catalog))?);
        }
        let mut best = f64::INFINITY;
        let started = Instant::now();
        for _ in 0..iterations {
            let one = Instant::now();
            black_box(import_report(&name, black_box(&bytes), Some(&catalog))?);
            best = best.min(one.elapsed().as_secs_f64() * 1e6);
        }
        let mean = started.elapsed().as_secs_f64() * 1e6 / f64::from(iterations.max(1));
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        println!(
            "{file:<28} {:>8.1} {:>9} {mean:>12.1} {best:>12.1}",
            bytes.len() as f64 / 1024.0,
            doc.measures().count()
        );
    }
    Ok(())
}
