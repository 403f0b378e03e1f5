//! The seam between the tool and the operating system: defaults, permissions,
//! file replacement, directory flush, file identity. Everything that differs
//! between Windows and Unix is here and nowhere else, and is small.
//!
//! `cfg!(windows)` is used where the code compiles everywhere (so a Linux build
//! type-checks it); `#[cfg]` only where an API exists on one side only.

use std::ffi::OsString;
use std::fs::{File, Metadata};
use std::io;
use std::path::{Path, PathBuf};

/// The metabase IIS reads: `%SystemRoot%\system32\inetsrv\MetaBase.xml` on
/// Windows; no default elsewhere.
pub fn default_metabase_path() -> Option<PathBuf> {
    default_metabase_path_for(cfg!(windows), std::env::var_os("SystemRoot"))
}

/// The rule behind [`default_metabase_path`], testable on any platform.
pub fn default_metabase_path_for(windows: bool, system_root: Option<OsString>) -> Option<PathBuf> {
    if !windows {
        return None;
    }
    let root = system_root
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| OsString::from(r"C:\WINDOWS"));
    let mut s = root;
    for part in [r"\system32", r"\inetsrv", r"\MetaBase.xml"] {
        s.push(part);
    }
    Some(PathBuf::from(s))
}

/// Where backups go by default: `<local data dir>/metabase-fix/backups`
/// (`%LOCALAPPDATA%` on Windows, `~/.local/share` on Linux).
pub fn default_backup_dir() -> Option<PathBuf> {
    dirs::data_local_dir().map(|d| d.join("metabase-fix").join("backups"))
}

/// What to tell a user who gave no --file.
pub fn no_file_hint() -> String {
    if cfg!(windows) {
        crate::t!("hint-no-file-windows")
    } else {
        crate::t!("hint-no-file-elsewhere")
    }
}

/// Windows: make the console's output code page UTF-8 (65001) for this run, so
/// Japanese and Vietnamese show correctly in the console and in what a child or
/// a pipe reads; the previous code page comes back when the guard is dropped.
/// Redirected output is UTF-8 bytes on every platform. Elsewhere: nothing.
pub fn console_utf8() -> ConsoleGuard {
    #[cfg(windows)]
    {
        use windows_sys::Win32::System::Console::{GetConsoleOutputCP, SetConsoleOutputCP};
        // SAFETY: plain Win32 calls without pointers; 0 means no console.
        let previous = unsafe { GetConsoleOutputCP() };
        if previous != 0 && previous != 65001 && unsafe { SetConsoleOutputCP(65001) } != 0 {
            return ConsoleGuard { previous };
        }
    }
    ConsoleGuard { previous: 0 }
}

/// Puts the console's code page back (see [`console_utf8`]).
pub struct ConsoleGuard {
    #[cfg_attr(not(windows), allow(dead_code))]
    previous: u32,
}

impl Drop for ConsoleGuard {
    fn drop(&mut self) {
        #[cfg(windows)]
        if self.previous != 0 {
            // SAFETY: as above.
            unsafe { windows_sys::Win32::System::Console::SetConsoleOutputCP(self.previous) };
        }
    }
}

/// Create a folder (and its parents) readable by the owner only (0700 on Unix;
/// on Windows it inherits the ACL of the user's profile folder).
pub fn create_private_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

/// Whether a folder can be read by other users (Unix permission bits).
pub fn readable_by_others(meta: &Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.permissions().mode() & 0o077 != 0
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        false
    }
}

/// Give `file` the permission bits (and, where allowed, the owner) of `original`.
pub fn copy_permissions(original: &Metadata, file: &File) -> io::Result<()> {
    file.set_permissions(original.permissions())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        // Only root can give a file away; for anyone else this is a no-op or fails harmlessly.
        let _ = std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()));
    }
    Ok(())
}

/// Put `replacement` in place of `target` in one step. Unix: rename(2), atomic.
/// Windows: ReplaceFileW, which keeps the target's ACL and attributes (a plain
/// rename would give the file the temporary file's security descriptor).
pub fn replace(replacement: &Path, target: &Path) -> io::Result<()> {
    #[cfg(windows)]
    {
        crate::win32::replace_file(target, replacement)
    }
    #[cfg(not(windows))]
    {
        std::fs::rename(replacement, target)
    }
}

/// Flush a folder's entries to disk (after a rename), where the platform allows.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(windows) {
        // Windows cannot open a folder for flushing; ReplaceFileW and
        // FlushFileBuffers on the file are what it offers.
        return Ok(());
    }
    File::open(dir)?.sync_all()
}

/// Whether an open handle still is the file at `path` (not a file that was
/// replaced under that name since it was opened).
pub fn same_file(handle: &File, path: &Path) -> io::Result<bool> {
    let a = handle.metadata()?;
    let b = std::fs::metadata(path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Ok(a.dev() == b.dev() && a.ino() == b.ino())
    }
    #[cfg(not(unix))]
    {
        // std has no stable file id on Windows; size and times change when the
        // file is replaced. The byte comparison before the rename is the real guard.
        Ok(a.len() == b.len()
            && a.modified().ok() == b.modified().ok()
            && a.created().ok() == b.created().ok())
    }
}

/// Ask for 2 MiB pages for a large buffer about to be filled at once (Linux,
/// transparent huge pages in `madvise` mode): a 100 MB read then takes 50 page
/// faults instead of 25 600. Only the 2 MiB-aligned middle is advised; a
/// refusal changes nothing but the speed. Elsewhere: nothing.
pub fn advise_huge_pages<T>(buf: &mut [T]) {
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = buf.as_mut_ptr() as usize;
        let end = start + std::mem::size_of_val(buf);
        let (from, to) = (start.next_multiple_of(HUGE), end & !(HUGE - 1));
        if to > from {
            // SAFETY: [from, to) lies inside `buf`, which we borrow mutably;
            // MADV_HUGEPAGE changes how pages are backed, never their content.
            unsafe {
                libc::madvise(from as *mut libc::c_void, to - from, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = buf;
}

/// Read at `offset`: pread on Unix, which leaves the file's cursor alone;
/// on Windows a read at an offset (`seek_read`), which moves it, so callers
/// rewind before any read from the cursor. Two threads may read at once.
pub fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        std::os::windows::fs::FileExt::seek_read(file, buf, offset)
    }
}

/// [`read_at`] until `buf` is full: `UnexpectedEof` if the file ends first.
pub fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    while !buf.is_empty() {
        match read_at(file, buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Paths compare case-insensitively on Windows.
pub fn same_path(a: &str, b: &str) -> bool {
    same_path_for(cfg!(windows), a, b)
}

/// The rule behind [`same_path`], testable on any platform.
pub fn same_path_for(windows: bool, a: &str, b: &str) -> bool {
    if windows {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_default_comes_from_system_root() {
        let p = default_metabase_path_for(true, Some(OsString::from(r"D:\WINNT"))).unwrap();
        assert_eq!(p.as_os_str(), r"D:\WINNT\system32\inetsrv\MetaBase.xml");
        let p = default_metabase_path_for(true, None).unwrap();
        assert_eq!(p.as_os_str(), r"C:\WINDOWS\system32\inetsrv\MetaBase.xml");
        assert_eq!(
            default_metabase_path_for(false, Some(OsString::from("/x"))),
            None
        );
    }

    #[test]
    fn windows_paths_compare_ignoring_case() {
        assert!(same_path_for(
            true,
            r"C:\WINDOWS\system32\inetsrv\MetaBase.xml",
            r"c:\windows\System32\InetSrv\metabase.xml"
        ));
        assert!(!same_path_for(
            false,
            "/srv/MetaBase.xml",
            "/srv/metabase.xml"
        ));
        assert!(same_path_for(
            false,
            "/srv/MetaBase.xml",
            "/srv/MetaBase.xml"
        ));
    }

    #[cfg(unix)]
    #[test]
    fn private_dirs_are_0700() {
        use std::os::unix::fs::PermissionsExt;
        let t = tempfile::tempdir().unwrap();
        let d = t.path().join("a/b");
        create_private_dir_all(&d).unwrap();
        assert_eq!(
            std::fs::metadata(&d).unwrap().permissions().mode() & 0o777,
            0o700
        );
        assert!(!readable_by_others(&std::fs::metadata(&d).unwrap()));
    }
}
