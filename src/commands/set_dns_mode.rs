use std::process::ExitCode;

use crate::cli::{GlobalArgs, SetDnsModeArgs};
use crate::ui::Ui;

pub fn run(_g: &GlobalArgs, _ui: &Ui, _a: &SetDnsModeArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
