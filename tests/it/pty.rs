//! End to end: the REAL binary in a pseudo-terminal (tests/it/ptyterm.rs), stopped
//! every way it can be stopped. Each time the process must exit and give the
//! terminal back: main screen, cursor shown, mouse reporting and bracketed
//! paste off, and the line discipline back in cooked mode.
//!
//! Three independent witnesses are checked:
//! 1. the raw byte stream the program wrote;
//! 2. the terminal emulator's own view of the modes after the exit;
//! 3. `stty -a` run on the terminal by the wrapper shell once the program ended.
//!
//! Every wait is bounded; a test takes about one second.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::ptyterm::{Pty, Setup, after_last, contains};

/// All the checks that the terminal is back as it was.
fn assert_restored(pty: &Pty) {
    let code = pty.exit_code();
    // 1. The bytes: after the last switch to the alternate screen, the
    //    program switched back, showed the cursor and turned the mouse off.
    pty.wait_until(Duration::from_secs(3), "the restore bytes", |p| {
        contains(after_last(&p.raw(), b"\x1b[?1049h"), b"\x1b[?1049l")
    });
    let raw = pty.raw();
    let tail = after_last(&raw, b"\x1b[?1049h");
    for (seq, what) in [
        (&b"\x1b[?1049l"[..], "left the alternate screen"),
        (b"\x1b[?25h", "showed the cursor"),
        (b"\x1b[?1000l", "turned mouse reporting off"),
        (b"\x1b[?1006l", "turned SGR mouse mode off"),
        (b"\x1b[?2004l", "turned bracketed paste off"),
    ] {
        assert!(
            contains(tail, seq),
            "the program (exit {code}) never {what}; output after entering: {:?}",
            String::from_utf8_lossy(tail)
        );
    }
    // 2. The emulator's record of the modes.
    pty.with_screen(|s| {
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "cursor left hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
        assert_eq!(
            s.mouse_protocol_encoding(),
            vt100::MouseProtocolEncoding::Default,
            "SGR mouse left on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste left on");
    });
    // 3. The line discipline: cooked mode with echo again.
    let stty = pty.stty_after();
    let words: Vec<&str> = stty.split_whitespace().collect();
    for want in ["icanon", "echo", "isig"] {
        assert!(
            words.contains(&want),
            "terminal left without {want}: {stty}"
        );
    }
}

fn kill(signal: &str, pid: &str) {
    let ok = Command::new("kill")
        .args([&format!("-{signal}"), pid])
        .status()
        .expect("kill runs")
        .success();
    assert!(ok, "kill -{signal} {pid}");
}

fn signal_test(signal: &str, code: i32) {
    let pty = Setup::new(&[]).spawn();
    let pid = pty.pid();
    pty.wait_for_first_frame();
    kill(signal, &pid);
    assert_eq!(pty.exit_code(), code, "exit code after SIG{signal}");
    assert_restored(&pty);
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_test("TERM", 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_test("HUP", 128 + 1);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_test("INT", 128 + 2);
}

#[test]
fn quitting_with_q_then_y_restores_the_terminal() {
    let pty = Setup::new(&[]).spawn();
    pty.wait_for_first_frame();
    pty.key("q");
    pty.wait_for_text("Do you want to stop practising?");
    pty.pause();
    pty.key("y");
    assert_eq!(pty.exit_code(), 0);
    assert_restored(&pty);
}

#[test]
fn quitting_in_the_middle_of_a_call_restores_the_terminal() {
    // Mid-call (mouse reporting on), after a resize, stopped with Ctrl-C.
    let pty = Setup::new(&["play", "police-courier"]).spawn();
    pty.wait_for_text("Answer the phone");
    pty.settle();
    pty.key("Enter");
    pty.wait_until(Duration::from_secs(5), "the call to be answered", |p| {
        !p.screen().contains("Answer the phone")
    });
    pty.resize(60, 20);
    pty.settle();
    pty.key("C-c");
    assert_eq!(pty.exit_code(), 0);
    assert_restored(&pty);
}

#[test]
fn a_panic_restores_the_terminal_and_the_message_is_readable() {
    // No backtrace, so the message itself stays on the visible screen.
    let pty = Setup::new(&[])
        .env("HANGUP_TEST_PANIC", "1")
        .env("RUST_BACKTRACE", "0")
        .spawn();
    assert_eq!(pty.exit_code(), 101, "a panic exits with Rust's panic code");
    assert_restored(&pty);
    // The panic message was printed after the restore, on the main screen.
    let screen = pty.screen();
    assert!(
        screen.contains("deliberate panic"),
        "panic message visible: {screen}"
    );
}

#[test]
fn exit_after_first_frame_hook_exits_cleanly() {
    let pty = Setup::new(&[])
        .env("HANGUP_EXIT_AFTER_FIRST_FRAME", "1")
        .spawn();
    assert_eq!(pty.exit_code(), 0);
    assert_restored(&pty);
}

/// The terminal disappears and no SIGHUP reaches the program (it runs in a
/// session of its own). Reads then fail forever; without the hang-up watch in
/// `term.rs` the program would spin at 100% CPU. It must exit instead.
#[test]
fn a_vanished_terminal_without_sighup_ends_the_program() {
    let mut pty = Setup::new(&[]).setsid().spawn();
    let pid = pty.pid();
    pty.wait_for_first_frame();
    pty.hang_up();
    let stat = Path::new("/proc").join(&pid).join("stat");
    pty.wait_until(Duration::from_secs(5), "hangup to exit", |_| {
        // Gone, or a zombie waiting to be reaped: either way not running.
        match std::fs::read_to_string(&stat) {
            Err(_) => true,
            Ok(s) => {
                let state = s
                    .rsplit(')')
                    .next()
                    .and_then(|r| r.split_whitespace().next());
                matches!(state, Some("Z" | "X"))
            }
        }
    });
}
