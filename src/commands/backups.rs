//! `backups`: this file's backups, newest first (or IIS's History copies).

use std::process::ExitCode;

use serde::Serialize;

use super::common;
use crate::cli::{BackupsArgs, GlobalArgs};
use crate::history;
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
