//! The demo database: the five seed agencies with their real documents (through the importer), users for every role.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use prongsai_db::agencies::{AgencyKind, NewAgency};
use prongsai_db::measures::{MeasureStatus, NewMeasure};
use prongsai_db::memberships::{Role, Scope};
use prongsai_db::progress::NewProgress;
use prongsai_db::{Actor, AgencyId, Db, UnitId, assessments, measures, progress, units, users};
use prongsai_domain::Catalog;
use prongsai_domain::document::{Measure, ReportDocument};
use prongsai_web::demo;

/// The password of every demo account (printed by `prongsai demo`).
pub const DEMO_PASSWORD: &str = "prongsai-demo";

/// What the demo loaded, for the banner.
pub struct DemoSummary {
    /// (email, role label) of the demo accounts.
    pub accounts: Vec<(String, String)>,
    /// Agencies created.
    pub agencies: Vec<String>,
    /// Seeds that could not be read (missing directory or unreadable file), with the reason.
    pub skipped: Vec<String>,
}

/// The seed documents directory: `$PRONGSAI_SEEDS`, else `shared/seeds` beside the repository.
pub fn default_seeds_dir() -> PathBuf {
    std::env::var_os("PRONGSAI_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"))
}

/// The seed-001 score file shipped in `examples/` (seed 001's printed 2568 IIT/EIT
/// question scores, illustrative OIT marks; the seed prints no total).
const SEED001_SCORES: &[u8] = include_bytes!("../../../../examples/seed001-2568.csv");

/// Fills an empty, migrated database with the demo data.
pub async fn load(db: &Db, catalog: &Catalog, seeds: &Path) -> Result<DemoSummary> {
    let mut summary = DemoSummary {
        accounts: Vec::new(),
        agencies: Vec::new(),
        skipped: Vec::new(),
    };
    // Every demo account shares one password: hash it once (argon2id is deliberately slow
    // and memory-hungry), not once per account.
    let hashed = prongsai_web::auth::hash_password_async(DEMO_PASSWORD.to_owned()).await?;
    let hash = hashed.as_str();
    let admin = "admin@demo.prongsai.th";
    account(
        db,
        hash,
        admin,
        "ผู้ดูแลระบบ",
        Role::SystemAdmin,
        Scope::System,
    )
    .await?;
    summary
        .accounts
        .push((admin.into(), Role::SystemAdmin.label_th().into()));
    let mut docs = Vec::new();
    match std::fs::read_dir(seeds) {
        Ok(dir) => {
            let mut paths: Vec<PathBuf> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
            paths.sort();
            for path in paths
                .into_iter()
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            {
                let bytes = std::fs::read(&path)?;
                let name = path.display().to_string();
                match prongsai_import::report::import_report(&name, &bytes, Some(catalog)) {
                    Ok(doc) => docs.push(doc),
                    Err(e) => summary.skipped.push(format!("{name}: {e}")),
                }
            }
        }
        Err(e) => summary.skipped.push(format!("{}: {e}", seeds.display())),
    }
    for (n, doc) in docs.iter().enumerate() {
        let agency = load_document(db, catalog, hash, doc, n, &mut summary).await?;
        summary.agencies.push(agency);
    }
    Ok(summary)
}

fn kind_of(name: &str) -> AgencyKind {
    if name.starts_with("องค์การบริหารส่วนตำบล")
        || name.starts_with("องค์กรบริหารส่วนตำบล")
        || name.starts_with("อบต")
    {
        AgencyKind::Sao
    } else if name.starts_with("เทศบาลตำบล") {
        AgencyKind::TambonMunicipality
    } else if name.starts_with("เทศบาลเมือง") {
        AgencyKind::TownMunicipality
    } else if name.starts_with("เทศบาลนคร") {
        AgencyKind::CityMunicipality
    } else if name.starts_with("องค์การบริหารส่วนจังหวัด")
    {
        AgencyKind::Pao
    } else {
        AgencyKind::Other
    }
}

/// Creates an account with an already hashed password and its role, in one transaction.
async fn account(
    db: &Db,
    hash: &str,
    email: &str,
    name: &str,
    role: Role,
    scope: Scope,
) -> Result<()> {
    let new = users::NewUser {
        email: email.to_owned(),
        display_name: name.to_owned(),
        password_hash: hash.to_owned(),
        language: "th".into(),
    };
    users::create_with_membership(db, &Actor::system("demo"), new, role, scope).await?;
    Ok(())
}

async fn load_document(
    db: &Db,
    catalog: &Catalog,
    hash: &str,
    doc: &ReportDocument,
    n: usize,
    summary: &mut DemoSummary,
) -> Result<String> {
    let actor = Actor::system("demo");
    let name = doc
        .agency
        .name
        .clone()
        .unwrap_or_else(|| format!("หน่วยงานตัวอย่างที่ {}", n + 1));
    // Two seeds do not print their province; the demo says so rather than guessing.
    let province = doc
        .agency
        .province
        .clone()
        .unwrap_or_else(|| "ไม่ระบุ".to_owned());
    let agency = demo::agency(
        db,
        NewAgency {
            kind: kind_of(&name),
            name: name.clone(),
            district: doc.agency.district.clone().unwrap_or_default(),
            province: province.clone(),
            website: None,
        },
    )
    .await?;
    let year = doc.fiscal_year.map_or(2568, |y| y.be());
    for (role, who) in [
        (Role::AgencyAdmin, "admin"),
        (Role::Editor, "editor"),
        (Role::Viewer, "viewer"),
    ] {
        let email = format!("{who}{}@demo.prongsai.th", n + 1);
        account(
            db,
            hash,
            &email,
            &format!("{} {name}", role.label_th()),
            role,
            Scope::Agency(agency.id),
        )
        .await?;
        summary
            .accounts
            .push((email, format!("{} — {name}", role.label_th())));
    }
    if n == 0 {
        let email = "province@demo.prongsai.th".to_owned();
        account(
            db,
            hash,
            &email,
            &format!("ผู้กำกับดูแลจังหวัด{province}"),
            Role::ProvinceSupervisor,
            Scope::Province(province.clone()),
        )
        .await?;
        summary.accounts.push((
            email,
            format!("{} — จังหวัด{province}", Role::ProvinceSupervisor.label_th()),
        ));
    }
    load_scores(db, catalog, doc, agency.id, year).await?;
    load_analysis(db, doc, agency.id, year).await?;
    let units = load_units(db, agency.id, doc).await?;
    for m in doc.measures() {
        load_measure(db, &actor, agency.id, year, m, &units).await?;
    }
    Ok(name)
}

/// Scores: the full seed-001 sheet (printed question scores, illustrative OIT) for that agency, else the question scores the document quotes.
async fn load_scores(
    db: &Db,
    catalog: &Catalog,
    doc: &ReportDocument,
    agency: AgencyId,
    year: u16,
) -> Result<()> {
    let mut scores: BTreeMap<String, f64> = BTreeMap::new();
    let is_seed001 = doc.indicators().count() >= 8 && year == 2568;
    if is_seed001 && let Some(fw) = catalog.framework(2568) {
        let sheet = prongsai_import::parse_score_file("seed001-2568.csv", SEED001_SCORES, fw)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        scores.extend(sheet.iter().map(|(c, s)| (c.to_string(), s)));
    } else {
        for ind in doc.indicators() {
            for q in &ind.questions {
                if let Some(s) = q.score {
                    scores.insert(q.code.to_string(), s);
                }
            }
        }
        for m in doc.measures() {
            for l in &m.links {
                if let Some(s) = l.score {
                    scores.entry(l.code.to_string()).or_insert(s);
                }
            }
        }
    }
    // Only codes the year's framework knows, so the sheet scores cleanly.
    if let Some(fw) = catalog.framework(year) {
        scores.retain(|code, _| code.parse().ok().and_then(|c| fw.entry(c)).is_some());
    }
    if scores.is_empty() {
        return Ok(());
    }
    let list: Vec<(String, f64)> = scores.into_iter().collect();
    assessments::put_scores(db, &Actor::system("demo"), agency, year, "demo", &list)
        .await
        .context("while saving the demo scores")?;
    Ok(())
}

/// The analysis the seed's agency wrote (cause and guidance per indicator), kept as its own words.
async fn load_analysis(db: &Db, doc: &ReportDocument, agency: AgencyId, year: u16) -> Result<()> {
    for ind in doc.indicators() {
        let Some(number) = ind.number else { continue };
        if ind.cause.trim().is_empty() && ind.guidance.trim().is_empty() {
            continue;
        }
        prongsai_db::analyses::save(
            db,
            &Actor::system("demo"),
            agency,
            year,
            number,
            prongsai_db::analyses::NoteText {
                cause: ind.cause.trim(),
                guidance: ind.guidance.trim(),
                note: "",
            },
        )
        .await
        .context("while saving the demo analysis")?;
    }
    Ok(())
}

async fn load_units(
    db: &Db,
    agency: AgencyId,
    doc: &ReportDocument,
) -> Result<BTreeMap<String, UnitId>> {
    let mut map = BTreeMap::new();
    for m in doc.measures() {
        for r in &m.responsible {
            let name = r.trim();
            if name.is_empty() || name.chars().count() > 80 || map.contains_key(name) {
                continue;
            }
            let unit = units::create(db, &Actor::system("demo"), agency, name).await?;
            map.insert(name.to_owned(), unit.id);
        }
    }
    Ok(map)
}

async fn load_measure(
    db: &Db,
    actor: &Actor,
    agency: AgencyId,
    year: u16,
    m: &Measure,
    units: &BTreeMap<String, UnitId>,
) -> Result<()> {
    let done = !m.results.is_empty();
    let created = measures::create(
        db,
        actor,
        NewMeasure {
            agency_id: agency,
            fiscal_year: year,
            // The database numbers the year's measures in the order created (the documents repeat numbers).
            number: 0,
            title: m.title.clone(),
            analysis: m.analysis.clone(),
            steps: m.steps.clone(),
            period_start: m.period.as_ref().and_then(|p| p.start),
            period_end: m.period.as_ref().and_then(|p| p.end),
            period_text: m
                .period
                .as_ref()
                .map(|p| p.text.clone())
                .unwrap_or_default(),
            status: if done {
                MeasureStatus::Done
            } else {
                MeasureStatus::NotStarted
            },
            outcome: m.outcomes.join("\n"),
            links: m.links.iter().map(|l| l.code.to_string()).collect(),
            unit_ids: m
                .responsible
                .iter()
                .filter_map(|r| units.get(r.trim()).copied())
                .collect(),
        },
    )
    .await?;
    let fy_end = prongsai_domain::thai::FiscalYear::new(year)
        .map(|f| f.end())
        .ok();
    let date = m.period.as_ref().and_then(|p| p.end).or(fy_end);
    if let Some(entry_date) = date {
        for r in &m.results {
            progress::add(
                db,
                actor,
                NewProgress {
                    measure_id: created.id,
                    entry_date,
                    text: r.clone(),
                    outcome: String::new(),
                    author: None,
                },
            )
            .await?;
        }
    }
    Ok(())
}
