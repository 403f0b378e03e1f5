//! Reading a bounce. The RFC 3464 `message/delivery-status` part is the truth
//! when present; otherwise the human-readable text is read with the patterns
//! that Exchange 2003/2007+, Postfix, Sendmail, Exim, qmail and the big
//! providers use. Every recipient whose delivery failed (or is delayed) is
//! reported with its status, remote server and SMTP response.

use std::sync::OnceLock;

use mail_parser::{MessageParser, MimeHeaders};
use regex::Regex;
use serde::Serialize;

use super::{explain_status, Explanation};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub reporting_mta: Option<String>,
    pub arrival_date: Option<String>,
    /// `delivery-status` (RFC 3464 part) or `text` (read from the message text).
    pub source: &'static str,
    pub recipients: Vec<Recipient>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    pub recipient: String,
    pub action: Option<String>,
    pub status: Option<String>,
    pub remote_mta: Option<String>,
    pub diagnostic_code: Option<String>,
    pub explanation: Option<Explanation>,
}

pub const NOT_A_REPORT: &str = "not a delivery report: no delivery-status part and no failed recipient with a status code in the text";

/// Unfold header-style lines and split into blank-line separated blocks of
/// (lower-case name, value).
fn dsn_blocks(text: &str) -> Vec<Vec<(String, String)>> {
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
            cur.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    if !cur.is_empty() {
        blocks.push(cur);
    }
    blocks
}

/// `rfc822; user@example.com` -> `user@example.com`.
fn strip_type(v: &str) -> String {
    match v.split_once(';') {
        Some((t, rest)) if !t.contains(' ') && t.len() < 20 => rest.trim().to_string(),
        _ => v.trim().to_string(),
    }
}

/// A recipient value without its type and angle brackets.
fn address(v: &str) -> String {
    strip_type(v)
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim()
        .to_string()
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid pattern"))
}

/// The first enhanced status code in a text (not inside an IP address).
pub fn find_enhanced(text: &str) -> Option<(u8, u16, u16)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?:[^\d.]|\.\s|\.$|$)",
    );
    let c = r.captures(text)?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
}

/// The first basic reply code (`550 `, `550-`, `#550`).
pub fn find_basic(text: &str) -> Option<u16> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"(?:^|[\s#;:(\[])([245][0-5]\d)(?:[ -]|$)");
    r.captures(text).and_then(|c| c[1].parse().ok())
}

fn explanation_for(status: &str, diagnostic: Option<&str>, recipient: &str) -> Option<Explanation> {
    let (class, subject, detail) = find_enhanced(status)?;
    let basic = diagnostic
        .and_then(find_basic)
        .filter(|b| b / 100 == class as u16);
    let domain = recipient
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>'));
    Some(explain_status(class, subject, detail, basic, domain))
}

fn status_of(enhanced: Option<(u8, u16, u16)>, basic: Option<u16>) -> Option<String> {
    match (enhanced, basic) {
        (Some((c, s, d)), _) => Some(format!("{c}.{s}.{d}")),
        // No enhanced code (qmail, old servers): the class of the reply code, X.0.0.
        (None, Some(b)) => Some(format!("{}.0.0", b / 100)),
        (None, None) => None,
    }
}

fn from_delivery_status(text: &str) -> Option<Report> {
    let blocks = dsn_blocks(text);
    let get =
        |b: &[(String, String)], n: &str| b.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
    let mut report = Report {
        reporting_mta: None,
        arrival_date: None,
        source: "delivery-status",
        recipients: vec![],
    };
    let mut any = false;
    for b in &blocks {
        let recipient = get(b, "final-recipient").or_else(|| get(b, "original-recipient"));
        let Some(recipient) = recipient else {
            report.reporting_mta = report
                .reporting_mta
                .or_else(|| get(b, "reporting-mta").map(|v| strip_type(&v)));
            report.arrival_date = report.arrival_date.or_else(|| get(b, "arrival-date"));
            any |= get(b, "reporting-mta").is_some();
            continue;
        };
        any = true;
        let action = get(b, "action").map(|a| a.to_ascii_lowercase());
        if matches!(
            action.as_deref(),
            Some("delivered" | "relayed" | "expanded")
        ) {
            continue;
        }
        let diagnostic = get(b, "diagnostic-code").map(|d| strip_type(&d));
        let status = get(b, "status")
            .and_then(|s| find_enhanced(&s).and_then(|e| status_of(Some(e), None)))
            .or_else(|| {
                diagnostic
                    .as_deref()
                    .and_then(|d| status_of(find_enhanced(d), find_basic(d)))
            });
        let recipient = address(&recipient);
        report.recipients.push(Recipient {
            explanation: status
                .as_deref()
                .and_then(|s| explanation_for(s, diagnostic.as_deref(), &recipient)),
            recipient,
            action,
            status,
            remote_mta: get(b, "remote-mta").map(|v| strip_type(&v)),
            diagnostic_code: diagnostic,
        });
    }
    any.then_some(report)
}

/// The address on a line that names a recipient (alone, in <>, with a colon,
/// or Exchange 2003's "user@x on <date>").
fn recipient_lines(text: &str) -> Vec<(usize, usize, String)> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?m)^[ \t]*(?:Original-Recipient:|Final-Recipient:)?[ \t]*<?([A-Za-z0-9._%+'=/!#$&*?^`{|}~-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}|[A-Za-z0-9._%+'=/!#$&*?^`{|}~-]+@\[[0-9.]+\])>?:?(?:[ \t]+on[ \t].*)?[ \t]*\r?$",
    );
    r.captures_iter(text)
        .map(|c| {
            let m = c.get(0).unwrap();
            (m.start(), m.end(), c[1].to_string())
        })
        .collect()
}

fn remote_in(window: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?mi)(?:\bhost\s+([A-Za-z0-9.-]+\.[A-Za-z]{2,})\s*\[|^\s*([A-Za-z0-9.-]+\.[A-Za-z0-9-]{2,})\s+#\d{3}[ -]\d\.|<([A-Za-z0-9.-]+\.[A-Za-z0-9-]{2,})\s+#\d\.|\b(\d{1,3}(?:\.\d{1,3}){3}) does not like recipient|Giving up on (\d{1,3}(?:\.\d{1,3}){3})|Remote[- ]MTA:\s*(?:dns;\s*)?(\S+))",
    );
    let c = r.captures(window)?;
    (1..=6)
        .find_map(|i| c.get(i))
        .map(|m| m.as_str().to_string())
}

/// The line (with its continuation lines) holding the SMTP response.
fn diagnostic_in(window: &str) -> Option<String> {
    let lines: Vec<&str> = window.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        if find_basic(l).is_some() || find_enhanced(l).is_some() {
            let mut text = clean_response(l);
            for next in lines.iter().skip(i + 1).take(4) {
                let n = next.trim();
                if n.is_empty()
                    || find_basic(n).is_none() && !next.starts_with([' ', '\t'])
                    || n.contains("##") && text.contains("##")
                {
                    break;
                }
                text.push(' ');
                text.push_str(continuation(n));
            }
            return Some(text);
        }
    }
    None
}

/// The SMTP response without the wrapping bounce texts put around it:
/// Exchange's `<host #5.1.1 smtp;550 ...>` and `#SMTP#`, Sendmail's `(reason: ...)`,
/// qmail's `Remote host said:`, Exchange 2007's trailing `##`.
fn clean_response(line: &str) -> String {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"^(?:\(reason:\s*|Remote host said:\s*|#?<?\s*[A-Za-z0-9.-]*\s*#\d\.\d{1,3}\.\d{1,3}\s*(?:smtp;\s*)?|#)",
    );
    let mut t = r.replace(line.trim(), "").to_string();
    for tail in ["#SMTP#", "##", ">", ")"] {
        t = t.trim_end().trim_end_matches(tail).to_string();
    }
    let t = t.trim().to_string();
    if t.is_empty() {
        line.trim().to_string()
    } else {
        t
    }
}

/// A continuation line without the reply code it repeats (`550-5.1.1 ...`).
fn continuation(line: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, r"^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?");
    match r.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    }
}

fn from_text(text: &str) -> Report {
    static GEN: OnceLock<Regex> = OnceLock::new();
    let reporting = re(
        &GEN,
        r"(?mi)(?:Generating server:\s*(\S+)|This is the qmail-send program at ([^\s.]+(?:\.[^\s.]+)*)|This is the mail system at host ([^\s.]+(?:\.[^\s.]+)*)|Reporting-MTA:\s*(?:dns;\s*)?(\S+))",
    )
    .captures(text)
    .and_then(|c| (1..=4).find_map(|i| c.get(i)).map(|m| m.as_str().trim_end_matches('.').to_string()));
    let lines = recipient_lines(text);
    let mut recipients: Vec<Recipient> = vec![];
    for (i, (_, end, addr)) in lines.iter().enumerate() {
        let next = lines.get(i + 1).map_or(text.len(), |n| n.0);
        let mut stop = next.min(end + 2000);
        while !text.is_char_boundary(stop) {
            stop -= 1;
        }
        let window = &text[*end..stop];
        let diagnostic = diagnostic_in(window);
        let status = diagnostic
            .as_deref()
            .and_then(|d| status_of(find_enhanced(d), find_basic(d)));
        let Some(status) = status else { continue };
        if !status.starts_with(['4', '5'])
            || recipients
                .iter()
                .any(|r| r.recipient.eq_ignore_ascii_case(addr))
        {
            continue;
        }
        recipients.push(Recipient {
            explanation: explanation_for(&status, diagnostic.as_deref(), addr),
            recipient: addr.clone(),
            action: Some(if status.starts_with('4') {
                "delayed".into()
            } else {
                "failed".into()
            }),
            status: Some(status),
            remote_mta: remote_in(window),
            diagnostic_code: diagnostic,
        });
    }
    Report {
        reporting_mta: reporting,
        arrival_date: None,
        source: "text",
        recipients,
    }
}

/// Read a bounce message.
pub fn parse(raw: &[u8]) -> Result<Report, String> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| "not an e-mail message (RFC 5322): no headers could be read".to_string())?;
    // 1. The machine-readable part.
    for part in &message.parts {
        let is_dsn = part.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct.subtype().is_some_and(|s| {
                    s.eq_ignore_ascii_case("delivery-status")
                        || s.eq_ignore_ascii_case("global-delivery-status")
                })
        });
        if is_dsn {
            let text = String::from_utf8_lossy(part.contents());
            if let Some(mut r) = from_delivery_status(&text) {
                // Fill what the part leaves out from the text (never the status).
                let t = from_text(&body_text(&message));
                for rec in &mut r.recipients {
                    if let Some(tr) = t
                        .recipients
                        .iter()
                        .find(|x| x.recipient.eq_ignore_ascii_case(&rec.recipient))
                    {
                        rec.remote_mta = rec.remote_mta.take().or_else(|| tr.remote_mta.clone());
                        rec.diagnostic_code = rec
                            .diagnostic_code
                            .take()
                            .or_else(|| tr.diagnostic_code.clone());
                    }
                }
                r.reporting_mta = r.reporting_mta.or(t.reporting_mta);
                return Ok(r);
            }
        }
    }
    // 2. A delivery-status block pasted or mislabelled in the text.
    let text = body_text(&message);
    if text.contains("Final-Recipient:") || text.contains("Final-recipient:") {
        let from = text
            .find("Reporting-MTA:")
            .or_else(|| text.find("Final-Recipient:"))
            .unwrap_or(0);
        if let Some(r) = from_delivery_status(&text[from..]).filter(|r| !r.recipients.is_empty()) {
            return Ok(r);
        }
    }
    // 3. The human-readable text.
    let mut r = from_text(&text);
    if r.recipients.is_empty() {
        // 4. Recipients named elsewhere: Exim's X-Failed-Recipients header, or a
        //    sentence (Office 365: "Your message to x@y couldn't be delivered").
        let mut named: Vec<String> = message
            .header_raw("X-Failed-Recipients")
            .map(|h| {
                h.split(',')
                    .map(|a| a.trim().trim_matches(['<', '>']).to_string())
                    .filter(|a| a.contains('@'))
                    .collect()
            })
            .unwrap_or_default();
        if named.is_empty() {
            named = sentence_recipients(&text);
        }
        let diagnostic = diagnostic_in(&text);
        if let Some(status) = diagnostic
            .as_deref()
            .and_then(|d| status_of(find_enhanced(d), find_basic(d)))
        {
            for addr in named {
                r.recipients.push(Recipient {
                    explanation: explanation_for(&status, diagnostic.as_deref(), &addr),
                    action: Some(if status.starts_with('4') {
                        "delayed".into()
                    } else {
                        "failed".into()
                    }),
                    status: Some(status.clone()),
                    remote_mta: remote_in(&text),
                    diagnostic_code: diagnostic.clone(),
                    recipient: addr,
                });
            }
        }
    }
    if r.recipients.is_empty() {
        return Err(NOT_A_REPORT.into());
    }
    Ok(r)
}

/// Recipients named in the sentences bounces open with.
fn sentence_recipients(text: &str) -> Vec<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?i)(?:your message to|delivery to|could not be delivered to|couldn't be delivered to|wasn't delivered to|undeliverable to|failed to deliver to|delivery has failed to)\s*:?\s*<?([A-Za-z0-9._%+'=/!#$&*?^`{|}~-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})>?",
    );
    let mut out: Vec<String> = vec![];
    for c in r.captures_iter(text) {
        let a = c[1].trim_end_matches('.').to_string();
        if !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

/// The message's text parts (not the returned original), or its raw body.
fn body_text(message: &mail_parser::Message<'_>) -> String {
    let mut out = String::new();
    for i in 0..message.text_body_count() {
        if let Some(t) = message.body_text(i) {
            out.push_str(&t);
            out.push('\n');
        }
    }
    if out.trim().is_empty() {
        out = String::from_utf8_lossy(message.raw_message()).into_owned();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_finders_skip_ip_addresses() {
        assert_eq!(
            find_enhanced("host 10.2.3.4 said: 550 5.1.1 unknown"),
            Some((5, 1, 1))
        );
        assert_eq!(find_enhanced("[192.0.2.4]"), None);
        assert_eq!(find_enhanced("Status: 4.4.7"), Some((4, 4, 7)));
        assert_eq!(find_basic("#550 5.1.1 RESOLVER"), Some(550));
        assert_eq!(find_basic("smtp;550-5.1.1 x"), Some(550));
        assert_eq!(find_basic("version 2.5.1"), None);
    }

    #[test]
    fn dsn_recipients_lose_type_and_angle_brackets() {
        let r = from_delivery_status("Reporting-MTA: dns; a.example\n\nFinal-Recipient: RFC822; <x@y.example>\nAction: Failed\nStatus: 5.1.1\n").unwrap();
        assert_eq!(
            (
                r.recipients[0].recipient.as_str(),
                r.recipients[0].action.as_deref()
            ),
            ("x@y.example", Some("failed"))
        );
    }

    #[test]
    fn dsn_blocks_unfold() {
        let b = dsn_blocks("Reporting-MTA: dns; a.example\r\n\r\nFinal-Recipient: rfc822; x@y.example\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  more text\r\n");
        assert_eq!(b.len(), 2);
        assert_eq!(b[1][1].1, "smtp; 550 5.1.1 more text");
    }
}
