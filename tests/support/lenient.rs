//! Where roxmltree accepts what XML 1.0 (fifth edition) or Namespaces in XML
//! 1.0 forbid. Shared by `tests/differential.rs` and the fuzz target
//! `fuzz/fuzz_targets/verdict.rs` (included by path in both).

use metabase_fix::metabase::scan::is_xml_rule;
use metabase_fix::metabase::validate::Problem;

/// Where roxmltree accepts what XML 1.0 (fifth edition) or Namespaces in
/// XML 1.0 forbid (each checked against roxmltree 0.21 by hand): a refusal of
/// ours is excused only when the first XML problem we found (the one that
/// refuses the file) is of these kinds.
/// `text` is what `problems` were found in: the checks look at the text at
/// each problem's offset, not at its (translated) message.
pub fn roxmltree_lenient(text: &str, problems: &[Problem]) -> Option<&'static str> {
    let here = |p: &Problem| &text[p.offset.min(text.len())..];
    let xml: Vec<_> = problems.iter().filter(|p| is_xml_rule(p.code)).collect();
    let why = |p: &Problem| match p.code {
        // [17] PITarget ::= Name - (('X'|'x') ('M'|'m') ('L'|'l'))
        "misplaced-xml-declaration" => {
            Some("a processing instruction named xml (any case) after the start")
        }
        // NS 1.0 [Prefix Declared]: xmlns:p="" is not allowed
        "bad-namespace-declaration" if here(p).starts_with("\"\"") || here(p).starts_with("''") => {
            Some("an empty prefixed namespace declaration")
        }
        // [26] VersionNum ::= '1.' [0-9]+
        "bad-xml-declaration" => Some("an XML declaration that is not of the grammar"),
        // [66] CharRef, WFC Legal Character: roxmltree takes e.g. &#xD800; in attribute values
        "bad-char-reference" => Some("a character reference to a character XML does not allow"),
        // NS 1.0 [6] QName ::= Prefix ':' LocalPart | LocalPart, with NCName parts (":a" is neither)
        "bad-qname" => Some("a name with an empty prefix or local part"),
        // [42] ETag, WFC Element Type Match: roxmltree matches `</:a>` to `<a>`
        "mismatched-end-tag" if here(p).starts_with("</:") => {
            Some("an end tag with an empty prefix")
        }
        // NS 1.0 [NSC: Prefix Declared]: roxmltree lets `p:xmlns="..."` through unbound
        "undeclared-prefix"
            if here(p)
                .split_once(':')
                .is_some_and(|(_, r)| r.starts_with("xmlns")) =>
        {
            Some("an undeclared prefix on an attribute named xmlns")
        }
        // NS 1.0 section 7: no colon in a PI target; [16] S required after the target
        "bad-name"
            if text[..p.offset]
                .rfind("<?")
                .is_some_and(|i| !text[i..p.offset].contains('>')) =>
        {
            Some("a processing instruction target with a colon, or no space after it")
        }
        _ => None,
    };
    why(xml.first()?)
}
