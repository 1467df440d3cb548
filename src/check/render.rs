//! Writing a `Report`: `human` (drawn by `codespan-reporting`: the source
//! line with a caret under the problem, and any second place such as where an
//! id was first used), `short` (one line each, for CI and editor problem
//! matchers) and `json`.
//!
//! Every text that came from a file (ids in messages, source lines) is cleaned
//! before it is written: a scenario file must not drive the author's terminal either.

use std::io::{self, Write};
use std::ops::Range;
use std::str::FromStr;

use super::{FileReport, Report};
use crate::engine::text::bad_char;
use crate::engine::validate::{Diagnostic, Severity};

/// How `hangup check` writes its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// `path:line:col: error[H0203]: message`, the source line, a caret, a hint.
    #[default]
    Human,
    /// One line per problem.
    Short,
    /// One JSON object: counts and a `diagnostics` array.
    Json,
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "human" => Ok(Format::Human),
            "short" => Ok(Format::Short),
            "json" => Ok(Format::Json),
            other => Err(format!(
                "unknown format \"{other}\": use human, short or json"
            )),
        }
    }
}

/// A span as 1-based line and column (columns count characters, as editors do).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Located {
    /// Line of the start, from 1.
    pub line: usize,
    /// Column of the start, in characters from 1.
    pub column: usize,
    /// Line of the end.
    pub end_line: usize,
    /// Column of the end (just after the last character).
    pub end_column: usize,
}

/// Where each line of a file starts: built once per file, so finding the line
/// of a problem is a binary search, not a scan of the file (many problems in a
/// big file stay cheap).
pub struct Lines<'a> {
    source: &'a [u8],
    /// Byte offsets of every `\n`.
    ends: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(source: &'a [u8]) -> Self {
        let ends = source
            .iter()
            .enumerate()
            .filter(|&(_, &b)| b == b'\n')
            .map(|(i, _)| i)
            .collect();
        Self { source, ends }
    }

    /// 1-based line and column of a byte offset; offsets past the end are clamped.
    fn position(&self, byte: usize) -> (usize, usize) {
        let byte = byte.min(self.source.len());
        let before = self.ends.partition_point(|&nl| nl < byte);
        let line_start = if before == 0 {
            0
        } else {
            self.ends[before - 1] + 1
        };
        // Count characters, not bytes: UTF-8 continuation bytes do not start one.
        let column = self.source[line_start..byte]
            .iter()
            .filter(|&&b| (b & 0xC0) != 0x80)
            .count()
            + 1;
        // A byte-order mark is not a character an editor shows: count from after it.
        let bom = line_start == 0 && self.source[..byte].starts_with(b"\xEF\xBB\xBF");
        (before + 1, if bom { column - 1 } else { column })
    }

    /// Where a byte span is, as line and column.
    pub fn locate(&self, span: &Range<usize>) -> Located {
        let (line, column) = self.position(span.start);
        let (end_line, end_column) = self.position(span.end.max(span.start));
        Located {
            line,
            column,
            end_line,
            end_column,
        }
    }
}

/// Where a span is, as line and column (for one look-up; see `Lines` for many).
pub fn locate(source: &[u8], span: &Range<usize>) -> Located {
    Lines::new(source).locate(span)
}

/// Text from a file, made safe to print on one line: control, escape, bidi,
/// invisible characters and newlines become a visible `<U+001B>` (see `crate::sanitize`),
/// so a file name or message can never split a diagnostic or forge another one.
fn clean(s: &str) -> String {
    crate::sanitize::line(s).into_owned()
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn sorted(f: &FileReport) -> Vec<&Diagnostic> {
    let mut v: Vec<&Diagnostic> = f.diagnostics.iter().collect();
    v.sort_by_key(|d| d.span.as_ref().map_or(0, |r| r.start.saturating_add(1)));
    v
}

/// Write the report in `format`.
pub fn render(report: &Report, format: Format, out: &mut impl Write) -> io::Result<()> {
    match format {
        Format::Human => human(report, out),
        Format::Short => short(report, out),
        Format::Json => json(report, out),
    }
}

fn header(f: &FileReport, lines: &Lines<'_>, d: &Diagnostic) -> String {
    let place = match &d.span {
        Some(span) => {
            let at = lines.locate(span);
            format!("{}:{}:{}", clean(&f.path), at.line, at.column)
        }
        None => clean(&f.path),
    };
    format!(
        "{place}: {}[{}]: {}",
        severity_word(d.severity),
        d.code,
        clean(&d.message)
    )
}

fn short(report: &Report, out: &mut impl Write) -> io::Result<()> {
    for f in &report.files {
        let lines = Lines::new(&f.source);
        for d in sorted(f) {
            writeln!(out, "{}", header(f, &lines, d))?;
        }
    }
    Ok(())
}

/// Longest source line shown (in bytes); a problem on a longer line is
/// given by its line and column only.
const MAX_SHOWN: usize = 500;

/// The file's text for `codespan-reporting`, with every byte offset kept:
/// a character that must not reach the terminal (or a byte that is not
/// UTF-8) becomes `?` or `\u{fffd}` of the same length in bytes.
fn printable(source: &[u8]) -> String {
    let mut out = String::with_capacity(source.len());
    for chunk in source.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\r' {
                out.push(' ');
            } else if bad_char(c).is_some() {
                match c.len_utf8() {
                    3 => out.push('\u{fffd}'),
                    n => out.extend(std::iter::repeat_n('?', n)),
                }
            } else {
                out.push(c);
            }
        }
        out.extend(std::iter::repeat_n('?', chunk.invalid().len()));
    }
    out
}

/// `span` fitted to `text`: inside it, on character boundaries, and on a
/// line short enough to show. `None` when there is nothing sensible to draw.
fn fit(text: &str, span: &Range<usize>) -> Option<Range<usize>> {
    let mut start = span.start.min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = span.end.clamp(start, text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
    (line_end - line_start <= MAX_SHOWN).then_some(start..end)
}

fn human(report: &Report, out: &mut impl Write) -> io::Result<()> {
    use codespan_reporting::diagnostic::{Diagnostic as Drawn, Label};
    use codespan_reporting::files::SimpleFiles;
    use codespan_reporting::term::{self, Chars, Config};

    let mut files = SimpleFiles::new();
    let texts: Vec<String> = report.files.iter().map(|f| printable(&f.source)).collect();
    let ids: Vec<usize> = report
        .files
        .iter()
        .zip(&texts)
        .map(|(f, t)| files.add(clean(&f.path), t.as_str()))
        .collect();
    let config = Config {
        chars: Chars::ascii(),
        ..Config::default()
    };
    for (n, f) in report.files.iter().enumerate() {
        // A file that is not UTF-8 text is not drawn: its "line" is a run of
        // stand-ins for bytes, no help to anyone. Its line and column are.
        let text = std::str::from_utf8(&f.source).is_ok();
        for d in sorted(f) {
            let drawn = match d.severity {
                Severity::Error => Drawn::error(),
                Severity::Warning => Drawn::warning(),
            };
            let mut drawn = drawn.with_code(d.code).with_message(clean(&d.message));
            let mut notes = Vec::new();
            // "at FILE:LINE:COL (why the line is not drawn)".
            let place = |span, why: &str| {
                let at = locate(&f.source, span);
                format!("at {}:{}:{} ({why})", clean(&f.path), at.line, at.column)
            };
            match &d.span {
                Some(span) if !text => {
                    notes.push(place(span, "the file is not text, so it is not shown"));
                }
                Some(span) => match fit(&texts[n], span) {
                    Some(range) => drawn.labels.push(Label::primary(ids[n], range)),
                    None => notes.push(place(span, "the line is too long to show")),
                },
                None => notes.push(format!("in {}", clean(&f.path))),
            }
            for r in &d.related {
                let other = match &r.path {
                    None => Some(n),
                    Some(p) => report.files.iter().position(|g| &g.path == p),
                };
                match other.and_then(|o| Some((o, fit(&texts[o], &r.span)?))) {
                    Some((o, range)) => drawn
                        .labels
                        .push(Label::secondary(ids[o], range).with_message(clean(&r.note))),
                    None => notes.push(format!(
                        "{}: {}",
                        clean(&r.note),
                        clean(r.path.as_deref().unwrap_or(&f.path))
                    )),
                }
            }
            if let Some(h) = &d.hint {
                notes.push(format!("hint: {}", clean(h)));
            }
            let drawn = drawn.with_notes(notes);
            let text = term::emit_into_string(&config, &files, &drawn).map_err(io::Error::other)?;
            // Each one ends with a blank line already.
            out.write_all(text.as_bytes())?;
        }
    }
    let (e, w) = (report.errors(), report.warnings());
    // A folder with nothing in it (H0114) is not a file checked.
    let files = report
        .files
        .iter()
        .filter(|f| !f.diagnostics.iter().any(|d| d.code == "H0114"))
        .count();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let found = if e == 0 && w == 0 {
        "no problems".to_string()
    } else {
        format!(
            "{}, {}",
            plural(e, "error", "errors"),
            plural(w, "warning", "warnings")
        )
    };
    writeln!(out, "Checked {}: {found}.", plural(files, "file", "files"))
}

fn json(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut items = Vec::new();
    for f in &report.files {
        let lines = Lines::new(&f.source);
        for d in sorted(f) {
            let at = d.span.as_ref().map(|s| lines.locate(s));
            items.push(serde_json::json!({
                "file": clean(&f.path),
                "line": at.map(|a| a.line),
                "column": at.map(|a| a.column),
                "end_line": at.map(|a| a.end_line),
                "end_column": at.map(|a| a.end_column),
                "byte_start": d.span.as_ref().map(|s| s.start),
                "byte_end": d.span.as_ref().map(|s| s.end),
                "severity": severity_word(d.severity),
                "code": d.code,
                "message": clean(&d.message),
                "hint": d.hint.as_deref().map(clean),
                "related": d.related.iter().map(|r| {
                    let path = r.path.as_deref().unwrap_or(&f.path);
                    let source = report
                        .files
                        .iter()
                        .find(|g| g.path == path)
                        .map_or(&f.source, |g| &g.source);
                    let at = locate(source, &r.span);
                    serde_json::json!({
                        "file": path,
                        "line": at.line,
                        "column": at.column,
                        "note": clean(&r.note),
                    })
                }).collect::<Vec<_>>(),
            }));
        }
    }
    let doc = serde_json::json!({
        "files_checked": report.files.len(),
        "errors": report.errors(),
        "warnings": report.warnings(),
        "diagnostics": items,
    });
    let text = serde_json::to_string_pretty(&doc).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}
