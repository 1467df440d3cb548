//! The real binary in plain mode, driven with piped input: the transcript is
//! plain text (no escape sequences), follows the documented contract, and the
//! program exits cleanly at the end of the call or of the input.

mod common;

fn run(args: &[&str], input: &str) -> (String, String, i32) {
    let data = tempfile::tempdir().expect("temp dir");
    common::run_binary(args, &[("HANGUP_DATA_DIR", data.path().as_os_str())], input)
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

#[test]
fn plays_a_whole_call_and_exits_zero() {
    let (out, err, code) = run(
        &[
            "--scenarios",
            FIXTURES,
            "play",
            "tiny",
            "--plain",
            "--seed",
            "1",
        ],
        "2\n1\n1\n1\n",
    );
    assert_eq!(code, 0, "stderr: {err}");
    assert!(!out.contains('\u{1b}'), "no escape sequences: {out:?}");
    assert!(out.contains("Choose 1-2"), "{out}");
    assert!(out.contains("  1) "), "{out}");
    assert!(out.contains("The call has ended."), "{out}");
    assert!(out.contains("What to do if this happens to you:"), "{out}");
    // The ending is the last thing printed.
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on a warning from"), "{last}");
}

#[test]
fn wrong_input_asks_again_and_end_of_input_exits_cleanly() {
    let (out, _, code) = run(
        &[
            "--scenarios",
            FIXTURES,
            "play",
            "tiny",
            "--plain",
            "--seed",
            "1",
        ],
        "banana\n7\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out.matches("Please type a number from 1 to 2.").count(),
        2,
        "{out}"
    );
    assert_eq!(out.matches("Choose 1-2").count(), 3, "{out}");
    assert!(!out.contains("The call has ended."));
}

#[test]
fn same_seed_gives_the_same_transcript() {
    let args = [
        "--scenarios",
        FIXTURES,
        "play",
        "tiny",
        "--plain",
        "--seed",
        "5",
    ];
    let a = run(&args, "1\n1\n1\n");
    let b = run(&args, "1\n1\n1\n");
    assert_eq!(a.0, b.0);
}

#[test]
fn help_and_repeat_at_the_prompt() {
    let (out, _, _) = run(
        &[
            "--scenarios",
            FIXTURES,
            "play",
            "tiny",
            "--plain",
            "--seed",
            "1",
        ],
        "?\nr\n",
    );
    assert!(
        out.contains("0300 123 2040"),
        "help card shows numbers: {out}"
    );
    let said = out.lines().filter(|l| l.contains(" says: ")).count();
    assert_eq!(said, 2, "r repeats the caller's words: {out}");
}

#[test]
fn start_menu_in_plain_mode_plays_and_quits() {
    let (out, _, code) = run(&["--scenarios", FIXTURES, "--seed", "1"], "q\n");
    assert_eq!(code, 0);
    assert!(out.contains("Choose a call to practise:"));
    assert!(out.contains("A tiny test call"));
}

#[test]
fn unknown_scenario_is_a_plain_error() {
    let (_, err, code) = run(&["play", "no-such-call", "--plain"], "");
    assert_eq!(code, 1);
    assert!(err.contains("There is no scenario called"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn list_starts_each_line_with_the_id_and_json_is_json() {
    let (out, _, code) = run(&["--scenarios", FIXTURES, "list"], "");
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("tiny ")), "{out}");
    let (json, _, code) = run(&["--scenarios", FIXTURES, "list", "--json"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let tiny = v
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["id"] == "tiny")
        .expect("tiny listed");
    assert_eq!(tiny["kind"], "scam");
    assert!(
        tiny["source"]
            .as_str()
            .unwrap_or_default()
            .contains("Test Police")
    );
}

#[test]
fn broken_file_is_skipped_with_a_note_and_good_ones_still_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        format!("{FIXTURES}/tiny.toml"),
        dir.path().join("tiny.toml"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("broken.toml"), "id = \"x\"\ntitle = \n").expect("write");
    let d = dir.path().to_string_lossy().to_string();
    let (out, _, code) = run(&["--scenarios", &d, "--plain"], "q\n");
    assert_eq!(code, 0);
    assert!(out.contains("A tiny test call"), "{out}");
    assert!(out.contains("broken.toml could not be used"), "{out}");
}

#[test]
fn issue_example_police_courier_plays_to_an_ending() {
    let (out, err, code) = run(
        &["play", "police-courier", "--plain", "--seed", "1"],
        "1\n1\n1\n1\n1\n1\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("The call has ended."), "{out}");
    assert!(!out.bytes().any(|b| b == 0x1b));
    assert!(!out.contains('┌') && !out.contains('│'), "no box drawing");
}

#[test]
fn seeds_repeat_exactly_and_differ_from_each_other() {
    let input = "1\n1\n1\n1\n1\n1\n1\n1\n";
    let mut differ = 0;
    for id in [
        "police-courier",
        "amazon-refund",
        "bank-safe-account",
        "hmrc-tax",
    ] {
        let a = run(&["play", id, "--plain", "--seed", "11"], input).0;
        let b = run(&["play", id, "--plain", "--seed", "11"], input).0;
        assert_eq!(a, b, "{id}: same seed, same transcript");
        let c = run(&["play", id, "--plain", "--seed", "12"], input).0;
        if a != c {
            differ += 1;
        }
    }
    assert!(differ >= 3, "different seeds should change most runs");
}

#[test]
fn scotland_region_uses_police_scotland() {
    let (out, _, code) = run(
        &[
            "play",
            "police-courier",
            "--plain",
            "--seed",
            "1",
            "--region",
            "scotland",
        ],
        "?\n",
    );
    assert_eq!(code, 0);
    assert!(out.contains("Police Scotland"), "{out}");
    assert!(
        !out.contains("0300 123 2040"),
        "Scotland reports to Police Scotland: {out}"
    );
    let (_, err, code) = run(
        &["play", "police-courier", "--plain", "--region", "mars"],
        "",
    );
    assert_eq!(code, 1);
    assert!(err.contains("no region called"), "{err}");
}

#[test]
fn a_real_call_cites_advice_not_a_warning() {
    let (out, _, code) = run(
        &["play", "gp-appointment", "--plain", "--seed", "3"],
        "1\n2\n3\n",
    );
    assert_eq!(code, 0);
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on advice from"), "{last}");
    assert!(out.contains("How to check a call safely:"), "{out}");
}
