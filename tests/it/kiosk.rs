//! Kiosk mode, driven with synthetic events and a made-up clock (no sleeping).

use crate::common;

use std::time::{Duration, Instant};

use common::*;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use hangup::engine::Phase;
use hangup::kiosk::{Kiosk, Settings, Stage};
use hangup::stats::{self, Store};
use hangup::tui::app::{App, Mode, Options, Screen};
use hangup::tui::quick_check::QuickScreen;
use hangup::tui::theme::{Theme, ThemeName};

const W: u16 = 80;
const H: u16 = 24;

fn options() -> Options {
    Options {
        mode: Mode::Kiosk,
        region: "ewni".into(),
        seed: Some(1),
        theme: Theme::new(ThemeName::Default),
        large: false,
    }
}

fn settings(pin: Option<&str>) -> Settings {
    Settings {
        idle_timeout: Duration::from_secs(120),
        idle_warning: Duration::from_secs(30),
        pin: pin.map(str::to_string),
    }
}

/// A kiosk and a clock that only moves when told to.
struct Rig {
    kiosk: Kiosk,
    now: Instant,
}

impl Rig {
    fn new(pin: Option<&str>, store: Store) -> Self {
        Self {
            kiosk: Kiosk::new(tiny_library(), options(), settings(pin), store),
            now: Instant::now(),
        }
    }

    fn screen(&self, w: u16, h: u16) -> String {
        screen_text(&self.kiosk, w, h)
    }

    /// Send an event a second after the last one (so the tremor filter never
    /// interferes), drawing first so touch targets are where they show.
    fn send(&mut self, ev: Event) -> bool {
        self.send_after(Duration::from_secs(1), ev)
    }

    fn send_after(&mut self, gap: Duration, ev: Event) -> bool {
        draw(&self.kiosk, W, H);
        self.now += gap;
        self.kiosk.handle(&ev, self.now)
    }

    /// Let time pass with no input, waking at each deadline like the real loop.
    fn wait(&mut self, d: Duration) {
        let end = self.now + d;
        while let Some(at) = self.kiosk.next_deadline(self.now) {
            if at > end {
                break;
            }
            self.now = at;
            self.kiosk.tick(self.now);
        }
        self.now = end;
    }

    fn on_offer(&self) -> bool {
        matches!(&self.kiosk.app.screen, Screen::Quick(q) if matches!(**q, QuickScreen::Offer(_)))
    }

    /// A finger down at (column, row) a second after the last event, and up
    /// again on the same spot 80 ms later. True when the screen changed.
    fn touch(&mut self, column: u16, row: u16) -> bool {
        let down = self.send(tap(column, row));
        self.now += Duration::from_millis(80);
        let up = self.kiosk.handle(&lift(column, row), self.now);
        down || up
    }

    fn phase(&self) -> Option<Phase> {
        self.kiosk.app.session().map(|s| s.phase())
    }

    /// Attract → the quick-check offer ("not now") → list → the tiny call, answered.
    fn start_a_call(&mut self) {
        self.send(ch('x'));
        if self.on_offer() {
            self.send(ch('2'));
        }
        self.send(ch('1'));
        self.send(ch('1'));
        assert!(matches!(self.phase(), Some(Phase::Deciding { .. })));
    }

    fn choice_index(&self, starts: &str) -> usize {
        let s = self.kiosk.app.session().expect("in a call");
        let Phase::Deciding { step } = s.phase() else {
            panic!("not deciding")
        };
        s.step(step)
            .choices
            .iter()
            .position(|c| c.text.starts_with(starts))
            .expect("choice")
    }
}

fn ctrl(c: char) -> Event {
    Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

fn lift(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Up(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn tap(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

fn escape_attempts() -> Vec<Event> {
    vec![
        ch('q'),
        ch('Q'),
        key(KeyCode::Esc),
        ctrl('c'),
        ctrl('d'),
        ctrl('z'),
        ctrl('\\'),
        ch('y'),
    ]
}

#[test]
fn keys_that_would_quit_practice_do_nothing_in_the_kiosk_app() {
    let mut a = App::new(tiny_library(), options());
    for screen_keys in [&[][..], &[ch('1')][..], &[ch('1'), ch('1')][..]] {
        let mut a2 = App::new(tiny_library(), options());
        for ev in screen_keys {
            send(&mut a2, ev.clone(), W, H);
        }
        for ev in escape_attempts() {
            send(&mut a2, ev, W, H);
            assert!(a2.running, "{screen_keys:?} then a key stopped the kiosk");
            assert_ne!(a2.overlay, Some(hangup::tui::app::Overlay::ConfirmQuit));
        }
    }
    // And Esc at the top level stays on the list.
    send(&mut a, key(KeyCode::Esc), W, H);
    assert!(matches!(a.screen, Screen::Start));
    assert!(a.running);
}

#[test]
fn keys_that_would_quit_do_nothing_in_the_kiosk_anywhere() {
    let mut rig = Rig::new(None, Store::in_memory());
    for ev in escape_attempts() {
        rig.send(ev);
        assert!(rig.kiosk.running);
    }
    rig.start_a_call();
    for ev in escape_attempts() {
        rig.send(ev);
        assert!(rig.kiosk.running);
        assert!(rig.kiosk.app.running);
    }
    // F10 three times with no PIN configured does nothing either.
    for _ in 0..3 {
        rig.send_after(Duration::from_millis(400), key(KeyCode::F(10)));
    }
    assert_eq!(rig.kiosk.staff.prompt(), None);
    assert!(rig.kiosk.running);
}

#[test]
fn any_key_starts_and_that_key_is_not_acted_on() {
    let mut rig = Rig::new(None, Store::in_memory());
    assert_eq!(rig.kiosk.stage, Stage::Attract);
    assert!(rig.screen(W, H).contains("Touch the screen to practise"));
    // '1' would start the first call if it were acted on.
    rig.send(ch('1'));
    assert_eq!(rig.kiosk.stage, Stage::Visiting);
    assert!(
        rig.on_offer(),
        "the first screen of a visit, not the call '1' would start"
    );
    // A touch anywhere wakes it too.
    let mut rig = Rig::new(None, Store::in_memory());
    rig.send(tap(3, 3));
    assert_eq!(rig.kiosk.stage, Stage::Visiting);
}

#[test]
fn no_timer_runs_on_the_attract_screen() {
    let rig = Rig::new(None, Store::in_memory());
    assert_eq!(rig.kiosk.next_deadline(rig.now), None);
}

#[test]
fn left_alone_it_warns_then_resets_and_input_restores_exactly() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.start_a_call();
    let before = rig.screen(W, H);
    rig.wait(Duration::from_secs(119));
    assert_eq!(rig.kiosk.warning, None);
    rig.wait(Duration::from_secs(1));
    assert_eq!(rig.kiosk.warning, Some(30));
    let warn = rig.screen(W, H);
    assert!(warn.contains("Are you still there?"));
    assert!(warn.contains("Starting again in 30 seconds."));
    rig.wait(Duration::from_secs(10));
    assert!(rig.screen(W, H).contains("Starting again in 20 seconds."));

    // A key brings the call back exactly as it was, and does nothing else:
    // '1' would otherwise have chosen the first answer.
    let phase = rig.phase();
    assert!(rig.send_after(Duration::ZERO, ch('1')));
    assert_eq!(rig.kiosk.warning, None);
    assert_eq!(rig.phase(), phase);
    assert_eq!(rig.screen(W, H), before);

    // Left alone again: the whole timeout, then the whole warning.
    rig.wait(Duration::from_secs(149));
    assert_eq!(rig.kiosk.warning, Some(1));
    assert!(rig.screen(W, H).contains("Starting again in 1 second."));
    rig.wait(Duration::from_secs(1));
    assert_eq!(rig.kiosk.stage, Stage::Attract);
    assert_eq!(rig.kiosk.warning, None);
    assert!(rig.kiosk.app.session().is_none());
    assert!(rig.kiosk.app.results.is_empty());
    assert_eq!(rig.kiosk.next_deadline(rig.now), None);
}

#[test]
fn a_finished_call_also_returns_to_attract_and_forgets_the_visitor() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.start_a_call();
    let hang_up = rig.choice_index("Hang up");
    rig.send(ch(char::from(b'1' + hang_up as u8)));
    rig.send(key(KeyCode::Enter));
    assert!(matches!(rig.phase(), Some(Phase::Ended { .. })));
    rig.send(key(KeyCode::Enter));
    assert_eq!(rig.kiosk.app.results.len(), 1);
    rig.wait(Duration::from_secs(150));
    assert_eq!(rig.kiosk.stage, Stage::Attract);
    assert!(rig.kiosk.app.results.is_empty());
    let day = stats::today();
    let d = &rig.kiosk.store.counters.kiosk[&day];
    assert_eq!(d.visits, 1);
    assert_eq!(d.idle_resets, 1);
    assert_eq!(d.finished["tiny"].safe, 1);
}

#[test]
fn staff_exit_needs_f10_three_times_and_the_pin() {
    let mut rig = Rig::new(Some("2468"), Store::in_memory());
    rig.start_a_call();
    for _ in 0..3 {
        rig.send_after(Duration::from_millis(500), key(KeyCode::F(10)));
    }
    assert_eq!(rig.kiosk.staff.prompt(), Some(0));
    assert!(rig.screen(W, H).contains("Staff exit"));
    // A wrong PIN keeps it running; digits typed quickly are not filtered.
    for c in "1111".chars() {
        rig.send_after(Duration::from_millis(50), ch(c));
    }
    assert!(rig.screen(W, H).contains("PIN: ****"));
    rig.send(key(KeyCode::Enter));
    assert!(rig.kiosk.running);
    assert!(rig.screen(W, H).contains("That PIN is not right"));
    // Esc goes back to the call untouched.
    rig.send(key(KeyCode::Esc));
    assert_eq!(rig.kiosk.staff.prompt(), None);
    assert!(matches!(rig.phase(), Some(Phase::Deciding { .. })));
    for _ in 0..3 {
        rig.send_after(Duration::from_millis(500), key(KeyCode::F(10)));
    }
    for c in "2468".chars() {
        rig.send_after(Duration::from_millis(50), ch(c));
    }
    rig.send(key(KeyCode::Enter));
    assert!(!rig.kiosk.running);
}

#[test]
fn a_forgotten_pin_prompt_times_out_like_anything_else() {
    let mut rig = Rig::new(Some("2468"), Store::in_memory());
    for _ in 0..3 {
        rig.send_after(Duration::from_millis(500), key(KeyCode::F(10)));
    }
    assert_eq!(rig.kiosk.staff.prompt(), Some(0));
    rig.wait(Duration::from_secs(150));
    assert_eq!(rig.kiosk.staff.prompt(), None);
    assert_eq!(rig.kiosk.stage, Stage::Attract);
    assert!(rig.kiosk.running);
}

/// Row and column of the first cell of `text` on screen.
fn find(screen: &str, text: &str) -> (u16, u16) {
    for (row, line) in screen.lines().enumerate() {
        if let Some(col) = line.find(text) {
            // The backend's string quotes each line; count characters, not bytes.
            let col = line[..col].chars().count().saturating_sub(1);
            return (col as u16, row as u16);
        }
    }
    panic!("{text:?} not on screen:\n{screen}")
}

#[test]
fn touching_anywhere_on_a_tall_choice_block_chooses_it_once() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.start_a_call();
    let screen = rig.screen(W, H);
    let (_, row) = find(&screen, "Hang up.");
    let hang_up = rig.choice_index("Hang up");
    // The block is three rows tall: the row above the words chooses it too.
    rig.touch(60, row - 1);
    let s = rig.kiosk.app.session().expect("call");
    let Phase::Feedback { choice, .. } = s.phase() else {
        panic!("a touch above the words did not choose: {:?}", s.phase())
    };
    assert_eq!(choice, hang_up);
    // A shaky second touch at once does not also press "Go on".
    // By touch the button's words are the label alone: no key named.
    let screen = rig.screen(W, H);
    assert!(!screen.contains("Enter  Go on"), "{screen}");
    let (col, row) = find(&screen, "Go on");
    rig.touch(col, row);
    assert!(matches!(rig.phase(), Some(Phase::Ended { .. })));
    let phase = rig.phase();
    rig.screen(W, H);
    rig.now += Duration::from_millis(100);
    rig.kiosk.handle(&tap(col, row), rig.now);
    rig.now += Duration::from_millis(50);
    rig.kiosk.handle(&lift(col, row), rig.now);
    assert_eq!(rig.phase(), phase, "the repeat touch was acted on");
}

#[test]
fn a_touch_acts_when_the_finger_lifts_on_the_same_block() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.start_a_call();
    let (_, row) = find(&rig.screen(W, H), "Hang up.");
    // Down alone does nothing yet.
    assert!(!rig.send(tap(60, row)));
    assert!(matches!(rig.phase(), Some(Phase::Deciding { .. })));
    // Sliding off the block before lifting cancels the touch.
    rig.now += Duration::from_millis(200);
    assert!(!rig.kiosk.handle(&lift(60, 0), rig.now));
    assert!(matches!(rig.phase(), Some(Phase::Deciding { .. })));
    // A lift with no touch before it does nothing either.
    rig.now += Duration::from_millis(200);
    assert!(!rig.kiosk.handle(&lift(60, row), rig.now));
    assert!(matches!(rig.phase(), Some(Phase::Deciding { .. })));
    // Down and up on the same block chooses it.
    assert!(rig.touch(60, row));
    assert!(matches!(rig.phase(), Some(Phase::Feedback { .. })));
}

#[test]
fn a_repeated_key_within_300ms_counts_once() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.send(ch('x'));
    rig.send(key(KeyCode::Down));
    let before = rig.kiosk.app.selected;
    rig.send_after(Duration::from_millis(100), key(KeyCode::Up));
    rig.send_after(Duration::from_millis(100), key(KeyCode::Up));
    assert_eq!(rig.kiosk.app.selected, before.saturating_sub(1));
}

#[test]
fn counts_are_saved_atomically_and_hold_nothing_a_visitor_typed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rig = Rig::new(None, Store::open(Some(dir.path())));
    assert!(rig.kiosk.store.is_saving());
    assert!(rig.kiosk.store.warnings.is_empty());
    rig.start_a_call();
    for c in "MrsSecretName 0300".chars() {
        rig.send(ch(c));
    }
    rig.wait(Duration::from_secs(150));
    rig.start_a_call();
    let files: Vec<String> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        files,
        vec![stats::FILE_NAME.to_string()],
        "no temp files left"
    );
    let text = std::fs::read_to_string(dir.path().join(stats::FILE_NAME)).expect("read");
    assert!(!text.contains("Secret"));
    assert!(!text.contains("0300"));
    // Only dates, fixed names and numbers: no times of day.
    assert!(!text.contains(':'), "{text}");
    let c = stats::load(&dir.path().join(stats::FILE_NAME)).expect("loads");
    let day = &c.kiosk[&stats::today()];
    assert_eq!((day.visits, day.idle_resets), (2, 1));
}

#[test]
fn a_damaged_counts_file_is_kept_aside_and_counting_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(stats::FILE_NAME);
    std::fs::write(&path, "kiosk = [[[ not toml").expect("write");
    let mut out = Vec::new();
    let err = stats::print(Some(dir.path()), false, &mut out)
        .expect_err("damaged")
        .to_string();
    assert!(err.contains("damaged"), "{err}");
    let mut store = Store::open(Some(dir.path()));
    assert_eq!(store.warnings.len(), 1);
    let kept = format!("counters.toml.damaged-{}", stats::today());
    assert!(store.warnings[0].contains(&kept), "{}", store.warnings[0]);
    assert!(store.is_saving());
    store.record(|c, day| c.visit_started(day));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(&kept)).expect("kept"),
        "kiosk = [[[ not toml"
    );
    let c = stats::load(&path).expect("fresh file loads");
    assert_eq!(c.kiosk[&stats::today()].visits, 1);
}

#[test]
fn an_unusable_folder_gives_one_warning_and_no_saving() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").expect("write");
    let mut store = Store::open(Some(&file.join("data")));
    assert_eq!(store.warnings.len(), 1);
    assert!(store.warnings[0].contains("Counts will not be saved"));
    assert!(!store.is_saving());
    store.record(|c, day| c.visit_started(day));
    assert_eq!(store.warnings.len(), 1);
}

#[test]
fn write_atomic_replaces_the_whole_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("f.toml");
    stats::write_atomic(&path, b"a = 1\n").expect("first");
    stats::write_atomic(&path, b"b = 2\n").expect("second");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), "b = 2\n");
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 1);
    // A folder that is not there fails cleanly.
    assert!(stats::write_atomic(&dir.path().join("no/such/f"), b"x").is_err());
}

#[test]
fn snapshots_of_attract_and_warning() {
    for (w, h) in [(80, 24), (40, 12)] {
        let mut rig = Rig::new(None, Store::in_memory());
        insta::assert_snapshot!(format!("attract_{w}x{h}"), rig.screen(w, h));
        rig.start_a_call();
        rig.wait(Duration::from_secs(123));
        insta::assert_snapshot!(format!("still_there_{w}x{h}"), rig.screen(w, h));
    }
}

#[test]
fn a_visitor_s_quick_checks_are_counted_as_numbers_only() {
    let dir = tempfile::tempdir().expect("temp");
    let mut rig = Rig::new(None, Store::open(Some(dir.path())));
    rig.send(ch('x'));
    assert!(rig.on_offer());
    let (col, row) = find(&rig.screen(80, 24), "Yes, start the check");
    rig.touch(col, row); // the "Yes" button, by touch
    let mut answered = 0;
    while let Screen::Quick(q) = &rig.kiosk.app.screen {
        match &**q {
            QuickScreen::Questions(run) => {
                let key = if run.answered.is_some() {
                    answered += 1;
                    ch('1')
                } else if run.current().expect("item").answer == hangup::engine::Kind::Scam {
                    ch('1')
                } else {
                    ch('2')
                };
                rig.send(key);
            }
            QuickScreen::Result { .. } => {
                assert!(rig.screen(80, 24).contains("You got 6 of 6 right."));
                rig.send(ch('1'));
            }
            QuickScreen::Offer(_) => panic!("offered twice"),
        }
    }
    assert_eq!(answered, 6);
    assert!(matches!(rig.kiosk.app.screen, Screen::Start));
    let saved = std::fs::read_to_string(dir.path().join(stats::FILE_NAME)).expect("counts");
    let c: stats::Counters = toml::from_str(&saved).expect("toml");
    let (before, after) = c.check_totals();
    assert_eq!((before.taken, before.right, before.asked), (1, 6, 6));
    assert!(after.is_empty());
    // Two calls later the visitor is offered the check again.
    for _ in 0..2 {
        rig.send(ch('1'));
        rig.send(ch('1'));
        for _ in 0..40 {
            if rig.kiosk.app.session().is_none() {
                break;
            }
            let ended = matches!(
                rig.phase(),
                Some(Phase::Ended { .. } | Phase::Feedback { .. })
            );
            rig.send(if ended { key(KeyCode::Enter) } else { ch('1') });
        }
        assert!(rig.kiosk.app.session().is_none(), "the call ended");
    }
    assert!(rig.on_offer(), "{}", rig.screen(80, 24));
    // The next visitor starts fresh, with the before check.
    rig.kiosk.reset();
    rig.send(ch('x'));
    assert!(rig.on_offer());
    let Screen::Quick(q) = &rig.kiosk.app.screen else {
        unreachable!()
    };
    assert_eq!(
        **q,
        QuickScreen::Offer(hangup::engine::quick_check::Stage::Before)
    );
}

#[test]
fn snapshots_of_tall_touch_targets() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.send(ch('x'));
    insta::assert_snapshot!("kiosk_offer_80x24", rig.screen(80, 24));
    rig.send(ch('2'));
    insta::assert_snapshot!("kiosk_list_80x24", rig.screen(80, 24));
    rig.send(ch('1'));
    rig.send(ch('1'));
    insta::assert_snapshot!("kiosk_deciding_80x24", rig.screen(80, 24));
    insta::assert_snapshot!("kiosk_deciding_40x12", rig.screen(40, 12));
}

/// Open the PIN prompt and type `pin`, then Enter.
fn try_pin(rig: &mut Rig, pin: &str) {
    if rig.kiosk.staff.prompt().is_none() {
        for _ in 0..3 {
            rig.send_after(Duration::from_millis(500), key(KeyCode::F(10)));
        }
    }
    for c in pin.chars() {
        rig.send_after(Duration::from_millis(50), ch(c));
    }
    rig.send_after(Duration::from_millis(50), key(KeyCode::Enter));
}

#[test]
fn wrong_pins_lock_the_exit_for_longer_and_longer() {
    let mut rig = Rig::new(Some("2468"), Store::in_memory());
    rig.start_a_call();
    for _ in 0..4 {
        try_pin(&mut rig, "1111");
        assert!(rig.kiosk.running);
        assert!(!rig.screen(W, H).contains("locked"));
    }
    // The fifth wrong PIN locks the exit for 30 seconds, shown on screen.
    try_pin(&mut rig, "1111");
    let screen = rig.screen(W, H);
    assert!(screen.contains("The exit is locked"), "{screen}");
    assert!(screen.contains("Try again in 30 seconds"), "{screen}");
    // Even the right PIN does nothing while locked, and is not counted.
    try_pin(&mut rig, "2468");
    assert!(rig.kiosk.running, "locked: the right PIN must wait");
    // The countdown moves with the (injected) clock: the loop wakes each second.
    rig.wait(Duration::from_secs(10));
    assert!(
        rig.screen(W, H).contains("Try again in 2"),
        "{}",
        rig.screen(W, H)
    );
    rig.wait(Duration::from_secs(30));
    assert!(!rig.screen(W, H).contains("locked"));
    // Another wrong one: now 60 seconds (doubling); Esc and a reset do not clear it.
    try_pin(&mut rig, "9999");
    assert!(rig.screen(W, H).contains("Try again in 60 seconds"));
    rig.send(key(KeyCode::Esc));
    rig.kiosk.reset();
    assert_eq!(rig.kiosk.staff.locked(rig.now), Some(59));
    rig.now += Duration::from_secs(60);
    try_pin(&mut rig, "2468");
    assert!(!rig.kiosk.running, "after the wait the right PIN works");
}

#[test]
fn the_lock_doubles_up_to_an_hour_and_never_overflows() {
    use hangup::kiosk::input::{LOCK_FIRST, LOCK_MAX, lock_for};
    assert_eq!(lock_for(4), Duration::ZERO);
    assert_eq!(lock_for(5), LOCK_FIRST);
    assert_eq!(lock_for(6), LOCK_FIRST * 2);
    assert_eq!(lock_for(7), LOCK_FIRST * 4);
    assert_eq!(lock_for(20), LOCK_MAX);
    assert_eq!(lock_for(u32::MAX), LOCK_MAX);
}

#[test]
fn huge_idle_settings_are_refused_and_never_overflow() {
    use hangup::kiosk::config::{check_seconds, parse};
    assert!(check_seconds("idle-timeout", u64::MAX).is_err());
    assert!(check_seconds("idle-warning", 3601).is_err());
    assert!(check_seconds("idle-timeout", 0).is_err());
    assert_eq!(check_seconds("idle-timeout", 86_400).ok(), Some(86_400));
    let e = parse("idle-timeout = 9223372036854775807\n")
        .expect_err("huge")
        .to_string();
    assert!(e.contains("at most 86400 seconds"), "{e}");
    // Even if such a value got through, the kiosk would not panic on a key.
    let mut rig = Rig {
        kiosk: Kiosk::new(
            tiny_library(),
            options(),
            Settings {
                idle_timeout: Duration::MAX,
                idle_warning: Duration::MAX,
                pin: None,
            },
            Store::in_memory(),
        ),
        now: Instant::now(),
    };
    rig.start_a_call();
    rig.wait(Duration::from_secs(10_000_000));
    assert_eq!(rig.kiosk.stage, Stage::Visiting);
}

#[test]
fn each_call_is_counted_once_however_the_keys_are_mashed() {
    let mut rig = Rig::new(None, Store::in_memory());
    rig.start_a_call();
    let hang_up = rig.choice_index("Hang up");
    rig.send(ch(char::from(b'1' + hang_up as u8)));
    // Mash every key a visitor might, many times, with and without gaps:
    // the same call is finished again and again in one visit.
    let keys = [
        key(KeyCode::Enter),
        ch('1'),
        ch('r'),
        key(KeyCode::Esc),
        ch('2'),
        key(KeyCode::Backspace),
        key(KeyCode::Up),
        key(KeyCode::Down),
    ];
    for i in 0..2000 {
        let gap = Duration::from_millis(if i % 3 == 0 { 5 } else { 350 });
        rig.send_after(gap, keys[i % keys.len()].clone());
    }
    let c = &rig.kiosk.store.counters;
    let day = &c.kiosk[&stats::today()];
    let finished: u64 = day
        .finished
        .values()
        .map(|o| o.safe + o.partly_safe + o.defrauded)
        .sum();
    let calls = tiny_library().scenarios.len() as u64;
    assert_eq!(day.visits, 1, "one visit");
    assert!(finished >= 1, "the finished call is counted");
    assert!(
        finished <= calls,
        "{finished} calls counted as finished in one visit with {calls} calls"
    );
}

/// The first row of `screen` that holds `text`, and the column it starts at.
fn find_text(screen: &str, text: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(row, line)| {
        let line = line.trim_matches('"');
        let at = line.find(text)?;
        let col = line[..at].chars().count();
        Some((col as u16, row as u16))
    })
}

#[test]
fn a_visitor_chooses_cymraeg_on_the_invitation_and_plays_by_touch() {
    use hangup::i18n::{self, Language};
    let kiosk = Kiosk::new(
        hangup::engine::Library::load_in(None, Language::EnGb),
        options(),
        settings(None),
        Store::open(None),
    )
    .with_languages(Language::EnGb, None);
    let mut rig = Rig {
        kiosk,
        now: Instant::now(),
    };
    let screen = rig.screen(W, H);
    // The block to touch (the line above it names Cymraeg too).
    let (_, row) = find_text(&screen, "> English <").expect("the choice shows");
    let line = screen
        .lines()
        .nth(row as usize)
        .unwrap_or_default()
        .trim_matches('"');
    let col = line
        .find("Cymraeg")
        .map_or(0, |at| line[..at].chars().count() as u16);
    assert!(rig.touch(col + 2, row));
    assert_eq!(rig.kiosk.stage, Stage::Visiting);
    assert_eq!(i18n::current(), Language::Cy);
    // The quick check is offered ("not now": its own screen is not in Welsh yet).
    if rig.on_offer() {
        rig.send(ch('2'));
    }
    let screen = rig.screen(W, H);
    assert!(screen.contains("Dewiswch alwad i'w hymarfer."), "{screen}");
    let (col, row) = find_text(&screen, "Galwad gan Amazon").expect("the Welsh call");
    rig.touch(col + 1, row);
    // The call is in Welsh; answer and choose by touch (the first block each
    // time) until it ends. (Some of the full-screen buttons are still English.)
    assert!(rig.screen(W, H).contains("Galwad gan Amazon am ad-daliad"));
    for _ in 0..20 {
        if rig
            .phase()
            .is_some_and(|p| matches!(p, Phase::Ended { .. }))
        {
            break;
        }
        let screen = rig.screen(W, H);
        // The first choice block, or the one to go on (its words name no key).
        let target = rig
            .kiosk
            .app
            .targets
            .borrow()
            .iter()
            .find(|(_, t)| {
                matches!(
                    t,
                    hangup::tui::app::Target::Choice(_) | hangup::tui::app::Target::Continue
                )
            })
            .map(|(r, _)| (r.x, r.y + r.height / 2));
        let Some((col, row)) = target else {
            panic!("nothing to touch: {screen}");
        };
        rig.touch(col + 1, row);
    }
    let screen = rig.screen(W, H);
    assert!(
        rig.phase()
            .is_some_and(|p| matches!(p, Phase::Ended { .. })),
        "{screen}"
    );
    // The next visitor starts in English again.
    rig.kiosk.reset();
    assert_eq!(i18n::current(), Language::EnGb);
    assert!(rig.screen(W, H).contains("Touch the screen"));
}

/// The settings file is found where the platform keeps settings (`etcetera`):
/// `$XDG_CONFIG_HOME/hangup/kiosk.toml`, else `~/.config/hangup/kiosk.toml`.
#[test]
fn the_settings_file_is_found_in_the_users_config_folder() {
    let t = tempfile::tempdir().expect("temp");
    let (cfg, home) = (t.path().join("cfg"), t.path().join("home"));
    for dir in [cfg.join("hangup"), home.join(".config/hangup")] {
        std::fs::create_dir_all(&dir).expect("dir");
        // Out of range on purpose: the message names the file that was read.
        std::fs::write(dir.join("kiosk.toml"), "idle-timeout = 0\n").expect("write");
    }
    let run = |xdg: Option<&std::path::Path>| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_hangup"));
        c.arg("stats")
            .env("HOME", &home)
            .env_remove("XDG_CONFIG_HOME");
        if let Some(x) = xdg {
            c.env("XDG_CONFIG_HOME", x);
        }
        let out = c.output().expect("runs");
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let with_xdg = run(Some(&cfg));
    assert!(with_xdg.contains("cfg/hangup/kiosk.toml"), "{with_xdg}");
    let without = run(None);
    assert!(
        without.contains("home/.config/hangup/kiosk.toml"),
        "{without}"
    );
}

/// The trial: `hangup stats` pointed at the wrong folder said only "Nothing
/// has been counted yet." It now says where it looked (safe to print), and
/// whether that folder is there. And with `--data-dir` it does not need the
/// kiosk settings file (readable only by root and the kiosk user: it holds
/// the PIN), so one it cannot read does not stop it.
#[test]
fn stats_with_nothing_counted_says_where_it_looked() {
    let t = tempfile::tempdir().expect("temp");
    let cfg = t.path().join("cfg");
    std::fs::create_dir_all(cfg.join("hangup")).expect("dir");
    let settings = cfg.join("hangup/kiosk.toml");
    // A file this user cannot use (unreadable, and out of range for root).
    std::fs::write(&settings, "idle-timeout = 0\npin = \"1234\"\n").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&settings, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    }
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hangup"))
            .args(args)
            .env("XDG_CONFIG_HOME", &cfg)
            .env_remove("HANGUP_DATA_DIR")
            .output()
            .expect("runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // A folder that is there, with nothing in it.
    let empty = t.path().join("empty");
    std::fs::create_dir_all(&empty).expect("dir");
    let e = empty.to_str().expect("utf-8 path");
    let (code, out, err) = run(&["--data-dir", e, "stats"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Nothing has been counted yet."), "{out}");
    assert!(out.contains(&format!("Counts are kept in {e}.")), "{out}");
    assert!(!out.contains("not there"), "{out}");
    // A wrong folder, with a control character in its name: named, made safe.
    let wrong = t.path().join("wr\x1b[2Jong");
    let w = wrong.to_str().expect("utf-8 path");
    let (code, out, err) = run(&["--data-dir", w, "stats"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!out.contains('\x1b'), "{out:?}");
    assert!(out.contains("That folder is not there yet."), "{out}");
    assert!(out.contains(&t.path().display().to_string()), "{out}");
    // Without --data-dir the settings file is needed (for its data-dir), and
    // the error names it.
    let (code, _, err) = run(&["stats"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("kiosk.toml"), "{err}");
}

/// A scenario file that cannot be used is for whoever looks after the
/// kiosk, not for a visitor: the list says nothing about files (and keeps
/// its rows for calls), and the kiosk has one plain, safe line per file
/// for its error output (the journal).
#[test]
fn files_that_could_not_be_used_are_logged_not_shown() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("badutf.toml"), b"title = \"\xff\xfe\"\n").expect("write");
    std::fs::write(dir.path().join("bad\x1b[31mname.toml"), b"not = [toml").expect("write");
    let library = hangup::engine::Library::load(Some(dir.path()));
    assert_eq!(library.skipped.len(), 2, "{:?}", library.skipped);
    let lines = hangup::kiosk::file_warnings(&library);
    assert_eq!(lines.len(), 2, "{lines:?}");
    for l in &lines {
        assert!(l.starts_with("hangup: the scenario file "), "{l}");
        assert!(l.contains("could not be used"), "{l}");
        assert!(!l.chars().any(char::is_control), "{l:?}");
    }
    assert!(lines.iter().any(|l| l.contains("badutf.toml")), "{lines:?}");
    let mut rig = Rig {
        kiosk: Kiosk::new(library, options(), settings(None), Store::open(None)),
        now: Instant::now(),
    };
    rig.send(ch('x'));
    if rig.on_offer() {
        rig.send(ch('2'));
    }
    assert!(matches!(rig.kiosk.app.screen, Screen::Start));
    let screen = rig.screen(W, H);
    for word in ["could not be used", "badutf", "files", "UTF-8"] {
        assert!(!screen.contains(word), "{word}: {screen}");
    }
    let model = hangup::present::screens::screen(&rig.kiosk.app.flow);
    assert!(
        !model.texts().any(|t| t.contains("could not be used")),
        "{model:?}"
    );
}

/// A stand-in speech program that appends its last argument to a log file.
#[cfg(unix)]
fn speech_stub(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let log = dir.join("said.log");
    let script = dir.join("say");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nfor a; do last=$a; done\nprintf '%s\\n' \"$last\" >> '{}'\n",
            log.display()
        ),
    )
    .expect("write stub");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (script, log)
}

/// Lines the stub has said so far, waiting a little for it to run.
#[cfg(unix)]
fn said(log: &std::path::Path, at_least: usize) -> Vec<String> {
    for _ in 0..200 {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        if text.lines().count() >= at_least {
            return text.lines().map(str::to_string).collect();
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    std::fs::read_to_string(log)
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect()
}

/// With `--speak` a visitor can hear a screen again: a tall "Hear it again"
/// block on every screen of the visit (and `s`), which says it again.
#[cfg(unix)]
#[test]
fn with_speech_a_visitor_can_hear_the_screen_again_by_touch() {
    use hangup::present::Cmd;
    use hangup::tui::app::{Action, Target};
    let dir = tempfile::tempdir().expect("temp");
    let (stub, log) = speech_stub(dir.path());
    let kiosk = Kiosk::new(tiny_library(), options(), settings(None), Store::open(None))
        .with_speaker(hangup::speech::Speaker::new(&stub.display().to_string()));
    assert!(kiosk.speech_off.is_none());
    let mut rig = Rig {
        kiosk,
        now: Instant::now(),
    };
    rig.send(ch('x'));
    if rig.on_offer() {
        rig.send(ch('2'));
    }
    rig.screen(W, H);
    rig.kiosk.say();
    let first = said(&log, 1);
    assert_eq!(first.len(), 1, "{first:?}");
    let model = hangup::present::screens::screen(&rig.kiosk.app.flow);
    assert!(model.find(Cmd::SayAgain).is_some(), "{model:?}");
    // A block at least three rows tall, which says the screen again.
    let screen = rig.screen(W, H);
    assert!(screen.contains("Hear it again"), "{screen}");
    let block = rig
        .kiosk
        .app
        .targets
        .borrow()
        .iter()
        .find(|(_, t)| *t == Target::Act(Action::Char('s')))
        .map(|(r, _)| *r)
        .expect("a Hear it again block");
    assert!(block.height >= 3, "{block:?}");
    rig.touch(block.x + 1, block.y + 1);
    let again = said(&log, 2);
    assert_eq!(again.len(), 2, "{again:?}");
    assert_eq!(again[0], again[1]);
    // And `s` too.
    rig.send(ch('s'));
    assert_eq!(said(&log, 3).len(), 3);
    // The next visitor has it as well.
    rig.kiosk.reset();
    assert!(rig.kiosk.app.flow.speaking);
}

/// A missing speech program: the kiosk notes why for its error output (the
/// journal), shows nothing about it to a visitor, and offers no "Hear it
/// again" that would do nothing.
#[test]
fn a_missing_speech_program_is_noted_for_staff_and_offers_nothing() {
    use hangup::present::Cmd;
    let kiosk = Kiosk::new(tiny_library(), options(), settings(None), Store::open(None))
        .with_speaker(hangup::speech::Speaker::new("/nonexistent/say -v x"));
    assert_eq!(
        kiosk.speech_off.as_deref(),
        Some("Speech is off: the program \"/nonexistent/say\" was not found.")
    );
    assert!(kiosk.speaker.is_none());
    let mut rig = Rig {
        kiosk,
        now: Instant::now(),
    };
    rig.send(ch('x'));
    if rig.on_offer() {
        rig.send(ch('2'));
    }
    let model = hangup::present::screens::screen(&rig.kiosk.app.flow);
    assert!(model.find(Cmd::SayAgain).is_none(), "{model:?}");
    let screen = rig.screen(W, H);
    assert!(!screen.contains("Hear it again"), "{screen}");
    assert!(!screen.contains("Speech is off"), "{screen}");
}

/// The tall block of `label` in the bar, as last drawn: its middle.
fn block_of(rig: &Rig, screen: &str, label: &str) -> Option<(u16, u16)> {
    // Inside a block's border: its words start after "│".
    let (col, row) = find_text(screen, &format!("│{label}"))?;
    let col = col + 1;
    let targets = rig.kiosk.app.targets.borrow();
    let (r, _) = targets
        .iter()
        .find(|(r, _)| r.contains(ratatui::layout::Position { x: col, y: row }))?;
    assert!(r.height >= 3, "{label}: {r:?}");
    Some((r.x + 1, r.y + r.height / 2))
}

/// From a newcomer trial: a visitor who touched Cymraeg by mistake had no
/// way back to English (and lost 17 of 19 calls) until the idle reset. The
/// quick check's offer and the list have a tall block for the other
/// language, in its own words ("English" on a Welsh screen); in Welsh the
/// list says that only some calls are in Welsh.
#[test]
fn a_visitor_can_go_back_to_english_by_touch() {
    use hangup::i18n::{self, Language};
    let english = hangup::engine::Library::load_in(None, Language::EnGb)
        .scenarios
        .len();
    let kiosk = Kiosk::new(
        hangup::engine::Library::load_in(None, Language::EnGb),
        options(),
        settings(None),
        Store::open(None),
    )
    .with_languages(Language::EnGb, None);
    let mut rig = Rig {
        kiosk,
        now: Instant::now(),
    };
    rig.send(ch('c'));
    assert_eq!(i18n::current(), Language::Cy);
    assert!(rig.on_offer());
    // On the offer: to English and back, keeping the offer.
    let screen = rig.screen(W, H);
    let (col, row) = block_of(&rig, &screen, "English").expect("on the offer");
    rig.touch(col, row);
    assert_eq!(i18n::current(), Language::EnGb);
    assert!(rig.on_offer());
    let screen = rig.screen(W, H);
    assert!(screen.contains("Not now"), "{screen}");
    let (col, row) = block_of(&rig, &screen, "Cymraeg").expect("in English");
    rig.touch(col, row);
    assert_eq!(i18n::current(), Language::Cy);
    // "Not now" in Welsh, then the list: fewer calls, and it says why.
    rig.send(ch('2'));
    assert!(matches!(rig.kiosk.app.screen, Screen::Start));
    let screen = rig.screen(W, H);
    assert!(screen.contains("Dewiswch alwad i'w hymarfer."), "{screen}");
    assert!(screen.contains("Dim ond rhai o'r galwadau"), "{screen}");
    let welsh = rig.kiosk.app.flow.library.scenarios.len();
    assert!(welsh < english, "{welsh} of {english}");
    let (col, row) = block_of(&rig, &screen, "English").expect("on the list");
    rig.touch(col, row);
    assert_eq!(i18n::current(), Language::EnGb);
    assert_eq!(rig.kiosk.app.flow.library.scenarios.len(), english);
    let screen = rig.screen(W, H);
    assert!(screen.contains("Choose a call to practise."), "{screen}");
    assert!(!screen.contains("Only some calls"), "{screen}");
    // The next visitor starts in the kiosk's own language.
    rig.kiosk.reset();
    assert_eq!(i18n::current(), Language::EnGb);
}

/// From a newcomer trial: at 40x12 the invitation left out "To choose your
/// language, touch Cymraeg or English." Every line of the invitation shows
/// at 40x12 (the blank rows between them go first), in English and Welsh.
#[test]
fn the_whole_invitation_shows_at_40x12() {
    use hangup::i18n::{self, Language};
    for language in [Language::EnGb, Language::Cy] {
        i18n::set_current(language);
        let rig = Rig::new(None, Store::open(None));
        let model = hangup::present::kiosk::invitation();
        for (w, h) in [(40u16, 12u16), (80, 24)] {
            let screen = rig.screen(w, h);
            let flat = screen
                .lines()
                .map(|l| l.trim_matches('"').replace('│', " ").trim().to_string())
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            for text in std::iter::once(&model.title).chain(model.blocks.iter().map(|b| &b.text)) {
                assert!(
                    flat.contains(text.as_str()),
                    "{w}x{h} {language:?}: {text}\n{screen}"
                );
            }
        }
    }
    i18n::set_current(Language::EnGb);
}

/// The words inside `r` on a drawn screen, its border left out, one line.
fn words_in(screen: &str, r: ratatui::layout::Rect) -> String {
    let rows: Vec<Vec<char>> = screen
        .lines()
        .map(|l| l.trim_matches('"').chars().collect())
        .collect();
    let mut out = String::new();
    for y in r.y + 1..r.bottom().saturating_sub(1) {
        let Some(row) = rows.get(usize::from(y)) else {
            continue;
        };
        let line: String = row
            .iter()
            .skip(usize::from(r.x) + 1)
            .take(usize::from(r.width.saturating_sub(2)))
            .collect();
        out.push_str(&line);
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether block `r` is drawn whole on `screen`: its four corners.
fn whole_block(screen: &str, r: ratatui::layout::Rect) -> bool {
    let rows: Vec<Vec<char>> = screen
        .lines()
        .map(|l| l.trim_matches('"').chars().collect())
        .collect();
    let at = |x: u16, y: u16| {
        rows.get(usize::from(y))
            .and_then(|row| row.get(usize::from(x)))
            .copied()
    };
    let (x1, y1) = (r.right().saturating_sub(1), r.bottom().saturating_sub(1));
    at(r.x, r.y) == Some('┌')
        && at(x1, r.y) == Some('┐')
        && at(r.x, y1) == Some('└')
        && at(x1, y1) == Some('┘')
}

/// A finger down and up at (column, row) on the screen as drawn at
/// `size`, a second after the last event (see [`Rig::touch`], which draws
/// at 80x24).
fn touch_at(rig: &mut Rig, (w, h): (u16, u16), column: u16, row: u16) {
    draw(&rig.kiosk, w, h);
    rig.now += Duration::from_secs(1);
    rig.kiosk.handle(&tap(column, row), rig.now);
    rig.now += Duration::from_millis(80);
    rig.kiosk.handle(&lift(column, row), rig.now);
}

/// At 40x12 the ending had no room for "Hear it again": the bar dropped
/// it (on the list, a call's first screen and each decision after the
/// first too). On every kiosk screen, with speech on, in English and
/// Welsh, at 40x12 and 80x24: every button (each answer, each block of the
/// bar) is a block drawn whole, at least three rows tall, inside the
/// window, with all its words (or its shorter words) in it; an answer
/// below the fold is brought into view by the rail's "More below". A
/// finger down and up on its middle (the synthetic mouse events a
/// touchscreen sends) does what the button says.
#[test]
fn every_kiosk_button_is_whole_and_touchable_at_40x12_and_80x24() {
    use hangup::i18n::{self, Language};
    use hangup::present::{Cmd, screens};
    use hangup::tui::app::{Action, Target};
    let mut touched = 0;
    for language in [Language::EnGb, Language::Cy] {
        i18n::set_current(language);
        let lib = crate::present::some_calls();
        let all = crate::present::states(&lib, Mode::Kiosk);
        let mut rig = Rig {
            kiosk: Kiosk::new(lib, options(), settings(None), Store::in_memory()),
            now: Instant::now(),
        };
        rig.kiosk.stage = Stage::Visiting;
        for f in &all {
            for (w, h) in [(40u16, 12u16), (80, 24)] {
                let mut f = f.clone();
                f.speaking = true;
                rig.kiosk.app.flow = f.clone();
                let s = screens::screen(&rig.kiosk.app.flow);
                let at = format!("{language:?} {w}x{h} {:?}", s.title);
                for c in &s.commands {
                    if matches!(c.id, Cmd::ScrollUp | Cmd::ScrollDown) {
                        continue;
                    }
                    rig.kiosk.app.flow = f.clone();
                    let mut screen = rig.screen(w, h);
                    let on_list =
                        f.overlay.is_none() && matches!(rig.kiosk.app.flow.screen, Screen::Start);
                    if let Cmd::Choose(i) = c.id
                        && on_list
                        && !rig.kiosk.app.flow.page_range().contains(&i)
                    {
                        continue; // on another page of the list ("More calls")
                    }
                    // The block, scrolled into view if it must be.
                    let mut block = None;
                    for _ in 0..40 {
                        let targets = rig.kiosk.app.targets.borrow().clone();
                        let flow = &rig.kiosk.app.flow;
                        let takes = |t: Target| target_takes(flow, c.id, t);
                        // An answer in a column that scrolls (40x12) may be
                        // taller than the rows on view: three rows of it do.
                        let scrolls = targets.iter().any(|(_, t)| {
                            matches!(t, Target::Act(Action::PageDown | Action::PageUp))
                        });
                        block = targets
                            .iter()
                            .filter(|(r, t)| takes(*t) && r.height >= 3)
                            .find(|(r, _)| {
                                whole_block(&screen, *r)
                                    || (scrolls && matches!(c.id, Cmd::Choose(_)))
                            })
                            .map(|(r, _)| *r);
                        if block.is_some() {
                            break;
                        }
                        let Some((r, _)) = targets
                            .iter()
                            .find(|(_, t)| *t == Target::Act(Action::PageDown))
                            .copied()
                        else {
                            break;
                        };
                        touch_at(&mut rig, (w, h), r.x + 1, r.y + 1);
                        screen = rig.screen(w, h);
                    }
                    let Some(r) = block else {
                        panic!("{at}: {:?} has no whole block:\n{screen}", c.label)
                    };
                    assert!(
                        r.height >= 3 && r.right() <= w && r.bottom() <= h,
                        "{at}: {:?} at {r:?}",
                        c.label
                    );
                    let words = words_in(&screen, r);
                    let flat = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
                    let part = !whole_block(&screen, r);
                    assert!(
                        part || words.contains(&flat(&c.label))
                            || c.short.as_ref().is_some_and(|x| words == flat(x)),
                        "{at}: {:?} shows only {words:?}:\n{screen}",
                        c.label
                    );
                    // Touched on its middle: what the button says is done.
                    let before = rig.kiosk.app.flow.clone();
                    let (x, y) = (r.x + r.width / 2, r.y + r.height / 2);
                    match c.id {
                        // Its effects (say it again, the other language)
                        // are the kiosk's: the touch lands on its block.
                        Cmd::SayAgain | Cmd::Language => {
                            let t = rig.kiosk.app.target_at(x, y).map(Target::action);
                            assert_eq!(t, Some(before.action_for(c.id)), "{at}: {:?}", c.label);
                        }
                        _ => {
                            let mut want = before.clone();
                            let action = match rig.kiosk.app.target_at(x, y) {
                                Some(t) => t.action(),
                                None => panic!("{at}: nothing under {:?}", c.label),
                            };
                            want.update(action);
                            touch_at(&mut rig, (w, h), x, y);
                            assert_eq!(
                                screens::screen(&rig.kiosk.app.flow),
                                screens::screen(&want),
                                "{at}: touching {:?}",
                                c.label
                            );
                            assert_eq!(action, before.action_for(c.id), "{at}: {:?}", c.label);
                        }
                    }
                    touched += 1;
                }
            }
        }
    }
    i18n::set_current(Language::EnGb);
    assert!(touched > 1000, "{touched}");
}

/// The kiosk as the real loop runs it (`tui::take_events`): every event
/// passes the input guard first, screen changes start its settle window,
/// and the clock only moves when told to.
struct Looped {
    kiosk: Kiosk,
    guard: hangup::tui::guard::Guard,
    shown: u64,
    now: Instant,
}

impl Looped {
    fn new(pin: Option<&str>) -> Self {
        let kiosk = Kiosk::new(tiny_library(), options(), settings(pin), Store::in_memory());
        let shown = hangup::tui::Driver::screen_key(&kiosk);
        Self {
            kiosk,
            guard: hangup::tui::guard::Guard::new(hangup::tui::guard::SETTLE),
            shown,
            now: Instant::now(),
        }
    }

    /// `events`, read together `gap` after the last read.
    fn read(&mut self, gap: Duration, events: &[Event]) {
        draw(&self.kiosk, W, H);
        self.now += gap;
        let now = self.now;
        hangup::tui::take_events(
            &mut self.kiosk,
            &mut self.guard,
            &mut self.shown,
            events,
            || Ok((W, H)),
            || now,
        )
        .expect("taken");
    }

    /// Each of `events` read on its own, `gap` apart.
    fn each(&mut self, gap: Duration, events: &[Event]) {
        for ev in events {
            self.read(gap, std::slice::from_ref(ev));
        }
    }

    /// A visitor in a call, as in `Rig::start_a_call`, each key a second apart.
    fn start_a_call(&mut self) {
        self.each(
            Duration::from_secs(1),
            &[ch('x'), ch('2'), ch('1'), ch('1')],
        );
        assert!(matches!(
            self.kiosk.app.session().map(|s| s.phase()),
            Some(Phase::Deciding { .. })
        ));
    }

    fn f10s(&mut self, gap: Duration, n: usize) {
        self.each(gap, &vec![key(KeyCode::F(10)); n]);
    }
}

#[test]
fn f10_three_times_fast_opens_the_staff_exit_through_the_guard() {
    for gap in [150, 300, 400, 600, 750, 1000, 1400] {
        let mut k = Looped::new(Some("2468"));
        k.start_a_call();
        k.f10s(Duration::from_millis(gap), 3);
        assert_eq!(k.kiosk.staff.prompt(), Some(0), "F10 x3 {gap} ms apart");
        // On the invitation too.
        let mut k = Looped::new(Some("2468"));
        k.f10s(Duration::from_millis(gap), 3);
        assert_eq!(k.kiosk.staff.prompt(), Some(0), "F10 x3 {gap} ms apart");
    }
    // Three presses spread over more than 3 s are not the staff exit.
    let mut k = Looped::new(Some("2468"));
    k.f10s(Duration::from_millis(1600), 3);
    assert_eq!(k.kiosk.staff.prompt(), None);
}

#[test]
fn a_pin_with_repeated_digits_typed_fast_is_taken_through_the_guard() {
    for gap in [100, 200, 300, 500] {
        let d = Duration::from_millis(gap);
        let mut k = Looped::new(Some("1122"));
        k.start_a_call();
        k.f10s(Duration::from_millis(300), 3);
        assert_eq!(k.kiosk.staff.prompt(), Some(0));
        // Typed straight after the third F10, and again after a wrong one.
        k.each(d, &[ch('1'), ch('1'), ch('2')]);
        assert_eq!(k.kiosk.staff.prompt(), Some(3), "{gap} ms a key");
        k.each(d, &[ch('1'), key(KeyCode::Enter)]);
        assert!(k.kiosk.staff.wrong);
        k.each(
            d,
            &[ch('1'), ch('1'), ch('2'), ch('2'), key(KeyCode::Enter)],
        );
        assert!(!k.kiosk.running, "PIN 1122 at {gap} ms a key");
    }
    // 2468 typed fast, and a PIN typed fast on a busy machine (read together).
    let mut k = Looped::new(Some("2468"));
    k.f10s(Duration::from_millis(300), 3);
    k.read(
        Duration::from_millis(200),
        &[ch('2'), ch('4'), ch('6'), ch('8'), key(KeyCode::Enter)],
    );
    assert!(!k.kiosk.running, "2468 read together");
}

#[test]
fn a_held_f10_is_one_press_and_never_opens_the_staff_exit() {
    // Held (0.3 s after the last read): a press, the first repeat up to
    // 0.7 s later, then 30 a second.
    let held = |k: &mut Looped, delay: u64, repeats: usize| {
        k.read(Duration::from_millis(300), &[key(KeyCode::F(10))]);
        k.read(Duration::from_millis(delay), &[key(KeyCode::F(10))]);
        k.f10s(Duration::from_millis(33), repeats);
    };
    for delay in [250, 500, 660] {
        let mut k = Looped::new(Some("2468"));
        k.start_a_call();
        held(&mut k, delay, 60);
        assert_eq!(k.kiosk.staff.prompt(), None, "held F10, {delay} ms delay");
        // On the invitation, a held F10 does not wake it either.
        let mut k = Looped::new(Some("2468"));
        held(&mut k, delay, 60);
        assert_eq!(k.kiosk.staff.prompt(), None);
        assert_eq!(k.kiosk.stage, Stage::Attract);
        // One more press and a hold, within 3 s: two presses, not three.
        let mut k = Looped::new(Some("2468"));
        k.start_a_call();
        k.f10s(Duration::from_millis(300), 1);
        held(&mut k, delay, 10);
        assert_eq!(k.kiosk.staff.prompt(), None, "F10 then held, {delay} ms");
        // The visitor's call goes on, untouched.
        assert!(matches!(
            k.kiosk.app.session().map(|s| s.phase()),
            Some(Phase::Deciding { .. })
        ));
        // A third real press does open it (three presses within 3 s).
        k.f10s(Duration::from_millis(300), 1);
        assert_eq!(k.kiosk.staff.prompt(), Some(0));
    }
    // Staff who hold the third press a little long still get the prompt.
    let mut k = Looped::new(Some("2468"));
    k.f10s(Duration::from_millis(300), 2);
    held(&mut k, 400, 5);
    assert_eq!(k.kiosk.staff.prompt(), Some(0));
    // With the kitty protocol a repeat says so: it is not a press.
    let mut k = Looped::new(Some("2468"));
    let repeat = Event::Key(KeyEvent::new_with_kind(
        KeyCode::F(10),
        KeyModifiers::NONE,
        crossterm::event::KeyEventKind::Repeat,
    ));
    k.f10s(Duration::from_millis(300), 1);
    k.each(
        Duration::from_millis(33),
        &[repeat.clone(), repeat.clone(), repeat],
    );
    assert_eq!(k.kiosk.staff.prompt(), None);
}
