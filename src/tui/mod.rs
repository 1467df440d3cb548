//! The full-screen terminal front end (ratatui + crossterm).
//!
//! The loop blocks on input: nothing wakes it but a key, a click, a resize or
//! a signal, and it redraws only when an action changed something. Idle CPU is zero.

pub mod app;
pub mod big;
pub mod capped;
pub mod hooks;
pub mod keymap;
pub mod practice;
pub mod quick_check;
pub mod term;
pub mod theme;
pub mod ui;

use std::io;
use std::time::Instant;

use crossterm::event::{self, Event};
use ratatui::Frame;

use app::App;

/// What the loop runs: the practice app, or something wrapping it (the kiosk).
pub trait Driver {
    fn running(&self) -> bool;
    fn draw(&self, frame: &mut Frame);
    /// Handle one event; true when the screen must be redrawn.
    fn on_event(&mut self, event: &Event, now: Instant) -> bool;
    /// When the loop must wake even with no input. `None` (the default) means
    /// block until input: no timers, no polling.
    fn deadline(&self, _now: Instant) -> Option<Instant> {
        None
    }
    /// The deadline passed; true when the screen must be redrawn.
    fn on_deadline(&mut self, _now: Instant) -> bool {
        false
    }
}

impl Driver for App {
    fn running(&self) -> bool {
        self.running
    }
    fn draw(&self, frame: &mut Frame) {
        ui::draw(frame, self);
    }
    fn on_event(&mut self, event: &Event, _now: Instant) -> bool {
        keymap::action_for(event).is_some_and(|a| self.update(a))
    }
}

/// Run the app until the learner stops. The terminal is restored on every way out.
pub fn run(app: &mut App) -> io::Result<()> {
    run_with(app)
}

/// The app plus work it does not do itself (saving progress, speech): `after`
/// runs once at the start and after every action, and returns true when it
/// changed something on screen.
pub struct Hooked<'a, F> {
    pub app: &'a mut App,
    pub after: F,
}

impl<F: FnMut(&mut App, Option<app::Action>) -> bool> Driver for Hooked<'_, F> {
    fn running(&self) -> bool {
        self.app.running
    }
    fn draw(&self, frame: &mut Frame) {
        ui::draw(frame, self.app);
    }
    fn on_event(&mut self, event: &Event, _now: Instant) -> bool {
        let action = keymap::action_for(event);
        let mut dirty = action.is_some_and(|a| self.app.update(a));
        if let Some(a) = action {
            dirty |= (self.after)(self.app, Some(a));
        }
        dirty
    }
}

/// `run`, with an `after` hook (see `Hooked`).
pub fn run_with_hook(
    app: &mut App,
    mut after: impl FnMut(&mut App, Option<app::Action>) -> bool,
) -> io::Result<()> {
    after(app, None);
    run_with(&mut Hooked { app, after })
}

/// Run any driver. Without a deadline the loop blocks in `read()`; with one it
/// waits in `poll()` only until that deadline, so it never spins.
pub fn run_with(driver: &mut impl Driver) -> io::Result<()> {
    let mut guard = term::TerminalGuard::new(true)?;
    let mut dirty = true;
    while driver.running() {
        if dirty {
            guard.terminal.draw(|f| driver.draw(f))?;
            if hooks::stop_after_draw() {
                return Ok(());
            }
        }
        // An error here (for example the terminal went away) ends the
        // program instead of spinning.
        let event = match driver.deadline(Instant::now()) {
            None => Some(event::read()?),
            Some(at) => {
                let wait = at.saturating_duration_since(Instant::now());
                if event::poll(wait)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
        };
        dirty = match event {
            Some(ev) => driver.on_event(&ev, Instant::now()),
            None => driver.on_deadline(Instant::now()),
        };
        // Back from Ctrl-Z (SIGCONT): the screen was given away, draw it all.
        // (`resize` clears the whole screen and forgets the last frame, without
        // asking the terminal where its cursor is, as `clear` would.)
        if term::take_redraw() {
            let size = guard.terminal.size()?;
            guard
                .terminal
                .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
            dirty = true;
        }
    }
    Ok(())
}
