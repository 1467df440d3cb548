//! Unit tests of `hangup::kiosk`'s modules.

mod config;
mod idle;
mod input;
