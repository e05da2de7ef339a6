//! The analysis charts of `crate::charts` as PNG pictures: Word cannot be relied on to show SVG.

use std::borrow::Cow;
use std::sync::{Arc, OnceLock};

use docx_rs::{AlignmentType, Paragraph, Pic, Run};
use resvg::{tiny_skia, usvg};

use super::blocks::Ctx;
use super::content::Block;
use crate::model::Summary;
use crate::{ReportError, charts, fonts};

/// Resolution of the pictures at their printed size: sharp on paper, about 100 KB a chart.
const DPI: f64 = 200.0;
/// DrawingML's unit: English Metric Units per inch.
const EMU_PER_INCH: f64 = 914_400.0;
/// Printed width of the radar in cm (the text column of a portrait page is 16 cm): at 13 cm it
/// fits under the tool table on the first page, its labels at about 9 pt.
const RADAR_CM: f64 = 13.0;
/// Printed width of the indicator bars in cm.
const BARS_CM: f64 = 14.0;

/// A chart drawn as PNG: the file and its size in pixels.
pub(super) struct Png {
    /// The PNG file.
    pub bytes: Vec<u8>,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The radar and the indicator bars (the charts of the PDF), each a centred picture with its
/// caption under it; nothing when there are no indicator scores.
pub(super) fn blocks(ctx: &Ctx<'_>, s: &Summary) -> Result<Vec<Block>, ReportError> {
    if s.indicators.is_empty() {
        return Ok(Vec::new());
    }
    let charts = [
        (
            charts::radar(&s.indicators, ctx.opts),
            RADAR_CM,
            "คะแนนรายตัวชี้วัด (แผนภูมิเรดาร์)",
        ),
        (
            charts::indicator_bars(&s.indicators, ctx.opts),
            BARS_CM,
            "คะแนนรายตัวชี้วัดเทียบเกณฑ์ผ่าน",
        ),
    ];
    let mut out = Vec::with_capacity(4);
    for (n, (svg, cm, caption)) in charts.into_iter().enumerate() {
        let png = png(&svg, cm)?;
        let emu = |px: u32| (f64::from(px) / DPI * EMU_PER_INCH).round() as u32;
        // A fixed id: docx-rs would number pictures from a process-wide counter, and the same
        // report must give the same bytes.
        let pic = Pic::new_with_dimensions(png.bytes, png.width, png.height)
            .size(emu(png.width), emu(png.height))
            .id(format!("rIdChart{}", n + 1));
        out.push(Block::para(
            Paragraph::new()
                .add_run(Run::new().add_image(pic))
                .align(AlignmentType::Center)
                .keep_next(true),
        ));
        out.push(Block::para(ctx.caption(caption)));
    }
    Ok(out)
}

/// The bundled Sarabun faces in a font database of their own (no system fonts), loaded once.
fn font_database() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        for face in fonts::ALL {
            db.load_font_data(face.to_vec());
        }
        // The charts' stack ends in `sans-serif`: that is Sarabun too.
        db.set_sans_serif_family("Sarabun");
        Arc::new(db)
    })
    .clone()
}

/// `svg` drawn `width_cm` wide at `DPI` on white, as PNG.
pub(super) fn png(svg: &str, width_cm: f64) -> Result<Png, ReportError> {
    let err = |e: String| ReportError::Docx(format!("chart picture: {e}"));
    let options = usvg::Options {
        font_family: "Sarabun".into(),
        fontdb: font_database(),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(&sara_am_decomposed(svg), &options).map_err(|e| err(e.to_string()))?;
    let size = tree.size();
    let width = (width_cm / 2.54 * DPI).round() as u32;
    let scale = width as f32 / size.width();
    let height = (size.height() * scale).round() as u32;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| err(format!("no {width}×{height} canvas")))?;
    // Transparent pixels show black in some viewers; paper is white.
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let bytes = encode(pixmap.data(), width, height).map_err(|e| err(e.to_string()))?;
    Ok(Png {
        bytes,
        width,
        height,
    })
}

/// `s` with every SARA AM (ำ) written as NIKHAHIT + SARA AA, the NIKHAHIT before the tone marks
/// of its consonant: what the Thai shaper does with it, done before shaping.
///
/// usvg 0.47 (the one typst brings) advances a glyph cluster by its widest glyph instead of the
/// sum of its glyphs (fixed upstream in linebender/resvg#1043, usvg 0.48). The shaper makes one
/// cluster of a consonant with its SARA AM, so the SARA AA half was drawn over the next letter
/// (อำนาจ read as "อํณาจ"). Decomposed, NIKHAHIT is a mark of the consonant's cluster and SARA AA
/// a cluster of its own, and both are advanced right.
fn sara_am_decomposed(s: &str) -> Cow<'_, str> {
    const SARA_AM: char = '\u{0E33}';
    if !s.contains(SARA_AM) {
        return Cow::Borrowed(s);
    }
    let mut out: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        if c == SARA_AM {
            // Tone marks MAI EK … MAI CHATTAWA go above the NIKHAHIT.
            let mut at = out.len();
            while at > 0 && matches!(out[at - 1], '\u{0E48}'..='\u{0E4B}') {
                at -= 1;
            }
            out.insert(at, '\u{0E4D}');
            out.push('\u{0E32}');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out.into_iter().collect())
}

/// Opaque RGBA pixels (premultiplied alpha is plain alpha when opaque) as a PNG that knows its
/// resolution (`pHYs`), so that image tools show its printed size.
fn encode(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, png::EncodingError> {
    let mut out = Vec::with_capacity(rgba.len() / 16);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    let per_metre = (DPI / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions {
        xppu: per_metre,
        yppu: per_metre,
        unit: png::Unit::Meter,
    }));
    let mut writer = encoder.write_header()?;
    writer.write_image_data(rgba)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{png, sara_am_decomposed};

    /// A 100×50 SVG with `text` in `family` at 24 px.
    fn svg(text: &str, family: &str) -> String {
        format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><text x="5" y="35" font-size="24" font-family="{family}" fill="#000">{text}</text></svg>"##
        )
    }

    /// The number of dark pixels (text) in the PNG of `svg` drawn 1 inch wide, and the
    /// rightmost column holding one.
    fn ink(svg: &str) -> (usize, usize) {
        let p = png(svg, 2.54).expect("drawn");
        assert_eq!((p.width, p.height), (200, 100));
        let mut decoder = png::Decoder::new(std::io::Cursor::new(p.bytes));
        decoder.set_transformations(png::Transformations::EXPAND);
        let mut reader = decoder.read_info().expect("a PNG");
        let mut buf = vec![0; reader.output_buffer_size().expect("size")];
        let info = reader.next_frame(&mut buf).expect("pixels");
        assert_eq!(info.color_type, png::ColorType::Rgba);
        let dark: Vec<usize> = buf
            .chunks_exact(4)
            .enumerate()
            .filter(|(_, px)| px[0] < 100 && px[3] == 255)
            .map(|(i, _)| i % 200)
            .collect();
        (dark.len(), dark.iter().copied().max().unwrap_or(0))
    }

    #[test]
    fn thai_text_is_drawn_with_the_bundled_font_only() {
        assert!(
            ink(&svg("อำนาจ", "Sarabun")).0 > 200,
            "the Thai word is drawn"
        );
        // The generic family of the charts' stack is the bundled font as well.
        assert!(ink(&svg("อำนาจ", "sans-serif")).0 > 200);
        let empty = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"/>"#;
        assert_eq!(ink(empty).0, 0, "white where nothing is drawn");
    }

    #[test]
    fn sara_am_takes_the_room_of_sara_aa() {
        // ำ is a NIKHAHIT (no advance) over the consonant plus a SARA AA: "นำ" ends where "นา" does.
        let am = ink(&svg("นำ", "Sarabun")).1;
        let aa = ink(&svg("นา", "Sarabun")).1;
        assert!(am.abs_diff(aa) <= 2, "นำ ends at {am}, นา at {aa}");
        let dam = ink(&svg("ดำเนิน", "Sarabun")).1;
        let daa = ink(&svg("ดาเนิน", "Sarabun")).1;
        assert!(
            dam.abs_diff(daa) <= 2,
            "ดำเนิน ends at {dam}, ดาเนิน at {daa}"
        );
    }

    #[test]
    fn sara_am_is_decomposed_with_the_nikhahit_before_tone_marks() {
        assert_eq!(
            sara_am_decomposed("น้ำ อำนาจ"),
            "\u{0E19}\u{0E4D}\u{0E49}\u{0E32} \u{0E2D}\u{0E4D}\u{0E32}\u{0E19}\u{0E32}\u{0E08}"
        );
        assert!(matches!(
            sara_am_decomposed("การใช้"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
