//! `completions` and `man`: generated at run time from the clap definitions.

use std::process::ExitCode;

use clap::CommandFactory;

use crate::cli::{Cli, CompletionsArgs};
use crate::ui::Ui;

pub fn completions(ui: &Ui, args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = Cli::command();
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "metabase-fix", &mut buf);
    ui.document(&buf)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(ui: &Ui) -> anyhow::Result<ExitCode> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut buf)?;
    ui.document(&buf)?;
    Ok(ExitCode::SUCCESS)
}
