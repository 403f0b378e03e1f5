//! Fault injection at every step of the write transaction (`--features failpoints`).
//! Each injected failure must leave the original bytes and no temporary file;
//! a failure after the rename must leave the complete new bytes.
#![cfg(feature = "failpoints")]

mod common;

use std::time::{Duration, Instant};

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
            assert_eq!(err.lines().count(), 1, "{fixture} {step}: {err}");
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

/// Issue 12: `set` and `unset` of any property go through the same
/// transaction: a fault before the rename leaves the original, nothing else.
#[test]
fn set_and_unset_faults_leave_the_original() {
    let cases = [
        (
            "set-multisz",
            vec![
                "set",
                "/LM/W3SVC/1",
                "ServerBindings",
                ":80:",
                "10.0.0.5:8080:www.contoso.com",
            ],
        ),
        (
            "set-binary-new-id",
            vec!["set", "/LM/SmtpSvc", "50000", "0a0b0c", "--type", "BINARY"],
        ),
        ("unset-custom", vec!["unset", "/LM/SmtpSvc", "36931"]),
        (
            "unset-attribute",
            vec!["unset", "/LM/SmtpSvc", "MaxMessageSize"],
        ),
    ];
    for (name, args) in cases {
        for enc in ["crlf", "utf16le"] {
            for step in BEFORE_RENAME {
                let w = Work::new(&format!("property/{name}.{enc}.xml"));
                let before = w.bytes();
                let out = w
                    .cmd()
                    .env("FAILPOINTS", format!("{step}=return"))
                    .args(&args)
                    .output()
                    .unwrap();
                let err = stderr_of(&out);
                assert_eq!(out.status.code(), Some(1), "{name} {step}: {err}");
                assert!(
                    err.contains(&format!("injected failure at {step}")),
                    "{name} {step}: {err}"
                );
                assert!(
                    w.bytes() == before,
                    "{name} {enc} {step}: the original changed"
                );
                assert_eq!(
                    w.folder_names(),
                    ["MetaBase.xml"],
                    "{name} {step}: leftovers"
                );
                w.cmd().args(&args).assert().success();
                assert!(
                    w.bytes() == read_fixture(&format!("property/{name}.{enc}.expected.xml")),
                    "{name} {enc} {step}"
                );
            }
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

/// Names of this tool's temporary files beside the work file.
fn temp_files(w: &Work) -> Vec<String> {
    w.folder_names()
        .into_iter()
        .filter(|n| n.starts_with(".MetaBase.xml.") && n.ends_with(".metabase-fix.tmp"))
        .collect()
}

/// Wait (bounded) until `cond` holds.
fn wait_for(what: &str, mut cond: impl FnMut() -> bool) {
    let start = Instant::now();
    while !cond() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// An editor that takes no lock (Notepad, IIS) changes the file while a run
/// is between its read and its rename: the run fails without writing, and the
/// editor's bytes stay. The run is held at `apply::after-verify` (before the
/// comparison) by a sleep; the edit is made once its temporary file exists.
#[test]
fn a_change_by_an_editor_without_a_lock_is_never_overwritten() {
    type Edit = fn(&std::path::Path, &[u8]) -> Vec<u8>;
    let edits: [(&str, Edit); 3] = [
        ("rewritten in place", |p, old| {
            let new = [old, b"\r\n".as_slice()].concat();
            std::fs::write(p, &new).unwrap();
            new
        }),
        ("one byte changed in place, same length", |p, old| {
            use std::io::{Seek, SeekFrom, Write};
            let mut f = std::fs::OpenOptions::new().write(true).open(p).unwrap();
            let at = old.windows(3).position(|w| w == b"600").unwrap();
            f.seek(SeekFrom::Start(at as u64)).unwrap();
            f.write_all(b"9").unwrap();
            let mut new = old.to_vec();
            new[at] = b'9';
            new
        }),
        ("replaced by a new file (save by rename)", |p, old| {
            let new = String::from_utf8(old.to_vec())
                .unwrap()
                .replacen("600", "900", 1)
                .into_bytes();
            let side = p.with_file_name("editor-save.tmp");
            std::fs::write(&side, &new).unwrap();
            std::fs::rename(&side, p).unwrap();
            new
        }),
    ];
    for (what, edit) in edits {
        let w = Work::new("exchange2003.xml");
        let old = w.bytes();
        let child = w
            .std_cmd()
            .env("FAILPOINTS", "apply::after-verify=sleep(1000)")
            .args(["set-dns-mode", "2"])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        wait_for("the temporary file", || !temp_files(&w).is_empty());
        let theirs = edit(&w.file, &old);
        let out = child.wait_with_output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{what}: {err}");
        assert!(
            err.contains("the file changed while metabase-fix was working on it")
                && err.contains("nothing was written"),
            "{what}: {err}"
        );
        assert!(w.bytes() == theirs, "{what}: the editor's change was lost");
        assert_eq!(w.folder_names(), ["MetaBase.xml"], "{what}");
    }
}

/// SIGKILL while holding the lock, with a complete temporary file written:
/// the lock dies with the process (the next run does not wait), the file is
/// the old one, and the next run removes the leftover and makes the change.
#[cfg(unix)]
#[test]
fn a_killed_lock_holder_leaves_no_stale_lock() {
    let w = Work::new("exchange2003.xml");
    let old = w.bytes();
    let mut child = w
        .std_cmd()
        .env("FAILPOINTS", "apply::after-temp-sync=sleep(60000)")
        .args(["set-dns-mode", "2"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Held: the lock is taken and the temporary file is complete.
    wait_for("the lock", || {
        let f = std::fs::File::open(&w.file).unwrap();
        match f.try_lock() {
            Ok(()) => false,
            Err(std::fs::TryLockError::WouldBlock) => true,
            Err(e) => panic!("{e}"),
        }
    });
    wait_for("a complete temporary file", || {
        temp_files(&w).iter().any(|n| {
            let p = w.file.parent().unwrap().join(n);
            std::fs::read(p).is_ok_and(|b| b.len() > old.len())
        })
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(w.bytes() == old);
    assert_eq!(temp_files(&w).len(), 1);
    let start = Instant::now();
    let out = w
        .cmd()
        .args(["--lock-timeout", "5", "set-dns-mode", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "waited for a dead lock"
    );
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
}
