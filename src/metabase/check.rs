//! `check`: every problem in a metabase, not only the first. Pure: the text
//! is given, nothing touches the disk.
//!
//! Errors are what keeps IIS from loading the file: XML that is not
//! well-formed (the scanner's rules, [`super::validate`]) and what a metabase
//! must be (keys with one Location each, Custom elements with a numeric ID, a
//! known Type and a value of that type, one setting per property and key).
//! Warnings are what IIS loads but an administrator should know: Custom IDs
//! out of order, a SmtpUseTcpDns value KB 820284 does not define,
//! EnableEditWhileRunning off, an unknown namespace or flag name.

use std::collections::HashMap;

use super::plan::{parse_dword, SMTP_USE_TCP_DNS};
use super::scan::{same_location, scan_all, Scan, Span};
use super::text::Document;
use super::validate::{self, Problem};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One finding: a problem with its severity, at a byte offset of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    pub problem: Problem,
}

/// The namespace IIS 6 writes on `<configuration>`.
pub const METABASE_NAMESPACE: &str = "urn:microsoft-catalog:XML_Metabase_V64_0";

// The names IIS knows come from the catalogue's module (one list each).
use super::catalog::{ValueType, ATTRIBUTES as ATTRIBUTE_FLAGS, USER_TYPES};

/// Check a decoded metabase: every finding, errors first within one offset,
/// sorted by offset.
pub fn check(doc: &Document<'_>) -> Vec<Finding> {
    let text: &str = &doc.text;
    let (scan, problems) = scan_all(text);
    let mut out: Vec<Finding> = problems
        .into_iter()
        .map(|problem| Finding {
            severity: Severity::Error,
            problem,
        })
        .collect();
    if let Err(p) =
        validate::check_declared_encoding(text, scan.declared_encoding.clone(), doc.encoding)
    {
        out.push(error(p));
    }
    metabase_rules(text, &scan, &mut out);
    out.sort_by_key(|f| (f.problem.offset, f.severity));
    out
}

fn error(problem: Problem) -> Finding {
    Finding {
        severity: Severity::Error,
        problem,
    }
}

fn warning(problem: Problem) -> Finding {
    Finding {
        severity: Severity::Warning,
        problem,
    }
}

fn span_len(s: &Span) -> usize {
    s.len().max(1)
}

/// The rules of a metabase, over what the scan could read.
fn metabase_rules(text: &str, scan: &Scan, out: &mut Vec<Finding>) {
    if let Some(ns) = &scan.root_namespace {
        if &text[ns.clone()] != METABASE_NAMESPACE {
            out.push(warning(Problem::new(
                ns.start,
                span_len(ns),
                "unknown-namespace",
                t!(
                    "metabase-unknown-namespace",
                    namespace = &text[ns.clone()],
                    expected = METABASE_NAMESPACE
                ),
            )));
        }
    }
    // Keys with one Location (ignoring ASCII case and a trailing slash, as
    // IIS compares paths) are found by a 32-bit hash of it, taken here where
    // each key's Location is read anyway, beside the key's index: 8 bytes a
    // key, no `String`.
    let mut hashes: Vec<u64> = Vec::with_capacity(scan.keys.len());
    for (index, key) in scan.keys.iter().enumerate() {
        let Some(loc) = key.location(text) else {
            out.push(error(Problem::new(
                key.start_tag().start,
                key.name().end - key.start_tag().start,
                "missing-location",
                t!("metabase-missing-location", element = key.element(text)),
            )));
            continue;
        };
        let hash = fnv1a_lowercase(loc.trim_end_matches('/')) >> 32;
        hashes.push(hash << 32 | index as u64);

        // Customs: ID, Type, value by type, order, duplicates.
        let mut seen_ids: HashMap<u32, usize> = HashMap::new();
        let mut prev_id: Option<u32> = None;
        for c in scan.customs_of(key) {
            let id = match (&c.id, c.id_num) {
                (Some(_), Some(id)) => id,
                (Some(s), None) => {
                    out.push(error(Problem::new(
                        s.start,
                        span_len(s),
                        "custom-without-id",
                        t!("metabase-custom-id-not-number", id = &text[s.clone()]),
                    )));
                    continue;
                }
                (None, _) => {
                    out.push(error(Problem::new(
                        c.start_tag.start,
                        7,
                        "custom-without-id",
                        t!("metabase-custom-without-id"),
                    )));
                    continue;
                }
            };
            if let Some(&first) = seen_ids.get(&id) {
                out.push(error(Problem::new(
                    c.start_tag.start,
                    7,
                    "duplicate-custom-id",
                    t!(
                        "metabase-duplicate-custom-id",
                        id = id.to_string(),
                        location = loc,
                        line = super::text::line_of(text, first)
                    ),
                )));
            } else {
                seen_ids.insert(id, c.start_tag.start);
            }
            if let Some(p) = prev_id.filter(|&p| p > id) {
                out.push(warning(Problem::new(
                    c.id.clone().expect("has an ID").start,
                    id.to_string().len(),
                    "custom-order",
                    t!(
                        "metabase-custom-order",
                        id = id.to_string(),
                        previous = p.to_string(),
                        location = loc
                    ),
                )));
            }
            prev_id = Some(prev_id.map_or(id, |p| p.max(id)));
            let kind = match &c.kind {
                // As IIS writes them: upper case exactly.
                Some(k)
                    if ValueType::ALL
                        .iter()
                        .any(|t| t.as_str() == &text[k.clone()]) =>
                {
                    Some(&text[k.clone()])
                }
                Some(k) => {
                    out.push(error(Problem::new(
                        k.start,
                        span_len(k),
                        "bad-type",
                        t!("metabase-bad-type", kind = &text[k.clone()]),
                    )));
                    None
                }
                None => {
                    out.push(error(Problem::new(
                        c.start_tag.start,
                        7,
                        "bad-type",
                        t!("metabase-missing-type", id = id.to_string()),
                    )));
                    None
                }
            };
            if let (Some(kind), Some(v)) = (kind, &c.value) {
                value_rules(text, kind, v, out);
            }
            if let Some(u) = &c.user_type {
                let ut = text[u.clone()].trim();
                if !USER_TYPES.contains(&ut) && ut.parse::<u32>().is_err() {
                    out.push(warning(Problem::new(
                        u.start,
                        span_len(u),
                        "unknown-user-type",
                        t!(
                            "metabase-unknown-user-type",
                            value = ut,
                            known = USER_TYPES.join(", ")
                        ),
                    )));
                }
            }
            if let Some(a) = &c.attributes {
                for flag in text[a.clone()].split('|').map(str::trim) {
                    if !ATTRIBUTE_FLAGS.contains(&flag) && flag.parse::<u32>().is_err() {
                        out.push(warning(Problem::new(
                            a.start,
                            span_len(a),
                            "unknown-attributes-flag",
                            t!(
                                "metabase-unknown-attributes-flag",
                                flag = flag,
                                known = ATTRIBUTE_FLAGS.join(", ")
                            ),
                        )));
                    }
                }
            }
        }

        // One property in both forms: an attribute and a Custom for it.
        for c in scan.customs_of(key) {
            let custom_name = c.name.clone().map(|n| &text[n]);
            // The Custom's own Name, and the name the catalogue gives its ID
            // (a Custom named UnknownName_36997 is SmtpUseTcpDns).
            let names = [
                custom_name,
                c.id_num.and_then(super::catalog::by_id).map(|d| d.name),
            ];
            for a in scan.attrs_of(key) {
                let an = &text[a.name()];
                if names.iter().flatten().any(|n| n.eq_ignore_ascii_case(an)) {
                    out.push(error(Problem::new(
                        a.name().start,
                        span_len(&a.name()),
                        "both-forms",
                        t!(
                            "metabase-both-forms",
                            location = loc,
                            property = an,
                            line = super::text::line_of(text, c.start_tag.start)
                        ),
                    )));
                }
            }
        }

        // SmtpUseTcpDns: only the KB's values.
        let dns = scan
            .customs_of(key)
            .iter()
            .filter(|c| c.id_num == Some(SMTP_USE_TCP_DNS.id))
            .filter_map(|c| c.value.clone())
            .chain(
                scan.attr(text, key, SMTP_USE_TCP_DNS.name)
                    .map(|a| a.value()),
            );
        for v in dns {
            if !matches!(parse_dword(&text[v.clone()]), Some(0..=2)) {
                out.push(warning(Problem::new(
                    v.start,
                    span_len(&v),
                    "unknown-dns-mode",
                    t!(
                        "metabase-unknown-dns-mode",
                        value = &text[v.clone()],
                        location = loc
                    ),
                )));
            }
        }
    }
    duplicate_locations(text, scan, hashes, out);

    // EnableEditWhileRunning on /LM.
    let lm = scan
        .keys
        .iter()
        .find(|k| k.location(text).is_some_and(|l| same_location(l, "/LM")));
    let ewr = lm.and_then(|k| scan.attr(text, k, "EnableEditWhileRunning"));
    match (lm, ewr) {
        (_, Some(a)) if text[a.value()].trim() == "1" => {}
        (_, Some(a)) => out.push(warning(Problem::new(
            a.value().start,
            span_len(&a.value()),
            "edit-while-running-off",
            t!("metabase-edit-while-running-off", value = &text[a.value()]),
        ))),
        (Some(k), None) => out.push(warning(Problem::new(
            k.start_tag().start,
            k.name().end - k.start_tag().start,
            "edit-while-running-off",
            t!("metabase-edit-while-running-unset"),
        ))),
        (None, None) if !scan.keys.is_empty() => out.push(warning(Problem::new(
            0,
            1,
            "edit-while-running-off",
            t!("metabase-no-lm-key"),
        ))),
        (None, None) => {}
    }
}

/// A finding for every key whose Location repeats an earlier key's, naming
/// the first. `hashes`: the hash of the Location (high 32 bits) and the key
/// index (low 32) of every key with one; sorted here, equal hashes side by
/// side, and only there are the texts compared (two paths with one hash are
/// told apart).
fn duplicate_locations(text: &str, scan: &Scan, mut hashes: Vec<u64>, out: &mut Vec<Finding>) {
    let index = |h: u64| (h & 0xffff_ffff) as usize;
    let path = |h: u64| {
        scan.keys[index(h)]
            .location(text)
            .map(|l| l.trim_end_matches('/'))
            .unwrap_or_default()
    };
    // By hash, then in document order within one hash.
    hashes.sort_unstable();
    for group in hashes
        .chunk_by(|a, b| a >> 32 == b >> 32)
        .filter(|g| g.len() > 1)
    {
        for (j, &h) in group.iter().enumerate().skip(1) {
            let this = path(h);
            let Some(&first) = group[..j]
                .iter()
                .find(|&&f| path(f).eq_ignore_ascii_case(this))
            else {
                continue;
            };
            let (i, first) = (index(h), index(first));
            let key = &scan.keys[i];
            let l = key.location_span().expect("has a location");
            out.push(error(Problem::new(
                l.start,
                span_len(&l),
                "duplicate-location",
                t!(
                    "metabase-duplicate-location",
                    location = &text[l.clone()],
                    line = super::text::line_of(text, scan.keys[first].start_tag().start)
                ),
            )));
        }
    }
}

/// FNV-1a over the ASCII-lowercased bytes.
fn fnv1a_lowercase(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A Custom value against its Type.
fn value_rules(text: &str, kind: &str, v: &Span, out: &mut Vec<Finding>) {
    let raw = &text[v.clone()];
    match kind {
        "DWORD" => {
            // A number (decimal, 0x hex, or a negative 32-bit one as IIS may
            // write), or flag names joined by `|` as IIS writes flag DWORDs
            // (Value="AuthBasic | AuthNTLM").
            let t = raw.trim();
            let number = parse_dword(t).is_some() || t.parse::<i32>().is_ok_and(|n| n < 0);
            let flags = !t.is_empty()
                && t.split('|').map(str::trim).all(|f| {
                    f.bytes()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphabetic() || c == b'_')
                        && f.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_')
                });
            if !number && !flags {
                out.push(error(Problem::new(
                    v.start,
                    span_len(v),
                    "bad-dword",
                    t!("metabase-bad-dword", value = raw),
                )));
            }
        }
        "BINARY" => {
            let t = raw.trim();
            if !t.len().is_multiple_of(2) || !t.bytes().all(|c| c.is_ascii_hexdigit()) {
                out.push(error(Problem::new(
                    v.start,
                    span_len(v),
                    "bad-binary",
                    t!("metabase-bad-binary", value = shorten(raw)),
                )));
            }
        }
        _ => {}
    }
}

fn shorten(s: &str) -> String {
    if s.chars().count() > 40 {
        format!("{}...", s.chars().take(40).collect::<String>())
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<(&'static str, Severity)> {
        let doc = Document::decode(text.as_bytes()).unwrap();
        check(&doc)
            .into_iter()
            .map(|f| (f.problem.code, f.severity))
            .collect()
    }

    const HEAD: &str = "<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n<IIsComputer\tLocation =\"/LM\"\r\n\t\tEnableEditWhileRunning=\"1\"\r\n\t>\r\n</IIsComputer>\r\n";
    const TAIL: &str = "</MBProperty>\r\n</configuration>\r\n";

    fn doc(keys: &str) -> String {
        format!("{HEAD}{keys}{TAIL}")
    }

    #[test]
    fn a_good_metabase_has_no_findings() {
        let t = doc("<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\r\n\t>\r\n\t<Custom Name=\"A\" ID=\"6000\" Value=\"AuthBasic | AuthNTLM\" Type=\"DWORD\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT\"/>\r\n\t<Custom Name=\"B\" ID=\"6001\" Value=\"0a0B\" Type=\"BINARY\" UserType=\"IIS_MD_UT_SERVER\" Attributes=\"INHERIT | SECURE\"/>\r\n</IIsSmtpService>\r\n");
        assert_eq!(codes(&t), []);
    }

    #[test]
    fn metabase_rules() {
        use Severity::*;
        let t = doc("<IIsSmtpService\tLocation =\"/LM/SmtpSvc\" SmtpUseTcpDns=\"2\"\r\n\t>\r\n\t<Custom Name=\"B\" ID=\"7\" Value=\"12x\" Type=\"DWORD\" UserType=\"X\" Attributes=\"INHERIT | ODD\"/>\r\n\t<Custom Name=\"A\" ID=\"6\" Value=\"abc\" Type=\"BINARY\"/>\r\n\t<Custom Name=\"A\" ID=\"6\" Value=\"1\" Type=\"WORD\"/>\r\n\t<Custom Name=\"UnknownName_36997\" ID=\"36997\" Value=\"7\" Type=\"DWORD\"/>\r\n\t<Custom Name=\"N\" ID=\"x\" Value=\"1\" Type=\"DWORD\"/>\r\n</IIsSmtpService>\r\n<IIsSmtpServer Location=\"/lm/smtpsvc/\"/>\r\n<IIsConfigObject/>\r\n");
        assert_eq!(
            codes(&t),
            [
                ("both-forms", Error),
                ("bad-dword", Error),
                ("unknown-user-type", Warning),
                ("unknown-attributes-flag", Warning),
                ("custom-order", Warning),
                ("bad-binary", Error),
                ("duplicate-custom-id", Error),
                ("custom-order", Warning),
                ("bad-type", Error),
                ("unknown-dns-mode", Warning),
                ("custom-without-id", Error),
                ("duplicate-location", Error),
                ("missing-location", Error),
            ]
        );
    }

    /// Keys with these Locations after HEAD (lines 8 on): the duplicate-location
    /// findings, as (line, message).
    fn duplicate_findings(element: &str, locations: &[&str]) -> Vec<(usize, String)> {
        let keys: String = locations
            .iter()
            .map(|l| format!("<{element} Location=\"{l}\"/>\r\n"))
            .collect();
        let t = doc(&keys);
        let d = Document::decode(t.as_bytes()).unwrap();
        check(&d)
            .into_iter()
            .map(|f| {
                assert_eq!(f.problem.code, "duplicate-location");
                let (line, _) = super::super::text::line_col(&t, f.problem.offset);
                (line, f.problem.message)
            })
            .collect()
    }

    #[test]
    fn duplicate_locations_name_the_first_key() {
        let found = duplicate_findings(
            "IIsConfigObject",
            &[
                "/LM/A", "/LM/b", "/lm/a/", "/LM/B", "/LM/c", "/LM/A", "/LM/AB",
            ],
        );
        // HEAD holds lines 1-7; the keys are on lines 8-14.
        assert_eq!(found.len(), 3, "{found:?}");
        for ((line, message), (want_line, first)) in found.iter().zip([(10, 8), (11, 9), (13, 8)]) {
            assert_eq!(*line, want_line);
            assert!(message.contains(&format!("line {first}")), "{message}");
        }
    }

    #[test]
    fn two_locations_with_one_hash_are_told_apart() {
        // These two share the 32 bits of hash duplicate_locations sorts by.
        let (a, b) = ("/LM/W3SVC/463618", "/LM/W3SVC/902878");
        assert_eq!(fnv1a_lowercase(a) >> 32, fnv1a_lowercase(b) >> 32);
        let found = duplicate_findings("IIsWebServer", &[a, b, "/LM/W3SVC/463618/"]);
        // Only the third key (line 10) repeats one: the first (line 8).
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 10);
        assert!(found[0].1.contains("line 8"), "{}", found[0].1);
    }

    #[test]
    fn both_forms_by_the_catalogues_name() {
        // ConnectionTimeout is ID 1013 in the catalogue: an attribute and a
        // Custom named UnknownName_1013 on one key are the same property.
        let t = doc("<IIsSmtpService\tLocation =\"/LM/SmtpSvc\" ConnectionTimeout=\"600\"\r\n\t>\r\n\t<Custom Name=\"UnknownName_1013\" ID=\"1013\" Value=\"900\" Type=\"DWORD\"/>\r\n</IIsSmtpService>\r\n");
        assert_eq!(codes(&t), [("both-forms", Severity::Error)]);
    }

    #[test]
    fn xml_problems_and_warnings_together() {
        let t = doc("<IIsSmtpService\tLocation =\"/LM/SmtpSvc&nbsp;\"/>\r\n")
            .replace(
                "EnableEditWhileRunning=\"1\"",
                "EnableEditWhileRunning=\"0\"",
            )
            .replace("XML_Metabase_V64_0", "other");
        let c = codes(&t);
        assert_eq!(
            c,
            [
                ("unknown-namespace", Severity::Warning),
                ("edit-while-running-off", Severity::Warning),
                ("undefined-entity", Severity::Error)
            ]
        );
    }
}
