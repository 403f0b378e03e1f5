//! Hostile or broken input never panics, hangs or exhausts memory: each gets a
//! one-line cause on stderr naming the file and the place, exit 1, unchanged
//! bytes, and nothing left behind. `fixtures/bad/expected.tsv` holds the
//! expected message for every file in `fixtures/bad/`.

mod common;

use std::time::{Duration, Instant};

use common::{bin, fixture, stderr_of, stdout_of, Work};

/// The end of every refusal of a file that does not read: the next step.
fn tail() -> String {
    format!(
        "; IIS will not load this file; nothing was changed. {}",
        metabase_fix::metabase::gate::find_a_good_copy()
    )
}

/// Run `args` on the work file: exit 1, exactly one stderr line
/// `FILE: <place and message>; IIS will not load this file; ...`, whose place
/// and message start with `start`; bytes unchanged, no leftovers, no backup,
/// within a time bound.
fn rejected(w: &Work, args: &[&str], start: &str) {
    let before = w.bytes();
    let t0 = Instant::now();
    let out = w.cmd().args(args).output().unwrap();
    let took = t0.elapsed();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    let head = format!("metabase-fix: error: {}: {start}", w.file.display());
    assert!(
        err.starts_with(&head),
        "{args:?}:\n{err}\nwant it to start with\n{head}"
    );
    assert!(err.ends_with(&format!("{}\n", tail())), "{args:?}: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(w.bytes() == before, "{args:?}: bytes changed");
    assert_eq!(w.folder_names(), ["MetaBase.xml"], "{args:?}");
    assert_eq!(w.backup_count(), 0);
    assert_eq!(w.backup_temps(), Vec::<String>::new(), "{args:?}");
    assert!(took < Duration::from_secs(20), "{args:?} took {took:?}");
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckReport {
    ok: bool,
    file: String,
    encoding: Option<String>,
    line_ends: Option<String>,
    findings: Vec<CheckFinding>,
}

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct CheckFinding {
    severity: String,
    code: String,
    line: usize,
    column: usize,
    message: String,
}

/// Issue 11: one file per rule, each refused by every command that reads a
/// metabase at the line and column of the offending character (worked out by
/// `fixtures/bad/make_bad.py` from where it put the damage), and reported by
/// `check` with the same code, line and column.
#[test]
fn every_file_in_the_bad_corpus_is_refused_at_its_place() {
    let table = std::fs::read_to_string(fixture("bad/expected.tsv")).unwrap();
    let mut seen = 0;
    for row in table.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [name, code, line, column] = cols[..] else {
            panic!("file<TAB>code<TAB>line<TAB>column: {row}")
        };
        let w = Work::new(&format!("bad/{name}"));
        let mut start = format!("line {line}, column {column}");
        if code != "bad-encoding" {
            start.push_str(": ");
        }
        if metabase_fix::metabase::scan::is_xml_rule(code) && code != "bad-encoding" {
            start.push_str("not well-formed XML: ");
        }
        rejected(&w, &["set-dns-mode", "2"], &start);
        rejected(&w, &["set-dns-mode", "0", "--dry-run", "--diff"], &start);
        rejected(&w, &["show"], &start);

        let out = w.cmd().args(["--json", "check"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{name}");
        let r: CheckReport = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}: {}", stdout_of(&out)));
        assert!(!r.ok && r.file.ends_with("MetaBase.xml"));
        assert_eq!(r.encoding.is_some(), r.line_ends.is_some());
        let first = r
            .findings
            .iter()
            .find(|f| f.severity == "error")
            .unwrap_or_else(|| panic!("{name}: no error finding"));
        assert_eq!(
            (
                first.code.as_str(),
                first.line.to_string(),
                first.column.to_string()
            ),
            (code, line.to_string(), column.to_string()),
            "{name}: {first:?}"
        );
        assert!(!first.message.is_empty());
        seen += 1;
    }
    let files = std::fs::read_dir(fixture("bad")).unwrap().filter(|e| {
        e.as_ref()
            .unwrap()
            .path()
            .extension()
            .is_some_and(|x| x == "xml")
    });
    assert_eq!(
        files.count(),
        seen,
        "every bad fixture has a row in expected.tsv"
    );
    assert!(seen >= 50, "{seen} rows");
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let mut doc =
        String::from("<configuration><MBProperty><IIsSmtpService Location=\"/LM/SmtpSvc\">");
    doc.push_str(&"<a>".repeat(100_000));
    doc.push_str(&"</a>".repeat(100_000));
    doc.push_str("</IIsSmtpService></MBProperty></configuration>");
    let w = Work::with_bytes(doc.as_bytes());
    // configuration, MBProperty and the key are 3 levels; the 62nd <a> is one too many.
    let column =
        "<configuration><MBProperty><IIsSmtpService Location=\"/LM/SmtpSvc\">".len() + 61 * 3 + 1;
    let message = format!(
        "line 1, column {column}: elements nested more than 64 deep; a metabase has four levels (damaged or hostile file)"
    );
    rejected(&w, &["set-dns-mode", "2"], &message);
}

fn with_big_value(closed: bool) -> Vec<u8> {
    let good = std::fs::read(fixture("exchange2003.xml")).unwrap();
    let at = good
        .windows(17)
        .position(|w| w == b"ConnectionTimeout")
        .unwrap();
    let mut out = good[..at].to_vec();
    out.extend_from_slice(b"AdminACL=\"");
    out.resize(out.len() + 50 * 1024 * 1024, b'a');
    if closed {
        out.extend_from_slice(b"\"\r\n\t\t");
        out.extend_from_slice(&good[at..]);
    }
    out
}

#[test]
fn a_50_mb_value_unterminated_is_refused() {
    let w = Work::with_bytes(&with_big_value(false));
    rejected(
        &w,
        &["set-dns-mode", "2"],
        "line 25, column 1: not well-formed XML: a tag is not closed: '>' is missing (truncated file?)",
    );
}

#[test]
fn a_50_mb_value_well_formed_is_edited_around() {
    let input = with_big_value(true);
    let w = Work::with_bytes(&input);
    let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    let output = w.bytes();
    let element = std::fs::metadata(fixture("exchange2003.expected.xml"))
        .unwrap()
        .len()
        - std::fs::metadata(fixture("exchange2003.xml"))
            .unwrap()
            .len();
    assert_eq!(
        output.len() as u64,
        input.len() as u64 + element,
        "one Custom element inserted"
    );
    let p = output
        .iter()
        .zip(&input)
        .take_while(|(a, b)| a == b)
        .count();
    assert_eq!(
        &output[output.len() - (input.len() - p)..],
        &input[p..],
        "only an insertion"
    );
}

#[test]
fn a_folder_or_a_missing_file_as_file() {
    let w = Work::new("exchange2003.xml");
    let dir = w.file.parent().unwrap().to_path_buf();
    let out = bin()
        .arg("--file")
        .arg(&dir)
        .args(["--backup-dir"])
        .arg(&w.backups)
        .args(["set-dns-mode", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_of(&out),
        format!("metabase-fix: error: {}: is a folder, not a file: pass the path of MetaBase.xml itself\n", dir.display())
    );
    let missing = dir.join("MetaBase.xm");
    let out = bin()
        .arg("--file")
        .arg(&missing)
        .args(["--backup-dir"])
        .arg(&w.backups)
        .args(["set-dns-mode", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.starts_with(&format!(
            "metabase-fix: error: {}: not found",
            missing.display()
        )),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
}

#[test]
fn a_backup_folder_that_cannot_be_created() {
    let w = Work::new("exchange2003.xml");
    let before = w.bytes();
    let blocker = w.dir.path().join("a-file");
    std::fs::write(&blocker, b"x").unwrap();
    let out = bin()
        .arg("--file")
        .arg(&w.file)
        .arg("--backup-dir")
        .arg(blocker.join("backups"))
        .args(["set-dns-mode", "2"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_of(&out);
    assert!(
        err.contains("cannot create the backup folder") && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1);
    assert!(w.bytes() == before);
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_fails_before_anything_is_replaced() {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let as_root = unsafe { libc::geteuid() } == 0;
    // Root ignores permission bits: as root, the binary runs as nobody. Nobody
    // may not reach the clone (root's home and `mktemp -d` are 0700, issue 16),
    // so the work folder and a copy of the binary go where any user can enter.
    let w = if as_root {
        Work::with_bytes_in(
            common::open_tempdir(),
            &common::read_fixture("exchange2003.xml"),
        )
    } else {
        Work::new("exchange2003.xml")
    };
    let before = w.bytes();
    let folder = w.file.parent().unwrap().to_path_buf();
    let mode = |p: &std::path::Path, m: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap()
    };
    let mut cmd = if as_root {
        let bin = common::binary_copy_in(w.dir.path());
        let mut c = common::std_bin_at(&bin);
        c.arg("--file")
            .arg(&w.file)
            .arg("--backup-dir")
            .arg(&w.backups);
        // A backup folder nobody can write.
        std::fs::create_dir(&w.backups).unwrap();
        mode(&w.backups, 0o777);
        c.uid(65534).gid(65534);
        c
    } else {
        w.std_cmd()
    };
    mode(&folder, 0o555);
    cmd.args(["set-dns-mode", "2"]);
    let out = common::output_within(cmd, Duration::from_secs(20));
    mode(&folder, 0o755);
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.starts_with(&format!(
            "metabase-fix: error: {}: cannot create a temporary file beside it: ",
            w.file.display()
        )) && err.contains("ermission denied"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(w.bytes() == before);
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
}

/// Run the binary on `file` (not the work file): exit 1 quickly, one stderr line
/// naming it with `message`, nothing written beside the work file.
#[cfg(unix)]
fn refused_path(w: &Work, file: &std::path::Path, args: &[&str], message: &str) {
    let mut cmd = common::std_bin();
    cmd.arg("--file")
        .arg(file)
        .arg("--backup-dir")
        .arg(&w.backups)
        .args(args);
    let out = common::output_within(cmd, Duration::from_secs(20));
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}: {}",
        file.display(),
        stderr_of(&out)
    );
    assert_eq!(
        stderr_of(&out),
        format!("metabase-fix: error: {}: {message}\n", file.display())
    );
    assert_eq!(w.backup_count(), 0);
}

/// A pipe would block the open, /dev/zero would be read until memory runs out.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_as_file_is_refused_at_once() {
    let w = Work::new("exchange2003.xml");
    let fifo = w.dir.path().join("fifo.xml");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    let message =
        "is not a regular file (a device, pipe or socket): pass the path of MetaBase.xml itself";
    for args in [
        &["show"][..],
        &["set-dns-mode", "2"],
        &["set-dns-mode", "2", "--dry-run"],
    ] {
        refused_path(&w, &fifo, args, message);
        refused_path(&w, std::path::Path::new("/dev/zero"), args, message);
    }
}

/// A (sparse) file bigger than any metabase is refused before it is read,
/// instead of an allocation that aborts the process.
#[cfg(unix)]
#[test]
fn a_file_bigger_than_the_limit_is_refused_before_reading() {
    let w = Work::new("exchange2003.xml");
    let huge = w.dir.path().join("huge.xml");
    let f = std::fs::File::create(&huge).unwrap();
    let len = metabase_fix::apply::MAX_METABASE_BYTES + 1;
    if f.set_len(len).is_err() {
        eprintln!("SKIP: this file system cannot make a sparse {len}-byte file");
        return;
    }
    let message = format!(
        "is {len} bytes, more than the 4 GiB this tool reads (a metabase is a few MB): is it the right file?"
    );
    for args in [&["show"][..], &["set-dns-mode", "2"]] {
        refused_path(&w, &huge, args, &message);
    }
}

/// Issue 11, decided: `restore` is how a broken file is repaired, so it
/// restores over a current file that is not well-formed (backing it up first,
/// with a warning naming its problem), but never writes a copy that is not.
#[test]
fn restore_repairs_a_broken_file_and_refuses_a_broken_copy() {
    let w = Work::new("exchange2003.xml");
    let good = w.bytes();
    // A backup of the good file, then a Notepad mistake.
    w.cmd().args(["set-dns-mode", "2"]).assert().success();
    let broken = common::read_fixture("bad/undefined-entity.xml");
    std::fs::write(&w.file, &broken).unwrap();
    let out = w.cmd().args(["restore"]).output().unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("line 27, column 23") && err.contains("kept as a backup"),
        "{err}"
    );
    assert!(w.bytes() == good, "the good bytes are back");
    // The broken file was backed up; restoring that backup is refused.
    let out = w.cmd().args(["--json", "backups"]).output().unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let newest = list[0]["id"].as_str().unwrap().to_string();
    let out = w.cmd().args(["restore", &newest]).output().unwrap();
    let err = stderr_of(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("line 27, column 23: not well-formed XML"),
        "{err}"
    );
    assert!(w.bytes() == good, "a broken copy is never written");
}
