//! The authoring toolchain behind `hangup check`, `hangup schema` and `hangup paths`.
//!
//! Everything here is a library function the CLI calls; nothing prints on its own.
//! `check_files` / `check_builtin` collect every problem in every file into a
//! `Report`; `render` writes it in the human, short or JSON format; `exit_code`
//! says 0 (no errors; warnings allowed) or 1 (errors). Bad usage (2) is the CLI's.

pub mod lessons;
mod paths;
mod render;
pub mod translations;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

pub mod graph;
pub use paths::paths_report;
pub use render::{Format, Located, locate, render};

use crate::engine::Catalogue;
use crate::engine::library::{BUILTIN_SCENARIOS, check_file};
use crate::engine::validate::{Diagnostic, MAX_FILE_BYTES, Severity};

/// One checked file: its name as shown, its bytes (for the source lines) and its problems.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file's name as the report shows it: its path as given, or "built-in NAME.toml".
    pub path: String,
    /// The file's bytes, cut to the scenario size limit (1 MiB), so messages can quote their lines; empty when the file could not be read.
    pub source: Vec<u8>,
    /// Every problem found, errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// The scenario id, whenever the file's `id` could be read (even when
    /// the rest of the file has problems).
    pub scenario_id: Option<String>,
}

/// Everything `hangup check` found.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// One entry per file checked, in the order checked.
    pub files: Vec<FileReport>,
}

impl Report {
    /// How many errors were found in all files.
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    /// How many warnings were found in all files.
    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, sev: Severity) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| d.severity == sev)
            .count()
    }

    /// 0 when there are no errors (warnings are allowed), 1 when there are.
    pub fn exit_code(&self) -> i32 {
        exit_code(self)
    }
}

/// The exit code policy: 0 = no errors (warnings allowed), 1 = errors.
/// (The CLI uses 2 for bad usage, before any checking.)
pub fn exit_code(report: &Report) -> i32 {
    i32::from(report.errors() > 0)
}

/// The JSON Schema of the scenario format, pretty-printed (what `hangup schema` prints).
pub fn schema_json() -> String {
    let schema = crate::engine::structure::editor_schema(&Catalogue::builtin());
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_else(|_| "{}".to_string());
    s.push('\n');
    s
}

/// Check the files and folders given (folders are searched for `*.toml`, except the
/// catalogues `red-flags.toml` and `advice.toml`). Every problem in every file is
/// reported, including the same scenario id used in two files (H0206).
pub fn check_files(paths: &[PathBuf], catalogue: &Catalogue) -> Report {
    let mut report = Report::default();
    for p in paths {
        if p.is_dir() {
            // The loader's own discovery rule, so check and the program agree.
            match crate::engine::library::discover(p) {
                Ok(found) => {
                    // Nothing to check is not "no problems": say so, and fail.
                    if found.files.is_empty() {
                        report.files.push(FileReport {
                            path: p.display().to_string(),
                            source: Vec::new(),
                            diagnostics: vec![
                                Diagnostic::error(
                                    "H0114",
                                    format!("no scenario files found in {}", p.display()),
                                    None,
                                )
                                .with_hint(
                                    "scenario files end in .toml and sit directly in the folder",
                                ),
                            ],
                            scenario_id: None,
                        });
                    }
                    for f in found.files {
                        report.files.push(check_path(&f, catalogue));
                    }
                    let sub = found.in_sub_folders.into_iter().map(|f| crate::engine::library::Skipped {
                        path: f.display().to_string(),
                        reason: "it is in a sub-folder, and only the files directly in the folder are used".into(),
                    });
                    for n in found.notes.into_iter().chain(sub) {
                        report.files.push(FileReport {
                            path: n.path,
                            source: Vec::new(),
                            diagnostics: vec![Diagnostic::warning(
                                "H0111",
                                format!("this file is not used: {}", n.reason),
                                None,
                            )],
                            scenario_id: None,
                        });
                    }
                }
                Err(e) => report.files.push(unreadable(p, "folder", &e)),
            }
        } else {
            report.files.push(check_path(p, catalogue));
        }
    }
    duplicate_ids(&mut report, 0);
    report
}

/// Check the built-in scenarios, and the files in `extra_dir` when given (with that
/// folder's own catalogues, if it has them). A file in `extra_dir` may replace a
/// built-in scenario on purpose (same id): that is a warning (H0207), not an error.
pub fn check_builtin(extra_dir: Option<&Path>) -> Report {
    let (catalogue, mut report) = catalogue_for(extra_dir);
    for (name, text) in BUILTIN_SCENARIOS {
        report.files.push(check_bytes(
            format!("scenarios/{name}"),
            text.as_bytes(),
            &catalogue,
        ));
    }
    let builtin_count = report.files.len();
    if let Some(dir) = extra_dir {
        let extra = check_files(&[dir.to_path_buf()], &catalogue);
        report.files.extend(extra.files);
    }
    duplicate_ids(&mut report, builtin_count);
    report
}

/// The catalogue to check against: `dir`'s own, if it has one that loads; else the
/// built-in one. A broken catalogue is reported (H0108).
pub fn catalogue_for(dir: Option<&Path>) -> (Catalogue, Report) {
    let mut report = Report::default();
    let Some(dir) = dir else {
        return (Catalogue::builtin(), report);
    };
    let lib = crate::engine::library::folder_catalogue(dir);
    for s in lib.1 {
        report.files.push(FileReport {
            path: s.path,
            source: Vec::new(),
            diagnostics: vec![Diagnostic::error("H0108", s.reason, None)],
            scenario_id: None,
        });
    }
    (lib.0, report)
}

/// `hangup check`: check `paths` (or, when empty, the built-in scenarios and
/// `extra_dir`), write the report to `out` in `format`, and return the exit code.
pub fn run_check(
    paths: &[PathBuf],
    extra_dir: Option<&Path>,
    format: Format,
    out: &mut impl Write,
) -> i32 {
    run_check_in(paths, extra_dir, None, format, out)
}

/// `hangup check`, with the translations too: every language's (warnings for
/// what is missing or out of date), or with `language` only that one's (then
/// those are errors, for a translator's own check).
pub fn run_check_in(
    paths: &[PathBuf],
    extra_dir: Option<&Path>,
    language: Option<crate::i18n::Language>,
    format: Format,
    out: &mut impl Write,
) -> i32 {
    let translations_of = |l: Option<crate::i18n::Language>| {
        let mut r = Report::default();
        if paths.is_empty() {
            r.files
                .extend(translations::check_builtin_translations(l).files);
            if let Some(dir) = extra_dir {
                r.files
                    .extend(translations::check_folder_translations(&[dir.to_path_buf()], l).files);
            }
        } else {
            r.files
                .extend(translations::check_folder_translations(paths, l).files);
        }
        r
    };
    let mut report = if paths.is_empty() {
        check_builtin(extra_dir)
    } else {
        let (catalogue, mut report) = catalogue_for(extra_dir);
        report.files.extend(check_files(paths, &catalogue).files);
        report
    };
    if language.is_some() {
        report.files.extend(translations_of(language).files);
    }
    // A failed write (closed pipe) must not hide the result: the exit code still says it.
    let _ = render(&report, format, out);
    if language.is_none() && format != Format::Json {
        // The English's authors get one line per language, not every gap:
        // `--language` gives the details (and makes them count).
        for l in crate::i18n::Language::REAL
            .into_iter()
            .filter(|l| !l.is_english())
        {
            let t = translations_of(Some(l));
            if let Some(line) = translations::summary(&t, l) {
                let _ = writeln!(out, "{line}");
            }
        }
    }
    report.exit_code()
}

fn check_path(path: &Path, catalogue: &Catalogue) -> FileReport {
    let name = path.display().to_string();
    match crate::engine::library::read_scenario_file(path) {
        // Too big: only the limit and one byte were read; name the real size.
        Ok(bytes) if bytes.len() > MAX_FILE_BYTES => {
            let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
            let len = std::fs::metadata(path).map_or(read, |m| m.len().max(read));
            FileReport {
                path: name,
                source: Vec::new(),
                diagnostics: vec![crate::engine::library::too_big(len)],
                scenario_id: None,
            }
        }
        Ok(bytes) => check_bytes(name, &bytes, catalogue),
        Err(e) => unreadable(path, "file", &e),
    }
}

/// H0107 for a file or folder (`what`) that could not be opened, with the
/// system's error in plain words ("it was not found", "permission was
/// refused"), never a raw "(os error 2)".
pub fn unreadable(path: &Path, what: &str, e: &std::io::Error) -> FileReport {
    let hint = match what {
        "folder" => "check the name, and that you are allowed to read the folder",
        _ => "check the name, and that the file is not a folder or locked",
    };
    FileReport {
        path: path.display().to_string(),
        source: Vec::new(),
        diagnostics: vec![
            Diagnostic::error(
                "H0107",
                format!(
                    "the {what} could not be opened ({})",
                    crate::error::plain_io(e)
                ),
                None,
            )
            .with_hint(hint),
        ],
        scenario_id: None,
    }
}

/// Check one file's bytes under the name `path`.
pub fn check_bytes(path: String, bytes: &[u8], catalogue: &Catalogue) -> FileReport {
    let checked = check_file(bytes, catalogue);
    let (scenario, mut diagnostics) = (checked.scenario, checked.problems);
    // The lessons the file teaches (H09xx), in the same run as every other problem.
    if let Some(s) = &scenario {
        diagnostics.extend(lessons::lint(s, std::str::from_utf8(bytes).ok()));
    }
    let mut source = bytes.to_vec();
    source.truncate(MAX_FILE_BYTES);
    FileReport {
        path,
        source,
        diagnostics,
        // Whenever the id could be read, even in a file with other problems:
        // two files with one id is a problem of its own (H0206).
        scenario_id: checked.id,
    }
}

/// Scenario ids must be unique across files: the later file is reported (H0206).
/// Files before `first_own` are built-ins: a later file with their id replaces them (H0207).
fn duplicate_ids(report: &mut Report, first_own: usize) {
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    let mut found = Vec::new();
    for (i, f) in report.files.iter().enumerate() {
        let Some(id) = &f.scenario_id else { continue };
        match first.get(id) {
            Some(&j) => found.push((i, j, id.clone())),
            None => {
                first.insert(id.clone(), i);
            }
        }
    }
    for (i, j, id) in found {
        let other = report.files[j].path.clone();
        let span = id_span(&report.files[i].source);
        let d = if j < first_own && i >= first_own {
            Diagnostic::warning(
                "H0207",
                format!("this file replaces the built-in scenario \"{id}\" ({other})"),
                span,
            )
            .with_hint("that is fine for a local version; otherwise give it a new id")
        } else {
            Diagnostic::error(
                "H0206",
                format!("the scenario id \"{id}\" is also used by {other}"),
                span,
            )
            .with_hint("give each scenario its own id")
        };
        let d = match id_span(&report.files[j].source) {
            Some(first) => d.with_related(Some(other), first, "first used here"),
            None => d,
        };
        report.files[i].diagnostics.push(d);
    }
}

/// Where `id = "..."` is at the top of a file (for H0206); `None` if not found.
fn id_span(source: &[u8]) -> Option<std::ops::Range<usize>> {
    let text = std::str::from_utf8(source).ok()?;
    let (doc, _) = toml::de::DeTable::parse_recoverable(text);
    doc.get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .map(|(_, v)| v.span())
}
