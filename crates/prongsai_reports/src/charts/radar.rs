//! The radar (spider) chart: one axis per indicator, rings at 20–100, this year's polygon and last year's dashed.

use std::f64::consts::PI;
use std::fmt::Write as _;

use super::svg::{self, CURRENT, GRID, INK, Label, PREVIOUS, clamp_score, num};
use crate::model::{IndicatorLine, RenderOptions};
use crate::text;

/// Canvas width; wide so that labels on the left and right are never clipped.
const WIDTH: f64 = 760.0;
/// Radius of the 100 ring.
const RADIUS: f64 = 150.0;
/// Centre of the web.
const CX: f64 = WIDTH / 2.0;
/// Centre of the web (room above for a two-line top label).
const CY: f64 = 215.0;
/// Canvas height (room below for the bottom label and the legend).
const HEIGHT: f64 = 480.0;
/// Label font size (the chart is printed about 0.55 pt per pixel, so about 10 pt).
const LABEL_SIZE: f64 = 18.0;
/// Widest a label line may be before it is wrapped (the side margins are 214 px).
const LABEL_MAX: f64 = 200.0;

/// The point of `score` (0–100) on axis `i` of `n`, clockwise from the top.
fn point(i: usize, n: usize, score: f64) -> (f64, f64) {
    let angle = 2.0 * PI * i as f64 / n as f64;
    let r = RADIUS * clamp_score(score) / 100.0;
    (CX + r * angle.sin(), CY - r * angle.cos())
}

/// The `points` attribute of a polygon through `scores`.
fn points(scores: &[f64]) -> String {
    let n = scores.len();
    let pts: Vec<String> = scores
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let (x, y) = point(i, n, s);
            format!("{},{}", num(x), num(y))
        })
        .collect();
    pts.join(" ")
}

/// The whole chart; fewer than three indicators give a small SVG that says so.
pub fn draw(indicators: &[IndicatorLine], options: &RenderOptions) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let n = indicators.len();
    if n < 3 {
        svg::open(&mut out, 320.0, 40.0, "แผนภูมิเรดาร์คะแนนรายตัวชี้วัด");
        let note = "ข้อมูลตัวชี้วัดไม่พอสำหรับแผนภูมิเรดาร์".to_owned();
        Label {
            x: 160.0,
            y: 25.0,
            anchor: "middle",
            size: 13.0,
            bold: false,
            fill: INK,
        }
        .write(&mut out, &[note]);
        out.push_str("</svg>");
        return out;
    }
    svg::open(&mut out, WIDTH, HEIGHT, "แผนภูมิเรดาร์คะแนนรายตัวชี้วัด");
    grid(&mut out, n, options);
    let previous: Option<Vec<f64>> = indicators.iter().map(|l| l.previous).collect();
    if let Some(prev) = &previous {
        let _ = write!(
            out,
            r#"<polygon class="previous" points="{}" fill="none" stroke="{PREVIOUS}" stroke-width="1.5" stroke-dasharray="6 4"/>"#,
            points(prev)
        );
    }
    let current: Vec<f64> = indicators.iter().map(|l| l.score).collect();
    let _ = write!(
        out,
        r#"<polygon class="current" points="{}" fill="{CURRENT}" fill-opacity="0.18" stroke="{CURRENT}" stroke-width="2"/>"#,
        points(&current)
    );
    for (i, &s) in current.iter().enumerate() {
        let (x, y) = point(i, n, s);
        let _ = write!(
            out,
            r#"<circle cx="{}" cy="{}" r="3" fill="{CURRENT}"/>"#,
            num(x),
            num(y)
        );
    }
    for (i, line) in indicators.iter().enumerate() {
        axis_label(&mut out, i, n, line, options);
    }
    legend(&mut out, previous.is_some());
    out.push_str("</svg>");
    out
}

/// Rings at 20, 40, 60, 80, 100 with their values on the top axis, and the spokes.
fn grid(out: &mut String, n: usize, options: &RenderOptions) {
    for value in [20u8, 40, 60, 80, 100] {
        let v = f64::from(value);
        let width = if value == 100 { "1.2" } else { "0.8" };
        let _ = write!(
            out,
            r#"<polygon class="ring" data-value="{value}" points="{}" fill="none" stroke="{GRID}" stroke-width="{width}"/>"#,
            points(&vec![v; n])
        );
    }
    for i in 0..n {
        let (x, y) = point(i, n, 100.0);
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{GRID}" stroke-width="0.8"/>"#,
            num(CX),
            num(CY),
            num(x),
            num(y)
        );
    }
    for value in [20u8, 40, 60, 80, 100] {
        let y = CY - RADIUS * f64::from(value) / 100.0;
        Label {
            x: CX + 4.0,
            y: y - 3.0,
            anchor: "start",
            size: 13.0,
            bold: false,
            fill: PREVIOUS,
        }
        .write(out, &[text::number(value, options)]);
    }
}

/// "N ชื่อ" outside the 100 ring, anchored away from the centre, wrapped when long.
fn axis_label(out: &mut String, i: usize, n: usize, line: &IndicatorLine, options: &RenderOptions) {
    let angle = 2.0 * PI * i as f64 / n as f64;
    let (sin, cos) = (angle.sin(), angle.cos());
    let r = RADIUS + 16.0;
    let (x, y) = (CX + r * sin, CY - r * cos);
    let label = format!(
        "{} {}",
        text::number(line.number, options),
        text::digits(&line.name, options)
    );
    let lines = svg::wrap(&label, LABEL_MAX, LABEL_SIZE);
    let extra = (lines.len() - 1) as f64 * LABEL_SIZE * 1.25;
    let anchor = if sin > 0.15 {
        "start"
    } else if sin < -0.15 {
        "end"
    } else {
        "middle"
    };
    let first_baseline = if cos > 0.5 {
        y - extra - 2.0
    } else if cos < -0.5 {
        y + LABEL_SIZE
    } else {
        y + LABEL_SIZE * 0.35 - extra / 2.0
    };
    Label {
        x,
        y: first_baseline,
        anchor,
        size: LABEL_SIZE,
        bold: false,
        fill: INK,
    }
    .write(out, &lines);
}

/// The legend under the chart: this year (filled), last year (dashed) when drawn.
fn legend(out: &mut String, with_previous: bool) {
    let y = HEIGHT - 16.0;
    let x = if with_previous { CX - 170.0 } else { CX - 60.0 };
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="26" height="13" fill="{CURRENT}" fill-opacity="0.18" stroke="{CURRENT}" stroke-width="2"/>"#,
        num(x),
        num(y - 12.0)
    );
    let mut label = |x: f64, s: &str| {
        Label {
            x,
            y,
            anchor: "start",
            size: 16.0,
            bold: false,
            fill: INK,
        }
        .write(out, &[s.to_owned()]);
    };
    label(x + 32.0, "คะแนนปีนี้");
    if with_previous {
        let lx = x + 175.0;
        let _ = write!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{PREVIOUS}" stroke-width="1.5" stroke-dasharray="6 4"/>"#,
            num(lx),
            num(y - 5.0),
            num(lx + 26.0),
            num(y - 5.0)
        );
        Label {
            x: lx + 32.0,
            y,
            anchor: "start",
            size: 16.0,
            bold: false,
            fill: INK,
        }
        .write(out, &["คะแนนปีก่อน".to_owned()]);
    }
}
