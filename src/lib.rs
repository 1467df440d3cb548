//! hangup: rehearse scam phone calls safely, so that when the real call comes you hang up.
//!
//! Layout: `engine` is pure (scenarios, catalogues, checking, session state);
//! the front ends (`tui`, `plain`) only show the engine's state and pass on the
//! learner's choices; `cli` is the command line.

pub mod check;
pub mod cli;
pub mod dates;
pub mod engine;
pub mod group;
pub mod i18n;
pub mod kiosk;
pub mod list;
pub mod plain;
pub mod practice;
pub mod present;
pub mod progress;
pub mod report;
pub mod speech;
pub mod stats;
pub mod store;
pub mod tui;
