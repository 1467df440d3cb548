//! Unit tests of `hangup::error` (were in src/error.rs).

use hangup::error::*;
use std::io;
use std::path::{Path, PathBuf};

/// Words that would puzzle a volunteer: Rust's and the system's.
const JARGON: &[&str] = &[
    "os error",
    "Os {",
    "Error {",
    "Some(",
    "None",
    "unwrap",
    "panicked",
    "ErrorKind",
    "errno",
    "UTF8Error",
    "PathBuf",
    "\"\"",
];

fn io(kind: io::ErrorKind) -> io::Error {
    io::Error::from(kind)
}

/// One of every variant, each naming the file (or the word) it is about.
fn every() -> Vec<(Error, &'static str)> {
    let p = || PathBuf::from("/data/club/counters.toml");
    vec![
        (
            Error::read(FileKind::Counts, &p(), io(io::ErrorKind::PermissionDenied)),
            "counters.toml",
        ),
        (
            Error::NotText {
                what: FileKind::Settings,
                path: p(),
            },
            "counters.toml",
        ),
        (
            Error::TooBig {
                what: FileKind::Scenario,
                path: p(),
                limit: 4 * 1024 * 1024,
            },
            "counters.toml",
        ),
        (
            Error::Damaged {
                what: FileKind::Counts,
                path: p(),
                why: "expected a table".into(),
            },
            "counters.toml",
        ),
        (
            Error::write(&p(), io(io::ErrorKind::StorageFull)),
            "counters.toml",
        ),
        (
            Error::write(&p(), io(io::ErrorKind::AlreadyExists)),
            "counters.toml",
        ),
        (Error::Output(io(io::ErrorKind::BrokenPipe)), "written out"),
        (Error::Screen(io(io::ErrorKind::Other)), "screen"),
        (
            Error::ProgressNotDeleted {
                path: p(),
                source: io(io::ErrorKind::PermissionDenied),
            },
            "counters.toml",
        ),
        (Error::NoDataFolder(DataFor::Counts), "--data-dir"),
        (Error::NoDataFolder(DataFor::Progress), "--data-dir"),
        (Error::NoDataFolder(DataFor::Notes), "--data-dir"),
        (Error::ScenariosIsAFile(p()), "counters.toml"),
        (Error::ScenariosNotFound(p()), "counters.toml"),
        (Error::PinNotInQuotes.in_settings(&p()), "counters.toml"),
        (
            Error::SettingsNotToml {
                line: Some(3),
                why: "expected `=`".into(),
            },
            "line 3",
        ),
        (
            Error::UnknownSetting {
                key: "idel-timeout".into(),
                near: Some("idle-timeout"),
                known: &["idle-timeout"],
            },
            "idel-timeout",
        ),
        (
            Error::SettingValue {
                line: Some(2),
                why: "invalid type".into(),
            },
            "line 2",
        ),
        (Error::PinDigits { max: 12 }, "pin"),
        (
            Error::TooFewSeconds {
                name: "idle-timeout".into(),
            },
            "idle-timeout",
        ),
        (
            Error::TooManySeconds {
                name: "idle-warning".into(),
                value: 4000,
                max: 3600,
            },
            "an hour",
        ),
        (Error::UnknownLanguage("fr".into()), "\"fr\""),
        (Error::NoLanguageToTranslateInto, "--language"),
        (
            Error::UnknownRegion {
                name: "mars".into(),
                choices: vec!["ewni".into(), "scotland".into()],
            },
            "mars",
        ),
        (
            Error::NoSuchCall {
                id: "bank-scam".into(),
                near: vec!["bank-safe-account".into()],
            },
            "bank-scam",
        ),
        (
            Error::ScenarioProblems {
                path: p(),
                summary: "2 problems".into(),
            },
            "counters.toml",
        ),
        (
            Error::NotTomlYet {
                name: "my-call.toml".into(),
                line: 2,
                column: 7,
                why: "expected `]`".into(),
            },
            "my-call.toml:2:7",
        ),
        (
            Error::TooBigToDraw {
                nodes: 300,
                edges: 900,
                max_nodes: 200,
                max_edges: 600,
            },
            "--format dot",
        ),
        (Error::NotDrawable("unsupported".into()), "drawn"),
        (Error::NothingToTranslate("nope.toml".into()), "nope.toml"),
        (
            Error::QuickCheck {
                line: Some(4),
                why: "missing field `id`".into(),
            },
            "line 4",
        ),
        (Error::GroupNeedsScreen, "hangup script"),
        (Error::NotesNeedUnix, "Linux"),
        (Error::KioskNeedsTerminal, "terminal"),
        (Error::NotADate("tomorrow".into()), "tomorrow"),
    ]
}

#[test]
fn every_message_is_plain_and_names_what_it_is_about() {
    for (e, names) in every() {
        let m = e.to_string();
        assert!(m.contains(names), "{m:?} should name {names:?}");
        for j in JARGON {
            assert!(!m.contains(j), "{m:?} has jargon {j:?}");
        }
        assert!(!m.contains('\n'), "one line: {m:?}");
        assert!(m.len() < 240, "short: {m:?}");
        // Sentences of at most 25 words.
        for sentence in m.split(". ") {
            let words = sentence.split_whitespace().count();
            assert!(words <= 25, "{words} words in {sentence:?}");
        }
    }
}

#[test]
fn file_errors_say_what_the_file_is_and_why() {
    let e = Error::read(
        FileKind::Counts,
        Path::new("/srv/kiosk/counters.toml"),
        io(io::ErrorKind::PermissionDenied),
    );
    assert_eq!(
        e.to_string(),
        "the counts file /srv/kiosk/counters.toml could not be read (permission was refused)"
    );
    let e = Error::write(Path::new("handout.html"), io(io::ErrorKind::AlreadyExists));
    assert_eq!(
        e.to_string(),
        "\"handout.html\" is already there, so it was not replaced. To replace it, add --force."
    );
    let e = Error::write(Path::new("/nowhere/x.html"), io(io::ErrorKind::NotFound));
    assert_eq!(
        e.to_string(),
        "could not write \"/nowhere/x.html\" (its folder was not found)"
    );
    let e = Error::PinDigits { max: 12 }.in_settings(Path::new("/etc/hangup/kiosk.toml"));
    assert_eq!(
        e.to_string(),
        "the settings file /etc/hangup/kiosk.toml: the pin must be 4 to 12 digits, for example pin = \"2468\"."
    );
    assert!(std::error::Error::source(&e).is_some(), "the cause is kept");
}

#[test]
fn hostile_names_reach_the_terminal_safely() {
    let nasty = "evil\u{1b}[2J\nname\u{202e}.toml";
    for e in [
        Error::read(
            FileKind::Scenario,
            Path::new(nasty),
            io(io::ErrorKind::NotFound),
        ),
        Error::NoSuchCall {
            id: nasty.into(),
            near: vec![nasty.into()],
        },
        Error::UnknownLanguage(nasty.into()),
        Error::NotTomlYet {
            name: nasty.into(),
            line: 1,
            column: 1,
            why: nasty.into(),
        },
        Error::Damaged {
            what: FileKind::Counts,
            path: nasty.into(),
            why: nasty.into(),
        },
    ] {
        let m = e.to_string();
        assert!(
            m.chars().all(|c| hangup::sanitize::classify(c).is_none()),
            "{m:?}"
        );
        assert!(!m.contains('\n'), "{m:?}");
    }
}

#[test]
fn system_errors_become_words() {
    assert_eq!(plain_io(&io(io::ErrorKind::NotFound)), "it was not found");
    assert_eq!(
        plain_io(&io(io::ErrorKind::StorageFull)),
        "the disk is full"
    );
    let raw = io::Error::from_raw_os_error(5);
    let said = plain_io(&raw);
    assert!(!said.contains("os error"), "{said}");
    assert!(!said.is_empty());
    assert_eq!(
        plain_io(&io::Error::other(
            "it is bigger than 64 KiB, the most hangup reads"
        )),
        "it is bigger than 64 KiB, the most hangup reads"
    );
}

#[test]
fn a_reader_going_away_is_not_a_failure() {
    assert!(Error::Output(io(io::ErrorKind::BrokenPipe)).is_broken_pipe());
    assert!(!Error::Output(io(io::ErrorKind::StorageFull)).is_broken_pipe());
    assert!(!Error::GroupNeedsScreen.is_broken_pipe());
}

#[test]
fn lines_are_counted_safely() {
    assert_eq!(line_at("a\nb\nc", 0), 1);
    assert_eq!(line_at("a\nb\nc", 2), 2);
    assert_eq!(line_at("a\nb\nc", 99), 3);
    // Inside a character: counted to the end, never a panic.
    assert_eq!(line_at("é\n", 1), 2);
}
