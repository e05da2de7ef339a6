//! Command-line arguments of `prongsai` (the contract others script against; keep it stable).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Prongsai (โปร่งใส): the ITA workbench of Thai public agencies.
#[derive(Debug, Parser)]
#[command(name = "prongsai", version, about)]
pub struct Cli {
    #[command(flatten)]
    pub catalog: CatalogSource,
    #[command(subcommand)]
    pub command: Command,
}

/// Where frameworks and guidance come from.
#[derive(Debug, Args)]
pub struct CatalogSource {
    /// Read framework files (*.toml) from this directory instead of the built-in catalog.
    #[arg(long, global = true, env = "PRONGSAI_CATALOG_DIR", value_name = "DIR")]
    pub catalog_dir: Option<PathBuf>,
    /// Read guidance files from this directory (default: the sibling `guidance/` of --catalog-dir).
    #[arg(long, global = true, env = "PRONGSAI_GUIDANCE_DIR", value_name = "DIR")]
    pub guidance_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score an agency: indicators, tools, total, grade and pass.
    Score(ScoreArgs),
    /// Analyse a result: weakest questions, causes, guidance, OIT references, verdict.
    Analyze(AnalyzeArgs),
    /// List, show or check framework files.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Generate a synthetic national data set (agencies, survey responses, OIT checklists) as CSV.
    GenNational(GenNationalArgs),
    /// Import a legacy ITA report (text, DOCX, XLSX/CSV or its JSON) into structured data.
    ImportReport(ImportReportArgs),
}

/// Output format of `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScoreFormat {
    /// Human-readable table with Thai labels.
    Table,
    /// One JSON object.
    Json,
}

/// Output format of `analyze`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnalyzeFormat {
    /// Human-readable Thai text.
    Text,
    /// One JSON object.
    Json,
}

#[derive(Debug, Args)]
pub struct ScoreArgs {
    /// Fiscal year in the Buddhist era (e.g. 2568).
    #[arg(long)]
    pub year: u16,
    /// Score file: CSV (UTF-8) or XLSX with columns code,score.
    pub file: Option<PathBuf>,
    /// Raw survey responses (CSV/XLSX, one row per respondent); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub responses: Vec<PathBuf>,
    /// Score every agency of a directory made by `gen-national` (or laid out the same way).
    #[arg(long, value_name = "DIR", conflicts_with_all = ["file", "responses"])]
    pub by_agency: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ScoreFormat,
}

#[derive(Debug, Args)]
pub struct AnalyzeArgs {
    /// Fiscal year in the Buddhist era.
    #[arg(long)]
    pub year: u16,
    /// Score file (CSV/XLSX, code,score).
    pub file: Option<PathBuf>,
    /// Raw survey responses; may be repeated.
    #[arg(long, value_name = "FILE")]
    pub responses: Vec<PathBuf>,
    /// The previous year's score file, to show the change per indicator.
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Fiscal year of --previous (default: the year before --year).
    #[arg(long, value_name = "YEAR", requires = "previous")]
    pub previous_year: Option<u16>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: AnalyzeFormat,
}

#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// List the fiscal years that have a framework.
    List,
    /// Show one year's framework.
    Show {
        /// Fiscal year (BE).
        year: u16,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: ScoreFormat,
    },
    /// Validate a framework file (and the guidance of its year) and list every problem.
    Check {
        /// The framework file.
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct GenNationalArgs {
    /// Number of agencies.
    #[arg(long, default_value_t = 8317)]
    pub agencies: u32,
    /// Total number of survey responses (IIT and EIT together).
    #[arg(long, default_value_t = 1_350_000)]
    pub responses: u64,
    /// Seed of the pseudo-random generator (same seed, same files).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Fiscal year whose framework shapes the files.
    #[arg(long, default_value_t = 2568)]
    pub year: u16,
    /// Output directory (created if missing).
    #[arg(long)]
    pub out: PathBuf,
}

/// Output format of `import-report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// The versioned JSON interchange format (docs/import-json.md).
    Json,
    /// A Thai text summary.
    Text,
}

#[derive(Debug, Args)]
pub struct ImportReportArgs {
    /// The report: extracted text (.txt), Word (.docx), Excel (.xlsx), CSV, or our JSON.
    pub file: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    pub format: ImportFormat,
}
