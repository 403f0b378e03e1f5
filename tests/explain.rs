//! `explain`: status codes (against the full registry), event data, and bounces
//! in each MTA's own format, each with its fields asserted.

mod common;
#[path = "ndr_json.rs"]
mod ndr_json;

use common::{bin, fixture, stderr_of, stdout_of};
use ndr_json::{Explanation, Report};

fn code(c: &str) -> Explanation {
    let out = bin().args(["--json", "explain", c]).output().unwrap();
    assert!(out.status.success(), "{c}: {}", stdout_of(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn ndr(name: &str) -> Report {
    let out = bin()
        .args(["--json", "explain", "--ndr"])
        .arg(fixture(&format!("ndr/{name}")))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {} {}",
        stdout_of(&out),
        stderr_of(&out)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (recipient, action, status, remote MTA, a part of the SMTP response)
type Row<'a> = (&'a str, &'a str, &'a str, Option<&'a str>, &'a str);

fn check(name: &str, mta: Option<&str>, date: Option<&str>, source: &str, rows: &[Row<'_>]) {
    let r = ndr(name);
    assert_eq!(
        (
            r.reporting_mta.as_deref(),
            r.arrival_date.as_deref(),
            r.source.as_str()
        ),
        (mta, date, source),
        "{name}"
    );
    assert_eq!(r.recipients.len(), rows.len(), "{name}: {:?}", r.recipients);
    for (got, (addr, action, status, remote, diag)) in r.recipients.iter().zip(rows) {
        assert_eq!(got.recipient, *addr, "{name}");
        assert_eq!(got.action.as_deref(), Some(*action), "{name} {addr}");
        assert_eq!(got.status.as_deref(), Some(*status), "{name} {addr}");
        assert_eq!(got.remote_mta.as_deref(), *remote, "{name} {addr}");
        let d = got.diagnostic_code.as_deref().unwrap_or_default();
        assert!(d.contains(diag), "{name} {addr}: {d:?} lacks {diag:?}");
        assert_eq!(
            got.explanation.as_ref().map(|e| e.code.as_str()),
            Some(*status),
            "{name} {addr}"
        );
    }
}

#[test]
fn enhanced_codes_have_class_subject_detail_and_advice() {
    let x = code("5.4.4");
    assert_eq!(
        (
            x.class,
            x.class_text.as_deref(),
            x.subject_text.as_deref(),
            x.detail_text.as_deref()
        ),
        (
            Some(5),
            Some("Permanent failure"),
            Some("Network and routing status"),
            Some("Unable to route")
        )
    );
    assert!(x.causes.iter().any(|c| c.contains("MX")));
    assert!(x.next_steps[0].contains("metabase-fix diagnose dns"));
    assert!(x.next_steps[1].contains("set-dns-mode"));
    let x = code("#550 5.1.1");
    assert_eq!(
        (x.code.as_str(), x.basic_code, x.detail_text.as_deref()),
        ("5.1.1", Some(550), Some("Bad destination mailbox address"))
    );
    assert!(x.basic_text.unwrap().contains("mailbox unavailable"));
    assert!(x.next_steps.is_empty());
    let x = code("550");
    assert_eq!(
        (x.class, x.basic_code, x.detail_text),
        (Some(5), Some(550), None)
    );
    for c in ["4.4.7", "4.4.1"] {
        assert!(code(c).next_steps[0].contains("diagnose dns"), "{c}");
    }
}

#[test]
fn event_data_c00402e7_leads_to_the_fix() {
    let x = code("c00402e7");
    assert!(x.detail_text.unwrap().contains("internal DNS error"));
    assert!(x.causes.iter().any(|c| c.contains("KB 820284")));
    assert!(x
        .next_steps
        .iter()
        .any(|s| s.contains("metabase-fix diagnose dns")));
    let human = stdout_of(&bin().args(["explain", "c00402e7"]).output().unwrap());
    assert!(
        human.contains("Next steps:") && human.contains("set-dns-mode"),
        "{human}"
    );
}

#[test]
fn every_registry_code_explains_in_both_failure_classes() {
    for (subject, detail, text, _) in metabase_fix::explain::status::DETAILS {
        for class in [4, 5] {
            let x =
                metabase_fix::explain::explain_code(&format!("{class}.{subject}.{detail}"), None)
                    .unwrap();
            assert_eq!(x.detail_text.as_deref(), Some(*text));
            assert!(x.subject_text.is_some());
        }
    }
    // And through the binary, a sample across subjects.
    for c in [
        "2.0.0", "4.2.2", "5.3.4", "5.5.6", "5.6.10", "5.7.30", "5.1.10",
    ] {
        assert_eq!(code(c).code, c);
    }
}

#[test]
fn malformed_or_unknown_codes_say_what_a_valid_one_looks_like() {
    for c in ["5.9.1", "6.1.1", "5.1.99", "abc", "5.4", "999"] {
        let out = bin().args(["explain", c]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{c}");
        let err = stderr_of(&out);
        assert!(
            err.contains("such as 5.4.4") || err.contains("is not an SMTP reply code"),
            "{c}: {err}"
        );
    }
}

#[test]
fn rfc3464_report() {
    check(
        "rfc3464.eml",
        Some("cs.example.edu"),
        Some("Fri, 1 Jul 1994 17:13:05 -0400"),
        "delivery-status",
        &[(
            "louisl@larry.slip.example.edu",
            "failed",
            "4.0.0",
            None,
            "426 connection timed out",
        )],
    );
}

#[test]
fn exchange_2003_text() {
    check(
        "exchange2003.eml",
        None,
        None,
        "text",
        &[
            (
                "jane@fabrikam.example",
                "failed",
                "5.1.1",
                Some("mx1.fabrikam.example"),
                "550 5.1.1 <jane@fabrikam.example>... User unknown",
            ),
            (
                "ops@tailspin.example",
                "delayed",
                "4.4.7",
                Some("mail.contoso.com"),
                "#4.4.7",
            ),
        ],
    );
    let r = ndr("exchange2003.eml");
    let x = r.recipients[1].explanation.as_ref().unwrap();
    assert!(
        x.next_steps[0].contains("metabase-fix diagnose dns tailspin.example"),
        "{:?}",
        x.next_steps
    );
}

#[test]
fn exchange_2007_report_and_text() {
    check(
        "exchange2007.eml",
        Some("EXCH01.contoso.com"),
        Some("Mon, 3 Mar 2008 00:10:00 +0000"),
        "delivery-status",
        &[(
            "jane@fabrikam.example",
            "failed",
            "5.1.1",
            Some("mx.fabrikam.example"),
            "RESOLVER.ADR.RecipNotFound",
        )],
    );
    check(
        "exchange2007-text.eml",
        Some("EXCH01.contoso.com"),
        None,
        "text",
        &[(
            "ben@woodgrove.example",
            "failed",
            "5.4.4",
            None,
            "554 5.4.4 SMTPSEND.DNS.NonExistentDomain",
        )],
    );
}

#[test]
fn postfix_sendmail_exim_qmail_gmail() {
    check(
        "postfix.eml",
        Some("mail.example.org"),
        Some("Tue, 14 Nov 2023 22:59:58 +0100 (CET)"),
        "delivery-status",
        &[(
            "bob@remote.example",
            "failed",
            "5.1.1",
            Some("mx.remote.example"),
            "User unknown in virtual mailbox table",
        )],
    );
    check(
        "sendmail.eml",
        Some("relay.example.net"),
        Some("Tue, 14 Nov 2023 10:00:00 -0500"),
        "delivery-status",
        &[(
            "dave@mailbox-full.example",
            "failed",
            "5.2.2",
            Some("mx.mailbox-full.example"),
            "552 5.2.2 Mailbox full",
        )],
    );
    check(
        "exim.eml",
        None,
        None,
        "text",
        &[(
            "frank@nowhere.example",
            "failed",
            "5.1.1",
            Some("mx.nowhere.example"),
            "550 5.1.1 <frank@nowhere.example>: Recipient address rejected",
        )],
    );
    check(
        "qmail.eml",
        Some("mx.example.biz"),
        None,
        "text",
        &[
            // qmail gives no enhanced code: the status derived from the
            // reason in the text ("no mailbox here": userunknown).
            (
                "henry@oldhost.example",
                "failed",
                "5.1.1",
                Some("198.51.100.25"),
                "550 sorry, no mailbox here by that name",
            ),
            (
                "ivy@quota.example",
                "failed",
                "5.2.2",
                Some("203.0.113.40"),
                "552 5.2.2 Mailbox quota exceeded",
            ),
        ],
    );
    check(
        "gmail.eml",
        None,
        None,
        "text",
        &[(
            "nobody@gmail.com",
            "failed",
            "5.1.1",
            None,
            "does not exist. Please try double-checking",
        )],
    );
}

#[test]
fn multi_recipient_report_lists_only_failures() {
    check(
        "multi-recipient.eml",
        Some("gw.contoso.com"),
        Some("Mon, 3 Mar 2008 09:10:00 +0900"),
        "delivery-status",
        &[
            (
                "a@fabrikam.example",
                "failed",
                "5.1.1",
                Some("mx.fabrikam.example"),
                "550-5.1.1 The email account",
            ),
            ("b@big-mx.example", "delayed", "4.4.7", None, "c00402e7"),
        ],
    );
    let human = stdout_of(
        &bin()
            .args(["explain", "--ndr"])
            .arg(fixture("ndr/multi-recipient.eml"))
            .output()
            .unwrap(),
    );
    assert!(
        human.contains("Recipient:     a@fabrikam.example")
            && human.contains("Remote host: mx.fabrikam.example"),
        "{human}"
    );
    assert!(
        human.contains("metabase-fix diagnose dns big-mx.example"),
        "{human}"
    );
    assert!(
        !human.contains("c@tailspin.example"),
        "delivered recipients are not failures"
    );
}

#[test]
fn the_delivery_status_part_wins_over_the_text() {
    check(
        "disagree.eml",
        Some("mail.example.org"),
        None,
        "delivery-status",
        &[(
            "zoe@remote.example",
            "failed",
            "5.2.2",
            None,
            "552 5.2.2 mailbox full",
        )],
    );
}

#[test]
fn a_message_that_is_not_a_bounce() {
    let out = bin()
        .args(["explain", "--ndr"])
        .arg(fixture("ndr/not-a-bounce.eml"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("not a delivery report"),
        "{}",
        stderr_of(&out)
    );
}

#[test]
fn a_report_from_standard_input() {
    let raw = std::fs::read(fixture("ndr/postfix.eml")).unwrap();
    let out = bin()
        .args(["--json", "explain", "--ndr", "-"])
        .write_stdin(raw)
        .output()
        .unwrap();
    assert!(out.status.success());
    let r: Report = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r.recipients[0].recipient, "bob@remote.example");
}

#[test]
fn recipients_named_only_in_a_header_or_a_sentence() {
    check(
        "office365.eml",
        Some("DM6PR01MB1234.prod.outlook.com"),
        None,
        "text",
        &[("lee@adatum.example", "failed", "5.1.10", None, "550 5.1.10")],
    );
    check(
        "exim-header-only.eml",
        None,
        None,
        "text",
        &[(
            "mo@full.example",
            "failed",
            "5.2.2",
            None,
            "552 5.2.2 mailbox over quota",
        )],
    );
}
