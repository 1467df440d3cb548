//! The quick check in the terminal app. The sets and scoring are in
//! `engine::quick_check`, when to offer it and the steps in `present::flow`;
//! its screens are drawn from their models, in `body.rs`.

pub use crate::present::flow::{QuickScreen, QuickState, QuickStep};
