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
    /// Write a document to publish (analysis, measures, implementation report, OIT checklist) as PDF, DOCX or HTML.
    Report(ReportArgs),
    /// Run the web application (Thai UI and /api/v1) until Ctrl-C.
    Serve(ServeArgs),
    /// Create or upgrade the database schema, then exit.
    Migrate(ServerArgs),
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Manage API tokens for scripts.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Start the web application on a fresh demo database holding the seed agencies, and print a login.
    Demo(DemoArgs),
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

/// Which document `report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportKindArg {
    /// The analysis of the ITA results (from a score file or an imported analysis).
    Analysis,
    /// The measures plan (from an imported plan or report).
    Measures,
    /// The implementation report (from an imported report).
    Implementation,
    /// The six-month (mid-year) follow-up report: the implementation report as of --as-of.
    Midyear,
    /// The OIT checklist of a year (from a score file with O items and an optional url column).
    Oit,
}

/// Output format of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// PDF with the bundled Sarabun font embedded.
    Pdf,
    /// Word document a clerk can edit.
    Docx,
    /// One HTML page for the agency's website.
    Html,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The document to write.
    #[arg(value_enum)]
    pub kind: ReportKindArg,
    /// Input: the JSON of `import-report` (or the legacy document itself), or a score file (CSV/XLSX code,score[,url]).
    #[arg(long, value_name = "FILE")]
    pub input: PathBuf,
    /// Fiscal year (Buddhist era); required for a score file, overrides the document's year otherwise.
    #[arg(long)]
    pub year: Option<u16>,
    /// Agency name printed in the heading (overrides the document's).
    #[arg(long, value_name = "NAME")]
    pub agency: Option<String>,
    /// District (อำเภอ) printed in the heading.
    #[arg(long, value_name = "NAME")]
    pub district: Option<String>,
    /// Province (จังหวัด) printed in the heading.
    #[arg(long, value_name = "NAME")]
    pub province: Option<String>,
    /// The previous year's score file, for the change per indicator (analysis from scores).
    #[arg(long, value_name = "FILE")]
    pub previous: Option<PathBuf>,
    /// Fiscal year of --previous (default: the year before --year).
    #[arg(long, value_name = "YEAR", requires = "previous")]
    pub previous_year: Option<u16>,
    /// Output format.
    #[arg(long, value_enum, default_value = "pdf")]
    pub format: ReportFormat,
    /// Output file.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,
    /// Print Arabic digits instead of Thai digits.
    #[arg(long)]
    pub arabic_digits: bool,
    /// Font named in the DOCX (installed on the officers' computers).
    #[arg(long, value_name = "NAME", default_value = "TH SarabunIT๙")]
    pub docx_font: String,
    /// Body font size of the DOCX in points.
    #[arg(long, value_name = "PT", default_value_t = 16.0)]
    pub docx_font_size: f32,
    /// Print "ข้อมูล ณ วันที่ …" with this date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<String>,
    /// Name of the person who signs the document (the head of agency), printed in the signature block.
    #[arg(long, value_name = "NAME")]
    pub signer_name: Option<String>,
    /// Position of the signer ("นายกองค์การบริหารส่วนตำบล…").
    #[arg(long, value_name = "POSITION")]
    pub signer_position: Option<String>,
    /// Date of signing (YYYY-MM-DD), printed as a Thai date; left as a dotted line when not given.
    #[arg(long, value_name = "DATE")]
    pub signed_on: Option<String>,
}

/// Where the server's settings and database come from (shared by serve, migrate, user, token).
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Settings file (TOML); PRONGSAI_* variables override it.
    #[arg(long, value_name = "FILE", env = "PRONGSAI_CONFIG")]
    pub config: Option<PathBuf>,
    /// Database: sqlite://path/file.db (default: data/prongsai.db) or postgres://user@host/db.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    /// Address to listen on (default 127.0.0.1:8080).
    #[arg(long, value_name = "HOST:PORT")]
    pub addr: Option<std::net::SocketAddr>,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create an account with a role.
    Add(UserAddArgs),
}

/// Roles as typed on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    /// ผู้ดูแลระบบ: everything.
    SystemAdmin,
    /// ผู้กำกับดูแลระดับจังหวัด: reads every agency of --province.
    ProvinceSupervisor,
    /// ผู้ดูแลหน่วยงาน: manages --agency, its users and units.
    AgencyAdmin,
    /// ผู้แก้ไข: edits the data of --agency.
    Editor,
    /// เจ้าหน้าที่ประจำกอง: edits the measures of --unit in --agency.
    UnitOfficer,
    /// ผู้อ่าน: reads --agency.
    Viewer,
}

#[derive(Debug, Args)]
pub struct UserAddArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    /// E-mail address (the login name).
    #[arg(long)]
    pub email: String,
    /// Role.
    #[arg(long, value_enum)]
    pub role: RoleArg,
    /// Agency, by id or exact name (agency roles and unit officers).
    #[arg(long, value_name = "ID|NAME")]
    pub agency: Option<String>,
    /// Province (province supervisors).
    #[arg(long)]
    pub province: Option<String>,
    /// Unit, by exact name within --agency (unit officers).
    #[arg(long)]
    pub unit: Option<String>,
    /// Display name (default: the e-mail address).
    #[arg(long)]
    pub name: Option<String>,
    /// Read the password from standard input (first line) instead of generating one.
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for an account; the secret is printed once.
    Create(TokenCreateArgs),
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    #[command(flatten)]
    pub server: ServerArgs,
    /// The account's e-mail address.
    #[arg(long)]
    pub email: String,
    /// A name to recognise the token by.
    #[arg(long, default_value = "script")]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Address to listen on.
    #[arg(long, value_name = "HOST:PORT", default_value = "127.0.0.1:8080")]
    pub addr: std::net::SocketAddr,
    /// Directory of the demo database (emptied first; default: a folder in the system temp dir).
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The seed documents to load (default: $PRONGSAI_SEEDS or shared/seeds beside the repository).
    #[arg(long, value_name = "DIR")]
    pub seeds: Option<PathBuf>,
    /// Use this (empty) database instead of a fresh SQLite file, e.g. postgres://postgres@127.0.0.1/demo.
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Load the demo database and exit without serving (for scripts and tests).
    #[arg(long)]
    pub no_serve: bool,
}
