//! hangup: rehearse scam phone calls safely, so that when the real call comes you hang up.
//!
//! Three layers:
//! 1. [`engine`] is pure: scenarios, catalogues, checking, session state.
//! 2. [`present`] is front-end-neutral: the practice flow as a state machine
//!    (whose `update` returns changes and asks for outside work as effects)
//!    and the screen model (title, blocks with roles, commands with keys).
//! 3. The front ends render that model and turn input into the flow's
//!    actions: [`tui`] (full screen), [`plain`] (plain lines), [`speech`].
//!    The [`kiosk`] and [`group`] modes are drivers over the terminal front
//!    end. No front end imports another (`tests/it/layers.rs`).
//!
//! [`practice`] does the run loop's outside work (progress, saving,
//! speaking); [`cli`] is the command line. A new screen goes in
//! `present::flow` and `present::screens`; a new mode is a driver.
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
