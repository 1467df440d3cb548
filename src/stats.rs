//! Anonymous usage counts: all that the kiosk ever writes to disk.
//!
//! Per day (the local date in the system's time zone, from `crate::dates`;
//! nothing finer): visits started, calls finished per scenario id and
//! outcome, idle resets. No free text, no times, no device or
//! visitor details. The file is TOML, written atomically (temp file in the
//! same folder, fsync, rename, fsync the folder), so a power cut leaves either
//! the old counts or the new ones, never a broken file.
//!
//! To add another kind of record (for example group sessions): add a field to
//! [`Counters`] with `#[serde(default)]`, and push its lines in
//! [`Counters::rows`]. The table and the CSV are built from those rows.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::Outcome;
use crate::engine::quick_check::{Score, Stage, percent};
use crate::error::{DataFor, Error, FileKind, Result};

/// The counts file's name inside the data folder.
pub const FILE_NAME: &str = "counters.toml";

/// Everything counted, by kind of record, then by day ("2026-05-01").
/// A file written by a newer version may have records this one does not know:
/// they are kept as they are (`other`) and written back, never called damage.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Counters {
    /// The kiosk's counts, by day ("2026-05-01").
    #[serde(default)]
    pub kiosk: BTreeMap<String, KioskDay>,
    /// Records from a newer version, kept unchanged.
    #[serde(flatten)]
    pub other: BTreeMap<String, toml::Value>,
}

/// One day's counts from the kiosk (a `[kiosk."YYYY-MM-DD"]` table in `counters.toml`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct KioskDay {
    /// Visits started: each time a visitor left the invitation screen.
    #[serde(default)]
    pub visits: u64,
    /// Times the kiosk started again by itself after nobody answered "Are you still there?".
    #[serde(default)]
    pub idle_resets: u64,
    /// By scenario id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub finished: BTreeMap<String, Outcomes>,
    /// Quick checks ("a scam or a real call?") before practice: scores only.
    #[serde(default, skip_serializing_if = "CheckCounts::is_empty")]
    pub check_before: CheckCounts,
    /// Quick checks after some practice.
    #[serde(default, skip_serializing_if = "CheckCounts::is_empty")]
    pub check_after: CheckCounts,
    /// Counts from a newer version, kept unchanged.
    #[serde(flatten)]
    pub other: BTreeMap<String, toml::Value>,
}

/// Quick checks taken, and the answers right out of the answers given.
///
/// As stored in `counters.toml` (and in the learner's [`Score`]), `right`
/// is the answers right *or* careful: the "Not sure: I would check first"
/// answers are in it, and `unsure` says how many. The file keeps that
/// meaning, so counts written by older versions still read the same. What
/// `hangup stats` shows (the table, `--csv`, the report) is worked out
/// when it is shown: [`CheckCounts::named_right`], the answers that named
/// the call right, and the careful answers apart, as safe, never as right
/// and never as wrong, as everywhere else.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckCounts {
    /// People who finished the check.
    #[serde(default)]
    pub taken: u64,
    /// Answers right or careful ("not sure" included), added over those
    /// people. Shown as [`CheckCounts::named_right`].
    #[serde(default)]
    pub right: u64,
    /// Answers given, added over those people.
    #[serde(default)]
    pub asked: u64,
    /// Of `right`, the "Not sure: I would check first" answers (kept apart).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unsure: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl CheckCounts {
    /// True when nobody took the check.
    pub fn is_empty(&self) -> bool {
        self.taken == 0
    }

    /// Count one person's finished check, with their score.
    pub fn add(&mut self, score: Score) {
        self.taken = self.taken.saturating_add(1);
        self.right = self.right.saturating_add(u64::from(score.right));
        self.asked = self.asked.saturating_add(u64::from(score.asked));
        self.unsure = self.unsure.saturating_add(u64::from(score.unsure));
    }

    /// The answers that named the call right (a scam called a scam, a real
    /// call a real call): `right` without the careful "not sure" answers,
    /// which are safe but tell no call apart (as `Score::named_right`).
    pub fn named_right(&self) -> u64 {
        self.right.min(self.asked).saturating_sub(self.unsure)
    }

    /// "12 people, 58% of answers right", then the careful answers apart
    /// (", 3 answers \"Not sure: I would check first\" (always safe)"), or
    /// None when nobody took it.
    pub fn words(&self) -> Option<String> {
        if self.taken == 0 {
            return None;
        }
        let percent = percent(self.named_right(), self.asked)?;
        let careful = match self.unsure {
            0 => String::new(),
            1 => ", 1 answer \"Not sure: I would check first\" (always safe)".to_string(),
            n => format!(", {n} answers \"Not sure: I would check first\" (always safe)"),
        };
        Some(format!(
            "{} {}, {percent}% of answers right{careful}",
            self.taken,
            if self.taken == 1 { "person" } else { "people" }
        ))
    }
}

/// How often one scenario's calls ended each way, on one day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Outcomes {
    /// Calls that reached a safe ending.
    #[serde(default)]
    pub safe: u64,
    /// Calls that reached a partly safe ending.
    #[serde(default)]
    pub partly_safe: u64,
    /// Calls that reached an ending where money or details were lost.
    #[serde(default)]
    pub defrauded: u64,
}

impl Outcomes {
    fn add(&mut self, outcome: Outcome) {
        let n = match outcome {
            Outcome::Safe => &mut self.safe,
            Outcome::PartlySafe => &mut self.partly_safe,
            Outcome::Defrauded => &mut self.defrauded,
        };
        *n = n.saturating_add(1);
    }
}

/// One line of the report: what was counted, where, on which day, how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The day counted, "YYYY-MM-DD".
    pub date: String,
    /// Which part of hangup counted it: "kiosk" (later also "group").
    pub source: &'static str,
    /// A fixed name, e.g. "visits" or "finished-safe".
    pub measure: &'static str,
    /// The scenario id, when the count is about one scenario.
    pub scenario: String,
    /// How many times.
    pub count: u64,
}

impl Counters {
    /// The counts for `day` ("YYYY-MM-DD"), started empty if there are none yet.
    pub fn kiosk_day(&mut self, day: &str) -> &mut KioskDay {
        self.kiosk.entry(day.to_string()).or_default()
    }

    /// Count a visit started on `day` ("YYYY-MM-DD").
    pub fn visit_started(&mut self, day: &str) {
        let d = self.kiosk_day(day);
        d.visits = d.visits.saturating_add(1);
    }

    /// Count an idle reset on `day` ("YYYY-MM-DD").
    pub fn idle_reset(&mut self, day: &str) {
        let d = self.kiosk_day(day);
        d.idle_resets = d.idle_resets.saturating_add(1);
    }

    /// A visitor finished a quick check.
    pub fn check_finished(&mut self, day: &str, stage: Stage, score: Score) {
        let d = self.kiosk_day(day);
        match stage {
            Stage::Before => d.check_before.add(score),
            Stage::After => d.check_after.add(score),
        }
    }

    /// Quick-check totals over every day: (before, after).
    pub fn check_totals(&self) -> (CheckCounts, CheckCounts) {
        let mut before = CheckCounts::default();
        let mut after = CheckCounts::default();
        for d in self.kiosk.values() {
            for (total, day) in [(&mut before, &d.check_before), (&mut after, &d.check_after)] {
                total.taken = total.taken.saturating_add(day.taken);
                total.right = total.right.saturating_add(day.right);
                total.asked = total.asked.saturating_add(day.asked);
                total.unsure = total.unsure.saturating_add(day.unsure);
            }
        }
        (before, after)
    }

    /// Count a call of `scenario` (its id) that ended with `outcome` on `day` ("YYYY-MM-DD").
    pub fn call_finished(&mut self, day: &str, scenario: &str, outcome: Outcome) {
        self.kiosk_day(day)
            .finished
            .entry(scenario.to_string())
            .or_default()
            .add(outcome);
    }

    /// Every count as a report line, sorted by date.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = Vec::new();
        for (date, d) in &self.kiosk {
            let row = |measure, scenario: &str, count| Row {
                date: date.clone(),
                source: "kiosk",
                measure,
                scenario: scenario.to_string(),
                count,
            };
            rows.push(row("visits", "", d.visits));
            rows.push(row("idle-resets", "", d.idle_resets));
            for (id, o) in &d.finished {
                rows.push(row("finished-safe", id, o.safe));
                rows.push(row("finished-partly-safe", id, o.partly_safe));
                rows.push(row("finished-defrauded", id, o.defrauded));
            }
            for (names, c) in [
                (
                    [
                        "check-before-taken",
                        "check-before-right",
                        "check-before-asked",
                        "check-before-unsure",
                    ],
                    d.check_before,
                ),
                (
                    [
                        "check-after-taken",
                        "check-after-right",
                        "check-after-asked",
                        "check-after-unsure",
                    ],
                    d.check_after,
                ),
            ] {
                if !c.is_empty() {
                    rows.push(row(names[0], "", c.taken));
                    // Named right: the careful answers are the unsure row,
                    // not counted as right (see `CheckCounts`).
                    rows.push(row(names[1], "", c.named_right()));
                    rows.push(row(names[2], "", c.asked));
                    rows.push(row(names[3], "", c.unsure));
                }
            }
        }
        rows.sort_by(|a, b| a.date.cmp(&b.date));
        rows
    }
}

/// Plain words for a measure, for the table.
fn measure_words(measure: &str) -> &str {
    match measure {
        "visits" => "Visits started",
        "idle-resets" => "Left alone, started again",
        "finished-safe" => "Finished: stayed safe",
        "finished-partly-safe" => "Finished: partly safe",
        "finished-defrauded" => "Finished: caller got what they wanted",
        "check-before-taken" => "Quick check before practice: people",
        "check-before-right" => "Quick check before practice: answers right",
        "check-before-asked" => "Quick check before practice: answers given",
        "check-before-unsure" => {
            "Quick check before practice: 'Not sure: I would check first' (always safe)"
        }
        "check-after-taken" => "Quick check after practice: people",
        "check-after-right" => "Quick check after practice: answers right",
        "check-after-asked" => "Quick check after practice: answers given",
        "check-after-unsure" => {
            "Quick check after practice: 'Not sure: I would check first' (always safe)"
        }
        other => other,
    }
}

/// A table for people: one line a count, columns lined up.
pub fn write_table(rows: &[Row], out: &mut impl Write) -> io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "Nothing has been counted yet.");
    }
    let header = ["Date", "Where", "What", "Call", "Count"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|r| {
            [
                r.date.clone(),
                r.source.to_string(),
                measure_words(r.measure).to_string(),
                if r.scenario.is_empty() {
                    "-".to_string()
                } else {
                    r.scenario.clone()
                },
                r.count.to_string(),
            ]
        })
        .collect();
    let mut width = header.map(str::len);
    for c in &cells {
        for (w, s) in width.iter_mut().zip(c) {
            *w = (*w).max(s.chars().count());
        }
    }
    let line = |cols: [&str; 5], out: &mut dyn Write| -> io::Result<()> {
        let mut s = String::new();
        for (i, (c, w)) in cols.iter().zip(width).enumerate() {
            if i == 4 {
                s.push_str(&format!("{c:>w$}"));
            } else {
                s.push_str(&format!("{c:<w$}  "));
            }
        }
        writeln!(out, "{}", s.trim_end())
    };
    line(header, out)?;
    for c in &cells {
        line([&c[0], &c[1], &c[2], &c[3], &c[4]], out)?;
    }
    Ok(())
}

/// CSV for a spreadsheet: `date,source,measure,scenario,count` (text cells
/// made formula-safe, see `crate::spreadsheet`).
pub fn write_csv(rows: &[Row], out: &mut impl Write) -> io::Result<()> {
    use crate::spreadsheet::safe_cell;
    let mut w = crate::spreadsheet::writer(out);
    w.write_record(["date", "source", "measure", "scenario", "count"])?;
    for r in rows {
        let count = r.count.to_string();
        let cells = [
            safe_cell(&r.date),
            safe_cell(r.source),
            safe_cell(r.measure),
            safe_cell(&r.scenario),
            count.as_str().into(),
        ];
        w.write_record(cells.iter().map(|c| c.as_bytes()))?;
    }
    w.flush()
}

/// Today's local date as "YYYY-MM-DD" (no finer time is ever stored).
pub fn today() -> String {
    crate::dates::iso(crate::dates::today())
}

/// Days since 1970-01-01 → "YYYY-MM-DD".
pub fn date_of_day(days: i64) -> String {
    crate::dates::iso(days)
}

/// Where the counts live (see `crate::store::data_dir`; the kiosk settings file
/// `data-dir` comes after `--data-dir` and HANGUP_DATA_DIR).
pub fn data_dir(from_cli: Option<&Path>, from_config: Option<&Path>) -> Option<PathBuf> {
    crate::store::data_dir(from_cli, from_config)
}

pub use crate::store::write_atomic;

/// Read the counts file. A missing file is no counts; a damaged one is an error.
/// Only a regular file is read, and at most `store::MAX_DATA_BYTES` of it.
pub fn load(path: &Path) -> Result<Counters> {
    match crate::store::read_if_there(path, crate::store::MAX_DATA_BYTES) {
        Ok(Some(bytes)) => parse(path, &bytes),
        Ok(None) => Ok(Counters::default()),
        Err(e) => Err(Error::read(FileKind::Counts, path, e)),
    }
}

/// The counts in the bytes of the file `path`, or why they could not be read.
fn parse(path: &Path, bytes: &[u8]) -> Result<Counters> {
    let damaged = |why: String| Error::Damaged {
        what: FileKind::Counts,
        path: path.to_path_buf(),
        why,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| damaged("it is not plain text".into()))?;
    toml::from_str(text).map_err(|e| damaged(e.message().trim().replace('\n', " ")))
}

/// The counts of a running kiosk, saved after every change. When the folder
/// cannot be written the kiosk runs on without saving (it never stops for this).
/// Several kiosks may share one folder: each change is made to what is in the
/// file at that moment, under a lock, so every kiosk's counts are kept.
#[derive(Debug)]
pub struct Store {
    path: Option<PathBuf>,
    /// The counts as they are now (saved after every change, when saving works).
    pub counters: Counters,
    /// Plain-words problems to tell the operator (on stderr, outside the screen).
    pub warnings: Vec<String>,
}

impl Store {
    /// Counts kept in memory only.
    pub fn in_memory() -> Self {
        Self {
            path: None,
            counters: Counters::default(),
            warnings: Vec::new(),
        }
    }

    /// Open (or start) the counts file in `dir`. Problems become warnings.
    /// A damaged file is kept beside the new one as
    /// `counters.toml.damaged-YYYY-MM-DD` (then `-2`, `-3`, …: never overwritten).
    pub fn open(dir: Option<&Path>) -> Self {
        let mut store = Self::in_memory();
        let Some(dir) = dir else {
            store.warnings.push(
                "hangup: there is no folder to save the counts in (set --data-dir). Counts will not be saved."
                    .into(),
            );
            return store;
        };
        if let Err(e) = fs::create_dir_all(dir) {
            store.warnings.push(format!(
                "hangup: cannot use the folder {} ({}). Counts will not be saved.",
                crate::sanitize::path(dir),
                crate::error::plain_io(&e)
            ));
            return store;
        }
        let path = dir.join(FILE_NAME);
        crate::store::sweep_temp(&path);
        match load(&path) {
            Ok(c) => store.counters = c,
            Err(problem) => {
                match crate::store::keep_damaged(&path, &format!("damaged-{}", today())) {
                    Ok(aside) => store.warnings.push(format!(
                        "hangup: {problem}. It was kept as {} and counting starts again.",
                        crate::sanitize::path(&aside)
                    )),
                    Err(_) => {
                        store
                            .warnings
                            .push(format!("hangup: {problem}. Counts will not be saved."));
                        return store;
                    }
                }
            }
        }
        store.path = Some(path);
        // Find out now, not in the middle of a visit, whether saving works.
        store.record(|_, _| {});
        store
    }

    /// True when the counts are being saved to a file (false when kept in memory only).
    pub fn is_saving(&self) -> bool {
        self.path.is_some()
    }

    /// Change the counts and save them: under the folder's lock, the change
    /// is made to the counts in the file now (another kiosk may have added
    /// some), then written atomically. A failed save stops further saving
    /// (one warning, never a crash); counting goes on in memory.
    pub fn record(&mut self, change: impl FnOnce(&mut Counters, &str)) {
        let day = today();
        let Some(path) = self.path.clone() else {
            change(&mut self.counters, &day);
            return;
        };
        let mine = self.counters.clone();
        let mut damaged = None;
        let mut change = Some(change);
        let result = crate::store::update(&path, crate::store::MAX_DATA_BYTES, |now| {
            let mut counters = match now.as_deref().map(|bytes| parse(&path, bytes)) {
                None => Counters::default(),
                Some(Ok(c)) => c,
                Some(Err(why)) => {
                    // Damaged since we started: keep it, go on from what we knew.
                    damaged = Some((
                        why,
                        crate::store::keep_damaged(&path, &format!("damaged-{day}")).ok(),
                    ));
                    mine
                }
            };
            if let Some(change) = change.take() {
                change(&mut counters, &day);
            }
            let text = toml::to_string(&counters).map_err(|e| io::Error::other(e.to_string()))?;
            Ok((text.into_bytes(), counters))
        });
        if let Some((why, aside)) = damaged {
            self.warnings.push(format!(
                "hangup: {why}; it was kept as {}.",
                aside.map_or_else(|| "it was".into(), |a| crate::sanitize::path(&a))
            ));
        }
        match result {
            Ok(c) => self.counters = c,
            Err(e) => {
                if let Some(change) = change.take() {
                    change(&mut self.counters, &day);
                }
                self.warnings.push(format!(
                    "hangup: cannot save the counts in {} ({}). Counts will not be saved.",
                    crate::sanitize::path(&path),
                    crate::error::plain_io(&e)
                ));
                self.path = None;
            }
        }
    }
}

/// The kiosk's quick-check totals in words, for an impact report.
pub fn check_summary(c: &Counters) -> Option<Vec<String>> {
    let (before, after) = c.check_totals();
    if before.is_empty() && after.is_empty() {
        return None;
    }
    let mut v = vec!["Kiosk quick check (a scam or a real call?), all days:".to_string()];
    v.push(format!(
        "Before practice: {}.",
        before.words().unwrap_or_else(|| "nobody yet".into())
    ));
    v.push(format!(
        "After practice: {}.",
        after.words().unwrap_or_else(|| "nobody yet".into())
    ));
    Some(v)
}

/// Said instead of the empty table when only group sessions were recorded.
const KIOSK_NOTHING_YET: &str = "The kiosk has counted nothing yet.";

/// After "Nothing has been counted yet.": the folder it looked in (safe to
/// print), as `hangup progress` says where progress is kept, and whether
/// that folder is there at all.
fn nothing_in(dir: &Path, out: &mut impl Write) -> io::Result<()> {
    let shown = crate::sanitize::path(dir);
    if dir.is_dir() {
        writeln!(out, "Counts are kept in {shown}.")
    } else {
        writeln!(
            out,
            "Counts are kept in {shown}. That folder is not there yet."
        )
    }
}

/// `hangup stats`: print the counts as a table, or as CSV.
pub fn print(dir: Option<&Path>, csv: bool, out: &mut impl Write) -> Result<()> {
    let Some(dir) = dir else {
        return Err(Error::NoDataFolder(DataFor::Counts));
    };
    let counters = load(&dir.join(FILE_NAME))?;
    let rows = counters.rows();
    let written = if csv {
        write_csv(&rows, out)
    } else {
        // Group sessions keep their own CSV (group-sessions.csv, already a
        // spreadsheet); the table adds their totals.
        let groups = crate::group::record::summary(dir)
            .ok()
            .filter(|g| g.sessions > 0);
        let table = if rows.is_empty() && groups.is_some() {
            // Not "Nothing has been counted yet" above the group totals.
            writeln!(out, "{}", KIOSK_NOTHING_YET)
        } else if rows.is_empty() {
            // Nothing at all: say where it looked, so a wrong folder shows.
            write_table(&rows, out).and_then(|()| nothing_in(dir, out))
        } else {
            write_table(&rows, out)
        };
        table.and_then(|()| {
            if let Some(lines) = check_summary(&counters) {
                writeln!(out)?;
                for l in lines {
                    writeln!(out, "{l}")?;
                }
            }
            match &groups {
                Some(g) => {
                    writeln!(out)?;
                    crate::group::record::write_summary(g, out)
                }
                None => Ok(()),
            }
        })
    };
    Ok(written?)
}
