//! `show`: the value at a key and every key below it, own or inherited.

use std::process::ExitCode;

use serde::Serialize;

use super::common::{self, at, mode_name};
use super::property::form_text;
use crate::apply;
use crate::cli::{GlobalArgs, ShowArgs};
use crate::i18n;
use crate::metabase::plan::{edit_while_running, states, Form, Source, SMTP_USE_TCP_DNS};
use crate::metabase::text::newline_of;
use crate::t;
use crate::ui::{Align, Table, Ui};

#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    pub encoding: &'static str,
    pub line_ends: &'static str,
    pub edit_while_running: bool,
    pub keys: Vec<KeyReport>,
}

#[derive(Debug, Serialize)]
pub struct KeyReport {
    pub location: String,
    /// The key's own value, when it has one that is a number.
    pub value: Option<u32>,
    /// The key's own value as written, when it has one.
    pub raw: Option<String>,
    pub form: Option<Form>,
    pub line: Option<usize>,
    pub effective: u32,
    pub source: Source,
    pub inherited_from: Option<String>,
}

pub fn run(g: &GlobalArgs, ui: &Ui, a: &ShowArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    let raw = apply::read_unlocked(&path)?;
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    let list = states(text, &scan, &a.location, &SMTP_USE_TCP_DNS)
        .map_err(|e| common::plan_error(&path, text, e))?;
    let ewr = edit_while_running(text, &scan);
    let report = Report {
        file: path.display().to_string(),
        encoding: doc.encoding.describe(),
        line_ends: if newline_of(text) == "\r\n" {
            "CRLF"
        } else {
            "LF"
        },
        edit_while_running: ewr.as_deref().map(str::trim) == Some("1"),
        keys: list
            .iter()
            .map(|k| KeyReport {
                location: k.location.clone(),
                value: k.setting.as_ref().and_then(|s| s.value),
                raw: k.setting.as_ref().map(|s| s.raw.clone()),
                form: k.setting.as_ref().map(|s| s.form),
                line: k
                    .setting
                    .as_ref()
                    .map(|s| crate::metabase::text::line_of(text, s.at)),
                effective: k.effective,
                source: k.source.clone(),
                inherited_from: k.from.clone(),
            })
            .collect(),
    };
    if ui.json {
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let labels = [t!("show-label-file"), t!("show-label-edit-while-running")];
    let w = labels.iter().map(|l| i18n::width(l)).max().unwrap_or(0);
    let ewr_text = match &ewr {
        Some(v) if v.trim() == "1" => t!("show-edit-while-running-on"),
        Some(v) => t!("show-edit-while-running-off", value = v.clone()),
        None => t!("show-edit-while-running-unset"),
    };
    let file_text = format!(
        "{} ({}, {})",
        report.file, report.encoding, report.line_ends
    );
    for (label, value) in labels.iter().zip([file_text, ewr_text]) {
        out.push_str(&format!("{} {value}\n", i18n::pad(label, w)));
    }
    out.push_str(&format!(
        "{} (ID {}):\n",
        SMTP_USE_TCP_DNS.name, SMTP_USE_TCP_DNS.id
    ));
    let mut table = Table::new(&[
        (t!("show-col-location"), Align::Left),
        (t!("show-col-value"), Align::Right),
        (t!("show-col-mode"), Align::Left),
        (t!("show-col-source"), Align::Left),
    ])
    .min_width(0, 8)
    .min_width(1, 5)
    .min_width(2, 12);
    for (k, state) in report.keys.iter().zip(&list) {
        let source = match k.source {
            Source::Own => {
                let s = state.setting.as_ref().expect("own value");
                t!(
                    "show-source-own",
                    form = form_text(Some(s.form)),
                    place = at(text, s.at)
                )
            }
            Source::Inherited => t!(
                "show-source-inherited",
                from = k.inherited_from.as_deref().unwrap_or("?")
            ),
            Source::Default => match &k.raw {
                Some(r) => t!("show-source-not-a-number", raw = r.clone()),
                None => t!("show-source-default"),
            },
        };
        let shown = match k.source {
            Source::Default => "-".to_string(),
            _ => k.effective.to_string(),
        };
        table.row(vec![
            k.location.clone(),
            shown,
            mode_name(k.effective).to_string(),
            source,
        ]);
    }
    for line in table.render().lines() {
        out.push_str(&format!("  {line}\n"));
    }
    if let Some(first) = report.keys.first() {
        let value = match first.source {
            Source::Default => crate::metabase::plan::UNSET_DEFAULT,
            _ => first.effective,
        };
        out.push_str(&t!(
            "show-meaning",
            location = first.location.clone(),
            meaning = common::meaning(value)
        ));
        out.push('\n');
    }
    ui.raw(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
