//! `hangup check` for translations: per language, the texts that are
//! missing, extra or out of date, each with its file, line and column
//! (codes H0801-H0809 in docs/authoring.md). The comparing itself is in
//! `engine::translate`; this finds the files.

use std::path::{Path, PathBuf};

use super::{FileReport, Report};
use crate::engine::catalogue::{BUILTIN_ADVICE, BUILTIN_RED_FLAGS};
use crate::engine::library::BUILTIN_SCENARIOS;
use crate::engine::translate::{self, BUILTIN_TRANSLATIONS, Kind};
use crate::engine::validate::{Diagnostic, MAX_FILE_BYTES};
use crate::i18n::Language;

/// The built-in English text for a built-in file name ("scenarios/x.toml",
/// "assets/catalogue/advice.toml", "assets/quick-check.toml").
fn builtin_english(file: &str) -> Option<&'static str> {
    match file {
        "assets/catalogue/red-flags.toml" => Some(BUILTIN_RED_FLAGS),
        "assets/catalogue/advice.toml" => Some(BUILTIN_ADVICE),
        "assets/quick-check.toml" => Some(crate::engine::quick_check::BUILTIN),
        _ => {
            let name = file.strip_prefix("scenarios/")?;
            BUILTIN_SCENARIOS
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| *t)
        }
    }
}

/// Does this language count: the one asked for, or (none asked for) every
/// language but the English ones?
fn wanted(folder: &str, only: Option<Language>) -> bool {
    match (Language::parse(folder), only) {
        (Some(l), Some(o)) => l == o,
        (Some(l), None) => !l.is_english(),
        (None, _) => false,
    }
}

/// The built-in translations, for `hangup check` with no files.
pub fn check_builtin_translations(only: Option<Language>) -> Report {
    let mut report = Report::default();
    for (english_file, lang, text) in BUILTIN_TRANSLATIONS {
        if !wanted(lang, only) {
            continue;
        }
        let name = english_file.rsplit('/').next().unwrap_or(english_file);
        let dir = english_file.rsplit_once('/').map_or("", |(d, _)| d);
        let path = format!("{dir}/{lang}/{name}");
        compare(
            &mut report,
            builtin_english(english_file).map(|e| (english_file.to_string(), e.to_string())),
            &path,
            text,
            lang,
            only.is_some(),
        );
    }
    report
}

/// The translations in language folders (`cy/`) inside the folders given.
pub fn check_folder_translations(paths: &[PathBuf], only: Option<Language>) -> Report {
    let mut report = Report::default();
    for p in paths.iter().filter(|p| p.is_dir()) {
        let Ok(entries) = std::fs::read_dir(p) else {
            continue;
        };
        let mut langs: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|d| d.is_dir())
            .filter(|d| {
                d.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| wanted(n, only))
            })
            .collect();
        langs.sort();
        for dir in langs {
            let lang = dir
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("")
                .to_string();
            for file in toml_files(&dir) {
                let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
                let english_path = p.join(name);
                let english = read_text(&english_path)
                    .map(|t| (english_path.display().to_string(), t))
                    .or_else(|| {
                        // A folder's own catalogue may be the built-in one.
                        let builtin = format!("assets/catalogue/{name}");
                        builtin_english(&builtin)
                            .filter(|_| Kind::of_file(name) != Kind::Scenario)
                            .map(|t| (builtin, t.to_string()))
                    });
                let text = read_text(&file).unwrap_or_default();
                compare(
                    &mut report,
                    english,
                    &file.display().to_string(),
                    &text,
                    &lang,
                    only.is_some(),
                );
            }
        }
    }
    report
}

fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "toml"))
        .collect();
    v.sort();
    v
}

fn read_text(path: &Path) -> Option<String> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(MAX_FILE_BYTES as u64)
        .read_to_end(&mut buf)
        .ok()?;
    String::from_utf8(buf).ok()
}

/// Compare one translation with its English, adding a file report for the
/// translation and, for missing texts, one for the English file.
fn compare(
    report: &mut Report,
    english: Option<(String, String)>,
    path: &str,
    text: &str,
    lang: &str,
    strict: bool,
) {
    let language =
        Language::parse(lang).map_or_else(|| lang.to_string(), |l| l.english_name().to_string());
    let Some((english_path, english)) = english else {
        report.files.push(FileReport {
            path: path.to_string(),
            source: text.as_bytes().to_vec(),
            diagnostics: vec![
                Diagnostic::error(
                    "H0809",
                    "this translation has no English file of the same name to translate",
                    Some(0..0),
                )
                .with_hint("name it like the English file it translates, in the folder above"),
            ],
            scenario_id: None,
        });
        return;
    };
    let name = english_path.rsplit('/').next().unwrap_or(&english_path);
    let found = translate::check(
        Kind::of_file(name),
        &english,
        &english_path,
        text,
        path,
        &language,
        strict,
    );
    let mut diagnostics = found.in_translation;
    if Kind::of_file(name) == Kind::Scenario {
        diagnostics.extend(translated_call_problems(&english, text, &language));
    }
    report.files.push(FileReport {
        path: path.to_string(),
        source: text.as_bytes().to_vec(),
        diagnostics,
        scenario_id: None,
    });
    if !found.missing.is_empty() {
        report.files.push(FileReport {
            path: english_path,
            source: english.into_bytes(),
            diagnostics: found.missing,
            scenario_id: None,
        });
    }
}

/// `hangup translate`: a translation file for `what` (a built-in call's id,
/// "red-flags", "advice", "quick-check", or an English file's path) into
/// `language`, keeping the current translations.
pub fn template_for(what: &str, language: Language) -> crate::Result<String> {
    let builtin = match what {
        "red-flags" | "advice" => Some(format!("assets/catalogue/{what}.toml")),
        "quick-check" => Some("assets/quick-check.toml".to_string()),
        id => BUILTIN_SCENARIOS
            .iter()
            .any(|(n, _)| n.strip_suffix(".toml") == Some(id))
            .then(|| format!("scenarios/{id}.toml")),
    };
    let (name, english, existing) = if let Some(file) = builtin {
        let english = builtin_english(&file).unwrap_or_default().to_string();
        let existing = translate::builtin_translation(&file, language).map(str::to_string);
        (file, english, existing)
    } else {
        let path = Path::new(what);
        let english =
            read_text(path).ok_or_else(|| crate::Error::NothingToTranslate(what.to_string()))?;
        let existing = path
            .parent()
            .zip(path.file_name())
            .and_then(|(d, n)| read_text(&d.join(language.code()).join(n)));
        (what.to_string(), english, existing)
    };
    let file_name = name.rsplit('/').next().unwrap_or(&name);
    let overlay = translate::Overlay::parse(existing.as_deref().unwrap_or(""));
    let mut out = format!(
        "# {} for {name}. Each text: the hash of the English it translates (from) and the words (text).\n# Check it with: hangup check --language {}\n\n",
        language.english_name(),
        language.code()
    );
    out.push_str(&translate::template(
        Kind::of_file(file_name),
        &english,
        &overlay,
    ));
    Ok(out)
}

/// Load the call as it is in the translation, and point each problem the
/// usual checks find in a translated text (too long for the screen, a bad
/// character...) at that text in the translation file (H0810).
fn translated_call_problems(english: &str, translation: &str, language: &str) -> Vec<Diagnostic> {
    let overlay = translate::Overlay::parse(translation);
    let (text, placed) = translate::apply_mapped(Kind::Scenario, english, &overlay);
    let catalogue = crate::engine::Catalogue::builtin_in(Language::EnGb);
    let (_, problems) = crate::engine::library::check_scenario(text.as_bytes(), &catalogue);
    let mut out = Vec::new();
    for d in problems.into_iter().filter(Diagnostic::is_error) {
        let Some(span) = &d.span else { continue };
        let Some((_, key)) = placed
            .iter()
            .find(|(r, _)| r.start <= span.start && span.start < r.end.max(r.start + 1))
        else {
            continue;
        };
        let at = overlay.get(key).and_then(|e| e.text_span.clone());
        out.push(
            Diagnostic::error(
                "H0810",
                format!("in {language}, \"{key}\": {} [{}]", d.message, d.code),
                at,
            )
            .with_hint(
                d.hint
                    .unwrap_or_else(|| "shorten or rewrite the translation".to_string()),
            ),
        );
    }
    out
}

/// One line on a language's translations, for `hangup check` without
/// `--language`; `None` when they are complete and current.
pub fn summary(report: &Report, language: Language) -> Option<String> {
    let count = |codes: &[&str]| {
        report
            .files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| codes.contains(&d.code))
            .count()
    };
    let stale = count(&["H0802"]);
    let missing = count(&["H0801"]);
    let all: usize = report.files.iter().map(|f| f.diagnostics.len()).sum();
    let other = all - stale - missing;
    if all == 0 {
        return None;
    }
    let mut parts = Vec::new();
    let texts = |n: usize| if n == 1 { "text" } else { "texts" };
    if stale > 0 {
        parts.push(format!("{stale} {} out of date", texts(stale)));
    }
    if missing > 0 {
        parts.push(format!("{missing} {} not translated", texts(missing)));
    }
    if other > 0 {
        parts.push(format!(
            "{other} other {}",
            if other == 1 { "problem" } else { "problems" }
        ));
    }
    Some(format!(
        "Translations: {} ({}): {}. For where, run: hangup check --language {}",
        language.english_name(),
        language.code(),
        parts.join(", "),
        language.code()
    ))
}
