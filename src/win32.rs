//! Windows-only: replace a file so that its security descriptor and attributes survive.
//!
//! `ReplaceFileW` moves the replacement over the target and keeps the target's
//! ACL, owner, attributes and creation time, where a plain rename would give
//! the metabase the temporary file's ACL (IIS reads it as SYSTEM; the
//! administrator's temporary file is the administrator's). On a file system
//! or share that cannot do it, `MoveFileExW(REPLACE_EXISTING | WRITE_THROUGH)`
//! is the atomic fallback.

use std::io;
use std::os::windows::ffi::OsStrExt;
use std::path::Path;

use windows_sys::Win32::Foundation::{
    ERROR_UNABLE_TO_MOVE_REPLACEMENT, ERROR_UNABLE_TO_MOVE_REPLACEMENT_2,
};
use windows_sys::Win32::Storage::FileSystem::{
    MoveFileExW, ReplaceFileW, MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH,
    REPLACEFILE_IGNORE_MERGE_ERRORS,
};

fn wide(p: &Path) -> Vec<u16> {
    p.as_os_str()
        .encode_wide()
        .chain(std::iter::once(0))
        .collect()
}

pub fn replace_file(target: &Path, replacement: &Path) -> io::Result<()> {
    let (t, r) = (wide(target), wide(replacement));
    // SAFETY: both are NUL-terminated wide strings that outlive the calls; the
    // optional arguments are null.
    let ok = unsafe {
        ReplaceFileW(
            t.as_ptr(),
            r.as_ptr(),
            std::ptr::null(),
            REPLACEFILE_IGNORE_MERGE_ERRORS,
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if ok != 0 {
        return Ok(());
    }
    let err = io::Error::last_os_error();
    match err.raw_os_error().map(|c| c as u32) {
        // The target is untouched in these cases (the replacement could not be
        // moved): fall back to an atomic move. Other errors are reported.
        Some(ERROR_UNABLE_TO_MOVE_REPLACEMENT)
        | Some(ERROR_UNABLE_TO_MOVE_REPLACEMENT_2)
        | Some(1)
        | Some(50) => {
            // 1 = ERROR_INVALID_FUNCTION, 50 = ERROR_NOT_SUPPORTED: file systems without ReplaceFile.
            // SAFETY: as above.
            let ok = unsafe {
                MoveFileExW(
                    r.as_ptr(),
                    t.as_ptr(),
                    MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH,
                )
            };
            if ok != 0 {
                Ok(())
            } else {
                Err(io::Error::last_os_error())
            }
        }
        _ => Err(err),
    }
}
