//! End to end in a real terminal (tmux): the kiosk starts on a key, ignores
//! the keys that would end or suspend a program, warns and resets when left
//! alone, and SIGTERM ends it with the terminal given back. Skips (with a
//! note) only when tmux is not installed.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.cmd(&["capture-pane", "-p", "-t", "k"])
    }

    fn keys(&self, keys: &str) {
        self.cmd(&["send-keys", "-t", "k", keys]);
    }

    /// Wait until the screen shows `text`; the time it took.
    fn wait_for(&self, text: &str, limit: Duration) -> Duration {
        let start = Instant::now();
        while start.elapsed() < limit {
            if self.screen().contains(text) {
                return start.elapsed();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{text:?} did not appear in {limit:?}:\n{}", self.screen());
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

/// The kiosk's process id: the child of the pane's shell.
fn kiosk_pid(shell: &str) -> String {
    let children = format!("/proc/{shell}/task/{shell}/children");
    let found = std::fs::read_to_string(&children).unwrap_or_default();
    found
        .split_whitespace()
        .next()
        .map(str::to_string)
        .expect("the kiosk is running")
}

fn alive(pid: &str) -> bool {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Field 3 is the state; T would mean stopped (suspended).
    let state = stat
        .rsplit(')')
        .next()
        .and_then(|s| s.split_whitespace().next());
    matches!(state, Some("S" | "R"))
}

#[test]
fn kiosk_in_a_real_terminal() {
    if Command::new("tmux").arg("-V").output().is_err() {
        println!("NOTE: tmux is not installed; skipping the kiosk end-to-end test.");
        return;
    }
    let data = tempfile::tempdir().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_hangup");
    let t = Tmux {
        socket: format!("hangup-kiosk-e2e-{}", std::process::id()),
    };
    let script = format!(
        "{bin} kiosk --idle-timeout 2 --idle-warning 2 --data-dir '{}' --config /dev/null; \
         echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon; sleep 60",
        data.path().display()
    );
    t.cmd(&[
        "new-session",
        "-d",
        "-s",
        "k",
        "-x",
        "80",
        "-y",
        "24",
        "sh",
        "-c",
        &script,
    ]);
    t.wait_for("Press any key or touch the screen", Duration::from_secs(10));
    let shell = t.cmd(&["display", "-p", "-t", "k", "#{pane_pid}"]);
    let pid = kiosk_pid(shell.trim());

    t.keys("x");
    // Each visitor is first offered the quick check; "2" is "not now".
    t.wait_for("would you like a quick check?", Duration::from_secs(5));
    std::thread::sleep(Duration::from_millis(350)); // past the tremor filter
    t.keys("2");
    t.wait_for("Choose a call to practise", Duration::from_secs(5));
    for k in ["C-c", "q", "Escape", "C-z", "C-\\", "C-d"] {
        t.keys(k);
        std::thread::sleep(Duration::from_millis(350));
        assert!(alive(&pid), "{k} ended or suspended the kiosk");
    }
    assert!(t.screen().contains("Choose a call to practise"));

    // Left alone: the warning after 2 s, the invitation 2 s later.
    let warned = t.wait_for("Are you still there?", Duration::from_secs(5));
    let reset = t.wait_for(
        "Press any key or touch the screen to",
        Duration::from_secs(5),
    );
    println!("warning after {warned:?}, attract {reset:?} later");

    // Idle on the attract screen, the process sleeps: almost no CPU time.
    let ticks = |pid: &str| -> u64 {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        let f: Vec<&str> = stat
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        f.get(11).and_then(|u| u.parse::<u64>().ok()).unwrap_or(0)
            + f.get(12).and_then(|s| s.parse::<u64>().ok()).unwrap_or(0)
    };
    let before = ticks(&pid);
    std::thread::sleep(Duration::from_secs(2));
    let used = ticks(&pid) - before;
    assert!(
        used <= 2,
        "{used} CPU ticks used in 2 s on the attract screen"
    );

    // kill -INT from outside is ignored too; SIGTERM ends it cleanly.
    Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill");
    std::thread::sleep(Duration::from_millis(300));
    assert!(alive(&pid), "SIGINT ended the kiosk");
    Command::new("kill")
        .args(["-TERM", &pid])
        .status()
        .expect("kill");
    t.wait_for("EXIT=143", Duration::from_secs(5));
    t.wait_for("icanon", Duration::from_secs(5));
    let text = t.screen();
    assert!(
        text.lines().any(|l| l == "icanon"),
        "raw mode left on:\n{text}"
    );
    let modes = t.cmd(&[
        "display",
        "-p",
        "-t",
        "k",
        "#{alternate_on} #{mouse_any_flag}",
    ]);
    assert_eq!(modes.trim(), "0 0", "alternate screen or mouse left on");

    // The only file in the data folder is the counts file, with one visit.
    let names: Vec<String> = std::fs::read_dir(data.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["counters.toml"]);
    let counts =
        std::fs::read_to_string(Path::new(data.path()).join("counters.toml")).expect("counts");
    assert!(counts.contains("visits = 1"), "{counts}");
    assert!(counts.contains("idle-resets = 1"), "{counts}");
}
