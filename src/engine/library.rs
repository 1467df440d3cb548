//! Finding and loading scenarios: the built-in ones, plus any in `--scenarios DIR`.
//!
//! Loading never stops at a bad file: the good scenarios still load, and each
//! file that was skipped is kept with a plain reason, so the start screen can say
//! so and `hangup check` can say exactly where.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::catalogue::Catalogue;
use super::model::Scenario;
use super::text::bad_char;
use super::translate::{Kind as TextKind, Overlay, builtin_translation, in_language};
use super::validate::{Diagnostic, MAX_FILE_BYTES, validate_source};
use crate::i18n::Language;

include!(concat!(env!("OUT_DIR"), "/builtin_scenarios.rs"));

/// A file that could not be used, and why, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

/// Everything the program can play.
#[derive(Debug, Clone)]
pub struct Library {
    pub catalogue: Catalogue,
    /// Sorted by title order as authored: built-ins first, then extra files, by id.
    pub scenarios: Vec<Scenario>,
    pub skipped: Vec<Skipped>,
}

/// Parse one file's text into a scenario, or every problem found.
/// `bytes` may be anything: too big, not UTF-8, not TOML.
pub fn parse_scenario(bytes: &[u8], catalogue: &Catalogue) -> Result<Scenario, Vec<Diagnostic>> {
    let (scenario, problems) = check_scenario(bytes, catalogue);
    match scenario {
        Some(s) if !problems.iter().any(Diagnostic::is_error) => Ok(s),
        _ => Err(problems),
    }
}

/// At most this many syntax errors (or bad characters) are listed per file; the
/// rest are counted, so a binary file gives a short report, not a flood.
pub const MAX_LISTED: usize = 50;

/// Check one file's bytes: every problem (errors and warnings), plus the scenario
/// when the file had the right shape (it may still have errors; see `parse_scenario`).
/// Never panics, whatever `bytes` holds.
pub fn check_scenario(bytes: &[u8], catalogue: &Catalogue) -> (Option<Scenario>, Vec<Diagnostic>) {
    if bytes.len() > MAX_FILE_BYTES {
        return (
            None,
            vec![
                Diagnostic::error(
                    "H0105",
                    format!(
                        "the file is {} KiB; a scenario file can be at most {} KiB",
                        bytes.len().div_ceil(1024),
                        MAX_FILE_BYTES / 1024
                    ),
                    None,
                )
                .with_hint("split it into several scenarios, or remove what is not needed"),
            ],
        );
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            let len = e.error_len().unwrap_or(1);
            return (
                None,
                vec![
                    Diagnostic::error(
                        "H0106",
                        "the file is not plain UTF-8 text",
                        Some(at..at + len),
                    )
                    .with_hint("save it as UTF-8 in your text editor"),
                ],
            );
        }
    };
    // Old Mac line endings (a carriage return alone): to TOML the whole file is
    // one line, which would bring a flood of errors all "on line 1". Say so once.
    if !text.contains('\n')
        && let Some(at) = text.find('\r')
    {
        return (
            None,
            vec![
                Diagnostic::error(
                    "H0109",
                    "the lines end with a carriage return only (old Mac style), so the file reads as one long line",
                    Some(at..at + 1),
                )
                .with_hint("in your text editor, save it with Unix (LF) or Windows (CRLF) line endings"),
            ],
        );
    }
    let mut problems = Vec::new();
    // Characters that could drive a terminal are reported where they are, then
    // blanked (same byte length, so every later span still points at the file).
    let cleaned = blank_bad_chars(text, &mut problems);
    let text: &str = cleaned.as_deref().unwrap_or(text);

    let (doc, errors) = toml::de::DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        let mut syntax: Vec<Diagnostic> = errors.iter().map(syntax_error).collect();
        syntax.sort_by_key(|d| d.span.as_ref().map_or((0, 0), |r| (r.start, r.end)));
        syntax.dedup_by(|a, b| a.span == b.span && a.message == b.message);
        let total = syntax.len();
        syntax.truncate(MAX_LISTED);
        problems.extend(syntax);
        if total > MAX_LISTED {
            problems.push(Diagnostic::error(
                "H0101",
                format!("and {} more syntax errors", total - MAX_LISTED),
                None,
            ));
        }
        return (None, problems);
    }
    let shape = super::structure::check_document(&doc);
    if !shape.is_empty() {
        problems.extend(shape);
        return (None, problems);
    }
    let scenario: Scenario =
        match serde::Deserialize::deserialize(toml::de::Deserializer::from(doc)) {
            Ok(s) => s,
            Err(e) => {
                problems.push(toml_error(&e));
                return (None, problems);
            }
        };
    problems.extend(validate_source(&scenario, catalogue, Some(text)));
    (Some(scenario), problems)
}

/// Report every character that must not reach a terminal, and return the text with
/// each replaced by spaces (or `None` when there were none).
fn blank_bad_chars(text: &str, out: &mut Vec<Diagnostic>) -> Option<String> {
    let mut cleaned: Option<String> = None;
    let mut found = 0usize;
    for (i, c) in text.char_indices() {
        let allowed = c == '\t' || c == '\r' || (c == '\u{feff}' && i == 0);
        let Some(why) = bad_char(c).filter(|_| !allowed) else {
            continue;
        };
        found += 1;
        if found <= MAX_LISTED {
            out.push(
                Diagnostic::error(
                    "H0406",
                    format!(
                        "this line contains {} (U+{:04X}), which could change the learner's screen",
                        why.describe(),
                        c as u32
                    ),
                    Some(i..i + c.len_utf8()),
                )
                .with_hint("delete it; write plain text only"),
            );
        }
        let s = cleaned.get_or_insert_with(|| text.to_string());
        s.replace_range(i..i + c.len_utf8(), &" ".repeat(c.len_utf8()));
    }
    if found > MAX_LISTED {
        out.push(Diagnostic::error(
            "H0406",
            format!("and {} more characters like these", found - MAX_LISTED),
            None,
        ));
    }
    cleaned
}

fn syntax_error(e: &toml::de::Error) -> Diagnostic {
    let msg = e.message().trim();
    let hint = if msg.contains("string values must be quoted") {
        Some("put text in double quotes, e.g. says = \"Hello\"")
    } else if msg.contains("unclosed") || msg.contains("missing comma") {
        Some("check for a missing `]`, `}`, `\"` or `,` just before here")
    } else if msg.contains("duplicate key") {
        Some("each key can be written once per table")
    } else {
        None
    };
    let d = Diagnostic::error("H0101", format!("TOML syntax: {msg}"), e.span());
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// Turn a TOML/serde error into a diagnostic with a code that says what kind it is.
pub fn toml_error(e: &toml::de::Error) -> Diagnostic {
    let msg = e.message().trim().to_string();
    let code = if msg.starts_with("unknown field") {
        "H0102"
    } else if msg.starts_with("missing field") {
        "H0104"
    } else if msg.starts_with("invalid type") || msg.starts_with("unknown variant") {
        "H0103"
    } else {
        "H0101"
    };
    Diagnostic::error(code, msg, e.span())
}

/// The first error as one line, for the start screen's "skipped" note.
pub fn summary(problems: &[Diagnostic]) -> String {
    let first = problems
        .iter()
        .find(|d| d.is_error())
        .or(problems.first())
        .map_or_else(|| "it could not be read".to_string(), |d| d.message.clone());
    let more = problems.iter().filter(|d| d.is_error()).count();
    if more > 1 {
        format!("{first} (and {} more problems)", more - 1)
    } else {
        first
    }
}

/// The `.toml` scenario files in a folder (not the catalogues), sorted by name.
pub fn scenario_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter(|p| !is_catalogue_file(p))
        .collect();
    files.sort();
    Ok(files)
}

pub fn is_catalogue_file(p: &Path) -> bool {
    matches!(
        p.file_name().and_then(|n| n.to_str()),
        Some("red-flags.toml" | "advice.toml")
    )
}

impl Library {
    /// Only the scenarios built into the program.
    pub fn builtin() -> Self {
        Self::load(None)
    }

    /// The built-in scenarios plus those in `extra` (same id: the file wins),
    /// in the current language (see `crate::i18n`).
    pub fn load(extra: Option<&Path>) -> Self {
        Self::load_in(extra, crate::i18n::current())
    }

    /// The library in `language`. In a language other than English, only
    /// the calls translated into it are there (`scenarios/<language>/`,
    /// and `<language>/` inside `extra`); the catalogues always are, in
    /// English where their translation is missing.
    pub fn load_in(extra: Option<&Path>, language: Language) -> Self {
        let mut skipped = Vec::new();
        let catalogue = extra
            .and_then(|dir| load_catalogue(dir, language, &mut skipped))
            .unwrap_or_else(|| Catalogue::builtin_in(language));

        let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
        let mut scenarios: Vec<Scenario> = Vec::new();
        let mut add = |s: Scenario, scenarios: &mut Vec<Scenario>| {
            let id = s.id.get_ref().clone();
            match by_id.get(&id) {
                Some(&i) => scenarios[i] = s,
                None => {
                    by_id.insert(id, scenarios.len());
                    scenarios.push(s);
                }
            }
        };
        for (name, english) in BUILTIN_SCENARIOS {
            let translation = builtin_translation(&format!("scenarios/{name}"), language);
            let Some(text) = in_language(TextKind::Scenario, english, translation, language) else {
                continue;
            };
            match parse_scenario(text.as_bytes(), &catalogue) {
                Ok(s) => add(s, &mut scenarios),
                Err(p) => skipped.push(Skipped {
                    path: format!("built-in {name}"),
                    reason: summary(&p),
                }),
            }
        }
        if let Some(dir) = extra {
            match scenario_files(dir) {
                Ok(files) => {
                    for path in files {
                        let Some(read) = read_in(&path, language) else {
                            continue;
                        };
                        match read {
                            Ok(bytes) => match parse_scenario(&bytes, &catalogue) {
                                Ok(s) => add(s, &mut scenarios),
                                Err(p) => skipped.push(Skipped {
                                    path: path.display().to_string(),
                                    reason: summary(&p),
                                }),
                            },
                            Err(e) => skipped.push(Skipped {
                                path: path.display().to_string(),
                                reason: format!("it could not be opened ({e})"),
                            }),
                        }
                    }
                }
                Err(e) => skipped.push(Skipped {
                    path: dir.display().to_string(),
                    reason: format!("the folder could not be opened ({e})"),
                }),
            }
        }
        Self {
            catalogue,
            scenarios,
            skipped,
        }
    }

    pub fn get(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id.get_ref() == id)
    }

    /// Look a scenario up by id, or load it from a file path.
    pub fn find_or_load(&self, id_or_path: &str) -> Result<Scenario, String> {
        if let Some(s) = self.get(id_or_path) {
            return Ok(s.clone());
        }
        let path = Path::new(id_or_path);
        if path.is_file() {
            let bytes = std::fs::read(path)
                .map_err(|e| format!("{}: could not be opened ({e})", path.display()))?;
            return parse_scenario(&bytes, &self.catalogue).map_err(|p| {
                format!(
                    "{}: {}. Run `hangup check {}` for details.",
                    path.display(),
                    summary(&p),
                    path.display()
                )
            });
        }
        let ids: Vec<&str> = self
            .scenarios
            .iter()
            .map(|s| s.id.get_ref().as_str())
            .collect();
        let hint = super::validate::closest(id_or_path, ids.iter().copied())
            .map(|c| format!(" Did you mean \"{c}\"?"))
            .unwrap_or_default();
        Err(format!(
            "There is no scenario called \"{id_or_path}\".{hint} Run `hangup list` to see them all."
        ))
    }
}

/// A scenario file's bytes in `language`: the file itself in English; with
/// its translation (`<folder>/<language>/<name>`) put in place otherwise.
/// `None` when there is no such translation.
fn read_in(path: &Path, language: Language) -> Option<std::io::Result<Vec<u8>>> {
    if language.is_english() {
        return Some(std::fs::read(path));
    }
    let name = path.file_name()?;
    let tr_path = path.parent()?.join(language.code()).join(name);
    if !tr_path.is_file() {
        return None;
    }
    Some(std::fs::read(path).and_then(|english| {
        let translation = std::fs::read_to_string(&tr_path)?;
        Ok(match std::str::from_utf8(&english) {
            Ok(e) => super::translate::apply(TextKind::Scenario, e, &Overlay::parse(&translation))
                .into_bytes(),
            // Not text: the usual loader says so.
            Err(_) => english,
        })
    }))
}

/// The catalogues a folder's scenarios use (its own `red-flags.toml` / `advice.toml`,
/// or the built-in ones), and any problem that made the folder's own unusable.
pub fn folder_catalogue(dir: &Path) -> (Catalogue, Vec<Skipped>) {
    let mut skipped = Vec::new();
    let catalogue =
        load_catalogue(dir, Language::EnGb, &mut skipped).unwrap_or_else(Catalogue::builtin);
    (catalogue, skipped)
}

/// A folder may carry its own catalogues; a broken one is reported and the built-in used.
/// In another language, `<dir>/<language>/red-flags.toml` (and advice) translate them.
fn load_catalogue(dir: &Path, language: Language, skipped: &mut Vec<Skipped>) -> Option<Catalogue> {
    let flags_path = dir.join("red-flags.toml");
    let advice_path = dir.join("advice.toml");
    if !flags_path.exists() && !advice_path.exists() {
        return None;
    }
    let read = |p: &Path, builtin: &str| -> Result<String, String> {
        if p.exists() {
            std::fs::read_to_string(p).map_err(|e| format!("it could not be read ({e})"))
        } else {
            Ok(builtin.to_string())
        }
    };
    let translated = |english: Result<String, String>, name: &str| {
        let english = english?;
        let tr = std::fs::read_to_string(dir.join(language.code()).join(name)).ok();
        Ok::<String, String>(
            in_language(TextKind::of_file(name), &english, tr.as_deref(), language)
                .unwrap_or(english),
        )
    };
    let flags = translated(
        read(&flags_path, super::catalogue::BUILTIN_RED_FLAGS),
        "red-flags.toml",
    );
    let advice = translated(
        read(&advice_path, super::catalogue::BUILTIN_ADVICE),
        "advice.toml",
    );
    match (flags, advice) {
        (Ok(f), Ok(a)) => match Catalogue::parse(&f, &a, &dir.display().to_string()) {
            Ok(c) => Some(c),
            Err(e) => {
                skipped.push(Skipped {
                    path: dir.display().to_string(),
                    reason: format!("its catalogue was not used: {e}"),
                });
                None
            }
        },
        (Err(e), _) | (_, Err(e)) => {
            skipped.push(Skipped {
                path: dir.display().to_string(),
                reason: format!("its catalogue was not used: {e}"),
            });
            None
        }
    }
}
