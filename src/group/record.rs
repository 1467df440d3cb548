//! The anonymous record of a group session: one CSV row per session, in
//! `group-sessions.csv` under the data folder. It holds the date, how long it
//! took, which calls were used, how many people came (typed by the volunteer),
//! the show-of-hands counts, and the hands on the right answer in the quick
//! checks before and after practice. It never holds a name or free text.
//!
//! `summary()` is what `hangup stats` shows for group sessions.
//!
//! Every save goes through `store::update`: the data folder's lock is taken,
//! the file is read as it is now, the row is added and the whole file is
//! written atomically (the old file or the new one, never half of each). Two
//! sessions saving into one folder at once both keep their rows.
//!
//! "Not sure: I would check first" hands are written apart, in the
//! `check_*_unsure` columns. The file's `check_*_right` columns hold the
//! hands right *or* careful (named right plus not sure), as they always
//! have, so files already written and the tools that read them are not
//! changed. In the program, [`Hands`] holds the hands that named the call
//! right, apart from the "not sure" ones (a careful answer is safe, never
//! wrong, but tells no call apart, so it is not counted as right):
//! [`csv_line`] and [`read_all`] turn one into the other, and every summary
//! (the room's result, `hangup stats`, the report) counts the same way.
//!
//! ## The older five-, nine- and eleven-column files
//!
//! Before the quick check, the file had five columns (`OLD_HEADER`). A centre
//! may still have such a file, with sessions in it, open in a spreadsheet.
//! Adding nine-column rows under a five-column header would make a ragged
//! sheet whose new columns have no names. So when the header on disk is the
//! old one, `append` rewrites it with the new header, every old row given
//! empty cells up to the new width ("no quick check that day"), and the new
//! row at the end. Nothing else in the old rows
//! changes. One file name is kept, so reports and shortcuts that point at it
//! keep working. A first line that is neither header (someone edited it) is
//! kept byte for byte and the row is added below it: hangup never changes
//! the lines of a file it does not understand. A nine-column file (before
//! "Not sure") is widened the same way, each row given two empty cells, and
//! an eleven-column file (before the `marks` column) one empty cell.
//! `read_all` reads rows of any of the four widths.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::engine::quick_check::percent;

use super::Tally;

/// The file's name in the data folder.
pub const FILE_NAME: &str = "group-sessions.csv";
/// The first line of the file today: twelve columns, one per [`Record`]
/// field (the quick checks as right and hands, before and after, then the
/// "Not sure: I would check first" hands of each, kept apart, then the
/// marks: a quick check cut short, a session stopped early).
pub const HEADER: &str = "date,duration_minutes,scenarios,attendees,tallies,\
check_before_right,check_before_hands,check_after_right,check_after_hands,\
check_before_unsure,check_after_unsure,marks";
/// The header of files written before the marks column (eleven columns).
pub const ELEVEN_HEADER: &str = "date,duration_minutes,scenarios,attendees,tallies,\
check_before_right,check_before_hands,check_after_right,check_after_hands,\
check_before_unsure,check_after_unsure";
/// The header of files written before "Not sure" came to group mode (nine columns).
pub const NINE_HEADER: &str = "date,duration_minutes,scenarios,attendees,tallies,\
check_before_right,check_before_hands,check_after_right,check_after_hands";
/// The header of files written before the quick check came to group mode.
pub const OLD_HEADER: &str = "date,duration_minutes,scenarios,attendees,tallies";
/// Columns in a row under `OLD_HEADER`.
const OLD_COLUMNS: usize = 5;
/// Columns in a row under `NINE_HEADER`.
const NINE_COLUMNS: usize = 9;
/// Columns in a row under `ELEVEN_HEADER`.
const ELEVEN_COLUMNS: usize = 11;
/// Columns in a row under `HEADER`.
const COLUMNS: usize = 12;

/// The marks as the `marks` cell writes them, one word each, by spaces.
const MARK_BEFORE_CUT: &str = "check-before-cut-short";
const MARK_AFTER_CUT: &str = "check-after-cut-short";
const MARK_STOPPED: &str = "stopped-early";

/// The `marks` cell: "check-before-cut-short stopped-early", or empty.
pub fn marks_field(m: Marks) -> String {
    [
        (m.before_cut_short, MARK_BEFORE_CUT),
        (m.after_cut_short, MARK_AFTER_CUT),
        (m.stopped_early, MARK_STOPPED),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, w)| *w)
    .collect::<Vec<_>>()
    .join(" ")
}

/// The marks from a `marks` cell (words it does not know are left out;
/// a missing cell, as in older files, is no marks).
fn parse_marks(cell: Option<&String>) -> Marks {
    let mut m = Marks::default();
    for w in cell.map_or("", |c| c.as_str()).split_whitespace() {
        match w {
            MARK_BEFORE_CUT => m.before_cut_short = true,
            MARK_AFTER_CUT => m.after_cut_short = true,
            MARK_STOPPED => m.stopped_early = true,
            _ => {}
        }
    }
    m
}

pub use crate::present::group::{Hands, Marks, Record};

/// Quick-check hands summed over sessions (see [`Hands`]: right means
/// named right, and "not sure" is counted apart).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CheckTotal {
    /// Sessions that did this check (with or without counting hands).
    pub sessions: usize,
    /// Hands that named the call right, summed ("not sure" not included).
    pub named_right: u64,
    /// All the hands counted, summed.
    pub hands: u64,
    /// Hands for "Not sure: I would check first" (safe, never wrong), summed.
    pub unsure: u64,
    /// Sessions whose check was cut short (their hands are in the sums).
    pub cut_short: usize,
}

impl CheckTotal {
    /// Add one session's check (`None`: not done); `cut_short` when it was.
    pub fn add(&mut self, h: Option<Hands>, cut_short: bool) {
        if let Some(h) = h {
            // Capped as a record's cells are (a `Hands` made by hand may not add up).
            let h = Hands::from_record(h.right_or_careful(), h.hands, h.unsure);
            self.sessions += 1;
            self.cut_short += usize::from(cut_short);
            self.named_right = self.named_right.saturating_add(u64::from(h.named_right));
            self.hands = self.hands.saturating_add(u64::from(h.hands));
            self.unsure = self.unsure.saturating_add(u64::from(h.unsure));
        }
    }

    /// The share of hands that named the call right, rounded down; `None`
    /// when no hands were counted.
    pub fn percent(&self) -> Option<u64> {
        percent(self.named_right, self.hands)
    }

    /// "60 hands, 58% right, 5 of them not sure: I would check first
    /// (always safe)", or
    /// "no hands counted"; then ", 1 check cut short" when a check was.
    pub fn words(&self) -> String {
        let words = self.hand_words();
        match self.cut_short {
            0 => words,
            n => format!(
                "{words}, {n} {} cut short",
                if n == 1 { "check" } else { "checks" }
            ),
        }
    }

    fn hand_words(&self) -> String {
        match self.percent() {
            Some(p) if self.unsure > 0 => format!(
                "{} hand{}, {p}% right, {} of them not sure: I would check first (always safe)",
                self.hands,
                if self.hands == 1 { "" } else { "s" },
                self.unsure
            ),
            Some(p) => format!(
                "{} hand{}, {p}% right",
                self.hands,
                if self.hands == 1 { "" } else { "s" }
            ),
            None => "no hands counted".into(),
        }
    }
}

/// Totals over every saved group session, for `hangup stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// How many sessions were saved.
    pub sessions: usize,
    /// People at all of them (attendee counts added up).
    pub attendees: u64,
    /// Minutes of all of them (their lengths added up).
    pub minutes: u64,
    /// How often each scenario was used, most used first.
    pub scenarios: Vec<(String, usize)>,
    /// The quick checks before practice, summed.
    pub check_before: CheckTotal,
    /// The quick checks after practice, summed.
    pub check_after: CheckTotal,
    /// Sessions stopped before their end (their record is in the sums).
    pub stopped_early: usize,
}

/// The data folder (see `crate::store::data_dir`).
pub fn data_dir(given: Option<&Path>) -> Option<PathBuf> {
    crate::store::data_dir(given, None)
}

/// Tallies as one field: `scenario/step=1-safer:a|2-risky:b|3:c` per
/// decision, each count labelled with its choice (its number in the scenario
/// file, and "safer" or "risky"), `-` where not counted, decisions separated
/// by `; `. Counts are in the order the scenario file lists the choices, never
/// the order on screen, so two sessions read alike. A tally without labels
/// (made by hand) is written as before: `a|b|c`.
pub fn tallies_field(tallies: &[Tally]) -> String {
    tallies
        .iter()
        .map(|t| {
            // A labelled tally lists the choices the room saw, each by its
            // label; one with no label (never shown: its `when` was not met)
            // is left out.
            let labelled = t.labels.iter().any(|l| !l.is_empty());
            let counts: Vec<String> = t
                .counts
                .iter()
                .enumerate()
                .filter(|(i, _)| !labelled || t.labels.get(*i).is_some_and(|l| !l.is_empty()))
                .map(|(i, c)| {
                    let n = c.map_or_else(|| "-".to_string(), |n| n.to_string());
                    match t.labels.get(i).filter(|l| !l.is_empty()) {
                        Some(label) => format!("{label}:{n}"),
                        None => n,
                    }
                })
                .collect();
            format!("{}/{}={}", t.scenario, t.step, counts.join("|"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Most choices a saved decision can have (a label "999-safer" in a file
/// that was edited must not make a huge list).
const MAX_CHOICES: usize = 32;

/// Read the tallies field, labelled (`1-safer:5|2-risky:8`, in any order) or
/// as older files have it (`5|8`, in the scenario file's order).
fn parse_tallies(field: &str) -> Vec<Tally> {
    field
        .split(';')
        .filter_map(|part| {
            let (key, counts) = part.trim().split_once('=')?;
            let (scenario, step) = key.split_once('/')?;
            let mut t = Tally {
                scenario: scenario.to_string(),
                step: step.to_string(),
                counts: Vec::new(),
                labels: Vec::new(),
            };
            for (pos, cell) in counts.split('|').enumerate().take(MAX_CHOICES) {
                let (slot, label, n) = match cell.split_once(':') {
                    Some((label, n)) => {
                        let digits: String =
                            label.chars().take_while(char::is_ascii_digit).collect();
                        let Some(slot) = digits
                            .parse::<usize>()
                            .ok()
                            .and_then(|k| k.checked_sub(1))
                            .filter(|&k| k < MAX_CHOICES)
                        else {
                            continue;
                        };
                        (slot, label.trim().to_string(), n)
                    }
                    None => (pos, String::new(), cell),
                };
                if t.counts.len() <= slot {
                    t.counts.resize(slot + 1, None);
                    t.labels.resize(slot + 1, String::new());
                }
                t.counts[slot] = n.trim().parse().ok();
                t.labels[slot] = label;
            }
            if t.labels.iter().all(String::is_empty) {
                t.labels.clear();
            }
            Some(t)
        })
        .collect()
}

/// One CSV line (no newline). Text cells are made formula-safe
/// (`crate::spreadsheet::safe_cell`).
pub fn csv_line(r: &Record) -> String {
    use crate::spreadsheet::safe_cell;
    // The file's right column is the hands right or careful, as it always
    // was (see the module notes); the careful ones go in the unsure column.
    let hands = |h: Option<Hands>| match h {
        Some(h) => [h.right_or_careful().to_string(), h.hands.to_string()],
        None => [String::new(), String::new()],
    };
    let [before_right, before_hands] = hands(r.check_before);
    let [after_right, after_hands] = hands(r.check_after);
    let unsure = |h: Option<Hands>| h.map_or_else(String::new, |h| h.unsure.to_string());
    let (before_unsure, after_unsure) = (unsure(r.check_before), unsure(r.check_after));
    let scenarios = r.scenarios.join(";");
    let tallies = tallies_field(&r.tallies);
    let duration = r.duration_minutes.to_string();
    let attendees = r.attendees.to_string();
    let marks = marks_field(r.marks);
    let cells: [std::borrow::Cow<'_, str>; COLUMNS] = [
        safe_cell(&r.date),
        duration.as_str().into(),
        safe_cell(&scenarios),
        attendees.as_str().into(),
        safe_cell(&tallies),
        before_right.as_str().into(),
        before_hands.as_str().into(),
        after_right.as_str().into(),
        after_hands.as_str().into(),
        before_unsure.as_str().into(),
        after_unsure.as_str().into(),
        marks.as_str().into(),
    ];
    let mut out = Vec::new();
    {
        let mut w = crate::spreadsheet::writer(&mut out);
        // Writing to memory cannot fail.
        let _ = w.write_record(cells.iter().map(|c| c.as_bytes()));
        let _ = w.flush();
    }
    let mut line = String::from_utf8_lossy(&out).into_owned();
    if line.ends_with('\n') {
        line.pop();
    }
    line
}

/// The first line of a file, without a spreadsheet's byte-order mark or the
/// line ending.
fn first_line(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// Is this row one of the headers (old or new)?
fn is_header(row: &[String]) -> bool {
    row.first().is_some_and(|c| c.trim() == "date")
        && row.get(1).is_some_and(|c| c.trim() == "duration_minutes")
}

/// A row's bytes split into (line breaks before it, the row, its line end).
fn split_row(raw: &[u8]) -> (&[u8], &[u8], &[u8]) {
    let is_end = |b: &u8| *b == b'\n' || *b == b'\r';
    let lead = raw.iter().take_while(|b| is_end(b)).count();
    let tail = raw[lead..].iter().rev().take_while(|b| is_end(b)).count();
    let (before, rest) = raw.split_at(lead);
    let (row, end) = rest.split_at(rest.len() - tail);
    (before, row, end)
}

/// An older file (five, nine or eleven columns) with the new header, and
/// empty cells added to each row of an older width so it has twelve. The `csv` reader finds the rows (a line break
/// inside quotes is part of its row); the bytes are copied as they were, so
/// text in another encoding and the file's own line ends are kept.
fn widen_old_file(old: &[u8]) -> Vec<u8> {
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let mut out = Vec::with_capacity(old.len() + 64);
    let body = match old.strip_prefix(BOM) {
        Some(rest) => {
            out.extend_from_slice(BOM);
            rest
        }
        None => old,
    };
    let mut rows = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body);
    let mut row = csv::ByteRecord::new();
    let (mut copied, mut first) = (0usize, true);
    while let Ok(true) = rows.read_byte_record(&mut row) {
        let end = usize::try_from(rows.position().byte())
            .unwrap_or(body.len())
            .min(body.len());
        if end < copied {
            break;
        }
        let (before, text, line_end) = split_row(&body[copied..end]);
        out.extend_from_slice(before);
        if first {
            out.extend_from_slice(HEADER.as_bytes());
            first = false;
        } else {
            out.extend_from_slice(text);
            if [OLD_COLUMNS, NINE_COLUMNS, ELEVEN_COLUMNS].contains(&row.len()) {
                out.extend_from_slice(",".repeat(COLUMNS - row.len()).as_bytes());
            }
        }
        out.extend_from_slice(line_end);
        copied = end;
    }
    // Whatever the reader could not take (a quote never closed) stays as it was.
    out.extend_from_slice(&body[copied..]);
    out
}

/// The largest records file read (regular files only; see `crate::store`).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Add a record to `dir/group-sessions.csv` (made with a header if new; an
/// old five-column file is widened first, see the module notes).
/// Returns the file's path.
pub fn append(dir: &Path, record: &Record) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    let mut row = csv_line(record);
    row.push('\n');
    // Under the data folder's lock: read what is there now, add the row and
    // write the whole file atomically, so two group sessions saving at once
    // both keep their rows and a power cut never leaves half a row.
    crate::store::update(&path, MAX_FILE_BYTES, |existing| {
        Ok((with_row(existing.unwrap_or_default(), &row), ()))
    })?;
    Ok(path)
}

/// The file's bytes with `row` (ending in a line end) added at the end:
/// made with a header if new, an older file widened first.
fn with_row(existing: Vec<u8>, row: &str) -> Vec<u8> {
    let first = first_line(&existing);
    let older = [OLD_HEADER, NINE_HEADER, ELEVEN_HEADER].map(str::as_bytes);
    let mut text = if older.contains(&first) {
        widen_old_file(&existing)
    } else if existing.is_empty() {
        format!("{HEADER}\n").into_bytes()
    } else {
        existing
    };
    if text.last().is_some_and(|&b| b != b'\n') {
        // Someone saved the file without a last line end: start a new line.
        text.push(b'\n');
    }
    text.extend_from_slice(row.as_bytes());
    text
}

/// Put `new` in place of the row saved as `old` (the number of people
/// corrected after saving), under the same lock as [`append`]: the last
/// line that is `old`'s row, byte for byte, is replaced and nothing else
/// changes. If that row is not there any more (the file was edited), `new`
/// is added as [`append`] adds a row. Returns the file's path.
pub fn replace(dir: &Path, old: &Record, new: &Record) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    let was = csv_line(old);
    let now = csv_line(new);
    crate::store::update(&path, MAX_FILE_BYTES, |existing| {
        let existing = existing.unwrap_or_default();
        let Some(at) = find_line(&existing, was.as_bytes()) else {
            return Ok((with_row(existing, &format!("{now}\n")), ()));
        };
        let mut text = existing[..at].to_vec();
        text.extend_from_slice(now.as_bytes());
        text.extend_from_slice(&existing[at + was.len()..]);
        Ok((text, ()))
    })?;
    Ok(path)
}

/// Where the last line that is exactly `line` starts in `text` (a line
/// starts the file or follows `\n`, and ends at `\r`, `\n` or the end).
fn find_line(text: &[u8], line: &[u8]) -> Option<usize> {
    if line.is_empty() || line.len() > text.len() {
        return None;
    }
    (0..=text.len() - line.len()).rev().find(|&at| {
        let starts = at == 0 || text[at - 1] == b'\n';
        let ends = matches!(text.get(at + line.len()), None | Some(b'\r' | b'\n'));
        starts && ends && &text[at..at + line.len()] == line
    })
}

/// A quick check's cells as hands, or `None` when empty (not done) or
/// unreadable. The "not sure" cell may be missing or empty (older files): 0.
/// The right cell is the hands right or careful: the "not sure" hands are
/// taken out of it (see the module notes).
fn parse_hands(
    right: Option<&String>,
    hands: Option<&String>,
    unsure: Option<&String>,
) -> Option<Hands> {
    let right: u32 = right?.trim().parse().ok()?;
    let hands: u32 = hands?.trim().parse().ok()?;
    let unsure: u32 = unsure.and_then(|u| u.trim().parse().ok()).unwrap_or(0);
    Some(Hands::from_record(right, hands, unsure))
}

/// Every record saved in `dir`, from files with the old header or the new one
/// (rows that cannot be read are left out).
pub fn read_all(dir: &Path) -> io::Result<Vec<Record>> {
    use crate::spreadsheet::plain_cell;
    let path = dir.join(FILE_NAME);
    let bytes = match crate::store::read_capped(&path, MAX_FILE_BYTES) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut rows = crate::spreadsheet::reader(&bytes);
    let mut records = Vec::new();
    let mut raw = csv::ByteRecord::new();
    loop {
        match rows.read_byte_record(&mut raw) {
            Ok(true) => {}
            Ok(false) => break,
            // Reading from memory: only a broken file ends it early.
            Err(_) => break,
        }
        let f: Vec<String> = raw
            .iter()
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect();
        if f.len() < OLD_COLUMNS || is_header(&f) {
            continue;
        }
        let (Ok(duration_minutes), Ok(attendees)) = (f[1].trim().parse(), f[3].trim().parse())
        else {
            continue;
        };
        records.push(Record {
            date: plain_cell(&f[0]).to_string(),
            duration_minutes,
            scenarios: plain_cell(&f[2])
                .split(';')
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
            attendees,
            tallies: parse_tallies(plain_cell(&f[4])),
            check_before: parse_hands(f.get(5), f.get(6), f.get(9)),
            check_after: parse_hands(f.get(7), f.get(8), f.get(10)),
            marks: parse_marks(f.get(11)),
        });
    }
    Ok(records)
}

/// Totals for `hangup stats`.
pub fn summary(dir: &Path) -> io::Result<Summary> {
    let records = read_all(dir)?;
    let mut counts: Vec<(String, usize)> = Vec::new();
    for id in records.iter().flat_map(|r| &r.scenarios) {
        match counts.iter_mut().find(|(s, _)| s == id) {
            Some((_, n)) => *n += 1,
            None => counts.push((id.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let (mut check_before, mut check_after) = (CheckTotal::default(), CheckTotal::default());
    for r in &records {
        check_before.add(r.check_before, r.marks.before_cut_short);
        check_after.add(r.check_after, r.marks.after_cut_short);
    }
    Ok(Summary {
        sessions: records.len(),
        attendees: records.iter().map(|r| u64::from(r.attendees)).sum(),
        minutes: records.iter().map(|r| u64::from(r.duration_minutes)).sum(),
        scenarios: counts,
        check_before,
        check_after,
        stopped_early: records.iter().filter(|r| r.marks.stopped_early).count(),
    })
}

/// The summary in plain words, for `hangup stats`.
pub fn write_summary(s: &Summary, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "Group sessions: {}", s.sessions)?;
    writeln!(
        out,
        "People who came (as counted by volunteers): {}",
        s.attendees
    )?;
    writeln!(out, "Minutes of group sessions: {}", s.minutes)?;
    for (id, n) in &s.scenarios {
        writeln!(
            out,
            "  {id}: used in {n} session{}",
            if *n == 1 { "" } else { "s" }
        )?;
    }
    if s.check_before.sessions + s.check_after.sessions > 0 {
        writeln!(
            out,
            "Group quick check: before practice {}; after practice {}.",
            s.check_before.words(),
            s.check_after.words()
        )?;
    }
    if s.stopped_early > 0 {
        writeln!(
            out,
            "Sessions stopped before their end: {} (what was counted is kept).",
            s.stopped_early
        )?;
    }
    Ok(())
}
