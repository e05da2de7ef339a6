//! The body of the HTML page per report kind: summary with charts, indicators, measures, OIT,
//! then the assessor's recommendations when the report carries them.

use super::{Page, escape};
use crate::docx::words;
use crate::model::{
    IndicatorBlock, OitRow, OitStatus, Recommendations, RenderOptions, ReportData, ReportKind,
    Summary,
};
use crate::{charts, table, text};

/// Writes the introduction and the kind's content (checked by `words::require_data`) into `page`.
pub(super) fn body(page: &mut Page, data: &ReportData, o: &RenderOptions) {
    for p in data.paragraphs.iter().filter(|p| !p.trim().is_empty()) {
        page.el("p", "class=\"body\"", &text::digits(p, o));
    }
    match data.kind {
        ReportKind::Analysis => {
            if let Some(s) = &data.summary {
                summary(page, s, o);
            }
            for (i, b) in data.indicators.iter().enumerate() {
                indicator(page, b, i, o);
            }
        }
        ReportKind::Measures | ReportKind::Implementation | ReportKind::Midyear => {
            if let Some(s) = &data.summary {
                page.el("p", "class=\"total\"", &words::summary_line(s, o));
            }
            measures(page, data, o);
        }
        ReportKind::Oit => {
            if let Some(s) = &data.summary {
                page.el("p", "class=\"total\"", &words::summary_line(s, o));
            }
            oit(page, &data.oit_items, o);
        }
    }
    for p in data.header.closing.iter().filter(|p| !p.trim().is_empty()) {
        page.el("p", "class=\"body\"", &text::digits(p.trim(), o));
    }
    if let Some(sig) = &data.header.signature {
        page.raw("<div class=\"signature\">\n");
        for line in text::signature_lines(sig, o) {
            page.el("p", "", &line);
        }
        page.raw("</div>\n");
    }
    if let Some(r) = &data.header.recommendations {
        recommendations(page, r, o);
    }
}

/// Opens a scrolling wrapper and a table with its caption and column titles.
fn table_start(page: &mut Page, class: &str, caption: &str, caption_class: &str, titles: &[&str]) {
    page.raw("<div class=\"table-wrap\">\n");
    page.open("table", class);
    page.el("caption", caption_class, caption);
    page.raw("<thead><tr>");
    for t in titles {
        page.el("th", "scope=\"col\"", t);
    }
    page.raw("</tr></thead>\n<tbody>\n");
}

/// Closes what [`table_start`] opened.
fn table_end(page: &mut Page) {
    page.raw("</tbody>\n</table>\n</div>\n");
}

/// A cell holding several lines (steps, results); a plain cell for one line.
fn lines_cell(page: &mut Page, lines: &[String], o: &RenderOptions) {
    match lines {
        [] => page.raw("<td></td>"),
        [one] => page.el("td", "", &text::digits(one, o)),
        _ => {
            page.raw("<td><ul class=\"lines\">");
            for l in lines {
                page.el("li", "", &text::digits(l, o));
            }
            page.raw("</ul></td>");
        }
    }
}

/// An inline chart from `crate::charts` inside a captioned figure.
fn chart(page: &mut Page, class: &str, svg: &str, caption: &str) {
    page.raw(&format!("<figure class=\"chart {class}\">\n"));
    page.raw(svg.trim());
    page.raw("\n");
    page.el("figcaption", "", caption);
    page.raw("</figure>\n");
}

/// The analysis summary: total line, charts, tool and indicator tables, notes.
fn summary(page: &mut Page, s: &Summary, o: &RenderOptions) {
    page.raw("<section class=\"summary\">\n");
    page.el("h2", "", "สรุปผลการประเมิน");
    page.el("p", "class=\"total\"", &words::summary_line(s, o));
    if let Some(line) = words::previous_line(s, o) {
        page.el("p", "", &line);
    }
    if !s.indicators.is_empty() {
        chart(
            page,
            "chart-radar",
            &charts::radar(&s.indicators, o),
            "คะแนนรายตัวชี้วัด",
        );
    }
    if !s.tools.is_empty() {
        chart(
            page,
            "chart-tools",
            &charts::tool_bars(&s.tools, s.total, o),
            "คะแนนตามเครื่องมือการประเมิน",
        );
        table_start(
            page,
            "",
            "คะแนนตามเครื่องมือการประเมิน",
            "",
            &["เครื่องมือ", "น้ำหนัก (ร้อยละ)", "คะแนน"],
        );
        for t in &s.tools {
            page.raw("<tr>");
            page.el("th", "scope=\"row\"", &format!("{} {}", t.code, t.name));
            page.el("td", "class=\"num\"", &text::number(t.weight, o));
            page.el("td", "class=\"num\"", &text::score(t.score, o));
            page.raw("</tr>\n");
        }
        table_end(page);
    }
    if !s.indicators.is_empty() {
        chart(
            page,
            "chart-indicators",
            &charts::indicator_bars(&s.indicators, o),
            "เปรียบเทียบคะแนนรายตัวชี้วัด",
        );
        let titles = ["ที่", "ตัวชี้วัด", "เครื่องมือ", "คะแนน", "ปีก่อน"];
        table_start(page, "", "คะแนนรายตัวชี้วัด", "", &titles);
        for i in &s.indicators {
            page.raw("<tr>");
            page.el("td", "class=\"num\"", &text::number(i.number, o));
            page.el("th", "scope=\"row\"", &text::digits(&i.name, o));
            page.el("td", "class=\"num\"", &i.tool);
            page.el("td", "class=\"num\"", &text::score(i.score, o));
            page.el("td", "class=\"num\"", &text::score_or_dash(i.previous, o));
            page.raw("</tr>\n");
        }
        table_end(page);
    }
    for note in &s.notes {
        page.raw("<p class=\"note\"><span class=\"label\">หมายเหตุ:</span> ");
        page.text(&text::digits(note, o));
        page.raw("</p>\n");
    }
    page.raw("</section>\n");
}

/// One indicator: heading, questions with the weakest marked, cause, guidance, OIT items.
fn indicator(page: &mut Page, b: &IndicatorBlock, index: usize, o: &RenderOptions) {
    let id = b.number.map_or(index + 1, usize::from);
    page.raw(&format!(
        "<section class=\"indicator\" id=\"indicator-{id}\">\n"
    ));
    let title = words::indicator_title(b, o);
    page.el("h2", "", &title);
    if !b.questions.is_empty() {
        let caption = format!("ข้อคำถามและคะแนน {title}");
        table_start(
            page,
            "",
            &caption,
            "class=\"sr-only\"",
            &["ข้อ", "ประเด็นข้อคำถาม", "คะแนน"],
        );
        for q in &b.questions {
            page.raw(if q.weakest {
                "<tr class=\"weakest\">"
            } else {
                "<tr>"
            });
            page.el("td", "class=\"num\"", &text::digits(&q.code, o));
            page.el("th", "scope=\"row\"", &text::digits(&q.text, o));
            page.el(
                "td",
                "class=\"num\"",
                &words::question_score(q.score, q.weakest, o),
            );
            page.raw("</tr>\n");
        }
        table_end(page);
    }
    let refs = words::oit_ref_line(b, o);
    for (label, s) in [
        ("สาเหตุ:", b.cause.as_str()),
        ("แนวทางการพัฒนา:", b.guidance.as_str()),
        (words::OIT_REFS_LABEL, refs.as_str()),
        ("หมายเหตุ:", b.note.as_str()),
    ] {
        if !s.trim().is_empty() {
            page.raw(&format!(
                "<p class=\"body\"><span class=\"label\">{label}</span> "
            ));
            page.text(&text::digits(s, o));
            page.raw("</p>\n");
        }
    }
    page.raw("</section>\n");
}

/// The measures plan or (mid-year) implementation report: per group its heading, then its table,
/// all with the columns and numbering of [`crate::table`].
fn measures(page: &mut Page, data: &ReportData, o: &RenderOptions) {
    let view = table::measures(data, o);
    let titles = view.titles();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    for g in &view.groups {
        page.raw("<section class=\"measures wide\">\n");
        if let Some(h) = &g.heading {
            page.el("h2", "", h);
        }
        let caption = g
            .heading
            .clone()
            .unwrap_or_else(|| text::digits(words::title(data), o));
        table_start(
            page,
            "class=\"wide\"",
            &caption,
            "class=\"sr-only\"",
            &titles,
        );
        for row in &g.rows {
            page.raw("<tr>");
            for (c, cell) in view.columns.iter().zip(&row.cells) {
                let lines: Vec<String> = cell.items.iter().map(table::Item::line).collect();
                match c.key {
                    "number" => page.el("td", "class=\"num\"", &lines.concat()),
                    "title" => page.el("th", "scope=\"row\"", &lines.join(" ")),
                    _ => lines_cell(page, &lines, o),
                }
            }
            page.raw("</tr>\n");
        }
        table_end(page);
        page.raw("</section>\n");
    }
}

/// The OIT checklist: count line, then one table with a row group per sub-indicator.
fn oit(page: &mut Page, items: &[OitRow], o: &RenderOptions) {
    page.raw("<section class=\"oit\">\n");
    page.el("h2", "", "รายการข้อมูลสาธารณะ");
    page.el("p", "class=\"total\"", &words::oit_count_line(items, o));
    let titles = ["ข้อ", "รายการข้อมูล", "สถานะ", "หลักฐาน (URL)"];
    table_start(
        page,
        "",
        "ผลการเปิดเผยข้อมูลสาธารณะรายข้อ",
        "class=\"sr-only\"",
        &titles,
    );
    let mut group: Option<&str> = None;
    for item in items {
        if !item.group.trim().is_empty() && group != Some(item.group.as_str()) {
            page.raw("<tr class=\"group\">");
            page.el(
                "th",
                "colspan=\"4\" scope=\"rowgroup\"",
                &text::digits(&item.group, o),
            );
            page.raw("</tr>\n");
        }
        group = Some(item.group.as_str());
        page.raw("<tr>");
        page.el("td", "class=\"num\"", &text::digits(&item.code, o));
        page.el("th", "scope=\"row\"", &text::digits(&item.title, o));
        let class = match item.status {
            OitStatus::Yes => "class=\"num status-yes\"",
            OitStatus::No => "class=\"num status-no\"",
            OitStatus::Unknown => "class=\"num status-unknown\"",
        };
        page.el("td", class, text::oit_status(item.status));
        match item.url.as_deref().map(str::trim).filter(|u| !u.is_empty()) {
            Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
                let href = escape(u);
                page.raw(&format!(
                    "<td class=\"url\"><a href=\"{href}\">{href}</a></td>"
                ));
            }
            Some(u) => page.el("td", "class=\"url\"", u),
            None => page.el("td", "class=\"url\"", text::NO_EVIDENCE),
        }
        page.raw("</tr>\n");
    }
    table_end(page);
    page.raw("</section>\n");
}

/// The assessor's recommendations: heading and text, per tool a sub-heading and its text, per
/// indicator the items ("ข้อ EP๑ …") with what they cite.
fn recommendations(page: &mut Page, r: &Recommendations, o: &RenderOptions) {
    let body = |page: &mut Page, ps: &[String]| {
        for p in ps.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
            page.el("p", "class=\"body\"", &text::digits(p, o));
        }
    };
    page.raw("<section class=\"recommendations\" id=\"recommendations\">\n");
    page.el("h2", "", &text::digits(r.heading.trim(), o));
    body(page, &r.paragraphs);
    for t in &r.tools {
        page.raw("<section class=\"recommendation-tool\">\n");
        page.el("h3", "", &text::digits(t.heading.trim(), o));
        body(page, &t.paragraphs);
        for g in &t.indicators {
            if let Some(h) = words::recommendation_indicator(g, o) {
                page.el("h4", "", &h);
            }
            for item in &g.items {
                page.raw(
                    "<div class=\"recommendation\">\n<p class=\"body\"><span class=\"label\">",
                );
                page.text(&words::recommendation_label(item, o));
                page.raw("</span> ");
                page.text(&text::digits(item.text.trim(), o));
                page.raw("</p>\n");
                for (label, list) in words::recommendation_refs(item, o) {
                    page.raw("<p class=\"refs\"><span class=\"label\">");
                    page.text(label);
                    page.raw("</span> ");
                    page.text(&list);
                    page.raw("</p>\n");
                }
                page.raw("</div>\n");
            }
        }
        page.raw("</section>\n");
    }
    page.raw("</section>\n");
}
