//! What the metabase commands share: finding the file and the backup folder,
//! decoding and scanning with errors that point at a line, and the words used
//! for values and warnings.

use std::path::{Path, PathBuf};

use crate::backup::Store;
use crate::cli::GlobalArgs;
use crate::metabase::plan::{PlanError, Warning};
use crate::platform;
use crate::Error;

pub fn resolve_file(g: &GlobalArgs) -> Result<PathBuf, Error> {
    g.file
        .clone()
        .or_else(platform::default_metabase_path)
        .ok_or_else(|| Error::NoFile {
            hint: platform::no_file_hint(),
        })
}

pub fn store(g: &GlobalArgs) -> Result<Store, Error> {
    let dir = g.backup_dir.clone().or_else(platform::default_backup_dir).ok_or_else(|| Error::Backup {
        file: PathBuf::from("."),
        message: "cannot find a local data folder for backups: pass --backup-dir DIR (or set METABASE_FIX_BACKUP_DIR)"
            .into(),
    })?;
    Ok(Store::new(dir))
}

pub use crate::metabase::gate::{at, parse, FIND_A_GOOD_COPY};

pub fn plan_error(path: &Path, text: &str, e: PlanError) -> Error {
    let file = path.to_path_buf();
    let lines = |v: &[usize]| {
        v.iter()
            .map(|&o| crate::metabase::text::line_of(text, o).to_string())
            .collect::<Vec<_>>()
    };
    match e {
        PlanError::KeyNotFound { location } => Error::KeyNotFound { file, location },
        PlanError::DuplicateKey { location, at } => Error::Ambiguous {
            file,
            message: format!(
                "{} keys have Location=\"{location}\" (lines {}); IIS keeps one per location, so which to edit is not safe to guess: merge them by hand first",
                at.len(),
                lines(&at).join(", ")
            ),
        },
        PlanError::Conflict { message, at } => {
            Error::Conflict { file, message: format!("{message} (lines {})", lines(&at).join(", ")) }
        }
        PlanError::Internal { message } => {
            Error::Format { file, message: format!("internal error, nothing written: {message}") }
        }
    }
}

/// The KB's meaning of a SmtpUseTcpDns value.
pub fn meaning(v: u32) -> &'static str {
    match v {
        0 => "udp-then-tcp: UDP, retry over TCP when the answer is truncated",
        1 => "tcp-only: TCP only",
        2 => "udp-only: UDP only, a truncated answer is used as it is",
        0xFFFF_FFFF => "the schema default (unset): behaves as 0, udp-then-tcp",
        _ => "not a value the KB defines",
    }
}

/// The short name of a value.
pub fn mode_name(v: u32) -> &'static str {
    match v {
        0 => "udp-then-tcp",
        1 => "tcp-only",
        2 => "udp-only",
        0xFFFF_FFFF => "default",
        _ => "unknown",
    }
}

/// `--file "PATH" ` for commands we suggest, when the user named a file.
pub fn file_arg(g: &GlobalArgs) -> String {
    match &g.file {
        Some(f) => format!(" --file \"{}\"", f.display()),
        None => String::new(),
    }
}

pub fn warning_text(w: &Warning, text: &str, value: u32, g: &GlobalArgs) -> String {
    match w {
        Warning::Shadowed { location, at: off, raw } => format!(
            "{location} ({}) sets its own SmtpUseTcpDns = {raw}, which overrides the new value for that key and the keys below it; to change it too, run: metabase-fix{} set-dns-mode {value} --location {location}",
            at(text, *off),
            file_arg(g)
        ),
        Warning::EditWhileRunningOff { raw } => format!(
            "EnableEditWhileRunning on /LM is {}: while IIS runs it ignores this file and later overwrites it from memory, losing the edit. Stop IIS Admin first (net stop iisadmin /y), run this command again, then start the services; or enable direct metabase edit in IIS Manager (computer > Properties)",
            raw.as_ref().map_or("not set".to_string(), |r| format!("\"{r}\""))
        ),
        Warning::OddPrevious { raw } => {
            format!("the previous value \"{raw}\" is not a number IIS understands; it is replaced")
        }
    }
}

/// A plan's warning for `set`/`unset` of any property; `change_cmd` is the
/// command (after `metabase-fix`) that changes a shadowing key too, with
/// `{location}` standing for that key.
pub fn property_warning(
    w: &Warning,
    text: &str,
    name: &str,
    change_cmd: &str,
    g: &GlobalArgs,
) -> String {
    match w {
        Warning::Shadowed {
            location,
            at: off,
            raw,
        } => crate::t!(
            "property-shadowed",
            location = location.clone(),
            place = at(text, *off),
            name = name,
            raw = raw.clone(),
            command = format!(
                "metabase-fix{} {}",
                file_arg(g),
                change_cmd.replace("{location}", location)
            )
        ),
        Warning::EditWhileRunningOff { raw } => crate::t!(
            "property-edit-while-running-off",
            value = raw.as_ref().map_or_else(
                || crate::t!("property-not-set-value"),
                |r| format!("\"{r}\"")
            )
        ),
        Warning::OddPrevious { raw } => crate::t!("property-odd-previous", raw = raw.clone()),
    }
}
