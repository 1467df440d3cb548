//! Hostile input, by kind (issue 15): every printer shows hidden characters
//! visibly, every reader is bounded and never blocks, checking is linear, and
//! nothing is lost on a shared or damaged data folder. The files are generated
//! here (see `hostile_gen.rs`); the seeds of every case found are kept below.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use hangup::check::check_bytes;
use hangup::engine::Catalogue;
use hangup::engine::library::BUILTIN_SCENARIOS;

use crate::hostile_gen;

const MIB: usize = 1024 * 1024;

/// Check `text` as one file; how long it took, and the report.
fn timed_check(text: &str) -> (Duration, hangup::check::FileReport) {
    let catalogue = Catalogue::builtin();
    let t = Instant::now();
    let r = check_bytes("x.toml".into(), text.as_bytes(), &catalogue);
    (t.elapsed(), r)
}

fn ordinary_time() -> Duration {
    let sources: Vec<&str> = BUILTIN_SCENARIOS.iter().map(|(_, t)| *t).collect();
    let files = hostile_gen::ordinary(MIB - 64 * 1024, &sources);
    let catalogue = Catalogue::builtin();
    let t = Instant::now();
    for f in &files {
        let r = check_bytes("o.toml".into(), f.as_bytes(), &catalogue);
        assert!(
            r.diagnostics.iter().all(|d| !d.is_error()),
            "{:?}",
            r.diagnostics
        );
    }
    t.elapsed()
}

#[test]
fn checking_is_linear_in_the_input() {
    let ordinary = ordinary_time();
    for (name, text) in [
        ("missing next", hostile_gen::missing_next(MIB - 1024)),
        ("long chain", hostile_gen::long_chain(MIB - 1024)),
        ("duplicate ids", hostile_gen::duplicate_ids(MIB - 1024)),
    ] {
        assert!(text.len() < MIB, "{name}: {} bytes", text.len());
        let (took, report) = timed_check(&text);
        eprintln!("{name}: {took:?} (ordinary 1 MiB: {ordinary:?})");
        assert!(!report.diagnostics.is_empty(), "{name}: problems are found");
        // Generous for a shared debug build; the benchmark holds the 5x figure.
        assert!(
            took < ordinary * 10 + Duration::from_secs(2),
            "{name} took {took:?}; 1 MiB of ordinary scenarios took {ordinary:?}"
        );
    }
}

#[test]
fn the_path_length_warning_is_never_lost() {
    let text = hostile_gen::long_chain(MIB - 1024);
    let (_, report) = timed_check(&text);
    let warning = report
        .diagnostics
        .iter()
        .find(|d| d.code == "H0306")
        .expect("the long path is reported");
    assert!(warning.message.contains("steps"), "{}", warning.message);
    // A short chain that is still too long (31 steps) is reported too.
    let (_, report) = timed_check(&hostile_gen::long_chain(31 * 330));
    assert!(report.diagnostics.iter().any(|d| d.code == "H0306"));
}

/// A report of thousands of problems, through the binary in each format:
/// a step id that goes nowhere, again and again, just under the 1 MiB file
/// limit (1,135,176 bytes of short report, 2.4 MB human, 2.8 MB JSON). The
/// long chain (one path-length warning: a one-line report) is checked in
/// `checking_is_linear_in_the_input` and
/// `the_path_length_warning_is_never_lost`; here it added a third of the
/// time and nothing to the report.
#[test]
fn check_prints_a_huge_report_quickly() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(
        dir.path().join("missing.toml"),
        hostile_gen::missing_next(MIB - 1024),
    )
    .expect("w");
    for format in ["short", "human", "json"] {
        let t = Instant::now();
        let out = Command::new(env!("CARGO_BIN_EXE_hangup"))
            .args(["check", "--format", format])
            .arg(dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let took = t.elapsed();
        eprintln!(
            "check --format {format}: {took:?}, {} bytes",
            out.stdout.len()
        );
        assert_eq!(out.status.code(), Some(1));
        assert!(
            out.stdout.len() > MIB,
            "{format}: {} bytes",
            out.stdout.len()
        );
        assert!(took < Duration::from_secs(60), "{format}: {took:?}");
    }
}

// ------------------------------------------------------------- running the binary

/// What one run of the binary gave.
pub struct Ran {
    pub out: String,
    pub err: String,
    pub code: Option<i32>,
    /// The peak memory seen (VmHWM, KiB), sampled while it ran.
    pub peak_kib: u64,
}

/// Run the binary with `args`, `stdin` as input, the data folder `data`, and a
/// time limit: a run that takes longer fails the test (no hang).
pub fn run(args: &[&str], data: &Path, stdin: &str, limit: Duration) -> Ran {
    use std::io::{Read, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_hangup"))
        .args(args)
        .env("HANGUP_DATA_DIR", data)
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hangup starts");
    let mut input = child.stdin.take().expect("stdin");
    let stdin = stdin.to_string();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(stdin.as_bytes());
    });
    let mut out_pipe = child.stdout.take().expect("stdout");
    let mut err_pipe = child.stderr.take().expect("stderr");
    let out_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_t = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kib = 0;
    let status = loop {
        if let Ok(s) = std::fs::read_to_string(&status_file)
            && let Some(l) = s.lines().find(|l| l.starts_with("VmHWM:"))
        {
            let kib: u64 = l
                .split_whitespace()
                .nth(1)
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            peak_kib = peak_kib.max(kib);
        }
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("hangup {args:?} did not finish within {limit:?} (a hang)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = feeder.join();
    Ran {
        out: String::from_utf8_lossy(&out_t.join().expect("out")).into_owned(),
        err: String::from_utf8_lossy(&err_t.join().expect("err")).into_owned(),
        code: status.code(),
        peak_kib,
    }
}

/// Every character that must never reach a terminal raw (newlines and tabs
/// are fine in multi-line output).
fn hidden_in(s: &str) -> Option<(usize, char)> {
    s.char_indices()
        .find(|&(_, c)| c != '\n' && c != '\t' && hangup::sanitize::classify(c).is_some())
}

fn assert_clean(what: &str, r: &Ran) {
    for (name, text) in [("stdout", &r.out), ("stderr", &r.err)] {
        if let Some((at, c)) = hidden_in(text) {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(60)
                .map_or(0, |(i, _)| i);
            panic!(
                "{what}: {name} has U+{:04X} at byte {at}: {:?}",
                c as u32,
                &text[from..at]
            );
        }
        assert!(!text.contains("panicked"), "{what}: {text}");
    }
    assert_ne!(r.code, Some(101), "{what}: a panic");
}

/// An escape sequence that would write to the clipboard (OSC 52), then more.
const OSC52: &str = "\u{1b}]52;c;SGVsbG8=\u{7}";

/// A folder of hostile files: a catalogue with escapes in the region name
/// and a red flag, scenario files with escapes and a newline in their names,
/// a hidden file that tries to replace a built-in, a FIFO, a symlink to
/// /dev/zero, a 2 MiB file, and one good call.
pub fn hostile_folder(dir: &Path) {
    let advice = std::fs::read_to_string("assets/catalogue/advice.toml").expect("advice");
    let advice = advice.replacen(
        "name = \"England, Wales and Northern Ireland\"",
        "name = \"England\\u001b]52;c;SGVsbG8=\\u0007 \\u202eland\\u009b2J <script>alert(1)</script>\"",
        1,
    );
    std::fs::write(dir.join("advice.toml"), advice).expect("w");
    let flags = std::fs::read_to_string("assets/catalogue/red-flags.toml").expect("flags");
    let flags = flags.replacen(
        "explain = \"",
        "explain = \"\\u001b[2J\\u00ad<img src=x onerror=alert(1)> [x](javascript:y) ",
        1,
    );
    std::fs::write(dir.join("red-flags.toml"), flags).expect("w");
    let tiny = std::fs::read_to_string("tests/fixtures/tiny.toml").expect("tiny");
    std::fs::write(dir.join("tiny.toml"), &tiny).expect("w");
    // A name that forges a diagnostic line and drives the terminal.
    let forged = format!("bad{OSC52}\nx.toml:1:1: error[H0000]: forged.toml");
    std::fs::write(dir.join(forged), "id = \"x\"\u{1b}[31m").expect("w");
    // A hidden copy of tiny that claims a built-in's id.
    std::fs::write(
        dir.join(".sneaky.toml"),
        tiny.replacen("id = \"tiny\"", "id = \"police-courier\"", 1),
    )
    .expect("w");
    // The same id twice in the folder.
    std::fs::write(
        dir.join("tiny-again.toml"),
        tiny.replacen("title = \"A tiny test call\"", "title = \"Again\"", 1),
    )
    .expect("w");
    std::fs::write(dir.join("big.toml"), vec![b'#'; 2 * MIB]).expect("w");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.toml")).expect("symlink");
        let fifo = dir.join("fifo.toml");
        let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
    }
}

/// A data folder with hostile progress and counts files.
fn hostile_data(dir: &Path) {
    std::fs::write(
        dir.join("progress.toml"),
            "version = 1\n[scenarios.\"evil\\u001b[2J\"]\nplays = 1\nfirst_played = \"2026-01-01\"\nlast_played = \"2026-01-01\"\nlast_outcome = \"safe\"\n[tricks.\"tr\\u009bick\"]\nmissed = 1\nlast_missed = \"2026-01-01\"\nto_practise = true\n",
    )
    .expect("w");
    std::fs::write(
        dir.join("counters.toml"),
        "[kiosk.\"2026-01-01\\u001b[2J\"]\nvisits = 3\n[kiosk.\"2026-01-02\".finished.\"id\\u001b]52;c;SGVsbG8=\\u0007\"]\nsafe = 2\n[kiosk.\"2026-01-02\".finished.\"=HYPERLINK(1)\"]\nsafe = 1\n",
    )
    .expect("w");
}

#[test]
fn no_escape_byte_in_any_output() {
    let dir = tempfile::tempdir().expect("temp");
    let scen = dir.path().join("pack");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&scen).expect("mk");
    std::fs::create_dir_all(&data).expect("mk");
    hostile_folder(&scen);
    hostile_data(&data);
    let s = scen.to_str().expect("utf8");
    let limit = Duration::from_secs(60);
    let answers = "1\n1\n1\n1\n1\n1\n1\n1\nq\n";
    let runs: Vec<(&str, Vec<&str>, &str)> = vec![
        ("list", vec!["--scenarios", s, "list"], ""),
        ("list --json", vec!["--scenarios", s, "list", "--json"], ""),
        ("check human", vec!["check", s], ""),
        ("check short", vec!["check", s, "--format", "short"], ""),
        ("check json", vec!["check", s, "--format", "json"], ""),
        (
            "check built-ins + folder",
            vec!["--scenarios", s, "check"],
            "",
        ),
        ("plain menu", vec!["--scenarios", s, "--plain"], answers),
        (
            "plain play",
            vec!["--scenarios", s, "play", "tiny", "--plain", "--seed", "1"],
            answers,
        ),
        ("script", vec!["--scenarios", s, "script", "tiny"], ""),
        ("paths", vec!["--scenarios", s, "paths", "tiny"], ""),
        (
            "handout txt",
            vec!["--scenarios", s, "handout", "--format", "txt"],
            "",
        ),
        (
            "handout md",
            vec!["--scenarios", s, "handout", "--format", "md"],
            "",
        ),
        (
            "handout html",
            vec!["--scenarios", s, "handout", "--format", "html"],
            "",
        ),
        ("progress", vec!["--scenarios", s, "progress"], ""),
        ("stats", vec!["stats", "--config", "/dev/null"], ""),
        (
            "stats csv",
            vec!["stats", "--csv", "--config", "/dev/null"],
            "",
        ),
        ("missing id", vec!["play", "x\u{1b}[2Jy"], ""),
        (
            "bad region",
            vec!["--region", "\u{1b}]0;pwned\u{7}", "list"],
            "",
        ),
    ];
    for (what, args, input) in runs {
        let r = run(&args, &data, input, limit);
        assert_clean(what, &r);
        // A file name never splits a line into a forged diagnostic.
        for line in r.out.lines().chain(r.err.lines()) {
            assert!(
                !line.starts_with("x.toml:1:1: error[H0000]"),
                "{what}: a forged line: {line}"
            );
        }
        if what.starts_with("handout") && !what.ends_with("txt") {
            assert!(!r.out.contains("<script>"), "{what}: raw HTML: {}", r.out);
            assert!(!r.out.contains("<img"), "{what}: raw HTML");
        }
    }
}

#[test]
fn readers_are_bounded_and_never_block() {
    let dir = tempfile::tempdir().expect("temp");
    let scen = dir.path().join("pack");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&scen).expect("mk");
    std::fs::create_dir_all(&data).expect("mk");
    hostile_folder(&scen);
    let s = scen.to_str().expect("utf8");
    // The FIFO would block for ever and /dev/zero would fill memory.
    let r = run(
        &["--scenarios", s, "list"],
        &data,
        "",
        Duration::from_secs(30),
    );
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(
        r.out.contains("tiny  "),
        "the good call is there: {}",
        r.out
    );
    // The hidden file does not replace the built-in call.
    assert!(
        !r.err.contains("sneaky") || r.err.contains("hidden"),
        "{}",
        r.err
    );
    let courier = r
        .out
        .lines()
        .find(|l| l.starts_with("police-courier"))
        .expect("built-in");
    assert!(!courier.contains("A tiny test call"), "{courier}");
    for noted in [
        "fifo.toml",
        "zero.toml",
        "big.toml",
        ".sneaky.toml",
        "tiny-again.toml",
    ] {
        assert!(r.err.contains(noted), "{noted} is noted: {}", r.err);
    }
    assert!(r.err.contains("also used by"), "{}", r.err);
    assert!(
        r.peak_kib < 200 * 1024,
        "memory bounded: {} KiB",
        r.peak_kib
    );
    // check and the loader agree: the same files are noted.
    let c = run(
        &["check", s, "--format", "short"],
        &data,
        "",
        Duration::from_secs(30),
    );
    for noted in ["fifo.toml", "zero.toml", "big.toml", ".sneaky.toml"] {
        assert!(c.out.contains(noted), "check notes {noted}: {}", c.out);
    }
    assert!(
        c.peak_kib < 200 * 1024,
        "memory bounded: {} KiB",
        c.peak_kib
    );
    // Data files too: a FIFO progress file and /dev/zero counts do not hang.
    #[cfg(unix)]
    {
        let made = Command::new("mkfifo")
            .arg(data.join("progress.toml"))
            .status()
            .expect("mkfifo");
        assert!(made.success());
        std::os::unix::fs::symlink("/dev/zero", data.join("counters.toml")).expect("ln");
        let r = run(&["progress"], &data, "", Duration::from_secs(30));
        assert_ne!(r.code, Some(101));
        let r = run(
            &["stats", "--config", "/dev/null"],
            &data,
            "",
            Duration::from_secs(30),
        );
        assert_ne!(r.code, Some(101));
        assert!(
            r.peak_kib < 200 * 1024,
            "memory bounded: {} KiB",
            r.peak_kib
        );
        let r = run(
            &["play", "tiny", "--plain", "--scenarios", s],
            &data,
            "1\n1\n1\n",
            Duration::from_secs(30),
        );
        assert_eq!(r.code, Some(0), "{}", r.err);
    }
}

#[test]
fn a_closed_pipe_ends_quietly_with_status_zero() {
    // `| head -1`: the reader goes away after one line.
    for args in [
        vec!["list"],
        vec!["play", "police-courier", "--plain", "--seed", "1"],
        vec![
            "play",
            "police-courier",
            "--plain",
            "--seed",
            "1",
            "--speak",
            "--speak-command",
            "true",
        ],
        vec!["script", "police-courier"],
        vec!["handout", "--format", "txt"],
        vec!["check"],
    ] {
        let data = tempfile::tempdir().expect("temp");
        for both in [false, true] {
            let cmd = format!(
                "{} {} {} | head -c 10 >/dev/null; echo \"${{PIPESTATUS[0]}}\"",
                env!("CARGO_BIN_EXE_hangup"),
                args.join(" "),
                if both { "2>&1" } else { "2>/dev/null" }
            );
            let out = Command::new("bash")
                .arg("-c")
                .arg(&cmd)
                .env("HANGUP_DATA_DIR", data.path())
                .stdin(Stdio::null())
                .output()
                .expect("bash");
            let status = String::from_utf8_lossy(&out.stdout).trim().to_string();
            assert_eq!(
                status,
                "0",
                "{cmd}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

// ------------------------------------------------------------- nothing is lost

fn call(id: &str) -> hangup::engine::session::CallResult {
    hangup::engine::session::CallResult {
        scenario: id.into(),
        kind: hangup::engine::Kind::Scam,
        outcome: hangup::engine::Outcome::Safe,
        missed: Vec::new(),
        met: Vec::new(),
    }
}

#[test]
fn two_programs_on_one_folder_both_keep_their_calls() {
    use hangup::practice::Keeper;
    use hangup::progress::{Day, Store};
    let dir = tempfile::tempdir().expect("temp");
    let library = hangup::engine::Library::builtin();
    let today = Day::parse("2026-03-01").expect("day");
    // Both start before either has saved anything.
    let mut a = Keeper::open(Some(dir.path()), false, &library, today);
    let mut b = Keeper::open(Some(dir.path()), false, &library, today);
    a.record(&call("police-courier"), 1);
    b.record(&call("amazon-refund"), 2);
    a.record(&call("hmrc-tax"), 3);
    let saved = Store::new(dir.path().to_path_buf(), false).load(today);
    let ids: Vec<&String> = saved.progress.scenarios.keys().collect();
    assert_eq!(
        ids,
        ["amazon-refund", "hmrc-tax", "police-courier"],
        "nothing lost"
    );
    assert!(saved.notice.is_none());
    // Each program also sees the other's calls after its next save.
    assert!(a.progress.scenarios.contains_key("amazon-refund"));
}

#[test]
fn two_kiosks_on_one_folder_both_count() {
    use hangup::stats::{Store, load, today};
    let dir = tempfile::tempdir().expect("temp");
    let mut a = Store::open(Some(dir.path()));
    let mut b = Store::open(Some(dir.path()));
    std::thread::scope(|s| {
        s.spawn(|| {
            for _ in 0..50 {
                a.record(|c, day| c.visit_started(day));
            }
        });
        s.spawn(|| {
            for _ in 0..50 {
                b.record(|c, day| c.visit_started(day));
            }
        });
    });
    let c = load(&dir.path().join("counters.toml")).expect("loads");
    assert_eq!(c.kiosk[&today()].visits, 100, "every visit of both kiosks");
    assert!(a.warnings.is_empty() && b.warnings.is_empty());
}

#[test]
fn two_group_sessions_on_one_folder_both_keep_their_rows() {
    use hangup::group::record::{self, Record};
    let dir = tempfile::tempdir().expect("temp");
    let row = |attendees: u32| Record {
        date: "2026-03-01".into(),
        duration_minutes: 40,
        scenarios: vec!["police-courier".into()],
        attendees,
        tallies: Vec::new(),
        check_before: None,
        check_after: None,
        marks: Default::default(),
    };
    std::thread::scope(|s| {
        for who in [7, 9] {
            let (dir, rec) = (dir.path(), row(who));
            s.spawn(move || {
                for _ in 0..40 {
                    record::append(dir, &rec).expect("append");
                }
            });
        }
    });
    let back = record::read_all(dir.path()).expect("read back");
    assert_eq!(back.len(), 80, "every row of both sessions");
    assert_eq!(back.iter().filter(|r| r.attendees == 7).count(), 40);
    let text = std::fs::read_to_string(dir.path().join(record::FILE_NAME)).expect("read");
    assert_eq!(text.matches("date,").count(), 1, "one header");
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("dir").count(),
        1,
        "no temp file left"
    );
}

#[test]
fn a_file_damaged_twice_in_a_day_keeps_both_copies() {
    use hangup::stats::{Store, today};
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("counters.toml");
    std::fs::write(&path, "first = [[[ damage: 500 counted visits").expect("w");
    let first = Store::open(Some(dir.path()));
    assert_eq!(first.warnings.len(), 1, "{:?}", first.warnings);
    std::fs::write(&path, "second = [[[ damage").expect("w");
    let second = Store::open(Some(dir.path()));
    assert_eq!(second.warnings.len(), 1);
    let one = dir
        .path()
        .join(format!("counters.toml.damaged-{}", today()));
    let two = dir
        .path()
        .join(format!("counters.toml.damaged-{}-2", today()));
    assert_eq!(
        std::fs::read_to_string(&one).expect("first kept"),
        "first = [[[ damage: 500 counted visits"
    );
    assert_eq!(
        std::fs::read_to_string(&two).expect("second kept"),
        "second = [[[ damage"
    );
    // Progress too.
    use hangup::progress::{Day, Store as Progress};
    let store = Progress::new(dir.path().to_path_buf(), false);
    let day = Day::parse("2026-04-09").expect("day");
    std::fs::write(store.path(), "one [[[").expect("w");
    store.load(day);
    std::fs::write(store.path(), "two [[[").expect("w");
    store.load(day);
    let kept = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect(name);
    assert_eq!(kept("progress.toml.corrupt-20260409"), "one [[[");
    assert_eq!(kept("progress.toml.corrupt-20260409-2"), "two [[[");
}

#[test]
fn a_file_from_a_newer_version_is_not_called_damaged() {
    use hangup::stats::{Store, load, today};
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("counters.toml");
    std::fs::write(
        &path,
        "[kiosk.\"2026-01-01\"]\nvisits = 3\nnew-measure = 7\n[kiosk.\"2026-01-01\".check-before]\ntaken = 1\nmedian = 2\n[group]\nsessions = 4\n",
    )
    .expect("w");
    let mut s = Store::open(Some(dir.path()));
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    s.record(|c, day| c.visit_started(day));
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains("new-measure = 7"), "kept: {text}");
    assert!(text.contains("sessions = 4"), "kept: {text}");
    let c = load(&path).expect("loads");
    assert_eq!(c.kiosk["2026-01-01"].visits, 3);
    assert_eq!(c.kiosk[&today()].visits, 1);
    // Progress with fields from a newer version.
    use hangup::progress::{Day, Store as Progress};
    let p = Progress::new(dir.path().to_path_buf(), false);
    std::fs::write(p.path(), "version = 2\nstreak = 5\n[scenarios]\n").expect("w");
    let loaded = p.load(Day::parse("2026-04-09").expect("day"));
    assert!(loaded.notice.is_none(), "{:?}", loaded.notice);
    p.save(&loaded.progress).expect("save");
    assert!(
        std::fs::read_to_string(p.path())
            .expect("r")
            .contains("streak = 5")
    );
}

#[cfg(unix)]
#[test]
fn a_planted_temp_symlink_is_never_followed() {
    use hangup::progress::{Progress, Store};
    let dir = tempfile::tempdir().expect("temp");
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").expect("w");
    let data = dir.path().join("data");
    std::fs::create_dir_all(&data).expect("mk");
    // The old predictable names (".NAME.PID.tmp"), for this process and a range of others.
    for pid in [std::process::id()].into_iter().chain(1..200) {
        for name in ["progress.toml", "counters.toml"] {
            let _ = std::os::unix::fs::symlink(&victim, data.join(format!(".{name}.{pid}.tmp")));
        }
    }
    Store::new(data.clone(), false)
        .save(&Progress::default())
        .expect("save");
    let mut counts = hangup::stats::Store::open(Some(&data));
    counts.record(|c, day| c.visit_started(day));
    assert!(counts.warnings.is_empty(), "{:?}", counts.warnings);
    assert_eq!(std::fs::read_to_string(&victim).expect("r"), "precious");
    // A symlink planted as the data file itself is replaced, not written through.
    let target = data.join("progress.toml");
    std::fs::remove_file(&target).expect("rm");
    std::os::unix::fs::symlink(&victim, &target).expect("ln");
    Store::new(data.clone(), false)
        .save(&Progress::default())
        .expect("save");
    assert_eq!(std::fs::read_to_string(&victim).expect("r"), "precious");
}

#[test]
fn stale_temp_files_are_swept() {
    let dir = tempfile::tempdir().expect("temp");
    let stale = dir.path().join(".counters.toml.x1y2z3.tmp");
    std::fs::write(&stale, "half a file").expect("w");
    let old = std::time::SystemTime::now() - Duration::from_secs(2 * 60 * 60);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(old))
        .expect("age");
    let _ = hangup::stats::Store::open(Some(dir.path()));
    assert!(!stale.exists(), "a crash's temp file is removed");
}

#[test]
fn handout_out_never_replaces_without_force() {
    let dir = tempfile::tempdir().expect("temp");
    let data = dir.path();
    let sheet = dir.path().join("sheet.html");
    std::fs::write(&sheet, "my own notes").expect("w");
    let s = sheet.to_str().expect("utf8");
    let r = run(&["handout", "--out", s], data, "", Duration::from_secs(30));
    assert_eq!(r.code, Some(1));
    assert!(r.err.contains("--force"), "{}", r.err);
    assert_eq!(r.err.lines().count(), 1, "one line: {}", r.err);
    assert_eq!(std::fs::read_to_string(&sheet).expect("r"), "my own notes");
    let r = run(
        &["handout", "--out", s, "--force"],
        data,
        "",
        Duration::from_secs(30),
    );
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(
        std::fs::read_to_string(&sheet)
            .expect("r")
            .contains("<!DOCTYPE html>")
    );
    // A new file is written whole, with no temp file left.
    let fresh = dir.path().join("new.txt");
    let r = run(
        &[
            "handout",
            "--format",
            "txt",
            "--out",
            fresh.to_str().expect("utf8"),
        ],
        data,
        "",
        Duration::from_secs(30),
    );
    assert_eq!(r.code, Some(0), "{}", r.err);
    assert!(
        std::fs::read_to_string(&fresh)
            .expect("r")
            .contains("HANG UP")
    );
    let temps = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .count();
    assert_eq!(temps, 0);
    #[cfg(unix)]
    {
        // Onto a symlink: refused; with --force the link is replaced, its target untouched.
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "precious").expect("w");
        let link = dir.path().join("link.html");
        std::os::unix::fs::symlink(&victim, &link).expect("ln");
        let l = link.to_str().expect("utf8");
        let r = run(&["handout", "--out", l], data, "", Duration::from_secs(30));
        assert_eq!(r.code, Some(1));
        let r = run(
            &["handout", "--out", l, "--force"],
            data,
            "",
            Duration::from_secs(30),
        );
        assert_eq!(r.code, Some(0));
        assert_eq!(std::fs::read_to_string(&victim).expect("r"), "precious");
    }
}

// ------------------------------------------------------------- signals and sizes

#[cfg(unix)]
#[test]
fn ctrl_z_hands_the_terminal_back_and_fg_takes_it_again() {
    use crate::ptyterm::{Setup, after_last, contains};
    let pty = Setup::new(&["play", "police-courier"]).spawn();
    let pid = pty.pid();
    pty.wait_for_text("Answer the phone");
    pty.settle();
    let kill = |sig: &str| {
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status()
            .expect("kill");
        assert!(ok.success());
    };
    let state = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rsplit(')').next().map(|r| r.trim().chars().next()))
            .flatten()
    };
    kill("TSTP");
    pty.wait_until(Duration::from_secs(5), "hangup to stop", |_| {
        state() == Some('T')
    });
    // The terminal was handed back before stopping: main screen, cursor
    // shown, mouse and bracketed paste off. (The program wrote that before it
    // stopped; the test's reader thread may take a moment to read it.)
    pty.wait_until(Duration::from_secs(5), "the main screen back", |p| {
        contains(after_last(&p.raw(), b"\x1b[?1049h"), b"\x1b[?1049l")
    });
    let raw = pty.raw();
    let tail = after_last(&raw, b"\x1b[?1049h");
    for (seq, what) in [
        (&b"\x1b[?1049l"[..], "main screen"),
        (b"\x1b[?25h", "cursor shown"),
        (b"\x1b[?1000l", "mouse off"),
        (b"\x1b[?2004l", "paste off"),
    ] {
        assert!(contains(tail, seq), "{what} before stopping");
    }
    pty.with_screen(|s| {
        assert!(!s.alternate_screen(), "main screen");
        assert!(!s.hide_cursor(), "cursor shown");
        assert_eq!(s.mouse_protocol_mode(), vt100::MouseProtocolMode::None);
    });
    // `fg`: the program takes the terminal again and draws the whole screen.
    kill("CONT");
    pty.wait_until(Duration::from_secs(5), "the screen to come back", |p| {
        p.with_screen(|s| s.alternate_screen() && s.hide_cursor())
            && p.screen().contains("Answer the phone")
    });
    pty.with_screen(|s| {
        assert_ne!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse on"
        );
    });
    // Keys act at once again (raw mode), not after another Enter.
    pty.settle();
    pty.key("Enter");
    pty.wait_until(Duration::from_secs(5), "the call to be answered", |p| {
        !p.screen().contains("Answer the phone")
    });
    kill("USR1");
    assert_eq!(pty.exit_code(), 128 + 10);
    assert!(
        pty.stty_after().contains(" icanon"),
        "cooked mode after SIGUSR1"
    );
    pty.with_screen(|s| assert!(!s.alternate_screen()));
}

#[cfg(unix)]
#[test]
fn sigquit_and_sigalrm_restore_the_terminal() {
    use crate::ptyterm::Setup;
    for (sig, n) in [("QUIT", 3), ("ALRM", 14)] {
        let pty = Setup::new(&["--no-save"]).spawn();
        let pid = pty.pid();
        pty.wait_for_first_frame();
        let ok = Command::new("kill")
            .args([&format!("-{sig}"), &pid])
            .status()
            .expect("kill");
        assert!(ok.success());
        assert_eq!(pty.exit_code(), 128 + n, "SIG{sig}");
        let stty = pty.stty_after();
        assert!(
            stty.contains(" icanon") && stty.contains(" echo"),
            "SIG{sig}: {stty}"
        );
        pty.with_screen(|s| {
            assert!(!s.alternate_screen(), "SIG{sig}");
            assert!(!s.hide_cursor(), "SIG{sig}");
        });
    }
}

#[cfg(unix)]
#[test]
fn a_huge_window_is_drawn_in_a_capped_area() {
    use crate::ptyterm::Setup;
    let pty = Setup::new(&["--no-save"]).spawn();
    let pid = pty.pid();
    pty.wait_for_first_frame();
    // The terminal claims 65535x65535 (the emulator here stays 80x24).
    let tty = std::fs::read_link(format!("/proc/{pid}/fd/0")).expect("tty");
    let ok = Command::new("stty")
        .arg("-F")
        .arg(&tty)
        .args(["rows", "65535", "cols", "65535"])
        .status()
        .expect("stty");
    assert!(ok.success());
    let ok = Command::new("kill")
        .args(["-WINCH", &pid])
        .status()
        .expect("kill");
    assert!(ok.success());
    pty.settle();
    std::thread::sleep(Duration::from_millis(500));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("alive");
    let hwm: u64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse().ok())
        .expect("VmHWM");
    assert!(hwm < 300 * 1024, "memory bounded: {hwm} KiB");
    pty.key("q");
    pty.wait_for_text("Do you want to stop practising?");
    // The input guard ignores keys for a moment after the screen changes.
    std::thread::sleep(Duration::from_millis(1500));
    pty.key("y");
    let code = pty.exit_code();
    assert_eq!(code, 0, "exit {code} after a 65535x65535 window");
}

// ------------------------------------------------------------- fuzzing the byte doors

mod doors {
    use super::*;
    use proptest::prelude::*;

    /// Bytes that look a little like the files (TOML-ish) and some that do not.
    fn file_bytes() -> impl Strategy<Value = Vec<u8>> {
        prop_oneof![
            prop::collection::vec(any::<u8>(), 0..512),
            "[\\[\\]a-z0-9=\" .\\-\n\u{1b}\u{9b}\u{202e}\u{ad}]{0,300}"
                .prop_map(String::into_bytes),
        ]
    }

    /// Every printed character is safe: no hidden character, and one line.
    fn safe_line(s: &str) -> bool {
        !s.contains('\n') && s.chars().all(|c| hangup::sanitize::classify(c).is_none())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(crate::harness::cases(128)))]

        #[test]
        fn the_sanitiser_lets_nothing_through(s in any::<String>()) {
            let one = hangup::sanitize::line(&s);
            prop_assert!(safe_line(&one), "{one:?}");
            let many = hangup::sanitize::text(&s);
            prop_assert!(many.split('\n').all(safe_line), "{many:?}");
            let html = hangup::sanitize::html(&s);
            prop_assert!(!html.contains('<') && !html.contains('>'));
        }

        #[test]
        fn progress_counts_settings_and_records_never_panic(bytes in file_bytes()) {
            let dir = tempfile::tempdir().expect("temp");
            for name in ["progress.toml", "counters.toml", "group-sessions.csv"] {
                std::fs::write(dir.path().join(name), &bytes).expect("w");
            }
            let day = hangup::progress::Day::parse("2026-01-01").expect("day");
            let loaded = hangup::progress::Store::new(dir.path().to_path_buf(), true).load(day);
            if let Some(n) = loaded.notice {
                prop_assert!(!n.contains('\n'));
            }
            let _ = hangup::stats::load(&dir.path().join("counters.toml"));
            let mut out = hangup::sanitize::Clean::new(Vec::new());
            let printed = hangup::stats::print(Some(dir.path()), true, &mut out);
            let text = String::from_utf8(out.into_inner()).expect("utf8");
            prop_assert!(text.split('\n').all(safe_line), "{text:?}");
            if let Err(e) = printed {
                // The message is made safe by the error itself, not only by `note`.
                prop_assert!(safe_line(&e.to_string()), "{e}");
            }
            let _ = hangup::group::record::read_all(dir.path());
            let text = String::from_utf8_lossy(&bytes);
            if let Err(e) = hangup::kiosk::config::parse(&text) {
                prop_assert!(safe_line(&e.to_string()), "{e}");
            }
        }

        #[test]
        fn the_checker_report_is_one_line_per_problem(bytes in file_bytes()) {
            let catalogue = Catalogue::builtin();
            let name = format!("a\n{}.toml", String::from_utf8_lossy(&bytes[..bytes.len().min(8)]));
            let report = hangup::check::Report {
                files: vec![check_bytes(name, &bytes, &catalogue)],
            };
            let mut out = Vec::new();
            hangup::check::render(&report, hangup::check::Format::Short, &mut out).expect("render");
            let text = String::from_utf8(out).expect("utf8");
            let problems = report.files[0].diagnostics.len();
            prop_assert_eq!(text.lines().count(), problems, "{}", text);
            prop_assert!(text.lines().all(safe_line), "{}", text);
        }
    }
}
