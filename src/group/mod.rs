//! Group mode (`hangup group`): a volunteer runs practice calls on a projector
//! for a room of people.
//!
//! Everything here is state and rules; `view.rs` draws it. The volunteer drives
//! every change with a key: nothing moves by itself. At each decision the room
//! sees the caller's words and the choices, the volunteer asks the room, may
//! type a show of hands for each choice, and then reveals what that choice
//! means. Facilitator notes stay hidden until the volunteer asks for them.
//!
//! Other parts: `roleplay.rs` (`hangup script`), `handout.rs` (`hangup handout`),
//! `record.rs` (the anonymous session record), `dates.rs` (calendar sums).

pub mod commands;
pub mod handout;
pub mod record;

use crate::dates;
pub mod roleplay;
pub mod view;

use std::path::PathBuf;
use std::time::SystemTime;

use crate::engine::{Library, Phase, Script, Session};
use crate::tui::app::{Action, App, Overlay};

/// Minutes a call is planned for when its scenario does not say.
pub const DEFAULT_MINUTES: u32 = 10;
/// Minutes for the welcome and the wrap-up, added to the plan's total.
pub const WELCOME_MINUTES: u32 = 10;

/// One scenario in today's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// Index into the library.
    pub scenario: usize,
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub status: ItemStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStatus {
    /// In today's plan, not played yet.
    Planned,
    /// Not today (or skipped during the session).
    Skipped,
    /// Played to its end.
    Done,
}

/// Where the session is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choosing and ordering today's calls.
    Plan,
    /// A call is on the screen.
    Call,
    /// All calls done: the volunteer may save the anonymous record.
    Finished,
}

/// A show of hands at one decision, in the order the scenario file lists the choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub scenario: String,
    pub step: String,
    /// Hands for each choice (authored order); `None` = not counted.
    pub counts: Vec<Option<u32>>,
}

/// Typing a count for each choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyEntry {
    /// The choice being counted (as shown on screen).
    pub choice: usize,
    /// Digits typed so far for that choice.
    pub typed: String,
}

/// What happened when the volunteer saved the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    To(PathBuf),
    Failed(String),
}

#[derive(Debug, Clone)]
pub struct GroupState {
    pub stage: Stage,
    pub plan: Vec<PlanItem>,
    /// Highlighted row in the plan.
    pub cursor: usize,
    /// The plan row being played.
    pub current: Option<usize>,
    pub session: Option<Box<Session>>,
    /// Highlighted choice at a decision.
    pub selected: usize,
    /// Whether a choice is highlighted yet: none is until the volunteer moves
    /// or counts hands, so the screen does not hint at an answer.
    pub highlight: bool,
    /// Facilitator notes on screen (hidden at the start).
    pub notes: bool,
    /// Blank screen.
    pub paused: bool,
    /// The plan shown over a call, to skip or reorder.
    pub plan_open: bool,
    pub tally_entry: Option<TallyEntry>,
    pub tallies: Vec<Tally>,
    /// Attendee count as typed.
    pub attendees: String,
    pub started: Option<SystemTime>,
    pub saved: Option<Saved>,
    /// Where the record goes (`--data-dir`, HANGUP_DATA_DIR or the platform's data folder).
    pub data_dir: Option<PathBuf>,
    runs: u64,
}

impl GroupState {
    /// Every scenario in the library is in the plan at first, in library order.
    pub fn new(library: &Library) -> Self {
        let plan = library
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| PlanItem {
                scenario: i,
                id: s.id.get_ref().clone(),
                title: crate::engine::text::sanitize(s.title.get_ref()),
                minutes: s.minutes.unwrap_or(DEFAULT_MINUTES),
                status: ItemStatus::Planned,
            })
            .collect();
        Self {
            stage: Stage::Plan,
            plan,
            cursor: 0,
            current: None,
            session: None,
            selected: 0,
            highlight: false,
            notes: false,
            paused: false,
            plan_open: false,
            tally_entry: None,
            tallies: Vec::new(),
            attendees: String::new(),
            started: None,
            saved: None,
            data_dir: None,
            runs: 0,
        }
    }

    /// Keep only these scenario ids in the plan, in this order (the rest are skipped, after).
    pub fn choose_plan(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let mut chosen: Vec<PlanItem> = Vec::new();
        for id in ids {
            if let Some(pos) = self.plan.iter().position(|p| &p.id == id) {
                let mut item = self.plan.remove(pos);
                item.status = ItemStatus::Planned;
                chosen.push(item);
            }
        }
        for item in &mut self.plan {
            item.status = ItemStatus::Skipped;
        }
        chosen.append(&mut self.plan);
        self.plan = chosen;
    }

    /// Minutes for the calls still planned or done, plus the welcome.
    pub fn planned_minutes(&self) -> u32 {
        let calls: u32 = self
            .plan
            .iter()
            .filter(|p| p.status != ItemStatus::Skipped)
            .map(|p| p.minutes)
            .sum();
        calls + WELCOME_MINUTES
    }

    pub fn planned_count(&self) -> usize {
        self.plan
            .iter()
            .filter(|p| p.status != ItemStatus::Skipped)
            .count()
    }

    /// "Call 2 of 3": position of the current call among the calls not skipped.
    pub fn position(&self) -> (usize, usize) {
        let total = self.planned_count();
        let at = match self.current {
            Some(c) => self.plan[..c]
                .iter()
                .filter(|p| p.status != ItemStatus::Skipped)
                .count()
                .saturating_add(1),
            None => 0,
        };
        (at, total)
    }

    /// The counts for a step of the current call, in on-screen order.
    pub fn shown_counts(&self, step: usize) -> Vec<Option<u32>> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        let script = session.script();
        let st = &script.steps[step];
        let tally = self
            .tallies
            .iter()
            .find(|t| t.scenario == script.id && t.step == st.id);
        st.choices
            .iter()
            .map(|c| tally.and_then(|t| t.counts.get(c.authored_index).copied().flatten()))
            .collect()
    }

    fn set_count(&mut self, step: usize, shown: usize, count: u32) {
        let Some(session) = &self.session else {
            return;
        };
        let script = session.script();
        let st = &script.steps[step];
        let Some(choice) = st.choices.get(shown) else {
            return;
        };
        let (scenario, step_id, n) = (script.id.clone(), st.id.clone(), st.choices.len());
        let authored = choice.authored_index;
        let pos = match self
            .tallies
            .iter()
            .position(|t| t.scenario == scenario && t.step == step_id)
        {
            Some(p) => p,
            None => {
                self.tallies.push(Tally {
                    scenario,
                    step: step_id,
                    counts: vec![None; n],
                });
                self.tallies.len() - 1
            }
        };
        if let Some(slot) = self.tallies[pos].counts.get_mut(authored) {
            *slot = Some(count);
        }
    }

    /// Start the plan row `row`: its phone rings.
    fn start_row(&mut self, library: &Library, region: &str, seed: Option<u64>, row: usize) {
        let Some(item) = self.plan.get(row) else {
            return;
        };
        let Some(scenario) = library.scenarios.get(item.scenario) else {
            return;
        };
        let seed = match seed {
            Some(s) => s.wrapping_add(self.runs),
            None => rand::random(),
        };
        self.runs += 1;
        let script = Script::build(scenario, &library.catalogue, region, seed);
        self.session = Some(Box::new(Session::new(script)));
        self.current = Some(row);
        self.cursor = row;
        self.selected = 0;
        self.highlight = false;
        self.tally_entry = None;
        self.stage = Stage::Call;
        if self.started.is_none() {
            self.started = Some(SystemTime::now());
        }
    }

    /// The next planned row after the current one (or from the top).
    fn next_planned(&self) -> Option<usize> {
        let from = self.current.map_or(0, |c| c + 1);
        (from..self.plan.len())
            .chain(0..from)
            .find(|&i| self.plan[i].status == ItemStatus::Planned && Some(i) != self.current)
    }

    /// Leave the current call (done or skipped) and go to the next, or finish.
    fn advance(&mut self, library: &Library, region: &str, seed: Option<u64>, status: ItemStatus) {
        if let Some(c) = self.current
            && let Some(item) = self.plan.get_mut(c)
        {
            item.status = status;
        }
        match self.next_planned() {
            Some(row) => self.start_row(library, region, seed, row),
            None => {
                self.session = None;
                self.current = None;
                self.stage = Stage::Finished;
            }
        }
    }

    /// Minutes since the first call started (at least 1 once started).
    pub fn duration_minutes(&self, now: SystemTime) -> u32 {
        match self.started {
            Some(t) => {
                let secs = now.duration_since(t).map_or(0, |d| d.as_secs());
                u32::try_from(secs.div_ceil(60)).unwrap_or(u32::MAX).max(1)
            }
            None => 0,
        }
    }

    /// The anonymous record of this session, as it would be saved now.
    pub fn record(&self, now: SystemTime) -> record::Record {
        record::Record {
            date: dates::iso(dates::days_from_system_time(now)),
            duration_minutes: self.duration_minutes(now),
            scenarios: self
                .plan
                .iter()
                .filter(|p| p.status == ItemStatus::Done)
                .map(|p| p.id.clone())
                .collect(),
            attendees: self.attendees.parse().unwrap_or(0),
            tallies: self.tallies.clone(),
        }
    }
}

/// A digit key as a number: `1`..`9` arrive as `Pick(0..8)`, `0` as `Char('0')`.
fn digit(action: Action) -> Option<char> {
    match action {
        Action::Pick(i) if i < 9 => char::from_digit(i as u32 + 1, 10),
        Action::Char('0') => Some('0'),
        _ => None,
    }
}

/// Apply one action in group mode. Returns true when the screen must change.
pub fn update(app: &mut App, action: Action) -> bool {
    let Some(mut g) = app.group.take() else {
        return false;
    };
    let changed = update_group(app, &mut g, action);
    app.group = Some(g);
    changed
}

fn update_group(app: &mut App, g: &mut GroupState, action: Action) -> bool {
    // Overlays first: the quit question and the help card.
    match app.overlay {
        Some(Overlay::ConfirmQuit | Overlay::ConfirmLeave) => {
            return match action {
                Action::Yes => {
                    app.running = false;
                    true
                }
                Action::No | Action::Back => {
                    app.overlay = None;
                    true
                }
                _ => false,
            };
        }
        Some(Overlay::Help) => {
            return match action {
                Action::Help | Action::Back | Action::Select | Action::Quit => {
                    app.overlay = None;
                    true
                }
                _ => false,
            };
        }
        None => {}
    }
    // A blank screen stays blank until p (or Enter).
    if g.paused {
        return match action {
            Action::Char('p' | 'P') | Action::Select => {
                g.paused = false;
                true
            }
            _ => false,
        };
    }
    // Typing a show of hands takes the digit keys.
    if g.tally_entry.is_some() {
        return update_tally(g, action);
    }
    match action {
        Action::Help => {
            app.overlay = Some(Overlay::Help);
            return true;
        }
        Action::Quit => {
            app.overlay = Some(Overlay::ConfirmQuit);
            return true;
        }
        Action::Char('p' | 'P') if g.stage == Stage::Call => {
            g.paused = true;
            return true;
        }
        // N: the volunteer's notes (the keymap calls this key "No").
        Action::No if g.stage == Stage::Call => {
            g.notes = !g.notes;
            return true;
        }
        Action::Char('l' | 'L') if g.stage == Stage::Call => {
            g.plan_open = !g.plan_open;
            if let Some(c) = g.current {
                g.cursor = c;
            }
            return true;
        }
        _ => {}
    }
    let library = &app.library;
    let region = app.options.region.clone();
    let seed = app.options.seed;
    match g.stage {
        Stage::Plan => update_plan(g, library, &region, seed, action),
        Stage::Call if g.plan_open => update_plan(g, library, &region, seed, action),
        Stage::Call => update_call(g, library, &region, seed, action),
        Stage::Finished => update_finished(g, action),
    }
}

/// The plan: before the session, or opened over a call with `l`.
fn update_plan(
    g: &mut GroupState,
    library: &Library,
    region: &str,
    seed: Option<u64>,
    action: Action,
) -> bool {
    let n = g.plan.len();
    let during = g.stage == Stage::Call;
    let movable = |g: &GroupState, row: usize| {
        g.plan
            .get(row)
            .is_some_and(|p| p.status != ItemStatus::Done && Some(row) != g.current)
    };
    match action {
        Action::Up if g.cursor > 0 => {
            g.cursor -= 1;
            true
        }
        Action::Down if g.cursor + 1 < n => {
            g.cursor += 1;
            true
        }
        // A number or x: in or out of today's plan.
        Action::Pick(_) | Action::Char('x' | 'X') => {
            let row = match action {
                Action::Pick(i) => i,
                _ => g.cursor,
            };
            if !movable(g, row) {
                return false;
            }
            g.cursor = row;
            let item = &mut g.plan[row];
            item.status = match item.status {
                ItemStatus::Planned => ItemStatus::Skipped,
                _ => ItemStatus::Planned,
            };
            true
        }
        // u / d: move the highlighted call up or down the order.
        Action::Char('u' | 'U') if g.cursor > 0 => {
            let (a, b) = (g.cursor - 1, g.cursor);
            if !movable(g, a) || !movable(g, b) {
                return false;
            }
            g.plan.swap(a, b);
            g.cursor = a;
            true
        }
        Action::Char('d' | 'D') if g.cursor + 1 < n => {
            let (a, b) = (g.cursor, g.cursor + 1);
            if !movable(g, a) || !movable(g, b) {
                return false;
            }
            g.plan.swap(a, b);
            g.cursor = b;
            true
        }
        Action::Select if !during => {
            // Start with the first planned call.
            match (0..n).find(|&i| g.plan[i].status == ItemStatus::Planned) {
                Some(row) => {
                    g.start_row(library, region, seed, row);
                    true
                }
                None => false,
            }
        }
        // During a call, Enter on another planned call jumps to it now.
        Action::Select => {
            g.plan_open = false;
            let row = g.cursor;
            if Some(row) != g.current
                && g.plan
                    .get(row)
                    .is_some_and(|p| p.status == ItemStatus::Planned)
            {
                g.start_row(library, region, seed, row);
            }
            true
        }
        Action::Back if during => {
            g.plan_open = false;
            true
        }
        _ => false,
    }
}

fn update_call(
    g: &mut GroupState,
    library: &Library,
    region: &str,
    seed: Option<u64>,
    action: Action,
) -> bool {
    let Some(session) = g.session.as_deref_mut() else {
        return false;
    };
    if action == Action::Char('s') || action == Action::Char('S') {
        g.advance(library, region, seed, ItemStatus::Skipped);
        return true;
    }
    match session.phase() {
        Phase::Incoming => match action {
            Action::Select => {
                session.answer();
                g.selected = 0;
                true
            }
            _ => false,
        },
        Phase::Deciding { step } => {
            let n = session.step(step).choices.len();
            match action {
                Action::Up | Action::Down if !g.highlight => {
                    g.highlight = true;
                    true
                }
                Action::Up if g.selected > 0 => {
                    g.selected -= 1;
                    true
                }
                Action::Down if g.selected + 1 < n => {
                    g.selected += 1;
                    true
                }
                Action::Char('t' | 'T') => {
                    g.tally_entry = Some(TallyEntry {
                        choice: 0,
                        typed: String::new(),
                    });
                    true
                }
                // Reveal what the highlighted choice (or choice N) means.
                Action::Select | Action::Char('v' | 'V') if g.highlight => {
                    let i = g.selected.min(n.saturating_sub(1));
                    session.choose(i).is_ok()
                }
                Action::Pick(i) if i < n => {
                    g.selected = i;
                    session.choose(i).is_ok()
                }
                Action::Back | Action::Char('b' | 'B') => session.undo(),
                _ => false,
            }
        }
        Phase::Feedback { choice, .. } => match action {
            Action::Select => {
                session.next();
                g.selected = 0;
                g.highlight = false;
                true
            }
            // "What if we had said 2?": show another choice's meaning.
            Action::Pick(i) if i != choice => {
                session.undo();
                let ok = session.choose(i).is_ok();
                if !ok {
                    let _ = session.choose(choice);
                } else {
                    g.selected = i;
                }
                ok
            }
            Action::Back | Action::Char('b' | 'B') => {
                let ok = session.undo();
                g.selected = choice;
                ok
            }
            _ => false,
        },
        Phase::Ended { .. } => match action {
            Action::Select => {
                g.advance(library, region, seed, ItemStatus::Done);
                true
            }
            Action::Back | Action::Char('b' | 'B') => {
                let ok = session.undo();
                if let Phase::Feedback { choice, .. } = session.phase() {
                    g.selected = choice;
                }
                ok
            }
            _ => false,
        },
    }
}

fn update_tally(g: &mut GroupState, action: Action) -> bool {
    let Some(step) = g.session.as_ref().and_then(|s| match s.phase() {
        Phase::Deciding { step } => Some(step),
        _ => None,
    }) else {
        g.tally_entry = None;
        return true;
    };
    let n = g.session.as_ref().map_or(0, |s| s.step(step).choices.len());
    let Some(mut entry) = g.tally_entry.take() else {
        return false;
    };
    let commit = |g: &mut GroupState, entry: &TallyEntry| {
        if let Ok(count) = entry.typed.parse::<u32>() {
            g.set_count(step, entry.choice, count);
        }
    };
    let changed = match action {
        a if digit(a).is_some() => {
            if entry.typed.len() < 4
                && let Some(d) = digit(a)
            {
                entry.typed.push(d);
            }
            true
        }
        Action::Back => {
            if entry.typed.pop().is_none() {
                // Nothing typed: stop counting.
                return true;
            }
            true
        }
        Action::Select | Action::Down => {
            commit(g, &entry);
            if entry.choice + 1 >= n {
                finish_tally(g, step);
                return true;
            }
            entry = TallyEntry {
                choice: entry.choice + 1,
                typed: String::new(),
            };
            true
        }
        Action::Up if entry.choice > 0 => {
            commit(g, &entry);
            entry = TallyEntry {
                choice: entry.choice - 1,
                typed: String::new(),
            };
            true
        }
        Action::Char('t' | 'T') => {
            commit(g, &entry);
            finish_tally(g, step);
            return true;
        }
        _ => false,
    };
    g.tally_entry = Some(entry);
    changed
}

/// Counting done: highlight the choice with the most hands, ready to reveal.
fn finish_tally(g: &mut GroupState, step: usize) {
    g.tally_entry = None;
    let counts = g.shown_counts(step);
    if let Some((i, _)) = counts
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|c| (i, c)))
        .max_by_key(|&(i, c)| (c, std::cmp::Reverse(i)))
    {
        g.selected = i;
        g.highlight = true;
    }
}

fn update_finished(g: &mut GroupState, action: Action) -> bool {
    // Saved once: the record is final (a second Enter must not add a second row).
    if matches!(g.saved, Some(Saved::To(_))) {
        return false;
    }
    if let Some(d) = digit(action) {
        if g.attendees.len() < 4 {
            g.attendees.push(d);
        }
        g.saved = None;
        return true;
    }
    match action {
        Action::Back => g.attendees.pop().is_some(),
        // Saving needs the number of people first (0 is a number too).
        Action::Select | Action::Char('s' | 'S') if !g.attendees.is_empty() => {
            let rec = g.record(SystemTime::now());
            g.saved = Some(match &g.data_dir {
                Some(dir) => match record::append(dir, &rec) {
                    Ok(path) => Saved::To(path),
                    Err(e) => Saved::Failed(e.to_string()),
                },
                None => Saved::Failed("no folder to save in was found".into()),
            });
            true
        }
        _ => false,
    }
}
