//! What the metabase commands share: finding the file and the backup folder,
//! decoding and scanning with errors that point at a line, and the words used
//! for values and warnings.

use std::path::{Path, PathBuf};

use crate::backup::Store;
use crate::cli::GlobalArgs;
use crate::metabase::plan::{PlanError, Warning};
use crate::platform;
use crate::{t, Error};

pub fn resolve_file(g: &GlobalArgs) -> Result<PathBuf, Error> {
    g.file
        .clone()
        .or_else(platform::default_metabase_path)
        .ok_or_else(|| Error::NoFile {
            hint: platform::no_file_hint(),
        })
}

pub fn store(g: &GlobalArgs) -> Result<Store, Error> {
    let dir = g
        .backup_dir
        .clone()
        .or_else(platform::default_backup_dir)
        .ok_or_else(|| Error::Backup {
            file: PathBuf::from("."),
            message: t!("backup-no-data-folder"),
        })?;
    Ok(Store::new(dir))
}

pub use crate::metabase::gate::{at, parse};

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
            message: t!(
                "plan-duplicate-key",
                count = at.len(),
                location = location,
                lines = lines(&at).join(", ")
            ),
        },
        PlanError::Conflict { message, at } => Error::Conflict {
            file,
            message: t!(
                "plan-conflict-lines",
                message = message,
                lines = lines(&at).join(", ")
            ),
        },
        PlanError::Internal { message } => Error::Format {
            file,
            message: t!("plan-internal", message = message),
        },
    }
}

/// The KB's meaning of a SmtpUseTcpDns value, in the current language (it
/// starts with the value's [`mode_name`], which is not translated).
pub fn meaning(v: u32) -> String {
    match v {
        0 => t!("mode-meaning-udp-then-tcp"),
        1 => t!("mode-meaning-tcp-only"),
        2 => t!("mode-meaning-udp-only"),
        0xFFFF_FFFF => t!("mode-meaning-default"),
        _ => t!("mode-meaning-unknown"),
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

/// A plan's warning for `set-dns-mode VALUE`: `set` of SmtpUseTcpDns.
pub fn warning_text(w: &Warning, text: &str, value: u32, g: &GlobalArgs) -> String {
    property_warning(
        w,
        text,
        crate::metabase::plan::SMTP_USE_TCP_DNS.name,
        &format!("set-dns-mode {value} --location {{location}}"),
        g,
    )
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
        } => t!(
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
        Warning::EditWhileRunningOff { raw } => t!(
            "property-edit-while-running-off",
            value = raw
                .as_ref()
                .map_or_else(|| t!("property-not-set-value"), |r| format!("\"{r}\""))
        ),
        Warning::OddPrevious { raw } => t!("property-odd-previous", raw = raw.clone()),
    }
}
