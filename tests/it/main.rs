//! hangup's integration tests: one test binary, one module per area.
//!
//! Add a new area as a module here (`mod name;` and `tests/it/name.rs`).
//! Shared helpers live in `common` (front-end drivers) and `harness`
//! (every screen of every scenario, for the robustness, soak and fuzz tests).
//! The library's own unit tests are in `unit`, one file per module of src/
//! (e.g. `unit/tui/guard.rs` tests `hangup::tui::guard`).
//! Fixtures stay in `tests/fixtures`; snapshots are in `tests/it/snapshots`
//! and are named `it__MODULE__NAME.snap`.

mod common;
mod harness;
mod hostile_gen;
/// The one-mistake table, shared with tools/schema-test.
mod mistakes_table;
/// The real binary in a pseudo-terminal, read back by a terminal emulator.
mod ptyterm;
/// The library's unit tests (were `#[cfg(test)]` modules in src/), by module path.
mod unit;

mod channels;
mod check;
mod check_fuzz;
mod cli_check;
mod content;
mod doors;
mod engine;
mod every_path;
mod every_screen;
mod fuzz;
mod group;
#[cfg(unix)]
mod group_notes;
/// Group mode: the newcomer trial's defects (long endings, dialogs, reveals, records).
mod group_trial;
mod hostile;
mod kiosk;
mod kiosk_e2e;
mod language_choice;
mod large;
mod layers;
mod lessons;
mod memory;
mod mistakes;
mod options;
mod packaging;
mod plain;
mod practice;
mod present;
mod pseudo;
mod pty;
mod quick_check;
mod robustness;
mod seed_scenarios;
mod soak;
mod terminals;
mod translations;
mod tui;
