//! The one write transaction. Every change to a metabase goes through [`commit`].
//!
//! Steps, each of which can fail without harm (tests inject a failure at each):
//!
//! 1. [`lock`]: an OS lock on the metabase itself (flock / LockFileEx), which
//!    dies with the process: no stale lock is possible. A second run waits up
//!    to `--lock-timeout`, then fails.
//! 2. Leftover temporary files of killed runs (`.<name>.<random>.metabase-fix.tmp`
//!    beside the file, see [`is_leftover`]) are removed: only lock holders make them.
//! 3. The current bytes go to the backup store (flushed, with SHA-256). A
//!    command that edits starts this right after the read, while it scans and
//!    plans ([`crate::backup::BackupJob`]); the backup is named and listed
//!    here, and only here.
//! 4. The new bytes are streamed to a temporary file in the same folder, given
//!    the original's permissions, then flushed while it is read back and compared.
//! 5. The file is read again under the lock and compared with the bytes the plan
//!    was made from: an editor that takes no lock (Notepad, IIS) is detected and
//!    nothing is written.
//! 6. The temporary file replaces the original in one rename (ReplaceFileW on
//!    Windows), and the folder is flushed.
//!
//! A crash at any point leaves the old file or the new file, never a mix.

use std::ffi::OsStr;
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::backup::{BackupJob, Entry, Store};
use crate::platform;
use crate::splice::{self, Splice};
use crate::Error;

/// Suffix of this tool's temporary files.
pub const TEMP_SUFFIX: &str = ".metabase-fix.tmp";

/// Injects a failure at a named step (only with the `failpoints` feature).
macro_rules! step {
    ($name:literal, $path:expr) => {
        fail::fail_point!($name, |_| Err(Error::io(
            $path,
            concat!("injected failure at ", $name),
            io::Error::other("failpoint")
        )));
    };
}

/// An open metabase holding this process's exclusive lock.
pub struct Locked {
    /// The path as given (for messages and backup records).
    pub path: PathBuf,
    /// The file that is replaced: `path`, or the file it links to when `path`
    /// is a symbolic link (renaming over the link would replace the link itself).
    target: PathBuf,
    file: File,
}

/// Lock `path`, waiting up to `timeout` for another run to finish.
pub fn lock(path: &Path, timeout: Duration) -> Result<Locked, Error> {
    let start = Instant::now();
    loop {
        let file = open_metabase(path)?;
        match file.try_lock() {
            Ok(()) => {
                // The name may have been given to a new file while we waited.
                if platform::same_file(&file, path)
                    .map_err(|e| Error::io(path, "io-check-file", e))?
                {
                    return Ok(Locked {
                        path: path.to_path_buf(),
                        target: resolve_link(path)?,
                        file,
                    });
                }
            }
            Err(fs::TryLockError::WouldBlock) => {
                if start.elapsed() >= timeout {
                    return Err(Error::Locked {
                        file: path.to_path_buf(),
                        waited_s: start.elapsed().as_secs_f64(),
                    });
                }
                std::thread::sleep(Duration::from_millis(25));
            }
            Err(fs::TryLockError::Error(e)) => return Err(Error::io(path, "io-lock", e)),
        }
    }
}

/// `path` itself, or when it is a symbolic link, the file it finally points to.
fn resolve_link(path: &Path) -> Result<PathBuf, Error> {
    let link = fs::symlink_metadata(path)
        .map_err(|e| Error::io(path, "io-read-metadata", e))?
        .file_type()
        .is_symlink();
    if !link {
        return Ok(path.to_path_buf());
    }
    fs::canonicalize(path).map_err(|e| Error::io(path, "io-resolve-link", e))
}

/// The largest file read as a metabase. IIS 6 metabases are a few megabytes;
/// anything near this is the wrong file, and reading it whole would exhaust memory.
pub const MAX_METABASE_BYTES: u64 = 4 << 30;

/// Open a metabase for reading, with messages that say what to do. Only a
/// regular file is opened: a pipe would block the open, a device such as
/// /dev/zero would be read until memory runs out.
pub fn open_metabase(path: &Path) -> Result<File, Error> {
    let open_err = |e: io::Error| {
        let op = match e.kind() {
            io::ErrorKind::NotFound => "io-not-found",
            io::ErrorKind::PermissionDenied => "io-access-denied",
            _ => "io-open",
        };
        Error::io(path, op, e)
    };
    check_regular(path, &fs::metadata(path).map_err(open_err)?)?;
    let file = File::open(path).map_err(open_err)?;
    let meta = file
        .metadata()
        .map_err(|e| Error::io(path, "io-read-metadata", e))?;
    check_regular(path, &meta)?;
    Ok(file)
}

fn check_regular(path: &Path, meta: &fs::Metadata) -> Result<(), Error> {
    let message = if meta.is_dir() {
        crate::t!("input-is-folder")
    } else if !meta.is_file() {
        crate::t!("input-not-regular")
    } else if meta.len() > MAX_METABASE_BYTES {
        crate::t!(
            "input-too-big",
            bytes = meta.len(),
            limit = MAX_METABASE_BYTES >> 30
        )
    } else {
        return Ok(());
    };
    Err(Error::Input {
        file: path.to_path_buf(),
        message,
    })
}

/// Read a whole metabase without locking it (show, dry runs).
pub fn read_unlocked(path: &Path) -> Result<Vec<u8>, Error> {
    read_all(&mut open_metabase(path)?).map_err(|e| Error::io(path, "io-read", e))
}

fn read_all(file: &mut File) -> io::Result<Vec<u8>> {
    let len = file.metadata()?.len().min(MAX_METABASE_BYTES) as usize;
    if len >= PARALLEL_IO_BYTES {
        if let Some(bytes) = read_in_two(file, len)? {
            return Ok(bytes);
        }
    }
    file.rewind()?;
    let mut buf = Vec::new();
    buf.try_reserve_exact(len + 1).map_err(|_| {
        io::Error::new(
            io::ErrorKind::OutOfMemory,
            crate::t!("io-out-of-memory", bytes = len),
        )
    })?;
    // One read into fresh memory: 2 MiB pages fault it in 512 times fewer steps.
    platform::advise_huge_pages(buf.spare_capacity_mut());
    // A file that grows while it is read stops at the limit.
    file.take(MAX_METABASE_BYTES + 1).read_to_end(&mut buf)?;
    if buf.len() as u64 > MAX_METABASE_BYTES {
        return Err(io::Error::other(crate::t!(
            "io-grew",
            limit = MAX_METABASE_BYTES >> 30
        )));
    }
    Ok(buf)
}

/// From this size on, a whole-file read or comparison runs as two halves on
/// two threads (positional reads: the page cache is copied by both cores).
const PARALLEL_IO_BYTES: usize = 8 << 20;

/// A file of `len` bytes (as its metadata said), read as two halves at once.
/// `None` when the file turned out to have another length (it changed since
/// the metadata was read): the caller reads it the ordinary way.
fn read_in_two(file: &File, len: usize) -> io::Result<Option<Vec<u8>>> {
    let mut buf = zeroed(len)?;
    platform::advise_huge_pages(&mut buf);
    let (head, tail) = buf.split_at_mut(len / 2);
    let mid = head.len() as u64;
    let read = std::thread::scope(|s| {
        let second = s.spawn(|| platform::read_exact_at(file, tail, mid));
        let first = platform::read_exact_at(file, head, 0);
        match second.join() {
            Ok(r) => first.and(r),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    match read {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    // Nothing after the end the metadata gave.
    if platform::read_at(file, &mut [0u8; 1], len as u64)? != 0 {
        return Ok(None);
    }
    Ok(Some(buf))
}

/// `len` zero bytes fresh from the system: calloc, which for a large block
/// maps new pages, already zero, so nothing is written to them before the
/// reads fill them (and the huge-page advice still applies). Not `vec![0;
/// len]`, which aborts where memory is short, nor a probing `try_reserve`
/// first, whose free would make glibc serve the next block from the heap,
/// cleared by a memset.
fn zeroed(len: usize) -> io::Result<Vec<u8>> {
    let out_of_memory = || {
        io::Error::new(
            io::ErrorKind::OutOfMemory,
            crate::t!("io-out-of-memory", bytes = len),
        )
    };
    let layout = std::alloc::Layout::array::<u8>(len.max(1)).map_err(|_| out_of_memory())?;
    // SAFETY: the layout's size is not zero; a null pointer is the failure,
    // handled here.
    let ptr = unsafe { std::alloc::alloc_zeroed(layout) };
    if ptr.is_null() {
        return Err(out_of_memory());
    }
    // SAFETY: `ptr` comes from the global allocator with the layout of
    // `[u8; len.max(1)]` (what a Vec<u8> of that capacity frees), its bytes
    // are initialised (zero), and the Vec owns it from here on.
    Ok(unsafe { Vec::from_raw_parts(ptr, len, len.max(1)) })
}

/// Whether `file` holds exactly `bytes`, compared as two halves at once
/// from a large size on.
fn file_equals(file: &mut File, bytes: &[u8]) -> io::Result<bool> {
    if bytes.len() < PARALLEL_IO_BYTES {
        file.rewind()?;
        return same_content(file, std::iter::once(bytes));
    }
    let file = &*file;
    let (head, tail) = bytes.split_at(bytes.len() / 2);
    let same: io::Result<bool> = std::thread::scope(|s| {
        let second = s.spawn(|| range_equals(file, tail, head.len() as u64));
        let first = range_equals(file, head, 0);
        match second.join() {
            Ok(r) => Ok(first? && r?),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    // And nothing after the end.
    Ok(same? && platform::read_at(file, &mut [0u8; 1], bytes.len() as u64)? == 0)
}

/// Whether `file` holds `bytes` at `offset`, compared in chunks.
fn range_equals(file: &File, bytes: &[u8], offset: u64) -> io::Result<bool> {
    let mut buf = vec![0u8; (1 << 20).min(bytes.len())];
    let mut at = 0;
    while at < bytes.len() {
        let want = (bytes.len() - at).min(buf.len());
        let n = platform::read_at(file, &mut buf[..want], offset + at as u64)?;
        if n == 0 || buf[..n] != bytes[at..at + n] {
            return Ok(false);
        }
        at += n;
    }
    Ok(true)
}

impl Locked {
    pub fn read(&mut self) -> Result<Vec<u8>, Error> {
        read_all(&mut self.file).map_err(|e| Error::io(&self.path, "io-read", e))
    }
}

/// Whether a file name is a temporary file this tool left beside `target_name`:
/// exactly `.<target_name>.<random>.metabase-fix.tmp`, where `<random>` is
/// letters and digits only (so a sibling such as `MetaBase.xml.bak`, whose
/// temporary files are `.MetaBase.xml.bak.<random>.metabase-fix.tmp`, keeps its own).
pub fn is_leftover(name: &OsStr, target_name: &OsStr) -> bool {
    let (Some(name), Some(target)) = (name.to_str(), target_name.to_str()) else {
        return false;
    };
    let Some(random) = name
        .strip_prefix('.')
        .and_then(|n| n.strip_prefix(target))
        .and_then(|n| n.strip_prefix('.'))
        .and_then(|n| n.strip_suffix(TEMP_SUFFIX))
    else {
        return false;
    };
    !random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Remove temporary files of killed runs beside the locked file. Returns their paths.
pub fn remove_leftovers(locked: &Locked) -> Vec<PathBuf> {
    let (Some(dir), Some(name)) = (parent_dir(&locked.target), locked.target.file_name()) else {
        return vec![];
    };
    let mut removed = Vec::new();
    if let Ok(rd) = fs::read_dir(&dir) {
        for e in rd.flatten() {
            if is_leftover(&e.file_name(), name) && fs::remove_file(e.path()).is_ok() {
                removed.push(e.path());
            }
        }
    }
    removed
}

fn parent_dir(path: &Path) -> Option<PathBuf> {
    match path.parent() {
        Some(p) if p.as_os_str().is_empty() => Some(PathBuf::from(".")),
        Some(p) => Some(p.to_path_buf()),
        None => None,
    }
}

/// What a commit did.
#[derive(Debug)]
pub struct Committed {
    pub backup: Entry,
    pub leftovers_removed: Vec<PathBuf>,
    /// The folder flush failed after the rename (the change is made; a power
    /// loss right now could still undo it on some file systems).
    pub dir_sync_failed: Option<String>,
}

/// Replace the locked file's bytes `original` by `original` with `splices`
/// applied (file offsets), backing up first. See the module docs for the steps.
/// `staging`: the backup of `original`, already being written since the read
/// ([`BackupJob::start`]); without it, the backup is written here.
pub fn commit(
    locked: &mut Locked,
    store: &Store,
    original: &[u8],
    splices: &[Splice],
    operation: &str,
    staging: Option<BackupJob>,
) -> Result<Committed, Error> {
    let path = locked.path.clone();
    let target = locked.target.clone();
    let dir = parent_dir(&target).ok_or_else(|| Error::Input {
        file: path.clone(),
        message: crate::t!("input-no-folder"),
    })?;
    let leftovers_removed = remove_leftovers(locked);
    step!("apply::after-lock", &path);

    // The backup and the temporary file are independent until the rename, so
    // they are made at once on two threads: the backup (write, then its flush
    // and its SHA-256 side by side; begun before the plan when `staging` is
    // given) and the temporary file (write, then its flush and its read-back
    // side by side). The rename below waits for both, so the backup is complete and
    // flushed before the original is replaced.
    let (backup, tmp) = std::thread::scope(|scope| {
        let backup = scope.spawn(|| match staging {
            Some(job) => job
                .wait()
                .and_then(|staged| store.record(staged, &path, operation)),
            None => store.save(&path, original, operation),
        });
        let tmp = write_temp(&path, &target, &dir, &locked.file, original, splices)
            .and_then(|tmp| flush_and_verify(&path, tmp, original, splices));
        match backup.join() {
            Ok(b) => (b, tmp),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    let backup = backup?;
    step!("apply::after-backup", &path);
    let tmp = tmp?;
    step!("apply::after-temp-sync", &path);
    step!("apply::after-verify", &path);
    let io_err = |op: &'static str| {
        let path = path.clone();
        move |e: io::Error| Error::io(path, op, e)
    };

    // Nobody may have changed the file since we read it.
    let unchanged = platform::same_file(&locked.file, &target).unwrap_or(false)
        && file_equals(&mut locked.file, original).unwrap_or(false);
    if !unchanged {
        return Err(Error::ChangedUnderUs { file: path });
    }
    step!("apply::before-rename", &path);

    let tmp_path = tmp.into_temp_path();
    platform::replace(&tmp_path, &target).map_err(io_err("io-replace"))?;
    // The temporary name is gone now; do not let the guard delete anything.
    let _ = tmp_path.keep();
    fail::fail_point!("apply::after-rename", |_| Ok(Committed {
        backup: backup.clone(),
        leftovers_removed: leftovers_removed.clone(),
        dir_sync_failed: Some("injected failure at apply::after-rename".into()),
    }));
    let dir_sync_failed = platform::sync_dir(&dir).err().map(|e| e.to_string());
    Ok(Committed {
        backup,
        leftovers_removed,
        dir_sync_failed,
    })
}

/// Stream the new bytes to a temporary file beside the metabase, with the
/// original's permissions, flushed to disk. Dropping it on any later failure
/// deletes it.
fn write_temp(
    path: &Path,
    target: &Path,
    dir: &Path,
    original_file: &File,
    original: &[u8],
    splices: &[Splice],
) -> Result<tempfile::NamedTempFile, Error> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let io_err = |op: &'static str| move |e: io::Error| Error::io(path, op, e);
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(TEMP_SUFFIX)
        .tempfile_in(dir)
        .map_err(io_err("io-create-temp"))?;
    {
        let mut w = BufWriter::with_capacity(4 << 20, tmp.as_file_mut());
        splice::write_to(&mut w, original, splices).map_err(io_err("io-write-temp"))?;
        w.flush().map_err(io_err("io-write-temp"))?;
    }
    step!("apply::after-temp-write", path);
    let meta = original_file
        .metadata()
        .map_err(io_err("io-read-metadata"))?;
    platform::copy_permissions(&meta, tmp.as_file()).map_err(io_err("io-copy-permissions"))?;
    Ok(tmp)
}

/// Flush the temporary file and, meanwhile, read it back: the flush waits on
/// the disk, the comparison on the page cache, so the read-back costs no
/// wall time of its own. Both must succeed.
fn flush_and_verify(
    path: &Path,
    tmp: tempfile::NamedTempFile,
    original: &[u8],
    splices: &[Splice],
) -> Result<tempfile::NamedTempFile, Error> {
    let (synced, verified) = std::thread::scope(|s| {
        let file = tmp.as_file();
        let sync = s.spawn(move || file.sync_all());
        let verified = verify_temp(path, tmp.path(), original, splices);
        match sync.join() {
            Ok(r) => (r, verified),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    synced.map_err(|e| Error::io(path, "io-flush-temp", e))?;
    verified?;
    Ok(tmp)
}

/// Read the temporary file back: a short write or a flaky share shows here.
fn verify_temp(path: &Path, tmp: &Path, original: &[u8], splices: &[Splice]) -> Result<(), Error> {
    let io_err = |e: io::Error| Error::io(path, "io-read-back-temp", e);
    let mut check = File::open(tmp).map_err(io_err)?;
    if !same_content(&mut check, splice::pieces(original, splices)).map_err(io_err)? {
        return Err(Error::io(
            path,
            "io-temp-mismatch",
            io::Error::other(crate::t!("io-verify-failed")),
        ));
    }
    Ok(())
}

/// Whether `r` yields exactly the concatenation of `pieces`, compared in chunks.
fn same_content<'a>(r: &mut impl Read, pieces: impl Iterator<Item = &'a [u8]>) -> io::Result<bool> {
    let mut buf = vec![0u8; 1 << 20];
    for mut piece in pieces {
        while !piece.is_empty() {
            let want = piece.len().min(buf.len());
            let n = r.read(&mut buf[..want])?;
            if n == 0 || buf[..n] != piece[..n] {
                return Ok(false);
            }
            piece = &piece[n..];
        }
    }
    Ok(r.read(&mut buf[..1])? == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftover_names() {
        let t = OsStr::new("MetaBase.xml");
        assert!(is_leftover(
            OsStr::new(".MetaBase.xml.a1B2c3.metabase-fix.tmp"),
            t
        ));
        assert!(!is_leftover(
            OsStr::new("MetaBase.xml.a1B2c3.metabase-fix.tmp"),
            t
        ));
        assert!(!is_leftover(
            OsStr::new(".Other.xml.a1B2c3.metabase-fix.tmp"),
            t
        ));
        assert!(!is_leftover(OsStr::new(".MetaBase.xml.tmp"), t));
        assert!(!is_leftover(
            OsStr::new(".MetaBase.xml.metabase-fix.tmp"),
            t
        ));
        assert!(!is_leftover(OsStr::new("MetaBase.xml"), t));
        // A sibling's temporary file is not ours (it may be live: its run holds
        // the lock on the sibling, not on this file).
        assert!(!is_leftover(
            OsStr::new(".MetaBase.xml.bak.a1B2c3.metabase-fix.tmp"),
            t
        ));
        assert!(!is_leftover(
            OsStr::new(".MetaBase.xml.a1/B2.metabase-fix.tmp"),
            t
        ));
    }

    #[test]
    fn content_comparison() {
        let mut r: &[u8] = b"abcdef";
        assert!(same_content(&mut r, [&b"abc"[..], b"def"].into_iter()).unwrap());
        let mut r: &[u8] = b"abcdefg";
        assert!(!same_content(&mut r, [&b"abc"[..], b"def"].into_iter()).unwrap());
        let mut r: &[u8] = b"abcde";
        assert!(!same_content(&mut r, [&b"abc"[..], b"def"].into_iter()).unwrap());
    }

    #[test]
    fn commit_replaces_and_backs_up() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("MetaBase.xml");
        fs::write(&f, b"<a x=\"0\"/>").unwrap();
        fs::write(
            t.path().join(".MetaBase.xml.zzzzzz.metabase-fix.tmp"),
            b"old junk",
        )
        .unwrap();
        let store = Store::new(t.path().join("backups"));
        let mut l = lock(&f, Duration::from_secs(1)).unwrap();
        let orig = l.read().unwrap();
        let c = commit(
            &mut l,
            &store,
            &orig,
            &[Splice::new(6..7, b"2".to_vec())],
            "test",
            None,
        )
        .unwrap();
        drop(l);
        assert_eq!(fs::read(&f).unwrap(), b"<a x=\"2\"/>");
        assert_eq!(c.leftovers_removed.len(), 1);
        assert_eq!(store.load(&c.backup).unwrap(), b"<a x=\"0\"/>");
        let names: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
    }

    /// Lock and read `f` (holding `before`), let an editor that takes no
    /// lock write `after` in place, then commit a change: it must be refused
    /// and the editor's bytes stay.
    fn editor_wins(t: &Path, f: &Path, before: &[u8], after: &[u8]) {
        let store = Store::new(t.join("b"));
        let mut l = lock(f, Duration::from_secs(1)).unwrap();
        let orig = l.read().unwrap();
        assert!(orig == before);
        fs::write(f, after).unwrap();
        let err = commit(
            &mut l,
            &store,
            &orig,
            &[Splice::new(0..3, b"new".to_vec())],
            "t",
            None,
        )
        .unwrap_err();
        assert!(matches!(err, Error::ChangedUnderUs { .. }), "{err}");
        assert!(fs::read(f).unwrap() == after);
    }

    #[test]
    fn a_change_by_another_editor_is_not_overwritten() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("m.xml");
        fs::write(&f, b"one").unwrap();
        editor_wins(t.path(), &f, b"one", b"two");
    }

    /// A file past the size where reads and comparisons go in two halves.
    fn large(t: &Path) -> (PathBuf, Vec<u8>) {
        let bytes: Vec<u8> = (0..PARALLEL_IO_BYTES + 12_345)
            .map(|i| (i % 251) as u8)
            .collect();
        let f = t.join("big.xml");
        fs::write(&f, &bytes).unwrap();
        (f, bytes)
    }

    #[test]
    fn a_large_file_is_read_and_compared_in_two_halves_exactly() {
        let t = tempfile::tempdir().unwrap();
        let (f, bytes) = large(t.path());
        let mut file = File::open(&f).unwrap();
        assert!(read_all(&mut file).unwrap() == bytes);
        assert!(file_equals(&mut file, &bytes).unwrap());
        // One byte changed in either half, a byte more, a byte less: different.
        for at in [10, bytes.len() - 10] {
            let mut other = bytes.clone();
            other[at] ^= 1;
            assert!(!file_equals(&mut file, &other).unwrap(), "{at}");
        }
        assert!(!file_equals(&mut file, &bytes[..bytes.len() - 1]).unwrap());
        let mut longer = bytes.clone();
        longer.push(b'x');
        assert!(!file_equals(&mut file, &longer).unwrap());
        // A file that is not the length its metadata gave is read the
        // ordinary way (here: asked for fewer bytes than it has).
        assert!(read_in_two(&file, bytes.len() - 1).unwrap().is_none());
        assert!(read_in_two(&file, bytes.len() + 1).unwrap().is_none());
    }

    #[test]
    fn a_change_in_a_large_file_is_not_overwritten() {
        let t = tempfile::tempdir().unwrap();
        let (f, bytes) = large(t.path());
        // The editor changes one byte near the end.
        let mut after = bytes.clone();
        let n = after.len();
        after[n - 3] ^= 1;
        editor_wins(t.path(), &f, &bytes, &after);
    }

    #[test]
    fn second_locker_times_out() {
        let t = tempfile::tempdir().unwrap();
        let f = t.path().join("m.xml");
        fs::write(&f, b"x").unwrap();
        let _held = lock(&f, Duration::from_secs(1)).unwrap();
        let err = lock(&f, Duration::from_millis(100)).err().unwrap();
        assert!(matches!(err, Error::Locked { .. }));
    }
}
