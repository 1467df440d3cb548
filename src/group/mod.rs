//! Group mode (`hangup group`): a volunteer runs practice calls on a projector
//! for a room of people.
//!
//! The flow itself (plan, call, quick check, show of hands, reveal, the end)
//! is pure and lives in `crate::present::group`; its screen models in
//! `crate::present::group_screens`. Here is the driver that runs it in a
//! terminal ([`GroupApp`]: keys, the notes-window link, saving the record,
//! speech), and `view.rs`, the projector layout that draws the model.
//!
//! Other parts: `roleplay.rs` (`hangup script`), `handout.rs` (`hangup handout`),
//! `record.rs` (the anonymous session record), `notes.rs` and `link.rs` (the
//! volunteer's notes window).

pub mod commands;
pub mod handout;
#[cfg(unix)]
pub mod link;
#[cfg(unix)]
pub mod notes;
pub mod record;
pub mod roleplay;
pub mod view;

use std::cell::{Cell, RefCell};
use std::time::{Instant, SystemTime};

use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::Frame;
use ratatui::layout::Rect;

use crate::engine::Library;
use crate::tui::Driver;
use crate::tui::app::{Action, Options, Overlay, Target};

pub use crate::present::group::*;

/// The group session as the terminal runs it: a driver of its own over the
/// group flow (plan, call, quick check, tally, reveal), drawn by `view.rs`.
/// It shares only the keymap and the terminal loop with the practice app.
#[derive(Debug)]
pub struct GroupApp {
    /// Every scenario to choose from, with the catalogues.
    pub library: Library,
    /// The options from the command line: mode, region, seed, theme, large print.
    pub options: Options,
    /// A window over the screen (help, or the plan), if one is open.
    pub overlay: Option<Overlay>,
    /// False once the volunteer has asked to stop; the loop then ends.
    pub running: bool,
    /// Clickable areas from the last frame (written while rendering): a
    /// target for every command of the screen's model that has a key.
    pub targets: RefCell<Vec<(Rect, Target)>>,
    /// The size of the last frame drawn: scrolling is clamped by laying the
    /// screen out again at this size (see [`GroupApp::update`]).
    pub size: Cell<Rect>,
    /// How far the help card scrolls at that size (written while rendering).
    pub help_room: Cell<HelpRoom>,
    /// The session in progress.
    pub group: Option<Box<GroupState>>,
    /// Outside work asked for by `update`, done by `perform`.
    pub effects: Vec<GroupEffect>,
    /// The volunteer's notes window, when one is linked (`hangup group --notes`).
    #[cfg(unix)]
    pub peer: Option<link::Peer>,
    /// `--speak`: every screen is said, block by block, as it changes.
    pub speaker: Option<crate::speech::Speaker>,
    /// A one-line message for the volunteer (speech could not start), shown
    /// on the top row until the next change.
    pub notice: Option<String>,
    /// Why speech went off, for the error output when the session ends.
    pub speech_off: Option<String>,
    /// With `--speak`: the screen as last said (for the ear), so a change
    /// says only what changed.
    pub said: Option<crate::present::Screen>,
}

/// What speech does after a change (see [`GroupApp::words_now`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// Nothing new to say: let the line being said go on.
    Nothing,
    /// A blank screen: stop talking.
    Stop,
    /// Say this.
    Say(String),
}

impl GroupApp {
    /// A group session over `library`, starting at the plan, with every scenario in it (see [`GroupState::new`]).
    pub fn new(library: Library, options: Options) -> Self {
        let group = Some(Box::new(GroupState::new(&library)));
        Self {
            library,
            options,
            overlay: None,
            running: true,
            targets: RefCell::new(Vec::new()),
            size: Cell::new(Rect::default()),
            help_room: Cell::new(HelpRoom::default()),
            group,
            effects: Vec::new(),
            #[cfg(unix)]
            peer: None,
            speaker: None,
            notice: None,
            speech_off: None,
            said: None,
        }
    }

    /// Send the session's state now to the notes window, if one is linked.
    #[cfg(unix)]
    pub fn tell_notes(&mut self) {
        let (Some(peer), Some(g)) = (self.peer.as_mut(), self.group.as_deref()) else {
            return;
        };
        let model = notes::NotesModel::of(g, self.overlay, SystemTime::now());
        if !peer.send(&link::Message::Room(Box::new(model))) {
            self.peer = None;
        }
    }

    /// Something from the link to the notes window: it came, it went, or a
    /// key was pressed there (it acts here, as if pressed here). True when
    /// the screen must change.
    #[cfg(unix)]
    pub fn on_link(&mut self, ev: link::LinkEvent) -> bool {
        use link::{LinkEvent, Message};
        match ev {
            LinkEvent::Up(peer) => {
                self.peer = Some(peer);
                self.tell_notes();
                false
            }
            LinkEvent::Got(Message::Key { key }) => {
                let Some(action) = link::key_action(&key) else {
                    return false;
                };
                let changed = self.update(action);
                let changed = self.perform() || changed;
                if changed {
                    self.tell_notes();
                    self.say();
                }
                changed
            }
            // Another room view's state is not for this one.
            LinkEvent::Got(Message::Room(_)) | LinkEvent::Failed(_) => false,
            LinkEvent::Down => {
                self.peer = None;
                false
            }
        }
    }

    /// Apply one action. Returns true when the screen must change. Outside
    /// work (saving the record) waits in `effects` for `perform`.
    pub fn update(&mut self, action: Action) -> bool {
        match action {
            Action::Redraw => return true,
            Action::ForceQuit => {
                self.running = false;
                return true;
            }
            _ => {}
        }
        // A click or touch is the action of what was drawn there.
        let action = match action {
            Action::Click { column, row } => {
                match crate::tui::app::target_at(&self.targets.borrow(), column, row) {
                    Some(t) => t.action(),
                    None => return false,
                }
            }
            other => other,
        };
        // Scrolling the help card: lay it out at the last size first (the
        // function that draws, run without drawing), so the scroll is
        // clamped by the same layout that draws it.
        if matches!(self.overlay, None | Some(Overlay::Help))
            && matches!(
                action,
                Action::Up | Action::Down | Action::PageUp | Action::PageDown
            )
            && !self.size.get().is_empty()
        {
            view::lay_out(self, self.size.get());
        }
        let Some(mut g) = self.group.take() else {
            return false;
        };
        let ctx = Ctx {
            library: &self.library,
            region: &self.options.region,
            seed: self.options.seed,
            overlay: &mut self.overlay,
            running: &mut self.running,
            effects: &mut self.effects,
            help_room: self.help_room.get(),
        };
        let changed = update(ctx, &mut g, action);
        self.group = Some(g);
        changed
    }

    /// The screen as it is said: the model, with the record's file named
    /// by its name alone (the projector shows the whole path for the
    /// volunteer; read aloud it is a long run of folder names).
    pub fn ear_model(&self) -> Option<crate::present::Screen> {
        let mut m = view::model(self)?;
        if let Some(g) = self.group.as_deref()
            && g.stage == Stage::Finished
            && self.overlay.is_none()
            && let Some(Saved::To(p)) = &g.saved
        {
            let name = p
                .file_name()
                .map(|n| crate::engine::text::sanitize(&n.to_string_lossy()))
                .unwrap_or_default();
            for b in m
                .blocks
                .iter_mut()
                .filter(|b| b.role == crate::present::Role::Verdict { good: true })
            {
                b.text = crate::tr!("group-saved-in", path = name.as_str());
            }
        }
        Some(m)
    }

    /// What to say after a change. A new screen is said whole: every
    /// block, then the keys. The same screen changed says only what
    /// changed: on the plan, the highlighted row and its state (and the
    /// totals if they changed); elsewhere the blocks and keys that are new
    /// (after `t`, the keys for counting, not the question again; while
    /// counting, the hands typed: "Choice 2, Hands up: 7."). At a question,
    /// a moved highlight says the highlighted choice. A blank screen stops
    /// speech.
    pub fn words_now(&mut self) -> Said {
        use crate::present::{Cmd, GroupCmd, Screen};
        use crate::speech::{Hands, spoken};
        let blank = self.overlay.is_none() && self.group.as_ref().is_some_and(|g| g.paused);
        let Some(now) = self.ear_model().filter(|_| !blank) else {
            self.said = None;
            return Said::Stop;
        };
        let Some(before) = self.said.replace(now.clone()) else {
            return Said::Say(spoken(&now, Hands::Keys));
        };
        if before.title != now.title || before.topic != now.topic {
            return Said::Say(spoken(&now, Hands::Keys));
        }
        let mut part = Screen {
            blocks: now
                .blocks
                .iter()
                .filter(|b| !before.blocks.iter().any(|was| same_block(was, b)))
                .cloned()
                .collect(),
            ..Screen::default()
        };
        // The highlight moved (Up or Down at a question): the highlighted
        // choice, as the screen marks it ("2: A real call."), first.
        let moved: Vec<crate::present::Command> = match now.highlight {
            Some(i) if before.highlight != now.highlight => now
                .commands
                .iter()
                .filter(|c| c.id == Cmd::Choose(i))
                .cloned()
                .collect(),
            _ => Vec::new(),
        };
        let plan = now.find(Cmd::Group(GroupCmd::InOut)).is_some();
        if plan {
            // The highlighted row, as the screen marks it ("3: Skip: …").
            let row = self.group.as_ref().map_or(0, |g| g.cursor);
            part.commands = now
                .commands
                .iter()
                .filter(|c| c.id == Cmd::Choose(row))
                .cloned()
                .collect();
        } else {
            // Keys are compared by what they do and say, not by which keys
            // take them (counting hands takes the numbers off the choices).
            part.commands = now
                .commands
                .iter()
                .filter(|c| {
                    !before
                        .commands
                        .iter()
                        .any(|b| b.id == c.id && b.label == c.label)
                })
                .cloned()
                .collect();
        }
        part.commands.splice(0..0, moved);
        if part.blocks.is_empty() && part.commands.is_empty() {
            return Said::Nothing;
        }
        Said::Say(spoken(&part, Hands::Keys).trim().to_string())
    }

    /// With `--speak`: say what changed on the screen the room sees (see
    /// [`GroupApp::words_now`]).
    pub fn say(&mut self) {
        if self.speaker.is_none() {
            return;
        }
        let words = self.words_now();
        self.speak(words);
    }

    /// With `--speak`: say the whole screen again (`r`), unless it is blank.
    pub fn say_again(&mut self) {
        if self.speaker.is_none() {
            return;
        }
        self.said = None;
        let words = self.words_now();
        self.speak(words);
    }

    fn speak(&mut self, words: Said) {
        let Some(sp) = self.speaker.as_mut() else {
            return;
        };
        match words {
            Said::Say(text) => sp.say(&text),
            Said::Stop => sp.stop(),
            Said::Nothing => {}
        }
        if let Some(n) = sp.notice.take() {
            // Speech is off: "Hear it again" goes, and the error output
            // says why once the screen is given back.
            if let Some(g) = self.group.as_mut() {
                g.speaking = false;
            }
            self.speech_off = Some(n.clone());
            self.notice = Some(n);
        }
    }

    /// Do the outside work `update` asked for (append the session record,
    /// say the screen again). True when the screen changed.
    pub fn perform(&mut self) -> bool {
        let effects = std::mem::take(&mut self.effects);
        let mut changed = false;
        for e in &effects {
            if *e == GroupEffect::SayAgain {
                self.say_again();
                continue;
            }
            let Some(g) = self.group.as_deref_mut() else {
                return changed;
            };
            changed = true;
            let (done, rec) = match e {
                GroupEffect::SaveRecord(rec) => (
                    g.data_dir.as_deref().map(|dir| record::append(dir, rec)),
                    rec,
                ),
                GroupEffect::ReplaceRecord { old, new } => (
                    g.data_dir
                        .as_deref()
                        .map(|dir| record::replace(dir, old, new)),
                    new.as_ref(),
                ),
                GroupEffect::SayAgain => continue,
            };
            g.saved = Some(match done {
                Some(Ok(path)) => {
                    g.saved_record = Some(rec.clone());
                    Saved::To(path)
                }
                Some(Err(e)) => Saved::Failed(e.to_string()),
                None => Saved::Failed(crate::i18n::tr("group-no-folder")),
            });
        }
        changed
    }
}

impl GroupApp {
    /// A presenter remote's "next" (Page Down, Right, `+`) on a screen
    /// with more below shows more (Page Down) rather than going on, and its
    /// "back" (Page Up, Left, `-`) once scrolled shows more above: a lesson
    /// is never left half read by the remote. Other keys are as they are.
    fn remote_scrolls(&self, event: &Event, action: Action) -> Action {
        let (Event::Key(key), None, Some(g)) = (event, self.overlay, self.group.as_deref()) else {
            return action;
        };
        let room = self.help_room.get();
        let at = g.scroll.min(room.max);
        match (key.code, action) {
            (KeyCode::PageDown | KeyCode::Right | KeyCode::Char('+'), Action::Select)
                if at < room.max =>
            {
                Action::PageDown
            }
            (KeyCode::PageUp | KeyCode::Left | KeyCode::Char('-'), Action::Back) if at > 0 => {
                Action::PageUp
            }
            _ => action,
        }
    }
}

/// The same block for the ear: hands are the same while their words and
/// place are (a bar's length changes with the most hands: not said).
fn same_block(a: &crate::present::Block, b: &crate::present::Block) -> bool {
    use crate::present::Role;
    match (&a.role, &b.role) {
        (
            Role::Hands {
                under: u1,
                typing: t1,
                ..
            },
            Role::Hands {
                under: u2,
                typing: t2,
                ..
            },
        ) => u1 == u2 && t1 == t2 && a.text == b.text,
        _ => a == b,
    }
}

impl Driver for GroupApp {
    fn running(&self) -> bool {
        self.running
    }
    fn draw(&self, frame: &mut Frame) {
        view::draw(frame, self);
    }
    fn on_event(&mut self, event: &Event, _now: Instant) -> bool {
        let action = action_for(event, self.overlay == Some(Overlay::Help))
            .map(|a| self.remote_scrolls(event, a));
        let changed = action.is_some_and(|a| self.update(a));
        let changed = self.perform() || changed;
        if changed {
            self.notice = None;
            self.say();
        }
        #[cfg(unix)]
        if changed {
            self.tell_notes();
        }
        changed
    }
    /// Which screen is on show (the input guard's settle window starts on a change).
    fn screen_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!("{:?}", self.overlay).hash(&mut h);
        if let Some(g) = &self.group {
            format!(
                "group {:?} {:?} {:?} {} {}",
                g.stage,
                g.current,
                g.session.as_ref().map(|s| (s.path().len(), s.phase())),
                g.tally_entry.is_some(),
                g.plan_open
            )
            .hash(&mut h);
        }
        h.finish()
    }
    /// Typing a head count is a text field (pastes go there).
    fn input_context(&self, width: u16, height: u16) -> crate::tui::guard::Context {
        crate::tui::guard::Context {
            // The head counts: hands at a question, people at the end.
            text_field: self.group.as_ref().is_some_and(|g| {
                g.tally_entry.is_some()
                    || (g.stage == Stage::Finished
                        && (g.correcting || !matches!(g.saved, Some(Saved::To(_)))))
            }),
            covered: crate::tui::ui::covered(width, height),
            ..crate::tui::guard::Context::default()
        }
    }
}

/// Keys in group mode: the shared keymap, plus presenter remotes and number
/// pads. Page Down, Right, Space and `+` go on (as Enter); Page Up, Left and
/// `-` go back (as Esc); `b` and `.` blank the screen; F5 and Shift-F5 show
/// the room view. Digits and Enter from a number pad arrive as ordinary keys.
/// On the help card (`help_open`), Page Down, Right and `+` scroll it down
/// (to its end) and Page Up, Left and `-` scroll it up instead.
pub fn action_for(event: &Event, help_open: bool) -> Option<Action> {
    if let Event::Key(key) = event
        && key.kind == KeyEventKind::Press
        && !key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        let (down, up) = if help_open {
            (Action::PageDown, Action::PageUp)
        } else {
            (Action::Select, Action::Back)
        };
        match key.code {
            KeyCode::PageDown | KeyCode::Right | KeyCode::Char('+') => return Some(down),
            KeyCode::PageUp | KeyCode::Left | KeyCode::Char('-') => return Some(up),
            KeyCode::Char('b' | 'B' | '.' | 'p' | 'P') => return Some(BLANK),
            KeyCode::F(5) => return Some(Action::Present),
            _ => {}
        }
    }
    crate::tui::keymap::action_for(event)
}
