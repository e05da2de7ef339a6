//! The set of known frameworks and their guidance, loaded from file texts (embedded or read by the caller).

use std::collections::BTreeMap;

use super::{CatalogError, Framework, Problem, Problems, parse_framework};
use crate::guidance::{self, GuidanceBook};

/// A file's name and text, as handed to the loader.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Name used in problems, e.g. `catalog/2568.toml`.
    pub name: String,
    /// Whole text of the file.
    pub text: String,
}

impl SourceFile {
    /// Builds a source file.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        SourceFile {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// The framework used for a fiscal year, and whether it is another year's, borrowed until the year's own exists.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    /// The framework.
    pub framework: &'a Framework,
    /// The year asked for.
    pub year: u16,
    /// The framework is another (earlier) year's.
    pub provisional: bool,
}

impl Resolved<'_> {
    /// "ใช้กรอบการประเมินปี 2569 ชั่วคราว" when provisional (digits as given; callers convert).
    pub fn provisional_note_th(&self) -> Option<String> {
        self.provisional.then(|| {
            format!(
                "ปี {} ยังไม่มีกรอบการประเมินของปีนั้น จึงใช้กรอบการประเมินปี {} ชั่วคราว",
                self.year, self.framework.fiscal_year
            )
        })
    }

    /// The same in English.
    pub fn provisional_note_en(&self) -> Option<String> {
        self.provisional.then(|| {
            format!(
                "{} has no framework of its own yet; the {} framework is used for now.",
                self.year, self.framework.fiscal_year
            )
        })
    }
}

/// Every framework by fiscal year, each with its resolved guidance.
#[derive(Debug, Clone)]
pub struct Catalog {
    frameworks: BTreeMap<u16, Framework>,
    guidance: BTreeMap<u16, GuidanceBook>,
    warnings: Vec<Problem>,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_catalog.rs"));
}

impl Catalog {
    /// The catalog built into the binary from `catalog/` and `guidance/`.
    pub fn embedded() -> Result<Catalog, CatalogError> {
        let frameworks: Vec<SourceFile> = embedded::FRAMEWORKS
            .iter()
            .map(|(n, t)| SourceFile::new(*n, *t))
            .collect();
        let guidance: Vec<SourceFile> = embedded::GUIDANCE
            .iter()
            .map(|(n, t)| SourceFile::new(*n, *t))
            .collect();
        Catalog::load(&frameworks, &guidance)
    }

    /// Loads framework files and guidance files (`topics.toml` plus one file per year).
    /// Every problem of every file is reported together.
    pub fn load(
        frameworks: &[SourceFile],
        guidance_files: &[SourceFile],
    ) -> Result<Catalog, CatalogError> {
        let mut problems = Vec::new();
        let mut by_year = BTreeMap::new();
        for f in frameworks {
            match parse_framework(&f.name, &f.text) {
                Ok(fw) => {
                    if let Some(prev) = by_year.insert(fw.fiscal_year, fw) {
                        let mut p = Problems::new(&f.name);
                        p.add(
                            "fiscal_year",
                            format!(
                                "year {} is defined twice (also as {})",
                                prev.fiscal_year, prev.id
                            ),
                        );
                        problems.extend(p.into_vec());
                    }
                }
                Err(CatalogError(list)) => problems.extend(list),
            }
        }
        let (guidance, warnings) = match guidance::load(&by_year, guidance_files) {
            Ok(ok) => ok,
            Err(CatalogError(list)) => {
                problems.extend(list);
                (BTreeMap::new(), Vec::new())
            }
        };
        if !problems.is_empty() {
            return Err(CatalogError(problems));
        }
        Ok(Catalog {
            frameworks: by_year,
            guidance,
            warnings,
        })
    }

    /// The framework of a Buddhist-era fiscal year.
    pub fn framework(&self, year: u16) -> Option<&Framework> {
        self.frameworks.get(&year)
    }

    /// The framework to use for `year`: its own, or — for a year after the newest file — the newest one,
    /// marked provisional so every place that shows it can say so. `None` before the oldest year.
    pub fn resolve(&self, year: u16) -> Option<Resolved<'_>> {
        if let Some(fw) = self.frameworks.get(&year) {
            return Some(Resolved {
                framework: fw,
                year,
                provisional: false,
            });
        }
        let (&oldest, _) = self.frameworks.first_key_value()?;
        if year < oldest {
            return None;
        }
        // The newest framework at or before `year` (a gap year borrows the one before it).
        let (_, fw) = self.frameworks.range(..year).next_back()?;
        Some(Resolved {
            framework: fw,
            year,
            provisional: true,
        })
    }

    /// Guidance of a year (absent when no guidance file covers it).
    pub fn guidance(&self, year: u16) -> Option<&GuidanceBook> {
        self.guidance.get(&year)
    }

    /// All frameworks, oldest first.
    pub fn frameworks(&self) -> impl Iterator<Item = &Framework> {
        self.frameworks.values()
    }

    /// Years that have a framework, ascending.
    pub fn years(&self) -> Vec<u16> {
        self.frameworks.keys().copied().collect()
    }

    /// Non-fatal findings (e.g. a guidance citation that resolves to no item in some year).
    pub fn warnings(&self) -> &[Problem] {
        &self.warnings
    }
}
