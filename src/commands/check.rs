//! `check`: will IIS load this file? Every finding, each with its line, its
//! column and the line itself with a caret under the place (rendered by
//! annotate-snippets, as rustc does). Reads only; never writes.

use std::process::ExitCode;

use serde::Serialize;

use super::common;
use crate::apply;
use crate::cli::{CheckArgs, GlobalArgs};
use crate::metabase::check::{check, Finding, Severity};
use crate::metabase::gate::raw_line_col;
use crate::metabase::text::{line_cols, newline_of, Document};
use crate::t;
use crate::ui::Ui;

/// The `--json` document.
#[derive(Debug, Serialize)]
pub struct Report {
    pub file: String,
    /// True exactly when no finding is an error.
    pub ok: bool,
    /// Null when the bytes do not decode.
    pub encoding: Option<&'static str>,
    pub line_ends: Option<&'static str>,
    pub findings: Vec<JsonFinding>,
}

#[derive(Debug, Serialize)]
pub struct JsonFinding {
    pub severity: Severity,
    pub code: &'static str,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

pub fn run(g: &GlobalArgs, ui: &Ui, _a: &CheckArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    let raw = apply::read_unlocked(&path)?;
    let shown = path.display().to_string();
    let (doc, findings, places) = match Document::decode(&raw) {
        Ok(doc) => {
            let findings = check(&doc);
            let offsets: Vec<usize> = findings.iter().map(|f| f.problem.offset).collect();
            let places = line_cols(&doc.text, &offsets);
            (Some(doc), findings, places)
        }
        Err(e) => {
            // Bytes that do not decode are one error, not a crash.
            let place = raw_line_col(&raw, e.offset);
            let f = Finding {
                severity: Severity::Error,
                problem: crate::metabase::validate::Problem::new(
                    e.offset,
                    1,
                    "bad-encoding",
                    e.message,
                ),
            };
            (None, vec![f], vec![place])
        }
    };
    let errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = findings.len() - errors;
    let report = Report {
        file: shown.clone(),
        ok: errors == 0,
        encoding: doc.as_ref().map(|d| d.encoding.describe()),
        line_ends: doc.as_ref().map(|d| {
            if newline_of(&d.text) == "\r\n" {
                "CRLF"
            } else {
                "LF"
            }
        }),
        findings: findings
            .iter()
            .zip(&places)
            .map(|(f, &(line, column))| JsonFinding {
                severity: f.severity,
                code: f.problem.code,
                line,
                column,
                message: f.problem.message.clone(),
            })
            .collect(),
    };
    if ui.json {
        ui.json(&report)?;
    } else {
        let mut out = String::new();
        for (f, &(line, column)) in findings.iter().zip(&places) {
            if ui.quiet && f.severity == Severity::Warning {
                continue;
            }
            match &doc {
                Some(d) => out.push_str(&render(&shown, &d.text, f, line, ui.color)),
                // The same head and place line as a rendered finding.
                None => out.push_str(&format!(
                    "{}[{}]: {}\n  --> {shown}:{line}:{column}\n",
                    t!("label-error"),
                    f.problem.code,
                    f.problem.message
                )),
            }
            out.push('\n');
        }
        let id = if errors == 0 {
            "check-summary-ok"
        } else {
            "check-summary-errors"
        };
        out.push_str(&t!(
            id,
            file = shown.as_str(),
            errors = errors,
            warnings = warnings
        ));
        out.push('\n');
        if ui.quiet {
            if errors > 0 {
                std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes())?;
            }
        } else {
            ui.raw(out.as_bytes())?;
        }
    }
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(super::EXIT_FAILED)
    })
}

/// Longest excerpt of a line shown around the place (a 50 MB value is one line).
const WINDOW: usize = 100;

/// One finding as rustc shows a diagnostic: title with its code, the file and
/// place, the line with a caret run under the span.
fn render(file: &str, text: &str, f: &Finding, line: usize, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};
    let p = &f.problem;
    let b = text.as_bytes();
    let offset = floor(text, p.offset.min(text.len()));
    let start = memchr::memrchr(b'\n', &b[..offset]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &b[offset..]).map_or(text.len(), |i| offset + i);
    let end = if end > start && b[end - 1] == b'\r' {
        end - 1
    } else {
        end
    };
    // Cut long lines to a window around the place.
    let from = floor(text, start.max(offset.saturating_sub(WINDOW / 2)));
    let to = floor(text, end.min(from + WINDOW).max(offset));
    let source = &text[from..to];
    let s0 = offset - from;
    let s1 = floor(source, (s0 + p.len.max(1)).min(source.len()));
    let span = if s1 > s0 { s0..s1 } else { s0..s0 };
    let level = match f.severity {
        Severity::Error => Level::ERROR.with_name(t!("label-error")),
        Severity::Warning => Level::WARNING.with_name(t!("label-warning")),
    };
    let report = &[level.primary_title(&p.message).id(p.code).element(
        Snippet::source(source)
            .line_start(line)
            .path(file)
            .annotation(AnnotationKind::Primary.span(span)),
    )];
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut s = renderer.render(report).to_string();
    s.push('\n');
    s
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
