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

/// Write the hostile files into `dir` (for the tests that run the binary).
pub fn write_hostile_files(dir: &Path) {
    std::fs::write(
        dir.join("missing.toml"),
        hostile_gen::missing_next(MIB - 1024),
    )
    .expect("w");
    std::fs::write(dir.join("chain.toml"), hostile_gen::long_chain(MIB - 1024)).expect("w");
}

#[test]
fn check_prints_a_huge_report_quickly() {
    let dir = tempfile::tempdir().expect("temp");
    write_hostile_files(dir.path());
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
        assert!(took < Duration::from_secs(60), "{format}: {took:?}");
    }
}
