//! The backup store: one folder, one `<id>.xml` (the file's bytes, exactly) and
//! one `<id>.json` (its record) per backup.
//!
//! A record names the original file, the time, the operation that was about to
//! change it, the size and the SHA-256 of the bytes; restore refuses bytes that
//! no longer match. The metabase holds encrypted secrets, so the folder is
//! created private (0700) and every file is written 0600. Both files are
//! written whole to a temporary name, flushed and renamed, the bytes before
//! the record: a backup that is listed is complete.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::platform;
use crate::Error;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub id: String,
    /// The absolute path of the file the bytes came from.
    pub file: String,
    /// RFC 3339, UTC.
    pub time: String,
    pub operation: String,
    pub size: u64,
    pub sha256: String,
    pub tool_version: String,
}

/// A record and where its bytes are.
#[derive(Debug, Clone)]
pub struct Entry {
    pub record: Record,
    pub path: PathBuf,
}

/// Temporary files in the store: `.metabase-fix-backup.<owner>.<random>.tmp`,
/// `<owner>` naming the metabase they back up ([`owner_tag`]).
const TEMP_PREFIX: &str = ".metabase-fix-backup.";

/// The part of a temporary file's name that says which metabase it backs up:
/// the first 12 hex digits of the SHA-256 of its recorded path. A run holds
/// that metabase's lock while it writes one, so the next run on the same
/// metabase may remove any it finds (a killed run's), whatever their age.
fn owner_tag(file: &Path) -> String {
    sha256_hex(record_path(file).as_bytes())[..12].to_string()
}

/// A temporary file older than this in the store belongs to a run that died.
const STALE_TEMP_SECS: u64 = 3600;

/// A copy of a metabase to put back: one of this tool's backups or one of
/// IIS's History files.
pub struct Source {
    /// The backup id, or the History file's name.
    pub id: String,
    /// Where the copy is, as shown to the user.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone)]
pub struct Store {
    pub dir: PathBuf,
}

/// A backup's bytes written and flushed under a temporary name, with their
/// SHA-256, not listed yet ([`Store::stage`]); dropped, the file is deleted.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    sha256: String,
    size: u64,
}

/// The block size of a backup's write (a cancel is seen between two).
const WRITE_BLOCK: usize = 8 << 20;

/// A backup staged on a thread of its own while the caller plans
/// ([`BackupJob::start`]). The backup does not depend on the plan, so its
/// write and flush (a wait on the disk) overlap the scan (work for the CPU).
/// Dropped without [`BackupJob::wait`] (nothing to change, or an error),
/// it is cancelled and its file deleted before the drop returns: no run
/// leaves a temporary file behind, and none leaves a backup it did not need.
pub struct BackupJob {
    cancel: Arc<AtomicBool>,
    handle: Option<JoinHandle<Result<Option<Staged>, Error>>>,
}

impl BackupJob {
    /// Stage a backup of `bytes`, the content of the metabase `file`.
    pub fn start(store: Store, file: &Path, bytes: Arc<Vec<u8>>) -> BackupJob {
        let cancel = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&cancel);
        let file = file.to_path_buf();
        let handle = std::thread::spawn(move || store.stage(&file, &bytes, &flag));
        BackupJob {
            cancel,
            handle: Some(handle),
        }
    }

    /// The staged backup, once written and flushed.
    pub fn wait(mut self) -> Result<Staged, Error> {
        let handle = self.handle.take().expect("waited once");
        match handle.join() {
            Ok(staged) => Ok(staged?.expect("only a drop cancels")),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    }
}

impl Drop for BackupJob {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            self.cancel.store(true, Ordering::Relaxed);
            // A panic there was already reported on stderr; the staged file
            // (if any) is deleted as the result is dropped.
            let _ = handle.join();
        }
    }
}

/// The id's time part (`20261130T081500.123456Z`) and the record's time.
fn stamp(time: SystemTime) -> (String, String) {
    let time = humantime::format_rfc3339_micros(time).to_string();
    let base = time.chars().filter(|c| *c != '-' && *c != ':').collect();
    (base, time)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The path a record stores for a file: absolute, as given (no symlinks resolved).
pub fn record_path(file: &Path) -> String {
    std::path::absolute(file)
        .unwrap_or_else(|_| file.to_path_buf())
        .display()
        .to_string()
}

impl Store {
    pub fn new(dir: PathBuf) -> Store {
        Store { dir }
    }

    fn err(&self, message: String) -> Error {
        Error::Backup {
            file: self.dir.clone(),
            message,
        }
    }

    /// Save `bytes`, the current content of `file`, before `operation` changes it.
    pub fn save(&self, file: &Path, bytes: &[u8], operation: &str) -> Result<Entry, Error> {
        let staged = self
            .stage(file, bytes, &AtomicBool::new(false))?
            .expect("not cancelled");
        self.record(staged, file, operation)
    }

    /// The first half of [`Store::save`]: `bytes` in a temporary file of the
    /// store (0600), written and flushed, their SHA-256 computed while the
    /// flush runs (the flush waits on the disk, the hash on the CPU). Nothing
    /// is listed yet, and dropping the result deletes the file. `Ok(None)`:
    /// `cancel` was set, and nothing is left behind.
    pub fn stage(
        &self,
        file: &Path,
        bytes: &[u8],
        cancel: &AtomicBool,
    ) -> Result<Option<Staged>, Error> {
        let owner = owner_tag(file);
        if !self.dir.is_dir() {
            platform::create_private_dir_all(&self.dir).map_err(|e| {
                self.err(crate::t!("backup-cannot-create-dir", cause = e.to_string()))
            })?;
        }
        self.remove_stale_temps(&owner);
        match self.write_temp(&owner, bytes, true, cancel) {
            Ok(Some((tmp, sha256))) => Ok(Some(Staged {
                tmp,
                sha256,
                size: bytes.len() as u64,
            })),
            Ok(None) => Ok(None),
            Err((step, e)) => {
                let (base, _) = stamp(SystemTime::now());
                let id = self.free_id(&base, &sha256_hex(bytes));
                Err(self.write_fail(&self.dir.join(format!("{id}.xml")), step, e))
            }
        }
    }

    /// The second half of [`Store::save`]: the staged bytes get their id (the
    /// time and their hash) and then their record, each flushed: from here
    /// on the backup is listed, and complete.
    pub fn record(&self, staged: Staged, file: &Path, operation: &str) -> Result<Entry, Error> {
        let (base, time) = stamp(SystemTime::now());
        let id = self.free_id(&base, &staged.sha256);
        let record = Record {
            id: id.clone(),
            file: record_path(file),
            time,
            operation: operation.to_string(),
            size: staged.size,
            sha256: staged.sha256,
            tool_version: env!("CARGO_PKG_VERSION").to_string(),
        };
        let data_path = self.dir.join(format!("{id}.xml"));
        self.persist(staged.tmp, &data_path)?;
        let json = serde_json::to_vec_pretty(&record).expect("a record serialises");
        if let Err(e) = self.write_new(
            &owner_tag(file),
            &self.dir.join(format!("{id}.json")),
            &json,
        ) {
            let _ = fs::remove_file(&data_path);
            return Err(e);
        }
        let _ = platform::sync_dir(&self.dir);
        Ok(Entry {
            record,
            path: data_path,
        })
    }

    /// An id no file of the store has yet: `<time>-<first 8 of the hash>[-n]`.
    fn free_id(&self, base: &str, sha256: &str) -> String {
        let mut id = format!("{base}-{}", &sha256[..8]);
        let mut n = 1;
        while self.dir.join(format!("{id}.xml")).exists()
            || self.dir.join(format!("{id}.json")).exists()
        {
            n += 1;
            id = format!("{base}-{}-{n}", &sha256[..8]);
        }
        id
    }

    /// Remove temporary files that killed runs left in the store: every one
    /// of the metabase `owner` names (the caller holds its lock, so no other
    /// run is writing one), and old ones of other metabases (a run on another
    /// metabase may be writing a backup right now).
    fn remove_stale_temps(&self, owner: &str) {
        let mine = format!("{TEMP_PREFIX}{owner}.");
        let Ok(rd) = fs::read_dir(&self.dir) else {
            return;
        };
        for e in rd.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            let stale = e
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > STALE_TEMP_SECS));
            let ours = name.starts_with(&mine);
            if name.starts_with(TEMP_PREFIX) && name.ends_with(".tmp") && (ours || stale) {
                let _ = fs::remove_file(e.path());
            }
        }
    }

    fn write_fail(&self, path: &Path, what: &str, e: std::io::Error) -> Error {
        self.err(crate::t!(
            "backup-cannot-write",
            path = path.display(),
            step = crate::i18n::tr(what, &[]),
            cause = e.to_string()
        ))
    }

    /// Write a new file whole: temporary name (0600), flush, rename without clobbering.
    fn write_new(&self, owner: &str, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        let (tmp, _) = self
            .write_temp(owner, bytes, false, &AtomicBool::new(false))
            .map_err(|(step, e)| self.write_fail(path, step, e))?
            .expect("not cancelled");
        self.persist(tmp, path)
    }

    /// `bytes` in a new temporary file of the store (0600, its name removed
    /// again if anything fails), written and flushed; with `hash`, also their
    /// SHA-256, computed while the flush runs. Between blocks and before the
    /// flush, a set `cancel` stops it (`Ok(None)`, the file removed).
    #[allow(clippy::type_complexity)]
    fn write_temp(
        &self,
        owner: &str,
        bytes: &[u8],
        hash: bool,
        cancel: &AtomicBool,
    ) -> Result<Option<(tempfile::NamedTempFile, String)>, (&'static str, std::io::Error)> {
        let fail = |step: &'static str, e| (step, e);
        let cancelled = || cancel.load(Ordering::Relaxed);
        let mut tmp = tempfile::Builder::new()
            .prefix(&format!("{TEMP_PREFIX}{owner}."))
            .suffix(".tmp")
            .tempfile_in(&self.dir)
            .map_err(|e| fail("backup-step-create", e))?;
        // Written from memory in large blocks (a buffer would only copy it
        // once more), the cancel flag looked at between them.
        for block in bytes.chunks(WRITE_BLOCK) {
            if cancelled() {
                return Ok(None);
            }
            tmp.as_file_mut()
                .write_all(block)
                .map_err(|e| fail("backup-step-write", e))?;
        }
        if cancelled() {
            return Ok(None);
        }
        let (synced, sha256) = std::thread::scope(|s| {
            let file = tmp.as_file();
            let sync = s.spawn(move || file.sync_all());
            let sha256 = if hash {
                sha256_hex(bytes)
            } else {
                String::new()
            };
            match sync.join() {
                Ok(r) => (r, sha256),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        synced.map_err(|e| fail("backup-step-flush", e))?;
        Ok(Some((tmp, sha256)))
    }

    /// Give a flushed temporary file its final name, never replacing a file.
    fn persist(&self, tmp: tempfile::NamedTempFile, path: &Path) -> Result<(), Error> {
        tmp.persist_noclobber(path)
            .map_err(|e| self.write_fail(path, "backup-step-rename", e.error))?;
        Ok(())
    }

    /// Every backup of `file`, newest first. Records that cannot be read are skipped.
    pub fn list(&self, file: &Path) -> Result<Vec<Entry>, Error> {
        let want = record_path(file);
        let rd = match fs::read_dir(&self.dir) {
            Ok(rd) => rd,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(vec![]),
            Err(e) => return Err(self.err(crate::t!("backup-cannot-list", cause = e.to_string()))),
        };
        let mut out = Vec::new();
        for entry in rd.flatten() {
            let p = entry.path();
            if p.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(bytes) = fs::read(&p) else { continue };
            let Ok(record) = serde_json::from_slice::<Record>(&bytes) else {
                continue;
            };
            if !platform::same_path(&record.file, &want) {
                continue;
            }
            out.push(Entry {
                path: p.with_extension("xml"),
                record,
            });
        }
        out.sort_by(|a, b| (&b.record.time, &b.record.id).cmp(&(&a.record.time, &a.record.id)));
        Ok(out)
    }

    /// The newest backup of `file`, or the one whose id is (or starts with) `id`.
    pub fn find(&self, file: &Path, id: Option<&str>) -> Result<Entry, Error> {
        let all = self.list(file)?;
        let Some(id) = id else {
            return all
                .into_iter()
                .next()
                .ok_or_else(|| self.err(crate::t!("backup-none-here", file = file.display())));
        };
        let mut hits: Vec<Entry> = all.iter().filter(|e| e.record.id == id).cloned().collect();
        if hits.is_empty() {
            hits = all
                .into_iter()
                .filter(|e| e.record.id.starts_with(id))
                .collect();
        }
        match hits.len() {
            1 => Ok(hits.remove(0)),
            0 => Err(self.err(crate::t!(
                "backup-no-such-id",
                id = id,
                file = file.display()
            ))),
            n => Err(self.err(crate::t!("backup-ambiguous-id", id = id, count = n))),
        }
    }

    /// The bytes of a backup, checked against its recorded SHA-256.
    pub fn load(&self, entry: &Entry) -> Result<Vec<u8>, Error> {
        let bytes = fs::read(&entry.path).map_err(|e| Error::Backup {
            file: entry.path.clone(),
            message: crate::t!(
                "backup-cannot-read",
                id = &entry.record.id,
                cause = e.to_string()
            ),
        })?;
        let sha = sha256_hex(&bytes);
        if sha != entry.record.sha256 || bytes.len() as u64 != entry.record.size {
            return Err(Error::Backup {
                file: entry.path.clone(),
                message: crate::t!(
                    "backup-damaged",
                    id = &entry.record.id,
                    actual = sha,
                    recorded = &entry.record.sha256
                ),
            });
        }
        Ok(bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs::File;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .map(|rd| {
                rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_staged_backup_is_listed_only_once_recorded() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().join("b"));
        let f = t.path().join("MetaBase.xml");
        // Several blocks, so that a cancel has somewhere to land.
        let bytes = Arc::new(
            (0..3 * WRITE_BLOCK + 5)
                .map(|i| i as u8)
                .collect::<Vec<u8>>(),
        );
        let job = BackupJob::start(store.clone(), &f, Arc::clone(&bytes));
        let staged = job.wait().unwrap();
        assert!(
            store.list(&f).unwrap().is_empty(),
            "listed before its record"
        );
        assert_eq!(names(&store.dir).len(), 1, "{:?}", names(&store.dir));
        let e = store.record(staged, &f, "op").unwrap();
        assert_eq!(e.record.sha256, sha256_hex(&bytes));
        assert_eq!(e.record.size, bytes.len() as u64);
        assert!(store.load(&e).unwrap() == *bytes);
        assert_eq!(store.list(&f).unwrap().len(), 1);
        let n = names(&store.dir);
        assert!(
            n.len() == 2 && n.iter().all(|n| !n.ends_with(".tmp")),
            "{n:?}"
        );
    }

    #[test]
    fn a_killed_runs_temporary_files_go_with_the_next_backup_of_its_metabase() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().join("b"));
        fs::create_dir_all(&store.dir).unwrap();
        let (mine, other) = (t.path().join("MetaBase.xml"), t.path().join("Other.xml"));
        let temp = |owner: &Path, name: &str| {
            let p = store
                .dir
                .join(format!("{TEMP_PREFIX}{}.{name}.tmp", owner_tag(owner)));
            fs::write(&p, b"torn").unwrap();
            p
        };
        // Fresh, as a run killed a moment ago leaves them.
        let killed = temp(&mine, "AbC123");
        let busy = temp(&other, "XyZ789");
        let old = temp(&other, "Old000");
        let hour_ago = SystemTime::now() - std::time::Duration::from_secs(STALE_TEMP_SECS + 60);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(hour_ago)
            .unwrap();
        store.save(&mine, b"bytes", "op").unwrap();
        assert!(!killed.exists(), "this metabase's leftover stays");
        assert!(busy.exists(), "another metabase's run may be writing it");
        assert!(!old.exists(), "an hour-old leftover stays");
        assert!(owner_tag(&mine) != owner_tag(&other));
    }

    #[test]
    fn a_dropped_or_cancelled_backup_leaves_nothing() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().join("b"));
        let f = t.path().join("MetaBase.xml");
        let bytes = Arc::new(vec![b'x'; 2 * WRITE_BLOCK]);
        // Dropped while it runs, or after it is done: either way no file stays.
        for _ in 0..3 {
            drop(BackupJob::start(store.clone(), &f, Arc::clone(&bytes)));
            assert_eq!(names(&store.dir), Vec::<String>::new());
        }
        let cancel = AtomicBool::new(true);
        assert!(store.stage(&f, &bytes, &cancel).unwrap().is_none());
        assert_eq!(names(&store.dir), Vec::<String>::new());
        // Not cancelled, but dropped before its record: deleted too.
        let staged = store.stage(&f, &bytes, &AtomicBool::new(false)).unwrap();
        assert!(staged.is_some());
        assert_eq!(names(&store.dir).len(), 1);
        drop(staged);
        assert_eq!(names(&store.dir), Vec::<String>::new());
    }

    #[test]
    fn save_list_find_load() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().join("b"));
        let f = t.path().join("MetaBase.xml");
        let a = store.save(&f, b"one", "first").unwrap();
        let b = store.save(&f, b"two", "second").unwrap();
        store
            .save(&t.path().join("Other.xml"), b"x", "other")
            .unwrap();
        let list = store.list(&f).unwrap();
        assert_eq!(
            list.iter()
                .map(|e| e.record.operation.as_str())
                .collect::<Vec<_>>(),
            ["second", "first"]
        );
        assert_eq!(store.find(&f, None).unwrap().record.id, b.record.id);
        assert_eq!(
            store
                .load(&store.find(&f, Some(&a.record.id)).unwrap())
                .unwrap(),
            b"one"
        );
        assert_eq!(a.record.sha256, sha256_hex(b"one"));
    }

    #[test]
    fn damaged_backup_is_refused() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().to_path_buf());
        let e = store.save(&t.path().join("m.xml"), b"good", "op").unwrap();
        fs::write(&e.path, b"evil").unwrap();
        let err = store.load(&e).unwrap_err().to_string();
        assert!(err.contains("damaged"), "{err}");
    }

    #[test]
    fn stale_temporary_files_are_swept_fresh_ones_kept() {
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().to_path_buf());
        let old = t.path().join(".metabase-fix-backup.AAAA.tmp");
        let fresh = t.path().join(".metabase-fix-backup.BBBB.tmp");
        fs::write(&old, b"x").unwrap();
        fs::write(&fresh, b"x").unwrap();
        let two_hours_ago = SystemTime::now() - std::time::Duration::from_secs(7200);
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(two_hours_ago)
            .unwrap();
        store.save(&t.path().join("m.xml"), b"x", "op").unwrap();
        assert!(!old.exists() && fresh.exists());
    }

    #[cfg(unix)]
    #[test]
    fn backups_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let t = tempfile::tempdir().unwrap();
        let store = Store::new(t.path().join("new"));
        let e = store
            .save(&t.path().join("m.xml"), b"secret", "op")
            .unwrap();
        assert_eq!(
            fs::metadata(&store.dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
        assert_eq!(
            fs::metadata(&e.path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(e.path.with_extension("json"))
                .unwrap()
                .permissions()
                .mode()
                & 0o777,
            0o600
        );
    }
}
