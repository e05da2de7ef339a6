//! Our cause/guidance texts: written once per topic in `guidance/topics.toml`, mapped to codes per year.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::{Deserialize, Serialize};

use crate::code::{Code, CodePrefix};
use crate::framework::{
    CatalogError, Entry, Framework, Problem, Problems, SourceFile, file_year, parse_toml,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopics {
    topics: Vec<RawTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTopic {
    id: String,
    cause_th: String,
    guidance_th: String,
    #[serde(default)]
    cause_en: String,
    #[serde(default)]
    guidance_en: String,
    #[serde(default)]
    cites: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawYear {
    framework: String,
    codes: BTreeMap<String, String>,
}

/// The cause and guidance for one code of one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GuidanceEntry {
    /// The question, item or indicator code.
    pub code: Code,
    /// Topic id the texts come from.
    pub topic: String,
    /// Why it usually scores low (Thai).
    pub cause_th: String,
    /// What to do about it (Thai).
    pub guidance_th: String,
    /// English cause.
    pub cause_en: String,
    /// English guidance.
    pub guidance_en: String,
    /// OIT items of the same year the guidance relies on, ascending.
    pub oit_refs: Vec<Code>,
}

/// Guidance of one framework, by code.
#[derive(Debug, Clone, Default)]
pub struct GuidanceBook {
    entries: HashMap<Code, GuidanceEntry>,
}

impl GuidanceBook {
    /// The guidance of a code.
    pub fn get(&self, code: Code) -> Option<&GuidanceEntry> {
        self.entries.get(&code)
    }

    /// Number of codes covered.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no code is covered.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

type Loaded = (BTreeMap<u16, GuidanceBook>, Vec<Problem>);

/// Loads `topics.toml` and the per-year maps against the frameworks; returns books and warnings.
pub(crate) fn load(
    frameworks: &BTreeMap<u16, Framework>,
    files: &[SourceFile],
) -> Result<Loaded, CatalogError> {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let is_topics = |f: &SourceFile| {
        f.name
            .rsplit(['/', '\\'])
            .next()
            .is_some_and(|n| n.starts_with("topics"))
    };
    let topic_files: Vec<&SourceFile> = files.iter().filter(|f| is_topics(f)).collect();
    if topic_files.is_empty() && !files.is_empty() {
        return Err(CatalogError(vec![Problem {
            file: "guidance/topics.toml".into(),
            key: "(file)".into(),
            message: "missing: year files map codes to topics defined in guidance/topics*.toml"
                .into(),
        }]));
    }
    let mut topics: BTreeMap<String, RawTopic> = BTreeMap::new();
    for tf in &topic_files {
        let mut tp = Problems::new(&tf.name);
        if let Some(t) = parse_toml::<RawTopics>(&tf.text, &mut tp) {
            for (i, topic) in t.topics.into_iter().enumerate() {
                if topic.cause_th.trim().is_empty() || topic.guidance_th.trim().is_empty() {
                    tp.add(
                        format!("topics[{i}]"),
                        format!("topic {} needs cause_th and guidance_th", topic.id),
                    );
                }
                if topics.contains_key(&topic.id) {
                    tp.add(
                        format!("topics[{i}].id"),
                        format!("topic {} is defined twice", topic.id),
                    );
                }
                topics.insert(topic.id.clone(), topic);
            }
        }
        problems.extend(tp.into_vec());
    }
    let mut tp = Problems::new("guidance/topics*.toml");
    for (id, t) in &topics {
        for c in &t.cites {
            if !topics.contains_key(c) {
                tp.add(
                    format!("topics[id={id}].cites"),
                    format!("cites unknown topic \"{c}\""),
                );
            }
        }
    }
    problems.extend(tp.into_vec());
    let mut books = BTreeMap::new();
    for f in files.iter().filter(|f| !is_topics(f)) {
        let mut p = Problems::new(&f.name);
        if let Some(raw) = parse_toml::<RawYear>(&f.text, &mut p) {
            match frameworks.values().find(|fw| fw.id == raw.framework) {
                None => p.add(
                    "framework",
                    format!("no framework has id \"{}\"", raw.framework),
                ),
                Some(fw) => {
                    if file_year(&f.name).is_some_and(|y| y != fw.fiscal_year) {
                        p.add(
                            "framework",
                            format!("{} does not belong to the year in the file name", fw.id),
                        );
                    }
                    let book = resolve(fw, &raw, &topics, &mut p, &mut warnings, &f.name);
                    books.insert(fw.fiscal_year, book);
                }
            }
        }
        problems.extend(p.into_vec());
    }
    if problems.is_empty() {
        Ok((books, warnings))
    } else {
        Err(CatalogError(problems))
    }
}

fn resolve(
    fw: &Framework,
    raw: &RawYear,
    topics: &BTreeMap<String, RawTopic>,
    p: &mut Problems,
    warnings: &mut Vec<Problem>,
    file: &str,
) -> GuidanceBook {
    let mut mapped: BTreeMap<Code, &str> = BTreeMap::new();
    for (code_text, topic) in &raw.codes {
        let key = format!("codes.{code_text}");
        let Ok(code) = code_text.parse::<Code>() else {
            p.add(key, format!("\"{code_text}\" is not a code"));
            continue;
        };
        match fw.entry(code) {
            None => p.add(&key, format!("{code} does not exist in {}", fw.id)),
            Some(Entry::Indicator(n)) if !fw.indicator(n).is_some_and(|i| i.indicator_only) => p
                .add(
                    &key,
                    format!("indicator {n} has questions or items; map those instead"),
                ),
            Some(_) => {}
        }
        if !topics.contains_key(topic) {
            p.add(
                &key,
                format!("topic \"{topic}\" is not defined in guidance/topics.toml"),
            );
        }
        mapped.insert(code, topic.as_str());
    }
    let required = fw
        .questions
        .iter()
        .map(|q| q.code)
        .chain(fw.oit_items.iter().map(|o| o.code))
        .chain(
            fw.indicators
                .iter()
                .filter(|i| i.indicator_only)
                .map(|i| Code::new(CodePrefix::Ind, u16::from(i.number))),
        );
    for code in required {
        if !mapped.contains_key(&code) {
            p.add("codes", format!("{code} has no guidance topic"));
        }
    }
    let items_by_topic = |topic: &str| -> BTreeSet<Code> {
        mapped
            .iter()
            .filter(|(c, t)| c.prefix == CodePrefix::O && **t == topic)
            .map(|(c, _)| *c)
            .collect()
    };
    let mut entries = HashMap::new();
    for (code, topic_id) in &mapped {
        let Some(topic) = topics.get(*topic_id) else {
            continue;
        };
        let mut refs = BTreeSet::new();
        for cited in &topic.cites {
            let found = items_by_topic(cited);
            if found.is_empty() && !fw.oit_items.is_empty() {
                warnings.push(Problem {
                    file: file.to_string(),
                    key: format!("codes.{code}"),
                    message: format!(
                        "topic {topic_id} cites {cited}, which no OIT item of {} maps to",
                        fw.id
                    ),
                });
            }
            refs.extend(found);
        }
        refs.remove(code);
        entries.insert(
            *code,
            GuidanceEntry {
                code: *code,
                topic: topic_id.to_string(),
                cause_th: topic.cause_th.trim().to_string(),
                guidance_th: topic.guidance_th.trim().to_string(),
                cause_en: topic.cause_en.trim().to_string(),
                guidance_en: topic.guidance_en.trim().to_string(),
                oit_refs: refs.into_iter().collect(),
            },
        );
    }
    GuidanceBook { entries }
}
