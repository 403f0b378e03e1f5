//! One module per subcommand; `run` dispatches, `report_error` prints a failure once.

use std::io::ErrorKind;
use std::process::ExitCode;

use serde::Serialize;

use crate::cli::{Cli, Command, DiagnoseCommand};
use crate::ui::Ui;

pub mod backups;
pub mod check;
pub mod common;
pub mod completions;
pub mod diagnose;
pub mod edit;
pub mod explain;
pub mod property;
pub mod restore;
pub mod set_dns_mode;
pub mod show;

/// Exit code for a run that failed (the file is unchanged).
pub const EXIT_FAILED: u8 = 1;
/// Exit code for a usage error (clap's own, and bad option values found later).
pub const EXIT_USAGE: u8 = 2;

pub fn run(cli: &Cli, ui: &Ui) -> anyhow::Result<ExitCode> {
    let g = &cli.global;
    match &cli.command {
        Command::SetDnsMode(a) => set_dns_mode::run(g, ui, a),
        Command::Show(a) => show::run(g, ui, a),
        Command::Check(a) => check::run(g, ui, a),
        Command::Get(a) => property::get(g, ui, a),
        Command::Set(a) => property::set(g, ui, a),
        Command::Unset(a) => property::unset(g, ui, a),
        Command::List(a) => property::list(g, ui, a),
        Command::Keys(a) => property::keys(g, ui, a),
        Command::Properties(a) => property::properties(ui, a),
        Command::Backups(a) => backups::run(g, ui, a),
        Command::Restore(a) => restore::run(g, ui, a),
        Command::Diagnose(DiagnoseCommand::Dns(a)) => diagnose::run(ui, a),
        Command::Explain(a) => explain::run(ui, a),
        Command::Completions(a) => completions::completions(ui, a),
        Command::Man => completions::man(ui),
    }
}

#[derive(Serialize)]
struct JsonError<'a> {
    error: JsonErrorBody<'a>,
}

#[derive(Serialize)]
struct JsonErrorBody<'a> {
    kind: &'a str,
    message: String,
    file: Option<String>,
}

/// A usage error as the `--json` error document (clap's text as the message).
pub fn report_usage_json(e: &clap::Error) {
    let message = e.render().to_string();
    let message = message.trim().trim_start_matches("error: ").to_string();
    let doc = JsonError {
        error: JsonErrorBody {
            kind: "usage",
            message,
            file: None,
        },
    };
    if let Ok(s) = serde_json::to_string_pretty(&doc) {
        println!("{s}");
    }
}

/// Print a fatal error once (`metabase-fix: <context>: <cause>`, or JSON) and
/// return its exit code. A closed stdout pipe is not an error.
pub fn report_error(ui: &Ui, err: &anyhow::Error) -> ExitCode {
    for cause in err.chain() {
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            if io.kind() == ErrorKind::BrokenPipe {
                return ExitCode::SUCCESS;
            }
        }
    }
    let typed = err.chain().find_map(|c| c.downcast_ref::<crate::Error>());
    let message = format!("{err:#}");
    if ui.json {
        let doc = JsonError {
            error: JsonErrorBody {
                kind: typed.map_or("error", |e| e.kind()),
                message,
                file: typed
                    .and_then(|e| e.file())
                    .map(|p| p.display().to_string()),
            },
        };
        let _ = ui.json(&doc);
    } else {
        let label = if ui.color_err {
            let s = anstyle::AnsiColor::Red.on_default().bold();
            format!("{s}{}{s:#}", crate::t!("label-error"))
        } else {
            crate::t!("label-error")
        };
        eprintln!("metabase-fix: {label}: {message}");
    }
    ExitCode::from(EXIT_FAILED)
}
