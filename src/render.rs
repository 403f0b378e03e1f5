//! Unified diffs of a change, computed over the changed region only.
//!
//! A 100 MB metabase with one inserted element must not be diffed whole: the
//! caller gives the line-aligned region of the old text that changes and its
//! replacement; this module adds three lines of context on each side, diffs
//! that window with `similar`, and shifts the hunk line numbers.

use std::fmt::Write as _;
use std::ops::Range;

use similar::{ChangeTag, TextDiff};

use crate::metabase::text::line_of;
use crate::splice::{self, Splice};

const CONTEXT: usize = 3;

/// Start of the line holding `at`.
fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)
}

/// Just past the end of the line holding `at` (or `at` if it starts a line).
fn line_end(text: &str, at: usize) -> usize {
    if at > 0 && text.as_bytes()[at - 1] == b'\n' {
        return at;
    }
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i + 1)
}

/// The region of `old` that `splices` (text offsets) touch, line-aligned, and
/// what it becomes.
pub fn splice_region(old: &str, splices: &[Splice]) -> (Range<usize>, String) {
    let (Some(first), Some(last)) = (splices.first(), splices.last()) else {
        return (0..0, String::new());
    };
    let start = line_start(old, first.range.start);
    let end = line_end(old, last.range.end).max(start);
    let local: Vec<Splice> = splices
        .iter()
        .map(|s| Splice::new(s.range.start - start..s.range.end - start, s.bytes.clone()))
        .collect();
    let new = splice::apply(&old.as_bytes()[start..end], &local);
    (
        start..end,
        String::from_utf8(new).expect("splices keep UTF-8"),
    )
}

/// The region where two whole texts differ, line-aligned: (old range, new range).
pub fn differing_region(old: &str, new: &str) -> (Range<usize>, Range<usize>) {
    let (a, b) = (old.as_bytes(), new.as_bytes());
    let mut p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    p = line_start(old, p);
    let max_s = (a.len() - p).min(b.len() - p);
    let mut s = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_s)
        .take_while(|(x, y)| x == y)
        .count();
    // Keep the suffix to whole lines: it must start right after a newline.
    while s > 0 && a[a.len() - s - 1] != b'\n' {
        s -= 1;
    }
    (p..a.len() - s, p..b.len() - s)
}

pub struct Labels<'a> {
    pub old: &'a str,
    pub new: &'a str,
}

/// A unified diff where `old[region]` becomes `replacement` and nothing else changes.
pub fn unified(
    labels: &Labels<'_>,
    old: &str,
    region: Range<usize>,
    replacement: &str,
    color: bool,
) -> String {
    // Widen by more than the context on each side: the diff may align the change
    // a line or two away from the region (repeated lines like `<Custom`), and
    // `grouped_ops` trims the context back to three lines.
    let mut start = region.start;
    for _ in 0..3 * CONTEXT {
        if start == 0 {
            break;
        }
        start = line_start(old, start - 1);
    }
    let mut end = region.end;
    for _ in 0..3 * CONTEXT {
        if end >= old.len() {
            break;
        }
        end = line_end(old, end + 1);
    }
    let old_win = &old[start..end];
    let new_win = format!(
        "{}{}{}",
        &old[start..region.start],
        replacement,
        &old[region.end..end]
    );
    let first_line = line_of(old, start);

    let (bold, red, green, cyan) = if color {
        (
            anstyle::Style::new().bold(),
            anstyle::AnsiColor::Red.on_default(),
            anstyle::AnsiColor::Green.on_default(),
            anstyle::AnsiColor::Cyan.on_default(),
        )
    } else {
        Default::default()
    };
    let diff = TextDiff::from_lines(old_win, new_win.as_str());
    let mut out = String::new();
    let groups = diff.grouped_ops(CONTEXT);
    if groups.is_empty() {
        return out;
    }
    let _ = writeln!(out, "{bold}--- {}{bold:#}", labels.old);
    let _ = writeln!(out, "{bold}+++ {}{bold:#}", labels.new);
    for group in groups {
        let (f, l) = (&group[0], &group[group.len() - 1]);
        let (o, n) = (
            f.old_range().start..l.old_range().end,
            f.new_range().start..l.new_range().end,
        );
        let (os, ns) = (
            if o.is_empty() { o.start } else { o.start + 1 },
            if n.is_empty() { n.start } else { n.start + 1 },
        );
        let _ = writeln!(
            out,
            "{cyan}@@ -{},{} +{},{} @@{cyan:#}",
            os + first_line - 1,
            o.len(),
            ns + first_line - 1,
            n.len()
        );
        for op in &group {
            for change in diff.iter_changes(op) {
                let (sign, style) = match change.tag() {
                    ChangeTag::Delete => ('-', red),
                    ChangeTag::Insert => ('+', green),
                    ChangeTag::Equal => (' ', anstyle::Style::new()),
                };
                let value = change.value();
                let body = value.strip_suffix('\n').unwrap_or(value);
                let body_nl = if value.ends_with('\n') { "\n" } else { "" };
                // Keep a CR as part of the line (the file's bytes), outside the colour codes.
                let (body, cr) = match body.strip_suffix('\r') {
                    Some(b) => (b, "\r"),
                    None => (body, ""),
                };
                let _ = write!(out, "{style}{sign}{body}{style:#}{cr}{body_nl}");
                if body_nl.is_empty() {
                    out.push_str("\n\\ No newline at end of file\n");
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels() -> Labels<'static> {
        Labels {
            old: "a/m.xml",
            new: "b/m.xml",
        }
    }

    #[test]
    fn insertion_diff_has_context_and_right_line_numbers() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        let at = old.find('5').unwrap();
        let (region, new) = splice_region(old, &[Splice::new(at..at, b"new\n".to_vec())]);
        let d = unified(&labels(), old, region, &new, false);
        assert_eq!(
            d,
            "--- a/m.xml\n+++ b/m.xml\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n"
        );
    }

    #[test]
    fn crlf_is_kept_and_end_of_file_handled() {
        let old = "a\r\nb";
        let (o, n) = differing_region(old, "a\r\nc");
        let d = unified(&labels(), old, o, &"a\r\nc"[n], false);
        assert_eq!(d, "--- a/m.xml\n+++ b/m.xml\n@@ -1,2 +1,2 @@\n a\r\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n");
    }

    #[test]
    fn no_change_no_diff() {
        assert_eq!(unified(&labels(), "x\n", 0..0, "", false), "");
    }

    #[test]
    fn differing_region_is_line_aligned() {
        let (o, n) = differing_region("aa\nbb\ncc\n", "aa\nbX\ncc\n");
        assert_eq!((o, n), (3..6, 3..6));
        let (o, n) = differing_region("aa\n", "aa\nbb\n");
        assert_eq!((o, n), (3..3, 3..6));
    }
}
