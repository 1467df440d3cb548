//! Unit tests of `hangup::kiosk::config` (were in src/kiosk/config.rs).

use hangup::kiosk::config::*;
use std::path::PathBuf;

#[test]
fn a_full_file() {
    let c = parse(
        "idle-timeout = 90\nidle-warning = 30\npin = \"0246\"\nregion = \"scotland\"\nscenarios = \"s\"\ndata-dir = \"/var/lib/hangup\"\nlarge = true\n",
    )
    .expect("parses");
    assert_eq!(c.idle_timeout, Some(90));
    assert_eq!(c.large, Some(true));
    assert_eq!(c.pin.as_deref(), Some("0246"));
    let welsh = parse("language = \"cy\"\n").expect("parses");
    assert_eq!(welsh.language.as_deref(), Some("cy"));
    let e = parse("language = \"fr\"\n")
        .expect_err("unknown language")
        .to_string();
    assert!(
        e.contains("Choose one of: en-GB (English), cy (Cymraeg)"),
        "{e}"
    );
    assert_eq!(c.data_dir, Some(PathBuf::from("/var/lib/hangup")));
}

#[test]
fn speech_can_be_set_in_the_file() {
    let c = parse("speak = true\nspeak-command = \"espeak-ng -v cy\"\n").expect("parses");
    assert_eq!(c.speak, Some(true));
    assert_eq!(c.speak_command.as_deref(), Some("espeak-ng -v cy"));
    let e = parse("speek = true\n").expect_err("unknown").to_string();
    assert!(e.contains("Did you mean \"speak\"?"), "{e}");
    let e = parse("speak = \"yes\"\n").expect_err("text").to_string();
    assert!(e.contains("line 1"), "{e}");
}

#[test]
fn an_empty_file_is_fine() {
    assert_eq!(parse("").expect("parses"), Config::default());
}

#[test]
fn unknown_settings_are_named_in_plain_words() {
    let e = parse("idel-timeout = 5\n")
        .expect_err("unknown")
        .to_string();
    assert_eq!(
        e,
        "\"idel-timeout\" is not a setting hangup knows. Did you mean \"idle-timeout\"?"
    );
    let e = parse("colour = \"red\"\n")
        .expect_err("unknown")
        .to_string();
    assert!(e.contains("The settings are: idle-timeout"), "{e}");
}

#[test]
fn bad_values_are_explained() {
    assert!(
        parse("pin = 2468\n")
            .expect_err("number")
            .to_string()
            .contains("in quotes")
    );
    assert!(
        parse("pin = \"12\"\n")
            .expect_err("short")
            .to_string()
            .contains("4 to 12 digits")
    );
    assert!(
        parse("pin = \"12ab\"\n")
            .expect_err("letters")
            .to_string()
            .contains("digits")
    );
    assert!(
        parse("idle-timeout = 0\n")
            .expect_err("zero")
            .to_string()
            .contains("at least 1")
    );
    let e = parse("large = \"yes\"\n").expect_err("text").to_string();
    assert!(
        e.starts_with("a setting has the wrong kind of value on line 1"),
        "{e}"
    );
    let e = parse("idle-timeout = 9223372036854775807\n")
        .expect_err("huge")
        .to_string();
    assert!(e.contains("at most 86400 seconds"), "{e}");
    let e = parse("idle-warning = 3601\n")
        .expect_err("huge")
        .to_string();
    assert!(e.contains("at most 3600 seconds"), "{e}");
    let e = parse("idle-timeout = -5\n")
        .expect_err("negative")
        .to_string();
    assert!(e.contains("line 1"), "{e}");
    let e = parse("idle-timeout = \"soon\"\n")
        .expect_err("text")
        .to_string();
    assert!(e.contains("line 1"), "{e}");
    let e = parse("pin = \"1234\"\nidle-warning = [\n")
        .expect_err("broken")
        .to_string();
    assert!(e.starts_with("it is not written correctly"), "{e}");
    assert!(!e.contains('\n'), "one line: {e}");
}
