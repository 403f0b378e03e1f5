use std::process::ExitCode;

use crate::cli::{GlobalArgs, RestoreArgs};
use crate::ui::Ui;

pub fn run(_g: &GlobalArgs, _ui: &Ui, _a: &RestoreArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
