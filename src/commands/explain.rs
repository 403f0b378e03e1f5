//! `explain`: a status code, event data, or a whole non-delivery report.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ExplainArgs;
use crate::explain::{self, ndr, Explanation};
use crate::i18n;
use crate::t;
use crate::ui::Ui;
use crate::Error;

/// A message that is not a bounce: exit 1, saying what it is (`kind` in the
/// JSON error document: `feedback-report`, `auto-reply`, `not-a-bounce`, ...).
fn not_a_bounce(ui: &Ui, name: &str, not: &ndr::NotABounce) -> ExitCode {
    if ui.json {
        let doc = serde_json::json!({
            "error": {"kind": not.kind, "message": format!("{name}: {}", not.message), "file": name}
        });
        let _ = ui.json(&doc);
    } else {
        eprintln!("metabase-fix: error: {name}: {}", not.message);
    }
    ExitCode::from(crate::commands::EXIT_FAILED)
}

pub fn run(ui: &Ui, args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    if let Some(path) = &args.ndr {
        let (raw, name) = if path == Path::new("-") {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::io("<stdin>", "io-read-stdin", e))?;
            (buf, "<stdin>".to_string())
        } else {
            (
                std::fs::read(path).map_err(|e| Error::io(path, "io-read-report", e))?,
                path.display().to_string(),
            )
        };
        let report = match ndr::parse(&raw) {
            Ok(r) => r,
            Err(not) => return Ok(not_a_bounce(ui, &name, &not)),
        };
        if ui.json {
            ui.json(&report)?;
        } else {
            ui.raw(render_report(&report).as_bytes())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let code = args.code.as_deref().unwrap_or_default();
    let x = explain::explain_code(code, None).map_err(|message| Error::Input {
        file: "explain".into(),
        message,
    })?;
    if ui.json {
        ui.json(&x)?;
    } else {
        ui.raw(render_explanation(&x, "").as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn render_explanation(x: &Explanation, indent: &str) -> String {
    let mut out = String::new();
    let mut head = vec![x.code.clone()];
    let parts: Vec<&str> = [&x.class_text, &x.subject_text, &x.detail_text]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    head.push(parts.join(" · "));
    let _ = writeln!(out, "{indent}{}", head.join("  "));
    if let (Some(b), Some(text)) = (x.basic_code, &x.basic_text) {
        let _ = writeln!(
            out,
            "{indent}  {}",
            t!("explain-reply-code", code = b, text = text)
        );
    }
    for (title, items) in [
        (t!("explain-label-causes"), &x.causes),
        (t!("explain-label-fixes"), &x.fixes),
        (t!("explain-label-next-steps"), &x.next_steps),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{indent}{title}");
        for i in items {
            let _ = writeln!(out, "{indent}  - {i}");
        }
    }
    out
}

/// `label value` lines with the values lined up (labels measured in display width).
fn aligned(out: &mut String, indent: &str, lines: &[(String, String)]) {
    let w = lines.iter().map(|(l, _)| i18n::width(l)).max().unwrap_or(0);
    for (label, value) in lines {
        let _ = writeln!(out, "{indent}{} {value}", i18n::pad(label, w));
    }
}

fn render_report(r: &ndr::Report) -> String {
    let mut out = String::new();
    let not_given = || t!("ndr-label-not-given");
    let mut head = vec![
        (t!("ndr-label-generator"), r.mta.clone()),
        (
            t!("ndr-label-reporting"),
            r.reporting_mta.clone().unwrap_or_else(not_given),
        ),
    ];
    if let Some(d) = &r.arrival_date {
        head.push((t!("ndr-label-arrival"), d.clone()));
    }
    head.push((
        t!("ndr-label-read-from"),
        i18n::tr(&format!("ndr-source-{}", r.source), &[]),
    ));
    aligned(&mut out, "", &head);
    if r.recipients.is_empty() {
        let _ = writeln!(out, "\n{}", t!("ndr-report-none-failed"));
    }
    for rec in &r.recipients {
        out.push('\n');
        let given = |v: &Option<String>| v.clone().unwrap_or_else(not_given);
        let status = match (&rec.status, rec.status_source) {
            (Some(s), Some(src)) => format!(
                "{s} ({})",
                i18n::tr(&format!("ndr-status-source-{src}"), &[])
            ),
            (s, _) => given(s),
        };
        let label = t!("ndr-label-recipient");
        let mut rows = Vec::new();
        if let Some(o) = &rec.original_recipient {
            rows.push((t!("ndr-label-original"), o.clone()));
        }
        rows.extend([
            (t!("ndr-label-action"), given(&rec.action)),
            (t!("ndr-label-status"), status),
            (
                t!("ndr-label-reason"),
                format!(
                    "{} ({})",
                    rec.reason,
                    i18n::tr(&format!("ndr-reason-{}", rec.reason), &[])
                ),
            ),
            (t!("ndr-label-remote"), given(&rec.remote_mta)),
            (t!("ndr-label-response"), given(&rec.diagnostic_code)),
        ]);
        // The recipient line's value lines up with the indented ones below it.
        let w = rows
            .iter()
            .map(|(l, _)| i18n::width(l) + 2)
            .chain([i18n::width(&label)])
            .max()
            .unwrap_or(0);
        let _ = writeln!(out, "{} {}", i18n::pad(&label, w), rec.recipient);
        aligned(
            &mut out,
            "  ",
            &rows
                .iter()
                .map(|(l, v)| (i18n::pad(l, w - 2), v.clone()))
                .collect::<Vec<_>>(),
        );
        if let Some(x) = &rec.explanation {
            out.push_str(&render_explanation(x, "  "));
        }
    }
    out
}
