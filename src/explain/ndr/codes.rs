//! Finding things in bounce text: enhanced status codes (RFC 3463), basic
//! reply codes (RFC 5321), e-mail addresses, host names. Pure functions over
//! `&str`; nothing here knows which MTA wrote the text.

use std::sync::OnceLock;

use regex::Regex;

/// A compiled pattern kept for the life of the process.
pub fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a valid pattern"))
}

/// An enhanced status code, `class.subject.detail`.
pub type Enhanced = (u8, u16, u16);

pub fn fmt_code((c, s, d): Enhanced) -> String {
    format!("{c}.{s}.{d}")
}

fn enhanced_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    re(
        &R,
        r"(?:^|[^\d.])([245])\.(\d{1,3})\.(\d{1,3})(?:[^\d.]|\.\s|\.$|$)",
    )
}

/// The first enhanced status code in a text (not inside an IP address or a version).
pub fn find_enhanced(text: &str) -> Option<Enhanced> {
    all_enhanced(text).into_iter().next()
}

/// Every enhanced status code in a text, in order.
pub fn all_enhanced(text: &str) -> Vec<Enhanced> {
    let r = enhanced_re();
    let mut out = vec![];
    let mut at = 0;
    while at < text.len() {
        let Some(c) = r.captures_at(text, at) else {
            break;
        };
        let m1 = c.get(1).unwrap();
        let m3 = c.get(3).unwrap();
        if let (Ok(a), Ok(b), Ok(d)) = (m1.as_str().parse(), c[2].parse(), m3.as_str().parse()) {
            out.push((a, b, d));
        }
        at = m3.end();
    }
    out
}

/// The stated code to keep from a text: the first full code (not `X.0.0`) of
/// a failure class, else the first code of a failure class.
pub fn best_enhanced(text: &str) -> Option<Enhanced> {
    let all: Vec<Enhanced> = all_enhanced(text)
        .into_iter()
        .filter(|c| c.0 == 4 || c.0 == 5)
        .collect();
    all.iter()
        .find(|c| (c.1, c.2) != (0, 0))
        .or(all.first())
        .copied()
}

/// The first basic reply code (`550 `, `550-`, `#550`) of a failure class.
pub fn find_basic(text: &str) -> Option<u16> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(
        &R,
        r"(?:^|[\s#;:(\[<'\x22=])([45][0-5]\d)(?:[ \-:,.'\x22)]|$)",
    );
    r.captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .next()
}

/// The characters of an address's local part that bounces write.
pub const LOCAL: &str = r"[A-Za-z0-9._%+'=/!#$&*?^`{|}~-]+";
/// A domain or an address literal.
pub const DOMAIN: &str =
    r"(?:(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}|\[[0-9.]+\])";

/// Every address in a text, in order, without duplicates (case-insensitive).
pub fn addresses(text: &str) -> Vec<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let r = re(&R, &format!("({LOCAL}@{DOMAIN})"));
    let mut out: Vec<String> = vec![];
    for c in r.captures_iter(text) {
        let a = clean_address(&c[1]);
        if !a.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

/// An address without quotes, brackets, a trailing dot or colon.
pub fn clean_address(a: &str) -> String {
    let a = a
        .trim()
        .trim_matches(['<', '>', '"', '\'', '(', ')', '[', ']', ',', ';', ':'])
        .trim_end_matches('.');
    a.strip_prefix("mailto:").unwrap_or(a).to_string()
}

/// Whether a string is one address and nothing else.
pub fn is_address(a: &str) -> bool {
    static R: OnceLock<Regex> = OnceLock::new();
    re(&R, &format!("^{LOCAL}@{DOMAIN}$")).is_match(a)
}

/// `rfc822; user@example.com` -> `user@example.com`.
pub fn strip_type(v: &str) -> String {
    match v.split_once(';') {
        Some((t, rest)) if !t.contains(' ') && t.len() < 20 => rest.trim().to_string(),
        _ => v.trim().to_string(),
    }
}

/// A recipient value without its type and angle brackets.
pub fn address_of(v: &str) -> String {
    let s = strip_type(v);
    // `<x@y> (comment)` or `x@y`: the address itself.
    addresses(&s)
        .into_iter()
        .next()
        .unwrap_or_else(|| clean_address(&s))
}

/// Collapse runs of white space into one space.
pub fn sweep(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cut a string to at most `max` bytes at a character boundary.
pub fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_finders_skip_ip_addresses_and_versions() {
        assert_eq!(
            find_enhanced("host 10.2.3.4 said: 550 5.1.1 unknown"),
            Some((5, 1, 1))
        );
        assert_eq!(find_enhanced("[192.0.2.4]"), None);
        assert_eq!(find_enhanced("Status: 4.4.7"), Some((4, 4, 7)));
        assert_eq!(find_basic("#550 5.1.1 RESOLVER"), Some(550));
        assert_eq!(find_basic("smtp;550-5.1.1 x"), Some(550));
        assert_eq!(find_basic("version 2.5.1"), None);
        assert_eq!(find_basic("ERROR_CODE :550, x"), Some(550));
    }

    #[test]
    fn the_best_code_is_the_first_full_one() {
        assert_eq!(
            best_enhanced("5.0.0 (permanent) 550 5.1.1 no"),
            Some((5, 1, 1))
        );
        assert_eq!(best_enhanced("Status: 5.0.0"), Some((5, 0, 0)));
        assert_eq!(best_enhanced("2.0.0 ok"), None);
    }

    #[test]
    fn addresses_are_cleaned() {
        assert_eq!(
            addresses("<a@b.example>: x \"c@d.example\". a@B.example"),
            vec!["a@b.example", "c@d.example"]
        );
        assert_eq!(address_of("rfc822; <x@y.example>"), "x@y.example");
        assert!(is_address("kijitora@example.jp"));
        assert!(!is_address("kijitora at example.jp"));
    }
}
