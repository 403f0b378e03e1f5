# Strict reading of a metabase (issue 11): the XML rules (src/metabase/validate.rs,
# src/metabase/scan.rs), the metabase rules (src/metabase/check.rs), the gate
# every read passes (src/metabase/gate.rs), `check` and `restore`.
# Variables: $char is a character as `U+0000 (NUL)` or `'é' (U+00E9)` (not
# translated); names, values, locations and URIs are as written in the file.

## XML names. $what: element, attribute, end-tag, pi, reference
xml-name-missing = { $what ->
    [element] element name: a name is missing here
    [attribute] attribute name: a name is missing here
    [end-tag] end tag: a name is missing here
    [pi] processing instruction: a name is missing here
   *[reference] reference: a name is missing here
}
xml-name-bad-start = { $what ->
    [element] element name: a name cannot start with { $char }
    [attribute] attribute name: a name cannot start with { $char }
    [end-tag] end tag: a name cannot start with { $char }
    [pi] processing instruction: a name cannot start with { $char }
   *[reference] reference: a name cannot start with { $char }
}
xml-name-bad-char = { $what ->
    [element] element name: { $char } cannot appear in a name
    [attribute] attribute name: { $char } cannot appear in a name
    [end-tag] end tag: { $char } cannot appear in a name
    [pi] processing instruction: { $char } cannot appear in a name
   *[reference] reference: { $char } cannot appear in a name
}

## XML: characters and references
xml-bad-char = { $char } is not allowed in XML (only tab, LF and CR among the control characters)
xml-bad-reference = an '&' that does not start a reference (a literal ampersand must be written &amp;)
xml-bad-char-reference = '&{ $body };' is not a character reference (&#NNN; or &#xHHHH;)
xml-char-reference-not-allowed = '&{ $body };' refers to a character XML does not allow
xml-undefined-entity = '&{ $body };' is not defined (XML knows only &amp; &lt; &gt; &quot; &apos; and character references)
xml-lt-in-attribute = a '<' inside an attribute value (it must be written &lt;)
xml-cdata-end-in-text = ']]>' in text (it must be written ]]&gt;)

## XML: comments
xml-comment-double-hyphen = '--' inside a comment
xml-comment-ends-with-hyphen = a comment ends with '--->' ('-' right before '-->')

## XML: tags and attributes
xml-lt-space = a '<' followed by white space: an element name must follow it at once (a '<' in text must be written &lt;)
xml-element-name-bad-start = an element name cannot start with { $char } (a '<' in text must be written &lt;)
xml-element-name-bad-char = { $char } cannot appear in an element name
xml-missing-space = attributes must be separated by white space
xml-slash-in-start-tag = a '/' inside a start tag (only '/>' can end it)
xml-attribute-name-bad-start = an attribute name cannot start with { $char }
xml-attribute-no-value = attribute { $name } has no '=' and value
xml-attribute-unquoted = the value of { $name } must be in quotes
xml-attribute-unclosed = the value of { $name } has no closing quote
xml-attribute-twice = attribute { $name } is given twice in this start tag (first at byte { $byte }; IIS writes each once)
xml-end-tag-bad-char = { $char } inside an end tag (only the name may stand there)
xml-mismatched-end-tag = </{ $name }> closes <{ $open }> (opened on byte { $byte }); the end tags do not match
xml-end-tag-without-start = </{ $name }> has no start tag
xml-unclosed-element = { $count ->
    [one] the file ends inside <{ $name }> (truncated?): { $count } end tag is missing
   *[other] the file ends inside <{ $name }> (truncated?): { $count } end tags are missing
}

## XML: declaration and processing instructions
xml-decl-missing-space = white space is missing in the XML declaration
xml-decl-form = the XML declaration is not of the form version="1.0"
xml-decl-unquoted = a value in the XML declaration is not quoted
xml-decl-version = the XML declaration's version must be 1.0 (or 1.x)
xml-decl-version-first = the XML declaration must give version="1.0" first
xml-decl-encoding-name = the XML declaration's encoding is not an encoding name
xml-decl-standalone = the XML declaration's standalone must be "yes" or "no"
xml-decl-extra = the XML declaration may hold only version, encoding and standalone, in that order
xml-misplaced-decl = an XML declaration (<?xml ...?>) is allowed only at the very start of the file
xml-pi-target-colon = a processing instruction's target cannot contain ':' (namespaces)
xml-pi-target-space = white space must follow a processing instruction's target
xml-encoding-mismatch = the XML declaration says encoding="{ $declared }" but the file is { $actual }

## XML: namespaces
xml-bad-qname = '{ $name }' is not a valid name with namespaces (prefix:local, one colon)
xml-default-namespace-reserved = the default namespace cannot be { $uri }
xml-bad-namespace-declaration = '{ $name }' is not a valid namespace declaration
xml-xmlns-prefix-declared = the prefix xmlns cannot be declared
xml-prefix-reserved = the prefix { $prefix } cannot be bound to "{ $uri }" (reserved)
xml-prefix-empty-namespace = the prefix { $prefix } is declared with an empty namespace name (not allowed in XML 1.0)
xml-element-xmlns-prefix = an element name cannot use the prefix xmlns
xml-attribute-same-expanded = attribute { $name } names the same attribute as { $other } (one namespace)
xml-undeclared-prefix = the namespace prefix { $prefix } is not declared (no xmlns:{ $prefix }="..." on this element or above)

## XML: the document
xml-double-bom = the file starts with two byte order marks (IIS writes one at most); remove the second
xml-unclosed-tag = a tag is not closed: '>' is missing (truncated file?)
xml-unclosed-comment = a comment is not closed: '-->' is missing
xml-unclosed-cdata = a CDATA section is not closed: ']]>' is missing
xml-unclosed-pi = a processing instruction is not closed: '?>' is missing
xml-unclosed-doctype = a DOCTYPE is not closed
xml-bad-bang = '<!' starts neither a comment, a CDATA section nor a DOCTYPE
# $detail: the XML tokenizer's own (English) description of a rare error.
xml-tokenizer = { $detail }
xml-multiple-roots = a second root element after </configuration> (an XML file has exactly one)
xml-text-outside-root = text outside the root element (binary junk, or not an XML file)
xml-reference-outside-root = a reference outside the root element
xml-cdata-outside-root = a CDATA section outside the root element
xml-no-root = the file holds no element (an empty file?)

## Bytes that do not decode (src/metabase/text.rs)
decode-utf16-be = the file is UTF-16 big-endian, which IIS never writes; save it as UTF-8 or "Unicode" (UTF-16LE) first
decode-utf16-no-bom = the file looks like UTF-16 without a byte-order mark; it is not a metabase IIS can read as it is
decode-bad-utf8 = invalid UTF-8 (the file is damaged, or was saved in a legacy code page)
decode-odd-utf16 = UTF-16LE file with an odd number of bytes (truncated?)
decode-bad-utf16 = invalid UTF-16 (an unpaired surrogate)
# An encoding in a sentence (the JSON `encoding` field keeps its fixed name).
encoding-utf8 = UTF-8
encoding-utf8-bom = UTF-8 with BOM
encoding-utf16le-bom = UTF-16LE with BOM

## What a metabase must be (src/metabase/scan.rs, src/metabase/check.rs)
metabase-not-a-metabase = not a metabase: the root element is <{ $element }>, not <configuration>
metabase-no-mbproperty = not a metabase: <configuration> has no <MBProperty> element
metabase-too-deep = elements nested more than { $max } deep; a metabase has four levels (damaged or hostile file)
metabase-too-large = the text is { $size } bytes; this tool reads metabases of at most { $max } bytes (4 GiB), far more than IIS 6 writes
metabase-doctype = the file has a DOCTYPE, which IIS never writes in a metabase; its entity definitions are not expanded
metabase-unknown-namespace = the namespace "{ $namespace }" is not IIS 6's ({ $expected }); is this a metabase of another IIS version?
metabase-missing-location = <{ $element }> has no Location attribute: IIS cannot tell which key it is
metabase-duplicate-location = a second key with Location="{ $location }" (the first is on line { $line }); IIS keeps one per location: merge them
metabase-custom-id-not-number = the <Custom> ID "{ $id }" is not a number
metabase-custom-without-id = a <Custom> element without an ID attribute: IIS identifies a property by its ID
metabase-duplicate-custom-id = a second <Custom> with ID="{ $id }" in { $location } (the first is on line { $line }); IIS keeps one per ID: remove one
metabase-custom-order = <Custom> ID { $id } comes after ID { $previous } in { $location }; IIS writes Custom elements in ascending ID order (KB 820284 asks for it too)
metabase-bad-type = Type="{ $kind }" is not one of DWORD, STRING, EXPANDSZ, MULTISZ, BINARY
metabase-missing-type = the <Custom> with ID { $id } has no Type (DWORD, STRING, EXPANDSZ, MULTISZ or BINARY)
metabase-unknown-user-type = UserType="{ $value }" is not one IIS 6 names ({ $known })
metabase-unknown-attributes-flag = Attributes flag "{ $flag }" is not one IIS 6 names ({ $known })
metabase-both-forms = { $location } sets { $property } twice: as an attribute and as a <Custom> element (line { $line }); which one IIS reads is not safe to guess: delete one
metabase-unknown-dns-mode = SmtpUseTcpDns = "{ $value }" at { $location }: KB 820284 defines 0, 1 and 2 only (`metabase-fix set-dns-mode` sets one)
metabase-edit-while-running-off = EnableEditWhileRunning="{ $value }" on /LM: while IIS runs it ignores edits to this file and later overwrites them; stop IIS Admin before editing
metabase-edit-while-running-unset = EnableEditWhileRunning is not set on /LM: while IIS runs it ignores edits to this file and later overwrites them; stop IIS Admin before editing
metabase-no-lm-key = there is no /LM key, so EnableEditWhileRunning is off: while IIS runs it ignores edits to this file; stop IIS Admin before editing
metabase-bad-dword = Value="{ $value }" is not a 32-bit number (0 to 4294967295, or flag names joined by |) as Type="DWORD" needs
metabase-bad-binary = Value="{ $value }" is not an even number of hex digits as Type="BINARY" needs

## The gate every read passes (src/metabase/gate.rs)
gate-place = line { $line }, column { $column }
gate-place-byte = line { $line }, column { $column } (byte { $byte })
gate-not-well-formed = not well-formed XML: { $problem }
# $refusal: "<place>: <what is wrong>"; $next: gate-find-a-good-copy.
gate-refused = { $refusal }; IIS will not load this file; nothing was changed. { $next }
gate-find-a-good-copy = `metabase-fix check` lists every problem in it; `metabase-fix backups` and `metabase-fix backups --history` list good copies, and `metabase-fix restore ID --dry-run --diff` shows one before it is written

## check (src/commands/check.rs)
check-summary-ok = { $file }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }: IIS can load this file
check-summary-errors = { $file }: { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] { $warnings } warning
       *[other] { $warnings } warnings
    }: IIS will not load this file; fix the errors, or find a good copy: `metabase-fix backups`, `metabase-fix backups --history`

## restore (src/commands/restore.rs)
restore-source-refused = { $id } is not a metabase IIS would load, so it is not restored; choose another copy
restore-current-damaged = { $file } is not a metabase IIS would load ({ $problem }); it is replaced, and kept as a backup first
restore-nothing-to-do = { $file } already holds the bytes of { $id }: nothing to do.
restore-encoding-changes = the encoding changes too: { $old } -> { $new }
restore-binary-difference = (binary difference: one of the two is not text)
restore-dry-run = Dry run: would restore { $file } from { $id }; nothing was written.
restore-done = Restored { $file } from { $id }.
# $args: the global options to repeat (` --file PATH`, with its leading space), or nothing.
restore-undo = The file as it was is backup { $backup }; undo with: metabase-fix{ $args } restore { $backup }
restore-next = Next: restart the SMTP service so it reads the restored value (net stop smtpsvc && net start smtpsvc).
