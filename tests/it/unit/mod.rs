//! The library's unit tests, one module per module of src/ (same path).
//!
//! They were `#[cfg(test)]` modules inside src/; here they test the library
//! through its public items, so `cargo test` compiles the library once
//! (`[lib] test = false` in Cargo.toml).

mod check;
mod cli;
mod dates;
mod engine;
mod error;
mod group;
mod i18n;
mod kiosk;
mod present;
mod progress;
mod report;
mod sanitize;
mod speech;
mod spreadsheet;
mod stats;
mod store;
mod tui;
