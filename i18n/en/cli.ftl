# --help of every command and option. Ids: cli-<command path>-about,
# cli-<command path>-<argument id> (global options under "root"),
# cli-value-<argument id>-<value> for a documented possible value.
# The English texts are those of src/cli.rs (doc comments; the root about is
# Cargo.toml's description); a test keeps them equal.

cli-root-about = Applies KB 820284 (SmtpUseTcpDns) to an IIS 6 MetaBase.xml byte-exactly, with backup, diff and restore
cli-root-after-help = Exit codes: 0 done (or nothing to do), 1 failed (file unchanged), 2 usage error.
cli-root-file = The MetaBase.xml to read or edit [default on Windows: %SystemRoot%\system32\inetsrv\MetaBase.xml]
cli-root-backup-dir = Where backups are kept [default: <local data dir>/metabase-fix/backups]
cli-root-json = Print exactly one JSON document on stdout (warnings included in it)
cli-root-quiet = Print only errors
cli-root-color = When to colour the output (auto: only on a terminal, never with NO_COLOR)
cli-root-lock-timeout = Seconds to wait for another metabase-fix run on the same file to finish
cli-root-lang = The language of messages, tables and help [default: METABASE_FIX_LANG, else the system's language, else en]

cli-set-dns-mode-about = Set SmtpUseTcpDns (ID 36997) at a key: insert or update it, nothing else
cli-set-dns-mode-mode = 0 or udp-then-tcp, 1 or tcp-only, 2 or udp-only (KB 820284's fix)
cli-set-dns-mode-location = The metabase key to set it at (a virtual server: /LM/SmtpSvc/1)
cli-set-dns-mode-dry-run = Change nothing on disk; with --diff, show what would change
cli-set-dns-mode-diff = Print a unified diff of the change on stdout
cli-value-mode-udp-then-tcp = 0: UDP first, retry over TCP when the answer is truncated
cli-value-mode-tcp-only = 1: TCP only (KB 263237: a DNS server that answers TCP only)
cli-value-mode-udp-only = 2: UDP only, use a truncated answer as it is (KB 820284's fix)

cli-show-about = Show SmtpUseTcpDns at the SMTP service key and every key below it
cli-show-location = The key to start from; every key below it is listed too
cli-check-about = Check whether IIS will load the file: every problem, with line, column and a caret

cli-backups-about = List this file's backups, newest first (or IIS's own History copies)
cli-backups-history = List IIS's own versioned copies in History\ beside the metabase instead

cli-restore-about = Put a backup back (the newest, or the one named), checked and atomic
cli-restore-backup = Backup id (from `backups`); default: the newest backup of this file
cli-restore-from-history = Restore one of IIS's History copies: a file path or a version (major or major_minor)
cli-restore-dry-run = Change nothing on disk; with --diff, show what would change
cli-restore-diff = Print a unified diff of the change on stdout

cli-diagnose-about = Check the conditions that call for a fix before changing anything
cli-diagnose-dns-about = Query a domain's MX records over UDP (no EDNS) and TCP, as the SMTP service does
cli-diagnose-dns-domain = The mail domain whose MX records fail to resolve (e.g. contoso.com)
cli-diagnose-dns-servers = DNS server to test, IP[:PORT]; repeatable [default: the system's resolvers]
cli-diagnose-dns-timeout-ms = Per-query timeout in milliseconds

cli-explain-about = Explain an SMTP status code, event data, or a non-delivery report
cli-explain-code = A status code: 5.4.4, 4.4.7, 550, "550 5.1.1", "#550 5.1.1", or event data c00402e7
cli-explain-ndr = A non-delivery report (.eml / raw RFC 5322 message); - reads stdin

cli-completions-about = Print a shell completion script
cli-man-about = Print the man page (roff)

# What clap adds: the help and version flags, the help command, the layout.
cli-flag-help = Print help
cli-flag-help-long = Print help (see a summary with '-h')
cli-flag-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-heading-usage = Usage:
cli-heading-commands = Commands
cli-heading-arguments = Arguments
cli-heading-options = Options
cli-value-name-command = COMMAND

cli-error-seconds = '{ $value }' is not a number of seconds from 0 to 86400
cli-get-about = Print a property's value at a key: own, inherited, or the default (adsutil GET)
cli-get-location = The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
cli-get-property = A property name (from the catalogue or the file) or a decimal ID
cli-set-about = Set any property at a key, byte-exact, backed up and atomic (adsutil SET)
cli-set-location = The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
cli-set-property = A property name (from the catalogue or the file) or a decimal ID
cli-set-values = The value; MULTISZ takes one argument per item
cli-set-kind = The data type, for an ID the catalogue does not know
cli-set-user-type = The user type of a new Custom element [default: the catalogue's, else IIS_MD_UT_SERVER]
cli-set-attributes = The attributes of a new Custom element [default: the catalogue's, else INHERIT]
cli-set-dry-run = Change nothing on disk; with --diff, show what would change
cli-set-diff = Print a unified diff of the change on stdout
cli-unset-about = Remove a property from a key, byte-exact, backed up and atomic (adsutil DELETE)
cli-unset-location = The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
cli-unset-property = A property name (from the catalogue or the file) or a decimal ID
cli-unset-dry-run = Change nothing on disk; with --diff, show what would change
cli-unset-diff = Print a unified diff of the change on stdout
cli-list-about = List every property set on a key (adsutil ENUM)
cli-list-location = The key, e.g. /LM/SmtpSvc or /LM/W3SVC/1/ROOT
cli-keys-about = List the keys (locations) in the file, or a key and every key below it
cli-keys-location = List this key and every key below it [default: every key]
cli-properties-about = Search the built-in catalogue of metabase properties
cli-properties-pattern = Only properties whose name holds this text (ignoring case)
