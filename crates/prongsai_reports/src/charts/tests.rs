//! Chart tests: well-formed XML, radar geometry, escaping, digit option.

use std::collections::BTreeMap;

use quick_xml::Reader;
use quick_xml::events::Event;

use super::*;
use crate::model::{IndicatorLine, RenderOptions, ToolLine};

/// An element with its raw attribute values.
struct Element {
    name: String,
    attrs: BTreeMap<String, String>,
}

/// Parses `svg` strictly (matching end tags), returning its elements and its text content.
fn parse(svg: &str) -> (Vec<Element>, String) {
    let mut reader = Reader::from_str(svg);
    let mut elements = Vec::new();
    let mut text = String::new();
    let mut depth = 0i32;
    loop {
        match reader.read_event().expect("well-formed XML") {
            ev @ (Event::Start(_) | Event::Empty(_)) => {
                let (Event::Start(e) | Event::Empty(e)) = &ev else {
                    unreachable!()
                };
                if depth == 0 {
                    assert_eq!(e.name().as_ref(), "svg", "root element");
                }
                let attrs = e
                    .attributes()
                    .map(|a| {
                        let a = a.expect("attribute");
                        let key = a.key.as_ref().to_owned();
                        (key, a.value.into_owned())
                    })
                    .collect();
                let name = e.name().as_ref().to_owned();
                elements.push(Element { name, attrs });
                if matches!(ev, Event::Start(_)) {
                    depth += 1;
                }
            }
            Event::End(_) => depth -= 1,
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => text.push_str(match &*r.xml10_content() {
                "amp" => "&",
                "lt" => "<",
                "gt" => ">",
                "quot" => "\"",
                "apos" => "'",
                other => panic!("unexpected entity {other}"),
            }),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "every element closed");
    (elements, text)
}

/// The points of the polygon with `class`, or the ring with `data-value`.
fn polygon(elements: &[Element], key: &str, value: &str) -> Vec<(f64, f64)> {
    let e = elements
        .iter()
        .find(|e| e.name == "polygon" && e.attrs.get(key).map(String::as_str) == Some(value))
        .unwrap_or_else(|| panic!("polygon {key}={value}"));
    e.attrs["points"]
        .split_whitespace()
        .map(|p| {
            let (x, y) = p.split_once(',').expect("x,y");
            (x.parse().expect("x"), y.parse().expect("y"))
        })
        .collect()
}

fn indicators(n: u8, previous: bool) -> Vec<IndicatorLine> {
    let names = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้ทรัพย์สินของราชการ"];
    (1..=n)
        .map(|i| IndicatorLine {
            number: i,
            name: names[usize::from(i) % names.len()].to_owned(),
            tool: "IIT".into(),
            score: if i == 1 {
                100.0
            } else if i == 2 {
                50.0
            } else {
                80.0 + f64::from(i)
            },
            previous: previous.then_some(70.0),
        })
        .collect()
}

fn arabic() -> RenderOptions {
    RenderOptions {
        thai_digits: false,
        ..RenderOptions::default()
    }
}

#[test]
fn every_chart_is_well_formed_svg_with_size_and_view_box() {
    let opts = RenderOptions::default();
    let tools = vec![ToolLine {
        code: "IIT".into(),
        name: "การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน".into(),
        weight: 30.0,
        score: 97.5,
    }];
    for svg in [
        radar(&indicators(10, true), &opts),
        radar(&indicators(2, false), &opts),
        indicator_bars(&indicators(10, true), &opts),
        indicator_bars(&indicators(10, false), &opts),
        tool_bars(&tools, 96.2, &opts),
    ] {
        let (elements, _) = parse(&svg);
        let root = &elements[0].attrs;
        for key in ["width", "height", "viewBox", "font-family"] {
            assert!(root.contains_key(key), "{key} missing in {svg}");
        }
        assert!(root["font-family"].starts_with("Sarabun"));
    }
}

#[test]
fn radar_has_one_point_per_indicator_on_the_right_rings() {
    for n in [3u8, 10] {
        let svg = radar(&indicators(n, true), &RenderOptions::default());
        let (elements, _) = parse(&svg);
        let current = polygon(&elements, "class", "current");
        assert_eq!(current.len(), usize::from(n));
        assert_eq!(
            polygon(&elements, "class", "previous").len(),
            usize::from(n)
        );
        let outer = polygon(&elements, "data-value", "100");
        let count = outer.len() as f64;
        let cx = outer.iter().map(|p| p.0).sum::<f64>() / count;
        let cy = outer.iter().map(|p| p.1).sum::<f64>() / count;
        let dist = |p: (f64, f64)| ((p.0 - cx).powi(2) + (p.1 - cy).powi(2)).sqrt();
        let radius = dist(outer[0]);
        // Indicator 1 scores 100 (on the outer ring, at its vertex), indicator 2 scores 50.
        assert!(
            (dist(current[0]) - radius).abs() < 0.3,
            "100 on the outer ring"
        );
        assert!((current[0].0 - outer[0].0).abs() < 0.2 && (current[0].1 - outer[0].1).abs() < 0.2);
        assert!(
            (dist(current[1]) - radius / 2.0).abs() < 0.3,
            "50 at half radius"
        );
        let ring_60 = polygon(&elements, "data-value", "60");
        assert!((dist(ring_60[0]) - radius * 0.6).abs() < 0.3);
    }
}

#[test]
fn radar_without_previous_year_has_no_dashed_outline() {
    let svg = radar(&indicators(10, false), &RenderOptions::default());
    assert!(!svg.contains("class=\"previous\""));
    assert!(!svg.contains("คะแนนปีก่อน"));
    assert!(svg.contains("คะแนนปีนี้"));
}

#[test]
fn text_is_escaped() {
    let mut lines = indicators(4, false);
    lines[0].name = "ตัวชี้วัด <ทดสอบ> & \"คำพูด\"".into();
    let tools = vec![ToolLine {
        code: "A&B".into(),
        name: "<script>".into(),
        weight: 30.0,
        score: 1.0,
    }];
    for svg in [
        radar(&lines, &RenderOptions::default()),
        indicator_bars(&lines, &RenderOptions::default()),
        tool_bars(&tools, 50.0, &RenderOptions::default()),
    ] {
        assert!(!svg.contains("<ทดสอบ>") && !svg.contains("<script>"));
        let (_, text) = parse(&svg);
        assert!(
            text.contains("<ทดสอบ>") || text.contains("<script>"),
            "{text}"
        );
        assert!(text.contains('&'));
    }
}

#[test]
fn digits_follow_the_option() {
    let lines = indicators(10, true);
    let thai = indicator_bars(&lines, &RenderOptions::default());
    let (_, text) = parse(&thai);
    assert!(text.contains("๑๐๐.๐๐") && text.contains("๕๐.๐๐") && text.contains("เกณฑ์ผ่าน ๘๕"));
    assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text}");
    let latin = indicator_bars(&lines, &arabic());
    let (_, text) = parse(&latin);
    assert!(text.contains("100.00") && text.contains("50.00") && text.contains("เกณฑ์ผ่าน 85"));
    assert!(!text.chars().any(|c| ('๐'..='๙').contains(&c)), "{text}");
    let (_, text) = parse(&radar(&lines, &arabic()));
    assert!(text.contains("10 ") && text.contains("80"));
    let (_, text) = parse(&radar(&lines, &RenderOptions::default()));
    assert!(text.contains("๑๐ ") && text.contains("๘๐"));
}

#[test]
fn long_labels_wrap_onto_two_lines_and_output_is_deterministic() {
    let lines = indicators(10, false);
    let a = radar(&lines, &RenderOptions::default());
    assert_eq!(a, radar(&lines, &RenderOptions::default()));
    let (elements, _) = parse(&a);
    assert!(elements.iter().filter(|e| e.name == "tspan").count() >= 2);
    let wrapped = svg::wrap("๓ การใช้ทรัพย์สินของราชการ", 120.0, 13.0);
    assert_eq!(wrapped.len(), 2, "{wrapped:?}");
    assert_eq!(wrapped.concat().replace(' ', ""), "๓การใช้ทรัพย์สินของราชการ");
}

/// The value labels (`text-anchor="start"`) of a bar chart: (x, size, text).
fn value_labels(svg: &str) -> Vec<(f64, f64, String)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        tag[at..]
            .split('"')
            .next()
            .expect("value")
            .parse()
            .expect("number")
    };
    svg.split("<text ")
        .skip(1)
        .filter(|t| t.contains(r#"text-anchor="start""#))
        .map(|t| {
            let (tag, rest) = t.split_once('>').expect("tag end");
            let text = rest.split("</text>").next().expect("text end").to_owned();
            let tag = format!(" {tag}");
            (attr(&tag, "x"), attr(&tag, "font-size"), text)
        })
        .filter(|(_, _, text)| text.chars().all(|c| c == '.' || c.is_numeric()))
        .collect()
}

#[test]
fn value_labels_stay_inside_and_clear_of_the_pass_line() {
    // Scores just under, on and over the pass mark, and the widest value (100.00).
    let lines: Vec<IndicatorLine> = [80.0, 82.5, 84.0, 84.99, 85.0, 86.0, 99.99, 100.0, 0.0, 45.5]
        .iter()
        .enumerate()
        .map(|(i, &score)| IndicatorLine {
            number: i as u8 + 1,
            name: "การใช้อำนาจ".into(),
            tool: "IIT".into(),
            score,
            previous: Some((score - 1.5_f64).max(0.0)),
        })
        .collect();
    for options in [RenderOptions::default(), arabic()] {
        let svg = indicator_bars(&lines, &options);
        let width: f64 = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .and_then(|v| v.split(' ').next())
            .and_then(|w| w.parse().ok())
            .expect("viewBox width");
        let pass = svg
            .split(r#"class="pass-mark" x1=""#)
            .nth(1)
            .and_then(|v| v.split('"').next())
            .and_then(|x| x.parse::<f64>().ok())
            .expect("pass line x");
        let labels = value_labels(&svg);
        assert_eq!(labels.len(), 20, "one value per bar: {labels:?}");
        for (x, size, text) in labels {
            let right = x + svg::width(&text, size);
            assert!(
                right <= width - 2.0,
                "{text} ends at {right}, width {width}"
            );
            assert!(
                right < pass - 1.0 || x > pass + 1.0,
                "{text} from {x} to {right} crosses the pass line at {pass}"
            );
        }
    }
}

#[test]
fn sara_am_is_spelled_out_for_typst() {
    assert_eq!(for_typst("อำนาจ"), "อ\u{0E4D}\u{0E32}นาจ");
    assert_eq!(for_typst("น้ำ"), "น\u{0E4D}\u{0E49}\u{0E32}");
    assert_eq!(
        for_typst("<text>ดำเนินงาน</text>"),
        "<text>ด\u{0E4D}\u{0E32}เนินงาน</text>"
    );
}
