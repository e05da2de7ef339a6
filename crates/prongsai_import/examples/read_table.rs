//! Reads a CSV or XLSX file as the importers do and prints how many rows and cells it holds, or the error.
//! Used to measure time and peak memory: `/usr/bin/time -v cargo run --release --example read_table FILE`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: read_table FILE");
        std::process::exit(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    match prongsai_import::table::read_table(&path, &bytes) {
        Ok(t) => {
            let cells: usize = t.rows.iter().map(|(_, c)| c.len()).sum();
            println!("{} rows, {cells} cells", t.rows.len());
        }
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
