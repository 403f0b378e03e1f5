//! The generators ("lhosts", as bounce analysers call them): each is found by
//! its signature (`signatures.tsv`) and read by its rules (`lhosts.tsv`) with
//! the one table reader below, or by a small module of its own where the
//! format is not lines of text (Amazon SES's JSON: [`ses`]). A new generator
//! is new rows in the two tables and a new fixture; no code changes.

pub mod ses;

use std::sync::OnceLock;

use regex::Regex;

use super::codes::{self, best_enhanced, find_basic, sweep, DOMAIN, LOCAL};
use super::{Found, View};

const SIGNATURES: &str = include_str!("../signatures.tsv");
const RULES: &str = include_str!("../lhosts.tsv");

/// Where a signature looks.
#[derive(Debug)]
enum Field {
    From,
    Subject,
    Received,
    MessageId,
    ContentType,
    Body,
    Header(&'static str),
}

#[derive(Debug)]
struct Signature {
    field: Field,
    pattern: Option<Regex>,
    weight: u8,
}

/// How a generator's text is read.
#[derive(Debug, Default)]
pub struct Rules {
    pub reader: Option<&'static str>,
    start: Vec<Regex>,
    stop: Vec<Regex>,
    rcpt: Vec<Regex>,
    original: Vec<Regex>,
    remote: Vec<Regex>,
    reporting: Vec<Regex>,
    reasons: Vec<(&'static str, Regex)>,
}

#[derive(Debug)]
pub struct Lhost {
    pub name: &'static str,
    signatures: Vec<Signature>,
    pub rules: Rules,
}

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').map(str::trim).collect())
}

fn compile(pattern: &str) -> Regex {
    let p = pattern.replace("{A}", &format!("{LOCAL}@{DOMAIN}"));
    Regex::new(&format!("(?mi){p}"))
        .unwrap_or_else(|e| panic!("lhosts.tsv/signatures.tsv pattern {pattern:?}: {e}"))
}

fn load_rules(name: &str) -> Rules {
    let mut r = Rules::default();
    for row in rows(RULES).filter(|row| row[0] == name) {
        let (rule, pattern) = (row[1], row.get(2).copied().unwrap_or_default());
        match rule {
            "reader" => r.reader = Some(pattern),
            "start" => r.start.push(compile(pattern)),
            "stop" => r.stop.push(compile(pattern)),
            "rcpt" => r.rcpt.push(compile(pattern)),
            "original" => r.original.push(compile(pattern)),
            "remote" => r.remote.push(compile(pattern)),
            "reporting" => r.reporting.push(compile(pattern)),
            other => match other.strip_prefix("reason:") {
                Some(reason) => r.reasons.push((reason, compile(pattern))),
                None => panic!("lhosts.tsv: unknown rule {other:?}"),
            },
        }
    }
    r
}

/// Every generator, in the order of `signatures.tsv`.
pub fn all() -> &'static [Lhost] {
    static ALL: OnceLock<Vec<Lhost>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut out: Vec<Lhost> = vec![];
        for row in rows(SIGNATURES) {
            let (name, field, pattern, weight) = (row[0], row[1], row[2], row[3]);
            let field = match field {
                "from" => Field::From,
                "subject" => Field::Subject,
                "received" => Field::Received,
                "message-id" => Field::MessageId,
                "content-type" => Field::ContentType,
                "body" => Field::Body,
                h => Field::Header(
                    h.strip_prefix("header:")
                        .unwrap_or_else(|| panic!("signatures.tsv: unknown field {h:?}")),
                ),
            };
            let sig = Signature {
                field,
                pattern: (!pattern.is_empty()).then(|| compile(pattern)),
                weight: weight.parse().expect("signatures.tsv: a weight"),
            };
            match out.iter_mut().find(|l| l.name == name) {
                Some(l) => l.signatures.push(sig),
                None => out.push(Lhost {
                    name,
                    signatures: vec![sig],
                    rules: load_rules(name),
                }),
            }
        }
        out
    })
}

/// The rules every generator shares (`*`).
pub fn common() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| load_rules("*"))
}

/// The rules for bounces from generators not recognised (`?`).
pub fn generic() -> &'static Rules {
    static R: OnceLock<Rules> = OnceLock::new();
    R.get_or_init(|| load_rules("?"))
}

impl Lhost {
    /// The signature test: does this message come from this generator?
    pub fn matches(&self, v: &View) -> bool {
        let mut score = 0u8;
        for s in &self.signatures {
            let hit = |text: &str| s.pattern.as_ref().is_none_or(|p| p.is_match(text));
            let ok = match &s.field {
                Field::From => hit(&v.from),
                Field::Subject => hit(&v.subject),
                Field::Received => v.header_all("received").any(hit),
                Field::MessageId => v.header_all("message-id").any(hit),
                Field::ContentType => v.header_all("content-type").any(hit),
                Field::Body => s.pattern.as_ref().is_some_and(|p| p.is_match(&v.text)),
                Field::Header(name) => v.header_all(&name.to_ascii_lowercase()).any(hit),
            };
            if ok {
                score += s.weight;
                if score >= 2 {
                    return true;
                }
            }
        }
        false
    }
}

/// What the table reader found.
#[derive(Debug, Default)]
pub struct Reading {
    pub recipients: Vec<Found>,
    pub reporting_mta: Option<String>,
}

fn first_capture(rs: &[Regex], text: &str) -> Option<String> {
    rs.iter()
        .find_map(|r| r.captures(text).and_then(|c| c.get(1)))
        .map(|m| m.as_str().trim_end_matches('.').to_string())
}

/// The part of the text the rules read: from the first start line to the
/// first stop line after it.
fn region<'t>(rules: &Rules, text: &'t str) -> Option<&'t str> {
    let begin = if rules.start.is_empty() {
        0
    } else {
        let at = rules
            .start
            .iter()
            .filter_map(|r| r.find(text).map(|m| m.start()))
            .min()?;
        text[..at].rfind('\n').map_or(0, |n| n + 1)
    };
    let rest = &text[begin..];
    let after_first = rest.find('\n').map_or(rest.len(), |n| n + 1);
    let end = rules
        .stop
        .iter()
        .chain(common().stop.iter())
        .filter_map(|r| r.find_at(rest, after_first).map(|m| m.start()))
        .min()
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

/// Read a text with a generator's rules.
pub fn read(rules: &Rules, text: &str) -> Reading {
    let mut reading = Reading {
        reporting_mta: first_capture(&rules.reporting, text)
            .or_else(|| first_capture(&common().reporting, text)),
        ..Reading::default()
    };
    let Some(region) = region(rules, text) else {
        return reading;
    };
    let mut items: Vec<(Found, String, Option<String>)> = vec![];
    let mut cur: Option<usize> = None;
    let mut preamble = String::new();
    for line in region.lines().take(5000) {
        let line = line.trim_end_matches('\r');
        let hit = rules.rcpt.iter().find_map(|r| {
            let c = r.captures(line)?;
            let a = codes::clean_address(c.name("a").or_else(|| c.get(1))?.as_str());
            Some((
                a,
                c.name("d").map(|d| d.as_str().trim().to_string()),
                c.name("o").map(|o| codes::clean_address(o.as_str())),
            ))
        });
        if let Some((addr, diag, orig)) = hit {
            let i = match items
                .iter()
                .position(|(f, _, _)| f.recipient.eq_ignore_ascii_case(&addr))
            {
                Some(i) => i,
                None => {
                    items.push((
                        Found {
                            recipient: addr,
                            ..Found::default()
                        },
                        String::new(),
                        None,
                    ));
                    items.len() - 1
                }
            };
            if let Some(d) = diag.filter(|d| !d.is_empty()) {
                items[i].1.push_str(&d);
                items[i].1.push('\n');
                items[i].2.get_or_insert(d);
            }
            if orig.is_some() {
                items[i].0.original = orig;
            }
            cur = Some(i);
            continue;
        }
        if let (Some(i), Some(o)) = (cur, first_capture(&rules.original, line)) {
            items[i].0.original = Some(codes::clean_address(&o));
            continue;
        }
        match cur {
            Some(i) => {
                items[i].1.push_str(line);
                items[i].1.push('\n');
            }
            None => {
                preamble.push_str(line);
                preamble.push('\n');
            }
        }
    }
    for (mut found, window, same_line) in items {
        let says_something = |t: &str| {
            best_enhanced(t).is_some()
                || find_basic(t).is_some()
                || super::reason::from_text(t).is_some()
                || rules.reasons.iter().any(|(_, r)| r.is_match(t))
        };
        let context = if says_something(&window) {
            window.clone()
        } else {
            format!("{preamble}{window}")
        };
        found.diagnostic = same_line
            .filter(|d| says_something(d))
            .or_else(|| diagnostic_in(&window))
            .or_else(|| diagnostic_in(&context))
            .or_else(|| summary(&context));
        found.remote_mta = first_capture(&rules.remote, &context)
            .or_else(|| first_capture(&common().remote, &context));
        let around = format!("{preamble}{context}");
        found.reason_hint = rules
            .reasons
            .iter()
            .find(|(_, r)| r.is_match(&around))
            .map(|(reason, _)| *reason);
        found.context = context;
        reading.recipients.push(found);
    }
    reading
}

/// The line (with its continuation lines) holding the SMTP response.
pub fn diagnostic_in(window: &str) -> Option<String> {
    let lines: Vec<&str> = window.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let l = line.trim();
        if find_basic(l).is_some() || codes::find_enhanced(l).is_some() {
            let mut text = clean_response(l);
            for next in lines.iter().skip(i + 1).take(4) {
                let n = next.trim();
                if n.is_empty()
                    || find_basic(n).is_none() && !next.starts_with([' ', '\t'])
                    || n.contains("##") && text.contains("##")
                    || n.starts_with("Giving up")
                    || n.starts_with("host ") && n.contains('[')
                    || field_label(n)
                {
                    break;
                }
                text.push(' ');
                text.push_str(continuation(n));
            }
            return Some(codes::cut(&text, 1000).to_string());
        }
    }
    None
}

/// A line that starts another labelled field of a report.
fn field_label(line: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    codes::re(
        &R,
        r"(?i)^(?:Remote system|Reason|Original address|Recipient address|Diagnostic code|Remote-MTA|Status|Action|Final-Recipient|Last-Attempt-Date):",
    )
    .is_match(line)
}

/// The text of a recipient's lines, when it states no code.
fn summary(window: &str) -> Option<String> {
    let t = sweep(
        &window
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with("---") && !l.starts_with("==="))
            .take(6)
            .collect::<Vec<_>>()
            .join(" "),
    );
    (!t.is_empty()).then(|| codes::cut(&t, 500).to_string())
}

/// The SMTP response without the wrapping bounce texts put around it:
/// Exchange's `<host #5.1.1 smtp;550 ...>` and `#SMTP#`, Sendmail's `(reason: ...)`,
/// qmail's `Remote host said:`, Exchange 2007's trailing `##`.
fn clean_response(line: &str) -> String {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = codes::re(
        &R,
        r"^(?:\(reason:\s*|Remote host said:\s*|Received >>>\s*|<<<\s*|Diagnostic[- ]code:\s*(?:smtp;\s*)?|#?<?\s*[A-Za-z0-9.-]*\s*#\d\.\d{1,3}\.\d{1,3}\s*(?:smtp;\s*)?|#)",
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
    let r = codes::re(&R, r"^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3}\s+)?");
    match r.find(line) {
        Some(m) => &line[m.end()..],
        None => line,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_row_compiles_and_names_a_known_generator() {
        let names: Vec<&str> = all().iter().map(|l| l.name).collect();
        assert!(names.len() >= 40, "{names:?}");
        for row in rows(RULES) {
            assert!(
                row[0] == "*" || row[0] == "?" || names.contains(&row[0]),
                "lhosts.tsv names {:?}, which has no signature",
                row[0]
            );
        }
        assert!(!common().remote.is_empty() && !generic().rcpt.is_empty());
    }

    #[test]
    fn region_runs_from_start_to_stop() {
        let r = load_rules("qmail");
        let t = "x\nHi. This is the qmail-send program at a.example.\n<a@b.example>:\nno\n--- Below this line is a copy of the message.\n<c@d.example>:\n";
        let got = read(&r, t);
        assert_eq!(got.recipients.len(), 1);
        assert_eq!(got.reporting_mta.as_deref(), Some("a.example"));
    }
}
