//! The property catalogue against its source: every ID in
//! `src/metabase/properties.tsv` whose source column names an `MD_` constant
//! must equal that constant in the Windows SDK header `iiscnfg.h`
//! (`tests/data/iiscnfg.h`, the mingw-w64 copy; see `tests/data/README.md`).

use std::collections::HashMap;
use std::path::Path;

use metabase_fix::metabase::catalog::{self, PropertyDef};

const VENDORED: &str = include_str!("data/iiscnfg.h");
const SYSTEM_HEADER: &str = "/usr/share/mingw-w64/include/iiscnfg.h";

/// SMTP property IDs (iiscnfg.h: SMTP_MD_ID_BEGIN_RESERVED..SMTP_MD_ID_END_RESERVED).
/// The header defines no MD_ constant for them (they live in smtpinet.h, which
/// is not public domain), so those rows cite the IIS 6.0 reference alone.
const SMTP_IDS: std::ops::RangeInclusive<u32> = 0x9000..=0x9fff;

/// `#define NAME VALUE` lines, with VALUE as written (comments dropped).
fn defines(header: &str) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for line in header.lines() {
        let Some(rest) = line.trim().strip_prefix("#define") else {
            continue;
        };
        let rest = rest.trim_start();
        let (name, value) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let value = value.split("//").next().unwrap_or("").trim();
        out.insert(name, value);
    }
    out
}

/// Evaluates a define's value: a decimal or hex number (an `L`/`U` suffix
/// allowed), another define, or a parenthesised sum of those such as
/// `(IIS_MD_HTTP_BASE+21)`. Anything else (strings, `|` masks) is `None`.
fn eval(expr: &str, defs: &HashMap<&str, &str>, depth: u32) -> Option<u64> {
    if depth > 16 {
        return None;
    }
    let mut expr = expr.trim();
    while let Some(inner) = expr.strip_prefix('(').and_then(|e| e.strip_suffix(')')) {
        expr = inner.trim();
    }
    if expr.contains('+') {
        return expr
            .split('+')
            .map(|term| eval(term, defs, depth + 1))
            .sum::<Option<u64>>();
    }
    let digits = expr.trim_end_matches(['L', 'l', 'U', 'u']);
    if let Some(hex) = digits
        .strip_prefix("0x")
        .or_else(|| digits.strip_prefix("0X"))
    {
        return u64::from_str_radix(hex, 16).ok();
    }
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse().ok();
    }
    if !expr.is_empty() && expr.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
        return eval(defs.get(expr)?, defs, depth + 1);
    }
    None
}

/// Every `MD_` constant of the header with its numeric value.
fn md_constants(header: &str) -> HashMap<String, u64> {
    let defs = defines(header);
    defs.iter()
        .filter(|(name, _)| name.starts_with("MD_"))
        .filter_map(|(name, value)| Some((name.to_string(), eval(value, &defs, 0)?)))
        .collect()
}

/// The `MD_...` names a row's source column cites (whole tokens only, so
/// `SMTP_MD_ID_BEGIN_RESERVED` and the phrase "no MD_ constant" are not cited).
fn cited_constants(source: &str) -> Vec<&str> {
    source
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|token| token.starts_with("MD_") && token.len() > 3)
        .collect()
}

#[test]
fn header_parser_resolves_all_forms() {
    let header = "#define IIS_MD_X_BASE 1000\n\
                  #define MD_A (IIS_MD_X_BASE+13)\n\
                  #define MD_B (IIS_MD_X_BASE + 2)\n\
                  #define MD_C (IIS_MD_X_BASE)\n\
                  #define MD_D 0x00009000\n\
                  #define MD_E 0x80000000L\n\
                  #define MD_F MD_A\n\
                  #define MD_G (MD_B)\n\
                  #define MD_H 36997\n\
                  #define MD_I (MD_A | MD_B)\n\
                  #define MD_J L\"x\"\n";
    let c = md_constants(header);
    assert_eq!(c["MD_A"], 1013);
    assert_eq!(c["MD_B"], 1002);
    assert_eq!(c["MD_C"], 1000);
    assert_eq!(c["MD_D"], 0x9000);
    assert_eq!(c["MD_E"], 0x8000_0000);
    assert_eq!(c["MD_F"], 1013);
    assert_eq!(c["MD_G"], 1002);
    assert_eq!(c["MD_H"], 36997);
    assert!(!c.contains_key("MD_I") && !c.contains_key("MD_J"));
    assert_eq!(
        cited_constants("iiscnfg.h MD_ANONYMOUS_PWD; no MD_ constant; SMTP_MD_ID_BEGIN_RESERVED"),
        ["MD_ANONYMOUS_PWD"]
    );
}

#[test]
fn vendored_header_is_the_public_domain_mingw_copy() {
    assert!(VENDORED
        .contains("This file has no copyright assigned and is placed in the Public Domain."));
    let c = md_constants(VENDORED);
    // Spot checks against values the IIS 6.0 reference prints.
    assert_eq!(c["MD_CONNECTION_TIMEOUT"], 1013);
    assert_eq!(c["MD_SERVER_BINDINGS"], 1023);
    assert_eq!(c["MD_SECURE_BINDINGS"], 2021);
    assert_eq!(c["MD_AUTHORIZATION"], 6000);
    assert_eq!(c["MD_ASP_BUFFER_LIMIT"], 7052);
    assert!(c.len() > 400, "{} MD_ constants resolved", c.len());
}

#[test]
fn vendored_header_equals_the_system_header_when_installed() {
    let path = Path::new(SYSTEM_HEADER);
    if !path.exists() {
        eprintln!("{SYSTEM_HEADER} is not installed: only the vendored copy is used");
        return;
    }
    let system = std::fs::read_to_string(path).unwrap();
    assert!(
        system == VENDORED,
        "{SYSTEM_HEADER} differs from tests/data/iiscnfg.h: refresh the copy and tests/data/README.md"
    );
}

#[test]
fn catalog_ids_match_iiscnfg_h() {
    let header = md_constants(VENDORED);
    let rows = catalog::all();
    let mut checked = 0usize;
    let mut failures = Vec::new();
    let mut uncited_outside_smtp: Vec<&PropertyDef> = Vec::new();
    for row in rows {
        let cited = cited_constants(row.source);
        for name in &cited {
            match header.get(*name) {
                None => failures.push(format!("{}: {name} is not defined in iiscnfg.h", row.name)),
                Some(&value) if value != u64::from(row.id) => failures.push(format!(
                    "{}: catalogue ID {} but iiscnfg.h {name} = {value}",
                    row.name, row.id
                )),
                Some(_) => {}
            }
        }
        if !cited.is_empty() {
            checked += 1;
            continue;
        }
        // A row that cites no constant must say so, so a missing citation is
        // never silent.
        if !row.source.contains("no MD_ constant in iiscnfg.h") {
            failures.push(format!(
                "{}: source cites no MD_ constant and does not say \"no MD_ constant in iiscnfg.h\"",
                row.name
            ));
        }
        if !SMTP_IDS.contains(&row.id) {
            uncited_outside_smtp.push(row);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    let outside_smtp = rows.iter().filter(|r| !SMTP_IDS.contains(&r.id)).count();
    eprintln!(
        "catalogue: {} rows, {checked} checked against iiscnfg.h; {} in the SMTP range (no MD_ constants in the header); \
         {} of {outside_smtp} rows outside it uncited: {:?}",
        rows.len(),
        rows.len() - outside_smtp,
        uncited_outside_smtp.len(),
        uncited_outside_smtp.iter().map(|r| r.name).collect::<Vec<_>>()
    );
    // The header has no SMTP IDs, so the bar is set on the rows it could
    // cover: at least 90% of the rows outside 0x9000..=0x9FFF are checked.
    assert!(
        checked * 10 >= outside_smtp * 9,
        "only {checked} of {outside_smtp} non-SMTP rows are checked against iiscnfg.h"
    );
    // And no SMTP-range row claims a header constant the header cannot have.
    assert!(rows
        .iter()
        .filter(|r| SMTP_IDS.contains(&r.id))
        .all(|r| cited_constants(r.source).is_empty()));
}

#[test]
fn uncited_ids_are_not_defined_by_the_header() {
    // A row that says "no MD_ constant" while the header does define its ID
    // as a property constant would be a missed check. Property constants are
    // the MD_ defines built on an *_BASE (flag and value constants are not).
    let defs = defines(VENDORED);
    let by_value: HashMap<u64, &str> = defs
        .iter()
        .filter(|(name, value)| name.starts_with("MD_") && value.contains("_BASE"))
        .filter_map(|(name, value)| Some((eval(value, &defs, 0)?, *name)))
        .collect();
    for row in catalog::all() {
        if cited_constants(row.source).is_empty() {
            if let Some(name) = by_value.get(&u64::from(row.id)) {
                panic!(
                    "{} (ID {}) cites no constant but iiscnfg.h has {name}",
                    row.name, row.id
                );
            }
        }
    }
}
