//! Joins the pieces typst splits a Thai cluster into, so the PDF's text layer holds each cluster once.

// typst 0.15.1 cuts a shaped run wherever a glyph's vertical offset changes (a tone mark raised
// over an upper vowel: ขั้, ที่, ผู้) and gives every piece the text of the whole cluster, so the
// cluster is written twice ("ขั้ขั้นตอน" when copied; typst#4225, krilla#411). Putting the raised
// glyphs back into the previous run with their vertical offset lets krilla write the cluster as
// one `/ActualText` span; the glyphs land exactly where they were.

use typst::layout::{Em, Frame, FrameItem, Point};
use typst::text::TextItem;
use typst_layout::PagedDocument;

/// Horizontal gap (pt) under which two runs count as touching.
const TOUCHING: f64 = 0.001;

/// `document` with every split cluster joined again; the same document when nothing is split.
pub(super) fn join_split_clusters(mut document: PagedDocument) -> PagedDocument {
    let mut pages = document.pages().to_vec();
    let mut changed = false;
    for page in &mut pages {
        if let Some(frame) = joined(&page.frame) {
            page.frame = frame;
            changed = true;
        }
    }
    if !changed {
        return document;
    }
    let info = document.info_mut().clone();
    PagedDocument::new(pages.into_iter().collect(), info)
}

/// `frame` with split clusters joined (also in nested groups), or `None` when it has none.
fn joined(frame: &Frame) -> Option<Frame> {
    if !has_split(frame) {
        return None;
    }
    let mut items: Vec<(Point, FrameItem)> = Vec::with_capacity(frame.items().len());
    for (pos, item) in frame.items() {
        let item = match item {
            FrameItem::Group(group) => match joined(&group.frame) {
                Some(inner) => {
                    let mut group = group.clone();
                    group.frame = inner;
                    FrameItem::Group(group)
                }
                None => item.clone(),
            },
            _ => item.clone(),
        };
        if let (FrameItem::Text(next), Some((prev_pos, FrameItem::Text(prev)))) =
            (&item, items.last_mut())
            && let Some(both) = join(*prev_pos, prev, *pos, next)
        {
            *prev = both;
            continue;
        }
        items.push((*pos, item));
    }
    let mut out = frame.clone();
    out.clear();
    out.push_multiple(items);
    Some(out)
}

/// Whether `frame` or a group inside it holds two runs that share a cluster.
fn has_split(frame: &Frame) -> bool {
    let mut prev: Option<(Point, &TextItem)> = None;
    for (pos, item) in frame.items() {
        match item {
            FrameItem::Group(group) if has_split(&group.frame) => return true,
            FrameItem::Text(next) => {
                if let Some((prev_pos, prev)) = prev
                    && shared_cluster(prev_pos, prev, *pos, next).is_some()
                {
                    return true;
                }
                prev = Some((*pos, next));
                continue;
            }
            _ => {}
        }
        prev = None;
    }
    false
}

/// The byte length of the cluster `a` ends with and `b` starts with, when `b` continues `a`'s
/// cluster at another height: same font and paint, touching, `a`'s last glyph and `b`'s first
/// glyph mapped to the same text of more than one character.
fn shared_cluster(a_pos: Point, a: &TextItem, b_pos: Point, b: &TextItem) -> Option<usize> {
    if a_pos.y == b_pos.y
        || ((a_pos.x + a.width()) - b_pos.x).to_pt().abs() > TOUCHING
        || a.font != b.font
        || a.size != b.size
        || a.fill != b.fill
        || a.stroke != b.stroke
        || a.lang != b.lang
        || a.region != b.region
    {
        return None;
    }
    let last = a.glyphs.last()?.range();
    let first = b.glyphs.first()?.range();
    if last.end != a.text.len() || first.start != 0 {
        return None;
    }
    let cluster = b.text.get(first)?;
    (a.text.get(last)? == cluster && cluster.chars().nth(1).is_some()).then_some(cluster.len())
}

/// `a` followed by `b`'s glyphs, raised or lowered to where `b` was drawn.
fn join(a_pos: Point, a: &TextItem, b_pos: Point, b: &TextItem) -> Option<TextItem> {
    let shared = shared_cluster(a_pos, a, b_pos, b)?;
    let shift = u16::try_from(a.text.len() - shared).ok()?;
    u16::try_from(a.text.len() + b.text.len() - shared).ok()?;
    // Frames grow downwards; a glyph's offset grows upwards.
    let rise = Em::from_abs(a_pos.y - b_pos.y, a.size);
    let mut both = a.clone();
    both.text.push_str(b.text.get(shared..)?);
    both.glyphs.extend(b.glyphs.iter().map(|g| {
        let mut g = g.clone();
        // The shared cluster maps onto `a`'s last cluster; later ones follow `a`'s text.
        g.range = shift + g.range.start..shift + g.range.end;
        g.y_offset += rise;
        g
    }));
    Some(both)
}
