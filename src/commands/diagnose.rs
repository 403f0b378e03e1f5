//! `diagnose dns`: test KB 820284's conditions against real DNS servers.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;

use crate::cli::DiagnoseDnsArgs;
use crate::dns::{self, ServerReport, Transport};
use crate::ui::Ui;
use crate::Error;

#[derive(Debug, Serialize)]
pub struct Report {
    pub domain: String,
    pub servers: Vec<ServerReport>,
}

fn input_error(message: String) -> Error {
    Error::Input {
        file: "diagnose dns".into(),
        message,
    }
}

pub fn run(ui: &Ui, args: &DiagnoseDnsArgs) -> anyhow::Result<ExitCode> {
    let domain = dns::parse_domain(&args.domain).map_err(input_error)?;
    let servers = if args.servers.is_empty() {
        let found = dns::system_resolvers();
        if found.is_empty() {
            return Err(input_error(
                "no system resolver found (no nameserver in /etc/resolv.conf): pass --server IP"
                    .into(),
            )
            .into());
        }
        found
    } else {
        args.servers
            .iter()
            .map(|s| dns::parse_server(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(input_error)?
    };
    let timeout = Duration::from_millis(args.timeout_ms.clamp(1, 60_000));
    let name = domain.to_ascii();
    let name = name.trim_end_matches('.').to_string();
    let report = Report {
        domain: name.clone(),
        servers: servers
            .iter()
            .map(|s| dns::probe(*s, &domain, timeout))
            .collect(),
    };
    if ui.json {
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for s in &report.servers {
        let _ = writeln!(out, "MX {name} at {}:", s.server);
        let _ = writeln!(
            out,
            "  UDP (no EDNS, 512 bytes): {}",
            transport_line(&s.udp)
        );
        let _ = writeln!(
            out,
            "  TCP:                      {}",
            transport_line(&s.tcp)
        );
        let agree = match s.agree {
            Some(true) => "yes",
            Some(false) => "no (the UDP and TCP answers differ)",
            None => "unknown (one transport got no answer)",
        };
        let _ = writeln!(out, "  Agree: {agree}");
        let _ = writeln!(out, "  Verdict: {}.", s.verdict.explain());
        match s.recommended_mode {
            Some(m @ (1 | 2)) => {
                let _ = writeln!(out, "  Recommended: metabase-fix set-dns-mode {m}");
                let _ = writeln!(
                    out,
                    "  then restart the SMTP service (net stop smtpsvc && net start smtpsvc)."
                );
            }
            Some(_) => {
                let _ = writeln!(out, "  Recommended: leave SmtpUseTcpDns unset or 0 (metabase-fix set-dns-mode 0 only if it was changed).");
            }
            None => {}
        }
        out.push('\n');
    }
    ui.raw(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn transport_line(t: &Transport) -> String {
    if !t.ok {
        let rtt = t
            .rtt_ms
            .map(|r| format!(" after {r} ms"))
            .unwrap_or_default();
        return format!("no answer: {}{rtt}", t.error.as_deref().unwrap_or("error"));
    }
    format!(
        "answered {}, TC {}, {} MX, {} ms",
        t.rcode.as_deref().unwrap_or("?"),
        if t.truncated == Some(true) {
            "set (truncated)"
        } else {
            "clear"
        },
        t.answers.unwrap_or(0),
        t.rtt_ms.unwrap_or(0.0)
    )
}
