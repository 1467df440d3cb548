//! Shared helpers for the front-end tests: a fixed library and an app driver.
#![allow(dead_code)]

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use hangup::engine::library::parse_scenario;
use hangup::engine::{Catalogue, Library};
use hangup::tui::Driver;
use hangup::tui::app::{App, Mode, Options};
use hangup::tui::theme::{Theme, ThemeName};
use ratatui::{Terminal, backend::TestBackend};

/// A library holding only the tiny fixture, so snapshots do not change when
/// built-in scenarios are added.
pub fn tiny_library() -> Library {
    let catalogue = Catalogue::builtin();
    let tiny =
        parse_scenario(include_bytes!("../fixtures/tiny.toml"), &catalogue).expect("fixture loads");
    Library {
        catalogue,
        scenarios: vec![tiny],
        skipped: Vec::new(),
    }
}

pub fn app_with(library: Library, theme: ThemeName) -> App {
    App::new(
        library,
        Options {
            mode: Mode::Practice,
            region: "ewni".into(),
            seed: Some(1),
            theme: Theme::new(theme),
            large: false,
        },
    )
}

pub fn app() -> App {
    app_with(tiny_library(), ThemeName::Default)
}

/// Draw any driver (the practice app, a group session) as the real loop
/// does, and keep the frame drawn: `.backend().to_string()` and
/// `.backend().buffer()` read it as they read a new `TestBackend` terminal.
pub fn render(app: &impl Driver, width: u16, height: u16) -> Drawn {
    with_frame(app, width, height, |buffer| Drawn {
        buffer: buffer.clone(),
    })
}

/// Draw any driver at `width`x`height` as [`render`] does, for tests that
/// only need the drawing to happen (no panic) or look at what it noted (its
/// click targets): the frame is not kept.
pub fn draw(app: &impl Driver, width: u16, height: u16) {
    with_frame(app, width, height, |_| ());
}

/// Draw `app` at `width`x`height` into one of this thread's terminals (one
/// kept for each of the last few sizes, its frame blank as a new
/// terminal's is) and look at the cells drawn. A new terminal and backend
/// for every frame (three buffers filled, then every cell compared and
/// copied to the backend) cost as much as drawing the screen itself, and
/// so did resizing one terminal back and forth between the sizes a test
/// goes round.
fn with_frame<T>(
    app: &impl Driver,
    width: u16,
    height: u16,
    look: impl FnOnce(&ratatui::buffer::Buffer) -> T,
) -> T {
    use std::cell::RefCell;
    /// How many sizes keep their own terminal.
    const SIZES: usize = 16;
    thread_local! {
        static TERMINALS: RefCell<Vec<Terminal<TestBackend>>> = RefCell::new({
            // ratatui keeps the layouts it has worked out (500 by default):
            // a test that goes round hundreds of sizes and screens lost
            // them all before it came back to each. The same layouts,
            // worked out once.
            ratatui::layout::Layout::init_cache(
                std::num::NonZeroUsize::new(20_000).expect("not zero"),
            );
            Vec::new()
        });
    }
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    TERMINALS.with_borrow_mut(|all| {
        // The last used first: a new size takes the one used longest ago.
        let mut t = match all.iter_mut().position(|t| t.get_frame().area() == area) {
            Some(i) => all.remove(i),
            None if all.len() >= SIZES => all.pop().expect("a terminal"),
            None => Terminal::new(TestBackend::new(1, 1)).expect("test backend"),
        };
        if t.get_frame().area() != area {
            t.resize(area).expect("resize");
        }
        t.current_buffer_mut().reset();
        app.draw(&mut t.get_frame());
        let seen = look(t.current_buffer_mut());
        all.insert(0, t);
        seen
    })
}

/// A frame drawn by [`render`]: its cells, read as a `TestBackend`'s.
pub struct Drawn {
    buffer: ratatui::buffer::Buffer,
}

impl Drawn {
    /// The frame itself (where a terminal would give its backend).
    pub fn backend(&self) -> &Self {
        self
    }

    /// The cells drawn.
    pub fn buffer(&self) -> &ratatui::buffer::Buffer {
        &self.buffer
    }
}

/// As a `TestBackend` shows its screen: each row in quotes on a line of
/// its own, with the cells under a wide character noted after the row.
impl std::fmt::Display for Drawn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let width = usize::from(self.buffer.area.width).max(1);
        for cells in self.buffer.content.chunks(width) {
            let mut overwritten = vec![];
            let mut skip: u16 = 0;
            f.write_str("\"")?;
            for (x, c) in cells.iter().enumerate() {
                let sym = c.symbol();
                if skip == 0 {
                    f.write_str(sym)?;
                } else {
                    overwritten.push((x, sym));
                }
                skip = std::cmp::max(skip, ratatui::buffer::CellWidth::cell_width(c))
                    .saturating_sub(1);
            }
            f.write_str("\"")?;
            if !overwritten.is_empty() {
                write!(f, " Hidden by multi-width symbols: {overwritten:?}")?;
            }
            f.write_str("\n")?;
        }
        Ok(())
    }
}

/// Check that speech (`said`) says each of `texts` of screen `s` as speech
/// words it: the help card's key list in words ("Help: press a question
/// mark"), anything else with its numbers read aloud.
pub fn assert_said<'a>(
    s: &hangup::present::Screen,
    said: &str,
    texts: impl IntoIterator<Item = &'a str>,
) {
    for text in texts {
        let keys = s
            .blocks
            .iter()
            .any(|b| b.role == hangup::present::Role::Keys && b.text == text);
        let want = if keys {
            hangup::speech::keys_aloud(text)
        } else {
            hangup::speech::numbers_aloud(text.trim().trim_end_matches('.'))
        };
        assert!(
            said.contains(&want),
            "{:?}: {want:?} is not said in {said:?}",
            s.title
        );
    }
}

pub fn screen_text(app: &impl Driver, width: u16, height: u16) -> String {
    render(app, width, height).backend().to_string()
}

pub fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

pub fn ch(c: char) -> Event {
    key(KeyCode::Char(c))
}

pub fn click(column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

/// Send an event through the same path as the real loop: keymap, then update.
/// Renders first so click targets are where the learner sees them.
pub fn send(app: &mut impl Driver, ev: Event, width: u16, height: u16) -> bool {
    draw(app, width, height);
    send_drawn(app, ev)
}

/// [`send`] to a screen just drawn at the size it is used at (by [`render`]
/// or [`screen_text`], the state unchanged since): the same, without
/// drawing the same frame a second time.
pub fn send_drawn(app: &mut impl Driver, ev: Event) -> bool {
    app.on_event(&ev, std::time::Instant::now())
}

/// Run the real binary with `env` set, `input` on stdin; (stdout, stderr, exit code).
pub fn run_binary(
    args: &[&str],
    env: &[(&str, &std::ffi::OsStr)],
    input: &str,
) -> (String, String, i32) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    // Never the tester's own progress: a fresh data folder unless one is given.
    let own = tempfile::tempdir().expect("temp dir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hangup"))
        .args(args)
        .env("HANGUP_DATA_DIR", own.path())
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write input");
    let out = child.wait_with_output().expect("the binary ends");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Which touch targets take command `id` of the screen shown.
pub fn target_takes(
    f: &hangup::present::flow::Flow,
    id: hangup::present::Cmd,
    t: hangup::tui::app::Target,
) -> bool {
    use hangup::present::Cmd;
    use hangup::tui::app::{Action, Target};
    match id {
        Cmd::Choose(i) => {
            t == Target::Choice(i)
                || t == Target::Scenario(i)
                || (i == 0 && t == Target::Yes)
                || (i == 1 && t == Target::No)
        }
        Cmd::GoOn => t == Target::Continue || t == Target::Act(Action::Select),
        Cmd::More => t == Target::More || t == Target::Act(Action::More),
        id => t == Target::Act(f.action_for(id)),
    }
}
