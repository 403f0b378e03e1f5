//! Likely causes and fixes for the codes administrators meet most, in this
//! project's own words, from the facts of Exchange 2007's NDR guide (the seed
//! `004_…`), plus the link to this tool's own commands where DNS is the cause.
//! People read them through [`advice_texts`], in their language.

pub struct Advice {
    pub causes: &'static [&'static str],
    pub fixes: &'static [&'static str],
}

/// Advice for `class.subject.detail` (exact match first, then any class).
pub fn advice(class: u8, subject: u16, detail: u16) -> Option<&'static Advice> {
    entry(class, subject, detail).map(|(_, _, _, a)| a)
}

/// The table entry for `class.subject.detail` (exact match first, then any class).
fn entry(class: u8, subject: u16, detail: u16) -> Option<&'static (u8, u16, u16, Advice)> {
    TABLE
        .iter()
        .find(|(c, s, d, _)| *c == class && *s == subject && *d == detail)
        .or_else(|| {
            TABLE
                .iter()
                .find(|(_, s, d, _)| *s == subject && *d == detail)
        })
}

/// The causes and fixes for `class.subject.detail` in the current language:
/// message ids `advice-<class>-<subject>-<detail>-cause-<n>` and `...-fix-<n>`
/// (n from 1, in the order of [`TABLE`]; the English file holds the same texts
/// as this table, a test keeps them equal).
pub fn advice_texts(class: u8, subject: u16, detail: u16) -> Option<(Vec<String>, Vec<String>)> {
    let (c, s, d, a) = entry(class, subject, detail)?;
    let texts = |kind: &str, n: usize| -> Vec<String> {
        (1..=n)
            .map(|i| crate::i18n::tr(&advice_id(*c, *s, *d, kind, i), &[]))
            .collect()
    };
    Some((texts("cause", a.causes.len()), texts("fix", a.fixes.len())))
}

/// The message id of the `n`th (from 1) cause or fix of an entry.
pub fn advice_id(class: u8, subject: u16, detail: u16, kind: &str, n: usize) -> String {
    format!("advice-{class}-{subject}-{detail}-{kind}-{n}")
}

/// Whether DNS resolution of the recipient's domain may be behind this status:
/// then `diagnose dns` and `set-dns-mode` are the next steps.
pub fn dns_related(class: u8, subject: u16, detail: u16) -> bool {
    matches!(
        (class, subject, detail),
        (4, 4, 7) | (5, 4, 4) | (4, 4, 1) | (4, 4, 3) | (5, 4, 7) | (4, 4, 4) | (4, 4, 0)
    )
}

/// The advice in English (the reference; `i18n/*/explain.ftl` translate it).
pub const TABLE: &[(u8, u16, u16, Advice)] = &[
    (4, 3, 1, Advice {
        causes: &["the sending server ran out of a resource, usually disk space (it may report it as memory)"],
        fixes: &["free disk space on the server that queues mail, or move the queue to a larger NTFS volume"],
    }),
    (4, 3, 2, Advice {
        causes: &["the queue that holds the message is frozen or stopped"],
        fixes: &["resume the queue; the messages in it are then sent"],
    }),
    (4, 4, 1, Advice {
        causes: &["the destination server did not answer: a passing network problem, the server is down, or its name did not resolve"],
        fixes: &["watch it: the sender retries by itself and sends a permanent failure if it keeps failing", "check that the recipient domain's MX records resolve from the sending server"],
    }),
    (4, 4, 2, Advice {
        causes: &["the connection to the other server dropped: the network or the remote server", "a per-connection size or rate limit on the receiving side"],
        fixes: &["watch it: the sender retries; if it persists, check limits with the receiving side"],
    }),
    (4, 4, 7, Advice {
        causes: &["the message stayed in the queue until it expired: the sender kept trying to relay or deliver it and never succeeded", "the receiving side refused it on a header or recipient limit, or another protocol timeout happened", "the sender could not find the recipient domain's mail servers in DNS (IIS/Exchange 2003: event 4000, data c00402e7)"],
        fixes: &["check the recipient address and that the receiving server accepts mail", "reduce the number of recipients in the header if the receiving host limits them", "check that the domain's MX records resolve from the sending server"],
    }),
    (5, 0, 0, Advice {
        causes: &["a permanent failure the server did not classify: often an unresolvable domain (no MX or A record), no route to it, or a rejection at the remote SMTP server"],
        fixes: &["check the recipient domain's DNS records and the SMTP connector's address space", "read the SMTP response for the remote server's own reason"],
    }),
    (5, 1, 0, Advice {
        causes: &["a general addressing failure: the address or another attribute is missing from the directory (for example a contact without a target address)"],
        fixes: &["check the recipient's address and send again", "check the directory entry of the recipient (target address, mailbox database)"],
    }),
    (5, 1, 1, Advice {
        causes: &["the mailbox does not exist at the destination: mistyped, or the address was changed or removed"],
        fixes: &["the sender checks the address and sends again", "if the address worked before, the recipient's administrator checks that it still exists"],
    }),
    (5, 1, 2, Advice {
        causes: &["the destination domain or system is unknown: no connector or address space covers a non-SMTP address"],
        fixes: &["check the address; for a foreign mail system add and configure a connector for its address space"],
    }),
    (5, 1, 3, Advice {
        causes: &["the recipient address is not written correctly (bad syntax)"],
        fixes: &["check the address and send again", "check that the recipient policies list every accepted domain correctly"],
    }),
    (5, 1, 4, Advice {
        causes: &["two recipients in the organization have the same address (directory replication or configuration error)"],
        fixes: &["find the duplicate SMTP or EX address in the directory and remove it"],
    }),
    (5, 1, 7, Advice {
        causes: &["the sender has no valid SMTP address (no mail attribute in the directory)"],
        fixes: &["give the sender a valid mail attribute in the directory"],
    }),
    (5, 2, 1, Advice {
        causes: &["the mailbox cannot receive mail: its database is offline, the mailbox is disabled, or a rule quarantined the message"],
        fixes: &["check that the database is mounted and the mailbox enabled; release the message if it was quarantined"],
    }),
    (5, 2, 2, Advice {
        causes: &["the recipient's mailbox is over its storage limit"],
        fixes: &["the recipient makes room, or the administrator raises the quota"],
    }),
    (5, 2, 3, Advice {
        causes: &["the message is larger than a limit on the receiving side (for example the recipient's maximum incoming size)"],
        fixes: &["send it again without the attachment, or raise the size limit"],
    }),
    (5, 2, 4, Advice {
        causes: &["a distribution list could not be expanded: for example a dynamic list with an invalid filter or base DN"],
        fixes: &["raise the categorizer's logging, send again, and look for events 6025/6026 naming the list's bad attributes"],
    }),
    (5, 3, 3, Advice {
        causes: &["the remote server has no room to hold the message, often with the BDAT command; or a protocol error"],
        fixes: &["check the remote server's storage and the SMTP logs"],
    }),
    (5, 3, 4, Advice {
        causes: &["the message exceeds a size limit of the transport or the mailbox database, on the sending or the receiving side"],
        fixes: &["the sender makes the message smaller; or the administrator raises the limit"],
    }),
    (5, 3, 5, Advice {
        causes: &["a mail loop: the server is configured to deliver the mail back to itself"],
        fixes: &["check the connectors: each needs its own port; no virtual server may listen on \"all unassigned\" when there are several"],
    }),
    (5, 4, 4, Advice {
        causes: &["no route to the destination: the domain has no usable MX or A record, or no connector covers it"],
        fixes: &["check that the domain name is right and has MX records", "if the MX answer is large and the DNS server refuses TCP, this is KB 820284"],
    }),
    (5, 4, 6, Advice {
        causes: &["a configuration error makes messages generate messages in a loop (after 20 hops the loop is broken)"],
        fixes: &["find the rule, forwarding or auto-reply that answers messages with messages"],
    }),
    (5, 5, 2, Advice {
        causes: &["SMTP commands were sent in the wrong order (for example AUTH before EHLO), or the system disk is full"],
        fixes: &["read the SMTP log or a network trace; check disk space and virtual memory"],
    }),
    (5, 5, 3, Advice {
        causes: &["the message has more recipients (To, Cc, Bcc together) than allowed"],
        fixes: &["send to fewer recipients, or raise the maximum number of recipients"],
    }),
    (5, 5, 4, Advice {
        causes: &["an invalid sender or a badly formed recipient address, for example characters the standards do not allow"],
        fixes: &["look for non-standard characters in the addresses"],
    }),
    (5, 5, 6, Advice {
        causes: &["a protocol error between the servers"],
        fixes: &["check the event log for errors"],
    }),
    (5, 7, 1, Advice {
        causes: &["the sender is not allowed to send to this recipient: relay denied, restricted recipient, or the receiving server's policy (blocklists, authentication)"],
        fixes: &["read the SMTP response for the policy named; authenticate, or ask the receiving side to allow the sender"],
    }),
    (5, 7, 3, Advice {
        causes: &["a security conversion (for example of a signed or encrypted message) was required but not possible"],
        fixes: &["send the message without the security feature, or use a path that supports it"],
    }),
];
