//! Two environment variables for tests and measurements only (documented in
//! `docs/reliability.md`); nobody sets them in normal use. They exist only in
//! builds with the `test-hooks` feature: `cargo test` turns it on (the crate
//! is its own dev-dependency with that feature), a release build or the
//! `.deb` never has it. `scripts/perf-figures.sh` needs
//! `cargo build --release --features test-hooks`.
//!
//! - `HANGUP_EXIT_AFTER_FIRST_FRAME=1`: leave cleanly right after the first
//!   frame is drawn, to time start-up to first frame.
//! - `HANGUP_TEST_PANIC=1`: panic right after the first frame is drawn, to
//!   prove the panic path gives the terminal back (`tests/it/pty.rs`).

#[cfg(feature = "test-hooks")]
use std::sync::OnceLock;

#[cfg(feature = "test-hooks")]
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hook {
    None,
    ExitAfterFirstFrame,
    Panic,
}

#[cfg(feature = "test-hooks")]
fn hook() -> Hook {
    static HOOK: OnceLock<Hook> = OnceLock::new();
    *HOOK.get_or_init(|| {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| v == "1");
        if set("HANGUP_TEST_PANIC") {
            Hook::Panic
        } else if set("HANGUP_EXIT_AFTER_FIRST_FRAME") {
            Hook::ExitAfterFirstFrame
        } else {
            Hook::None
        }
    })
}

/// Called after each frame is drawn. True means: stop now (cleanly).
#[cfg(feature = "test-hooks")]
pub fn stop_after_draw() -> bool {
    match hook() {
        Hook::None => false,
        Hook::ExitAfterFirstFrame => true,
        Hook::Panic => {
            panic!("HANGUP_TEST_PANIC=1: a deliberate panic to test the terminal restore")
        }
    }
}

/// Called after each frame is drawn. Without the `test-hooks` feature: never stop.
#[cfg(not(feature = "test-hooks"))]
pub fn stop_after_draw() -> bool {
    false
}
