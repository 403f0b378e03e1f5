//! The error kinds callers branch on. Every variant names the file it is about.
//!
//! Offsets are kept as byte offsets; line and column are worked out only when the
//! message is built (`metabase::text::line_col`). `kind()` is the stable name
//! used in `--json` output and the README's error table.

use std::path::PathBuf;

use thiserror::Error;

use crate::t;

/// Display is in the current language (`i18n`); `kind()` is not translated.
#[derive(Debug, Error)]
pub enum Error {
    /// No --file and no default for this platform.
    #[error("{}", t!("error-no-file", hint = hint))]
    NoFile { hint: String },

    /// `op` is a message id (`io-read`, ...) or, from older callers, a text.
    #[error("{}: {}", file.display(), crate::i18n::tr_or_text(op))]
    Io {
        file: PathBuf,
        op: &'static str,
        #[source]
        source: std::io::Error,
    },

    /// The bytes are not a metabase this tool can edit safely.
    #[error("{}: {message}", file.display())]
    Format { file: PathBuf, message: String },

    #[error("{}", t!("error-key-not-found", file = file.display(), location = location))]
    KeyNotFound { file: PathBuf, location: String },

    #[error("{}: {message}", file.display())]
    Ambiguous { file: PathBuf, message: String },

    #[error("{}: {message}", file.display())]
    Conflict { file: PathBuf, message: String },

    #[error("{}", t!("error-locked", file = file.display(), seconds = format!("{waited_s:.1}")))]
    Locked { file: PathBuf, waited_s: f64 },

    #[error("{}", t!("error-changed-under-us", file = file.display()))]
    ChangedUnderUs { file: PathBuf },

    #[error("{}: {message}", file.display())]
    Backup { file: PathBuf, message: String },

    #[error("{}: {message}", file.display())]
    Input { file: PathBuf, message: String },
}

impl Error {
    /// A stable, machine-readable name for the kind of failure.
    pub fn kind(&self) -> &'static str {
        match self {
            Error::NoFile { .. } => "no-file",
            Error::Io { .. } => "io",
            Error::Format { .. } => "format",
            Error::KeyNotFound { .. } => "key-not-found",
            Error::Ambiguous { .. } => "ambiguous",
            Error::Conflict { .. } => "conflict",
            Error::Locked { .. } => "locked",
            Error::ChangedUnderUs { .. } => "changed-under-us",
            Error::Backup { .. } => "backup",
            Error::Input { .. } => "input",
        }
    }

    pub fn file(&self) -> Option<&std::path::Path> {
        match self {
            Error::NoFile { .. } => None,
            Error::Io { file, .. }
            | Error::Format { file, .. }
            | Error::KeyNotFound { file, .. }
            | Error::Ambiguous { file, .. }
            | Error::Conflict { file, .. }
            | Error::Locked { file, .. }
            | Error::ChangedUnderUs { file }
            | Error::Backup { file, .. }
            | Error::Input { file, .. } => Some(file),
        }
    }

    pub fn io(file: impl Into<PathBuf>, op: &'static str, source: std::io::Error) -> Error {
        Error::Io {
            file: file.into(),
            op,
            source,
        }
    }
}
