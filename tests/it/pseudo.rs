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
    // The note's long path breaks inside a word at 40 columns ("br" / "oken").
    text.push_str(" oken ");
    words(&text).collect()
}

/// Words of three or more letters, all plain ASCII (pseudo-locale words have accents).
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 3 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
}

/// All the content text as one lower-case line of plain words with single
/// spaces, so a phrase on screen can be looked for in it.
fn content_phrases() -> Content {
    let mut text = String::from(" ");
    for (_, t) in hangup::engine::library::BUILTIN_SCENARIOS {
        text.push_str(t);
        text.push_str(&expanded(t));
    }
    text.push_str(&expanded(include_str!("../fixtures/tiny.toml")));
    text.push_str(hangup::engine::catalogue::BUILTIN_RED_FLAGS);
    text.push_str(hangup::engine::catalogue::BUILTIN_ADVICE);
    text.push_str(hangup::engine::quick_check::BUILTIN);
    text.push_str(include_str!("../fixtures/tiny.toml"));
    text.push_str(" some where a very long folder name broken scenario file toml the file is not plain UTF-8 text ");
    // Key caps keep the names printed on the keys.
    text.push_str(" . Page Up . Page Down . ");
    // TOML escapes are not letters of the words around them.
    Content::new(normal(&text.replace("\\n", " ").replace("\\t", " ")))
}

/// The words of the content ([`content_phrases`]), and the answer for each
/// piece of text looked up in them so far: the same phrases come up on
/// screen after screen, and searching the whole text again for each was
/// most of the time of the group screens' test.
struct Content {
    text: String,
    known: std::cell::RefCell<std::collections::HashMap<String, bool>>,
}

impl Content {
    fn new(text: String) -> Self {
        Self {
            text,
            known: Default::default(),
        }
    }

    /// More words (before anything is looked up).
    fn push_str(&mut self, more: &str) {
        self.known.get_mut().clear();
        self.text.push_str(more);
    }

    /// True when `piece` is in the text.
    fn contains(&self, piece: &str) -> bool {
        if let Some(&known) = self.known.borrow().get(piece) {
            return known;
        }
        let found = self.text.contains(piece);
        self.known.borrow_mut().insert(piece.to_string(), found);
        found
    }
}

/// Every string of a call with its `{placeholders}` filled in each way its
/// `[variants]` allow (a name the seed picked is part of the call's words).
fn expanded(toml_text: &str) -> String {
    let Ok(value) = toml::from_str::<toml::Value>(toml_text) else {
        return String::new();
    };
    let variants: Vec<(String, Vec<String>)> = value
        .get("variants")
        .and_then(|v| v.as_table())
        .map(|t| {
            t.iter()
                .map(|(k, v)| {
                    let vals = v
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .filter_map(|x| x.as_str().map(String::from))
                                .collect()
                        })
                        .unwrap_or_default();
                    (format!("{{{k}}}"), vals)
                })
                .collect()
        })
        .unwrap_or_default();
    let mut strings = Vec::new();
    collect(&value, &mut strings);
    let mut out = String::new();
    for s in strings.iter().filter(|s| s.contains('{')) {
        let mut all = vec![s.clone()];
        for (key, vals) in &variants {
            if all.len() > 4096 || !s.contains(key.as_str()) {
                continue;
            }
            all = all
                .iter()
                .flat_map(|a| vals.iter().map(move |v| a.replace(key.as_str(), v)))
                .collect();
        }
        for a in all {
            out.push_str(&a);
            out.push_str(" . ");
        }
    }
    out
}

fn collect(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        toml::Value::Table(t) => t.values().for_each(|x| collect(x, out)),
        _ => {}
    }
}

fn normal(text: &str) -> String {
    let mut out = String::from(" ");
    for w in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
    {
        out.push_str(&w.to_lowercase());
        out.push(' ');
    }
    out
}

/// Runs of two or more plain English words on one row (broken at
/// punctuation, digits, accented words and wide gaps) that are in no
/// call, catalogue or the quick check: a sentence of interface wording
/// made of common words ("They say they are") that `words` lets through.
fn phrases(screen: &str, content: &Content) -> Vec<String> {
    let mut out = Vec::new();
    // At the end of a row the last word may be cut (a row too narrow for
    // it): there it need only start a word.
    let mut flush = |run: &mut Vec<String>, row_end: bool| {
        if run.len() >= 2 {
            let phrase = run.join(" ");
            let whole = content.contains(&format!(" {phrase} "));
            let cut = row_end && content.contains(&format!(" {phrase}"));
            if !(whole || cut) {
                out.push(phrase);
            }
        }
        run.clear();
    };
    for row in screen.lines() {
        // TestBackend quotes each row.
        let row = row.trim().trim_matches('"').trim_end();
        for part in row.split("  ") {
            let mut run: Vec<String> = Vec::new();
            for token in part.split_whitespace() {
                let core = token.trim_matches(|c: char| c.is_ascii_punctuation());
                let word = !core.is_empty() && core.chars().all(|c| c.is_ascii_alphabetic());
                let starts = token.starts_with(|c: char| c.is_ascii_punctuation());
                let ends = token.ends_with(|c: char| c.is_ascii_punctuation());
                if !word || starts {
                    flush(&mut run, false);
                }
                if word {
                    run.push(core.to_lowercase());
                }
                if !word || ends {
                    flush(&mut run, false);
                }
            }
            flush(&mut run, row.ends_with(part.trim_end()));
        }
    }
    out
}

/// The English words leaking on each screen, by route name and size.
fn leaks() -> BTreeMap<String, BTreeSet<String>> {
    let allowed = content_words();
    let content = content_phrases();
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
                let mut leaked: BTreeSet<String> =
                    words(&screen).filter(|w| !allowed.contains(w)).collect();
                leaked.extend(
                    phrases(&screen, &content)
                        .into_iter()
                        .map(|p| format!("\"{p}\"")),
                );
                if !leaked.is_empty() {
                    out.insert(format!("{} {w}x{h}", route.name), leaked);
                }
            }
        }
        // The quick check, and the notice in a window too small.
        for (w, h) in [(80, 24), (40, 12)] {
            for (name, screen) in quick_check_screens(&library, &options, w, h) {
                let mut leaked: BTreeSet<String> =
                    words(&screen).filter(|w| !allowed.contains(w)).collect();
                leaked.extend(
                    phrases(&screen, &content)
                        .into_iter()
                        .map(|p| format!("\"{p}\"")),
                );
                if !leaked.is_empty() {
                    out.insert(format!("{name} {w}x{h}"), leaked);
                }
            }
        }
        let app = harness::new_app(&library, &options);
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(39, 11))
            .expect("test backend");
        t.draw(|f| hangup::tui::ui::draw(f, &app)).expect("draw");
        let screen = t.backend().to_string();
        let mut leaked: BTreeSet<String> =
            words(&screen).filter(|w| !allowed.contains(w)).collect();
        leaked.extend(phrases(&screen, &content));
        if !leaked.is_empty() {
            out.insert("s-too-small 39x11".into(), leaked);
        }
        out
    })
}

/// The quick check's screens: the offer, a question, an answer and the score.
fn quick_check_screens(
    library: &hangup::engine::Library,
    options: &hangup::tui::app::Options,
    w: u16,
    h: u16,
) -> Vec<(String, String)> {
    use hangup::engine::quick_check::QuickCheck;
    use hangup::tui::app::{Action, Screen};
    use hangup::tui::quick_check::{QuickScreen, QuickState};
    let mut app = harness::new_app(library, options);
    app.practice.quick = Some(QuickState::fresh(QuickCheck::builtin(), 3));
    app.enter_start();
    let shot =
        |app: &hangup::tui::app::App| harness::render_checked(app, w, h).backend().to_string();
    let mut out = vec![("s-quick-offer".to_string(), shot(&app))];
    app.update(Action::Pick(0));
    out.push(("s-quick-question".into(), shot(&app)));
    app.update(Action::Pick(2));
    out.push(("s-quick-answered".into(), shot(&app)));
    for _ in 0..64 {
        let Screen::Quick(q) = &app.screen else { break };
        let QuickScreen::Questions(run) = q.as_ref() else {
            break;
        };
        let act = if run.answered.is_some() {
            Action::Select
        } else {
            Action::Pick(0)
        };
        app.update(act);
    }
    out.push(("s-quick-result".into(), shot(&app)));
    out
}

/// Screens whose wording has all moved to Fluent. A screen joins this list
/// once `leaks()` finds nothing on it; it must then stay clean.
const MOVED: &[&str] = &[
    "incoming",
    "deciding",
    "feedback",
    "leave",
    "help",
    "quit",
    "start",
    "ending",
    "replay",
    "quick",
    "too-small",
];

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
        .filter(|line| {
            MOVED
                .iter()
                .any(|m| line.contains(&format!("-{m}")) || line.starts_with(&format!("{m} ")))
        })
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
    let content = content_phrases();
    assert_eq!(
        phrases(
            "Ŧħeeý: Caller ID shows: Tom  │ Page Down\nPlease make the window big",
            &content
        ),
        ["caller id shows", "please make the window big"]
    );
}

/// What the engine gives as data and the wording layer words: a new
/// contact's arrival, a line's label, the replay's summary and "Ending:"
/// lines, and the quick check's change words. In the pseudo-locale, with
/// accented values, not one plain English word is left.
#[test]
fn engine_data_is_worded_through_fluent() {
    use hangup::engine::model::Channel;
    use hangup::engine::quick_check::Score;
    use hangup::engine::script::{Arrival, Cond, Role, ScriptLine};
    use hangup::present::wording;
    let plain = |s: &str| words(s).collect::<Vec<_>>();
    i18n::with(Language::EnXa, || {
        let mut out = Vec::new();
        for channel in [
            Channel::Call,
            Channel::Text,
            Channel::Email,
            Channel::VoiceNote,
            Channel::FaceToFace,
        ] {
            for from in [None, Some("Ƥřīṽæŧē".to_string())] {
                out.push(wording::arrival(&Arrival { channel, from }));
            }
        }
        for role in [Role::Speech, Role::Narration, Role::Thought, Role::Message] {
            let l = ScriptLine {
                role,
                who: "Ŝæɱ".into(),
                text: "Ħēŀŀō".into(),
                cond: Cond::default(),
                arrival: None,
            };
            out.extend(wording::line_label(&l));
            out.push(wording::transcript(&l));
        }
        let s = |right| Score {
            right,
            asked: 6,
            ..Score::default()
        };
        for now in [2, 3, 4] {
            out.push(wording::check_change(s(now), s(3)));
            out.push(wording::check_score(s(now)));
        }
        out.push(wording::check_ask_again());
        for again in [Some(true), Some(false)] {
            out.extend(wording::describe_cond(&Cond {
                when: Some("ƥīƞ".into()),
                unless: Some("ƈæšħ".into()),
                again,
            }));
        }
        for line in &out {
            assert!(!line.trim().is_empty());
            assert_eq!(plain(line), Vec::<String>::new(), "English in {line:?}");
        }
    });
}

/// A call with a text, then a time jump and a call from a new number
/// (tests/fixtures/channels.toml), played on the full screen in the
/// pseudo-locale: the arrival sentences and the replay are Fluent's too.
#[test]
fn a_new_contacts_arrival_shows_no_english_in_the_pseudo_locale() {
    const CHANNELS: &str = include_str!("../fixtures/channels.toml");
    let mut allowed = content_words();
    allowed.extend(words(CHANNELS));
    let mut content = content_phrases();
    content.push_str(&normal(CHANNELS));
    let (found, arrivals) = i18n::with(Language::EnXa, || {
        let mut library = harness::library();
        library.scenarios = vec![
            hangup::engine::library::parse_scenario(CHANNELS.as_bytes(), &library.catalogue)
                .expect("fixture loads"),
        ];
        library.skipped.clear();
        let options = harness::options().remove(0);
        let mut found = BTreeMap::new();
        let mut arrivals = 0;
        // "Your phone rings", in the pseudo-locale.
        let rings = hangup::present::wording::arrival(&hangup::engine::script::Arrival {
            channel: hangup::engine::model::Channel::Call,
            from: None,
        });
        let rings = rings.trim_end_matches('.').to_string();
        assert!(words(&rings).next().is_none(), "{rings}");
        for route in harness::routes(&library, &options)
            .iter()
            .filter(|r| !r.name.contains("scrolled"))
        {
            let app = harness::build(&library, &options, route);
            for (w, h) in [(80, 24), (40, 12)] {
                let screen = harness::render_checked(&app, w, h).backend().to_string();
                arrivals += usize::from(screen.contains(&rings));
                let mut leaked: BTreeSet<String> =
                    words(&screen).filter(|w| !allowed.contains(w)).collect();
                leaked.extend(
                    phrases(&screen, &content)
                        .into_iter()
                        .map(|p| format!("\"{p}\"")),
                );
                if !leaked.is_empty() {
                    found.insert(format!("{} {w}x{h}", route.name), leaked);
                }
            }
        }
        (found, arrivals)
    });
    // The call from a new number was on screen, with its arrival sentence.
    assert!(arrivals > 0, "no route reached the call from a new number");
    assert!(found.is_empty(), "English in the pseudo-locale: {found:#?}");
}

/// The group screens (the projector) in the pseudo-locale: every kind of
/// screen of a whole session (plan, help, stop question, both quick checks
/// with hands, a call with hands and each reveal, the ending, the end), at
/// 80x24 and 40x12, with the volunteer's notes box title too.
#[test]
fn group_screens_show_no_english_in_the_pseudo_locale() {
    let allowed = content_words();
    let content = content_phrases();
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut screens = 0;
    i18n::with(Language::EnXa, || {
        let mut library = harness::library();
        // Two calls are enough: every kind of group screen comes up.
        library
            .scenarios
            .retain(|s| ["tiny", "police-courier"].contains(&s.id.get_ref().as_str()));
        crate::group::walk(library, false, &mut |app| {
            for (w, h) in [(80, 24), (40, 12)] {
                let screen = crate::common::screen_text(app, w, h);
                // A plan row cut at its area's edge ("A police officer
                // cal") ends in part of a content word: not a leak.
                let cut: BTreeSet<String> = screen
                    .lines()
                    .map(|l| l.trim_matches('"').trim_end())
                    .filter(|l| l.ends_with(|c: char| c.is_ascii_alphabetic()))
                    .filter_map(|l| l.split(|c: char| !c.is_alphabetic()).next_back())
                    .map(str::to_lowercase)
                    .filter(|p| allowed.iter().any(|a| a.starts_with(p.as_str())))
                    .collect();
                let mut leaked: BTreeSet<String> = words(&screen)
                    .filter(|w| !allowed.contains(w) && !cut.contains(w))
                    .collect();
                leaked.extend(
                    phrases(&screen, &content)
                        .into_iter()
                        .map(|p| format!("\"{p}\"")),
                );
                if !leaked.is_empty() {
                    let title = hangup::group::view::model(app)
                        .map(|s| s.title)
                        .unwrap_or_default();
                    found
                        .entry(format!("{title} {w}x{h}"))
                        .or_default()
                        .extend(leaked);
                }
                screens += 1;
            }
        });
    });
    assert!(screens > 100, "{screens}");
    assert!(
        found.is_empty(),
        "English interface text on group screens in the pseudo-locale:\n{found:#?}"
    );
}

/// The transform gives what Fluent's own pseudo-locale tool gives (the
/// fluent-pseudo crate's tests: "Hello World" becomes "Ħeeŀŀoo Ẇoořŀḓ"),
/// keeps every character that is not an ASCII letter, and hands back text
/// with no letters unchanged and unallocated.
#[test]
fn the_transform_is_fluents_accented_pseudo_locale() {
    assert_eq!(i18n::pseudo("Hello World"), "Ħeeŀŀoo Ẇoořŀḓ");
    assert_eq!(i18n::pseudo("f"), "ƒ");
    assert_eq!(
        i18n::pseudo("abcdefghijklmnopqrstuvwxyz"),
        "aaƀƈḓeeƒɠħiĵķŀḿƞooƥɋřşŧuuṽẇẋẏẑ"
    );
    assert_eq!(
        i18n::pseudo("ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
        "AƁƇḒEƑƓĦIĴĶĿḾȠOƤɊŘŞŦUṼẆẊẎẐ"
    );
    assert_eq!(
        i18n::pseudo("£79.99, 101 & 159 — né"),
        "£79.99, 101 & 159 — ƞé"
    );
    assert!(matches!(
        i18n::pseudo("101 / 159"),
        std::borrow::Cow::Borrowed("101 / 159")
    ));
}
