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
        // Serialised first, then written: a reader that closes the pipe early
        // (`| head`) gives an io::Error of kind BrokenPipe, which ends the run
        // quietly (commands::report_error), not one wrapped as "other".
        let mut text = serde_json::to_vec_pretty(value).map_err(io::Error::other)?;
        text.push(b'\n');
        let mut out = io::stdout().lock();
        out.write_all(&text)?;
        out.flush()
    }

    /// A warning on stderr (not with --json, where it goes into the document, nor --quiet).
    pub fn warn(&self, text: &str) {
        if self.json || self.quiet {
            return;
        }
        let label = if self.color_err {
            let s = anstyle::AnsiColor::Yellow.on_default().bold();
            format!("{s}{}{s:#}", crate::t!("label-warning"))
        } else {
            crate::t!("label-warning")
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

/// How a table column lines up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A text table whose columns line up by display width (a Japanese character
/// takes two columns), two spaces apart; the last column is not padded.
pub struct Table {
    columns: Vec<(Align, usize)>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// Headers (translated by the caller) with their alignment.
    pub fn new(headers: &[(String, Align)]) -> Table {
        Table {
            columns: headers.iter().map(|(_, a)| (*a, 0)).collect(),
            rows: vec![headers.iter().map(|(h, _)| h.clone()).collect()],
        }
    }

    /// A column at least `width` columns wide (a fixed layout that wide text may grow).
    pub fn min_width(mut self, column: usize, width: usize) -> Table {
        self.columns[column].1 = width;
        self
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn render(&self) -> String {
        let widths: Vec<usize> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, (_, min))| {
                self.rows
                    .iter()
                    .map(|r| r.get(i).map_or(0, |c| crate::i18n::width(c)))
                    .max()
                    .unwrap_or(0)
                    .max(*min)
            })
            .collect();
        let mut out = String::new();
        for row in &self.rows {
            let last = row.len().saturating_sub(1);
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let (align, _) = self.columns[i];
                line.push_str(&match align {
                    Align::Right => crate::i18n::pad_left(cell, widths[i]),
                    Align::Left if i == last => cell.clone(),
                    Align::Left => crate::i18n::pad(cell, widths[i]),
                });
            }
            out.push_str(&line);
            out.push('\n');
        }
        out
    }
}

fn write_stdout(bytes: &[u8]) -> io::Result<()> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_by_display_width() {
        let mut t = Table::new(&[
            ("ID".into(), Align::Left),
            ("サイズ".into(), Align::Right),
            ("操作".into(), Align::Left),
        ]);
        t.row(vec!["a".into(), "12345678".into(), "set-dns-mode 2".into()]);
        t.row(vec!["バックアップ".into(), "1".into(), "x".into()]);
        let out = t.render();
        assert_eq!(
            out,
            concat!(
                "ID              サイズ  操作\n",
                "a             12345678  set-dns-mode 2\n",
                "バックアップ         1  x\n",
            )
        );
        // Every column starts at the same display column on every row.
        let starts = |line: &str| -> Vec<usize> {
            let mut v = vec![];
            let mut col = 0;
            let mut prev_space = 0;
            for ch in line.chars() {
                if ch != ' ' && prev_space >= 2 {
                    v.push(col);
                }
                prev_space = if ch == ' ' { prev_space + 1 } else { 0 };
                col += crate::i18n::width(ch.encode_utf8(&mut [0; 4]));
            }
            v
        };
        let last_starts: Vec<usize> = out.lines().map(|l| *starts(l).last().unwrap()).collect();
        assert!(
            last_starts.windows(2).all(|w| w[0] == w[1]),
            "{last_starts:?}"
        );
    }
}
