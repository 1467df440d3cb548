//! The practice flow's outside work, done by the run loop (not by the app):
//! loading and saving progress, and speech. Used by `main` for the terminal
//! app, plain mode and `hangup progress`.

use std::io::{self, Write};
use std::path::Path;

use crate::engine::quick_check::{QuickCheck, Score, Stage};
use crate::engine::session::CallResult;
use crate::engine::{Library, Scenario};
use crate::plain::MenuHooks;
use crate::progress::{self, Day, Loaded, Mark, Progress, Store};
use crate::speech::Speaker;
use crate::tui::app::{Action, App, Mode};
use crate::tui::practice::speech_text;
use crate::tui::quick_check::QuickState;

/// Progress for one run of the program.
#[derive(Debug)]
pub struct Keeper {
    pub store: Option<Store>,
    pub progress: Progress,
    pub today: Day,
    /// One plain line about a problem (shown once).
    pub notice: Option<String>,
    marks: std::collections::BTreeMap<String, Mark>,
    library: Library,
    /// The quick check for plain mode (the terminal app keeps its own copy).
    plain_quick: Option<QuickState>,
}

impl Keeper {
    /// Load progress from the data folder. Never fails: problems become a notice.
    pub fn open(data_dir: Option<&Path>, no_save: bool, library: &Library, today: Day) -> Self {
        let store = progress::data_dir(data_dir).map(|d| Store::new(d, no_save));
        let (progress, mut notice) = match &store {
            Some(s) => {
                let Loaded { progress, notice } = s.load(today);
                (progress, notice)
            }
            None => (Progress::default(), None),
        };
        if store.is_none() && !no_save {
            notice = Some("Progress will not be saved: no folder was found to keep it in.".into());
        }
        Self {
            store,
            progress,
            today,
            notice,
            marks: Default::default(),
            library: library.clone(),
            plain_quick: None,
        }
    }

    /// Put due calls first (and ones that bring back missed tricks), and note the marks.
    pub fn reorder(&mut self, library: &mut Library) {
        self.marks = progress::reorder(library, &self.progress, self.today);
        self.library = library.clone();
    }

    pub fn head(&self) -> Vec<String> {
        progress::start_lines(
            &self.progress,
            &self.library,
            &self.library.catalogue,
            self.today,
        )
    }

    /// Note a finished call and save. A save that fails gives a notice, once.
    pub fn record(&mut self, result: &CallResult, seed: u64) {
        let used = self
            .library
            .get(&result.scenario)
            .map(progress::scenario_tricks)
            .unwrap_or_default();
        let today = self.today;
        self.commit(|p| p.record(result, seed, &used, today));
        self.marks.insert(result.scenario.clone(), Mark::Practised);
    }

    /// Note a finished quick check (scores only) and save.
    pub fn record_check(&mut self, stage: Stage, score: Score) {
        let today = self.today;
        self.commit(|p| p.record_check(stage, score, today));
    }

    /// Make one change to the progress and save it, merged with what another
    /// hangup on the same folder may have saved meanwhile (see `Store::change`).
    fn commit(&mut self, change: impl Fn(&mut Progress)) {
        let Some(store) = &self.store else {
            change(&mut self.progress);
            return;
        };
        match store.change(&self.progress, self.today, &change) {
            Ok(merged) => self.progress = merged,
            Err(e) => {
                change(&mut self.progress);
                self.notice = Some(format!(
                    "Your progress could not be saved ({}). You can still practise.",
                    progress::plain_error(&e)
                ));
            }
        }
    }

    /// The quick-check state for the app or plain mode: what to offer, from the progress.
    pub fn quick_state(&self, mode: Mode) -> Option<QuickState> {
        let check = QuickCheck::builtin()?;
        let after_calls = mode.calls_before_after_check();
        Some(QuickState {
            before_due: self.progress.is_new(),
            first: self.progress.first_check(),
            calls_since: self.progress.calls_since_check,
            after_calls,
            ..QuickState::fresh(check, after_calls)
        })
    }

    /// Fill the app's practice state from the progress.
    pub fn fill(&self, app: &mut App) {
        let p = &mut app.practice;
        p.head = self.head();
        p.marks = self.marks.clone();
        p.today = Some(self.today);
        p.notice = self.notice.clone();
        p.last_seeds = self
            .progress
            .scenarios
            .iter()
            .filter_map(|(id, r)| r.last_seed.map(|s| (id.clone(), s)))
            .collect();
        if p.quick.is_none() {
            p.quick = self.quick_state(app.options.mode);
        }
    }

    /// After each action of the terminal app: save finished calls, then speak.
    /// Returns true when the screen should be drawn again.
    pub fn after(&mut self, app: &mut App, speaker: Option<&mut Speaker>) -> bool {
        let finished = std::mem::take(&mut app.practice.finished);
        let mut changed = false;
        for f in &finished {
            self.record(&f.result, f.seed);
            changed = true;
        }
        let checks = app.practice.take_checks();
        for (stage, score) in checks {
            self.record_check(stage, score);
            changed = true;
        }
        if changed {
            self.fill(app);
        }
        if let Some(sp) = speaker {
            changed |= speak(app, sp, None);
        }
        changed
    }
}

/// Speak what is on screen if it changed (or again, on `s`). Returns true
/// when a new notice (e.g. the speech program is missing) must be shown.
pub fn speak(app: &mut App, speaker: &mut Speaker, action: Option<Action>) -> bool {
    // `s` (any other letter key arrives as `Action::Char`): say it again.
    if matches!(action, Some(Action::Char('s' | 'S'))) {
        speaker.again();
    } else {
        match speech_text(app) {
            Some(t) => speaker.say_if_new(&t),
            None => {
                speaker.stop();
                speaker.say_if_new("");
            }
        }
    }
    if let Some(n) = speaker.notice.take() {
        app.practice.notice = Some(n);
        return true;
    }
    false
}

impl MenuHooks for Keeper {
    fn head(&self) -> Vec<String> {
        let mut v = Keeper::head(self);
        if let Some(n) = &self.notice {
            v.push(n.clone());
        }
        v
    }
    fn mark(&self, id: &str) -> Option<&'static str> {
        self.marks.get(id).and_then(|m| m.word())
    }
    fn seed(&mut self, scenario: &Scenario, seed: u64) -> u64 {
        progress::different_variant(
            scenario,
            &self.library.catalogue,
            scenario_region(&self.library),
            self.progress.last_seed(scenario.id.get_ref()),
            seed,
            rand::random,
        )
    }
    fn finished(&mut self, result: &CallResult, seed: u64) {
        self.record(result, seed);
        if let Some(q) = self.plain_quick.as_mut() {
            q.calls_since = q.calls_since.saturating_add(1);
        }
    }
    fn quick(&mut self) -> Option<&mut QuickState> {
        if self.plain_quick.is_none() {
            self.plain_quick = self.quick_state(Mode::Practice);
        }
        self.plain_quick.as_mut()
    }
    fn check_finished(&mut self, stage: Stage, score: Score) {
        self.record_check(stage, score);
    }
    fn booster(&self) -> Option<String> {
        Some(progress::booster_line(self.today))
    }
}

/// Variants do not depend on the region; any region builds the same names.
fn scenario_region(library: &Library) -> &str {
    library.catalogue.region(None)
}

/// `hangup progress [--reset]`.
pub fn command(
    data_dir: Option<&Path>,
    reset: bool,
    no_save: bool,
    library: &Library,
    out: &mut impl Write,
) -> Result<(), String> {
    let today = Day::today();
    let Some(dir) = progress::data_dir(data_dir) else {
        return Err(
            "no folder was found for progress. Give one with --data-dir FOLDER.".to_string(),
        );
    };
    let store = Store::new(dir, no_save);
    let w = |e: io::Error| e.to_string();
    if reset {
        match store.reset() {
            Ok(true) => writeln!(out, "Your progress has been deleted.").map_err(w)?,
            Ok(false) => writeln!(out, "There was no saved progress to delete.").map_err(w)?,
            Err(e) => {
                return Err(format!(
                    "your progress could not be deleted ({}). The file is {}.",
                    progress::plain_error(&e),
                    store.path().display()
                ));
            }
        }
        return Ok(());
    }
    let loaded = store.load(today);
    progress::report(&store, &loaded, library, today, out).map_err(w)
}
