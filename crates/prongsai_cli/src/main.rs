//! The `prongsai` binary: parses arguments, dispatches, and maps bad input to exit status 2.

mod analyze_cmd;
mod args;
mod catalog_cmd;
mod error;
mod import_cmd;
mod input;
mod national;
mod render;
mod report_cmd;
mod score_cmd;
mod server;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};
use error::UserError;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Score(a) => score_cmd::run(&cli.catalog, &a),
        Command::Analyze(a) => analyze_cmd::run(&cli.catalog, &a),
        Command::Catalog(c) => catalog_cmd::run(&cli.catalog, &c),
        Command::GenNational(a) => national::generate(&cli.catalog, &a),
        Command::ImportReport(a) => import_cmd::run(&cli.catalog, &a),
        Command::Report(a) => report_cmd::run(&cli.catalog, &a),
        Command::Serve(a) => server::serve(&a),
        Command::Migrate(a) => server::migrate(&a),
        Command::User(args::UserCommand::Add(a)) => server::user_add(&a),
        Command::Token(args::TokenCommand::Create(a)) => server::token_create(&a),
        Command::Demo(a) => server::demo(&cli.catalog, &a),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = std::io::stdout().flush();
            if let Some(u) = e.downcast_ref::<UserError>() {
                eprintln!("{u}");
                ExitCode::from(2)
            } else {
                eprintln!("error: {e:#}");
                ExitCode::from(1)
            }
        }
    }
}
