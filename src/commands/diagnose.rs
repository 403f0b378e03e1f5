//! `diagnose dns`: test KB 820284's conditions against real DNS servers.

use std::fmt::Write as _;
use std::process::ExitCode;
use std::time::Duration;

use serde::Serialize;

use crate::cli::DiagnoseDnsArgs;
use crate::dns::{self, ServerReport, Transport};
use crate::i18n;
use crate::t;
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
            return Err(input_error(t!("diagnose-no-resolver")).into());
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
    let (udp_label, tcp_label) = (t!("diagnose-label-udp"), t!("diagnose-label-tcp"));
    let w = i18n::width(&udp_label).max(i18n::width(&tcp_label));
    for s in &report.servers {
        let _ = writeln!(
            out,
            "{}",
            t!(
                "diagnose-heading",
                domain = &name,
                server = s.server.to_string()
            )
        );
        let _ = writeln!(
            out,
            "  {} {}",
            i18n::pad(&udp_label, w),
            transport_line(&s.udp)
        );
        let _ = writeln!(
            out,
            "  {} {}",
            i18n::pad(&tcp_label, w),
            transport_line(&s.tcp)
        );
        let agree = match s.agree {
            Some(true) => t!("diagnose-agree-yes"),
            Some(false) => t!("diagnose-agree-no"),
            None => t!("diagnose-agree-unknown"),
        };
        let _ = writeln!(out, "  {}", t!("diagnose-agree", agree = agree));
        let _ = writeln!(
            out,
            "  {}",
            t!("diagnose-verdict", verdict = s.verdict.explain())
        );
        match s.recommended_mode {
            Some(m @ (1 | 2)) => {
                let _ = writeln!(out, "  {}", t!("diagnose-recommended", mode = m));
                let _ = writeln!(out, "  {}", t!("diagnose-then-restart"));
            }
            Some(_) => {
                let _ = writeln!(out, "  {}", t!("diagnose-recommended-leave"));
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
        let error = dns::error_text(t.error.as_deref().unwrap_or("error"));
        return match t.rtt_ms {
            Some(r) => t!("dns-no-answer-after", error = error, ms = r.to_string()),
            None => t!("dns-no-answer", error = error),
        };
    }
    t!(
        "dns-answered",
        rcode = t.rcode.as_deref().unwrap_or("?"),
        tc = if t.truncated == Some(true) {
            t!("dns-tc-set")
        } else {
            t!("dns-tc-clear")
        },
        count = t.answers.unwrap_or(0),
        ms = t.rtt_ms.unwrap_or(0.0).to_string()
    )
}
