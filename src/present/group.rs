//! The group session's flow (`hangup group`): a volunteer runs practice calls
//! on a projector for a room of people. Pure state and rules: no terminal,
//! no I/O. `update` changes the state and asks for outside work (saving the
//! record) as [`GroupEffect`]s; [`super::group_screens`] makes the screen
//! model the projector draws and speech says.
//!
//! The volunteer drives every change with a key: nothing moves by itself. At
//! each decision the room sees the caller's words and the choices, the
//! volunteer asks the room, may type a show of hands for each choice, and
//! then reveals what that choice means. Facilitator notes stay hidden until
//! the volunteer asks for them.
//!
//! The plan can also hold the quick check ("a scam or a real call?"), before
//! the calls and again after them. It is a plan item like a call, with the same
//! keys and the same show of hands; only its screens differ (`CheckPlay`).

use std::path::PathBuf;
use std::time::SystemTime;

use crate::dates;
use crate::engine::quick_check::{Answer, CheckItem, QuickCheck, percent};
use crate::engine::{Library, Phase, Script, Session};
use crate::i18n::tr;
use crate::tr;

use super::flow::{Action, Overlay};

pub use crate::engine::quick_check::Stage as CheckStage;

/// A show of hands over a whole quick check: the hands that named the call
/// right, the hands for "Not sure: I would check first", and all the hands
/// counted (each snippet adds every option's hands).
///
/// "Right" means named right, here and on every screen and summary: a
/// careful "not sure" is safe, and never wrong, but it tells no call apart,
/// so it is counted apart, as in the learner's own quick check
/// (`quick_check::Score::named_right`). The record's file keeps its own
/// columns as they always were: `check_*_right` there is the hands right
/// *or* careful (named right plus not sure), `check_*_unsure` the careful
/// ones among them, so files written before this still read the same.
/// `group::record` turns one into the other, both ways; nothing else needs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hands {
    /// Hands that named the call right (a scam called a scam, a real call
    /// a real call), over every snippet of the check. Not the "not sure" hands.
    pub named_right: u32,
    /// All the hands counted, over every snippet (every option).
    pub hands: u32,
    /// Hands up for "Not sure: I would check first" (safe, said apart; 0 in
    /// records from before the room had that option).
    pub unsure: u32,
}

impl Hands {
    /// The share of hands that named the call right, rounded down (so 100%
    /// means every hand); `None` when no hands were counted.
    pub fn percent(self) -> Option<u64> {
        percent(u64::from(self.named_right), u64::from(self.hands))
    }

    /// Hands right or careful: named right, or "not sure" (safe). This is
    /// what the record's `check_*_right` columns hold.
    pub fn right_or_careful(self) -> u32 {
        self.named_right.saturating_add(self.unsure)
    }

    /// Hands from a record's cells: `right_or_careful` (the `check_*_right`
    /// column), of them `unsure`, out of `hands`. Cells that do not add up
    /// (an edited file) are capped: at most `hands` right or careful, at
    /// most that many of them not sure.
    pub fn from_record(right_or_careful: u32, hands: u32, unsure: u32) -> Self {
        let right_or_careful = right_or_careful.min(hands);
        let unsure = unsure.min(right_or_careful);
        Self {
            named_right: right_or_careful - unsure,
            hands,
            unsure,
        }
    }
}

/// One group session, as one row of `group-sessions.csv`: numbers and ids only, never a name or free text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// "YYYY-MM-DD".
    pub date: String,
    /// How long the session ran, in whole minutes rounded up (at least 1 once started; 0 if never started).
    pub duration_minutes: u32,
    /// Scenario ids played to the end, in order.
    pub scenarios: Vec<String>,
    /// How many people came, as the volunteer typed it.
    pub attendees: u32,
    /// The show-of-hands counts, one per decision counted, in the order they were taken.
    pub tallies: Vec<Tally>,
    /// The quick check before practice, if the room did it (empty cells if not).
    pub check_before: Option<Hands>,
    /// The quick check after practice.
    pub check_after: Option<Hands>,
    /// How the session went: a quick check cut short, stopped early.
    pub marks: Marks,
}

/// What a record notes about how its session went (the `marks` column):
/// its quick-check hands are not a whole check, or the session was
/// stopped before its end.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// The check before practice was cut short (skipped part way).
    pub before_cut_short: bool,
    /// The check after practice was cut short.
    pub after_cut_short: bool,
    /// The volunteer stopped the session (`q`, then yes) before its end.
    pub stopped_early: bool,
}

/// Minutes a call is planned for when its scenario does not say.
pub const DEFAULT_MINUTES: u32 = 10;
/// Minutes for the welcome and the wrap-up, added to the plan's total.
pub const WELCOME_MINUTES: u32 = 10;
/// Minutes for a quick check with a room (six short calls and their answers).
pub const CHECK_MINUTES: u32 = 5;

/// The default plan fills up to this many minutes, welcome and quick checks
/// included (the guide suggests 45 to 60 minutes). The other calls start as
/// "Skip", so the volunteer can add them with one key.
pub const DEFAULT_PLAN_MINUTES: u32 = 60;

/// The calls the default plan starts with, before the others in library
/// order: the police courier call is the one the project started from, and
/// the one the guide's plan plays first (docs/group.md, "A 55-minute plan").
pub const FIRST_CALLS: &[&str] = &["police-courier"];

/// Calls in library order while they fit in `DEFAULT_PLAN_MINUTES`; the rest
/// skipped. The quick checks always stay in.
fn fit_default_plan(mut plan: Vec<PlanItem>) -> Vec<PlanItem> {
    let mut total = WELCOME_MINUTES
        + plan
            .iter()
            .filter(|p| !p.is_call())
            .map(|p| p.minutes)
            .sum::<u32>();
    // The first calls that fit, in order; from the first that does not, skip
    // the rest (so the plan reads as "these, then the others if time allows").
    let mut full = false;
    for item in plan.iter_mut().filter(|p| p.is_call()) {
        if !full && total.saturating_add(item.minutes) <= DEFAULT_PLAN_MINUTES {
            total += item.minutes;
        } else {
            full = true;
            item.status = ItemStatus::Skipped;
        }
    }
    plan
}

/// What a plan item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A practice call: the index of its scenario in the library.
    Call(usize),
    /// The quick check "a scam or a real call?", before or after practice.
    Check(CheckStage),
}

/// One call (or quick check) in today's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanItem {
    /// What the item is: a practice call or a quick check.
    pub kind: ItemKind,
    /// The scenario id, or "quick-check-before" / "quick-check-after".
    pub id: String,
    /// The title shown in the plan: the scenario's title, or "Quick check: before practice" / "after practice".
    pub title: String,
    /// Planned length in minutes: the scenario's `minutes` (or the default) for a call, a fixed few for a quick check.
    pub minutes: u32,
    /// Planned, skipped or done.
    pub status: ItemStatus,
}

impl PlanItem {
    fn check(stage: CheckStage) -> Self {
        let (id, title) = match stage {
            CheckStage::Before => ("quick-check-before", "group-check-before"),
            CheckStage::After => ("quick-check-after", "group-check-after"),
        };
        Self {
            kind: ItemKind::Check(stage),
            id: id.into(),
            title: tr(title),
            minutes: CHECK_MINUTES,
            status: ItemStatus::Planned,
        }
    }

    /// True for a practice call, false for a quick check.
    pub fn is_call(&self) -> bool {
        matches!(self.kind, ItemKind::Call(_))
    }
}

/// Where a plan item stands today.
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
    /// The quick check is on the screen.
    Check,
    /// All calls done: the volunteer may save the anonymous record.
    Finished,
}

/// A show of hands at one decision, in the order the scenario file lists the choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    /// The scenario's id, e.g. `police-courier`.
    pub scenario: String,
    /// The id of the step whose choices were counted.
    pub step: String,
    /// Hands for each choice (authored order); `None` = not counted.
    pub counts: Vec<Option<u32>>,
    /// A label for each choice (authored order), saved beside its hands:
    /// its number in the scenario file and whether it is safer or risky,
    /// e.g. "1-safer". Empty for records saved before labels.
    pub labels: Vec<String>,
}

/// The label saved with a choice's hands: "2-risky" is the second choice in
/// the scenario file, a risky one. It never depends on the order on screen.
pub fn choice_label(authored_index: usize, verdict: crate::engine::Verdict) -> String {
    use crate::engine::Verdict;
    let n = authored_index + 1;
    match verdict {
        Verdict::Safer => format!("{n}-safer"),
        Verdict::Risky => format!("{n}-risky"),
        Verdict::Neutral => n.to_string(),
    }
}

/// Typing a count for each choice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TallyEntry {
    /// The choice being counted (as shown on screen).
    pub choice: usize,
    /// Digits typed so far for that choice.
    pub typed: String,
}

/// The quick check on the projector: one snippet at a time, the room's hands
/// for "a scam", "a real call" and "not sure", then the answer; at the end,
/// the room's share of hands that named the call right (the careful "not
/// sure" is safe, and said apart: see [`Hands`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckPlay {
    /// Whether this is the check before or after practice.
    pub stage: CheckStage,
    /// The snippets to show, in order.
    pub items: Vec<CheckItem>,
    /// The snippet on screen; `items.len()` means the result screen.
    pub index: usize,
    /// The answer to this snippet is on screen.
    pub revealed: bool,
    /// Hands for each snippet, in the order of `CHECK_OPTIONS`; `None` = not counted.
    pub hands: Vec<[Option<u32>; 3]>,
}

/// The options of every snippet, in the order the room sees them ("1 A
/// scam", "2 A real call", "3 Not sure: I would check first").
pub const CHECK_OPTIONS: [Answer; 3] = [Answer::Scam, Answer::Genuine, Answer::NotSure];

/// An option's words, as the room sees them.
pub fn option_label(a: Answer) -> &'static str {
    let w = super::wording::WORDS;
    match a {
        Answer::Scam => w.a_scam,
        Answer::Genuine => w.a_real_call,
        Answer::NotSure => w.not_sure,
    }
}

impl CheckPlay {
    /// The quick check `stage` from `check`'s sets; `None` when that set is missing or has no snippets.
    pub fn new(check: &QuickCheck, stage: CheckStage) -> Option<Self> {
        let items = check.set(stage)?.items.clone();
        if items.is_empty() {
            return None;
        }
        let hands = vec![[None; 3]; items.len()];
        Some(Self {
            stage,
            items,
            index: 0,
            revealed: false,
            hands,
        })
    }

    /// The snippet on screen (none on the result screen).
    pub fn current(&self) -> Option<&CheckItem> {
        self.items.get(self.index)
    }

    /// True once every snippet has been shown and the room's result is on screen.
    pub fn at_result(&self) -> bool {
        self.index >= self.items.len()
    }

    /// Hands for the snippet on screen, in option order.
    pub fn counts(&self) -> Vec<Option<u32>> {
        self.hands
            .get(self.index)
            .map_or_else(Vec::new, |h| h.to_vec())
    }

    /// Hands that named the call right, all hands, and the "not sure"
    /// hands, over every snippet (see [`Hands`]).
    pub fn total(&self) -> Hands {
        let mut t = Hands::default();
        for (item, counts) in self.items.iter().zip(&self.hands) {
            for (said, n) in CHECK_OPTIONS.iter().zip(counts) {
                let n = n.unwrap_or(0);
                t.hands = t.hands.saturating_add(n);
                if *said == Answer::NotSure {
                    t.unsure = t.unsure.saturating_add(n);
                } else if said.is_right(item) {
                    t.named_right = t.named_right.saturating_add(n);
                }
            }
        }
        t
    }
}

/// The result of a quick check for the room, in kind words. `before` is the
/// room's before check in this session, if it was done (for the after check).
/// `again_later`: the after check is still in today's plan.
pub fn room_result_lines(
    stage: CheckStage,
    now: Hands,
    before: Option<Hands>,
    again_later: bool,
) -> Vec<String> {
    // As in the quick check (`wording::check_change`): a careful "not sure"
    // is safe, and never wrong, but it names no call. "Right" here, in the
    // percentages and in "The room spotted more", is the hands that named
    // the call right (`Hands::named_right`); the "not sure" hands are said apart.
    let unsure = now.unsure;
    let Some(percent) = now.percent() else {
        return vec![tr("group-result-shown"), tr("group-result-no-hands")];
    };
    let mut v = vec![tr!(
        "group-result-room",
        right = now.named_right,
        hands = now.hands,
        percent = percent
    )];
    if unsure > 0 {
        v.push(tr!("group-result-unsure", n = unsure));
    }
    match stage {
        CheckStage::Before if again_later => v.push(tr("group-result-again-later")),
        CheckStage::Before => {}
        CheckStage::After => {
            if let Some(b) = before
                && let Some(was) = b.percent()
            {
                v.push(tr!("group-result-before-after", was = was, now = percent));
                // Compare as fractions, in case the counts differ.
                let a = u64::from(now.named_right) * u64::from(b.hands);
                let c = u64::from(b.named_right) * u64::from(now.hands);
                v.push(tr(match a.cmp(&c) {
                    std::cmp::Ordering::Greater => "group-result-better",
                    std::cmp::Ordering::Equal => "group-result-same",
                    std::cmp::Ordering::Less => "group-result-worse",
                }));
            }
        }
    }
    v
}

/// What happened when the volunteer saved the record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Saved {
    /// Saved: the full path of the records file the row went into.
    To(PathBuf),
    /// Not saved: why, in plain words (e.g. "no folder to save in was found"), so the volunteer can try again.
    Failed(String),
}

/// Everything about one group session in progress: the plan, the call or quick check on screen, the hands counted, the record.
#[derive(Debug, Clone)]
pub struct GroupState {
    /// Where the session is: planning, a call, a quick check, or finished.
    pub stage: Stage,
    /// Today's plan, in the order it will be played.
    pub plan: Vec<PlanItem>,
    /// Highlighted row in the plan.
    pub cursor: usize,
    /// The plan row being played.
    pub current: Option<usize>,
    /// The call being played, if a call is on screen.
    pub session: Option<Box<Session>>,
    /// The quick check on screen (stage `Check`).
    pub check: Option<CheckPlay>,
    /// The quick-check sets (none if the built-in file could not be read).
    pub quick: Option<QuickCheck>,
    /// Quick checks played to their end today, with the room's hands.
    pub checks_done: Vec<(CheckStage, Hands)>,
    /// Quick checks cut short with `s` after some hands were counted: the
    /// questions counted, of how many. Such a check is never compared as if
    /// whole, and the record says it was cut short.
    pub checks_cut: Vec<(CheckStage, usize, usize)>,
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
    /// Hands being typed at a decision, choice by choice; `None` when not counting.
    pub tally_entry: Option<TallyEntry>,
    /// Every show of hands counted today, in order (saved in the record).
    pub tallies: Vec<Tally>,
    /// Attendee count as typed.
    pub attendees: String,
    /// When the first item was started (the record's length is counted from here); `None` before that.
    pub started: Option<SystemTime>,
    /// How far the help card is scrolled, in rows (0 when it opens: at its top).
    pub help_scroll: u16,
    /// How far a screen longer than the window (an ending, a reveal, a
    /// result) is scrolled, in rows: 0 on every new screen.
    pub scroll: u16,
    /// Whether the record was saved, and where or why not; `None` until the volunteer saves.
    pub saved: Option<Saved>,
    /// The record as it was saved (the row in the file), so that a
    /// corrected number of people replaces it rather than adding a row.
    pub saved_record: Option<Record>,
    /// After saving, the volunteer is typing a corrected number of people.
    pub correcting: bool,
    /// Where the record goes (`--data-dir`, HANGUP_DATA_DIR or the platform's data folder).
    pub data_dir: Option<PathBuf>,
    /// `s` was pressed: "Skip this call?" is asked before anything is skipped.
    pub asking_skip: bool,
    /// `--speak` is on: `r` says the screen again (the run loop does it).
    pub speaking: bool,
    runs: u64,
    /// The call or quick check just finished, kept while the next one is on
    /// its first screen: Esc there goes back to its ending (or result), so
    /// a remote that went on too soon can return.
    last: Option<Box<Last>>,
}

/// A finished call or quick check, as it was at its ending (see `GroupState::last`).
#[derive(Debug, Clone)]
struct Last {
    row: usize,
    stage: Stage,
    session: Option<Box<Session>>,
    check: Option<CheckPlay>,
    /// The run count before the next item started (so it starts the same again).
    runs: u64,
}

impl GroupState {
    /// Every scenario in the library is in the plan, in library order,
    /// between the quick check before and the quick check after; the calls
    /// that do not fit in `DEFAULT_PLAN_MINUTES` start as skipped.
    pub fn new(library: &Library) -> Self {
        Self::with_quick_check(library, Some(QuickCheck::builtin()))
    }

    /// As `new`, with these quick-check sets (`None`: no quick check in the plan).
    pub fn with_quick_check(library: &Library, quick: Option<QuickCheck>) -> Self {
        let mut calls: Vec<PlanItem> = library
            .scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| PlanItem {
                kind: ItemKind::Call(i),
                id: s.id.get_ref().clone(),
                title: crate::engine::text::sanitize(s.title.get_ref()),
                minutes: s.minutes.unwrap_or(DEFAULT_MINUTES),
                status: ItemStatus::Planned,
            })
            .collect();
        // The first calls (the seed call) lead; the rest keep library order.
        calls.sort_by_key(|p| {
            FIRST_CALLS
                .iter()
                .position(|f| *f == p.id)
                .unwrap_or(FIRST_CALLS.len())
        });
        let check = |stage| {
            quick
                .as_ref()
                .and_then(|q| q.set(stage))
                .filter(|set| !set.items.is_empty())
                .map(|_| PlanItem::check(stage))
        };
        let plan: Vec<PlanItem> = check(CheckStage::Before)
            .into_iter()
            .chain(calls)
            .chain(check(CheckStage::After))
            .collect();
        let plan = fit_default_plan(plan);
        Self {
            stage: Stage::Plan,
            plan,
            cursor: 0,
            current: None,
            session: None,
            check: None,
            quick,
            checks_done: Vec::new(),
            checks_cut: Vec::new(),
            selected: 0,
            highlight: false,
            notes: false,
            paused: false,
            plan_open: false,
            tally_entry: None,
            tallies: Vec::new(),
            attendees: String::new(),
            help_scroll: 0,
            scroll: 0,
            started: None,
            saved: None,
            saved_record: None,
            correcting: false,
            data_dir: None,
            asking_skip: false,
            speaking: false,
            runs: 0,
            last: None,
        }
    }

    /// Keep only these scenario ids in the plan, in this order (the other
    /// calls are skipped, after them). The quick checks stay first and last.
    pub fn choose_plan(&mut self, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let mut chosen: Vec<PlanItem> = Vec::new();
        for id in ids {
            if let Some(pos) = self.plan.iter().position(|p| p.is_call() && &p.id == id) {
                let mut item = self.plan.remove(pos);
                item.status = ItemStatus::Planned;
                chosen.push(item);
            }
        }
        let (mut calls, checks): (Vec<PlanItem>, Vec<PlanItem>) = std::mem::take(&mut self.plan)
            .into_iter()
            .partition(PlanItem::is_call);
        for item in &mut calls {
            item.status = ItemStatus::Skipped;
        }
        chosen.append(&mut calls);
        let (before, after): (Vec<PlanItem>, Vec<PlanItem>) = checks
            .into_iter()
            .partition(|p| p.kind == ItemKind::Check(CheckStage::Before));
        self.plan = before.into_iter().chain(chosen).chain(after).collect();
    }

    /// Minutes for the calls and checks still planned or done, plus the welcome.
    pub fn planned_minutes(&self) -> u32 {
        let items: u32 = self
            .plan
            .iter()
            .filter(|p| p.status != ItemStatus::Skipped)
            .map(|p| p.minutes)
            .sum();
        items + WELCOME_MINUTES
    }

    /// Calls planned or done (quick checks not counted).
    pub fn planned_count(&self) -> usize {
        self.plan
            .iter()
            .filter(|p| p.is_call() && p.status != ItemStatus::Skipped)
            .count()
    }

    /// Quick checks planned or done.
    pub fn planned_checks(&self) -> usize {
        self.plan
            .iter()
            .filter(|p| !p.is_call() && p.status != ItemStatus::Skipped)
            .count()
    }

    /// "Call 2 of 3": position of the current call among the calls not skipped.
    pub fn position(&self) -> (usize, usize) {
        let total = self.planned_count();
        let at = match self.current {
            Some(c) => self.plan[..c]
                .iter()
                .filter(|p| p.is_call() && p.status != ItemStatus::Skipped)
                .count()
                .saturating_add(1),
            None => 0,
        };
        (at, total)
    }

    /// A call or a quick check is on the screen.
    pub fn playing(&self) -> bool {
        matches!(self.stage, Stage::Call | Stage::Check)
    }

    /// The room's hands in a quick check done today.
    pub fn check_result(&self, stage: CheckStage) -> Option<Hands> {
        self.checks_done
            .iter()
            .find(|(s, _)| *s == stage)
            .map(|(_, h)| *h)
    }

    /// The result lines for the quick check on screen.
    pub fn check_result_lines(&self) -> Vec<String> {
        let Some(play) = &self.check else {
            return Vec::new();
        };
        let again_later = self.plan.iter().any(|p| {
            p.kind == ItemKind::Check(CheckStage::After) && p.status == ItemStatus::Planned
        });
        let cut = self.check_cut(CheckStage::Before);
        // A before check cut short is not compared as if whole: say so.
        let before = self
            .check_result(CheckStage::Before)
            .filter(|_| cut.is_none());
        let mut lines = room_result_lines(play.stage, play.total(), before, again_later);
        if let (CheckStage::After, Some((done, of))) = (play.stage, cut) {
            lines.push(tr!("group-result-before-cut", done = done, of = of));
        }
        lines
    }

    /// A quick check cut short today: the questions counted, of how many.
    pub fn check_cut(&self, stage: CheckStage) -> Option<(usize, usize)> {
        self.checks_cut
            .iter()
            .find(|(s, _, _)| *s == stage)
            .map(|&(_, done, of)| (done, of))
    }

    /// How many options the room is counting hands for now (None: no show of
    /// hands here).
    fn counting(&self) -> Option<usize> {
        match self.stage {
            Stage::Call => match self.session.as_ref()?.phase() {
                Phase::Deciding { step } => Some(self.session.as_ref()?.step(step).choices.len()),
                _ => None,
            },
            Stage::Check => {
                let play = self.check.as_ref()?;
                (!play.revealed && !play.at_result()).then_some(CHECK_OPTIONS.len())
            }
            _ => None,
        }
    }

    /// Hands counted at this moment, in on-screen order.
    pub fn counts_now(&self) -> Vec<Option<u32>> {
        match self.stage {
            Stage::Call => match self.session.as_ref().map(|s| s.phase()) {
                Some(Phase::Deciding { step }) => self.shown_counts(step),
                _ => Vec::new(),
            },
            Stage::Check => self.check.as_ref().map_or_else(Vec::new, CheckPlay::counts),
            _ => Vec::new(),
        }
    }

    fn set_count_now(&mut self, shown: usize, count: u32) {
        match self.stage {
            Stage::Call => {
                if let Some(Phase::Deciding { step }) = self.session.as_ref().map(|s| s.phase()) {
                    self.set_count(step, shown, count);
                }
            }
            Stage::Check => {
                if let Some(play) = self.check.as_mut()
                    && let Some(slot) = play
                        .hands
                        .get_mut(play.index)
                        .and_then(|h| h.get_mut(shown))
                {
                    *slot = Some(count);
                }
            }
            _ => {}
        }
    }

    /// The counts for a step of the current call, in on-screen order: the
    /// choices the room sees only (a choice kept for another path, with a
    /// `when` not met, is never listed).
    pub fn shown_counts(&self, step: usize) -> Vec<Option<u32>> {
        let Some(session) = &self.session else {
            return Vec::new();
        };
        let script = session.script();
        let st = session.step(step);
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
        // The step as the room sees it: only its shown choices are counted
        // and labelled (the record leaves the others out).
        let st = session.step(step);
        let Some(choice) = st.choices.get(shown) else {
            return;
        };
        let n = script.steps[step]
            .choices
            .iter()
            .map(|c| c.authored_index + 1)
            .chain(st.choices.iter().map(|c| c.authored_index + 1))
            .max()
            .unwrap_or(0);
        let (scenario, step_id) = (script.id.clone(), st.id.clone());
        let authored = choice.authored_index;
        let pos = match self
            .tallies
            .iter()
            .position(|t| t.scenario == scenario && t.step == step_id)
        {
            Some(p) => p,
            None => {
                let mut labels = vec![String::new(); n];
                for c in &st.choices {
                    if let Some(l) = labels.get_mut(c.authored_index) {
                        *l = choice_label(c.authored_index, c.verdict);
                    }
                }
                self.tallies.push(Tally {
                    scenario,
                    step: step_id,
                    counts: vec![None; n],
                    labels,
                });
                self.tallies.len() - 1
            }
        };
        let label = choice_label(authored, choice.verdict);
        let t = &mut self.tallies[pos];
        if t.counts.len() < n {
            t.counts.resize(n, None);
        }
        if t.labels.len() < n {
            t.labels.resize(n, String::new());
        }
        if let Some(slot) = t.counts.get_mut(authored) {
            *slot = Some(count);
        }
        if let Some(l) = t.labels.get_mut(authored) {
            *l = label;
        }
    }

    /// Start the plan row `row`: its phone rings, or its quick check begins.
    /// False if it cannot start (nothing changes then).
    fn start_row(
        &mut self,
        library: &Library,
        region: &str,
        seed: Option<u64>,
        row: usize,
    ) -> bool {
        let Some(item) = self.plan.get(row) else {
            return false;
        };
        match item.kind {
            ItemKind::Call(i) => {
                let Some(scenario) = library.scenarios.get(i) else {
                    return false;
                };
                let seed = match seed {
                    Some(s) => s.wrapping_add(self.runs),
                    None => rand::random(),
                };
                self.runs += 1;
                let mut script = Script::build(scenario, &library.catalogue, region, seed);
                super::wording::word_script(&mut script);
                self.session = Some(Box::new(Session::new(script)));
                self.check = None;
                self.stage = Stage::Call;
            }
            ItemKind::Check(stage) => {
                let Some(play) = self.quick.as_ref().and_then(|q| CheckPlay::new(q, stage)) else {
                    return false;
                };
                self.check = Some(play);
                self.session = None;
                self.stage = Stage::Check;
            }
        }
        self.current = Some(row);
        self.cursor = row;
        self.selected = 0;
        self.highlight = false;
        self.tally_entry = None;
        self.last = None;
        if self.started.is_none() {
            self.started = Some(SystemTime::now());
        }
        true
    }

    /// The next planned row after the current one (or from the top).
    pub fn next_planned(&self) -> Option<usize> {
        let from = self.current.map_or(0, |c| c + 1);
        (from..self.plan.len())
            .chain(0..from)
            .find(|&i| self.plan[i].status == ItemStatus::Planned && Some(i) != self.current)
    }

    /// The call or quick check on show is at its first screen (the phone
    /// ringing, or the first snippet with no hands counted and no answer).
    fn at_first_screen(&self) -> bool {
        match self.stage {
            Stage::Call => self
                .session
                .as_deref()
                .is_some_and(|s| matches!(s.phase(), Phase::Incoming)),
            Stage::Check => self
                .check
                .as_ref()
                .is_some_and(|p| p.index == 0 && !p.revealed && p.total().hands == 0),
            Stage::Plan | Stage::Finished => false,
        }
    }

    /// Nothing of the call or quick check on show has been done: it is at
    /// its first screen, or (a call) at its first question with no answer
    /// chosen and no hands being counted. (Counting hands starts with `t`,
    /// and [`update`] leaves the ending behind at once.) So a remote that
    /// went on twice from an ending (the phone answered) can still go back.
    fn nothing_done(&self) -> bool {
        if self.at_first_screen() {
            return true;
        }
        if self.stage != Stage::Call || self.tally_entry.is_some() {
            return false;
        }
        self.session.as_deref().is_some_and(|session| {
            matches!(session.phase(), Phase::Deciding { step: 0 }) && session.path().is_empty()
        })
    }

    /// Esc goes back to the ending (or result) of the call or quick check
    /// just finished: the next one is on its first screen, nothing typed.
    pub fn can_go_back_to_last(&self) -> bool {
        self.last.is_some()
            && self.at_first_screen()
            && self.tally_entry.is_none()
            && !self.plan_open
    }

    /// What Esc goes back to: a quick check's result, or a call's ending.
    pub fn last_was_check(&self) -> bool {
        self.last.as_ref().is_some_and(|l| l.stage == Stage::Check)
    }

    /// Back to the ending (or result) of the item just finished; the item
    /// on show stays planned, and starts the same again after Enter.
    fn back_to_last(&mut self) -> bool {
        let Some(last) = self.last.take() else {
            return false;
        };
        let Last {
            row,
            stage,
            session,
            check,
            runs,
        } = *last;
        self.current = Some(row);
        self.cursor = row;
        self.stage = stage;
        self.session = session;
        self.check = check;
        self.runs = runs;
        self.selected = 0;
        self.highlight = false;
        self.tally_entry = None;
        true
    }

    /// Leave the current call or check (done or skipped) and go to the next,
    /// or finish. A quick check done keeps the room's hands for the record.
    fn advance(&mut self, library: &Library, region: &str, seed: Option<u64>, status: ItemStatus) {
        // Played to its end: kept, for Esc on the next item's first screen.
        let last = match (status, self.current) {
            (ItemStatus::Done, Some(row)) => Some(Box::new(Last {
                row,
                stage: self.stage,
                session: self.session.clone(),
                check: self.check.clone(),
                runs: self.runs,
            })),
            _ => None,
        };
        if let Some(c) = self.current
            && let Some(item) = self.plan.get_mut(c)
        {
            item.status = status;
            // Hands counted are kept for the record, even when the rest of
            // the check is skipped with s (they were lost without a word).
            if let (ItemKind::Check(stage), Some(play)) = (item.kind, self.check.as_ref()) {
                let hands = play.total();
                if status == ItemStatus::Done || hands.hands > 0 {
                    self.checks_done.retain(|(s, _)| *s != stage);
                    self.checks_done.push((stage, hands));
                }
                // Skipped part way: which questions were counted, of how many.
                let counted = play
                    .hands
                    .iter()
                    .filter(|h| h.iter().any(Option::is_some))
                    .count();
                self.checks_cut.retain(|(s, _, _)| *s != stage);
                if status != ItemStatus::Done && hands.hands > 0 && counted < play.items.len() {
                    self.checks_cut.push((stage, counted, play.items.len()));
                }
            }
        }
        while let Some(row) = self.next_planned() {
            if self.start_row(library, region, seed, row) {
                self.last = last;
                return;
            }
            // It cannot start (it should not happen): leave it out, try the next.
            self.plan[row].status = ItemStatus::Skipped;
        }
        self.session = None;
        self.check = None;
        self.current = None;
        self.stage = Stage::Finished;
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

    /// Stopping now (`q`, then yes) saves what was counted: true when a
    /// call or quick check was played or hands were counted, and the record
    /// is not saved yet (or a corrected number of people is not).
    pub fn stop_saves(&self) -> bool {
        let saved = matches!(self.saved, Some(Saved::To(_)));
        let anything = !self.tallies.is_empty()
            || !self.checks_done.is_empty()
            || self.check.as_ref().is_some_and(|p| p.total().hands > 0)
            || self.plan.iter().any(|p| p.status == ItemStatus::Done);
        if saved {
            self.correcting && !self.attendees.is_empty()
        } else {
            anything
        }
    }

    /// The outside work that saves the record now: a new row, or the saved
    /// row with its corrected number of people. `stopped`: the session is
    /// being stopped before its end.
    fn save_effect(&self, now: SystemTime, stopped: bool) -> Option<GroupEffect> {
        match (&self.saved, &self.saved_record) {
            (Some(Saved::To(_)), Some(old)) => {
                let attendees = self.attendees.parse().ok()?;
                let new = Record {
                    attendees,
                    ..old.clone()
                };
                Some(GroupEffect::ReplaceRecord {
                    old: Box::new(old.clone()),
                    new: Box::new(new),
                })
            }
            (Some(Saved::To(_)), None) => None,
            _ => {
                let mut r = self.record(now);
                r.marks.stopped_early = stopped;
                // A quick check on screen when stopped: its hands so far,
                // marked as cut short.
                if let (true, Some(play)) = (stopped && self.stage == Stage::Check, &self.check)
                    && play.total().hands > 0
                {
                    let hands = Some(play.total());
                    match play.stage {
                        CheckStage::Before => {
                            r.check_before = hands;
                            r.marks.before_cut_short = true;
                        }
                        CheckStage::After => {
                            r.check_after = hands;
                            r.marks.after_cut_short = true;
                        }
                    }
                }
                Some(GroupEffect::SaveRecord(r))
            }
        }
    }

    /// The anonymous record of this session, as it would be saved now.
    pub fn record(&self, now: SystemTime) -> Record {
        Record {
            date: dates::iso(dates::days_from_system_time(now)),
            duration_minutes: self.duration_minutes(now),
            scenarios: self
                .plan
                .iter()
                .filter(|p| p.is_call() && p.status == ItemStatus::Done)
                .map(|p| p.id.clone())
                .collect(),
            attendees: self.attendees.parse().unwrap_or(0),
            tallies: self.tallies.clone(),
            check_before: self.check_result(CheckStage::Before),
            check_after: self.check_result(CheckStage::After),
            marks: Marks {
                before_cut_short: self.check_cut(CheckStage::Before).is_some(),
                after_cut_short: self.check_cut(CheckStage::After).is_some(),
                stopped_early: false,
            },
        }
    }
}

/// A digit key as a number: `1`..`9` arrive as `Pick(0..8)`, `0` as `More`
/// (the keymap's "0 More") or `Char('0')`.
fn digit(action: Action) -> Option<char> {
    match action {
        Action::Pick(i) if i < 9 => char::from_digit(i as u32 + 1, 10),
        Action::More | Action::Char('0') => Some('0'),
        _ => None,
    }
}

/// Outside work the group flow asks for; the run loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupEffect {
    /// Append the session's anonymous record to the records file.
    SaveRecord(Record),
    /// Put `new` in place of the row saved as `old` (the number of people
    /// corrected after saving): the file keeps one row for the session.
    ReplaceRecord {
        /// The record as saved.
        old: Box<Record>,
        /// The same record, corrected.
        new: Box<Record>,
    },
    /// With `--speak`: say the screen again, all of it (`r`).
    SayAgain,
}

/// The one key that blanks the room's screen (and brings it back): `b`, `.`
/// (a presenter remote's "blank screen" button) or `p`.
pub const BLANK: Action = Action::Char('p');

/// What the group flow needs from its driver: the calls, whose numbers to
/// show, the seed, and the driver's overlay, running flag and outbox.
#[derive(Debug)]
pub struct Ctx<'a> {
    /// Every scenario to choose from, with the catalogues.
    pub library: &'a Library,
    /// Whose numbers to show ("ewni" or "scotland").
    pub region: &'a str,
    /// `--seed`: the same names and amounts each run.
    pub seed: Option<u64>,
    /// The help card or the stop question, if one is open.
    pub overlay: &'a mut Option<Overlay>,
    /// False once the volunteer has said yes to stopping.
    pub running: &'a mut bool,
    /// Outside work asked for (saving the record).
    pub effects: &'a mut Vec<GroupEffect>,
    /// How far the screen on show (the help card, or a long ending) can
    /// scroll, and a page, in rows, as the projector laid it out at the
    /// window's size (scrolling is clamped to it).
    pub help_room: HelpRoom,
}

/// How far the help card can scroll at the window's size, and how many rows
/// a page is (from the layout that draws it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct HelpRoom {
    /// The furthest it scrolls (0 when it all fits).
    pub max: u16,
    /// Rows Page Down moves.
    pub page: u16,
}

/// The action a command of a group screen stands for: what a click or touch
/// on it does (the same as its first key). `None` for a command with no key:
/// typing a number, or a choice while hands are typed (a click must not type
/// a digit). The plan's rows past 9 have no digit; the projector gives
/// each row a target of its own (see `group::view`).
pub fn command_action(c: &super::Command) -> Option<Action> {
    use super::{Cmd, GroupCmd};
    match c.id {
        Cmd::Choose(_) if c.keys.is_empty() => None,
        Cmd::Choose(i) => Some(Action::Pick(i)),
        // b blanks the room's screen (the keymap reads b as "back a step").
        Cmd::Group(GroupCmd::Blank) => Some(BLANK),
        Cmd::Group(GroupCmd::Type) => None,
        _ => c.keys.first().map(|k| k.action()),
    }
}

/// Stage, plan row, a call's place, a check's place, and the plan, skip
/// question and blank screen (see [`place`]).
type Place = (
    Stage,
    Option<usize>,
    Option<(usize, Phase)>,
    Option<(usize, bool)>,
    bool,
    bool,
    bool,
);

/// Which screen is on show, as far as scrolling goes: a new one opens at
/// its top (the help card and the stop question do not count: closed, the
/// screen beneath is where it was).
fn place(g: &GroupState) -> Place {
    (
        g.stage,
        g.current,
        g.session.as_ref().map(|s| (s.path().len(), s.phase())),
        g.check.as_ref().map(|p| (p.index, p.revealed)),
        g.plan_open,
        g.asking_skip,
        g.paused,
    )
}

/// The room is being asked (a call's question, or a quick-check call not
/// yet revealed), with the choices on screen.
pub fn asking_room(g: &GroupState) -> bool {
    match g.stage {
        Stage::Call if !g.plan_open => g
            .session
            .as_deref()
            .is_some_and(|s| matches!(s.phase(), Phase::Deciding { .. })),
        Stage::Check if !g.plan_open => g
            .check
            .as_ref()
            .is_some_and(|p| !p.revealed && !p.at_result()),
        _ => false,
    }
}

/// Apply one action to the session. Returns true when the screen must change.
pub fn update(app: Ctx<'_>, g: &mut GroupState, action: Action) -> bool {
    let before = place(g);
    let changed = update_at(app, g, action);
    if place(g) != before {
        g.scroll = 0;
    }
    // Once something of the next item is done (an answer chosen, hands
    // counted), the ending before it is left behind.
    if g.last.is_some() && !g.nothing_done() {
        g.last = None;
    }
    changed
}

fn update_at(app: Ctx<'_>, g: &mut GroupState, action: Action) -> bool {
    let Ctx {
        library,
        region,
        seed,
        overlay,
        running,
        effects,
        help_room,
    } = app;
    // F5 / Shift-F5: the room view again, whatever was over it.
    if action == Action::Present {
        let changed = g.paused || g.plan_open || g.notes || overlay.is_some();
        g.paused = false;
        g.plan_open = false;
        g.notes = false;
        if matches!(overlay, Some(Overlay::Help)) {
            *overlay = None;
        }
        return changed;
    }
    // With `--speak`, r says the screen again, whatever is on it.
    if action == Action::Replay && g.speaking {
        effects.push(GroupEffect::SayAgain);
        return false;
    }
    // Overlays first: the quit question and the help card.
    match *overlay {
        Some(Overlay::ConfirmQuit | Overlay::ConfirmLeave) => {
            // Yes: 1 or Y. Enter is the safe default: no, go on.
            return match action {
                Action::Yes | Action::Pick(0) => {
                    *running = false;
                    // What was counted is kept: the record is saved (marked
                    // as stopped early when the session had not ended).
                    if *overlay == Some(Overlay::ConfirmQuit)
                        && g.stop_saves()
                        && let Some(e) =
                            g.save_effect(SystemTime::now(), g.stage != Stage::Finished)
                    {
                        effects.push(e);
                    }
                    true
                }
                Action::No | Action::Back | Action::Pick(1) | Action::Select => {
                    *overlay = None;
                    true
                }
                _ => false,
            };
        }
        // The help card scrolls (Down, Page Down; Up, Page Up) within the
        // room the layout gives it, and stops at its end (Page Down pressed
        // once too often does not close it and start the session beneath).
        Some(Overlay::Help) => {
            let at = g.help_scroll.min(help_room.max);
            let to = match action {
                Action::Down => at.saturating_add(1).min(help_room.max),
                Action::PageDown => at.saturating_add(help_room.page.max(1)).min(help_room.max),
                Action::Up => at.saturating_sub(1),
                Action::PageUp => at.saturating_sub(help_room.page.max(1)),
                Action::Help | Action::Back | Action::Select | Action::Quit => {
                    *overlay = None;
                    g.help_scroll = 0;
                    return true;
                }
                _ => return false,
            };
            let moved = to != g.help_scroll;
            g.help_scroll = to;
            return moved;
        }
        None => {}
    }
    // "Skip this call?": 1 or Y skips; 2, N, Esc or Enter (the safe
    // default) goes on with it.
    if g.asking_skip {
        return match action {
            Action::Yes | Action::Pick(0) => {
                g.asking_skip = false;
                g.advance(library, region, seed, ItemStatus::Skipped);
                true
            }
            Action::No | Action::Back | Action::Pick(1) | Action::Select => {
                g.asking_skip = false;
                true
            }
            _ => false,
        };
    }
    // A blank screen stays blank until b, `.` or p (or Enter).
    if g.paused {
        return match action {
            BLANK | Action::Select => {
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
            *overlay = Some(Overlay::Help);
            g.help_scroll = 0;
            return true;
        }
        Action::Quit => {
            *overlay = Some(Overlay::ConfirmQuit);
            return true;
        }
        BLANK if g.playing() => {
            g.paused = true;
            return true;
        }
        // N: the volunteer's notes (the keymap calls this key "No").
        Action::No if g.playing() => {
            g.notes = !g.notes;
            return true;
        }
        Action::Char('l' | 'L') if g.playing() => {
            g.plan_open = !g.plan_open;
            if let Some(c) = g.current {
                g.cursor = c;
            }
            return true;
        }
        _ => {}
    }
    // A screen longer than the window (an ending, a reveal) scrolls a page
    // at a time: Down and Up (a remote's Page keys come as Page Down and
    // Page Up while there is more). The plan and the questions never do.
    // At a question in a small window the words above the choices scroll
    // by Page Down and Page Up only: Down and Up move the highlight there.
    let scrolling = g.stage != Stage::Plan && !g.plan_open;
    let question = asking_room(g);
    if scrolling && (help_room.max > 0 || g.scroll > 0) {
        let at = g.scroll.min(help_room.max);
        let page = help_room.page.max(1);
        let to = match action {
            Action::PageDown => Some(at.saturating_add(page).min(help_room.max)),
            Action::PageUp => Some(at.saturating_sub(page)),
            Action::Down if !question => Some(at.saturating_add(page).min(help_room.max)),
            Action::Up if !question => Some(at.saturating_sub(page)),
            _ => None,
        };
        if let Some(to) = to {
            let moved = to != g.scroll;
            g.scroll = to;
            return moved;
        }
    }
    // Esc on the next item's first screen: back to the ending just left.
    if action == Action::Back && g.can_go_back_to_last() {
        return g.back_to_last();
    }
    match g.stage {
        Stage::Plan => update_plan(g, library, region, seed, action),
        Stage::Call | Stage::Check if g.plan_open => update_plan(g, library, region, seed, action),
        Stage::Call => update_call(g, library, region, seed, action),
        Stage::Check => update_check(g, library, region, seed, action),
        Stage::Finished => update_finished(g, effects, action),
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
    let during = g.playing();
    // In or out of the plan: anything not done and not on screen now.
    let movable = |g: &GroupState, row: usize| {
        g.plan
            .get(row)
            .is_some_and(|p| p.status != ItemStatus::Done && Some(row) != g.current)
    };
    // Earlier or later: calls only. The quick checks stay first and last, so
    // "before" and "after" keep their meaning.
    let swappable = |g: &GroupState, row: usize| {
        movable(g, row) && g.plan.get(row).is_some_and(PlanItem::is_call)
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
            if !swappable(g, a) || !swappable(g, b) {
                return false;
            }
            g.plan.swap(a, b);
            g.cursor = a;
            true
        }
        Action::Char('d' | 'D') if g.cursor + 1 < n => {
            let (a, b) = (g.cursor, g.cursor + 1);
            if !swappable(g, a) || !swappable(g, b) {
                return false;
            }
            g.plan.swap(a, b);
            g.cursor = b;
            true
        }
        Action::Select if !during => {
            // Start with the first planned call (or check).
            let planned: Vec<usize> = (0..n)
                .filter(|&i| g.plan[i].status == ItemStatus::Planned)
                .collect();
            planned
                .into_iter()
                .any(|row| g.start_row(library, region, seed, row))
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
    // s: skip the rest of it, once the volunteer says yes.
    if action == Action::Char('s') || action == Action::Char('S') {
        g.asking_skip = true;
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
            if let Some(changed) = highlight_or_count(
                &mut g.highlight,
                &mut g.selected,
                &mut g.tally_entry,
                action,
                n,
            ) {
                return changed;
            }
            match action {
                // Reveal what the highlighted choice (or choice N) means.
                Action::Select | Action::Char('v' | 'V') if g.highlight => {
                    let i = g.selected.min(n.saturating_sub(1));
                    session.choose(i).is_ok()
                }
                Action::Pick(i) if i < n => {
                    g.selected = i;
                    session.choose(i).is_ok()
                }
                Action::Back | Action::Undo => session.undo(),
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
            Action::Back | Action::Undo => {
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
            Action::Back | Action::Undo => {
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

/// The quick check: a snippet, then its answer; at the end, the room's result.
fn update_check(
    g: &mut GroupState,
    library: &Library,
    region: &str,
    seed: Option<u64>,
    action: Action,
) -> bool {
    // s: skip the rest of it, once the volunteer says yes.
    if action == Action::Char('s') || action == Action::Char('S') {
        g.asking_skip = true;
        return true;
    }
    let back = matches!(action, Action::Back | Action::Undo);
    let Some(play) = g.check.as_mut() else {
        return false;
    };
    if play.at_result() {
        if action == Action::Select {
            g.advance(library, region, seed, ItemStatus::Done);
            return true;
        }
        if back && !play.items.is_empty() {
            play.index = play.items.len() - 1;
            play.revealed = true;
            return true;
        }
        return false;
    }
    if play.revealed {
        return match action {
            // The next snippet, or the result after the last one.
            Action::Select => {
                play.index += 1;
                play.revealed = false;
                g.selected = 0;
                g.highlight = false;
                true
            }
            _ if back => {
                play.revealed = false;
                highlight_most_hands(g);
                true
            }
            _ => false,
        };
    }
    let n = CHECK_OPTIONS.len();
    if let Some(changed) = highlight_or_count(
        &mut g.highlight,
        &mut g.selected,
        &mut g.tally_entry,
        action,
        n,
    ) {
        return changed;
    }
    match action {
        // Show the answer: 1 or 2 at any time, Enter once the room has answered
        // (hands counted, or an option highlighted), as at a call's question.
        Action::Select | Action::Char('v' | 'V') if g.highlight => {
            play.revealed = true;
            true
        }
        Action::Pick(i) if i < n => {
            g.selected = i;
            play.revealed = true;
            true
        }
        // Back to the answer of the snippet before.
        _ if back && play.index > 0 => {
            play.index -= 1;
            play.revealed = true;
            true
        }
        _ => false,
    }
}

fn update_tally(g: &mut GroupState, action: Action) -> bool {
    let Some(n) = g.counting() else {
        g.tally_entry = None;
        return true;
    };
    let Some(mut entry) = g.tally_entry.take() else {
        return false;
    };
    let commit = |g: &mut GroupState, entry: &TallyEntry| {
        if let Ok(count) = entry.typed.parse::<u32>() {
            g.set_count_now(entry.choice, count);
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
                finish_tally(g);
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
            finish_tally(g);
            return true;
        }
        _ => false,
    };
    g.tally_entry = Some(entry);
    changed
}

/// Counting done: highlight the choice with the most hands, ready to reveal.
fn finish_tally(g: &mut GroupState) {
    g.tally_entry = None;
    highlight_most_hands(g);
}

/// Highlight the choice with the most hands, if any were counted.
fn highlight_most_hands(g: &mut GroupState) {
    let counts = g.counts_now();
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

fn update_finished(g: &mut GroupState, effects: &mut Vec<GroupEffect>, action: Action) -> bool {
    let changed = type_people(g, effects, action);
    if changed {
        // On a small window the number typed (and "Saved") is at the
        // bottom: show it (the layout clamps this to the last page).
        g.scroll = u16::MAX;
    }
    changed
}

fn type_people(g: &mut GroupState, effects: &mut Vec<GroupEffect>, action: Action) -> bool {
    // Once saved, typing again corrects the number of people: the first
    // digit starts a new number, and Enter saves it in place of the old one
    // (the file keeps one row; a second Enter adds nothing).
    let saved = matches!(g.saved, Some(Saved::To(_)));
    if let Some(d) = digit(action) {
        if saved && !g.correcting {
            g.attendees.clear();
            g.correcting = true;
        }
        if g.attendees.len() < 4 {
            g.attendees.push(d);
        }
        if !saved {
            g.saved = None;
        }
        return true;
    }
    match action {
        Action::Back => {
            let popped = g.attendees.pop().is_some();
            g.correcting |= saved && popped;
            popped
        }
        Action::Select | Action::Char('s' | 'S') if saved && !g.correcting => false,
        // Saving needs the number of people first (0 is a number too).
        Action::Select | Action::Char('s' | 'S') if !g.attendees.is_empty() => {
            // Saving is outside work: the run loop does it (`GroupApp::perform`).
            match g.save_effect(SystemTime::now(), false) {
                Some(e) => {
                    effects.push(e);
                    g.correcting = false;
                    true
                }
                None => false,
            }
        }
        _ => false,
    }
}

/// At a question with `n` answers (a call's choices or a quick check's two):
/// Up/Down first shows, then moves, the highlight; `t` starts counting hands.
/// `None`: the action is not one of these.
fn highlight_or_count(
    highlight: &mut bool,
    selected: &mut usize,
    tally_entry: &mut Option<TallyEntry>,
    action: Action,
    n: usize,
) -> Option<bool> {
    match action {
        Action::Up | Action::Down if !*highlight => *highlight = true,
        Action::Up if *selected > 0 => *selected -= 1,
        Action::Down if *selected + 1 < n => *selected += 1,
        Action::Char('t' | 'T') => {
            *tally_entry = Some(TallyEntry {
                choice: 0,
                typed: String::new(),
            })
        }
        _ => return None,
    }
    Some(true)
}
