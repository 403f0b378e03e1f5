//! The whole command-line interface, in one place: clap derive structs only.
//!
//! Completions, the man page and `--help` are all generated from these
//! definitions, so they cannot drift apart. No logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Apply Microsoft KB 820284 (SmtpUseTcpDns, metabase ID 36997) to an IIS 6
/// MetaBase.xml safely: byte-exact, backed up, atomic, reversible.
#[derive(Debug, Parser)]
#[command(name = "metabase-fix", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 done (or nothing to do), 1 failed (file unchanged), 2 usage error."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,

    #[command(subcommand)]
    pub command: Command,
}

/// Options accepted before or after the subcommand.
#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The MetaBase.xml to read or edit [default on Windows:
    /// %SystemRoot%\system32\inetsrv\MetaBase.xml]
    #[arg(
        long,
        short = 'f',
        global = true,
        env = "METABASE_FILE",
        value_name = "PATH"
    )]
    pub file: Option<PathBuf>,

    /// Where backups are kept [default: <local data dir>/metabase-fix/backups]
    #[arg(
        long,
        global = true,
        env = "METABASE_FIX_BACKUP_DIR",
        value_name = "DIR"
    )]
    pub backup_dir: Option<PathBuf>,

    /// Print exactly one JSON document on stdout (warnings included in it)
    #[arg(long, global = true)]
    pub json: bool,

    /// Print only errors
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,

    /// When to colour the output (auto: only on a terminal, never with NO_COLOR)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Seconds to wait for another metabase-fix run on the same file to finish
    #[arg(
        long,
        global = true,
        env = "METABASE_FIX_LOCK_TIMEOUT",
        default_value = "10",
        value_name = "SECONDS",
        value_parser = parse_seconds
    )]
    pub lock_timeout: std::time::Duration,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Set SmtpUseTcpDns (ID 36997) at a key: insert or update it, nothing else
    #[command(name = "set-dns-mode")]
    SetDnsMode(SetDnsModeArgs),
    /// Show SmtpUseTcpDns at the SMTP service key and every key below it
    Show(ShowArgs),
    /// Check whether IIS will load the file: every problem, with line, column and a caret
    Check(CheckArgs),
    /// List this file's backups, newest first (or IIS's own History copies)
    Backups(BackupsArgs),
    /// Put a backup back (the newest, or the one named), checked and atomic
    Restore(RestoreArgs),
    /// Check the conditions that call for a fix before changing anything
    #[command(subcommand)]
    Diagnose(DiagnoseCommand),
    /// Explain an SMTP status code, event data, or a non-delivery report
    Explain(ExplainArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// SmtpUseTcpDns values, with the meanings KB 820284 gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DnsMode {
    /// 0: UDP first, retry over TCP when the answer is truncated
    #[value(name = "udp-then-tcp", alias = "0")]
    UdpThenTcp,
    /// 1: TCP only (KB 263237: a DNS server that answers TCP only)
    #[value(name = "tcp-only", alias = "1")]
    TcpOnly,
    /// 2: UDP only, use a truncated answer as it is (KB 820284's fix)
    #[value(name = "udp-only", alias = "2")]
    UdpOnly,
}

impl DnsMode {
    pub fn value(self) -> u32 {
        match self {
            DnsMode::UdpThenTcp => 0,
            DnsMode::TcpOnly => 1,
            DnsMode::UdpOnly => 2,
        }
    }
}

#[derive(Debug, Args)]
pub struct SetDnsModeArgs {
    /// 0 or udp-then-tcp, 1 or tcp-only, 2 or udp-only (KB 820284's fix)
    #[arg(value_enum, value_name = "MODE", hide_possible_values = false)]
    pub mode: DnsMode,

    /// The metabase key to set it at (a virtual server: /LM/SmtpSvc/1)
    #[arg(long, default_value = "/LM/SmtpSvc", value_name = "LOC")]
    pub location: String,

    /// Change nothing on disk; with --diff, show what would change
    #[arg(long)]
    pub dry_run: bool,

    /// Print a unified diff of the change on stdout
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The key to start from; every key below it is listed too
    #[arg(long, default_value = "/LM/SmtpSvc", value_name = "LOC")]
    pub location: String,
}

#[derive(Debug, Args)]
pub struct CheckArgs {}

#[derive(Debug, Args)]
pub struct BackupsArgs {
    /// List IIS's own versioned copies in History\ beside the metabase instead
    #[arg(long)]
    pub history: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// Backup id (from `backups`); default: the newest backup of this file
    #[arg(value_name = "BACKUP", conflicts_with = "from_history")]
    pub backup: Option<String>,

    /// Restore one of IIS's History copies: a file path or a version (major or major_minor)
    #[arg(long, value_name = "FILE|VERSION")]
    pub from_history: Option<String>,

    /// Change nothing on disk; with --diff, show what would change
    #[arg(long)]
    pub dry_run: bool,

    /// Print a unified diff of the change on stdout
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Subcommand)]
pub enum DiagnoseCommand {
    /// Query a domain's MX records over UDP (no EDNS) and TCP, as the SMTP service does
    Dns(DiagnoseDnsArgs),
}

#[derive(Debug, Args)]
pub struct DiagnoseDnsArgs {
    /// The mail domain whose MX records fail to resolve (e.g. contoso.com)
    #[arg(value_name = "DOMAIN")]
    pub domain: String,

    /// DNS server to test, IP[:PORT]; repeatable [default: the system's resolvers]
    #[arg(long = "server", value_name = "IP[:PORT]")]
    pub servers: Vec<String>,

    /// Per-query timeout in milliseconds
    #[arg(long, default_value_t = 3000, value_name = "N")]
    pub timeout_ms: u64,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A status code: 5.4.4, 4.4.7, 550, "550 5.1.1", "#550 5.1.1", or event data c00402e7
    #[arg(
        value_name = "CODE",
        required_unless_present = "ndr",
        conflicts_with = "ndr"
    )]
    pub code: Option<String>,

    /// A non-delivery report (.eml / raw RFC 5322 message); - reads stdin
    #[arg(long, value_name = "FILE|-")]
    pub ndr: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// A number of seconds from 0 to one day (fractions allowed).
fn parse_seconds(s: &str) -> Result<std::time::Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (0.0..=86_400.0).contains(&v) => Ok(std::time::Duration::from_secs_f64(v)),
        _ => Err(format!("'{s}' is not a number of seconds from 0 to 86400")),
    }
}
