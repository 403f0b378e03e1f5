//! The machine-readable part of a bounce: RFC 3464 `message/delivery-status`
//! (and RFC 6533's `global-delivery-status`). Header-style fields, unfolded,
//! one block per message and one per recipient.

use super::codes::{address_of, best_enhanced, strip_type};
use super::Found;

/// Unfold header-style lines and split into blank-line separated blocks of
/// (lower-case name, value).
pub fn blocks(text: &str) -> Vec<Vec<(String, String)>> {
    let mut blocks = vec![];
    let mut cur: Vec<(String, String)> = vec![];
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            if !cur.is_empty() {
                blocks.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(last) = cur.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
            continue;
        }
        if let Some((name, value)) = line.split_once(':') {
            if !name.contains(' ') {
                cur.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
            }
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    blocks
}

/// What a delivery-status text says: the per-message fields and every
/// recipient (delivered ones included; the pipeline drops them).
#[derive(Debug, Default)]
pub struct Dsn {
    pub reporting_mta: Option<String>,
    pub arrival_date: Option<String>,
    pub recipients: Vec<Found>,
    /// Whether any RFC 3464 field was seen at all.
    pub seen: bool,
}

pub fn read(text: &str) -> Dsn {
    let mut d = Dsn::default();
    let get = |b: &[(String, String)], n: &str| {
        b.iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.is_empty())
    };
    for b in &blocks(text) {
        let fin = get(b, "final-recipient");
        let orig = get(b, "original-recipient");
        let Some(rcpt) = fin.clone().or_else(|| orig.clone()) else {
            if let Some(m) = get(b, "reporting-mta") {
                d.seen = true;
                d.reporting_mta.get_or_insert(strip_type(&m));
            }
            if let Some(a) = get(b, "arrival-date") {
                d.arrival_date.get_or_insert(a);
            }
            continue;
        };
        d.seen = true;
        let recipient = address_of(&rcpt);
        if recipient.is_empty() {
            continue;
        }
        let original = orig
            .map(|o| address_of(&o))
            .filter(|o| !o.is_empty() && o.contains('@'));
        d.recipients.push(Found {
            recipient,
            original,
            action: get(b, "action").map(|a| a.trim().to_ascii_lowercase()),
            field_status: get(b, "status").and_then(|s| super::codes::find_enhanced(&s)),
            diagnostic: get(b, "diagnostic-code").map(|v| strip_type(&v)),
            remote_mta: get(b, "remote-mta").map(|v| {
                strip_type(&v)
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .trim_end_matches('.')
                    .to_string()
            }),
            ..Found::default()
        });
    }
    // A status stated only in the diagnostic code is still stated.
    for r in &mut d.recipients {
        if r.field_status.is_none() {
            r.field_status = r.diagnostic.as_deref().and_then(best_enhanced);
        }
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_lose_type_and_angle_brackets() {
        let d = read("Reporting-MTA: dns; a.example\n\nOriginal-Recipient: rfc822;X@y.example\nFinal-Recipient: RFC822; <x@y.example>\nAction: Failed\nStatus: 5.1.1\n");
        let r = &d.recipients[0];
        assert_eq!(
            (
                r.recipient.as_str(),
                r.original.as_deref(),
                r.action.as_deref()
            ),
            ("x@y.example", Some("X@y.example"), Some("failed"))
        );
        assert_eq!(d.reporting_mta.as_deref(), Some("a.example"));
    }

    #[test]
    fn blocks_unfold() {
        let b = blocks("Reporting-MTA: dns; a.example\r\n\r\nFinal-Recipient: rfc822; x@y.example\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  more text\r\n");
        assert_eq!(b.len(), 2);
        assert_eq!(b[1][1].1, "smtp; 550 5.1.1 more text");
    }
}
