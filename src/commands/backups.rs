//! `backups`: this file's backups, newest first (or IIS's History copies).

use std::process::ExitCode;

use serde::Serialize;

use super::common;
use crate::cli::{BackupsArgs, GlobalArgs};
use crate::history;
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
        return history::list_command(&path, ui);
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
