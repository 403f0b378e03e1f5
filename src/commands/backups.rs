//! `backups`: this file's backups, newest first (or IIS's History copies).

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use super::common;
use crate::cli::{BackupsArgs, GlobalArgs};
use crate::history;
use crate::metabase::gate;
use crate::ui::{Align, Table, Ui};

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
        ui.note(&crate::t!(
            "backups-none",
            file = path.display(),
            folder = store.dir.display()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        (crate::t!("backups-col-id"), Align::Left),
        (crate::t!("backups-col-time"), Align::Left),
        (crate::t!("backups-col-size"), Align::Right),
        (crate::t!("backups-col-operation"), Align::Left),
    ])
    .min_width(1, 24)
    .min_width(2, 10);
    for i in &items {
        table.row(vec![
            i.id.clone(),
            i.time.clone(),
            i.size.to_string(),
            i.operation.clone(),
        ]);
    }
    ui.raw(table.render().as_bytes())?;
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
                Err(e) => Some(crate::t!("history-unreadable", error = e.to_string())),
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
        ui.note(&crate::t!(
            "history-none",
            folder = history::folder(file).display()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        (crate::t!("history-col-version"), Align::Right),
        (crate::t!("history-col-time"), Align::Left),
        (crate::t!("history-col-size"), Align::Right),
        (crate::t!("history-col-well-formed"), Align::Left),
        (crate::t!("history-col-file"), Align::Left),
    ])
    .min_width(0, 12)
    .min_width(1, 24)
    .min_width(2, 10);
    for i in &items {
        let h = &i.file;
        table.row(vec![
            h.version.clone(),
            h.time.clone(),
            h.size.to_string(),
            if i.well_formed {
                crate::t!("history-well-formed-yes")
            } else {
                crate::t!("history-well-formed-no")
            },
            h.path.clone(),
        ]);
    }
    ui.raw(table.render().as_bytes())?;
    for i in items.iter().filter(|i| !i.well_formed) {
        ui.warn(&crate::t!(
            "history-not-well-formed",
            version = i.file.version.clone(),
            problem = i.problem.clone().unwrap_or_default()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
