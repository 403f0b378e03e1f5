## set-dns-mode and show (src/commands/set_dns_mode.rs, show.rs, common.rs),
## and why a plan cannot be made (src/metabase/plan.rs). Mode names
## (udp-then-tcp, tcp-only, udp-only) are values: they stay as they are.

# The KB's meaning of a SmtpUseTcpDns value, after its name.
mode-meaning-udp-then-tcp = udp-then-tcp: UDP, retry over TCP when the answer is truncated
mode-meaning-tcp-only = tcp-only: TCP only
mode-meaning-udp-only = udp-only: UDP only, a truncated answer is used as it is
mode-meaning-default = the schema default (unset): behaves as 0, udp-then-tcp
mode-meaning-unknown = not a value the KB defines

set-dns-mode-already = SmtpUseTcpDns is already { $value } ({ $mode }) at { $location } ({ $form }, { $place }): nothing to do; { $file } not changed.
set-dns-mode-dry-run = Dry run: would set SmtpUseTcpDns = { $value } ({ $meaning }) at { $location } ({ $was }); nothing was written.
set-dns-mode-done = Set SmtpUseTcpDns = { $value } ({ $meaning }) at { $location } in { $file } ({ $was }).

# show: label/value lines (aligned by the code), the table, the meaning line.
show-label-file = File:
show-label-edit-while-running = Edit while running:
show-edit-while-running-on = on (EnableEditWhileRunning="1" on /LM): IIS reads the file when it is saved
show-edit-while-running-off = off (EnableEditWhileRunning="{ $value }"): stop IIS Admin before editing
show-edit-while-running-unset = off (not set on /LM): stop IIS Admin before editing
show-col-location = LOCATION
show-col-value = VALUE
show-col-mode = MODE
show-col-source = SOURCE
show-source-own = own: { $form }, { $place }
show-source-inherited = inherited from { $from }
show-source-not-a-number = own value "{ $raw }" is not a number; not set: default, behaves as 0
show-source-default = not set: default, behaves as 0
show-meaning = Meaning at { $location }: { $meaning }

# Why the change cannot be planned: the file needs a hand first.
plan-duplicate-key = { $count } keys have Location="{ $location }" (lines { $lines }); IIS keeps one per location, so which to edit is not safe to guess: merge them by hand first
plan-conflict-lines = { $message } (lines { $lines })
plan-internal = internal error, nothing written: { $message }
plan-new-element-invalid = new element does not parse: { $error }
plan-duplicate-custom = { $location } has { $count } <Custom> elements with ID="{ $id }"; IIS keeps one per ID, so the file was edited by hand: remove all but one, then run again
plan-set-twice = { $location } sets { $name } twice: as a <Custom> element (ID { $id }) and as an attribute of the key; which one IIS reads is not safe to guess: delete one by hand, then run again
plan-no-value = { $location }: the <Custom> element with ID="{ $id }" has no Value attribute; fix it by hand
plan-id-unknown = { $name } is not set on { $location } and its ID is not known: give the property by its ID with --type to add it as a <Custom> element
