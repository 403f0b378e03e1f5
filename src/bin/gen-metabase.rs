//! Writes a deterministic synthetic metabase (for benchmarks and manual tests).
//!
//! `gen-metabase --size-mb N [--smtp custom|unset] -o FILE`

use std::process::ExitCode;

use metabase_fix::synth::{metabase, SmtpForm};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut size_mb = 10.0f64;
    let mut form = SmtpForm::Unset;
    let mut out = None;
    let mut i = 0;
    while i < args.len() {
        match (args[i].as_str(), args.get(i + 1)) {
            ("--size-mb", Some(v)) => size_mb = v.parse().unwrap_or(-1.0),
            ("--smtp", Some(v)) if v == "custom" => form = SmtpForm::Custom,
            ("--smtp", Some(v)) if v == "unset" => form = SmtpForm::Unset,
            ("-o", Some(v)) => out = Some(v.clone()),
            _ => {
                eprintln!("usage: gen-metabase --size-mb N [--smtp custom|unset] -o FILE");
                return ExitCode::from(2);
            }
        }
        i += 2;
    }
    let (Some(out), true) = (out, size_mb >= 0.0) else {
        eprintln!("usage: gen-metabase --size-mb N [--smtp custom|unset] -o FILE");
        return ExitCode::from(2);
    };
    match std::fs::write(&out, metabase((size_mb * 1048576.0) as usize, form)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-metabase: {out}: {e}");
            ExitCode::FAILURE
        }
    }
}
