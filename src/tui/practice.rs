//! The practice flow's state for the terminal app (it lives in
//! `crate::present::flow`; the screens are drawn from their models, in
//! `body.rs`).

pub use crate::present::flow::{Finished, Practice, Recall, RecallStep};
