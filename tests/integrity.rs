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
