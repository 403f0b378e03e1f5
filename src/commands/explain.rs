//! `explain`: a status code, event data, or a whole non-delivery report.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ExplainArgs;
use crate::explain::{self, ndr, Explanation};
use crate::ui::Ui;
use crate::Error;

pub fn run(ui: &Ui, args: &ExplainArgs) -> anyhow::Result<ExitCode> {
    if let Some(path) = &args.ndr {
        let (raw, name) = if path == Path::new("-") {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| Error::io("<stdin>", "cannot read standard input", e))?;
            (buf, "<stdin>".to_string())
        } else {
            (
                std::fs::read(path).map_err(|e| Error::io(path, "cannot read the report", e))?,
                path.display().to_string(),
            )
        };
        let report = ndr::parse(&raw).map_err(|message| Error::Input {
            file: name.clone().into(),
            message,
        })?;
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
    if let (Some(b), Some(t)) = (x.basic_code, &x.basic_text) {
        let _ = writeln!(out, "{indent}  reply code {b}: {t}");
    }
    for (title, items) in [
        ("Likely causes", &x.causes),
        ("Fixes", &x.fixes),
        ("Next steps", &x.next_steps),
    ] {
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{indent}{title}:");
        for i in items {
            let _ = writeln!(out, "{indent}  - {i}");
        }
    }
    out
}

fn render_report(r: &ndr::Report) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Reporting server: {}",
        r.reporting_mta.as_deref().unwrap_or("(not given)")
    );
    if let Some(d) = &r.arrival_date {
        let _ = writeln!(out, "Arrival date:     {d}");
    }
    let _ = writeln!(
        out,
        "Read from:        {}",
        if r.source == "delivery-status" {
            "the delivery-status part (RFC 3464)"
        } else {
            "the message text"
        }
    );
    if r.recipients.is_empty() {
        let _ = writeln!(
            out,
            "\nNo recipient failed: every recipient in the report was delivered or relayed."
        );
    }
    for rec in &r.recipients {
        let _ = writeln!(out, "\nRecipient:     {}", rec.recipient);
        let _ = writeln!(
            out,
            "  Action:      {}",
            rec.action.as_deref().unwrap_or("(not given)")
        );
        let _ = writeln!(
            out,
            "  Status:      {}",
            rec.status.as_deref().unwrap_or("(not given)")
        );
        let _ = writeln!(
            out,
            "  Remote host: {}",
            rec.remote_mta.as_deref().unwrap_or("(not given)")
        );
        let _ = writeln!(
            out,
            "  Response:    {}",
            rec.diagnostic_code.as_deref().unwrap_or("(not given)")
        );
        if let Some(x) = &rec.explanation {
            out.push_str(&render_explanation(x, "  "));
        }
    }
    out
}
