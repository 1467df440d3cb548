//! Unit tests of `hangup::tui`'s modules.

mod big;
mod canvas;
mod capped;
mod console;
mod guard;
mod keymap;
mod theme;
mod wrap;
