//! Thin entry point: choose the language, parse the arguments, run, map the
//! outcome to an exit code.

use std::process::ExitCode;

use clap::FromArgMatches;

use metabase_fix::cli::{self, Cli};
use metabase_fix::commands;
use metabase_fix::i18n;
use metabase_fix::platform;
use metabase_fix::ui::Ui;

fn main() -> ExitCode {
    #[cfg(feature = "failpoints")]
    let _scenario = fail::FailScenario::setup();

    let _console = platform::console_utf8();
    // Before parsing: clap prints --help and usage errors itself.
    let lang = i18n::from_args_and_env(std::env::args_os());
    i18n::set(lang);

    // Arguments that parse need none of the localized help texts, which cost
    // a few milliseconds to format (hundreds of messages): the plain command
    // parses first, and only help, --version and usage errors (which print
    // those texts) go through the localized one. Both accept the same
    // arguments: localizing changes texts, never names or values.
    let parsed = <Cli as clap::Parser>::try_parse().or_else(|_| {
        cli::localized_command(lang)
            .try_get_matches()
            .and_then(|m| Cli::from_arg_matches(&m))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            // --help and --version print to stdout and exit 0; usage errors exit 2.
            if e.use_stderr() && std::env::args_os().any(|a| a == "--json") {
                commands::report_usage_json(&e);
            } else {
                let _ = e.print();
            }
            return ExitCode::from(if e.use_stderr() {
                commands::EXIT_USAGE
            } else {
                0
            });
        }
    };
    let ui = Ui::new(cli.global.json, cli.global.quiet, cli.global.color);
    match commands::run(&cli, &ui) {
        Ok(code) => code,
        Err(err) => commands::report_error(&ui, &err),
    }
}
