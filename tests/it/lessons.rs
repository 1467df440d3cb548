//! The lesson lints (`hangup check`, codes H09xx): a fixture with every defect
//! triggers every code in one run, each with a line and column, and every
//! built-in call passes them.

use std::collections::BTreeSet;
use std::path::PathBuf;

use hangup::check::lessons::lint;
use hangup::check::{Format, check_builtin, run_check};
use hangup::engine::Catalogue;
use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::model::Scenario;

/// Kept out of tests/fixtures: it loads (these lints do not stop a call being
/// played), and the tests that list the fixtures folder must not see it.
const FIXTURE: &str = "tests/lint/lessons.toml";

#[test]
fn every_lesson_defect_is_found_in_one_run_with_its_place() {
    let mut out = Vec::new();
    let code = run_check(&[PathBuf::from(FIXTURE)], None, Format::Json, &mut out);
    assert_eq!(code, 1, "H0901 and H0904 are errors");
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json output parses");
    let found: Vec<(String, u64, u64)> = doc["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    let has = |code: &str, line: u64, col: u64| {
        found
            .iter()
            .any(|(c, l, k)| c == code && *l == line && *k == col)
    };
    // (code, line, column) in tests/lint/lessons.toml.
    for (code, line, col) in [
        ("H0901", 9, 11),  // the scenario's action, used by "safe-end", has no clear-line
        ("H0901", 75, 11), // ending "lost" gives its own action, without clear-line
        ("H0902", 50, 27), // "call 101" just after "A courier will come"
        ("H0903", 26, 6),  // the safer choice is the longest in both decisions
        ("H0904", 38, 15), // "Press 1" in a shuffled step: points at the "1"
        ("H0905", 27, 35), // ". the offer"
        ("H0906", 74, 56), // "your {item}" with item = "a new card" / "some new cards"
        ("H0907", 27, 52), // "on tomorrow"
    ] {
        assert!(
            has(code, line, col),
            "missing {code} at {line}:{col}: {found:?}"
        );
    }
    let codes: BTreeSet<&str> = found.iter().map(|f| f.0.as_str()).collect();
    for c in [
        "H0901", "H0902", "H0903", "H0904", "H0905", "H0906", "H0907",
    ] {
        assert!(codes.contains(c), "{c} not reported: {found:?}");
    }
    // One report per slip kind per text, however many variants show it.
    let h0906 = found.iter().filter(|f| f.0 == "H0906").count();
    assert_eq!(h0906, 2, "one per happened line: {found:?}");
}

#[test]
fn the_human_report_names_file_line_and_column() {
    let mut out = Vec::new();
    run_check(&[PathBuf::from(FIXTURE)], None, Format::Short, &mut out);
    let text = String::from_utf8(out).expect("utf-8");
    assert!(text.contains("lessons.toml:38:15: error[H0904]"), "{text}");
    assert!(
        text.contains("lessons.toml:50:27: warning[H0902]"),
        "{text}"
    );
}

#[test]
fn every_builtin_call_passes_the_lesson_lints() {
    let report = check_builtin(None);
    let mut problems = Vec::new();
    for f in &report.files {
        for d in &f.diagnostics {
            problems.push(format!("{}: {} {}", f.path, d.code, d.message));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// H0902 follows memory: police-courier offers 101 only `unless` the courier
/// was arranged, and 999 `when` it was. A copy without the `unless` lines
/// offers 101 on courier paths, and is reported.
#[test]
fn h0902_follows_memory_in_police_courier() {
    let (_, text) = BUILTIN_SCENARIOS
        .iter()
        .find(|(n, _)| n.starts_with("police-courier"))
        .expect("police-courier is built in");
    let c = Catalogue::builtin();
    let h0902 = |s: &Scenario| {
        lint(s, Some(text))
            .iter()
            .filter(|d| d.code == "H0902")
            .count()
    };
    let mut s = parse_scenario(text.as_bytes(), &c).expect("loads");
    assert_eq!(h0902(&s), 0);
    // The deliberately wrong copy: the 101 choices lose their `unless`.
    let mut dropped = 0;
    for c in s.steps.iter_mut().flat_map(|st| st.choices.iter_mut()) {
        if c.unless
            .as_ref()
            .is_some_and(|u| u.get_ref() == "courier-arranged")
        {
            c.unless = None;
            dropped += 1;
        }
    }
    assert_eq!(dropped, 3);
    // after-hangup's 101 choice, trap's and trap-again's (reached on repeat).
    assert_eq!(
        h0902(&s),
        3,
        "the copy without `unless` offers 101 after a courier"
    );
}
