//! The body of the HTML page per report kind: summary with charts, indicators, measures, OIT,
//! then the assessor's recommendations when the report carries them.

use super::{Page, escape};
use crate::docx::words;
use crate::model::{
    IndicatorBlock, MeasureGroup, MeasureRow, OitRow, OitStatus, Recommendations, RenderOptions,
    ReportData, ReportKind, Summary,
};
use crate::{charts, text};

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
        ReportKind::Measures | ReportKind::Implementation => {
            if let Some(s) = &data.summary {
                page.el("p", "class=\"total\"", &words::summary_line(s, o));
            }
            let plan = Plan {
                kind: data.kind,
                with_analysis: words::measures_have_analysis(&data.measure_groups),
            };
            let mut running = 0u32;
            for g in data
                .measure_groups
                .iter()
                .filter(|g| !g.measures.is_empty())
            {
                measures(page, &plan, g, &mut running, o);
            }
        }
        ReportKind::Oit => {
            if let Some(s) = &data.summary {
                page.el("p", "class=\"total\"", &words::summary_line(s, o));
            }
            oit(page, &data.oit_items, o);
        }
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
    let refs = b.oit_refs.join(", ");
    for (label, s) in [
        ("สาเหตุ:", b.cause.as_str()),
        ("แนวทางการพัฒนา:", b.guidance.as_str()),
        ("ข้อ O ที่เกี่ยวข้อง:", refs.as_str()),
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

/// Measures-plan options that hold for every group.
struct Plan {
    /// The report kind (measures plan or implementation report).
    kind: ReportKind,
    /// Whether the plan prints the analysis column.
    with_analysis: bool,
}

/// One group of the measures plan or implementation report: heading, then the table.
fn measures(page: &mut Page, plan: &Plan, g: &MeasureGroup, running: &mut u32, o: &RenderOptions) {
    let Plan {
        kind,
        with_analysis,
    } = *plan;
    page.raw("<section class=\"measures wide\">\n");
    let heading = g
        .heading
        .as_deref()
        .map(str::trim)
        .filter(|h| !h.is_empty());
    if let Some(h) = heading {
        page.el("h2", "", &text::digits(h, o));
    }
    let caption = heading.map_or_else(|| kind.title_th().to_owned(), |h| text::digits(h, o));
    if kind == ReportKind::Measures {
        let mut titles = words::MEASURES_TITLES.to_vec();
        if !with_analysis {
            titles.remove(2);
        }
        table_start(
            page,
            "class=\"wide\"",
            &caption,
            "class=\"sr-only\"",
            &titles,
        );
        for m in &g.measures {
            *running += 1;
            page.raw("<tr>");
            page.el(
                "td",
                "class=\"num\"",
                &text::number(m.number.map_or(*running, u32::from), o),
            );
            page.el("th", "scope=\"row\"", &text::digits(m.title.trim(), o));
            if with_analysis {
                lines_cell(page, std::slice::from_ref(&m.analysis), o);
            }
            lines_cell(page, &words::numbered(&m.steps), o);
            page.el("td", "", &text::digits(&m.period, o));
            lines_cell(page, &m.responsible, o);
            page.raw("</tr>\n");
        }
    } else {
        table_start(
            page,
            "class=\"wide\"",
            &caption,
            "class=\"sr-only\"",
            &words::IMPLEMENTATION_TITLES,
        );
        for m in &g.measures {
            implementation_row(page, m, o);
        }
    }
    table_end(page);
    page.raw("</section>\n");
}

/// One row of the implementation report.
fn implementation_row(page: &mut Page, m: &MeasureRow, o: &RenderOptions) {
    page.raw("<tr>");
    page.el(
        "th",
        "scope=\"row\"",
        &text::digits(&words::measure_title(m), o),
    );
    lines_cell(page, &words::numbered(&m.steps), o);
    page.el("td", "", &text::digits(&m.period, o));
    lines_cell(page, &m.responsible, o);
    let mut results = words::numbered(&m.results);
    results.extend(words::status_line(m));
    lines_cell(page, &results, o);
    let mut outcomes: Vec<String> = m
        .outcomes
        .iter()
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .collect();
    outcomes.extend(m.links.iter().map(|l| words::link_text(l, o)));
    lines_cell(page, &outcomes, o);
    page.raw("</tr>\n");
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
            None => page.el("td", "class=\"num\"", "–"),
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
