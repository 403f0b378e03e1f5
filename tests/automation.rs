//! Issue 5: JSON schemas (parsed with deny_unknown_fields, so any schema change
//! breaks a test on purpose), colour, --quiet, completions, man, IIS History.

mod common;

use std::path::Path;

use common::{bin, read_fixture, stderr_of, stdout_of, Work};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SetReport {
    file: String,
    location: String,
    previous: Option<u32>,
    previous_raw: Option<String>,
    form: Option<String>,
    mode: u32,
    change: String,
    changed: bool,
    dry_run: bool,
    backup: Option<String>,
    backup_id: Option<String>,
    warnings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ShowReport {
    file: String,
    encoding: String,
    line_ends: String,
    edit_while_running: bool,
    keys: Vec<ShowKey>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
struct ShowKey {
    location: String,
    value: Option<u32>,
    raw: Option<String>,
    form: Option<String>,
    line: Option<usize>,
    effective: u32,
    source: String,
    inherited_from: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupItem {
    id: String,
    time: String,
    size: u64,
    sha256: String,
    operation: String,
    path: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RestoreReport {
    file: String,
    restored: String,
    backup: String,
    changed: bool,
    dry_run: bool,
    previous_backup: Option<String>,
    warnings: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorDoc {
    error: ErrorBody,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorBody {
    kind: String,
    message: String,
    file: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct HistoryItem {
    version: String,
    major: u64,
    minor: u64,
    time: String,
    size: u64,
    path: String,
    well_formed: bool,
    problem: Option<String>,
}

fn json<T: for<'de> Deserialize<'de>>(out: &std::process::Output) -> T {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout was {:?}, stderr {:?}",
            stdout_of(out),
            stderr_of(out)
        )
    })
}

#[test]
fn set_dns_mode_json_insert_update_unchanged_dry_run() {
    let w = Work::new("shadowed.xml");
    let out = w
        .cmd()
        .args(["--json", "set-dns-mode", "2"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        stderr_of(&out),
        "",
        "with --json, warnings go into the document"
    );
    let r: SetReport = json(&out);
    assert_eq!(r.file, w.file.display().to_string());
    assert_eq!(
        (
            r.location.as_str(),
            r.previous,
            r.mode,
            r.changed,
            r.dry_run
        ),
        ("/LM/SmtpSvc", None, 2, true, false)
    );
    assert_eq!(
        (r.change.as_str(), r.form.as_deref()),
        ("inserted", Some("custom"))
    );
    assert!(Path::new(r.backup.as_ref().unwrap()).is_file());
    assert!(r.backup_id.is_some());
    assert_eq!(r.previous_raw, None);
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    assert!(r.warnings.iter().any(|w| w.contains("/LM/SmtpSvc/1")));

    let r: SetReport = json(
        &w.cmd()
            .args(["--json", "set-dns-mode", "1"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (
            r.previous,
            r.previous_raw.as_deref(),
            r.change.as_str(),
            r.changed
        ),
        (Some(2), Some("2"), "updated", true)
    );

    let r: SetReport = json(
        &w.cmd()
            .args(["--json", "set-dns-mode", "1"])
            .output()
            .unwrap(),
    );
    assert_eq!(
        (r.previous, r.change.as_str(), r.changed, r.backup),
        (Some(1), "unchanged", false, None)
    );

    let r: SetReport = json(
        &w.cmd()
            .args(["set-dns-mode", "0", "--dry-run", "--diff", "--json"])
            .output()
            .unwrap(),
    );
    assert_eq!((r.dry_run, r.changed, r.backup), (true, false, None));
}

#[test]
fn show_json() {
    let w = Work::new("attribute.xml");
    let r: ShowReport = json(&w.cmd().args(["show", "--json"]).output().unwrap());
    assert_eq!(
        (
            r.encoding.as_str(),
            r.line_ends.as_str(),
            r.edit_while_running
        ),
        ("UTF-8", "CRLF", true)
    );
    assert_eq!(r.file, w.file.display().to_string());
    assert_eq!(
        r.keys[0],
        ShowKey {
            location: "/LM/SmtpSvc".into(),
            value: Some(0),
            raw: Some("0".into()),
            form: Some("attribute".into()),
            line: Some(27),
            effective: 0,
            source: "own".into(),
            inherited_from: None,
        }
    );
    assert_eq!(r.keys.len(), 3);
    assert_eq!(
        (
            r.keys[2].source.as_str(),
            r.keys[2].inherited_from.as_deref()
        ),
        ("inherited", Some("/LM/SmtpSvc"))
    );
    let w = Work::new("utf16le.xml");
    let r: ShowReport = json(&w.cmd().args(["show", "--json"]).output().unwrap());
    assert_eq!(
        (r.encoding.as_str(), r.keys[0].source.as_str()),
        ("UTF-16LE with BOM", "default")
    );
}

#[test]
fn backups_and_restore_json() {
    let w = Work::new("exchange2003.xml");
    let items: Vec<BackupItem> = json(&w.cmd().args(["--json", "backups"]).output().unwrap());
    assert!(items.is_empty());
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    let items: Vec<BackupItem> = json(&w.cmd().args(["--json", "backups"]).output().unwrap());
    assert_eq!(items.len(), 1);
    let b = &items[0];
    assert!(humantime::parse_rfc3339(&b.time).is_ok(), "{}", b.time);
    assert_eq!(b.size, read_fixture("exchange2003.xml").len() as u64);
    assert_eq!(b.sha256.len(), 64);
    assert_eq!(b.operation, "set-dns-mode 2 --location /LM/SmtpSvc");
    assert!(b.path.ends_with(&format!("{}.xml", b.id)));

    let r: RestoreReport = json(&w.cmd().args(["--json", "restore"]).output().unwrap());
    assert_eq!(
        (r.restored.as_str(), r.changed, r.dry_run),
        (b.id.as_str(), true, false)
    );
    assert_eq!(r.backup, b.path);
    assert_eq!(r.file, w.file.display().to_string());
    assert!(r.previous_backup.is_some() && r.warnings.is_empty());
    let r: RestoreReport = json(&w.cmd().args(["--json", "restore", &b.id]).output().unwrap());
    assert!(!r.changed, "already restored");
}

#[test]
fn errors_as_json_keep_their_exit_codes() {
    let w = Work::new("exchange2003.xml");
    let out = w
        .cmd()
        .args(["--json", "set-dns-mode", "2", "--location", "/LM/Nope"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr_of(&out), "");
    let e: ErrorDoc = json(&out);
    assert_eq!(e.error.kind, "key-not-found");
    assert_eq!(
        e.error.file.as_deref(),
        Some(w.file.display().to_string().as_str())
    );
    assert!(e.error.message.contains("/LM/Nope"));

    let out = bin()
        .args(["--json", "--file", "/nonexistent/MetaBase.xml", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let e: ErrorDoc = json(&out);
    assert_eq!(
        (e.error.kind.as_str(), e.error.file.as_deref()),
        ("io", Some("/nonexistent/MetaBase.xml"))
    );

    let out = bin()
        .args(["--json", "set-dns-mode", "7"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e: ErrorDoc = json(&out);
    assert_eq!((e.error.kind.as_str(), e.error.file), ("usage", None));
    assert!(e.error.message.contains("invalid value '7'"));
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let w = Work::new("exchange2003.xml");
    let diff = |extra: &[&str], no_color: bool| {
        let mut c = w.cmd();
        if no_color {
            c.env("NO_COLOR", "1");
        }
        let out = c
            .args(["set-dns-mode", "2", "--dry-run", "--diff"])
            .args(extra)
            .output()
            .unwrap();
        stdout_of(&out)
    };
    assert!(diff(&["--color", "always"], false).contains("\x1b[32m+"));
    assert!(!diff(&["--color", "never"], false).contains('\x1b'));
    assert!(
        !diff(&[], false).contains('\x1b'),
        "not a terminal: no colour"
    );
    assert!(!diff(&[], true).contains('\x1b'));
    // JSON never carries colour.
    let out = w
        .cmd()
        .args([
            "--color",
            "always",
            "--json",
            "set-dns-mode",
            "2",
            "--dry-run",
            "--diff",
        ])
        .output()
        .unwrap();
    assert!(!stdout_of(&out).contains('\x1b'));
}

/// On a real terminal (`script` gives the binary a pty): colour by default, none with NO_COLOR.
#[test]
fn colour_on_a_pty_and_no_color() {
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("SKIP: `script` (util-linux) is not installed");
        return;
    }
    let w = Work::new("exchange2003.xml");
    let exe = assert_cmd::cargo::cargo_bin("metabase-fix");
    let run = |no_color: bool| {
        let cmdline = format!(
            "{} --file {} set-dns-mode 2 --dry-run --diff",
            exe.display(),
            w.file.display()
        );
        let mut c = std::process::Command::new("script");
        c.args(["-qec", &cmdline, "/dev/null"])
            .env("TERM", "xterm")
            .env_remove("NO_COLOR");
        if no_color {
            c.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&c.output().unwrap().stdout).into_owned()
    };
    let coloured = run(false);
    assert!(coloured.contains("\x1b[32m+"), "{coloured:?}");
    assert!(!run(true).contains("\x1b["));
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    // `metabase-fix ... | head -1`: the pipe closes before the output is
    // written; the run ends with 0 and says nothing (as ripgrep does).
    let w = Work::new("exchange2003.xml");
    for args in [
        &["show"][..],
        &["--json", "show"],
        &["--json", "get", "/LM/SmtpSvc", "ConnectionTimeout"],
        &["list", "/LM/SmtpSvc"],
        &["--json", "check"],
        &["explain", "4.4.7"],
    ] {
        let mut child = w
            .std_cmd()
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr_of(&out));
        assert_eq!(stderr_of(&out), "", "{args:?}");
    }
}

#[test]
fn quiet_prints_only_errors() {
    let w = Work::new("shadowed.xml");
    let out = w
        .cmd()
        .args(["-q", "set-dns-mode", "2", "--diff"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        (stdout_of(&out), stderr_of(&out)),
        (String::new(), String::new())
    );
    let out = w.cmd().args(["show", "--quiet"]).output().unwrap();
    assert_eq!(stdout_of(&out), "");
    let out = w
        .cmd()
        .args(["-q", "set-dns-mode", "2", "--location", "/x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("no key with Location=\"/x\""));
}

#[test]
fn completions_and_man() {
    let out = bin().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let script = dir.path().join("metabase-fix.bash");
    std::fs::write(&script, &out.stdout).unwrap();
    let check = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "bash -n: {}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(stdout_of(&out).contains("set-dns-mode"));
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let out = bin().args(["completions", shell]).output().unwrap();
        assert!(
            out.status.success() && stdout_of(&out).contains("set-dns-mode"),
            "{shell}"
        );
    }
    let out = bin().arg("man").output().unwrap();
    let man = stdout_of(&out);
    assert!(man.starts_with(".ie") || man.contains(".TH"), "{man}");
    assert!(man.contains("metabase\\-fix"));
}

/// A copy of fixtures/history/ in a temporary folder.
fn history_work() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/history");
    std::fs::create_dir(dir.path().join("History")).unwrap();
    std::fs::copy(src.join("MetaBase.xml"), dir.path().join("MetaBase.xml")).unwrap();
    for e in std::fs::read_dir(src.join("History")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("History").join(e.file_name())).unwrap();
    }
    let file = dir.path().join("MetaBase.xml");
    (dir, file)
}

#[test]
fn history_is_listed_newest_first() {
    let (dir, file) = history_work();
    let out = bin()
        .arg("--file")
        .arg(&file)
        .args(["backups", "--history", "--json"])
        .output()
        .unwrap();
    let items: Vec<HistoryItem> = json(&out);
    let versions: Vec<&str> = items.iter().map(|h| h.version.as_str()).collect();
    assert_eq!(versions, ["13_0", "12_1", "12_0", "11_0"]);
    assert_eq!((items[1].major, items[1].minor), (12, 1));
    assert!(humantime::parse_rfc3339(&items[0].time).is_ok());
    assert_eq!(items[3].size, read_fixture("exchange2003.xml").len() as u64);
    assert!(items[3].path.starts_with(&dir.path().display().to_string()));
    // Issue 11: each copy says whether IIS would load it; 13_0 is truncated.
    let ok: Vec<bool> = items.iter().map(|h| h.well_formed).collect();
    assert_eq!(ok, [false, true, true, true]);
    assert!(
        items[0].problem.as_deref().unwrap().contains("line "),
        "{:?}",
        items[0].problem
    );
    assert_eq!(items[1].problem, None);
    let out = bin()
        .arg("--file")
        .arg(&file)
        .args(["backups", "--history"])
        .output()
        .unwrap();
    assert!(stdout_of(&out).contains("12_1"));
}

#[test]
fn restore_from_history_is_checked_backed_up_and_atomic() {
    let (dir, file) = history_work();
    let backups = dir.path().join("backups");
    let run = |args: &[&str]| {
        bin()
            .arg("--file")
            .arg(&file)
            .arg("--backup-dir")
            .arg(&backups)
            .args(args)
            .output()
            .unwrap()
    };
    let before = std::fs::read(&file).unwrap();

    let out = run(&["restore", "--from-history", "11", "--dry-run", "--diff"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(stdout_of(&out).contains("-\t\tName=\"SmtpUseTcpDns\""));
    assert_eq!(std::fs::read(&file).unwrap(), before);

    let out = run(&["restore", "--from-history", "11_0"]);
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert_eq!(
        std::fs::read(&file).unwrap(),
        read_fixture("exchange2003.xml")
    );
    // The file as it was is a backup: restore brings it back.
    let out = run(&["restore"]);
    assert!(out.status.success());
    assert_eq!(std::fs::read(&file).unwrap(), before);

    let out = run(&["restore", "--from-history", "12"]);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read(&file).unwrap(),
        read_fixture("no-customs.xml"),
        "major 12 means its newest minor"
    );

    let by_name = run(&[
        "restore",
        "--from-history",
        "MetaBase_0000000012_0000000000.xml",
    ]);
    assert!(by_name.status.success());
    assert_eq!(std::fs::read(&file).unwrap(), read_fixture("attribute.xml"));

    let current = std::fs::read(&file).unwrap();
    let out = run(&["restore", "--from-history", "13"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr_of(&out).contains("MetaBase_0000000013_0000000000.xml: line 4"),
        "{}",
        stderr_of(&out)
    );
    let out = run(&["restore", "--from-history", "99"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr_of(&out).contains("no history file '99'"));
    assert_eq!(std::fs::read(&file).unwrap(), current);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "MetaBase.xml, History, backups: {names:?}");
}
