# explain: parsing a code, next steps, event c00402e7 (src/explain/mod.rs).
explain-valid-forms = an enhanced status code such as 5.4.4 or 4.4.7 (class 2, 4 or 5 . subject 0-7 . detail), a reply code such as 550, both as "550 5.1.1", or event data c00402e7
explain-not-a-code = '{ $input }' is not a status code: give { $forms }
explain-bad-class = '{ $input }': the class (first digit) of an enhanced status code is 2, 4 or 5; give { $forms }
explain-not-in-registry = '{ $input }': { $code } is not in the IANA registry of enhanced status codes; give { $forms }
explain-classes-disagree = '{ $input }': the reply code { $basic } and the enhanced code { $code } disagree on the class
explain-not-a-reply-code = '{ $input }': { $basic } is not an SMTP reply code (RFC 5321); give { $forms }
explain-step-diagnose = run `metabase-fix diagnose dns { $domain }` to see whether the DNS server truncates the MX answer over UDP and refuses TCP
explain-step-set-dns-mode = then `metabase-fix set-dns-mode` with the value it recommends (2 for KB 820284, 1 for KB 263237), and restart the SMTP service
explain-vendor-detail = { $text } (detail { $detail } is not in the IANA registry: a vendor's own code)
explain-unknown = unknown
explain-basic-fix = the text after the code, and the enhanced status code (X.Y.Z) when the server gives one, say more: `metabase-fix explain "550 5.1.1"`
event-class = SMTPSVC event 4000 data (IIS 6 / Exchange 2003)
event-subject = DNS
event-detail = internal DNS error: the SMTP service could not find the remote domain's mail servers
event-cause-1 = the DNS server answers UDP only and refuses TCP
event-cause-2 = the MX answer for the domain is too big for one UDP datagram, so it comes back truncated (TC bit)
event-cause-3 = the SMTP service is set to UDP first with TCP on truncation (SmtpUseTcpDns 0 or unset): it drops the truncated answer, retries over TCP, and fails (KB 820284)
event-cause-4 = or the mirror case: the DNS server answers TCP only (KB 263237)
event-fix-1 = SmtpUseTcpDns = 2 (UDP only: use the truncated answer) at /LM/SmtpSvc for KB 820284; 1 (TCP only) for KB 263237
event-fix-2 = or let the DNS server answer over TCP
