//! Text -> keys with byte spans, checked strictly on the way. Pure: never
//! touches the disk.
//!
//! quick-xml splits the text into tokens (quote-aware, so values holding `>`
//! or `/>` are fine; entities are never expanded, so a hostile DOCTYPE costs
//! nothing; no recursion, so 100 000 nested elements are only a deep stack).
//! Every token is then checked against XML 1.0 and Namespaces in XML 1.0 by
//! [`super::validate`], in the same pass: a file IIS would refuse is never
//! given to the planner. This module keeps what the planner needs, as ranges
//! into the text: every key (a direct child of `<MBProperty>`) with its start
//! tag, Location and attributes, and its `<Custom>` children with their ID,
//! Value, Type, UserType and Attributes spans. Nothing is decoded unless asked.
//!
//! Two modes: [`scan`] stops at the first problem in the file (in document
//! order), for every command that reads a metabase; [`scan_all`] records every
//! problem and goes on at the next tag, for `check`.
//!
//! Every byte of the text belongs to exactly one token ([`events`] proves it
//! in tests), which is what lets the planner promise that nothing outside its
//! splices can change.

use std::ops::Range;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::validate::{self, Namespaces, Problem, TagAttr};
use crate::t;

pub type Span = Range<usize>;

/// Why the text cannot be scanned, and where (the first problem in the file).
pub type ScanError = Problem;

/// A span in 8 bytes: the scan keeps one per attribute and per key of the
/// file, so its size is most of the memory a command needs beyond the text
/// itself. Texts are at most [`MAX_TEXT`] bytes, which [`scan`] checks first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span32 {
    start: u32,
    end: u32,
}

impl Span32 {
    fn new(s: &Span) -> Self {
        debug_assert!(s.end <= MAX_TEXT);
        Span32 {
            start: s.start as u32,
            end: s.end as u32,
        }
    }

    fn get(self) -> Span {
        self.start as usize..self.end as usize
    }
}

/// The largest text the scanner takes (4 GiB - 1): its spans are 32-bit.
/// IIS 6's own metabases are far smaller; a larger one is refused, not cut.
pub const MAX_TEXT: usize = u32::MAX as usize;

/// One attribute of a key's start tag (16 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    name: Span32,
    value: Span32,
}

impl Attr {
    pub fn name(&self) -> Span {
        self.name.get()
    }

    /// Between the quotes.
    pub fn value(&self) -> Span {
        self.value.get()
    }
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
    /// The `Type` attribute (DWORD, STRING, ...).
    pub kind: Option<Span>,
    pub user_type: Option<Span>,
    pub attributes: Option<Span>,
}

/// A key (44 bytes: the spans are 32-bit, see `Span32`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    start_tag: Span32,
    /// The element name ends here; it starts just after the `<`.
    name_end: u32,
    location: Option<Span32>,
    pub self_closing: bool,
    customs: (u32, u32),
    attrs: (u32, u32),
}

#[derive(Debug, Default)]
pub struct Scan {
    pub keys: Vec<Key>,
    pub customs: Vec<Custom>,
    pub attrs: Vec<Attr>,
    /// The root element's `xmlns` value, between the quotes.
    pub root_namespace: Option<Span>,
    /// The XML declaration's `encoding` value, between the quotes.
    pub declared_encoding: Option<Span>,
}

impl Scan {
    pub fn customs_of(&self, key: &Key) -> &[Custom] {
        &self.customs[key.customs()]
    }

    pub fn attrs_of(&self, key: &Key) -> &[Attr] {
        &self.attrs[key.attrs()]
    }

    /// The attribute `name` (compared ignoring ASCII case) of a key.
    pub fn attr(&self, text: &str, key: &Key, name: &str) -> Option<&Attr> {
        self.attrs_of(key)
            .iter()
            .find(|a| text[a.name()].eq_ignore_ascii_case(name))
    }
}

impl Key {
    /// `<` to `>` of the start tag (or of the self-closing tag).
    pub fn start_tag(&self) -> Span {
        self.start_tag.get()
    }

    /// The element name (the key type: IIsSmtpService, IIsConfigObject, ...).
    pub fn name(&self) -> Span {
        self.start_tag.start as usize + 1..self.name_end as usize
    }

    /// The Location value, between the quotes.
    pub fn location_span(&self) -> Option<Span> {
        self.location.map(Span32::get)
    }

    /// The Location as written (raw, entities not expanded).
    pub fn location<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.location_span().map(|s| &text[s])
    }

    /// Indices into [`Scan::customs`].
    pub fn customs(&self) -> Range<usize> {
        self.customs.0 as usize..self.customs.1 as usize
    }

    /// Indices into [`Scan::attrs`]: every attribute of the start tag but Location.
    pub fn attrs(&self) -> Range<usize> {
        self.attrs.0 as usize..self.attrs.1 as usize
    }

    pub fn element<'t>(&self, text: &'t str) -> &'t str {
        &text[self.name()]
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
    if text.starts_with('\u{feff}') {
        return Err(double_bom());
    }
    let mut reader = reader(text, 0);
    let mut out = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let ev = reader.read_event().map_err(|e| xml_error(&reader, 0, e))?;
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

fn double_bom() -> Problem {
    Problem::new(0, 3, "double-bom", t!("xml-double-bom"))
}

/// A tokenizer over `text[base..]`. The text here has had its BOM removed
/// already (Document::decode), so a U+FEFF at its start is a second one (and
/// quick-xml would skip it and shift every span): [`walk`] refuses it first.
fn reader(text: &str, base: usize) -> Reader<&[u8]> {
    let mut reader = Reader::from_reader(&text.as_bytes()[base..]);
    let config = reader.config_mut();
    // End names and comments are checked here, with recovery for `check`.
    config.check_end_names = false;
    config.check_comments = false;
    config.trim_text(false);
    reader
}

fn xml_error(reader: &Reader<&[u8]>, base: usize, e: quick_xml::Error) -> Problem {
    use quick_xml::errors::SyntaxError as S;
    let offset = base + reader.error_position() as usize;
    let (code, message) = match &e {
        quick_xml::Error::Syntax(s) => match s {
            S::UnclosedTag => ("unclosed-tag", t!("xml-unclosed-tag")),
            S::UnclosedComment => ("unclosed-comment", t!("xml-unclosed-comment")),
            S::UnclosedCData => ("unclosed-cdata", t!("xml-unclosed-cdata")),
            S::UnclosedPIOrXmlDecl => ("unclosed-pi", t!("xml-unclosed-pi")),
            S::UnclosedDoctype => ("bad-markup", t!("xml-unclosed-doctype")),
            S::InvalidBangMarkup => ("bad-markup", t!("xml-bad-bang")),
        },
        quick_xml::Error::IllFormed(quick_xml::errors::IllFormedError::UnclosedReference) => {
            ("bad-reference", t!("xml-bad-reference"))
        }
        // quick-xml's own text (English): not reached with this configuration.
        other => (
            "bad-markup",
            t!("xml-tokenizer", detail = other.to_string()),
        ),
    };
    Problem::new(offset, 1, code, message)
}

/// Deeper nesting than this is refused: a metabase has four levels
/// (configuration, MBProperty, key, Custom).
pub const MAX_DEPTH: usize = 64;

/// Problems found in collecting mode are capped (binary junk would give millions).
pub const MAX_PROBLEMS: usize = 1000;

/// Where the scanner is in the metabase's structure.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
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

/// Whether a problem's code is a rule of XML itself (as opposed to what a
/// metabase must be, or this tool's own limits).
pub fn is_xml_rule(code: &str) -> bool {
    !matches!(
        code,
        "not-a-metabase" | "no-mbproperty" | "too-deep" | "too-large" | "doctype" | "double-bom"
    )
}

/// Scan a metabase, stopping at the first problem in the file.
pub fn scan(text: &str) -> Result<Scan, ScanError> {
    if text.len() > MAX_TEXT {
        return Err(too_large(text));
    }
    if text.len() < PARALLEL_BYTES {
        return scan_with(text, BadChar::Known(validate::first_bad_char(text, 0)));
    }
    // A large file: the characters are checked on a second core while the
    // tags are walked; the walk asks for the answer only when it has a problem
    // to compare it with, or at its end.
    std::thread::scope(|s| {
        let search = s.spawn(|| validate::first_bad_char(text, 0));
        scan_with(text, BadChar::Searching(Some(search)))
    })
}

/// From this size on, [`scan`] checks the characters on a second thread.
const PARALLEL_BYTES: usize = 1 << 20;

fn scan_with(text: &str, next_bad: BadChar<'_>) -> Result<Scan, ScanError> {
    let mut sink = Sink::Strict { next_bad };
    let scan = walk(text, &mut sink)?;
    match sink {
        Sink::Strict { mut next_bad } => match next_bad.get() {
            Some(b) => Err(bad_char(text, b)),
            None => Ok(scan),
        },
        Sink::Collect(_) => Ok(scan),
    }
}

/// The first character XML does not allow, known or still being searched for.
enum BadChar<'scope> {
    Known(Option<(usize, char)>),
    Searching(Option<std::thread::ScopedJoinHandle<'scope, Option<(usize, char)>>>),
}

impl BadChar<'_> {
    /// The answer (waiting for the search if need be); `None` once taken.
    fn get(&mut self) -> Option<(usize, char)> {
        match self {
            BadChar::Known(b) => b.take(),
            BadChar::Searching(handle) => {
                let found = match handle.take().map(|h| h.join()) {
                    Some(Ok(found)) => found,
                    Some(Err(panic)) => std::panic::resume_unwind(panic),
                    None => None,
                };
                *self = BadChar::Known(None);
                found
            }
        }
    }
}

/// Scan a metabase, recording every problem (sorted by offset, at most
/// [`MAX_PROBLEMS`]) and going on at the next tag after each. The scan holds
/// what could be read.
pub fn scan_all(text: &str) -> (Scan, Vec<Problem>) {
    if text.len() > MAX_TEXT {
        return (Scan::default(), vec![too_large(text)]);
    }
    // Every bad character, on a second core for a large file, while the tags
    // are walked.
    let bad_chars = || {
        let mut found = Vec::new();
        let mut at = 0;
        while let Some(b) = validate::first_bad_char(text, at) {
            if found.len() >= MAX_PROBLEMS {
                break;
            }
            found.push(bad_char(text, b));
            at = b.0 + 1;
        }
        found
    };
    let walk_all = || {
        let mut sink = Sink::Collect(Vec::new());
        let scan = walk(text, &mut sink).unwrap_or_default();
        let Sink::Collect(problems) = sink else {
            unreachable!()
        };
        (scan, problems)
    };
    let (mut problems, (scan, more)) = if text.len() < PARALLEL_BYTES {
        (bad_chars(), walk_all())
    } else {
        std::thread::scope(|s| {
            let search = s.spawn(bad_chars);
            let walked = walk_all();
            match search.join() {
                Ok(found) => (found, walked),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    };
    problems.extend(more);
    // Stable: at one offset, a bad character first, as before.
    problems.sort_by_key(|p| p.offset);
    problems.truncate(MAX_PROBLEMS);
    (scan, problems)
}

fn too_large(text: &str) -> Problem {
    Problem::new(
        0,
        1,
        "too-large",
        t!("metabase-too-large", size = text.len(), max = MAX_TEXT),
    )
}

fn bad_char(_text: &str, (offset, c): (usize, char)) -> Problem {
    Problem::new(
        offset,
        c.len_utf8(),
        "bad-char",
        t!("xml-bad-char", char = validate::describe_char(c)),
    )
}

/// Where problems go: the strict mode stops at the first (but a bad
/// character earlier in the file wins), the collecting mode keeps them all.
enum Sink<'scope> {
    Strict { next_bad: BadChar<'scope> },
    Collect(Vec<Problem>),
}

impl Sink<'_> {
    /// Record a problem; `Err` means stop here with this one.
    fn report(&mut self, text: &str, p: Problem) -> Result<(), Problem> {
        match self {
            Sink::Strict { next_bad } => match next_bad.get() {
                Some(b) if b.0 <= p.offset => Err(bad_char(text, b)),
                _ => Err(p),
            },
            Sink::Collect(v) => {
                if v.len() < MAX_PROBLEMS {
                    v.push(p);
                }
                Ok(())
            }
        }
    }
}

/// A token as the walk sees it.
enum Tok {
    Tag { empty: bool },
    End,
    Text,
    Ref,
    CData,
    Comment,
    Pi,
    DocType,
}

/// An open element: its name and its level in the metabase's structure.
struct Open {
    name: Span,
    parent: Level,
}

fn walk(text: &str, sink: &mut Sink<'_>) -> Result<Scan, Problem> {
    if text.starts_with('\u{feff}') {
        // quick-xml would skip it and count from after it: refuse, even in `check`.
        sink.report(text, double_bom())?;
        return Ok(Scan::default());
    }
    let b = text.as_bytes();
    let mut base = 0usize;
    let mut reader = reader(text, base);
    let mut out = Scan::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut ns = Namespaces::default();
    let mut level = Level::Prolog;
    let mut seen_root = false;
    let mut seen_mbproperty = false;
    // The Custom element whose start tag is open (`<Custom ...>` ... `</Custom>`).
    let mut open_custom: Option<usize> = None;
    let mut attrs: Vec<TagAttr> = Vec::new();
    let mut soft: Vec<Problem> = Vec::new();

    macro_rules! report {
        ($p:expr) => {
            sink.report(text, $p)?
        };
    }

    loop {
        let before = base + reader.buffer_position() as usize;
        let (tok, span) = match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(ev) => {
                let tok = match ev {
                    Event::Start(_) => Tok::Tag { empty: false },
                    Event::Empty(_) => Tok::Tag { empty: true },
                    Event::End(_) => Tok::End,
                    Event::Text(_) => Tok::Text,
                    Event::GeneralRef(_) => Tok::Ref,
                    Event::CData(_) => Tok::CData,
                    Event::Comment(_) => Tok::Comment,
                    Event::Decl(_) | Event::PI(_) => Tok::Pi,
                    Event::DocType(_) => Tok::DocType,
                    Event::Eof => unreachable!(),
                };
                (tok, before..base + reader.buffer_position() as usize)
            }
            // quick-xml keeps a stack of its own even when it does not check
            // end names, and it is empty after a resync: end tags are checked
            // here against ours.
            Err(quick_xml::Error::IllFormed(
                quick_xml::errors::IllFormedError::UnmatchedEndTag(_)
                | quick_xml::errors::IllFormedError::MismatchedEndTag { .. },
            )) => {
                let at = base + reader.error_position() as usize;
                let Some(gt) = memchr::memchr(b'>', &b[at..]) else {
                    report!(Problem::new(at, 1, "unclosed-tag", t!("xml-unclosed-tag")));
                    break;
                };
                base = at + gt + 1;
                reader = self::reader(text, base);
                (Tok::End, at..base)
            }
            Err(e) => {
                let p = xml_error(&reader, base, e);
                let at = p.offset;
                report!(p);
                // Collecting: go on at the next tag.
                match resync(b, at) {
                    Some(at) => {
                        base = at;
                        reader = self::reader(text, base);
                        continue;
                    }
                    None => break,
                }
            }
        };
        let (before, after) = (span.start, span.end);
        match tok {
            Tok::Tag { empty: quick_empty } => {
                attrs.clear();
                let parsed = validate::parse_start_tag(text, span.clone(), &mut attrs, &mut soft);
                for p in soft.drain(..) {
                    report!(p);
                }
                // Collecting: a tag that could not be read whole is not looked into.
                let mut broken = false;
                let (name, empty, plain) = match parsed {
                    Ok(t) => (t.name, t.empty, t.plain),
                    Err(p) => {
                        report!(p);
                        broken = true;
                        let n0 = before + 1;
                        (n0..validate::name_end(text, n0), quick_empty, false)
                    }
                };
                if plain {
                    ns.enter_plain();
                } else if let Err(p) = ns.enter(text, name.clone(), &attrs) {
                    report!(p);
                }
                let elem = &text[name.clone()];
                let child = match level {
                    Level::Keys | Level::Key if broken => Level::Other,
                    Level::Prolog => {
                        seen_root = true;
                        if elem != "configuration" {
                            report!(Problem::new(
                                before,
                                name.end - before,
                                "not-a-metabase",
                                t!("metabase-not-a-metabase", element = elem),
                            ));
                        }
                        out.root_namespace = attrs
                            .iter()
                            .find(|a| &text[a.name.clone()] == "xmlns")
                            .map(|a| a.value.clone());
                        Level::Root
                    }
                    Level::Root if elem == "MBProperty" => {
                        seen_mbproperty = true;
                        Level::Keys
                    }
                    Level::Keys => {
                        out.keys.push(key(
                            text,
                            span.clone(),
                            name.clone(),
                            empty,
                            &attrs,
                            &mut out.attrs,
                            out.customs.len(),
                        ));
                        Level::Key
                    }
                    Level::Key if elem == "Custom" => {
                        out.customs.push(custom(text, span.clone(), &attrs));
                        if !empty {
                            open_custom = Some(out.customs.len() - 1);
                        }
                        if let Some(k) = out.keys.last_mut() {
                            k.customs.1 = out.customs.len() as u32;
                        }
                        Level::Other
                    }
                    Level::Epilog => {
                        report!(Problem::new(
                            before,
                            name.end - before,
                            "multiple-roots",
                            t!("xml-multiple-roots")
                        ));
                        Level::Other
                    }
                    _ => Level::Other,
                };
                if stack.len() >= MAX_DEPTH {
                    // Fatal in both modes: 100 000 levels would give as many findings.
                    let p = Problem::new(
                        before,
                        1,
                        "too-deep",
                        t!("metabase-too-deep", max = MAX_DEPTH),
                    );
                    report!(p);
                    return Ok(out);
                }
                if empty {
                    ns.leave();
                    if level == Level::Prolog {
                        level = Level::Epilog;
                    }
                } else {
                    stack.push(Open {
                        name,
                        parent: level,
                    });
                    level = child;
                }
            }
            Tok::End => {
                let name = match validate::parse_end_tag(text, span.clone()) {
                    Ok(n) => n,
                    Err(p) => {
                        report!(p);
                        before + 2..validate::name_end(text, before + 2)
                    }
                };
                let matches = |o: &Open| b[o.name.clone()] == b[name.clone()];
                match stack.last() {
                    Some(top) if matches(top) => {}
                    Some(top) => {
                        report!(Problem::new(
                            before,
                            after - before,
                            "mismatched-end-tag",
                            t!(
                                "xml-mismatched-end-tag",
                                name = &text[name.clone()],
                                open = &text[top.name.clone()],
                                byte = top.name.start - 1
                            ),
                        ));
                        // Collecting: close up to the element it names, or skip it.
                        if !stack.iter().any(&matches) {
                            continue;
                        }
                        while stack.last().is_some_and(|o| !matches(o)) {
                            let o = stack.pop().expect("not empty");
                            ns.leave();
                            level = o.parent;
                        }
                    }
                    None => {
                        report!(Problem::new(
                            before,
                            after - before,
                            "mismatched-end-tag",
                            t!("xml-end-tag-without-start", name = &text[name.clone()])
                        ));
                        continue;
                    }
                }
                let Some(open) = stack.pop() else { continue };
                ns.leave();
                if (open.parent, level) == (Level::Key, Level::Other) {
                    if let Some(i) = open_custom.take() {
                        out.customs[i].span.end = after;
                    }
                }
                level = if open.parent == Level::Prolog {
                    Level::Epilog
                } else {
                    open.parent
                };
            }
            Tok::Text => {
                if matches!(level, Level::Prolog | Level::Epilog) {
                    if let Some(i) = b[span.clone()].iter().position(|&c| !validate::is_space(c)) {
                        report!(Problem::new(
                            before + i,
                            1,
                            "text-outside-root",
                            t!("xml-text-outside-root"),
                        ));
                    }
                } else if let Err(p) = validate::check_text(text, span.clone()) {
                    report!(p);
                }
            }
            Tok::Ref => {
                if matches!(level, Level::Prolog | Level::Epilog) {
                    report!(Problem::new(
                        before,
                        1,
                        "text-outside-root",
                        t!("xml-reference-outside-root")
                    ));
                } else if let Err(p) = validate::check_reference(text, before, after) {
                    report!(p);
                    // Collecting: the tokenizer took everything up to some `;`
                    // as the reference; go on at the next tag after the `&`.
                    match resync(b, before) {
                        Some(at) => {
                            base = at;
                            reader = self::reader(text, base);
                        }
                        None => break,
                    }
                }
            }
            Tok::CData => {
                if matches!(level, Level::Prolog | Level::Epilog) {
                    report!(Problem::new(
                        before,
                        1,
                        "text-outside-root",
                        t!("xml-cdata-outside-root")
                    ));
                }
            }
            Tok::Comment => {
                if let Err(p) = validate::check_comment(text, span.clone()) {
                    report!(p);
                }
            }
            Tok::Pi => {
                let t0 = before + 2;
                let is_decl = &text[t0..validate::name_end(text, t0)] == "xml";
                if is_decl && before == 0 {
                    match validate::check_xml_decl(text, span.clone()) {
                        Ok(enc) => out.declared_encoding = enc,
                        Err(p) => report!(p),
                    }
                } else if let Err(p) = validate::check_pi(text, span.clone()) {
                    report!(p);
                }
            }
            Tok::DocType => {
                report!(Problem::new(before, 9, "doctype", t!("metabase-doctype"),));
            }
        }
    }
    if !seen_root {
        report!(Problem::new(0, 1, "no-root", t!("xml-no-root")));
    } else if let Some(open) = stack.last() {
        report!(Problem::new(
            text.len(),
            1,
            "unclosed-element",
            t!(
                "xml-unclosed-element",
                name = &text[open.name.clone()],
                count = stack.len()
            ),
        ));
    } else if !seen_mbproperty {
        report!(Problem::new(
            0,
            1,
            "no-mbproperty",
            t!("metabase-no-mbproperty")
        ));
    }
    Ok(out)
}

/// Where to go on after a problem at `at`: the next `<` after it.
fn resync(b: &[u8], at: usize) -> Option<usize> {
    let from = (at + 1).min(b.len());
    memchr::memchr(b'<', &b[from..]).map(|i| from + i)
}

fn key(
    text: &str,
    tag: Span,
    name: Span,
    empty: bool,
    attrs: &[TagAttr],
    all: &mut Vec<Attr>,
    first_custom: usize,
) -> Key {
    debug_assert_eq!(name.start, tag.start + 1);
    let mut location = None;
    let first_attr = all.len() as u32;
    for a in attrs {
        if &text[a.name.clone()] == "Location" {
            location = Some(Span32::new(&a.value));
        } else {
            all.push(Attr {
                name: Span32::new(&a.name),
                value: Span32::new(&a.value),
            });
        }
    }
    Key {
        start_tag: Span32::new(&tag),
        name_end: name.end as u32,
        location,
        self_closing: empty,
        customs: (first_custom as u32, first_custom as u32),
        attrs: (first_attr, all.len() as u32),
    }
}

fn custom(text: &str, tag: Span, attrs: &[TagAttr]) -> Custom {
    let mut c = Custom {
        span: tag.clone(),
        start_tag: tag,
        name: None,
        id: None,
        id_num: None,
        value: None,
        kind: None,
        user_type: None,
        attributes: None,
    };
    for a in attrs {
        let v = a.value.clone();
        match &text[a.name.clone()] {
            "Name" => c.name = Some(v),
            "ID" => {
                c.id_num = text[v.clone()].trim().parse().ok();
                c.id = Some(v);
            }
            "Value" => c.value = Some(v),
            "Type" => c.kind = Some(v),
            "UserType" => c.user_type = Some(v),
            "Attributes" => c.attributes = Some(v),
            _ => {}
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "<?xml version =\"1.0\"?>\r\n<configuration xmlns=\"urn:microsoft-catalog:XML_Metabase_V64_0\">\r\n<MBProperty>\r\n<IIsSmtpService\tLocation =\"/LM/SmtpSvc\"\r\n\t\tConnectionTimeout=\"600\"\r\n\t>\r\n\t<Custom\r\n\t\tName=\"X\"\r\n\t\tID=\"36931\"\r\n\t\tValue=\"1\"\r\n\t/>\r\n</IIsSmtpService>\r\n</MBProperty>\r\n</configuration>\r\n";

    #[test]
    fn spans_are_exact_up_to_the_largest_text() {
        for s in [0..0, 3..17, MAX_TEXT - 1..MAX_TEXT, 0..MAX_TEXT] {
            assert_eq!(Span32::new(&s).get(), s);
        }
        assert!(!is_xml_rule("too-large"));
        assert_eq!(std::mem::size_of::<Attr>(), 16);
        assert!(std::mem::size_of::<Key>() <= 44);
    }

    #[test]
    fn a_good_file_scans() {
        let s = scan(GOOD).unwrap();
        assert_eq!(s.keys.len(), 1);
        assert_eq!(s.customs.len(), 1);
        assert_eq!(s.attrs.len(), 1);
        assert_eq!(s.customs[0].id_num, Some(36931));
        let (_, problems) = scan_all(GOOD);
        assert!(problems.is_empty(), "{problems:?}");
    }

    fn first(text: &str) -> (String, (usize, usize)) {
        let p = scan(text).unwrap_err();
        (
            p.code.to_string(),
            super::super::text::line_col(text, p.offset),
        )
    }

    #[test]
    fn the_first_problem_in_the_file_is_reported() {
        // A bad character after a structural problem: the structural one first.
        let t = GOOD
            .replace("ConnectionTimeout=\"600\"", "ConnectionTimeout=\"6<0\"")
            .replace("Value=\"1\"", "Value=\"\u{1}\"");
        assert_eq!(first(&t), ("lt-in-attribute".into(), (5, 23)));
        // A bad character before it: the character first.
        let t = GOOD
            .replace("ConnectionTimeout=\"600\"", "ConnectionTimeout=\"6\u{0}0\"")
            .replace("Value=\"1\"", "Value=\"&x;\"");
        assert_eq!(first(&t), ("bad-char".into(), (5, 23)));
    }

    #[test]
    fn a_large_file_gives_the_same_first_problem() {
        // Over PARALLEL_BYTES the characters are checked on a second thread:
        // the first problem in the file still wins, whichever kind it is.
        let pad = format!("\r\n<!--{}-->", "x".repeat(PARALLEL_BYTES));
        let big = |t: String| t.replace("<MBProperty>", &format!("<MBProperty>{pad}"));
        assert!(scan(&big(GOOD.to_string())).is_ok());
        let t = big(GOOD
            .replace("ConnectionTimeout=\"600\"", "ConnectionTimeout=\"6<0\"")
            .replace("Value=\"1\"", "Value=\"\u{1}\""));
        assert_eq!(first(&t).0, "lt-in-attribute");
        let t = big(GOOD
            .replace("ConnectionTimeout=\"600\"", "ConnectionTimeout=\"6\u{0}0\"")
            .replace("Value=\"1\"", "Value=\"&x;\""));
        assert_eq!(first(&t).0, "bad-char");
        let t = big(GOOD.replace("</MBProperty>", "</MBProperty>\u{0}"));
        assert_eq!(first(&t).0, "bad-char");
    }

    #[test]
    fn collecting_goes_on_after_each_problem() {
        let t = GOOD
            .replace("ConnectionTimeout=\"600\"", "ConnectionTimeout=\"&nbsp;\"")
            .replace("Value=\"1\"", "Value=\"a & b\"")
            .replace("</MBProperty>", "</MBProperty>\u{0}");
        let (s, problems) = scan_all(&t);
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert_eq!(codes, ["undefined-entity", "bad-reference", "bad-char"]);
        assert_eq!(s.keys.len(), 1);
    }

    #[test]
    fn recovery_after_a_broken_tag() {
        let t = GOOD
            .replace("<Custom\r\n", "<Custom\r\n\t\t<")
            .replace("</configuration>", "</configuration>\r\n<x/>");
        let (_, problems) = scan_all(&t);
        let codes: Vec<_> = problems.iter().map(|p| p.code).collect();
        assert!(codes.contains(&"multiple-roots"), "{codes:?}");
        assert!(codes.len() >= 2, "{codes:?}");
    }
}
