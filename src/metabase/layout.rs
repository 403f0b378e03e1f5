//! How a new `<Custom>` element is laid out: copied from its neighbours.
//!
//! IIS writes one attribute per line, indented two tabs, `/>` alone after one
//! tab; the KB's sample is one line with tabs between attributes. Whatever the
//! file uses, a new element takes the separators of an existing sibling (the
//! whitespace between `<Custom` and each attribute, and before `/>`), and falls
//! back to IIS's own layout only when the key has no Custom child at all.

/// XML's whitespace (not Rust's `is_ascii_whitespace`, which also takes form feed).
fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// The whitespace pattern of an existing element, read from its own bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementLayout {
    /// Whitespace before each attribute, in order.
    pub separators: Vec<String>,
    /// What stands between a name and its opening quote (`=`, ` = `).
    pub equals: String,
    /// Whitespace before `/>`.
    pub trailing: String,
}

impl ElementLayout {
    /// IIS's layout for a child element whose line is indented by `indent`.
    pub fn iis(indent: &str, newline: &str) -> ElementLayout {
        ElementLayout {
            separators: vec![format!("{newline}{indent}\t")],
            equals: "=".into(),
            trailing: format!("{newline}{indent}"),
        }
    }

    /// Read the layout of an element (`<Name attr="v" ... />`). None when its
    /// bytes do not follow the simple pattern (then IIS's layout is used).
    pub fn of(element: &str) -> Option<ElementLayout> {
        let b = element.as_bytes();
        let mut i = 1 + b[1..].iter().position(|&c| is_xml_space(c))?;
        let mut layout = ElementLayout {
            separators: vec![],
            equals: String::new(),
            trailing: String::new(),
        };
        loop {
            let ws_start = i;
            while i < b.len() && is_xml_space(b[i]) {
                i += 1;
            }
            let ws = &element[ws_start..i];
            match b.get(i)? {
                b'/' | b'>' => {
                    layout.trailing = ws.to_string();
                    break;
                }
                &c => {
                    // An attribute name must start here (a letter, `_` or `:`).
                    if ws.is_empty()
                        || !(c.is_ascii_alphabetic() || c == b'_' || c == b':' || c >= 0x80)
                    {
                        return None;
                    }
                    layout.separators.push(ws.to_string());
                }
            }
            let eq_start = i + b[i..]
                .iter()
                .position(|&c| c == b'=' || c.is_ascii_whitespace())?;
            let q = eq_start
                + b[eq_start..]
                    .iter()
                    .position(|&c| c == b'"' || c == b'\'')?;
            if layout.equals.is_empty() {
                layout.equals = element[eq_start..q].to_string();
            }
            let quote = b[q];
            i = q + 1 + b[q + 1..].iter().position(|&c| c == quote)? + 1;
        }
        if layout.separators.is_empty() || !layout.equals.trim().eq("=") {
            return None;
        }
        Some(layout)
    }

    /// Write `<Custom a="v" ... />` in this layout. Values must already be
    /// XML-safe (they are numbers and fixed names here).
    pub fn render(&self, name: &str, attrs: &[(&str, String)]) -> String {
        let mut s = format!("<{name}");
        for (i, (k, v)) in attrs.iter().enumerate() {
            let sep = &self.separators[i.min(self.separators.len() - 1)];
            s.push_str(sep);
            s.push_str(k);
            s.push_str(&self.equals);
            s.push('"');
            s.push_str(v);
            s.push('"');
        }
        s.push_str(&self.trailing);
        s.push_str("/>");
        s
    }
}

/// Check a new fragment on its own: one well-formed empty element named
/// `name` whose attributes read back exactly as `attrs`, in order. (The rest of
/// the file is not re-parsed: it is unchanged.)
pub fn check_fragment(fragment: &str, name: &str, attrs: &[(&str, String)]) -> Result<(), String> {
    use super::validate;
    let body = fragment.trim_matches(|c: char| c.is_ascii() && is_xml_space(c as u8));
    let lead = fragment.len()
        - fragment
            .trim_start_matches(|c: char| c.is_ascii() && is_xml_space(c as u8))
            .len();
    let span = lead..lead + body.len();
    if !body.starts_with('<') || !body.ends_with("/>") {
        return Err(format!("not one empty element: {body:?}"));
    }
    if let Some((at, c)) = validate::first_bad_char(fragment, 0) {
        return Err(format!("character {c:?} at {at}"));
    }
    let (mut got, mut soft) = (Vec::new(), Vec::new());
    let tag =
        validate::parse_start_tag(fragment, span, &mut got, &mut soft).map_err(|p| p.message)?;
    if let Some(p) = soft.first() {
        return Err(p.message.clone());
    }
    if !tag.empty || &fragment[tag.name.clone()] != name {
        return Err(format!("element {:?}", &fragment[tag.name]));
    }
    let got: Vec<(&str, &str)> = got
        .iter()
        .map(|a| (&fragment[a.name.clone()], &fragment[a.value.clone()]))
        .collect();
    let want: Vec<(&str, &str)> = attrs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if got != want {
        return Err(format!("attributes read back as {got:?}"));
    }
    Ok(())
}

/// The whitespace between the start of the line holding `at` and `at`, when
/// only whitespace stands there.
pub fn indent_before(text: &str, at: usize) -> Option<&str> {
    let line_start = memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1);
    let ws = &text[line_start..at];
    ws.bytes().all(|b| b == b' ' || b == b'\t').then_some(ws)
}

/// When only whitespace follows `at` up to the line end: the offset just past
/// that line end and the line end itself.
pub fn rest_of_line_blank(text: &str, at: usize) -> Option<(usize, &'static str)> {
    let nl = at + memchr::memchr(b'\n', &text.as_bytes()[at..])?;
    let rest = &text[at..nl];
    if !rest.bytes().all(|b| b == b' ' || b == b'\t' || b == b'\r') {
        return None;
    }
    let newline = if rest.ends_with('\r') { "\r\n" } else { "\n" };
    Some((nl + 1, newline))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs() -> Vec<(&'static str, String)> {
        vec![
            ("Name", "X".into()),
            ("ID", "1".into()),
            ("Value", "2".into()),
        ]
    }

    #[test]
    fn iis_layout() {
        let l = ElementLayout::iis("\t", "\r\n");
        assert_eq!(
            l.render("Custom", &attrs()),
            "<Custom\r\n\t\tName=\"X\"\r\n\t\tID=\"1\"\r\n\t\tValue=\"2\"\r\n\t/>"
        );
    }

    #[test]
    fn copies_the_kb_one_line_layout() {
        let sib = "<Custom\t\tName=\"A\"\t\tID=\"6000\"\t/>";
        let l = ElementLayout::of(sib).unwrap();
        assert_eq!(
            l.render("Custom", &attrs()),
            "<Custom\t\tName=\"X\"\t\tID=\"1\"\t\tValue=\"2\"\t/>"
        );
    }

    #[test]
    fn copies_multi_line_layout_and_spaced_equals() {
        let sib = "<Custom\n    Name = \"A\"\n    ID = 'a>b'\n  />";
        let l = ElementLayout::of(sib).unwrap();
        assert_eq!(l.equals, " = ");
        assert_eq!(l.trailing, "\n  ");
        assert_eq!(l.separators, vec!["\n    ", "\n    "]);
    }

    #[test]
    fn odd_siblings_give_none() {
        assert_eq!(ElementLayout::of("<Custom/>"), None);
        assert_eq!(ElementLayout::of("<Custom a=\"1\"b=\"2\"/>"), None);
        assert_eq!(ElementLayout::of("<Custom a=\"1"), None);
    }

    #[test]
    fn fragments_are_checked() {
        let a = [("a", "1".to_string())];
        assert!(check_fragment("<Custom a=\"1\"/>", "Custom", &a).is_ok());
        assert!(check_fragment("<Custom a=\"1\" a=\"2\"/>", "Custom", &a).is_err());
        assert!(check_fragment("<Custom a=\"1\">", "Custom", &a).is_err());
        assert!(check_fragment("<Custom a=\"2\"/>", "Custom", &a).is_err());
        assert!(check_fragment("<Custom\x0ca=\"1\"/>", "Custom", &a).is_err());
        assert!(check_fragment("<Other a=\"1\"/>", "Custom", &a).is_err());
    }

    #[test]
    fn form_feed_is_not_a_separator() {
        // Found by the fuzzer: a sibling with a form feed before an attribute.
        assert_eq!(
            ElementLayout::of("<Custom\r\n\t\tName=\"A\"\r\n\t\x0cID=\"1\"/>"),
            None
        );
    }

    #[test]
    fn line_helpers() {
        let t = "a\r\n\t<C/>  \r\nz";
        assert_eq!(indent_before(t, 4), Some("\t"));
        assert_eq!(indent_before(t, 1), None);
        assert_eq!(rest_of_line_blank(t, 8), Some((12, "\r\n")));
        assert_eq!(rest_of_line_blank(t, 12), None);
    }
}
