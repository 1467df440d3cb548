//! Render time per frame for every screen at 80x24 and 200x60 (TestBackend),
//! scenario load time for each built-in file, and `Script::build`.
//! Run: `cargo bench -p hangup-bench --bench perf` (divan; `-- render` for the frames only).
//! Figures: docs/performance.md.

use divan::Bencher;
use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::{Catalogue, Library, Phase, Script};
use hangup::tui::app::{Action, App, Mode, Options};
use hangup::tui::theme::{Theme, ThemeName};
use hangup::tui::ui;
use ratatui::{Terminal, backend::TestBackend};
use std::hint::black_box;

fn main() {
    divan::main();
}

fn app() -> App {
    App::new(
        Library::builtin(),
        Options {
            mode: Mode::Practice,
            region: "ewni".into(),
            seed: Some(1),
            theme: Theme::new(ThemeName::Default),
            large: false,
        },
    )
}

const SCREENS: [&str; 7] = [
    "start", "help", "incoming", "deciding", "feedback", "ending", "replay",
];

/// A screen, reached by actions from a fresh app (police-courier, first choices).
fn screen(stop: &str) -> App {
    let index = Library::builtin()
        .scenarios
        .iter()
        .position(|s| s.id.get_ref() == "police-courier")
        .unwrap_or(0);
    let mut a = app();
    match stop {
        "start" => return a,
        "help" => {
            a.update(Action::Help);
            return a;
        }
        _ => {}
    }
    a.update(Action::Pick(index));
    for _ in 0..64 {
        let phase = match a.session().map(|s| s.phase()) {
            Some(Phase::Incoming) => "incoming",
            Some(Phase::Deciding { .. }) => "deciding",
            Some(Phase::Feedback { .. }) => "feedback",
            Some(Phase::Ended { .. }) => "ending",
            None => "start",
        };
        if phase == stop {
            return a;
        }
        if stop == "replay" && phase == "ending" {
            a.update(Action::Replay);
            return a;
        }
        let act = match phase {
            "deciding" => Action::Pick(0),
            _ => Action::Select,
        };
        a.update(act);
    }
    a
}

/// A full frame each time: the terminal is cleared first, so nothing is diffed.
fn frame(b: Bencher, name: &str, w: u16, h: u16) {
    let app = screen(name);
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
    b.bench_local(|| {
        t.clear().expect("clear");
        t.draw(|f| ui::draw(f, black_box(&app))).expect("draw");
    });
}

/// A full frame of each screen.
mod render {
    use super::*;

    #[divan::bench(args = SCREENS)]
    fn at_80x24(b: Bencher, name: &str) {
        frame(b, name, 80, 24);
    }

    #[divan::bench(args = SCREENS)]
    fn at_200x60(b: Bencher, name: &str) {
        frame(b, name, 200, 60);
    }
}

/// Reading the built-in files and building a call's script.
mod load {
    use super::*;

    fn names() -> impl Iterator<Item = &'static str> {
        BUILTIN_SCENARIOS.iter().map(|(n, _)| *n)
    }

    #[divan::bench(args = names())]
    fn parse_scenario_file(b: Bencher, name: &str) {
        let catalogue = Catalogue::builtin();
        let text = BUILTIN_SCENARIOS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| *t)
            .unwrap_or_default();
        b.bench_local(|| parse_scenario(black_box(text.as_bytes()), &catalogue));
    }

    #[divan::bench]
    fn catalogue() -> Catalogue {
        Catalogue::builtin()
    }

    #[divan::bench]
    fn library_builtin() -> Library {
        Library::builtin()
    }

    fn ids() -> Vec<String> {
        Library::builtin()
            .scenarios
            .iter()
            .map(|s| s.id.get_ref().to_string())
            .collect()
    }

    #[divan::bench(args = ids())]
    fn script_build(b: Bencher, id: &str) {
        let lib = Library::builtin();
        let Some(s) = lib.scenarios.iter().find(|s| s.id.get_ref() == id) else {
            return;
        };
        let mut seed = 0u64;
        b.bench_local(|| {
            seed += 1;
            Script::build(black_box(s), &lib.catalogue, "ewni", seed)
        });
    }
}
