//! Fuzzing in `cargo test` (proptest; modest case counts so it stays quick):
//!
//! - the scenario loader: random bytes, and random mutations of the real
//!   scenario files, through `parse_scenario`; whatever loads is then built
//!   (`Script::build`), every path through it is played, and it is drawn;
//! - the plain-mode input parser: random input lines into `Plain::play` for
//!   every built-in scenario and into `Plain::menu`: never a panic, always ends,
//!   and the output never holds an escape character.
//!
//! (The checker is fuzzed in tests/check*.rs.)

use crate::harness;

use std::collections::HashSet;

use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::{Catalogue, Library, Phase, Script, Session};
use hangup::plain::Plain;
use hangup::tui::app::Action;
use proptest::prelude::*;

/// The real scenario files: every built-in one and the test fixture.
fn real_files() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = BUILTIN_SCENARIOS
        .iter()
        .map(|(_, text)| text.as_bytes().to_vec())
        .collect();
    v.push(include_bytes!("../fixtures/tiny.toml").to_vec());
    v
}

/// Walk every step and every choice once; every ending is reached and scored.
fn play_all_paths(script: Script) {
    let mut first = Session::new(script);
    first.answer();
    let mut stack = vec![first];
    let mut seen = HashSet::new();
    let mut budget = 100_000usize;
    while let Some(s) = stack.pop() {
        budget = budget.checked_sub(1).expect("the walk ends");
        match s.phase() {
            Phase::Deciding { step } => {
                if !seen.insert(step) {
                    continue;
                }
                for i in 0..s.step(step).choices.len() {
                    let mut c = s.clone();
                    assert!(c.choose(i).is_ok(), "choice {i} of step {step}");
                    assert!(c.current_choice().is_some());
                    c.next();
                    stack.push(c);
                }
            }
            Phase::Ended { .. } => {
                assert!(s.result().is_some(), "an ended call has a result");
                let _ = s.replay();
                let _ = s.tricks_met();
                let mut u = s.clone();
                while u.undo() {}
            }
            other => panic!("unexpected phase {other:?} after a choice"),
        }
    }
}

/// Everything a loaded scenario goes through after loading.
fn exercise(bytes: &[u8], catalogue: &Catalogue) {
    let Ok(scenario) = parse_scenario(bytes, catalogue) else {
        return;
    };
    for (seed, region) in [(0u64, "ewni"), (1, "scotland"), (u64::MAX, "nowhere")] {
        let script = Script::build(&scenario, catalogue, region, seed);
        play_all_paths(script.clone());
        // Plain mode with "always 1": no escape characters reach the screen.
        let mut out = Vec::new();
        let input = "1\n".repeat(200);
        let mut p = Plain::new(input.as_bytes(), &mut out, catalogue, region);
        p.play(script).expect("plain play to a Vec");
        assert!(!out.contains(&0x1b), "ESC in plain output");
    }
    // The terminal front end draws it at a few sizes.
    let lib = Library {
        catalogue: catalogue.clone(),
        scenarios: vec![scenario],
        skipped: Vec::new(),
    };
    let o = &harness::options()[0];
    let mut app = harness::new_app(&lib, o);
    for a in [
        Action::Redraw,
        Action::Pick(0),
        Action::Select,
        Action::Pick(0),
        Action::PageDown,
        Action::Select,
    ] {
        app.update(a);
        for (w, h) in [(80, 24), (40, 12)] {
            let t = harness::render_checked(&app, w, h);
            for cell in t.backend().buffer().content() {
                assert!(
                    !cell.symbol().contains('\x1b'),
                    "ESC in a drawn cell: {:?}",
                    cell.symbol()
                );
            }
        }
    }
}

/// One edit to a file.
#[derive(Debug, Clone)]
enum Edit {
    /// Overwrite one byte.
    Flip(prop::sample::Index, u8),
    /// Remove a run of bytes.
    Delete(prop::sample::Index, usize),
    /// Insert bytes (random, or a nasty snippet).
    Insert(prop::sample::Index, Vec<u8>),
    /// Repeat a line (duplicate keys and tables).
    DupLine(prop::sample::Index),
    /// Swap two lines (references before definitions, tables out of order).
    SwapLines(prop::sample::Index, prop::sample::Index),
    /// Cut the file short.
    Truncate(prop::sample::Index),
}

/// Snippets that hit known edges: control characters and escapes inside
/// strings, placeholders, wrong types, huge numbers, odd Unicode.
const SNIPPETS: &[&str] = &[
    "\\u001b[2J",
    "\\u009b31m",
    "\u{7}",
    "{",
    "}",
    "{nope}",
    "{amount}{amount}",
    "\"",
    "'''",
    "\n[[step]]\nid = \"x\"\n",
    "\n[[ending]]\n",
    "next = \"nowhere\"\n",
    "next = \"hello\"\n",
    " = 99999999999999999999\n",
    "\u{202e}",
    "\u{200d}\u{fe0f}",
    "👩‍👩‍👧‍👦",
    "\r\n",
    "\t",
    "\u{0}",
    "é\u{301}",
    "ﾊﾞ",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Edit::Flip(i, b)),
        (any::<prop::sample::Index>(), 1usize..64).prop_map(|(i, n)| Edit::Delete(i, n)),
        (
            any::<prop::sample::Index>(),
            prop::collection::vec(any::<u8>(), 1..8)
        )
            .prop_map(|(i, v)| Edit::Insert(i, v)),
        (any::<prop::sample::Index>(), 0..SNIPPETS.len())
            .prop_map(|(i, k)| Edit::Insert(i, SNIPPETS[k].as_bytes().to_vec())),
        any::<prop::sample::Index>().prop_map(Edit::DupLine),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>())
            .prop_map(|(a, b)| Edit::SwapLines(a, b)),
        any::<prop::sample::Index>().prop_map(Edit::Truncate),
    ]
}

fn apply(mut bytes: Vec<u8>, e: &Edit) -> Vec<u8> {
    if bytes.is_empty() {
        return bytes;
    }
    let split_lines =
        |b: &[u8]| -> Vec<Vec<u8>> { b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect() };
    match e {
        Edit::Flip(i, b) => {
            let at = i.index(bytes.len());
            bytes[at] = *b;
        }
        Edit::Delete(i, n) => {
            let at = i.index(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Edit::Insert(i, v) => {
            let at = i.index(bytes.len() + 1);
            bytes.splice(at..at, v.iter().copied());
        }
        Edit::DupLine(i) => {
            let mut lines = split_lines(&bytes);
            let at = i.index(lines.len());
            let l = lines[at].clone();
            lines.insert(at, l);
            bytes = lines.join(&b'\n');
        }
        Edit::SwapLines(a, b) => {
            let mut lines = split_lines(&bytes);
            let (x, y) = (a.index(lines.len()), b.index(lines.len()));
            lines.swap(x, y);
            bytes = lines.join(&b'\n');
        }
        Edit::Truncate(i) => {
            let at = i.index(bytes.len());
            bytes.truncate(at);
        }
    }
    bytes
}

/// Lines a visitor (or a script, or line noise) might type in plain mode.
fn input_line() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        (0u32..12).prop_map(|n| n.to_string().into_bytes()),
        Just(b"".to_vec()),
        Just(b"   ".to_vec()),
        Just(b"?".to_vec()),
        Just(b"help".to_vec()),
        Just(b"r".to_vec()),
        Just(b"q".to_vec()),
        Just(b"-1".to_vec()),
        Just(b"99999999999999999999999999".to_vec()),
        Just(b" 2 ".to_vec()),
        Just(b"1.5".to_vec()),
        Just(b"\x1b[A".to_vec()),
        Just(b"\x1b]0;title\x07".to_vec()),
        Just(b"\xff\xfe\x00".to_vec()),
        Just("١".as_bytes().to_vec()),
        Just(b"\r".to_vec()),
        Just(vec![b'7'; 10_000]),
        prop::collection::vec(any::<u8>(), 0..40)
            .prop_map(|v| v.into_iter().filter(|&b| b != b'\n').collect()),
    ]
}

fn input(lines: &[Vec<u8>], final_newline: bool) -> Vec<u8> {
    let mut v = lines.join(&b'\n');
    if final_newline {
        v.push(b'\n');
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(harness::cases(256)))]

    #[test]
    fn random_bytes_never_panic_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let catalogue = harness::builtin_catalogue();
        exercise(&bytes, &catalogue);
    }

    #[test]
    fn random_toml_like_text_never_panics_the_loader(
        text in "(id|title|kind|start|next|says|\\[\\[step\\]\\]|\\[\\[ending\\]\\]|\\[\\[step.choice\\]\\]|[a-z]{1,6}|=|\"[a-z {}]{0,12}\"|\\n|\\[|\\]|,| ){0,80}"
    ) {
        let catalogue = harness::builtin_catalogue();
        exercise(text.as_bytes(), &catalogue);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(harness::cases(96)))]

    #[test]
    fn mutated_real_scenarios_never_panic(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let catalogue = harness::builtin_catalogue();
        let files = real_files();
        let mut bytes = which.get(&files).clone();
        for e in &edits {
            bytes = apply(bytes, e);
        }
        exercise(&bytes, &catalogue);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(harness::cases(16)))]

    #[test]
    fn plain_mode_survives_any_input(
        lines in prop::collection::vec(input_line(), 0..60),
        final_newline in any::<bool>(),
        seed in any::<u64>(),
    ) {
        let lib = harness::library();
        let bytes = input(&lines, final_newline);
        for s in &lib.scenarios {
            for region in ["ewni", "scotland"] {
                let script = Script::build(s, &lib.catalogue, region, seed);
                let mut out = Vec::new();
                let mut p = Plain::new(&bytes[..], &mut out, &lib.catalogue, region);
                // Terminates: the input is finite, and each read consumes a line.
                p.play(script).expect("plain play to a Vec");
                prop_assert!(!out.contains(&0x1b), "ESC in plain output");
                prop_assert!(std::str::from_utf8(&out).is_ok(), "output is UTF-8");
            }
        }
        let mut out = Vec::new();
        let mut n = seed;
        let mut p = Plain::new(&bytes[..], &mut out, &lib.catalogue, "ewni");
        p.menu(&lib, || { n = n.wrapping_add(1); n }).expect("menu to a Vec");
        prop_assert!(!out.contains(&0x1b), "ESC in plain menu output");
    }
}

#[test]
fn every_real_file_is_exercised_unchanged() {
    // The harness itself: the unmutated files load and every path plays.
    let catalogue = Catalogue::builtin();
    for bytes in real_files() {
        assert!(parse_scenario(&bytes, &catalogue).is_ok());
        exercise(&bytes, &catalogue);
    }
}

#[test]
fn nasty_text_inside_a_scenario_is_refused_or_shown_safely() {
    // Mutations rarely leave a file loadable, so put each snippet where it
    // would load if allowed: inside the text the caller says, and in a variant.
    let catalogue = Catalogue::builtin();
    let base = String::from_utf8(include_bytes!("../fixtures/tiny.toml").to_vec()).expect("utf-8");
    let mut loaded = 0;
    for s in SNIPPETS {
        if s.contains(['"', '\n', '\r', '{', '}']) {
            continue;
        }
        for (from, to) in [
            ("Hello, this is", format!("Hello{s}, this is")),
            ("\"Sam Jones\"", format!("\"Sam{s}Jones\"")),
        ] {
            let text = base.replacen(from, &to, 1);
            assert_ne!(text, base);
            let r = parse_scenario(text.as_bytes(), &catalogue);
            if s.starts_with("\\u00") {
                assert!(r.is_err(), "a terminal escape ({s}) is refused at load");
            }
            loaded += usize::from(r.is_ok());
            exercise(text.as_bytes(), &catalogue);
        }
    }
    assert!(loaded >= 3, "some snippets load and are drawn ({loaded})");
}
