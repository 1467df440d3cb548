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
//! - `HANGUP_TEST_IDLE_MARK=1`: each time the run loop has drawn what
//!   changed and is about to wait for input, write a window title (which the
//!   screen does not show) saying so: `ESC ] 2 ; hangup-idle EVENTS SETTLE BEL`,
//!   with the number of terminal events read so far and the milliseconds
//!   until the input guard takes a press (the rest of its settle window, or
//!   of the gap after a paste). The pseudo-terminal tests
//!   (`tests/it/ptyterm.rs`) wait for it instead of for a quiet spell.

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

/// The idle mark to write before the loop waits for input (see the module
/// docs), when `HANGUP_TEST_IDLE_MARK=1`: `events` terminal events read so
/// far, `wait_left` until the input guard takes a press.
#[cfg(feature = "test-hooks")]
pub fn idle_mark(events: u64, wait_left: std::time::Duration) -> Option<String> {
    static ON: OnceLock<bool> = OnceLock::new();
    let on =
        *ON.get_or_init(|| std::env::var_os("HANGUP_TEST_IDLE_MARK").is_some_and(|v| v == "1"));
    // Whole milliseconds, rounded up: waiting that long is never too short.
    let ms = wait_left.as_micros().div_ceil(1000);
    on.then(|| format!("\x1b]2;hangup-idle {events} {ms}\x07"))
}

/// Without the `test-hooks` feature: no idle mark.
#[cfg(not(feature = "test-hooks"))]
pub fn idle_mark(_events: u64, _wait_left: std::time::Duration) -> Option<String> {
    None
}

/// Called after each frame is drawn. Without the `test-hooks` feature: never stop.
#[cfg(not(feature = "test-hooks"))]
pub fn stop_after_draw() -> bool {
    false
}
