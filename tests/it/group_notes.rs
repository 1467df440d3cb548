//! `hangup group --notes`: the volunteer's notes window follows a scripted
//! session over a real Unix socket in a temporary data folder. Both windows
//! are driven here with synthetic keys; the messages between them go through
//! the same link threads the program uses.

use std::io::Write;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::Path;
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant, SystemTime};

use crossterm::event::KeyCode;
use hangup::engine::Phase;
use hangup::group::GroupApp;
use hangup::group::link::{self, LinkEvent};
use hangup::group::notes::{NotesApp, NotesModel};
use hangup::tui::theme::{Theme, ThemeName};

use crate::common::{ch, key, screen_text, send};

/// The same two-call session as `group.rs`, with no quick checks.
fn room() -> GroupApp {
    use hangup::engine::library::parse_scenario;
    use hangup::engine::{Catalogue, Library};
    use hangup::tui::app::{Mode, Options};
    const TINY: &str = include_str!("../fixtures/tiny.toml");
    let catalogue = Catalogue::builtin();
    let one = parse_scenario(TINY.as_bytes(), &catalogue).expect("fixture loads");
    let second = TINY
        .replace("id = \"tiny\"", "id = \"tiny-two\"")
        .replace("A tiny test call", "A second tiny call");
    let two = parse_scenario(second.as_bytes(), &catalogue).expect("second loads");
    let library = Library {
        catalogue,
        scenarios: vec![one, two],
        skipped: Vec::new(),
    };
    let mut app = GroupApp::new(
        library,
        Options {
            mode: Mode::Group,
            region: "ewni".into(),
            seed: Some(1),
            theme: Theme::new(ThemeName::Monochrome),
            large: false,
        },
    );
    if let Some(g) = app.group.as_mut() {
        g.plan.retain(|p| p.is_call());
    }
    app
}

/// A window's link thread, as the program starts it.
fn link_at(dir: &Path) -> Receiver<LinkEvent> {
    let (tx, rx) = mpsc::channel();
    link::start(link::socket_path(dir), move |ev| tx.send(ev).is_ok());
    rx
}

/// The two windows, each with what its link thread tells it.
struct Pair {
    room: GroupApp,
    room_rx: Receiver<LinkEvent>,
    notes: Option<(NotesApp, Receiver<LinkEvent>)>,
}

impl Pair {
    /// Hand each window what its link has heard so far.
    fn pump(&mut self) {
        while let Ok(ev) = self.room_rx.try_recv() {
            self.room.on_link(ev);
        }
        if let Some((notes, rx)) = self.notes.as_mut() {
            while let Ok(ev) = rx.try_recv() {
                notes.on_link(ev);
            }
        }
    }

    /// Pump until `done` holds (the threads need a moment); fail after 30 s (a busy machine).
    fn until(&mut self, what: &str, done: impl Fn(&Pair) -> bool) {
        let end = Instant::now() + Duration::from_secs(30);
        loop {
            self.pump();
            if done(self) {
                return;
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for: {what}; the notes show {:?}; the room peer {:?}",
                self.notes
                    .as_ref()
                    .map(|n| n.0.model.as_ref().map(|m| m.place.clone())),
                self.room.peer
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    fn notes(&self) -> &NotesApp {
        &self.notes.as_ref().expect("a notes window").0
    }

    fn notes_text(&self) -> String {
        screen_text(self.notes(), 80, 24)
    }

    fn room_key(&mut self, ev: crossterm::event::Event) {
        send(&mut self.room, ev, 80, 24);
    }

    fn notes_key(&mut self, ev: crossterm::event::Event) {
        let (notes, _) = self.notes.as_mut().expect("a notes window");
        send(notes, ev, 80, 24);
    }
}

fn phase(app: &GroupApp) -> Option<Phase> {
    app.group
        .as_deref()
        .and_then(|g| g.session.as_ref())
        .map(|s| s.phase())
}

fn place(p: &Pair) -> String {
    p.notes()
        .model
        .as_ref()
        .map_or_else(String::new, |m| m.place.clone())
}

#[test]
fn the_notes_window_follows_a_scripted_session_and_its_keys_act_on_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The notes window first: it waits for the room view.
    let notes_rx = link_at(dir.path());
    let mut p = Pair {
        room: room(),
        room_rx: mpsc::channel().1,
        notes: Some((NotesApp::new(Theme::new(ThemeName::Monochrome)), notes_rx)),
    };
    assert!(p.notes_text().contains("Waiting for the room view."));
    // Then the room view: the notes window follows it at once.
    p.room_rx = link_at(dir.path());
    p.until("the plan in the notes", |p| {
        place(p) == "Group session: today's plan"
    });
    assert!(p.notes_text().contains("The room sees: Today's plan"));
    // The room's keys: start the first call, answer the phone.
    p.room_key(key(KeyCode::Enter));
    p.room_key(key(KeyCode::Enter));
    p.until("the first question in the notes", |p| {
        place(p).ends_with("Question 1")
    });
    let text = p.notes_text();
    assert!(text.contains("Call 1 of 2: A tiny test call"), "{text}");
    // The notes are in the notes window, not on the projector.
    assert!(
        text.contains("Ask: has anyone had a call like this?"),
        "{text}"
    );
    assert!(!screen_text(&p.room, 80, 24).contains("has anyone had a call"));
    // Which choice is safer, in words.
    assert!(
        text.contains("(✔ safer)") && text.contains("(✘ risky)"),
        "{text}"
    );
    assert!(text.contains("Time: 1 of about 20 minutes."), "{text}");
    // The show of hands typed in the notes window, as a number pad would.
    for c in ['t', '3'] {
        p.notes_key(ch(c));
    }
    p.until("counting in the notes", |p| {
        p.notes().model.as_ref().is_some_and(|m| m.typed == "3")
    });
    p.notes_key(key(KeyCode::Enter));
    p.notes_key(ch('9'));
    p.notes_key(key(KeyCode::Enter));
    p.until("the hands in the notes", |p| {
        p.notes().model.as_ref().is_some_and(|m| {
            m.counting.is_none() && m.choices.iter().filter_map(|c| c.hands).sum::<u32>() == 12
        })
    });
    // The tally on both screens.
    let room_text = screen_text(&p.room, 80, 24);
    assert!(
        room_text.contains("3 hands") && room_text.contains("9 hands"),
        "{room_text}"
    );
    let text = p.notes_text();
    assert!(
        text.contains("3 hands") && text.contains("9 hands"),
        "{text}"
    );
    // Page Down in the notes window reveals the room's choice on the projector.
    p.notes_key(key(KeyCode::PageDown));
    p.until("the reveal in the notes", |p| {
        p.notes()
            .model
            .as_ref()
            .is_some_and(|m| m.choices.iter().any(|c| c.revealed))
    });
    assert_eq!(phase(&p.room), Some(Phase::Feedback { step: 0, choice: 1 }));
    assert!(screen_text(&p.room, 80, 24).contains("WHAT THIS CHOICE MEANS"));
    let text = p.notes_text();
    assert!(
        text.contains("Choice 2 is on the room's screen. Enter goes on from it."),
        "{text}"
    );
    insta::assert_snapshot!("notes_window_after_a_reveal_80x24", text);
    // b in the notes window blanks the projector; the notes say so.
    p.notes_key(ch('b'));
    p.until("the blank in the notes", |p| {
        p.notes().model.as_ref().is_some_and(|m| m.blank)
    });
    assert!(screen_text(&p.room, 80, 24).contains("Blank screen."));
    p.room_key(ch('b'));
    // q closes the notes window only; the room view goes on alone.
    p.notes_key(ch('q'));
    assert!(!p.notes().running);
    p.notes = None;
    p.until("the room hears the notes window go", |p| {
        p.room.peer.is_none()
    });
    assert!(p.room.running);
    p.room_key(key(KeyCode::Enter));
    assert!(matches!(
        phase(&p.room),
        Some(Phase::Deciding { .. } | Phase::Ended { .. })
    ));
    // A notes window started again picks the session up where it is.
    let notes_rx = link_at(dir.path());
    p.notes = Some((NotesApp::new(Theme::new(ThemeName::Monochrome)), notes_rx));
    let now = NotesModel::of(
        p.room.group.as_deref().expect("group"),
        None,
        SystemTime::now(),
    )
    .place;
    p.until("the session in the new notes window", |p| place(p) == now);
    // And the room view keeps going with both (s skips the rest of the call).
    p.room_key(ch('s'));
    p.room_key(ch('1'));
    p.until("the second call in the notes", |p| {
        place(p).ends_with(": A second tiny call")
    });
    // The end: the number of people typed in the notes window saves the record.
    if let Some(g) = p.room.group.as_mut() {
        g.data_dir = Some(dir.path().join("records"));
    }
    p.room_key(ch('s'));
    p.room_key(ch('1'));
    p.until("the people field in the notes", |p| {
        p.notes().model.as_ref().is_some_and(|m| m.people.is_some())
    });
    assert!(p.notes_text().contains("People who came: _"));
    for c in ['1', '2'] {
        p.notes_key(ch(c));
    }
    p.notes_key(key(KeyCode::Enter));
    p.until("saved, in the notes", |p| {
        p.notes()
            .model
            .as_ref()
            .is_some_and(|m| !m.saved.is_empty())
    });
    let text = p.notes_text();
    assert!(text.contains("Saved. The record is kept."), "{text}");
    assert!(!text.contains("People who came"), "{text}");
    let csv = std::fs::read_to_string(dir.path().join("records").join("group-sessions.csv"))
        .expect("the record");
    assert!(
        csv.lines().nth(1).is_some_and(|l| l.contains(",12,")),
        "{csv}"
    );
    // The show of hands from the notes window is in it, labelled by choice.
    assert!(csv.contains("tiny/hello=1-safer:"), "{csv}");
}

/// Rubbish from the socket is ignored: no panic, no stall, no key acted on twice.
#[test]
fn malformed_messages_from_the_socket_are_ignored() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut p = Pair {
        room: room(),
        room_rx: link_at(dir.path()),
        notes: None,
    };
    // The room view listens (no one else is there).
    let path = link::socket_path(dir.path());
    let end = Instant::now() + Duration::from_secs(30);
    let mut raw = loop {
        if let Ok(s) = UnixStream::connect(&path) {
            break s;
        }
        assert!(Instant::now() < end, "the room view never listened");
        std::thread::sleep(Duration::from_millis(5));
    };
    p.until("the raw client is linked", |p| p.room.peer.is_some());
    let mut junk: Vec<u8> = Vec::new();
    junk.extend(b"not json at all\n");
    junk.extend(b"{\"kind\":\"key\",\"key\":\"pick99\"}\n");
    junk.extend(b"{\"kind\":\"key\",\"key\":\"char\\u001b\"}\n");
    junk.extend(b"{\"kind\":\"key\"}\n");
    junk.extend(b"{\"kind\":\"room\",\"place\":\"\\u001b[2Jhello\"}\n");
    junk.extend(b"\xff\xfe\x00 not utf-8\n");
    junk.extend(std::iter::repeat_n(b'[', link::MAX_LINE + 100));
    junk.extend(b"\n");
    // Then one real key: Enter starts the first call.
    junk.extend(b"{\"kind\":\"key\",\"key\":\"enter\"}\n");
    raw.write_all(&junk).expect("write");
    p.until("the one real key acted on", |p| phase(&p.room).is_some());
    assert_eq!(phase(&p.room), Some(Phase::Incoming));
    assert!(p.room.running);
    // The room view sent its state back as a message line.
    drop(raw);
    p.until("the raw client gone", |p| p.room.peer.is_none());
}

/// A socket file left by a crash is replaced; a file that is not a socket is
/// never deleted (the link says why it cannot start, and the window works alone).
#[test]
fn a_stale_socket_is_replaced_and_other_files_are_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = link::socket_path(dir.path());
    // A crashed window's socket: the file is there, no one listens.
    drop(UnixListener::bind(&path).expect("bind"));
    assert!(path.exists());
    let mut p = Pair {
        room: room(),
        room_rx: link_at(dir.path()),
        notes: Some((
            NotesApp::new(Theme::new(ThemeName::Monochrome)),
            link_at(dir.path()),
        )),
    };
    p.until("the two windows linked", |p| {
        p.room.peer.is_some() && p.notes().model.is_some()
    });

    let other = tempfile::tempdir().expect("temp dir");
    let in_the_way = link::socket_path(other.path());
    std::fs::write(&in_the_way, "someone's file").expect("write");
    let (mut notes, rx) = (
        NotesApp::new(Theme::new(ThemeName::Monochrome)),
        link_at(other.path()),
    );
    let ev = rx.recv_timeout(Duration::from_secs(10)).expect("an answer");
    assert!(matches!(ev, LinkEvent::Failed(_)), "{ev:?}");
    notes.on_link(ev);
    assert!(screen_text(&notes, 80, 24).contains("It cannot:"));
    assert_eq!(
        std::fs::read_to_string(&in_the_way).expect("still there"),
        "someone's file"
    );
}

/// As a volunteer would: the real program in two terminals sharing a data
/// folder, the notes window first. A whole call is run with a presenter
/// remote's keys in the room view and the hands typed in the notes window;
/// the tally shows on both.
#[test]
fn two_terminals_notes_and_room_view_run_a_whole_call_with_a_remote() {
    use crate::ptyterm::Setup;
    let data = tempfile::tempdir().expect("temp dir");
    let d = data.path().to_str().expect("utf-8 path");
    // No settle window: the two windows working together is the point here.
    let notes = Setup::new(&["--data-dir", d, "group", "--notes"])
        .key_pause(0)
        .spawn();
    notes.wait_for_text("Waiting for the room view.");
    let room = Setup::new(&["--data-dir", d, "group", "--scenario", "amazon-refund"])
        .key_pause(0)
        .spawn();
    room.wait_for_text("TODAY'S PLAN");
    notes.wait_for_text("The room sees: Today's plan");
    // Page Down on the remote starts the quick check; s then 1 in the notes skips it.
    room.pause();
    room.key("PageDown");
    notes.wait_for_text("Quick check before practice: 1 of 6");
    notes.pause();
    notes.key("s");
    room.wait_for_text("SKIP THIS QUICK CHECK?");
    notes.pause();
    notes.key("1");
    room.wait_for_text("THE PHONE IS RINGING");
    notes.wait_for_text("The phone is ringing");
    room.pause();
    room.key("PageDown");
    room.wait_for_text("WHAT WOULD YOU DO?");
    notes.wait_for_text("The choices:");
    // The hands, typed in the notes window (t again: done counting).
    notes.pause();
    // "11" is eleven hands: the same digit twice is not a held key.
    // One key at a time, each once the room's answer is back in the notes
    // window (it types hands only while the room says it is counting).
    for (k, then) in [
        ("t", "hands: _"),
        ("1", "hands: 1_"),
        ("1", "hands: 11_"),
        ("Enter", "hands: _"),
        ("6", "hands: 6_"),
        ("Enter", "6 hands"),
    ] {
        notes.key(k);
        notes.wait_for_text(then);
    }
    notes.key("t");
    notes.wait_until(Duration::from_secs(10), "the count to end", |p| {
        !p.screen().contains("hands: ")
    });
    room.wait_for_text("6 hands");
    notes.wait_for_text("6 hands");
    room.wait_for_text("11 hands");
    notes.wait_for_text("11 hands");
    // The rest of the call with the remote: Right or Page Down goes on, a
    // digit answers each question, B blanks the screen for a moment.
    room.pause();
    room.key("B");
    room.wait_for_text("Blank screen.");
    notes.wait_for_text("The room's screen is blank.");
    room.pause();
    room.key(".");
    room.wait_for_text("WHAT WOULD YOU DO?");
    room.pause();
    room.key("Right");
    room.wait_for_text("WHAT THIS CHOICE MEANS");
    notes.wait_for_text("is on the room's screen. Enter goes on from it.");
    for _ in 0..30 {
        let screen = room.screen();
        if screen.contains("HOW THE CALL ENDED") {
            break;
        }
        room.pause();
        if screen.contains("WHAT WOULD YOU DO?") {
            room.key("1");
        } else {
            room.key("PageDown");
        }
        room.settle();
    }
    room.wait_for_text("HOW THE CALL ENDED");
    notes.wait_for_text("How the call ended");
    // Closing the notes window leaves the room view working.
    notes.pause();
    notes.key("q");
    notes.wait_until(Duration::from_secs(10), "the notes window to close", |p| {
        p.path("done").exists()
    });
    assert_eq!(notes.exit_code(), 0);
    // The remote's Page Down shows the rest of a long ending first (it
    // never leaves a lesson half read), then goes on.
    for _ in 0..10 {
        if !room.screen().contains("More below") {
            break;
        }
        room.pause();
        room.key("PageDown");
        room.settle();
    }
    room.pause();
    room.key("PageDown");
    room.wait_for_text("Quick check after practice");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(crate::harness::cases(24)))]

    /// Whatever another program writes to the socket (bytes, broken JSON,
    /// messages with the wrong fields), the room view never panics or stops,
    /// and acts only on a well-formed key after it.
    #[test]
    fn any_bytes_on_the_socket_never_break_the_room_view(
        junk in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::collection::vec(proptest::prelude::any::<u8>(), 0..200),
                proptest::prelude::Just(b"{\"kind\":\"key\",\"key\":\"pick77\"}".to_vec()),
                proptest::prelude::Just(b"{\"kind\":\"room\",\"choices\":[{\"hands\":-1}]}".to_vec()),
                proptest::prelude::Just(b"{\"kind\":\"key\",\"key\":null}".to_vec()),
            ],
            0..8,
        )
    ) {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut p = Pair { room: room(), room_rx: link_at(dir.path()), notes: None };
        let path = link::socket_path(dir.path());
        let end = Instant::now() + Duration::from_secs(30);
        let mut raw = loop {
            if let Ok(s) = UnixStream::connect(&path) {
                break s;
            }
            assert!(Instant::now() < end, "the room view never listened");
            std::thread::sleep(Duration::from_millis(5));
        };
        let mut bytes = Vec::new();
        for j in &junk {
            // Never a well-formed "enter" by chance: that one comes last.
            if !j.windows(5).any(|w| w == b"enter") {
                bytes.extend_from_slice(j);
                bytes.push(b'\n');
            }
        }
        bytes.extend_from_slice(b"\n{\"kind\":\"key\",\"key\":\"enter\"}\n");
        raw.write_all(&bytes).expect("write");
        p.until("the one real key acted on", |p| phase(&p.room).is_some());
        proptest::prop_assert_eq!(phase(&p.room), Some(Phase::Incoming));
        proptest::prop_assert!(p.room.running);
    }
}

/// The room view's socket file goes with it: after `q` and yes, and after a
/// kill signal (SIGTERM, as when the machine shuts down).
#[test]
fn the_socket_file_is_removed_on_every_way_out() {
    use crate::ptyterm::Setup;
    for how in ["stop", "SIGTERM", "SIGHUP"] {
        let data = tempfile::tempdir().expect("temp dir");
        let d = data.path().to_str().expect("utf-8 path");
        let sock = link::socket_path(data.path());
        let room = Setup::new(&["--data-dir", d, "group"]).key_pause(0).spawn();
        room.wait_for_text("TODAY'S PLAN");
        room.wait_until(Duration::from_secs(10), "the socket file", |_| {
            sock.exists()
        });
        if how == "stop" {
            room.pause();
            room.key("q");
            room.wait_for_text("STOP THE SESSION?");
            room.pause();
            room.key("y");
        } else {
            let ok = std::process::Command::new("kill")
                .args([&format!("-{}", &how[3..]), &room.pid()])
                .status()
                .expect("kill");
            assert!(ok.success());
        }
        room.exit_code();
        assert!(!sock.exists(), "{how}: {} is left behind", sock.display());
    }
}

/// The notes window's words come from group.ftl (so Welsh is a swap of the
/// catalogue), and the caller's organisation after a comma has no capital,
/// as on the practice screen ("Alex Brown, your bank").
#[test]
fn the_notes_window_words_come_from_the_catalogue() {
    use hangup::i18n::{self, Language};
    let mut app = room();
    send(&mut app, key(KeyCode::Enter), 80, 24);
    assert_eq!(phase(&app), Some(Phase::Incoming));
    let g = app.group.as_deref().expect("group");
    let m = NotesModel::of(g, None, SystemTime::now());
    assert!(m.says.contains("Alex Brown, your bank"), "{}", m.says);
    assert_eq!(m.room_sees, "The phone is ringing");
    let cy = i18n::with(Language::Cy, || NotesModel::of(g, None, SystemTime::now()));
    assert_eq!(cy.room_sees, "Mae'r ffôn yn canu");
    let mut notes = NotesApp::new(Theme::new(ThemeName::Monochrome));
    let (a, _b) = UnixStream::pair().expect("a socket pair");
    notes.on_link(LinkEvent::Up(link::Peer::from(a)));
    notes.on_link(LinkEvent::Got(link::Message::Room(Box::new(cy))));
    let text = i18n::with(Language::Cy, || screen_text(&notes, 80, 24));
    for english in [
        "The room sees",
        "Your notes",
        "Keys act on the room",
        "Time:",
    ] {
        assert!(!text.contains(english), "{english}:\n{text}");
    }
    assert!(text.contains("Mae'r ystafell yn gweld"), "{text}");
}

/// The notes window can be run with a mouse or touch screen too: a click on
/// a key in its footer or on a choice sends that key to the room view, and
/// "q Close notes" closes it.
#[test]
fn the_notes_window_takes_clicks() {
    use hangup::group::notes::NotesChoice;
    use std::io::{BufRead, BufReader};
    let mut notes = NotesApp::new(Theme::new(ThemeName::Monochrome));
    let (a, b) = UnixStream::pair().expect("a socket pair");
    b.set_read_timeout(Some(Duration::from_secs(5)))
        .expect("timeout");
    let mut room = BufReader::new(b);
    notes.on_link(LinkEvent::Up(link::Peer::from(a)));
    let choice = |text: &str| NotesChoice {
        text: text.into(),
        ..NotesChoice::default()
    };
    let model = NotesModel {
        place: "Call 1 of 1".into(),
        room_sees: "The question: what would you do?".into(),
        choices: vec![choice("Hang up"), choice("Give the card")],
        ..NotesModel::default()
    };
    notes.on_link(LinkEvent::Got(link::Message::Room(Box::new(model))));
    let mut sent = |notes: &mut NotesApp, text: &str| -> String {
        let screen = screen_text(notes, 80, 24);
        let (row, col) = screen
            .lines()
            .enumerate()
            .find_map(|(r, l)| l.trim_matches('"').find(text).map(|c| (r, c)))
            .unwrap_or_else(|| panic!("{text:?} not on screen:\n{screen}"));
        let col = u16::try_from(col).expect("column") + 1;
        let row = u16::try_from(row).expect("row");
        send(notes, crate::common::click(col, row), 80, 24);
        let mut line = String::new();
        room.read_line(&mut line).expect("a key sent to the room");
        line
    };
    assert!(sent(&mut notes, "Enter Go on").contains("\"enter\""));
    assert!(sent(&mut notes, "t Hands").contains("\"chart\""));
    assert!(sent(&mut notes, "2  Give the card").contains("\"pick2\""));
    let screen = screen_text(&notes, 80, 24);
    let last = screen.lines().last().expect("footer");
    let col = last.find("q Close notes").expect("q in the footer");
    send(
        &mut notes,
        crate::common::click(u16::try_from(col).expect("column"), 23),
        80,
        24,
    );
    assert!(!notes.running);
}

/// Two windows starting at once over a stale socket always find each other:
/// only one replaces the file (a race once left both listening, unreachable).
#[test]
fn two_windows_starting_together_over_a_stale_socket_link_up() {
    for round in 0..40 {
        let dir = tempfile::tempdir().expect("temp dir");
        drop(UnixListener::bind(link::socket_path(dir.path())).expect("bind"));
        let a = link_at(dir.path());
        let b = link_at(dir.path());
        for (name, rx) in [("first", &a), ("second", &b)] {
            let ev = rx
                .recv_timeout(Duration::from_secs(10))
                .unwrap_or_else(|e| panic!("round {round}: the {name} window heard nothing: {e}"));
            assert!(
                matches!(ev, LinkEvent::Up(_)),
                "round {round}: the {name} window: {ev:?}"
            );
        }
    }
}
