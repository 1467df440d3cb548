//! Plain mode: the same rehearsal as plain lines of text, for screen readers,
//! braille displays, scripts and terminals that cannot draw a full screen.
//!
//! It is a driver over the same practice flow as the full screen
//! (`crate::present`): it prints each screen's model and turns typed answers
//! into the same actions.
//!
//! The contract (documented in the README, relied on by scripts):
//! - a decision prints its choices one per line as `  1) text`, then a prompt
//!   line that starts with `Choose 1-N`;
//! - one line is read per decision; anything else gets a short message and the
//!   same prompt again; end of input ends the program cleanly;
//! - at every decision `?` shows the help card and then the choices again,
//!   `r` prints the screen again (all its blocks and the choices), `b` goes
//!   back one step and `q` leaves the call or check (asking first) or, at
//!   the list, stops (asking first). The prompt and the help card name only
//!   the letters that work there (see `letters`): `?` where the screen has
//!   Help, `b` where it has a step back, `q` where there is something to leave;
//! - screens with nothing to decide (the phone ringing, feedback, the
//!   ending) are printed without waiting for Enter;
//! - no escape sequences and no box drawing, ever.
//!
//! Each screen starts with one blank line and a title line: `Screen:` and a
//! few plain words, the same words every time for the same kind of screen
//! (the list, the phone ringing, "Step 2.", "Your choice.", the ending, the
//! quick questions, the quick check, "Are you sure?" and "Help."). A
//! screen-reader or braille user can search for "Screen:" to jump from one
//! screen to the next. Steps are counted as they are reached ("Step 2"), not
//! "2 of 5": calls branch, so the number left is not known.
//!
//! Speech (`--speak`): what is said between two answers (the feedback, then
//! the next caller's words and the choices; or the outcome, then a quick
//! question) is gathered and said as one line when the next screen that
//! waits for an answer starts, so the feedback is not cut off by the next
//! step. When the input is not a keyboard (a pipe or a file) each line is
//! said to the end before the next answer is read. `finish` says the last
//! line (the outcome) to the end. If speech fails, one line says so under
//! the next title, and practice goes on silently.

use std::io::{self, BufRead, Write};

use crate::engine::catalogue::Catalogue;
use crate::engine::session::CallResult;
use crate::engine::{Library, Phase, Script};
use crate::present::flow::{Action, Effect, Flow, Mode, Rules, Screen as At};
use crate::present::screens;
use crate::present::voice::Voice;
use crate::present::wording::{self, WORDS as W};
use crate::present::{Cmd, Role, Screen};

pub use crate::present::wording::so_far;

/// What happened to a call played in plain mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Played {
    /// The call reached an ending: what it meant.
    Finished(CallResult),
    /// Input ended before the call did.
    InputEnded,
    /// The learner left the call before its end (`q`, then yes).
    Left,
}

/// The answer to one question.
enum Reply {
    Pick(usize),
    /// A letter that stands for an action (`b`, `q`).
    Act(Action),
    InputEnded,
}

/// Outside work plain mode hands back to its caller (saving progress).
pub trait Outside {
    /// Do the flow's effects (save finished calls and checks).
    fn perform(&mut self, _flow: &mut Flow) {}
}

impl Outside for () {
    fn perform(&mut self, flow: &mut Flow) {
        flow.take_effects();
    }
}

impl Outside for crate::practice::Keeper {
    fn perform(&mut self, flow: &mut Flow) {
        crate::practice::Keeper::perform(self, flow);
    }
}

/// Plain mode: a call played as lines of text read from `input` and written to `out`, for screen readers, braille displays and piped input.
pub struct Plain<'a, R: BufRead, W: Write> {
    input: R,
    out: W,
    catalogue: &'a Catalogue,
    region: String,
    /// When to practise again, shown at the end of a call.
    booster: Option<String>,
    /// Speech, when asked for.
    voice: Option<Box<dyn Voice + 'a>>,
    /// Say each line to the end before reading the next answer (input not a keyboard).
    wait_for_voice: bool,
    /// What is to be said at the start of the next screen that waits for an answer.
    to_say: Vec<String>,
    /// Speech failed: one line, shown under the next title.
    voice_notice: Option<String>,
    /// The language speech was last told to speak.
    language: crate::i18n::Language,
}

impl<'a, R: BufRead, W: Write> Plain<'a, R, W> {
    /// Plain mode reading answers from `input` and writing lines to `out`, with `catalogue`'s numbers for `region` (the default region if that one is unknown).
    pub fn new(input: R, out: W, catalogue: &'a Catalogue, region: &str) -> Self {
        Self {
            input,
            out,
            catalogue,
            region: catalogue.region(Some(region)).to_string(),
            booster: None,
            voice: None,
            wait_for_voice: false,
            to_say: Vec::new(),
            voice_notice: None,
            language: crate::i18n::current(),
        }
    }

    /// Read every screen aloud. `wait`: say each line to the end before
    /// reading the next answer (for input that is not a keyboard).
    pub fn set_voice(&mut self, voice: Box<dyn Voice + 'a>, wait: bool) {
        self.voice = Some(voice);
        self.wait_for_voice = wait;
    }

    /// Say at the end of each call when to practise again.
    pub fn set_booster(&mut self, line: Option<String>) {
        self.booster = line;
    }

    /// Say what is still to be said (the outcome, after `play`), to the end.
    /// Returns the speech notice not yet shown, if any, for the caller to
    /// show: printed here it would come after the ending.
    pub fn finish(&mut self) -> Option<String> {
        let text = self.to_say.join(" ");
        self.to_say.clear();
        let voice = self.voice.as_mut()?;
        if !text.is_empty() {
            voice.say(&text);
            voice.wait();
        }
        if let Some(n) = voice.take_notice() {
            self.voice_notice = Some(n);
        }
        self.voice_notice.take()
    }

    /// The learner switched language on the list: speech speaks it too.
    fn follow_language(&mut self) {
        let now = crate::i18n::current();
        if now != self.language {
            self.language = now;
            if let Some(v) = self.voice.as_mut() {
                v.set_language(now);
            }
        }
    }

    /// `screen` in words, as the voice says it (nothing without a voice).
    fn words(&self, screen: &Screen) -> String {
        self.voice
            .as_ref()
            .map(|v| v.words(screen))
            .unwrap_or_default()
    }

    /// `screen` in words and then its prompt in words (see
    /// [`prompt_aloud`]): what a screen that waits for an answer says.
    fn words_and_prompt(&self, screen: &Screen, flow: &Flow) -> String {
        if self.voice.is_none() {
            return String::new();
        }
        let n = screen.choices().count();
        format!(
            "{} {}",
            self.words(screen),
            prompt_aloud(n, &letters(screen, flow))
        )
        .trim()
        .to_string()
    }

    /// A short message for an answer that does nothing here ("Please type
    /// a number from 1 to 3."), printed before the prompt comes again; with
    /// speech, said with the prompt, as printed.
    fn wrong(&mut self, message: &str, n: usize, letters: &[(char, String)]) -> io::Result<()> {
        self.line(message)?;
        if self.voice.is_some() {
            let words = format!("{message} {}", prompt_aloud(n, letters));
            self.say_now(&words);
        }
        Ok(())
    }

    /// Say `text` now, stopping the line before.
    fn say_now(&mut self, text: &str) {
        let Some(voice) = self.voice.as_mut() else {
            return;
        };
        voice.say(text);
        if self.wait_for_voice {
            voice.wait();
        }
        if let Some(n) = voice.take_notice() {
            self.voice_notice = Some(n);
        }
    }

    fn line(&mut self, s: &str) -> io::Result<()> {
        // Non-breaking spaces (inside phone numbers) print as plain spaces:
        // a screen reader then reads the number as it always has.
        writeln!(
            self.out,
            "{}",
            crate::sanitize::text(s).replace(wording::NBSP, " ")
        )
    }

    /// Print a screen: a blank line, its title, a speech notice if there is
    /// one, its blocks one a line, and its numbered choices.
    fn print(&mut self, screen: &Screen) -> io::Result<()> {
        self.title(screen)?;
        if let Some(n) = self.voice_notice.take() {
            self.line(&n)?;
        }
        self.body(screen)
    }

    /// A blank line and the screen's `Screen:` title line.
    fn title(&mut self, screen: &Screen) -> io::Result<()> {
        self.line("")?;
        self.line(&crate::tr!("plain-screen", title = screen.title.as_str()))
    }

    /// A screen without its title: its blocks one a line, the other
    /// language's offer, and its numbered choices.
    fn body(&mut self, screen: &Screen) -> io::Result<()> {
        for b in &screen.blocks {
            // The help card's display tips (--large, --high-contrast, --theme)
            // change nothing in plain mode: leave them out.
            // Nor the list's "Press its number, or use the arrow keys": plain
            // mode's own line says to type the number.
            if b.keyboard_only() {
                continue;
            }
            let text = match &b.role {
                Role::Speech { who } => wording::says(who, &b.text),
                Role::Message => crate::tr!("plain-message-says", words = b.text.as_str()),
                Role::Thought => crate::tr!("plain-thought", words = b.text.as_str()),
                Role::Advice { number } => format!("{number}. {}", b.text),
                _ => b.text.clone(),
            };
            self.line(&text)?;
        }
        if screen.find(Cmd::Language).is_some() {
            // Offered in its own words: "Cymraeg: teipiwch c." on an English
            // screen, "English: type e." on a Welsh one.
            let other = crate::present::flow::other_language();
            self.line(&other.tr("language-offer"))?;
        }
        self.choices(screen)
    }

    fn choices(&mut self, screen: &Screen) -> io::Result<()> {
        for (i, c) in screen.choices().enumerate() {
            // The number that chooses it (the model's key, as on screen and in speech).
            let n = c.key().map_or_else(|| (i + 1).to_string(), |k| k.name());
            self.line(&format!("  {n}) {}", c.label))?;
        }
        if let Some(more) = screen.find(Cmd::More) {
            let page = screen.page.map_or_else(String::new, |(n, of)| {
                format!(" {}", wording::page_of(n, of))
            });
            let key = more.key().map_or_else(|| "0".to_string(), |k| k.name());
            self.line(&format!("  {key}) {}{page}", more.label))?;
        }
        Ok(())
    }

    /// Ask for a number from 1 to `n`. Letters: `?` help (handled by the
    /// caller), `r` repeat, `b` back, `q` leave or stop.
    fn ask(&mut self, screen: &Screen, flow: &mut Flow) -> io::Result<Reply> {
        let n = screen.choices().count();
        let letters = letters(screen, flow);
        let offers = |c: char| letters.iter().any(|(k, _)| *k == c);
        loop {
            self.line(&prompt(n, &letters))?;
            self.out.flush()?;
            // A line that is not valid UTF-8 is treated as a wrong answer, not an error.
            let mut bytes = Vec::new();
            if read_line_capped(&mut self.input, &mut bytes)? == 0 {
                return Ok(Reply::InputEnded);
            }
            let buf = String::from_utf8_lossy(&bytes);
            let answer = buf.trim();
            match answer {
                "?" | "h" | "H" | "help" if offers('?') => {
                    // The help card, then the choices again.
                    flow.update(Action::Help);
                    let mut help = screens::screen(flow);
                    flow.update(Action::Back);
                    // Its key list: the letters typed here, as the prompt says them.
                    for b in help.blocks.iter_mut().filter(|b| b.role == Role::Keys) {
                        b.text = typed_keys(&letters);
                    }
                    self.print(&help)?;
                    // Then the choices again, so they are not far back,
                    // under the screen's own title: a search for "Screen:"
                    // finds the decision again, not the help card.
                    self.title(screen)?;
                    self.choices(screen)?;
                    // Said as printed: the help card (its keys in words),
                    // then the title and the choices again, and the prompt.
                    if self.voice.is_some() {
                        for b in help.blocks.iter_mut().filter(|b| b.role == Role::Keys) {
                            b.text = keys_aloud(&letters);
                        }
                        let mut choices = screen.clone();
                        choices.blocks.clear();
                        choices.commands.retain(|c| c.id != Cmd::Language);
                        let words = format!(
                            "{} {}",
                            self.words(&help),
                            self.words_and_prompt(&choices, flow)
                        );
                        self.say_now(&words);
                    }
                }
                "r" | "R" => {
                    // The whole screen again (its title, the caller ID and
                    // who they say they are, the caller's words, the
                    // question) and the choices.
                    let again = with_caller_id(screen, flow);
                    self.title(&again)?;
                    self.body(&again)?;
                    if self.voice.is_some() {
                        let spoken = self.words_and_prompt(&again, flow);
                        self.say_now(&spoken);
                    }
                }
                "b" | "B" => {
                    if offers('b') {
                        return Ok(Reply::Act(Action::Undo));
                    }
                    self.wrong(W.no_step_back, n, &letters)?;
                }
                "c" | "C" | "w" | "W" | "e" | "E" if screen.find(Cmd::Language).is_some() => {
                    let c = answer.chars().next().unwrap_or('e').to_ascii_lowercase();
                    let wanted = if c == 'e' {
                        crate::i18n::Language::EnGb
                    } else {
                        crate::i18n::Language::Cy
                    };
                    if wanted != crate::i18n::current() {
                        return Ok(Reply::Act(Action::Char(c)));
                    }
                    self.wrong(&wording::plain_wrong(n), n, &letters)?;
                }
                "q" | "Q" if offers('q') => {
                    if let Some(a) = leave_action(flow) {
                        return Ok(Reply::Act(a));
                    }
                    self.wrong(&wording::plain_wrong(n), n, &letters)?;
                }
                "0" if screen.find(Cmd::More).is_some() => return Ok(Reply::Act(Action::More)),
                _ => match answer.parse::<usize>() {
                    Ok(k) if (1..=n).contains(&k) => return Ok(Reply::Pick(k - 1)),
                    _ => self.wrong(&wording::plain_wrong(n), n, &letters)?,
                },
            }
        }
    }

    /// Run the flow to the end of input (or until the learner stops).
    /// `until_ended`: stop once a call's ending is printed (`hangup play`).
    pub fn run(
        &mut self,
        flow: &mut Flow,
        outside: &mut dyn Outside,
        until_ended: bool,
    ) -> io::Result<()> {
        // Speech is on: screens that say how long something takes say it
        // read aloud (the quick check's offer).
        flow.speaking |= self.voice.is_some();
        while flow.running {
            // Typed numbers have no end: the whole list is one page, numbered
            // 1 to N, and "Choose 1-N" takes any of them.
            flow.set_pages(vec![0]);
            self.follow_language();
            let mut screen = screens::screen(flow);
            self.add_booster(flow, &mut screen);
            let asks = screen.choices().next().is_some();
            let spoken = if asks {
                self.words_and_prompt(&screen, flow)
            } else {
                self.words(&screen)
            };
            if asks {
                // A screen that waits: say everything gathered, then this
                // screen, before it is printed (a speech notice goes under
                // its title, never between the choices and the prompt).
                self.to_say.push(spoken);
                let text = self.to_say.join(" ");
                self.to_say.clear();
                self.say_now(&text);
                self.print(&screen)?;
            } else {
                self.print(&screen)?;
                if self.voice.is_some() {
                    self.to_say.push(spoken);
                }
            }
            outside.perform(flow);
            let ended = flow.overlay.is_none()
                && flow
                    .session()
                    .is_some_and(|s| matches!(s.phase(), Phase::Ended { .. }));
            if ended && until_ended {
                return self.out.flush();
            }
            if !asks {
                // Nothing to decide: printed, and gone past.
                let Some(default) = screen.default_command() else {
                    return Ok(());
                };
                if !flow.take(default.id) {
                    return Ok(());
                }
                continue;
            }
            match self.ask(&screen, flow)? {
                Reply::Pick(i) => {
                    // The choice printed with that number (on the list, a call).
                    if let Some(id) = screen.choices().nth(i).map(|c| c.id) {
                        flow.take(id);
                    }
                }
                Reply::Act(a) => {
                    flow.update(a);
                    // Before the next screen is printed: it may be in
                    // another language now.
                    outside.perform(flow);
                }
                Reply::InputEnded => return Ok(()),
            }
        }
        Ok(())
    }

    /// The ending says when to practise again (given by hand for `play`).
    fn add_booster(&self, flow: &Flow, screen: &mut Screen) {
        if flow.practice.today.is_some() || flow.overlay.is_some() {
            return;
        }
        let Some(b) = &self.booster else {
            return;
        };
        if flow
            .session()
            .is_some_and(|s| matches!(s.phase(), Phase::Ended { .. }))
            && let Some(pos) = screen.blocks.len().checked_sub(1)
        {
            screen
                .blocks
                .insert(pos, crate::present::Block::new(Role::Heading, b.clone()));
        }
    }

    fn library(&self) -> Library {
        Library {
            catalogue: self.catalogue.clone(),
            scenarios: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// Play one call to its end (or until input ends).
    pub fn play(&mut self, script: Script) -> io::Result<Played> {
        let mut flow = Flow::new(
            self.library(),
            Rules {
                mode: Mode::Practice,
                region: self.region.clone(),
                seed: Some(0),
            },
        );
        flow.play(script, 0);
        self.play_flow(&mut flow, &mut ())
    }

    /// Play the call already started in `flow` to its end. Leaving the
    /// call (`q`, then yes) ends it too: there is no list to go back to.
    pub fn play_flow(&mut self, flow: &mut Flow, outside: &mut dyn Outside) -> io::Result<Played> {
        flow.one_call = true;
        let mut finished = None;
        struct Catch<'b> {
            inner: &'b mut dyn Outside,
            finished: &'b mut Option<CallResult>,
        }
        impl Outside for Catch<'_> {
            fn perform(&mut self, flow: &mut Flow) {
                let effects = flow.take_effects();
                for e in &effects {
                    if let Effect::CallFinished(f) = e {
                        *self.finished = Some(f.result.clone());
                    }
                }
                // Put them back for the real outside work.
                flow.put_effects(effects);
                self.inner.perform(flow);
            }
        }
        self.run(
            flow,
            &mut Catch {
                inner: outside,
                finished: &mut finished,
            },
            true,
        )?;
        Ok(match finished {
            Some(r) => Played::Finished(r),
            None if !flow.running => Played::Left,
            None => Played::InputEnded,
        })
    }

    /// The start screen as a numbered list: play calls until `q` or end of input.
    pub fn menu(
        &mut self,
        library: &Library,
        mut next_seed: impl FnMut() -> u64,
    ) -> io::Result<()> {
        let mut flow = Flow::new(
            library.clone(),
            Rules {
                mode: Mode::Practice,
                region: self.region.clone(),
                seed: Some(next_seed()),
            },
        );
        self.menu_flow(&mut flow, &mut ())
    }

    /// The menu over a flow filled from progress (marks, the quick check).
    pub fn menu_flow(&mut self, flow: &mut Flow, outside: &mut dyn Outside) -> io::Result<()> {
        self.line(&crate::present::wording::sentence(W.app_title))?;
        flow.enter_start();
        self.run(flow, outside, false)
    }
}

/// What `q` does here: leave the call, questions or check (asking first),
/// or at the list, stop (asking first).
fn leave_action(flow: &Flow) -> Option<Action> {
    if flow.overlay.is_some() {
        return None;
    }
    match &flow.screen {
        At::Start => Some(Action::Quit),
        At::Quick(q) if matches!(**q, crate::present::flow::QuickScreen::Offer(_)) => {
            Some(Action::Quit)
        }
        _ => Some(Action::Leave),
    }
}

/// The letters that work at this decision, each with what it does in
/// words, from the screen's commands: `?` where it has Help, `r` always
/// (plain mode prints the screen again), `b` where it has a step to go back
/// to (`StepBack`), and `q` where there is something to leave or stop. The
/// prompt and the help card's key list both name these, and no others.
fn letters(screen: &Screen, flow: &Flow) -> Vec<(char, String)> {
    let mut keys = Vec::new();
    if screen.find(Cmd::Help).is_some() {
        keys.push(('?', crate::i18n::tr("plain-get-help")));
    }
    keys.push(('r', crate::i18n::tr("plain-hear-again")));
    if screen.find(Cmd::StepBack).is_some() {
        keys.push(('b', crate::i18n::tr("plain-go-back")));
    }
    if leave_action(flow).is_some() {
        keys.push(('q', crate::i18n::tr("plain-leave")));
    }
    keys
}

fn named(letters: &[(char, String)]) -> Vec<(String, &str)> {
    letters
        .iter()
        .map(|(k, what)| (k.to_string(), what.as_str()))
        .collect()
}

/// The prompt: `Choose 1-N`, then the letters that work here, in words.
fn prompt(n: usize, letters: &[(char, String)]) -> String {
    let named = named(letters);
    let keys: Vec<(&str, &str)> = named.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    wording::plain_prompt(n, &keys)
}

/// The prompt said aloud: the same as [`prompt`], in words.
fn prompt_aloud(n: usize, letters: &[(char, String)]) -> String {
    let named = named(letters);
    let keys: Vec<(&str, &str)> = named.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    wording::plain_prompt_aloud(n, &keys)
}

/// The help card's key list said aloud: each letter in words.
fn keys_aloud(letters: &[(char, String)]) -> String {
    let named = named(letters);
    let keys: Vec<(&str, &str)> = named.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    wording::plain_keys_aloud(&keys)
}

/// What `r` prints at a step of a call: the screen, with the caller ID and
/// who they say they are (from the phone ringing) before the step's lines,
/// as the README's contract says. Anything else is printed as it is.
fn with_caller_id(screen: &Screen, flow: &Flow) -> Screen {
    let mut again = screen.clone();
    if flow.overlay.is_some() {
        return again;
    }
    let Some(session) = flow.session() else {
        return again;
    };
    if !matches!(session.phase(), Phase::Deciding { .. }) {
        return again;
    }
    let ringing = screens::incoming(session);
    let named = wording::practice_call(&session.script().title);
    let who: Vec<_> = ringing
        .blocks
        .into_iter()
        .filter(|b| b.text != named && b.role != Role::Note)
        .collect();
    again.blocks.splice(0..0, who);
    again
}

/// The help card's key list in plain mode: the letters typed here.
fn typed_keys(letters: &[(char, String)]) -> String {
    let named = named(letters);
    let keys: Vec<(&str, &str)> = named.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    wording::plain_keys(&keys)
}

/// The longest answer line kept; the rest of a longer line is read and thrown
/// away, so an endless line without a newline cannot fill memory.
pub const MAX_ANSWER_BYTES: usize = 1024;

/// Read one line (up to and including `\n`), keeping at most
/// `MAX_ANSWER_BYTES` of it. Returns how many bytes were read (0 at end of input).
pub fn read_line_capped<R: BufRead>(input: &mut R, kept: &mut Vec<u8>) -> io::Result<usize> {
    let mut total = 0usize;
    loop {
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(total);
        }
        let (used, done) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        let room = MAX_ANSWER_BYTES.saturating_sub(kept.len());
        kept.extend_from_slice(&buf[..used.min(room)]);
        input.consume(used);
        total = total.saturating_add(used);
        if done {
            return Ok(total);
        }
    }
}
