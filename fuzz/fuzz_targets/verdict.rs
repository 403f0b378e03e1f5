//! Fuzz the strict pass against an independent parser: on any text, the
//! scanner refuses exactly what roxmltree refuses, but where roxmltree is
//! lenient against the spec (tests/support/lenient.rs names each case; the
//! tool's own limits, a DOCTYPE and a second byte order mark, are left out).
//! The strict and the collecting scans must agree on "any problem at all".
#![no_main]

use libfuzzer_sys::fuzz_target;
use metabase_fix::metabase::scan::{is_xml_rule, scan, scan_all};

#[path = "../../tests/support/lenient.rs"]
mod lenient;

fuzz_target!(|raw: &[u8]| {
    let Ok(text) = std::str::from_utf8(raw) else { return };
    if text.starts_with('\u{feff}') || text.contains("<!DOCTYPE") {
        return;
    }
    let (_, problems) = scan_all(text);
    assert_eq!(scan(text).is_ok(), problems.is_empty(), "strict and collecting scans disagree");
    let ours = !problems.iter().any(|p| is_xml_rule(p.code));
    let theirs = roxmltree::Document::parse(text).is_ok();
    if ours != theirs {
        assert!(
            !ours && lenient::roxmltree_lenient(text, &problems).is_some(),
            "ours {ours}, roxmltree {theirs}: {problems:?}"
        );
    }
});
