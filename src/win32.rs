//! Windows-only file replacement (placeholder until the Windows harness lands).

use std::io;
use std::path::Path;

pub fn replace_file(target: &Path, replacement: &Path) -> io::Result<()> {
    std::fs::rename(replacement, target)
}
