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
    /// The file as the user would name it: its path as given, or "built-in NAME.toml" for a built-in one.
    pub path: String,
    /// Why it was not used, in plain words (the first problem, and how many more).
    pub reason: String,
}

/// Everything the program can play.
#[derive(Debug, Clone)]
pub struct Library {
    /// The red-flag and advice catalogues: the built-in ones, or a folder's own `red-flags.toml` / `advice.toml` when it has them.
    pub catalogue: Catalogue,
    /// Sorted by title order as authored: built-ins first, then extra files, by id.
    pub scenarios: Vec<Scenario>,
    /// Every file that was not used, with its reason, in the order met.
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

/// Read a built-in call's text (English, or with its built-in translation
/// applied) into a scenario, without the author's checks of
/// [`check_scenario`]: only TOML and the scenario's shape.
///
/// The built-in calls are part of the program and never change while it
/// runs, so they are checked by the tests, not at every start:
/// `unit::engine::library::every_builtin_call_is_clean_and_read_alike` checks
/// every one in every language against the built-in catalogue (no errors)
/// and that this function gives the same scenario as [`parse_scenario`].
/// Checking them was about 96% of the instructions of starting the program
/// (`valgrind --tool=callgrind`, docs/performance.md, "Seventh pass").
///
/// # Errors
/// One diagnostic (H0101-H0104) if the text is not TOML or not a scenario.
pub fn read_builtin(text: &str) -> Result<Scenario, Vec<Diagnostic>> {
    toml::from_str(text).map_err(|e| vec![toml_error(&e)])
}

/// A file's size in words an author reads, rounded up as file managers
/// show it: "2.9 MB", "900 KB", "12 bytes".
pub fn size_words(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes >= MB {
        let tenths = bytes.saturating_mul(10).div_ceil(MB);
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            t => format!("{}.{t} MB", tenths / 10),
        }
    } else if bytes >= KB {
        format!("{} KB", bytes.div_ceil(KB))
    } else if bytes == 1 {
        "1 byte".to_string()
    } else {
        format!("{bytes} bytes")
    }
}

/// H0105: a file of `len` bytes (its real size, not just what was read) is
/// too big to be a scenario.
pub fn too_big(len: u64) -> Diagnostic {
    Diagnostic::error(
        "H0105",
        format!(
            "the file is {}; the limit for a scenario file is {}",
            size_words(len),
            size_words(MAX_FILE_BYTES as u64)
        ),
        None,
    )
    .with_hint("split it into several scenarios, or remove what is not needed")
}

/// At most this many syntax errors (or bad characters) are listed per file; the
/// rest are counted, so a binary file gives a short report, not a flood.
pub const MAX_LISTED: usize = 50;

/// Check one file's bytes: every problem (errors and warnings), plus the scenario
/// when the file had the right shape (it may still have errors; see `parse_scenario`).
/// Never panics, whatever `bytes` holds.
pub fn check_scenario(bytes: &[u8], catalogue: &Catalogue) -> (Option<Scenario>, Vec<Diagnostic>) {
    let checked = check_file(bytes, catalogue);
    (checked.scenario, checked.problems)
}

/// What [`check_file`] found in one file.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The scenario, when the file had the right shape (it may still have errors).
    pub scenario: Option<Scenario>,
    /// The file's own `id`, whenever it could be read, even when the rest of
    /// the file could not be (for the check that no two files share an id).
    pub id: Option<String>,
    /// Every problem found, errors and warnings.
    pub problems: Vec<Diagnostic>,
}

/// As [`check_scenario`], with the file's id whenever it could be read.
pub fn check_file(bytes: &[u8], catalogue: &Catalogue) -> Checked {
    let mut id = None;
    let (scenario, problems) = check_inner(bytes, catalogue, &mut id);
    let id = scenario.as_ref().map(|s| s.id.get_ref().clone()).or(id);
    Checked {
        scenario,
        id,
        problems,
    }
}

fn check_inner(
    bytes: &[u8],
    catalogue: &Catalogue,
    read_id: &mut Option<String>,
) -> (Option<Scenario>, Vec<Diagnostic>) {
    if bytes.len() > MAX_FILE_BYTES {
        return (
            None,
            vec![too_big(u64::try_from(bytes.len()).unwrap_or(u64::MAX))],
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
                        "the file is not text, or not saved as UTF-8 text",
                        Some(at..at + len),
                    )
                    .with_hint(
                        "if it is a scenario, save it as UTF-8 in your text editor; if not, move it out of the folder",
                    ),
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

    if text.starts_with('\u{feff}') {
        problems.push(
            Diagnostic::warning(
                "H0110",
                "the file starts with an invisible byte-order mark; it is read without it",
                Some(0..3),
            )
            .with_hint("nothing to fix; some editors can save as \"UTF-8 without BOM\""),
        );
    }
    let (mut doc, errors) = toml::de::DeTable::parse_recoverable(text);
    // A file with nothing in it (or only comments) is one problem, not a list of
    // every key it does not have.
    if errors.is_empty() && doc.get_ref().is_empty() {
        let what = if text.trim_start_matches('\u{feff}').trim().is_empty() {
            "the file is empty"
        } else {
            "the file has only comments and blank lines: there is no scenario in it"
        };
        problems.retain(|d| d.code != "H0110");
        problems.push(Diagnostic::error("H0112", what, None).with_hint(
            "start from a copy of a call in the scenarios folder; scenarios/README.md explains each part",
        ));
        return (None, problems);
    }
    let mut syntax_lines = std::collections::BTreeSet::new();
    if !errors.is_empty() {
        let mut syntax: Vec<Diagnostic> = errors.iter().map(|e| syntax_error(e, text)).collect();
        syntax.sort_by_key(|d| d.span.as_ref().map_or((0, 0), |r| (r.start, r.end)));
        // One problem per line: a typo often confuses the reader for the rest of its line.
        syntax.retain(|d| {
            let line = d
                .span
                .as_ref()
                .map_or(0, |r| super::validate::line_of(text, r.start));
            syntax_lines.insert(line)
        });
        // A list or table left open makes the rest of the file unreadable: report
        // the list, once, where it starts, and nothing after it.
        let mut last_line = 0;
        let mut cut: Option<(usize, std::ops::Range<usize>)> = None;
        for (i, d) in syntax.iter().enumerate() {
            let Some(at) = d.span.clone() else { continue };
            if let Some(open) = unclosed_before(text, at.start)
                && super::validate::line_of(text, open.start) > last_line
            {
                cut = Some((i, open));
                break;
            }
            last_line = super::validate::line_of(text, at.start);
        }
        if let Some((i, open)) = cut {
            let line = super::validate::line_of(text, open.start);
            syntax.truncate(i);
            syntax.push(
                Diagnostic::error(
                    "H0101",
                    format!("the list that starts on line {line} is not closed"),
                    Some(open),
                )
                .with_hint("add `]` at the end of the list"),
            );
            syntax_lines.extend(line..=super::validate::line_of(text, text.len()));
        }
        // The same problem on many lines is one mistake: list it once.
        let mut seen_msgs: std::collections::BTreeMap<String, usize> = Default::default();
        for d in &syntax {
            *seen_msgs.entry(d.message.clone()).or_default() += 1;
        }
        let mut kept: std::collections::BTreeSet<String> = Default::default();
        syntax.retain(|d| kept.insert(d.message.clone()) || seen_msgs[&d.message] < 3);
        for d in &mut syntax {
            let n = seen_msgs[&d.message];
            if n >= 3 {
                let more = format!("the same on {} more lines", n - 1);
                d.hint = Some(match d.hint.take() {
                    Some(h) => format!("{h} ({more})"),
                    None => more,
                });
            }
        }
        let total = syntax.len();
        syntax.truncate(MAX_LISTED);
        problems.extend(syntax);
        if total > MAX_LISTED {
            problems.push(Diagnostic::error(
                "H0101",
                format!("and {} more lines that cannot be read", total - MAX_LISTED),
                None,
            ));
        }
    }
    // The file's id, if it was read whole (as text, on a line that could be
    // read): two files with one id are reported whatever else is wrong.
    *read_id = doc
        .get_ref()
        .iter()
        .find(|(k, _)| k.get_ref() == "id")
        .and_then(|(_, v)| {
            let line = super::validate::line_of(text, v.span().start);
            v.get_ref()
                .as_str()
                .filter(|_| !syntax_lines.contains(&line))
                .map(str::to_string)
        });
    // The shape is checked even after a syntax error: every problem in one run.
    let shape = super::structure::check_document(&doc);
    let shape_ok = shape.is_empty();
    // A whole part of the call left out of the reading (a `[[steps]]` table, a
    // missing `[[step]]` line, a `[stepp]` with an id): links to it and its
    // choices would only be follow-ons. A misspelt `[sourse]` or `[callr]` is
    // no part of the call: the links are still checked.
    let lost_part = shape.iter().any(|d| {
        d.code == "H0113"
            || (d.code == "H0102"
                && doc.get_ref().iter().any(|(k, v)| {
                    d.span.as_ref() == Some(&k.span())
                        && match v.get_ref() {
                            toml::de::DeValue::Table(t) => {
                                t.iter().any(|(k, _)| k.get_ref() == "id")
                            }
                            toml::de::DeValue::Array(a) => a.first().is_some_and(|f| {
                                matches!(f.get_ref(), toml::de::DeValue::Table(_))
                            }),
                            _ => false,
                        }
                }))
    });
    let bad = super::structure::bad_values(&doc, &shape);
    // Keys whose value was of the wrong kind (left out below): a check that
    // the key is there would only repeat that.
    let wrong_kind: Vec<String> = shape
        .iter()
        .filter(|d| d.code == "H0103")
        .filter_map(|d| d.message.split('`').nth(1).map(str::to_string))
        .collect();
    let follows_wrong_kind = |d: &Diagnostic| {
        d.code == "H0408" && wrong_kind.iter().any(|k| k == "happened" || k == "line")
    };
    problems.extend(shape.into_iter().filter(|d| {
        // A key or table "missing" after a syntax error is usually only unread.
        (errors.is_empty() || d.code != "H0104")
            && d.span
                .as_ref()
                .is_none_or(|r| !syntax_lines.contains(&super::validate::line_of(text, r.start)))
    }));
    if !errors.is_empty() {
        // The texts that were read are still checked (a real phone number, a
        // line break): every problem in one run.
        // A text that runs into a line that cannot be read (a `"""` never
        // closed) is not the author's text: leave it alone.
        let skip = |at: std::ops::Range<usize>| {
            let (a, b) = (
                super::validate::line_of(text, at.start),
                super::validate::line_of(text, at.end),
            );
            syntax_lines.range(a..=b).next().is_some()
        };
        super::house::check_document(doc.get_ref(), text, &skip, &mut problems);
        return (None, problems);
    }
    // Unknown keys and values of the wrong kind are left out, so the links and
    // text can be checked too.
    super::structure::strip(doc.get_mut(), &bad);
    // The deserializer takes the document; a copy keeps its texts for the checks
    // that still run when it cannot be read whole.
    let text_doc = doc.get_ref().clone();
    // A key the format needs that is not there (missing, misspelt, or of the
    // wrong kind) was reported above; a stand-in, at a place that is in no
    // file (the empty span at its end), lets the checks that do not need it
    // still run. Whatever they say at that place is about a stand-in: left out.
    let stand_in = text.len()..text.len();
    let filled = if shape_ok {
        super::structure::Filled::default()
    } else {
        super::structure::fill_missing(doc.get_mut(), &stand_in)
    };
    let lost_part = lost_part || filled.part_id;
    let real = |d: &Diagnostic| {
        !filled.any
            || (d.span.as_ref() != Some(&stand_in) && d.related.iter().all(|r| r.span != stand_in))
    };
    let scenario: Scenario =
        match serde::Deserialize::deserialize(toml::de::Deserializer::from(doc)) {
            Ok(s) => s,
            Err(e) => {
                if shape_ok {
                    problems.push(toml_error(&e));
                }
                super::house::check_document(&text_doc, text, &|_| false, &mut problems);
                return (None, problems);
            }
        };
    if !shape_ok {
        // The file is still broken: report the rest, but give back no scenario.
        // The shape of the call and its memory (H03xx, H05xx) depend on every
        // part, so with a part left out they would only report follow-ons.
        problems.extend(
            validate_source(&scenario, catalogue, Some(text))
                .into_iter()
                .filter(|d| !d.code.starts_with("H03") && !d.code.starts_with("H05"))
                .filter(|d| !lost_part || !matches!(d.code, "H0203" | "H0209" | "H0404"))
                .filter(|d| !follows_wrong_kind(d))
                .filter(real),
        );
        return (None, problems);
    }
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

/// Where a list opened on an earlier line than `at` is never closed: the span of
/// that line's text, or `None`. Quotes and comments are skipped.
fn unclosed_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let mut depth: i32 = 0;
    let mut open_line: Option<std::ops::Range<usize>> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if offset >= at {
            break;
        }
        let mut in_str: Option<char> = None;
        let starts_table = line.trim_start().starts_with('[') && depth == 0;
        if !starts_table {
            for c in line.chars() {
                match (in_str, c) {
                    (None, '"' | '\'') => in_str = Some(c),
                    (Some(q), c) if c == q => in_str = None,
                    (None, '#') => break,
                    (None, '[') => {
                        if depth == 0 {
                            let t = line.trim_end();
                            open_line = Some(offset..offset + t.len());
                        }
                        depth += 1;
                    }
                    (None, ']') => depth -= 1,
                    _ => {}
                }
            }
        }
        offset += line.len();
    }
    // An open list on a line before the first error's line.
    let first_line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    open_line.filter(|r| depth > 0 && r.start < first_line_start)
}

/// A syntax error in plain words (no TOML jargon), with the fix when it is clear.
fn syntax_error(e: &toml::de::Error, text: &str) -> Diagnostic {
    let msg = e.message().trim();
    let span = e.span();
    // The rest of the line from the error, to see what the author wrote.
    let here = span
        .as_ref()
        .and_then(|r| text.get(r.start..))
        .map(|t| t.split('\n').next().unwrap_or(""))
        .unwrap_or("");
    let word: String = here
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    let before = span
        .as_ref()
        .and_then(|r| text.get(..r.start))
        .unwrap_or("");
    // A multi-line text opened with """ (or ''') and never closed runs to the
    // end of the file: say where it starts, not where the file ends.
    for quotes in ["\"\"\"", "\'\'\'"] {
        if before.matches(quotes).count() % 2 == 1
            && let Some(at) = before.rfind(quotes)
        {
            let line = super::validate::line_of(text, at);
            return Diagnostic::error(
                "H0101",
                format!("the text that starts with {quotes} on line {line} is never closed"),
                Some(at..at + 3),
            )
            .with_hint(format!(
                "end it with {quotes}, or write text on one line with one \" at each end"
            ));
        }
    }
    // 'It's me' : a text in single quotes ends at its apostrophe.
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let apostrophe = before.ends_with('\'')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic)
        && before[line_start..]
            .split_once('=')
            .is_some_and(|(_, v)| v.trim_start().starts_with('\''));
    if apostrophe {
        let start = before[line_start..before.len() - 1]
            .rfind(|c: char| !c.is_alphabetic())
            .map_or(line_start, |i| line_start + i + 1);
        let end = before.len() + word.len();
        return Diagnostic::error(
            "H0101",
            format!(
                "a text in single quotes ends at the apostrophe in `{}`",
                text.get(start..end).unwrap_or("")
            ),
            span,
        )
        .with_hint("put a text with an apostrophe in double quotes, e.g. says = \"It's me\"");
    }
    // The key on this line, for an example in the hint.
    let key = before[line_start..]
        .split_once('=')
        .map(|(k, _)| k.trim())
        .filter(|k| !k.is_empty() && k.chars().all(|c| c.is_alphanumeric() || c == '_'))
        .unwrap_or("says");
    if here.starts_with(':')
        && before[line_start..]
            .trim()
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_')
    {
        let key = before[line_start..].trim();
        return Diagnostic::error(
            "H0101",
            "a key and its value are joined with `=`, not `:`",
            span,
        )
        .with_hint(format!("write {key} = ..."));
    }
    let (message, hint): (String, Option<String>) = if here
        .starts_with(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'])
    {
        (
            "curly quotes “ ” cannot start or end a text here".into(),
            Some("use straight quotes \" (word processors change them; type them again in a text editor)".into()),
        )
    } else if matches!(
        word.to_lowercase().as_str(),
        "yes" | "no" | "y" | "n" | "true" | "false"
    ) && !matches!(word.as_str(), "true" | "false")
    {
        (
            format!("`{word}` is not understood here"),
            Some("for yes or no, write true or false, in small letters and without quotes".into()),
        )
    } else if !word.is_empty()
        && word.chars().next().is_some_and(char::is_alphabetic)
        && (msg.contains("string values must be quoted")
            || msg.contains("invalid")
            || msg.contains("expected"))
    {
        (
            format!("the text `{word}` needs quotes"),
            Some(format!("put text in double quotes, e.g. {key} = \"...\"")),
        )
    } else if msg.contains("basic string") || msg.contains("literal string") {
        (
            "a text is not closed: the `\"` at its end is missing".into(),
            Some("end the text with `\"` on the same line".into()),
        )
    } else if msg.contains("unclosed") || msg.contains("missing comma") {
        (
            "something is not closed here".into(),
            Some("check for a missing `]`, `}`, `\"` or `,` just before here".into()),
        )
    } else if msg.contains("duplicate key") {
        (
            "this key is written twice in the same table".into(),
            Some("each key can be written once per table".into()),
        )
    } else if msg.contains("recursion") || msg.contains("recurse") {
        (
            format!(
                "this value is nested too deeply: more than {MAX_NESTING} lists or tables inside each other"
            ),
            Some("a call needs only a few levels; look for a `[` or `{` too many".into()),
        )
    } else {
        (format!("this line cannot be read ({msg})"), None)
    };
    let d = Diagnostic::error("H0101", message, span);
    match hint {
        Some(h) => d.with_hint(h),
        None => d,
    }
}

/// How many lists or tables inside each other the TOML reader reads (a
/// test checks this number against the reader).
pub const MAX_NESTING: usize = 80;

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
    if more == 2 {
        format!("{first} (and 1 more problem)")
    } else if more > 2 {
        format!("{first} (and {} more problems)", more - 1)
    } else {
        first
    }
}

/// Sub-folders are looked into this deep (to list the files there that are not used).
pub const MAX_DEPTH: usize = 8;

/// What [`discover`] found in a folder: the scenario files to read, in order,
/// the files it did not use (each with a plain reason), and the `*.toml` files
/// in sub-folders, which are not used either (`check` says so).
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The scenario files to read, in name order.
    pub files: Vec<PathBuf>,
    /// Files and folders not used, each with a plain reason (e.g. a sub-folder that could not be read).
    pub notes: Vec<Skipped>,
    /// The `*.toml` files in sub-folders (not language folders), which are not used.
    pub in_sub_folders: Vec<PathBuf>,
}

/// The one discovery rule, shared by the loader and `hangup check` (see
/// scenarios/README.md):
///
/// - every `*.toml` file directly in the folder, in name order, except the
///   catalogues `red-flags.toml` and `advice.toml`; files in sub-folders are
///   not used (`check` lists them, so nothing passes `check` unused), except
///   a language folder such as `cy/`, which holds translations;
/// - hidden files (names starting with `.`) are not used; a hidden `*.toml`
///   file gets a note, so it cannot silently replace a call;
/// - symlinks are followed;
/// - only ordinary files are read: a pipe (FIFO), device or socket named
///   `*.toml` is noted and skipped, never opened, so nothing can stall;
/// - duplicate ids are dealt with by the caller: in the loader, the first file
///   (in name order) wins and each later one is noted; in `check`, an error.
pub fn discover(dir: &Path) -> std::io::Result<Found> {
    let mut found = Found::default();
    let mut seen = std::collections::HashSet::new();
    // The top folder must be readable; a sub-folder that is not gets a note.
    std::fs::read_dir(dir)?;
    walk(dir, 0, &mut seen, &mut found);
    Ok(found)
}

fn note(found: &mut Found, path: &Path, reason: impl Into<String>) {
    found.notes.push(Skipped {
        path: path.display().to_string(),
        reason: reason.into(),
    });
}

fn walk(
    dir: &Path,
    depth: usize,
    seen: &mut std::collections::HashSet<PathBuf>,
    found: &mut Found,
) {
    if let Ok(real) = std::fs::canonicalize(dir)
        && !seen.insert(real)
    {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            return note(
                found,
                dir,
                format!(
                    "the folder could not be opened ({})",
                    crate::error::plain_io(&e)
                ),
            );
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let is_toml = p.extension().is_some_and(|x| x == "toml");
        if name.starts_with('.') {
            if is_toml && depth == 0 {
                note(
                    found,
                    &p,
                    "hidden files are not used (remove the dot at the start of its name to use it)",
                );
            }
            continue;
        }
        let meta = match std::fs::metadata(&p) {
            Ok(m) => m,
            Err(e) => {
                if is_toml {
                    note(
                        found,
                        &p,
                        format!("it could not be opened ({})", crate::error::plain_io(&e)),
                    );
                }
                continue;
            }
        };
        if meta.is_dir() {
            // Translations (`cy/`) are read with their English file, not as scenarios.
            if depth == 0 && crate::i18n::Language::parse(&name).is_some() {
                continue;
            }
            // Searched only to say which files are there but not used.
            if depth < MAX_DEPTH {
                walk(&p, depth + 1, seen, found);
            }
        } else if depth > 0 {
            if is_toml && meta.is_file() {
                found.in_sub_folders.push(p);
            }
        } else if is_toml && !is_catalogue_file(&p) {
            if meta.is_file() {
                found.files.push(p);
            } else {
                note(
                    found,
                    &p,
                    "it is not an ordinary file (a pipe, device or socket), so it was not read",
                );
            }
        }
    }
}

/// The `.toml` scenario files in a folder, by the one discovery rule ([`discover`]).
pub fn scenario_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    discover(dir).map(|f| f.files)
}

/// Read a scenario file: ordinary files only, never blocking, and at most one
/// byte more than the limit, so a huge file (or `/dev/zero` behind a symlink)
/// cannot fill memory and is reported as too big.
pub fn read_scenario_file(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut buf = Vec::new();
    crate::store::open_regular(path)?
        .take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut buf)?;
    Ok(buf)
}

/// True for a catalogue file (`red-flags.toml` or `advice.toml`, by file name only), which is never read as a scenario.
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

    /// How many built-in calls have no translation into `language` (none
    /// in English), so the list can say that only some calls are in it.
    pub fn builtin_untranslated(language: Language) -> usize {
        if language.is_english() {
            return 0;
        }
        BUILTIN_SCENARIOS
            .iter()
            .filter(|(name, _)| {
                builtin_translation(&format!("scenarios/{name}"), language).is_none()
            })
            .count()
    }

    /// The library in `language`. In a language other than English, only
    /// the calls translated into it are there (`scenarios/<language>/`,
    /// and `<language>/` inside `extra`); the catalogues always are, in
    /// English where their translation is missing.
    ///
    /// The built-in calls are only read, not checked, when the catalogue is
    /// the built-in one (see [`read_builtin`]); with a folder's own
    /// catalogue they are checked against it like any other file.
    pub fn load_in(extra: Option<&Path>, language: Language) -> Self {
        let mut skipped = Vec::new();
        let own_catalogue = extra.and_then(|dir| load_catalogue(dir, language, &mut skipped));
        let builtin_catalogue = own_catalogue.is_none();
        let catalogue = own_catalogue.unwrap_or_else(|| Catalogue::builtin_in(language));

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
            let read = if builtin_catalogue {
                read_builtin(&text)
            } else {
                parse_scenario(text.as_bytes(), &catalogue)
            };
            match read {
                Ok(s) => add(s, &mut scenarios),
                Err(p) => skipped.push(Skipped {
                    path: format!("built-in {name}"),
                    reason: summary(&p),
                }),
            }
        }
        if let Some(dir) = extra {
            match discover(dir) {
                Ok(found) => {
                    skipped.extend(found.notes);
                    let mut from: BTreeMap<String, String> = BTreeMap::new();
                    for path in found.files {
                        let shown = path.display().to_string();
                        let Some(read) = read_in(&path, language) else {
                            continue;
                        };
                        let s = match read {
                            // Too big: only the limit and one byte were read; name the real size.
                            Ok(bytes) if bytes.len() > MAX_FILE_BYTES => {
                                let read = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
                                let len =
                                    std::fs::metadata(&path).map_or(read, |m| m.len().max(read));
                                skipped.push(Skipped {
                                    path: shown,
                                    reason: summary(&[too_big(len)]),
                                });
                                continue;
                            }
                            Ok(bytes) => match parse_scenario(&bytes, &catalogue) {
                                Ok(s) => s,
                                Err(p) => {
                                    skipped.push(Skipped {
                                        path: shown,
                                        reason: summary(&p),
                                    });
                                    continue;
                                }
                            },
                            Err(e) => {
                                skipped.push(Skipped {
                                    path: shown,
                                    reason: format!(
                                        "it could not be opened ({})",
                                        crate::error::plain_io(&e)
                                    ),
                                });
                                continue;
                            }
                        };
                        let id = s.id.get_ref().clone();
                        // Two files with one id: never resolved in silence.
                        if let Some(first) = from.get(&id) {
                            skipped.push(Skipped {
                                path: shown,
                                reason: format!(
                                    "its id \"{id}\" is also used by {first}, which was used instead"
                                ),
                            });
                            continue;
                        }
                        from.insert(id, shown);
                        add(s, &mut scenarios);
                    }
                }
                Err(e) => skipped.push(Skipped {
                    path: dir.display().to_string(),
                    reason: format!(
                        "the folder could not be opened ({})",
                        crate::error::plain_io(&e)
                    ),
                }),
            }
        }
        Self {
            catalogue,
            scenarios,
            skipped,
        }
    }

    /// The loaded scenario whose id is exactly `id`, if any.
    pub fn get(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id.get_ref() == id)
    }

    /// The loaded scenario whose id is exactly `id`, or an error naming the
    /// closest id (for lists of ids on the command line).
    pub fn find(&self, id: &str) -> crate::Result<&Scenario> {
        self.get(id).ok_or_else(|| crate::Error::NoSuchCall {
            id: id.to_string(),
            near: suggest_ids(id, self.scenarios.iter().map(|s| s.id.get_ref().as_str())),
        })
    }

    /// Look a scenario up by id, or load it from a file path.
    pub fn find_or_load(&self, id_or_path: &str) -> crate::Result<Scenario> {
        use crate::error::{Error, FileKind};
        if let Some(s) = self.get(id_or_path) {
            return Ok(s.clone());
        }
        let path = Path::new(id_or_path);
        if path.exists() && !path.is_dir() {
            let bytes =
                read_scenario_file(path).map_err(|e| Error::read(FileKind::Scenario, path, e))?;
            return parse_scenario(&bytes, &self.catalogue).map_err(|p| Error::ScenarioProblems {
                path: path.to_path_buf(),
                summary: summary(&p),
            });
        }
        self.find(id_or_path).cloned()
    }
}

/// The ids to suggest for `asked`, which is not an id: at most three, those
/// that start with it first ("police" -> police-courier), then those with a
/// part that starts with it ("courier" -> police-courier), then the nearest
/// by spelling ("polce-courier"). Capital letters do not count.
pub fn suggest_ids<'a>(asked: &str, ids: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    const MOST: usize = 3;
    let asked = asked.trim().to_lowercase();
    let ids: Vec<&str> = ids.into_iter().collect();
    let mut found: Vec<String> = Vec::new();
    let add = |id: &str, found: &mut Vec<String>| {
        if found.len() < MOST && !found.iter().any(|f| f == id) {
            found.push(id.to_string());
        }
    };
    if asked.chars().count() >= 3 {
        for id in &ids {
            if id.starts_with(&asked) {
                add(id, &mut found);
            }
        }
        for id in &ids {
            if id.split('-').skip(1).any(|part| part.starts_with(&asked)) {
                add(id, &mut found);
            }
        }
    }
    if found.is_empty()
        && let Some(near) = super::validate::closest(&asked, ids.iter().copied())
    {
        add(near, &mut found);
    }
    found
}

/// A scenario file's bytes in `language`: the file itself in English; with
/// its translation (`<folder>/<language>/<name>`) put in place otherwise.
/// `None` when there is no such translation.
fn read_in(path: &Path, language: Language) -> Option<std::io::Result<Vec<u8>>> {
    if language.is_english() {
        return Some(read_scenario_file(path));
    }
    let name = path.file_name()?;
    let tr_path = path.parent()?.join(language.code()).join(name);
    if !tr_path.is_file() {
        return None;
    }
    Some(read_scenario_file(path).and_then(|english| {
        let translation = String::from_utf8_lossy(&read_scenario_file(&tr_path)?).into_owned();
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
    use crate::error::{Error, FileKind};
    let read = |p: &Path, builtin: &str| -> crate::Result<String> {
        if p.exists() {
            let bytes =
                read_scenario_file(p).map_err(|e| Error::read(FileKind::Catalogue, p, e))?;
            if bytes.len() > MAX_FILE_BYTES {
                return Err(Error::TooBig {
                    what: FileKind::Catalogue,
                    path: p.to_path_buf(),
                    limit: MAX_FILE_BYTES as u64,
                });
            }
            String::from_utf8(bytes).map_err(|_| Error::NotText {
                what: FileKind::Catalogue,
                path: p.to_path_buf(),
            })
        } else {
            Ok(builtin.to_string())
        }
    };
    let translated = |english: crate::Result<String>, name: &str| {
        let english = english?;
        let tr = std::fs::read_to_string(dir.join(language.code()).join(name)).ok();
        Ok::<String, Error>(
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
