//! `restore`: put a backup (or an IIS History copy) back, checked and atomic.
//! The current file is backed up first, so a restore can itself be undone.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::common;
use crate::apply;
use crate::backup::{Source, Store};
use crate::cli::{GlobalArgs, RestoreArgs};
use crate::history;
use crate::metabase::gate;
use crate::metabase::text::Document;
use crate::render::{self, Labels};
use crate::splice::Splice;
use crate::t;
use crate::ui::Ui;

#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub restored: String,
    pub backup: String,
    pub changed: bool,
    pub dry_run: bool,
    /// The backup of the file as it was before the restore.
    pub previous_backup: Option<String>,
    pub warnings: Vec<String>,
}

pub fn run(g: &GlobalArgs, ui: &Ui, a: &RestoreArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    let store = common::store(g)?;
    let source = match &a.from_history {
        Some(h) => history::load(&path, h)?,
        None => {
            let entry = store.find(&path, a.backup.as_deref())?;
            let bytes = store.load(&entry)?;
            Source {
                id: entry.record.id,
                path: entry.path.display().to_string(),
                bytes,
            }
        }
    };
    restore(g, ui, &path, &store, source, a.dry_run, a.diff)
}

pub fn restore(
    g: &GlobalArgs,
    ui: &Ui,
    path: &Path,
    store: &Store,
    source: Source,
    dry_run: bool,
    diff: bool,
) -> anyhow::Result<ExitCode> {
    // The copy to write must be one IIS will load: a damaged backup or History
    // copy is refused, naming the copy and its first problem.
    common::parse(Path::new(&source.path), &source.bytes).map_err(|e| {
        anyhow::Error::new(e).context(t!("restore-source-refused", id = source.id.as_str()))
    })?;
    let mut locked = if dry_run {
        None
    } else {
        Some(apply::lock(path, g.lock_timeout)?)
    };
    let current = match locked.as_mut() {
        Some(l) => l.read()?,
        None => apply::read_unlocked(path)?,
    };
    // The current file may be the damaged one being repaired: it is replaced
    // (and backed up first, like any file restore replaces), with a warning.
    let mut warnings = Vec::new();
    if let Err(r) = gate::read(&current) {
        let w = t!(
            "restore-current-damaged",
            file = path.display(),
            problem = r.to_string()
        );
        ui.warn(&w);
        warnings.push(w);
    }
    let mut report = Report {
        file: path.display().to_string(),
        restored: source.id.clone(),
        backup: source.path.clone(),
        changed: false,
        dry_run,
        previous_backup: None,
        warnings,
    };
    if current == source.bytes {
        ui.note(&t!(
            "restore-nothing-to-do",
            file = path.display(),
            id = source.id.as_str()
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    if diff {
        match (Document::decode(&current), Document::decode(&source.bytes)) {
            (Ok(old), Ok(new)) => {
                let (o, n) = render::differing_region(&old.text, &new.text);
                let shown = path.display().to_string();
                let labels = Labels {
                    old: &shown,
                    new: &shown,
                };
                ui.raw(render::unified(&labels, &old.text, o, &new.text[n], ui.color).as_bytes())?;
                if old.encoding != new.encoding {
                    ui.warn(&t!(
                        "restore-encoding-changes",
                        old = old.encoding.name(),
                        new = new.encoding.name()
                    ));
                }
            }
            _ => ui.note(&t!("restore-binary-difference")),
        }
    }
    if dry_run {
        ui.note(&t!(
            "restore-dry-run",
            file = path.display(),
            id = source.id.as_str()
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let locked = locked.as_mut().expect("not a dry run");
    let splices = [Splice::new(0..current.len(), source.bytes)];
    let done = apply::commit(
        locked,
        store,
        &current,
        &splices,
        &format!("restore {}", source.id),
        None,
    )?;
    report.changed = true;
    report.previous_backup = Some(done.backup.record.id.clone());
    ui.note(&t!(
        "restore-done",
        file = path.display(),
        id = source.id.as_str()
    ));
    ui.note(&t!(
        "restore-undo",
        backup = done.backup.record.id.as_str(),
        args = common::file_arg(g)
    ));
    ui.note(&t!("restore-next"));
    ui.json(&report)?;
    Ok(ExitCode::SUCCESS)
}
