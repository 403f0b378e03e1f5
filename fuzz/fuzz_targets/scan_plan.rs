//! Fuzz the scan-and-plan path: decode, scan, plan each mode at /LM/SmtpSvc,
//! apply. Must never panic; the scanner's events must tile the text; an applied
//! plan must leave every byte outside its splices unchanged, and its output
//! must decode and scan again, and a second set must be a no-op.
#![no_main]

use libfuzzer_sys::fuzz_target;
use metabase_fix::metabase::plan::{plan_set, Change, SMTP_USE_TCP_DNS};
use metabase_fix::metabase::{scan, Document};
use metabase_fix::splice;

fuzz_target!(|raw: &[u8]| {
    let Ok(doc) = Document::decode(raw) else { return };
    let Ok(sc) = scan(&doc.text) else { return };
    // Spans are offsets in the text: the events must tile it exactly (a shift,
    // such as quick-xml skipping a second BOM, would misplace every edit).
    let events = metabase_fix::metabase::scan::events(&doc.text).expect("scan ok, events ok");
    let mut at = 0;
    for (span, _) in &events {
        assert_eq!(span.start, at, "a gap or overlap in the events");
        at = span.end;
    }
    assert_eq!(at, doc.text.len(), "the events do not reach the end");
    for mode in 0..3 {
        let Ok(plan) = plan_set(&doc.text, &sc, "/LM/SmtpSvc", &SMTP_USE_TCP_DNS, mode) else { continue };
        let splices = doc.to_file_splices(&plan.splices);
        let out = splice::apply(raw, &splices);
        assert!(splice::unchanged_outside(raw, &out, &splices), "a byte outside the splices changed");
        if plan.change == Change::Unchanged {
            assert_eq!(out, raw);
        }
        let doc2 = Document::decode(&out).expect("the output decodes");
        let sc2 = scan(&doc2.text).expect("the output scans");
        let again = plan_set(&doc2.text, &sc2, "/LM/SmtpSvc", &SMTP_USE_TCP_DNS, mode).expect("plans again");
        assert_eq!(again.change, Change::Unchanged);
    }
});
