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

use crate::t;

/// What a valid code looks like, in the current language.
pub fn valid_forms() -> String {
    t!("explain-valid-forms")
}

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
    let bad = || t!("explain-not-a-code", input = input, forms = valid_forms());
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
                return Err(t!(
                    "explain-bad-class",
                    input = input,
                    forms = valid_forms()
                ));
            }
            if status::detail(subject, detail).is_none() {
                return Err(t!(
                    "explain-not-in-registry",
                    input = input,
                    code = format!("{class}.{subject}.{detail}"),
                    forms = valid_forms()
                ));
            }
            if let Some(b) = basic {
                if b / 100 != class as u16 {
                    return Err(t!(
                        "explain-classes-disagree",
                        input = input,
                        basic = b,
                        code = format!("{class}.{subject}.{detail}")
                    ));
                }
            }
        }
        Code::Basic(b) if status::basic_text(b).is_none() => {
            return Err(t!(
                "explain-not-a-reply-code",
                input = input,
                basic = b,
                forms = valid_forms()
            ));
        }
        _ => {}
    }
    Ok(code)
}

fn dns_steps(domain: Option<&str>) -> Vec<String> {
    let d = domain.unwrap_or("<domain>");
    vec![
        t!("explain-step-diagnose", domain = d),
        t!("explain-step-set-dns-mode"),
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
    let (causes, fixes) = advice::advice_texts(class, subject, detail).unwrap_or_default();
    let mut next_steps = Vec::new();
    if advice::dns_related(class, subject, detail) {
        next_steps = dns_steps(domain);
    }
    Explanation {
        code: format!("{class}.{subject}.{detail}"),
        class: Some(class),
        class_text: status::class_text_tr(class),
        subject_text: status::subject_text_tr(subject),
        detail_text: status::detail_text_tr(subject, detail).or_else(|| {
            Some(t!(
                "explain-vendor-detail",
                text = status::detail_text_tr(subject, 0).unwrap_or_else(|| t!("explain-unknown")),
                detail = detail
            ))
        }),
        basic_code: basic,
        basic_text: basic.and_then(status::basic_text_tr),
        causes,
        fixes,
        next_steps,
    }
}

/// Explain what the user typed.
pub fn explain_code(input: &str, domain: Option<&str>) -> Result<Explanation, String> {
    Ok(match parse_code(input)? {
        Code::Enhanced {
            class,
            subject,
            detail,
            basic,
        } => explain_status(class, subject, detail, basic, domain),
        Code::Basic(b) => {
            let class = (b / 100) as u8;
            Explanation {
                code: b.to_string(),
                class: Some(class),
                class_text: status::class_text_tr(class),
                subject_text: None,
                detail_text: None,
                basic_code: Some(b),
                basic_text: status::basic_text_tr(b),
                causes: vec![],
                fixes: vec![t!("explain-basic-fix")],
                next_steps: vec![],
            }
        }
        Code::EventDns => Explanation {
            code: "c00402e7".into(),
            class: None,
            class_text: Some(t!("event-class")),
            subject_text: Some(t!("event-subject")),
            detail_text: Some(t!("event-detail")),
            basic_code: None,
            basic_text: None,
            causes: (1..=4)
                .map(|n| crate::i18n::tr(&format!("event-cause-{n}"), &[]))
                .collect(),
            fixes: (1..=2)
                .map(|n| crate::i18n::tr(&format!("event-fix-{n}"), &[]))
                .collect(),
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
