//! Validation of questions and OIT items, and that every indicator can be scored.

use std::collections::HashMap;

use super::prov;
use crate::code::{Code, CodePrefix};
use crate::framework::Problems;
use crate::framework::model::*;
use crate::framework::raw::*;

pub(super) fn questions(
    raw: &[RawQuestion],
    inds: &[Indicator],
    tools: &[Tool],
    scales: &[Scale],
    index: &mut HashMap<Code, Entry>,
    p: &mut Problems,
) -> Vec<Question> {
    let mut out = Vec::new();
    for (i, q) in raw.iter().enumerate() {
        let key = format!("questions[{i}]");
        let code = match q.code.parse::<Code>() {
            Ok(c) => c,
            Err(e) => {
                p.add(format!("{key}.code"), e.to_string());
                continue;
            }
        };
        let Some(ind) = inds.iter().find(|x| x.number == q.indicator) else {
            p.add(
                format!("{key}.indicator"),
                format!("indicator {} does not exist", q.indicator),
            );
            continue;
        };
        let tool = tools.iter().find(|t| t.code == ind.tool);
        let part = match (tool, q.part.as_deref()) {
            (Some(t), Some(part)) => match t.parts.iter().find(|x| x.prefix.as_str() == part) {
                Some(x) => Some(x.prefix),
                None => {
                    p.add(
                        format!("{key}.part"),
                        format!("tool {} has no part \"{part}\"", t.code.as_str()),
                    );
                    None
                }
            },
            (Some(t), None) if !t.parts.is_empty() => {
                p.add(
                    format!("{key}.part"),
                    format!("required: tool {} is split into parts", t.code.as_str()),
                );
                None
            }
            _ => None,
        };
        let expected = match (ind.tool, part) {
            (ToolCode::Iit, _) => Some(CodePrefix::I),
            (ToolCode::Eit, None) => Some(CodePrefix::E),
            (ToolCode::Eit, Some(pp)) => Some(pp),
            (ToolCode::Oit, _) => None,
        };
        match expected {
            None => p.add(
                format!("{key}.indicator"),
                format!(
                    "indicator {} is an OIT indicator; list OIT items under [[oit_items]]",
                    q.indicator
                ),
            ),
            Some(e) if e != code.prefix => p.add(
                format!("{key}.code"),
                format!(
                    "{code} does not fit indicator {} (expected a {}… code)",
                    q.indicator,
                    e.as_str()
                ),
            ),
            Some(_) => {}
        }
        if ind.indicator_only {
            p.add(
                format!("{key}.indicator"),
                format!(
                    "indicator {} is marked indicator_only but has questions",
                    q.indicator
                ),
            );
        }
        let Some(scale) = scales.iter().position(|s| s.code == q.scale) else {
            p.add(
                format!("{key}.scale"),
                format!("scale \"{}\" is not defined in [[scales]]", q.scale),
            );
            continue;
        };
        if index.insert(code, Entry::Question(out.len())).is_some() {
            p.add(format!("{key}.code"), format!("code {code} appears twice"));
            continue;
        }
        out.push(Question {
            code,
            indicator: q.indicator,
            part,
            scale,
            reverse: q.reverse,
            text_th: q.text_th.trim().to_string(),
            provenance: prov(&q.provenance, &format!("{key}.provenance"), p),
            scoring_provenance: prov(
                &q.scoring_provenance,
                &format!("{key}.scoring_provenance"),
                p,
            ),
        });
    }
    out
}

pub(super) fn oit_items(
    raw: &[RawOitItem],
    inds: &[Indicator],
    subs: &[SubIndicator],
    index: &mut HashMap<Code, Entry>,
    p: &mut Problems,
) -> Vec<OitItem> {
    let mut out = Vec::new();
    for (i, o) in raw.iter().enumerate() {
        let key = format!("oit_items[{i}]");
        let code = match o.code.parse::<Code>() {
            Ok(c) if c.prefix == CodePrefix::O => c,
            Ok(c) => {
                p.add(
                    format!("{key}.code"),
                    format!("{c} is not an OIT item code (O1, O2 …)"),
                );
                continue;
            }
            Err(e) => {
                p.add(format!("{key}.code"), e.to_string());
                continue;
            }
        };
        let indicator = match (&o.sub_indicator, o.indicator) {
            (Some(s), None) => match subs.iter().find(|x| &x.code == s) {
                Some(sub) => sub.indicator,
                None => {
                    p.add(
                        format!("{key}.sub_indicator"),
                        format!("sub-indicator {s} is not defined in [[sub_indicators]]"),
                    );
                    continue;
                }
            },
            (None, Some(n)) => n,
            (Some(_), Some(_)) => {
                p.add(&key, "give either sub_indicator or indicator, not both");
                continue;
            }
            (None, None) => {
                p.add(
                    &key,
                    format!("item {code} is in no indicator: give sub_indicator (or indicator)"),
                );
                continue;
            }
        };
        match inds.iter().find(|x| x.number == indicator) {
            Some(ind) if ind.tool == ToolCode::Oit => {
                if ind.indicator_only {
                    p.add(
                        &key,
                        format!("indicator {indicator} is marked indicator_only but has items"),
                    );
                }
                if o.sub_indicator.is_none() && subs.iter().any(|s| s.indicator == indicator) {
                    p.add(
                        format!("{key}.indicator"),
                        format!(
                            "indicator {indicator} has sub-indicators; put the item in one of them"
                        ),
                    );
                }
            }
            Some(_) => p.add(
                format!("{key}.indicator"),
                format!("indicator {indicator} is not an OIT indicator"),
            ),
            None => p.add(
                format!("{key}.indicator"),
                format!("indicator {indicator} does not exist"),
            ),
        }
        if index.insert(code, Entry::OitItem(out.len())).is_some() {
            p.add(format!("{key}.code"), format!("code {code} appears twice"));
            continue;
        }
        out.push(OitItem {
            code,
            indicator,
            sub_indicator: o.sub_indicator.clone(),
            title_th: o.title_th.trim().to_string(),
            provenance: prov(&o.provenance, &format!("{key}.provenance"), p),
            placement_provenance: prov(
                &o.placement_provenance,
                &format!("{key}.placement_provenance"),
                p,
            ),
        });
    }
    out
}

pub(super) fn coverage(
    inds: &[Indicator],
    subs: &[SubIndicator],
    qs: &[Question],
    items: &[OitItem],
    p: &mut Problems,
) {
    for ind in inds.iter().filter(|i| !i.indicator_only) {
        let has = match ind.tool {
            ToolCode::Oit => items.iter().any(|o| o.indicator == ind.number),
            _ => qs.iter().any(|q| q.indicator == ind.number),
        };
        if !has {
            let what = if ind.tool == ToolCode::Oit {
                "OIT items"
            } else {
                "questions"
            };
            p.add(
                format!("indicators[number={}]", ind.number),
                format!("has no {what}; add them or set indicator_only = true"),
            );
        }
    }
    for s in subs {
        if !items
            .iter()
            .any(|o| o.sub_indicator.as_deref() == Some(s.code.as_str()))
        {
            p.add(
                format!("sub_indicators[code={}]", s.code),
                "has no OIT items",
            );
        }
    }
}
