//! The front-end-neutral layer, between the pure engine and the front ends.
//!
//! - [`flow`]: the practice flow as a state machine. `update` changes the
//!   state and puts outside work (save a call, count a check, say again) in
//!   an outbox of [`flow::Effect`]s; it never does I/O.
//! - [`model`]: the [`Screen`] model: a title, blocks with roles, and the
//!   commands (keys, label, default, safe) of each screen.
//! - [`screens`]: the model of every practice screen, made from the flow.
//! - [`group`], [`group_screens`]: group mode's flow (plan, call, tally,
//!   reveal) and the model of each of its screens.
//! - [`kiosk`]: the kiosk's own screens (the invitation, "Are you still
//!   there?"); its visitors' calls are the practice screens.
//! - [`voice`]: the [`voice::Voice`] a run loop gives plain mode, so that
//!   plain mode can speak without importing the speech front end.
//! - [`wording`]: every learner-facing word that is not scenario data.
//!
//! The front ends (`tui`, `plain`, `speech`, the kiosk and the projector)
//! render the model and map their input to [`flow::Action`]s. None of them
//! imports another. No ratatui, crossterm or I/O in here.

pub mod flow;
pub mod group;
pub mod group_screens;
pub mod kiosk;
pub mod model;
pub mod screens;
pub mod voice;
pub mod wording;

pub use flow::{Action, Effect, Flow, Mode, Rules};
pub use model::{Block, Cmd, Command, FooterLine, FooterPart, GroupCmd, Key, Role, Screen};
