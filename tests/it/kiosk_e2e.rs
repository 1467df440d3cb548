//! End to end in a real terminal (tests/it/ptyterm.rs): the kiosk starts on a key,
//! ignores the keys that would end or suspend a program, warns and resets when
//! left alone, and SIGTERM ends it with the terminal given back.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::ptyterm::{Pty, Setup};

/// Wait until the screen shows `text`; the time it took.
fn wait_for(pty: &Pty, text: &str, limit: Duration) -> Duration {
    let start = Instant::now();
    pty.wait_until(limit, text, |p| p.screen().contains(text));
    start.elapsed()
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
    let data = tempfile::tempdir().expect("tempdir");
    let data_dir = data.path().display().to_string();
    let t = Setup::new(&[
        "kiosk",
        "--idle-timeout",
        "2",
        "--idle-warning",
        "1",
        "--data-dir",
        &data_dir,
        "--config",
        "/dev/null",
    ])
    .key_pause(0)
    .spawn();
    wait_for(&t, "Touch the screen to practise", Duration::from_secs(10));
    let pid = t.pid();

    t.key("x");
    // Each visitor is first offered the quick check; "2" is "not now".
    wait_for(&t, "would you like a quick check?", Duration::from_secs(5));
    t.pause();
    t.key("2");
    wait_for(&t, "Choose a call to practise", Duration::from_secs(5));
    for k in ["C-c", "q", "Escape", "C-z", "C-\\", "C-d"] {
        t.key(k);
        // Until the kiosk has read the key, acted and drawn (or ended).
        t.settle();
        assert!(alive(&pid), "{k} ended or suspended the kiosk");
    }
    assert!(t.screen().contains("Choose a call to practise"));

    // Left alone: the warning after 2 s, the invitation 1 s later.
    let warned = wait_for(&t, "Are you still there?", Duration::from_secs(5));
    let reset = wait_for(&t, "Touch the screen to practise", Duration::from_secs(5));
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
    assert_eq!(t.exit_code(), 143);
    let stty = t.stty_after();
    assert!(
        stty.split_whitespace().any(|w| w == "icanon"),
        "raw mode left on:\n{stty}"
    );
    t.with_screen(|s| {
        assert!(!s.alternate_screen(), "alternate screen left on");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse left on"
        );
    });

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

/// Staff leave a real kiosk: F10 three times 0.3 s apart, then the PIN
/// 1122 (repeated digits) at 0.2 s a key, all with the usual 0.4 s key
/// pause. Each key is sent a set gap after the last, not after the kiosk
/// has drawn, as staff type.
#[test]
fn staff_leave_with_f10_fast_and_a_pin_with_repeated_digits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("kiosk.toml");
    std::fs::write(&config, "pin = \"1122\"\n").expect("write the settings");
    let data_dir = dir.path().join("data").display().to_string();
    let config = config.display().to_string();
    let t = Setup::new(&["kiosk", "--data-dir", &data_dir, "--config", &config]).spawn();
    wait_for(&t, "Touch the screen to practise", Duration::from_secs(10));
    t.settle();
    for _ in 0..3 {
        t.key("F10");
        std::thread::sleep(Duration::from_millis(300));
    }
    wait_for(&t, "Staff exit", Duration::from_secs(5));
    for k in ["1", "1", "2", "2", "Enter"] {
        t.key(k);
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(t.exit_code(), 0, "the right PIN ends the kiosk");
}
