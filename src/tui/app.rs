//! The state of the terminal app and how each action changes it.
//!
//! `update` is the only place state changes, and it returns whether anything
//! did, so the loop redraws only when needed. Rendering (`ui.rs`) reads this
//! state and never changes it, apart from noting where the clickable areas are.

use std::cell::RefCell;

use ratatui::layout::Rect;

use crate::engine::session::CallResult;
use crate::engine::{Kind, Library, Outcome, Phase, Script, Session};

use super::practice::{Finished, Practice, Recall, RecallStep};
use super::quick_check::{QuickScreen, QuickStep};
use super::theme::Theme;

/// What a key, click or touch asks for. Keys are mapped to these in `keymap.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    PageUp,
    PageDown,
    /// Enter: choose the highlighted item, or go on.
    Select,
    /// A digit key: choose item `n` (0-based).
    Pick(usize),
    /// Esc: back one screen.
    Back,
    Help,
    /// `q`: asks first.
    Quit,
    /// Ctrl-C: stop now.
    ForceQuit,
    Yes,
    No,
    /// Show the path taken beside the safe path.
    Replay,
    /// `0`: the next page of the list.
    More,
    /// A touch or click on a call in the list: start it.
    Open(usize),
    Click {
        column: u16,
        row: u16,
    },
    /// The window changed size.
    Redraw,
    /// Any other letter, digit or sign (group mode gives some of them a
    /// meaning; `s` says the last thing again with `--speak`).
    Char(char),
}

/// How the app behaves; the modes differ only in these rules, not in code paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Practice,
    /// A volunteer drives a projector session (`hangup group`); see `crate::group`.
    Group,
    /// An unattended kiosk (`hangup kiosk`, driven by `crate::kiosk`): no way
    /// out for visitors, reset when left alone, tall touch targets.
    Kiosk,
}

impl Mode {
    pub fn can_quit(self) -> bool {
        match self {
            Mode::Practice | Mode::Group => true,
            Mode::Kiosk => false,
        }
    }

    /// Left alone, it asks "Are you still there?" and then starts again.
    pub fn resets_when_idle(self) -> bool {
        matches!(self, Mode::Kiosk)
    }

    /// Blank rows above and below each choice (and between choices), so that
    /// a finger can hit it: 0 is one row a choice.
    pub fn target_padding(self) -> u16 {
        match self {
            Mode::Practice | Mode::Group => 0,
            Mode::Kiosk => 1,
        }
    }

    /// The projector view: large print, paced by the volunteer, with a plan.
    pub fn projector(self) -> bool {
        matches!(self, Mode::Group)
    }

    /// Ask the scenario's quick recall questions after a finished call.
    pub fn recall_check(self) -> bool {
        matches!(self, Mode::Practice)
    }

    /// Calls to finish before the quick check is offered again ("after").
    /// A kiosk visit is short, so it asks sooner. Group mode runs its own.
    pub fn calls_before_after_check(self) -> u32 {
        match self {
            Mode::Practice => 3,
            Mode::Kiosk => 2,
            Mode::Group => u32::MAX,
        }
    }
}

/// Calls on one page of the start screen: one digit key each.
pub const PAGE: usize = 9;

#[derive(Debug, Clone)]
pub struct Options {
    pub mode: Mode,
    pub region: String,
    /// Fixes all randomness: run k uses seed + k.
    pub seed: Option<u64>,
    pub theme: Theme,
    /// `--large`: big letters for the caller's words and the key messages,
    /// when the window is big enough for them (see `big.rs`).
    pub large: bool,
}

#[derive(Debug, Clone)]
pub enum Screen {
    Start,
    Call {
        session: Box<Session>,
        replay: bool,
    },
    /// The quick questions after a call.
    Recall(Box<Recall>),
    /// The quick check: "a scam or a real call?" (offer, questions, result).
    Quick(Box<QuickScreen>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmLeave,
}

/// Something on screen that can be clicked or touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Scenario(usize),
    /// "0  More calls": the next page of the list.
    More,
    Choice(usize),
    Continue,
    Yes,
    No,
}

#[derive(Debug)]
pub struct App {
    pub library: Library,
    pub options: Options,
    pub screen: Screen,
    pub overlay: Option<Overlay>,
    pub running: bool,
    /// Highlighted row on the start screen or among the choices.
    pub selected: usize,
    /// How far long text is scrolled down.
    pub scroll: u16,
    /// Calls finished in this sitting, for the score on the start screen.
    pub results: Vec<CallResult>,
    runs: u64,
    /// Progress shown on screen, and finished calls waiting to be saved.
    pub practice: Practice,
    /// Clickable areas from the last frame (written while rendering).
    pub targets: RefCell<Vec<(Rect, Target)>>,
    /// The group session (plan, call, tallies) when the mode is `Group`.
    pub group: Option<Box<crate::group::GroupState>>,
}

impl App {
    pub fn new(library: Library, options: Options) -> Self {
        let group = options
            .mode
            .projector()
            .then(|| Box::new(crate::group::GroupState::new(&library)));
        Self {
            library,
            options,
            screen: Screen::Start,
            overlay: None,
            running: true,
            selected: 0,
            scroll: 0,
            results: Vec::new(),
            runs: 0,
            practice: Practice::default(),
            targets: RefCell::new(Vec::new()),
            group,
        }
    }

    /// The first scenario on the page of the list that holds the highlighted one.
    pub fn page_start(&self) -> usize {
        self.selected / PAGE * PAGE
    }

    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Call { session, .. } => Some(session),
            Screen::Start | Screen::Recall(_) | Screen::Quick(_) => None,
        }
    }

    /// How many calls this app has started (each finished call is counted
    /// once by its number; see the kiosk).
    pub fn calls_started(&self) -> u64 {
        self.runs
    }

    fn next_seed(&mut self) -> u64 {
        let seed = match self.options.seed {
            Some(s) => s.wrapping_add(self.runs),
            None => rand::random(),
        };
        self.runs += 1;
        seed
    }

    /// Start rehearsing scenario `index` of the library.
    pub fn start_call(&mut self, index: usize) -> bool {
        let Some(scenario) = self.library.scenarios.get(index) else {
            return false;
        };
        let scenario = scenario.clone();
        let mut seed = self.next_seed();
        if self.options.seed.is_none() {
            // A different variant from last time (names, amounts), if there is one.
            let last = self.practice.last_seeds.get(scenario.id.get_ref()).copied();
            seed = crate::progress::different_variant(
                &scenario,
                &self.library.catalogue,
                &self.options.region,
                last,
                seed,
                rand::random,
            );
        }
        self.practice.current_seed = seed;
        let script = Script::build(
            &scenario,
            &self.library.catalogue,
            &self.options.region,
            seed,
        );
        self.screen = Screen::Call {
            session: Box::new(Session::new(script)),
            replay: false,
        };
        self.selected = 0;
        self.scroll = 0;
        true
    }

    /// Scams spotted and genuine calls handled, as (well, total) pairs.
    pub fn score(&self) -> ((usize, usize), (usize, usize)) {
        let count = |kind: Kind| {
            let of_kind = self.results.iter().filter(|r| r.kind == kind);
            (
                of_kind.clone().filter(|r| r.handled_well()).count(),
                of_kind.count(),
            )
        };
        (count(Kind::Scam), count(Kind::Genuine))
    }

    /// True when every genuine call so far was turned away: worth a kind word.
    pub fn refused_every_genuine_call(&self) -> bool {
        let genuine: Vec<_> = self
            .results
            .iter()
            .filter(|r| r.kind == Kind::Genuine)
            .collect();
        !genuine.is_empty() && genuine.iter().all(|r| r.outcome != Outcome::Safe)
    }

    /// What is on screen at (column, row), as drawn last.
    pub fn target_at(&self, column: u16, row: u16) -> Option<Target> {
        self.targets
            .borrow()
            .iter()
            .find(|(r, _)| {
                column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
            })
            .map(|(_, t)| *t)
    }

    /// Apply one action. Returns true when something changed (so: redraw).
    pub fn update(&mut self, action: Action) -> bool {
        if action == Action::Redraw {
            return true;
        }
        if action == Action::ForceQuit && self.options.mode.can_quit() {
            self.running = false;
            return true;
        }
        if self.options.mode.projector() {
            return crate::group::update(self, action);
        }
        // A click is turned into the action its target stands for.
        let action = match action {
            Action::Click { column, row } => match self.target_at(column, row) {
                Some(Target::Scenario(i)) => Action::Open(i),
                Some(Target::Choice(i)) => Action::Pick(i),
                Some(Target::More) => Action::More,
                Some(Target::Continue) => Action::Select,
                Some(Target::Yes) => Action::Yes,
                Some(Target::No) => Action::No,
                None => return false,
            },
            other => other,
        };
        if let Some(overlay) = self.overlay {
            return self.update_overlay(overlay, action);
        }
        match action {
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                return true;
            }
            Action::Quit if self.options.mode.can_quit() => {
                self.overlay = Some(Overlay::ConfirmQuit);
                return true;
            }
            Action::PageDown => {
                self.scroll = self.scroll.saturating_add(3);
                return true;
            }
            Action::PageUp => {
                let before = self.scroll;
                self.scroll = self.scroll.saturating_sub(3);
                return before != self.scroll;
            }
            _ => {}
        }
        match &mut self.screen {
            Screen::Start => self.update_start(action),
            Screen::Call { .. } => self.update_call(action),
            Screen::Recall(_) => self.update_recall(action),
            Screen::Quick(_) => self.update_quick(action),
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) -> bool {
        match (overlay, action) {
            (Overlay::Help, Action::Help | Action::Back | Action::Select | Action::Quit) => {
                self.overlay = None;
                true
            }
            (Overlay::ConfirmQuit, Action::Yes) => {
                self.running = false;
                true
            }
            (Overlay::ConfirmLeave, Action::Yes) => {
                self.overlay = None;
                self.go_to_start();
                true
            }
            (Overlay::ConfirmQuit | Overlay::ConfirmLeave, Action::No | Action::Back) => {
                self.overlay = None;
                true
            }
            _ => false,
        }
    }

    fn update_start(&mut self, action: Action) -> bool {
        let n = self.library.scenarios.len();
        match action {
            Action::Up if self.selected > 0 => {
                self.selected -= 1;
                true
            }
            Action::Down if self.selected + 1 < n => {
                self.selected += 1;
                true
            }
            Action::Select => self.start_call(self.selected),
            Action::Open(i) => self.start_call(i),
            // Digits pick on the page shown; 0 shows the next page of calls.
            Action::Pick(d) if d < PAGE => self.start_call(self.page_start() + d),
            Action::More if n > PAGE => {
                let next = self.page_start() + PAGE;
                self.selected = if next < n { next } else { 0 };
                true
            }
            _ => false,
        }
    }

    fn go_to_start(&mut self) {
        if let Screen::Call { session, .. } = &self.screen
            && let Some(result) = session.result()
        {
            self.results.push(result);
            if self.options.mode.recall_check()
                && let Some(r) = Recall::new(session.script())
            {
                self.screen = Screen::Recall(Box::new(r));
                self.selected = 0;
                self.scroll = 0;
                return;
            }
        }
        self.enter_start();
    }

    /// The list of calls, or first the offer of a quick check when one is due.
    pub fn enter_start(&mut self) {
        self.screen = match self.practice.quick.as_ref().and_then(|q| q.offer()) {
            Some(stage) => Screen::Quick(Box::new(QuickScreen::Offer(stage))),
            None => Screen::Start,
        };
        self.selected = 0;
        self.scroll = 0;
    }

    fn update_call(&mut self, action: Action) -> bool {
        let Screen::Call { session, replay } = &mut self.screen else {
            return false;
        };
        if *replay {
            return match action {
                Action::Back | Action::Select | Action::Replay => {
                    *replay = false;
                    self.scroll = 0;
                    true
                }
                _ => false,
            };
        }
        match session.phase() {
            Phase::Incoming => match action {
                Action::Select | Action::Pick(0) => {
                    session.answer();
                    self.selected = 0;
                    true
                }
                Action::Back => {
                    self.go_to_start();
                    true
                }
                _ => false,
            },
            Phase::Deciding { step } => {
                let n = session.step(step).choices.len();
                let pick = match action {
                    Action::Pick(i) if i < n => Some(i),
                    Action::Select => Some(self.selected.min(n.saturating_sub(1))),
                    Action::Up if self.selected > 0 => {
                        self.selected -= 1;
                        return true;
                    }
                    Action::Down if self.selected + 1 < n => {
                        self.selected += 1;
                        return true;
                    }
                    Action::Back => {
                        self.overlay = Some(Overlay::ConfirmLeave);
                        return true;
                    }
                    _ => None,
                };
                match pick {
                    Some(i) => {
                        let ok = session.choose(i).is_ok();
                        self.scroll = 0;
                        ok
                    }
                    None => false,
                }
            }
            Phase::Feedback { choice, .. } => match action {
                Action::Select | Action::Pick(_) => {
                    session.next();
                    if let Some(result) = session.result() {
                        // The call has just ended: note it for saving.
                        self.practice.finished.push(Finished {
                            result,
                            seed: self.practice.current_seed,
                        });
                        if let Some(q) = self.practice.quick.as_mut() {
                            q.calls_since = q.calls_since.saturating_add(1);
                        }
                    }
                    self.selected = 0;
                    self.scroll = 0;
                    true
                }
                Action::Back => {
                    session.undo();
                    self.selected = choice;
                    self.scroll = 0;
                    true
                }
                _ => false,
            },
            Phase::Ended { .. } => match action {
                Action::Replay => {
                    *replay = true;
                    self.scroll = 0;
                    true
                }
                Action::Select | Action::Back => {
                    self.go_to_start();
                    true
                }
                _ => false,
            },
        }
    }
}

impl App {
    fn update_recall(&mut self, action: Action) -> bool {
        let Screen::Recall(r) = &mut self.screen else {
            return false;
        };
        match r.update(action) {
            RecallStep::Changed(changed) => changed,
            RecallStep::Done => {
                self.enter_start();
                true
            }
        }
    }

    fn update_quick(&mut self, action: Action) -> bool {
        let Screen::Quick(q) = &mut self.screen else {
            return false;
        };
        match q.update(action, self.practice.quick.as_mut()) {
            QuickStep::Changed(changed) => {
                if changed {
                    self.scroll = 0;
                }
                changed
            }
            QuickStep::Done => {
                self.screen = Screen::Start;
                self.selected = 0;
                self.scroll = 0;
                true
            }
        }
    }
}
