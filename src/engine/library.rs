//! Finding and loading scenarios: the built-in ones, plus any in `--scenarios DIR`.
//!
//! Loading never stops at a bad file: the good scenarios still load, and each
//! file that was skipped is kept with a plain reason, so the start screen can say
//! so and `hangup check` can say exactly where.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::catalogue::Catalogue;
use super::model::Scenario;
use super::validate::{Diagnostic, MAX_FILE_BYTES, validate};

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
    if bytes.len() > MAX_FILE_BYTES {
        return Err(vec![Diagnostic::error(
            "H0105",
            format!(
                "the file is {} KiB; a scenario file can be at most {} KiB",
                bytes.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
            None,
        )]);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.valid_up_to();
            return Err(vec![
                Diagnostic::error(
                    "H0106",
                    "the file is not plain UTF-8 text",
                    Some(at..at + 1),
                )
                .with_hint("save it as UTF-8 in your text editor"),
            ]);
        }
    };
    let scenario: Scenario = toml::from_str(text).map_err(|e| vec![toml_error(&e)])?;
    let problems = validate(&scenario, catalogue);
    if problems.iter().any(Diagnostic::is_error) {
        Err(problems)
    } else {
        Ok(scenario)
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

    /// The built-in scenarios plus those in `extra` (same id: the file wins).
    pub fn load(extra: Option<&Path>) -> Self {
        let mut skipped = Vec::new();
        let catalogue = extra
            .and_then(|dir| load_catalogue(dir, &mut skipped))
            .unwrap_or_else(Catalogue::builtin);

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
        for (name, text) in BUILTIN_SCENARIOS {
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
                        match std::fs::read(&path) {
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

/// A folder may carry its own catalogues; a broken one is reported and the built-in used.
fn load_catalogue(dir: &Path, skipped: &mut Vec<Skipped>) -> Option<Catalogue> {
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
    let flags = read(&flags_path, super::catalogue::BUILTIN_RED_FLAGS);
    let advice = read(&advice_path, super::catalogue::BUILTIN_ADVICE);
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
