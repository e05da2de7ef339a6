//! Prongsai's pure ITA domain: frameworks as data, scoring, grading, analysis, Thai text and dates. No IO.

pub mod analysis;
pub mod code;
pub mod document;
pub mod framework;
pub mod guidance;
pub mod scoring;
pub mod thai;

pub use code::{Code, CodePrefix};
pub use framework::{Catalog, CatalogError, Framework, Problem, Provenance, SourceFile};
