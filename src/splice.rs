//! The one place where bytes are changed.
//!
//! A plan is a sorted list of non-overlapping `(range, replacement)` splices
//! over the original bytes. The output is the input with those splices applied
//! and nothing else: no reprinting, no normalisation. [`write_to`] streams the
//! result without building it in memory; [`apply`] builds it (tests, diffs).

use std::io::{self, Write};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub range: Range<usize>,
    pub bytes: Vec<u8>,
}

impl Splice {
    pub fn new(range: Range<usize>, bytes: Vec<u8>) -> Splice {
        Splice { range, bytes }
    }
}

/// Panics (a bug in the planner) unless splices are sorted, disjoint and in bounds.
fn check(len: usize, splices: &[Splice]) {
    let mut at = 0;
    for s in splices {
        assert!(
            s.range.start >= at && s.range.start <= s.range.end && s.range.end <= len,
            "bad splice list"
        );
        at = s.range.end;
    }
}

/// Length of the result.
pub fn output_len(src: &[u8], splices: &[Splice]) -> usize {
    splices
        .iter()
        .fold(src.len(), |n, s| n - s.range.len() + s.bytes.len())
}

/// The pieces of the output in order: unchanged slices of `src` and replacements.
pub fn pieces<'a>(src: &'a [u8], splices: &'a [Splice]) -> impl Iterator<Item = &'a [u8]> + 'a {
    check(src.len(), splices);
    let mut at = 0;
    let mut i = 0;
    let mut pending: Option<&'a [u8]> = None;
    std::iter::from_fn(move || loop {
        if let Some(p) = pending.take() {
            return Some(p);
        }
        if i < splices.len() {
            let s = &splices[i];
            i += 1;
            let kept = &src[at..s.range.start];
            at = s.range.end;
            pending = Some(&s.bytes[..]);
            if !kept.is_empty() {
                return Some(kept);
            }
        } else if at < src.len() {
            let rest = &src[at..];
            at = src.len();
            return Some(rest);
        } else {
            return None;
        }
    })
    .filter(|p: &&[u8]| !p.is_empty())
}

/// Stream the result into a writer.
pub fn write_to<W: Write>(w: &mut W, src: &[u8], splices: &[Splice]) -> io::Result<()> {
    for p in pieces(src, splices) {
        w.write_all(p)?;
    }
    Ok(())
}

/// Build the result in memory.
///
/// ```
/// use metabase_fix::splice::{apply, Splice};
/// let src = b"<K Location=\"/LM/SmtpSvc\" SmtpUseTcpDns=\"0\"/>\r\n";
/// let at = src.iter().position(|&b| b == b'0').unwrap();
/// let out = apply(src, &[Splice::new(at..at + 1, b"2".to_vec())]);
/// assert_eq!(out, b"<K Location=\"/LM/SmtpSvc\" SmtpUseTcpDns=\"2\"/>\r\n");
/// ```
pub fn apply(src: &[u8], splices: &[Splice]) -> Vec<u8> {
    let mut out = Vec::with_capacity(output_len(src, splices));
    write_to(&mut out, src, splices).expect("writing to a Vec cannot fail");
    out
}

/// Whether `out` is `src` with `splices` applied and every other byte unchanged:
/// the invariant the property tests and the fuzz target check on every plan.
pub fn unchanged_outside(src: &[u8], out: &[u8], splices: &[Splice]) -> bool {
    let (mut at_in, mut at_out) = (0usize, 0usize);
    for s in splices {
        let kept = s.range.start - at_in;
        if out.get(at_out..at_out + kept) != Some(&src[at_in..s.range.start])
            || out.get(at_out + kept..at_out + kept + s.bytes.len()) != Some(&s.bytes[..])
        {
            return false;
        }
        at_out += kept + s.bytes.len();
        at_in = s.range.end;
    }
    out.get(at_out..) == Some(&src[at_in..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_plan_gives_identical_bytes() {
        assert_eq!(apply(b"abc\r\n", &[]), b"abc\r\n");
    }

    #[test]
    fn splices_replace_insert_and_delete() {
        let s = [
            Splice::new(0..0, b">".to_vec()),
            Splice::new(1..2, b"XY".to_vec()),
            Splice::new(3..4, vec![]),
        ];
        assert_eq!(apply(b"abcd", &s), b">aXYc");
        assert_eq!(output_len(b"abcd", &s), 5);
    }

    #[test]
    fn confinement_check() {
        let s = [Splice::new(1..2, b"XY".to_vec())];
        assert!(unchanged_outside(b"abc", b"aXYc", &s));
        assert!(!unchanged_outside(b"abc", b"aXYd", &s));
        assert!(!unchanged_outside(b"abc", b"aXZc", &s));
        assert!(!unchanged_outside(b"abc", b"aXYcc", &s));
    }

    #[test]
    #[should_panic(expected = "bad splice list")]
    fn overlapping_splices_are_a_bug() {
        apply(
            b"abcd",
            &[Splice::new(1..3, vec![]), Splice::new(2..3, vec![])],
        );
    }
}
