//! The pseudo-locale (en-XA: accented and about 30% longer) on every kind of
//! screen, at 80x24 and 40x12: any plain English word on screen that is not
//! from a call, a catalogue or the quick check is interface wording that did
//! not come through Fluent (`hangup::i18n`).

use std::collections::{BTreeMap, BTreeSet};

use hangup::i18n::{self, Language};

use crate::harness;

/// Every word the calls, catalogues and quick check may put on screen (they
/// stay English in the pseudo-locale), lower-cased.
fn content_words() -> BTreeSet<String> {
    let mut text = String::new();
    for (_, t) in hangup::engine::library::BUILTIN_SCENARIOS {
        text.push_str(t);
    }
    text.push_str(hangup::engine::catalogue::BUILTIN_RED_FLAGS);
    text.push_str(hangup::engine::catalogue::BUILTIN_ADVICE);
    text.push_str(hangup::engine::quick_check::BUILTIN);
    text.push_str(include_str!("../fixtures/tiny.toml"));
    // Key caps keep the names printed on the keys.
    text.push_str(" Esc Enter Tab Space Page Up Down Home End Backspace ");
    // The harness's skipped-file note, and the program's name.
    text.push_str(" some where a very long folder name broken scenario file toml the file is not plain UTF-8 text hangup ");
    words(&text).collect()
}

/// Words of three or more letters, all plain ASCII (pseudo-locale words have accents).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
}

/// The English words leaking on each screen, by route name and size.
fn leaks() -> BTreeMap<String, BTreeSet<String>> {
    let allowed = content_words();
    i18n::with(Language::EnXa, || {
        let library = harness::library();
        let options = harness::options().remove(0);
        let routes = harness::key_routes(&harness::routes(&library, &options));
        let mut out = BTreeMap::new();
        for route in &routes {
            let app = harness::build(&library, &options, route);
            for (w, h) in [(80, 24), (40, 12)] {
                let t = harness::render_checked(&app, w, h);
                let screen = t.backend().to_string();
                let leaked: BTreeSet<String> =
                    words(&screen).filter(|w| !allowed.contains(w)).collect();
                if !leaked.is_empty() {
                    out.insert(format!("{} {w}x{h}", route.name), leaked);
                }
            }
        }
        out
    })
}

/// Screens whose wording has all moved to Fluent. A screen joins this list
/// once `leaks()` finds nothing on it; it must then stay clean.
const MOVED: &[&str] = &["incoming", "deciding", "feedback", "leave"];

#[test]
fn moved_screens_show_no_english_in_the_pseudo_locale() {
    let found = leaks();
    let report: Vec<String> = found
        .iter()
        .map(|(screen, words)| {
            format!(
                "{screen}: {}",
                words.iter().cloned().collect::<Vec<_>>().join(" ")
            )
        })
        .collect();
    // The whole report, for whoever moves the rest.
    println!("English still on screen in en-XA:\n{}", report.join("\n"));
    let bad: Vec<&String> = report
        .iter()
        .filter(|line| MOVED.iter().any(|m| line.contains(&format!("-{m}"))))
        .collect();
    assert!(
        bad.is_empty(),
        "English interface text in the pseudo-locale:\n{bad:#?}"
    );
}

#[test]
fn the_leak_finder_can_fail() {
    let allowed = content_words();
    let leaked: Vec<String> = words("Ƈħoooośe a call. Quixotically wobble.")
        .filter(|w| !allowed.contains(w))
        .collect();
    assert_eq!(leaked, ["quixotically", "wobble"]);
    assert!(!words("Ƈħoooośe ƈaaŀŀ").any(|_| true));
}
