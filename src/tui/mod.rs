//! The full-screen terminal front end (ratatui + crossterm).
//!
//! The loop blocks on input: nothing wakes it but a key, a click, a resize or
//! a signal, and it redraws only when an action changed something. Idle CPU is zero.

pub mod app;
pub mod big;
pub mod body;
pub mod canvas;
pub mod capped;
pub mod console;
pub mod doc;
pub mod guard;
pub mod hooks;
pub mod keymap;
pub mod practice;
pub mod quick_check;
pub mod term;
pub mod theme;
pub mod ui;
pub mod wrap;

use std::io;
use std::time::Instant;

use crossterm::event::{self, Event};
use ratatui::Frame;

use app::App;

/// What the loop runs: the practice app, or something wrapping it (the kiosk).
pub trait Driver {
    /// True while the loop should go on; the loop ends when this turns false.
    fn running(&self) -> bool;
    /// Draw the whole screen from the driver's state (drawing never changes what is shown, only notes clickable areas).
    fn draw(&self, frame: &mut Frame);
    /// Handle one event; true when the screen must be redrawn.
    fn on_event(&mut self, event: &Event, now: Instant) -> bool;
    /// When the loop must wake even with no input. `None` (the default) means
    /// block until input: no timers, no polling.
    fn deadline(&self, _now: Instant) -> Option<Instant> {
        None
    }
    /// The deadline passed; true when the screen must be redrawn.
    fn on_deadline(&mut self, _now: Instant) -> bool {
        false
    }
    /// Which screen is on show: a change starts the input guard's settle
    /// window (see `guard`). The highlight moving is not a change.
    fn screen_key(&self) -> u64 {
        0
    }
    /// What the screen on show accepts (see `guard::Context`), when the
    /// terminal is `width` x `height`.
    fn input_context(&self, width: u16, height: u16) -> guard::Context {
        guard::Context {
            covered: ui::covered(width, height),
            ..guard::Context::default()
        }
    }
    /// Clear and repaint the whole terminal on every screen change (the
    /// kiosk: stray console messages never stay).
    fn repaint_on_change(&self) -> bool {
        false
    }
    /// Called after each frame is drawn: outside work that must see the
    /// layout just drawn, such as saying the screen (the list's page is the
    /// one laid out). True when it changed what is shown.
    fn after_draw(&mut self) -> bool {
        false
    }
}

/// Which screen the app shows (see [`Driver::screen_key`]).
pub fn app_screen_key(app: &App) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    format!("{:?}", app.overlay).hash(&mut h);
    match &app.screen {
        app::Screen::Start => "start".hash(&mut h),
        app::Screen::Call { session, .. } => {
            format!("call {} {:?}", session.path().len(), session.phase()).hash(&mut h)
        }
        app::Screen::Recall(r) => format!("recall {} {:?}", r.index, r.answered).hash(&mut h),
        app::Screen::Quick(q) => format!("quick {q:?}").hash(&mut h),
    }
    h.finish()
}

/// What the app's screen accepts (see [`Driver::input_context`]).
pub fn app_input_context(app: &App, width: u16, height: u16) -> guard::Context {
    let feedback = app.overlay.is_none()
        && match &app.screen {
            app::Screen::Call { session, .. } => {
                matches!(session.phase(), crate::engine::Phase::Feedback { .. })
            }
            app::Screen::Recall(r) => r.answered.is_some(),
            // The quick check's answer: a number pressed twice must not skip it.
            app::Screen::Quick(q) => matches!(
                &**q,
                crate::present::flow::QuickScreen::Questions(run) if run.answered.is_some()
            ),
            _ => false,
        };
    guard::Context {
        feedback,
        covered: ui::covered(width, height),
        ..guard::Context::default()
    }
}

impl Driver for App {
    fn running(&self) -> bool {
        self.running
    }
    fn draw(&self, frame: &mut Frame) {
        ui::draw(frame, self);
    }
    fn on_event(&mut self, event: &Event, _now: Instant) -> bool {
        keymap::action_for(event).is_some_and(|a| self.update(a))
    }
    fn screen_key(&self) -> u64 {
        app_screen_key(self)
    }
    fn input_context(&self, width: u16, height: u16) -> guard::Context {
        app_input_context(self, width, height)
    }
}

/// Run the app until the learner stops. The terminal is restored on every way out.
pub fn run(app: &mut App) -> io::Result<()> {
    run_with(app)
}

/// The app plus work it does not do itself (saving progress, speech): `after`
/// runs once at the start and after every action, and returns true when it
/// changed something on screen.
pub struct Hooked<'a, F> {
    /// The practice app being run.
    pub app: &'a mut App,
    /// The hook: given the app and the action just applied (`None` at the start), does the outside work and returns true when the screen changed.
    pub after: F,
}

impl<F: FnMut(&mut App, Option<app::Action>) -> bool> Driver for Hooked<'_, F> {
    fn running(&self) -> bool {
        self.app.running
    }
    fn draw(&self, frame: &mut Frame) {
        ui::draw(frame, self.app);
    }
    fn on_event(&mut self, event: &Event, _now: Instant) -> bool {
        let action = keymap::action_for(event);
        let mut dirty = action.is_some_and(|a| self.app.update(a));
        if let Some(a) = action {
            dirty |= (self.after)(self.app, Some(a));
        }
        dirty
    }
    fn screen_key(&self) -> u64 {
        app_screen_key(self.app)
    }
    fn input_context(&self, width: u16, height: u16) -> guard::Context {
        app_input_context(self.app, width, height)
    }
    fn after_draw(&mut self) -> bool {
        (self.after)(self.app, None)
    }
}

/// `run`, with an `after` hook (see `Hooked`): it runs after every action
/// (with the action) and after every frame drawn (with `None`: the time to
/// say what is shown, as laid out).
pub fn run_with_hook(
    app: &mut App,
    after: impl FnMut(&mut App, Option<app::Action>) -> bool,
) -> io::Result<()> {
    run_with(&mut Hooked { app, after })
}

/// Run any driver. Without a deadline the loop blocks in `read()`; with one it
/// waits in `poll()` only until that deadline, so it never spins. Every event
/// passes the input guard first (see `guard`).
pub fn run_with(driver: &mut impl Driver) -> io::Result<()> {
    let next = |deadline: Option<Instant>| -> io::Result<Got<std::convert::Infallible>> {
        match deadline {
            None => Ok(Got::Events(read_queued(event::read()?)?)),
            Some(at) => {
                let wait = at.saturating_duration_since(Instant::now());
                if event::poll(wait)? {
                    Ok(Got::Events(read_queued(event::read()?)?))
                } else {
                    Ok(Got::Deadline)
                }
            }
        }
    };
    run_loop(driver, next, |_, m| match m {})
}

/// Most events read in one go (see `read_queued`).
const MOST_QUEUED: usize = 4096;

/// `first`, and every event already queued behind it (`poll` with a zero
/// wait: it never sleeps). The input guard takes a burst of key presses
/// read together as an unbracketed paste (see `guard::Guard::accept_batch`).
fn read_queued(first: Event) -> io::Result<Vec<Event>> {
    let mut events = vec![first];
    while events.len() < MOST_QUEUED && event::poll(std::time::Duration::ZERO)? {
        events.push(event::read()?);
    }
    Ok(events)
}

/// What wakes the loop of [`run_with_inputs`]: the terminal (read by a thread
/// of its own), or a message of the driver's own kind from another thread.
#[derive(Debug)]
pub enum Input<M> {
    /// Events from the terminal, read together (see `read_queued`).
    Term(Vec<Event>),
    /// The terminal could not be read (it went away): the loop ends.
    TermFailed(io::Error),
    /// A message of the driver's own kind from another thread (e.g. the group link).
    Other(M),
}

/// Run a driver that also hears from other threads (the group's second
/// window): a thread reads the terminal into the same channel the other
/// threads send into, and the loop blocks on that channel. Nothing polls.
/// `tx` is a sender of that channel (for the terminal thread); `on_other`
/// handles the other messages and returns true when the screen must change.
pub fn run_with_inputs<D: Driver, M: Send + 'static>(
    driver: &mut D,
    tx: std::sync::mpsc::Sender<Input<M>>,
    rx: std::sync::mpsc::Receiver<Input<M>>,
    on_other: impl FnMut(&mut D, M) -> bool,
) -> io::Result<()> {
    std::thread::spawn(move || {
        loop {
            let got = match event::read().and_then(read_queued) {
                Ok(evs) => Input::Term(evs),
                Err(e) => {
                    let _ = tx.send(Input::TermFailed(e));
                    return;
                }
            };
            if tx.send(got).is_err() {
                return;
            }
        }
    });
    let ended = || io::Error::other("the input ended");
    let next = |deadline: Option<Instant>| -> io::Result<Got<M>> {
        let got = match deadline {
            None => rx.recv().map_err(|_| ended())?,
            Some(at) => {
                let wait = at.saturating_duration_since(Instant::now());
                match rx.recv_timeout(wait) {
                    Ok(got) => got,
                    Err(std::sync::mpsc::RecvTimeoutError::Timeout) => return Ok(Got::Deadline),
                    Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => return Err(ended()),
                }
            }
        };
        match got {
            Input::Term(evs) => Ok(Got::Events(evs)),
            Input::TermFailed(e) => Err(e),
            Input::Other(m) => Ok(Got::Other(m)),
        }
    };
    run_loop(driver, next, on_other)
}

/// What the loop got: a terminal event, a message, or its deadline passed.
enum Got<M> {
    Events(Vec<Event>),
    Other(M),
    Deadline,
}

/// Act on one accepted event at `now`; true when the screen must be drawn again.
fn act<D: Driver>(driver: &mut D, ev: &Event, now: Instant, clear: &mut bool) -> bool {
    let mut changed = false;
    if keymap::is_repaint(ev) {
        // Ctrl-L: whatever else wrote to the terminal goes.
        *clear = true;
        changed = true;
    }
    changed | driver.on_event(ev, now)
}

/// What [`take_events`] did: whether to draw again, and whether to clear
/// the whole terminal first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Taken {
    /// Something on screen changed: draw again.
    pub changed: bool,
    /// Clear and repaint the whole terminal (Ctrl-L, or a screen change for a
    /// driver that asks for it).
    pub clear: bool,
}

/// One read of terminal events, as the loop takes it: through the input
/// guard, then to the driver. A burst of key presses read together is a
/// paste; anything else is taken one event at a time, each seeing the
/// screen (and settle window) the one before it left. `shown` is the screen
/// last on show (see [`Driver::screen_key`]); `size` reads the terminal's
/// size (width, height) as each event is taken; `clock` the time (the
/// loop's is `Instant::now`; tests pass their own).
pub fn take_events<D: Driver>(
    driver: &mut D,
    guard: &mut guard::Guard,
    shown: &mut u64,
    evs: &[Event],
    mut size: impl FnMut() -> io::Result<(u16, u16)>,
    mut clock: impl FnMut() -> Instant,
) -> io::Result<Taken> {
    let mut taken = Taken::default();
    let (width, height) = size()?;
    let ctx = driver.input_context(width, height);
    match guard.paste_burst(evs, clock(), ctx) {
        Some(accepted) => {
            for ev in &accepted {
                taken.changed |= act(driver, ev, clock(), &mut taken.clear);
            }
        }
        None => {
            for (i, ev) in evs.iter().enumerate() {
                let ctx = if i == 0 {
                    ctx
                } else {
                    let (width, height) = size()?;
                    driver.input_context(width, height)
                };
                for ev in guard.accept(ev, clock(), ctx) {
                    taken.changed |= act(driver, &ev, clock(), &mut taken.clear);
                }
                let now_showing = driver.screen_key();
                if now_showing != *shown {
                    *shown = now_showing;
                    guard.screen_changed(clock());
                    taken.changed = true;
                    taken.clear |= driver.repaint_on_change();
                }
            }
        }
    }
    Ok(taken)
}

/// The loop itself: draw when something changed, then block in `next` for
/// the next event (until the driver's deadline, if it has one).
fn run_loop<D: Driver, M>(
    driver: &mut D,
    mut next: impl FnMut(Option<Instant>) -> io::Result<Got<M>>,
    mut on_other: impl FnMut(&mut D, M) -> bool,
) -> io::Result<()> {
    console::set_active(theme::is_linux_console());
    let mut term = term::TerminalGuard::new(true)?;
    // The Linux console has no alternate screen: start from a clean one.
    term::clear(&mut term.terminal)?;
    let mut guard = guard::Guard::new(guard::settle());
    let mut shown = driver.screen_key();
    let mut dirty = true;
    let mut clear = false;
    // Terminal events read so far (for the tests' idle mark, `hooks::idle_mark`).
    let mut events_read: u64 = 0;
    while driver.running() {
        if dirty {
            if clear {
                term::clear(&mut term.terminal)?;
                clear = false;
            }
            term.terminal.draw(|f| {
                driver.draw(f);
                if console::active() {
                    console::fix_buffer(f.buffer_mut());
                }
            })?;
            if hooks::stop_after_draw() {
                return Ok(());
            }
            // Work that needs the frame just drawn (speech of the list's
            // page as laid out). If it changed what is shown (a notice),
            // draw once more at once.
            if driver.after_draw() {
                term.terminal.draw(|f| {
                    driver.draw(f);
                    if console::active() {
                        console::fix_buffer(f.buffer_mut());
                    }
                })?;
            }
        }
        if let Some(mark) = hooks::idle_mark(events_read, guard.wait_left(Instant::now())) {
            use std::io::Write;
            let out = &mut term.terminal.backend_mut().0;
            out.write_all(mark.as_bytes())?;
            out.flush()?;
        }
        // An error here (for example the terminal went away) ends the
        // program instead of spinning.
        dirty = match next(driver.deadline(Instant::now()))? {
            Got::Events(evs) => {
                events_read += evs.len() as u64;
                let taken = take_events(
                    driver,
                    &mut guard,
                    &mut shown,
                    &evs,
                    || term.terminal.size().map(|s| (s.width, s.height)),
                    Instant::now,
                )?;
                clear |= taken.clear;
                taken.changed
            }
            Got::Other(m) => on_other(driver, m),
            Got::Deadline => driver.on_deadline(Instant::now()),
        };
        let now_showing = driver.screen_key();
        if now_showing != shown {
            shown = now_showing;
            guard.screen_changed(Instant::now());
            dirty = true;
            clear |= driver.repaint_on_change();
        }
        // Back from Ctrl-Z (SIGCONT): the screen was given away, draw it all.
        if term::take_redraw() {
            clear = true;
            dirty = true;
        }
    }
    Ok(())
}
