//! The whole command-line interface, in one place: clap derive structs only.
//!
//! Completions, the man page and `--help` are all generated from these
//! definitions, so they cannot drift apart. No logic lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::i18n::Lang;

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

    /// The language of messages, tables and help [default: METABASE_FIX_LANG,
    /// else the system's language, else en]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
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
    /// Print a property's value at a key: own, inherited, or the default (adsutil GET)
    Get(GetArgs),
    /// Set any property at a key, byte-exact, backed up and atomic (adsutil SET)
    Set(SetArgs),
    /// Remove a property from a key, byte-exact, backed up and atomic (adsutil DELETE)
    Unset(UnsetArgs),
    /// List every property set on a key (adsutil ENUM)
    List(ListArgs),
    /// List the keys (locations) in the file, or a key and every key below it
    Keys(KeysArgs),
    /// Search the built-in catalogue of metabase properties
    Properties(PropertiesArgs),
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

/// Metabase data types, as a `<Custom>` element's Type attribute names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TypeArg {
    #[value(name = "DWORD", alias = "dword")]
    Dword,
    #[value(name = "STRING", alias = "string")]
    String,
    #[value(name = "EXPANDSZ", alias = "expandsz")]
    ExpandSz,
    #[value(name = "MULTISZ", alias = "multisz")]
    MultiSz,
    #[value(name = "BINARY", alias = "binary")]
    Binary,
}

impl TypeArg {
    pub fn value_type(self) -> crate::metabase::catalog::ValueType {
        use crate::metabase::catalog::ValueType as V;
        match self {
            TypeArg::Dword => V::Dword,
            TypeArg::String => V::String,
            TypeArg::ExpandSz => V::ExpandSz,
            TypeArg::MultiSz => V::MultiSz,
            TypeArg::Binary => V::Binary,
        }
    }
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
    #[arg(value_name = "LOCATION")]
    pub location: String,

    /// A property name (from the catalogue or the file) or a decimal ID
    #[arg(value_name = "PROPERTY")]
    pub property: String,
}

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
    #[arg(value_name = "LOCATION")]
    pub location: String,

    /// A property name (from the catalogue or the file) or a decimal ID
    #[arg(value_name = "PROPERTY")]
    pub property: String,

    /// The value; MULTISZ takes one argument per item
    #[arg(value_name = "VALUE", required = true, num_args = 1.., allow_negative_numbers = true)]
    pub values: Vec<String>,

    /// The data type, for an ID the catalogue does not know
    #[arg(long = "type", value_enum, value_name = "TYPE")]
    pub kind: Option<TypeArg>,

    /// The user type of a new Custom element [default: the catalogue's, else IIS_MD_UT_SERVER]
    #[arg(long, value_name = "UT")]
    pub user_type: Option<String>,

    /// The attributes of a new Custom element [default: the catalogue's, else INHERIT]
    #[arg(long, value_name = "A")]
    pub attributes: Option<String>,

    /// Change nothing on disk; with --diff, show what would change
    #[arg(long)]
    pub dry_run: bool,

    /// Print a unified diff of the change on stdout
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct UnsetArgs {
    /// The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
    #[arg(value_name = "LOCATION")]
    pub location: String,

    /// A property name (from the catalogue or the file) or a decimal ID
    #[arg(value_name = "PROPERTY")]
    pub property: String,

    /// Change nothing on disk; with --diff, show what would change
    #[arg(long)]
    pub dry_run: bool,

    /// Print a unified diff of the change on stdout
    #[arg(long)]
    pub diff: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
    #[arg(value_name = "LOCATION")]
    pub location: String,
}

#[derive(Debug, Args)]
pub struct KeysArgs {
    /// List this key and every key below it [default: every key]
    #[arg(value_name = "LOCATION")]
    pub location: Option<String>,
}

#[derive(Debug, Args)]
pub struct PropertiesArgs {
    /// Only properties whose name holds this text (ignoring case)
    #[arg(value_name = "PATTERN")]
    pub pattern: Option<String>,
}

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
        _ => Err(crate::t!("cli-error-seconds", value = s)),
    }
}

/// The clap command with every about and help text in `lang`, from the Fluent
/// bundle: the structs above stay the one definition of the interface, and
/// their doc comments are the English text (a test keeps the two equal).
///
/// Ids come from the command path and the argument id: `cli-root-about`,
/// `cli-root-file` (a global option), `cli-set-dns-mode-about`,
/// `cli-set-dns-mode-dry-run`, `cli-diagnose-dns-server`,
/// `cli-value-mode-udp-only` (a possible value's help).
pub fn localized_command(lang: Lang) -> clap::Command {
    use clap::CommandFactory;
    let tr = |id: &str| crate::i18n::tr_in(lang, id, &[]);
    let mut cmd = localize(Cli::command(), "root", lang);
    cmd = cmd.after_help(tr("cli-root-after-help"));
    cmd.build();
    localize_built(cmd, lang)
}

/// clap's default layout with the "Usage:" heading in `lang`.
fn help_template(lang: Lang) -> String {
    format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        crate::i18n::tr_in(lang, "cli-heading-usage", &[])
    )
}

fn ftl_id(s: &str) -> String {
    s.replace('_', "-")
}

fn localize(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let tr = |id: &str| crate::i18n::tr_in(lang, id, &[]);
    cmd = cmd.about(tr(&format!("cli-{path}-about")));
    if lang != Lang::En {
        cmd = cmd
            .help_template(help_template(lang))
            .subcommand_help_heading(tr("cli-heading-commands"))
            .subcommand_value_name(tr("cli-value-name-command"));
    }
    let args: Vec<(String, bool, bool)> = cmd
        .get_arguments()
        .filter(|a| a.get_help().is_some())
        .map(|a| {
            let has_help_values = a
                .get_possible_values()
                .iter()
                .any(|v| v.get_help().is_some());
            (a.get_id().to_string(), a.is_positional(), has_help_values)
        })
        .collect();
    for (id, positional, values) in args {
        let help = tr(&format!("cli-{path}-{}", ftl_id(&id)));
        cmd = cmd.mut_arg(&id, |mut a| {
            a = a.help(help);
            if lang != Lang::En {
                a = a.help_heading(tr(if positional {
                    "cli-heading-arguments"
                } else {
                    "cli-heading-options"
                }));
            }
            if values {
                let pvs: Vec<PossibleValue> = a
                    .get_possible_values()
                    .into_iter()
                    .map(|v| {
                        let name = v.get_name().to_string();
                        let help = tr(&format!("cli-value-{}-{name}", ftl_id(&id)));
                        let aliases: Vec<String> =
                            v.get_name_and_aliases().skip(1).map(String::from).collect();
                        PossibleValue::new(name).help(help).aliases(aliases)
                    })
                    .collect();
                // Only `set-dns-mode MODE` has documented values; keep its type.
                a =
                    a.value_parser(PossibleValuesParser::new(pvs).map(|s| {
                        DnsMode::from_str(&s, false).expect("a possible value of DnsMode")
                    }));
            }
            a
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subs {
        let sub_path = if path == "root" {
            name.clone()
        } else {
            format!("{path}-{name}")
        };
        cmd = cmd.mut_subcommand(&name, |c| localize(c, &sub_path, lang));
    }
    cmd
}

/// What clap adds when it builds: `-h`/`--help`, `-V`/`--version`, `help`.
fn localize_built(mut cmd: clap::Command, lang: Lang) -> clap::Command {
    let tr = |id: &str| crate::i18n::tr_in(lang, id, &[]);
    let heading = (lang != Lang::En).then(|| tr("cli-heading-options"));
    for (id, msg) in [("help", "cli-flag-help"), ("version", "cli-flag-version")] {
        if cmd.get_arguments().any(|a| a.get_id() == id) {
            let heading = heading.clone();
            cmd = cmd.mut_arg(id, |mut a| {
                a = a.help(tr(msg));
                // Where there is a long help, clap's help flag says so.
                if a.get_long_help().is_some() {
                    a = a.long_help(tr(&format!("{msg}-long")));
                }
                match heading {
                    Some(h) => a.help_heading(h),
                    None => a,
                }
            });
        }
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_string())
        .collect();
    for name in subs {
        cmd = cmd.mut_subcommand(&name, |mut c| {
            if name == "help" {
                c = c.about(tr("cli-help-about"));
                if lang != Lang::En {
                    c = c.help_template(help_template(lang));
                }
            }
            localize_built(c, lang)
        });
    }
    cmd
}
