//! IIS's own versioned copies: `History\MetaBase_<major>_<minor>.xml` beside
//! the metabase (10 digits each). `backups --history` lists them;
//! `restore --from-history` restores one through the same checked, backed-up,
//! atomic path as any restore.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::backup::Source;
use crate::metabase::gate;
use crate::Error;

#[derive(Debug, Clone, Serialize)]
pub struct HistoryFile {
    /// `major_minor`, as in the file name.
    pub version: String,
    pub major: u64,
    pub minor: u64,
    /// Last write time, RFC 3339 UTC.
    pub time: String,
    pub size: u64,
    pub path: String,
}

/// The History folder of a metabase.
pub fn folder(file: &Path) -> PathBuf {
    file.parent().unwrap_or(Path::new(".")).join("History")
}

/// Parse `MetaBase_0000000012_0000000003.xml` (case-insensitive).
pub fn parse_name(name: &str) -> Option<(u64, u64)> {
    let lower = name.to_ascii_lowercase();
    let rest = lower.strip_prefix("metabase_")?.strip_suffix(".xml")?;
    let (major, minor) = rest.split_once('_')?;
    if major.is_empty()
        || minor.is_empty()
        || !major
            .bytes()
            .chain(minor.bytes())
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    Some((major.parse().ok()?, minor.parse().ok()?))
}

/// IIS's history copies of `file`, newest (highest version) first.
pub fn list(file: &Path) -> Result<Vec<HistoryFile>, Error> {
    let dir = folder(file);
    let rd = std::fs::read_dir(&dir).map_err(|e| Error::Io {
        file: dir.clone(),
        op: "io-read-history-folder",
        source: e,
    })?;
    let mut out = Vec::new();
    for e in rd.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some((major, minor)) = parse_name(&name) else {
            continue;
        };
        let Ok(meta) = e.metadata() else { continue };
        if !meta.is_file() {
            continue;
        }
        out.push(HistoryFile {
            version: format!("{major}_{minor}"),
            major,
            minor,
            time: meta
                .modified()
                .map(|t| humantime::format_rfc3339_seconds(t).to_string())
                .unwrap_or_default(),
            size: meta.len(),
            path: e.path().display().to_string(),
        });
    }
    out.sort_by_key(|h| std::cmp::Reverse((h.major, h.minor)));
    Ok(out)
}

/// The history copy named by `which`: a path, a file name, `major`, or `major_minor`
/// (the highest minor of a major when only the major is given).
pub fn find(file: &Path, which: &str) -> Result<PathBuf, Error> {
    let as_path = Path::new(which);
    if as_path.is_file() {
        return Ok(as_path.to_path_buf());
    }
    let items = list(file)?;
    let wanted = |h: &HistoryFile| -> bool {
        let name = Path::new(&h.path)
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase());
        if name.as_deref() == Some(which.to_ascii_lowercase().as_str()) {
            return true;
        }
        match which.split_once('_') {
            Some((ma, mi)) => ma.parse() == Ok(h.major) && mi.parse() == Ok(h.minor),
            None => which.parse() == Ok(h.major),
        }
    };
    items
        .iter()
        .find(|h| wanted(h))
        .map(|h| PathBuf::from(&h.path))
        .ok_or_else(|| Error::Input {
            file: folder(file),
            message: crate::t!("history-no-such", which = which),
        })
}

/// Load a history copy for restoring: it must be a metabase this tool can read.
pub fn load(file: &Path, which: &str) -> Result<Source, Error> {
    let path = find(file, which)?;
    let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, "io-read-history-file", e))?;
    gate::parse(&path, &bytes)?;
    let id = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| which.to_string());
    Ok(Source {
        id,
        path: path.display().to_string(),
        bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            parse_name("MetaBase_0000000012_0000000003.xml"),
            Some((12, 3))
        );
        assert_eq!(parse_name("metabase_1_0.XML"), Some((1, 0)));
        assert_eq!(parse_name("MBSchema_0000000012_0000000003.xml"), None);
        assert_eq!(parse_name("MetaBase_12.xml"), None);
        assert_eq!(parse_name("MetaBase_a_1.xml"), None);
    }
}
