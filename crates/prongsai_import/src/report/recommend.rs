//! The recommendations block (ข้อเสนอแนะ): tool blocks (IIT, EIT, EIT part 1/2, OIT), indicator headings, "ข้อ EP๑ …" items.

use prongsai_domain::document::{
    EitPart, Fragment, Heading, Recommendation, RecommendationsSection, Section, ToolName,
    ToolRecommendations,
};
use prongsai_domain::thai::CodeContext;

use super::clean::cell_text;
use super::headings::{indicator_heading, indicator_of};
use super::links::{find_refs, leading_code};
use super::sink::{Ctx, Sink};

/// The word that opens the block and each tool's part of it.
pub const RECOMMEND_WORD: &str = "ข้อเสนอแนะ";

/// A recommendations block being read.
#[derive(Debug)]
pub struct RecommendBuilder {
    section: RecommendationsSection,
    indicator: Option<u8>,
}

/// A heading that is just its text.
fn plain_heading(line: usize, text: &str) -> Heading {
    Heading {
        line,
        text: text.to_string(),
        number: None,
        name: text.to_string(),
        indicator: None,
    }
}

/// The one tool a heading names, if exactly one.
fn tool_named(text: &str) -> Option<ToolName> {
    let found: Vec<ToolName> = [
        ("IIT", ToolName::Iit),
        ("EIT", ToolName::Eit),
        ("OIT", ToolName::Oit),
    ]
    .iter()
    .filter(|(w, _)| text.contains(w))
    .map(|&(_, t)| t)
    .collect();
    match found.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The EIT part a "ส่วนที่ …" heading names.
fn part_named(text: &str) -> Option<EitPart> {
    let rest = text.strip_prefix("ส่วนที่")?.trim_start();
    if text.contains("Public") || rest.starts_with(['๑', '1']) {
        Some(EitPart::Public)
    } else if text.contains("Survey") || rest.starts_with(['๒', '2']) {
        Some(EitPart::Survey)
    } else {
        None
    }
}

impl RecommendBuilder {
    /// A block opened by the heading on `line`.
    pub fn new(line: usize, raw: &str) -> Self {
        RecommendBuilder {
            section: RecommendationsSection {
                heading: Some(plain_heading(line, &cell_text(raw))),
                paragraphs: Vec::new(),
                tools: Vec::new(),
            },
            indicator: None,
        }
    }

    /// Reads one line of the block.
    pub fn text(&mut self, line: usize, raw: &str, ctx: Ctx<'_>, sink: &mut Sink) {
        let text = cell_text(raw);
        if text.is_empty() {
            return;
        }
        if text.starts_with(RECOMMEND_WORD)
            && let Some(tool) = tool_named(&text)
        {
            self.open(tool, None, line, &text);
            return;
        }
        if let Some(part) = part_named(&text) {
            self.open(ToolName::Eit, Some(part), line, &text);
            return;
        }
        if let Some(h) = indicator_heading(line, raw, ctx.fw) {
            self.indicator = h.indicator;
            return;
        }
        if text.starts_with("ข้อ")
            && let Some((code, rest)) = leading_code(&text, CodeContext::Any)
        {
            sink.check_code(ctx, code, line);
            let mut indicator = self.indicator;
            if let Some(n) = indicator_of(ctx.fw, code)
                && indicator != Some(n)
            {
                if let Some(h) = indicator {
                    sink.warn(
                        Some(line),
                        format!("บรรทัด {line}: {code} อยู่ในตัวชี้วัดที่ {n} ไม่ใช่ {h} ตามหัวข้อ — ใช้ {n} ({code} belongs to indicator {n}, not {h} as headed; using {n})"),
                    );
                }
                indicator = Some(n);
            }
            let (oit_refs, indicator_refs) = find_refs(rest);
            for r in &oit_refs {
                sink.check_code(ctx, *r, line);
            }
            let item = Recommendation {
                line,
                indicator,
                code,
                text: rest.to_string(),
                oit_refs,
                indicator_refs,
            };
            match self.section.tools.last_mut() {
                Some(tool) => tool.items.push(item),
                None => sink.unrecognised(line, &text),
            }
            return;
        }
        let fragment = Fragment { line, text };
        match self.section.tools.last_mut() {
            Some(tool) => tool.paragraphs.push(fragment),
            None => self.section.paragraphs.push(fragment),
        }
    }

    fn open(&mut self, tool: ToolName, part: Option<EitPart>, line: usize, text: &str) {
        self.indicator = None;
        self.section.tools.push(ToolRecommendations {
            tool,
            part,
            heading: plain_heading(line, text),
            paragraphs: Vec::new(),
            items: Vec::new(),
        });
    }

    /// The finished section.
    pub fn finish(self) -> Section {
        Section::Recommendations(self.section)
    }
}
