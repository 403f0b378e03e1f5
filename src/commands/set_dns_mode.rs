//! `set-dns-mode`: read, plan, show, back up, write. The steps are in
//! `metabase::plan` (what to change) and `apply` (how to write it).

use std::process::ExitCode;

use serde::Serialize;

use super::common::{self, at, meaning, mode_name};
use super::edit::Editing;
use super::property::{backup_note, form_text};
use crate::cli::{GlobalArgs, SetDnsModeArgs};
use crate::metabase::plan::{plan_set, Change, Form, SMTP_USE_TCP_DNS};
use crate::t;
use crate::ui::Ui;

/// The `--json` document.
#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub location: String,
    pub previous: Option<u32>,
    pub previous_raw: Option<String>,
    pub form: Option<Form>,
    pub mode: u32,
    pub change: Change,
    pub changed: bool,
    pub dry_run: bool,
    pub backup: Option<String>,
    pub backup_id: Option<String>,
    pub warnings: Vec<String>,
}

pub fn run(g: &GlobalArgs, ui: &Ui, a: &SetDnsModeArgs) -> anyhow::Result<ExitCode> {
    let value = a.mode.value();
    let (mut editing, raw) = Editing::open(g, a.dry_run)?;
    let path = editing.path.clone();
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    let plan = plan_set(text, &scan, &a.location, &SMTP_USE_TCP_DNS, value)
        .map_err(|e| common::plan_error(&path, text, e))?;
    let warnings: Vec<String> = plan
        .warnings
        .iter()
        .map(|w| common::warning_text(w, text, value, g))
        .collect();
    for w in &warnings {
        ui.warn(w);
    }
    let key_location = scan.keys[plan.key]
        .location(text)
        .unwrap_or(&a.location)
        .to_string();
    let mut report = Report {
        file: path.display().to_string(),
        location: key_location.clone(),
        previous: plan.previous.as_ref().and_then(|s| s.value),
        previous_raw: plan.previous.as_ref().map(|s| s.raw.clone()),
        form: plan
            .previous
            .as_ref()
            .map(|s| s.form)
            .or((plan.change == Change::Inserted).then_some(Form::Custom)),
        mode: value,
        change: plan.change,
        changed: false,
        dry_run: a.dry_run,
        backup: None,
        backup_id: None,
        warnings,
    };

    if plan.change == Change::Unchanged {
        let s = plan
            .previous
            .as_ref()
            .expect("unchanged means a setting exists");
        ui.note(&t!(
            "set-dns-mode-already",
            value = value,
            mode = mode_name(value),
            location = key_location.clone(),
            form = form_text(Some(s.form)),
            place = at(text, s.at),
            file = path.display()
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }

    if a.diff {
        editing.diff(ui, text, &plan.splices)?;
    }
    let was = match &plan.previous {
        Some(s) => t!("property-was", previous = s.raw.clone()),
        None => t!("property-was-unset"),
    };
    if a.dry_run {
        ui.note(&t!(
            "set-dns-mode-dry-run",
            value = value,
            meaning = meaning(value),
            location = key_location,
            was = was
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }

    let operation = format!("set-dns-mode {value} --location {key_location}");
    let done = editing.commit(&raw, &doc, &plan.splices, &operation)?;
    report.changed = true;
    report.backup = Some(done.backup.path.display().to_string());
    report.backup_id = Some(done.backup.record.id.clone());
    if let Some(e) = &done.dir_sync_failed {
        let w = t!("set-dir-sync-failed", error = e.clone());
        ui.warn(&w);
        report.warnings.push(w);
    }
    ui.note(&t!(
        "set-dns-mode-done",
        value = value,
        meaning = meaning(value),
        location = key_location,
        file = path.display(),
        was = was
    ));
    backup_note(ui, g, &done);
    ui.note(&t!("property-next-smtp"));
    ui.json(&report)?;
    Ok(ExitCode::SUCCESS)
}
