//! Turns a parsed framework file into a [`Framework`], reporting every problem with its key.

mod items;
mod structure;

use std::collections::{BTreeSet, HashMap};

use super::Problems;
use super::model::*;
use super::provenance::Provenance;
use super::raw::*;
use crate::code::{Code, CodePrefix};
use items::{coverage, oit_items, questions};
use structure::{indicators, scales, sub_indicators, tools};

/// Tolerance when weights must sum to 100.
pub(super) const WEIGHT_EPSILON: f64 = 1e-3;

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
    let renumbering = raw
        .renumbering
        .as_ref()
        .map(|r| renumbering(r, raw.fiscal_year, &index, p));
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
        renumbering,
        index,
    })
}

/// The renumbering from the previous year: new codes must exist in this year; old codes are checked against
/// the previous year's framework when the catalog loads.
fn renumbering(
    r: &RawRenumbering,
    year: u16,
    index: &HashMap<Code, Entry>,
    p: &mut Problems,
) -> Renumbering {
    if r.from_year >= year {
        p.add("renumbering.from_year", "must be an earlier year");
    }
    let mut map = std::collections::BTreeMap::new();
    for (old, new) in &r.map {
        let key = format!("renumbering.map.{old}");
        match (old.parse::<Code>(), new.parse::<Code>()) {
            (Ok(o), Ok(n)) => {
                if !index.contains_key(&n) {
                    p.add(&key, format!("{n} is not a code of {year}"));
                }
                map.insert(o, n);
            }
            _ => p.add(&key, format!("\"{old}\" = \"{new}\" are not codes")),
        }
    }
    Renumbering {
        from_year: r.from_year,
        map,
        provenance: prov(&r.provenance, "renumbering.provenance", p),
    }
}

pub(super) fn prov(s: &str, key: &str, p: &mut Problems) -> Provenance {
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

pub(super) fn range(v: f64, key: &str, p: &mut Problems) -> f64 {
    if !(0.0..=100.0).contains(&v) {
        p.add(key, format!("{v} is outside 0–100"));
    }
    v
}

pub(super) fn one_of(v: &str, allowed: &[&str], key: &str, p: &mut Problems) {
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
    let kind = match g.kind.as_deref() {
        None | Some("letters") => GradingKind::Letters,
        Some("levels") => GradingKind::Levels,
        Some(other) => {
            p.add(
                "grading.kind",
                format!("\"{other}\" is not letters or levels"),
            );
            return None;
        }
    };
    let mut seen = BTreeSet::new();
    for (i, b) in g.bands.iter().enumerate() {
        let key = format!("grading.bands[{i}]");
        for label in std::iter::once(&b.grade).chain(&b.aliases) {
            if !seen.insert(label.as_str()) {
                p.add(&key, format!("grade {label} appears twice"));
            }
        }
        range(b.min, &format!("{key}.min"), p);
        if let Some(m) = b.min_every_tool {
            range(m, &format!("{key}.min_every_tool"), p);
            if kind == GradingKind::Letters {
                p.add(&key, "min_every_tool needs grading.kind = \"levels\"");
            }
        }
        // Bands are tried in order: a later band must never be stricter than an earlier one, and two bands
        // with the same minimum must differ by a looser tool condition (ผ่านดี before ผ่าน).
        if let Some(prev) = i.checked_sub(1).and_then(|j| g.bands.get(j)) {
            let looser_tools = match (prev.min_every_tool, b.min_every_tool) {
                (Some(a), Some(c)) => c < a,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if prev.min < b.min || (prev.min == b.min && !looser_tools) {
                p.add(
                    &key,
                    "bands must be listed from the highest down: decreasing minimums, or the same minimum \
                     with a looser min_every_tool",
                );
            }
        }
    }
    if g.bands
        .last()
        .is_some_and(|b| b.min != 0.0 || b.min_every_tool.is_some())
    {
        p.add(
            "grading.bands",
            "the last band must start at 0 with no tool condition so every result has a grade",
        );
    }
    let bands = g
        .bands
        .iter()
        .map(|b| GradeBand {
            grade: b.grade.clone(),
            grade_en: b.grade_en.clone().unwrap_or_default(),
            min: b.min,
            min_every_tool: b.min_every_tool,
            aliases: b.aliases.clone(),
        })
        .collect();
    Some(Grading {
        kind,
        bands,
        provenance,
    })
}
