//! The write transaction's promises seen from outside, through the binary:
//! only this tool's own leftovers beside the file are removed, the edited file
//! keeps its permission bits, backups are private, a held lock makes a second
//! run fail in bounded time, and a symlinked --file edits the file it points to.

mod common;

use std::time::{Duration, Instant};

use common::{read_fixture, stderr_of, Work};

#[test]
fn only_this_files_own_leftovers_are_removed() {
    let w = Work::new("exchange2003.xml");
    let folder = w.file.parent().unwrap().to_path_buf();
    let ours = [
        ".MetaBase.xml.a1B2c3.metabase-fix.tmp",
        ".MetaBase.xml.ZZZZZZ.metabase-fix.tmp",
    ];
    let not_ours = [
        // A sibling's temporary file: its run may be writing it right now.
        ".MetaBase.xml.bak.a1B2c3.metabase-fix.tmp",
        ".Other.xml.a1B2c3.metabase-fix.tmp",
        "MetaBase.xml.a1B2c3.metabase-fix.tmp",
        ".MetaBase.xml.a1B2c3.tmp",
        "MetaBase.xml.bak",
        "MetaBase_0000000012_0000000000.xml",
    ];
    for n in ours.iter().chain(&not_ours) {
        std::fs::write(folder.join(n), b"x").unwrap();
    }
    let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
    let mut want: Vec<String> = not_ours.iter().map(|s| s.to_string()).collect();
    want.push("MetaBase.xml".into());
    want.sort();
    assert_eq!(w.folder_names(), want);
}

/// Renaming over a symbolic link would replace the link with a regular file
/// and leave the file it points to unchanged.
#[cfg(unix)]
#[test]
fn a_symlinked_file_is_edited_where_it_lives() {
    let w = Work::new("exchange2003.xml");
    let real = w.file.clone();
    let links = w.dir.path().join("links");
    std::fs::create_dir(&links).unwrap();
    let link = links.join("MetaBase.xml");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    // A leftover beside the real file is ours; one beside the link is not.
    std::fs::write(
        real.parent()
            .unwrap()
            .join(".MetaBase.xml.a1B2c3.metabase-fix.tmp"),
        b"x",
    )
    .unwrap();
    let out = common::bin()
        .arg("--file")
        .arg(&link)
        .arg("--backup-dir")
        .arg(&w.backups)
        .args(["set-dns-mode", "2"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
    assert_eq!(w.folder_names(), ["MetaBase.xml"]);
    let names: Vec<_> = std::fs::read_dir(&links).unwrap().collect();
    assert_eq!(names.len(), 1);
    // Restore through the link puts the original back in the real file.
    let out = common::bin()
        .arg("--file")
        .arg(&link)
        .arg("--backup-dir")
        .arg(&w.backups)
        .arg("restore")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(w.bytes() == read_fixture("exchange2003.xml"));
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[cfg(unix)]
fn mode_of(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

/// The edited (and the restored) file keeps the original's permission bits;
/// the backup folder is created 0700 (its parents too) and backups are 0600.
#[cfg(unix)]
#[test]
fn permissions_are_kept_and_backups_are_private() {
    use std::os::unix::fs::PermissionsExt;
    for perm in [0o640, 0o600, 0o444, 0o664] {
        let mut w = Work::new("exchange2003.xml");
        w.backups = w.dir.path().join("new/nested/backups");
        std::fs::set_permissions(&w.file, std::fs::Permissions::from_mode(perm)).unwrap();
        let out = w.cmd().args(["set-dns-mode", "2"]).output().unwrap();
        assert!(out.status.success(), "{perm:o}: {}", stderr_of(&out));
        assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
        assert_eq!(mode_of(&w.file), perm, "after set");
        for d in ["new", "new/nested", "new/nested/backups"] {
            assert_eq!(mode_of(&w.dir.path().join(d)), 0o700, "{d}");
        }
        let backups: Vec<_> = std::fs::read_dir(&w.backups)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        assert_eq!(backups.len(), 2, "{backups:?}"); // <id>.xml and <id>.json
        for b in &backups {
            assert_eq!(mode_of(b), 0o600, "{}", b.display());
        }
        let out = w.cmd().arg("restore").output().unwrap();
        assert!(out.status.success(), "{perm:o}: {}", stderr_of(&out));
        assert!(w.bytes() == read_fixture("exchange2003.xml"));
        assert_eq!(mode_of(&w.file), perm, "after restore");
        assert_eq!(w.folder_names(), ["MetaBase.xml"]);
    }
}

/// Another holder of the lock (here: this test process) makes a run wait
/// `--lock-timeout`, then fail with the lock message, changing nothing.
#[test]
fn a_held_lock_makes_a_run_fail_in_bounded_time() {
    let w = Work::new("exchange2003.xml");
    let before = w.bytes();
    let holder = std::fs::File::open(&w.file).unwrap();
    holder.try_lock().unwrap();
    for timeout in ["0", "0.5"] {
        let start = Instant::now();
        let out = w
            .cmd()
            .args(["--lock-timeout", timeout, "set-dns-mode", "2"])
            .output()
            .unwrap();
        let took = start.elapsed();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(
            err.contains("the file is locked by another run")
                && err.contains("nothing was changed"),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1);
        let t: f64 = timeout.parse().unwrap();
        assert!(
            took >= Duration::from_secs_f64(t) && took < Duration::from_secs_f64(t + 10.0),
            "--lock-timeout {timeout}: took {took:?}"
        );
        assert!(w.bytes() == before);
        assert_eq!(w.folder_names(), ["MetaBase.xml"]);
        assert_eq!(w.backup_count(), 0);
    }
    // A dry run and show take no lock.
    w.cmd()
        .args(["--lock-timeout", "0", "set-dns-mode", "2", "--dry-run"])
        .assert()
        .success();
    w.cmd()
        .args(["--lock-timeout", "0", "show"])
        .assert()
        .success();
    // The holder lets go while a run waits: the run goes ahead.
    let child = w
        .std_cmd()
        .args(["--lock-timeout", "30", "set-dns-mode", "2"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    drop(holder);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
}
