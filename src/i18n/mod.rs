//! Interface wording in every language, with [Project Fluent](https://projectfluent.org).
//!
//! The words live in `assets/locales/<language>/*.ftl` and are built into the
//! binary (see `build.rs`), so nothing is read from disk at run time:
//! `en-GB` is the source, `cy` is Welsh, and `en-XA` is a pseudo-locale made
//! from `en-GB` when the program starts (accented and about 30% longer), for
//! tests that prove no wording is hard-coded and that screens still fit.
//!
//! # Using it
//!
//! (Doc tests are off, see `Cargo.toml`: `tests/it/translations.rs` runs
//! this example as `the_i18n_doc_example_holds`.)
//!
//! ```ignore
//! use hangup::i18n::{self, Language};
//! use hangup::tr;
//!
//! assert_eq!(i18n::tr("month-3"), "March");
//! assert_eq!(tr!("calls-count", count = 2), "2 calls");
//! assert_eq!(Language::Cy.tr("month-3"), "Mawrth");
//! assert_eq!(Language::Cy.tr_args("calls-count", &[("count", 2.into())]), "2 alwad");
//! ```
//!
//! [`tr`] and the [`tr!`](crate::tr) macro use the current language (see
//! [`current`]); `Language::tr` uses the one you name. A message missing in
//! Welsh falls back to English; a message missing everywhere comes back as
//! its id, so a mistake shows on screen instead of stopping the program
//! (and the tests in tests/it/unit/i18n.rs catch it first).
//!
//! # Adding a message
//!
//! 1. Put it in an `assets/locales/en-GB/*.ftl` file (a new file is picked up
//!    by itself). Ids are lower-case words joined by `-`, starting with the
//!    screen or feature, e.g. `start-title`. A comment line (`#`) above it
//!    tells translators what the `{ $placeables }` hold.
//! 2. Use it: `tr("start-title")`, or `tr!("calls-count", count = n)` with
//!    arguments. Counts go in as numbers, so Fluent picks the plural form:
//!    `{ $count -> [one] ... *[other] ... }`. Never build a sentence out of
//!    pieces in code: word order differs between languages.
//! 3. Add the Welsh to the same-named file under `assets/locales/cy/`. If
//!    you cannot, `cargo test` fails on `every_english_message_is_in_welsh`
//!    until someone does; until then Welsh screens show the English.
//! 4. Text from files (scenario words, names) goes in as an argument and is
//!    never part of a message.
//!
//! Choosing the language: [`choose`] (the `--language` option, the kiosk's
//! `language` setting, then `LANGUAGE`, `LC_ALL`, `LC_MESSAGES` and `LANG`).

use std::borrow::Cow;
use std::cell::Cell;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU8, Ordering};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::FluentValue as Arg;

include!(concat!(env!("OUT_DIR"), "/builtin_locales.rs"));

/// A language hangup can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Language {
    /// British English: the source of all wording.
    #[default]
    EnGb,
    /// Welsh (Cymraeg).
    Cy,
    /// Pseudo-locale for tests: English, accented and about 30% longer.
    EnXa,
}

impl Language {
    /// Every language, English first.
    pub const ALL: [Language; 3] = [Language::EnGb, Language::Cy, Language::EnXa];
    /// The languages a visitor may choose (the pseudo-locale is for tests).
    pub const REAL: [Language; 2] = [Language::EnGb, Language::Cy];

    /// Its tag: "en-GB", "cy" or "en-XA" (also its folder under assets/locales).
    pub fn code(self) -> &'static str {
        match self {
            Language::EnGb => "en-GB",
            Language::Cy => "cy",
            Language::EnXa => "en-XA",
        }
    }

    /// Its name in English, for messages to authors ("Welsh").
    pub fn english_name(self) -> &'static str {
        match self {
            Language::EnGb => "English",
            Language::Cy => "Welsh",
            Language::EnXa => "pseudo-locale",
        }
    }

    /// Its name in its own words ("English", "Cymraeg").
    pub fn own_name(self) -> String {
        self.tr(&format!("language-name-{}", self.code()))
    }

    /// The language of a tag or a locale name: "cy", "cy_GB.UTF-8",
    /// "en-GB", "en_US", "en-XA". `None` for a language hangup does not
    /// have, and for "C" and "POSIX".
    pub fn parse(s: &str) -> Option<Language> {
        // "cy_GB.UTF-8@euro" -> "cy-gb"
        let base = s.split(['.', '@']).next().unwrap_or("").trim();
        let tag = base.replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-');
        match (parts.next(), parts.next()) {
            (Some("cy" | "cym" | "wel"), _) => Some(Language::Cy),
            (Some("en"), Some("xa")) => Some(Language::EnXa),
            (Some("en" | "eng"), _) => Some(Language::EnGb),
            _ => None,
        }
    }

    /// Is this the source language (or made from it)? Then there is no
    /// translation to load for scenarios and catalogues.
    pub fn is_english(self) -> bool {
        self != Language::Cy
    }

    /// The message `id` in this language, falling back to English, then to
    /// the id itself. `id` may name an attribute: "message.attribute".
    pub fn tr(self, id: &str) -> String {
        self.format(id, None)
    }

    /// The message `id` with arguments, e.g. `&[("count", 3.into())]`.
    pub fn tr_args(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fa = FluentArgs::with_capacity(args.len());
        for (k, v) in args {
            fa.set(*k, v.clone());
        }
        self.format(id, Some(&fa))
    }

    /// Does this language itself (not the fallback) have the message?
    pub fn has(self, id: &str) -> bool {
        let (msg, _) = split_id(id);
        bundle(self).get_message(msg).is_some()
    }

    fn format(self, id: &str, args: Option<&FluentArgs>) -> String {
        let (msg, attr) = split_id(id);
        for lang in [self, Language::EnGb] {
            let b = bundle(lang);
            let Some(m) = b.get_message(msg) else {
                continue;
            };
            let pattern = match attr {
                Some(a) => m.get_attribute(a).map(|a| a.value()),
                None => m.value(),
            };
            if let Some(p) = pattern {
                let mut errors = Vec::new();
                return b.format_pattern(p, args, &mut errors).into_owned();
            }
        }
        id.to_string()
    }

    /// A date the way a letter writes it, in this language: "1 March 2026",
    /// "1 Mawrth 2026". `days` counts from 1970-01-01.
    pub fn date_long(self, days: i64) -> String {
        let (y, m, d) = crate::dates::civil(days);
        self.tr_args(
            "date-long",
            &[
                ("day", Arg::from(d.to_string())),
                ("month", Arg::from(self.tr(&format!("month-{m}")))),
                ("year", Arg::from(y.to_string())),
            ],
        )
    }

    fn index(self) -> u8 {
        match self {
            Language::EnGb => 0,
            Language::Cy => 1,
            Language::EnXa => 2,
        }
    }

    fn from_index(i: u8) -> Language {
        match i {
            1 => Language::Cy,
            2 => Language::EnXa,
            _ => Language::EnGb,
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Language {
    type Err = crate::Error;
    /// For `--language` and the kiosk setting: a plain-words error naming the choices.
    fn from_str(s: &str) -> crate::Result<Self> {
        Language::parse(s).ok_or_else(|| crate::Error::UnknownLanguage(s.to_string()))
    }
}

fn split_id(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((m, a)) => (m, Some(a)),
        None => (id, None),
    }
}

// ---------------------------------------------------------------------------
// The current language.

/// The language for threads that have not chosen one (set once by `main`).
static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Language>> = const { Cell::new(None) };
}

/// The language `tr` uses on this thread: the one set on this thread with
/// [`set_current`], or else the process's (see [`set_process`]).
pub fn current() -> Language {
    THREAD
        .with(Cell::get)
        .unwrap_or_else(|| Language::from_index(PROCESS.load(Ordering::Relaxed)))
}

/// Speak `lang` on this thread from now on (e.g. a visitor chose Cymraeg on
/// the kiosk). Other threads, and tests running beside this one, are not touched.
pub fn set_current(lang: Language) {
    THREAD.with(|t| t.set(Some(lang)));
}

/// The language for the whole program, and for this thread: called once by
/// `main` after [`choose`]. Tests use [`set_current`] or [`with`] instead.
pub fn set_process(lang: Language) {
    PROCESS.store(lang.index(), Ordering::Relaxed);
    set_current(lang);
}

/// Run `f` with `lang` as this thread's language, then put the old one back.
pub fn with<T>(lang: Language, f: impl FnOnce() -> T) -> T {
    let old = THREAD.with(Cell::get);
    set_current(lang);
    let out = f();
    THREAD.with(|t| t.set(old));
    out
}

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    current().tr(id)
}

/// The message `id` in the current language, with arguments.
pub fn tr_args(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    current().tr_args(id, args)
}

/// A date in the current language: "1 March 2026".
pub fn date_long(days: i64) -> String {
    current().date_long(days)
}

/// `tr!("id")` or `tr!("id", name = value, count = n)`: the message in the
/// current language. Values are anything `fluent_bundle::FluentValue` can be
/// made from (numbers, `&str`, `String`).
#[macro_export]
macro_rules! tr {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

// ---------------------------------------------------------------------------
// Choosing the language.

/// Where the language came from, for messages and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// `--language` on the command line.
    Option,
    /// The kiosk settings file's `language`.
    Setting,
    /// The environment variable named (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES` or `LANG`).
    Environment(&'static str),
    /// Nothing asked for a language hangup has: English.
    Default,
}

/// The language to use: `--language` if given, else the kiosk's `language`
/// setting, else the environment (see [`from_env`]), else English.
/// An unknown `--language` or setting is an error in plain words;
/// an unknown language in the environment just means English.
pub fn choose(
    option: Option<&str>,
    setting: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> crate::Result<(Language, Source)> {
    if let Some(o) = option {
        return o.parse().map(|l| (l, Source::Option));
    }
    if let Some(s) = setting {
        return s.parse().map(|l| (l, Source::Setting));
    }
    Ok(
        from_env(env).map_or((Language::EnGb, Source::Default), |(l, v)| {
            (l, Source::Environment(v))
        }),
    )
}

/// The language the environment asks for, in gettext's order: the locale is
/// the first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set; unless it is
/// "C" or "POSIX", `LANGUAGE` (a list like "cy:en_GB") comes first. The first
/// language hangup has wins.
pub fn from_env(env: impl Fn(&str) -> Option<String>) -> Option<(Language, &'static str)> {
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|k| env(k).filter(|v| !v.is_empty()).map(|v| (k, v)));
    let c_locale = locale.as_ref().is_some_and(|(_, v)| {
        let base = v.split('.').next().unwrap_or("");
        base == "C" || base == "POSIX"
    });
    if !c_locale
        && let Some(list) = env("LANGUAGE")
        && let Some(l) = list.split(':').find_map(Language::parse)
    {
        return Some((l, "LANGUAGE"));
    }
    let (k, v) = locale?;
    Language::parse(&v).map(|l| (l, k))
}

/// The real environment, for [`choose`] and [`from_env`].
pub fn real_env(key: &str) -> Option<String> {
    std::env::var(key).ok()
}

// ---------------------------------------------------------------------------
// The bundles, built once.

struct Bundles {
    en: FluentBundle<FluentResource>,
    cy: FluentBundle<FluentResource>,
    xa: FluentBundle<FluentResource>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    en: build(Language::EnGb, "en-GB", None),
    cy: build(Language::Cy, "cy", None),
    xa: build(Language::EnXa, "en-GB", Some(pseudo)),
});

fn bundle(lang: Language) -> &'static FluentBundle<FluentResource> {
    match lang {
        Language::EnGb => &BUNDLES.en,
        Language::Cy => &BUNDLES.cy,
        Language::EnXa => &BUNDLES.xa,
    }
}

/// The pseudo-locale's transform: accents on every letter, vowels doubled.
/// Placeables (`{ $name }`) are not changed, only the message's own words.
pub fn pseudo(s: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(s, false, true)
}

fn build(
    lang: Language,
    folder: &str,
    transform: Option<fn(&str) -> Cow<'_, str>>,
) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut b = FluentBundle::new_concurrent(vec![id]);
    // No invisible Unicode isolation marks around arguments: terminals show them.
    b.set_use_isolating(false);
    b.set_transform(transform);
    for (_, _, text) in LOCALE_FILES.iter().filter(|(l, _, _)| *l == folder) {
        // A file with a mistake still gives its good messages (the tests
        // below name the mistake); a repeated id keeps the first.
        let res = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(res, _)| res);
        let _ = b.add_resource(res);
    }
    b
}

/// Every message id (with `.attribute` ids for attributes) in a language's
/// own files, with the file each is in. For the completeness tests and
/// `hangup check`.
pub fn message_ids(folder: &str) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for (_, file, text) in LOCALE_FILES.iter().filter(|(l, _, _)| *l == folder) {
        let res = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(res, _)| res);
        for entry in res.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                out.push((m.id.name.to_string(), *file));
                for a in &m.attributes {
                    out.push((format!("{}.{}", m.id.name, a.id.name), *file));
                }
            }
        }
    }
    out
}
