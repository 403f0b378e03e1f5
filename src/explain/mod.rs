//! Status codes and non-delivery reports: what they mean and what to do.
//!
//! * [`status`]: the complete registries (enhanced codes, basic reply codes);
//! * [`advice`]: likely causes and fixes for the common codes;
//! * [`ndr`]: reading a bounce like a bounce analyser (generator signatures,
//!   per-generator rules in data tables, RFC 3464 parts, the status rule).

pub mod advice;
pub mod ndr;
pub mod status;

use serde::Serialize;

/// What a status code means and what to do about it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    pub code: String,
    pub class: Option<u8>,
    pub class_text: Option<String>,
    pub subject_text: Option<String>,
    pub detail_text: Option<String>,
    pub basic_code: Option<u16>,
    pub basic_text: Option<String>,
    pub causes: Vec<String>,
    pub fixes: Vec<String>,
    pub next_steps: Vec<String>,
}

/// A code as the user typed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Enhanced {
        class: u8,
        subject: u16,
        detail: u16,
        basic: Option<u16>,
    },
    Basic(u16),
    /// SMTPSVC event 4000's data `c00402e7`.
    EventDns,
}

pub const VALID_FORMS: &str = "an enhanced status code such as 5.4.4 or 4.4.7 (class 2, 4 or 5 . subject 0-7 . detail), a reply code such as 550, both as \"550 5.1.1\", or event data c00402e7";

/// Parse `5.4.4`, `550`, `550 5.1.1`, `#550 5.1.1`, `550-5.1.1`, `c00402e7`, `0xC00402E7`.
pub fn parse_code(input: &str) -> Result<Code, String> {
    let s = input
        .trim()
        .trim_start_matches('#')
        .trim()
        .trim_end_matches(['.', ',', ';']);
    let lower = s.to_ascii_lowercase();
    let hex = lower
        .trim_start_matches("0000:")
        .trim()
        .trim_start_matches("0x");
    if hex == "c00402e7" {
        return Ok(Code::EventDns);
    }
    let bad = || format!("'{input}' is not a status code: give {VALID_FORMS}");
    let enhanced = |t: &str| -> Option<(u8, u16, u16)> {
        let mut p = t.split('.');
        let (c, su, d) = (p.next()?, p.next()?, p.next()?);
        if p.next().is_some()
            || c.len() != 1
            || su.is_empty()
            || su.len() > 3
            || d.is_empty()
            || d.len() > 3
        {
            return None;
        }
        let class: u8 = c.parse().ok()?;
        Some((class, su.parse().ok()?, d.parse().ok()?))
    };
    let basic = |t: &str| -> Option<u16> {
        (t.len() == 3 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let code = match words.as_slice() {
        [one] => match (enhanced(one), basic(one)) {
            (Some((class, subject, detail)), _) => Code::Enhanced {
                class,
                subject,
                detail,
                basic: None,
            },
            (None, Some(b)) => Code::Basic(b),
            _ => return Err(bad()),
        },
        [b, e] => match (basic(b), enhanced(e)) {
            (Some(b), Some((class, subject, detail))) => Code::Enhanced {
                class,
                subject,
                detail,
                basic: Some(b),
            },
            _ => return Err(bad()),
        },
        _ => return Err(bad()),
    };
    match code {
        Code::Enhanced {
            class,
            subject,
            detail,
            basic,
        } => {
            if status::class_text(class).is_none() {
                return Err(format!("'{input}': the class (first digit) of an enhanced status code is 2, 4 or 5; give {VALID_FORMS}"));
            }
            if status::detail(subject, detail).is_none() {
                return Err(format!(
                    "'{input}': {class}.{subject}.{detail} is not in the IANA registry of enhanced status codes; give {VALID_FORMS}"
                ));
            }
            if let Some(b) = basic {
                if b / 100 != class as u16 {
                    return Err(format!("'{input}': the reply code {b} and the enhanced code {class}.{subject}.{detail} disagree on the class"));
                }
            }
        }
        Code::Basic(b) if status::basic_text(b).is_none() => {
            return Err(format!(
                "'{input}': {b} is not an SMTP reply code (RFC 5321); give {VALID_FORMS}"
            ));
        }
        _ => {}
    }
    Ok(code)
}

fn dns_steps(domain: Option<&str>) -> Vec<String> {
    let d = domain.unwrap_or("<domain>");
    vec![
        format!("run `metabase-fix diagnose dns {d}` to see whether the DNS server truncates the MX answer over UDP and refuses TCP"),
        "then `metabase-fix set-dns-mode` with the value it recommends (2 for KB 820284, 1 for KB 263237), and restart the SMTP service".into(),
    ]
}

/// Explain an enhanced code. Details outside the registry (vendor codes such as
/// 5.7.606) are explained by their class and subject.
pub fn explain_status(
    class: u8,
    subject: u16,
    detail: u16,
    basic: Option<u16>,
    domain: Option<&str>,
) -> Explanation {
    let advice = advice::advice(class, subject, detail);
    let mut next_steps = Vec::new();
    if advice::dns_related(class, subject, detail) {
        next_steps = dns_steps(domain);
    }
    Explanation {
        code: format!("{class}.{subject}.{detail}"),
        class: Some(class),
        class_text: status::class_text(class).map(String::from),
        subject_text: status::subject_text(subject).map(String::from),
        detail_text: status::detail(subject, detail)
            .map(|d| d.0.to_string())
            .or_else(|| {
                Some(format!(
                    "{} (detail {detail} is not in the IANA registry: a vendor's own code)",
                    status::detail(subject, 0).map_or("unknown", |d| d.0)
                ))
            }),
        basic_code: basic,
        basic_text: basic.and_then(status::basic_text).map(String::from),
        causes: advice
            .map(|a| a.causes.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        fixes: advice
            .map(|a| a.fixes.iter().map(|s| s.to_string()).collect())
            .unwrap_or_default(),
        next_steps,
    }
}

/// Explain what the user typed.
pub fn explain_code(input: &str, domain: Option<&str>) -> Result<Explanation, String> {
    Ok(match parse_code(input)? {
        Code::Enhanced { class, subject, detail, basic } => explain_status(class, subject, detail, basic, domain),
        Code::Basic(b) => {
            let class = (b / 100) as u8;
            Explanation {
                code: b.to_string(),
                class: Some(class),
                class_text: status::class_text(class).map(String::from),
                subject_text: None,
                detail_text: None,
                basic_code: Some(b),
                basic_text: status::basic_text(b).map(String::from),
                causes: vec![],
                fixes: vec!["the text after the code, and the enhanced status code (X.Y.Z) when the server gives one, say more: `metabase-fix explain \"550 5.1.1\"`".into()],
                next_steps: vec![],
            }
        }
        Code::EventDns => Explanation {
            code: "c00402e7".into(),
            class: None,
            class_text: Some("SMTPSVC event 4000 data (IIS 6 / Exchange 2003)".into()),
            subject_text: Some("DNS".into()),
            detail_text: Some("internal DNS error: the SMTP service could not find the remote domain's mail servers".into()),
            basic_code: None,
            basic_text: None,
            causes: vec![
                "the DNS server answers UDP only and refuses TCP".into(),
                "the MX answer for the domain is too big for one UDP datagram, so it comes back truncated (TC bit)".into(),
                "the SMTP service is set to UDP first with TCP on truncation (SmtpUseTcpDns 0 or unset): it drops the truncated answer, retries over TCP, and fails (KB 820284)".into(),
                "or the mirror case: the DNS server answers TCP only (KB 263237)".into(),
            ],
            fixes: vec![
                "SmtpUseTcpDns = 2 (UDP only: use the truncated answer) at /LM/SmtpSvc for KB 820284; 1 (TCP only) for KB 263237".into(),
                "or let the DNS server answer over TCP".into(),
            ],
            next_steps: dns_steps(domain),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        let e = |c, s, d, b| Code::Enhanced {
            class: c,
            subject: s,
            detail: d,
            basic: b,
        };
        assert_eq!(parse_code("5.4.4"), Ok(e(5, 4, 4, None)));
        assert_eq!(parse_code("550 5.1.1"), Ok(e(5, 1, 1, Some(550))));
        assert_eq!(parse_code("#550 5.1.1"), Ok(e(5, 1, 1, Some(550))));
        assert_eq!(parse_code("550-5.1.1"), Ok(e(5, 1, 1, Some(550))));
        assert_eq!(parse_code("550"), Ok(Code::Basic(550)));
        assert_eq!(parse_code("C00402E7"), Ok(Code::EventDns));
        assert_eq!(parse_code("0000: c00402e7"), Ok(Code::EventDns));
        for bad in [
            "",
            "5.4",
            "3.1.1",
            "5.8.1",
            "5.1.99",
            "999",
            "abc",
            "450 5.1.1",
            "5.1.1.1",
            "5.1.1 550",
        ] {
            assert!(parse_code(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dns_codes_lead_to_diagnose() {
        for c in ["4.4.7", "5.4.4", "4.4.1", "c00402e7"] {
            let x = explain_code(c, Some("contoso.com")).unwrap();
            assert!(
                x.next_steps[0].contains("metabase-fix diagnose dns contoso.com"),
                "{c}"
            );
        }
        assert!(explain_code("5.1.1", None).unwrap().next_steps.is_empty());
        let v = explain_status(5, 7, 606, Some(550), None);
        assert!(v.detail_text.unwrap().contains("vendor"));
    }
}
