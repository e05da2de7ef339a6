//! Turns a parsed framework file into a [`Framework`], reporting every problem with its key.

use std::collections::{BTreeSet, HashMap};

use super::Problems;
use super::model::*;
use super::provenance::Provenance;
use super::raw::*;
use crate::code::{Code, CodePrefix};

const WEIGHT_EPSILON: f64 = 1e-3;

/// Validates `raw`; returns the framework or leaves every problem in `p`.
pub(crate) fn validate(raw: RawFramework, p: &mut Problems) -> Option<Framework> {
    if raw.id.trim().is_empty() {
        p.add("id", "must not be empty");
    }
    let rules = rules(&raw.rules, p);
    let pass = PassRule {
        mark: range(raw.pass.mark, "pass.mark", p),
        tool_target: range(raw.pass.tool_target, "pass.tool_target", p),
        provenance: prov(&raw.pass.provenance, "pass.provenance", p),
    };
    let grading = grading(&raw.grading, p);
    let mut tools = tools(&raw.tools, p);
    let indicators = indicators(&raw.indicators, &mut tools, p);
    let sub_indicators = sub_indicators(&raw.sub_indicators, &indicators, p);
    let scales = scales(&raw.scales, p);
    let mut index = HashMap::new();
    for ind in &indicators {
        index.insert(
            Code::new(CodePrefix::Ind, u16::from(ind.number)),
            Entry::Indicator(ind.number),
        );
    }
    let questions = questions(&raw.questions, &indicators, &tools, &scales, &mut index, p);
    let oit_items = oit_items(&raw.oit_items, &indicators, &sub_indicators, &mut index, p);
    coverage(&indicators, &sub_indicators, &questions, &oit_items, p);
    let (rules, grading) = (rules?, grading?);
    if !p.is_empty() {
        return None;
    }
    Some(Framework {
        id: raw.id,
        fiscal_year: raw.fiscal_year,
        title_th: raw.title_th,
        version: raw.version,
        sources: raw.sources,
        rules,
        pass,
        grading,
        tools,
        indicators,
        sub_indicators,
        scales,
        questions,
        oit_items,
        index,
    })
}

fn prov(s: &str, key: &str, p: &mut Problems) -> Provenance {
    Provenance::parse(s).unwrap_or_else(|| {
        p.add(
            key,
            format!("\"{s}\" must read \"confirmed: <source>\" or \"assumed: <why>\""),
        );
        Provenance::Assumed {
            reason: String::new(),
        }
    })
}

fn range(v: f64, key: &str, p: &mut Problems) -> f64 {
    if !(0.0..=100.0).contains(&v) {
        p.add(key, format!("{v} is outside 0–100"));
    }
    v
}

fn one_of(v: &str, allowed: &[&str], key: &str, p: &mut Problems) {
    if !allowed.contains(&v) {
        p.add(
            key,
            format!("\"{v}\" is not supported; allowed: {}", allowed.join(", ")),
        );
    }
}

fn rules(r: &RawRules, p: &mut Problems) -> Option<Rules> {
    one_of(
        &r.question_aggregation,
        &["mean"],
        "rules.question_aggregation",
        p,
    );
    one_of(
        &r.oit_item_scoring,
        &["binary"],
        "rules.oit_item_scoring",
        p,
    );
    one_of(
        &r.tool_aggregation,
        &["mean_of_indicators"],
        "rules.tool_aggregation",
        p,
    );
    one_of(
        &r.total_aggregation,
        &["weighted_tools"],
        "rules.total_aggregation",
        p,
    );
    let oit = match r.oit_aggregation.as_str() {
        "mean_of_sub_indicators" => Some(OitAggregation::MeanOfSubIndicators),
        "mean_of_items" => Some(OitAggregation::MeanOfItems),
        _ => {
            one_of(
                &r.oit_aggregation,
                &["mean_of_sub_indicators", "mean_of_items"],
                "rules.oit_aggregation",
                p,
            );
            None
        }
    };
    let basis = match r.grade_basis.as_str() {
        "rounded_2dp" => Some(GradeBasis::Rounded2dp),
        "unrounded" => Some(GradeBasis::Unrounded),
        _ => {
            one_of(
                &r.grade_basis,
                &["rounded_2dp", "unrounded"],
                "rules.grade_basis",
                p,
            );
            None
        }
    };
    Some(Rules {
        oit_aggregation: oit?,
        grade_basis: basis?,
        provenance: prov(&r.provenance, "rules.provenance", p),
        question_provenance: prov(&r.question_provenance, "rules.question_provenance", p),
    })
}

fn grading(g: &RawGrading, p: &mut Problems) -> Option<Grading> {
    let provenance = prov(&g.provenance, "grading.provenance", p);
    if g.bands.is_empty() {
        p.add("grading.bands", "needs at least one band");
        return None;
    }
    let mut seen = BTreeSet::new();
    for (i, b) in g.bands.iter().enumerate() {
        let key = format!("grading.bands[{i}]");
        if !seen.insert(b.grade.as_str()) {
            p.add(&key, format!("grade {} appears twice", b.grade));
        }
        range(b.min, &format!("{key}.min"), p);
        if i > 0 && g.bands.get(i - 1).is_some_and(|prev| prev.min <= b.min) {
            p.add(
                &key,
                "bands must be listed with strictly decreasing minimums",
            );
        }
    }
    if g.bands.last().is_some_and(|b| b.min != 0.0) {
        p.add(
            "grading.bands",
            "the last band must start at 0 so every total has a grade",
        );
    }
    let bands = g
        .bands
        .iter()
        .map(|b| GradeBand {
            grade: b.grade.clone(),
            min: b.min,
        })
        .collect();
    Some(Grading { bands, provenance })
}

fn tools(raw: &[RawTool], p: &mut Problems) -> Vec<Tool> {
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

fn indicators(raw: &[RawIndicator], tools: &mut [Tool], p: &mut Problems) -> Vec<Indicator> {
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

fn sub_indicators(
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

fn scales(raw: &[RawScale], p: &mut Problems) -> Vec<Scale> {
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

fn questions(
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

fn oit_items(
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

fn coverage(
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
