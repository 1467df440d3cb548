//! Translations: `hangup check` finds every gap with its place, the built-in
//! Welsh loads, and a call plays in Welsh.

use std::path::PathBuf;

use hangup::check::{Format, run_check_in};
use hangup::engine::Library;
use hangup::i18n::Language;

const FIXTURE: &str = "tests/fixtures/translations";

/// (file, code, line, column, severity) of one diagnostic.
type Found = (String, String, u64, u64, String);

/// The exit code and every diagnostic, via the JSON output.
fn found(language: Option<Language>) -> (i32, Vec<Found>) {
    let mut out = Vec::new();
    let code = run_check_in(
        &[PathBuf::from(FIXTURE)],
        None,
        language,
        Format::Json,
        &mut out,
    );
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json output parses");
    let list = doc["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap_or_default().to_string(),
                d["code"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["severity"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    (code, list)
}

#[test]
fn an_incomplete_translation_is_reported_gap_by_gap_with_places() {
    let (code, list) = found(Some(Language::Cy));
    assert_eq!(code, 1);
    let tr = format!("{FIXTURE}/cy/tiny.toml");
    let en = format!("{FIXTURE}/tiny.toml");
    let has = |file: &str, c: &str, line: u64, col: u64| {
        list.iter()
            .any(|(f, code, l, cl, _)| f == file && code == c && *l == line && *cl == col)
    };
    // Out of date: at its `from`.
    assert!(has(&tr, "H0802", 4, 20), "{list:#?}");
    // Placeholders differ.
    assert!(has(&tr, "H0804", 5, 47), "{list:#?}");
    // Extra: a key the English does not have.
    assert!(has(&tr, "H0803", 6, 19), "{list:#?}");
    // Empty.
    assert!(has(&tr, "H0808", 7, 49), "{list:#?}");
    // Missing: at the English text to translate.
    assert!(has(&en, "H0801", 19, 16), "caller.organisation: {list:#?}");
    assert!(has(&en, "H0801", 30, 9), "step hello notes: {list:#?}");
    let missing = list.iter().filter(|d| d.1 == "H0801").count();
    assert_eq!(missing, 30 - 4, "{list:#?}");
    // With --language every gap is an error.
    assert!(list.iter().all(|d| d.4 == "error"), "{list:#?}");
    // Nothing else: the translation folder is not checked as scenarios.
    assert!(list.iter().all(|d| d.1.starts_with("H08")), "{list:#?}");
}

#[test]
fn without_a_language_the_english_check_gets_one_line_per_language() {
    let mut out = Vec::new();
    let code = run_check_in(
        &[PathBuf::from(FIXTURE)],
        None,
        None,
        Format::Short,
        &mut out,
    );
    let text = String::from_utf8_lossy(&out);
    assert_eq!(code, 0, "the English is fine: {text}");
    assert!(!text.contains("H08"), "{text}");
    assert!(
        text.contains("Translations: Welsh (cy): 1 text out of date, 26 texts not translated, 3 other problems. For where, run: hangup check --language cy"),
        "{text}"
    );
}

#[test]
fn the_built_in_translations_are_well_formed() {
    // Gaps (H0801-H0803) can come from a change to the English, and are the
    // translator's to close; these can only come from the translation itself.
    let mut out = Vec::new();
    run_check_in(&[], None, Some(Language::Cy), Format::Short, &mut out);
    let text = String::from_utf8_lossy(&out);
    for code in ["H0804", "H0806", "H0807", "H0808", "H0809", "H0810"] {
        assert!(!text.contains(code), "{text}");
    }
}

#[test]
fn the_welsh_library_has_the_translated_calls_in_welsh() {
    let lib = Library::load_in(None, Language::Cy);
    let ids: Vec<&str> = lib
        .scenarios
        .iter()
        .map(|s| s.id.get_ref().as_str())
        .collect();
    assert!(ids.contains(&"amazon-refund"), "{ids:?}");
    assert!(lib.skipped.is_empty(), "{:?}", lib.skipped);
    let english = Library::load_in(None, Language::EnGb);
    for s in &lib.scenarios {
        let en = english.get(s.id.get_ref()).expect("same call in English");
        assert_ne!(s.title.get_ref(), en.title.get_ref());
        // Written once: the same steps, choices and endings.
        assert_eq!(s.steps.len(), en.steps.len());
        for (a, b) in s.steps.iter().zip(&en.steps) {
            assert_eq!(a.id.get_ref(), b.id.get_ref());
            assert_eq!(a.choices.len(), b.choices.len());
            for (x, y) in a.choices.iter().zip(&b.choices) {
                assert_eq!(x.next.get_ref(), y.next.get_ref());
                assert_eq!(x.verdict, y.verdict);
            }
        }
    }
}

#[test]
fn the_catalogues_and_the_quick_check_come_in_welsh() {
    let c = hangup::engine::Catalogue::builtin_in(Language::Cy);
    assert_eq!(
        c.red_flag("pressure").map(|f| f.name.as_str()),
        Some("Pwysau")
    );
    let hang_up = c
        .advice_step("hang-up")
        .map(|a| a.text.clone())
        .unwrap_or_default();
    assert!(hang_up.starts_with("Rhowch y ffôn i lawr."), "{hang_up}");
    // Numbers stay as they are.
    let en = hangup::engine::Catalogue::builtin_in(Language::EnGb);
    for (a, b) in c.advice.numbers.iter().zip(&en.advice.numbers) {
        assert_eq!(a.number, b.number);
        assert_eq!(a.number_regions, b.number_regions);
    }
    let q = hangup::engine::quick_check::QuickCheck::builtin_in(Language::Cy);
    let qe = hangup::engine::quick_check::QuickCheck::builtin_in(Language::EnGb);
    assert_eq!(q.sets.len(), qe.sets.len());
    let (w, e) = (&q.sets[0].items[0], &qe.sets[0].items[0]);
    assert_ne!(w.says, e.says);
    assert_eq!((w.answer, &w.from), (e.answer, &e.from));
    assert!(q.problems(&c).is_empty(), "{:?}", q.problems(&c));
}

/// Every sentence a learner sees in a built call, in order: the words of each
/// step (scene, lines, choices, feedback, recaps), the endings and the quick
/// questions. Names (who) are left out: fictional names stay the same.
fn sentences(script: &hangup::engine::Script) -> Vec<String> {
    let mut out = vec![script.title.clone(), script.summary.clone()];
    for st in &script.steps {
        out.extend(st.scene.clone());
        out.extend(st.time.clone());
        if !st.says.is_empty() {
            out.push(st.says.clone());
        }
        out.extend(st.lines.iter().map(|l| l.text.clone()));
        for c in &st.choices {
            out.extend([c.text.clone(), c.feedback.clone(), c.recap.clone()]);
        }
    }
    for e in &script.endings {
        out.push(e.title.clone());
        out.extend(e.happened.iter().cloned());
    }
    for r in &script.recall {
        out.extend([r.question.clone(), r.explain.clone()]);
    }
    out
}

/// How many texts of a built-in call the Welsh check says show in English
/// (missing, out of date, or with different placeholders).
fn welsh_gaps(id: &str) -> usize {
    let mut out = Vec::new();
    run_check_in(&[], None, Some(Language::Cy), Format::Json, &mut out);
    let doc: serde_json::Value = serde_json::from_slice(&out).expect("json output parses");
    doc["diagnostics"]
        .as_array()
        .expect("diagnostics array")
        .iter()
        .filter(|d| {
            d["file"]
                .as_str()
                .unwrap_or_default()
                .ends_with(&format!("{id}.toml"))
                && matches!(d["code"].as_str(), Some("H0801" | "H0802" | "H0804"))
        })
        .count()
}

/// Walks every path of a call (a step at most twice on one path) and counts
/// the endings reached.
fn endings_reached(session: hangup::engine::Session, seen: &mut Vec<String>, depth: usize) {
    use hangup::engine::Phase;
    assert!(depth < 40, "a path is too long");
    match session.phase() {
        Phase::Ended { .. } => {
            let e = session.ending().expect("an ending");
            if !seen.contains(&e.id) {
                seen.push(e.id.clone());
            }
        }
        Phase::Deciding { step } => {
            let here = session.path().iter().filter(|t| t.step == step).count();
            if here >= 2 {
                return;
            }
            let shown = session.current_step().map_or(0, |st| st.choices.len());
            for i in 0..shown {
                let mut next = session.clone();
                next.choose(i).expect("a shown choice can be chosen");
                next.next();
                endings_reached(next, seen, depth + 1);
            }
        }
        other => panic!("stuck in {other:?}"),
    }
}

#[test]
fn both_seed_calls_play_every_path_in_welsh_with_no_english_showing() {
    use hangup::engine::{Catalogue, Script, Session};
    let (cy, en) = (
        Library::load_in(None, Language::Cy),
        Library::load_in(None, Language::EnGb),
    );
    let (ccy, cen) = (
        Catalogue::builtin_in(Language::Cy),
        Catalogue::builtin_in(Language::EnGb),
    );
    for id in ["police-courier", "amazon-refund"] {
        let w = Script::build(cy.get(id).expect("in Welsh"), &ccy, "ewni", 7);
        let e = Script::build(en.get(id).expect("in English"), &cen, "ewni", 7);
        let (ws, es) = (sentences(&w), sentences(&e));
        assert_eq!(ws.len(), es.len(), "{id}: the same texts in both");
        let english: Vec<&String> = ws
            .iter()
            .zip(&es)
            .filter(|(a, b)| a == b)
            .map(|p| p.0)
            .collect();
        let gaps = welsh_gaps(id);
        assert!(
            english.len() <= gaps,
            "{id}: {} texts show in English but the check reports {gaps}: {english:#?}",
            english.len()
        );
        // Every ending can be reached in Welsh, as in English.
        let walk = |script: Script| {
            let mut s = Session::new(script);
            s.answer();
            let mut seen = Vec::new();
            endings_reached(s, &mut seen, 0);
            seen.sort();
            seen
        };
        let reached = walk(w.clone());
        assert_eq!(reached, walk(e.clone()), "{id}");
        assert_eq!(reached.len(), w.endings.len(), "{id}: {reached:?}");
    }
}

/// The example at the top of `src/i18n/mod.rs`, word for word (doc tests are
/// off: compiling them took longer than the rest of a warm `cargo test`).
#[test]
fn the_i18n_doc_example_holds() {
    use hangup::i18n::{self, Language};
    use hangup::tr;

    i18n::set_current(Language::EnGb);
    assert_eq!(i18n::tr("month-3"), "March");
    assert_eq!(tr!("calls-count", count = 2), "2 calls");
    assert_eq!(Language::Cy.tr("month-3"), "Mawrth");
    assert_eq!(
        Language::Cy.tr_args("calls-count", &[("count", 2.into())]),
        "2 alwad"
    );
}

/// Every string literal in the program's source (`src/**/*.rs`), comments
/// left out: the message ids the code names.
fn literals_in_source() -> std::collections::BTreeSet<String> {
    let mut files = Vec::new();
    crate::layers::rust_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut found = std::collections::BTreeSet::new();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("read a source file");
        for line in text.lines() {
            // A comment names no message (`tr("month-3")` in a doc example).
            let code = match line.find("//") {
                Some(at) if !line[..at].contains('"') => &line[..at],
                _ => line,
            };
            // Between every other pair of quotes: good enough for ids,
            // which hold no quotes or backslashes.
            for (i, piece) in code.split('"').enumerate() {
                if i % 2 == 1 {
                    found.insert(piece.to_string());
                }
            }
        }
    }
    found
}

/// A message nothing shows is a sentence translators keep up for nobody,
/// and a sign the code says it some other way (in English only). Every
/// English message must be named in the code: as a string (`tr("id")`), as
/// a field of `wording::Words` (`WORDS.safer_way` is `safer-way`), or by
/// one of the few ids the code builds from parts, listed here. The Welsh
/// has the same ids (see `every_welsh_message_has_an_english_source`), so
/// a message left out of English is left out of every language.
#[test]
fn every_english_message_is_used_by_the_program() {
    use hangup::present::wording::Words;
    let literals = literals_in_source();
    let words: std::collections::BTreeSet<String> =
        Words::FIELDS.iter().map(|f| f.replace('_', "-")).collect();
    // Ids built from parts: `i18n::date_long` (`month-{m}`),
    // `Language::name` (`language-name-{code}`), `wording::arrival`
    // (`{id}-from`, where `id` is an arrival message named in the code).
    let built = |id: &str| {
        id.strip_prefix("month-")
            .and_then(|m| m.parse::<u32>().ok())
            .is_some_and(|m| (1..=12).contains(&m))
            || id
                .strip_prefix("language-name-")
                .is_some_and(|code| hangup::i18n::Language::ALL.iter().any(|l| l.code() == code))
            || id
                .strip_suffix("-from")
                .is_some_and(|stem| stem.starts_with("arrival-") && literals.contains(stem))
    };
    // Kept on purpose though no screen shows it: the example of plurals in
    // `src/i18n/mod.rs` and the plural-rule tests (Welsh has six forms).
    let examples = ["calls-count"];
    let unused: Vec<String> = hangup::i18n::message_ids("en-GB")
        .into_iter()
        .filter(|(id, _)| {
            !literals.contains(id)
                && !words.contains(id)
                && !built(id)
                && !examples.contains(&id.as_str())
        })
        .map(|(id, file)| format!("{id} (en-GB/{file})"))
        .collect();
    assert!(
        unused.is_empty(),
        "{} message(s) the program never shows: remove them from every \
         language, or use them: {}",
        unused.len(),
        unused.join(", ")
    );
}
