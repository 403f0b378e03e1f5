//! Issue 12: get, set, unset, list, keys, properties: the adsutil verbs on the
//! file, byte-exact. Every case in `fixtures/property/cases.tsv` runs the
//! built binary on its input (CRLF, LF and UTF-16LE) and compares the bytes
//! with the expected file that `fixtures/make_fixtures.py` made by hand.

mod common;

use common::{read_fixture, stderr_of, stdout_of, Work};
use serde::Deserialize;

fn cases() -> Vec<(String, String, Vec<String>)> {
    let t = std::fs::read_to_string(common::fixture("property/cases.tsv")).unwrap();
    t.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let name = f.next().unwrap().to_string();
            let enc = f.next().unwrap().to_string();
            (name, enc, f.map(str::to_string).collect())
        })
        .collect()
}

#[test]
fn every_case_gives_its_expected_bytes() {
    let all = cases();
    assert!(all.len() >= 33, "{} cases", all.len());
    for (name, enc, args) in &all {
        let input = read_fixture(&format!("property/{name}.{enc}.xml"));
        let want = read_fixture(&format!("property/{name}.{enc}.expected.xml"));
        let w = Work::with_bytes(&input);
        let out = w.cmd().args(args).output().unwrap();
        assert!(out.status.success(), "{name}.{enc}: {}", stderr_of(&out));
        assert!(
            w.bytes() == want,
            "{name}.{enc}: bytes differ from the expected file"
        );
        let backups = w.backup_count();
        assert_eq!(
            backups,
            usize::from(input != want),
            "{name}.{enc}: one backup per change"
        );
        // The same command again changes nothing and takes no backup.
        let again = w.cmd().args(args).output().unwrap();
        assert!(
            again.status.success(),
            "{name}.{enc}: {}",
            stderr_of(&again)
        );
        assert!(
            w.bytes() == want,
            "{name}.{enc}: a second run changed the file"
        );
        assert_eq!(
            w.backup_count(),
            backups,
            "{name}.{enc}: a no-op took a backup"
        );
        assert_eq!(
            w.backup_temps(),
            Vec::<String>::new(),
            "{name}.{enc}: the no-op's staged backup was left behind"
        );
        // A dry run of a change writes nothing; restore gives the input back.
        if input != want {
            let out = w.cmd().args(["restore"]).output().unwrap();
            assert!(out.status.success(), "{}", stderr_of(&out));
            assert!(w.bytes() == input, "{name}.{enc}: restore");
            let mut dry = args.clone();
            dry.push("--dry-run".into());
            let out = w.cmd().args(&dry).output().unwrap();
            assert!(out.status.success());
            assert!(w.bytes() == input, "{name}.{enc}: a dry run wrote");
        }
    }
}

/// `set` of a property that was not there, then `unset`: the original bytes.
#[test]
fn unset_after_an_inserting_set_gives_the_original_bytes() {
    for (name, enc, args) in cases()
        .iter()
        .filter(|(n, _, a)| a[0] == "set" && n.contains("new-id"))
    {
        let input = read_fixture(&format!("property/{name}.{enc}.xml"));
        let w = Work::with_bytes(&input);
        assert!(w.cmd().args(args).output().unwrap().status.success());
        assert!(w.bytes() != input);
        let out = w
            .cmd()
            .args(["unset", &args[1], &args[2]])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
        assert!(w.bytes() == input, "{name}.{enc}");
    }
}

/// `set-dns-mode N` and `set /LM/SmtpSvc SmtpUseTcpDns N` (or 36997) give the
/// same bytes on every set-dns-mode fixture: one code path.
#[test]
fn set_dns_mode_and_set_give_the_same_bytes() {
    for f in [
        "exchange2003",
        "attribute",
        "update-unknownname",
        "lf",
        "bom",
        "no-customs",
        "self-closing",
        "kb-one-line",
        "utf16le",
        "iisconfigobject",
    ] {
        let input = read_fixture(&format!("{f}.xml"));
        for mode in ["0", "1", "2"] {
            let mut outs = Vec::new();
            for args in [
                vec!["set-dns-mode", mode],
                vec!["set", "/LM/SmtpSvc", "SmtpUseTcpDns", mode],
                vec!["set", "/lm/smtpsvc/", "36997", mode],
            ] {
                let w = Work::with_bytes(&input);
                let out = w.cmd().args(&args).output().unwrap();
                assert!(out.status.success(), "{f} {args:?}: {}", stderr_of(&out));
                outs.push(w.bytes());
            }
            assert!(outs[0] == outs[1] && outs[1] == outs[2], "{f} mode {mode}");
        }
    }
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct GetDoc {
    file: String,
    location: String,
    property: String,
    id: Option<u32>,
    #[serde(rename = "type")]
    kind: String,
    value: Option<serde_json::Value>,
    raw: Option<String>,
    form: Option<String>,
    line: Option<usize>,
    source: String,
    inherited_from: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct SetDoc {
    file: String,
    location: String,
    property: String,
    id: Option<u32>,
    #[serde(rename = "type")]
    kind: String,
    previous: Option<serde_json::Value>,
    value: serde_json::Value,
    form: Option<String>,
    change: String,
    changed: bool,
    dry_run: bool,
    backup: Option<String>,
    backup_id: Option<String>,
    warnings: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct UnsetDoc {
    file: String,
    location: String,
    property: String,
    id: Option<u32>,
    previous: Option<serde_json::Value>,
    form: Option<String>,
    change: String,
    changed: bool,
    dry_run: bool,
    backup: Option<String>,
    backup_id: Option<String>,
    warnings: Vec<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ListDoc {
    file: String,
    location: String,
    properties: Vec<ListEntry>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct ListEntry {
    name: String,
    id: Option<u32>,
    #[serde(rename = "type")]
    kind: Option<String>,
    value: serde_json::Value,
    raw: String,
    form: String,
    line: usize,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct KeysDoc {
    file: String,
    keys: Vec<KeyEntry>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct KeyEntry {
    location: Option<String>,
    key_type: String,
    line: usize,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct CatalogueEntry {
    name: String,
    id: u32,
    #[serde(rename = "type")]
    kind: String,
    user_type: String,
    attributes: String,
    default: Option<String>,
    key_types: Vec<String>,
}

fn json<T: for<'de> Deserialize<'de>>(w: &Work, args: &[&str]) -> T {
    let out = w.cmd().arg("--json").args(args).output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}{}", stdout_of(&out), stderr_of(&out)))
}

#[test]
fn get_tells_where_the_value_comes_from() {
    let w = Work::new("exchange2003.xml");
    let g: GetDoc = json(&w, &["get", "/LM/SmtpSvc", "ConnectionTimeout"]);
    assert_eq!(
        (
            g.source.as_str(),
            g.value.clone(),
            g.raw.as_deref(),
            g.form.as_deref(),
            g.line
        ),
        (
            "own",
            Some(600.into()),
            Some("600"),
            Some("attribute"),
            Some(26)
        )
    );
    assert_eq!(
        (
            g.id,
            g.kind.as_str(),
            g.property.as_str(),
            g.location.as_str()
        ),
        (Some(1013), "DWORD", "ConnectionTimeout", "/LM/SmtpSvc")
    );
    assert!(g.file.ends_with("MetaBase.xml"));
    let g: GetDoc = json(&w, &["get", "/lm/smtpsvc/1", "connectiontimeout"]);
    assert_eq!(
        (g.source.as_str(), g.inherited_from.as_deref(), g.value),
        ("inherited", Some("/LM/SmtpSvc"), Some(600.into()))
    );
    let g: GetDoc = json(&w, &["get", "/LM/SmtpSvc", "SmtpUseTcpDns"]);
    assert_eq!(
        (g.source.as_str(), g.value, g.raw),
        ("default", Some(4294967295u32.into()), None)
    );
    let g: GetDoc = json(&w, &["get", "/LM/W3SVC/1", "ServerBindings"]);
    assert_eq!(
        g.value,
        Some(serde_json::json!([
            ":80:",
            "192.168.0.10:80:www.contoso.com",
            ":443:"
        ]))
    );
    let g: GetDoc = json(&w, &["get", "/LM/SmtpSvc", "61537"]);
    assert_eq!(
        g.value,
        Some("none/> > & more".into()),
        "entities are decoded"
    );
    let g: GetDoc = json(&w, &["get", "/LM/W3SVC/1", "AppPoolId"]);
    assert_eq!(g.source, "own");
    let g: GetDoc = json(&w, &["get", "/LM/SmtpSvc", "SmtpDsPort"]);
    assert!(matches!(g.source.as_str(), "default" | "unset"), "{g:?}");
}

#[test]
fn set_and_unset_json_documents() {
    let w = Work::new("exchange2003.xml");
    let s: SetDoc = json(&w, &["set", "/LM/SmtpSvc", "SmtpUseTcpDns", "2"]);
    assert_eq!(
        (
            s.change.as_str(),
            s.changed,
            s.form.as_deref(),
            s.previous,
            s.value
        ),
        ("inserted", true, Some("custom"), None, 2.into())
    );
    assert!(s.backup.is_some() && s.backup_id.is_some() && !s.dry_run);
    assert_eq!(
        (
            s.id,
            s.kind.as_str(),
            s.property.as_str(),
            s.location.as_str()
        ),
        (Some(36997), "DWORD", "SmtpUseTcpDns", "/LM/SmtpSvc")
    );
    assert!(s.file.ends_with("MetaBase.xml") && s.warnings.is_empty());
    assert!(w.bytes() == read_fixture("exchange2003.expected.xml"));
    let u: UnsetDoc = json(&w, &["unset", "/LM/SmtpSvc", "SmtpUseTcpDns", "--dry-run"]);
    assert_eq!(
        (
            u.change.as_str(),
            u.changed,
            u.dry_run,
            u.previous,
            u.form.as_deref()
        ),
        ("removed", false, true, Some(2.into()), Some("custom"))
    );
    assert!(
        u.backup.is_none() && u.backup_id.is_none() && u.warnings.is_empty() && u.id == Some(36997)
    );
    assert!(
        u.file.ends_with("MetaBase.xml")
            && u.location == "/LM/SmtpSvc"
            && u.property == "SmtpUseTcpDns"
    );
    let u: UnsetDoc = json(&w, &["unset", "/LM/SmtpSvc", "SmtpUseTcpDns"]);
    assert!(u.changed);
    assert!(
        w.bytes() == read_fixture("exchange2003.xml"),
        "unset after set gives the original bytes"
    );
    let u: UnsetDoc = json(&w, &["unset", "/LM/SmtpSvc", "SmtpUseTcpDns"]);
    assert_eq!((u.change.as_str(), u.changed), ("unchanged", false));
}

#[test]
fn list_keys_and_properties() {
    let w = Work::new("exchange2003.xml");
    let l: ListDoc = json(&w, &["list", "/LM/SmtpSvc"]);
    assert!(l.file.ends_with("MetaBase.xml") && l.location == "/LM/SmtpSvc");
    let names: Vec<&str> = l.properties.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "ConnectionTimeout",
            "ServerComment",
            "MaxMessageSize",
            "AuthFlags",
            "UnknownName_36931",
            "UnknownName_49875",
            "UnknownName_61537"
        ]
    );
    let p = &l.properties[3];
    assert_eq!(
        (
            p.id,
            p.kind.as_deref(),
            p.form.as_str(),
            p.line,
            p.raw.as_str()
        ),
        (
            Some(6000),
            Some("DWORD"),
            "custom",
            30,
            "AuthBasic | AuthAnonymous | AuthNTLM"
        )
    );
    assert_eq!(
        p.value, "AuthBasic | AuthAnonymous | AuthNTLM",
        "flag names stay as written"
    );
    assert_eq!(l.properties[0].value, 600);
    let k: KeysDoc = json(&w, &["keys"]);
    assert!(k.file.ends_with("MetaBase.xml"));
    assert_eq!(k.keys.len(), 6);
    assert_eq!(
        (
            k.keys[0].location.as_deref(),
            k.keys[0].key_type.as_str(),
            k.keys[0].line
        ),
        (Some("/LM"), "IIsComputer", 4)
    );
    let k: KeysDoc = json(&w, &["keys", "/lm/smtpsvc"]);
    let locs: Vec<_> = k.keys.iter().map(|k| k.location.clone().unwrap()).collect();
    assert_eq!(
        locs,
        [
            "/LM/SmtpSvc",
            "/LM/SmtpSvc/1",
            "/LM/SmtpSvc/1/Domain/contoso.com"
        ]
    );
    let c: Vec<CatalogueEntry> = json(&w, &["properties", "usetcpdns"]);
    assert_eq!(c.len(), 1);
    let d = &c[0];
    assert_eq!(
        (
            d.name.as_str(),
            d.id,
            d.kind.as_str(),
            d.user_type.as_str(),
            d.attributes.as_str(),
            d.default.as_deref()
        ),
        (
            "SmtpUseTcpDns",
            36997,
            "DWORD",
            "IIS_MD_UT_SERVER",
            "INHERIT",
            Some("4294967295")
        )
    );
    assert!(d.key_types.contains(&"IIsSmtpService".to_string()));
    let all: Vec<CatalogueEntry> = json(&w, &["properties"]);
    assert!(all.len() >= 200, "{}", all.len());
}

/// Refusals: exit 1, one line naming the file, bytes unchanged, no backup.
#[test]
fn what_set_and_unset_refuse() {
    let w = Work::new("exchange2003.xml");
    let before = w.bytes();
    for (args, says) in [
        (
            &["set", "/LM/W3SVC/1", "AnonymousUserPass", "secret"][..],
            "SECURE",
        ),
        (
            &["set", "/LM/SmtpSvc", "NoSuchProperty", "1"],
            "NoSuchProperty",
        ),
        (&["set", "/LM/SmtpSvc", "55555", "1"], "--type"),
        (
            &["set", "/LM/SmtpSvc", "ConnectionTimeout", "12x"],
            "not a DWORD",
        ),
        (
            &["set", "/LM/SmtpSvc", "ConnectionTimeout", "4294967296"],
            "not a DWORD",
        ),
        (
            &["set", "/LM/SmtpSvc", "ConnectionTimeout", "1", "2"],
            "one value",
        ),
        (
            &["set", "/LM/SmtpSvc", "50000", "abc", "--type", "BINARY"],
            "not BINARY",
        ),
        (&["unset", "/LM/SmtpSvc", "Location"], "names the key"),
        (&["set", "/LM/SmtpSvc", "KeyType", "x"], "names the key"),
        (
            &["unset", "/LM/SmtpSvc", "NoSuchProperty"],
            "NoSuchProperty",
        ),
        (&["set", "/LM/Nowhere", "ConnectionTimeout", "1"], "no key"),
    ] {
        let out = w.cmd().args(args).output().unwrap();
        let err = stderr_of(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.contains(says) && err.contains("MetaBase.xml") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
        assert!(w.bytes() == before, "{args:?}");
        assert_eq!(w.backup_count(), 0);
        assert_eq!(w.backup_temps(), Vec::<String>::new(), "{args:?}");
        assert_eq!(w.folder_names(), ["MetaBase.xml"]);
    }
    // Options are options, not values: --dry-run after the values is honoured.
    let out = w
        .cmd()
        .args([
            "set",
            "/LM/W3SVC/1",
            "ServerBindings",
            ":80:",
            "--dry-run",
            "--diff",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr_of(&out));
    assert!(w.bytes() == before);
    assert!(
        stdout_of(&out).contains("+\t\tServerBindings=\":80:\""),
        "{}",
        stdout_of(&out)
    );
    // A negative number is a value (and not a DWORD).
    let out = w
        .cmd()
        .args(["set", "/LM/SmtpSvc", "ConnectionTimeout", "-1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

/// A key below that sets its own value is named in a warning, with the
/// command that changes it too.
#[test]
fn a_shadowing_key_is_named() {
    let w = Work::new("exchange2003.xml");
    let out = w
        .cmd()
        .args(["set", "/LM/SmtpSvc/1", "ConnectionTimeout", "120"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = w
        .cmd()
        .args(["set", "/LM/SmtpSvc", "ConnectionTimeout", "900"])
        .output()
        .unwrap();
    let err = stderr_of(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("/LM/SmtpSvc/1 (line ")
            && err.contains("set /LM/SmtpSvc/1 ConnectionTimeout 900"),
        "{err}"
    );
}
