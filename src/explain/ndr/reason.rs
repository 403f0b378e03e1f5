//! The reason a recipient failed, as bounce analysers classify them
//! (`reasons.tsv`), from the status (`status-reasons.tsv`) and the text
//! (`reason-patterns.tsv`); and the status derived from a reason when the
//! message states none.

use std::sync::OnceLock;

use regex::Regex;

use super::codes::Enhanced;

const REASONS: &str = include_str!("reasons.tsv");
const STATUS: &str = include_str!("status-reasons.tsv");
const PATTERNS: &str = include_str!("reason-patterns.tsv");

fn rows(table: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| l.split('\t').collect())
}

/// (reason, derived subject, derived detail, English text)
pub fn catalogue() -> &'static [(&'static str, u16, u16, &'static str)] {
    static C: OnceLock<Vec<(&'static str, u16, u16, &'static str)>> = OnceLock::new();
    C.get_or_init(|| {
        rows(REASONS)
            .map(|r| {
                let (s, d) = r[1].split_once('.').expect("reasons.tsv: subject.detail");
                (
                    r[0],
                    s.parse().expect("reasons.tsv: subject"),
                    d.parse().expect("reasons.tsv: detail"),
                    r[2],
                )
            })
            .collect()
    })
}

/// The English description of a reason.
pub fn text(reason: &str) -> Option<&'static str> {
    catalogue().iter().find(|r| r.0 == reason).map(|r| r.3)
}

/// A reason name as the catalogue spells it (`'static`).
pub fn known(reason: &str) -> Option<&'static str> {
    catalogue().iter().find(|r| r.0 == reason).map(|r| r.0)
}

fn patterns() -> &'static [(&'static str, Regex)] {
    static P: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    P.get_or_init(|| {
        rows(PATTERNS)
            .map(|r| {
                (
                    known(r[0]).unwrap_or_else(|| panic!("reason-patterns.tsv: {:?}", r[0])),
                    Regex::new(&format!("(?i){}", r[1]))
                        .unwrap_or_else(|e| panic!("reason-patterns.tsv {}: {e}", r[0])),
                )
            })
            .collect()
    })
}

/// The first reason the text names.
pub fn from_text(text: &str) -> Option<&'static str> {
    patterns()
        .iter()
        .find(|(_, r)| r.is_match(text))
        .map(|(reason, _)| *reason)
}

/// The reason a status stands for, and whether the status alone decides.
pub fn from_status((_, subject, detail): Enhanced) -> Option<(&'static str, bool)> {
    rows(STATUS).find_map(|r| {
        let (s, d) = r[0].split_once('.')?;
        let hit = s.parse() == Ok(subject) && (d == "*" || d.parse() == Ok(detail));
        hit.then(|| {
            (
                known(r[1]).expect("status-reasons.tsv: a known reason"),
                r[2] == "yes",
            )
        })
    })
}

/// The reason for a recipient: a status that decides alone, else the
/// generator's own phrase, else the text, else the status.
pub fn classify(status: Option<Enhanced>, hint: Option<&'static str>, text: &str) -> &'static str {
    let by_status = status
        .filter(|s| (s.1, s.2) != (0, 0))
        .and_then(from_status);
    if let Some((r, true)) = by_status {
        return r;
    }
    hint.or_else(|| from_text(text))
        .or(by_status.map(|b| b.0))
        .unwrap_or("undefined")
}

/// The status derived from a reason, in a class (4 or 5).
pub fn derived_status(reason: &str, class: u8) -> Option<Enhanced> {
    catalogue()
        .iter()
        .find(|r| r.0 == reason && reason != "undefined")
        .map(|r| (class, r.1, r.2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_and_every_reason_of_the_issue_is_there() {
        for r in [
            "userunknown",
            "mailboxfull",
            "hostunknown",
            "expired",
            "spamdetected",
            "policyviolation",
            "rejected",
            "blocked",
            "toomanyconn",
            "mesgtoobig",
            "networkerror",
            "systemerror",
            "securityerror",
            "suspend",
            "filtered",
            "undefined",
        ] {
            assert!(text(r).is_some(), "{r}");
        }
        assert!(!patterns().is_empty());
    }

    #[test]
    fn status_decides_when_strong() {
        assert_eq!(
            classify(Some((5, 1, 1)), None, "relay denied"),
            "userunknown"
        );
        assert_eq!(
            classify(Some((5, 7, 1)), None, "rejected as spam"),
            "spamdetected"
        );
        assert_eq!(
            classify(Some((5, 0, 0)), None, "Mailbox full"),
            "mailboxfull"
        );
        assert_eq!(
            classify(None, None, "sorry, no mailbox here by that name"),
            "userunknown"
        );
        assert_eq!(
            classify(None, None, "宛先不明のため配送できませんでした"),
            "userunknown"
        );
        assert_eq!(classify(None, None, "hello"), "undefined");
        assert_eq!(derived_status("mailboxfull", 4), Some((4, 2, 2)));
    }
}
