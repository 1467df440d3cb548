//! The full-screen terminal front end (ratatui + crossterm).
//!
//! The loop blocks on input: nothing wakes it but a key, a click, a resize or
//! a signal, and it redraws only when an action changed something. Idle CPU is zero.

pub mod app;
pub mod hooks;
pub mod keymap;
pub mod term;
pub mod theme;
pub mod ui;

use std::io;

use crossterm::event;

use app::App;

/// Run the app until the learner stops. The terminal is restored on every way out.
pub fn run(app: &mut App) -> io::Result<()> {
    let mut guard = term::TerminalGuard::new(true)?;
    let mut dirty = true;
    while app.running {
        if dirty {
            guard.terminal.draw(|f| ui::draw(f, app))?;
            if hooks::stop_after_draw() {
                return Ok(());
            }
        }
        // Blocks until something happens. An error here (for example the
        // terminal went away) ends the program instead of spinning.
        let ev = event::read()?;
        dirty = keymap::action_for(&ev).is_some_and(|a| app.update(a));
    }
    Ok(())
}
