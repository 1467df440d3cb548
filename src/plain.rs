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

use std::io::{self, BufRead, Write};

use crate::engine::catalogue::Catalogue;
use crate::engine::model::Medium;
use crate::engine::script::ScriptRecall;
use crate::engine::session::CallResult;
use crate::engine::{Kind, Library, Phase, Scenario, Script, Session, Verdict};

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
        }
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
        self.line("Help.")?;
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
                    self.line("")?;
                    if let Some(scene) = &st.scene {
                        self.line(scene)?;
                    }
                    let said = match session.script().medium {
                        Medium::Message => format!("The message says: \"{}\"", st.says),
                        _ => format!("{} says: \"{}\"", st.who, st.says),
                    };
                    self.line(&said)?;
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
        self.line(&format!("Practice call: {}.", s.title))?;
        match s.medium {
            Medium::Call => {
                self.line("Your phone is ringing.")?;
                self.line(&format!("Caller ID shows: {}", s.caller_number))?;
            }
            Medium::Message => {
                self.line("A text message has arrived.")?;
                self.line(&format!("It is from: {}", s.caller_number))?;
            }
            Medium::Visit => self.line("Someone is knocking at your door.")?,
        }
        self.line(&format!(
            "They say they are: {}, {}.",
            s.caller_name, s.caller_organisation
        ))?;
        if s.medium != Medium::Visit {
            self.line("Remember: the name and number on your screen can be faked.")?;
        }
        Ok(())
    }

    fn ending(&mut self, session: &Session) -> io::Result<()> {
        let s = session.script();
        let Some(e) = session.ending() else {
            return Ok(());
        };
        self.line("")?;
        self.line(&format!(
            "The call has ended. {}",
            crate::engine::model::outcome_words(s.kind, e.outcome)
        ))?;
        self.line(&e.title)?;
        self.line("What happened:")?;
        for h in &e.happened {
            self.line(&format!("- {h}"))?;
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
        if let Some(b) = self.booster.clone() {
            self.line(&b)?;
        }
        self.line(&s.source_line())?;
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
        self.line("")?;
        self.line("Quick questions.")?;
        for (i, q) in questions.iter().enumerate() {
            self.line(&format!("Question {} of {}.", i + 1, questions.len()))?;
            self.line(&q.question)?;
            self.last_said = q.question.clone();
            self.line("  1) Yes")?;
            self.line("  2) No")?;
            let said = match self.ask(2, false)? {
                Reply::Pick(k) => k == 0,
                Reply::Quit | Reply::InputEnded => return Ok(false),
            };
            self.line(&crate::tui::practice::verdict_words(said, q.answer))?;
            self.line(&q.explain)?;
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
            self.line("")?;
            self.line("Choose a call to practise:")?;
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
                    let ((a, b), (c, d)) = (count(Kind::Scam), count(Kind::Genuine));
                    self.line(&format!(
                        "So far: {a} of {b} scams spotted. {c} of {d} real calls handled well."
                    ))?;
                }
                Played::InputEnded => return Ok(()),
            }
        }
    }
}
