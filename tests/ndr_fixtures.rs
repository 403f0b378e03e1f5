//! `explain --ndr` over every bounce in `fixtures/ndr/`, each written by hand
//! from its generator's format: every field of the JSON asserted (the report's
//! generator, reporting server and source; per recipient the address, the
//! address the sender used, action, status, where the status came from, the
//! reason, the remote server and the SMTP response), the messages that are
//! not bounces, a property test that no input panics the reader, and the time
//! the reader takes per message.

mod common;
#[path = "ndr_json.rs"]
mod ndr_json;

use common::{bin, fixture, stderr_of};
use ndr_json::{ErrorDoc, Report};
use proptest::prelude::*;

/// (recipient, original recipient, action, status, status source, reason,
/// remote MTA, the start of the SMTP response)
type Row<'a> = (
    &'a str,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    &'a str,
);

/// (file, generator, reporting MTA, source, recipients)
type Case<'a> = (&'a str, &'a str, Option<&'a str>, &'a str, &'a [Row<'a>]);

const CASES: &[Case<'static>] = &[
    (
        "amazonses-dsn.eml",
        "AmazonSES",
        Some("a27-20.smtp-out.us-west-2.amazonses.com"),
        "delivery-status",
        &[(
            "full@example.org",
            None,
            "failed",
            Some("5.2.2"),
            Some("stated"),
            "mailboxfull",
            Some("mx.example.org"),
            "552 5.2.2 Mailbox quota exceeded for thi",
        )],
    ),
    (
        "amazonses-json.eml",
        "AmazonSES",
        Some("a27-33.smtp-out.us-west-2.amazonses.com"),
        "json",
        &[(
            "nekochan@example.org",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("192.0.2.77"),
            "550 5.1.1 user unknown",
        )],
    ),
    (
        "amazonworkmail.eml",
        "AmazonWorkMail",
        Some("a27-11.smtp-out.us-west-2.amazonses.com"),
        "delivery-status",
        &[(
            "kijitora@example.jp",
            None,
            "failed",
            Some("4.4.7"),
            Some("stated"),
            "expired",
            None,
            "554 4.4.7 Message expired: unable to del",
        )],
    ),
    (
        "aol.eml",
        "AOL",
        None,
        "text",
        &[(
            "kijitora@example.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            Some("air-xx.mail.example.com"),
            "550 MAILBOX NOT FOUND <kijitora@example.",
        )],
    ),
    (
        "barracuda.eml",
        "Barracuda",
        None,
        "text",
        &[(
            "kijitora@example.org",
            None,
            "failed",
            Some("5.7.1"),
            Some("stated"),
            "spamdetected",
            None,
            "Reason: 550 5.7.1 Message rejected by th",
        )],
    ),
    (
        "biglobe-iso2022jp.eml",
        "Biglobe",
        None,
        "text",
        &[(
            "suzuki@mail.biglobe.ne.jp",
            None,
            "failed",
            Some("5.2.2"),
            Some("derived"),
            "mailboxfull",
            None,
            "The number of messages in recipient's ma",
        )],
    ),
    (
        "courier.eml",
        "Courier",
        Some("marutamachi.example.org"),
        "delivery-status",
        &[(
            "kijitora@example.co.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.example.co.jp"),
            "550 5.1.1 <kijitora@example.co.jp>... Us",
        )],
    ),
    (
        "disagree.eml",
        "RFC3464",
        Some("mail.example.org"),
        "delivery-status",
        &[(
            "zoe@remote.example",
            None,
            "failed",
            Some("5.2.2"),
            Some("stated"),
            "mailboxfull",
            None,
            "552 5.2.2 mailbox full",
        )],
    ),
    (
        "docomo-eucjp.eml",
        "Docomo",
        None,
        "text",
        &[(
            "sato@docomo.ne.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            Some("mfsmx.docomo.ne.jp"),
            "550 Unknown user sato@docomo.ne.jp",
        )],
    ),
    (
        "domino.eml",
        "Domino",
        None,
        "text",
        &[(
            "kijitora@example.co.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "because: User kijitora (kijitora@example",
        )],
    ),
    (
        "dragonfly-dns.eml",
        "DragonFly",
        None,
        "text",
        &[(
            "neko@nxdomain.example",
            None,
            "failed",
            Some("5.1.2"),
            Some("derived"),
            "hostunknown",
            None,
            "DNS lookup failure: host nxdomain.exampl",
        )],
    ),
    (
        "dragonfly.eml",
        "DragonFly",
        None,
        "text",
        &[(
            "kijitora@example.jp",
            None,
            "failed",
            Some("5.2.2"),
            Some("stated"),
            "mailboxfull",
            Some("email.example.jp"),
            "552 5.2.2 <kijitora@example.jp>: Recipie",
        )],
    ),
    (
        "exchange2003.eml",
        "Exchange2003",
        None,
        "text",
        &[
            (
                "jane@fabrikam.example",
                None,
                "failed",
                Some("5.1.1"),
                Some("stated"),
                "userunknown",
                Some("mx1.fabrikam.example"),
                "550 5.1.1 <jane@fabrikam.example>... Use",
            ),
            (
                "ops@tailspin.example",
                None,
                "delayed",
                Some("4.4.7"),
                Some("stated"),
                "expired",
                Some("mail.contoso.com"),
                "<mail.contoso.com #4.4.7>",
            ),
        ],
    ),
    (
        "exchange2007-ja-iso2022jp.eml",
        "Exchange2007",
        Some("EXCH01.exch.example.co.jp"),
        "text",
        &[(
            "tanaka@partner.example.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.partner.example.jp"),
            "550 5.1.1 RESOLVER.ADR.RecipNotFound; no",
        )],
    ),
    (
        "exchange2007-text.eml",
        "Exchange2007",
        Some("EXCH01.contoso.com"),
        "text",
        &[(
            "ben@woodgrove.example",
            None,
            "failed",
            Some("5.4.4"),
            Some("stated"),
            "hostunknown",
            None,
            "554 5.4.4 SMTPSEND.DNS.NonExistentDomain",
        )],
    ),
    (
        "exchange2007.eml",
        "Office365",
        Some("EXCH01.contoso.com"),
        "delivery-status",
        &[(
            "jane@fabrikam.example",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.fabrikam.example"),
            "550 5.1.1 RESOLVER.ADR.RecipNotFound; no",
        )],
    ),
    (
        "exchange55-x400.eml",
        "Exchange2003",
        None,
        "text",
        &[(
            "pat.lee@partner.example",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "The recipient name is not recognized The",
        )],
    ),
    (
        "exim-header-only.eml",
        "Exim",
        None,
        "text",
        &[(
            "mo@full.example",
            None,
            "failed",
            Some("5.2.2"),
            Some("stated"),
            "mailboxfull",
            None,
            "The mail server said: 552 5.2.2 mailbox ",
        )],
    ),
    (
        "exim.eml",
        "Exim",
        None,
        "text",
        &[(
            "frank@nowhere.example",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.nowhere.example"),
            "550 5.1.1 <frank@nowhere.example>: Recip",
        )],
    ),
    (
        "ezweb-shiftjis.eml",
        "EZweb",
        None,
        "text",
        &[(
            "yamada@ezweb.ne.jp",
            None,
            "failed",
            Some("5.2.1"),
            Some("derived"),
            "suspend",
            None,
            "550 user unknown (in reply to RCPT TO co",
        )],
    ),
    (
        "gmail.eml",
        "Gmail",
        None,
        "text",
        &[(
            "nobody@gmail.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 The email account that you tri",
        )],
    ),
    (
        "gmx.eml",
        "GMX",
        None,
        "text",
        &[(
            "shironeko@example.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.example.jp"),
            "5.1.1 <shironeko@example.jp>... User Unk",
        )],
    ),
    (
        "googleworkspace.eml",
        "GoogleWorkspace",
        None,
        "text",
        &[(
            "kijitora@example.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 <kijitora@example.jp>: Recipie",
        )],
    ),
    (
        "groupwise.eml",
        "GroupWise",
        None,
        "text",
        &[(
            "smith@gw.example.edu",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "user not found",
        )],
    ),
    (
        "imail.eml",
        "IMail",
        None,
        "text",
        &[(
            "kijitora@imail.example.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "user not found",
        )],
    ),
    (
        "interscan.eml",
        "InterScanMSS",
        None,
        "text",
        &[(
            "kijitora@example.co.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 <kijitora@example.co.jp>... us",
        )],
    ),
    (
        "kddi-shiftjis.eml",
        "KDDI",
        None,
        "text",
        &[(
            "takahashi@example.dion.ne.jp",
            None,
            "failed",
            Some("5.2.2"),
            Some("derived"),
            "mailboxfull",
            None,
            "As their mailbox is full. 受信者のメールボックスがいっ",
        )],
    ),
    (
        "mailfoundry.eml",
        "MailFoundry",
        None,
        "text",
        &[(
            "kijitora@example.org",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            Some("mx22.example.org"),
            "Server mx22.example.org[192.0.2.222] fai",
        )],
    ),
    (
        "mailmarshal.eml",
        "MailMarshal",
        None,
        "text",
        &[(
            "neko@example.org",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 User unknown",
        )],
    ),
    (
        "mailru.eml",
        "MailRu",
        None,
        "text",
        &[(
            "ivan@example.ru",
            None,
            "failed",
            Some("5.2.1"),
            Some("stated"),
            "suspend",
            Some("mx.example.ru"),
            "550 5.2.1 Mailbox disabled for this reci",
        )],
    ),
    (
        "mcafee.eml",
        "McAfee",
        None,
        "delivery-status",
        &[(
            "kijitora@example.co.jp",
            Some("kijitora@example.co.jp"),
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 <kijitora@example.co.jp>... Us",
        )],
    ),
    (
        "mdaemon.eml",
        "MDaemon",
        None,
        "text",
        &[(
            "kijitora@example.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "Mon 2002-04-22 15:39:15: <-- 550 <kijito",
        )],
    ),
    (
        "messagingserver.eml",
        "MessagingServer",
        None,
        "text",
        &[(
            "kijitora@example.jp",
            Some("list@example.com"),
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.example.jp"),
            "550 5.1.1 <kijitora@example.jp>... User ",
        )],
    ),
    (
        "mimecast.eml",
        "Mimecast",
        Some("eu-smtp-1.mimecast.com"),
        "delivery-status",
        &[(
            "kijitora@example.org",
            None,
            "failed",
            Some("5.7.1"),
            Some("stated"),
            "policyviolation",
            None,
            "550 5.7.1 Rejected by header based Anti-",
        )],
    ),
    (
        "multi-recipient.eml",
        "RFC3464",
        Some("gw.contoso.com"),
        "delivery-status",
        &[
            (
                "a@fabrikam.example",
                None,
                "failed",
                Some("5.1.1"),
                Some("stated"),
                "userunknown",
                Some("mx.fabrikam.example"),
                "550-5.1.1 The email account that you tri",
            ),
            (
                "b@big-mx.example",
                None,
                "delayed",
                Some("4.4.7"),
                Some("stated"),
                "expired",
                None,
                "delivery time expired; no MX answer (eve",
            ),
        ],
    ),
    (
        "mxlogic.eml",
        "MXLogic",
        None,
        "text",
        &[(
            "kijitora@example.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.example.com"),
            "host mx.example.com [192.0.2.5]: 550 5.1",
        )],
    ),
    (
        "netscape.eml",
        "Netscape",
        None,
        "text",
        &[(
            "jones@ns.example.com",
            None,
            "failed",
            Some("5.2.2"),
            Some("derived"),
            "mailboxfull",
            None,
            "This Message was undeliverable due to th",
        )],
    ),
    (
        "notes.eml",
        "Notes",
        None,
        "text",
        &[(
            "kijitora@notes.example.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "User not listed in public Name & Address",
        )],
    ),
    (
        "office365.eml",
        "Office365",
        Some("DM6PR01MB1234.prod.outlook.com"),
        "text",
        &[(
            "lee@adatum.example",
            None,
            "failed",
            Some("5.1.10"),
            Some("stated"),
            "hostunknown",
            None,
            "Status code: 550 5.1.10",
        )],
    ),
    (
        "opensmtpd-expired.eml",
        "OpenSMTPD",
        None,
        "text",
        &[(
            "shironeko@example.org",
            None,
            "failed",
            Some("5.4.7"),
            Some("derived"),
            "expired",
            None,
            "Envelope expired",
        )],
    ),
    (
        "opensmtpd.eml",
        "OpenSMTPD",
        None,
        "text",
        &[(
            "kijitora@example.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 <kijitora@example.jp>... User ",
        )],
    ),
    (
        "orange.eml",
        "Orange",
        None,
        "text",
        &[(
            "jean@example.fr",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 <jean@example.fr>: Utilisateur",
        )],
    ),
    (
        "postfix-alias.eml",
        "Postfix",
        Some("mail.example.org"),
        "delivery-status",
        &[(
            "bob@remote.example",
            Some("sales@example.org"),
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.remote.example"),
            "550 5.1.1 <bob@remote.example>: Recipien",
        )],
    ),
    (
        "postfix.eml",
        "Postfix",
        Some("mail.example.org"),
        "delivery-status",
        &[(
            "bob@remote.example",
            Some("bob@remote.example"),
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.remote.example"),
            "550 5.1.1 <bob@remote.example>: Recipien",
        )],
    ),
    (
        "qmail.eml",
        "qmail",
        Some("mx.example.biz"),
        "text",
        &[
            (
                "henry@oldhost.example",
                None,
                "failed",
                Some("5.1.1"),
                Some("derived"),
                "userunknown",
                Some("198.51.100.25"),
                "550 sorry, no mailbox here by that name",
            ),
            (
                "ivy@quota.example",
                None,
                "failed",
                Some("5.2.2"),
                Some("stated"),
                "mailboxfull",
                Some("203.0.113.40"),
                "552 5.2.2 Mailbox quota exceeded",
            ),
        ],
    ),
    (
        "rfc3464.eml",
        "Sendmail",
        Some("cs.example.edu"),
        "delivery-status",
        &[(
            "louisl@larry.slip.example.edu",
            None,
            "failed",
            Some("4.0.0"),
            Some("stated"),
            "networkerror",
            None,
            "426 connection timed out",
        )],
    ),
    (
        "sendmail-v5.eml",
        "V5sendmail",
        None,
        "text",
        &[(
            "tanaka@example.edu",
            None,
            "failed",
            Some("5.1.1"),
            Some("derived"),
            "userunknown",
            None,
            "550 <tanaka@example.edu>... User unknown",
        )],
    ),
    (
        "sendmail-x00.eml",
        "Sendmail",
        Some("relay.example.com"),
        "delivery-status",
        &[(
            "ann@example.com",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            Some("mx.example.com"),
            "550 5.1.1 <ann@example.com>... User Unkn",
        )],
    ),
    (
        "sendmail.eml",
        "Sendmail",
        Some("relay.example.net"),
        "delivery-status",
        &[(
            "dave@mailbox-full.example",
            None,
            "failed",
            Some("5.2.2"),
            Some("stated"),
            "mailboxfull",
            Some("mx.mailbox-full.example"),
            "552 5.2.2 Mailbox full",
        )],
    ),
    (
        "softbank-utf8.eml",
        "SoftBank",
        None,
        "text",
        &[(
            "ito@i.softbank.jp",
            None,
            "failed",
            Some("5.2.0"),
            Some("derived"),
            "filtered",
            None,
            "550 Invalid recipient: <ito@i.softbank.j",
        )],
    ),
    (
        "yahoo.eml",
        "Yahoo",
        None,
        "text",
        &[(
            "kijitora@example.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "550 5.1.1 <kijitora@example.jp>: Recipie",
        )],
    ),
    (
        "yandex.eml",
        "Yandex",
        None,
        "text",
        &[(
            "ivan@example.ru",
            None,
            "failed",
            Some("5.2.2"),
            Some("stated"),
            "mailboxfull",
            Some("mx.example.ru"),
            "host mx.example.ru[192.0.2.12] said: 552",
        )],
    ),
    (
        "zoho.eml",
        "Zoho",
        None,
        "text",
        &[(
            "kijitora@example.co.jp",
            None,
            "failed",
            Some("5.1.1"),
            Some("stated"),
            "userunknown",
            None,
            "Invalid Address, ERROR_CODE :550, ERROR_",
        )],
    ),
];

fn json_of(name: &str) -> Report {
    let out = bin()
        .args(["--json", "explain", "--ndr"])
        .arg(fixture(&format!("ndr/{name}")))
        .output()
        .unwrap();
    assert!(out.status.success(), "{name}: {}", stderr_of(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn every_fixture_every_field() {
    for (name, mta, reporting, source, rows) in CASES {
        let r = json_of(name);
        assert_eq!(
            (
                r.mta.as_str(),
                r.reporting_mta.as_deref(),
                r.source.as_str()
            ),
            (*mta, *reporting, *source),
            "{name}"
        );
        assert_eq!(r.recipients.len(), rows.len(), "{name}: {:?}", r.recipients);
        for (got, want) in r.recipients.iter().zip(rows.iter()) {
            let (addr, orig, action, status, src, reason, remote, diag) = *want;
            assert_eq!(
                (
                    got.recipient.as_str(),
                    got.original_recipient.as_deref(),
                    got.action.as_deref(),
                    got.status.as_deref(),
                    got.status_source.as_deref(),
                    got.reason.as_str(),
                    got.remote_mta.as_deref(),
                ),
                (addr, orig, Some(action), status, src, reason, remote),
                "{name}"
            );
            let d = got.diagnostic_code.as_deref().unwrap_or_default();
            assert!(
                d.starts_with(diag),
                "{name} {addr}: {d:?} does not start with {diag:?}"
            );
            assert_eq!(
                got.explanation.as_ref().map(|e| e.code.as_str()),
                status,
                "{name} {addr}"
            );
        }
    }
}

#[test]
fn the_fixtures_cover_forty_files_and_twenty_five_generators() {
    let mut generators: Vec<&str> = CASES.iter().map(|c| c.1).collect();
    generators.sort();
    generators.dedup();
    assert!(CASES.len() >= 40, "{}", CASES.len());
    assert!(generators.len() >= 25, "{generators:?}");
    // Every file in fixtures/ndr is asserted here or as a non-bounce below.
    for e in std::fs::read_dir(fixture("ndr")).unwrap() {
        let n = e.unwrap().file_name().into_string().unwrap();
        if n.ends_with(".eml") {
            assert!(
                CASES.iter().any(|c| c.0 == n) || NOT_BOUNCES.iter().any(|c| c.0 == n),
                "{n} is not asserted"
            );
        }
    }
    // Japanese bounces in ISO-2022-JP, Shift_JIS, EUC-JP and UTF-8.
    for enc in ["iso2022jp", "shiftjis", "eucjp", "utf8"] {
        assert!(CASES.iter().any(|c| c.0.contains(enc)), "{enc}");
    }
}

const NOT_BOUNCES: &[(&str, &str)] = &[
    ("arf.eml", "feedback-report"),
    ("autoreply.eml", "auto-reply"),
    ("not-a-bounce.eml", "not-a-bounce"),
];

#[test]
fn messages_that_are_not_bounces_say_what_they_are() {
    for (name, kind) in NOT_BOUNCES {
        let out = bin()
            .args(["--json", "explain", "--ndr"])
            .arg(fixture(&format!("ndr/{name}")))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let doc: ErrorDoc = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(doc.error.kind, *kind, "{name}");
        assert!(
            doc.error.message.contains("not a delivery report"),
            "{name}"
        );
        assert!(doc.error.file.unwrap().ends_with(name));
        let human = bin()
            .args(["explain", "--ndr"])
            .arg(fixture(&format!("ndr/{name}")))
            .output()
            .unwrap();
        assert_eq!(human.status.code(), Some(1));
        assert!(
            stderr_of(&human).contains("not a delivery report"),
            "{name}"
        );
    }
}

#[test]
fn human_output_names_generator_reason_and_both_addresses() {
    let out = bin()
        .args(["explain", "--ndr"])
        .arg(fixture("ndr/postfix-alias.eml"))
        .output()
        .unwrap();
    let t = String::from_utf8(out.stdout).unwrap();
    for want in [
        "Generator:        Postfix",
        "Recipient:     bob@remote.example",
        "Sent to:     sales@example.org",
        "Status:      5.1.1 (stated in the message)",
        "Reason:      userunknown (the recipient's mailbox does not exist at the destination)",
    ] {
        assert!(t.contains(want), "{want:?} in\n{t}");
    }
}

#[test]
fn a_dns_cause_leads_to_diagnose_dns() {
    let r = json_of("amazonworkmail.eml");
    let x = r.recipients[0].explanation.as_ref().unwrap();
    assert!(
        x.next_steps[0].contains("metabase-fix diagnose dns example.jp"),
        "{:?}",
        x.next_steps
    );
}

fn all_fixture_bytes() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = std::fs::read_dir(fixture("ndr"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    v.sort();
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        let _ = metabase_fix::explain::ndr::parse(&bytes);
    }

    #[test]
    fn truncated_or_spliced_bounces_never_panic(i in 0usize..64, cut in 0usize..8192, junk in proptest::collection::vec(any::<u8>(), 0..256)) {
        let all = all_fixture_bytes();
        let b = &all[i % all.len()];
        let mut m = b[..cut.min(b.len())].to_vec();
        m.extend_from_slice(&junk);
        let _ = metabase_fix::explain::ndr::parse(&m);
    }
}

#[test]
fn huge_parts_never_panic_and_stay_fast() {
    let mut m = std::fs::read(fixture("ndr/postfix-alias.eml")).unwrap();
    let huge = "<x@y.example>: 550 5.1.1 no\n".repeat(200_000);
    m.extend_from_slice(huge.as_bytes());
    let t = std::time::Instant::now();
    let _ = metabase_fix::explain::ndr::parse(&m);
    let long_line = vec![b'a'; 5_000_000];
    let _ = metabase_fix::explain::ndr::parse(&long_line);
    assert!(t.elapsed().as_secs() < 60, "{:?}", t.elapsed());
}

/// The reader's time per message over every fixture (median of 20 rounds),
/// printed; run with `--release -- --nocapture` to measure.
#[test]
fn median_time_per_message() {
    let all = all_fixture_bytes();
    for b in &all {
        let _ = metabase_fix::explain::ndr::parse(b); // compile the tables once
    }
    let mut times: Vec<f64> = vec![];
    for _ in 0..20 {
        for b in &all {
            let t = std::time::Instant::now();
            let _ = metabase_fix::explain::ndr::parse(b);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let median = times[times.len() / 2];
    let p95 = times[times.len() * 95 / 100];
    println!(
        "ndr reader: {} messages, median {median:.3} ms, p95 {p95:.3} ms, max {:.3} ms",
        all.len(),
        times[times.len() - 1]
    );
    assert!(median < 200.0, "median {median} ms");
}
