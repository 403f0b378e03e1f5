use std::process::ExitCode;

use crate::cli::{GlobalArgs, BackupsArgs};
use crate::ui::Ui;

pub fn run(_g: &GlobalArgs, _ui: &Ui, _a: &BackupsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
