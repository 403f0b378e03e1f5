//! The adsutil verbs on the file: `get`, `set`, `unset`, `list`, `keys`,
//! `properties`. Each is read -> strict scan -> pure plan -> one write
//! transaction, as `set-dns-mode` (which is `set` of one property).

use std::process::ExitCode;

use serde::Serialize;

use super::common::{self, at};
use super::edit::Editing;
use crate::apply;
use crate::cli::{GetArgs, GlobalArgs, KeysArgs, ListArgs, PropertiesArgs, SetArgs, UnsetArgs};
use crate::metabase::catalog::{self, ValueType};
use crate::metabase::plan::{
    self, find_key, plan_set_value, plan_unset, setting, Change, Form, Property,
};
use crate::metabase::scan::{is_below, same_location, Key, Scan};
use crate::metabase::text::line_of;
use crate::metabase::value::{self, Value};
use crate::t;
use crate::ui::{Align, Table, Ui};
use crate::Error;

/// Attributes that name a key, not a property: never set or unset.
const NOT_PROPERTIES: [&str; 2] = ["Location", "KeyType"];

fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// What the command line says about a property besides its name or ID.
#[derive(Default, Clone, Copy)]
pub struct Overrides<'a> {
    pub kind: Option<ValueType>,
    pub user_type: Option<&'a str>,
    pub attributes: Option<&'a str>,
}

/// Find the property PROPERTY names: a decimal ID, or a name matched ignoring
/// case against the catalogue, the key's Custom `Name`s and its attribute
/// names. `key` is the key it is looked up on (for names only the file has).
pub fn resolve(
    text: &str,
    scan: &Scan,
    key: Option<&Key>,
    spec: &str,
    o: Overrides<'_>,
) -> Result<Property, String> {
    let spec = spec.trim();
    if NOT_PROPERTIES.iter().any(|n| n.eq_ignore_ascii_case(spec)) {
        return Err(t!("property-not-a-property", name = spec));
    }
    let from_catalogue = |d: &'static catalog::PropertyDef| Property {
        name: d.name,
        id: d.id,
        kind: o.kind.unwrap_or(d.value_type).as_str(),
        user_type: o.user_type.map_or(d.user_type, |u| leak(u.to_string())),
        attributes: o.attributes.map_or(d.attributes, |a| leak(a.to_string())),
    };
    let customs = key.map(|k| scan.customs_of(k)).unwrap_or_default();
    let from_custom = |c: &crate::metabase::scan::Custom| {
        let get = |s: &Option<crate::metabase::scan::Span>| s.clone().map(|s| text[s].to_string());
        let id = c.id_num.unwrap_or(0);
        Property {
            name: leak(get(&c.name).unwrap_or_else(|| format!("UnknownName_{id}"))),
            id,
            kind: o
                .kind
                .or_else(|| get(&c.kind).and_then(|k| ValueType::parse(&k)))
                .unwrap_or(ValueType::String)
                .as_str(),
            user_type: leak(
                o.user_type
                    .map(str::to_string)
                    .or_else(|| get(&c.user_type))
                    .unwrap_or_else(|| "IIS_MD_UT_SERVER".into()),
            ),
            attributes: leak(
                o.attributes
                    .map(str::to_string)
                    .or_else(|| get(&c.attributes))
                    .unwrap_or_else(|| "INHERIT".into()),
            ),
        }
    };
    if let Ok(id) = spec.parse::<u32>() {
        if let Some(d) = catalog::by_id(id) {
            return Ok(from_catalogue(d));
        }
        if let Some(c) = customs.iter().find(|c| c.id_num == Some(id)) {
            return Ok(from_custom(c));
        }
        let Some(kind) = o.kind else {
            return Err(t!("property-unknown-id", id = id));
        };
        return Ok(Property {
            name: leak(format!("UnknownName_{id}")),
            id,
            kind: kind.as_str(),
            user_type: leak(o.user_type.unwrap_or("IIS_MD_UT_SERVER").to_string()),
            attributes: leak(o.attributes.unwrap_or("INHERIT").to_string()),
        });
    }
    if let Some(d) = catalog::by_name(spec) {
        return Ok(from_catalogue(d));
    }
    // IIS names a property its schema lacks UnknownName_<ID>.
    if let Some(id) = spec
        .get(..12)
        .filter(|p| p.eq_ignore_ascii_case("UnknownName_"))
        .and_then(|_| spec[12..].parse::<u32>().ok())
    {
        return resolve(text, scan, key, &id.to_string(), o);
    }
    if let Some(c) = customs.iter().find(|c| {
        c.name
            .clone()
            .is_some_and(|n| text[n].eq_ignore_ascii_case(spec))
    }) {
        return Ok(from_custom(c));
    }
    if let Some(a) = key.and_then(|k| scan.attr(text, k, spec)) {
        return Ok(Property {
            name: leak(text[a.name()].to_string()),
            id: 0,
            kind: o.kind.unwrap_or(ValueType::String).as_str(),
            user_type: leak(o.user_type.unwrap_or("IIS_MD_UT_SERVER").to_string()),
            attributes: leak(o.attributes.unwrap_or("INHERIT").to_string()),
        });
    }
    Err(t!("property-unknown-name", name = spec))
}

fn kind_of(p: &Property) -> ValueType {
    ValueType::parse(p.kind).unwrap_or(ValueType::String)
}

/// A value for JSON and people: by type, or the text as written when it does
/// not read as its type.
fn shown(v: &Value) -> String {
    match v {
        Value::Dword(n) => n.to_string(),
        Value::Text(s) | Value::Binary(s) => s.clone(),
        Value::Multi(items) => items.join(" | "),
    }
}

/// The service to restart after a change at `location`.
fn restart_hint(location: &str) -> String {
    let l = location.to_ascii_lowercase();
    if l.starts_with("/lm/smtpsvc") {
        t!("property-next-smtp")
    } else if l.starts_with("/lm/w3svc") {
        t!("property-next-w3svc")
    } else if l.starts_with("/lm/msftpsvc") {
        t!("property-next-ftp")
    } else {
        t!("property-next-other")
    }
}

fn error_input(path: &std::path::Path, message: String) -> Error {
    Error::Input {
        file: path.to_path_buf(),
        message,
    }
}

// ------------------------------------------------------------------ get

#[derive(Debug, Serialize)]
pub struct GetReport {
    pub file: String,
    pub location: String,
    pub property: String,
    pub id: Option<u32>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub value: Option<Value>,
    pub raw: Option<String>,
    pub form: Option<Form>,
    pub line: Option<usize>,
    pub source: &'static str,
    pub inherited_from: Option<String>,
}

pub fn get(g: &GlobalArgs, ui: &Ui, a: &GetArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    let raw = apply::read_unlocked(&path)?;
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    let k = find_key(text, &scan, &a.location).map_err(|e| common::plan_error(&path, text, e))?;
    let key = &scan.keys[k];
    let prop = resolve(text, &scan, Some(key), &a.property, Overrides::default())
        .map_err(|m| error_input(&path, m))?;
    let kind = kind_of(&prop);
    let location = key.location(text).unwrap_or(&a.location).to_string();
    let own = setting(text, &scan, key, &prop).map_err(|e| common::plan_error(&path, text, e))?;
    let mut report = GetReport {
        file: path.display().to_string(),
        location: location.clone(),
        property: prop.name.to_string(),
        id: (prop.id != 0).then_some(prop.id),
        kind: prop.kind,
        value: None,
        raw: None,
        form: None,
        line: None,
        source: "unset",
        inherited_from: None,
    };
    if let Some(s) = &own {
        report.value = Some(value::decode(kind, &s.raw));
        report.raw = Some(s.raw.clone());
        report.form = Some(s.form);
        report.line = Some(line_of(text, s.at));
        report.source = "own";
    } else if let Some((from, s)) = inherited(text, &scan, &location, &prop) {
        report.value = Some(value::decode(kind, &s.raw));
        report.raw = Some(s.raw.clone());
        report.form = Some(s.form);
        report.line = Some(line_of(text, s.at));
        report.source = "inherited";
        report.inherited_from = Some(from);
    } else if let Some(d) = catalog::by_id(prop.id).and_then(|d| d.default) {
        report.value = Some(value::decode(kind, d));
        report.source = "default";
    }
    if ui.json {
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let id = report.id.map_or("?".to_string(), |i| i.to_string());
    let mut out = format!(
        "{location}  {} (ID {id}, {}) = {}\n",
        report.property,
        report.kind,
        report.value.as_ref().map_or("-".to_string(), shown)
    );
    let line = match report.source {
        "own" => t!(
            "property-source-own",
            form = form_text(report.form),
            place = at(text, own.as_ref().map_or(0, |s| s.at))
        ),
        "inherited" => t!(
            "property-source-inherited",
            from = report.inherited_from.clone().unwrap_or_default(),
            line = report.line.unwrap_or(0)
        ),
        "default" => t!("property-source-default"),
        _ => t!("property-source-unset"),
    };
    out.push_str(&format!("  {line}\n"));
    ui.raw(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// How a setting is written, in words (`-` for none).
pub(super) fn form_text(f: Option<Form>) -> String {
    match f {
        Some(Form::Custom) => t!("property-form-custom"),
        Some(Form::Attribute) => t!("property-form-attribute"),
        None => "-".into(),
    }
}

/// The nearest key above `location` whose setting of `prop` flows down.
fn inherited(
    text: &str,
    scan: &Scan,
    location: &str,
    prop: &Property,
) -> Option<(String, plan::Setting)> {
    let mut path = location.trim_end_matches('/').to_string();
    while let Some(cut) = path.rfind('/') {
        path.truncate(cut);
        if path.is_empty() {
            break;
        }
        let key = scan
            .keys
            .iter()
            .find(|k| k.location(text).is_some_and(|l| same_location(l, &path)));
        if let Some(k) = key {
            if let Ok(Some(s)) = setting(text, scan, k, prop) {
                if s.inherit {
                    return Some((k.location(text).unwrap_or(&path).to_string(), s));
                }
            }
        }
    }
    None
}

// ------------------------------------------------------------------ set / unset

#[derive(Debug, Serialize)]
pub struct SetReport {
    pub file: String,
    pub location: String,
    pub property: String,
    pub id: Option<u32>,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub previous: Option<Value>,
    pub value: Value,
    pub form: Option<Form>,
    pub change: Change,
    pub changed: bool,
    pub dry_run: bool,
    pub backup: Option<String>,
    pub backup_id: Option<String>,
    pub warnings: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct UnsetReport {
    pub file: String,
    pub location: String,
    pub property: String,
    pub id: Option<u32>,
    pub previous: Option<Value>,
    pub form: Option<Form>,
    pub change: Change,
    pub changed: bool,
    pub dry_run: bool,
    pub backup: Option<String>,
    pub backup_id: Option<String>,
    pub warnings: Vec<String>,
}

fn overrides(a: &SetArgs) -> Overrides<'_> {
    Overrides {
        kind: a.kind.map(|k| k.value_type()),
        user_type: a.user_type.as_deref(),
        attributes: a.attributes.as_deref(),
    }
}

pub fn set(g: &GlobalArgs, ui: &Ui, a: &SetArgs) -> anyhow::Result<ExitCode> {
    let (mut e, raw) = Editing::open(g, a.dry_run)?;
    let path = e.path.clone();
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    let k =
        find_key(text, &scan, &a.location).map_err(|err| common::plan_error(&path, text, err))?;
    let key = &scan.keys[k];
    let prop = resolve(text, &scan, Some(key), &a.property, overrides(a))
        .map_err(|m| error_input(&path, m))?;
    if prop.attributes.contains("SECURE") {
        return Err(error_input(&path, t!("property-secure", name = prop.name)).into());
    }
    let kind = kind_of(&prop);
    let value = value::parse_input(kind, &a.values).map_err(|m| {
        error_input(
            &path,
            t!(
                "property-bad-value",
                name = prop.name,
                kind = prop.kind,
                why = m
            ),
        )
    })?;
    let plan = plan_set_value(text, &scan, &a.location, &prop, &value)
        .map_err(|err| common::plan_error(&path, text, err))?;
    let location = key.location(text).unwrap_or(&a.location).to_string();
    let shown_value = shown(&value);
    let warnings: Vec<String> = plan
        .warnings
        .iter()
        .map(|w| {
            common::property_warning(
                w,
                text,
                prop.name,
                &format!("set {{location}} {} {}", prop.name, a.values.join(" ")),
                g,
            )
        })
        .collect();
    for w in &warnings {
        ui.warn(w);
    }
    let mut report = SetReport {
        file: path.display().to_string(),
        location: location.clone(),
        property: prop.name.to_string(),
        id: (prop.id != 0).then_some(prop.id),
        kind: prop.kind,
        previous: plan.previous.as_ref().map(|s| value::decode(kind, &s.raw)),
        value: value.clone(),
        form: plan
            .previous
            .as_ref()
            .map(|s| s.form)
            .or((plan.change == Change::Inserted).then_some(Form::Custom)),
        change: plan.change,
        changed: false,
        dry_run: a.dry_run,
        backup: None,
        backup_id: None,
        warnings,
    };
    let was = match &report.previous {
        Some(p) => t!("property-was", previous = shown(p)),
        None => t!("property-was-unset"),
    };
    if plan.change == Change::Unchanged {
        ui.note(&t!(
            "property-already",
            name = prop.name,
            value = shown_value.clone(),
            location = location.clone(),
            file = path.display()
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    if a.diff {
        e.diff(ui, text, &plan.splices)?;
    }
    if a.dry_run {
        ui.note(&t!(
            "property-dry-run-set",
            name = prop.name,
            value = shown_value,
            location = location,
            was = was
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let operation = format!("set {location} {} {}", prop.name, shown_value);
    let done_note = t!(
        "property-done-set",
        name = prop.name,
        value = shown_value,
        location = location.clone(),
        file = path.display(),
        was = was
    );
    let done = commit(
        &mut e,
        ui,
        g,
        (&raw, &doc),
        &plan.splices,
        &operation,
        &done_note,
        &location,
    )?;
    (report.changed, report.backup, report.backup_id) = (true, Some(done.0), Some(done.1));
    report.warnings.extend(done.2);
    ui.json(&report)?;
    Ok(ExitCode::SUCCESS)
}

/// Write a planned change and say so: the done note, the backup and how to
/// undo it, the service to restart. Returns the backup's path and id, and a
/// warning when flushing the folder failed.
#[allow(clippy::too_many_arguments)]
fn commit(
    e: &mut Editing,
    ui: &Ui,
    g: &GlobalArgs,
    (raw, doc): (&[u8], &crate::metabase::text::Document<'_>),
    splices: &[crate::splice::Splice],
    operation: &str,
    done_note: &str,
    location: &str,
) -> anyhow::Result<(String, String, Option<String>)> {
    let done = e.commit(raw, doc, splices, operation)?;
    let warning = done.dir_sync_failed.as_ref().map(|err| {
        let w = t!("set-dir-sync-failed", error = err.clone());
        ui.warn(&w);
        w
    });
    ui.note(done_note);
    backup_note(ui, g, &done);
    ui.note(&restart_hint(location));
    Ok((
        done.backup.path.display().to_string(),
        done.backup.record.id.clone(),
        warning,
    ))
}

/// The backup just made and how to put it back.
pub(super) fn backup_note(ui: &Ui, g: &GlobalArgs, done: &apply::Committed) {
    ui.note(&t!(
        "property-backup",
        id = done.backup.record.id.clone(),
        path = done.backup.path.display(),
        file_arg = common::file_arg(g)
    ));
}

pub fn unset(g: &GlobalArgs, ui: &Ui, a: &UnsetArgs) -> anyhow::Result<ExitCode> {
    let (mut e, raw) = Editing::open(g, a.dry_run)?;
    let path = e.path.clone();
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    let k =
        find_key(text, &scan, &a.location).map_err(|err| common::plan_error(&path, text, err))?;
    let key = &scan.keys[k];
    let prop = resolve(text, &scan, Some(key), &a.property, Overrides::default())
        .map_err(|m| error_input(&path, m))?;
    let plan = plan_unset(text, &scan, &a.location, &prop)
        .map_err(|err| common::plan_error(&path, text, err))?;
    let location = key.location(text).unwrap_or(&a.location).to_string();
    let warnings: Vec<String> = plan
        .warnings
        .iter()
        .map(|w| common::property_warning(w, text, prop.name, "", g))
        .collect();
    for w in &warnings {
        ui.warn(w);
    }
    let kind = kind_of(&prop);
    let mut report = UnsetReport {
        file: path.display().to_string(),
        location: location.clone(),
        property: prop.name.to_string(),
        id: (prop.id != 0).then_some(prop.id),
        previous: plan.previous.as_ref().map(|s| value::decode(kind, &s.raw)),
        form: plan.previous.as_ref().map(|s| s.form),
        change: plan.change,
        changed: false,
        dry_run: a.dry_run,
        backup: None,
        backup_id: None,
        warnings,
    };
    if plan.change == Change::Unchanged {
        ui.note(&t!(
            "property-not-set",
            name = prop.name,
            location = location.clone(),
            file = path.display()
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    if a.diff {
        e.diff(ui, text, &plan.splices)?;
    }
    let previous = report.previous.as_ref().map(shown).unwrap_or_default();
    if a.dry_run {
        ui.note(&t!(
            "property-dry-run-unset",
            name = prop.name,
            location = location,
            previous = previous
        ));
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let operation = format!("unset {location} {}", prop.name);
    let done_note = t!(
        "property-done-unset",
        name = prop.name,
        location = location.clone(),
        file = path.display(),
        previous = previous
    );
    let done = commit(
        &mut e,
        ui,
        g,
        (&raw, &doc),
        &plan.splices,
        &operation,
        &done_note,
        &location,
    )?;
    (report.changed, report.backup, report.backup_id) = (true, Some(done.0), Some(done.1));
    report.warnings.extend(done.2);
    ui.json(&report)?;
    Ok(ExitCode::SUCCESS)
}

// ------------------------------------------------------------------ list / keys

#[derive(Debug, Serialize)]
pub struct ListReport {
    pub file: String,
    pub location: String,
    pub properties: Vec<ListItem>,
}

#[derive(Debug, Serialize)]
pub struct ListItem {
    pub name: String,
    pub id: Option<u32>,
    #[serde(rename = "type")]
    pub kind: Option<&'static str>,
    pub value: Value,
    pub raw: String,
    pub form: Form,
    pub line: usize,
}

pub fn list(g: &GlobalArgs, ui: &Ui, a: &ListArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    let raw = apply::read_unlocked(&path)?;
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    let k = find_key(text, &scan, &a.location).map_err(|e| common::plan_error(&path, text, e))?;
    let key = &scan.keys[k];
    let mut items = Vec::new();
    for at in scan.attrs_of(key) {
        let name = &text[at.name()];
        let def = catalog::by_name(name);
        let raw = text[at.value()].to_string();
        items.push(ListItem {
            name: name.to_string(),
            id: def.map(|d| d.id),
            kind: def.map(|d| d.value_type.as_str()),
            value: value::decode(def.map_or(ValueType::String, |d| d.value_type), &raw),
            raw,
            form: Form::Attribute,
            line: line_of(text, at.name().start),
        });
    }
    for c in scan.customs_of(key) {
        let get = |s: &Option<crate::metabase::scan::Span>| s.clone().map(|s| &text[s]);
        let kind = get(&c.kind).and_then(ValueType::parse);
        let raw = get(&c.value).unwrap_or_default().to_string();
        items.push(ListItem {
            name: get(&c.name)
                .map(str::to_string)
                .unwrap_or_else(|| format!("UnknownName_{}", c.id_num.unwrap_or(0))),
            id: c.id_num,
            kind: kind.map(ValueType::as_str),
            value: value::decode(kind.unwrap_or(ValueType::String), &raw),
            raw,
            form: Form::Custom,
            line: line_of(text, c.span.start),
        });
    }
    let report = ListReport {
        file: path.display().to_string(),
        location: key.location(text).unwrap_or(&a.location).to_string(),
        properties: items,
    };
    if ui.json {
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        (t!("list-col-name"), Align::Left),
        (t!("list-col-id"), Align::Right),
        (t!("list-col-type"), Align::Left),
        (t!("list-col-form"), Align::Left),
        (t!("list-col-line"), Align::Right),
        (t!("list-col-value"), Align::Left),
    ]);
    for i in &report.properties {
        table.row(vec![
            i.name.clone(),
            i.id.map_or("-".into(), |n| n.to_string()),
            i.kind.unwrap_or("-").to_string(),
            form_text(Some(i.form)),
            i.line.to_string(),
            shown(&i.value),
        ]);
    }
    ui.raw(format!("{}:\n{}", report.location, table.render()).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize)]
pub struct KeysReport {
    pub file: String,
    pub keys: Vec<KeyItem>,
}

#[derive(Debug, Serialize)]
pub struct KeyItem {
    pub location: Option<String>,
    pub key_type: String,
    pub line: usize,
}

pub fn keys(g: &GlobalArgs, ui: &Ui, a: &KeysArgs) -> anyhow::Result<ExitCode> {
    let path = common::resolve_file(g)?;
    let raw = apply::read_unlocked(&path)?;
    let (doc, scan) = common::parse(&path, &raw)?;
    let text = &doc.text;
    if let Some(l) = &a.location {
        find_key(text, &scan, l).map_err(|e| common::plan_error(&path, text, e))?;
    }
    let starts: Vec<usize> = scan.keys.iter().map(|k| k.start_tag().start).collect();
    let lines = crate::metabase::text::line_cols(text, &starts);
    let keys: Vec<KeyItem> = scan
        .keys
        .iter()
        .zip(lines)
        .filter(|(k, _)| match (&a.location, k.location(text)) {
            (None, _) => true,
            (Some(want), Some(l)) => same_location(l, want) || is_below(l, want),
            (Some(_), None) => false,
        })
        .map(|(k, (line, _))| KeyItem {
            location: k.location(text).map(str::to_string),
            key_type: k.element(text).to_string(),
            line,
        })
        .collect();
    let report = KeysReport {
        file: path.display().to_string(),
        keys,
    };
    if ui.json {
        ui.json(&report)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        (t!("keys-col-location"), Align::Left),
        (t!("keys-col-key-type"), Align::Left),
        (t!("keys-col-line"), Align::Right),
    ]);
    for k in &report.keys {
        table.row(vec![
            k.location.clone().unwrap_or("-".into()),
            k.key_type.clone(),
            k.line.to_string(),
        ]);
    }
    ui.raw(table.render().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

// ------------------------------------------------------------------ properties

#[derive(Debug, Serialize)]
pub struct CatalogueItem {
    pub name: &'static str,
    pub id: u32,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub user_type: &'static str,
    pub attributes: &'static str,
    pub default: Option<&'static str>,
    pub key_types: Vec<&'static str>,
}

pub fn properties(ui: &Ui, a: &PropertiesArgs) -> anyhow::Result<ExitCode> {
    let items: Vec<CatalogueItem> = catalog::search(a.pattern.as_deref().unwrap_or(""))
        .into_iter()
        .map(|d| CatalogueItem {
            name: d.name,
            id: d.id,
            kind: d.value_type.as_str(),
            user_type: d.user_type,
            attributes: d.attributes,
            default: d.default,
            key_types: d.key_types.clone(),
        })
        .collect();
    if ui.json {
        ui.json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut table = Table::new(&[
        (t!("properties-col-name"), Align::Left),
        (t!("properties-col-id"), Align::Right),
        (t!("properties-col-type"), Align::Left),
        (t!("properties-col-attributes"), Align::Left),
        (t!("properties-col-default"), Align::Left),
        (t!("properties-col-key-types"), Align::Left),
    ]);
    for d in &items {
        table.row(vec![
            d.name.to_string(),
            d.id.to_string(),
            d.kind.to_string(),
            d.attributes.to_string(),
            d.default.unwrap_or("-").to_string(),
            d.key_types.join(" "),
        ]);
    }
    ui.raw(table.render().as_bytes())?;
    if items.is_empty() {
        ui.note(&t!(
            "properties-none",
            pattern = a.pattern.clone().unwrap_or_default()
        ));
    }
    Ok(ExitCode::SUCCESS)
}
