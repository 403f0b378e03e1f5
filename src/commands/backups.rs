//! `backups`: this file's backups, newest first (or IIS's History copies).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::common;
use crate::cli::{BackupsArgs, GlobalArgs};
use crate::history;
use crate::metabase::gate;
use crate::ui::Ui;

#[derive(Debug, Serialize)]
pub struct Item {
    pub id: String,
    pub time: String,
    pub size: u64,
    pub sha256: String,
    pub operation: String,
    pub path: String,
}

pub fn run(g: &GlobalArgs, ui: &Ui, a: &BackupsArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    if a.history {
        return history_command(&path, ui);
    }
    let store = common::store(g)?;
    let items: Vec<Item> = store
        .list(&path)?
        .into_iter()
        .map(|e| Item {
            id: e.record.id,
            time: e.record.time,
            size: e.record.size,
            sha256: e.record.sha256,
            operation: e.record.operation,
            path: e.path.display().to_string(),
        })
        .collect();
    if ui.json {
        ui.json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    if items.is_empty() {
        ui.note(&format!(
            "No backups of {} in {}.",
            path.display(),
            store.dir.display()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let idw = items.iter().map(|i| i.id.len()).max().unwrap_or(2);
    let mut out = format!(
        "{:idw$}  {:24}  {:>10}  OPERATION\n",
        "ID", "TIME (UTC)", "SIZE"
    );
    for i in &items {
        out.push_str(&format!(
            "{:idw$}  {:24}  {:>10}  {}\n",
            i.id, i.time, i.size, i.operation
        ));
    }
    ui.raw(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// One History copy as `backups --history` shows it: whether IIS would load it.
#[derive(Debug, Serialize)]
pub struct HistoryItem {
    #[serde(flatten)]
    pub file: history::HistoryFile,
    pub well_formed: bool,
    /// The first problem, when it is not well-formed (or cannot be read).
    pub problem: Option<String>,
}

fn history_command(file: &Path, ui: &Ui) -> anyhow::Result<ExitCode> {
    let items: Vec<HistoryItem> = history::list(file)?
        .into_iter()
        .map(|h| {
            let problem = match std::fs::read(&h.path) {
                Ok(bytes) => gate::read(&bytes).err().map(|r| r.to_string()),
                Err(e) => Some(format!("cannot be read: {e}")),
            };
            HistoryItem {
                file: h,
                well_formed: problem.is_none(),
                problem,
            }
        })
        .collect();
    if ui.json {
        ui.json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    if items.is_empty() {
        ui.note(&format!(
            "No history files in {}.",
            history::folder(file).display()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!(
        "{:>12}  {:24}  {:>10}  {:11}  FILE\n",
        "VERSION", "TIME (UTC)", "SIZE", "WELL-FORMED"
    );
    for i in &items {
        let h = &i.file;
        let ok = if i.well_formed { "yes" } else { "NO" };
        out.push_str(&format!(
            "{:>12}  {:24}  {:>10}  {ok:11}  {}\n",
            h.version, h.time, h.size, h.path
        ));
    }
    ui.raw(out.as_bytes())?;
    for i in items.iter().filter(|i| !i.well_formed) {
        ui.warn(&format!(
            "{}: {}; IIS would not load it: do not restore it",
            i.file.version,
            i.problem.as_deref().unwrap_or("?")
        ));
    }
    Ok(ExitCode::SUCCESS)
}
