use std::process::ExitCode;

use crate::cli::{GlobalArgs, ShowArgs};
use crate::ui::Ui;

pub fn run(_g: &GlobalArgs, _ui: &Ui, _a: &ShowArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
