//! Shared fixtures: an actor, an agency with units, a user.

use prongsai_db::agencies::{self, Agency, AgencyKind, NewAgency};
use prongsai_db::units::{self, Unit};
use prongsai_db::users::{self, NewUser, User};
use prongsai_db::{Actor, Db};

pub fn actor() -> Actor {
    Actor::system("test")
}

pub fn new_agency(name: &str, province: &str) -> NewAgency {
    NewAgency {
        name: name.to_string(),
        kind: AgencyKind::Sao,
        district: "เมือง".to_string(),
        province: province.to_string(),
        website: Some("banna.go.th".to_string()),
    }
}

pub async fn agency(db: &Db, name: &str, province: &str) -> Agency {
    agencies::create(db, &actor(), new_agency(name, province))
        .await
        .unwrap()
}

/// An agency with two units: สำนักปลัด and กองคลัง.
pub async fn agency_with_units(db: &Db) -> (Agency, Unit, Unit) {
    let a = agency(db, "องค์การบริหารส่วนตำบลบ้านนา", "เชียงใหม่").await;
    let u1 = units::create(db, &actor(), a.id, "สำนักปลัด").await.unwrap();
    let u2 = units::create(db, &actor(), a.id, "กองคลัง").await.unwrap();
    (a, u1, u2)
}

pub fn new_user(email: &str) -> NewUser {
    NewUser {
        email: email.to_string(),
        display_name: "สมชาย ใจดี".to_string(),
        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".to_string(),
        language: "th".to_string(),
    }
}

pub async fn user(db: &Db, email: &str) -> User {
    users::create(db, &actor(), new_user(email)).await.unwrap()
}

/// How many rows a table holds (tests only: table names are fixed strings).
pub async fn count(db: &Db, table: &str) -> i64 {
    use sqlx::Row;
    let sql = format!("SELECT COUNT(*) AS n FROM {table}");
    sqlx::query(sqlx::AssertSqlSafe(sql))
        .fetch_one(db.pool())
        .await
        .unwrap()
        .try_get("n")
        .unwrap()
}
