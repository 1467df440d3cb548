//! The practice flow's outside work, done by the run loop (not by the app):
//! loading and saving progress, and speech. Used by `main` for the terminal
//! app, plain mode and `hangup progress`.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::engine::Library;
use crate::engine::quick_check::{QuickCheck, Score, Stage};
use crate::engine::session::CallResult;
use crate::i18n::{Language, tr};
use crate::present::flow::{Action, Effect, Flow, Mode, QuickState};
use crate::present::wording;
use crate::progress::{self, Day, Loaded, Progress, Store};
use crate::speech::{Hands, Speaker};

/// Progress for one run of the program.
#[derive(Debug)]
pub struct Keeper {
    /// Where progress is kept (the data folder); `None` when no folder was found.
    pub store: Option<Store>,
    /// The learner's progress as loaded, with this run's calls added.
    pub progress: Progress,
    /// Today, for due dates and "practise again".
    pub today: Day,
    /// One plain line about a problem (shown once).
    pub notice: Option<String>,
    library: Library,
    /// The extra scenarios folder (`--scenarios`), to load the calls again
    /// when the learner switches language.
    pub scenarios: Option<PathBuf>,
}

impl Keeper {
    /// Load progress from the data folder. Never fails: problems become a notice.
    /// With `no_save` (a shared or public computer) nothing is read either:
    /// the learner starts fresh and never sees an earlier user's practice.
    pub fn open(data_dir: Option<&Path>, no_save: bool, library: &Library, today: Day) -> Self {
        let store = progress::data_dir(data_dir).map(|d| Store::new(d, no_save));
        let (progress, mut notice) = match &store {
            Some(_) if no_save => (Progress::default(), None),
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
            library: library.clone(),
            scenarios: None,
        }
    }

    /// Put due calls first (and ones that bring back missed tricks).
    pub fn reorder(&mut self, library: &mut Library) {
        progress::reorder(library, &self.progress, self.today);
        self.library = library.clone();
    }

    /// True when progress is saved (a data folder, and no `--no-save`).
    pub fn keeps(&self) -> bool {
        self.store.as_ref().is_some_and(|s| !s.no_save)
    }

    /// The start screen's head lines: how many calls practised, and what is due (see `progress::start_lines`).
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
        let today = self.today;
        self.commit(|p| p.record(result, seed, today));
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
        let check = QuickCheck::builtin();
        let after_calls = mode.calls_before_after_check();
        Some(QuickState {
            before_due: self.progress.is_new(),
            first: self.progress.first_check(),
            calls_since: self.progress.calls_since_check,
            after_calls,
            ..QuickState::fresh(check, after_calls)
        })
    }

    /// Fill the flow's practice state from the progress.
    pub fn fill(&self, flow: &mut Flow) {
        // The marks of the calls the flow lists, from the progress: also
        // when the list was never put in order (`hangup play ID`, then
        // back to the list).
        let marks = progress::marks(&flow.library, &self.progress, self.today);
        let p = &mut flow.practice;
        p.head = self.head();
        p.so_far = Some(self.progress.so_far(&flow.library));
        p.marks = marks;
        // "Practise this again ... on or after DATE" only when progress is
        // kept: with --no-save (or no folder) nothing will remember the date.
        p.today = self.keeps().then_some(self.today);
        p.notice = self.notice.clone();
        p.last_seeds = self
            .progress
            .scenarios
            .iter()
            .filter_map(|(id, r)| r.last_seed.map(|s| (id.clone(), s)))
            .collect();
        if p.quick.is_none() {
            p.quick = self.quick_state(flow.rules.mode);
        }
    }

    /// Do the flow's outside work: save finished calls and checks. Returns
    /// true when the screen should be drawn again, and whether `s` asked to
    /// hear the last thing again.
    pub fn perform(&mut self, flow: &mut Flow) -> (bool, bool) {
        let mut changed = false;
        let mut again = false;
        for e in flow.take_effects() {
            match e {
                Effect::CallFinished(f) => {
                    self.record(&f.result, f.seed);
                    changed = true;
                }
                Effect::CheckFinished(stage, score) => {
                    self.record_check(stage, score);
                    changed = true;
                }
                Effect::SayAgain => again = true,
                Effect::Language(language) => {
                    let mut library = switch_language(flow, language, self.scenarios.as_deref());
                    self.reorder(&mut library);
                    flow.library = library.into();
                    changed = true;
                }
            }
        }
        if changed {
            self.fill(flow);
        }
        (changed, again)
    }
}

/// Speak `language` from now on (the learner chose it on the list): the
/// words, and the calls, catalogues and quick check loaded again in it (with
/// the extra `scenarios` folder, if any). The flow's library is replaced and
/// the quick check keeps its place; the new library is returned too, for
/// progress to put its due calls first.
pub fn switch_language(flow: &mut Flow, language: Language, scenarios: Option<&Path>) -> Library {
    crate::i18n::set_current(language);
    let library = Library::load_in(scenarios, language);
    flow.library = library.clone().into();
    if let Some(q) = flow.practice.quick.as_mut() {
        q.check = QuickCheck::builtin();
    }
    library
}

/// Say what is on screen if it changed (or again, on `s`); if only the
/// highlight moved, the highlighted choice. Returns true
/// when a new notice (e.g. the speech program is missing) must be shown:
/// it is then in `flow.speech_off`, and the flow is no longer `speaking`.
pub fn speak(flow: &mut Flow, speaker: &mut Speaker, again: bool) -> bool {
    if again {
        speaker.again();
    } else {
        let hands = if flow.rules.mode.touch() {
            Hands::Touch
        } else {
            Hands::Keys
        };
        speaker.say_screen(&crate::present::screens::screen(flow), hands);
    }
    if let Some(n) = speaker.notice.take() {
        // Speech is off: one line says why, and "Hear it again" goes.
        flow.speaking = false;
        flow.speech_off = Some(n);
        return true;
    }
    false
}

/// Whether `action` asks to hear the screen again.
pub fn is_say_again(action: Action) -> bool {
    matches!(action, Action::Char('s' | 'S'))
}

/// `hangup progress [--reset]`.
pub fn command(
    data_dir: Option<&Path>,
    reset: bool,
    no_save: bool,
    library: &Library,
    out: &mut impl Write,
) -> crate::Result<()> {
    use crate::error::{DataFor, Error};
    let today = Day::today();
    let Some(dir) = progress::data_dir(data_dir) else {
        return Err(Error::NoDataFolder(DataFor::Progress));
    };
    let store = Store::new(dir, no_save);
    if reset {
        match store.reset() {
            Ok(true) => writeln!(out, "{}", tr("progress-deleted"))?,
            Ok(false) => writeln!(out, "{}", tr("progress-none-to-delete"))?,
            Err(source) => {
                return Err(Error::ProgressNotDeleted {
                    path: store.path(),
                    source,
                });
            }
        }
        return Ok(());
    }
    let loaded = store.load(today);
    Ok(report(&store, &loaded, library, today, out)?)
}

/// `hangup progress`: what is kept, in plain lines, all in the chosen
/// language (the `progress-*` messages). (Here rather than in `progress`,
/// which keeps the data: the words come from `present`.)
pub fn report(
    store: &Store,
    loaded: &Loaded,
    library: &Library,
    today: Day,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let p = &loaded.progress;
    let kept_in = |out: &mut dyn Write| {
        let path = store.path().display().to_string();
        writeln!(out, "{}", crate::tr!("progress-kept-in", path = path))
    };
    writeln!(out, "{}", tr("progress-title"))?;
    if let Some(n) = &loaded.notice {
        writeln!(out, "{n}")?;
    }
    if p.scenarios.is_empty() && p.checks.is_empty() {
        writeln!(out, "{}", tr("progress-nothing"))?;
        return kept_in(out);
    }
    writeln!(
        out,
        "{}",
        crate::tr!(
            "practised-count",
            done = p.practised(library),
            all = library.scenarios.len()
        )
    )?;
    for (id, r) in &p.scenarios {
        let title = library.get(id).map_or_else(
            || id.clone(),
            |s| crate::engine::text::sanitize(s.title.get_ref()),
        );
        let kind = library
            .get(id)
            .map_or(crate::engine::Kind::Scam, |s| s.kind);
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            crate::tr!("progress-call", title = title, id = id.as_str())
        )?;
        writeln!(
            out,
            "{}",
            crate::tr!(
                "progress-played",
                times = r.plays,
                date = r.last_played.long(),
                outcome = wording::outcome_words(kind, r.last_outcome)
            )
        )?;
        let again = r.last_played.plus(progress::BOOSTER_DAYS);
        if today >= again {
            writeln!(out, "{}", tr("progress-due-now"))?;
        } else {
            writeln!(
                out,
                "{}",
                crate::tr!("progress-again-on", date = again.long())
            )?;
        }
    }
    let names = progress::trick_names(p, &library.catalogue);
    if !names.is_empty() {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            crate::tr!("tricks-again", names = names.join(", "))
        )?;
    }
    if !p.checks.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", tr("progress-checks"))?;
        for c in &p.checks {
            let stage = match c.stage {
                Stage::Before => "before",
                Stage::After => "after",
            };
            writeln!(
                out,
                "{}",
                crate::tr!(
                    "progress-check",
                    date = c.day.long(),
                    stage = stage,
                    score = wording::check_score(c.score()),
                    unsure = c.unsure
                )
            )?;
        }
    }
    writeln!(out)?;
    kept_in(out)?;
    writeln!(out, "{}", tr("progress-to-delete"))?;
    Ok(())
}
