//! End to end: the built binary on a copy of every fixture, output compared
//! byte for byte with the expected file; round trips; errors leave bytes alone.

mod common;

use common::{bin, read_fixture, stderr_of, stdout_of, Work};
use predicates::prelude::*;

/// Every fixture with an expected output for `set-dns-mode 2`.
const CASES: &[&str] = &[
    "exchange2003",
    "iisconfigobject",
    "attribute",
    "update-unknownname",
    "lf",
    "bom",
    "no-customs",
    "self-closing",
    "kb-one-line",
    "append",
    "shadowed",
    "already-set",
    "utf16le",
];

#[test]
fn every_fixture_gives_its_expected_bytes() {
    for case in CASES {
        let w = Work::new(&format!("{case}.xml"));
        let input = w.bytes();
        let expected = read_fixture(&format!("{case}.expected.xml"));
        let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
        assert!(out.status.success(), "{case}: {}", stderr_of(&out));
        assert!(
            w.bytes() == expected,
            "{case}: output differs from {case}.expected.xml"
        );
        assert_eq!(w.folder_names(), ["MetaBase.xml"], "{case}: stray files");
        if input == expected {
            assert_eq!(w.backup_count(), 0, "{case}: no-op must not back up");
            assert!(stderr_of(&out).contains("already 2"), "{case}");
        } else {
            assert_eq!(w.backup_count(), 1, "{case}");
            // The backup holds the original bytes exactly.
            let list = w.cmd().args(["--json", "backups"]).output().unwrap();
            let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
            let backup = std::fs::read(v[0]["path"].as_str().unwrap()).unwrap();
            assert!(backup == input, "{case}: backup differs from the original");
        }
    }
}

#[test]
fn set_then_restore_gives_the_original_bytes() {
    for case in CASES {
        let w = Work::new(&format!("{case}.xml"));
        let input = w.bytes();
        w.cmd()
            .args(["set-dns-mode", "udp-only"])
            .assert()
            .success();
        if w.bytes() == input {
            continue; // already-set
        }
        w.cmd().arg("restore").assert().success();
        assert!(
            w.bytes() == input,
            "{case}: restore did not give the original bytes"
        );
        assert_eq!(w.folder_names(), ["MetaBase.xml"], "{case}");
        // The restore backed up the edited file first: restoring that undoes the restore.
        assert_eq!(w.backup_count(), 2, "{case}");
    }
}

#[test]
fn second_set_is_a_no_op_and_modes_switch_by_digit_only() {
    let w = Work::new("exchange2003.xml");
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    let after2 = w.bytes();
    w.cmd()
        .args(["set-dns-mode", "2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("nothing to do"));
    assert_eq!(w.backup_count(), 1);
    w.cmd()
        .args(["set-dns-mode", "tcp-only"])
        .assert()
        .success();
    let after1 = w.bytes();
    assert_eq!(after1.len(), after2.len());
    let diffs: Vec<usize> = (0..after1.len())
        .filter(|&i| after1[i] != after2[i])
        .collect();
    assert_eq!(diffs.len(), 1, "only the digit changes");
    assert_eq!((after2[diffs[0]], after1[diffs[0]]), (b'2', b'1'));
}

#[test]
fn dry_run_diff_shows_the_change_and_writes_nothing() {
    let w = Work::new("exchange2003.xml");
    let before = w.bytes();
    let out = w
        .cmd()
        .args(["set-dns-mode", "2", "--dry-run", "--diff"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(w.bytes() == before);
    assert_eq!(w.backup_count(), 0);
    assert!(
        !w.backups.exists(),
        "a dry run must not even create the backup folder"
    );
    let diff = stdout_of(&out).replace(&w.file.display().to_string(), "MetaBase.xml");
    insta::assert_snapshot!(diff.replace('\r', "␍"), @r#"
    --- MetaBase.xml
    +++ MetaBase.xml
    @@ -44,6 +44,14 @@
     		Attributes="INHERIT"␍
     	/>␍
     	<Custom␍
    +		Name="SmtpUseTcpDns"␍
    +		ID="36997"␍
    +		Value="2"␍
    +		Type="DWORD"␍
    +		UserType="IIS_MD_UT_SERVER"␍
    +		Attributes="INHERIT"␍
    +	/>␍
    +	<Custom␍
     		Name="UnknownName_49875"␍
     		ID="49875"␍
     		Value="0"␍
    "#);
    assert!(stderr_of(&out).contains("Dry run"));
}

#[test]
fn diff_without_dry_run_writes_and_prints() {
    let w = Work::new("attribute.xml");
    let out = w
        .cmd()
        .args(["set-dns-mode", "2", "--diff"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let s = stdout_of(&out);
    assert!(
        s.contains("-\t\tSmtpUseTcpDns=\"0\"\r\n+\t\tSmtpUseTcpDns=\"2\"\r\n"),
        "{s}"
    );
    assert!(w.bytes() == read_fixture("attribute.expected.xml"));
}

#[test]
fn virtual_server_location_and_case_insensitive_paths() {
    let w = Work::new("exchange2003.xml");
    w.cmd()
        .args(["set-dns-mode", "1", "--location", "/lm/smtpsvc/1"])
        .assert()
        .success();
    let show = w.cmd().args(["--json", "show"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    let keys = v["keys"].as_array().unwrap();
    assert_eq!(keys[0]["location"], "/LM/SmtpSvc");
    assert_eq!(keys[0]["source"], "default");
    assert_eq!(keys[1]["location"], "/LM/SmtpSvc/1");
    assert_eq!(
        (keys[1]["value"].as_u64(), keys[1]["source"].as_str()),
        (Some(1), Some("own"))
    );
    assert_eq!(
        (keys[2]["effective"].as_u64(), keys[2]["source"].as_str()),
        (Some(1), Some("inherited"))
    );
}

#[test]
fn warnings_name_the_shadowing_key_and_edit_while_running() {
    let w = Work::new("shadowed.xml");
    let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
    assert!(out.status.success());
    let err = stderr_of(&out);
    assert!(
        err.contains("/LM/SmtpSvc/1 (line 64, column 2) sets its own SmtpUseTcpDns = 0"),
        "{err}"
    );
    assert!(
        err.contains("set-dns-mode 2 --location /LM/SmtpSvc/1"),
        "{err}"
    );
    assert!(
        err.contains("EnableEditWhileRunning on /LM is \"0\""),
        "{err}"
    );
    assert!(err.contains("restart the SMTP service"), "{err}");
    // No edit-while-running warning when it is on.
    let w = Work::new("exchange2003.xml");
    let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
    assert!(!stderr_of(&out).contains("EnableEditWhileRunning"));
}

/// Error cases: exit code, message, bytes unchanged, nothing left behind.
fn fails_unchanged(w: &Work, args: &[&str], code: i32, message: &str) {
    let before = w.bytes();
    let out = w.cmd().args(args).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
    assert!(
        err.contains(message),
        "{args:?}: expected {message:?} in {err:?}"
    );
    assert!(w.bytes() == before, "{args:?}: bytes changed");
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
    assert_eq!(w.backup_count(), 0);
}

#[test]
fn bad_modes_are_usage_errors() {
    let w = Work::new("exchange2003.xml");
    for m in ["3", "udp", "0x2"] {
        fails_unchanged(&w, &["set-dns-mode", m], 2, "invalid value");
    }
    fails_unchanged(&w, &["set-dns-mode", "-1"], 2, "unexpected argument '-1'");
    fails_unchanged(&w, &["set-dns-mode", ""], 2, "a value is required");
    fails_unchanged(
        &w,
        &["--lock-timeout", "x", "show"],
        2,
        "not a number of seconds",
    );
}

#[test]
fn missing_key_duplicate_key_and_conflicts_fail_clearly() {
    let w = Work::new("exchange2003.xml");
    fails_unchanged(
        &w,
        &["set-dns-mode", "2", "--location", "/LM/Nope"],
        1,
        "no key with Location=\"/LM/Nope\" (is the SMTP service installed?",
    );

    let text = String::from_utf8(read_fixture("exchange2003.xml")).unwrap();
    let dup = text.replace("/LM/SmtpSvc/1\"", "/LM/SMTPSVC\"");
    let w = Work::with_bytes(dup.as_bytes());
    fails_unchanged(
        &w,
        &["set-dns-mode", "2"],
        1,
        "2 keys have Location=\"/LM/SmtpSvc\" (lines 25, 63)",
    );

    let both = String::from_utf8(read_fixture("exchange2003.expected.xml"))
        .unwrap()
        .replace(
            "ConnectionTimeout=\"600\"",
            "ConnectionTimeout=\"600\"\r\n\t\tSmtpUseTcpDns=\"1\"",
        );
    let w = Work::with_bytes(both.as_bytes());
    fails_unchanged(&w, &["set-dns-mode", "2"], 1, "sets SmtpUseTcpDns twice");
    fails_unchanged(&w, &["set-dns-mode", "2"], 1, "(lines 47, 27)");
}

#[test]
fn unreadable_inputs_fail_with_the_file_named() {
    let w = Work::new("exchange2003.xml");
    let dir = w.dir.path().display().to_string();
    let out = bin()
        .args([
            "--backup-dir",
            "/nonexistent-never",
            "--file",
            &dir,
            "set-dns-mode",
            "2",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("is a folder, not a file"));

    let missing = w.dir.path().join("nope.xml");
    let out = bin()
        .arg("--file")
        .arg(&missing)
        .args(["show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("nope.xml: not found (check --file"),
        "{}",
        stderr_of(&out)
    );

    let w = Work::with_bytes(b"<?xml version=\"1.0\"?>\r\n<configuration>\r\n<MBProperty>\r\n<IIsComputer Location=\"/LM\"");
    fails_unchanged(
        &w,
        &["set-dns-mode", "2"],
        1,
        "line 4, column 1: not well-formed XML",
    );
    let w = Work::with_bytes(b"<root><MBProperty/></root>");
    fails_unchanged(
        &w,
        &["set-dns-mode", "2"],
        1,
        "not a metabase: the root element is <root>",
    );
}

#[test]
fn no_file_says_to_pass_file() {
    if cfg!(windows) {
        return;
    }
    let out = bin().args(["show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("no metabase file given: pass --file PATH (or set METABASE_FILE)")
    );
}

#[test]
fn env_fallbacks_and_global_options_after_the_command() {
    let w = Work::new("exchange2003.xml");
    bin()
        .env("METABASE_FILE", &w.file)
        .env("METABASE_FIX_BACKUP_DIR", &w.backups)
        .args(["set-dns-mode", "2"])
        .assert()
        .success();
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
    bin()
        .args(["backups", "--file"])
        .arg(&w.file)
        .arg("--backup-dir")
        .arg(&w.backups)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "set-dns-mode 2 --location /LM/SmtpSvc",
        ));
}

#[test]
fn restore_refuses_a_damaged_backup_and_supports_dry_run() {
    let w = Work::new("exchange2003.xml");
    let original = w.bytes();
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    let edited = w.bytes();
    let out = w
        .cmd()
        .args(["restore", "--dry-run", "--diff"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        stdout_of(&out).contains("-\t\tName=\"SmtpUseTcpDns\""),
        "{}",
        stdout_of(&out)
    );
    assert!(w.bytes() == edited);

    let list = w.cmd().args(["--json", "backups"]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let path = v[0]["path"].as_str().unwrap().to_string();
    let mut damaged = original.clone();
    damaged[100] ^= 1;
    std::fs::write(&path, &damaged).unwrap();
    let out = w.cmd().arg("restore").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("is damaged"),
        "{}",
        stderr_of(&out)
    );
    assert!(w.bytes() == edited);

    let out = w.cmd().args(["restore", "no-such-id"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("no backup 'no-such-id'"));
}

#[test]
fn show_reports_value_form_and_inheritance() {
    let w = Work::new("attribute.xml");
    let out = w.cmd().arg("show").output().unwrap();
    assert!(out.status.success());
    let s = stdout_of(&out).replace(&w.file.display().to_string(), "MetaBase.xml");
    insta::assert_snapshot!(s, @r#"
    File:               MetaBase.xml (UTF-8, CRLF)
    Edit while running: on (EnableEditWhileRunning="1" on /LM): IIS reads the file when it is saved
    SmtpUseTcpDns (ID 36997):
      LOCATION                          VALUE  MODE          SOURCE
      /LM/SmtpSvc                           0  udp-then-tcp  own: attribute, line 27, column 3
      /LM/SmtpSvc/1                         0  udp-then-tcp  inherited from /LM/SmtpSvc
      /LM/SmtpSvc/1/Domain/contoso.com      0  udp-then-tcp  inherited from /LM/SmtpSvc
    Meaning at /LM/SmtpSvc: udp-then-tcp: UDP, retry over TCP when the answer is truncated
    "#);
}

#[test]
fn help_and_version() {
    bin()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("metabase-fix "));
    let out = bin().args(["set-dns-mode", "--help"]).output().unwrap();
    assert!(out.status.success());
    insta::assert_snapshot!(stdout_of(&out));
}
