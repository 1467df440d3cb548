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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_made_safe_and_read_back() {
        for s in ["=1+1", "+44", "-2", "@SUM(A1)", "\tx", "=HYPERLINK(\"x\")"] {
            let safe = safe_cell(s);
            assert!(safe.starts_with('\''), "{s}");
            assert_eq!(plain_cell(&safe), s);
        }
        for s in ["police-courier", "2026-03-01", "", "'quoted", "12"] {
            assert_eq!(safe_cell(s), s);
            assert_eq!(plain_cell(s), s);
        }
    }

    #[test]
    fn quoted_commas_quotes_and_line_breaks_round_trip() {
        let mut out = Vec::new();
        {
            let mut w = writer(&mut out);
            w.write_record(["a,b", "say \"hi\"", "two\nlines", "=1"])
                .expect("write");
            w.write_record(["x", "y"]).expect("write");
            w.flush().expect("flush");
        }
        let text = String::from_utf8(out.clone()).expect("utf-8");
        assert_eq!(text, "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",=1\nx,y\n");
        let rows: Vec<Vec<String>> = reader(&out)
            .records()
            .map(|r| r.expect("row").iter().map(str::to_string).collect())
            .collect();
        assert_eq!(rows[0], ["a,b", "say \"hi\"", "two\nlines", "=1"]);
        assert_eq!(rows[1], ["x", "y"]);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_cell() {
        let rows: Vec<csv::StringRecord> = reader("\u{feff}date,n\r\n1,2".as_bytes())
            .records()
            .filter_map(Result::ok)
            .collect();
        assert_eq!(&rows[0][0], "date");
        assert_eq!(&rows[1][1], "2");
    }
}
