//! The gate every read of a metabase passes: decode, then scan strictly. A
//! file IIS would refuse stops here with one error naming the file, the line
//! and column of its first problem, and where good copies are. Pure: the
//! bytes are given; nothing here touches the disk.

use std::path::Path;

use super::scan::{is_xml_rule, scan, Scan};
use super::text::{line_col, Document};
use super::validate::{self, Problem};
use crate::{t, Error};

/// `line L, column C` of a byte offset of the text, in the current language.
pub fn at(text: &str, offset: usize) -> String {
    let (l, c) = line_col(text, offset);
    t!("gate-place", line = l, column = c)
}

/// What to do about a file that cannot be read: where good copies are (in
/// the current language).
pub fn find_a_good_copy() -> String {
    t!("gate-find-a-good-copy")
}

/// Why a metabase's bytes cannot be read: where (line and column, or line
/// and byte for bytes that do not decode) and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub place: String,
    pub what: String,
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place, self.what)
    }
}

/// Decode and scan strictly, without a file name.
pub fn read(raw: &[u8]) -> Result<(Document<'_>, Scan), Refusal> {
    let doc = Document::decode(raw).map_err(|e| Refusal {
        place: {
            let (l, c) = raw_line_col(raw, e.offset);
            t!("gate-place-byte", line = l, column = c, byte = e.offset)
        },
        what: e.message,
    })?;
    let scan = scan(&doc.text)
        .and_then(|s| {
            validate::check_declared_encoding(
                &doc.text,
                s.declared_encoding.clone(),
                doc.encoding,
            )?;
            Ok(s)
        })
        .map_err(|p| refusal(&doc.text, &p))?;
    Ok((doc, scan))
}

/// The refusal for a text whose first problem is `p`.
pub fn refusal(text: &str, p: &Problem) -> Refusal {
    Refusal {
        place: at(text, p.offset),
        what: if is_xml_rule(p.code) {
            t!("gate-not-well-formed", problem = p.message.as_str())
        } else {
            p.message.clone()
        },
    }
}

/// Decode and scan a metabase's bytes, strictly: the first problem in the
/// file is an error naming the file, line and column, and where good copies
/// are. Every command that reads a metabase goes through here.
pub fn parse<'a>(path: &Path, raw: &'a [u8]) -> Result<(Document<'a>, Scan), Error> {
    read(raw).map_err(|r| Error::Format {
        file: path.to_path_buf(),
        message: t!(
            "gate-refused",
            refusal = r.to_string(),
            next = find_a_good_copy()
        ),
    })
}

/// 1-based line and column (in characters) of a byte offset in bytes that
/// do not decode as a whole: the bytes before the offset do (a decoder stops
/// at the first bad one), UTF-16LE counted by units.
pub fn raw_line_col(raw: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(raw.len());
    if let Some(units) = raw.strip_prefix(b"\xFF\xFE") {
        let units: Vec<u16> = units[..(offset.max(2) - 2) & !1]
            .chunks_exact(2)
            .map(|u| u16::from_le_bytes([u[0], u[1]]))
            .collect();
        let line = units.iter().filter(|&&u| u == 0x0A).count() + 1;
        let start = units.iter().rposition(|&u| u == 0x0A).map_or(0, |i| i + 1);
        let col = char::decode_utf16(units[start..].iter().copied()).count() + 1;
        (line, col)
    } else {
        let before = &raw[..offset];
        let line = memchr::memchr_iter(b'\n', before).count() + 1;
        let start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let start = if start == 0 && before.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            start
        };
        let col = String::from_utf8_lossy(&before[start.min(offset)..])
            .chars()
            .count()
            + 1;
        (line, col)
    }
}
