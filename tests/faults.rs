//! Fault injection at every step of the write transaction (`--features failpoints`).
//! Each injected failure must leave the original bytes and no temporary file;
//! a failure after the rename must leave the complete new bytes.
#![cfg(feature = "failpoints")]

mod common;

use common::{read_fixture, stderr_of, Work};

const BEFORE_RENAME: &[&str] = &[
    "apply::after-lock",
    "apply::after-backup",
    "apply::after-temp-write",
    "apply::after-temp-sync",
    "apply::after-verify",
    "apply::before-rename",
];

#[test]
fn every_step_before_the_rename_leaves_the_original() {
    for fixture in ["exchange2003", "utf16le", "self-closing"] {
        for step in BEFORE_RENAME {
            let w = Work::new(&format!("{fixture}.xml"));
            let before = w.bytes();
            let out = w
                .cmd()
                .env("FAILPOINTS", format!("{step}=return"))
                .args(["set-dns-mode", "2"])
                .output()
                .unwrap();
            let err = stderr_of(&out);
            assert_eq!(out.status.code(), Some(1), "{fixture} {step}: {err}");
            assert!(
                err.contains(&format!("injected failure at {step}")),
                "{fixture} {step}: {err}"
            );
            assert!(
                w.bytes() == before,
                "{fixture} {step}: the original changed"
            );
            assert_eq!(
                w.folder_names(),
                ["MetaBase.xml"],
                "{fixture} {step}: leftovers"
            );
            // The next run (no fault) succeeds and gives the expected bytes.
            w.cmd().args(["set-dns-mode", "2"]).assert().success();
            assert!(
                w.bytes() == read_fixture(&format!("{fixture}.expected.xml")),
                "{fixture} {step}"
            );
        }
    }
}

#[test]
fn restore_faults_leave_the_current_file() {
    for step in BEFORE_RENAME {
        let w = Work::new("exchange2003.xml");
        w.cmd().args(["set-dns-mode", "2"]).assert().success();
        let edited = w.bytes();
        let out = w
            .cmd()
            .env("FAILPOINTS", format!("{step}=return"))
            .arg("restore")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{step}: {}", stderr_of(&out));
        assert!(w.bytes() == edited, "{step}");
        assert_eq!(w.folder_names(), ["MetaBase.xml"], "{step}");
    }
}

#[test]
fn a_failure_after_the_rename_leaves_the_complete_new_file() {
    let w = Work::new("exchange2003.xml");
    let out = w
        .cmd()
        .env("FAILPOINTS", "apply::after-rename=return")
        .args(["set-dns-mode", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stderr_of(&out).contains("flushing the folder failed"));
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
}

#[test]
fn a_panic_in_the_transaction_leaves_no_temp_file() {
    // `panic` unwinds through the temporary file's guard, which deletes it.
    let w = Work::new("exchange2003.xml");
    let before = w.bytes();
    let out = w
        .cmd()
        .env("FAILPOINTS", "apply::before-rename=panic")
        .args(["set-dns-mode", "2"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(w.bytes() == before);
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
}
