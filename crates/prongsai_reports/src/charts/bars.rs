//! Horizontal bar charts: indicator scores (with last year's) and tool scores with the total, a line at the pass mark.

use std::fmt::Write as _;

use super::svg::{self, CURRENT, GRID, INK, Label, PASS, PREVIOUS, clamp_score, num};
use crate::model::{IndicatorLine, RenderOptions, ToolLine};
use crate::text;

/// Canvas width (printed at about 0.7 pt per pixel in the PDF).
const WIDTH: f64 = 580.0;
/// Right edge of the label column (labels are right-aligned here).
const LABEL_RIGHT: f64 = 212.0;
/// Widest label line before wrapping.
const LABEL_MAX: f64 = 205.0;
/// x of score 0.
const X0: f64 = 222.0;
/// Pixels per score point (100 → 290 px, room after it for the value).
const SCALE: f64 = 2.9;
/// Room above the first bar (for the pass-mark caption).
const TOP: f64 = 30.0;
/// The pass mark drawn as a line.
const PASS_MARK: f64 = 85.0;

/// x of `score` on the axis.
fn x_of(score: f64) -> f64 {
    X0 + clamp_score(score) * SCALE
}

/// One bar with its value at the end; `class` names it for tests and CSS.
struct Bar<'a> {
    class: &'a str,
    y: f64,
    height: f64,
    score: f64,
    fill: &'a str,
    value_size: f64,
    bold: bool,
}

impl Bar<'_> {
    fn write(&self, out: &mut String, options: &RenderOptions) {
        let w = clamp_score(self.score) * SCALE;
        let _ = write!(
            out,
            r#"<rect class="{}" x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
            self.class,
            num(X0),
            num(self.y),
            num(w),
            num(self.height),
            self.fill
        );
        let value = text::score(self.score, options);
        let label = Label {
            x: value_x(X0 + w + 5.0, svg::width(&value, self.value_size)),
            y: self.y + self.height / 2.0 + self.value_size * 0.35,
            anchor: "start",
            size: self.value_size,
            bold: self.bold,
            fill: INK,
        };
        label.write(out, &[value]);
    }
}

/// Where a value label `width` wide starts: just after its bar, or after the pass-mark line when
/// it would cross it (a score a little under the mark).
fn value_x(after_bar: f64, width: f64) -> f64 {
    let line = x_of(PASS_MARK);
    if after_bar < line + CLEAR && after_bar + width > line - CLEAR {
        line + CLEAR
    } else {
        after_bar
    }
}

/// Room (px) kept between a value label and the pass-mark line.
const CLEAR: f64 = 4.0;

/// Grid lines every 20 points with their values under the plot, and the dashed pass-mark line.
fn frame(out: &mut String, bottom: f64, options: &RenderOptions) {
    for v in [0u8, 20, 40, 60, 80, 100] {
        let x = x_of(f64::from(v));
        let _ = write!(
            out,
            r#"<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{GRID}" stroke-width="0.8"/>"#,
            num(x),
            num(TOP - 6.0),
            num(bottom)
        );
        Label {
            x,
            y: bottom + 16.0,
            anchor: "middle",
            size: 12.0,
            bold: false,
            fill: PREVIOUS,
        }
        .write(out, &[text::number(v, options)]);
    }
    let x = x_of(PASS_MARK);
    let _ = write!(
        out,
        r#"<line class="pass-mark" x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{PASS}" stroke-width="1.2" stroke-dasharray="5 3"/>"#,
        num(x),
        num(TOP - 10.0),
        num(bottom)
    );
    let caption = format!("เกณฑ์ผ่าน {}", text::number(85, options));
    Label {
        x,
        y: TOP - 14.0,
        anchor: "middle",
        size: 13.0,
        bold: false,
        fill: PASS,
    }
    .write(out, &[caption]);
}

/// Indicator bars: "N ชื่อ" on the left, this year's bar, last year's thinner grey bar under it.
pub fn indicators(lines: &[IndicatorLine], options: &RenderOptions) -> String {
    let with_previous = lines.iter().any(|l| l.previous.is_some());
    let row = if with_previous { 38.0 } else { 30.0 };
    let bottom = TOP + row * lines.len() as f64;
    let height = bottom + if with_previous { 54.0 } else { 28.0 };
    let mut out = String::with_capacity(6 * 1024);
    svg::open(&mut out, WIDTH, height, "แผนภูมิแท่งคะแนนรายตัวชี้วัด");
    frame(&mut out, bottom, options);
    for (i, line) in lines.iter().enumerate() {
        let top = TOP + row * i as f64 + 4.0;
        let label = format!(
            "{} {}",
            text::number(line.number, options),
            text::digits(&line.name, options)
        );
        row_label(&mut out, &label, top + 10.0, 15.0, false);
        Bar {
            class: "current",
            y: top,
            height: 17.0,
            score: line.score,
            fill: CURRENT,
            value_size: 15.0,
            bold: false,
        }
        .write(&mut out, options);
        if let Some(prev) = line.previous {
            Bar {
                class: "previous",
                y: top + 19.0,
                height: 8.0,
                score: prev,
                fill: PREVIOUS,
                value_size: 12.0,
                bold: false,
            }
            .write(&mut out, options);
        }
    }
    if with_previous {
        legend(&mut out, bottom + 42.0);
    }
    out.push_str("</svg>");
    out
}

/// Tool bars: one per tool ("IIT ชื่อ") and a bold total bar at the end.
pub fn tools(tools: &[ToolLine], total: f64, options: &RenderOptions) -> String {
    let row = 42.0;
    let bottom = TOP + row * (tools.len() + 1) as f64;
    let mut out = String::with_capacity(4 * 1024);
    svg::open(&mut out, WIDTH, bottom + 28.0, "แผนภูมิแท่งคะแนนรายเครื่องมือ");
    frame(&mut out, bottom, options);
    for (i, tool) in tools.iter().enumerate() {
        let top = TOP + row * i as f64 + 6.0;
        let label = format!(
            "{} {}",
            text::digits(&tool.code, options),
            text::digits(&tool.name, options)
        );
        row_label(&mut out, &label, top + 11.0, 14.0, false);
        Bar {
            class: "current",
            y: top,
            height: 22.0,
            score: tool.score,
            fill: CURRENT,
            value_size: 15.0,
            bold: false,
        }
        .write(&mut out, options);
    }
    let top = TOP + row * tools.len() as f64 + 6.0;
    row_label(&mut out, "คะแนนรวม", top + 11.0, 15.0, true);
    Bar {
        class: "total",
        y: top,
        height: 22.0,
        score: total,
        fill: "#16365f",
        value_size: 15.0,
        bold: true,
    }
    .write(&mut out, options);
    out.push_str("</svg>");
    out
}

/// A right-aligned row label centred on `middle`, on two lines when long.
fn row_label(out: &mut String, label: &str, middle: f64, size: f64, bold: bool) {
    let lines = svg::wrap(label, LABEL_MAX, size);
    let extra = (lines.len() - 1) as f64 * size * 1.25;
    let y = middle + size * 0.35 - extra / 2.0;
    Label {
        x: LABEL_RIGHT,
        y,
        anchor: "end",
        size,
        bold,
        fill: INK,
    }
    .write(out, &lines);
}

/// This year / last year legend under the axis values.
fn legend(out: &mut String, y: f64) {
    let x = X0 + 20.0;
    let _ = write!(
        out,
        r#"<rect x="{}" y="{}" width="24" height="12" fill="{CURRENT}"/><rect x="{}" y="{}" width="24" height="6" fill="{PREVIOUS}"/>"#,
        num(x),
        num(y - 11.0),
        num(x + 150.0),
        num(y - 7.0)
    );
    Label {
        x: x + 30.0,
        y,
        anchor: "start",
        size: 14.0,
        bold: false,
        fill: INK,
    }
    .write(out, &["คะแนนปีนี้".to_owned()]);
    Label {
        x: x + 180.0,
        y,
        anchor: "start",
        size: 14.0,
        bold: false,
        fill: INK,
    }
    .write(out, &["คะแนนปีก่อน".to_owned()]);
}
