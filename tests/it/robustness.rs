//! Any size, any resize: every screen of every scenario, in every mode and
//! theme, renders without panic from 1x1 to 500x200, and through random
//! resize storms ends up showing exactly what a fresh draw would show.

use crate::harness;

use hangup::tui::app::{Action, Options};
use hangup::tui::ui;
use harness::*;
use proptest::prelude::*;
use ratatui::{Terminal, backend::TestBackend};
use std::sync::Arc;

/// Sizes around every boundary the layout cares about (the 40x12 minimum).
const SMALL: &[(u16, u16)] = &[
    (1, 1),
    (2, 2),
    (5, 3),
    (39, 11),
    (39, 12),
    (40, 11),
    (40, 12),
    (41, 13),
    (60, 16),
    (80, 24),
    (120, 40),
];
/// Big windows, up to 500x200 (slow to draw in a debug build, so used sparingly).
const BIG: &[(u16, u16)] = &[(200, 60), (255, 255), (500, 30), (30, 200), (500, 200)];

#[test]
fn every_screen_in_every_option_at_the_boundary_sizes() {
    let lib = Arc::new(library());
    let mut renders = 0usize;
    for o in &options() {
        for route in routes(&lib, o) {
            let app = build(&lib, o, &route);
            for &(w, h) in SMALL {
                draw_checked(&app, w, h);
                renders += 1;
            }
        }
    }
    assert!(renders > 1_000, "the matrix really ran ({renders} renders)");
}

#[test]
fn key_screens_at_big_sizes() {
    let lib = Arc::new(library());
    let o = &options()[0];
    for route in key_routes(&routes(&lib, o)) {
        let app = build(&lib, o, &route);
        for &(w, h) in BIG {
            draw_checked(&app, w, h);
        }
    }
}

#[test]
fn every_small_size_one_by_one() {
    // Every size from 1x1 to 60x20 (all around the 40x12 minimum), for the
    // screens with the most on them.
    let lib = Arc::new(library());
    let o = &options()[0];
    let all = routes(&lib, o);
    let picked: Vec<_> = all
        .iter()
        .filter(|r| {
            r.name == "start"
                || r.name == "s0-first-0-deciding"
                || r.name == "s0-first-1-feedback"
                || r.name == "s0-first-replay"
        })
        .collect();
    assert_eq!(picked.len(), 4, "{picked:?}");
    for route in picked {
        let app = build(&lib, o, route);
        for w in 1..=60 {
            for h in 1..=20 {
                draw_checked(&app, w, h);
            }
        }
    }
}

#[test]
fn large_print_every_screen_from_1x1_to_200x60() {
    // Big letters change the layout most, and at the sizes where one letter
    // size gives way to the next. Every screen of every scenario at sizes
    // across 1x1 to 200x60; the key screens at a grid of widths and heights.
    let lib = Arc::new(library());
    let o = large(hangup::tui::theme::ThemeName::Default);
    let all: Vec<Route> = routes(&lib, &o)
        .into_iter()
        .filter(|r| !r.name.contains("scrolled"))
        .collect();
    let mut renders = 0usize;
    for route in &all {
        let app = build(&lib, &o, route);
        for (w, h) in [
            (1, 1),
            (40, 12),
            (64, 18),
            (80, 24),
            (100, 30),
            (120, 40),
            (200, 60),
        ] {
            draw_checked(&app, w, h);
            renders += 1;
        }
    }
    let widths: Vec<u16> = (1..=200).step_by(17).chain([40, 80, 120, 200]).collect();
    let heights: Vec<u16> = (1..=60).step_by(9).chain([12, 24, 40, 60]).collect();
    for route in key_routes(&all) {
        let app = build(&lib, &o, &route);
        for &w in &widths {
            for &h in &heights {
                draw_checked(&app, w, h);
                renders += 1;
            }
        }
    }
    assert!(renders > 3_000, "the matrix really ran ({renders} renders)");
}

#[test]
fn zero_sized_frames_do_not_panic() {
    let lib = Arc::new(library());
    let o = &options()[0];
    for route in routes(&lib, o).iter().take(12) {
        let app = build(&lib, o, route);
        for (w, h) in [(0, 0), (0, 24), (80, 0), (1, 0), (0, 1)] {
            draw_checked(&app, w, h);
        }
    }
}

/// Draw on one long-lived terminal (so ratatui diffs against the previous
/// frame) through a sequence of sizes; the result must equal a fresh draw.
fn storm(app: &hangup::tui::app::App, sizes: &[(u16, u16)]) {
    let (w0, h0) = sizes[0];
    let mut t = Terminal::new(TestBackend::new(w0, h0)).expect("backend");
    for &(w, h) in sizes {
        t.backend_mut().resize(w, h);
        t.draw(|f| ui::draw(f, app)).expect("draw");
        check_targets(app, ratatui::layout::Rect::new(0, 0, w, h));
    }
    let &(w, h) = sizes.last().expect("at least one size");
    let fresh = render_checked(app, w, h);
    assert_eq!(
        t.backend().buffer(),
        fresh.backend().buffer(),
        "after a resize storm the screen is what a fresh draw shows"
    );
}

#[test]
fn resize_storm_over_every_screen() {
    let lib = Arc::new(library());
    let o = &options()[0];
    let sizes: Vec<(u16, u16)> = (0..10u16)
        .map(|i| (1 + (i * 37) % 150, 1 + (i * 23) % 60))
        .chain([(80, 24)])
        .collect();
    for route in key_routes(&routes(&lib, o)) {
        let app = build(&lib, o, &route);
        storm(&app, &sizes);
    }
}

/// The library, and every option with all its routes.
type EveryRoute = (Arc<hangup::engine::Library>, Vec<(Options, Vec<Route>)>);

/// [`EveryRoute`], worked out once for the property tests below (each case
/// picks one).
fn every_route() -> &'static EveryRoute {
    static ALL: std::sync::OnceLock<EveryRoute> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let lib = Arc::new(library());
        let every = options()
            .into_iter()
            .map(|o| {
                let r = routes(&lib, &o);
                (o, r)
            })
            .collect();
        (lib, every)
    })
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Up),
        Just(Action::Down),
        Just(Action::PageUp),
        Just(Action::PageDown),
        Just(Action::Select),
        (0usize..10).prop_map(Action::Pick),
        Just(Action::Back),
        Just(Action::Help),
        Just(Action::Quit),
        Just(Action::Yes),
        Just(Action::No),
        Just(Action::Replay),
        Just(Action::Redraw),
        (0u16..520, 0u16..210).prop_map(|(column, row)| Action::Click { column, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(harness::cases(32)))]

    /// Random size for a random screen in random options.
    #[test]
    fn random_sizes_never_panic(
        which in any::<prop::sample::Index>(),
        opt in any::<prop::sample::Index>(),
        w in 0u16..=500,
        h in 0u16..=200,
    ) {
        let (lib, every) = every_route();
        let (o, all) = opt.get(every);
        let app = build(lib, o, which.get(all));
        draw_checked(&app, w, h);
    }

    /// A random screen through a random resize sequence ends up correct.
    #[test]
    fn random_resize_sequences_end_correct(
        which in any::<prop::sample::Index>(),
        sizes in prop::collection::vec((1u16..=500, 1u16..=200), 1..6),
    ) {
        let (lib, every) = every_route();
        let (o, all) = &every[0];
        let app = build(lib, o, which.get(all));
        storm(&app, &sizes);
    }

    /// Random actions interleaved with random resizes, rendering after each
    /// (as the real loop does): never a panic, and the frame stays correct.
    #[test]
    fn random_actions_and_resizes(
        steps in prop::collection::vec((action(), 1u16..=160, 1u16..=60), 1..30),
    ) {
        let lib = library();
        let o = &options()[0];
        let mut app = new_app(&lib, o);
        let (w0, h0) = (steps[0].1, steps[0].2);
        let mut t = Terminal::new(TestBackend::new(w0, h0)).expect("backend");
        for (a, w, h) in steps {
            t.backend_mut().resize(w, h);
            t.draw(|f| ui::draw(f, &app)).expect("draw");
            app.update(a);
            if !app.running {
                break;
            }
        }
    }
}
