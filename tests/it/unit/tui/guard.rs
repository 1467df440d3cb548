//! Unit tests of `hangup::tui::guard` (were in src/tui/guard.rs).

use crossterm::event::MouseEvent;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use hangup::tui::guard::*;
use std::time::{Duration, Instant};

fn press(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}
fn ms(start: Instant, n: u64) -> Instant {
    start + Duration::from_millis(n)
}
const PLAIN: Context = Context {
    feedback: false,
    text_field: false,
    covered: false,
    staff_exit: false,
    pin_prompt: false,
};

#[test]
fn the_same_digit_twice_in_a_number_field_is_typed_twice() {
    let t = Instant::now();
    let mut g = Guard::default();
    let field = Context {
        text_field: true,
        ..PLAIN
    };
    for (i, c) in "1100".chars().enumerate() {
        let got = g.accept(&press(KeyCode::Char(c)), ms(t, 100 * i as u64), field);
        assert_eq!(got.len(), 1, "{c} at {i}");
    }
    // Elsewhere the same key again at once is still a held key.
    let mut g = Guard::default();
    assert_eq!(g.accept(&press(KeyCode::Char('1')), t, PLAIN).len(), 1);
    assert!(
        g.accept(&press(KeyCode::Char('1')), ms(t, 100), PLAIN)
            .is_empty()
    );
}

#[test]
fn a_press_just_after_a_screen_change_is_not_an_answer() {
    let t = Instant::now();
    let mut g = Guard::default();
    g.screen_changed(t);
    assert!(
        g.accept(&press(KeyCode::Char('1')), ms(t, 150), PLAIN)
            .is_empty()
    );
    assert!(
        g.accept(&press(KeyCode::Enter), ms(t, 399), PLAIN)
            .is_empty()
    );
    assert_eq!(
        g.accept(&press(KeyCode::Char('2')), ms(t, 400), PLAIN)
            .len(),
        1
    );
}

#[test]
fn wait_left_is_the_rest_of_the_settle_window_or_the_paste_gap() {
    let t = Instant::now();
    let mut g = Guard::default();
    assert_eq!(g.wait_left(t), Duration::ZERO);
    g.screen_changed(t);
    assert_eq!(g.wait_left(ms(t, 150)), SETTLE - Duration::from_millis(150));
    // A press at the end of what is left counts; one just before does not.
    let left = g.wait_left(ms(t, 150));
    assert!(
        g.accept(&press(KeyCode::Char('1')), ms(t, 149) + left, PLAIN)
            .is_empty()
    );
    assert_eq!(
        g.accept(&press(KeyCode::Char('2')), ms(t, 150) + left, PLAIN)
            .len(),
        1
    );
    assert_eq!(g.wait_left(ms(t, 5000)), Duration::ZERO);
    // After an unbracketed paste: the paste's gap.
    let at = ms(t, 10_000);
    assert!(g.accept_batch(&keys("33333"), at, PLAIN).is_empty());
    assert_eq!(g.wait_left(at), PASTE_GAP);
    let left = g.wait_left(ms(t, 10_020));
    // (A straggler of the paste would start the gap again: try it on a copy.)
    assert!(
        g.clone()
            .accept_batch(&keys("4"), ms(t, 10_019) + left, PLAIN)
            .is_empty()
    );
    assert_eq!(
        g.accept_batch(&keys("5"), ms(t, 10_020) + left, PLAIN),
        keys("5")
    );
}

#[test]
fn the_window_is_configurable() {
    let t = Instant::now();
    let mut g = Guard::new(Duration::from_millis(1000));
    g.screen_changed(t);
    assert!(
        g.accept(&press(KeyCode::Char('1')), ms(t, 900), PLAIN)
            .is_empty()
    );
    assert_eq!(
        g.accept(&press(KeyCode::Char('2')), ms(t, 1000), PLAIN)
            .len(),
        1
    );
    let mut none = Guard::new(Duration::ZERO);
    none.screen_changed(t);
    assert_eq!(none.accept(&press(KeyCode::Char('1')), t, PLAIN).len(), 1);
}

#[test]
fn a_held_key_counts_once() {
    let t = Instant::now();
    let mut g = Guard::default();
    assert_eq!(g.accept(&press(KeyCode::Enter), t, PLAIN).len(), 1);
    // The terminal's repeats: first after 500 ms, then every 33 ms.
    let mut at = 500;
    while at < 3000 {
        assert!(
            g.accept(&press(KeyCode::Enter), ms(t, at), PLAIN)
                .is_empty(),
            "{at}"
        );
        at += 33;
    }
    // Let go, and press again a moment later: that counts.
    assert_eq!(
        g.accept(&press(KeyCode::Enter), ms(t, at + 800), PLAIN)
            .len(),
        1
    );
    // Repeats the terminal marks as such never count.
    let repeat = Event::Key(KeyEvent::new_with_kind(
        KeyCode::Char('1'),
        KeyModifiers::NONE,
        KeyEventKind::Repeat,
    ));
    assert!(g.accept(&repeat, ms(t, 9000), PLAIN).is_empty());
}

#[test]
fn arrow_keys_may_be_held_and_different_keys_are_not_repeats() {
    let t = Instant::now();
    let mut g = Guard::default();
    for i in 0..5 {
        assert_eq!(
            g.accept(&press(KeyCode::Down), ms(t, i * 40), PLAIN).len(),
            1
        );
    }
    assert_eq!(g.accept(&press(KeyCode::Enter), ms(t, 300), PLAIN).len(), 1);
    assert_eq!(
        g.accept(&press(KeyCode::Char('2')), ms(t, 350), PLAIN)
            .len(),
        1
    );
}

#[test]
fn digits_do_nothing_on_feedback_screens() {
    let t = Instant::now();
    let mut g = Guard::default();
    let fb = Context {
        feedback: true,
        ..PLAIN
    };
    assert!(g.accept(&press(KeyCode::Char('1')), t, fb).is_empty());
    assert!(
        g.accept(&press(KeyCode::Char('0')), ms(t, 10), fb)
            .is_empty()
    );
    assert_eq!(g.accept(&press(KeyCode::Enter), ms(t, 20), fb).len(), 1);
    assert_eq!(g.accept(&press(KeyCode::Char(' ')), ms(t, 40), fb).len(), 1);
    assert_eq!(g.accept(&press(KeyCode::Char('?')), ms(t, 60), fb).len(), 1);
}

#[test]
fn pastes_are_ignored_except_in_a_text_field() {
    let t = Instant::now();
    let mut g = Guard::default();
    let paste = Event::Paste("07700 900123\n".into());
    assert!(g.accept(&paste, t, PLAIN).is_empty());
    let field = Context {
        text_field: true,
        ..PLAIN
    };
    let typed = g.accept(&paste, t, field);
    assert_eq!(typed.len(), 12, "the newline is not typed");
    assert_eq!(typed[0], press(KeyCode::Char('0')));
}

#[test]
fn a_covered_screen_takes_only_resize_repaint_and_stop() {
    let t = Instant::now();
    let mut g = Guard::default();
    let covered = Context {
        covered: true,
        ..PLAIN
    };
    assert!(g.accept(&press(KeyCode::Char('2')), t, covered).is_empty());
    assert!(
        g.accept(&press(KeyCode::Enter), ms(t, 1000), covered)
            .is_empty()
    );
    let tap = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 1,
        row: 1,
        modifiers: KeyModifiers::NONE,
    });
    assert!(g.accept(&tap, ms(t, 2000), covered).is_empty());
    assert_eq!(g.accept(&Event::Resize(80, 24), t, covered).len(), 1);
    let ctrl_l = Event::Key(KeyEvent::new(KeyCode::Char('l'), KeyModifiers::CONTROL));
    assert_eq!(g.accept(&ctrl_l, t, covered).len(), 1);
}

#[test]
fn a_double_tap_across_a_screen_change_lands_once() {
    let t = Instant::now();
    let mut g = Guard::default();
    let tap = |row| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 10,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert_eq!(g.accept(&tap(5), t, PLAIN).len(), 1);
    g.screen_changed(ms(t, 30));
    assert!(g.accept(&tap(5), ms(t, 400), PLAIN).is_empty());
    assert_eq!(g.accept(&tap(5), ms(t, 900), PLAIN).len(), 1);
}

fn keys(text: &str) -> Vec<Event> {
    text.chars().map(|c| press(KeyCode::Char(c))).collect()
}

#[test]
fn an_unbracketed_paste_is_ignored() {
    let t = Instant::now();
    let mut g = Guard::default();
    // The trial: 500 characters starting "333" pasted by the Linux
    // console's mouse, arriving as key presses in two reads.
    let mut text = "3".repeat(300);
    text.push('\n');
    let mut burst = keys(&text);
    burst.push(press(KeyCode::Enter));
    assert!(g.accept_batch(&burst, t, PLAIN).is_empty());
    assert!(
        g.accept_batch(&keys(&"3".repeat(199)), ms(t, 5), PLAIN)
            .is_empty()
    );
    // The last straggler of the paste, on its own.
    assert!(g.accept_batch(&keys("3"), ms(t, 20), PLAIN).is_empty());
    // Stop still works in the middle of a paste.
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    let mut with_stop = keys("12345");
    with_stop.push(ctrl_c.clone());
    assert_eq!(g.accept_batch(&with_stop, ms(t, 30), PLAIN), vec![ctrl_c]);
    // A real press after the paste counts.
    assert_eq!(g.accept_batch(&keys("2"), ms(t, 1000), PLAIN), keys("2"));
}

#[test]
fn one_press_or_a_doubled_key_in_one_read_works_as_before() {
    let t = Instant::now();
    let mut g = Guard::default();
    assert_eq!(g.accept_batch(&keys("1"), t, PLAIN), keys("1"));
    // A doubled key read together: the second is a held key's repeat.
    assert_eq!(g.accept_batch(&keys("22"), ms(t, 1000), PLAIN), keys("2"));
    // A choice then Enter, read together, both count.
    let mut two = keys("3");
    two.push(press(KeyCode::Enter));
    assert_eq!(g.accept_batch(&two, ms(t, 2000), PLAIN), two);
}

#[test]
fn an_unbracketed_paste_into_a_text_field_is_typed() {
    let t = Instant::now();
    let mut g = Guard::default();
    let field = Context {
        text_field: true,
        ..PLAIN
    };
    let mut burst = keys("07700 900123");
    burst.push(press(KeyCode::Enter));
    assert_eq!(
        g.accept_batch(&burst, t, field),
        keys("07700 900123"),
        "a paste's Enter is not pressed"
    );
}

#[test]
fn a_head_count_typed_fast_then_enter_keeps_its_enter() {
    let t = Instant::now();
    let mut g = Guard::default();
    let field = Context {
        text_field: true,
        ..PLAIN
    };
    // The trial: tmux sent "1 5 Enter" in one read; the Enter was lost.
    let mut burst = keys("15");
    burst.push(press(KeyCode::Enter));
    assert_eq!(g.accept_batch(&burst, t, field), burst);
    // Elsewhere it is still a paste, and ignored.
    let mut g = Guard::default();
    assert!(g.accept_batch(&burst, t, PLAIN).is_empty());
}

const STAFF: Context = Context {
    staff_exit: true,
    ..PLAIN
};

#[test]
fn the_staff_exit_s_f10_presses_all_get_through_however_fast() {
    for gap in [50, 150, 300, 400, 600] {
        let t = Instant::now();
        let mut g = Guard::default();
        // Even just after a screen change (the staff prompt opening is one).
        g.screen_changed(t);
        for i in 0..3 {
            let got = g.accept(&press(KeyCode::F(10)), ms(t, gap * i), STAFF);
            assert_eq!(
                got,
                vec![press(KeyCode::F(10))],
                "{gap} ms apart, press {i}"
            );
        }
        // Read together, they are not a paste.
        let f10s = vec![press(KeyCode::F(10)); 3];
        assert_eq!(g.accept_batch(&f10s, ms(t, 5_000), STAFF), f10s);
    }
    // Without the staff exit (practice, or a kiosk with no PIN), F10 is a
    // key like any other: again within HELD is a held key.
    let t = Instant::now();
    let mut g = Guard::default();
    assert_eq!(g.accept(&press(KeyCode::F(10)), t, PLAIN).len(), 1);
    assert!(
        g.accept(&press(KeyCode::F(10)), ms(t, 300), PLAIN)
            .is_empty()
    );
    // A kitty-protocol repeat is never a press.
    let repeat = Event::Key(KeyEvent::new_with_kind(
        KeyCode::F(10),
        KeyModifiers::NONE,
        KeyEventKind::Repeat,
    ));
    assert!(g.accept(&repeat, ms(t, 5_000), STAFF).is_empty());
    // And a covered screen takes none.
    let covered = Context {
        covered: true,
        ..STAFF
    };
    assert!(
        g.accept(&press(KeyCode::F(10)), ms(t, 9_000), covered)
            .is_empty()
    );
}

#[test]
fn every_digit_of_a_pin_typed_fast_gets_through() {
    let prompt = Context {
        pin_prompt: true,
        ..STAFF
    };
    for gap in [50, 200, 300, 600] {
        let t = Instant::now();
        let mut g = Guard::default();
        // Typed straight after the prompt opened (a screen change).
        g.screen_changed(t);
        for (i, c) in "1122".chars().enumerate() {
            let at = ms(t, gap * (i as u64 + 1));
            assert_eq!(
                g.accept(&press(KeyCode::Char(c)), at, prompt),
                vec![press(KeyCode::Char(c))],
                "{c} at {gap} ms a key"
            );
        }
        let enter = g.accept(&press(KeyCode::Enter), ms(t, gap * 5), prompt);
        assert_eq!(enter, vec![press(KeyCode::Enter)], "Enter at {gap} ms");
    }
    // Read together (a busy machine): typing, not a paste.
    let mut g = Guard::default();
    let mut typed = keys("1122");
    typed.push(press(KeyCode::Enter));
    assert_eq!(g.accept_batch(&typed, Instant::now(), prompt), typed);
    // A held Enter at the prompt is still one press (no run of wrong PINs).
    let t = Instant::now();
    let mut g = Guard::default();
    assert_eq!(g.accept(&press(KeyCode::Enter), t, prompt).len(), 1);
    assert!(
        g.accept(&press(KeyCode::Enter), ms(t, 40), prompt)
            .is_empty()
    );
    // Elsewhere in the kiosk learners keep the held-key filter and the settle
    // window: a doubled answer is one answer.
    let t = Instant::now();
    let mut g = Guard::default();
    assert_eq!(g.accept(&press(KeyCode::Char('1')), t, STAFF).len(), 1);
    assert!(
        g.accept(&press(KeyCode::Char('1')), ms(t, 300), STAFF)
            .is_empty()
    );
    g.screen_changed(ms(t, 1_000));
    assert!(
        g.accept(&press(KeyCode::Char('2')), ms(t, 1_200), STAFF)
            .is_empty()
    );
}
