//! Scenarios, catalogues and the quick check in more than one language,
//! written once.
//!
//! The English file holds everything: ids, choices, where each leads, tricks,
//! verdicts. A translation is a small TOML file in a folder named after the
//! language, beside the English (`scenarios/cy/amazon-refund.toml`,
//! `assets/catalogue/cy/red-flags.toml`, `assets/cy/quick-check.toml`). It
//! holds only words, each under the same key as the English text it
//! translates, with a short hash of that English (`from`):
//!
//! ```toml
//! title = { from = "3f2a9c1b", text = "Galwad gan yr heddlu" }
//!
//! [step.robot]                       # the step with id = "robot"
//! says = { from = "0c1d2e3f", text = "Neges gan Amazon yw hon..." }
//! choice.1.text = { from = "...", text = "Pwyso 1..." }   # its first choice
//!
//! [ending.safe]
//! happened = [{ from = "...", text = "..." }, { from = "...", text = "..." }]
//! ```
//!
//! Keys are built the same way for every file: a table in a list is named by
//! its `id` when it has one, else by its place (1, 2, ...); a list of texts
//! by place. So a new text field, or a new kind of step, needs one word in
//! [`Kind::is_text`], not a new translation format.
//!
//! A translated file is made by putting each current translation in place of
//! its English in the English file's own text, and then loading that with the
//! usual loader, so it is checked and cleaned exactly like the English. A
//! translation whose English changed since (its `from` no longer matches), or
//! whose `{placeholders}` differ, is not used: the English shows instead, and
//! `hangup check` says which and where.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::text::bad_char;
use super::validate::Diagnostic;
use crate::i18n::Language;

include!(concat!(env!("OUT_DIR"), "/builtin_translations.rs"));

/// The built-in translation of a built-in English file ("scenarios/police-courier.toml",
/// "assets/catalogue/advice.toml", "assets/quick-check.toml") into `language`, if there is one.
pub fn builtin_translation(english_file: &str, language: Language) -> Option<&'static str> {
    BUILTIN_TRANSLATIONS
        .iter()
        .find(|(e, l, _)| *e == english_file && *l == language.code())
        .map(|(_, _, t)| *t)
}

/// The English file's text in `language`: the English itself for English
/// (and the pseudo-locale), or with the translation put in place. `None`
/// when there is no translation into `language`.
pub fn in_language(
    kind: Kind,
    english: &str,
    translation: Option<&str>,
    language: Language,
) -> Option<String> {
    if language.is_english() {
        return Some(english.to_string());
    }
    translation.map(|t| apply(kind, english, &Overlay::parse(t)))
}

/// A built-in English file in `language`, falling back to the English when
/// there is no translation (for catalogues and the quick check, which must
/// always be there).
pub fn builtin_in(english_file: &str, english: &str, language: Language) -> String {
    let name = english_file.rsplit('/').next().unwrap_or(english_file);
    in_language(
        Kind::of_file(name),
        english,
        builtin_translation(english_file, language),
        language,
    )
    .unwrap_or_else(|| english.to_string())
}

/// What kind of file is translated: which of its strings are words to translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A scenario file (`scenarios/*.toml`).
    Scenario,
    /// The red-flag catalogue (`red-flags.toml`).
    RedFlags,
    /// The advice catalogue (`advice.toml`).
    Advice,
    /// The quick check (`quick-check.toml`).
    QuickCheck,
}

impl Kind {
    /// The kind of translatable file for an English file name.
    pub fn of_file(name: &str) -> Kind {
        match name {
            "red-flags.toml" => Kind::RedFlags,
            "advice.toml" => Kind::Advice,
            "quick-check.toml" => Kind::QuickCheck,
            _ => Kind::Scenario,
        }
    }

    /// Is the string at `field` (inside `path`) words a learner or volunteer
    /// reads? Ids, references, numbers, verdicts and sources are not.
    pub fn is_text(self, path: &[String], field: &str) -> bool {
        match self {
            Kind::Scenario => {
                matches!(
                    field,
                    "title"
                        | "summary"
                        | "says"
                        | "narration"
                        | "thought"
                        | "message"
                        | "scene"
                        | "who"
                        | "notes"
                        | "text"
                        | "feedback"
                        | "recap"
                        | "happened"
                        | "question"
                        | "explain"
                        | "name"
                        | "organisation"
                        | "line"
                        | "lines"
                        | "time"
                        | "sender"
                ) || (field == "when" && path == ["source"])
            }
            Kind::RedFlags => matches!(field, "name" | "explain"),
            Kind::Advice => matches!(field, "name" | "what" | "text"),
            Kind::QuickCheck => matches!(field, "who" | "says" | "explain"),
        }
    }

    /// Tables whose every string is words (variants, per-region wording).
    fn is_text_table(self, field: &str) -> bool {
        match self {
            Kind::Scenario => field == "variants",
            Kind::Advice => field == "regions",
            _ => false,
        }
    }
}

/// One English text to translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    /// e.g. "step.robot.choice.2.feedback".
    pub key: String,
    /// The English text itself, as written in the English file.
    pub text: String,
    /// Where the string is in the English file (with its quotes).
    pub span: Range<usize>,
}

/// One translated text, as written in a translation file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The key of the English text it replaces, e.g. "step.robot.choice.2.feedback" (see the module docs).
    pub key: String,
    /// The hash of the English it was translated from (empty if not given).
    pub from: String,
    /// The translated words.
    pub text: String,
    /// Where the entry is (its `{ ... }`), and where its `from` and `text` are.
    pub span: Range<usize>,
    /// Byte range of the `from` value in the translation file, if given.
    pub from_span: Option<Range<usize>>,
    /// Byte range of the `text` value in the translation file, if given.
    pub text_span: Option<Range<usize>>,
}

/// A short, stable hash of an English text (8 hex digits, FNV-1a), kept
/// beside each translation so a change to the English shows.
pub fn short_hash(text: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in text.as_bytes() {
        h ^= u32::from(*b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Every text to translate in an English file, in file order. A file that is
/// not TOML has none (the usual checker reports it).
pub fn source_texts(kind: Kind, english: &str) -> Vec<SourceText> {
    let (doc, _) = DeTable::parse_recoverable(english);
    let mut out = Vec::new();
    walk_source(kind, doc.get_ref(), &mut Vec::new(), false, &mut out);
    out.sort_by_key(|t| t.span.start);
    out
}

fn walk_source(
    kind: Kind,
    table: &DeTable<'_>,
    path: &mut Vec<String>,
    all_text: bool,
    out: &mut Vec<SourceText>,
) {
    for (k, v) in table {
        let field = k.get_ref().as_ref();
        let text = all_text || kind.is_text(path, field);
        path.push(field.to_string());
        walk_value(
            kind,
            v,
            path,
            text,
            all_text || kind.is_text_table(field),
            out,
        );
        path.pop();
    }
}

fn walk_value(
    kind: Kind,
    v: &Spanned<DeValue<'_>>,
    path: &mut Vec<String>,
    text: bool,
    all_text: bool,
    out: &mut Vec<SourceText>,
) {
    match v.get_ref() {
        DeValue::String(s) if text && has_words(s) => out.push(SourceText {
            key: path.join("."),
            text: s.to_string(),
            span: v.span(),
        }),
        DeValue::Table(t) => walk_source(kind, t, path, all_text, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let seg = match item.get_ref() {
                    DeValue::Table(t) => table_id(t).unwrap_or_else(|| (i + 1).to_string()),
                    _ => (i + 1).to_string(),
                };
                path.push(seg);
                walk_value(kind, item, path, text, all_text, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn table_id(t: &DeTable<'_>) -> Option<String> {
    t.iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => None,
        })
}

/// Does a text hold words (not just a placeholder like "{agent}", or "£79.99")?
pub fn has_words(s: &str) -> bool {
    let mut depth = 0;
    for c in s.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth = 0,
            c if depth == 0 && c.is_alphabetic() => return true,
            _ => {}
        }
    }
    false
}

/// The `{placeholders}` a text uses.
pub fn placeholders(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                out.insert(after[..close].trim().to_string());
                rest = &after[close + 1..];
            }
            None => break,
        }
    }
    out
}

/// A translation file, read: its entries, and what was wrongly written.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    /// Every translated text, in file order.
    pub entries: Vec<Entry>,
    /// What is wrongly written (TOML syntax, a key other than `from` and `text`, a value not written as a translation), in file order.
    pub problems: Vec<Diagnostic>,
}

impl Overlay {
    /// Read a translation file's text. Never panics.
    pub fn parse(text: &str) -> Overlay {
        let mut o = Overlay::default();
        let (doc, errors) = DeTable::parse_recoverable(text);
        if let Some(e) = errors.first() {
            o.problems.push(
                Diagnostic::error(
                    "H0807",
                    format!("TOML syntax: {}", e.message().trim()),
                    e.span(),
                )
                .with_hint("a translation is written key = { from = \"...\", text = \"...\" }"),
            );
            return o;
        }
        walk_overlay(doc.get_ref(), &mut Vec::new(), &mut o);
        // Tables do not keep file order: put it back, so reports read top to bottom.
        o.entries.sort_by_key(|e| e.span.start);
        o.problems
            .sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        o
    }

    /// The entry for an English text's key, e.g. "title", if the translation has one.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key)
    }
}

fn walk_overlay(table: &DeTable<'_>, path: &mut Vec<String>, o: &mut Overlay) {
    for (k, v) in table {
        path.push(k.get_ref().to_string());
        overlay_value(v, path, o);
        path.pop();
    }
}

fn overlay_value(v: &Spanned<DeValue<'_>>, path: &mut Vec<String>, o: &mut Overlay) {
    match v.get_ref() {
        // A translation: has a `from`, or a `text` that is not itself a
        // table (a field called "text", like a choice's, is a table of one).
        DeValue::Table(t)
            if t.iter().any(|(k, v)| {
                k.get_ref() == "from"
                    || (k.get_ref() == "text" && !matches!(v.get_ref(), DeValue::Table(_)))
            }) =>
        {
            let field = |name: &str| {
                t.iter()
                    .find(|(k, _)| k.get_ref() == name)
                    .map(|(_, v)| match v.get_ref() {
                        DeValue::String(s) => (Some(s.to_string()), v.span()),
                        _ => (None, v.span()),
                    })
            };
            let (text, text_span) = field("text").unwrap_or((None, v.span()));
            let from = field("from");
            let Some(text) = text else {
                o.problems.push(
                    Diagnostic::error("H0806", "`text` must be words in quotes", Some(text_span))
                        .with_hint("write text = \"...\""),
                );
                return;
            };
            if let Some((k, _)) = t
                .iter()
                .find(|(k, _)| !matches!(k.get_ref().as_ref(), "text" | "from"))
            {
                o.problems.push(
                    Diagnostic::error(
                        "H0806",
                        format!("\"{}\" is not part of a translation", k.get_ref()),
                        Some(k.span()),
                    )
                    .with_hint("a translation has only `from` and `text`"),
                );
            }
            o.entries.push(Entry {
                key: path.join("."),
                from: from.as_ref().and_then(|f| f.0.clone()).unwrap_or_default(),
                text,
                span: v.span(),
                from_span: from.map(|f| f.1),
                text_span: Some(text_span),
            });
        }
        DeValue::Table(t) => walk_overlay(t, path, o),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push((i + 1).to_string());
                overlay_value(item, path, o);
                path.pop();
            }
        }
        _ => o.problems.push(
            Diagnostic::error(
                "H0806",
                format!("\"{}\" is not written as a translation", path.join(".")),
                Some(v.span()),
            )
            .with_hint("write it as { from = \"<hash of the English>\", text = \"...\" }"),
        ),
    }
}

/// Is this translation usable for this English text: translated from this
/// very English, with the same placeholders and some words?
fn usable(entry: &Entry, source: &SourceText) -> bool {
    entry.from == short_hash(&source.text)
        && placeholders(&entry.text) == placeholders(&source.text)
        && !entry.text.trim().is_empty()
}

/// The English file's text with every usable translation put in place of its
/// English, ready for the usual loader. Texts with no usable translation stay
/// English.
pub fn apply(kind: Kind, english: &str, overlay: &Overlay) -> String {
    apply_mapped(kind, english, overlay).0
}

/// [`apply`], and where each translation went in the result (with its key),
/// so a problem the loader finds there can be pointed at in the translation.
pub fn apply_mapped(
    kind: Kind,
    english: &str,
    overlay: &Overlay,
) -> (String, Vec<(Range<usize>, String)>) {
    let mut out = String::with_capacity(english.len() * 5 / 4);
    let mut placed = Vec::new();
    let mut at = 0;
    for t in source_texts(kind, english) {
        let Some(e) = overlay.get(&t.key).filter(|e| usable(e, &t)) else {
            continue;
        };
        let (Some(before), true) = (english.get(at..t.span.start), t.span.end <= english.len())
        else {
            continue;
        };
        out.push_str(before);
        let start = out.len();
        out.push_str(&toml_string(&e.text));
        placed.push((start..out.len(), t.key.clone()));
        at = t.span.end;
    }
    out.push_str(english.get(at..).unwrap_or(""));
    (out, placed)
}

/// A TOML basic string holding `s` exactly.
pub fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What `hangup check` found in one language's translation of one file.
#[derive(Debug, Clone, Default)]
pub struct Findings {
    /// In the translation file (spans into it).
    pub in_translation: Vec<Diagnostic>,
    /// Texts with no translation (spans into the English file).
    pub missing: Vec<Diagnostic>,
}

/// Compare a translation with its English. `strict` (a language asked for
/// with `--language`) makes missing and out-of-date texts errors, not warnings.
pub fn check(
    kind: Kind,
    english: &str,
    english_path: &str,
    translation: &str,
    translation_path: &str,
    language: &str,
    strict: bool,
) -> Findings {
    let gap = |code, msg: String, span| {
        if strict {
            Diagnostic::error(code, msg, span)
        } else {
            Diagnostic::warning(code, msg, span)
        }
    };
    let overlay = Overlay::parse(translation);
    let mut f = Findings {
        in_translation: overlay.problems.clone(),
        missing: Vec::new(),
    };
    let sources = source_texts(kind, english);
    let by_key: BTreeMap<&str, &SourceText> = sources.iter().map(|s| (s.key.as_str(), s)).collect();
    let mut seen = BTreeSet::new();
    for e in &overlay.entries {
        if !seen.insert(e.key.as_str()) {
            f.in_translation.push(
                Diagnostic::error(
                    "H0806",
                    format!("\"{}\" is translated twice", e.key),
                    Some(e.span.clone()),
                )
                .with_hint("keep one of them"),
            );
            continue;
        }
        let Some(src) = by_key.get(e.key.as_str()) else {
            let near = super::validate::closest(&e.key, sources.iter().map(|s| s.key.as_str()))
                .map(|c| format!("did you mean \"{c}\"?"))
                .unwrap_or_else(|| format!("remove it, or check the keys in {english_path}"));
            f.in_translation.push(
                Diagnostic::error(
                    "H0803",
                    format!(
                        "there is no English text \"{}\" in {english_path} to translate",
                        e.key
                    ),
                    Some(e.span.clone()),
                )
                .with_hint(near),
            );
            continue;
        };
        let hash = short_hash(&src.text);
        if e.text.trim().is_empty() {
            f.in_translation.push(
                Diagnostic::error(
                    "H0808",
                    format!("the {language} for \"{}\" is empty", e.key),
                    e.text_span.clone(),
                )
                .with_hint("write the words, or remove the line until they are ready"),
            );
        }
        if let Some((i, c)) = e.text.char_indices().find(|(_, c)| bad_char(*c).is_some()) {
            let at = e
                .text_span
                .as_ref()
                .map(|s| s.start + 1 + i..s.start + 1 + i + c.len_utf8());
            f.in_translation.push(
                Diagnostic::error(
                    "H0406",
                    format!("this text contains a character (U+{:04X}) that could change the learner's screen", c as u32),
                    at,
                )
                .with_hint("delete it; write plain text only"),
            );
        }
        if e.from != hash {
            let line = line_col(english, src.span.start);
            f.in_translation.push(
                gap(
                    "H0802",
                    format!(
                        "out of date: the English for \"{}\" ({english_path}:{}:{}) changed after this was translated",
                        e.key, line.0, line.1
                    ),
                    e.from_span.clone().or(Some(e.span.clone())),
                )
                .with_hint(format!(
                    "check the {language} against the English, then set from = \"{hash}\""
                )),
            );
        } else if !e.text.trim().is_empty() && placeholders(&e.text) != placeholders(&src.text) {
            let want: Vec<String> = placeholders(&src.text)
                .into_iter()
                .map(|p| format!("{{{p}}}"))
                .collect();
            f.in_translation.push(
                Diagnostic::error(
                    "H0804",
                    format!(
                        "the {language} for \"{}\" must use the same placeholders as the English: {}",
                        e.key,
                        if want.is_empty() { "none".to_string() } else { want.join(" ") }
                    ),
                    e.text_span.clone(),
                )
                .with_hint("placeholders are filled in when the call is played; keep their names in English"),
            );
        }
    }
    f.in_translation
        .sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    for s in &sources {
        if overlay.get(&s.key).is_none() {
            f.missing.push(
                gap(
                    "H0801",
                    format!(
                        "missing: \"{}\" has no {language} in {translation_path}",
                        s.key
                    ),
                    Some(s.span.clone()),
                )
                .with_hint(format!(
                    "add {} = {{ from = \"{}\", text = \"...\" }}",
                    s.key,
                    short_hash(&s.text)
                )),
            );
        }
    }
    f
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, at: usize) -> (usize, usize) {
    let at = at.min(text.len());
    let before = text.get(..at).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// A translation file to start from: every text of `english` with its hash
/// and the translation where `existing` has a current one. A text with no
/// current translation gets an empty `text` (which `hangup check` reports)
/// and the English in a comment above it. Keys are written flat, one a line.
pub fn template(kind: Kind, english: &str, existing: &Overlay) -> String {
    let mut out = String::new();
    for s in source_texts(kind, english) {
        let hash = short_hash(&s.text);
        let text = match existing.get(&s.key) {
            Some(e) if e.from == hash => e.text.clone(),
            other => {
                out.push_str(&format!("# English: {}\n", s.text.replace('\n', " ")));
                if let Some(e) = other {
                    out.push_str(&format!(
                        "# (English changed; it was translated as: {})\n",
                        e.text.replace('\n', " ")
                    ));
                }
                String::new()
            }
        };
        out.push_str(&format!(
            "{} = {{ from = \"{hash}\", text = {} }}\n",
            quote_key(&s.key),
            toml_string(&text)
        ));
    }
    out
}

/// A dotted key with each part quoted when it needs it.
fn quote_key(key: &str) -> String {
    key.split('.')
        .map(|p| {
            if !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                p.to_string()
            } else {
                toml_string(p)
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}
