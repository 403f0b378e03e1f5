//! `explain`: issue 7 (stub until the NDR reader lands).

use std::process::ExitCode;

use crate::cli::ExplainArgs;
use crate::ui::Ui;

pub fn run(_ui: &Ui, _args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("explain is not implemented yet")
}
