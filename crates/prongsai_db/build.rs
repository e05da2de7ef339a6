//! Rebuilds the crate when a migration changes: `sqlx::migrate!` embeds the files but cannot track them on stable.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
