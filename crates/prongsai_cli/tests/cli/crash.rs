//! What a real `prongsai serve` must keep true under abuse: a `kill -9` during concurrent writes loses no
//! acknowledged write (SQLite and PostgreSQL), and a bounded soak of mixed requests keeps memory bounded.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::{run, temp_dir};

/// Seed 001's agency in the demo database, and a year it has.
const AGENCY: u32 = 2;
const YEAR: u16 = 2568;

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// One HTTP/1.0 exchange (no keep-alive, no chunking): `(status, body)`, or `None` when the server is gone.
fn http(
    port: u16,
    method: &str,
    path: &str,
    token: &str,
    body: Option<&str>,
) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(20))).ok()?;
    s.set_write_timeout(Some(Duration::from_secs(20))).ok()?;
    let body = body.unwrap_or("");
    let req = format!(
        "{method} {path} HTTP/1.0\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.get(9..12)?.parse().ok()?;
    let (_, body) = text.split_once("\r\n\r\n")?;
    Some((status, body.to_string()))
}

struct Server {
    child: Child,
    port: u16,
}

impl Server {
    fn start(url: &str, dir: &std::path::Path) -> Server {
        let port = free_port();
        let mut child = Command::new(env!("CARGO_BIN_EXE_prongsai"))
            .args([
                "serve",
                "--addr",
                &format!("127.0.0.1:{port}"),
                "--database-url",
                url,
            ])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("serve starts");
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            if matches!(http(port, "GET", "/healthz", "", None), Some((200, _))) {
                return Server { child, port };
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("prongsai serve did not answer /healthz within 60 s");
    }

    /// Resident memory in KiB, from /proc.
    fn rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .expect("/proc status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .expect("VmRSS")
    }

    /// SIGKILL: no shutdown, no flush.
    fn kill9(mut self) {
        self.child.kill().expect("kill -9");
        let _ = self.child.wait();
    }
}

/// A demo database at `url` and an API token of seed 001's editor.
fn demo_with_token(url: &str, dir: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args(["demo", "--no-serve", "--database-url", url])
        .current_dir(dir)
        .output()
        .expect("demo runs");
    assert!(
        out.status.success(),
        "demo: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&[
        "token",
        "create",
        "--database-url",
        url,
        "--email",
        "editor2@demo.prongsai.th",
    ]);
    assert!(
        out.status.success(),
        "token: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Concurrent measure creation, the server killed with SIGKILL mid-way, restarted: every write that got a
/// 2xx is there, each once.
fn no_acknowledged_write_is_lost(url: &str, dir: &std::path::Path) {
    let token = demo_with_token(url, dir);
    let server = Server::start(url, dir);
    let port = server.port;
    let acked: Arc<Mutex<Vec<String>>> = Arc::default();
    let stop = Arc::new(AtomicBool::new(false));
    let path = format!("/api/v1/agencies/{AGENCY}/years/{YEAR}/measures");
    let writers: Vec<_> = (0..6)
        .map(|w| {
            let (acked, stop, token, path) =
                (acked.clone(), stop.clone(), token.clone(), path.clone());
            std::thread::spawn(move || {
                for i in 0.. {
                    if stop.load(Ordering::Relaxed) {
                        break;
                    }
                    let title = format!("crash-{w}-{i}");
                    let body = format!("{{\"title\":\"{title}\"}}");
                    match http(port, "POST", &path, &token, Some(&body)) {
                        Some((s, _)) if (200..300).contains(&s) => {
                            acked.lock().expect("lock").push(title)
                        }
                        Some(_) => {}
                        None => break, // the server is gone
                    }
                }
            })
        })
        .collect();
    // Let writes pile up, then pull the plug while they are in flight.
    let deadline = Instant::now() + Duration::from_secs(20);
    while acked.lock().expect("lock").len() < 60 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    server.kill9();
    stop.store(true, Ordering::Relaxed);
    for w in writers {
        w.join().expect("writer");
    }
    let acked = acked.lock().expect("lock").clone();
    assert!(
        acked.len() >= 60,
        "only {} writes were acknowledged before the kill",
        acked.len()
    );

    let server = Server::start(url, dir);
    let (status, list) = http(server.port, "GET", &path, &token, None).expect("list after restart");
    assert_eq!(status, 200, "{list}");
    let list: serde_json::Value = serde_json::from_str(&list).expect("JSON list");
    let titles: Vec<String> = list
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|m| m["title"].as_str().map(str::to_string))
        .collect();
    let lost: Vec<&String> = acked.iter().filter(|t| !titles.contains(t)).collect();
    eprintln!(
        "{url}: {} writes acknowledged before kill -9, {} lost",
        acked.len(),
        lost.len()
    );
    assert!(
        lost.is_empty(),
        "{} acknowledged writes lost: {lost:?}",
        lost.len()
    );
    for t in &acked {
        assert_eq!(
            titles.iter().filter(|x| *x == t).count(),
            1,
            "{t} stored once"
        );
    }
    server.kill9();
}

#[test]
fn kill_9_during_concurrent_writes_loses_nothing_on_sqlite() {
    let dir = temp_dir("crash-sqlite");
    let url = format!("sqlite://{}/crash.db", dir.display());
    no_acknowledged_write_is_lost(&url, &dir);
}

#[test]
fn kill_9_during_concurrent_writes_loses_nothing_on_postgres() {
    let dir = temp_dir("crash-postgres");
    let name = format!("prongsai_crash_{}", std::process::id());
    let psql = |sql: &str| {
        let out = Command::new("psql")
            .args([
                "-h",
                "127.0.0.1",
                "-U",
                "postgres",
                "-d",
                "postgres",
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ])
            .output()
            .expect("psql (scripts/setup installs PostgreSQL)");
        assert!(
            out.status.success(),
            "{sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    psql(&format!("DROP DATABASE IF EXISTS {name}"));
    psql(&format!("CREATE DATABASE {name}"));
    no_acknowledged_write_is_lost(&format!("postgres://postgres@127.0.0.1:5432/{name}"), &dir);
    psql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"));
}

/// 15 s of mixed reads and writes from 4 clients; the server's memory stays bounded.
#[test]
fn a_bounded_soak_keeps_memory_bounded() {
    let dir = temp_dir("soak");
    let url = format!("sqlite://{}/soak.db", dir.display());
    let token = demo_with_token(&url, &dir);
    let server = Server::start(&url, &dir);
    let port = server.port;
    let base = format!("/api/v1/agencies/{AGENCY}");
    // Warm up, then take the baseline.
    for _ in 0..20 {
        http(
            port,
            "GET",
            &format!("{base}/years/{YEAR}/measures"),
            &token,
            None,
        );
    }
    let start_kib = server.rss_kib();
    let until = Instant::now() + Duration::from_secs(15);
    let errors = Arc::new(Mutex::new(Vec::new()));
    let clients: Vec<_> = (0..4)
        .map(|c| {
            let (token, base, errors) = (token.clone(), base.clone(), errors.clone());
            std::thread::spawn(move || {
                let mut n = 0u64;
                while Instant::now() < until {
                    n += 1;
                    let (method, path, body) = match n % 5 {
                        0 => (
                            "POST",
                            format!("{base}/years/{YEAR}/measures"),
                            Some(format!("{{\"title\":\"soak-{c}-{n}\"}}")),
                        ),
                        1 => ("GET", format!("{base}/assessments/{YEAR}"), None),
                        2 => ("GET", "/healthz".to_string(), None),
                        3 => (
                            "GET",
                            "/api/v1/agencies/99999999999999999999".to_string(),
                            None,
                        ),
                        _ => ("GET", format!("{base}/years/{YEAR}/measures"), None),
                    };
                    match http(port, method, &path, &token, body.as_deref()) {
                        Some((s, _)) if s < 500 => {}
                        other => errors
                            .lock()
                            .expect("lock")
                            .push(format!("{method} {path}: {other:?}")),
                    }
                }
                n
            })
        })
        .collect();
    let total: u64 = clients.into_iter().map(|c| c.join().expect("client")).sum();
    let end_kib = server.rss_kib();
    server.kill9();
    let errors = errors.lock().expect("lock");
    eprintln!("soak: {total} requests in 15 s, RSS {start_kib} KiB -> {end_kib} KiB");
    assert!(
        errors.is_empty(),
        "{} failed requests, e.g. {:?}",
        errors.len(),
        errors.first()
    );
    assert!(total > 200, "only {total} requests in 15 s");
    // Bounds: the server at rest is ~20–40 MB; a leak per request would show over thousands of requests.
    assert!(end_kib < 200 * 1024, "RSS {end_kib} KiB after the soak");
    assert!(
        end_kib < start_kib + 64 * 1024,
        "RSS grew from {start_kib} KiB to {end_kib} KiB over {total} requests"
    );
}
