//! Bytes to text and back, without losing a byte.
//!
//! IIS writes MetaBase.xml as UTF-8, usually without a BOM; Notepad's "Unicode"
//! is UTF-16LE with a BOM. Scanning and planning work on UTF-8 text; this
//! module maps text offsets back to file offsets so that a splice changes only
//! its own bytes. UTF-8 files are never copied: the text *is* the file minus the
//! BOM. UTF-16LE files are decoded once and each splice is re-encoded on its own.

use std::borrow::Cow;

use crate::splice::Splice;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16LeBom,
}

impl Encoding {
    pub fn describe(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16LeBom => "UTF-16LE with BOM",
        }
    }

    /// [`describe`](Self::describe) in the current language, for a sentence
    /// (JSON keeps the fixed English name).
    pub fn name(self) -> String {
        crate::t!(match self {
            Encoding::Utf8 => "encoding-utf8",
            Encoding::Utf8Bom => "encoding-utf8-bom",
            Encoding::Utf16LeBom => "encoding-utf16le-bom",
        })
    }
}

/// A decoding failure, with the byte offset in the file where it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub message: String,
}

/// The file's bytes as UTF-8 text, plus how to get back to the bytes.
#[derive(Debug)]
pub struct Document<'a> {
    pub encoding: Encoding,
    pub text: Cow<'a, str>,
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

impl<'a> Document<'a> {
    pub fn decode(raw: &'a [u8]) -> Result<Document<'a>, DecodeError> {
        if let Some(rest) = raw.strip_prefix(UTF8_BOM) {
            let text = utf8(rest, UTF8_BOM.len())?;
            return Ok(Document {
                encoding: Encoding::Utf8Bom,
                text: Cow::Borrowed(text),
            });
        }
        if let Some(rest) = raw.strip_prefix(b"\xFF\xFE") {
            return Ok(Document {
                encoding: Encoding::Utf16LeBom,
                text: Cow::Owned(utf16le(rest)?),
            });
        }
        if raw.starts_with(b"\xFE\xFF") {
            return Err(DecodeError {
                offset: 0,
                message: crate::t!("decode-utf16-be"),
            });
        }
        if raw.len() >= 2 && (raw[1] == 0 || raw[0] == 0) {
            return Err(DecodeError {
                offset: 0,
                message: crate::t!("decode-utf16-no-bom"),
            });
        }
        Ok(Document {
            encoding: Encoding::Utf8,
            text: Cow::Borrowed(utf8(raw, 0)?),
        })
    }

    /// Length in the file of the bytes before the text (the BOM).
    pub fn prefix_len(&self) -> usize {
        match self.encoding {
            Encoding::Utf8 => 0,
            Encoding::Utf8Bom => 3,
            Encoding::Utf16LeBom => 2,
        }
    }

    /// Encode a piece of text the way the file stores it.
    pub fn encode(&self, text: &str) -> Vec<u8> {
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => text.as_bytes().to_vec(),
            Encoding::Utf16LeBom => text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        }
    }

    /// Map splices over the text to splices over the file's bytes. Splices must be
    /// sorted and not overlap (as a plan makes them).
    pub fn to_file_splices(&self, splices: &[Splice]) -> Vec<Splice> {
        let prefix = self.prefix_len();
        match self.encoding {
            Encoding::Utf8 | Encoding::Utf8Bom => splices
                .iter()
                .map(|s| {
                    Splice::new(
                        s.range.start + prefix..s.range.end + prefix,
                        s.bytes.clone(),
                    )
                })
                .collect(),
            Encoding::Utf16LeBom => {
                // One pass over the text, counting UTF-16 units up to each boundary.
                let mut out = Vec::with_capacity(splices.len());
                let (mut at, mut units) = (0usize, 0usize);
                let mut advance = |to: usize| {
                    units += self.text[at..to].encode_utf16().count();
                    at = to;
                    prefix + 2 * units
                };
                for s in splices {
                    let start = advance(s.range.start);
                    let end = advance(s.range.end);
                    let text = std::str::from_utf8(&s.bytes).expect("splices hold UTF-8 text");
                    out.push(Splice::new(start..end, self.encode(text)));
                }
                out
            }
        }
    }
}

fn utf8(bytes: &[u8], base: usize) -> Result<&str, DecodeError> {
    std::str::from_utf8(bytes).map_err(|e| DecodeError {
        offset: base + e.valid_up_to(),
        message: crate::t!("decode-bad-utf8"),
    })
}

fn utf16le(bytes: &[u8]) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError {
            offset: 2 + bytes.len() - 1,
            message: crate::t!("decode-odd-utf16"),
        });
    }
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    for (i, ch) in char::decode_utf16(units).enumerate() {
        match ch {
            Ok(c) => text.push(c),
            Err(_) => {
                return Err(DecodeError {
                    offset: 2 + 2 * i,
                    message: crate::t!("decode-bad-utf16"),
                })
            }
        }
    }
    Ok(text)
}

/// 1-based line and column (in characters) of a byte offset in text.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text.as_bytes()[..offset];
    let line = memchr::memchr_iter(b'\n', before).count() + 1;
    let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    let col = text[line_start..offset].chars().count() + 1;
    (line, col)
}

/// [`line_col`] of many offsets in one pass over the text (offsets in any
/// order; the work is one walk up to the largest).
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(usize, usize)> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_by_key(|&i| offsets[i]);
    let mut out = vec![(0, 0); offsets.len()];
    let (mut at, mut line, mut line_start) = (0usize, 1usize, 0usize);
    for i in order {
        let offset = floor_char_boundary(text, offsets[i].min(text.len()));
        let chunk = &text.as_bytes()[at..offset];
        if let Some(last) = memchr::memrchr(b'\n', chunk) {
            line += memchr::memchr_iter(b'\n', chunk).count();
            line_start = at + last + 1;
        }
        at = offset;
        out[i] = (line, text[line_start..offset].chars().count() + 1);
    }
    out
}

/// 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    line_col(text, offset).0
}

/// The line holding `offset`, without its line end, and a caret line under
/// `len` bytes starting there: the way an error points at the file.
pub fn excerpt(text: &str, offset: usize, len: usize) -> String {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let bytes = text.as_bytes();
    let start = memchr::memrchr(b'\n', &bytes[..offset]).map_or(0, |i| i + 1);
    let end = memchr::memchr(b'\n', &bytes[offset..]).map_or(text.len(), |i| offset + i);
    let line = text[start..end].trim_end_matches('\r');
    const MAX: usize = 120;
    let (line, offset_in) = if line.len() > MAX {
        // Long lines (a 50 MB value) are cut around the offset.
        let from = floor_char_boundary(line, (offset - start).saturating_sub(40));
        let to = floor_char_boundary(line, (from + MAX).min(line.len()));
        (&line[from..to], offset - start - from)
    } else {
        (line, offset - start)
    };
    let pad: String = line[..offset_in.min(line.len())]
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    let carets = "^".repeat(len.clamp(1, 40));
    let (l, _) = line_col(text, offset);
    let gutter = l.to_string();
    format!(
        "{gutter} | {line}\n{} | {pad}{carets}",
        " ".repeat(gutter.len())
    )
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The file's newline: CRLF if its first line ends so, else LF.
pub fn newline_of(text: &str) -> &'static str {
    match memchr::memchr(b'\n', text.as_bytes()) {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_bom_borrows() {
        let d = Document::decode(b"<a/>").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8);
        assert!(matches!(d.text, Cow::Borrowed(_)));
    }

    #[test]
    fn utf8_bom_offsets_shift_by_three() {
        let d = Document::decode(b"\xEF\xBB\xBF<a x=\"1\"/>").unwrap();
        assert_eq!(d.encoding, Encoding::Utf8Bom);
        let s = d.to_file_splices(&[Splice::new(6..7, b"2".to_vec())]);
        assert_eq!(s[0].range, 9..10);
    }

    #[test]
    fn utf16_splices_are_reencoded_at_the_right_place() {
        let text = "<a é=\"1\"/>";
        let mut raw = vec![0xFF, 0xFE];
        raw.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let d = Document::decode(&raw).unwrap();
        assert_eq!(d.text, text);
        let at = text.find('1').unwrap();
        let s = d.to_file_splices(&[Splice::new(at..at + 1, b"2".to_vec())]);
        let out = crate::splice::apply(&raw, &s);
        let mut want = vec![0xFF, 0xFE];
        want.extend("<a é=\"2\"/>".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(out, want);
    }

    #[test]
    fn bad_input_is_reported_with_offsets() {
        assert_eq!(Document::decode(b"<a>\xFF</a>").unwrap_err().offset, 3);
        assert_eq!(Document::decode(b"\xFF\xFE\x00\xD8").unwrap_err().offset, 2);
        assert!(Document::decode(b"\xFF\xFE<").is_err());
        assert!(Document::decode(b"\xFE\xFF\0<").is_err());
        assert!(Document::decode(b"<\0a\0").is_err());
    }

    #[test]
    fn line_col_and_excerpt() {
        let t = "ab\r\n\tcd";
        assert_eq!(line_col(t, 5), (2, 2));
        assert_eq!(excerpt(t, 5, 2), "2 | \tcd\n  | \t^^");
        assert_eq!(newline_of(t), "\r\n");
        assert_eq!(newline_of("a\nb"), "\n");
        let t = "ab\nc\né\nd";
        let offsets = [9, 0, 3, 7, 5, 3];
        let one_by_one: Vec<_> = offsets.iter().map(|&o| line_col(t, o)).collect();
        assert_eq!(line_cols(t, &offsets), one_by_one);
        for o in 0..10 {
            assert_eq!(line_cols("ab\nc\né\nd", &[o]), [line_col("ab\nc\né\nd", o)]);
        }
    }
}
