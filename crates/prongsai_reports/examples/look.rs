//! Renders each report kind to PDF from the seed fixtures (for `scripts/render-look`) and prints render times.

// Usage: cargo run -p prongsai_reports --example look -- [SEEDS_DIR] [OUT_DIR] [ROUNDS]
// SEEDS_DIR defaults to ../shared/seeds beside the repository, OUT_DIR to target/look.
// Analysis and OIT come from examples/seed001-2568.csv (seed 001's printed question scores,
// illustrative OIT marks), the
// measures plan from seed 004 and the implementation report from seed 002; seed 003's
// implementation report (`recommendations.pdf`) shows the assessor's recommendations.

use std::path::{Path, PathBuf};
use std::time::Instant;

use prongsai_domain::Catalog;
use prongsai_domain::analysis::analyze;
use prongsai_domain::scoring::score;
use prongsai_import::parse_score_file;
use prongsai_import::report::import_report;
use prongsai_reports::build::{EvidenceUrls, default_header, from_document, from_scores};
use prongsai_reports::{RenderOptions, ReportData, ReportKind, pdf};

type Error = Box<dyn std::error::Error>;

fn main() -> Result<(), Error> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = std::env::args().skip(1);
    let seeds = args
        .next()
        .map_or_else(|| root.join("../shared/seeds"), PathBuf::from);
    let out = args
        .next()
        .map_or_else(|| root.join("target/look"), PathBuf::from);
    let rounds: u32 = args.next().map_or(Ok(1), |r| r.parse())?;
    std::fs::create_dir_all(&out)?;
    let catalog = Catalog::embedded()?;
    for kind in ReportKind::ALL {
        let data = match kind {
            ReportKind::Analysis | ReportKind::Oit => from_score_file(&root, &catalog, kind)?,
            ReportKind::Measures => from_document(&seed(&seeds, 4, &catalog)?, kind)?,
            ReportKind::Implementation | ReportKind::Midyear => {
                from_document(&seed(&seeds, 2, &catalog)?, kind)?
            }
        };
        // Every published document ends with the head of agency's signature block.
        let mut data = data;
        data.header.signature = Some(prongsai_reports::model::Signature {
            name: "นายสมชาย ใจดี".into(),
            position: "นายกองค์การบริหารส่วนตำบล".into(),
            date: Some("2025-03-31".into()),
        });
        if kind == ReportKind::Implementation {
            // A report twice as long (about 20 landscape pages) for the speed target, rendered
            // before the normal one so that typst has nothing of it cached.
            let mut long = data.clone();
            long.measure_groups
                .extend(data.measure_groups.iter().cloned());
            let start = Instant::now();
            let bytes = pdf::render(&long, &RenderOptions::default())?;
            let ms = start.elapsed().as_secs_f64() * 1000.0;
            let path = out.join("implementation-long.pdf");
            std::fs::write(&path, &bytes)?;
            println!("{}: {} bytes, {ms:.0} ms", path.display(), bytes.len());
        }
        let mut bytes = Vec::new();
        let mut times = Vec::new();
        for _ in 0..rounds.max(1) {
            let start = Instant::now();
            bytes = pdf::render(&data, &RenderOptions::default())?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let path = out.join(format!("{}.pdf", kind.slug()));
        std::fs::write(&path, &bytes)?;
        let first = times.first().copied().unwrap_or_default();
        let best = times.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "{}: {} bytes, first {first:.0} ms, best {best:.0} ms",
            path.display(),
            bytes.len()
        );
    }
    let data = from_document(&seed(&seeds, 3, &catalog)?, ReportKind::Implementation)?;
    let bytes = pdf::render(&data, &RenderOptions::default())?;
    let path = out.join("recommendations.pdf");
    std::fs::write(&path, &bytes)?;
    println!("{}: {} bytes", path.display(), bytes.len());
    Ok(())
}

/// Seed `n` (its file starts with `00n_`) imported as `prongsai import-report` would.
fn seed(
    dir: &Path,
    n: u8,
    catalog: &Catalog,
) -> Result<prongsai_domain::document::ReportDocument, Error> {
    let prefix = format!("{n:03}_");
    let path = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e} (pass the seeds directory)", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .and_then(|f| f.to_str())
                .is_some_and(|f| f.starts_with(&prefix))
        })
        .ok_or_else(|| format!("no seed {prefix}* in {}", dir.display()))?;
    let bytes = std::fs::read(&path)?;
    Ok(import_report(
        &path.display().to_string(),
        &bytes,
        Some(catalog),
    )?)
}

/// The analysis or OIT report computed from the example score file.
fn from_score_file(root: &Path, catalog: &Catalog, kind: ReportKind) -> Result<ReportData, Error> {
    let fw = catalog.framework(2568).ok_or("no 2568 framework")?;
    let bytes = std::fs::read(root.join("examples/seed001-2568.csv"))?;
    let sheet = parse_score_file("seed001-2568.csv", &bytes, fw)?;
    let result = score(fw, &sheet)?;
    let analysis = analyze(fw, catalog.guidance(2568), &result, None);
    let mut header = default_header(kind, Some(2568));
    header.agency = "องค์การบริหารส่วนตำบลหนองกะปุ".into();
    header.district = Some("บ้านลาด".into());
    header.province = Some("เพชรบุรี".into());
    let mut urls = EvidenceUrls::new();
    urls.insert(
        "O1".parse()?,
        "https://www.nongkapu.go.th/structure?id=1&view=ita".into(),
    );
    Ok(from_scores(
        fw, &result, &analysis, header, kind, &urls, None,
    )?)
}
