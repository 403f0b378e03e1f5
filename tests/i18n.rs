//! Issue 13: English, Japanese and Vietnamese.
//!
//! * the .ftl files: every English id exists in `ja` and `vi` with the same
//!   variables and no extra ids; every file parses; every id the code uses
//!   exists; the English texts equal their Rust sources (clap doc comments,
//!   the status registry, the advice table);
//! * the binary: the language is chosen by `--lang`, `METABASE_FIX_LANG`,
//!   `LC_ALL`/`LC_MESSAGES`/`LANG`, English otherwise; an unknown `--lang` is a
//!   usage error; with `--lang ja|vi` no English message text appears in the
//!   output of any command; JSON documents are equal across languages except
//!   the human-text fields; a Japanese table lines up by display width;
//!   snapshots of each command's human output in `ja` and `vi`.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{bin, fixture, stderr_of, stdout_of, Work};
use metabase_fix::i18n::{self, Lang};
use regex::Regex;

// ---------------------------------------------------------------- the files

#[test]
fn every_message_file_is_compiled_in() {
    // src/i18n.rs lists the files it includes: a file added to a folder and
    // not to the list would be silently missing from the binary.
    for lang in Lang::ALL {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("i18n")
            .join(lang.code());
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".ftl"))
            .collect();
        on_disk.sort();
        assert_eq!(on_disk, i18n::FTL_FILES, "{}", dir.display());
    }
}

/// id -> pattern text (continuation lines joined with '\n'), for one language.
fn messages(lang: &str) -> BTreeMap<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("i18n")
        .join(lang);
    let mut out = BTreeMap::new();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}", dir.display());
    let head = Regex::new(r"^([a-zA-Z][a-zA-Z0-9_-]*) *= *(.*)$").unwrap();
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        if let Err((_, errors)) = fluent_bundle::FluentResource::try_new(text.clone()) {
            panic!("{}: {errors:?}", f.display());
        }
        let mut current: Option<String> = None;
        for line in text.lines() {
            if let Some(c) = head.captures(line) {
                let id = c[1].to_string();
                assert!(
                    out.insert(id.clone(), c[2].to_string()).is_none(),
                    "{lang}: {id} defined twice"
                );
                current = Some(id);
            } else if line.starts_with(' ') && !line.trim().is_empty() {
                let id = current.as_ref().expect("a continuation line after an id");
                let v = out.get_mut(id).unwrap();
                v.push('\n');
                v.push_str(line.trim());
            } else {
                current = None;
            }
        }
    }
    out
}

fn variables(pattern: &str) -> BTreeSet<String> {
    Regex::new(r"\{\s*\$([a-zA-Z0-9_-]+)")
        .unwrap()
        .captures_iter(pattern)
        .map(|c| c[1].to_string())
        .collect()
}

#[test]
fn every_english_id_is_translated_with_the_same_variables_and_no_extra_ids() {
    let en = messages("en");
    assert!(en.len() > 300, "{} English messages", en.len());
    for lang in ["ja", "vi"] {
        let other = messages(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang} has ids English does not: {extra:?}"
        );
        for (id, text) in &en {
            assert_eq!(
                variables(text),
                variables(&other[id]),
                "{lang}: {id} has other variables than English"
            );
        }
    }
}

#[test]
fn every_id_the_code_uses_exists_in_english() {
    let en = messages("en");
    let lit = Regex::new(
        r#""((?:label|error|hint|io|input|backup|backups|history|diagnose|verdict|dns|explain|ndr|event|cli|xml|metabase|gate|check|restore|decode|encoding|set-dns-mode|show|mode|plan|property|list|keys|properties|value)-[a-z0-9-]+)""#,
    )
    .unwrap();
    let mut checked = 0;
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for c in lit.captures_iter(&text) {
                    // Prefixes completed at run time (cli-value-..., event-cause-...) end in '-'.
                    if c[1].ends_with('-') {
                        continue;
                    }
                    // Not ids: the program's name, a finding's code.
                    if ["metabase-fix", "encoding-mismatch"].contains(&&c[1]) {
                        continue;
                    }
                    assert!(
                        en.contains_key(&c[1]),
                        "{}: {} not in i18n/en",
                        p.display(),
                        &c[1]
                    );
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

#[test]
fn english_texts_equal_their_rust_sources() {
    use metabase_fix::explain::{advice, status};
    let en = |id: &str| i18n::tr_in(Lang::En, id, &[]);
    for (c, text, _) in status::CLASSES {
        assert_eq!(en(&format!("status-class-{c}")), *text);
    }
    for (s, text) in status::SUBJECTS {
        assert_eq!(en(&format!("status-subject-{s}")), *text);
    }
    for (s, d, text, _) in status::DETAILS {
        assert_eq!(en(&format!("status-detail-{s}-{d}")), *text);
    }
    for (b, text) in status::BASIC {
        assert_eq!(en(&format!("status-basic-{b}")), *text);
    }
    for (c, s, d, a) in advice::TABLE {
        for (kind, list) in [("cause", a.causes), ("fix", a.fixes)] {
            for (i, text) in list.iter().enumerate() {
                assert_eq!(en(&advice::advice_id(*c, *s, *d, kind, i + 1)), *text);
            }
        }
    }
    // --help: the localized English command equals the one from the doc comments.
    use clap::CommandFactory;
    let render = |mut c: clap::Command| {
        let mut out = vec![c.render_long_help().to_string()];
        for name in [
            "set-dns-mode",
            "show",
            "backups",
            "restore",
            "explain",
            "completions",
        ] {
            out.push(
                c.find_subcommand_mut(name)
                    .unwrap()
                    .render_long_help()
                    .to_string(),
            );
        }
        let diag = c.find_subcommand_mut("diagnose").unwrap();
        out.push(diag.render_long_help().to_string());
        out.push(
            diag.find_subcommand_mut("dns")
                .unwrap()
                .render_long_help()
                .to_string(),
        );
        out
    };
    let mut plain = metabase_fix::cli::Cli::command();
    plain.build();
    for (a, b) in render(metabase_fix::cli::localized_command(Lang::En))
        .iter()
        .zip(render(plain))
    {
        for (la, lb) in a.lines().zip(b.lines()) {
            assert_eq!(la, lb, "in:\n{a}");
        }
        assert_eq!(a.lines().count(), b.lines().count(), "{a}");
    }
}

// ---------------------------------------------------------------- the binary

fn run_in(lang: Option<&str>, w: &Work, args: &[&str]) -> std::process::Output {
    let mut c = w.cmd();
    if let Some(l) = lang {
        c.args(["--lang", l]);
    }
    c.args(args).output().unwrap()
}

/// A work folder with two backups and a History folder.
fn work_with_backups() -> Work {
    let w = Work::new("exchange2003.xml");
    for mode in ["2", "0"] {
        let out = w.cmd().args(["set-dns-mode", mode]).output().unwrap();
        assert!(out.status.success(), "{}", stderr_of(&out));
    }
    let hist = w.file.parent().unwrap().join("History");
    std::fs::create_dir_all(&hist).unwrap();
    std::fs::copy(
        fixture("exchange2003.xml"),
        hist.join("MetaBase_0000000012_0000000001.xml"),
    )
    .unwrap();
    w
}

/// A loopback port with nothing listening (UDP and TCP are refused at once).
fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

/// Every command, human output: (name, args). Args starting with
/// `@bad/NAME` run on a copy of `fixtures/bad/NAME` instead, `@both-forms` on
/// [`both_forms`] (see [`run_case`]).
fn every_command(port: u16) -> Vec<(&'static str, Vec<String>)> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    let ndr = fixture("ndr")
        .join("exchange2003.eml")
        .display()
        .to_string();
    let server = format!("127.0.0.1:{port}");
    vec![
        ("help", s(&["--help"])),
        ("help-set-dns-mode", s(&["set-dns-mode", "--help"])),
        (
            "set-dns-mode-dry-run",
            s(&["set-dns-mode", "1", "--dry-run", "--diff"]),
        ),
        ("show", s(&["show"])),
        ("get-own", s(&["get", "/LM/SmtpSvc", "ConnectionTimeout"])),
        (
            "get-inherited",
            s(&["get", "/LM/SmtpSvc/1", "ConnectionTimeout"]),
        ),
        ("list", s(&["list", "/LM/SmtpSvc"])),
        ("keys", s(&["keys"])),
        ("properties", s(&["properties", "smtp"])),
        (
            "set-dry-run",
            s(&[
                "set",
                "/LM/SmtpSvc",
                "ConnectionTimeout",
                "900",
                "--dry-run",
                "--diff",
            ]),
        ),
        (
            "unset-dry-run",
            s(&["unset", "/LM/SmtpSvc", "MaxMessageSize", "--dry-run"]),
        ),
        (
            "error-set-secure",
            s(&["set", "/LM/W3SVC/1", "AnonymousUserPass", "x"]),
        ),
        (
            "error-set-dns-mode-both-forms",
            s(&["@both-forms", "set-dns-mode", "2", "--dry-run"]),
        ),
        ("backups", s(&["backups"])),
        ("backups-history", s(&["backups", "--history"])),
        ("restore-dry-run", s(&["restore", "--dry-run"])),
        (
            "check-undefined-entity",
            s(&["@bad/undefined-entity.xml", "check"]),
        ),
        (
            "check-missing-space",
            s(&["@bad/missing-space.xml", "check"]),
        ),
        (
            "error-set-dns-mode-broken-file",
            s(&["@bad/missing-space.xml", "set-dns-mode", "2"]),
        ),
        (
            "diagnose-dns",
            s(&[
                "diagnose",
                "dns",
                "contoso.com",
                "--server",
                &server,
                "--timeout-ms",
                "300",
            ]),
        ),
        ("explain-4.4.7", s(&["explain", "4.4.7"])),
        ("explain-550", s(&["explain", "550"])),
        ("explain-vendor", s(&["explain", "550 5.7.606"])),
        ("explain-event", s(&["explain", "c00402e7"])),
        ("explain-ndr", vec!["explain".into(), "--ndr".into(), ndr]),
        ("error-bad-code", s(&["explain", "9.9.9"])),
        (
            "error-key-not-found",
            s(&["set-dns-mode", "2", "--location", "/LM/Nope"]),
        ),
        ("error-no-backup", s(&["restore", "nosuchid"])),
        (
            "error-bad-server",
            s(&["diagnose", "dns", "contoso.com", "--server", "dns.example"]),
        ),
    ]
}

/// Output with what changes from run to run replaced.
fn stable(w: &Work, text: &str) -> String {
    let mut t = text.replace(&w.dir.path().display().to_string(), "<tmp>");
    t = t.replace(&fixture("ndr").display().to_string(), "<ndr>");
    for (re, to) in [
        (r"\d{8}T\d{6}\.\d{6}Z-[0-9a-f]{8}", "<backup-id>"),
        (r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", "<time>"),
        (r"\d+(\.\d+)? ms", "<n> ms"),
        (r"127\.0\.0\.1:\d+", "127.0.0.1:<port>"),
    ] {
        t = Regex::new(re).unwrap().replace_all(&t, to).into_owned();
    }
    t
}

/// `fixtures/exchange2003.xml` with SmtpUseTcpDns set twice at /LM/SmtpSvc:
/// as a Custom element (ID 36997, in ID order) and as an attribute of the key.
fn both_forms() -> Work {
    let text = String::from_utf8(common::read_fixture("exchange2003.xml")).unwrap();
    let custom = concat!(
        "\t<Custom\r\n",
        "\t\tName=\"SmtpUseTcpDns\"\r\n",
        "\t\tID=\"36997\"\r\n",
        "\t\tValue=\"2\"\r\n",
        "\t\tType=\"DWORD\"\r\n",
        "\t\tUserType=\"IIS_MD_UT_SERVER\"\r\n",
        "\t\tAttributes=\"INHERIT\"\r\n",
        "\t/>\r\n",
    );
    let attr_after = "\t\tMaxMessageSize=\"10240\"\r\n";
    let custom_before = "\t<Custom\r\n\t\tName=\"UnknownName_49875\"";
    assert!(text.contains(attr_after) && text.contains(custom_before));
    let text = text
        .replacen(
            attr_after,
            &format!("{attr_after}\t\tSmtpUseTcpDns=\"0\"\r\n"),
            1,
        )
        .replacen(custom_before, &format!("{custom}{custom_before}"), 1);
    Work::with_bytes(text.as_bytes())
}

/// Run one case of [`every_command`] in `w`, or, for `@bad/NAME` and
/// `@both-forms`, in a fresh work folder holding that file; the output with
/// what changes from run to run replaced: the whole transcript, and stdout
/// alone.
fn run_case(lang: &str, w: &Work, args: &[&str], extra: &[&str]) -> (String, String) {
    let own = match args.first() {
        Some(&"@both-forms") => Some(both_forms()),
        Some(a) => a
            .strip_prefix("@bad/")
            .map(|f| Work::new(&format!("bad/{f}"))),
        None => None,
    };
    let (w, args) = match &own {
        Some(b) => (b, &args[1..]),
        None => (w, args),
    };
    let o = run_in(Some(lang), w, &[extra, args].concat());
    let text = format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        o.status.code().unwrap_or(-1),
        stdout_of(&o),
        stderr_of(&o)
    );
    (stable(w, &text), stable(w, &stdout_of(&o)))
}

fn transcript(lang: &str) -> (Work, Vec<(String, String)>) {
    let w = work_with_backups();
    let port = closed_port();
    let mut out = vec![];
    for (name, args) in every_command(port) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (text, _) = run_case(lang, &w, &args, &[]);
        out.push((name.to_string(), text));
    }
    (w, out)
}

#[test]
fn snapshots_of_every_command_in_japanese_and_vietnamese() {
    for lang in ["ja", "vi"] {
        let (_w, runs) = transcript(lang);
        for (name, text) in runs {
            insta::assert_snapshot!(format!("{lang}__{name}"), text);
        }
    }
}

/// The literal English parts of a pattern (between placeables) that say something.
fn english_fragments(pattern: &str) -> Vec<String> {
    let words = Regex::new(r"[A-Za-z]{3,}( [A-Za-z]{2,})+").unwrap();
    Regex::new(r"\{[^}]*\}")
        .unwrap()
        .split(pattern)
        .flat_map(|seg| {
            words
                .find_iter(seg)
                .map(|m| m.as_str().to_string())
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn no_english_message_text_in_japanese_or_vietnamese_output() {
    let en = messages("en");
    for lang in ["ja", "vi"] {
        let other = messages(lang);
        let (_w, runs) = transcript(lang);
        let all: String = runs.iter().map(|(_, t)| t.as_str()).collect();
        let mut checked = 0;
        for (id, text) in &en {
            for frag in english_fragments(text) {
                // Kept on purpose in the translation too (a command, a property name).
                if other[id].contains(&frag) {
                    continue;
                }
                checked += 1;
                assert!(
                    !all.contains(&frag),
                    "{lang}: English text of {id} ({frag:?}) in the output:\n{all}"
                );
            }
        }
        assert!(checked > 300, "{checked}");
    }
}

#[test]
fn the_locale_chooses_the_language_and_the_flag_wins() {
    let w = Work::new("exchange2003.xml");
    let warn = |env: &[(&str, &str)], args: &[&str]| {
        let mut c = w.cmd();
        for (k, v) in env {
            c.env(k, v);
        }
        let o = c.args(args).args(["explain", "5.9.9"]).output().unwrap();
        stderr_of(&o)
    };
    let ja = "エラー";
    let vi = "lỗi:";
    let en = "error:";
    assert!(warn(&[("LANG", "ja_JP.UTF-8")], &[]).contains(ja));
    assert!(warn(&[("LC_ALL", "vi_VN.UTF-8")], &[]).contains(vi));
    assert!(warn(&[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "ja_JP.UTF-8")], &[]).contains(vi));
    assert!(warn(&[("LC_MESSAGES", "ja_JP.UTF-8")], &[]).contains(ja));
    assert!(warn(&[("LANG", "C")], &[]).contains(en));
    assert!(warn(&[("LANG", "C"), ("LANGUAGE", "ja")], &[]).contains(en));
    assert!(warn(&[("LANG", "de_DE.UTF-8")], &[]).contains(en));
    assert!(warn(&[], &[]).contains(en));
    assert!(warn(&[("METABASE_FIX_LANG", "vi"), ("LANG", "ja_JP.UTF-8")], &[]).contains(vi));
    assert!(warn(&[("METABASE_FIX_LANG", "xx"), ("LANG", "ja_JP.UTF-8")], &[]).contains(ja));
    assert!(warn(&[("METABASE_FIX_LANG", "vi")], &["--lang", "en"]).contains(en));
    assert!(warn(&[("LANG", "ja_JP.UTF-8")], &["--lang=vi"]).contains(vi));
    // --help is rendered before the command runs: in the chosen language too.
    let help = w
        .cmd()
        .env("LANG", "ja_JP.UTF-8")
        .arg("--help")
        .output()
        .unwrap();
    assert!(stdout_of(&help).contains("使い方:"), "{}", stdout_of(&help));
}

#[test]
fn an_unknown_lang_is_a_usage_error_listing_the_languages() {
    let o = bin()
        .args(["--lang", "fr", "explain", "4.4.7"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let e = stderr_of(&o);
    for l in ["en", "ja", "vi"] {
        assert!(e.contains(l), "{e}");
    }
    assert!(e.contains("--lang"), "{e}");
}

/// The document with every human-text field removed.
fn without_human_text(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(m) => {
            m.retain(|k, _| {
                !matches!(
                    k.as_str(),
                    "message" | "warnings" | "causes" | "fixes" | "next_steps" | "rtt_ms"
                ) && !k.ends_with("_text")
            });
            m.values_mut().for_each(without_human_text);
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(without_human_text),
        _ => {}
    }
}

#[test]
fn json_is_the_same_document_in_every_language_but_the_human_text() {
    let w = work_with_backups();
    let port = closed_port();
    let mut changed_human_text = false;
    let mut covered = vec![];
    for (name, args) in every_command(port) {
        if name.starts_with("help") {
            continue;
        }
        covered.push(name);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let doc = |lang: &str| -> (serde_json::Value, serde_json::Value) {
            let (_, stdout) = run_case(lang, &w, &args, &["--json"]);
            let raw: serde_json::Value = serde_json::from_str(&stdout)
                .unwrap_or_else(|e| panic!("{name} {lang}: {e}: {stdout}"));
            let mut v = raw.clone();
            without_human_text(&mut v);
            (raw, v)
        };
        let (en_raw, en) = doc("en");
        for lang in ["ja", "vi"] {
            let (raw, v) = doc(lang);
            assert_eq!(v, en, "{name}: {lang} differs beyond the human text");
            changed_human_text |= raw != en_raw;
        }
    }
    assert!(changed_human_text, "the human text follows the language");
    for name in [
        "set-dns-mode-dry-run",
        "show",
        "get-own",
        "get-inherited",
        "list",
    ] {
        assert!(covered.contains(&name), "{name}");
    }
}

#[test]
fn a_table_with_japanese_headers_lines_up_by_display_width() {
    let w = work_with_backups();
    for args in [&["backups"][..], &["backups", "--history"][..]] {
        let o = run_in(Some("ja"), &w, args);
        let out = stdout_of(&o);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() >= 2, "{out}");
        assert!(lines[0].contains("サイズ"), "{out}");
        // Display column where each cell starts: after a run of two or more spaces.
        let starts = |line: &str| -> Vec<usize> {
            let (mut v, mut col, mut spaces) = (vec![], 0, 2);
            for ch in line.chars() {
                if ch != ' ' && spaces >= 2 {
                    v.push(col);
                }
                spaces = if ch == ' ' { spaces + 1 } else { 0 };
                col += i18n::width(ch.encode_utf8(&mut [0; 4]));
            }
            v
        };
        let head = starts(lines[0]);
        // backups: ID, time, size, operation; --history adds WELL-FORMED (issue 11).
        assert_eq!(head.len(), if args.len() == 1 { 4 } else { 5 }, "{out}");
        for l in &lines[1..] {
            let s = starts(l);
            assert_eq!(s.len(), head.len(), "{out}");
            // Left-aligned columns start at the same display column on every row
            // (the size column is right-aligned: its end is checked below).
            let left = if args.len() == 1 {
                [0, 1, 3]
            } else {
                [1, 3, 4]
            };
            for c in left {
                assert_eq!(s[c], head[c], "column {c}:\n{out}");
            }
        }
        // Widths per row are equal up to the last column.
        let w0 = i18n::width(lines[0]) - i18n::width(lines[0].rsplit("  ").next().unwrap());
        for l in &lines[1..] {
            let wl = i18n::width(l) - i18n::width(l.rsplit("  ").next().unwrap());
            assert_eq!(wl, w0, "{out}");
        }
    }
}

/// `check --json` on every file of the bad corpus: the same findings (code,
/// severity, line, column) in every language; only `message` is translated.
#[test]
fn check_findings_are_the_same_in_every_language_but_the_message() {
    let dir = fixture("bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xml"))
        .collect();
    files.sort();
    assert!(files.len() > 40, "{}", files.len());
    let mut translated = 0;
    for f in &files {
        let findings = |lang: &str| -> Vec<serde_json::Value> {
            let o = bin()
                .args(["--lang", lang, "--json", "--file"])
                .arg(f)
                .arg("check")
                .output()
                .unwrap();
            let v: serde_json::Value = serde_json::from_slice(&o.stdout)
                .unwrap_or_else(|e| panic!("{} {lang}: {e}: {}", f.display(), stdout_of(&o)));
            v["findings"].as_array().unwrap().clone()
        };
        let key = |v: &serde_json::Value| {
            (
                v["code"].clone(),
                v["severity"].clone(),
                v["line"].clone(),
                v["column"].clone(),
            )
        };
        let en = findings("en");
        assert!(!en.is_empty(), "{}: no finding", f.display());
        for lang in ["ja", "vi"] {
            let other = findings(lang);
            assert_eq!(
                other.iter().map(key).collect::<Vec<_>>(),
                en.iter().map(key).collect::<Vec<_>>(),
                "{} in {lang}",
                f.display()
            );
            for (a, b) in en.iter().zip(&other) {
                assert!(b["message"].as_str().is_some_and(|m| !m.is_empty()));
                translated += usize::from(a["message"] != b["message"]);
            }
        }
    }
    // Every message of the corpus is translated (none is the same in English).
    let total: usize = 2 * files.len();
    assert!(
        translated >= total,
        "{translated} translated of at least {total}"
    );
}
