//! The languages people read this tool in: English (the default and the
//! reference), Japanese and Vietnamese.
//!
//! * Messages are Fluent resources, `i18n/<lang>/*.ftl`, compiled into the
//!   binary by `include_str!` (nothing to install) and parsed per language
//!   on first use.
//! * The language is chosen once, at start, by [`choose`]: `--lang`, then
//!   `METABASE_FIX_LANG`, then the system locale, then English. [`set`] makes it
//!   the current one; [`current`] reads it.
//! * [`tr`] / the [`t!`](crate::t) macro format a message in the current
//!   language. A message missing from `ja` or `vi` falls back to English (a test
//!   keeps the three files in step, so this only matters during development).
//! * [`width`] / [`pad`] measure and pad in display columns: a Japanese
//!   character takes two.
//!
//! Identifiers, property names, JSON keys and paths are never translated: pass
//! them as variables. Never build a sentence from translated fragments (word
//! order differs in Japanese): give the whole sentence one id.

use std::borrow::Cow;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
pub use fluent_bundle::FluentValue;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// The message files of one language, compiled in (`tests/i18n.rs` checks
/// that this list is every `.ftl` file of every language's folder).
macro_rules! ftl_files {
    ($lang:literal) => {
        [
            include_str!(concat!("../i18n/", $lang, "/advice.ftl")),
            include_str!(concat!("../i18n/", $lang, "/check.ftl")),
            include_str!(concat!("../i18n/", $lang, "/cli.ftl")),
            include_str!(concat!("../i18n/", $lang, "/explain.ftl")),
            include_str!(concat!("../i18n/", $lang, "/main.ftl")),
            include_str!(concat!("../i18n/", $lang, "/ndr.ftl")),
            include_str!(concat!("../i18n/", $lang, "/property.ftl")),
            include_str!(concat!("../i18n/", $lang, "/set-dns-mode.ftl")),
            include_str!(concat!("../i18n/", $lang, "/status.ftl")),
        ]
    };
}

/// The names of the files `ftl_files!` lists, in its order.
pub const FTL_FILES: [&str; 9] = [
    "advice.ftl",
    "check.ftl",
    "cli.ftl",
    "explain.ftl",
    "main.ftl",
    "ndr.ftl",
    "property.ftl",
    "set-dns-mode.ftl",
    "status.ftl",
];

/// Each language's messages, in [`Lang`] order.
static SOURCES: [[&str; FTL_FILES.len()]; 3] =
    [ftl_files!("en"), ftl_files!("ja"), ftl_files!("vi")];

/// Each language's bundle, parsed on first use: a run parses only the
/// languages it prints in (its own, and English where a message is missing),
/// not all three (a millisecond of every start).
static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] = [const { OnceLock::new() }; 3];

fn bundle(lang: Lang) -> &'static FluentBundle<FluentResource> {
    BUNDLES[lang as usize].get_or_init(|| {
        let mut bundle = FluentBundle::new_concurrent(vec![lang.id()]);
        // No Unicode isolation marks around variables: terminals show them.
        bundle.set_use_isolating(false);
        for source in SOURCES[lang as usize] {
            // Syntax errors are caught by tests/i18n.rs; what parses is kept.
            let resource =
                FluentResource::try_new(source.to_string()).unwrap_or_else(|(partial, _)| partial);
            bundle.add_resource_overriding(resource);
        }
        bundle
    })
}

/// `id` formatted in `lang` alone, if `lang` has it.
fn lookup(lang: Lang, id: &str, args: Option<&FluentArgs>) -> Option<String> {
    let bundle = bundle(lang);
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, args, &mut errors)
            .into_owned(),
    )
}

/// A language this tool speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum Lang {
    En,
    Ja,
    Vi,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Vi];

    /// The code used by `--lang` and in `i18n/<code>/`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Vi => "vi",
        }
    }

    /// `en`, `ja`, `vi` exactly (what `--lang` accepts).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// A locale name as the system writes it: `ja_JP.UTF-8`, `vi-VN`, `en`,
    /// `ja_JP@euro`; by its language part, ignoring case. `C`/`POSIX`: English.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let lang = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match lang.as_str() {
            "c" | "posix" => Some(Lang::En),
            other => Lang::from_code(other),
        }
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("a valid language code")
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

/// Make `lang` the language of everything printed from now on.
pub fn set(lang: Lang) {
    CURRENT.store(lang as u8, Ordering::Relaxed);
}

/// The current language (English until [`set`] is called).
pub fn current() -> Lang {
    match CURRENT.load(Ordering::Relaxed) {
        1 => Lang::Ja,
        2 => Lang::Vi,
        _ => Lang::En,
    }
}

/// The variable that picks the language when `--lang` is not given.
pub const ENV_VAR: &str = "METABASE_FIX_LANG";

/// The language, first match wins: `--lang`; `METABASE_FIX_LANG` (a code or a
/// locale name; an unknown value is skipped); the system locale; English.
pub fn choose(flag: Option<Lang>, env: Option<&str>, system: &[String]) -> Lang {
    flag.or_else(|| env.and_then(Lang::from_locale))
        .or_else(|| system.iter().find_map(|l| Lang::from_locale(l)))
        .unwrap_or(Lang::En)
}

/// The system's preferred locales, most preferred first.
///
/// Unix: as gettext reads them: the first non-empty of `LC_ALL`, `LC_MESSAGES`,
/// `LANG` decides; `C` or `POSIX` there means English even when `LANGUAGE` is
/// set; otherwise `LANGUAGE`'s list comes first. Windows and macOS: the user's
/// UI languages (`sys-locale`).
pub fn system_locales() -> Vec<String> {
    if cfg!(unix) && !cfg!(target_os = "macos") {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        let main = var("LC_ALL")
            .or_else(|| var("LC_MESSAGES"))
            .or_else(|| var("LANG"));
        return match main {
            Some(m) if m == "C" || m == "POSIX" || m.starts_with("C.") => vec![m],
            _ => {
                let mut v: Vec<String> = var("LANGUAGE")
                    .map(|l| l.split(':').map(String::from).collect())
                    .unwrap_or_default();
                v.extend(main);
                v
            }
        };
    }
    sys_locale::get_locales().collect()
}

/// The language for this run from the command line and the environment, before
/// clap parses anything (so `--help` is already in it). An invalid `--lang` is
/// left to clap, which reports it as a usage error.
pub fn from_args_and_env<I, S>(args: I) -> Lang
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let env = std::env::var(ENV_VAR).ok();
    choose(flag_in_args(args), env.as_deref(), &system_locales())
}

/// The value of the last valid `--lang X` / `--lang=X` before `--` (argv[0] skipped).
pub fn flag_in_args<I, S>(args: I) -> Option<Lang>
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    let mut flag = None;
    let mut args = args.into_iter().skip(1);
    while let Some(a) = args.next() {
        let a = a.as_ref().to_string_lossy().into_owned();
        if a == "--" {
            break;
        }
        if a == "--lang" {
            flag = args
                .next()
                .and_then(|v| Lang::from_code(&v.as_ref().to_string_lossy()));
        } else if let Some(v) = a.strip_prefix("--lang=") {
            flag = Lang::from_code(v);
        }
    }
    flag
}

/// A message in the current language, with its variables.
pub fn tr(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    tr_in(current(), id, args)
}

/// A message in `lang` (English when `lang` lacks it; the id itself when no
/// language has it, so a typo shows instead of vanishing).
pub fn tr_in(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args = (!args.is_empty()).then(|| {
        let mut map = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            map.set(Cow::Borrowed(*k), v.clone());
        }
        map
    });
    lookup(lang, id, args.as_ref())
        .or_else(|| lookup(Lang::En, id, args.as_ref()))
        .unwrap_or_else(|| id.to_string())
}

/// Whether a message id exists in English (the reference).
pub fn has(id: &str) -> bool {
    bundle(Lang::En).has_message(id)
}

/// `id` translated when it is a message id, else the text as given (for
/// values that may be either, such as an I/O error's operation).
pub fn tr_or_text(id: &str) -> String {
    if has(id) {
        tr(id, &[])
    } else {
        id.to_string()
    }
}

/// A value for a Fluent variable: strings, numbers and paths.
pub fn arg<T: IntoArg>(v: T) -> FluentValue<'static> {
    v.into_arg()
}

pub trait IntoArg {
    fn into_arg(self) -> FluentValue<'static>;
}

impl IntoArg for String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self))
    }
}
impl IntoArg for &String {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.clone()))
    }
}
impl IntoArg for &str {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}
impl IntoArg for &std::path::Path {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.display().to_string()))
    }
}
impl IntoArg for &std::path::PathBuf {
    fn into_arg(self) -> FluentValue<'static> {
        self.as_path().into_arg()
    }
}
impl IntoArg for std::path::Display<'_> {
    fn into_arg(self) -> FluentValue<'static> {
        FluentValue::String(Cow::Owned(self.to_string()))
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl IntoArg for $t {
            fn into_arg(self) -> FluentValue<'static> {
                FluentValue::from(self)
            }
        }
    )*};
}
number_arg!(u8, u16, u32, u64, usize, i32, i64, f64);

/// `t!("id")` or `t!("id", name = value, ...)`: the message in the current
/// language. Values are strings, numbers or paths (see [`IntoArg`]).
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id, &[])
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr(
            $id,
            &[$((stringify!($name), $crate::i18n::arg($value))),+],
        )
    };
}

/// Columns `s` takes in a terminal (a wide character counts two).
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// `s` padded with spaces to `w` display columns (left-aligned).
pub fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    out.extend(std::iter::repeat_n(' ', w.saturating_sub(width(s))));
    out
}

/// `s` padded on the left to `w` display columns (right-aligned).
pub fn pad_left(s: &str, w: usize) -> String {
    let mut out: String = std::iter::repeat_n(' ', w.saturating_sub(width(s))).collect();
    out.push_str(s);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_match_wins() {
        let sys = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            choose(Some(Lang::Vi), Some("ja"), &sys(&["ja_JP.UTF-8"])),
            Lang::Vi
        );
        assert_eq!(choose(None, Some("ja"), &sys(&["vi_VN"])), Lang::Ja);
        assert_eq!(choose(None, Some("ja_JP.UTF-8"), &[]), Lang::Ja);
        assert_eq!(choose(None, Some("klingon"), &sys(&["vi-VN"])), Lang::Vi);
        assert_eq!(choose(None, None, &sys(&["fr_FR.UTF-8", "ja"])), Lang::Ja);
        assert_eq!(choose(None, None, &sys(&["fr_FR.UTF-8"])), Lang::En);
        assert_eq!(choose(None, None, &sys(&["C"])), Lang::En);
        assert_eq!(choose(None, None, &[]), Lang::En);
    }

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("ja_JP.UTF-8"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("JA-jp"), Some(Lang::Ja));
        assert_eq!(Lang::from_locale("vi_VN@x"), Some(Lang::Vi));
        assert_eq!(Lang::from_locale("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_locale("POSIX"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de_DE"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn flag_read_before_parsing() {
        let l = |v: &[&str]| flag_in_args(std::iter::once("metabase-fix").chain(v.iter().copied()));
        assert_eq!(l(&["--lang", "ja", "show"]), Some(Lang::Ja));
        assert_eq!(l(&["show", "--lang=vi"]), Some(Lang::Vi));
        assert_eq!(l(&["--lang", "xx"]), None);
        assert_eq!(l(&["explain", "--", "--lang", "ja"]), None);
    }

    #[test]
    fn lookups_fall_back_and_take_variables() {
        assert_eq!(
            tr_in(Lang::En, "no-such-message-id", &[]),
            "no-such-message-id"
        );
        let en = tr_in(Lang::En, "label-warning", &[]);
        assert_eq!(en, "warning");
        assert_ne!(tr_in(Lang::Ja, "label-warning", &[]), en);
    }

    #[test]
    fn display_width() {
        assert_eq!(width("ID"), 2);
        assert_eq!(width("時刻"), 4);
        assert_eq!(width("Thời gian"), 9);
        assert_eq!(pad("時刻", 6), "時刻  ");
        assert_eq!(pad_left("12", 4), "  12");
    }
}
