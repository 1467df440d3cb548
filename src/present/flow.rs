//! The practice flow as a pure state machine: the list, the incoming call,
//! each decision and its feedback, the ending, the replay, the quick
//! questions after a call and the quick check. No terminal, no files.
//!
//! [`Flow::update`] is the only place the state changes. It returns whether
//! anything did, so a front end redraws only when needed, and it never does
//! outside work itself: a finished call or check is put in the outbox as an
//! [`Effect`] for the run loop to save, count or say ([`Flow::take_effects`];
//! gitui's `Queue<InternalEvent>` is the model).
//!
//! [`super::screens`] turns the state into the [`super::Screen`] model.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

use crate::engine::quick_check::{Answer, CheckRun, QuickCheck, Score, Stage as CheckStage};
use crate::engine::script::{Script, ScriptRecall};
use crate::engine::session::CallResult;
use crate::engine::{Kind, Library, Outcome, Phase, Session};
use crate::progress::{Day, Mark};

use super::model::Cmd;

/// What a key, click or touch asks for. Each front end maps its input to these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Up arrow: move the highlight up.
    Up,
    /// Down arrow: move the highlight down.
    Down,
    /// Page Up: scroll the text up a page.
    PageUp,
    /// Page Down: scroll the text down a page.
    PageDown,
    /// Enter: choose the highlighted item, or go on.
    Select,
    /// A digit key: choose item `n` (0-based).
    Pick(usize),
    /// Esc: back one screen.
    Back,
    /// `b`: take back the last choice (back one step).
    Undo,
    /// Leave the call, the quick questions or the quick check (asks first).
    Leave,
    /// `?`: show the help card (the right action, the numbers, the keys).
    Help,
    /// `q`: asks first.
    Quit,
    /// Ctrl-C: stop now.
    ForceQuit,
    /// `y`: yes, to a yes-or-no question.
    Yes,
    /// `n`: no, to a yes-or-no question.
    No,
    /// Show the path taken beside the safe path.
    Replay,
    /// `0`: the next page of the list.
    More,
    /// A touch or click on a call in the list: start it.
    Open(usize),
    /// A mouse click or touch at a terminal cell; the front end turns it into the action of what is drawn there.
    Click {
        /// The cell's column, 0-based from the left.
        column: u16,
        /// The cell's row, 0-based from the top.
        row: u16,
    },
    /// The window changed size.
    Redraw,
    /// F5 or Shift-F5 (a presenter remote's "start the show"): group mode
    /// shows the room view again (no blank screen, plan, help or notes over it).
    Present,
    /// Any other letter, digit or sign (group mode gives some of them a
    /// meaning; `s` says the last thing again with `--speak`; on the practice
    /// list `c` or `w` asks for Cymraeg and `e` for English).
    Char(char),
    /// A touch or click on "Cymraeg / English": speak this language.
    Language(crate::i18n::Language),
}

/// How the flow behaves; the modes differ only in these rules, not in code paths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// One learner at their own computer: the full screen or plain mode.
    Practice,
    /// A volunteer drives a projector session (`hangup group`); see `crate::group`.
    Group,
    /// An unattended kiosk (`hangup kiosk`, driven by `crate::kiosk`): no way
    /// out for visitors, reset when left alone, tall touch targets.
    Kiosk,
}

impl Mode {
    /// Whether the learner may stop the program (`q` asks first); false for a kiosk.
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

    /// Used by touch alone: wording says "Touch", every command is a block.
    pub fn touch(self) -> bool {
        matches!(self, Mode::Kiosk)
    }

    /// The projector view: large print, paced by the volunteer, with a plan.
    pub fn projector(self) -> bool {
        matches!(self, Mode::Group)
    }

    /// Ask the scenario's quick recall questions after a finished call.
    pub fn recall_check(self) -> bool {
        matches!(self, Mode::Practice)
    }

    /// The list (and the quick check's offer before it) offers "Cymraeg /
    /// English": at a computer, and on a kiosk (a visitor who touched the
    /// wrong language on the invitation can go back). A group session
    /// keeps the volunteer's language.
    pub fn switches_language(self) -> bool {
        matches!(self, Mode::Practice | Mode::Kiosk)
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

/// The language "Cymraeg / English" switches to: the other one of the two.
pub fn other_language() -> crate::i18n::Language {
    match crate::i18n::current() {
        crate::i18n::Language::Cy => crate::i18n::Language::EnGb,
        _ => crate::i18n::Language::Cy,
    }
}

/// The language a key or touch asks for: `c` or `w` for Cymraeg (as on the
/// kiosk's invitation), `e` for English, or the "Cymraeg / English" block.
fn language_asked(action: Action) -> Option<crate::i18n::Language> {
    match action {
        Action::Char('c' | 'C' | 'w' | 'W') => Some(crate::i18n::Language::Cy),
        Action::Char('e' | 'E') => Some(crate::i18n::Language::EnGb),
        Action::Language(l) => Some(l),
        _ => None,
    }
}

/// How far Page Down or Page Up moves text shown in `rows` rows: a page,
/// less two rows that stay in view to read on from. Three rows before the
/// text is laid out.
pub fn page_step(rows: u16) -> u16 {
    match rows {
        0 => 3,
        r => r.saturating_sub(2).max(1),
    }
}

/// The most calls on one page of the list: one digit key each, 1 to 9
/// (0 is "More calls"). Every call shown has the key that chooses it.
pub const PAGE: usize = 9;

/// Pages of a list whose entries take `heights` rows each, in `room` rows,
/// at most `most` entries a page: where each page starts. One page when
/// everything fits; otherwise each page holds as many entries as fit above
/// the `more` rows of "More calls" (at least one).
pub fn paginate(heights: &[u16], room: u16, more: u16, most: usize) -> Vec<usize> {
    let most = most.max(1);
    let total: u32 = heights.iter().map(|&h| u32::from(h)).sum();
    if heights.len() <= most && total <= u32::from(room) {
        return vec![0];
    }
    let room = u32::from(room.saturating_sub(more));
    let mut starts = vec![0];
    let mut used = 0u32;
    let mut count = 0usize;
    for (i, &h) in heights.iter().enumerate() {
        let h = u32::from(h);
        if count > 0 && (count == most || used + h > room) {
            starts.push(i);
            used = 0;
            count = 0;
        }
        used += h;
        count += 1;
    }
    starts
}

/// The rules a flow runs by.
#[derive(Debug, Clone)]
pub struct Rules {
    /// Practice, group or kiosk.
    pub mode: Mode,
    /// The region id whose numbers and advice are shown, e.g. `ewni` or `scotland`.
    pub region: String,
    /// Fixes all randomness: run k uses seed + k.
    pub seed: Option<u64>,
}

/// Where the learner is.
#[derive(Debug, Clone)]
pub enum Screen {
    /// The list of calls (and the head lines about progress).
    Start,
    /// A call being played.
    Call {
        /// The call's state.
        session: Box<Session>,
        /// The replay (the learner's path beside the safer way) is on screen, after the ending.
        replay: bool,
    },
    /// The quick questions after a call.
    Recall(Box<Recall>),
    /// The quick check: "a scam or a real call?" (offer, questions, result).
    Quick(Box<QuickScreen>),
}

/// A card or question over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The help card: the right action, the numbers to call, and the keys.
    Help,
    /// "Do you want to stop practising?" (from `q`, where the mode allows stopping).
    ConfirmQuit,
    /// "Do you want to leave this call and go back to the list?" (from Leave, in a call, the recall questions or a check).
    ConfirmLeave,
}

/// Outside work the flow asks for; the run loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// A call ended: save it (practice) or count it (kiosk).
    CallFinished(Finished),
    /// A quick check ended: save or count its score.
    CheckFinished(CheckStage, Score),
    /// Say the last thing again (`s` with `--speak`).
    SayAgain,
    /// Speak this language from now on: the run loop sets it and loads the
    /// calls, catalogues and quick check again in it (see
    /// `crate::practice::switch_language`), and speech takes its voice.
    Language(crate::i18n::Language),
}

/// A call that ended, waiting to be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// What the call meant (scenario, kind, outcome, tricks missed).
    pub result: CallResult,
    /// The seed the call was built with, so the next run can pick a different variant.
    pub seed: u64,
}

/// Practice state from the progress file. Empty by default: then the screens
/// look exactly as they do without progress (tests, kiosks).
#[derive(Debug, Clone, Default)]
pub struct Practice {
    /// Lines for the top of the start screen, e.g. "3 of 14 practised."
    pub head: Vec<String>,
    /// "New" or "Due" (by scenario id), shown before the title.
    pub marks: BTreeMap<String, Mark>,
    /// Set when progress is kept: the end of a call says when to practise again.
    pub today: Option<Day>,
    /// One plain line about something that went wrong (progress file, speech).
    pub notice: Option<String>,
    /// The seed each call was last played with, to pick a different variant.
    pub last_seeds: BTreeMap<String, u64>,
    /// The seed of the call being played.
    pub current_seed: u64,
    /// The quick check ("a scam or a real call?"), when it is offered.
    pub quick: Option<QuickState>,
    /// From the progress, for the list's "So far" line: the calls practised,
    /// each once, by how they went last time (`Progress::so_far`), so it
    /// counts the same calls as "N of M practised". `None` without progress
    /// (a kiosk, tests): then the calls played in this run count.
    pub so_far: Option<((usize, usize), (usize, usize))>,
}

impl Practice {
    /// The word shown before a call's title in the list ("New", "Due"), if any.
    pub fn mark_word(&self, id: &str) -> Option<&'static str> {
        self.marks
            .get(id)
            .and_then(|m| super::wording::mark_word(*m))
    }
}

/// The practice flow's state.
#[derive(Debug, Clone)]
pub struct Flow {
    /// Every scenario to choose from, with the catalogues. Shared, not
    /// copied, when the flow is cloned (the tests clone a flow per key).
    pub library: Arc<Library>,
    /// The mode, region and seed.
    pub rules: Rules,
    /// Where the learner is.
    pub screen: Screen,
    /// A card or question over the screen, if one is open.
    pub overlay: Option<Overlay>,
    /// False once the learner has chosen to stop; the run loop then ends.
    pub running: bool,
    /// Highlighted row on the start screen or among the choices.
    pub selected: usize,
    /// At a decision: whether an answer is highlighted yet. None is until
    /// the learner moves the highlight (Up or Down), so Enter pressed twice
    /// (once on "Go on", once more) never picks an answer not yet read.
    /// Numbers, clicks and touches pick as always.
    pub highlighted: bool,
    /// How far long text is scrolled down, once the learner has scrolled
    /// (see [`Flow::scroll_at`]).
    pub scroll: u16,
    /// The learner has scrolled this screen's text (Page Up or Down).
    pub scrolled: bool,
    /// Where the text opens, as the front end last laid it out: on a
    /// decision whose words do not all fit above the choices, the row where
    /// the caller's latest words start; 0 (the top) elsewhere.
    pub scroll_from: Cell<u16>,
    /// How far the help card is scrolled down (it opens at its top).
    pub help_scroll: u16,
    /// The furthest the text on screen can scroll, as the front end last laid
    /// it out (the same layout function that draws it). Page Down stops
    /// there, so Page Up always moves after it.
    pub scroll_max: Cell<u16>,
    /// The same, for the help card.
    pub help_scroll_max: Cell<u16>,
    /// Rows of the text that scrolls, as the front end last laid it out:
    /// Page Down and Page Up move by this less two rows of overlap.
    pub view_rows: Cell<u16>,
    /// The same, for the help card.
    pub help_view_rows: Cell<u16>,
    /// Where each page of the list starts, as the front end last laid it
    /// out (see [`paginate`]); empty until then: pages of [`PAGE`].
    pub pages: RefCell<Vec<usize>>,
    /// Calls finished in this sitting, for the score on the start screen.
    pub results: Vec<CallResult>,
    runs: u64,
    /// Progress shown on screen.
    pub practice: Practice,
    /// Speech is on (`--speak`): every screen offers `s`, "Hear it again".
    pub speaking: bool,
    /// Speech was asked for but is off ("Speech is off: the program \"say\"
    /// was not found."): a note on the screen shown when it failed, until
    /// the learner goes on to another screen (a kiosk's visitors never see
    /// it: the kiosk writes it to its error output instead).
    pub speech_off: Option<String>,
    /// One call and no list (`hangup play ID --plain`): leaving the call
    /// ends the run instead of going to the list.
    pub one_call: bool,
    effects: Vec<Effect>,
}

impl Flow {
    /// A flow over `library` on the list of calls, with no progress shown (see [`Flow::practice`]).
    pub fn new(library: impl Into<Arc<Library>>, rules: Rules) -> Self {
        Self {
            library: library.into(),
            rules,
            screen: Screen::Start,
            overlay: None,
            running: true,
            selected: 0,
            highlighted: false,
            scroll: 0,
            scrolled: false,
            scroll_from: Cell::new(0),
            help_scroll: 0,
            scroll_max: Cell::new(u16::MAX),
            help_scroll_max: Cell::new(u16::MAX),
            view_rows: Cell::new(0),
            help_view_rows: Cell::new(0),
            pages: RefCell::new(Vec::new()),
            results: Vec::new(),
            runs: 0,
            practice: Practice::default(),
            speaking: false,
            speech_off: None,
            one_call: false,
            effects: Vec::new(),
        }
    }

    /// Put effects back in the outbox (a driver that only looked at them).
    pub fn put_effects(&mut self, mut effects: Vec<Effect>) {
        effects.append(&mut self.effects);
        self.effects = effects;
    }

    /// Take a command of the screen model: the one way front ends act on it.
    pub fn take(&mut self, cmd: Cmd) -> bool {
        let action = self.action_for(cmd);
        self.update(action)
    }

    /// The action a command of the screen shown stands for (a touch on its
    /// block, a typed letter in plain mode).
    pub fn action_for(&self, cmd: Cmd) -> Action {
        let on_list = self.overlay.is_none() && matches!(self.screen, Screen::Start);
        match cmd {
            Cmd::Choose(i) if on_list => Action::Open(i),
            Cmd::Choose(i) => Action::Pick(i),
            Cmd::GoOn => Action::Select,
            Cmd::Back | Cmd::Close => Action::Back,
            Cmd::StepBack => Action::Undo,
            Cmd::Leave => Action::Leave,
            Cmd::Help => Action::Help,
            Cmd::Quit => Action::Quit,
            Cmd::Replay => Action::Replay,
            Cmd::More => Action::More,
            Cmd::Previous => Action::Char('p'),
            Cmd::ScrollUp => Action::PageUp,
            Cmd::ScrollDown => Action::PageDown,
            Cmd::Yes => Action::Pick(0),
            Cmd::No => Action::Pick(1),
            Cmd::Language => Action::Language(other_language()),
            Cmd::SayAgain => Action::Char('s'),
            // Group commands are taken by their keys (`group::action_for`).
            Cmd::Group(_) => Action::Redraw,
        }
    }

    /// Outside work asked for since the last call (drained).
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// How far the text on screen is scrolled: where the learner scrolled
    /// it, or else where it opens (the caller's latest words on a decision
    /// that does not fit), clamped to how far it can scroll.
    pub fn scroll_at(&self) -> u16 {
        let at = if self.scrolled {
            self.scroll
        } else {
            self.scroll_from.get()
        };
        at.min(self.scroll_max.get())
    }

    /// Where each page of the list starts: as laid out by the front end
    /// ([`Flow::set_pages`]), or else pages of [`PAGE`]. Always starts at 0.
    fn page_starts(&self) -> Vec<usize> {
        let n = self.library.scenarios.len();
        let laid = self.pages.borrow();
        let mut starts: Vec<usize> = if laid.is_empty() {
            (0..n.max(1)).step_by(PAGE).collect()
        } else {
            laid.iter().copied().filter(|&s| s < n).collect()
        };
        if starts.first() != Some(&0) {
            starts.insert(0, 0);
        }
        starts
    }

    /// Lay the list out in pages starting at `starts` (the front end's
    /// layout: as many calls as fit, see [`paginate`]).
    pub fn set_pages(&self, starts: Vec<usize>) {
        let mut starts = starts;
        starts.sort_unstable();
        starts.dedup();
        *self.pages.borrow_mut() = starts;
    }

    /// The page of the list that holds the highlighted call (0-based), and
    /// how many pages there are.
    pub fn page_number(&self) -> (usize, usize) {
        let starts = self.page_starts();
        let page = starts
            .iter()
            .rposition(|&s| s <= self.selected)
            .unwrap_or(0);
        (page, starts.len())
    }

    /// The calls on the page of the list shown (the one that holds the
    /// highlighted call).
    pub fn page_range(&self) -> Range<usize> {
        let starts = self.page_starts();
        let (page, _) = self.page_number();
        let start = starts.get(page).copied().unwrap_or(0);
        let end = starts
            .get(page + 1)
            .copied()
            .unwrap_or(self.library.scenarios.len());
        start..end.max(start)
    }

    /// The first call on the page of the list shown.
    pub fn page_start(&self) -> usize {
        self.page_range().start
    }

    /// Calls on the page of the list shown.
    pub fn page_size(&self) -> usize {
        self.page_range().len()
    }

    /// The call being played, if the screen is a call.
    pub fn session(&self) -> Option<&Session> {
        match &self.screen {
            Screen::Call { session, .. } => Some(session),
            Screen::Start | Screen::Recall(_) | Screen::Quick(_) => None,
        }
    }

    fn next_seed(&mut self) -> u64 {
        let seed = match self.rules.seed {
            Some(s) => s.wrapping_add(self.runs),
            None => rand::random(),
        };
        self.runs += 1;
        seed
    }

    fn reset_view(&mut self) {
        self.selected = 0;
        self.highlighted = false;
        self.scroll = 0;
        self.scrolled = false;
        self.scroll_max.set(u16::MAX);
    }

    /// Start rehearsing scenario `index` of the library.
    pub fn start_call(&mut self, index: usize) -> bool {
        let Some(scenario) = self.library.scenarios.get(index) else {
            return false;
        };
        let scenario = scenario.clone();
        let mut seed = self.next_seed();
        if self.rules.seed.is_none() {
            // A different variant from last time (names, amounts), if there is one.
            let last = self.practice.last_seeds.get(scenario.id.get_ref()).copied();
            seed = crate::progress::different_variant(
                &scenario,
                &self.library.catalogue,
                &self.rules.region,
                last,
                seed,
                rand::random,
            );
        }
        self.practice.current_seed = seed;
        let script = Script::build(&scenario, &self.library.catalogue, &self.rules.region, seed);
        self.play(script, seed);
        true
    }

    /// Start rehearsing a script already built (`hangup play`).
    pub fn play(&mut self, mut script: Script, seed: u64) {
        super::wording::word_script(&mut script);
        self.practice.current_seed = seed;
        self.screen = Screen::Call {
            session: Box::new(Session::new(script)),
            replay: false,
        };
        self.reset_view();
    }

    /// Scams spotted and genuine calls handled, as (well, total) pairs: the
    /// calls practised, each once (see `Practice::so_far`; the rule is
    /// `progress::so_far_in`).
    pub fn score(&self) -> ((usize, usize), (usize, usize)) {
        if let Some(so_far) = self.practice.so_far {
            return so_far;
        }
        // Without progress: the calls played in this run, by the same rule
        // (each call once, by how it went the last time it was played).
        let mut last: BTreeMap<&str, Outcome> = BTreeMap::new();
        for r in &self.results {
            last.insert(r.scenario.as_str(), r.outcome);
        }
        crate::progress::so_far_in(&self.library, |id| last.get(id).copied())
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

    /// Apply one action. Returns true when something changed (so: redraw).
    /// Clicks must already be turned into the action they stand for.
    pub fn update(&mut self, action: Action) -> bool {
        let changed = self.apply(action);
        // "Speech is off" stays while the learner scrolls or moves the
        // highlight, and goes with the screen it was shown on.
        let same_screen = matches!(
            action,
            Action::Redraw | Action::PageUp | Action::PageDown | Action::Up | Action::Down
        );
        if changed && !same_screen {
            self.speech_off = None;
        }
        changed
    }

    fn apply(&mut self, action: Action) -> bool {
        if action == Action::Redraw {
            return true;
        }
        if action == Action::ForceQuit && self.rules.mode.can_quit() {
            self.running = false;
            return true;
        }
        if action == Action::Char('s') || action == Action::Char('S') {
            self.effects.push(Effect::SayAgain);
            return false;
        }
        if let Some(overlay) = self.overlay {
            return self.update_overlay(overlay, action);
        }
        match action {
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
                self.help_scroll_max.set(u16::MAX);
                return true;
            }
            Action::Leave if !matches!(self.screen, Screen::Start) => {
                self.overlay = Some(Overlay::ConfirmLeave);
                return true;
            }
            Action::Quit if self.rules.mode.can_quit() => {
                self.overlay = Some(Overlay::ConfirmQuit);
                return true;
            }
            // Clamped first to how far the text can scroll as laid out now
            // (the window may have grown), so Page Up always moves at once.
            Action::PageDown => {
                let before = self.scroll_at();
                self.scrolled = true;
                self.scroll = before
                    .saturating_add(page_step(self.view_rows.get()))
                    .min(self.scroll_max.get());
                return before != self.scroll;
            }
            Action::PageUp => {
                let before = self.scroll_at();
                self.scrolled = true;
                self.scroll = before.saturating_sub(page_step(self.view_rows.get()));
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
            (Overlay::Help, Action::PageDown | Action::Down) => {
                let before = self.help_scroll.min(self.help_scroll_max.get());
                let step = match action {
                    Action::Down => 1,
                    _ => page_step(self.help_view_rows.get()),
                };
                self.help_scroll = before.saturating_add(step).min(self.help_scroll_max.get());
                before != self.help_scroll
            }
            (Overlay::Help, Action::PageUp | Action::Up) => {
                let before = self.help_scroll.min(self.help_scroll_max.get());
                let step = match action {
                    Action::Up => 1,
                    _ => page_step(self.help_view_rows.get()),
                };
                self.help_scroll = before.saturating_sub(step);
                before != self.help_scroll
            }
            (Overlay::Help, Action::Help | Action::Back | Action::Select | Action::Quit) => {
                self.overlay = None;
                true
            }
            // Yes: 1 or Y. Enter is the safe default: no, keep going.
            (Overlay::ConfirmQuit, Action::Yes | Action::Pick(0)) => {
                self.running = false;
                true
            }
            (Overlay::ConfirmLeave, Action::Yes | Action::Pick(0)) => {
                self.overlay = None;
                self.leave();
                true
            }
            (
                Overlay::ConfirmQuit | Overlay::ConfirmLeave,
                Action::No | Action::Back | Action::Pick(1) | Action::Select,
            ) => {
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
            // Numbers pick on the page shown; 0 shows the next page of
            // calls (after the last, the first again).
            Action::Pick(d) if d < self.page_size() => self.start_call(self.page_start() + d),
            Action::More if self.page_number().1 > 1 => {
                let next = self.page_range().end;
                self.selected = if next < n { next } else { 0 };
                true
            }
            // `p`: the page before this one (none before the first).
            Action::Char('p' | 'P') if self.page_number().0 > 0 => {
                let starts = self.page_starts();
                let (page, _) = self.page_number();
                self.selected = starts.get(page - 1).copied().unwrap_or(0);
                true
            }
            _ => match language_asked(action) {
                Some(l) => self.ask_language(l),
                None => false,
            },
        }
    }

    /// On the list, or the offer of a quick check that comes before it: ask the run loop to switch to `language` (nothing to do
    /// if it is the one in use, or in a mode that does not switch).
    fn ask_language(&mut self, language: crate::i18n::Language) -> bool {
        if !self.rules.mode.switches_language() || language == crate::i18n::current() {
            return false;
        }
        self.effects.push(Effect::Language(language));
        self.selected = 0;
        true
    }

    /// Leave the call, questions or check, to the list.
    fn leave(&mut self) {
        if self.one_call && matches!(self.screen, Screen::Call { .. }) {
            // No list to go back to: the run ends.
            self.running = false;
            return;
        }
        match &self.screen {
            Screen::Call { .. } => self.go_to_start(),
            Screen::Quick(_) => {
                // A half-done check keeps nothing, and is not offered again today.
                if let Some(q) = self.practice.quick.as_mut() {
                    q.declined = true;
                }
                self.screen = Screen::Start;
                self.reset_view();
            }
            Screen::Recall(_) | Screen::Start => self.enter_start(),
        }
    }

    fn go_to_start(&mut self) {
        if let Screen::Call { session, .. } = &self.screen
            && let Some(result) = session.result()
        {
            self.results.push(result);
            if self.rules.mode.recall_check()
                && let Some(r) = Recall::new(session.script())
            {
                self.screen = Screen::Recall(Box::new(r));
                self.reset_view();
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
        self.reset_view();
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
                    self.scrolled = false;
                    self.scroll_max.set(u16::MAX);
                    true
                }
                _ => false,
            };
        }
        match session.phase() {
            Phase::Incoming => match action {
                Action::Select | Action::Pick(0) => {
                    session.answer();
                    self.reset_view();
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
                    // Nothing highlighted yet: Enter picks nothing (see `highlighted`).
                    Action::Select if !self.highlighted => None,
                    Action::Select => Some(self.selected.min(n.saturating_sub(1))),
                    // The first Up or Down shows the highlight where it is
                    // (the first answer, or the one chosen before going back).
                    Action::Up | Action::Down if !self.highlighted => {
                        self.highlighted = true;
                        self.selected = self.selected.min(n.saturating_sub(1));
                        return true;
                    }
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
                    // Back one step: the decision before this one.
                    Action::Undo if !session.path().is_empty() => {
                        let choice = session.path().last().map_or(0, |t| t.choice);
                        session.undo();
                        session.undo();
                        self.reset_view();
                        self.selected = choice;
                        return true;
                    }
                    _ => None,
                };
                match pick {
                    Some(i) => {
                        let ok = session.choose(i).is_ok();
                        self.scroll = 0;
                        self.scrolled = false;
                        self.scroll_max.set(u16::MAX);
                        ok
                    }
                    None => false,
                }
            }
            Phase::Feedback { choice, .. } => match action {
                Action::Select | Action::Pick(0) => {
                    session.next();
                    if let Some(result) = session.result() {
                        // The call has just ended: ask the run loop to save it.
                        self.effects.push(Effect::CallFinished(Finished {
                            result,
                            seed: self.practice.current_seed,
                        }));
                        if let Some(q) = self.practice.quick.as_mut() {
                            q.calls_since = q.calls_since.saturating_add(1);
                        }
                    }
                    self.reset_view();
                    true
                }
                // "Choose again": only after a risky choice (see `screens::may_choose_again`).
                Action::Back | Action::Undo
                    if session
                        .current_choice()
                        .is_some_and(super::screens::may_choose_again) =>
                {
                    session.undo();
                    self.reset_view();
                    self.selected = choice;
                    true
                }
                _ => false,
            },
            Phase::Ended { .. } => match action {
                // Only when the ending offers it (see `screens::offers_safer_way`).
                Action::Replay if super::screens::offers_safer_way(session) => {
                    *replay = true;
                    self.scroll = 0;
                    self.scrolled = false;
                    self.scroll_max.set(u16::MAX);
                    true
                }
                Action::Select | Action::Back | Action::Pick(0) => {
                    self.go_to_start();
                    true
                }
                _ => false,
            },
        }
    }

    fn update_recall(&mut self, action: Action) -> bool {
        let Screen::Recall(r) = &mut self.screen else {
            return false;
        };
        match r.update(action) {
            RecallStep::Changed(changed) => {
                if changed {
                    self.scroll = 0;
                    self.scrolled = false;
                    self.scroll_max.set(u16::MAX);
                }
                changed
            }
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
        // "Cymraeg / English" on the offer too: it can be the first screen.
        if matches!(**q, QuickScreen::Offer(_))
            && let Some(l) = language_asked(action)
        {
            return self.ask_language(l);
        }
        let Screen::Quick(q) = &mut self.screen else {
            return false;
        };
        match q.update(action, self.practice.quick.as_mut()) {
            QuickStep::Changed(changed) => {
                if changed {
                    self.scroll = 0;
                    self.scrolled = false;
                    self.scroll_max.set(u16::MAX);
                }
                changed
            }
            QuickStep::Finished(stage, score) => {
                self.effects.push(Effect::CheckFinished(stage, score));
                self.scroll = 0;
                self.scrolled = false;
                self.scroll_max.set(u16::MAX);
                true
            }
            QuickStep::Done => {
                self.screen = Screen::Start;
                self.reset_view();
                true
            }
        }
    }
}

/// The quick questions after a call, one at a time.
#[derive(Debug, Clone)]
pub struct Recall {
    /// The call's title, shown above the questions.
    pub title: String,
    /// The call's recall questions, in file order.
    pub questions: Vec<ScriptRecall>,
    /// The question on screen, 0-based.
    pub index: usize,
    /// The learner's answer to the current question, once given.
    pub answered: Option<bool>,
    /// Questions answered right so far.
    pub right: usize,
    /// The answers to the questions before this one, in order (so "back"
    /// can take one back).
    pub earlier: Vec<bool>,
}

/// What an action did to the recall check.
pub enum RecallStep {
    /// Still on the questions; true when the screen changed.
    Changed(bool),
    /// Finished or left: back to the list of calls.
    Done,
}

impl Recall {
    /// The recall questions of `script`; `None` when it has none.
    pub fn new(script: &Script) -> Option<Self> {
        if script.recall.is_empty() {
            return None;
        }
        Some(Self {
            title: script.title.clone(),
            questions: script.recall.clone(),
            index: 0,
            answered: None,
            right: 0,
            earlier: Vec::new(),
        })
    }

    /// The question on screen, or `None` once all are answered.
    pub fn current(&self) -> Option<&ScriptRecall> {
        self.questions.get(self.index)
    }

    /// Apply an action: `y`/1 and `n`/2 answer, Enter goes on, `b` answers again, Esc leaves.
    pub fn update(&mut self, action: Action) -> RecallStep {
        let Some(q) = self.current() else {
            return RecallStep::Done;
        };
        let want = q.answer;
        match (self.answered, action) {
            (_, Action::Back) => RecallStep::Done,
            (None, Action::Yes | Action::Pick(0)) => self.answer(true, want),
            (None, Action::No | Action::Pick(1)) => self.answer(false, want),
            (Some(said), Action::Select | Action::Pick(0)) => {
                self.index += 1;
                self.answered = None;
                self.earlier.push(said);
                if self.index >= self.questions.len() {
                    RecallStep::Done
                } else {
                    RecallStep::Changed(true)
                }
            }
            // Back one step: answer this question again.
            (Some(said), Action::Undo) => {
                if said == want {
                    self.right = self.right.saturating_sub(1);
                }
                self.answered = None;
                RecallStep::Changed(true)
            }
            // Not answered yet: back to the question before, to answer it again.
            (None, Action::Undo) => match self.earlier.pop() {
                Some(said) => {
                    self.index = self.index.saturating_sub(1);
                    if self.current().is_some_and(|q| q.answer == said) {
                        self.right = self.right.saturating_sub(1);
                    }
                    RecallStep::Changed(true)
                }
                None => RecallStep::Changed(false),
            },
            _ => RecallStep::Changed(false),
        }
    }

    fn answer(&mut self, said: bool, want: bool) -> RecallStep {
        self.answered = Some(said);
        if said == want {
            self.right += 1;
        }
        RecallStep::Changed(true)
    }
}

/// When to offer the quick check, and its results in this sitting.
#[derive(Debug, Clone)]
pub struct QuickState {
    /// The quick-check sets.
    pub check: QuickCheck,
    /// Offer the before check (first use: nothing practised, no check taken).
    pub before_due: bool,
    /// The before score, from the progress file or this sitting.
    pub first: Option<Score>,
    /// Calls finished since the last check.
    pub calls_since: u32,
    /// The after check is offered once this many calls are finished.
    pub after_calls: u32,
    /// "Not now": no more offers in this sitting.
    pub declined: bool,
}

impl QuickState {
    /// A state for someone new (a kiosk visitor): the before check first.
    pub fn fresh(check: QuickCheck, after_calls: u32) -> Self {
        Self {
            check,
            before_due: true,
            first: None,
            calls_since: 0,
            after_calls,
            declined: false,
        }
    }

    /// Which check to offer now, if any.
    pub fn offer(&self) -> Option<CheckStage> {
        if self.declined {
            return None;
        }
        if self.before_due && self.first.is_none() && self.calls_since == 0 {
            return Some(CheckStage::Before);
        }
        (self.first.is_some() && self.calls_since >= self.after_calls).then_some(CheckStage::After)
    }

    /// A check ended: note it (the run loop saves it, from the effect).
    pub fn finished(&mut self, stage: CheckStage, score: Score) {
        if stage == CheckStage::Before && self.first.is_none() {
            self.first = Some(score);
        }
        self.before_due = false;
        self.calls_since = 0;
    }
}

/// The screens of the quick check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuickScreen {
    /// "Would you like a quick check?"
    Offer(CheckStage),
    /// The questions, one at a time.
    Questions(CheckRun),
    /// The score, and the change since the before check.
    Result {
        /// Before or after practice.
        stage: CheckStage,
        /// The score and, for the after check, the change since before, in kind words.
        lines: Vec<String>,
        /// Where the check's facts come from, shown under the result.
        source: String,
    },
}

/// What an action did on a quick-check screen.
pub enum QuickStep {
    /// Still going; true when the screen changed.
    Changed(bool),
    /// The last answer was given: the result is on screen, save the score.
    Finished(CheckStage, Score),
    /// Back to the list of calls.
    Done,
}

impl QuickScreen {
    /// Apply an action to the quick-check screen, updating `state` (offers, before score) when the flow keeps one.
    pub fn update(&mut self, action: Action, state: Option<&mut QuickState>) -> QuickStep {
        match self {
            QuickScreen::Offer(stage) => match action {
                Action::Pick(0) | Action::Yes | Action::Select => {
                    let run = state.and_then(|s| CheckRun::new(&s.check, *stage));
                    match run {
                        Some(run) => {
                            *self = QuickScreen::Questions(run);
                            QuickStep::Changed(true)
                        }
                        None => QuickStep::Done,
                    }
                }
                Action::Pick(1) | Action::No | Action::Back => {
                    if let Some(s) = state {
                        s.declined = true;
                    }
                    QuickStep::Done
                }
                _ => QuickStep::Changed(false),
            },
            QuickScreen::Questions(run) => {
                if action == Action::Back {
                    // Skipping part-way keeps nothing: a half score means nothing.
                    if let Some(s) = state {
                        s.declined = true;
                    }
                    return QuickStep::Done;
                }
                let changed = match (run.answered, action) {
                    (None, Action::Pick(0)) => run.answer(Kind::Scam),
                    (None, Action::Pick(1)) => run.answer(Kind::Genuine),
                    (None, Action::Pick(2)) => run.answer(Answer::NotSure),
                    (Some(_), Action::Select | Action::Pick(0)) => run.go_on(),
                    // Back one step: this answer, or the question before.
                    (_, Action::Undo) => run.back(),
                    _ => false,
                };
                if run.finished() {
                    let (stage, score) = (run.stage, run.score());
                    let source = run.source.clone();
                    let first = state.as_ref().and_then(|s| s.first);
                    if let Some(s) = state {
                        s.finished(stage, score);
                    }
                    *self = QuickScreen::Result {
                        stage,
                        lines: super::wording::check_result_lines(run, first),
                        source,
                    };
                    return QuickStep::Finished(stage, score);
                }
                QuickStep::Changed(changed)
            }
            QuickScreen::Result { .. } => match action {
                Action::Select | Action::Pick(0) | Action::Back => QuickStep::Done,
                _ => QuickStep::Changed(false),
            },
        }
    }
}
