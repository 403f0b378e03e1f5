//! `show`: the value at a key and every key below it, own or inherited.

use std::process::ExitCode;

use serde::Serialize;

use super::common::{self, at, mode_name};
use crate::apply;
use crate::cli::{GlobalArgs, ShowArgs};
use crate::metabase::plan::{edit_while_running, states, Form, Source, SMTP_USE_TCP_DNS};
use crate::metabase::text::newline_of;
use crate::ui::Ui;

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
    out.push_str(&format!(
        "File:               {} ({}, {})\n",
        report.file, report.encoding, report.line_ends
    ));
    out.push_str(&format!(
        "Edit while running: {}\n",
        match &ewr {
            Some(v) if v.trim() == "1" =>
                "on (EnableEditWhileRunning=\"1\" on /LM): IIS reads the file when it is saved"
                    .to_string(),
            Some(v) =>
                format!("off (EnableEditWhileRunning=\"{v}\"): stop IIS Admin before editing"),
            None => "off (not set on /LM): stop IIS Admin before editing".to_string(),
        }
    ));
    out.push_str("SmtpUseTcpDns (ID 36997):\n");
    let width = report
        .keys
        .iter()
        .map(|k| k.location.len())
        .max()
        .unwrap_or(8)
        .max(8);
    out.push_str(&format!(
        "  {:width$}  {:>5}  {:12}  SOURCE\n",
        "LOCATION", "VALUE", "MODE"
    ));
    for (k, state) in report.keys.iter().zip(&list) {
        let source = match k.source {
            Source::Own => {
                let s = state.setting.as_ref().expect("own value");
                let form = if s.form == Form::Custom {
                    "Custom element"
                } else {
                    "attribute"
                };
                format!("own: {form}, {}", at(text, s.at))
            }
            Source::Inherited => format!(
                "inherited from {}",
                k.inherited_from.as_deref().unwrap_or("?")
            ),
            Source::Default => match &k.raw {
                Some(r) => {
                    format!("own value \"{r}\" is not a number; not set: default, behaves as 0")
                }
                None => "not set: default, behaves as 0".to_string(),
            },
        };
        let shown = match k.source {
            Source::Default => "-".to_string(),
            _ => k.effective.to_string(),
        };
        out.push_str(&format!(
            "  {:width$}  {:>5}  {:12}  {source}\n",
            k.location,
            shown,
            mode_name(k.effective)
        ));
    }
    if let Some(first) = report.keys.first() {
        let value = match first.source {
            Source::Default => crate::metabase::plan::UNSET_DEFAULT,
            _ => first.effective,
        };
        out.push_str(&format!(
            "Meaning at {}: {}\n",
            first.location,
            common::meaning(value)
        ));
    }
    ui.raw(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
