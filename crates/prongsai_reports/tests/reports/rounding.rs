//! One rounding everywhere: documents print the total the engine graded, for totals within float noise of a
//! band edge. Expected figures are written by hand (half away from zero on the value as the user typed it).

use prongsai_domain::analysis::analyze;
use prongsai_domain::scoring::{ScoreSheet, score};
use prongsai_reports::build::{EvidenceUrls, default_header, from_scores};
use prongsai_reports::{Format, RenderOptions, ReportKind, render};

use crate::common;

/// (every indicator's score = the total, shown total, 2568 level, 2564 letter).
const EDGES: &[(f64, &str, &str, &str)] = &[
    (85.0 - 1e-10, "85.00", "ผ่านดี", "A"),
    (84.995, "85.00", "ผ่านดี", "A"), // stored as 84.99499999999999744
    (84.995 - 1e-12, "85.00", "ผ่านดี", "A"),
    (84.9949, "84.99", "ต้องปรับปรุง", "B"),
    (95.0 - 1e-10, "95.00", "ผ่านดีเยี่ยม", "AA"),
    (94.995, "95.00", "ผ่านดีเยี่ยม", "AA"),
    (70.0 - 1e-10, "70.00", "ต้องปรับปรุง", "C"),
    (69.995 - 1e-12, "70.00", "ต้องปรับปรุง", "C"),
];

fn thai(s: &str) -> String {
    prongsai_domain::thai::apply_digits(s, prongsai_domain::thai::DigitStyle::Thai)
}

#[test]
fn every_format_prints_the_total_the_engine_graded() {
    let c = common::catalog();
    for (year, label_of) in [(2568_u16, 2_usize), (2564, 3)] {
        let fw = c.framework(year).expect("year");
        for (i, edge) in EDGES.iter().enumerate() {
            let (value, shown) = (edge.0, edge.1);
            let label = if label_of == 2 { edge.2 } else { edge.3 };
            let mut sheet = ScoreSheet::new();
            for n in 1..=10 {
                sheet
                    .set(fw, format!("ind{n}").parse().expect("code"), value)
                    .expect("valid");
            }
            let result = score(fw, &sheet).expect("scores");
            assert_eq!(result.total.to_string(), shown, "{year} {value}: engine");
            assert_eq!(result.grade, label, "{year} {value}: engine label");
            let analysis = analyze(fw, c.guidance(year), &result, None);
            let wrong = if shown == "85.00" { "84.99" } else { "85.00" };
            for kind in [ReportKind::Analysis, ReportKind::Oit] {
                let data = from_scores(
                    fw,
                    &result,
                    &analysis,
                    default_header(kind, Some(year)),
                    kind,
                    &EvidenceUrls::new(),
                    None,
                )
                .expect("data");
                // PDF rendering is the slow part: every edge once for the analysis, the OIT list for two.
                let formats: &[Format] = if kind == ReportKind::Analysis || i < 2 {
                    &[Format::Pdf, Format::Docx, Format::Html]
                } else {
                    &[Format::Docx, Format::Html]
                };
                for &format in formats {
                    let bytes = render(&data, format, &RenderOptions::default()).expect("renders");
                    let text = common::visible_text(format, &bytes);
                    let what = format!("{year} {value} {kind:?} {format:?}");
                    assert!(
                        text.contains(&thai(shown)),
                        "{what}: {} missing",
                        thai(shown)
                    );
                    assert!(
                        !text.contains(&thai(wrong)),
                        "{what}: prints {}",
                        thai(wrong)
                    );
                    assert!(text.contains(label), "{what}: label {label} missing");
                    if year >= 2566 {
                        // A rating level says whether it passed; no letter-era pass sentence beside it.
                        assert!(
                            !text.contains("ผ่านเกณฑ์("),
                            "{what}: letter-era pass sentence"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn a_result_given_as_whole_tools_renders_in_every_format() {
    let c = common::catalog();
    let fw = c.framework(2567).expect("2567");
    let mut sheet = ScoreSheet::new();
    for (u, v) in [("IIT", 96.5), ("EP", 97.0), ("ES", 91.0), ("OIT", 100.0)] {
        sheet
            .set_unit(fw, u.parse().expect("unit"), v)
            .expect("valid");
    }
    let result = score(fw, &sheet).expect("scores");
    let analysis = analyze(fw, c.guidance(2567), &result, None);
    let data = from_scores(
        fw,
        &result,
        &analysis,
        default_header(ReportKind::Analysis, Some(2567)),
        ReportKind::Analysis,
        &EvidenceUrls::new(),
        None,
    )
    .expect("data");
    for format in [Format::Pdf, Format::Docx, Format::Html] {
        let bytes = render(&data, format, &RenderOptions::default()).expect("renders");
        let text = common::visible_text(format, &bytes);
        // 0.3·96.5 + 0.3·94 + 0.4·100 = 97.15, ES 91 < 95: ผ่านดี.
        assert!(text.contains(&thai("97.15")), "{format:?}");
        assert!(text.contains("ผ่านดี"), "{format:?}");
    }
}

#[test]
fn the_published_result_replaces_ours_and_says_so() {
    use prongsai_domain::scoring::OfficialResult;
    let c = common::catalog();
    let fw = c.framework(2567).expect("2567");
    let mut sheet = ScoreSheet::new();
    for n in 1..=10 {
        sheet
            .set(fw, format!("ind{n}").parse().expect("code"), 90.0)
            .expect("valid");
    }
    let result = score(fw, &sheet).expect("scores");
    let analysis = analyze(fw, c.guidance(2567), &result, None);
    // Seed 003's published 2567 total.
    let official = OfficialResult {
        total: 86.62,
        level: "ผ่าน".into(),
        tools: Default::default(),
        indicators: Default::default(),
    }
    .checked(fw)
    .expect("valid");
    let data = from_scores(
        fw,
        &result,
        &analysis,
        default_header(ReportKind::Analysis, Some(2567)),
        ReportKind::Analysis,
        &EvidenceUrls::new(),
        Some(&official),
    )
    .expect("data");
    for format in [Format::Pdf, Format::Docx, Format::Html] {
        let text = common::visible_text(
            format,
            &render(&data, format, &RenderOptions::default()).expect("renders"),
        );
        assert!(text.contains(&thai("86.62")), "{format:?}: published total");
        assert!(
            text.contains("ป.ป.ช.ประกาศ"),
            "{format:?}: says it is the published result"
        );
        assert!(!text.contains("assumed"), "{format:?}: no internal notes");
    }
}
