//! `completions` and `man`: generated at run time from the clap definitions,
//! with their descriptions in the current language.

use std::process::ExitCode;

use crate::cli::{self, CompletionsArgs};
use crate::ui::Ui;

pub fn completions(ui: &Ui, args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let mut cmd = cli::localized_command(crate::i18n::current());
    let mut buf = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "metabase-fix", &mut buf);
    ui.document(&buf)?;
    Ok(ExitCode::SUCCESS)
}

pub fn man(ui: &Ui) -> anyhow::Result<ExitCode> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cli::localized_command(crate::i18n::current())).render(&mut buf)?;
    ui.document(&buf)?;
    Ok(ExitCode::SUCCESS)
}
