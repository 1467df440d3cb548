//! Unit tests of `hangup::group`'s modules.

mod handout;
mod link;
