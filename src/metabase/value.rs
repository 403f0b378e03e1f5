//! Property values by type: what the user typed -> the text between the
//! quotes, and back. Pure.
//!
//! * DWORD: decimal or `0x` hex, 0..=4294967295, written in decimal (IIS also
//!   writes flag names, `AuthBasic | AuthNTLM`: read back as text);
//! * STRING, EXPANDSZ: any text, escaped for an attribute value (`&` `<` `>`
//!   `"` and control characters as references) so that it reads back exactly;
//! * MULTISZ: one item per line, the lines joined by the separator the file
//!   already uses inside multi-line values (IIS: the line end and three tabs);
//! * BINARY: hex digits, an even number of them.

use serde::Serialize;

use super::catalog::ValueType;
use super::plan::parse_dword;

/// A value as IIS means it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Dword(u32),
    Text(String),
    Multi(Vec<String>),
    /// Hex digits, as written.
    Binary(String),
}

/// Why a value does not fit its type.
pub type ValueError = String;

/// Read what the user typed (one item per argument for MULTISZ).
pub fn parse_input(kind: ValueType, args: &[String]) -> Result<Value, ValueError> {
    let one = || -> Result<&str, ValueError> {
        match args {
            [one] => Ok(one.as_str()),
            _ => Err(crate::t!(
                "value-one-only",
                kind = kind.as_str(),
                count = args.len()
            )),
        }
    };
    match kind {
        ValueType::Dword => {
            let s = one()?;
            parse_dword(s)
                .map(Value::Dword)
                .ok_or_else(|| crate::t!("value-bad-dword", value = s))
        }
        ValueType::String | ValueType::ExpandSz => Ok(Value::Text(one()?.to_string())),
        ValueType::MultiSz => {
            if let Some(bad) = args.iter().find(|a| a.contains(['\r', '\n'])) {
                return Err(crate::t!(
                    "value-multisz-newline",
                    item = bad.escape_debug().to_string()
                ));
            }
            Ok(Value::Multi(args.to_vec()))
        }
        ValueType::Binary => {
            let s = one()?.trim();
            if s.is_empty()
                || !s.len().is_multiple_of(2)
                || !s.bytes().all(|c| c.is_ascii_hexdigit())
            {
                return Err(crate::t!("value-bad-binary", value = s));
            }
            Ok(Value::Binary(s.to_string()))
        }
    }
}

/// Escape text for an attribute value in double quotes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("&#x{:X};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// A MULTISZ item: escaped, and its leading white space written as references
/// so that it cannot be taken for the continuation indent when read back.
fn escape_item(s: &str) -> String {
    let body = s.trim_start_matches([' ', '\t']);
    let lead: String = s[..s.len() - body.len()]
        .chars()
        .map(|c| if c == ' ' { "&#x20;" } else { "&#x9;" })
        .collect();
    format!("{lead}{}", escape(body))
}

/// Expand the references of an attribute value as written (the five entities
/// and character references); anything else is kept as it is.
pub fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(semi) = after.find(';').filter(|&s| s <= 12) else {
            out.push('&');
            rest = after;
            continue;
        };
        let name = &after[..semi];
        let ch = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16)
                .ok()
                .and_then(char::from_u32),
            n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text between the quotes for a value. `separator` joins MULTISZ items
/// (a line end and the continuation indent).
pub fn encode(value: &Value, separator: &str) -> String {
    match value {
        Value::Dword(n) => n.to_string(),
        Value::Text(s) => escape(s),
        Value::Multi(items) => items
            .iter()
            .map(|i| escape_item(i))
            .collect::<Vec<_>>()
            .join(separator),
        Value::Binary(h) => h.clone(),
    }
}

/// A value as written, read by type.
pub fn decode(kind: ValueType, raw: &str) -> Value {
    match kind {
        ValueType::Dword => match parse_dword(raw) {
            Some(n) => Value::Dword(n),
            None => Value::Text(unescape(raw)),
        },
        ValueType::String | ValueType::ExpandSz => Value::Text(unescape(raw)),
        ValueType::MultiSz => Value::Multi(
            raw.split('\n')
                .enumerate()
                .map(|(i, l)| {
                    let l = l.strip_suffix('\r').unwrap_or(l);
                    // Continuation lines carry the file's indent, not the item's.
                    unescape(if i == 0 {
                        l
                    } else {
                        l.trim_start_matches([' ', '\t'])
                    })
                })
                .collect(),
        ),
        ValueType::Binary => Value::Binary(raw.trim().to_string()),
    }
}

/// Whether the value as written means `value`.
pub fn same(kind: ValueType, raw: &str, value: &Value) -> bool {
    match (decode(kind, raw), value) {
        (Value::Binary(a), Value::Binary(b)) => a.eq_ignore_ascii_case(b),
        (a, b) => &a == b,
    }
}

/// The separator between MULTISZ items in this file: a line end and the
/// indentation of the first multi-line value's second line (IIS: CRLF and
/// three tabs); `fallback_newline` and three tabs when the file has none.
pub fn multisz_separator(
    values: impl Iterator<Item = (usize, usize)>,
    text: &str,
    fallback_newline: &str,
) -> String {
    for (start, end) in values {
        let v = &text[start..end];
        if let Some(nl) = v.find('\n') {
            let cr = if nl > 0 && v.as_bytes()[nl - 1] == b'\r' {
                1
            } else {
                0
            };
            let indent: String = v[nl + 1..]
                .chars()
                .take_while(|c| *c == '\t' || *c == ' ')
                .collect();
            return format!("{}{indent}", &v[nl - cr..nl + 1]);
        }
    }
    format!("{fallback_newline}\t\t\t")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn dwords() {
        assert_eq!(
            parse_input(ValueType::Dword, &s(&["0x10"])),
            Ok(Value::Dword(16))
        );
        assert_eq!(
            parse_input(ValueType::Dword, &s(&["4294967295"])),
            Ok(Value::Dword(u32::MAX))
        );
        assert!(parse_input(ValueType::Dword, &s(&["4294967296"])).is_err());
        assert!(parse_input(ValueType::Dword, &s(&["-1"])).is_err());
        assert!(parse_input(ValueType::Dword, &s(&["1", "2"])).is_err());
        assert_eq!(encode(&Value::Dword(16), ""), "16");
    }

    #[test]
    fn strings_read_back_exactly() {
        for t in [
            "a & b <c> \"d\" 'e'",
            "tab\there\r\nnew",
            "日本語 tiếng Việt",
            "&amp; literal",
            "",
        ] {
            let raw = encode(&Value::Text(t.to_string()), "");
            assert!(!raw.contains(['<', '"', '\n', '\r', '\t']), "{raw}");
            assert_eq!(
                decode(ValueType::String, &raw),
                Value::Text(t.to_string()),
                "{raw}"
            );
        }
    }

    #[test]
    fn multisz_uses_the_files_separator() {
        let text = "<a b=\":80:\r\n\t\t\t:443:\"/>";
        let at = text.find(":80").unwrap();
        let end = text.rfind('"').unwrap();
        let sep = multisz_separator([(at, end)].into_iter(), text, "\n");
        assert_eq!(sep, "\r\n\t\t\t");
        let v = Value::Multi(s(&[":80:", "10.0.0.1:80:www.contoso.com", "a&b"]));
        let raw = encode(&v, &sep);
        assert_eq!(
            raw,
            ":80:\r\n\t\t\t10.0.0.1:80:www.contoso.com\r\n\t\t\ta&amp;b"
        );
        assert_eq!(decode(ValueType::MultiSz, &raw), v);
        assert_eq!(multisz_separator(std::iter::empty(), "", "\n"), "\n\t\t\t");
        assert!(parse_input(ValueType::MultiSz, &s(&["a\nb"])).is_err());
    }

    #[test]
    fn binary() {
        assert_eq!(
            parse_input(ValueType::Binary, &s(&["0aFF"])),
            Ok(Value::Binary("0aFF".into()))
        );
        assert!(parse_input(ValueType::Binary, &s(&["abc"])).is_err());
        assert!(parse_input(ValueType::Binary, &s(&["zz"])).is_err());
        assert!(same(
            ValueType::Binary,
            "0AFF",
            &Value::Binary("0aff".into())
        ));
    }
}
