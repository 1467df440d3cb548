//! Plain mode: the same rehearsal as plain lines of text, for screen readers,
//! braille displays, scripts and terminals that cannot draw a full screen.
//!
//! The contract (documented in the README, relied on by scripts):
//! - a decision prints its choices one per line as `  1) text`, then a prompt
//!   line that starts with `Choose 1-N`;
//! - one line is read per decision; anything else gets a short message and the
//!   same prompt again; end of input ends the program cleanly;
//! - caller lines and feedback are printed without waiting for Enter;
//! - no escape sequences and no box drawing, ever.
//!
//! Each screen starts with one blank line and a title line: `Screen:` and a
//! few plain words, the same words every time for the same kind of screen:
//! - `Screen: Choose a call to practise.` (the list)
//! - `Screen: Your phone is ringing.` (or `A text message has arrived.`, or
//!   `Someone is knocking at your door.`)
//! - `Screen: Step 2.` (the caller speaks; you choose)
//! - `Screen: Your choice.` (what your choice means)
//! - `Screen: The call has ended.`
//! - `Screen: Quick question 1 of 3.`
//! - `Screen: Help.`
//!
//! Why a fixed first word rather than only a short sentence: a screen-reader
//! or braille user can search for "Screen:" to jump from one screen to the
//! next, and hears at once that something new has started; a bare sentence
//! sounds like every other line. "Screen" is also the word the full-screen
//! version, and a helper sitting alongside, would use. Steps are counted as
//! they are reached ("Step 2"), not "2 of 5": calls branch, so the number
//! left is not known. Nothing else is decoration: no bullets, arrows or
//! symbols; lists are numbered, or are plain sentences one to a line.
//!
//! Speech (`--speak`, off by default: a screen reader already reads plain
//! mode aloud, so this is for people who want it read without one): what is
//! said between two answers (the feedback, then the next caller's words and
//! the choices; or the outcome, then a quick question) is gathered and said
//! as one line when the next screen that waits for an answer starts, so the
//! feedback is not cut off by the next step. A new answer stops the line
//! being said, as in the full screen; `r` says the caller's words and the
//! choices again. When the input is not a keyboard (a pipe or a file) every
//! answer is there at once and each line would be cut off straight away, so
//! then each line is said to the end before the next answer is read.
//! `finish` says the last line (the outcome) to the end, so the learner hears
//! it and no speech program outlives `hangup`. If speech fails, one line says
//! so under the next title, and practice goes on silently.

use std::io::{self, BufRead, Write};

use crate::engine::catalogue::Catalogue;
use crate::engine::model::Medium;
use crate::engine::quick_check::{CheckRun, Score, Stage, answer_words, offer_words, result_lines};
use crate::engine::script::ScriptRecall;
use crate::engine::session::CallResult;
use crate::engine::{Kind, Library, Phase, Scenario, Script, Session, Verdict};
use crate::speech::Voice;
use crate::tui::practice::{call_speech, recall_speech, verdict_words};
use crate::tui::quick_check::QuickState;

/// What the practice menu adds when progress is kept. Every method has a
/// do-nothing default, and `()` is the menu without progress.
pub trait MenuHooks {
    /// Lines under the menu's title, e.g. "3 of 14 practised."
    fn head(&self) -> Vec<String> {
        Vec::new()
    }
    /// A word before a call's title, e.g. "New" or "Due".
    fn mark(&self, _id: &str) -> Option<&'static str> {
        None
    }
    /// The seed to play with (e.g. one giving a different variant from last time).
    fn seed(&mut self, _scenario: &Scenario, seed: u64) -> u64 {
        seed
    }
    /// A call ended.
    fn finished(&mut self, _result: &CallResult, _seed: u64) {}
    /// The line saying when to practise again.
    fn booster(&self) -> Option<String> {
        None
    }
    /// The quick check ("a scam or a real call?") and when to offer it.
    fn quick(&mut self) -> Option<&mut QuickState> {
        None
    }
    /// A quick check ended (save its score).
    fn check_finished(&mut self, _stage: Stage, _score: Score) {}
}

impl MenuHooks for () {}

/// What happened to a call played in plain mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Played {
    Finished(CallResult),
    /// Input ended before the call did.
    InputEnded,
}

/// The answer to one question.
enum Reply {
    Pick(usize),
    Quit,
    InputEnded,
}

pub struct Plain<'a, R: BufRead, W: Write> {
    input: R,
    out: W,
    catalogue: &'a Catalogue,
    region: String,
    last_said: String,
    /// When to practise again, printed at the end of a call (before the source line).
    booster: Option<String>,
    /// Speech, when asked for.
    voice: Option<Box<dyn Voice + 'a>>,
    /// Say each line to the end before reading the next answer (input not a keyboard).
    wait_for_voice: bool,
    /// What is to be said at the start of the next screen that waits for an answer.
    to_say: Vec<String>,
    /// What `r` says again: the caller's words and the choices, or the question.
    last_spoken: String,
    /// Speech failed: one line, shown under the next title.
    voice_notice: Option<String>,
}

impl<'a, R: BufRead, W: Write> Plain<'a, R, W> {
    pub fn new(input: R, out: W, catalogue: &'a Catalogue, region: &str) -> Self {
        Self {
            input,
            out,
            catalogue,
            region: catalogue.region(Some(region)).to_string(),
            last_said: String::new(),
            booster: None,
            voice: None,
            wait_for_voice: false,
            to_say: Vec::new(),
            last_spoken: String::new(),
            voice_notice: None,
        }
    }

    /// Read the caller's words, the choices, the feedback, the outcome and
    /// the quick questions aloud. `wait`: say each line to the end before
    /// reading the next answer (for input that is not a keyboard).
    pub fn set_voice(&mut self, voice: Box<dyn Voice + 'a>, wait: bool) {
        self.voice = Some(voice);
        self.wait_for_voice = wait;
    }

    /// Say what is still to be said (the outcome, after `play`), to the end.
    /// Call once, when done playing. With nothing left to say it does not
    /// wait: the learner stopped (`q`, end of input), or, with piped input,
    /// the last line was already said to the end. Returns the speech notice
    /// not yet shown, if any (e.g. the program was not found), for the
    /// caller to show: printed here it would come after the ending.
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

    /// Add `text` to what is said at the start of the next screen that waits
    /// for an answer.
    fn speak(&mut self, text: Option<String>) {
        if self.voice.is_some()
            && let Some(t) = text
        {
            self.to_say.push(t);
        }
    }

    /// Say `text` now, stopping the line before. A notice (speech has just
    /// failed) is kept for the next title, so it never comes between the
    /// choices and the prompt, nor after the ending.
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

    /// Start a screen (see the module comment): one blank line, the title,
    /// and a speech notice if there is one. `say`: this screen waits for an
    /// answer and its words are gathered, so say everything gathered now.
    fn screen(&mut self, words: &str, say: bool) -> io::Result<()> {
        if say && !self.to_say.is_empty() {
            let text = self.to_say.join(" ");
            self.to_say.clear();
            self.say_now(&text);
        }
        self.line("")?;
        self.line(&format!("Screen: {words}"))?;
        if let Some(n) = self.voice_notice.take() {
            self.line(&n)?;
        }
        Ok(())
    }

    /// Say at the end of each call when to practise again.
    pub fn set_booster(&mut self, line: Option<String>) {
        self.booster = line;
    }

    fn line(&mut self, s: &str) -> io::Result<()> {
        writeln!(self.out, "{s}")
    }

    /// Ask for a number from 1 to `n`. `allow_quit` lets `q` stop (menus only).
    fn ask(&mut self, n: usize, allow_quit: bool) -> io::Result<Reply> {
        let extra = if allow_quit {
            ", q to stop"
        } else {
            ", r to repeat"
        };
        loop {
            writeln!(
                self.out,
                "Choose 1-{n} and press Enter (? for help{extra}):"
            )?;
            self.out.flush()?;
            let mut buf = String::new();
            // A line that is not valid UTF-8 is treated as a wrong answer, not an error.
            let mut bytes = Vec::new();
            if self.input.read_until(b'\n', &mut bytes)? == 0 {
                return Ok(Reply::InputEnded);
            }
            buf.push_str(&String::from_utf8_lossy(&bytes));
            let answer = buf.trim();
            match answer {
                "?" | "h" | "help" => self.help()?,
                "r" | "R" if !allow_quit => {
                    let said = self.last_said.clone();
                    self.line(&said)?;
                    let spoken = self.last_spoken.clone();
                    self.say_now(&spoken);
                }
                "q" | "Q" if allow_quit => return Ok(Reply::Quit),
                _ => match answer.parse::<usize>() {
                    Ok(k) if (1..=n).contains(&k) => return Ok(Reply::Pick(k - 1)),
                    _ => self.line(&format!("Please type a number from 1 to {n}."))?,
                },
            }
        }
    }

    /// The help card: the right action and the numbers to call.
    pub fn help(&mut self) -> io::Result<()> {
        self.screen("Help.", false)?;
        self.line("If a call worries you:")?;
        for (i, a) in self.catalogue.core_action(&self.region).iter().enumerate() {
            self.line(&format!("{}. {a}", i + 1))?;
        }
        self.line("Numbers to know:")?;
        for n in self.catalogue.numbers(&self.region) {
            self.line(&format!("{}: {}", n.number, n.what))?;
        }
        Ok(())
    }

    /// Play one call to its end (or until input ends).
    pub fn play(&mut self, script: Script) -> io::Result<Played> {
        let mut session = Session::new(script);
        self.incoming(&session)?;
        session.answer();
        loop {
            match session.phase() {
                Phase::Incoming => session.answer(),
                Phase::Deciding { step } => {
                    let st = session.step(step).clone();
                    let spoken = call_speech(&session, None).unwrap_or_default();
                    self.last_spoken.clone_from(&spoken);
                    self.speak(Some(spoken));
                    // Counted as reached: calls branch, so the number left is not known.
                    self.screen(&format!("Step {}.", session.path().len() + 1), true)?;
                    let said = if st.has_roles() {
                        // Each line in its role: narration, "X says:", "You think:".
                        let lines: Vec<String> = st.lines.iter().map(|l| l.transcript()).collect();
                        for l in &lines {
                            self.line(l)?;
                        }
                        lines.join(" ")
                    } else {
                        if let Some(scene) = &st.scene {
                            self.line(scene)?;
                        }
                        let said = match session.script().medium {
                            Medium::Message => format!("The message says: \"{}\"", st.says),
                            _ => format!("{} says: \"{}\"", st.who, st.says),
                        };
                        self.line(&said)?;
                        said
                    };
                    self.last_said = said;
                    self.line("What would you do?")?;
                    for (i, c) in st.choices.iter().enumerate() {
                        self.line(&format!("  {}) {}", i + 1, c.text))?;
                    }
                    match self.ask(st.choices.len(), false)? {
                        Reply::Pick(i) => {
                            if session.choose(i).is_err() {
                                continue;
                            }
                        }
                        Reply::Quit | Reply::InputEnded => return Ok(Played::InputEnded),
                    }
                }
                Phase::Feedback { .. } => {
                    if let Some(c) = session.current_choice() {
                        let c = c.clone();
                        self.screen("Your choice.", false)?;
                        self.line(&format!("You chose: {}", c.text))?;
                        match c.verdict {
                            Verdict::Safer => self.line("Safer choice.")?,
                            Verdict::Risky => self.line("Risky choice.")?,
                            Verdict::Neutral => {}
                        }
                        self.line(&c.feedback)?;
                        for t in &c.tricks {
                            self.line(&format!("Trick: {}. {}", t.name, t.explain))?;
                        }
                        self.speak(call_speech(&session, None));
                    }
                    session.next();
                }
                Phase::Ended { .. } => {
                    self.ending(&session)?;
                    return Ok(match session.result() {
                        Some(r) => Played::Finished(r),
                        None => Played::InputEnded,
                    });
                }
            }
        }
    }

    fn incoming(&mut self, session: &Session) -> io::Result<()> {
        let s = session.script();
        let title = match s.medium {
            Medium::Call => "Your phone is ringing.",
            Medium::Message => "A text message has arrived.",
            Medium::Visit => "Someone is knocking at your door.",
        };
        self.screen(title, false)?;
        self.line(&format!("Practice call: {}.", s.title))?;
        match s.medium {
            Medium::Call => self.line(&format!("Caller ID shows: {}", s.caller_number))?,
            Medium::Message => self.line(&format!("It is from: {}", s.caller_number))?,
            Medium::Visit => {}
        }
        self.line(&format!(
            "They say they are: {}, {}.",
            s.caller_name, s.caller_organisation
        ))?;
        if s.medium != Medium::Visit {
            self.line("Remember: the name and number on your screen can be faked.")?;
        }
        self.speak(call_speech(session, None));
        Ok(())
    }

    fn ending(&mut self, session: &Session) -> io::Result<()> {
        let s = session.script();
        let Some(e) = session.ending() else {
            return Ok(());
        };
        self.screen("The call has ended.", false)?;
        self.line(crate::engine::model::outcome_words(s.kind, e.outcome))?;
        self.line(&sentence(&e.title))?;
        // Plain sentences, one a line: no bullets.
        self.line("What happened:")?;
        for h in &e.happened {
            self.line(h)?;
        }
        self.line(match s.kind {
            Kind::Scam => "What to do if this happens to you:",
            Kind::Genuine => "How to check a call safely:",
        })?;
        for (i, a) in e.action.iter().enumerate() {
            self.line(&format!("{}. {a}", i + 1))?;
        }
        let tricks: Vec<String> = session
            .tricks_met()
            .iter()
            .map(|t| t.name.clone())
            .collect();
        if !tricks.is_empty() {
            self.line(&format!("Tricks in this call: {}.", tricks.join(", ")))?;
        }
        let booster = self.booster.clone();
        if let Some(b) = &booster {
            self.line(b)?;
        }
        self.line(&s.source_line())?;
        self.speak(call_speech(session, booster));
        self.out.flush()
    }

    /// The start screen as a numbered list: play calls until `q` or end of input.
    pub fn menu(&mut self, library: &Library, next_seed: impl FnMut() -> u64) -> io::Result<()> {
        self.menu_with(library, next_seed, &mut ())
    }

    /// The quick questions after a call: yes or no, each answered at once.
    /// Returns false if input ended.
    pub fn recall(&mut self, questions: &[ScriptRecall]) -> io::Result<bool> {
        if questions.is_empty() {
            return Ok(true);
        }
        for (i, q) in questions.iter().enumerate() {
            let title = format!("Quick question {} of {}.", i + 1, questions.len());
            let spoken = recall_speech(q, None);
            self.speak(Some(format!("{title} {spoken}")));
            self.last_spoken = spoken;
            self.screen(&title, true)?;
            self.line(&q.question)?;
            self.last_said = q.question.clone();
            self.line("  1) Yes")?;
            self.line("  2) No")?;
            let said = match self.ask(2, false)? {
                Reply::Pick(k) => k == 0,
                Reply::Quit | Reply::InputEnded => return Ok(false),
            };
            self.line(&verdict_words(said, q.answer))?;
            self.line(&q.explain)?;
            self.speak(Some(recall_speech(q, Some(said))));
        }
        Ok(true)
    }

    /// The menu, with progress: marks, a different variant, recall questions.
    pub fn menu_with(
        &mut self,
        library: &Library,
        mut next_seed: impl FnMut() -> u64,
        hooks: &mut dyn MenuHooks,
    ) -> io::Result<()> {
        self.line("hangup: practise spotting phone scams.")?;
        if self.booster.is_none() {
            self.booster = hooks.booster();
        }
        for s in &library.skipped {
            self.line(&format!("Note: {} could not be used: {}", s.path, s.reason))?;
        }
        let mut results: Vec<CallResult> = Vec::new();
        loop {
            if !self.offer_check(hooks)? {
                return Ok(());
            }
            self.screen("Choose a call to practise.", true)?;
            for h in hooks.head() {
                self.line(&h)?;
            }
            for (i, s) in library.scenarios.iter().enumerate() {
                let mark = hooks
                    .mark(s.id.get_ref())
                    .map_or_else(String::new, |w| format!("{w}: "));
                self.line(&format!(
                    "  {}) {mark}{}",
                    i + 1,
                    crate::engine::text::sanitize(s.title.get_ref())
                ))?;
            }
            let reply = self.ask(library.scenarios.len(), true)?;
            let Reply::Pick(i) = reply else {
                return Ok(());
            };
            let seed = hooks.seed(&library.scenarios[i], next_seed());
            let script = Script::build(&library.scenarios[i], self.catalogue, &self.region, seed);
            let questions = script.recall.clone();
            match self.play(script)? {
                Played::Finished(r) => {
                    hooks.finished(&r, seed);
                    results.push(r);
                    if !self.recall(&questions)? {
                        return Ok(());
                    }
                    let count = |k: Kind| {
                        let v: Vec<_> = results.iter().filter(|r| r.kind == k).collect();
                        (v.iter().filter(|r| r.handled_well()).count(), v.len())
                    };
                    self.line(&so_far(count(Kind::Scam), count(Kind::Genuine)))?;
                }
                Played::InputEnded => return Ok(()),
            }
        }
    }
}

impl<R: BufRead, W: Write> Plain<'_, R, W> {
    /// Offer the quick check if one is due, and run it if wanted.
    /// Returns false if input ended.
    fn offer_check(&mut self, hooks: &mut dyn MenuHooks) -> io::Result<bool> {
        let Some(state) = hooks.quick() else {
            return Ok(true);
        };
        let Some(stage) = state.offer() else {
            return Ok(true);
        };
        let Some(mut run) = CheckRun::new(&state.check, stage) else {
            return Ok(true);
        };
        let first = state.first;
        let offer = offer_words(stage);
        self.speak(Some(format!("{offer} 1: yes. 2: not now.")));
        self.last_spoken = offer.to_string();
        self.last_said = offer.to_string();
        self.screen("A quick check.", true)?;
        self.line(offer)?;
        self.line("  1) Yes, start the check")?;
        self.line("  2) Not now")?;
        // Part of the menu: `q` stops here too.
        match self.ask(2, true)? {
            Reply::Pick(0) => {}
            Reply::Pick(_) => {
                if let Some(s) = hooks.quick() {
                    s.declined = true;
                }
                return Ok(true);
            }
            Reply::Quit | Reply::InputEnded => return Ok(false),
        }
        while let Some(item) = run.current().cloned() {
            let title = format!(
                "Quick check, call {} of {}.",
                run.index + 1,
                run.items.len()
            );
            let said = item.said();
            let spoken = format!(
                "{} {} {said} Is this a scam or a real call? 1: a scam. 2: a real call.",
                item.scene(),
                item.who
            );
            self.speak(Some(format!("{title} {spoken}")));
            self.last_spoken = spoken;
            self.last_said = said.clone();
            self.screen(&title, true)?;
            self.line(&item.scene())?;
            self.line(&item.who)?;
            self.line(&said)?;
            self.line("Is this a scam or a real call?")?;
            self.line("  1) A scam")?;
            self.line("  2) A real call")?;
            let answer = match self.ask(2, false)? {
                Reply::Pick(0) => Kind::Scam,
                Reply::Pick(_) => Kind::Genuine,
                // A half-done check keeps nothing.
                Reply::Quit | Reply::InputEnded => return Ok(false),
            };
            run.answer(answer);
            let words = answer_words(answer, &item);
            self.line(&words)?;
            self.line(&item.explain)?;
            self.speak(Some(format!("{words} {}", item.explain)));
            run.go_on();
        }
        let score = run.score();
        if let Some(s) = hooks.quick() {
            s.finished(stage, score);
        }
        hooks.check_finished(stage, score);
        let before = if stage == Stage::After { first } else { None };
        let lines = result_lines(stage, score, before);
        self.screen("Quick check done.", false)?;
        for l in &lines {
            self.line(l)?;
        }
        self.line(&format!("Based on advice from {}.", run.source))?;
        self.speak(Some(lines.join(" ")));
        Ok(true)
    }
}

/// `text` ending in a full stop (a title may have none), so a screen reader
/// pauses before the next line.
fn sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// "So far: 1 of 2 scams spotted." Only kinds of call already played are
/// counted: "0 of 0 real calls" is noise (read aloud or on screen).
pub fn so_far((spotted, scams): (usize, usize), (handled, genuine): (usize, usize)) -> String {
    let mut t = String::from("So far:");
    if scams > 0 {
        t.push_str(&format!(" {spotted} of {scams} scams spotted."));
    }
    if genuine > 0 {
        t.push_str(&format!(" {handled} of {genuine} real calls handled well."));
    }
    t
}
