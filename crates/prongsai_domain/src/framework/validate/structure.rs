//! Validation of tools, parts, indicators, sub-indicators and scales.

use std::collections::BTreeSet;

use super::{WEIGHT_EPSILON, prov, range};
use crate::code::CodePrefix;
use crate::framework::Problems;
use crate::framework::model::*;
use crate::framework::raw::*;

pub(super) fn tools(raw: &[RawTool], p: &mut Problems) -> Vec<Tool> {
    let mut out: Vec<Tool> = Vec::new();
    for (i, t) in raw.iter().enumerate() {
        let key = format!("tools[{i}]");
        let Some(code) = ToolCode::parse(&t.code) else {
            p.add(
                format!("{key}.code"),
                format!("\"{}\" is not a tool; allowed: IIT, EIT, OIT", t.code),
            );
            continue;
        };
        if out.iter().any(|o| o.code == code) {
            p.add(
                format!("{key}.code"),
                format!("tool {} appears twice", t.code),
            );
            continue;
        }
        let parts = parts(t, &key, p);
        out.push(Tool {
            code,
            name_th: t.name_th.clone(),
            name_en: t.name_en.clone(),
            weight: range(t.weight, &format!("{key}.weight"), p),
            weight_provenance: prov(&t.weight_provenance, &format!("{key}.weight_provenance"), p),
            parts_provenance: t
                .parts_provenance
                .as_deref()
                .map(|s| prov(s, &format!("{key}.parts_provenance"), p)),
            parts,
            indicators: Vec::new(),
        });
    }
    let sum: f64 = out.iter().map(|t| t.weight).sum();
    if !out.is_empty() && (sum - 100.0).abs() > WEIGHT_EPSILON {
        p.add("tools", format!("tool weights sum to {sum}, not 100"));
    }
    out
}

fn parts(t: &RawTool, key: &str, p: &mut Problems) -> Vec<ToolPart> {
    if t.parts.is_empty() {
        if t.parts_provenance.is_some() {
            p.add(
                format!("{key}.parts_provenance"),
                "given for a tool without parts",
            );
        }
        return Vec::new();
    }
    if t.parts_provenance.is_none() {
        p.add(
            format!("{key}.parts_provenance"),
            "required when the tool has parts",
        );
    }
    let mut out: Vec<ToolPart> = Vec::new();
    for (j, part) in t.parts.iter().enumerate() {
        let pkey = format!("{key}.parts[{j}].code");
        let prefix = match part.code.as_str() {
            "EP" if t.code == "EIT" => CodePrefix::Ep,
            "ES" if t.code == "EIT" => CodePrefix::Es,
            other => {
                p.add(
                    pkey,
                    format!(
                        "\"{other}\" is not a part of {}; allowed: EP, ES (EIT only)",
                        t.code
                    ),
                );
                continue;
            }
        };
        if out.iter().any(|o| o.prefix == prefix) {
            p.add(pkey, format!("part {} appears twice", part.code));
            continue;
        }
        out.push(ToolPart {
            prefix,
            name_th: part.name_th.clone(),
            name_en: part.name_en.clone(),
            weight: range(part.weight, &format!("{key}.parts[{j}].weight"), p),
        });
    }
    let sum: f64 = out.iter().map(|x| x.weight).sum();
    if (sum - 100.0).abs() > WEIGHT_EPSILON {
        p.add(
            format!("{key}.parts"),
            format!("part weights sum to {sum}, not 100"),
        );
    }
    out
}

pub(super) fn indicators(
    raw: &[RawIndicator],
    tools: &mut [Tool],
    p: &mut Problems,
) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    for (i, ind) in raw.iter().enumerate() {
        let key = format!("indicators[{i}]");
        if ind.number == 0 {
            p.add(format!("{key}.number"), "indicator numbers start at 1");
            continue;
        }
        if out.iter().any(|o| o.number == ind.number) {
            p.add(
                format!("{key}.number"),
                format!("indicator {} appears twice", ind.number),
            );
            continue;
        }
        let Some(tool) = tools.iter_mut().find(|t| t.code.as_str() == ind.tool) else {
            p.add(
                format!("{key}.tool"),
                format!("tool \"{}\" is not defined in [[tools]]", ind.tool),
            );
            continue;
        };
        tool.indicators.push(ind.number);
        out.push(Indicator {
            number: ind.number,
            tool: tool.code,
            name_th: ind.name_th.clone(),
            name_en: ind.name_en.clone(),
            provenance: prov(&ind.provenance, &format!("{key}.provenance"), p),
            indicator_only: ind.indicator_only,
        });
    }
    for t in tools.iter_mut() {
        t.indicators.sort_unstable();
        if t.indicators.is_empty() {
            p.add(
                "tools",
                format!("tool {} has no indicator", t.code.as_str()),
            );
        }
    }
    out.sort_by_key(|i| i.number);
    out
}

pub(super) fn sub_indicators(
    raw: &[RawSubIndicator],
    inds: &[Indicator],
    p: &mut Problems,
) -> Vec<SubIndicator> {
    let mut out: Vec<SubIndicator> = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        let key = format!("sub_indicators[{i}]");
        match inds.iter().find(|x| x.number == s.indicator) {
            None => p.add(
                format!("{key}.indicator"),
                format!("indicator {} does not exist", s.indicator),
            ),
            Some(ind) if ind.tool != ToolCode::Oit => p.add(
                format!("{key}.indicator"),
                format!("indicator {} is not an OIT indicator", s.indicator),
            ),
            Some(_) => {}
        }
        if out.iter().any(|o| o.code == s.code) {
            p.add(
                format!("{key}.code"),
                format!("sub-indicator {} appears twice", s.code),
            );
            continue;
        }
        out.push(SubIndicator {
            code: s.code.clone(),
            indicator: s.indicator,
            name_th: s.name_th.clone(),
            provenance: prov(&s.provenance, &format!("{key}.provenance"), p),
        });
    }
    out
}

pub(super) fn scales(raw: &[RawScale], p: &mut Problems) -> Vec<Scale> {
    let mut out: Vec<Scale> = Vec::new();
    for (i, s) in raw.iter().enumerate() {
        let key = format!("scales[{i}]");
        if out.iter().any(|o| o.code == s.code) {
            p.add(
                format!("{key}.code"),
                format!("scale {} appears twice", s.code),
            );
            continue;
        }
        if s.answers.len() < 2 {
            p.add(
                format!("{key}.answers"),
                "a scale needs at least two answers",
            );
        }
        let mut levels = BTreeSet::new();
        for (j, a) in s.answers.iter().enumerate() {
            if !levels.insert(a.level) {
                p.add(
                    format!("{key}.answers[{j}].level"),
                    format!("level {} appears twice", a.level),
                );
            }
            range(a.points, &format!("{key}.answers[{j}].points"), p);
        }
        out.push(Scale {
            code: s.code.clone(),
            name_th: s.name_th.clone(),
            provenance: prov(&s.provenance, &format!("{key}.provenance"), p),
            answers: s
                .answers
                .iter()
                .map(|a| Answer {
                    level: a.level,
                    label_th: a.label_th.clone(),
                    aliases: a.aliases.clone(),
                    points: a.points,
                })
                .collect(),
        });
    }
    out
}
