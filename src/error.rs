//! The error kinds callers branch on. Every variant names the file it is about.
//!
//! Offsets are kept as byte offsets; line and column are worked out only when the
//! message is built (`metabase::text::line_col`). `kind()` is the stable name
//! used in `--json` output and the README's error table.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    /// No --file and no default for this platform.
    #[error("no metabase file given: pass --file PATH (or set METABASE_FILE){hint}")]
    NoFile { hint: String },

    #[error("{file}: {op}")]
    Io {
        file: PathBuf,
        op: &'static str,
        #[source]
        source: std::io::Error,
    },

    /// The bytes are not a metabase this tool can edit safely.
    #[error("{file}: {message}")]
    Format { file: PathBuf, message: String },

    #[error("{file}: no key with Location=\"{location}\" (is the SMTP service installed? `metabase-fix show` lists the keys below it)")]
    KeyNotFound { file: PathBuf, location: String },

    #[error("{file}: {message}")]
    Ambiguous { file: PathBuf, message: String },

    #[error("{file}: {message}")]
    Conflict { file: PathBuf, message: String },

    #[error("{file}: the file is locked by another run (another administrator's metabase-fix, most likely); waited {waited_s:.1} s; nothing was changed: wait for it to finish and run again, or raise --lock-timeout")]
    Locked { file: PathBuf, waited_s: f64 },

    #[error("{file}: the file changed while metabase-fix was working on it (another editor, or IIS saving its configuration); nothing was written; run the command again")]
    ChangedUnderUs { file: PathBuf },

    #[error("{file}: {message}")]
    Backup { file: PathBuf, message: String },

    #[error("{file}: {message}")]
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
