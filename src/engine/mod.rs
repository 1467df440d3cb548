//! The pure engine: the scenario format, the catalogues, loading and checking,
//! and the state of one rehearsal. No terminal code lives here; the TUI and
//! plain mode are thin front ends over it, and most tests test it.

pub mod catalogue;
pub mod house;
pub mod library;
pub mod memory;
pub mod model;
pub mod quick_check;
pub mod script;
pub mod session;
pub mod structure;
pub mod text;
pub mod translate;
pub mod validate;
pub mod variants;

pub use catalogue::Catalogue;
pub use library::Library;
pub use model::{Kind, Medium, Outcome, Scenario, Verdict};
pub use script::{Node, Script};
pub use session::{Phase, Session};
