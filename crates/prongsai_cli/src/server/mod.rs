//! Server commands: `serve`, `migrate`, `user add`, `token create` and `demo`.

mod demo_data;

use std::io::BufRead;

use anyhow::{Context, Result};
use prongsai_db::memberships::{Role, Scope};
use prongsai_db::{Actor, Db, agencies, tokens, units, users};
use prongsai_web::Config;

use crate::args::{
    CatalogSource, DemoArgs, RoleArg, ServeArgs, ServerArgs, TokenCreateArgs, UserAddArgs,
};
use crate::error::user;
use crate::input::load_catalog;

/// Runs `future` on a fresh multi-threaded tokio runtime.
fn block_on<T>(future: impl Future<Output = Result<T>>) -> Result<T> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("while starting the async runtime")?
        .block_on(future)
}

/// The typed config: defaults → file → PRONGSAI_* → command-line flags.
fn config(a: &ServerArgs) -> Result<Config> {
    let mut c = Config::load(a.config.as_deref()).map_err(|e| user(e.to_string()))?;
    if let Some(url) = &a.database_url {
        c.database_url.clone_from(url);
    }
    Ok(c)
}

/// Connects to the configured database (creating the SQLite directory) and migrates it.
async fn open(c: &Config) -> Result<Db> {
    if c.database_url.starts_with("sqlite:") {
        std::fs::create_dir_all(&c.data_dir)
            .with_context(|| format!("while creating {}", c.data_dir.display()))?;
    }
    let db = Db::connect(&c.database_url).await.map_err(|e| {
        user(redact(&format!(
            "เชื่อมต่อฐานข้อมูลไม่ได้ (cannot open the database) {}: {e}",
            redact(&c.database_url)
        )))
    })?;
    db.migrate().await.context("while migrating the database")?;
    Ok(db)
}

/// `text` with the password of every `scheme://user:password@host` URL in it replaced by `***`,
/// so a connection error never prints a credential.
pub fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        // The authority ends at the first '/', '?', '#' or whitespace.
        let end = tail
            .find(|c: char| matches!(c, '/' | '?' | '#') || c.is_whitespace())
            .unwrap_or(tail.len());
        let authority = &tail[..end];
        match authority.rfind('@') {
            Some(at) => {
                let userinfo = &authority[..at];
                match userinfo.find(':') {
                    Some(colon) => {
                        out.push_str(&userinfo[..colon]);
                        out.push_str(":***");
                    }
                    None => out.push_str(userinfo),
                }
                out.push_str(&authority[at..]);
            }
            None => out.push_str(authority),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("PRONGSAI_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).try_init();
}

/// `prongsai serve`.
pub fn serve(a: &ServeArgs) -> Result<()> {
    init_logging();
    let mut c = config(&a.server)?;
    if let Some(addr) = a.addr {
        c.addr = addr;
    }
    block_on(async move { prongsai_web::serve(c).await.map_err(anyhow::Error::new) })
}

/// `prongsai migrate`.
pub fn migrate(a: &ServerArgs) -> Result<()> {
    let c = config(a)?;
    block_on(async move {
        let db = open(&c).await?;
        println!("ฐานข้อมูลพร้อมใช้ (database ready): {}", db.backend().name());
        Ok(())
    })
}

fn role(r: RoleArg) -> Role {
    match r {
        RoleArg::SystemAdmin => Role::SystemAdmin,
        RoleArg::ProvinceSupervisor => Role::ProvinceSupervisor,
        RoleArg::AgencyAdmin => Role::AgencyAdmin,
        RoleArg::Editor => Role::Editor,
        RoleArg::UnitOfficer => Role::UnitOfficer,
        RoleArg::Viewer => Role::Viewer,
    }
}

/// The scope the role needs, from --agency / --province / --unit.
async fn scope(db: &Db, a: &UserAddArgs) -> Result<Scope> {
    let agency = match &a.agency {
        None => None,
        Some(key) => {
            let all = agencies::list(db).await?;
            let found = all
                .iter()
                .find(|ag| ag.id.to_string() == *key || ag.name == *key)
                .ok_or_else(|| {
                    user(format!(
                        "ไม่พบหน่วยงาน \"{key}\" (no agency with that id or name)"
                    ))
                })?;
            Some(found.id)
        }
    };
    let need_agency = || user("บทบาทนี้ต้องระบุ --agency (this role needs --agency)");
    Ok(match role(a.role) {
        Role::SystemAdmin => Scope::System,
        Role::ProvinceSupervisor => Scope::Province(
            a.province
                .clone()
                .ok_or_else(|| user("ผู้กำกับดูแลจังหวัดต้องระบุ --province (needs --province)"))?,
        ),
        Role::AgencyAdmin | Role::Editor | Role::Viewer => {
            Scope::Agency(agency.ok_or_else(need_agency)?)
        }
        Role::UnitOfficer => {
            let agency_id = agency.ok_or_else(need_agency)?;
            let name = a
                .unit
                .as_deref()
                .ok_or_else(|| user("เจ้าหน้าที่ประจำกองต้องระบุ --unit (needs --unit)"))?;
            let unit = units::list(db, agency_id)
                .await?
                .into_iter()
                .find(|u| u.name == name)
                .ok_or_else(|| {
                    user(format!("ไม่พบกอง/สำนัก \"{name}\" ในหน่วยงานนี้ (no such unit)"))
                })?;
            Scope::Unit {
                agency_id,
                unit_id: unit.id,
            }
        }
    })
}

/// `prongsai user add`.
pub fn user_add(a: &UserAddArgs) -> Result<()> {
    let c = config(&a.server)?;
    let (password, generated) = if a.password_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        let p = line.trim_end_matches(['\r', '\n']).to_owned();
        // The web's policy: length and a common-password check.
        prongsai_web::auth::policy::check(&p).map_err(user)?;
        (p, false)
    } else {
        let secret = tokens::generate_secret()?;
        (
            secret.trim_start_matches("pst_").chars().take(20).collect(),
            true,
        )
    };
    block_on(async move {
        let db = open(&c).await?;
        let scope = scope(&db, a).await?;
        let hash = prongsai_web::auth::hash_password(&password)?;
        let actor = Actor::system("cli");
        let new = users::NewUser {
            email: a.email.clone(),
            display_name: a.name.clone().unwrap_or_else(|| a.email.clone()),
            password_hash: hash,
            language: "th".into(),
        };
        // The account and its role in one transaction: never an account without a role.
        let (u, _) = users::create_with_membership(&db, &actor, new, role(a.role), scope)
            .await
            .map_err(|e| match e {
                prongsai_db::DbError::Conflict(_) => user(format!(
                    "มีบัญชีอีเมล {} อยู่แล้ว (an account with this e-mail already exists)",
                    a.email
                )),
                other => user(format!(
                    "สร้างบัญชี {} ไม่ได้ (cannot create the account): {}",
                    a.email,
                    redact(&other.to_string())
                )),
            })?;
        println!(
            "สร้างบัญชีแล้ว (account created): {} — {}",
            u.email,
            role(a.role).label_th()
        );
        if generated {
            println!("รหัสผ่าน (password, shown once): {password}");
        }
        Ok(())
    })
}

/// `prongsai token create`.
pub fn token_create(a: &TokenCreateArgs) -> Result<()> {
    let c = config(&a.server)?;
    block_on(async move {
        let db = open(&c).await?;
        let u = users::by_email(&db, &a.email)
            .await?
            .ok_or_else(|| user(format!("ไม่พบบัญชี {} (no such account)", a.email)))?;
        let (_, secret) = tokens::create(&db, &Actor::system("cli"), u.id, &a.name).await?;
        // The secret alone on stdout, so scripts can capture it.
        println!("{secret}");
        Ok(())
    })
}

/// `prongsai demo`: a fresh SQLite database with the seed agencies, then the server.
pub fn demo(src: &CatalogSource, a: &DemoArgs) -> Result<()> {
    init_logging();
    let catalog = load_catalog(src)?;
    let dir = a
        .data_dir
        .clone()
        .unwrap_or_else(|| std::env::temp_dir().join("prongsai-demo"));
    let db_file = dir.join("prongsai-demo.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db_file.display()));
    }
    let seeds = a.seeds.clone().unwrap_or_else(demo_data::default_seeds_dir);
    let mut c = Config::load(None).map_err(|e| user(e.to_string()))?;
    c.data_dir = dir;
    c.database_url = a
        .database_url
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", db_file.display()));
    c.addr = a.addr;
    let no_serve = a.no_serve;
    block_on(async move {
        let db = open(&c).await?;
        if !agencies::list(&db).await?.is_empty() {
            return Err(user(
                "ฐานข้อมูลนี้มีข้อมูลอยู่แล้ว demo ต้องใช้ฐานข้อมูลว่าง (the demo needs an empty database)",
            ));
        }
        let summary = demo_data::load(&db, &catalog, &seeds).await?;
        db.close().await;
        println!("Prongsai demo — ฐานข้อมูลตัวอย่าง: {}", redact(&c.database_url));
        for name in &summary.agencies {
            println!("  หน่วยงาน: {name}");
        }
        for s in &summary.skipped {
            println!("  ข้าม (skipped): {s}");
        }
        println!("เปิด (open): http://{}/", c.addr);
        println!(
            "เข้าสู่ระบบ (log in), รหัสผ่านทุกบัญชี (password of every account): {}",
            demo_data::DEMO_PASSWORD
        );
        for (email, label) in &summary.accounts {
            println!("  {email}  ({label})");
        }
        if no_serve {
            return Ok(());
        }
        prongsai_web::serve(c).await.map_err(anyhow::Error::new)
    })
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn urls_lose_their_passwords() {
        assert_eq!(
            redact(
                "cannot open postgres://ita:s3cr%40t@db.local:5432/ita?sslmode=require: refused"
            ),
            "cannot open postgres://ita:***@db.local:5432/ita?sslmode=require: refused"
        );
        assert_eq!(redact("postgres://ita@db/ita"), "postgres://ita@db/ita");
        assert_eq!(redact("sqlite://./data/p.db"), "sqlite://./data/p.db");
        assert_eq!(
            redact("a postgres://u:p@h/x and postgresql://v:q@h"),
            "a postgres://u:***@h/x and postgresql://v:***@h"
        );
    }
}
