//! The authoring commands through the real binary: exit codes and output.

use std::process::Command;

fn run(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_hangup"))
        .args(args)
        .env(
            "HANGUP_DATA_DIR",
            std::env::temp_dir().join("hangup-cli-check-tests"),
        )
        .output()
        .expect("the binary runs");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

const BROKEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/broken");

#[test]
fn builtin_scenarios_pass_the_checker() {
    let (out, err, code) = run(&["check", "--format", "short"]);
    assert_eq!(code, 0, "{out}{err}");
    // No findings at all: police-courier offers 999 once a courier is on the way.
    let found: Vec<&str> = out
        .lines()
        .filter(|l| l.contains(": warning[") || l.contains(": error["))
        .collect();
    assert!(found.is_empty(), "{out}");
}

#[test]
fn broken_folder_exits_one_and_names_file_line_and_column() {
    let (out, err, code) = run(&["check", BROKEN]);
    assert_eq!(code, 1, "{err}");
    assert!(!err.contains("panicked"));
    // The human format: the problem, then where it is on the next line.
    let at = |code: &str, place: &str| {
        out.split("\n\n").any(|d| {
            let mut lines = d.trim_start().lines();
            lines.next().is_some_and(|l| l.starts_with(code))
                && lines
                    .next()
                    .is_some_and(|l| l.trim_start().starts_with("--> ") && l.ends_with(place))
        })
    };
    assert!(at("error[H0203]", "five-problems.toml:32:8"), "{out}");
    assert!(at("error[H0406]", "five-problems.toml:22:34"), "{out}");
    assert!(!out.contains('\u{1b}'), "no escape byte reaches the screen");
}

/// A missing file is named in plain words through the real binary, in
/// every format: never the system's "No such file or directory (os error 2)".
#[test]
fn a_missing_file_is_said_plainly() {
    for format in ["human", "short", "json"] {
        let (out, err, code) = run(&["check", "--format", format, "no/such/call.toml"]);
        assert_eq!(code, 1, "{out}{err}");
        assert!(out.contains("H0107"), "{out}");
        assert!(
            out.contains("the file could not be opened (it was not found)"),
            "{format}: {out}"
        );
        assert!(
            !out.contains("os error") && !err.contains("os error"),
            "{out}{err}"
        );
    }
}

#[test]
fn formats_and_bad_usage() {
    let (short, _, code) = run(&["check", "--format", "short", BROKEN]);
    assert_eq!(code, 1);
    assert!(
        short.lines().all(|l| !l.starts_with("   |")),
        "short is one line each"
    );
    let (json, _, code) = run(&["check", "--format", "json", BROKEN]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert!(v["diagnostics"].as_array().is_some_and(|d| !d.is_empty()));
    let (_, _, code) = run(&["check", "--format", "colourful"]);
    assert_eq!(code, 2, "bad usage exits 2");
}

#[test]
fn schema_is_json_and_paths_lists_endings() {
    let (schema, _, code) = run(&["schema"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&schema).expect("schema is JSON");
    assert!(
        v["properties"]["steps"].is_object() || v["properties"]["step"].is_object(),
        "{v}"
    );
    let (paths, _, code) = run(&["paths", "police-courier"]);
    assert_eq!(code, 0);
    assert!(
        paths.contains("defrauded") && paths.contains("safe"),
        "{paths}"
    );
}
