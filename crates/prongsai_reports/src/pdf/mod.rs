//! PDF rendering with typst as a library: our templates, a display-string view of the data, bundled Sarabun.

mod clusters;
mod view;
mod world;

use std::panic::AssertUnwindSafe;

use typst::WorldExt;
use typst::diag::{Severity, SourceDiagnostic};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

pub use view::{BODY_SIZE_PT, landscape};
use world::{DATA_JSON, ReportWorld};

use crate::{RenderOptions, ReportData, ReportError, charts};

/// Renders `data` as PDF bytes: A4, Thai government margins, Sarabun embedded; landscape pages for
/// the measures plan and the implementation report. The same input gives the same bytes.
pub fn render(data: &ReportData, options: &RenderOptions) -> Result<Vec<u8>, ReportError> {
    // typst should not panic, but a server must not die with it if it does.
    let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
        let (document, _warnings) = layout(data, options)?;
        let document = clusters::join_split_clusters(document);
        // No timestamp and an identifier hashed from the title: reproducible bytes.
        typst_pdf::pdf(&document, &PdfOptions::default())
            .map_err(|errors| ReportError::Pdf(messages(None, &errors)))
    }));
    // Keep typst's memo cache warm for the next report but bounded in a long-running server.
    typst::comemo::evict(CACHE_AGE);
    result.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(ReportError::Pdf(format!("typst panicked: {what}")))
    })
}

/// Renders after which an unused memoised typst result is dropped.
const CACHE_AGE: usize = 10;

/// Lays `data` out into pages; returns the document and typst's warnings (as messages).
fn layout(
    data: &ReportData,
    options: &RenderOptions,
) -> Result<(PagedDocument, Vec<String>), ReportError> {
    let world = ReportWorld::new(files(data, options)?).map_err(ReportError::Pdf)?;
    let result = typst::compile::<PagedDocument>(&world);
    let warnings = result
        .warnings
        .iter()
        .map(|w| message(Some(&world), w))
        .collect();
    let document = result
        .output
        .map_err(|errors| ReportError::Pdf(messages(Some(&world), &errors)))?;
    Ok((document, warnings))
}

/// The virtual files of one render: the view JSON and, for an analysis with scores, the charts.
fn files(
    data: &ReportData,
    options: &RenderOptions,
) -> Result<Vec<(&'static str, Vec<u8>)>, ReportError> {
    let charts = view::has_charts(data);
    let view = view::view(data, options, charts);
    let json =
        serde_json::to_vec(&view).map_err(|e| ReportError::Pdf(format!("view JSON: {e}")))?;
    let mut files = vec![(DATA_JSON, json)];
    if let Some(summary) = data.summary.as_ref().filter(|_| charts) {
        files.push((
            view::RADAR_SVG,
            charts::for_typst(&charts::radar(&summary.indicators, options)).into_bytes(),
        ));
        files.push((
            view::BARS_SVG,
            charts::for_typst(&charts::indicator_bars(&summary.indicators, options)).into_bytes(),
        ));
    }
    Ok(files)
}

/// All diagnostics as one message, one per line.
fn messages(world: Option<&ReportWorld>, diagnostics: &[SourceDiagnostic]) -> String {
    let lines: Vec<String> = diagnostics.iter().map(|d| message(world, d)).collect();
    lines.join("\n")
}

/// "error: file.typ:12:5: message (hint: …)".
fn message(world: Option<&ReportWorld>, d: &SourceDiagnostic) -> String {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("{severity}: ");
    if let Some(world) = world
        && let Some(id) = d.span.id()
    {
        out.push_str(id.vpath().get_without_slash());
        let position = world
            .range(d.span)
            .zip(world.lookup(id))
            .and_then(|(range, source)| source.lines().byte_to_line_column(range.start));
        if let Some((line, column)) = position {
            out.push_str(&format!(":{}:{}", line + 1, column + 1));
        }
        out.push_str(": ");
    }
    out.push_str(&d.message);
    for hint in &d.hints {
        out.push_str(&format!(" (hint: {})", hint.v));
    }
    out
}

#[cfg(test)]
mod tests;
