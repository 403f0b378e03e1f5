//! Scan -> what to splice. Pure: never touches the disk.
//!
//! A plan is a sorted list of byte-range splices over the text, each as small
//! as it can be (the digits between a value's quotes), plus warnings. The only
//! edits it ever makes: replace a Value, replace an attribute value, insert
//! whole lines holding one new `<Custom>` element, or open a self-closing key.

use std::collections::HashMap;
use std::ops::Range;

use super::catalog::ValueType;
use super::layout::{check_fragment, indent_before, rest_of_line_blank, ElementLayout};
use super::scan::{is_below, same_location, Key, Scan, Span};
use super::text::newline_of;
use super::value::{encode, multisz_separator, same, Value};
use crate::splice::Splice;
use crate::t;

/// A metabase property as written in a `<Custom>` element: from the
/// catalogue, from the file, or from the command line (`--type` ...).
///
/// The fields are `&'static str` so that the catalogue's rows and
/// [`SMTP_USE_TCP_DNS`] cost nothing; a property resolved at run time from the
/// file or the command line is leaked once (a run resolves one property).
/// `id` 0 means "no ID known" (an attribute the catalogue does not know):
/// such a property can be read, updated and removed in its attribute form,
/// never inserted.
#[derive(Debug, Clone, Copy)]
pub struct Property {
    pub name: &'static str,
    pub id: u32,
    pub kind: &'static str,
    pub user_type: &'static str,
    pub attributes: &'static str,
}

/// KB 820284's property.
pub const SMTP_USE_TCP_DNS: Property = Property {
    name: "SmtpUseTcpDns",
    id: 36997,
    kind: "DWORD",
    user_type: "IIS_MD_UT_SERVER",
    attributes: "INHERIT",
};

/// The schema default when SmtpUseTcpDns is unset (behaves as 0).
pub const UNSET_DEFAULT: u32 = 0xFFFF_FFFF;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    Custom,
    Attribute,
}

/// A property's current setting on one key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub form: Form,
    /// The value between its quotes.
    pub value_span: Span,
    /// The value as written.
    pub raw: String,
    /// The value as a DWORD, when it is one.
    pub value: Option<u32>,
    /// Whether it flows down to keys below (Custom: Attributes holds INHERIT).
    pub inherit: bool,
    /// Where to point a user: the element or attribute.
    pub at: usize,
    /// The whole setting: the Custom element, or the attribute from its name
    /// to its closing quote.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanError {
    KeyNotFound {
        location: String,
    },
    /// Several keys with that Location: their start offsets.
    DuplicateKey {
        location: String,
        at: Vec<usize>,
    },
    /// The setting is written in a way the tool must not guess about.
    Conflict {
        message: String,
        at: Vec<usize>,
    },
    /// The planner built something that does not parse: a bug, never written.
    Internal {
        message: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    /// Already at the value: nothing to do.
    Unchanged,
    /// The existing value's digits were replaced.
    Updated,
    /// A new Custom element was inserted.
    Inserted,
    /// The setting was removed (`unset`).
    Removed,
}

/// Something the user should know; the plan is still safe to apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// A key below sets its own value, different from the new one.
    Shadowed {
        location: String,
        at: usize,
        raw: String,
    },
    /// EnableEditWhileRunning on /LM is not 1 (None: no /LM key or no attribute).
    EditWhileRunningOff { raw: Option<String> },
    /// The previous value was not a DWORD number.
    OddPrevious { raw: String },
}

#[derive(Debug, Clone)]
pub struct Plan {
    /// Index of the key in the scan.
    pub key: usize,
    pub previous: Option<Setting>,
    pub change: Change,
    pub splices: Vec<Splice>,
    pub warnings: Vec<Warning>,
}

/// Parse a DWORD as IIS writes it (decimal; hex with 0x accepted).
pub fn parse_dword(raw: &str) -> Option<u32> {
    let t = raw.trim();
    match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(hex) => u32::from_str_radix(hex, 16).ok(),
        None => t.parse().ok(),
    }
}

/// The one key at `location`.
pub fn find_key(text: &str, scan: &Scan, location: &str) -> Result<usize, PlanError> {
    let mut found = scan
        .keys
        .iter()
        .enumerate()
        .filter(|(_, k)| k.location(text).is_some_and(|l| same_location(l, location)));
    let Some((first, k)) = found.next() else {
        return Err(PlanError::KeyNotFound {
            location: location.to_string(),
        });
    };
    let mut at = vec![k.start_tag().start];
    at.extend(found.map(|(_, k)| k.start_tag().start));
    if at.len() > 1 {
        return Err(PlanError::DuplicateKey {
            location: location.to_string(),
            at,
        });
    }
    Ok(first)
}

/// The property's setting on a key: a Custom child with its ID, or an attribute.
pub fn setting(
    text: &str,
    scan: &Scan,
    key: &Key,
    prop: &Property,
) -> Result<Option<Setting>, PlanError> {
    let customs: Vec<_> = scan
        .customs_of(key)
        .iter()
        .filter(|c| prop.id != 0 && c.id_num == Some(prop.id))
        .collect();
    let attr = scan.attr(text, key, prop.name);
    let location = key.location(text).unwrap_or("?");
    if customs.len() > 1 {
        return Err(PlanError::Conflict {
            message: t!(
                "plan-duplicate-custom",
                location = location,
                count = customs.len(),
                id = prop.id
            ),
            at: customs.iter().map(|c| c.span.start).collect(),
        });
    }
    match (customs.first(), attr) {
        (Some(c), Some(a)) => Err(PlanError::Conflict {
            message: t!(
                "plan-set-twice",
                location = location,
                name = prop.name,
                id = prop.id
            ),
            at: vec![c.span.start, a.name().start],
        }),
        (Some(c), None) => {
            let Some(v) = c.value.clone() else {
                return Err(PlanError::Conflict {
                    message: t!("plan-no-value", location = location, id = prop.id),
                    at: vec![c.span.start],
                });
            };
            let raw = text[v.clone()].to_string();
            let inherit = c
                .attributes
                .clone()
                .is_none_or(|a| text[a].contains("INHERIT"));
            Ok(Some(Setting {
                form: Form::Custom,
                value: parse_dword(&raw),
                raw,
                value_span: v,
                inherit,
                at: c.span.start,
                span: c.span.clone(),
            }))
        }
        (None, Some(a)) => {
            let raw = text[a.value()].to_string();
            Ok(Some(Setting {
                form: Form::Attribute,
                value: parse_dword(&raw),
                raw,
                value_span: a.value(),
                // The attribute form inherits as the schema says (the catalogue).
                inherit: prop.attributes.contains("INHERIT"),
                at: a.name().start,
                span: a.name().start..a.value().end + 1,
            }))
        }
        (None, None) => Ok(None),
    }
}

/// Whether IIS picks up a saved MetaBase.xml at once: `EnableEditWhileRunning`
/// on the `/LM` key. Returns the raw value (None when not set).
pub fn edit_while_running(text: &str, scan: &Scan) -> Option<String> {
    let key = find_key(text, scan, "/LM").ok()?;
    let a = scan.attr(text, &scan.keys[key], "EnableEditWhileRunning")?;
    Some(text[a.value()].to_string())
}

/// Plan setting `prop` to `value` at `location`.
///
/// ```
/// use metabase_fix::metabase::plan::{plan_set, Change, SMTP_USE_TCP_DNS};
/// use metabase_fix::metabase::scan;
/// let text = "<configuration><MBProperty>\r\n<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\r\n\t>\r\n</IIsSmtpService>\r\n</MBProperty></configuration>\r\n";
/// let plan = plan_set(text, &scan(text).unwrap(), "/lm/smtpsvc", &SMTP_USE_TCP_DNS, 2).unwrap();
/// assert_eq!(plan.change, Change::Inserted);
/// let out = String::from_utf8(metabase_fix::splice::apply(text.as_bytes(), &plan.splices)).unwrap();
/// assert!(out.contains("\t>\r\n\t<Custom\r\n\t\tName=\"SmtpUseTcpDns\"\r\n\t\tID=\"36997\"\r\n\t\tValue=\"2\""));
/// ```
pub fn plan_set(
    text: &str,
    scan: &Scan,
    location: &str,
    prop: &Property,
    value: u32,
) -> Result<Plan, PlanError> {
    plan_set_value(text, scan, location, prop, &Value::Dword(value))
}

/// Plan setting `prop` to `value` (of the property's type) at `location`:
/// the value's bytes replaced where it is set, else a new Custom element in
/// ID order. `set-dns-mode` and `set` both come here.
pub fn plan_set_value(
    text: &str,
    scan: &Scan,
    location: &str,
    prop: &Property,
    value: &Value,
) -> Result<Plan, PlanError> {
    let k = find_key(text, scan, location)?;
    let key = &scan.keys[k];
    let previous = setting(text, scan, key, prop)?;
    let kind = ValueType::parse(prop.kind).unwrap_or(ValueType::String);
    let new_raw = match value {
        Value::Multi(_) => {
            let values = scan
                .attrs
                .iter()
                .map(|a| (a.value().start, a.value().end))
                .chain(
                    scan.customs
                        .iter()
                        .filter_map(|c| c.value.clone())
                        .map(|v| (v.start, v.end)),
                );
            encode(value, &multisz_separator(values, text, newline_of(text)))
        }
        _ => encode(value, ""),
    };
    let mut warnings = Vec::new();

    let (change, splices) = match &previous {
        Some(s) if same(kind, &s.raw, value) => (Change::Unchanged, vec![]),
        Some(s) => {
            if kind == ValueType::Dword && s.value.is_none() {
                warnings.push(Warning::OddPrevious { raw: s.raw.clone() });
            }
            (
                Change::Updated,
                vec![Splice::new(s.value_span.clone(), new_raw.into_bytes())],
            )
        }
        None if prop.id == 0 => {
            return Err(PlanError::Conflict {
                message: t!(
                    "plan-id-unknown",
                    name = prop.name,
                    location = key.location(text).unwrap_or(location)
                ),
                at: vec![key.start_tag().start],
            })
        }
        None => (
            Change::Inserted,
            vec![insertion(text, scan, key, prop, &new_raw)?],
        ),
    };

    let ewr = edit_while_running(text, scan);
    if change != Change::Unchanged && ewr.as_deref().map(str::trim) != Some("1") {
        warnings.push(Warning::EditWhileRunningOff { raw: ewr });
    }
    for below in &scan.keys {
        let Some(loc) = below.location(text) else {
            continue;
        };
        if !is_below(loc, location) {
            continue;
        }
        if let Some(s) = setting(text, scan, below, prop).ok().flatten() {
            if !same(kind, &s.raw, value) {
                warnings.push(Warning::Shadowed {
                    location: loc.to_string(),
                    at: s.at,
                    raw: s.raw,
                });
            }
        }
    }
    Ok(Plan {
        key: k,
        previous,
        change,
        splices,
        warnings,
    })
}

/// Plan removing `prop` from `location`: the Custom element's whole lines, or
/// the attribute with the white space before it (its whole line in IIS's
/// layout). Not set: an empty plan (`Unchanged`).
pub fn plan_unset(
    text: &str,
    scan: &Scan,
    location: &str,
    prop: &Property,
) -> Result<Plan, PlanError> {
    let k = find_key(text, scan, location)?;
    let key = &scan.keys[k];
    let previous = setting(text, scan, key, prop)?;
    let Some(s) = &previous else {
        return Ok(Plan {
            key: k,
            previous,
            change: Change::Unchanged,
            splices: vec![],
            warnings: vec![],
        });
    };
    let b = text.as_bytes();
    let range = match s.form {
        Form::Custom => match (
            indent_before(text, s.span.start),
            rest_of_line_blank(text, s.span.end),
        ) {
            (Some(indent), Some((next_line, _))) => s.span.start - indent.len()..next_line,
            _ => s.span.clone(),
        },
        Form::Attribute => {
            let mut start = s.span.start;
            while start > 0 && super::validate::is_space(b[start - 1]) {
                start -= 1;
            }
            start..s.span.end
        }
    };
    let mut warnings = Vec::new();
    let ewr = edit_while_running(text, scan);
    if ewr.as_deref().map(str::trim) != Some("1") {
        warnings.push(Warning::EditWhileRunningOff { raw: ewr });
    }
    Ok(Plan {
        key: k,
        previous,
        change: Change::Removed,
        splices: vec![Splice::new(range, Vec::new())],
        warnings,
    })
}

/// The splice that inserts a new Custom element into `key`, in ID order.
fn insertion(
    text: &str,
    scan: &Scan,
    key: &Key,
    prop: &Property,
    value: &str,
) -> Result<Splice, PlanError> {
    let attrs = [
        ("Name", prop.name.to_string()),
        ("ID", prop.id.to_string()),
        ("Value", value.to_string()),
        ("Type", prop.kind.to_string()),
        ("UserType", prop.user_type.to_string()),
        ("Attributes", prop.attributes.to_string()),
    ];
    let customs = scan.customs_of(key);
    let key_indent = indent_before(text, key.start_tag().start).unwrap_or("");
    let child_indent = format!("{key_indent}\t");
    let fallback_nl = newline_of(text);

    // Neighbour: the first Custom with a greater ID (insert before it), else the last one.
    let before = customs
        .iter()
        .find(|c| c.id_num.is_some_and(|id| id > prop.id));
    let neighbour = before.or(customs.last());
    // The neighbour's layout when the element it gives reads back exactly; else IIS's own.
    let element = neighbour
        .and_then(|c| ElementLayout::of(&text[c.start_tag.clone()]))
        .map(|layout| layout.render("Custom", &attrs))
        .filter(|e| check_fragment(e, "Custom", &attrs).is_ok())
        .unwrap_or_else(|| ElementLayout::iis(&child_indent, fallback_nl).render("Custom", &attrs));
    check_fragment(&element, "Custom", &attrs).map_err(|e| PlanError::Internal {
        message: t!("plan-new-element-invalid", error = e),
    })?;

    let (range, bytes): (Range<usize>, String) = match (before, customs.last()) {
        (Some(c), _) => match indent_before(text, c.span.start) {
            // Whole lines: the new element takes the neighbour's indent and line end.
            Some(indent) => {
                let line_start = c.span.start - indent.len();
                let nl = line_end_at(text, c.span.start).unwrap_or(fallback_nl);
                (line_start..line_start, format!("{indent}{element}{nl}"))
            }
            None => (
                c.span.start..c.span.start,
                format!("{element}{fallback_nl}{child_indent}"),
            ),
        },
        (None, Some(last)) => {
            let indent = indent_before(text, last.span.start).unwrap_or(&child_indent);
            match rest_of_line_blank(text, last.span.end) {
                Some((next_line, nl)) => (next_line..next_line, format!("{indent}{element}{nl}")),
                None => (
                    last.span.end..last.span.end,
                    format!("{fallback_nl}{indent}{element}"),
                ),
            }
        }
        (None, None) if key.self_closing => {
            // `<X Location="..." />` becomes `<X Location="..." >` + child + `</X>`.
            let tag_end = key.start_tag().end;
            let nl = previous_line_end(text, tag_end).unwrap_or(fallback_nl);
            let name = key.element(text);
            (
                tag_end - 2..tag_end,
                format!(">{nl}{child_indent}{element}{nl}{key_indent}</{name}>"),
            )
        }
        (None, None) => match rest_of_line_blank(text, key.start_tag().end) {
            Some((next_line, nl)) => (next_line..next_line, format!("{child_indent}{element}{nl}")),
            None => {
                let nl = previous_line_end(text, key.start_tag().end).unwrap_or(fallback_nl);
                let end = key.start_tag().end;
                (end..end, format!("{nl}{child_indent}{element}{nl}"))
            }
        },
    };
    Ok(Splice::new(range, bytes.into_bytes()))
}

/// The line end of the line holding `at`.
fn line_end_at(text: &str, at: usize) -> Option<&'static str> {
    let nl = at + memchr::memchr(b'\n', &text.as_bytes()[at..])?;
    Some(if nl > 0 && text.as_bytes()[nl - 1] == b'\r' {
        "\r\n"
    } else {
        "\n"
    })
}

/// The line end of the line before the one holding `at` (or of that line).
fn previous_line_end(text: &str, at: usize) -> Option<&'static str> {
    match memchr::memrchr(b'\n', &text.as_bytes()[..at]) {
        Some(nl) => Some(if nl > 0 && text.as_bytes()[nl - 1] == b'\r' {
            "\r\n"
        } else {
            "\n"
        }),
        None => line_end_at(text, at),
    }
}

/// Where a key's effective value comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Own,
    Inherited,
    Default,
}

/// One key's view of the property: its own setting and what it gets in effect.
#[derive(Debug, Clone)]
pub struct KeyState {
    pub key: usize,
    pub location: String,
    pub setting: Option<Setting>,
    pub effective: u32,
    pub source: Source,
    /// For inherited values: the location they come from.
    pub from: Option<String>,
}

/// The key at `location` and every key below it, with own or inherited values.
/// Unset everywhere means the schema default, which behaves as 0.
pub fn states(
    text: &str,
    scan: &Scan,
    location: &str,
    prop: &Property,
) -> Result<Vec<KeyState>, PlanError> {
    find_key(text, scan, location)?;
    // Settings of every key, by lower-case location (for inheritance from above).
    let mut by_location: HashMap<String, Setting> = HashMap::new();
    let mut listed = Vec::new();
    for (i, key) in scan.keys.iter().enumerate() {
        let Some(loc) = key.location(text) else {
            continue;
        };
        let mine = same_location(loc, location) || is_below(loc, location);
        let s = setting(text, scan, key, prop)?;
        if let Some(s) = &s {
            by_location.insert(loc.trim_end_matches('/').to_ascii_lowercase(), s.clone());
        }
        if mine {
            listed.push((i, loc.to_string(), s));
        }
    }
    Ok(listed
        .into_iter()
        .map(|(key, loc, own)| {
            if let Some(v) = own.as_ref().and_then(|s| s.value) {
                return KeyState {
                    key,
                    location: loc,
                    setting: own,
                    effective: v,
                    source: Source::Own,
                    from: None,
                };
            }
            let mut path = loc.trim_end_matches('/').to_ascii_lowercase();
            while let Some(cut) = path.rfind('/') {
                path.truncate(cut);
                if let Some(v) = by_location
                    .get(&path)
                    .filter(|s| s.inherit)
                    .and_then(|s| s.value)
                {
                    let from = scan
                        .keys
                        .iter()
                        .filter_map(|k| k.location(text))
                        .find(|l| same_location(l, &path))
                        .unwrap_or(&path)
                        .to_string();
                    return KeyState {
                        key,
                        location: loc,
                        setting: own,
                        effective: v,
                        source: Source::Inherited,
                        from: Some(from),
                    };
                }
            }
            KeyState {
                key,
                location: loc,
                setting: own,
                effective: 0,
                source: Source::Default,
                from: None,
            }
        })
        .collect())
}
