//! IIS's own versioned copies: `History\MetaBase_<major>_<minor>.xml` beside the metabase.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::commands::restore::Source;
use crate::ui::Ui;
use crate::Error;

pub fn list_command(_file: &Path, _ui: &Ui) -> anyhow::Result<ExitCode> {
    anyhow::bail!("backups --history is not implemented yet")
}

pub fn load(file: &Path, _which: &str) -> Result<Source, Error> {
    Err(Error::Input {
        file: PathBuf::from(file),
        message: "--from-history is not implemented yet".into(),
    })
}
