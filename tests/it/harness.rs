//! Shared by the robustness, soak and fuzz tests: every screen of every
//! scenario as a replayable list of actions, and a renderer that checks the
//! frame's invariants.
//!
//! New modes (kiosk, group) and options (`--large`) plug in by adding their `Options` to `options()`
//! and any screens of their own to `routes()`: every test below then covers them.
#![allow(dead_code)]

use hangup::engine::library::parse_scenario;
use hangup::engine::{Catalogue, Library, Phase};
use hangup::tui::app::{Action, App, Mode, Options};
use hangup::tui::theme::{Theme, ThemeName};
use ratatui::layout::Rect;

/// How many times longer the random tests run (property tests, fuzzing and
/// the soak test): `HANGUP_FUZZ=10 cargo test` runs ten times as many cases.
/// By default (1) they stay short so `cargo test` stays quick.
pub fn fuzz_scale() -> u32 {
    std::env::var("HANGUP_FUZZ")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &u32| n > 0)
        .unwrap_or(1)
}

/// The tests' fixture folder (tests/fixtures).
pub const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// Arguments that play the tiny fixture call in plain mode with a fixed seed:
/// `--scenarios FIXTURES play tiny --plain --seed SEED`, then `extra`.
pub fn plain_tiny<'a>(seed: &'a str, extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "--scenarios",
        FIXTURES,
        "play",
        "tiny",
        "--plain",
        "--seed",
        seed,
    ];
    args.extend_from_slice(extra);
    args
}

/// A table of test cases: runs `test` on every case, even after one fails,
/// then fails naming each case that failed (each failure's own message is
/// printed above it). What rstest's `#[values]` did, without a procedural
/// macro crate (and its own regex) to build for every `cargo test`.
pub fn each_case<T: std::fmt::Debug + Clone>(cases: impl IntoIterator<Item = T>, test: impl Fn(T)) {
    let mut failed = Vec::new();
    let mut ran = 0;
    for case in cases {
        ran += 1;
        let run = std::panic::AssertUnwindSafe(|| test(case.clone()));
        if std::panic::catch_unwind(run).is_err() {
            failed.push(format!("{case:?}"));
        }
    }
    assert!(ran > 0, "no cases");
    assert!(failed.is_empty(), "failed for {}", failed.join(", "));
}

/// Every pair of one of `a` and one of `b`, for [`each_case`].
pub fn pairs<A: Clone, B: Clone>(a: &[A], b: &[B]) -> Vec<(A, B)> {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| (x.clone(), y.clone())))
        .collect()
}

/// `n` property-test cases, times [`fuzz_scale`].
pub fn cases(n: u32) -> u32 {
    n.saturating_mul(fuzz_scale())
}

/// The built-in scenarios plus the tiny fixture, and a skipped-file note so
/// the start screen shows it too. Built once per language (loading and
/// checking every built-in scenario is the slow part), then cloned.
pub fn library() -> Library {
    use hangup::i18n::Language;
    use std::sync::OnceLock;
    static CACHE: [OnceLock<Library>; Language::ALL.len()] =
        [const { OnceLock::new() }; Language::ALL.len()];
    let lang = hangup::i18n::current();
    let slot = Language::ALL
        .iter()
        .position(|&l| l == lang)
        .unwrap_or_default();
    CACHE[slot].get_or_init(fresh_library).clone()
}

/// The built-in catalogue in English, built once (for the fuzz tests, which
/// would otherwise parse it again for every case).
pub fn builtin_catalogue() -> &'static Catalogue {
    use std::sync::OnceLock;
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| hangup::i18n::with(hangup::i18n::Language::EnGb, Catalogue::builtin))
}

fn fresh_library() -> Library {
    let mut lib = Library::builtin();
    let tiny = parse_scenario(include_bytes!("../fixtures/tiny.toml"), &lib.catalogue)
        .expect("fixture loads");
    lib.scenarios.push(tiny);
    lib.skipped.push(hangup::engine::library::Skipped {
        path: "/some/where/a-very-long-folder-name/broken-scenario-file.toml".into(),
        reason: "the file is not plain UTF-8 text".into(),
    });
    lib
}

/// The options of a group session in the tests: England, Wales and Northern
/// Ireland's numbers, `seed`, monochrome, normal print (one set-up, not a
/// copy in each test).
pub fn group_options(seed: u64) -> Options {
    Options {
        mode: Mode::Group,
        region: "ewni".into(),
        seed: Some(seed),
        theme: Theme::new(ThemeName::Monochrome),
        large: false,
    }
}

/// Every mode and theme the app can run in.
pub fn options() -> Vec<Options> {
    let mut v = Vec::new();
    for mode in [Mode::Practice] {
        for theme in [
            ThemeName::Default,
            ThemeName::HighContrast,
            ThemeName::Monochrome,
        ] {
            v.push(Options {
                mode,
                region: "ewni".into(),
                seed: Some(7),
                theme: Theme::new(theme),
                large: false,
            });
        }
    }
    v.push(Options {
        mode: Mode::Practice,
        region: "scotland".into(),
        seed: Some(7),
        theme: Theme::new(ThemeName::Default),
        large: false,
    });
    // `--large`: big letters wherever they fit.
    for theme in [ThemeName::Default, ThemeName::HighContrast] {
        v.push(large(theme));
    }
    v
}

/// Practice mode with `--large` in this theme.
pub fn large(theme: ThemeName) -> Options {
    Options {
        mode: Mode::Practice,
        region: "ewni".into(),
        seed: Some(7),
        theme: Theme::new(theme),
        large: true,
    }
}

pub fn new_app(library: &impl Shared, options: &Options) -> App {
    App::new(library.shared(), options.clone())
}

/// A library an app can be made over: a [`Library`] (copied for each app)
/// or one already shared, `Arc<Library>` (each app shares it, as the
/// program's own apps do: copying the whole library for every app built
/// was a fifth of the time of the tests that build thousands).
pub trait Shared {
    /// The library, shared.
    fn shared(&self) -> std::sync::Arc<Library>;
    /// The library, to look at.
    fn library(&self) -> &Library;
}

impl Shared for Library {
    fn shared(&self) -> std::sync::Arc<Library> {
        std::sync::Arc::new(self.clone())
    }
    fn library(&self) -> &Library {
        self
    }
}

impl Shared for std::sync::Arc<Library> {
    fn shared(&self) -> std::sync::Arc<Library> {
        self.clone()
    }
    fn library(&self) -> &Library {
        self
    }
}

/// A named screen, reached by these actions from a fresh app.
#[derive(Debug, Clone)]
pub struct Route {
    pub name: String,
    pub actions: Vec<Action>,
}

pub fn build(library: &impl Shared, options: &Options, route: &Route) -> App {
    let mut app = new_app(library, options);
    for &a in &route.actions {
        app.update(a);
    }
    app
}

/// Every screen: the start screen and its overlays, then for every scenario
/// every phase along two paths (always the first choice; always the last),
/// the leave-call question, the ending, the replay, and the start screen with
/// a score.
pub fn routes(library: &impl Shared, options: &Options) -> Vec<Route> {
    let mut out = vec![
        Route {
            name: "start".into(),
            actions: vec![],
        },
        Route {
            name: "help".into(),
            actions: vec![Action::Help],
        },
        Route {
            name: "quit".into(),
            actions: vec![Action::Quit],
        },
        Route {
            name: "start-scrolled".into(),
            actions: vec![Action::PageDown; 4],
        },
    ];
    for i in 0..library.library().scenarios.len() {
        for last in [false, true] {
            let tag = format!("s{i}-{}", if last { "last" } else { "first" });
            let mut app = new_app(library, options);
            let mut actions = vec![Action::Pick(i)];
            app.update(Action::Pick(i));
            let push = |name: String, actions: &Vec<Action>, out: &mut Vec<Route>| {
                out.push(Route {
                    name,
                    actions: actions.clone(),
                })
            };
            push(format!("{tag}-incoming"), &actions, &mut out);
            for n in 0..64 {
                let Some(s) = app.session() else { break };
                let act = match s.phase() {
                    Phase::Incoming => Action::Select,
                    Phase::Deciding { step } => {
                        if n < 2 {
                            let mut leave = actions.clone();
                            leave.push(Action::Back);
                            push(format!("{tag}-leave-{n}"), &leave, &mut out);
                            let mut help = actions.clone();
                            help.push(Action::Help);
                            push(format!("{tag}-help-{n}"), &help, &mut out);
                        }
                        let k = s.step(step).choices.len();
                        Action::Pick(if last { k.saturating_sub(1) } else { 0 })
                    }
                    Phase::Feedback { .. } => Action::Select,
                    Phase::Ended { .. } => {
                        // "Safer way" is offered only when there was one.
                        if s.departs().is_some() {
                            let mut replay = actions.clone();
                            replay.push(Action::Replay);
                            push(format!("{tag}-replay"), &replay, &mut out);
                            replay.extend([Action::PageDown; 5]);
                            push(format!("{tag}-replay-scrolled"), &replay, &mut out);
                        }
                        let mut back = actions.clone();
                        back.push(Action::Select);
                        push(format!("{tag}-start-with-score"), &back, &mut out);
                        break;
                    }
                };
                app.update(act);
                actions.push(act);
                let phase = match app.session().map(|s| s.phase()) {
                    Some(Phase::Incoming) => "incoming",
                    Some(Phase::Deciding { .. }) => "deciding",
                    Some(Phase::Feedback { .. }) => "feedback",
                    Some(Phase::Ended { .. }) => "ending",
                    None => "start",
                };
                push(format!("{tag}-{n}-{phase}"), &actions, &mut out);
                let mut scrolled = actions.clone();
                scrolled.extend([Action::PageDown; 3]);
                push(format!("{tag}-{n}-{phase}-scrolled"), &scrolled, &mut out);
            }
        }
    }
    out
}

/// One route per kind of screen (for the slower tests): the start screen and
/// its overlays, and every phase of the first scenario (first choices) and the
/// second (last choices), without the scrolled copies.
pub fn key_routes(all: &[Route]) -> Vec<Route> {
    all.iter()
        .filter(|r| {
            ["start", "help", "quit"].contains(&r.name.as_str())
                || ((r.name.starts_with("s0-first") || r.name.starts_with("s1-last"))
                    && !r.name.contains("scrolled"))
        })
        .cloned()
        .collect()
}

/// A throwaway built-in catalogue, for tests that only need one.
pub fn catalogue() -> Catalogue {
    Catalogue::builtin()
}

/// Render once at `w`x`h` and check what every frame must satisfy.
pub fn render_checked(app: &App, w: u16, h: u16) -> crate::common::Drawn {
    let t = crate::common::render(app, w, h);
    check_targets(app, Rect::new(0, 0, w, h));
    t
}

/// Draw once at `w`x`h` and check what every frame must satisfy, as
/// [`render_checked`] does, for tests that look at nothing else: the frame
/// is drawn into this thread's one terminal, resized (not a new terminal
/// and backend for every frame), and not copied out to a backend.
pub fn draw_checked(app: &App, w: u16, h: u16) {
    crate::common::draw(app, w, h);
    check_targets(app, Rect::new(0, 0, w, h));
}

/// Clickable areas must lie inside the frame and not be empty.
pub fn check_targets(app: &App, area: Rect) {
    let targets = app.targets.borrow();
    assert!(
        targets.len() <= 64,
        "too many click targets: {}",
        targets.len()
    );
    for (r, t) in targets.iter() {
        assert!(
            r.width > 0 && r.height > 0,
            "empty target {t:?} at {r:?} in {area:?}"
        );
        assert!(
            area.contains(r.as_position())
                && r.right() <= area.right()
                && r.bottom() <= area.bottom(),
            "target {t:?} at {r:?} outside the frame {area:?}"
        );
    }
}

/// Every key the screen names for each of its commands (scrolling aside) is
/// in `said`, in words ("Choose again: press Esc or the letter b"), not just
/// the first key.
pub fn assert_every_key_said(s: &hangup::present::Screen, said: &str) {
    use hangup::present::Cmd;
    for c in s
        .others()
        .filter(|c| !matches!(c.id, Cmd::ScrollDown | Cmd::ScrollUp))
    {
        for k in &c.keys {
            assert!(
                said.contains(&k.spoken()),
                "{:?}: {:?}'s key {} is not said in {said:?}",
                s.title,
                c.label,
                k.spoken()
            );
        }
    }
}

#[test]
fn each_case_runs_every_case_and_fails_naming_the_failed_ones() {
    let ran = std::cell::RefCell::new(Vec::new());
    let table = std::panic::AssertUnwindSafe(|| {
        each_case(pairs(&[1, 2], &['a', 'b']), |(n, c)| {
            ran.borrow_mut().push((n, c));
            assert!(n != 2 || c != 'a', "the failing case");
        });
    });
    let failure = std::panic::catch_unwind(table).expect_err("a failed case fails the table");
    let message = failure
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_default();
    assert_eq!(message, "failed for (2, 'a')");
    assert_eq!(*ran.borrow(), [(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')]);
}
