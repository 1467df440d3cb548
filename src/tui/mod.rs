//! The full-screen terminal front end (ratatui + crossterm).
//!
//! The loop blocks on input: nothing wakes it but a key, a click, a resize or
//! a signal, and it redraws only when an action changed something. Idle CPU is zero.

pub mod app;
pub mod keymap;
pub mod practice;
pub mod term;
pub mod theme;
pub mod ui;

use std::io;

use crossterm::event;

use app::App;

/// Run the app until the learner stops. The terminal is restored on every way out.
pub fn run(app: &mut App) -> io::Result<()> {
    run_with(app, |_, _| false)
}

/// `run`, calling `after` once at the start and after every action, for work
/// the app itself does not do (saving progress, speech). `after` returns true
/// when it changed something on screen.
pub fn run_with(
    app: &mut App,
    mut after: impl FnMut(&mut App, Option<app::Action>) -> bool,
) -> io::Result<()> {
    let mut guard = term::TerminalGuard::new(true)?;
    let mut dirty = true;
    after(app, None);
    while app.running {
        if dirty {
            guard.terminal.draw(|f| ui::draw(f, app))?;
        }
        // Blocks until something happens. An error here (for example the
        // terminal went away) ends the program instead of spinning.
        let ev = event::read()?;
        let action = keymap::action_for(&ev);
        dirty = action.is_some_and(|a| app.update(a));
        if let Some(a) = action {
            dirty |= after(app, Some(a));
        }
    }
    Ok(())
}
