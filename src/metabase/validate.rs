//! The strict rules: XML 1.0 (fifth edition) well-formedness and Namespaces in
//! XML 1.0, checked on the decoded text. Pure functions over byte spans; the
//! scanner ([`super::scan`]) calls them on every token in its one pass.
//!
//! quick-xml only splits the text into tokens (quote-aware, so `>` inside a
//! value is fine). Everything a tokenizer does not check is checked here:
//! characters (the `Char` production), names (`Name`, `QName`), start-tag
//! syntax (spaces between attributes, quotes, `=`), attribute values (no `<`,
//! every `&` a reference), references (the five predefined entities or a
//! character reference to a legal `Char`), comments, the XML declaration,
//! processing-instruction targets and namespace prefixes.
//!
//! Every problem keeps the byte offset of the offending character; line and
//! column are worked out only when it is shown.

use std::ops::Range;

use crate::t;

pub type Span = Range<usize>;

/// One rule broken at one place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Byte offset in the text of the offending character.
    pub offset: usize,
    /// How many bytes to underline (at least 1 when shown).
    pub len: usize,
    /// A stable kebab-case name of the rule (`bad-char`, `undefined-entity`, ...).
    pub code: &'static str,
    pub message: String,
}

impl Problem {
    pub fn new(offset: usize, len: usize, code: &'static str, message: impl Into<String>) -> Self {
        Problem {
            offset,
            len,
            code,
            message: message.into(),
        }
    }
}

/// XML's white space: space, tab, CR, LF (not form feed or vertical tab).
pub fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// The `Char` production of XML 1.0 (a Rust `char` is never a surrogate).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// `NameStartChar`, without the colon (namespaces make `:` a separator).
pub fn is_name_start(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// `NameChar`, without the colon.
pub fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c, '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Describe a character for a message: `U+0000 (NUL)`, `'é' (U+00E9)`.
pub fn describe_char(c: char) -> String {
    let names = [
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "TAB", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM",
        "SUB", "ESC", "FS", "GS", "RS", "US",
    ];
    match c as u32 {
        n @ 0..=0x1F => format!("U+{n:04X} ({})", names[n as usize]),
        n if c.is_control() || !is_xml_char(c) || c.is_whitespace() => format!("U+{n:04X}"),
        n => format!("'{c}' (U+{n:04X})"),
    }
}

/// The first character at or after `from` that XML does not allow anywhere
/// (a control character other than tab, LF and CR; U+FFFE; U+FFFF), as its
/// byte offset and the character. Valid UTF-8 holds no surrogate, so nothing
/// else can be illegal. The common case (plain ASCII and a few multi-byte
/// characters) runs 16 bytes at a time.
pub fn first_bad_char(text: &str, from: usize) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        i = next_suspect(b, i);
        if i >= b.len() {
            return None;
        }
        let c = b[i];
        if c < 0x20 {
            if !matches!(c, b'\t' | b'\n' | b'\r') {
                return Some((i, c as char));
            }
        } else if c == 0xEF
            && b.get(i + 1) == Some(&0xBF)
            && matches!(b.get(i + 2), Some(0xBE | 0xBF))
        {
            return Some((
                i,
                if b[i + 2] == 0xBE {
                    '\u{FFFE}'
                } else {
                    '\u{FFFF}'
                },
            ));
        }
        i += 1;
    }
    None
}

/// The first index at or after `i` holding a byte below 0x20 other than the
/// common tab/LF/CR, or 0xEF (the lead byte of U+Fxxx).
fn next_suspect(b: &[u8], mut i: usize) -> usize {
    #[cfg(target_arch = "x86_64")]
    {
        // SSE2 is part of x86_64: always there.
        use std::arch::x86_64::*;
        unsafe {
            let lim = _mm_set1_epi8(0x20);
            let tab = _mm_set1_epi8(b'\t' as i8);
            let lf = _mm_set1_epi8(b'\n' as i8);
            let cr = _mm_set1_epi8(b'\r' as i8);
            let ef = _mm_set1_epi8(0xEFu8 as i8);
            while i + 16 <= b.len() {
                let x = _mm_loadu_si128(b.as_ptr().add(i) as *const __m128i);
                // x < 0x20 (unsigned) <=> max(x, 0x20) != x
                let ge = _mm_cmpeq_epi8(_mm_max_epu8(x, lim), x);
                let ok_ws = _mm_or_si128(
                    _mm_or_si128(_mm_cmpeq_epi8(x, tab), _mm_cmpeq_epi8(x, lf)),
                    _mm_cmpeq_epi8(x, cr),
                );
                let good = _mm_or_si128(ge, ok_ws);
                let mask = (!_mm_movemask_epi8(good) as u32 & 0xFFFF)
                    | _mm_movemask_epi8(_mm_cmpeq_epi8(x, ef)) as u32;
                if mask != 0 {
                    return i + mask.trailing_zeros() as usize;
                }
                i += 16;
            }
        }
    }
    while i < b.len() {
        let c = b[i];
        if (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r')) || c == 0xEF {
            return i;
        }
        i += 1;
    }
    i
}

/// Check that `span` holds a `Name` (colons allowed: namespaces are checked
/// separately). Returns the problem at the first bad character. `what` names
/// the name for the message: `element`, `attribute`, `end-tag`, `pi` or
/// `reference` (the selector of `xml-name-*`).
pub fn check_name(text: &str, span: Span, what: &str) -> Result<(), Problem> {
    let s = &text[span.clone()];
    // Fast path, the common case: an ASCII name that is good. Anything else
    // (including every error) takes the general path below, so the result
    // and the messages are the same.
    if let Some((&first, rest)) = s.as_bytes().split_first() {
        if ASCII_NAME[first as usize] == START && rest.iter().all(|&c| ASCII_NAME[c as usize] != 0)
        {
            return Ok(());
        }
    }
    let mut chars = s.char_indices();
    match chars.next() {
        None => {
            return Err(Problem::new(
                span.start,
                1,
                "bad-name",
                t!("xml-name-missing", what = what),
            ))
        }
        Some((_, c)) if is_name_start(c) || c == ':' => {}
        Some((_, c)) => {
            return Err(Problem::new(
                span.start,
                c.len_utf8(),
                "bad-name",
                t!("xml-name-bad-start", what = what, char = describe_char(c)),
            ))
        }
    }
    for (i, c) in chars {
        if !(is_name_char(c) || c == ':') {
            return Err(Problem::new(
                span.start + i,
                c.len_utf8(),
                "bad-name",
                t!("xml-name-bad-char", what = what, char = describe_char(c)),
            ));
        }
    }
    Ok(())
}

/// [`ASCII_NAME`]: a byte that may start a name (with the colon, as [`check_name`] allows).
const START: u8 = 1;
/// [`ASCII_NAME`]: a byte that may stand in a name but not start it.
const INNER: u8 = 2;

/// The name classes of the bytes: `START` for `A-Z a-z _ :`, `INNER` for
/// `0-9 - .`, 0 for the rest, and for every byte of a multi-byte character
/// (the ASCII part of `NameStartChar` and `NameChar`, with the colon).
static ASCII_NAME: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        t[c] = if b.is_ascii_alphabetic() || b == b'_' || b == b':' {
            START
        } else if b.is_ascii_digit() || b == b'-' || b == b'.' {
            INNER
        } else {
            0
        };
        c += 1;
    }
    t
};

/// The end of the name starting at `i` (the first byte that is not a name
/// character; names are ASCII in practice, checked fully by [`check_name`]).
pub fn name_end(text: &str, mut i: usize) -> usize {
    let b = text.as_bytes();
    while i < b.len() {
        let c = b[i];
        if ASCII_NAME[c as usize] != 0 {
            i += 1;
        } else if c >= 0x80 {
            let ch = text[i..].chars().next().expect("on a char boundary");
            if !(is_name_char(ch)) {
                break;
            }
            i += ch.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// [`name_end`], and whether the name is plain ASCII that [`check_name`]
/// accepts (then it need not be checked again). One loop over the bytes in
/// the common case; a non-ASCII byte takes the general path.
fn ascii_name_end(text: &str, i: usize) -> (usize, bool) {
    let (end, ok, _) = ascii_name_scan(text, i);
    (end, ok)
}

/// [`ascii_name_end`], and whether the name holds a colon (a prefix for
/// [`Namespaces`] to check), found in the same loop.
#[inline]
fn ascii_name_scan(text: &str, i: usize) -> (usize, bool, bool) {
    let b = text.as_bytes();
    let mut j = i;
    let mut colon = false;
    while j < b.len() && ASCII_NAME[b[j] as usize] != 0 {
        colon |= b[j] == b':';
        j += 1;
    }
    if j < b.len() && b[j] >= 0x80 {
        let end = name_end(text, i);
        return (end, false, b[i..end].contains(&b':'));
    }
    (j, j > i && ASCII_NAME[b[i] as usize] == START, colon)
}

/// The five entities XML predefines.
pub const PREDEFINED: [&str; 5] = ["amp", "lt", "gt", "quot", "apos"];

/// Check the reference starting with the `&` at `amp`; `end` bounds the search
/// for its `;` (the end of the attribute value or of the text). Returns the
/// offset just after the `;`.
pub fn check_reference(text: &str, amp: usize, end: usize) -> Result<usize, Problem> {
    let b = text.as_bytes();
    debug_assert_eq!(b[amp], b'&');
    // A reference is short: look for `;` among the next few bytes only, so a
    // stray `&` in a 50 MB value costs nothing.
    let window = &b[amp + 1..end.min(amp + 1 + 40)];
    let Some(semi) = window.iter().position(|&c| c == b';') else {
        return Err(Problem::new(
            amp,
            1,
            "bad-reference",
            t!("xml-bad-reference"),
        ));
    };
    let body = &text[amp + 1..amp + 1 + semi];
    let after = amp + 2 + semi;
    if let Some(num) = body.strip_prefix('#') {
        let (digits, radix) = match num.strip_prefix('x') {
            Some(h) => (h, 16),
            None => (num, 10),
        };
        let ok_digits = !digits.is_empty()
            && digits.bytes().all(|c| {
                if radix == 16 {
                    c.is_ascii_hexdigit()
                } else {
                    c.is_ascii_digit()
                }
            });
        if !ok_digits {
            return Err(Problem::new(
                amp,
                after - amp,
                "bad-char-reference",
                t!("xml-bad-char-reference", body = body),
            ));
        }
        let v = u32::from_str_radix(digits, radix).ok();
        match v.and_then(char::from_u32) {
            Some(c) if is_xml_char(c) => Ok(after),
            _ => Err(Problem::new(
                amp,
                after - amp,
                "bad-char-reference",
                t!("xml-char-reference-not-allowed", body = body),
            )),
        }
    } else if PREDEFINED.contains(&body) {
        Ok(after)
    } else if body.is_empty() || check_name(text, amp + 1..amp + 1 + semi, "reference").is_err() {
        Err(Problem::new(
            amp,
            1,
            "bad-reference",
            t!("xml-bad-reference"),
        ))
    } else {
        Err(Problem::new(
            amp,
            after - amp,
            "undefined-entity",
            t!("xml-undefined-entity", body = body),
        ))
    }
}

/// Check an attribute value (between its quotes): no `<`, every `&` a reference.
pub fn check_value(text: &str, value: Span) -> Result<(), Problem> {
    let b = text.as_bytes();
    let mut i = value.start;
    while let Some(p) = memchr::memchr2(b'<', b'&', &b[i..value.end]) {
        let at = i + p;
        if b[at] == b'<' {
            return Err(Problem::new(
                at,
                1,
                "lt-in-attribute",
                t!("xml-lt-in-attribute"),
            ));
        }
        i = check_reference(text, at, value.end)?;
    }
    Ok(())
}

/// Check the content of a text token (between tags): no `]]>`. References are
/// separate tokens; characters are checked for the whole text at once.
pub fn check_text(text: &str, span: Span) -> Result<(), Problem> {
    let b = &text.as_bytes()[span.clone()];
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'>', &b[i..]) {
        let at = i + p;
        if at >= 2 && &b[at - 2..at] == b"]]" {
            return Err(Problem::new(
                span.start + at - 2,
                3,
                "cdata-end-in-text",
                t!("xml-cdata-end-in-text"),
            ));
        }
        i = at + 1;
    }
    Ok(())
}

/// Check a comment token `<!--...-->`: no `--` inside, not ending in `-`.
pub fn check_comment(text: &str, span: Span) -> Result<(), Problem> {
    let inner = span.start + 4..span.end - 3;
    let b = &text.as_bytes()[inner.clone()];
    if let Some(p) = b.windows(2).position(|w| w == b"--") {
        return Err(Problem::new(
            inner.start + p,
            2,
            "bad-comment",
            t!("xml-comment-double-hyphen"),
        ));
    }
    if b.last() == Some(&b'-') {
        return Err(Problem::new(
            inner.end - 1,
            1,
            "bad-comment",
            t!("xml-comment-ends-with-hyphen"),
        ));
    }
    Ok(())
}

/// One attribute of a start tag: its name and its value between the quotes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagAttr {
    pub name: Span,
    pub value: Span,
}

/// A start tag read strictly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartTag {
    pub name: Span,
    pub empty: bool,
    /// No name in the tag has a colon and no attribute is `xmlns`: nothing
    /// for [`Namespaces`] to do ([`Namespaces::enter_plain`]).
    pub plain: bool,
}

/// Read the start tag `<name attr="v" ... >` or `.../>` at `tag` (as the
/// tokenizer delimited it), appending its attributes to `attrs`. Checks the
/// element and attribute names, the white space between attributes, `=`,
/// quotes, values, and that no attribute is given twice.
///
/// A problem inside a value or a repeated attribute leaves the tag readable:
/// it goes to `soft` and the attribute is kept. Any other problem ends the
/// reading (`Err`).
pub fn parse_start_tag(
    text: &str,
    tag: Span,
    attrs: &mut Vec<TagAttr>,
    soft: &mut Vec<Problem>,
) -> Result<StartTag, Problem> {
    let b = text.as_bytes();
    let first = attrs.len();
    let (close, empty) = if b[tag.end - 2] == b'/' && tag.end - 2 > tag.start {
        (tag.end - 2, true)
    } else {
        (tag.end - 1, false)
    };
    let name_start = tag.start + 1;
    let (name_stop, name_ok, mut colon) = ascii_name_scan(text, name_start);
    let mut xmlns = false;
    if name_stop == name_start {
        let c = text[name_start..].chars().next().unwrap_or(' ');
        let (at, len) = if is_space(b[name_start]) {
            (tag.start, 1)
        } else {
            (name_start, c.len_utf8())
        };
        return Err(Problem::new(
            at,
            len,
            "bad-name",
            if is_space(b[name_start]) {
                t!("xml-lt-space")
            } else {
                t!("xml-element-name-bad-start", char = describe_char(c))
            },
        ));
    }
    if !name_ok {
        check_name(text, name_start..name_stop, "element")?;
    }
    let mut i = name_stop;
    loop {
        let ws = i;
        while i < close && is_space(b[i]) {
            i += 1;
        }
        if i == close {
            break;
        }
        if i == ws {
            // Something glued to the previous token.
            let c = text[i..].chars().next().unwrap_or(' ');
            let (code, msg) = if attrs.len() > first {
                ("missing-space", t!("xml-missing-space"))
            } else if b[i] == b'/' {
                ("bad-tag", t!("xml-slash-in-start-tag"))
            } else {
                (
                    "bad-name",
                    t!("xml-element-name-bad-char", char = describe_char(c)),
                )
            };
            return Err(Problem::new(i, c.len_utf8(), code, msg));
        }
        // An attribute: Name S? '=' S? quoted value.
        let n0 = i;
        let (n1, n_ok, n_colon) = ascii_name_scan(text, i);
        colon |= n_colon;
        xmlns |= &b[n0..n1] == b"xmlns";
        if n1 == n0 {
            let c = text[i..].chars().next().unwrap_or(' ');
            let msg = if b[i] == b'/' {
                t!("xml-slash-in-start-tag")
            } else {
                t!("xml-attribute-name-bad-start", char = describe_char(c))
            };
            let code = if b[i] == b'/' { "bad-tag" } else { "bad-name" };
            return Err(Problem::new(i, c.len_utf8(), code, msg));
        }
        if !n_ok {
            check_name(text, n0..n1, "attribute")?;
        }
        i = n1;
        while i < close && is_space(b[i]) {
            i += 1;
        }
        if i >= close || b[i] != b'=' {
            return Err(Problem::new(
                n1,
                1,
                "bad-attribute",
                t!("xml-attribute-no-value", name = &text[n0..n1]),
            ));
        }
        i += 1;
        while i < close && is_space(b[i]) {
            i += 1;
        }
        let q = if i < close { b[i] } else { 0 };
        if q != b'"' && q != b'\'' {
            return Err(Problem::new(
                i.min(close),
                1,
                "bad-attribute",
                t!("xml-attribute-unquoted", name = &text[n0..n1]),
            ));
        }
        let v0 = i + 1;
        // One search finds the closing quote, or first a `<` or `&` that
        // the value's rules must look at (then the quote is found after it).
        let unclosed = || {
            Problem::new(
                i,
                1,
                "bad-attribute",
                t!("xml-attribute-unclosed", name = &text[n0..n1]),
            )
        };
        let Some(p) = memchr::memchr3(q, b'<', b'&', &b[v0..close]) else {
            return Err(unclosed());
        };
        let v1 = if b[v0 + p] == q {
            v0 + p
        } else {
            let Some(rest) = memchr::memchr(q, &b[v0 + p..close]) else {
                return Err(unclosed());
            };
            let v1 = v0 + p + rest;
            if let Err(p) = check_value(text, v0..v1) {
                soft.push(p);
            }
            v1
        };
        let name = &b[n0..n1];
        if let Some(prev) = attrs[first..].iter().find(|a| &b[a.name.clone()] == name) {
            soft.push(Problem::new(
                n0,
                n1 - n0,
                "duplicate-attribute",
                t!(
                    "xml-attribute-twice",
                    name = &text[n0..n1],
                    byte = prev.name.start
                ),
            ));
        }
        attrs.push(TagAttr {
            name: n0..n1,
            value: v0..v1,
        });
        i = v1 + 1;
    }
    Ok(StartTag {
        name: name_start..name_stop,
        empty,
        plain: !colon && !xmlns,
    })
}

/// Check an end tag `</name S?>`; returns the name's span.
pub fn parse_end_tag(text: &str, tag: Span) -> Result<Span, Problem> {
    let b = text.as_bytes();
    let n0 = tag.start + 2;
    let (n1, ok) = ascii_name_end(text, n0);
    if !ok {
        check_name(text, n0..n1, "end-tag")?;
    }
    let mut i = n1;
    while i < tag.end - 1 && is_space(b[i]) {
        i += 1;
    }
    if i != tag.end - 1 {
        let c = text[i..].chars().next().unwrap_or(' ');
        return Err(Problem::new(
            i,
            c.len_utf8(),
            "bad-tag",
            t!("xml-end-tag-bad-char", char = describe_char(c)),
        ));
    }
    Ok(n0..n1)
}

/// Check the XML declaration `<?xml version="1.x" encoding="..." standalone="yes|no"?>`
/// at `span` (which must start the text). Returns the span of the declared
/// encoding's value, if any.
pub fn check_xml_decl(text: &str, span: Span) -> Result<Option<Span>, Problem> {
    let b = text.as_bytes();
    let close = span.end - 2; // `?>`
    let mut i = span.start + 5; // after `<?xml`
    let mut attrs = Vec::new();
    loop {
        let ws = i;
        while i < close && is_space(b[i]) {
            i += 1;
        }
        if i == close {
            break;
        }
        if i == ws {
            return Err(Problem::new(
                i,
                1,
                "bad-xml-declaration",
                t!("xml-decl-missing-space"),
            ));
        }
        let n0 = i;
        let n1 = name_end(text, i);
        i = n1;
        while i < close && is_space(b[i]) {
            i += 1;
        }
        if n1 == n0 || i >= close || b[i] != b'=' {
            return Err(Problem::new(
                n0,
                1,
                "bad-xml-declaration",
                t!("xml-decl-form"),
            ));
        }
        i += 1;
        while i < close && is_space(b[i]) {
            i += 1;
        }
        let q = if i < close { b[i] } else { 0 };
        let end = if q == b'"' || q == b'\'' {
            memchr::memchr(q, &b[i + 1..close])
        } else {
            None
        };
        let Some(p) = end else {
            return Err(Problem::new(
                i.min(close),
                1,
                "bad-xml-declaration",
                t!("xml-decl-unquoted"),
            ));
        };
        attrs.push((n0..n1, i + 1..i + 1 + p));
        i = i + 2 + p;
    }
    let mut it = attrs.iter().peekable();
    let bad = |at: usize, id: &str| Err(Problem::new(at, 1, "bad-xml-declaration", t!(id)));
    match it.next() {
        Some((n, v)) if &text[n.clone()] == "version" => {
            let val = &text[v.clone()];
            let ok = val
                .strip_prefix("1.")
                .is_some_and(|d| !d.is_empty() && d.bytes().all(|c| c.is_ascii_digit()));
            if !ok {
                return bad(v.start, "xml-decl-version");
            }
        }
        _ => return bad(span.start + 2, "xml-decl-version-first"),
    }
    let mut encoding = None;
    if let Some((n, v)) = it.peek() {
        if &text[n.clone()] == "encoding" {
            let val = &text[v.clone()];
            let ok = val.bytes().next().is_some_and(|c| c.is_ascii_alphabetic())
                && val
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'-'));
            if !ok {
                return bad(v.start, "xml-decl-encoding-name");
            }
            encoding = Some(v.clone());
            it.next();
        }
    }
    if let Some((n, v)) = it.peek() {
        if &text[n.clone()] == "standalone" {
            if !matches!(&text[v.clone()], "yes" | "no") {
                return bad(v.start, "xml-decl-standalone");
            }
            it.next();
        }
    }
    if let Some((n, _)) = it.next() {
        return bad(n.start, "xml-decl-extra");
    }
    Ok(encoding)
}

/// Check a processing instruction `<?target ...?>` (not the XML declaration).
pub fn check_pi(text: &str, span: Span) -> Result<(), Problem> {
    let b = text.as_bytes();
    let t0 = span.start + 2;
    let t1 = name_end(text, t0);
    check_name(text, t0..t1, "pi")?;
    let target = &text[t0..t1];
    if target.eq_ignore_ascii_case("xml") {
        return Err(Problem::new(
            span.start,
            t1 - span.start,
            "misplaced-xml-declaration",
            t!("xml-misplaced-decl"),
        ));
    }
    if target.contains(':') {
        return Err(Problem::new(
            t0,
            t1 - t0,
            "bad-name",
            t!("xml-pi-target-colon"),
        ));
    }
    let close = span.end - 2;
    if t1 < close && !is_space(b[t1]) {
        return Err(Problem::new(t1, 1, "bad-name", t!("xml-pi-target-space")));
    }
    Ok(())
}

/// The XML declaration's encoding (its value's span, if any) must name the
/// encoding the file is in: UTF-8 for UTF-8 files, UTF-16 for UTF-16LE files.
pub fn check_declared_encoding(
    text: &str,
    declared: Option<Span>,
    actual: super::text::Encoding,
) -> Result<(), Problem> {
    use super::text::Encoding;
    let Some(span) = declared else { return Ok(()) };
    let name = text[span.clone()].to_ascii_uppercase();
    let ok = match actual {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            name == "UTF-8" || (name == "US-ASCII" && text.is_ascii())
        }
        Encoding::Utf16LeBom => name == "UTF-16" || name == "UTF-16LE",
    };
    if ok {
        return Ok(());
    }
    Err(Problem::new(
        span.start,
        span.len().max(1),
        "encoding-mismatch",
        t!(
            "xml-encoding-mismatch",
            declared = &text[span],
            actual = actual.name()
        ),
    ))
}

/// The namespace reserved for the `xml` prefix.
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
/// The namespace of `xmlns` declarations themselves.
pub const XMLNS_NS: &str = "http://www.w3.org/2000/xmlns/";

/// Split a name into prefix and local part, checking the `QName` production:
/// at most one colon, with a non-empty name on each side.
pub fn split_qname(text: &str, name: Span) -> Result<(Option<Span>, Span), Problem> {
    let s = &text[name.clone()];
    // ':' is ASCII: its byte position is a char boundary (a short byte loop
    // beats a memchr call on names of a few bytes).
    match s.bytes().position(|c| c == b':') {
        None => Ok((None, name)),
        Some(c) => {
            let local = &s[c + 1..];
            if c == 0
                || local.is_empty()
                || local.contains(':')
                || !local.chars().next().is_some_and(is_name_start)
            {
                return Err(Problem::new(
                    name.start,
                    name.len(),
                    "bad-qname",
                    t!("xml-bad-qname", name = s),
                ));
            }
            Ok((
                Some(name.start..name.start + c),
                name.start + c + 1..name.end,
            ))
        }
    }
}

/// The namespace bindings in force, as a stack (innermost last).
#[derive(Debug, Default)]
pub struct Namespaces {
    /// (prefix, namespace name as written); prefix "" is the default namespace.
    bindings: Vec<(Span, Span)>,
    /// Number of bindings before each open element.
    marks: Vec<usize>,
}

impl Namespaces {
    /// Enter an element [`parse_start_tag`] found plain: it declares nothing
    /// and uses no prefix.
    pub fn enter_plain(&mut self) {
        self.marks.push(self.bindings.len());
    }

    /// Enter an element: record its declarations and check every prefix its
    /// name and attributes use.
    pub fn enter(&mut self, text: &str, name: Span, attrs: &[TagAttr]) -> Result<(), Problem> {
        self.marks.push(self.bindings.len());
        // Fast path, every tag of a metabase but the root: no colon in any
        // name and no `xmlns` attribute, so nothing is declared and no prefix
        // is used (the general path below would do nothing either).
        let b = text.as_bytes();
        let plain = |s: &Span| !b[s.clone()].contains(&b':');
        if plain(&name)
            && attrs
                .iter()
                .all(|a| plain(&a.name) && &b[a.name.clone()] != b"xmlns")
        {
            return Ok(());
        }
        for a in attrs {
            let n = &text[a.name.clone()];
            let uri = &text[a.value.clone()];
            if n == "xmlns" {
                if uri == XML_NS || uri == XMLNS_NS {
                    return Err(Problem::new(
                        a.value.start,
                        a.value.len().max(1),
                        "bad-namespace-declaration",
                        t!("xml-default-namespace-reserved", uri = uri),
                    ));
                }
                self.bindings
                    .push((a.name.start..a.name.start, a.value.clone()));
            } else if let Some(p) = n.strip_prefix("xmlns:") {
                let p0 = a.name.start + 6;
                if p.is_empty() || p.contains(':') {
                    return Err(Problem::new(
                        a.name.start,
                        a.name.len(),
                        "bad-qname",
                        t!("xml-bad-namespace-declaration", name = n),
                    ));
                }
                if p == "xmlns" {
                    return Err(Problem::new(
                        p0,
                        p.len(),
                        "bad-namespace-declaration",
                        t!("xml-xmlns-prefix-declared"),
                    ));
                }
                if (p == "xml") != (uri == XML_NS) || uri == XMLNS_NS {
                    return Err(Problem::new(
                        p0,
                        p.len(),
                        "bad-namespace-declaration",
                        t!("xml-prefix-reserved", prefix = p, uri = uri),
                    ));
                }
                if uri.is_empty() {
                    return Err(Problem::new(
                        a.value.start.saturating_sub(1),
                        2,
                        "bad-namespace-declaration",
                        t!("xml-prefix-empty-namespace", prefix = p),
                    ));
                }
                self.bindings.push((p0..a.name.end, a.value.clone()));
            }
        }
        let (prefix, _) = split_qname(text, name)?;
        if let Some(p) = prefix {
            if &text[p.clone()] == "xmlns" {
                return Err(Problem::new(
                    p.start,
                    p.len(),
                    "bad-namespace-declaration",
                    t!("xml-element-xmlns-prefix"),
                ));
            }
            self.resolve(text, p)?;
        }
        for (i, a) in attrs.iter().enumerate() {
            let (prefix, local) = split_qname(text, a.name.clone())?;
            let Some(p) = prefix else { continue };
            let ps = &text[p.clone()];
            if ps == "xmlns" {
                continue;
            }
            let uri = self.resolve(text, p)?;
            // No two attributes with one expanded name (prefixes bound to one namespace).
            for b in &attrs[..i] {
                let Ok((Some(bp), bl)) = split_qname(text, b.name.clone()) else {
                    continue;
                };
                if text[bl] == text[local.clone()]
                    && &text[bp.clone()] != "xmlns"
                    && self.resolve(text, bp).ok() == Some(uri)
                {
                    return Err(Problem::new(
                        a.name.start,
                        a.name.len(),
                        "duplicate-attribute",
                        t!(
                            "xml-attribute-same-expanded",
                            name = &text[a.name.clone()],
                            other = &text[b.name.clone()]
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Leave the innermost element.
    pub fn leave(&mut self) {
        if let Some(m) = self.marks.pop() {
            self.bindings.truncate(m);
        }
    }

    /// The namespace a prefix is bound to (as a span of the text; `xml` is built in).
    fn resolve<'t>(&self, text: &'t str, prefix: Span) -> Result<&'t str, Problem> {
        let p = &text[prefix.clone()];
        if p == "xml" {
            return Ok(XML_NS);
        }
        self.bindings
            .iter()
            .rev()
            .find(|(bp, _)| &text[bp.clone()] == p)
            .map(|(_, uri)| &text[uri.clone()])
            .ok_or_else(|| {
                Problem::new(
                    prefix.start,
                    prefix.len(),
                    "undeclared-prefix",
                    t!("xml-undeclared-prefix", prefix = p),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_chars_are_found_at_their_offset() {
        assert_eq!(first_bad_char("<a>\t\r\n</a>", 0), None);
        let long = format!("{}\u{0}", "x".repeat(40));
        assert_eq!(first_bad_char(&long, 0), Some((40, '\0')));
        assert_eq!(first_bad_char("ab\u{FFFE}", 0), Some((2, '\u{FFFE}')));
        assert_eq!(
            first_bad_char(&format!("{}\u{FFFF}", "é".repeat(20)), 0),
            Some((40, '\u{FFFF}'))
        );
        // A fullwidth character (EF BC 81) is fine.
        assert_eq!(first_bad_char(&"！".repeat(20), 0), None);
        assert_eq!(first_bad_char("\u{1b}", 0), Some((0, '\u{1b}')));
        assert_eq!(
            first_bad_char("\u{80}\u{9F}", 0),
            None,
            "C1 controls are Chars in XML 1.0"
        );
    }

    #[test]
    fn references() {
        let t = "&amp; &#x41; &#65; &nbsp; &#0; &amp &; &#x; &#xD800;";
        assert_eq!(check_reference(t, 0, t.len()), Ok(5));
        assert_eq!(check_reference(t, 6, t.len()), Ok(12));
        assert_eq!(check_reference(t, 13, t.len()), Ok(18));
        assert_eq!(
            check_reference(t, 19, t.len()).unwrap_err().code,
            "undefined-entity"
        );
        assert_eq!(
            check_reference(t, 26, t.len()).unwrap_err().code,
            "bad-char-reference"
        );
        // `&amp &; ...`: the `;` found belongs to another reference: not a name.
        assert_eq!(
            check_reference(t, 31, t.len()).unwrap_err().code,
            "bad-reference"
        );
        assert_eq!(
            check_reference(t, 36, t.len()).unwrap_err().code,
            "bad-reference"
        );
        assert_eq!(
            check_reference(t, 39, t.len()).unwrap_err().code,
            "bad-char-reference"
        );
        assert_eq!(
            check_reference(t, 44, t.len()).unwrap_err().code,
            "bad-char-reference"
        );
    }

    fn tag(s: &str) -> Result<(StartTag, Vec<TagAttr>), Problem> {
        let mut v = Vec::new();
        let mut soft = Vec::new();
        let t = parse_start_tag(s, 0..s.len(), &mut v, &mut soft)?;
        match soft.into_iter().next() {
            Some(p) => Err(p),
            None => Ok((t, v)),
        }
    }

    #[test]
    fn start_tags() {
        let (t, a) = tag("<a b=\"1\"\r\n\tc = '>' />").unwrap();
        assert!(t.empty);
        assert_eq!(a.len(), 2);
        assert_eq!(tag("<a b=\"1\"c=\"2\">").unwrap_err().code, "missing-space");
        assert_eq!(tag("<a b=\"<\">").unwrap_err().offset, 6);
        assert_eq!(tag("<a b=1>").unwrap_err().code, "bad-attribute");
        assert_eq!(tag("<a b>").unwrap_err().code, "bad-attribute");
        assert_eq!(
            tag("<a b='1' b='2'>").unwrap_err().code,
            "duplicate-attribute"
        );
        assert_eq!(tag("< a>").unwrap_err().code, "bad-name");
        assert_eq!(tag("<1a>").unwrap_err().code, "bad-name");
        assert_eq!(tag("<a\u{c}b='1'>").unwrap_err().offset, 2);
        assert_eq!(tag("<a b='1' / >").unwrap_err().code, "bad-tag");
        assert_eq!(tag("<a b='&x;'>").unwrap_err().code, "undefined-entity");
    }

    #[test]
    fn declarations_and_pis() {
        let ok = |s: &str| check_xml_decl(s, 0..s.len());
        assert_eq!(ok("<?xml version =\"1.0\"?>"), Ok(None));
        assert!(
            ok("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>")
                .unwrap()
                .is_some()
        );
        assert!(ok("<?xml encoding='UTF-8'?>").is_err());
        assert!(ok("<?xml version='2.0'?>").is_err());
        assert!(ok("<?xml version='1.0' standalone='maybe'?>").is_err());
        assert!(ok("<?xml version='1.0' foo='1'?>").is_err());
        assert!(ok("<?xml version='1.0'encoding='UTF-8'?>").is_err());
        let pi = |s: &str| check_pi(s, 0..s.len());
        assert!(pi("<?target data?>").is_ok());
        assert_eq!(
            pi("<?XmL data?>").unwrap_err().code,
            "misplaced-xml-declaration"
        );
        assert!(pi("<?a:b?>").is_err());
    }

    #[test]
    fn comments_and_text() {
        let c = |s: &str| check_comment(s, 0..s.len());
        assert!(c("<!-- ok - fine -->").is_ok());
        assert!(c("<!---->").is_ok());
        assert_eq!(c("<!-- a -- b -->").unwrap_err().offset, 7);
        assert!(c("<!-- a --->").is_err());
        assert_eq!(check_text("a ]]> b", 0..7).unwrap_err().offset, 2);
        assert!(check_text("a ]> b ]]", 0..9).is_ok());
    }

    #[test]
    fn namespaces() {
        let run = |s: &str| {
            let mut ns = Namespaces::default();
            let mut attrs = Vec::new();
            let t = parse_start_tag(s, 0..s.len(), &mut attrs, &mut Vec::new()).unwrap();
            ns.enter(s, t.name, &attrs)
        };
        assert!(run("<a xmlns='urn:x'>").is_ok());
        assert!(run("<p:a xmlns:p='urn:x'>").is_ok());
        assert_eq!(run("<p:a>").unwrap_err().code, "undeclared-prefix");
        assert_eq!(run("<a q:b='1'>").unwrap_err().code, "undeclared-prefix");
        assert!(run("<a xml:lang='ja'>").is_ok());
        assert_eq!(
            run("<a xmlns:p=''>").unwrap_err().code,
            "bad-namespace-declaration"
        );
        assert_eq!(run("<a:b:c xmlns:a='u'>").unwrap_err().code, "bad-qname");
        assert_eq!(
            run("<a xmlns:p='u' xmlns:q='u' p:x='1' q:x='2'>")
                .unwrap_err()
                .code,
            "duplicate-attribute"
        );
        assert_eq!(
            run("<xmlns:a>").unwrap_err().code,
            "bad-namespace-declaration"
        );
    }
}
