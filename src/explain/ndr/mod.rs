//! Reading a bounce, the way a bounce analyser does:
//!
//! 1. the MIME message is parsed (`mail-parser`, which decodes ISO-2022-JP,
//!    Shift_JIS, EUC-JP and UTF-8 bodies) into a [`View`];
//! 2. feedback reports (ARF) are set aside: they are not bounces;
//! 3. the RFC 3464 `message/delivery-status` part is read ([`dsn`]);
//! 4. the generator is found by its signature and its text read with its
//!    rules ([`lhost`], data in `signatures.tsv` and `lhosts.tsv`); a bounce
//!    from a generator not recognised is read with the generic rules;
//! 5. per recipient, [`decide`] applies the status rule and [`reason`]
//!    classifies the failure.
//!
//! Nothing here prints; the human texts are in `i18n/*/ndr.ftl` (the reasons'
//! English reference also in `reasons.tsv`).

pub mod codes;
pub mod dsn;
pub mod lhost;
pub mod reason;

use std::sync::OnceLock;

use mail_parser::{MessageParser, MimeHeaders};
use regex::Regex;
use serde::Serialize;

use super::{explain_status, Explanation};
use codes::{best_enhanced, find_basic, fmt_code, re, Enhanced};

/// One bounce, read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The generator found by its signature (`Postfix`, `Exchange2003`, ...),
    /// `RFC3464` for a delivery-status part from one not recognised, `unknown`.
    pub mta: String,
    pub reporting_mta: Option<String>,
    pub arrival_date: Option<String>,
    /// `delivery-status` (RFC 3464 part), `text` (the message text) or `json`
    /// (Amazon SES's notification).
    pub source: &'static str,
    pub recipients: Vec<Recipient>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Recipient {
    /// Final-Recipient, or the address the text names.
    pub recipient: String,
    /// Original-Recipient, or the address the sender used when the text says it.
    pub original_recipient: Option<String>,
    pub action: Option<String>,
    pub status: Option<String>,
    /// `stated`, `reply-code` or `derived`.
    pub status_source: Option<&'static str>,
    pub reason: &'static str,
    pub remote_mta: Option<String>,
    pub diagnostic_code: Option<String>,
    pub explanation: Option<Explanation>,
}

/// A message that is not a delivery report, and what it is instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotABounce {
    /// `feedback-report`, `auto-reply`, `delivery-notification`, `not-a-bounce`, `not-mail`.
    pub kind: &'static str,
    pub message: String,
}

impl NotABounce {
    fn new(kind: &'static str) -> NotABounce {
        let id = match kind {
            "delivery-notification" => "kind.not-a-bounce",
            _ => kind,
        };
        NotABounce {
            kind,
            message: text(&format!("kind.{}", id.trim_start_matches("kind."))),
        }
    }
}

/// A human text by id (`kind.auto-reply`, ...), in the current language:
/// the Fluent message `ndr-kind-auto-reply` (i18n/*/ndr.ftl).
pub fn text(id: &str) -> String {
    crate::i18n::tr(&format!("ndr-{}", id.replace('.', "-")), &[])
}

/// What a reader found about one recipient, before the status rule.
#[derive(Debug, Clone, Default)]
pub struct Found {
    pub recipient: String,
    pub original: Option<String>,
    pub action: Option<String>,
    /// The status the message states for this recipient in a Status field.
    pub field_status: Option<Enhanced>,
    pub diagnostic: Option<String>,
    pub remote_mta: Option<String>,
    /// All the text about this recipient (codes and reasons are looked for here).
    pub context: String,
    /// A reason the generator's own phrase names.
    pub reason_hint: Option<&'static str>,
}

/// The parts of a message the readers look at.
pub struct View {
    pub from: String,
    pub subject: String,
    /// (lower-case name, unfolded raw value), in order.
    pub headers: Vec<(String, String)>,
    /// The text parts (not the returned message), or the raw body.
    pub text: String,
}

impl View {
    pub fn header_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn header<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.header_all(name).next()
    }

    fn new(message: &mail_parser::Message<'_>) -> View {
        let raw = message.raw_message();
        let end = memchr::memmem::find(raw, b"\r\n\r\n")
            .or_else(|| memchr::memmem::find(raw, b"\n\n"))
            .unwrap_or(raw.len());
        let head = String::from_utf8_lossy(&raw[..end]);
        let mut headers: Vec<(String, String)> = vec![];
        for line in head.lines() {
            if line.starts_with([' ', '\t']) {
                if let Some(last) = headers.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(line.trim());
                }
            } else if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let from = message
            .from()
            .and_then(|a| a.first())
            .map(|a| {
                format!(
                    "{} <{}>",
                    a.name().unwrap_or_default(),
                    a.address().unwrap_or_default()
                )
            })
            .unwrap_or_else(|| {
                headers
                    .iter()
                    .find(|(k, _)| k == "from")
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            });
        let mut text = String::new();
        for id in &message.text_body {
            let Some(part) = message.parts.get(*id as usize) else {
                continue;
            };
            let skip = part.content_type().is_some_and(|ct| {
                ct.subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("rfc822-headers"))
            });
            if skip {
                continue;
            }
            if let Some(t) = part.text_contents() {
                text.push_str(t);
                text.push('\n');
            }
        }
        if text.trim().is_empty() {
            if let Some(t) = message.body_text(0) {
                text = t.into_owned();
            }
        }
        if text.trim().is_empty() {
            text = String::from_utf8_lossy(&raw[end.min(raw.len())..]).into_owned();
        }
        View {
            from,
            subject: message.subject().unwrap_or_default().to_string(),
            headers,
            text,
        }
    }
}

fn is_feedback_report(message: &mail_parser::Message<'_>, v: &View) -> bool {
    let report_type = v
        .header("content-type")
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("feedback-report"));
    let part = message.parts.iter().any(|p| {
        p.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct
                    .subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("feedback-report"))
        })
    });
    report_type || part
}

fn is_auto_reply(v: &View) -> bool {
    static SUBJECT: OnceLock<Regex> = OnceLock::new();
    let subject = re(
        &SUBJECT,
        r"(?i)^\s*(?:auto(?:matic)?[ _-]?(?:reply|response|antwort)|auto:|out of (?:the )?office|vacation|on vacation|away from|abwesenheit|absence|r[ée]ponse automatique|自動(?:応答|返信)|不在)",
    );
    let header = v
        .header("auto-submitted")
        .is_some_and(|h| h.to_ascii_lowercase().starts_with("auto-replied"))
        || v.header("x-autoreply").is_some()
        || v.header("x-autorespond").is_some()
        || v.header("x-auto-response-suppress")
            .is_some_and(|h| h.contains("OOF"))
        || v.header("precedence")
            .is_some_and(|p| p.eq_ignore_ascii_case("auto_reply"));
    (header || subject.is_match(&v.subject)) && !looks_like_bounce_subject_or_sender(v)
}

fn looks_like_bounce_subject_or_sender(v: &View) -> bool {
    static FROM: OnceLock<Regex> = OnceLock::new();
    static SUBJECT: OnceLock<Regex> = OnceLock::new();
    let from = re(
        &FROM,
        r"(?i)mailer[-_ ]?daemon|postmaster|mail delivery|mail administrator|system administrator|mdaemon|smtp32|post ?office|internet mail service|mail ?router|mail ?system|bounce",
    );
    let subject = re(
        &SUBJECT,
        r"(?i)undeliver|undelivered|returned mail|delivery (?:status )?(?:notification|failure|failed|problem|report)|failure notice|delivery failed|could not send|non[- ]?delivery|nondeliverable|not (?:be )?delivered|mail system error|permanent error|message status|delivery failure|unzustellbar|non remis|nicht zugestellt|配信不能|不達|エラー|returned to sender|rejected|bounce",
    );
    from.is_match(&v.from) || subject.is_match(&v.subject)
}

fn looks_like_bounce(v: &View) -> bool {
    static BODY: OnceLock<Regex> = OnceLock::new();
    let body = re(
        &BODY,
        r"(?i)could not be delivered|couldn't be delivered|undeliverable|delivery (?:has )?failed|permanent (?:fatal )?error|following address(?:\(?es\)?)? failed|user unknown|unknown user|did not reach|not be reached|was not delivered|unable to deliver|failed permanently|配信でき|届きませんでした",
    );
    looks_like_bounce_subject_or_sender(v)
        || v.header("return-path").is_some_and(|r| r.trim() == "<>")
        || v.header("content-type").is_some_and(|c| {
            c.to_ascii_lowercase()
                .contains("report-type=delivery-status")
        })
        || body.is_match(codes::cut(&v.text, 20_000))
}

/// The status rule. A status the message states for the recipient wins (a
/// full code over `X.0.0`, the Status field first); then the status derived
/// from the reason in the text; then the reply code's class.
pub fn decide(f: &Found) -> (Option<Enhanced>, Option<&'static str>, &'static str) {
    let failure = |c: &Enhanced| c.0 == 4 || c.0 == 5;
    let full = |c: &Enhanced| (c.1, c.2) != (0, 0);
    let field = f.field_status.filter(failure);
    let diag = f.diagnostic.as_deref().and_then(best_enhanced);
    let ctx = best_enhanced(&f.context);
    let same_class = |c: &Enhanced| field.is_none_or(|x| x.0 == c.0);
    let stated = field
        .filter(full)
        .or(diag.filter(|c| full(c) && same_class(c)))
        .or(ctx.filter(|c| full(c) && same_class(c)))
        .or(field)
        .or(diag)
        .or(ctx);
    let text = format!(
        "{}\n{}",
        f.diagnostic.as_deref().unwrap_or_default(),
        f.context
    );
    let reason = reason::classify(stated, f.reason_hint, &text);
    if stated.is_some() {
        return (stated, Some("stated"), reason);
    }
    let basic = f
        .diagnostic
        .as_deref()
        .and_then(find_basic)
        .or_else(|| find_basic(&f.context));
    let class = basic
        .map(|b| (b / 100) as u8)
        .or_else(|| (f.action.as_deref() == Some("delayed")).then_some(4))
        .unwrap_or(5);
    if let Some(d) = reason::derived_status(reason, class) {
        return (Some(d), Some("derived"), reason);
    }
    match basic {
        Some(b) => (Some(((b / 100) as u8, 0, 0)), Some("reply-code"), reason),
        None => (None, None, reason),
    }
}

fn recipient_of(f: &Found) -> Option<Recipient> {
    let skip = |a: &str| matches!(a, "delivered" | "relayed" | "expanded");
    if f.action.as_deref().is_some_and(skip) {
        return None;
    }
    if f.field_status.is_some_and(|c| c.0 == 2) {
        return None;
    }
    let (status, source, reason) = decide(f);
    let action = f.action.clone().or_else(|| {
        Some(match status {
            Some((4, _, _)) => "delayed".into(),
            _ => "failed".into(),
        })
    });
    let domain = f.recipient.rsplit_once('@').map(|(_, d)| d.to_string());
    let explanation = status.map(|(c, s, d)| {
        let basic = f
            .diagnostic
            .as_deref()
            .and_then(find_basic)
            .filter(|b| b / 100 == c as u16);
        explain_status(c, s, d, basic, domain.as_deref())
    });
    Some(Recipient {
        recipient: f.recipient.clone(),
        original_recipient: f.original.clone(),
        action,
        status: status.map(fmt_code),
        status_source: source,
        reason,
        remote_mta: f.remote_mta.clone(),
        diagnostic_code: f.diagnostic.clone(),
        explanation,
    })
}

/// Fill what the delivery-status part leaves out from the text reading of
/// the same recipient (never its Status field).
fn merge(base: &mut [Found], text: &[Found]) {
    for b in base.iter_mut() {
        let same = |t: &&Found| {
            t.recipient.eq_ignore_ascii_case(&b.recipient)
                || b.original
                    .as_deref()
                    .is_some_and(|o| t.recipient.eq_ignore_ascii_case(o))
        };
        let t = text.iter().find(same).or_else(|| {
            // One recipient on each side: the same one, however written.
            (base_len_one(text) && b.diagnostic.is_none()).then(|| &text[0])
        });
        if let Some(t) = t {
            b.remote_mta = b.remote_mta.take().or_else(|| t.remote_mta.clone());
            b.diagnostic = b.diagnostic.take().or_else(|| t.diagnostic.clone());
            b.original = b.original.take().or_else(|| t.original.clone());
            b.reason_hint = b.reason_hint.or(t.reason_hint);
            b.context.push_str(&t.context);
        }
    }
}

fn base_len_one(v: &[Found]) -> bool {
    v.len() == 1
}

/// The delivery-status text of a message: its `message/delivery-status`
/// parts, else fields pasted into the text.
fn delivery_status(message: &mail_parser::Message<'_>, v: &View) -> dsn::Dsn {
    let mut all = String::new();
    for part in &message.parts {
        let is_dsn = part.content_type().is_some_and(|ct| {
            ct.ctype().eq_ignore_ascii_case("message")
                && ct.subtype().is_some_and(|s| {
                    s.eq_ignore_ascii_case("delivery-status")
                        || s.eq_ignore_ascii_case("global-delivery-status")
                })
        });
        if is_dsn {
            all.push_str(&String::from_utf8_lossy(part.contents()));
            all.push_str("\n\n");
        }
    }
    let d = dsn::read(&all);
    if d.seen {
        return d;
    }
    pasted_dsn(&v.text)
}

fn pasted_dsn(text: &str) -> dsn::Dsn {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?mi)^(?:Reporting-MTA|Final-Recipient|Original-Recipient):",
    );
    match r.find(text) {
        Some(m) => {
            let d = dsn::read(&text[m.start()..]);
            if d.recipients.is_empty() {
                dsn::Dsn::default()
            } else {
                d
            }
        }
        None => dsn::Dsn::default(),
    }
}

/// Addresses a generic reading must not claim: the bounce's own sender and
/// receiver, and mail-system mailboxes.
fn foreign(v: &View, addr: &str) -> bool {
    static DAEMON: OnceLock<Regex> = OnceLock::new();
    let daemon = re(
        &DAEMON,
        r"(?i)^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon|double-bounce|nobody|root|noreply|no-reply|bounces?)@",
    );
    if daemon.is_match(addr) {
        return true;
    }
    let own = |h: &str| {
        v.header_all(h).any(|x| {
            codes::addresses(x)
                .iter()
                .any(|a| a.eq_ignore_ascii_case(addr))
        })
    };
    own("to") || own("from") || own("reply-to")
}

/// Read a bounce message.
pub fn parse(raw: &[u8]) -> Result<Report, NotABounce> {
    let message = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| NotABounce::new("not-mail"))?;
    let v = View::new(&message);
    if is_feedback_report(&message, &v) {
        return Err(NotABounce::new("feedback-report"));
    }
    let d = delivery_status(&message, &v);

    // The generator: the first whose signature matches and whose reader finds
    // recipients (a match that finds none still names the generator).
    let mut mta: Option<&'static str> = None;
    let mut reading = lhost::Reading::default();
    let mut source = "text";
    for l in lhost::all() {
        if !l.matches(&v) {
            continue;
        }
        mta.get_or_insert(l.name);
        if l.rules.reader == Some("ses") {
            match lhost::ses::read(&v.text) {
                Some(lhost::ses::Notification::Bounce {
                    reporting_mta,
                    recipients,
                }) if !recipients.is_empty() => {
                    mta = Some(l.name);
                    reading = lhost::Reading {
                        recipients,
                        reporting_mta,
                    };
                    source = "json";
                    break;
                }
                Some(lhost::ses::Notification::Complaint) => {
                    return Err(NotABounce::new("feedback-report"))
                }
                Some(lhost::ses::Notification::Delivery) => {
                    return Err(NotABounce::new("delivery-notification"))
                }
                _ => {}
            }
        }
        let r = lhost::read(&l.rules, &v.text);
        if !r.recipients.is_empty() {
            mta = Some(l.name);
            reading = r;
            break;
        }
    }

    let mut found: Vec<Found>;
    if !d.recipients.is_empty() && source != "json" {
        found = d.recipients.clone();
        merge(&mut found, &reading.recipients);
        source = "delivery-status";
    } else if !reading.recipients.is_empty() {
        found = reading.recipients.clone();
    } else if looks_like_bounce(&v) && !is_auto_reply(&v) {
        // A bounce from a generator not recognised: the generic rules.
        let r = lhost::read(lhost::generic(), &v.text);
        reading.reporting_mta = reading.reporting_mta.or(r.reporting_mta);
        found = r
            .recipients
            .into_iter()
            .filter(|f| !foreign(&v, &f.recipient))
            .collect();
        // Exim's X-Failed-Recipients names them even when the text does not.
        let named: Vec<String> = v
            .header_all("x-failed-recipients")
            .flat_map(codes::addresses)
            .collect();
        let whole = region_before_original(&v.text);
        for a in named {
            if !found.iter().any(|f| f.recipient.eq_ignore_ascii_case(&a)) {
                found.push(Found {
                    recipient: a,
                    diagnostic: lhost::diagnostic_in(whole),
                    remote_mta: None,
                    context: whole.to_string(),
                    ..Found::default()
                });
            }
        }
    } else {
        found = vec![];
    }

    let recipients: Vec<Recipient> = found.iter().filter_map(recipient_of).collect();
    if recipients.is_empty() && !d.seen {
        if is_auto_reply(&v) {
            return Err(NotABounce::new("auto-reply"));
        }
        return Err(NotABounce::new("not-a-bounce"));
    }
    let mta = match (mta, source) {
        (Some(m), _) => m.to_string(),
        (None, "delivery-status") => "RFC3464".into(),
        _ => "unknown".into(),
    };
    Ok(Report {
        mta,
        reporting_mta: d.reporting_mta.or(reading.reporting_mta),
        arrival_date: d.arrival_date,
        source,
        recipients,
    })
}

/// The text up to where the returned message begins.
fn region_before_original(text: &str) -> &str {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?mi)^(?:-+\s*(?:Original message|Below this line|This is a copy|Unsent message|Returned message|The header of the original)|Original message headers|Received: )",
    );
    match r.find(text) {
        Some(m) => &text[..m.start()],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(field: Option<Enhanced>, diag: &str, ctx: &str) -> Found {
        Found {
            recipient: "a@b.example".into(),
            field_status: field,
            diagnostic: (!diag.is_empty()).then(|| diag.to_string()),
            context: ctx.into(),
            ..Found::default()
        }
    }

    #[test]
    fn a_full_code_in_the_text_beats_x_0_0() {
        let (s, src, r) = decide(&found(
            Some((5, 0, 0)),
            "550 5.1.1 <a@b.example>... User unknown",
            "",
        ));
        assert_eq!(
            (s, src, r),
            (Some((5, 1, 1)), Some("stated"), "userunknown")
        );
        let (s, src, _) = decide(&found(Some((4, 4, 7)), "421 4.4.2 lost connection", ""));
        assert_eq!((s, src), (Some((4, 4, 7)), Some("stated")));
    }

    #[test]
    fn without_a_code_the_reason_then_the_reply_code() {
        let (s, src, r) = decide(&found(None, "550 sorry, no mailbox here by that name", ""));
        assert_eq!(
            (s, src, r),
            (Some((5, 1, 1)), Some("derived"), "userunknown")
        );
        let (s, src, r) = decide(&found(None, "452 try later please", ""));
        assert_eq!(
            (s, src, r),
            (Some((4, 0, 0)), Some("reply-code"), "undefined")
        );
        let (s, src, _) = decide(&found(None, "", "As their mailbox is full."));
        assert_eq!((s, src), (Some((5, 2, 2)), Some("derived")));
        assert_eq!(decide(&found(None, "", "hello")).0, None);
    }

    #[test]
    fn every_text_id_used_exists() {
        for k in ["feedback-report", "auto-reply", "not-a-bounce", "not-mail"] {
            assert!(!NotABounce::new(k).message.is_empty(), "{k}");
        }
        assert!(!text("label.recipient").is_empty());
    }
}
