//! Benchmark: render a ~20-page implementation report (seed 002's measures, repeated) as PDF and DOCX.
//!
//! Usage: `cargo run --release -p prongsai_reports --example bench_render -- [OUT_DIR] [SEED_FILE]`.
//! Prints `key=value` lines (pages, runs, median and min per format, output paths) that
//! `benches/reports/run.sh` reads. Needs `pdfinfo` (poppler-utils) to count the pages.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use prongsai_domain::Catalog;
use prongsai_import::report::import_report;
use prongsai_reports::model::MeasureGroup;
use prongsai_reports::{RenderOptions, ReportData, ReportKind, build, docx, pdf};

/// Pages the report must reach.
const TARGET_PAGES: u32 = 20;
/// Timed runs per format (after the warm-up).
const RUNS: usize = 15;
/// Untimed warm-up runs per format.
const WARM_UP: usize = 2;

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let mut args = std::env::args().skip(1);
    let out_dir = PathBuf::from(args.next().unwrap_or_else(|| "target/bench-reports".into()));
    let seed = args
        .next()
        .map_or_else(default_seed, |s| Ok(PathBuf::from(s)))?;
    std::fs::create_dir_all(&out_dir)?;
    let options = RenderOptions::default();

    let base = seed_report(&seed)?;
    let mut copies = 1;
    let (data, pdf_bytes, pages) = loop {
        let data = repeated(&base, copies);
        let bytes = pdf::render(&data, &options)?;
        let pages = pdf_pages(&bytes, &out_dir.join("report.pdf"))?;
        if pages >= TARGET_PAGES || copies >= 64 {
            break (data, bytes, pages);
        }
        // Grow in proportion, one copy at least, so we need few layout passes.
        let per_copy = f64::from(pages) / f64::from(copies);
        let wanted = (f64::from(TARGET_PAGES) / per_copy.max(0.1)).ceil() as u32;
        copies = wanted.max(copies + 1);
    };
    let measures: usize = data.measure_groups.iter().map(|g| g.measures.len()).sum();
    println!("seed={}", seed.display());
    println!("copies={copies}");
    println!("measures={measures}");
    println!("pages={pages}");
    println!("runs={RUNS}");

    // typst memoises layout across calls: "cold" clears its cache before every run (a report
    // never rendered before), "warm" keeps it (the same report rendered again).
    let (pdf_median, pdf_min) = time(
        || typst::comemo::evict(0),
        || pdf::render(&data, &options).map(|b| b.len()),
    )?;
    let (warm_median, warm_min) = time(|| {}, || pdf::render(&data, &options).map(|b| b.len()))?;
    let (docx_median, docx_min) = time(|| {}, || docx::render(&data, &options).map(|b| b.len()))?;
    let docx_bytes = docx::render(&data, &options)?;
    let pdf_path = out_dir.join("report.pdf");
    let docx_path = out_dir.join("report.docx");
    std::fs::write(&pdf_path, &pdf_bytes)?;
    std::fs::write(&docx_path, &docx_bytes)?;
    println!("pdf_median_ms={:.2}", ms(pdf_median));
    println!("pdf_min_ms={:.2}", ms(pdf_min));
    println!("pdf_warm_median_ms={:.2}", ms(warm_median));
    println!("pdf_warm_min_ms={:.2}", ms(warm_min));
    println!("docx_median_ms={:.2}", ms(docx_median));
    println!("docx_min_ms={:.2}", ms(docx_min));
    println!("pdf_bytes={}", pdf_bytes.len());
    println!("docx_bytes={}", docx_bytes.len());
    println!("pdf_path={}", pdf_path.display());
    println!("docx_path={}", docx_path.display());
    // For LibreOffice, the same document in the PDF's font and size: officers' TH SarabunIT๙ is
    // not on this machine, and Sarabun at 16 pt (a size meant for TH Sarabun's small letters)
    // would lay out three times the pages. Same text, same metrics, comparable page counts.
    let lo_options = RenderOptions {
        docx_font: "Sarabun".into(),
        docx_font_size: pdf::BODY_SIZE_PT as f32,
        ..options.clone()
    };
    let lo_path = out_dir.join("report-sarabun.docx");
    std::fs::write(&lo_path, docx::render(&data, &lo_options)?)?;
    println!("lo_docx_path={}", lo_path.display());
    Ok(())
}

/// `shared/seeds/002_*.txt` beside the repository.
fn default_seed() -> Result<PathBuf, Error> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path
            .file_name()
            .and_then(|f| f.to_str())
            .is_some_and(|f| f.starts_with("002_"))
        {
            return Ok(path);
        }
    }
    Err(format!("no 002_*.txt seed in {}", dir.display()).into())
}

/// The seed imported with the built-in catalog, as an implementation report.
fn seed_report(path: &Path) -> Result<ReportData, Error> {
    let catalog = Catalog::embedded()?;
    let bytes = std::fs::read(path)?;
    let doc = import_report(&path.display().to_string(), &bytes, Some(&catalog))?;
    Ok(build::from_document(&doc, ReportKind::Implementation)?)
}

/// `base` with its measure groups repeated `copies` times, each copy's headings and titles numbered.
fn repeated(base: &ReportData, copies: u32) -> ReportData {
    let mut data = base.clone();
    data.measure_groups = (1..=copies)
        .flat_map(|k| {
            base.measure_groups.iter().map(move |g| {
                let mut g: MeasureGroup = g.clone();
                if k > 1 {
                    g.heading = g.heading.map(|h| format!("{h} (ชุดที่ {k})"));
                    for m in &mut g.measures {
                        m.title = format!("{} (ชุดที่ {k})", m.title);
                    }
                }
                g
            })
        })
        .collect();
    data
}

/// The page count of `bytes` according to `pdfinfo` (the PDF is written to `path` for it).
fn pdf_pages(bytes: &[u8], path: &Path) -> Result<u32, Error> {
    std::fs::write(path, bytes)?;
    let out = Command::new("pdfinfo").arg(path).output()?;
    if !out.status.success() {
        return Err(format!("pdfinfo failed on {}", path.display()).into());
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| "pdfinfo printed no page count".into())
}

/// Median and minimum wall time of `f` over [`RUNS`] runs after [`WARM_UP`] runs;
/// `before` runs untimed before each of them.
fn time<E: std::error::Error + 'static>(
    mut before: impl FnMut(),
    mut f: impl FnMut() -> Result<usize, E>,
) -> Result<(Duration, Duration), Error> {
    for _ in 0..WARM_UP {
        before();
        std::hint::black_box(f()?);
    }
    let mut times = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        before();
        let start = Instant::now();
        std::hint::black_box(f()?);
        times.push(start.elapsed());
    }
    times.sort();
    Ok((times[RUNS / 2], times[0]))
}

/// Milliseconds as a float.
fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
