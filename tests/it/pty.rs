//! End to end: the REAL binary in a pseudo-terminal (tmux), stopped every way
//! it can be stopped. Each time the process must exit and give the terminal
//! back: main screen (`?1049l`), cursor shown (`?25h`), mouse reporting off
//! (`?1000l`, `?1006l`) and the line discipline back in cooked mode (`icanon`,
//! `echo`, checked with `stty -a` on the same terminal right afterwards).
//!
//! Three independent witnesses are checked:
//! 1. the raw byte stream the program wrote (tmux `pipe-pane`);
//! 2. tmux's own view of the pane's modes after the exit
//!    (`#{alternate_on}`, `#{mouse_any_flag}`, `#{cursor_flag}`);
//! 3. `stty -a` run on the terminal by the wrapper shell once the program ended.
//!
//! tmux is required (`.ci/run` installs it). Every wait is bounded; a test
//! takes about one second and never more than ten.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_hangup");
const STEP: Duration = Duration::from_millis(20);

/// One tmux server on a private socket, running the wrapper script in a pane.
struct Pane {
    socket: String,
    dir: tempfile::TempDir,
}

impl Pane {
    /// Start `hangup ARGS` with extra environment `env` in an 80x24 pane.
    fn start(name: &str, env: &[(&str, &str)], args: &[&str], setsid: bool) -> Pane {
        assert!(
            Command::new("tmux").arg("-V").output().is_ok(),
            "tmux is needed for the pseudo-terminal tests (apt-get install tmux)"
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let socket = format!("hangup-pty-{}-{name}", std::process::id());
        let mut exports = String::new();
        for (k, v) in env {
            exports.push_str(&format!("export {k}='{v}'\n"));
        }
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        // The inner `sh` writes its pid, then becomes hangup (exec keeps the
        // pid), so signals go to hangup alone. The outer shell waits for it,
        // records the exit code and the terminal settings, then idles so tmux
        // keeps the pane (and its mode flags) alive for inspection.
        let launcher = if setsid { "setsid sh" } else { "sh" };
        let script = format!(
            "cd '{dir}'\n\
             while [ ! -e go ]; do sleep 0.01; done\n\
             export HANGUP_DATA_DIR='{dir}/data'\n\
             {exports}\
             {launcher} -c 'echo $$ > pid.tmp; mv pid.tmp pid; exec \"$0\" \"$@\"' '{BIN}' {args}\n\
             echo $? > exit.tmp; mv exit.tmp exit\n\
             stty -a > stty.tmp 2>&1; mv stty.tmp stty\n\
             touch done\n\
             sleep 30\n",
            dir = dir.path().display(),
            args = quoted.join(" "),
        );
        std::fs::write(dir.path().join("wrap.sh"), script).expect("write wrapper");
        let pane = Pane { socket, dir };
        pane.tmux(&[
            "new-session",
            "-d",
            "-x",
            "80",
            "-y",
            "24",
            &format!("sh '{}'", pane.path("wrap.sh").display()),
        ]);
        let raw = pane.path("raw");
        pane.tmux(&["pipe-pane", "-o", &format!("cat >> '{}'", raw.display())]);
        std::fs::write(pane.path("go"), "").expect("go");
        pane
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .env("TERM", "xterm-256color")
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p"])
    }

    fn raw(&self) -> Vec<u8> {
        std::fs::read(self.path("raw")).unwrap_or_default()
    }

    fn pid(&self) -> String {
        wait_for(Duration::from_secs(5), "hangup to start", || {
            std::fs::read_to_string(self.path("pid"))
                .ok()
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        })
    }

    /// Wait until the first frame is on screen: the start screen's heading,
    /// or (a new user, as here with a fresh data folder) the quick-check offer.
    fn wait_for_first_frame(&self) {
        wait_for(Duration::from_secs(5), "the first frame", || {
            let s = self.screen();
            let first = s.contains("practise spotting phone scams") || s.contains("A quick check");
            (first && contains(&self.raw(), b"\x1b[?1049h")).then_some(())
        });
    }

    fn wait_for_text(&self, text: &str) {
        wait_for(Duration::from_secs(5), text, || {
            self.screen().contains(text).then_some(())
        });
    }

    /// Wait for the program to end; returns its exit code as the shell saw it.
    fn exit_code(&self) -> i32 {
        wait_for(Duration::from_secs(5), "hangup to exit", || {
            self.path("done").exists().then_some(())
        });
        let code = std::fs::read_to_string(self.path("exit")).expect("exit code file");
        code.trim().parse().expect("a number")
    }

    /// All the checks that the terminal is back as it was.
    fn assert_restored(&self) {
        // 1. The bytes: after the last switch to the alternate screen, the
        //    program switched back, showed the cursor and turned the mouse off.
        let raw = wait_for(Duration::from_secs(3), "the restore bytes", || {
            let raw = self.raw();
            contains(after_last(&raw, b"\x1b[?1049h"), b"\x1b[?1049l").then_some(raw)
        });
        let tail = after_last(&raw, b"\x1b[?1049h");
        for (seq, what) in [
            (&b"\x1b[?1049l"[..], "left the alternate screen"),
            (b"\x1b[?25h", "showed the cursor"),
            (b"\x1b[?1000l", "turned mouse reporting off"),
            (b"\x1b[?1006l", "turned SGR mouse mode off"),
        ] {
            assert!(
                contains(tail, seq),
                "the program never {what}; output after entering: {:?}",
                String::from_utf8_lossy(tail)
            );
        }
        // 2. tmux's own record of the pane's modes (the pane is still alive:
        //    the wrapper shell is sleeping).
        let flags = self.tmux(&[
            "display-message",
            "-p",
            "#{alternate_on} #{mouse_any_flag} #{mouse_sgr_flag} #{cursor_flag}",
        ]);
        assert_eq!(
            flags.trim(),
            "0 0 0 1",
            "alternate screen, mouse, SGR mouse, cursor visible"
        );
        // 3. The line discipline: cooked mode with echo again.
        let stty = std::fs::read_to_string(self.path("stty")).expect("stty output");
        let words: Vec<&str> = stty.split_whitespace().collect();
        for want in ["icanon", "echo", "isig"] {
            assert!(
                words.contains(&want),
                "terminal left without {want}: {stty}"
            );
        }
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn wait_for<T>(limit: Duration, what: &str, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        std::thread::sleep(STEP);
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn after_last<'a>(hay: &'a [u8], needle: &[u8]) -> &'a [u8] {
    match hay.windows(needle.len()).rposition(|w| w == needle) {
        Some(i) => &hay[i + needle.len()..],
        None => &[],
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

fn signal_test(name: &str, signal: &str, code: i32) {
    let pane = Pane::start(name, &[], &[], false);
    let pid = pane.pid();
    pane.wait_for_first_frame();
    kill(signal, &pid);
    assert_eq!(pane.exit_code(), code, "exit code after SIG{signal}");
    pane.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_test("term", "TERM", 128 + 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_test("hup", "HUP", 128 + 1);
}

#[test]
fn sigint_restores_the_terminal() {
    signal_test("int", "INT", 128 + 2);
}

#[test]
fn quitting_with_q_then_y_restores_the_terminal() {
    let pane = Pane::start("quit", &[], &[], false);
    pane.wait_for_first_frame();
    pane.tmux(&["send-keys", "q"]);
    pane.wait_for_text("Do you want to stop practising?");
    pane.tmux(&["send-keys", "y"]);
    assert_eq!(pane.exit_code(), 0);
    pane.assert_restored();
}

#[test]
fn quitting_in_the_middle_of_a_call_restores_the_terminal() {
    // Mid-call (mouse reporting on), after a resize, stopped with Ctrl-C.
    let pane = Pane::start("midcall", &[], &["play", "police-courier"], false);
    pane.wait_for_text("Answer the phone");
    pane.tmux(&["send-keys", "Enter"]);
    wait_for(Duration::from_secs(5), "the call to be answered", || {
        (!pane.screen().contains("Answer the phone")).then_some(())
    });
    pane.tmux(&["resize-window", "-x", "60", "-y", "20"]);
    pane.tmux(&["send-keys", "C-c"]);
    assert_eq!(pane.exit_code(), 0);
    pane.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_and_the_message_is_readable() {
    // No backtrace, so the message itself stays on the visible screen.
    let pane = Pane::start(
        "panic",
        &[("HANGUP_TEST_PANIC", "1"), ("RUST_BACKTRACE", "0")],
        &[],
        false,
    );
    let code = pane.exit_code();
    assert_eq!(code, 101, "a panic exits with Rust's panic code");
    pane.assert_restored();
    // The panic message was printed after the restore, on the main screen.
    let screen = pane.screen();
    assert!(
        screen.contains("deliberate panic"),
        "panic message visible: {screen}"
    );
}

#[test]
fn exit_after_first_frame_hook_exits_cleanly() {
    let pane = Pane::start(
        "first",
        &[("HANGUP_EXIT_AFTER_FIRST_FRAME", "1")],
        &[],
        false,
    );
    assert_eq!(pane.exit_code(), 0);
    pane.assert_restored();
}

/// The terminal disappears and no SIGHUP reaches the program (it runs in a
/// session of its own). Reads then fail forever; without the hang-up watch in
/// `term.rs` the program would spin at 100% CPU. It must exit instead.
#[test]
fn a_vanished_terminal_without_sighup_ends_the_program() {
    let pane = Pane::start("vanish", &[], &[], true);
    let pid = pane.pid();
    pane.wait_for_first_frame();
    pane.tmux(&["kill-server"]);
    let stat = Path::new("/proc").join(&pid).join("stat");
    wait_for(Duration::from_secs(5), "hangup to exit", || {
        // Gone, or a zombie waiting to be reaped: either way not running.
        match std::fs::read_to_string(&stat) {
            Err(_) => Some(()),
            Ok(s) => {
                let state = s
                    .rsplit(')')
                    .next()
                    .and_then(|r| r.split_whitespace().next());
                matches!(state, Some("Z" | "X")).then_some(())
            }
        }
    });
}
