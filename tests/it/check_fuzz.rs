//! Fuzz-style property tests: whatever bytes the checker is given, it returns a
//! scenario or diagnostics, renders them in every format, and never panics.

use hangup::check::{Format, Report, check_bytes, paths_report, render};
use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use proptest::prelude::*;

fn seeds() -> Vec<Vec<u8>> {
    let mut v: Vec<Vec<u8>> = BUILTIN_SCENARIOS
        .iter()
        .map(|(_, t)| t.as_bytes().to_vec())
        .collect();
    for f in [
        "tests/fixtures/tiny.toml",
        "tests/fixtures/broken/five-problems.toml",
        "tests/fixtures/broken/content.toml",
    ] {
        v.push(std::fs::read(f).expect("fixture"));
    }
    v
}

/// Check, render in all three formats, and (when it loads) list the paths.
fn exercise(bytes: &[u8]) {
    let cat = crate::harness::builtin_catalogue();
    let file = check_bytes("fuzz.toml".into(), bytes, &cat);
    for d in &file.diagnostics {
        if let Some(span) = &d.span {
            assert!(span.start <= span.end, "bad span {span:?}");
        }
    }
    let report = Report { files: vec![file] };
    for format in [Format::Human, Format::Short, Format::Json] {
        let mut out = Vec::new();
        render(&report, format, &mut out).expect("render to memory");
        assert!(!out.contains(&0x1b), "ESC written to the terminal");
    }
    if let Ok(s) = parse_scenario(bytes, &cat) {
        let _ = paths_report(&s, &cat);
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
}

fn apply(mut bytes: Vec<u8>, muts: &[Mutation]) -> Vec<u8> {
    for m in muts {
        match *m {
            Mutation::Flip(at, x) if !bytes.is_empty() => {
                let i = at % bytes.len();
                bytes[i] ^= x;
            }
            Mutation::Insert(at, b) => {
                let i = at % (bytes.len() + 1);
                bytes.insert(i, b);
            }
            Mutation::DeleteLine(n) | Mutation::DuplicateLine(n) | Mutation::SwapLines(n, _) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
                let i = n % lines.len();
                match *m {
                    Mutation::DeleteLine(_) => {
                        lines.remove(i);
                    }
                    Mutation::DuplicateLine(_) => {
                        let l = lines[i].clone();
                        lines.insert(i, l);
                    }
                    Mutation::SwapLines(_, other) => {
                        let j = other % lines.len();
                        lines.swap(i, j);
                    }
                    _ => {}
                }
                bytes = lines.join(&b'\n');
            }
            Mutation::Flip(..) => {}
        }
    }
    bytes
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1..=255u8).prop_map(|(a, b)| Mutation::Flip(a, b)),
        (
            any::<usize>(),
            prop_oneof![
                Just(b'{'),
                Just(b'}'),
                Just(b'"'),
                Just(b'['),
                Just(0x1b),
                Just(b'='),
                any::<u8>()
            ]
        )
            .prop_map(|(a, b)| Mutation::Insert(a, b)),
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: crate::harness::cases(256), ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        exercise(&bytes);
    }

    #[test]
    fn random_tomlish_text_never_panics(text in "[a-z\\[\\]{}=\"'#\\n ._0-9\\\\\u{1b}\u{202e}日]{0,400}") {
        exercise(text.as_bytes());
    }

    #[test]
    fn mutated_scenarios_never_panic(
        seed in any::<prop::sample::Index>(),
        muts in proptest::collection::vec(mutation(), 1..8),
    ) {
        let seeds = seeds();
        let base = seeds[seed.index(seeds.len())].clone();
        exercise(&apply(base, &muts));
    }
}

#[test]
fn every_tiny_line_deleted_in_turn_never_panics() {
    // Deterministic sweep over the tiny fixture: delete each line once.
    let tiny = std::fs::read("tests/fixtures/tiny.toml").expect("tiny");
    let lines = tiny.split(|&b| b == b'\n').count();
    for n in 0..lines {
        let bytes = apply(tiny.clone(), &[Mutation::DeleteLine(n)]);
        exercise(&bytes);
    }
}
