//! A step's own channel and sender, a marked time jump, and a call that opens
//! with a text before the phone rings: in the engine, the checker, the screen
//! model and the real binary in plain mode.

use hangup::engine::library::{check_scenario, parse_scenario};
use hangup::engine::script::Role;
use hangup::engine::{Catalogue, Medium, Script};

use crate::common;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/channels.toml");

fn script() -> Script {
    let bytes = std::fs::read(FILE).expect("fixture");
    let c = Catalogue::builtin();
    let s = parse_scenario(&bytes, &c).unwrap_or_else(|p| panic!("{p:#?}"));
    let mut script = Script::build(&s, &c, "ewni", 1);
    // The engine gives an arrival as data; the wording puts in its sentence.
    hangup::present::wording::word_script(&mut script);
    script
}

#[test]
fn a_call_can_open_with_a_text_before_the_phone_rings() {
    let sc = script();
    // The first screen is a text arriving, from the text's own sender.
    assert_eq!(sc.medium, Medium::Message);
    assert_eq!(sc.caller_number, "BANK");
    let first = &sc.steps[sc.start];
    assert_eq!(first.says_role(), Role::Message);
    // Its arrival is the first screen, so it is not told twice.
    assert!(first.lines.iter().all(|l| l.role != Role::Narration));
}

#[test]
fn a_later_step_has_its_time_jump_channel_and_caller_id() {
    let sc = script();
    let call = sc.steps.iter().find(|s| s.id == "call").expect("call step");
    assert_eq!(call.time.as_deref(), Some("Ten minutes later."));
    let texts: Vec<(Role, &str)> = call
        .lines
        .iter()
        .map(|l| (l.role, l.text.as_str()))
        .collect();
    assert_eq!(
        texts[..3],
        [
            (Role::Narration, "Ten minutes later."),
            (
                Role::Narration,
                "Your phone rings. The screen shows: Private number."
            ),
            (
                Role::Speech,
                "Hello, this is Sam from your bank. Did you get our text?"
            ),
        ]
    );
    assert_eq!(call.says_role(), Role::Speech);
}

#[test]
fn plain_mode_marks_the_time_jump_and_shows_the_new_caller_id() {
    let data = tempfile::tempdir().expect("temp dir");
    let (out, _, code) = common::run_binary(
        &["play", FILE, "--plain", "--seed", "1"],
        &[("HANGUP_DATA_DIR", data.path().as_os_str())],
        "1\n1\n1\n1\n1\n",
    );
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("Screen: A text message has arrived.\n"),
        "{out}"
    );
    assert!(out.contains("It is from: BANK\n"), "{out}");
    assert!(
        out.contains("The message says: \"Did you pay £950 to Kay Stores?"),
        "{out}"
    );
    // The time jump is a line of its own, before the new call.
    assert!(
        out.contains(
            "\nTen minutes later.\nYour phone rings. The screen shows: Private number.\nSam says: \"Hello"
        ),
        "{out}"
    );
}

#[test]
fn a_sender_needs_a_channel() {
    let text = std::fs::read_to_string(FILE).expect("fixture");
    let broken = text.replacen("channel = \"call\"\n", "", 1);
    assert_ne!(broken, text);
    let (_, found) = check_scenario(broken.as_bytes(), &Catalogue::builtin());
    let codes: Vec<&str> = found
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["H0509"], "{found:#?}");
    let d = found.iter().find(|d| d.code == "H0509").expect("H0509");
    let at = d.span.clone().expect("a place");
    assert_eq!(&broken[at], "\"Private number\"");
}

#[test]
fn a_channel_that_does_not_exist_is_named_with_the_ones_that_do() {
    let text = std::fs::read_to_string(FILE).expect("fixture");
    let broken = text.replacen("channel = \"call\"", "channel = \"phone\"", 1);
    let (_, found) = check_scenario(broken.as_bytes(), &Catalogue::builtin());
    let d = found.iter().find(|d| d.is_error()).expect("an error");
    assert_eq!(d.code, "H0103");
    assert!(d.message.contains("\"voice-note\""), "{}", d.message);
}

#[test]
fn play_file_with_a_built_in_id_plays_the_file() {
    // An author proof-reads an edited copy of a built-in call: the copy plays.
    let dir = tempfile::tempdir().expect("temp dir");
    let english = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/gift-card-voucher.toml"
    ))
    .expect("built-in");
    let edited = english.replacen("We need your help", "We really need your help", 1);
    assert_ne!(edited, english);
    let path = dir.path().join("copy.toml");
    std::fs::write(&path, edited).expect("write");
    let path = path.to_string_lossy().to_string();
    let (out, _, _) = common::run_binary(
        &["play", &path, "--plain", "--seed", "1"],
        &[("HANGUP_DATA_DIR", dir.path().as_os_str())],
        "",
    );
    assert!(out.contains("We really need your help"), "{out}");
}
