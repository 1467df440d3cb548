//! The terminal app: the practice [`Flow`] (in `crate::present`) plus what
//! only a full screen needs: colours, big letters and where the clickable
//! areas were drawn. It dereferences to the flow, so `app.screen`,
//! `app.selected` and `app.session()` read the flow's state.
//!
//! `update` turns a click into the action its target stands for, then lets
//! the flow apply it. Rendering (`ui.rs`) reads the state and never changes
//! it, apart from noting the clickable areas and how far text can scroll.

use std::cell::{Cell, RefCell};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

use ratatui::layout::Rect;

use crate::engine::Library;
use crate::present::flow::{Flow, Rules};

pub use crate::present::flow::{Action, Mode, Overlay, PAGE, Screen};

use super::theme::Theme;

/// What the terminal app needs from the command line, beyond the scenarios.
#[derive(Debug, Clone)]
pub struct Options {
    /// Practice, group or kiosk: what the learner may do (e.g. whether they can quit).
    pub mode: Mode,
    /// The region id whose numbers and advice to show, e.g. `ewni` or `scotland`.
    pub region: String,
    /// Fixes all randomness: run k uses seed + k.
    pub seed: Option<u64>,
    /// The colours and emphasis to draw with.
    pub theme: Theme,
    /// `--large`: big letters for the caller's words and key messages,
    /// when the window is big enough for them (see `big.rs`).
    pub large: bool,
}

/// Something on screen that can be clicked or touched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A call in the list, as a 0-based index into the library's scenarios.
    Scenario(usize),
    /// "0  More calls": the next page of the list.
    More,
    /// A choice on the call screen, as a 0-based index in the order shown.
    Choice(usize),
    /// The "Continue" block (the same as Enter).
    Continue,
    /// The first of two answer blocks in a yes-or-no window (picks answer 1), e.g. "Yes, leave".
    Yes,
    /// The second of two answer blocks in a yes-or-no window.
    No,
    /// Any other action with a touch block (Back, Help, Leave, More below...).
    Act(Action),
}

impl Target {
    /// The action a click or touch on this target stands for.
    pub fn action(self) -> Action {
        match self {
            Target::Scenario(i) => Action::Open(i),
            Target::Choice(i) => Action::Pick(i),
            Target::More => Action::More,
            Target::Continue => Action::Select,
            Target::Yes => Action::Pick(0),
            Target::No => Action::Pick(1),
            Target::Act(a) => a,
        }
    }
}

/// What is on screen at (column, row) among `targets` (as drawn last).
/// Every front end over ratatui that notes its clickable areas uses this.
pub fn target_at(targets: &[(Rect, Target)], column: u16, row: u16) -> Option<Target> {
    targets
        .iter()
        .find(|(r, _)| r.contains(ratatui::layout::Position::new(column, row)))
        .map(|(_, t)| *t)
}

/// The terminal practice app: the flow, the options and where the last frame put the clickable areas.
#[derive(Debug)]
pub struct App {
    /// The practice flow (screens, selection, the session), shared with every front end.
    pub flow: Flow,
    /// The options from the command line.
    pub options: Options,
    /// Clickable areas from the last frame (written while rendering).
    pub targets: RefCell<Vec<(Rect, Target)>>,
    /// The size of the last frame drawn: scrolling is clamped by laying the
    /// screen out again at this size (`ui::lay_out`, see [`App::update`]).
    pub size: Cell<Rect>,
}

impl Deref for App {
    type Target = Flow;
    fn deref(&self) -> &Flow {
        &self.flow
    }
}

impl DerefMut for App {
    fn deref_mut(&mut self) -> &mut Flow {
        &mut self.flow
    }
}

impl App {
    /// The app over `library`, on the start screen, with no call yet.
    pub fn new(library: impl Into<Arc<Library>>, options: Options) -> Self {
        let rules = Rules {
            mode: options.mode,
            region: options.region.clone(),
            seed: options.seed,
        };
        Self {
            flow: Flow::new(library, rules),
            options,
            targets: RefCell::new(Vec::new()),
            size: Cell::new(Rect::default()),
        }
    }

    /// What is on screen at (column, row), as drawn last.
    pub fn target_at(&self, column: u16, row: u16) -> Option<Target> {
        target_at(&self.targets.borrow(), column, row)
    }

    /// Apply one action. Returns true when something changed (so: redraw).
    pub fn update(&mut self, action: Action) -> bool {
        // Scrolling is clamped by the layout of the screen as it is now, at
        // the size last drawn (the screen may have changed since that
        // frame): the function that draws, run without drawing. So Page Down
        // stops at the end and Page Up always moves at once.
        if matches!(
            action,
            Action::PageUp | Action::PageDown | Action::Up | Action::Down
        ) && !self.size.get().is_empty()
        {
            super::ui::lay_out(self, self.size.get());
        }
        // A click is turned into the action its target stands for.
        let action = match action {
            Action::Click { column, row } => match self.target_at(column, row) {
                Some(t) => t.action(),
                None => return false,
            },
            other => other,
        };
        self.flow.update(action)
    }
}
