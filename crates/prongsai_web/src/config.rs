//! Typed configuration, parsed once: defaults → TOML file → `PRONGSAI_*` environment, unknown keys warned.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

/// Whether session cookies carry the `Secure` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SecureCookies {
    /// Secure when `public_url` is `https://…` (served behind a TLS proxy).
    Auto,
    /// Always secure.
    Always,
    /// Never secure (plain HTTP on a trusted network).
    Never,
}

/// The user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Thai (the default).
    Th,
    /// English.
    En,
}

impl Language {
    /// Parses `th` / `en`.
    pub fn parse(s: &str) -> Option<Language> {
        match s.trim().to_ascii_lowercase().as_str() {
            "th" => Some(Language::Th),
            "en" => Some(Language::En),
            _ => None,
        }
    }

    /// `th` or `en`.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Th => "th",
            Language::En => "en",
        }
    }
}

/// Everything the web server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (default 127.0.0.1:8080).
    pub addr: SocketAddr,
    /// Database URL (default `sqlite://<data_dir>/prongsai.db`).
    pub database_url: String,
    /// Directory for the SQLite file and other data (default `./data`).
    pub data_dir: PathBuf,
    /// Secure-cookie policy (default auto).
    pub secure_cookies: SecureCookies,
    /// The URL users type, e.g. `https://ita.example.go.th` (decides `auto` secure cookies).
    pub public_url: Option<String>,
    /// Largest request body accepted for uploads (default 10 MB).
    pub max_upload_bytes: usize,
    /// Default UI language for visitors and new users (default th).
    pub language: Language,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy you run): the
    /// rightmost address that is not one of `trusted_proxies`, i.e. the hop your proxy added.
    pub trust_proxy_headers: bool,
    /// Addresses of your own proxies, skipped from the right of `X-Forwarded-For` (default none:
    /// the rightmost entry, written by the one proxy in front, is the client).
    pub trusted_proxies: Vec<IpAddr>,
    /// Largest body of a POST without a login (login form, language switch; default 16 KiB).
    pub max_anonymous_body_bytes: usize,
    /// How long a request body may take to arrive (default 30 s).
    pub body_timeout: Duration,
    /// Problems that did not stop loading (unknown keys), already logged.
    pub warnings: Vec<String>,
}

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("อ่านไฟล์ตั้งค่า {path} ไม่ได้ (cannot read config file): {source}")]
    Read {
        /// File path.
        path: PathBuf,
        /// IO error.
        source: std::io::Error,
    },
    /// The TOML is malformed or a value has the wrong type.
    #[error("ไฟล์ตั้งค่า {path} ไม่ถูกต้อง (invalid config file): {message}")]
    Toml {
        /// File path.
        path: String,
        /// Parser message.
        message: String,
    },
    /// An environment variable has a value that cannot be used.
    #[error("ค่า {key}={value} ใช้ไม่ได้ (invalid environment value): {message}")]
    Env {
        /// Variable name.
        key: String,
        /// Its value.
        value: String,
        /// What is expected.
        message: String,
    },
}

/// The file shape: every key optional, unknown keys collected to warn about.
#[derive(Debug, Default, Deserialize)]
struct RawConfig {
    addr: Option<String>,
    database_url: Option<String>,
    data_dir: Option<PathBuf>,
    secure_cookies: Option<toml::Value>,
    public_url: Option<String>,
    max_upload_bytes: Option<u64>,
    language: Option<String>,
    trust_proxy_headers: Option<bool>,
    trusted_proxies: Option<Vec<String>>,
    max_anonymous_body_bytes: Option<u64>,
    body_timeout_secs: Option<u64>,
    #[serde(flatten)]
    unknown: BTreeMap<String, toml::Value>,
}

/// Environment variables of other parts of Prongsai that the web config must not warn about.
const FOREIGN_ENV: &[&str] = &["PRONGSAI_TEST_PG_URL", "PRONGSAI_LOG", "PRONGSAI_CONFIG"];

impl Default for Config {
    fn default() -> Self {
        let data_dir = PathBuf::from("./data");
        Config {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            database_url: default_database_url(&data_dir),
            data_dir,
            secure_cookies: SecureCookies::Auto,
            public_url: None,
            max_upload_bytes: 10 * 1024 * 1024,
            language: Language::Th,
            trust_proxy_headers: false,
            trusted_proxies: Vec::new(),
            max_anonymous_body_bytes: 16 * 1024,
            body_timeout: Duration::from_secs(30),
            warnings: Vec::new(),
        }
    }
}

fn default_database_url(data_dir: &Path) -> String {
    format!("sqlite://{}/prongsai.db", data_dir.display())
}

impl Config {
    /// Loads defaults, then `file` (when given), then `PRONGSAI_*` variables of the process environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let text = match file {
            Some(path) => {
                Some(
                    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                        path: path.to_path_buf(),
                        source,
                    })?,
                )
            }
            None => None,
        };
        let name = file.map(|p| p.display().to_string()).unwrap_or_default();
        let config = Config::from_sources(
            text.as_deref().map(|t| (name.as_str(), t)),
            std::env::vars(),
        )?;
        for w in &config.warnings {
            tracing::warn!("{w}");
        }
        Ok(config)
    }

    /// Builds a config from a TOML text `(file name, text)` and environment pairs, without touching the process.
    pub fn from_sources(
        toml_text: Option<(&str, &str)>,
        env: impl IntoIterator<Item = (String, String)>,
    ) -> Result<Config, ConfigError> {
        let mut raw = match toml_text {
            Some((name, text)) => {
                toml::from_str::<RawConfig>(text).map_err(|e| ConfigError::Toml {
                    path: name.to_string(),
                    message: e.to_string(),
                })?
            }
            None => RawConfig::default(),
        };
        let mut c = Config::default();
        for key in raw.unknown.keys() {
            c.warnings.push(format!(
                "ไม่รู้จักคีย์ '{key}' ในไฟล์ตั้งค่า จึงไม่ใช้ (unknown config key ignored)"
            ));
        }
        let mut explicit_db = false;
        if let Some(a) = raw.addr.take() {
            c.addr = parse_addr("addr", &a)?;
        }
        if let Some(d) = raw.data_dir.take() {
            c.data_dir = d;
        }
        if let Some(u) = raw.database_url.take() {
            c.database_url = u;
            explicit_db = true;
        }
        if let Some(v) = raw.secure_cookies.take() {
            let text = match v {
                toml::Value::Boolean(true) => "always".to_string(),
                toml::Value::Boolean(false) => "never".to_string(),
                other => other.as_str().unwrap_or_default().to_string(),
            };
            c.secure_cookies = parse_secure("secure_cookies", &text)?;
        }
        if let Some(p) = raw.public_url.take() {
            c.public_url = Some(p);
        }
        if let Some(m) = raw.max_upload_bytes {
            c.max_upload_bytes = usize::try_from(m).unwrap_or(usize::MAX);
        }
        if let Some(l) = raw.language.take() {
            c.language = parse_language("language", &l)?;
        }
        if let Some(t) = raw.trust_proxy_headers {
            c.trust_proxy_headers = t;
        }
        if let Some(list) = raw.trusted_proxies.take() {
            c.trusted_proxies = parse_ips("trusted_proxies", &list.join(","))?;
        }
        if let Some(m) = raw.max_anonymous_body_bytes {
            c.max_anonymous_body_bytes = usize::try_from(m).unwrap_or(usize::MAX);
        }
        if let Some(s) = raw.body_timeout_secs {
            c.body_timeout = Duration::from_secs(s.max(1));
        }
        for (key, value) in env {
            let Some(name) = key.strip_prefix("PRONGSAI_") else {
                continue;
            };
            match name {
                "ADDR" => c.addr = parse_addr(&key, &value)?,
                "DATABASE_URL" => {
                    c.database_url = value;
                    explicit_db = true;
                }
                "DATA_DIR" => c.data_dir = PathBuf::from(value),
                "SECURE_COOKIES" => c.secure_cookies = parse_secure(&key, &value)?,
                "PUBLIC_URL" => c.public_url = Some(value),
                "MAX_UPLOAD_BYTES" => {
                    c.max_upload_bytes = value.trim().parse().map_err(|_| ConfigError::Env {
                        key: key.clone(),
                        value: value.clone(),
                        message: "expected a number of bytes".into(),
                    })?
                }
                "LANGUAGE" => c.language = parse_language(&key, &value)?,
                "TRUST_PROXY_HEADERS" => c.trust_proxy_headers = parse_bool(&key, &value)?,
                "TRUSTED_PROXIES" => c.trusted_proxies = parse_ips(&key, &value)?,
                "MAX_ANONYMOUS_BODY_BYTES" => {
                    c.max_anonymous_body_bytes = value
                        .trim()
                        .parse()
                        .map_err(|_| env_err(&key, &value, "expected a number of bytes"))?
                }
                "BODY_TIMEOUT_SECS" => {
                    let s: u64 = value
                        .trim()
                        .parse()
                        .map_err(|_| env_err(&key, &value, "expected a number of seconds"))?;
                    c.body_timeout = Duration::from_secs(s.max(1));
                }
                _ if FOREIGN_ENV.contains(&key.as_str()) => {}
                _ => c.warnings.push(format!(
                    "ไม่รู้จักตัวแปร {key} จึงไม่ใช้ (unknown environment variable ignored)"
                )),
            }
        }
        if !explicit_db {
            c.database_url = default_database_url(&c.data_dir);
        }
        Ok(c)
    }

    /// Whether cookies get the `Secure` flag under this configuration.
    pub fn cookies_secure(&self) -> bool {
        match self.secure_cookies {
            SecureCookies::Always => true,
            SecureCookies::Never => false,
            SecureCookies::Auto => self
                .public_url
                .as_deref()
                .is_some_and(|u| u.to_ascii_lowercase().starts_with("https://")),
        }
    }
}

fn env_err(key: &str, value: &str, message: &str) -> ConfigError {
    ConfigError::Env {
        key: key.to_string(),
        value: value.to_string(),
        message: message.to_string(),
    }
}

fn parse_addr(key: &str, v: &str) -> Result<SocketAddr, ConfigError> {
    v.trim()
        .parse()
        .map_err(|_| env_err(key, v, "expected host:port such as 127.0.0.1:8080"))
}

fn parse_secure(key: &str, v: &str) -> Result<SecureCookies, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "auto" => Ok(SecureCookies::Auto),
        "always" | "true" | "1" | "yes" => Ok(SecureCookies::Always),
        "never" | "false" | "0" | "no" => Ok(SecureCookies::Never),
        _ => Err(env_err(key, v, "expected auto, true or false")),
    }
}

fn parse_bool(key: &str, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => Err(env_err(key, v, "expected true or false")),
    }
}

fn parse_ips(key: &str, v: &str) -> Result<Vec<IpAddr>, ConfigError> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| {
            s.parse()
                .map_err(|_| env_err(key, v, "expected IP addresses separated by commas"))
        })
        .collect()
}

fn parse_language(key: &str, v: &str) -> Result<Language, ConfigError> {
    Language::parse(v).ok_or_else(|| env_err(key, v, "expected th or en"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_then_file_then_env() {
        let c = Config::from_sources(None, env(&[])).unwrap();
        assert_eq!(c.addr.to_string(), "127.0.0.1:8080");
        assert_eq!(c.database_url, "sqlite://./data/prongsai.db");
        assert_eq!(c.max_upload_bytes, 10 * 1024 * 1024);
        assert!(!c.cookies_secure());

        let file = "data_dir = \"/srv/ita\"\nsecure_cookies = true\ncolour = \"blue\"\n";
        let c = Config::from_sources(
            Some(("p.toml", file)),
            env(&[
                ("PRONGSAI_LANGUAGE", "en"),
                ("PRONGSAI_BOGUS", "1"),
                ("HOME", "/root"),
            ]),
        )
        .unwrap();
        assert_eq!(c.database_url, "sqlite:///srv/ita/prongsai.db");
        assert!(c.cookies_secure());
        assert_eq!(c.language, Language::En);
        assert_eq!(c.warnings.len(), 2, "{:?}", c.warnings);
    }

    #[test]
    fn auto_cookies_follow_public_url_and_bad_values_fail() {
        let c = Config::from_sources(None, env(&[("PRONGSAI_PUBLIC_URL", "https://ita.example")]))
            .unwrap();
        assert!(c.cookies_secure());
        assert!(Config::from_sources(None, env(&[("PRONGSAI_ADDR", "nowhere")])).is_err());
        assert!(Config::from_sources(Some(("x", "addr = 5")), env(&[])).is_err());
    }
}
