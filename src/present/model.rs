//! The screen model: what every front end shows, says and accepts.
//!
//! A [`Screen`] is a title, ordered [`Block`]s (each with a [`Role`]) and the
//! [`Command`]s the learner may take there. The ratatui front end lays it out,
//! plain mode prints it, speech says it, and the kiosk gives every command a
//! touch block. Footers, the help card's key list and touch buttons are all
//! made from the same command list (gitui's `commands()` is the model), so
//! they cannot disagree with what the keys do.

use super::flow::Action;

/// What a block of text is, so each front end can show or say it its own way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// A short heading ("What happened:").
    Heading,
    /// Plain narration ("Your phone is ringing.").
    Narration,
    /// A scene line ("The line goes quiet.").
    Scene,
    /// A named person's words ("The caller says…").
    Speech {
        /// Who speaks, as the scenario names them, e.g. "DS Cole".
        who: String,
    },
    /// The words of a text message (or a message arriving during a call).
    Message,
    /// The learner's own thought ("You think: …"), never shown as speech.
    Thought,
    /// How a choice or a call went: safer (true) or risky (false).
    Verdict {
        /// True for safer, false for risky.
        good: bool,
    },
    /// A trick: its name, and its definition the first time it comes up.
    Trick {
        /// The trick's short name from the catalogue, e.g. "Fake authority".
        name: String,
    },
    /// One numbered step of advice.
    Advice {
        /// The step's number, 1-based, as shown before it.
        number: usize,
    },
    /// A phone number and what it is for.
    Number {
        /// The number to dial, with spaces, e.g. "0300 123 2040".
        number: String,
    },
    /// A quieter line (sources, "You chose: …", notices).
    Note,
    /// A question put to the learner.
    Question,
    /// The keys of the screen beneath (on the help card).
    Keys,
    /// A room's show of hands for one choice (group mode): the text says
    /// it ("1: 12 hands (safer).", "7 hands", "Hands up: 7"); the projector
    /// also draws a bar.
    Hands {
        /// Hands counted for this choice; `None` when not counted.
        count: Option<u32>,
        /// The most hands any choice got (the bar's full length).
        most: u32,
        /// While the room is asked: the choice (0-based, as shown) these
        /// hands belong under. `None` in a list ("The room said:").
        under: Option<usize>,
        /// The volunteer is typing this count now (the projector shows a
        /// cursor after it; speech never says the cursor).
        typing: bool,
    },
    /// A number of people or things (group mode's "People: 12"): said as a
    /// number, never digit by digit, even 101 or 999.
    Count {
        /// The volunteer is typing it now (the projector shows a cursor
        /// after it; speech never says the cursor).
        typing: bool,
    },
}

/// One piece of a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the text is, so each front end shows or says it its own way.
    pub role: Role,
    /// The words, already sanitised.
    pub text: String,
}

impl Block {
    /// A block of `text` with `role`.
    pub fn new(role: Role, text: impl Into<String>) -> Self {
        Self {
            role,
            text: text.into(),
        }
    }
}

impl Block {
    /// A line for a full-screen keyboard only, left out where answers are
    /// typed (plain mode, shown and said): the list's "Press its number, or
    /// use the arrow keys", and the display tips ("Hard to read? …", the
    /// themes), which change nothing there.
    pub fn keyboard_only(&self) -> bool {
        let w = super::wording::WORDS;
        self.role == Role::Note
            && (self.text == w.reading_hint
                || self.text == w.theme_hint
                || self.text == w.list_hint_keys)
    }
}

/// A key, named the way the footer and help card say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// A digit key, 0-9 (1-9 pick choices, 0 is "More").
    Digit(u8),
    /// The Enter key.
    Enter,
    /// The Esc key.
    Esc,
    /// The Page Up key.
    PageUp,
    /// The Page Down key.
    PageDown,
    /// A character key, e.g. `?`, `q`, `y`, `n`, `r` or `b`.
    Char(char),
    /// The Up arrow.
    Up,
    /// The Down arrow.
    Down,
    /// A number above nine, typed on a line of its own: plain mode shows
    /// the whole list on one page, numbered on from 9.
    Typed(u16),
}

impl Key {
    /// The key's name as printed in footers ("Enter", "Esc", "?").
    pub fn name(self) -> String {
        match self {
            Key::Digit(d) => d.to_string(),
            Key::Typed(n) => n.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::PageUp => "Page Up".into(),
            Key::PageDown => "Page Down".into(),
            Key::Char(c) => c.to_string(),
            Key::Up => "Up".into(),
            Key::Down => "Down".into(),
        }
    }

    /// The key's name in words, for speech ("type a question mark").
    pub fn spoken(self) -> String {
        match self {
            Key::Char('?') => "a question mark".into(),
            Key::Char(c) => format!("the letter {c}"),
            other => other.name(),
        }
    }

    /// The input this key gives (as the keymap reads it).
    pub fn action(self) -> Action {
        match self {
            Key::Digit(0) => Action::More,
            Key::Digit(d) => Action::Pick(usize::from(d) - 1),
            Key::Typed(n) => Action::Pick(usize::from(n).saturating_sub(1)),
            Key::Enter => Action::Select,
            Key::Esc => Action::Back,
            Key::PageUp => Action::PageUp,
            Key::PageDown => Action::PageDown,
            Key::Up => Action::Up,
            Key::Down => Action::Down,
            Key::Char('?') => Action::Help,
            Key::Char('q') => Action::Quit,
            Key::Char('y') => Action::Yes,
            Key::Char('n') => Action::No,
            Key::Char('r') => Action::Replay,
            Key::Char('b') => Action::Undo,
            Key::Char(c) => Action::Char(c),
        }
    }
}

/// What a command does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    /// One of the screen's numbered choices (0-based).
    Choose(usize),
    /// Go on (the only way forward on this screen).
    GoOn,
    /// Back one screen.
    Back,
    /// Take back the last choice.
    StepBack,
    /// Leave the call or check (asks first).
    Leave,
    /// Show the help card: the right action, the numbers and the keys.
    Help,
    /// Stop the program (asks first).
    Quit,
    /// After a call: your path next to the safer way.
    Replay,
    /// The next page of the list.
    More,
    /// The page of the list before this one (`p`).
    Previous,
    /// Scroll the screen's text up a page.
    ScrollUp,
    /// Scroll the screen's text down a page.
    ScrollDown,
    /// Yes, in a yes-or-no question (the same as the first choice).
    Yes,
    /// No, in a yes-or-no question (the same as the second choice).
    No,
    /// Close the help card.
    Close,
    /// "Cymraeg / English": switch the words and the calls to the other language.
    Language,
    /// With `--speak`: say the screen again (`s`).
    SayAgain,
    /// A group-mode command (the projector's keys for the volunteer).
    Group(GroupCmd),
}

/// What a group-mode command does (see `present::group_screens`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupCmd {
    /// Move the highlight (Up and Down).
    Move,
    /// A plan row in or out of today (`x`).
    InOut,
    /// A plan row earlier or later (`u`, `d`).
    Order,
    /// Show or hide the volunteer's notes (`n`).
    Notes,
    /// Blank the room's screen (`b`).
    Blank,
    /// Open the plan over a call (`l`).
    Plan,
    /// Count a show of hands (`t`).
    Hands,
    /// Skip the call or quick check on screen (`s`).
    Skip,
    /// Type a number (hands or people): the digit keys.
    Type,
    /// While counting: the previous choice (Up).
    Previous,
    /// While counting: delete a digit (Esc).
    Delete,
    /// While counting: done (`t`).
    Done,
}

/// An action the learner may take on a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// What the command does.
    pub id: Cmd,
    /// The keys that take it, the first one named in footers.
    pub keys: Vec<Key>,
    /// The command's name in footers, the help card and touch blocks, e.g. "Help".
    pub label: String,
    /// A shorter label for a footer short of room ("Again" for "Hear it
    /// again"): used before anything is left out (see [`Screen::footer`]).
    pub short: Option<String>,
    /// The label in words, where the screen's is short for space ("5 min"
    /// shown, "5 minutes" said): what speech says instead of `label`.
    pub said: Option<String>,
    /// What Enter does here.
    pub default: bool,
    /// Harmless if taken by accident (staying, going on, help).
    pub safe: bool,
}

impl Command {
    /// A harmless command `id`, taken by `keys`, called `label` (not the default; see [`Command::default`] and [`Command::unsafe_`]).
    pub fn new(id: Cmd, keys: &[Key], label: impl Into<String>) -> Self {
        Self {
            id,
            keys: keys.to_vec(),
            label: label.into(),
            said: None,
            short: None,
            default: false,
            safe: true,
        }
    }

    /// What Enter does: Enter becomes its first key.
    pub fn default(mut self) -> Self {
        self.default = true;
        self.keys.retain(|k| *k != Key::Enter);
        self.keys.insert(0, Key::Enter);
        self
    }

    /// Mark the command as not harmless if taken by accident, e.g. stop, leave, or yes to leaving (sets `safe` to false).
    pub fn unsafe_(mut self) -> Self {
        self.safe = false;
        self
    }

    /// Say `words` for it, not its shown label (see the `said` field).
    pub fn say_as(mut self, words: impl Into<String>) -> Self {
        self.said = Some(words.into());
        self
    }

    /// Name it `short` in a footer short of room (see the `short` field).
    pub fn short(mut self, short: impl Into<String>) -> Self {
        self.short = Some(short.into());
        self
    }

    /// What speech says for it: its words (the `said` field), else its label.
    pub fn spoken_label(&self) -> &str {
        self.said.as_deref().unwrap_or(&self.label)
    }

    /// The key to name for it: a choice's number, else the first key.
    pub fn key(&self) -> Option<Key> {
        let digit = self
            .keys
            .iter()
            .find(|k| matches!(k, Key::Digit(_) | Key::Typed(_)))
            .copied();
        if self.is_choice() {
            digit.or(self.keys.first().copied())
        } else {
            self.keys.first().copied()
        }
    }

    /// A numbered choice.
    pub fn is_choice(&self) -> bool {
        matches!(self.id, Cmd::Choose(_))
    }

    /// Whether `action` takes this command.
    pub fn takes(&self, action: Action) -> bool {
        self.keys.iter().any(|k| k.action() == action)
    }
}

/// What a front end shows, says and accepts on one screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Screen {
    /// The screen's name ("Step 2.", "The call has ended."): plain mode's
    /// `Screen:` line.
    pub title: String,
    /// What it is part of (the call's title), for a title bar.
    pub topic: Option<String>,
    /// Speech says the topic first, before the title: group mode's top row
    /// ("Quick check before practice: 1 of 6") changes with each screen. A
    /// practice call's title is said once, when the call starts, instead.
    pub say_topic: bool,
    /// The choices are short answers ("Yes", "A scam"): the footer names
    /// each one; otherwise it says "1-N Choose".
    pub short_answers: bool,
    /// What to touch, for the kiosk's footer, when not "Touch an answer".
    pub touch_hint: Option<String>,
    /// What the numbered choices do, when not "Choose" (the projector's
    /// "Reveal", the plan's "In/out").
    pub choose: Option<String>,
    /// The choices are shown above the blocks (the group plan: its rows,
    /// then the totals), so speech says them first too.
    pub choices_first: bool,
    /// The choice highlighted now (0-based, as in [`Cmd::Choose`]), if any:
    /// what Enter takes. The projector marks it; speech says it when it moves.
    pub highlight: Option<usize>,
    /// On the list of calls: the page shown (1-based) and how many pages
    /// there are, when there is more than one. "More calls" says it.
    pub page: Option<(usize, usize)>,
    /// The screen's text, in reading order.
    pub blocks: Vec<Block>,
    /// What the learner may do here; the footer, help card and touch blocks are made from this.
    pub commands: Vec<Command>,
}

impl Screen {
    /// An empty screen called `title`.
    pub fn new(title: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            ..Default::default()
        }
    }

    /// Add a block of `text` with `role` at the end.
    pub fn block(&mut self, role: Role, text: impl Into<String>) {
        self.blocks.push(Block::new(role, text));
    }

    /// Add a command at the end.
    pub fn command(&mut self, c: Command) {
        self.commands.push(c);
    }

    /// The numbered choices, in order.
    pub fn choices(&self) -> impl Iterator<Item = &Command> {
        self.commands.iter().filter(|c| c.is_choice())
    }

    /// The commands that are not numbered choices (go on, back, help...).
    pub fn others(&self) -> impl Iterator<Item = &Command> {
        self.commands.iter().filter(|c| !c.is_choice())
    }

    /// The command Enter takes, if any.
    pub fn default_command(&self) -> Option<&Command> {
        self.commands.iter().find(|c| c.default)
    }

    /// The command `id`, if the screen offers it.
    pub fn find(&self, id: Cmd) -> Option<&Command> {
        self.commands.iter().find(|c| c.id == id)
    }

    /// The footer line, made from the commands: the numbered choices ("1 Yes
    /// 2 No" for short answers, else "1-3 Choose"), then each other command
    /// as "key label", the default one named by Enter. `overflow`: the text
    /// does not fit, so Page Down is shown too.
    ///
    /// One rule at every size: the footer names every action while they fit
    /// on its row. When they do not, short answers become "1-N Choose" (the
    /// answers are on the screen), then commands with a shorter label take
    /// it ("s Again" for "s Hear it again"), then the least needed items go
    /// (Cymraeg / English, which the list shows on its own row, Stop, Back
    /// one step, Page Down, Hear it again, then the others from the end);
    /// a shortened label that fits whole again after that is whole again.
    /// What is essential never goes: the choices, what Enter does (answer,
    /// go on), the way out (Leave, Back) and "? Help", whose card lists
    /// every key of the screen, those left out here too.
    pub fn footer(&self, width: usize, overflow: bool) -> String {
        self.footer_line(width, overflow).text()
    }

    /// The footer as [`Screen::footer`] makes it, part by part: each part's
    /// words and the key it names, so a front end can make each part a click
    /// target for exactly what that key does. One table: the line and its
    /// targets cannot disagree.
    pub fn footer_line(&self, width: usize, overflow: bool) -> FooterLine {
        let fits = |p: &[Part], sep: usize| {
            p.iter().map(|x| x.text().chars().count()).sum::<usize>()
                + sep * p.len().saturating_sub(1)
                <= width
        };
        let line = |p: &[Part], sep: &'static str| FooterLine {
            parts: p
                .iter()
                .map(|x| FooterPart {
                    text: x.text().to_string(),
                    key: x.key,
                })
                .collect(),
            sep,
        };
        let named = self.short_answers && {
            let all = self.footer_parts(true, overflow);
            if fits(&all, 3) {
                return line(&all, "   ");
            }
            fits(&all, 2)
        };
        let mut parts = self.footer_parts(named, overflow);
        if fits(&parts, 3) {
            return line(&parts, "   ");
        }
        // The lowest-ranked part for which `can` holds (the later of equals).
        let lowest = |p: &[Part], can: &dyn Fn(&Part) -> bool| {
            p.iter()
                .enumerate()
                .filter(|(_, x)| can(x))
                .min_by_key(|(i, x)| (x.rank, std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        };
        // Shorter labels first, then leave items out.
        let shown = |p: &[Part]| p.iter().filter(|x| !x.out).cloned().collect::<Vec<_>>();
        while !fits(&shown(&parts), 2) {
            if let Some(i) = lowest(&parts, &|x| !x.out && x.short.is_some() && !x.shortened) {
                parts[i].shortened = true;
            } else if let Some(i) = lowest(&parts, &|x| !x.out && x.rank < 9) {
                parts[i].out = true;
            } else {
                break;
            }
        }
        // What went, back in its shortest form where that fits after all
        // (the most needed first); then whole again where there is room.
        let mut order: Vec<usize> = (0..parts.len()).collect();
        order.sort_by_key(|i| (std::cmp::Reverse(parts[*i].rank), *i));
        for &i in &order {
            if parts[i].out {
                parts[i].out = false;
                parts[i].shortened = parts[i].short.is_some();
                if !fits(&shown(&parts), 2) {
                    parts[i].out = true;
                }
            }
        }
        for &i in &order {
            if !parts[i].out && parts[i].shortened {
                parts[i].shortened = false;
                if !fits(&shown(&parts), 2) {
                    parts[i].shortened = true;
                }
            }
        }
        line(&shown(&parts), "  ")
    }

    /// The footer's items with their priority (lower goes first when short
    /// of room; 9 never goes). `named`: each short answer by name, else the
    /// choices as "1-N Choose".
    fn footer_parts(&self, named: bool, overflow: bool) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        let choices: Vec<&Command> = self.choices().collect();
        if named {
            for c in &choices {
                if let Some(k) = c.key() {
                    parts.push(Part::new(format!("{} {}", k.name(), c.label), Some(k), 9));
                }
            }
        } else if !choices.is_empty() {
            // The choices a digit takes now (on the list: the page shown).
            let n = choices
                .iter()
                .filter(|c| c.keys.iter().any(|k| matches!(k, Key::Digit(_))))
                .count()
                .clamp(1, 9);
            let w = super::wording::WORDS;
            let verb = self.choose.as_deref().unwrap_or(w.choose);
            // "1-3 Choose" names the choices on the screen (each a target of
            // its own there), not one key.
            parts.push(Part::new(
                if n == 1 {
                    format!("1 {verb}")
                } else {
                    format!("1-{n} {verb}")
                },
                None,
                9,
            ));
        }
        for c in self.others() {
            let rank = match c.id {
                Cmd::ScrollUp => continue,
                Cmd::ScrollDown if !overflow => continue,
                Cmd::ScrollDown => 2,
                // The list shows it on a row of its own as well.
                Cmd::Language => 0,
                Cmd::Quit | Cmd::StepBack => 1,
                Cmd::SayAgain => 3,
                // Never dropped: its card lists every key.
                Cmd::Help => 9,
                // Never dropped either (shortened first where they have
                // shorter words): the way on (answer, go on) and the way
                // out (leave, back). A first-time learner needs both on
                // the row they look at, not only on the help card.
                _ if c.default => 9,
                Cmd::Leave | Cmd::Back => 9,
                _ => 4,
            };
            let key = c.keys.first().copied();
            if let Some(k) = key {
                let mut part = Part::new(format!("{} {}", k.name(), c.label), Some(k), rank);
                part.short = c.short.as_ref().map(|s| format!("{} {s}", k.name()));
                parts.push(part);
            }
        }
        parts
    }

    /// The footer for touch (kiosk): no key names.
    pub fn touch_footer(&self) -> String {
        if let Some(h) = &self.touch_hint {
            h.clone()
        } else if self.choices().next().is_some() {
            super::wording::WORDS.touch_answer.to_string()
        } else {
            super::wording::WORDS.touch_button.to_string()
        }
    }

    /// Every text a listener must hear: each block, then each command's
    /// label in words ([`Command::spoken_label`]; scrolling is not said:
    /// speech always says the whole text).
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().map(|b| b.text.as_str()).chain(
            self.commands
                .iter()
                .filter(|c| !matches!(c.id, Cmd::ScrollUp | Cmd::ScrollDown))
                .map(Command::spoken_label),
        )
    }
}

/// One part of a footer as shown ("Esc Leave"): its words and the key it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterPart {
    /// The words shown, e.g. "? Help" (or a shorter label, "s Again").
    pub text: String,
    /// The key the part names; `None` for "1-3 Choose", which names the
    /// choices on the screen rather than one key.
    pub key: Option<Key>,
}

/// A footer, part by part (see [`Screen::footer_line`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FooterLine {
    /// The parts shown, in order.
    pub parts: Vec<FooterPart>,
    /// What goes between two parts: three spaces, or two when short of room.
    pub sep: &'static str,
}

impl FooterLine {
    /// The footer's words on one line.
    pub fn text(&self) -> String {
        self.parts
            .iter()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join(self.sep)
    }
}

/// One item of a footer (see [`Screen::footer`]).
#[derive(Debug, Clone)]
struct Part {
    /// "key label".
    whole: String,
    /// "key short-label", if the command has a shorter label.
    short: Option<String>,
    /// Whether the short form is shown.
    shortened: bool,
    /// Left out: no room even for the short form.
    out: bool,
    /// Lower goes first when short of room; 9 never goes.
    rank: u8,
    /// The key it names; `None` for "1-3 Choose".
    key: Option<Key>,
}

impl Part {
    fn new(whole: String, key: Option<Key>, rank: u8) -> Self {
        Self {
            whole,
            key,
            short: None,
            shortened: false,
            out: false,
            rank,
        }
    }

    /// The words shown.
    fn text(&self) -> &str {
        match (&self.short, self.shortened) {
            (Some(s), true) => s,
            _ => &self.whole,
        }
    }
}
