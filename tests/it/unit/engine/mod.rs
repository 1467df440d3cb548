//! Unit tests of `hangup::engine`'s modules.

mod catalogue;
mod house;
mod library;
mod quick_check;
mod text;
mod translate;
mod variants;
