//! Optional speech (`--speak`): the caller's words and the choices are read
//! aloud by an outside program, for example `espeak-ng` or `spd-say`.
//!
//! The program is started as a child process and never waited for, so the
//! screen never freezes while it talks. A new line stops the one before it.
//! If the program is missing, one plain message is shown and speech is off.
//! Plain mode may wait for a line to be finished (`Speaker::wait`): see
//! `crate::plain` for when.

use std::io;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::present::{Cmd, Role, Screen};
use crate::tr;

/// The longest wait for one line to be said. A speech program that hangs
/// must not hold the learner for ever; a long step at a slow rate takes
/// about a minute.
pub const LONGEST_LINE: Duration = Duration::from_secs(120);

pub use crate::present::voice::Voice;

/// British voice, slow rate. `spd-say` works too: `--speak-command "spd-say -r -30"`.
pub const DEFAULT_COMMAND: &str = "espeak-ng -v en-gb -s 130";

/// The default command for a language: espeak-ng's Welsh voice (`-v cy`)
/// for Welsh. A command the user gave is kept as it is.
pub fn command_for(command: &str, language: crate::i18n::Language) -> String {
    if command == DEFAULT_COMMAND && language == crate::i18n::Language::Cy {
        "espeak-ng -v cy -s 130".to_string()
    } else {
        command.to_string()
    }
}

/// Speech through an outside program (see the module docs): the real [`Voice`].
#[derive(Debug)]
pub struct Speaker {
    program: String,
    args: Vec<String>,
    child: Option<Child>,
    /// Stopped children not yet reaped (checked without waiting).
    stopping: Vec<Child>,
    last: String,
    /// The highlighted choice when the screen was last said (see
    /// [`Speaker::say_screen`]).
    highlight: Option<usize>,
    off: bool,
    /// A one-line message for the learner, e.g. the program was not found.
    pub notice: Option<String>,
    /// The command as given (before a language chose its voice), to choose
    /// again when the learner switches language.
    given: String,
}

impl Speaker {
    /// A speaker for the current language (see [`command_for`]).
    pub fn for_language(command: &str) -> Self {
        let mut s = Self::new(&command_for(command, crate::i18n::current()));
        s.given = command.to_string();
        s
    }

    /// Speak `language` from the next line on: the default command takes
    /// that language's voice; a command the user gave stays as it is.
    pub fn set_language(&mut self, language: crate::i18n::Language) {
        if self.given.is_empty() {
            return;
        }
        let mut fresh = Self::new(&command_for(&self.given, language));
        self.program = std::mem::take(&mut fresh.program);
        self.args = std::mem::take(&mut fresh.args);
    }

    /// `command` is the program and its options, split the way a shell
    /// would (so `espeak-ng -v "en-gb+f3"` keeps its quoted voice); the words
    /// to say are added as the last argument. An empty command, or one with
    /// an unclosed quote, gives a speaker that is off, with a `notice` saying why.
    pub fn new(command: &str) -> Self {
        let (words, broken) = match shell_words::split(command) {
            Ok(words) => (words, false),
            Err(_) => (Vec::new(), true),
        };
        let mut parts = words.into_iter();
        let program = parts.next().unwrap_or_default();
        let args: Vec<String> = parts.collect();
        let mut s = Self {
            off: program.is_empty(),
            program,
            args,
            child: None,
            stopping: Vec::new(),
            last: String::new(),
            highlight: None,
            notice: None,
            given: String::new(),
        };
        if broken {
            s.notice =
                Some("Speech is off: the speech command has a quote that is not closed.".into());
        } else if s.off {
            s.notice = Some("Speech is off: no speech program was given.".into());
        }
        s
    }

    /// Look for the program now, before anything is said (the kiosk checks
    /// at start, so its journal says so at once). If it is not there,
    /// speech goes off with the same `notice` as a failed start would give.
    pub fn check(&mut self) {
        if self.off || found(&self.program) {
            return;
        }
        self.off = true;
        self.notice = Some(not_found(&self.program));
    }

    /// The speech program, as the command named it.
    pub fn program(&self) -> &str {
        &self.program
    }

    /// The arguments given to the speech program before the text.
    pub fn args(&self) -> &[String] {
        &self.args
    }

    /// True while speech is working (the program was found).
    pub fn is_on(&self) -> bool {
        !self.off
    }

    /// What was said last (for "say that again").
    pub fn last(&self) -> &str {
        &self.last
    }

    /// Say `text`, unless it is what was said last.
    pub fn say_if_new(&mut self, text: &str) {
        if text != self.last {
            self.say(text);
        }
    }

    /// Say `text`, stopping whatever is being said.
    pub fn say(&mut self, text: &str) {
        self.last = text.to_string();
        self.speak_last();
    }

    /// Say the last thing again.
    pub fn again(&mut self) {
        self.speak_last();
    }

    /// Say `screen` if what it says changed; else, if only its highlight
    /// moved (Up or Down), say just the highlighted choice ("2: Not now.").
    /// "Hear it again" still says the whole screen.
    pub fn say_screen(&mut self, screen: &Screen, hands: Hands) {
        let moved = self.highlight != screen.highlight;
        self.highlight = screen.highlight;
        let text = spoken(screen, hands);
        if text != self.last {
            self.say(&text);
        } else if moved && let Some(row) = highlighted(screen, hands) {
            self.speak(&row);
        }
    }

    fn speak_last(&mut self) {
        let text = std::mem::take(&mut self.last);
        self.speak(&text);
        self.last = text;
    }

    fn speak(&mut self, text: &str) {
        self.stop();
        if self.off || text.is_empty() {
            return;
        }
        let spawned = Command::new(&self.program)
            .args(&self.args)
            .arg(text)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(c) => self.child = Some(c),
            Err(e) => {
                self.off = true;
                self.notice = Some(if e.kind() == io::ErrorKind::NotFound {
                    not_found(&self.program)
                } else {
                    format!(
                        "Speech is off: \"{}\" could not be started ({}).",
                        self.program,
                        crate::error::plain_io(&e)
                    )
                });
            }
        }
    }

    /// Wait until the current line has been said (at most `limit`; then it is
    /// stopped). Only plain mode uses this: see `crate::plain`.
    pub fn wait(&mut self, limit: Duration) {
        let start = Instant::now();
        if let Some(c) = self.child.as_mut() {
            while matches!(c.try_wait(), Ok(None)) && start.elapsed() < limit {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        self.stop();
    }

    /// Stop talking now. Never waits: a stopped child is reaped later.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take()
            && matches!(c.try_wait(), Ok(None))
        {
            let _ = c.kill();
            self.stopping.push(c);
        }
        self.stopping
            .retain_mut(|c| matches!(c.try_wait(), Ok(None)));
    }
}

/// Whether `program` can be run: a path to an executable file, or a name
/// found in a folder of `PATH`, as the system would look for it.
fn found(program: &str) -> bool {
    which::which(program).is_ok()
}

/// The notice for a speech program that is not there.
fn not_found(program: &str) -> String {
    format!("Speech is off: the program \"{program}\" was not found.")
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
        // The program is ending: reap what was stopped (killed, so this is quick).
        for mut c in self.stopping.drain(..) {
            let _ = c.wait();
        }
    }
}

impl Voice for Speaker {
    fn words(&self, screen: &Screen) -> String {
        spoken(screen, Hands::Typed)
    }
    fn say(&mut self, text: &str) {
        Speaker::say(self, text);
    }
    fn wait(&mut self) {
        Speaker::wait(self, LONGEST_LINE);
    }
    fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }
    fn set_language(&mut self, language: crate::i18n::Language) {
        Speaker::set_language(self, language);
    }
}

/// How the learner answers, so the spoken prompts name the right thing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hands {
    /// Keys on a keyboard: "press".
    Keys,
    /// Typed answers (plain mode): "type".
    Typed,
    /// A touch screen (kiosk): "touch".
    Touch,
}

/// Everything a screen shows, as one line to say: the title, every block in
/// order (roles told apart: "The caller says…"), then the actions. Phone
/// numbers are read digit by digit and amounts as money.
pub fn spoken(screen: &Screen, hands: Hands) -> String {
    use crate::present::wording::{self, WORDS as W};
    // A call's first screen names the call ("Practice call: …"): the title
    // bar shows it above everything, so it is said first, before the title.
    let named = screen.topic.as_deref().map(wording::practice_call);
    let naming = |b: &&crate::present::Block| Some(&b.text) == named.as_ref();
    let mut parts: Vec<String> = screen
        .blocks
        .iter()
        .filter(naming)
        .map(|b| b.text.clone())
        .collect();
    // The top row, where the screen has one to say (group mode).
    if let Some(t) = screen
        .topic
        .as_deref()
        .filter(|t| screen.say_topic && !t.trim().is_empty())
    {
        parts.push(sentence(t));
    }
    parts.push(sentence(&screen.title));
    // The list's "Hard to read?" line is shown under the calls (and the
    // language row): it is said after them too.
    let list = screen.choices().next().is_some();
    let under =
        |b: &crate::present::Block| list && b.role == Role::Note && b.text == W.reading_hint;
    let mut later: Vec<&crate::present::Block> = Vec::new();
    // Parts that are counts (hands): never read digit by digit.
    let mut counts: Vec<usize> = Vec::new();
    // Where the screen shows its choices above its text (the group plan).
    let (first, rest): (Vec<_>, Vec<_>) = screen
        .commands
        .iter()
        .partition(|c| screen.choices_first && c.is_choice());
    say_commands(
        screen,
        first.into_iter(),
        hands,
        &mut parts,
        &mut counts,
        &mut later,
    );
    for b in &screen.blocks {
        // Typed answers (plain mode): what plain mode leaves out is not said.
        if naming(&b) || (hands == Hands::Typed && b.keyboard_only()) {
            continue;
        }
        if under(b) {
            later.push(b);
            continue;
        }
        // Hands under a choice are said with it, when the choice is said.
        if let Role::Hands { under: Some(i), .. } = b.role
            && screen.commands.iter().any(|c| c.id == Cmd::Choose(i))
        {
            continue;
        }
        if matches!(b.role, Role::Hands { .. } | Role::Count { .. }) {
            counts.push(parts.len());
        }
        parts.push(match &b.role {
            Role::Hands { under: Some(i), .. } => hands_under(*i, b),
            Role::Speech { who } if who.is_empty() => {
                tr!("speech-they-say", words = b.text.as_str())
            }
            Role::Speech { who } => {
                tr!("speech-says", who = who.as_str(), words = b.text.as_str())
            }
            Role::Message => tr!("speech-message-says", words = b.text.as_str()),
            Role::Thought => tr!("speech-thought", words = b.text.as_str()),
            Role::Advice { number } => format!("{number}. {}", b.text),
            Role::Keys => keys_aloud(&b.text),
            _ => b.text.clone(),
        });
    }
    // Typed answers (plain mode) offer the other language in its own words
    // before the choices ("Cymraeg: teipiwch c."), as plain mode prints it.
    if hands == Hands::Typed && screen.find(Cmd::Language).is_some() {
        let other = crate::present::flow::other_language();
        parts.push(other.tr("language-offer"));
    }
    say_commands(
        screen,
        rest.into_iter(),
        hands,
        &mut parts,
        &mut counts,
        &mut later,
    );
    parts.extend(later.drain(..).map(|b| b.text.clone()));
    // By touch (kiosk): the footer, as shown ("Touch an answer"), unless a
    // line of the screen says it already (the list's "Touch a call to start it.").
    if hands == Hands::Touch {
        let footer = sentence(&screen.touch_footer());
        if !parts.iter().any(|p| sentence(p) == footer) {
            parts.push(footer);
        }
    }
    // Typed answers: plain mode says its own prompt after this, in words
    // ("Choose 1 to 3 and press Enter. To get help, type a question mark."),
    // naming only the keys that work there.
    // Non-breaking spaces (inside phone numbers) are plain spaces to the ear,
    // so a number is still read digit by digit. The screen's own phone
    // numbers (its `Role::Number` blocks) are read digit by digit wherever
    // they come; other numbers only when they look like one to dial.
    let phones: Vec<&str> = screen
        .blocks
        .iter()
        .filter_map(|b| match &b.role {
            Role::Number { number } => Some(number.as_str()),
            _ => None,
        })
        .collect();
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| {
            if counts.contains(&i) {
                sentence(p)
            } else {
                numbers_aloud_with(&sentence(p), &phones)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{a0}', " ")
}

/// Say `commands` of `screen` (see [`spoken`]) into `parts`: each with its
/// number or keys, the hands under a choice after it, and the blocks held
/// for under the list (`later`) before the first command that is not part
/// of the list. `counts`: the parts that are counts.
fn say_commands<'a>(
    screen: &Screen,
    commands: impl Iterator<Item = &'a crate::present::Command>,
    hands: Hands,
    parts: &mut Vec<String>,
    counts: &mut Vec<usize>,
    later: &mut Vec<&crate::present::Block>,
) {
    for c in commands {
        if matches!(c.id, Cmd::ScrollUp | Cmd::ScrollDown) {
            continue;
        }
        if !matches!(
            c.id,
            Cmd::Choose(_) | Cmd::More | Cmd::Previous | Cmd::Language
        ) {
            parts.extend(later.drain(..).map(|b| b.text.clone()));
        }
        let label = c.spoken_label().trim_end_matches('.');
        // "More calls" on the list says which page this is, in words.
        let page = match (c.id, screen.page) {
            (Cmd::More, Some((n, of))) => Some(
                crate::present::wording::page_of(n, of)
                    .trim_matches(['(', ')'])
                    .to_string(),
            ),
            _ => None,
        };
        let label = match &page {
            Some(p) => format!("{label}, {p}"),
            None => label.to_string(),
        };
        let label = label.as_str();
        let under = match c.id {
            Cmd::Choose(i) => screen
                .blocks
                .iter()
                .find(|b| matches!(b.role, Role::Hands { under: Some(u), .. } if u == i)),
            _ => None,
        };
        parts.push(match (c.id, hands) {
            (_, Hands::Touch) => format!("{label}."),
            // The number the screen shows by it: the key that chooses it
            // ("0: More calls, this is page 1 of 2.").
            (Cmd::Choose(_) | Cmd::More, _) => match (c.key(), c.id) {
                (Some(k), _) => format!("{}: {label}.", k.name()),
                // The group plan numbers every row, past 9 too ("10. Skip:
                // …"), though only 1 to 9 have a key: said as shown.
                (None, Cmd::Choose(i)) if screen.choices_first => {
                    format!("{}: {label}.", i + 1)
                }
                (None, _) => format!("{label}."),
            },
            // Every key the screen shows for it ("Up or Down", "u or d").
            (_, Hands::Keys) => match keys_spoken(&c.keys) {
                Some(keys) => tr!("speech-press", label = label, key = keys),
                None => format!("{label}."),
            },
            // Typed answers: only the numbered choices; the letters are in
            // the help card, and one line says how to get it.
            (_, Hands::Typed) => continue,
        });
        if let Some(b) = under
            && let Role::Hands { under: Some(i), .. } = b.role
        {
            counts.push(parts.len());
            parts.push(hands_under(i, b));
        }
    }
}

/// The highlighted choice alone, as `spoken` says it ("2: Not now."), if
/// one is highlighted.
pub fn highlighted(screen: &Screen, hands: Hands) -> Option<String> {
    let i = screen.highlight?;
    let c = screen.find(Cmd::Choose(i))?;
    let row = Screen {
        commands: vec![c.clone()],
        ..Screen::default()
    };
    Some(spoken(&row, hands).trim().to_string())
}

/// Hands under choice `i` (0-based), said with its number so a listener
/// knows which choice they belong to: "Choice 1, 7 hands.", "Choice 2,
/// Hands up: 7." (never the typing cursor: it is not in the model). Before
/// a digit is typed the screen shows the prompt alone ("Hands up: _"): it
/// is said as "Choice 1, Hands up: none yet.", not with a colon and nothing.
fn hands_under(i: usize, b: &crate::present::Block) -> String {
    let text = b.text.trim();
    let hands = match b.role {
        Role::Hands {
            count: None,
            typing: true,
            ..
        } => tr!("speech-hands-none-yet", prompt = text),
        _ => text.to_string(),
    };
    tr!("speech-choice-hands", number = i + 1, hands = hands)
}

/// All of a command's keys in words, joined by "or" ("Up or Down", "Esc
/// or the letter b"); `None` when it has none.
fn keys_spoken(keys: &[crate::present::Key]) -> Option<String> {
    let mut said: Vec<String> = Vec::new();
    for k in keys {
        let w = key_spoken(*k);
        if !said.contains(&w) {
            said.push(w);
        }
    }
    let or = format!(" {} ", crate::present::wording::WORDS.key_or);
    (!said.is_empty()).then(|| said.join(&or))
}

/// The help card's key list ("1-3: Choose. b: Back one step. ?: Help.", made
/// by `present::screens::key_list`) in words: "Choose: press 1 to 3. Back one
/// step: press the letter b. Help: press a question mark." An entry that is
/// not `KEYS: LABEL` is said as it is.
pub fn keys_aloud(list: &str) -> String {
    let or = format!(" {} ", crate::present::wording::WORDS.key_or);
    let word = |k: &str| -> String {
        let mut chars = k.chars();
        match (chars.next(), chars.next()) {
            (Some('?'), None) => crate::i18n::tr("speech-key-question-mark"),
            (Some(c), None) if c.is_alphabetic() => {
                tr!("speech-key-letter", letter = c.to_string())
            }
            _ => match k.split_once('-') {
                Some((from, to))
                    if !from.is_empty()
                        && !to.is_empty()
                        && from.chars().chain(to.chars()).all(|c| c.is_ascii_digit()) =>
                {
                    tr!("speech-key-range", from = from, to = to)
                }
                _ => k.to_string(),
            },
        }
    };
    list.split_inclusive(". ")
        .map(|entry| {
            let entry = entry.trim().trim_end_matches('.');
            match entry.split_once(": ") {
                Some((keys, label)) if !keys.is_empty() && !label.is_empty() => {
                    let keys: Vec<String> = keys.split(or.as_str()).map(word).collect();
                    tr!("speech-press", label = label, key = keys.join(&or))
                }
                _ => sentence(entry),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A key's name in words, for speech ("a question mark", "the letter c").
fn key_spoken(k: crate::present::Key) -> String {
    match k {
        crate::present::Key::Char('?') => crate::i18n::tr("speech-key-question-mark"),
        crate::present::Key::Char(c) => tr!("speech-key-letter", letter = c.to_string()),
        other => other.name(),
    }
}

fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.is_empty() || t.ends_with(['.', '!', '?', ':']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// Phone numbers digit by digit ("0 1 6 3 2, 9 6 0 8 4 1", "1 0 1") and
/// amounts as money ("£1,500" as "1,500 pounds"). Counts and years are read
/// as numbers ("People: 115"). See [`numbers_aloud_with`] for what is a
/// phone number.
pub fn numbers_aloud(text: &str) -> String {
    numbers_aloud_with(text, &[])
}

/// The UK's short numbers to dial, read digit by digit wherever they come:
/// police (101, 999, 112, 105 for a power cut, 111 for the NHS, 119), the
/// banks' 159, and the spam-text numbers 7726 and 60599.
const SHORT_NUMBERS: [&str; 10] = [
    "101", "105", "111", "112", "119", "159", "999", "7726", "60599", "116123",
];

/// Whether a run of digit groups (split by single spaces) is a number to
/// dial: one of `phones` (the screen's phone numbers, spaces aside), a
/// short number ([`SHORT_NUMBERS`]), one that starts with 0 (every UK
/// phone number written in full, "0300 123 2040", "01632 960841"), or a
/// long run (seven digits or more, split by spaces or not). Anything else
/// is a count ("115 people") or a year.
fn is_phone(groups: &[String], phones: &[&str]) -> bool {
    let digits: String = groups.concat();
    let known = phones.iter().any(|p| {
        let p: String = p.chars().filter(char::is_ascii_digit).collect();
        !p.is_empty() && p == digits
    });
    known
        || SHORT_NUMBERS.contains(&digits.as_str())
        || (digits.starts_with('0') && digits.len() >= 3)
        || digits.len() >= 7
}

/// [`numbers_aloud`], with `phones`: the phone numbers the screen's model
/// knows are phone numbers (its `Role::Number` blocks).
///
/// In English, "a" before an amount said with a vowel sound becomes "an"
/// ("an 89 pounds 99 charge", "an 18 pounds fee").
pub fn numbers_aloud_with(text: &str, phones: &[&str]) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '£' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
            let mut j = i + 1;
            while j < chars.len()
                && (chars[j].is_ascii_digit()
                    || (matches!(chars[j], ',' | '.')
                        && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
            {
                j += 1;
            }
            let amount: String = chars[i + 1..j].iter().collect();
            let pounds = amount.split_once('.').map_or(amount.as_str(), |(p, _)| p);
            if starts_with_vowel_sound(pounds) {
                an_before(&mut out);
            }
            // One pound is "1 pound" ("1 pound 45"), never "1 pounds".
            let (whole, pence) = match amount.split_once('.') {
                Some((pounds, pence)) if !pence.trim_start_matches('0').is_empty() => {
                    (pounds, Some(pence))
                }
                Some((pounds, _)) => (pounds, None),
                None => (amount.as_str(), None),
            };
            let one = whole.trim_start_matches('0') == "1";
            out.push_str(&match (pence, one) {
                (None, false) => tr!("speech-pounds", pounds = whole),
                (None, true) => tr!("speech-one-pound", pounds = whole),
                (Some(p), false) => tr!("speech-pounds-pence", pounds = whole, pence = p),
                (Some(p), true) => tr!("speech-one-pound-pence", pounds = whole, pence = p),
            });
            i = j;
            continue;
        }
        // A time as written in a call ("10.40am", "2.15 pm"): said as a
        // time ("10:40am" is "ten forty a m" to espeak-ng; "10.40am" was
        // "ten point four zero").
        if c.is_ascii_digit()
            && !(i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '.'))
            && let Some((time, len)) = time_at(&chars[i..])
        {
            out.push_str(&time);
            i += len;
            continue;
        }
        // Not the middle of a word or of an amount ("1,500", "4.99").
        let inside = i > 0
            && (chars[i - 1].is_alphanumeric()
                || (matches!(chars[i - 1], ',' | '.') && i >= 2 && chars[i - 2].is_ascii_digit()));
        let starts_number = c.is_ascii_digit() && !inside && !is_year(&chars[i..]);
        if starts_number {
            // A run of digit groups separated by single spaces.
            let mut j = i;
            let mut groups: Vec<String> = Vec::new();
            loop {
                let mut g = String::new();
                while j < chars.len() && chars[j].is_ascii_digit() {
                    g.push(chars[j]);
                    j += 1;
                }
                groups.push(g);
                // A plain or a non-breaking space (see `wording::keep_numbers_whole`).
                if j + 1 < chars.len()
                    && matches!(chars[j], ' ' | '\u{a0}')
                    && chars[j + 1].is_ascii_digit()
                {
                    j += 1;
                } else {
                    break;
                }
            }
            let amount = chars.get(j) == Some(&'%')
                || (chars.get(j) == Some(&',')
                    && chars.get(j + 1).is_some_and(char::is_ascii_digit));
            let word_after = chars.get(j).is_some_and(|c| c.is_alphabetic());
            if !amount && !word_after && is_phone(&groups, phones) {
                let spelled: Vec<String> = groups
                    .iter()
                    .map(|g| {
                        g.chars()
                            .map(|d| d.to_string())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect();
                out.push_str(&spelled.join(", "));
            } else {
                let raw: String = chars[i..j].iter().collect();
                out.push_str(&raw);
            }
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// A time written with a dot or a colon and "am" or "pm" ("10.40am",
/// "2.15 pm", "9:20am") at the start of `rest`: the same with a colon
/// (how espeak-ng reads it as a time), and how many characters it took.
fn time_at(rest: &[char]) -> Option<(String, usize)> {
    let hours = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours) || !matches!(rest.get(hours), Some('.' | ':')) {
        return None;
    }
    let minutes = &rest[hours + 1..];
    if minutes.len() < 2 || !minutes[..2].iter().all(char::is_ascii_digit) {
        return None;
    }
    let mut k = hours + 3;
    if rest.get(k) == Some(&' ') {
        k += 1;
    }
    let half: String = rest
        .get(k..k + 2)?
        .iter()
        .collect::<String>()
        .to_lowercase();
    let after = rest.get(k + 2);
    if !matches!(half.as_str(), "am" | "pm") || after.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    let h: String = rest[..hours].iter().collect();
    let m: String = minutes[..2].iter().collect();
    let written: String = rest[hours + 3..k + 2].iter().collect();
    Some((format!("{h}:{m}{written}"), k + 2))
}

/// Whether a number of pounds as written ("89", "1,500", "18,000") is said
/// starting with a vowel sound in English: eight, eleven, eighteen, eighty,
/// eight hundred, eleven thousand and so on.
fn starts_with_vowel_sound(pounds: &str) -> bool {
    // The first group of thousands is the first said ("18,000": eighteen).
    let lead: String = match pounds.split_once(',') {
        Some((lead, _)) => lead.to_string(),
        None => {
            let d: String = pounds.chars().filter(char::is_ascii_digit).collect();
            let cut = match d.len() % 3 {
                0 => 3,
                n => n,
            };
            d.chars().take(cut).collect()
        }
    };
    let lead = lead.trim_start_matches('0');
    match lead.len() {
        1 | 3 => lead.starts_with('8'),
        2 => lead.starts_with('8') || lead == "11" || lead == "18",
        _ => false,
    }
}

/// English only: turn a lone "a" just said into "an" (before a vowel sound).
fn an_before(out: &mut String) {
    if crate::i18n::current() != crate::i18n::Language::EnGb {
        return;
    }
    let body = out.trim_end_matches(' ');
    if body.len() == out.len() {
        return;
    }
    for a in ["a", "A"] {
        if let Some(before) = body.strip_suffix(a)
            && !before
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            let at = before.len() + a.len();
            out.insert(at, 'n');
            return;
        }
    }
}

/// "2026" and the like, said as years, not digit by digit.
fn is_year(rest: &[char]) -> bool {
    rest.len() >= 4
        && rest[..4].iter().all(char::is_ascii_digit)
        && matches!((rest[0], rest[1]), ('1', '9') | ('2', '0'))
        && !rest.get(4).is_some_and(|c| {
            c.is_ascii_digit()
                || matches!(*c, ' ' | '\u{a0}') && rest.get(5).is_some_and(char::is_ascii_digit)
        })
}
