//! One-mistake copies of a realistic call: each gets exactly the diagnostics it
//! should, at the right line and column, with the right hint (or none), and no
//! flood of follow-on problems. The base (tests/fixtures/mistakes/base.toml) is
//! police-courier with memory, lines and on_repeat. Problems the base file has
//! already (content warnings) are left out of each comparison.

use hangup::check::{Format, check_bytes, locate};
use hangup::engine::Catalogue;

use crate::mistakes_table::{BASE, MISTAKES, mistake_text};

// That the editor's JSON Schema rejects the same mistakes (where JSON Schema
// can say them) is checked in tools/schema-test, with a JSON Schema validator
// that plain `cargo test` does not build; `.ci/run` runs it.

/// What one check found: (code, line, column, hint) for each diagnostic.
type Found = Vec<(String, usize, usize, Option<String>)>;

/// The built-in catalogue and the base's own diagnostics, worked out once
/// for the whole run (they were worked out again for every mistake), in
/// the language the tests here use: the default.
struct Base {
    language: hangup::i18n::Language,
    catalogue: Catalogue,
    own: Vec<(&'static str, String)>,
}

fn base() -> &'static Base {
    static BASE_CHECKED: std::sync::OnceLock<Base> = std::sync::OnceLock::new();
    let b = BASE_CHECKED.get_or_init(|| {
        let catalogue = Catalogue::builtin();
        let own = check_bytes("base.toml".into(), BASE.as_bytes(), &catalogue)
            .diagnostics
            .iter()
            .map(|d| (d.code, d.message.clone()))
            .collect();
        Base {
            language: hangup::i18n::current(),
            catalogue,
            own,
        }
    });
    assert_eq!(b.language, hangup::i18n::current(), "one language here");
    b
}

/// Every diagnostic as (code, line, column, hint), leaving out the base's own.
fn found(text: &str) -> Found {
    let Base { catalogue, own, .. } = base();
    let report = check_bytes("mistake.toml".into(), text.as_bytes(), catalogue);
    let mut out = report
        .diagnostics
        .iter()
        .filter(|d| !own.contains(&(d.code, d.message.clone())))
        .map(|d| {
            let (line, col) = d.span.as_ref().map_or((0, 0), |s| {
                let l = locate(text.as_bytes(), s);
                (l.line, l.column)
            });
            (d.code.to_string(), line, col, d.hint.clone())
        })
        .collect::<Vec<_>>();
    out.sort_by_key(|(code, line, col, _)| (*line, *col, code.clone()));
    out
}

/// [`found`] for each of [`MISTAKES`], in order: checked once for the two
/// tests that look at every mistake (each checked them all).
fn found_in_each_mistake() -> &'static [Found] {
    static EACH: std::sync::OnceLock<Vec<Found>> = std::sync::OnceLock::new();
    EACH.get_or_init(|| MISTAKES.iter().map(|m| found(&mistake_text(m))).collect())
}

#[test]
fn the_base_has_no_errors() {
    let r = check_bytes("base.toml".into(), BASE.as_bytes(), &Catalogue::builtin());
    assert!(
        r.diagnostics.iter().all(|d| !d.is_error()),
        "{:?}",
        r.diagnostics
    );
    let _ = Format::Human;
}

#[test]
fn there_are_at_least_forty_mistakes() {
    assert!(MISTAKES.len() >= 40, "{}", MISTAKES.len());
}

#[test]
fn each_mistake_gets_exactly_its_diagnostics() {
    let mut wrong = Vec::new();
    for (m, got) in MISTAKES.iter().zip(found_in_each_mistake()) {
        let got = got.clone();
        let want: Vec<(String, usize, usize, Option<String>)> = m
            .expect
            .iter()
            .map(|(c, l, col, h)| (c.to_string(), *l, *col, h.map(str::to_string)))
            .collect();
        let mut want = want;
        want.sort_by_key(|(code, line, col, _)| (*line, *col, code.clone()));
        if got != want {
            wrong.push(format!("{}:\n  got  {got:?}\n  want {want:?}", m.name));
        }
        // No flood: a single mistake never gives more than three.
        assert!(got.len() <= 3, "{}: {} diagnostics", m.name, got.len());
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn no_hint_suggests_a_value_of_the_opposite_meaning() {
    for (m, found) in MISTAKES.iter().zip(found_in_each_mistake()) {
        for (_, _, _, hint) in found {
            let hint = hint.clone().unwrap_or_default();
            assert!(
                !hint.contains("\"safer\"") || !m.replace.contains("unsafe"),
                "{hint}"
            );
            // `if`, `set` and the like are not misspelt ids.
            assert!(!hint.contains("did you mean `id`"), "{}: {hint}", m.name);
        }
    }
}

/// Diagnostics that are not the base's own, as (code, line) pairs.
fn codes_and_lines(text: &str) -> Vec<(String, usize)> {
    found(text)
        .into_iter()
        .map(|(code, line, _, _)| (code, line))
        .collect()
}

#[test]
fn a_real_number_is_reported_in_the_same_run_as_a_line_that_cannot_be_read() {
    let text = BASE
        .replacen(
            "callerid = [\"01632 960114\",",
            "callerid = [\"020 7123 4567\",",
            1,
        )
        .replacen("start = \"intro\"", "start = \"intro", 1);
    assert_eq!(
        codes_and_lines(&text),
        vec![("H0101".to_string(), 21), ("H0410".to_string(), 38)]
    );
}

#[test]
fn a_real_number_is_reported_in_the_same_run_as_a_missing_key() {
    let text = BASE
        .replacen(
            "callerid = [\"01632 960114\",",
            "callerid = [\"020 7123 4567\",",
            1,
        )
        .replacen(
            "title = \"A police officer calls about your bank card\"\n",
            "",
            1,
        );
    assert_eq!(
        codes_and_lines(&text),
        vec![("H0104".to_string(), 15), ("H0410".to_string(), 37)]
    );
    // And in a step's text, after a wrong kind of value.
    let text = BASE
        .replacen("minutes = 10", "minutes = \"ten\"", 1)
        .replacen(
            "Use your mobile to ring 101.",
            "Use your mobile to ring 0161 234 5678.",
            1,
        );
    let got = codes_and_lines(&text);
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!(got[0], ("H0103".to_string(), 20));
    assert_eq!(got[1].0, "H0410");
}

#[test]
fn an_empty_file_is_one_plain_problem() {
    let c = Catalogue::builtin();
    for (text, words) in [
        ("", "the file is empty"),
        ("\n  \n\t\n", "the file is empty"),
        ("\u{feff}", "the file is empty"),
        (
            "# My new call: to do\n\n# more later\n",
            "the file has only comments and blank lines",
        ),
    ] {
        let r = check_bytes("new.toml".into(), text.as_bytes(), &c);
        assert_eq!(r.diagnostics.len(), 1, "{text:?}: {:?}", r.diagnostics);
        let d = &r.diagnostics[0];
        assert_eq!(d.code, "H0112");
        assert!(d.message.starts_with(words), "{}", d.message);
        assert!(d.span.is_none(), "no line to point at: {:?}", d.span);
    }
    // A file with one table and nothing else is not empty: its own problems.
    let r = check_bytes("new.toml".into(), b"[source]\n", &c);
    assert!(r.diagnostics.iter().all(|d| d.code != "H0112"));
}
