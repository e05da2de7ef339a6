//! Question wording supplied beside the catalog (`catalog/wording/<year>.toml`) for years whose framework file
//! leaves it empty: validated, then filled into the framework, so no question shows a blank.

use serde::Deserialize;

use super::{Framework, Problems, parse_toml, provenance::Provenance};
use crate::code::Code;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWording {
    framework: String,
    questions: Vec<RawWordingItem>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWordingItem {
    code: String,
    text_th: String,
    provenance: String,
}

/// Applies one wording file to the framework it names among `frameworks`; every problem goes to `p`.
/// Nothing is applied from a file that has a problem.
pub(crate) fn apply(text: &str, frameworks: &mut [&mut Framework], p: &mut Problems) {
    let Some(raw) = parse_toml::<RawWording>(text, p) else {
        return;
    };
    let Some(fw) = frameworks.iter_mut().find(|f| f.id == raw.framework) else {
        p.add(
            "framework",
            format!("no framework \"{}\" in the catalog", raw.framework),
        );
        return;
    };
    let mut updates: Vec<(usize, String)> = Vec::new();
    let before = p.is_empty();
    for (i, q) in raw.questions.iter().enumerate() {
        let key = format!("questions[{i}]");
        if Provenance::parse(&q.provenance).is_none() {
            p.add(
                format!("{key}.provenance"),
                "must read \"confirmed: <source>\" or \"assumed: <why>\"",
            );
        }
        let text = q.text_th.trim();
        if text.is_empty() {
            p.add(format!("{key}.text_th"), "must not be empty");
        }
        let Ok(code) = q.code.parse::<Code>() else {
            p.add(
                format!("{key}.code"),
                format!("\"{}\" is not a code", q.code),
            );
            continue;
        };
        let Some(index) = fw.questions.iter().position(|x| x.code == code) else {
            p.add(
                format!("{key}.code"),
                format!("{code} is not a question of {}", fw.fiscal_year),
            );
            continue;
        };
        if !fw.questions[index].text_th.is_empty() {
            p.add(
                format!("{key}.code"),
                format!("{code} already has its wording in the framework file"),
            );
        }
        if updates.iter().any(|(j, _)| *j == index) {
            p.add(format!("{key}.code"), format!("{code} appears twice"));
        }
        updates.push((index, text.to_string()));
    }
    if before && p.is_empty() {
        for (index, text) in updates {
            if let Some(q) = fw.questions.get_mut(index) {
                q.text_th = text;
            }
        }
    }
}
