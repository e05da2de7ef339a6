//! The in-process test client: a router over a real database, a cookie jar, CSRF tokens read from pages, fixtures.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use prongsai_db::agencies::{self, Agency, AgencyKind, NewAgency};
use prongsai_db::measures::{self, Measure, MeasureStatus, NewMeasure};
use prongsai_db::memberships::{self, Role, Scope};
use prongsai_db::units::{self, Unit};
use prongsai_db::users::{self, NewUser};
use prongsai_db::{Actor, Db};
use prongsai_domain::Framework;
use prongsai_web::{App, AppState, Config, router};
use tower::ServiceExt;

/// The fiscal year the stories use.
pub const YEAR: u16 = 2568;
/// Every fixture user's password.
pub const PASSWORD: &str = "ถูกต้อง-password-1";

/// Runs a story on SQLite and on PostgreSQL (two tests).
macro_rules! story {
    ($name:ident, $body:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let db = prongsai_test_support::TestDb::sqlite().await;
                super::$body(crate::support::World::new(db.db().clone()).await).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let db = prongsai_test_support::TestDb::postgres().await;
                super::$body(crate::support::World::new(db.db().clone()).await).await;
            }
        }
    };
}
pub(crate) use story;

/// A response, read whole.
pub struct Resp {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    pub bytes: Vec<u8>,
}

impl Resp {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// The fixtures: two agencies in two provinces, a unit, one user per role, measures.
pub struct World {
    pub router: Router,
    pub app: AppState,
    pub own: Agency,
    pub other: Agency,
    pub unit: Unit,
    pub other_unit: Unit,
    /// A measure of `own` assigned to `unit`.
    pub unit_measure: Measure,
    /// A measure of `own` not assigned to `unit`.
    pub plain_measure: Measure,
    /// A measure of `other`.
    pub other_measure: Measure,
}

/// The fixture users by role.
pub const USERS: [(&str, &str); 6] = [
    ("system_admin", "sys@prongsai.test"),
    ("province_supervisor", "province@prongsai.test"),
    ("agency_admin", "admin@banna.test"),
    ("editor", "editor@banna.test"),
    ("unit_officer", "unit@banna.test"),
    ("viewer", "viewer@banna.test"),
];

pub fn email_of(role: &str) -> &'static str {
    USERS
        .iter()
        .find(|(r, _)| *r == role)
        .map(|(_, e)| *e)
        .expect("role")
}

fn new_measure(
    agency: &Agency,
    number: i64,
    title: &str,
    units: Vec<prongsai_db::UnitId>,
) -> NewMeasure {
    NewMeasure {
        agency_id: agency.id,
        fiscal_year: YEAR,
        number,
        title: title.into(),
        analysis: String::new(),
        steps: vec![],
        period_start: None,
        period_end: Some(jiff::civil::date(2024, 12, 31)),
        period_text: String::new(),
        status: MeasureStatus::InProgress,
        outcome: String::new(),
        links: vec![],
        unit_ids: units,
    }
}

impl World {
    pub async fn new(db: Db) -> World {
        let config = Config::from_sources(None, Vec::new()).expect("config");
        let actor = Actor::system("test");
        let own = agencies::create(
            &db,
            &actor,
            NewAgency {
                name: "องค์การบริหารส่วนตำบลบ้านนา".into(),
                kind: AgencyKind::Sao,
                district: "เมือง".into(),
                province: "ขอนแก่น".into(),
                website: None,
            },
        )
        .await
        .expect("agency");
        let other = agencies::create(
            &db,
            &actor,
            NewAgency {
                name: "เทศบาลตำบลห้วยแก้ว".into(),
                kind: AgencyKind::TambonMunicipality,
                district: "แม่ทะ".into(),
                province: "ลำปาง".into(),
                website: None,
            },
        )
        .await
        .expect("agency");
        let unit = units::create(&db, &actor, own.id, "กองคลัง")
            .await
            .expect("unit");
        let other_unit = units::create(&db, &actor, other.id, "สำนักปลัด")
            .await
            .expect("unit");
        let hash = prongsai_web::auth::hash_password(PASSWORD).expect("hash");
        for (role, email) in USERS {
            let u = users::create(
                &db,
                &actor,
                NewUser {
                    email: email.into(),
                    display_name: format!("ผู้ใช้ {role}"),
                    password_hash: hash.clone(),
                    language: "th".into(),
                },
            )
            .await
            .expect("user");
            let role = Role::from_slug(role).expect("role");
            let scope = match role {
                Role::SystemAdmin => Scope::System,
                Role::ProvinceSupervisor => Scope::Province(own.province.clone()),
                Role::UnitOfficer => Scope::Unit {
                    agency_id: own.id,
                    unit_id: unit.id,
                },
                _ => Scope::Agency(own.id),
            };
            memberships::grant(&db, &actor, u.id, role, scope)
                .await
                .expect("grant");
        }
        let unit_measure = measures::create(
            &db,
            &actor,
            new_measure(&own, 1, "มาตรการของกองคลัง", vec![unit.id]),
        )
        .await
        .expect("m");
        let plain_measure =
            measures::create(&db, &actor, new_measure(&own, 2, "มาตรการอื่น", vec![]))
                .await
                .expect("m");
        let other_measure = measures::create(
            &db,
            &actor,
            new_measure(&other, 1, "มาตรการหน่วยงานอื่น", vec![other_unit.id]),
        )
        .await
        .expect("m");
        let app = AppState::new(App::new(config, db).expect("app"));
        World {
            router: router(app.clone()),
            app,
            own,
            other,
            unit,
            other_unit,
            unit_measure,
            plain_measure,
            other_measure,
        }
    }

    /// A client of a second app over the same database, with `edit` applied to the config.
    pub fn client_with(&self, edit: impl FnOnce(&mut Config)) -> (Client, AppState) {
        let mut config = self.app.config.clone();
        edit(&mut config);
        let app = AppState::new(App::new(config, self.app.db.clone()).expect("app"));
        let client = Client {
            router: router(app.clone()),
            cookies: std::collections::BTreeMap::new(),
            csrf: None,
        };
        (client, app)
    }

    pub fn client(&self) -> Client {
        Client {
            router: self.router.clone(),
            cookies: std::collections::BTreeMap::new(),
            csrf: None,
        }
    }

    /// A client logged in as `role`.
    pub async fn as_role(&self, role: &str) -> Client {
        let mut c = self.client();
        let r = c.login(email_of(role), PASSWORD).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "login {role}: {}", r.body);
        c.refresh().await;
        c
    }

    pub fn framework(&self) -> &Framework {
        self.app.catalog.framework(YEAR).expect("framework")
    }
}

/// A complete, valid score set for `fw`: questions 70–99, OIT items alternating 100/0, indicator-only ones 80.
pub fn full_scores(fw: &Framework) -> Vec<(String, f64)> {
    let mut v = Vec::new();
    for ind in fw.indicators.iter().filter(|i| i.indicator_only) {
        v.push((format!("ind{}", ind.number), 80.0));
    }
    for (i, q) in fw.questions.iter().enumerate() {
        v.push((q.code.to_string(), 70.0 + (i % 30) as f64 + 0.25));
    }
    for (i, o) in fw.oit_items.iter().enumerate() {
        v.push((o.code.to_string(), if i % 4 == 3 { 0.0 } else { 100.0 }));
    }
    v
}

/// A browser-like client: keeps its cookies (session, visitor nonce, language) and the last CSRF token seen.
pub struct Client {
    router: Router,
    pub cookies: std::collections::BTreeMap<String, String>,
    pub csrf: Option<String>,
}

fn csrf_in(html: &str) -> Option<String> {
    let i = html.find("name=\"csrf\" value=\"")? + "name=\"csrf\" value=\"".len();
    let rest = &html[i..];
    Some(rest[..rest.find('"')?].to_string())
}

fn urlencode(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", enc(k), enc(v)))
        .collect::<Vec<_>>()
        .join("&")
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

impl Client {
    pub async fn send(&mut self, mut req: Request<Body>) -> Resp {
        if !self.cookies.is_empty() {
            let jar = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ");
            req.headers_mut()
                .insert(header::COOKIE, jar.parse().expect("cookie"));
        }
        let resp = self.router.clone().oneshot(req).await.expect("infallible");
        let status = resp.status();
        let headers = resp.headers().clone();
        for set in headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
        {
            let pair = set.split(';').next().unwrap_or("");
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            if value.is_empty() || set.contains("Max-Age=0") {
                self.cookies.remove(name);
            } else {
                self.cookies.insert(name.to_string(), value.to_string());
            }
        }
        let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
            .await
            .expect("body")
            .to_vec();
        let body = String::from_utf8_lossy(&bytes).to_string();
        if let Some(t) = csrf_in(&body) {
            self.csrf = Some(t);
        }
        Resp {
            status,
            headers,
            body,
            bytes,
        }
    }

    /// Opens the home page (following one redirect) to pick up the session's current CSRF token.
    pub async fn refresh(&mut self) {
        let r = self.get("/").await;
        if r.status == StatusCode::SEE_OTHER {
            let to = r.location().to_string();
            self.get(&to).await;
        }
    }

    pub async fn get(&mut self, path: &str) -> Resp {
        self.send(Request::get(path).body(Body::empty()).expect("req"))
            .await
    }

    /// Posts a form with the current CSRF token (fetching `/login` first when there is none).
    pub async fn post_form(&mut self, path: &str, pairs: &[(&str, &str)]) -> Resp {
        if self.csrf.is_none() {
            self.get("/login").await;
        }
        let token = self.csrf.clone().unwrap_or_default();
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(pairs);
        self.post_raw_form(path, &urlencode(&all)).await
    }

    /// Posts a form with the current CSRF token and extra request headers.
    pub async fn post_form_with(
        &mut self,
        path: &str,
        pairs: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Resp {
        let token = self.csrf.clone().unwrap_or_default();
        let mut all = vec![("csrf", token.as_str())];
        all.extend_from_slice(pairs);
        let mut b =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        self.send(b.body(Body::from(urlencode(&all))).expect("req"))
            .await
    }

    pub async fn post_raw_form(&mut self, path: &str, body: &str) -> Resp {
        let req = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body.to_string()))
            .expect("req");
        self.send(req).await
    }

    /// Posts a multipart form: text fields, then files `(field, file name, bytes)`; the CSRF token goes first.
    pub async fn post_multipart(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &str, &[u8])],
    ) -> Resp {
        let boundary = "----prongsai-test-boundary";
        let mut body: Vec<u8> = Vec::new();
        let token = self.csrf.clone().unwrap_or_default();
        let mut text = vec![("csrf", token.as_str())];
        text.extend_from_slice(fields);
        for (k, v) in text {
            body.extend_from_slice(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        for (k, name, bytes) in files {
            body.extend_from_slice(
                format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        let req = Request::post(path)
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(Body::from(body))
            .expect("req");
        self.send(req).await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.get("/login").await;
        self.post_form(
            "/login",
            &[("email", email), ("password", password), ("next", "/")],
        )
        .await
    }

    /// A JSON request with a bearer token (no cookie, no CSRF).
    pub async fn api(
        &mut self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> Resp {
        let mut b = Request::builder()
            .method(method)
            .uri(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"));
        let body = match body {
            Some(v) => {
                b = b.header(header::CONTENT_TYPE, "application/json");
                Body::from(v.to_string())
            }
            None => Body::empty(),
        };
        let saved = std::mem::take(&mut self.cookies);
        let r = self.send(b.body(body).expect("req")).await;
        self.cookies = saved;
        r
    }
}
