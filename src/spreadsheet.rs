//! CSV files that people open in a spreadsheet (`stats --csv`, the group
//! sessions file), written and read with the `csv` crate.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a
//! formula. Hangup's cells are dates, numbers and scenario ids, but ids can
//! come from a volunteer's own scenario files, so every text cell goes
//! through [`safe_cell`]: such a cell gets a leading `'` (which spreadsheets
//! show as plain text), and [`plain_cell`] takes it off again when reading.

use std::borrow::Cow;
use std::io::Write;

/// The first characters that make a spreadsheet treat a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell that a spreadsheet will show, never run: a leading `'` when
/// it would otherwise start a formula.
pub fn safe_cell(s: &str) -> Cow<'_, str> {
    if s.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Undo [`safe_cell`] when reading a file back.
pub fn plain_cell(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => s,
    }
}

/// A CSV writer with `\n` line ends and quotes only where needed (rows may
/// differ in length).
pub fn writer<W: Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(out)
}

/// A lenient CSV reader over bytes: rows may have any number of cells, and a
/// header row is returned like any other (callers know their headers).
pub fn reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}
