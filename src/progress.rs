//! Progress without accounts: one small plain-text file (TOML) saying which
//! calls were practised, how they ended, which tricks caught the learner out,
//! and on which day. No names, nothing the learner typed, no times of day.
//!
//! The file lives in the data folder: `--data-dir`, else `HANGUP_DATA_DIR`,
//! else the platform's data folder (for example `~/.local/share/hangup`).
//! It is written atomically (a temporary file, flushed to disk, then renamed),
//! and a file that cannot be read is moved aside and a fresh one started:
//! progress is a help, never a reason for the program to stop.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::quick_check::{Score, Stage};
use crate::engine::session::CallResult;
use crate::engine::{Catalogue, Library, Outcome, Scenario, Script};

/// Days until a call is worth practising again (inoculation fades after about two weeks).
pub const BOOSTER_DAYS: i64 = 14;

/// The progress file's name inside the data folder.
pub const FILE_NAME: &str = "progress.toml";

// ---------------------------------------------------------------- days

/// A calendar day (no time of day is ever stored), as days since 1 January 1970.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

impl Day {
    /// Today, in the system's time zone. `HANGUP_TODAY=YYYY-MM-DD` overrides it,
    /// for trying boosters out.
    pub fn today() -> Day {
        if let Some(d) = std::env::var("HANGUP_TODAY")
            .ok()
            .and_then(|s| Day::parse(&s))
        {
            return d;
        }
        Day(crate::dates::today())
    }

    /// The local date at an instant in a time zone.
    pub fn at(now: jiff::Timestamp, tz: &jiff::tz::TimeZone) -> Day {
        Day(crate::dates::day_at(now, tz))
    }

    /// The date as (year, month 1-12, day of month 1-31).
    pub fn ymd(self) -> (i64, u32, u32) {
        crate::dates::civil(self.0)
    }

    /// `YYYY-MM-DD`, or nothing if it is not a real date.
    pub fn parse(s: &str) -> Option<Day> {
        crate::dates::parse_iso(s).map(Day)
    }

    /// The day `days` later (earlier when negative).
    pub fn plus(self, days: i64) -> Day {
        Day(self.0 + days)
    }

    /// "3 February 2026": how a learner reads a date.
    pub fn long(self) -> String {
        crate::i18n::date_long(self.0)
    }

    /// `YYYYMMDD`, for the name of a file set aside.
    pub fn compact(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}{m:02}{d:02}")
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Day::parse(&s).ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

// ---------------------------------------------------------------- the record

/// Everything that is kept. Unknown fields from a newer version are ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    /// The file format's version (1 today); a file without one is read as 1.
    #[serde(default = "version")]
    pub version: u32,
    /// By scenario id.
    #[serde(default)]
    pub scenarios: BTreeMap<String, Record>,
    /// By trick (red-flag) id: tricks that caught the learner out.
    #[serde(default)]
    pub tricks: BTreeMap<String, TrickRecord>,
    /// Quick checks ("a scam or a real call?") taken, oldest first: scores only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<CheckRecord>,
    /// Calls finished since the last quick check (the after check waits for some).
    #[serde(default)]
    pub calls_since_check: u32,
    /// Fields written by a newer version, kept unchanged and written back.
    #[serde(flatten)]
    pub other: BTreeMap<String, toml::Value>,
}

/// One quick check: when, which set, and the score. Nothing typed is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    /// The day the check was taken.
    pub day: Day,
    /// Before or after practice.
    pub stage: Stage,
    /// Answers right.
    pub right: u32,
    /// Questions asked.
    pub asked: u32,
    /// Of `right`, the "Not sure: I would check first" answers (kept apart).
    /// Absent in files written before it was counted: read as 0.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unsure: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl CheckRecord {
    /// The check's score, right out of asked.
    pub fn score(&self) -> Score {
        Score {
            right: self.right,
            asked: self.asked,
            unsure: self.unsure,
        }
    }
}

fn version() -> u32 {
    1
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            version: version(),
            scenarios: BTreeMap::new(),
            tricks: BTreeMap::new(),
            checks: Vec::new(),
            calls_since_check: 0,
            other: BTreeMap::new(),
        }
    }
}

/// What is kept about one call: how often it was played, when, and how it ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// How many times the call was played to an ending.
    pub plays: u32,
    /// The day it was first played to an ending.
    pub first_played: Day,
    /// The day it was last played to an ending (the booster day counts from here).
    pub last_played: Day,
    /// How it ended last time.
    pub last_outcome: Outcome,
    /// Times it ended safely.
    #[serde(default)]
    pub safe: u32,
    /// Times it ended partly safely.
    #[serde(default)]
    pub partly_safe: u32,
    /// Times it ended with money or details lost.
    #[serde(default)]
    pub defrauded: u32,
    /// The seed of the last run, so the next one can use a different variant.
    /// Kept as text: TOML numbers stop at 2^63, seeds do not.
    #[serde(default, with = "seed_text")]
    pub last_seed: Option<u64>,
    /// Tricks the learner went along with last time.
    #[serde(default)]
    pub missed_last_time: Vec<String>,
}

mod seed_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(n) => s.serialize_str(&n.to_string()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Seed {
            Text(String),
            Number(u64),
        }
        Ok(match Option::<Seed>::deserialize(d)? {
            Some(Seed::Text(t)) => t.parse().ok(),
            Some(Seed::Number(n)) => Some(n),
            None => None,
        })
    }
}

/// What is kept about one trick that caught the learner out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrickRecord {
    /// How many calls it caught the learner out in.
    pub missed: u32,
    /// The last day it caught them out.
    pub last_missed: Day,
    /// True until a later call that uses it goes by without it catching them out.
    pub to_practise: bool,
}

/// How a call is shown on the start screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Mark {
    /// Practised, and the booster day has come.
    Due,
    /// Uses a trick that caught the learner out before (in another call).
    /// `new`: never practised, so the list still says "New".
    BringsBack {
        /// True when the call was never practised.
        new: bool,
    },
    /// Never practised.
    New,
    /// Practised recently.
    Practised,
}

/// Every trick a scenario can show, in any of its choices.
pub fn scenario_tricks(s: &Scenario) -> BTreeSet<String> {
    s.steps
        .iter()
        .flat_map(|st| st.choices.iter())
        .flat_map(|c| c.flags.iter())
        .map(|f| f.get_ref().clone())
        .collect()
}

impl Progress {
    /// Note a finished call: its outcome and seed, the tricks that caught the
    /// learner out (`result.missed`: to practise again), and the tricks met on
    /// the way and resisted (in `result.met` but not in `result.missed`: learnt).
    pub fn record(&mut self, result: &CallResult, seed: u64, today: Day) {
        let r = self
            .scenarios
            .entry(result.scenario.clone())
            .or_insert(Record {
                plays: 0,
                first_played: today,
                last_played: today,
                last_outcome: result.outcome,
                safe: 0,
                partly_safe: 0,
                defrauded: 0,
                last_seed: None,
                missed_last_time: Vec::new(),
            });
        r.plays = r.plays.saturating_add(1);
        self.calls_since_check = self.calls_since_check.saturating_add(1);
        r.last_played = today;
        r.last_outcome = result.outcome;
        r.last_seed = Some(seed);
        r.missed_last_time = result.missed.clone();
        match result.outcome {
            Outcome::Safe => r.safe = r.safe.saturating_add(1),
            Outcome::PartlySafe => r.partly_safe = r.partly_safe.saturating_add(1),
            Outcome::Defrauded => r.defrauded = r.defrauded.saturating_add(1),
        }
        for t in &result.missed {
            let tr = self.tricks.entry(t.clone()).or_insert(TrickRecord {
                missed: 0,
                last_missed: today,
                to_practise: true,
            });
            tr.missed = tr.missed.saturating_add(1);
            tr.last_missed = today;
            tr.to_practise = true;
        }
        // A trick met again without it catching the learner out is learnt.
        // Only the tricks this path showed: not every trick in the file.
        for t in &result.met {
            if !result.missed.contains(t)
                && let Some(tr) = self.tricks.get_mut(t)
            {
                tr.to_practise = false;
            }
        }
    }

    /// Note a finished quick check.
    pub fn record_check(&mut self, stage: Stage, score: Score, today: Day) {
        self.checks.push(CheckRecord {
            day: today,
            stage,
            right: score.right,
            asked: score.asked,
            unsure: score.unsure,
        });
        self.calls_since_check = 0;
    }

    /// The score of the first "before" check, if one was taken.
    pub fn first_check(&self) -> Option<Score> {
        self.checks
            .iter()
            .find(|c| c.stage == Stage::Before)
            .map(CheckRecord::score)
    }

    /// Nothing practised and no quick check taken: a first-time learner.
    pub fn is_new(&self) -> bool {
        self.scenarios.is_empty() && self.checks.is_empty()
    }

    /// The day a call is worth practising again.
    pub fn booster_day(&self, id: &str) -> Option<Day> {
        self.scenarios
            .get(id)
            .map(|r| r.last_played.plus(BOOSTER_DAYS))
    }

    /// The seed of the call's last run, if it was played and the seed kept.
    pub fn last_seed(&self, id: &str) -> Option<u64> {
        self.scenarios.get(id).and_then(|r| r.last_seed)
    }

    /// Trick ids still to practise.
    pub fn tricks_to_practise(&self) -> BTreeSet<String> {
        self.tricks
            .iter()
            .filter(|(_, t)| t.to_practise)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// How the call `s` is shown on the start screen on `today`: due, new, bringing back a missed trick, or practised recently.
    pub fn mark(&self, s: &Scenario, today: Day) -> Mark {
        let id = s.id.get_ref();
        let to_practise = self.tricks_to_practise();
        match self.scenarios.get(id) {
            Some(r) if today >= r.last_played.plus(BOOSTER_DAYS) => Mark::Due,
            // Not the call it was missed in today: bring the trick back in another one.
            Some(r) if r.last_played == today => Mark::Practised,
            r if scenario_tricks(s).iter().any(|t| to_practise.contains(t)) => {
                Mark::BringsBack { new: r.is_none() }
            }
            None => Mark::New,
            Some(_) => Mark::Practised,
        }
    }

    /// The order to offer the calls in: due ones first, then ones that bring
    /// back a trick missed before, then new ones, then the rest. Library order
    /// is kept within each group. Returns (library index, mark).
    pub fn plan(&self, library: &Library, today: Day) -> Vec<(usize, Mark)> {
        let mut v: Vec<(usize, Mark)> = library
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (i, self.mark(s, today)))
            .collect();
        v.sort_by_key(|&(i, m)| (m, i));
        v
    }

    /// Of the same calls as [`Progress::practised`], by kind, how many
    /// ended safely the last time they were played: ((scams spotted,
    /// scams), (real calls handled well, real calls)). Each call counts
    /// once, however often it was played, so the list's "So far" line and
    /// its "N of M practised" describe the same calls (see [`so_far_in`]).
    pub fn so_far(&self, library: &Library) -> ((usize, usize), (usize, usize)) {
        so_far_in(library, |id| self.scenarios.get(id).map(|r| r.last_outcome))
    }

    /// How many of the library's calls have been practised.
    pub fn practised(&self, library: &Library) -> usize {
        library
            .scenarios
            .iter()
            .filter(|s| self.scenarios.contains_key(s.id.get_ref()))
            .count()
    }
}

/// The list's "So far" counts, the one place they are worked out: of the
/// calls in `library`, those `last_outcome` knows (by id: how the call ended
/// the last time it was played), by kind, with how many of them ended
/// safely: ((scams spotted, scams), (real calls handled well, real calls)).
/// Each call counts once, by its last outcome; a call not in `library` (a
/// call with no Welsh, after switching to Welsh) is not counted.
/// [`Progress::so_far`] asks with the progress file's calls; a flow without
/// progress (a kiosk, tests) with the calls played in this run.
pub fn so_far_in(
    library: &Library,
    last_outcome: impl Fn(&str) -> Option<Outcome>,
) -> ((usize, usize), (usize, usize)) {
    let (mut scams, mut genuine) = ((0, 0), (0, 0));
    for s in &library.scenarios {
        let Some(outcome) = last_outcome(s.id.get_ref()) else {
            continue;
        };
        let count = match s.kind {
            crate::engine::Kind::Scam => &mut scams,
            crate::engine::Kind::Genuine => &mut genuine,
        };
        count.1 += 1;
        if outcome == Outcome::Safe {
            count.0 += 1;
        }
    }
    (scams, genuine)
}

/// Put the library in the order of `plan`, and return the marks by id.
pub fn reorder(library: &mut Library, progress: &Progress, today: Day) -> BTreeMap<String, Mark> {
    let plan = progress.plan(library, today);
    let old = std::mem::take(&mut library.scenarios);
    let mut slots: Vec<Option<Scenario>> = old.into_iter().map(Some).collect();
    let mut marks = BTreeMap::new();
    for (i, m) in plan {
        if let Some(s) = slots.get_mut(i).and_then(Option::take) {
            marks.insert(s.id.get_ref().clone(), m);
            library.scenarios.push(s);
        }
    }
    marks
}

/// The mark of each call of `library` ("New", "Due", ...) by id, as
/// [`reorder`] gives them, without changing the order.
pub fn marks(library: &Library, progress: &Progress, today: Day) -> BTreeMap<String, Mark> {
    progress
        .plan(library, today)
        .into_iter()
        .filter_map(|(i, m)| Some((library.scenarios.get(i)?.id.get_ref().clone(), m)))
        .collect()
}

/// A seed giving a different variant (names, amounts) from `last`, when the
/// scenario has variants: tries a few seeds from `more` after `first`.
pub fn different_variant(
    scenario: &Scenario,
    catalogue: &Catalogue,
    region: &str,
    last: Option<u64>,
    first: u64,
    mut more: impl FnMut() -> u64,
) -> u64 {
    let Some(last) = last else {
        return first;
    };
    if scenario.variants.values().all(|v| v.len() < 2) {
        return first;
    }
    let print = |seed: u64| fingerprint(&Script::build(scenario, catalogue, region, seed));
    let before = print(last);
    let mut seed = first;
    for _ in 0..16 {
        if print(seed) != before {
            return seed;
        }
        seed = more();
    }
    seed
}

/// The parts of a run that variants change (not the order of choices).
fn fingerprint(s: &Script) -> String {
    let mut out = format!(
        "{}|{}|{}|{}",
        s.caller_name, s.caller_organisation, s.caller_number, s.summary
    );
    for st in &s.steps {
        out.push('|');
        out.push_str(&st.says);
    }
    out
}

// ---------------------------------------------------------------- the file

/// Where progress is kept, and whether it may be written.
#[derive(Debug, Clone)]
pub struct Store {
    /// The data folder the progress file is in.
    pub dir: PathBuf,
    /// `--no-save`: read nothing, write nothing.
    pub no_save: bool,
}

/// The data folder (see `crate::store::data_dir`).
pub fn data_dir(flag: Option<&Path>) -> Option<PathBuf> {
    crate::store::data_dir(flag, None)
}

/// What loading found: the progress, and a one-line message if something was wrong.
#[derive(Debug)]
pub struct Loaded {
    /// The progress read, or a fresh one.
    pub progress: Progress,
    /// One plain line about a problem (e.g. the file was damaged and moved aside), to show once.
    pub notice: Option<String>,
}

impl Store {
    /// Progress kept in `dir`; with `no_save`, nothing is read or written.
    pub fn new(dir: PathBuf, no_save: bool) -> Self {
        Self { dir, no_save }
    }

    /// The progress file's full path: `dir` joined with [`FILE_NAME`].
    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Read the progress. Never fails: a missing file is a fresh start, and a
    /// file that cannot be read is moved aside (and a fresh one written).
    pub fn load(&self, today: Day) -> Loaded {
        let path = self.path();
        let fresh = Loaded {
            progress: Progress::default(),
            notice: None,
        };
        if !self.no_save {
            crate::store::sweep_temp(&path);
        }
        let bytes = match crate::store::read_capped(&path, crate::store::MAX_DATA_BYTES) {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return fresh,
            Err(e) => {
                return Loaded {
                    progress: Progress::default(),
                    notice: Some(format!(
                        "Your progress could not be read ({}), so this time starts fresh.",
                        plain_error(&e)
                    )),
                };
            }
        };
        match parse(&bytes) {
            Some(p) => Loaded {
                progress: p,
                notice: None,
            },
            None if self.no_save => Loaded {
                progress: Progress::default(),
                notice: Some("Your progress file could not be read. It was left as it is.".into()),
            },
            None => {
                let kept =
                    crate::store::keep_damaged(&path, &format!("corrupt-{}", today.compact()));
                let notice = match kept {
                    Ok(aside) => {
                        let fresh = Progress::default();
                        let _ = self.save(&fresh);
                        format!(
                            "Your progress file could not be read, so a new one was started. The old one is kept as {}.",
                            crate::sanitize::path(&aside)
                        )
                    }
                    Err(_) => "Your progress file could not be read, so this time starts fresh."
                        .to_string(),
                };
                Loaded {
                    progress: Progress::default(),
                    notice: Some(notice),
                }
            }
        }
    }

    /// Write the progress atomically: temporary file, flush to disk, rename.
    /// With `--no-save` this does nothing.
    pub fn save(&self, progress: &Progress) -> io::Result<()> {
        if self.no_save {
            return Ok(());
        }
        fs::create_dir_all(&self.dir)?;
        crate::store::write_atomic(&self.path(), &to_bytes(progress)?)
    }

    /// Change the saved progress safely when another hangup may be using the
    /// same folder: under a lock, `change` is made to the progress in the file
    /// now (`fallback` if there is none or it cannot be read), and the result
    /// is written atomically and returned. So two programs both keep their calls.
    pub fn change(
        &self,
        fallback: &Progress,
        today: Day,
        change: impl FnOnce(&mut Progress),
    ) -> io::Result<Progress> {
        if self.no_save {
            let mut p = fallback.clone();
            change(&mut p);
            return Ok(p);
        }
        fs::create_dir_all(&self.dir)?;
        let path = self.path();
        crate::store::update(&path, crate::store::MAX_DATA_BYTES, |now| {
            let mut p = match now.as_deref().map(parse) {
                Some(Some(p)) => p,
                Some(None) => {
                    // Damaged since we read it: keep it, go on from what we knew.
                    let _ =
                        crate::store::keep_damaged(&path, &format!("corrupt-{}", today.compact()));
                    fallback.clone()
                }
                None => fallback.clone(),
            };
            change(&mut p);
            Ok((to_bytes(&p)?, p))
        })
    }

    /// `hangup progress --reset`: delete the file. Ok(false) if there was none.
    pub fn reset(&self) -> io::Result<bool> {
        match fs::remove_file(self.path()) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// The progress in a file's bytes, or `None` when they cannot be read.
fn parse(bytes: &[u8]) -> Option<Progress> {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|s| toml::from_str::<Progress>(s).ok())
}

fn to_bytes(progress: &Progress) -> io::Result<Vec<u8>> {
    let text = toml::to_string(progress).map_err(io::Error::other)?;
    let mut bytes = b"# hangup: which practice calls you have done. No names are kept.\n".to_vec();
    bytes.extend_from_slice(text.as_bytes());
    Ok(bytes)
}

/// An I/O error in words a learner can pass on to a helper (see [`crate::error::plain_io`]).
pub fn plain_error(e: &io::Error) -> String {
    crate::error::plain_io(e).into_owned()
}

// ---------------------------------------------------------------- showing it

/// The words for the start screen's head: "3 of 14 practised." and what is due.
pub fn start_lines(
    progress: &Progress,
    library: &Library,
    catalogue: &Catalogue,
    today: Day,
) -> Vec<String> {
    let mut out = vec![crate::tr!(
        "practised-count",
        done = progress.practised(library),
        all = library.scenarios.len()
    )];
    let due = library
        .scenarios
        .iter()
        .filter(|s| progress.mark(s, today) == Mark::Due)
        .count();
    if due > 0 {
        out.push(crate::tr!("due-count", due = due));
    }
    let names = trick_names(progress, catalogue);
    if !names.is_empty() {
        out.push(crate::tr!("tricks-again", names = names.join(", ")));
    }
    out
}

/// The names of the tricks to practise again, as the catalogue names them.
pub fn trick_names(progress: &Progress, catalogue: &Catalogue) -> Vec<String> {
    progress
        .tricks_to_practise()
        .iter()
        .map(|id| {
            catalogue
                .red_flag(id)
                .map_or_else(|| id.clone(), |f| crate::engine::text::sanitize(&f.name))
        })
        .collect()
}

/// The booster line for the end of a call.
pub fn booster_line(today: Day) -> String {
    crate::tr!("booster", date = today.plus(BOOSTER_DAYS).long())
}
