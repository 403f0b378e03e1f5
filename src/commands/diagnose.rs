//! `diagnose dns`: issue 6 (stub until the DNS diagnosis lands).

use std::process::ExitCode;

use crate::cli::DiagnoseDnsArgs;
use crate::ui::Ui;

pub fn run(_ui: &Ui, _args: &DiagnoseDnsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("diagnose dns is not implemented yet")
}
