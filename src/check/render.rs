//! Writing a `Report`: `human` (a source line with a caret under the problem),
//! `short` (one line each, for CI and editor problem matchers) and `json`.
//!
//! Every text that came from a file (ids in messages, source lines) is cleaned
//! before it is written: a scenario file must not drive the author's terminal either.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;
use std::str::FromStr;

use unicode_width::UnicodeWidthChar;

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
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// 1-based line and column of a byte offset; offsets past the end are clamped.
fn position(source: &[u8], byte: usize) -> (usize, usize) {
    let byte = byte.min(source.len());
    let before = &source[..byte];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    // Count characters, not bytes: UTF-8 continuation bytes do not start one.
    let column = before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count()
        + 1;
    // A byte-order mark is not a character an editor shows: count from after it.
    let bom = line_start == 0 && before.starts_with(b"\xEF\xBB\xBF");
    (line, if bom { column - 1 } else { column })
}

/// Where a byte span is, as line and column.
pub fn locate(source: &[u8], span: &Range<usize>) -> Located {
    let (line, column) = position(source, span.start);
    let (end_line, end_column) = position(source, span.end.max(span.start));
    Located {
        line,
        column,
        end_line,
        end_column,
    }
}

/// Text from a file, made safe to print: control, escape, bidi and zero-width
/// characters become a visible `<U+001B>`.
fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\t' {
            out.push(' ');
        } else if bad_char(c).is_some() || c == '\r' {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// One character of a source line as shown under the gutter: (text, display width).
fn shown(c: char) -> (char, usize) {
    if c == '\t' {
        (' ', 1)
    } else if bad_char(c).is_some() || c == '\r' {
        ('\u{fffd}', 1)
    } else {
        (c, c.width().unwrap_or(0))
    }
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

fn header(f: &FileReport, d: &Diagnostic) -> String {
    let place = match &d.span {
        Some(span) => {
            let at = locate(&f.source, span);
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
        for d in sorted(f) {
            writeln!(out, "{}", header(f, d))?;
        }
    }
    Ok(())
}

/// Longest source line shown; longer lines are shown as a window around the problem.
const MAX_SHOWN: usize = 120;

fn human(report: &Report, out: &mut impl Write) -> io::Result<()> {
    for f in &report.files {
        for d in sorted(f) {
            writeln!(out, "{}", header(f, d))?;
            if let Some(span) = &d.span {
                snippet(&f.source, span, out)?;
            }
            if let Some(h) = &d.hint {
                writeln!(out, "  = hint: {}", clean(h))?;
            }
            writeln!(out)?;
        }
    }
    let (e, w) = (report.errors(), report.warnings());
    let files = report.files.len();
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

/// The source line of `span`, then a caret line under it.
fn snippet(source: &[u8], span: &Range<usize>, out: &mut impl Write) -> io::Result<()> {
    let start = span.start.min(source.len());
    let line_start = source[..start]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line_end = source[start..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(source.len(), |i| start + i);
    let line_text = String::from_utf8_lossy(&source[line_start..line_end]);
    let before = String::from_utf8_lossy(&source[line_start..start]);
    let span_end = span.end.clamp(start, line_end);
    let inside = String::from_utf8_lossy(&source[start..span_end]);

    let chars: Vec<(char, usize)> = line_text.chars().map(shown).collect();
    let first = before.chars().count().min(chars.len());
    let count = inside.chars().count();
    // Show a window when the line is very long, so the caret stays on screen.
    let from = if chars.len() <= MAX_SHOWN {
        0
    } else {
        first.saturating_sub(MAX_SHOWN / 2)
    };
    let to = chars.len().min(from + MAX_SHOWN);
    let mut text = String::new();
    if from > 0 {
        text.push('…');
    }
    text.extend(chars[from..to].iter().map(|(c, _)| *c));
    if to < chars.len() {
        text.push('…');
    }
    let pad: usize = usize::from(from > 0)
        + chars[from..first.min(to)]
            .iter()
            .map(|(_, w)| *w)
            .sum::<usize>();
    let width: usize = chars[first.min(to)..(first + count).min(to)]
        .iter()
        .map(|(_, w)| *w)
        .sum::<usize>()
        .max(1);
    let (line, _) = position(source, start);
    let gutter = line.to_string().len();
    writeln!(out, "{:gutter$} |", "")?;
    writeln!(out, "{line} | {}", text.trim_end())?;
    writeln!(
        out,
        "{:gutter$} | {}{}",
        "",
        " ".repeat(pad),
        "^".repeat(width)
    )
}

fn json(report: &Report, out: &mut impl Write) -> io::Result<()> {
    let mut items = Vec::new();
    for f in &report.files {
        for d in sorted(f) {
            let at = d.span.as_ref().map(|s| locate(&f.source, s));
            items.push(serde_json::json!({
                "file": f.path,
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
