//! hangup: rehearse scam phone calls safely, so that when the real call comes you hang up.
//!
//! Three layers, and the modes on top (the README's "How it is built" has
//! the map of files):
//!
//! 1. [`engine`] is pure: scenarios, catalogues, checking, session state.
//! 2. [`present`] is front-end-neutral, with no terminal and no I/O: the
//!    flows as state machines ([`present::flow`] for practice, the quick
//!    check and the help card and questions; [`present::group`] for group
//!    sessions; [`present::kiosk`] for the kiosk's own screens) and the
//!    screen model each screen is made into ([`present::Screen`]: a title,
//!    blocks with roles, commands with keys). `update` changes the state and
//!    returns; outside work (save a call, count a check, say again, save a
//!    group record) comes back as effects ([`present::Effect`],
//!    [`present::group::GroupEffect`]) for the run loop to perform.
//! 3. The front ends render the model and turn input into the flow's
//!    actions: [`tui`] (full screen: layout, colour, touch blocks, and the
//!    one blocking run loop, [`tui::run_with`]), [`plain`] (plain lines) and
//!    [`speech`] (every block said, numbers digit by digit). Footers, the
//!    help card's keys and touch blocks all come from the model's commands.
//!
//! The modes are drivers ([`tui::Driver`]) over a flow and the front ends:
//! practice ([`practice`] performs its effects), [`kiosk`] (adds only the
//! invitation, idle reset, staff exit and touch rules) and [`group`] (the
//! room's session, drawn by the projector layout `group::view`). No front
//! end imports another, no mode imports another, and there is no import
//! cycle among the layers, front ends and modes: `tests/it/layers.rs`
//! reads the sources and fails if there is.
//!
//! Where things go: a new scenario field in [`engine`] and a block for it in
//! `present::screens`; a new screen as a state in `present::flow` (or
//! `present::group`) with its model in `present::screens` (or
//! `present::group_screens`); a new mode as a driver; new outside work as
//! an effect; new wording in the Fluent files, read through
//! `present::wording`. [`cli`] is the command line.
//!
//! Every public item has a doc comment (`missing_docs` is on for the whole
//! crate, and CI denies warnings).
#![warn(missing_docs)]

pub mod check;
pub mod cli;
pub mod dates;
pub mod engine;
pub mod error;
pub mod group;
pub mod i18n;
pub mod kiosk;
pub mod list;
pub mod plain;
pub mod practice;
pub mod present;
pub mod progress;
pub mod report;
pub mod sanitize;
pub mod speech;
pub mod spreadsheet;
pub mod stats;
pub mod store;
pub mod tui;

pub use error::{Error, Result};
