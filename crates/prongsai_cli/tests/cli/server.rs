//! Server commands on a real SQLite file: migrate, user add, token create, and the demo loader.

use std::io::Write;
use std::process::{Command, Stdio};

use crate::{run, temp_dir};

fn url(dir: &std::path::Path) -> String {
    format!("sqlite://{}/p.db", dir.display())
}

#[test]
fn migrate_then_user_add_then_token_create() {
    let dir = temp_dir("server-users");
    let db = url(&dir);
    let out = run(&["migrate", "--database-url", &db]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("sqlite"));

    // A generated password is printed once.
    let out = run(&[
        "user",
        "add",
        "--database-url",
        &db,
        "--email",
        "Admin@Example.go.th",
        "--role",
        "system-admin",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("admin@example.go.th"), "{stdout}");
    assert!(stdout.contains("รหัสผ่าน"), "{stdout}");

    // Same e-mail again: a clear error, exit 2.
    let out = run(&[
        "user",
        "add",
        "--database-url",
        &db,
        "--email",
        "admin@example.go.th",
        "--role",
        "system-admin",
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // An agency role needs --agency.
    let out = run(&[
        "user",
        "add",
        "--database-url",
        &db,
        "--email",
        "e@example.go.th",
        "--role",
        "editor",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--agency"));

    // Password from stdin: too short is refused.
    let mut child = Command::new(env!("CARGO_BIN_EXE_prongsai"))
        .args([
            "user",
            "add",
            "--database-url",
            &db,
            "--email",
            "p@example.go.th",
            "--role",
            "system-admin",
            "--password-stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"short\n")
        .expect("write");
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(2));

    // The web's policy: sequential digits are refused even at 10+ characters.
    for weak in ["1234567890\n", "123456789012\n", "password1234\n"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_prongsai"))
            .args([
                "user",
                "add",
                "--database-url",
                &db,
                "--email",
                "p@example.go.th",
                "--role",
                "system-admin",
                "--password-stdin",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(weak.as_bytes())
            .expect("write");
        let out = child.wait_with_output().expect("wait");
        assert_eq!(out.status.code(), Some(2), "{weak}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("รหัสผ่าน"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    let out = run(&[
        "token",
        "create",
        "--database-url",
        &db,
        "--email",
        "admin@example.go.th",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let secret = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(secret.starts_with("pst_") && secret.len() > 40, "{secret}");
    let out = run(&[
        "token",
        "create",
        "--database-url",
        &db,
        "--email",
        "nobody@example.go.th",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn demo_loads_the_five_seed_agencies_with_logins() {
    let dir = temp_dir("server-demo");
    let out = run(&[
        "demo",
        "--no-serve",
        "--data-dir",
        &dir.display().to_string(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    for name in [
        "องค์การบริหารส่วนตำบลหนองกระทุ่ม",
        "องค์กรบริหารส่วนตำบลหนองกะปุ",
        "เทศบาลตำบลปลาไหล",
        "องค์การบริหารส่วนตำบลลำภูรา",
        "องค์การบริหารส่วนตำบลสระแก้ว",
    ] {
        assert!(stdout.contains(name), "{name} missing:\n{stdout}");
    }
    assert!(!stdout.contains("skipped"), "{stdout}");
    assert!(stdout.contains("admin@demo.prongsai.th") && stdout.contains("prongsai-demo"));
    // Running it again starts from a fresh database (no duplicate-name failures).
    let again = run(&[
        "demo",
        "--no-serve",
        "--data-dir",
        &dir.display().to_string(),
    ]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
}

#[test]
fn connection_errors_never_print_the_database_password() {
    // PostgreSQL answers (it runs for the tests), but the database does not exist.
    let out = run(&[
        "migrate",
        "--database-url",
        "postgres://postgres:hunter2-secret@127.0.0.1:5432/prongsai_no_such_db",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("เชื่อมต่อฐานข้อมูลไม่ได้"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(stderr.contains("postgres:***@127.0.0.1"), "{stderr}");
}
