//! Soak: many seeded random calls through the engine and the app's update
//! loop, as a kiosk would see them over weeks, with random keys, clicks and
//! resizes (and renders). No panic, and nothing retained grows except the
//! list of finished calls (one entry per finished call).
//!
//! `cargo test` plays 300 calls (a second or two). A longer run:
//! `HANGUP_SOAK=1000000 cargo test --release --test it soak::` (see docs/reliability.md);
//! `HANGUP_FUZZ=N` multiplies the default (and every property test's cases) by N.

use crate::harness;

use hangup::engine::Phase;
use hangup::tui::app::{Action, App, Screen, Target};
use hangup::tui::{keymap, ui};
use harness::*;
use rand::{RngExt, SeedableRng, rngs::StdRng};
use ratatui::{Terminal, backend::TestBackend};

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// A random event, biased towards ones that move a call on.
fn random_event(rng: &mut StdRng, app: &App, w: u16, h: u16) -> Event {
    let roll = rng.random_range(0..100);
    match roll {
        // Useful: a digit for a real choice, or Enter.
        0..=34 => {
            let n = match app.session().map(|s| s.phase()) {
                Some(Phase::Deciding { step }) => app
                    .session()
                    .map_or(1, |s| s.step(step).choices.len().max(1)),
                None => app.library.scenarios.len().max(1),
                _ => 1,
            };
            let k = rng.random_range(0..n.min(9));
            key(KeyCode::Char(char::from(b'1' + k as u8)))
        }
        35..=49 => key(KeyCode::Enter),
        // A click on something that is really there.
        50..=59 => {
            let targets = app.targets.borrow();
            if targets.is_empty() {
                key(KeyCode::Enter)
            } else {
                let (r, _) = targets[rng.random_range(0..targets.len())];
                mouse(r.x, r.y)
            }
        }
        // A click anywhere (even outside the window).
        60..=64 => mouse(
            rng.random_range(0..w.saturating_add(5)),
            rng.random_range(0..h.saturating_add(5)),
        ),
        // Any other key a visitor might press.
        _ => {
            let keys = [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Esc,
                KeyCode::Backspace,
                KeyCode::Tab,
                KeyCode::F(1),
                KeyCode::Char('q'),
                KeyCode::Char('y'),
                KeyCode::Char('n'),
                KeyCode::Char('r'),
                KeyCode::Char('?'),
                KeyCode::Char('0'),
                KeyCode::Char('9'),
                KeyCode::Char('x'),
                KeyCode::Char(' '),
            ];
            key(keys[rng.random_range(0..keys.len())])
        }
    }
}

fn mouse(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[derive(Default)]
struct Tally {
    calls_started: u64,
    calls_finished: u64,
    actions: u64,
    renders: u64,
    restarts: u64,
}

/// Play until `calls` calls have been started. Returns the tally.
fn soak(calls: u64, seed: u64) -> Tally {
    let lib = library();
    let opts = options();
    let mut rng = StdRng::seed_from_u64(seed);
    let mut tally = Tally::default();
    let mut app = new_app(&lib, &opts[0]);
    let (mut w, mut h) = (80u16, 24u16);
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("backend");
    term.draw(|f| ui::draw(f, &app)).expect("draw");
    // Choices made in the call on screen: the session's path can never be longer.
    let mut chosen_this_call = 0usize;
    let mut in_call = false;
    let mut results_before = 0usize;

    while tally.calls_started < calls {
        // Sometimes the window changes size (a resize storm now and then).
        if rng.random_range(0..400) == 0 {
            let storm = if rng.random_range(0..10) == 0 { 8 } else { 1 };
            for _ in 0..storm {
                // Mostly small (cheap to draw in a debug build), sometimes big.
                (w, h) = if rng.random_range(0..8) == 0 {
                    (rng.random_range(1..=300), rng.random_range(1..=120))
                } else {
                    (rng.random_range(1..=100), rng.random_range(1..=30))
                };
                term.backend_mut().resize(w, h);
                term.draw(|f| ui::draw(f, &app)).expect("draw");
                tally.renders += 1;
            }
        }
        let ev = random_event(&mut rng, &app, w, h);
        let was_deciding = matches!(
            app.session().map(|s| s.phase()),
            Some(Phase::Deciding { .. })
        );
        let changed = keymap::action_for(&ev).is_some_and(|a| app.update(a));
        tally.actions += 1;
        // The real loop draws after every change. Drawing is the slow part of
        // this test in a debug build, so draw after one change in 30; clicks
        // then aim at slightly stale targets, which is fine for random input.
        if changed && rng.random_range(0..30) == 0 {
            term.draw(|f| ui::draw(f, &app)).expect("draw");
            tally.renders += 1;
        }

        if !app.running {
            // Quit (q then y): a new visitor, a new app.
            tally.restarts += 1;
            app = new_app(&lib, &opts[(tally.restarts % opts.len() as u64) as usize]);
            in_call = false;
            results_before = 0;
            continue;
        }

        // Invariants after every action.
        let now_in_call = matches!(app.screen, Screen::Call { .. });
        if now_in_call && !in_call {
            tally.calls_started += 1;
            chosen_this_call = 0;
        }
        if let Some(s) = app.session() {
            if was_deciding && matches!(s.phase(), Phase::Feedback { .. }) {
                chosen_this_call += 1;
            }
            assert!(
                s.path().len() <= chosen_this_call,
                "path {} longer than the choices made {chosen_this_call}",
                s.path().len()
            );
            assert!(s.path().len() <= 256, "path bounded");
            match s.phase() {
                Phase::Deciding { step } => {
                    let n = s.step(step).choices.len();
                    assert!(app.selected < n.max(1), "selection inside the choices");
                }
                Phase::Feedback { step, choice } => {
                    assert!(choice < s.step(step).choices.len());
                }
                _ => {}
            }
        } else {
            assert!(
                app.selected < app.library.scenarios.len().max(1),
                "selection inside the list"
            );
        }
        // Results grow only by one, and only when a finished call is left.
        let results = app.results.len();
        assert!(
            results == results_before || results == results_before + 1,
            "results grew by more than one"
        );
        if results == results_before + 1 {
            tally.calls_finished += 1;
            assert!(!now_in_call, "a result is added on leaving a call");
        }
        results_before = results;
        for r in &app.results {
            assert!(r.missed.len() <= 64, "missed tricks bounded");
        }
        let targets = app.targets.borrow();
        assert!(
            targets.len() <= 64,
            "click targets bounded: {}",
            targets.len()
        );
        for (_, t) in targets.iter() {
            if let Target::Scenario(i) = t {
                assert!(*i < app.library.scenarios.len());
            }
        }
        drop(targets);
        assert_eq!(
            app.library.scenarios.len(),
            lib.scenarios.len(),
            "library unchanged"
        );
        in_call = now_in_call;
        // Never stuck: an action count far beyond what the calls need means
        // something loops without progress.
        assert!(
            tally.actions < (tally.calls_started + 10) * 400,
            "no progress: {} actions for {} calls",
            tally.actions,
            tally.calls_started
        );
    }
    tally
}

fn calls_wanted() -> u64 {
    std::env::var("HANGUP_SOAK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(300 * u64::from(harness::fuzz_scale()))
}

#[test]
fn many_random_calls() {
    let calls = calls_wanted();
    let start = std::time::Instant::now();
    let t = soak(calls, 0x5eed);
    eprintln!(
        "soak: {} calls started, {} finished and scored, {} actions, {} renders, {} quits, in {:?}",
        t.calls_started,
        t.calls_finished,
        t.actions,
        t.renders,
        t.restarts,
        start.elapsed()
    );
    assert_eq!(t.calls_started, calls);
    assert!(
        t.calls_finished * 4 >= calls,
        "most calls got to the end: {}",
        t.calls_finished
    );
    assert!(t.restarts > 0, "quitting was exercised");
}

/// Retained state does not grow with use: after thousands of calls the app
/// holds the same as after a few, apart from the list of results.
#[test]
fn retained_state_does_not_grow() {
    let lib = library();
    let o = &options()[0];
    let mut app = new_app(&lib, o);
    let mut term = Terminal::new(TestBackend::new(80, 24)).expect("backend");
    let mut sizes = Vec::new();
    let mut rng = StdRng::seed_from_u64(2);
    // 120 calls by default; HANGUP_SOAK lengthens this too (a fifth of it).
    let total = usize::try_from(calls_wanted() / 5)
        .unwrap_or(usize::MAX)
        .max(120);
    let every = total / 4;
    for call in 0..total {
        // Play the call through with random choices (scenarios may loop back,
        // so always taking the first choice might never end).
        app.update(Action::Open(call % lib.scenarios.len()));
        for i in 0..2_000 {
            if i % 16 == 0 {
                term.draw(|f| ui::draw(f, &app)).expect("draw");
            }
            let Some(s) = app.session() else { break };
            let a = match s.phase() {
                Phase::Incoming | Phase::Feedback { .. } => Action::Select,
                Phase::Deciding { step } => {
                    Action::Pick(rng.random_range(0..s.step(step).choices.len().max(1)))
                }
                Phase::Ended { .. } => Action::Select,
            };
            app.update(a);
        }
        // Skip the quick questions after the call (Esc), back to the list.
        for _ in 0..10 {
            if matches!(app.screen, Screen::Start) {
                break;
            }
            app.update(Action::Back);
        }
        assert!(matches!(app.screen, Screen::Start), "back at the start");
        term.draw(|f| ui::draw(f, &app)).expect("draw");
        if call % every == every - 1 {
            sizes.push((app.targets.borrow().len(), app.targets.borrow().capacity()));
        }
    }
    assert_eq!(app.results.len(), total, "one result per finished call");
    assert!(
        sizes.windows(2).all(|p| p[0] == p[1]),
        "click targets stay the same size: {sizes:?}"
    );
}
