//! Text -> keys with byte spans. Pure: never touches the disk, never allocates
//! per event.
//!
//! quick-xml does the tokenising (quote-aware, so values holding `>` or `/>`
//! are fine; entities are never expanded, so a hostile DOCTYPE costs nothing;
//! no recursion, so 100 000 nested elements are only a deep stack of names).
//! This module keeps what the planner needs, as ranges into the text:
//! every key (a direct child of `<MBProperty>`) with its start tag, Location,
//! the attributes it was asked to capture and its `<Custom>` children with their
//! ID, Value and Attributes spans. Nothing is decoded unless asked.
//!
//! Every byte of the text belongs to exactly one event ([`events`] proves it
//! in tests), which is what lets the planner promise that nothing outside its
//! splices can change.

use std::ops::Range;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

pub type Span = Range<usize>;

/// Why the text cannot be scanned, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanError {
    pub offset: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    pub name: Span,
    /// Between the quotes.
    pub value: Span,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Custom {
    /// From `<Custom` to the end of `/>` (or of `</Custom>`).
    pub span: Span,
    pub start_tag: Span,
    pub name: Option<Span>,
    pub id: Option<Span>,
    /// The ID as a number, when it is one.
    pub id_num: Option<u32>,
    pub value: Option<Span>,
    pub attributes: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// `<` to `>` of the start tag (or of the self-closing tag).
    pub start_tag: Span,
    /// The element name (the key type: IIsSmtpService, IIsConfigObject, ...).
    pub name: Span,
    /// The Location value, between the quotes.
    pub location: Option<Span>,
    pub self_closing: bool,
    pub end_tag: Option<Span>,
    /// Indices into [`Scan::customs`].
    pub customs: Range<usize>,
    /// Indices into [`Scan::attrs`]: the captured attributes only.
    pub attrs: Range<usize>,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub keys: Vec<Key>,
    pub customs: Vec<Custom>,
    pub attrs: Vec<Attr>,
}

impl Scan {
    pub fn customs_of(&self, key: &Key) -> &[Custom] {
        &self.customs[key.customs.clone()]
    }

    pub fn attrs_of(&self, key: &Key) -> &[Attr] {
        &self.attrs[key.attrs.clone()]
    }

    /// The captured attribute `name` (compared ignoring ASCII case) of a key.
    pub fn attr(&self, text: &str, key: &Key, name: &str) -> Option<&Attr> {
        self.attrs_of(key)
            .iter()
            .find(|a| text[a.name.clone()].eq_ignore_ascii_case(name))
    }
}

impl Key {
    /// The Location as written (raw, entities not expanded).
    pub fn location<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.location.clone().map(|s| &text[s])
    }

    pub fn element<'t>(&self, text: &'t str) -> &'t str {
        &text[self.name.clone()]
    }
}

/// Metabase paths compare case-insensitively; a trailing slash does not count.
pub fn same_location(a: &str, b: &str) -> bool {
    a.trim_end_matches('/')
        .eq_ignore_ascii_case(b.trim_end_matches('/'))
}

/// Whether `child` is strictly below `parent` (`/LM/SmtpSvc/1` below `/LM/SmtpSvc`).
pub fn is_below(child: &str, parent: &str) -> bool {
    let parent = parent.trim_end_matches('/');
    child.len() > parent.len() + 1
        && child.as_bytes()[parent.len()] == b'/'
        && child[..parent.len()].eq_ignore_ascii_case(parent)
}

/// The tokens of the text with their spans, as quick-xml reads them. The spans
/// tile the text from 0 to its end with no gap (tested over every fixture).
pub fn events(text: &str) -> Result<Vec<(Span, &'static str)>, ScanError> {
    let mut reader = reader(text)?;
    let mut out = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let ev = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        let after = reader.buffer_position() as usize;
        let kind = match ev {
            Event::Eof => return Ok(out),
            Event::Start(_) => "start",
            Event::End(_) => "end",
            Event::Empty(_) => "empty",
            Event::Text(_) => "text",
            Event::CData(_) => "cdata",
            Event::Comment(_) => "comment",
            Event::Decl(_) => "decl",
            Event::PI(_) => "pi",
            Event::DocType(_) => "doctype",
            Event::GeneralRef(_) => "ref",
        };
        out.push((before..after, kind));
    }
}

/// A reader over the text. quick-xml skips a leading byte order mark and then
/// counts positions from after it, which would shift every span by three
/// bytes; the text here has had its BOM removed already (Document::decode),
/// so a U+FEFF at its start is a second one, and is refused.
fn reader(text: &str) -> Result<Reader<&[u8]>, ScanError> {
    if text.starts_with('\u{feff}') {
        return Err(ScanError {
            offset: 0,
            message: "the file starts with two byte order marks (IIS writes one at most); remove the second".into(),
        });
    }
    let mut reader = Reader::from_reader(text.as_bytes());
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    config.trim_text(false);
    Ok(reader)
}

fn xml_error(reader: &Reader<&[u8]>, e: quick_xml::Error) -> ScanError {
    ScanError {
        offset: reader.error_position() as usize,
        message: format!("not well-formed XML: {e}"),
    }
}

/// Deeper nesting than this is refused: a metabase has four levels
/// (configuration, MBProperty, key, Custom).
pub const MAX_DEPTH: usize = 64;

/// Where the scanner is in the metabase's structure.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Level {
    /// Before the root element.
    Prolog,
    /// Inside `<configuration>`, outside `<MBProperty>`.
    Root,
    /// Inside `<MBProperty>`: children are keys.
    Keys,
    /// Inside a key: children are Custom elements (or anything else, skipped).
    Key,
    /// Somewhere deeper, or inside an element we do not look into.
    Other,
    /// After the root element ended.
    Epilog,
}

/// Scan a metabase. `capture` names the key attributes to keep spans for
/// (compared ignoring ASCII case); Location is always kept.
pub fn scan(text: &str, capture: &[&str]) -> Result<Scan, ScanError> {
    let base = text.as_ptr() as usize;
    let mut reader = reader(text)?;
    let mut out = Scan::default();
    // Levels of the open elements; its length is the depth.
    let mut stack: Vec<Level> = Vec::new();
    let mut level = Level::Prolog;
    let mut seen_mbproperty = false;
    // The Custom element whose start tag is open (`<Custom ...>` ... `</Custom>`).
    let mut open_custom: Option<usize> = None;

    loop {
        let before = reader.buffer_position() as usize;
        let ev = reader.read_event().map_err(|e| xml_error(&reader, e))?;
        let after = reader.buffer_position() as usize;
        match ev {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(ev, Event::Empty(_));
                let child = match level {
                    Level::Prolog => {
                        if e.name().as_ref() != b"configuration" {
                            return Err(ScanError {
                                offset: before,
                                message: format!(
                                    "not a metabase: the root element is <{}>, not <configuration>",
                                    String::from_utf8_lossy(e.name().as_ref())
                                ),
                            });
                        }
                        Level::Root
                    }
                    Level::Root if e.name().as_ref() == b"MBProperty" => {
                        seen_mbproperty = true;
                        Level::Keys
                    }
                    Level::Keys => {
                        let key = key(base, e, before..after, empty, capture, &mut out)?;
                        out.keys.push(key);
                        Level::Key
                    }
                    Level::Key if e.name().as_ref() == b"Custom" => {
                        let c = custom(text, e, before..after)?;
                        out.customs.push(c);
                        if !empty {
                            open_custom = Some(out.customs.len() - 1);
                        }
                        if let Some(k) = out.keys.last_mut() {
                            k.customs.end = out.customs.len();
                        }
                        Level::Other
                    }
                    Level::Epilog => {
                        return Err(ScanError {
                            offset: before,
                            message: "a second root element after </configuration>".into(),
                        })
                    }
                    _ => Level::Other,
                };
                if stack.len() >= MAX_DEPTH {
                    return Err(ScanError {
                        offset: before,
                        message: format!(
                            "elements nested more than {MAX_DEPTH} deep; a metabase has four levels (damaged or hostile file)"
                        ),
                    });
                }
                if empty {
                    if level == Level::Prolog {
                        level = Level::Epilog;
                    }
                } else {
                    stack.push(level);
                    level = child;
                }
            }
            Event::End(_) => {
                let parent = stack.pop().unwrap_or(Level::Prolog);
                match (parent, level) {
                    (Level::Keys, Level::Key) => {
                        if let Some(k) = out.keys.last_mut() {
                            k.end_tag = Some(before..after);
                        }
                    }
                    (Level::Key, Level::Other) => {
                        if let Some(i) = open_custom.take() {
                            out.customs[i].span.end = after;
                        }
                    }
                    _ => {}
                }
                level = if parent == Level::Prolog {
                    Level::Epilog
                } else {
                    parent
                };
            }
            Event::Text(ref t)
                if matches!(level, Level::Prolog | Level::Epilog)
                    && !t.iter().all(|b| b.is_ascii_whitespace()) =>
            {
                return Err(ScanError {
                    offset: before,
                    message: "text outside the root element (binary junk, or not an XML file)"
                        .into(),
                });
            }
            Event::CData(_) | Event::GeneralRef(_)
                if matches!(level, Level::Prolog | Level::Epilog) =>
            {
                return Err(ScanError {
                    offset: before,
                    message: "content outside the root element".into(),
                });
            }
            Event::DocType(_) => {
                return Err(ScanError {
                    offset: before,
                    message: "the file has a DOCTYPE, which IIS never writes in a metabase; its entity definitions are not expanded".into(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if level == Level::Prolog {
        return Err(ScanError {
            offset: 0,
            message: "not a metabase: no XML element found (empty file?)".into(),
        });
    }
    if level != Level::Epilog {
        return Err(ScanError {
            offset: text.len(),
            message: "the file ends inside an element (truncated?): </configuration> is missing"
                .into(),
        });
    }
    if !seen_mbproperty {
        return Err(ScanError {
            offset: 0,
            message: "not a metabase: <configuration> has no <MBProperty> element".into(),
        });
    }
    Ok(out)
}

/// Offset of a borrowed slice inside the text.
fn offset_in(base: usize, slice: &[u8]) -> usize {
    slice.as_ptr() as usize - base
}

/// The attributes of a start tag as (name span, value span), checked for
/// duplicates and quoting.
fn for_each_attr(
    base: usize,
    e: &BytesStart<'_>,
    tag: &Span,
    mut f: impl FnMut(&[u8], Span, Span),
) -> Result<(), ScanError> {
    for a in e.attributes().with_checks(true) {
        let a = a.map_err(|err| match err {
            quick_xml::events::attributes::AttrError::Duplicated(at, _) => ScanError {
                offset: tag.start + at,
                message: "an attribute is given twice in this start tag (IIS writes each once)"
                    .into(),
            },
            other => ScanError {
                offset: tag.start,
                message: format!("bad attribute in this start tag: {other}"),
            },
        })?;
        let name = a.key.as_ref();
        let n = offset_in(base, name);
        let v = match &a.value {
            std::borrow::Cow::Borrowed(v) => offset_in(base, v),
            std::borrow::Cow::Owned(_) => unreachable!("a slice reader borrows attribute values"),
        };
        f(name, n..n + name.len(), v..v + a.value.len());
    }
    Ok(())
}

fn key(
    base: usize,
    e: &BytesStart<'_>,
    tag: Span,
    empty: bool,
    capture: &[&str],
    out: &mut Scan,
) -> Result<Key, ScanError> {
    let name = e.name();
    let n = offset_in(base, name.as_ref());
    let mut location = None;
    let first_attr = out.attrs.len();
    for_each_attr(base, e, &tag, |name, nspan, vspan| {
        if name == b"Location" {
            location = Some(vspan);
        } else if capture
            .iter()
            .any(|c| c.as_bytes().eq_ignore_ascii_case(name))
        {
            out.attrs.push(Attr {
                name: nspan,
                value: vspan,
            });
        }
    })?;
    Ok(Key {
        start_tag: tag,
        name: n..n + name.as_ref().len(),
        location,
        self_closing: empty,
        end_tag: None,
        customs: out.customs.len()..out.customs.len(),
        attrs: first_attr..out.attrs.len(),
    })
}

fn custom(text: &str, e: &BytesStart<'_>, tag: Span) -> Result<Custom, ScanError> {
    let base = text.as_ptr() as usize;
    let mut c = Custom {
        span: tag.clone(),
        start_tag: tag.clone(),
        name: None,
        id: None,
        id_num: None,
        value: None,
        attributes: None,
    };
    for_each_attr(base, e, &tag, |name, _, vspan| match name {
        b"Name" => c.name = Some(vspan),
        b"ID" => {
            c.id_num = text[vspan.clone()].trim().parse().ok();
            c.id = Some(vspan);
        }
        b"Value" => c.value = Some(vspan),
        b"Attributes" => c.attributes = Some(vspan),
        _ => {}
    })?;
    Ok(c)
}
