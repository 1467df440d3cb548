//! Render time per frame for every screen at 80x24 and 200x60 (TestBackend),
//! scenario load time for each built-in file, and `Script::build`.
//! Run: `cargo bench --bench perf`. Figures: docs/performance.md.

use criterion::{Criterion, criterion_group, criterion_main};
use hangup::engine::library::{BUILTIN_SCENARIOS, parse_scenario};
use hangup::engine::{Catalogue, Library, Phase, Script};
use hangup::tui::app::{Action, App, Mode, Options};
use hangup::tui::theme::{Theme, ThemeName};
use hangup::tui::ui;
use ratatui::{Terminal, backend::TestBackend};
use std::hint::black_box;

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

/// Each screen, reached by actions from a fresh app (police-courier, first choices).
fn screens() -> Vec<(&'static str, App)> {
    let index = Library::builtin()
        .scenarios
        .iter()
        .position(|s| s.id.get_ref() == "police-courier")
        .unwrap_or(0);
    let mut out = Vec::new();
    let walk = |stop: &str| {
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
    };
    for name in [
        "start", "help", "incoming", "deciding", "feedback", "ending", "replay",
    ] {
        out.push((name, walk(name)));
    }
    out
}

fn render(c: &mut Criterion) {
    let mut g = c.benchmark_group("render");
    for (name, app) in screens() {
        for (w, h) in [(80u16, 24u16), (200, 60)] {
            // A full frame each time: a fresh terminal has nothing to diff against.
            g.bench_function(format!("{name}/{w}x{h}"), |b| {
                let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
                b.iter(|| {
                    t.clear().expect("clear");
                    t.draw(|f| ui::draw(f, black_box(&app))).expect("draw");
                })
            });
        }
    }
    g.finish();
}

fn load(c: &mut Criterion) {
    let catalogue = Catalogue::builtin();
    let mut g = c.benchmark_group("load");
    for (name, text) in BUILTIN_SCENARIOS {
        g.bench_function(format!("parse_scenario/{name}"), |b| {
            b.iter(|| parse_scenario(black_box(text.as_bytes()), &catalogue))
        });
    }
    g.bench_function("catalogue", |b| b.iter(Catalogue::builtin));
    g.bench_function("library_builtin", |b| b.iter(Library::builtin));
    let lib = Library::builtin();
    for s in &lib.scenarios {
        g.bench_function(format!("script_build/{}", s.id.get_ref()), |b| {
            let mut seed = 0u64;
            b.iter(|| {
                seed += 1;
                Script::build(black_box(s), &lib.catalogue, "ewni", seed)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, render, load);
criterion_main!(benches);
