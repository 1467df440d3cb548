//! Unit tests of `hangup::present`'s modules.

mod model;
mod wording;
