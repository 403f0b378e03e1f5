# Messages, warnings, errors and labels. Ids: <area>-<what> (label-warning,
# error-locked, backup-none-here, io-read, ...). Variables are named for what
# they hold; paths, property names and commands stay as they are.

label-warning = warning
label-error = error

## Errors (src/error.rs)
error-no-file = no metabase file given: pass --file PATH (or set METABASE_FILE){ $hint }
hint-no-file-windows = {" "}(%SystemRoot% is not set, so the default could not be found)
hint-no-file-elsewhere = ; on this system there is no default: point it at a copy of MetaBase.xml or the server's admin share
error-key-not-found = { $file }: no key with Location="{ $location }" (is the SMTP service installed? `metabase-fix show` lists the keys below it)
error-locked = { $file }: the file is locked by another run (another administrator's metabase-fix, most likely); waited { $seconds } s; nothing was changed: wait for it to finish and run again, or raise --lock-timeout
error-changed-under-us = { $file }: the file changed while metabase-fix was working on it (another editor, or IIS saving its configuration); nothing was written; run the command again

## What failed on a file (an error's "op"; the system's own reason follows)
io-check-file = cannot check the file
io-lock = cannot lock the file (does this file system support locks?)
io-read-metadata = cannot read metadata
io-resolve-link = cannot resolve the symbolic link
io-not-found = not found (check --file; on a server it is %SystemRoot%\system32\inetsrv\MetaBase.xml)
io-access-denied = access denied (run as an administrator, or check the share's rights)
io-open = cannot open
io-read = cannot read
io-read-back-temp = cannot read back the temporary file
io-temp-mismatch = the temporary file did not read back as written
io-verify-failed = verify failed
io-replace = cannot replace the file with the new version
io-create-temp = cannot create a temporary file beside it
io-write-temp = cannot write the temporary file
io-copy-permissions = cannot copy permissions to the temporary file
io-flush-temp = cannot flush the temporary file
io-out-of-memory = not enough memory to read { $bytes } bytes
io-grew = the file grew past { $limit } GiB while it was read
io-read-history-folder = cannot read IIS's History folder (is EnableHistory off, or is this a copy without it?)
io-read-history-file = cannot read the history file
io-read-stdin = cannot read standard input
io-read-report = cannot read the report

## Input that is not a metabase file (src/apply.rs)
input-is-folder = is a folder, not a file: pass the path of MetaBase.xml itself
input-not-regular = is not a regular file (a device, pipe or socket): pass the path of MetaBase.xml itself
input-too-big = is { $bytes } bytes, more than the { $limit } GiB this tool reads (a metabase is a few MB): is it the right file?
input-no-folder = has no folder

## Backups (src/backup.rs, src/commands/backups.rs)
backup-cannot-create-dir = cannot create the backup folder: { $cause }; nothing was changed; pass --backup-dir to a folder you can write
backup-cannot-write = cannot write the backup { $path } ({ $step }: { $cause }); nothing was changed
backup-step-create = create
backup-step-write = write
backup-step-flush = flush
backup-step-rename = rename
backup-no-data-folder = cannot find a local data folder for backups: pass --backup-dir DIR (or set METABASE_FIX_BACKUP_DIR)
backup-cannot-list = cannot list the backup folder: { $cause }
backup-none-here = no backups of { $file } here; metabase-fix makes one before every change (or pass the --backup-dir used then)
backup-no-such-id = no backup '{ $id }' of { $file }; `metabase-fix backups` lists them
backup-ambiguous-id = '{ $id }' matches { $count } backups; give more of the id
backup-cannot-read = cannot read backup { $id }: { $cause }
backup-damaged = backup { $id } is damaged: its SHA-256 is { $actual }, the record says { $recorded }; it was not restored (pick another with `metabase-fix backups`)
backups-none = No backups of { $file } in { $folder }.
backups-col-id = ID
backups-col-time = TIME (UTC)
backups-col-size = SIZE
backups-col-operation = OPERATION

## IIS's History folder (src/history.rs)
history-none = No history files in { $folder }.
history-no-such = no history file '{ $which }': give a path, a file name, or a version as MAJOR or MAJOR_MINOR (`metabase-fix backups --history` lists them)
history-col-version = VERSION
history-col-time = TIME (UTC)
history-col-size = SIZE
history-col-file = FILE
history-col-well-formed = WELL-FORMED
history-well-formed-yes = yes
history-well-formed-no = NO
history-not-well-formed = { $version }: { $problem }; IIS would not load it: do not restore it
history-unreadable = cannot be read: { $error }

## diagnose dns (src/commands/diagnose.rs, src/dns/)
diagnose-no-resolver = no system resolver found (no nameserver in /etc/resolv.conf): pass --server IP
diagnose-heading = MX { $domain } at { $server }:
diagnose-label-udp = UDP (no EDNS, 512 bytes):
diagnose-label-tcp = TCP:
diagnose-agree = Agree: { $agree }
diagnose-agree-yes = yes
diagnose-agree-no = no (the UDP and TCP answers differ)
diagnose-agree-unknown = unknown (one transport got no answer)
diagnose-verdict = Verdict: { $verdict }
diagnose-recommended = Recommended: metabase-fix set-dns-mode { $mode }
diagnose-then-restart = then restart the SMTP service (net stop smtpsvc && net start smtpsvc).
diagnose-recommended-leave = Recommended: leave SmtpUseTcpDns unset or 0 (metabase-fix set-dns-mode 0 only if it was changed).
verdict-kb-820284 = the UDP answer is truncated and TCP fails: this is KB 820284; SMTP with 0 drops the truncated answer, retries over TCP and fails (event 4000, c00402e7). Set 2 (udp-only) so it uses the truncated answer.
verdict-kb-263237 = UDP gets no answer but TCP does: this is KB 263237 (a DNS server that answers TCP only). Set 1 (tcp-only).
verdict-no-change-needed = both UDP and TCP answer: the default (0, UDP then TCP on truncation) works; no change needed.
verdict-udp-only-server = UDP answers in full and TCP fails: mail to this domain works with the default (0); a domain whose MX answer is too big for UDP would fail, and 2 (udp-only) would protect those.
verdict-dns-unreachable = neither UDP nor TCP gets an answer: DNS is unreachable or broken; no metabase value helps. Check the server address, firewalls and the DNS service.
dns-no-answer = no answer: { $error }
dns-no-answer-after = no answer: { $error } after { $ms } ms
dns-answered = answered { $rcode }, TC { $tc }, { $count } MX, { $ms } ms
dns-tc-set = set (truncated)
dns-tc-clear = clear
dns-error-timeout = timeout
dns-error-refused = refused
dns-error-reset = reset
dns-error-closed = closed without an answer
dns-error-mismatch = an answer that does not match the query
dns-bad-domain = '{ $domain }' is not a domain name: give the recipient's mail domain, e.g. contoso.com
dns-bad-domain-because = '{ $domain }' is not a domain name ({ $cause }): e.g. contoso.com
dns-bad-server = '{ $server }' is not a DNS server address: give IP or IP:PORT, e.g. 192.0.2.53 or [2001:db8::53]:53

## explain: labels (src/commands/explain.rs)
explain-reply-code = reply code { $code }: { $text }
explain-label-causes = Likely causes:
explain-label-fixes = Fixes:
explain-label-next-steps = Next steps:
