//! Shared helpers for the end-to-end tests: the built binary in a clean
//! environment, fixtures copied into a fresh temporary folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

pub fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// A temporary work folder holding a copy of a fixture as MetaBase.xml.
pub struct Work {
    pub dir: tempfile::TempDir,
    pub file: PathBuf,
    pub backups: PathBuf,
}

impl Work {
    pub fn new(fixture_name: &str) -> Work {
        Work::with_bytes(&read_fixture(fixture_name))
    }

    pub fn with_bytes(bytes: &[u8]) -> Work {
        Work::with_bytes_in(tempfile::tempdir().unwrap(), bytes)
    }

    /// The same, in a folder the caller made (see [`open_tempdir`]).
    pub fn with_bytes_in(dir: tempfile::TempDir, bytes: &[u8]) -> Work {
        let file = dir.path().join("inetsrv").join("MetaBase.xml");
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, bytes).unwrap();
        let backups = dir.path().join("backups");
        Work { dir, file, backups }
    }

    /// The binary with --file and --backup-dir pointing into this folder.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.std_cmd())
    }

    /// The same, as a `std::process::Command` (to spawn and kill).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std_bin();
        c.arg("--file")
            .arg(&self.file)
            .arg("--backup-dir")
            .arg(&self.backups);
        c
    }

    pub fn bytes(&self) -> Vec<u8> {
        std::fs::read(&self.file).unwrap()
    }

    /// Names in the metabase's folder (only MetaBase.xml after any run).
    pub fn folder_names(&self) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(self.file.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    }

    /// Temporary files in the backup folder: a run that ends must leave none
    /// (a backup is staged while the command plans; see backup::BackupJob).
    pub fn backup_temps(&self) -> Vec<String> {
        match std::fs::read_dir(&self.backups) {
            Ok(rd) => rd
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect(),
            Err(_) => vec![],
        }
    }

    pub fn backup_count(&self) -> usize {
        match std::fs::read_dir(&self.backups) {
            Ok(rd) => rd
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|x| x == "xml")
                })
                .count(),
            Err(_) => 0,
        }
    }
}

/// The binary, with colour, config and data-folder variables removed.
pub fn bin() -> Command {
    Command::from_std(std_bin())
}

/// The same, as a `std::process::Command` (to spawn and kill).
pub fn std_bin() -> std::process::Command {
    std_bin_at(&assert_cmd::cargo::cargo_bin("metabase-fix"))
}

/// A binary at `path` (a copy of the built one), in the same clean environment.
pub fn std_bin_at(path: &Path) -> std::process::Command {
    let mut c = std::process::Command::new(path);
    for v in [
        "METABASE_FILE",
        "METABASE_FIX_BACKUP_DIR",
        "METABASE_FIX_LOCK_TIMEOUT",
        "NO_COLOR",
        "CLICOLOR_FORCE",
        "FAILPOINTS",
        // English is the default: a developer's locale must not change results.
        "METABASE_FIX_LANG",
        "LANGUAGE",
        "LC_ALL",
        "LC_MESSAGES",
        "LANG",
    ] {
        c.env_remove(v);
    }
    c.env("TERM", "dumb");
    // A test that forgets --backup-dir fails here instead of touching real data.
    c.env("XDG_DATA_HOME", "/nonexistent/metabase-fix-tests/data");
    c.env("HOME", "/nonexistent/metabase-fix-tests/home");
    c
}

pub fn stdout_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr_of(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Run `cmd` to the end, but kill it and panic if it takes longer than `limit`
/// (a hang must fail the test, not stall the suite).
pub fn output_within(
    mut cmd: std::process::Command,
    limit: std::time::Duration,
) -> std::process::Output {
    use std::io::Read;
    let mut child = cmd
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (mut so, mut se) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = so.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = se.read_to_end(&mut v);
        v
    });
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within {limit:?} (a hang)");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    std::process::Output {
        status,
        stdout: out_t.join().unwrap(),
        stderr: err_t.join().unwrap(),
    }
}

/// A fresh temporary folder that every user can enter (0755), below parents
/// that every user can enter too, for a run as another user (`nobody`).
///
/// The clone may sit in a private folder (root's home is 0700, so is
/// `mktemp -d`), and so may `$TMPDIR`: the first candidate whose every
/// ancestor others may search is used.
#[cfg(unix)]
pub fn open_tempdir() -> tempfile::TempDir {
    use std::os::unix::fs::PermissionsExt;
    let searchable = |p: &Path| {
        p.ancestors().all(|a| {
            std::fs::metadata(a).is_ok_and(|m| m.is_dir() && m.permissions().mode() & 0o001 != 0)
        })
    };
    let base = [
        std::env::temp_dir(),
        "/tmp".into(),
        "/var/tmp".into(),
        "/dev/shm".into(),
    ]
    .into_iter()
    .find(|p| searchable(p))
    .expect("no temporary folder that other users can enter (/tmp, /var/tmp, /dev/shm)");
    let dir = tempfile::tempdir_in(base).unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    dir
}

/// A copy of the built binary in `dir` (mode 0755), runnable by any user
/// whatever the permissions of the folder the project was cloned into.
#[cfg(unix)]
pub fn binary_copy_in(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let to = dir.join("metabase-fix");
    std::fs::copy(assert_cmd::cargo::cargo_bin("metabase-fix"), &to).unwrap();
    std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o755)).unwrap();
    to
}
