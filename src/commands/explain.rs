//! `explain`: a status code, event data, or a whole non-delivery report.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;
use std::process::ExitCode;

use crate::cli::ExplainArgs;
use crate::explain::{self, ndr, Explanation};
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
                .map_err(|e| Error::io("<stdin>", "cannot read standard input", e))?;
            (buf, "<stdin>".to_string())
        } else {
            (
                std::fs::read(path).map_err(|e| Error::io(path, "cannot read the report", e))?,
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
    let t = ndr::text;
    let given = |v: Option<&str>| v.unwrap_or(t("label.not-given")).to_string();
    let mut out = String::new();
    let _ = writeln!(out, "{:<18}{}", t("label.generator"), r.mta);
    let _ = writeln!(
        out,
        "{:<18}{}",
        t("label.reporting"),
        given(r.reporting_mta.as_deref())
    );
    if let Some(d) = &r.arrival_date {
        let _ = writeln!(out, "{:<18}{d}", t("label.arrival"));
    }
    let _ = writeln!(
        out,
        "{:<18}{}",
        t("label.read-from"),
        t(&format!("source.{}", r.source))
    );
    if r.recipients.is_empty() {
        let _ = writeln!(out, "\n{}", t("report.none-failed"));
    }
    for rec in &r.recipients {
        let _ = writeln!(out, "\n{:<15}{}", t("label.recipient"), rec.recipient);
        if let Some(o) = &rec.original_recipient {
            let _ = writeln!(out, "  {:<13}{o}", t("label.original"));
        }
        let _ = writeln!(
            out,
            "  {:<13}{}",
            t("label.action"),
            given(rec.action.as_deref())
        );
        let status = match (&rec.status, rec.status_source) {
            (Some(s), Some(src)) => format!("{s} ({})", t(&format!("status-source.{src}"))),
            (s, _) => given(s.as_deref()),
        };
        let _ = writeln!(out, "  {:<13}{status}", t("label.status"));
        let _ = writeln!(
            out,
            "  {:<13}{} ({})",
            t("label.reason"),
            rec.reason,
            ndr::reason::text(rec.reason).unwrap_or_default()
        );
        let _ = writeln!(
            out,
            "  {:<13}{}",
            t("label.remote"),
            given(rec.remote_mta.as_deref())
        );
        let _ = writeln!(
            out,
            "  {:<13}{}",
            t("label.response"),
            given(rec.diagnostic_code.as_deref())
        );
        if let Some(x) = &rec.explanation {
            out.push_str(&render_explanation(x, "  "));
        }
    }
    out
}
