//! Where output goes: results to stdout, everything else to stderr.
//!
//! `--json` turns every command into one JSON document on stdout (warnings go
//! into the document); `--quiet` keeps only errors; colour is decided once here
//! (`--color`, `NO_COLOR`, `TERM=dumb`, terminal or not) and never reaches JSON.

use std::io::{self, IsTerminal, Write};

use serde::Serialize;

use crate::cli::ColorChoice;

pub struct Ui {
    pub json: bool,
    pub quiet: bool,
    /// Colour on stdout (the diff).
    pub color: bool,
    /// Colour on stderr (warnings, errors).
    pub color_err: bool,
}

/// Whether to colour a stream, by ripgrep's and bat's rules.
pub fn use_color(choice: ColorChoice, is_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            is_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

impl Ui {
    pub fn new(json: bool, quiet: bool, color: ColorChoice) -> Ui {
        // NO_COLOR turns colour off even with --color always? No: an explicit
        // flag wins, as in ripgrep; NO_COLOR only changes what `auto` means.
        Ui {
            json,
            quiet,
            color: !json && use_color(color, io::stdout().is_terminal()),
            color_err: use_color(color, io::stderr().is_terminal()),
        }
    }

    /// A plain Ui for tests: no colour, human output.
    pub fn plain() -> Ui {
        Ui {
            json: false,
            quiet: false,
            color: false,
            color_err: false,
        }
    }

    /// Print a result line on stdout (human mode only; nothing with --json or --quiet).
    pub fn result(&self, text: &str) -> io::Result<()> {
        if self.json || self.quiet {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            out.write_all(b"\n")?;
        }
        out.flush()
    }

    /// Print result bytes on stdout (a diff, a table): not with --json or --quiet.
    pub fn raw(&self, bytes: &[u8]) -> io::Result<()> {
        if self.json || self.quiet {
            return Ok(());
        }
        write_stdout(bytes)
    }

    /// Print a generated document (completion script, man page): always.
    pub fn document(&self, bytes: &[u8]) -> io::Result<()> {
        write_stdout(bytes)
    }

    /// Print the one JSON document (--json wins over --quiet) of this run (only with --json).
    pub fn json<T: Serialize>(&self, value: &T) -> io::Result<()> {
        if !self.json {
            return Ok(());
        }
        let mut out = io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, value).map_err(io::Error::other)?;
        out.write_all(b"\n")?;
        out.flush()
    }

    /// A warning on stderr (not with --json, where it goes into the document, nor --quiet).
    pub fn warn(&self, text: &str) {
        if self.json || self.quiet {
            return;
        }
        let label = if self.color_err {
            let s = anstyle::AnsiColor::Yellow.on_default().bold();
            format!("{s}warning{s:#}")
        } else {
            "warning".to_string()
        };
        let _ = writeln!(io::stderr().lock(), "metabase-fix: {label}: {text}");
    }

    /// Progress and next steps on stderr (not with --json or --quiet).
    pub fn note(&self, text: &str) {
        if self.json || self.quiet {
            return;
        }
        let _ = writeln!(io::stderr().lock(), "{text}");
    }
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}
