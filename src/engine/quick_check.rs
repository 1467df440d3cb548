//! The quick check: "a scam or a real call?" for a few short calls, taken
//! once before practice and again after some, so that learners see their own
//! change and a centre can count it (numbers only) for an impact report.
//!
//! The questions are in `assets/quick-check.toml`, embedded in the binary.
//! This module is pure: the sets, one run through a set, and the kind words
//! that compare two scores. The front ends draw it and decide when to offer it.

use serde::{Deserialize, Serialize};

use super::catalogue::Catalogue;
use super::model::{Kind, Medium};
use super::text::sanitize;

/// The built-in quick check (`assets/quick-check.toml`), in English, embedded at build time.
pub const BUILTIN: &str = include_str!("../../assets/quick-check.toml");

/// Which set: the one before practice, or the one after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The set taken before practice (id `before`).
    Before,
    /// The set taken after some practice (id `after`).
    After,
}

impl Stage {
    /// The set's id in the file: `before` or `after`.
    pub fn id(self) -> &'static str {
        match self {
            Stage::Before => "before",
            Stage::After => "after",
        }
    }
}

/// The quick check's sets, as read from `quick-check.toml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct QuickCheck {
    /// Every set, one per `[[set]]` table; the program uses the ones with ids `before` and `after`.
    #[serde(rename = "set")]
    pub sets: Vec<CheckSet>,
}

/// One set of short calls to judge (a `[[set]]` table).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSet {
    /// The set's id: `before` or `after` (see [`Stage::id`]).
    pub id: String,
    /// Shown under the result, like a scenario's "Based on advice from".
    pub source: String,
    /// The calls to judge, in the order asked, one per `[[set.item]]` table.
    #[serde(rename = "item")]
    pub items: Vec<CheckItem>,
}

/// One short call or message to judge as a scam or real (a `[[set.item]]` table); text fields are sanitised on reading.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    /// A phone call or a text message (a visit is refused by [`QuickCheck::problems`]).
    pub medium: Medium,
    /// The number on the phone's screen.
    pub from: String,
    /// Who they say they are, as one short sentence.
    pub who: String,
    /// What they say (or the message says), in one or two sentences.
    pub says: String,
    /// The right answer: a scam or a real call.
    pub answer: Kind,
    /// The tricks a scam uses, as red-flag ids; empty for a real call.
    #[serde(default)]
    pub flags: Vec<String>,
    /// Why that is the answer, shown after the learner's answer.
    pub explain: String,
    /// Where the facts come from (for authors).
    pub source: String,
}

/// What a learner can say about a quick-check call. "Not sure: I would check
/// first" is the careful answer: it is never marked wrong, and it is counted
/// apart so the learner (and a centre) can see how often it was used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// "A scam".
    Scam,
    /// "A real call".
    Genuine,
    /// "Not sure: I would check first": always safe, never wrong. A
    /// [`Score`] keeps it in `right` and apart in `unsure`; what is shown
    /// as right is [`Score::named_right`], without it.
    NotSure,
}

impl From<Kind> for Answer {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Scam => Answer::Scam,
            Kind::Genuine => Answer::Genuine,
        }
    }
}

impl Answer {
    /// Whether this answer counts as right for `item`: the true answer, or the
    /// careful one (checking first is always safe).
    pub fn is_right(self, item: &CheckItem) -> bool {
        self == Answer::NotSure || self == Answer::from(item.answer)
    }
}

/// A score: how many of how many were right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Score {
    /// Answers right or careful (the careful "not sure" answers are in it,
    /// and in `unsure`): kept this way in the progress file and the kiosk's
    /// counts. Shown as right: [`Score::named_right`].
    pub right: u32,
    /// Questions answered.
    pub asked: u32,
    /// Of those right or careful, how many were "Not sure: I would check
    /// first": reported apart, never as right and never as wrong.
    #[serde(default)]
    pub unsure: u32,
}

impl Score {
    /// The calls named right (a scam called a scam, a real call a real
    /// call): `right` without the careful "not sure" answers, which are
    /// safe but tell no call apart.
    pub fn named_right(self) -> u32 {
        self.right.saturating_sub(self.unsure)
    }
}

/// `right` out of `of` as a whole percentage, rounded down (so 100% means
/// every one); `None` when there is nothing to count.
pub fn percent(right: u64, of: u64) -> Option<u64> {
    (of > 0).then(|| right.min(of).saturating_mul(100) / of)
}

impl QuickCheck {
    /// The embedded sets, in the current language (see `crate::i18n`).
    pub fn builtin() -> Self {
        Self::builtin_in(crate::i18n::current())
    }

    /// The embedded sets in `language` (English where a translation is
    /// missing, out of date or does not parse).
    ///
    /// The English file is part of the program, not user input: the test
    /// `builtin_sets_are_fair_to_compare` parses and checks it in every
    /// language, so a broken one fails `cargo test` instead of quietly
    /// leaving the quick check out.
    pub fn builtin_in(language: crate::i18n::Language) -> Self {
        let text = super::translate::builtin_in("assets/quick-check.toml", BUILTIN, language);
        #[allow(clippy::expect_used)]
        Self::parse(&text)
            .or_else(|_| Self::parse(BUILTIN))
            .expect("the built-in quick check parses (tested by builtin_sets_are_fair_to_compare)")
    }

    /// Read a quick-check file's text, sanitising every text shown; the
    /// error has the TOML reader's words and the line of the mistake.
    pub fn parse(text: &str) -> crate::Result<Self> {
        let mut q: QuickCheck = toml::from_str(text).map_err(|e| crate::Error::QuickCheck {
            line: e.span().map(|s| crate::error::line_at(text, s.start)),
            why: e.message().trim().replace('\n', " "),
        })?;
        // Text reaches the screen: no control characters or escapes.
        for set in &mut q.sets {
            set.source = sanitize(&set.source);
            for it in &mut set.items {
                for s in [&mut it.from, &mut it.who, &mut it.says, &mut it.explain] {
                    *s = sanitize(s);
                }
            }
        }
        Ok(q)
    }

    /// The set for `stage` (by its id), if the file has one.
    pub fn set(&self, stage: Stage) -> Option<&CheckSet> {
        self.sets.iter().find(|s| s.id == stage.id())
    }

    /// Problems that would make the before and after scores unfair to compare,
    /// or the text wrong. Empty when all is well.
    pub fn problems(&self, catalogue: &Catalogue) -> Vec<String> {
        let mut out = Vec::new();
        let shape = |s: &CheckSet| {
            let scams = s.items.iter().filter(|i| i.answer == Kind::Scam).count();
            (s.items.len(), scams)
        };
        let (Some(before), Some(after)) = (self.set(Stage::Before), self.set(Stage::After)) else {
            return vec!["there must be a \"before\" set and an \"after\" set".into()];
        };
        if shape(before) != shape(after) {
            out.push(format!(
                "the sets differ: before has {:?} (items, scams), after has {:?}",
                shape(before),
                shape(after)
            ));
        }
        for set in [before, after] {
            let (n, scams) = shape(set);
            if n == 0 || scams == 0 || scams == n {
                out.push(format!("set {} needs both scams and real calls", set.id));
            }
            for (i, it) in set.items.iter().enumerate() {
                let at = format!("set {} item {}", set.id, i + 1);
                for f in &it.flags {
                    if catalogue.red_flag(f).is_none() {
                        out.push(format!("{at}: unknown trick \"{f}\""));
                    }
                }
                match it.answer {
                    Kind::Scam if it.flags.is_empty() => {
                        out.push(format!("{at}: a scam must name its tricks"));
                    }
                    Kind::Genuine if !it.flags.is_empty() => {
                        out.push(format!("{at}: a real call uses no tricks"));
                    }
                    _ => {}
                }
                if it.medium == Medium::Visit {
                    out.push(format!("{at}: use a call or a message"));
                }
                if it.source.trim().is_empty() || it.explain.trim().is_empty() {
                    out.push(format!("{at}: needs an explanation and a source"));
                }
            }
        }
        out
    }
}

/// One learner going through one set, a question at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckRun {
    /// Before or after practice.
    pub stage: Stage,
    /// The calls to judge, in order.
    pub items: Vec<CheckItem>,
    /// The set's source, shown under the result (e.g. "Take Five to Stop Fraud, the police, GOV.UK and Report Fraud").
    pub source: String,
    /// The question on screen, 0-based; `items.len()` once all are answered.
    pub index: usize,
    /// The answer to the current question, once given.
    pub answered: Option<Answer>,
    /// Answers right so far (each "not sure" counts).
    pub right: u32,
    /// How many times the learner said "Not sure: I would check first" (each one
    /// also counts as right).
    pub unsure: u32,
    /// The answers to the questions before this one, in order (so "back"
    /// can take one back).
    pub earlier: Vec<Answer>,
}

impl CheckRun {
    /// A run through the `stage` set of `check`; `None` when the set is missing or empty.
    pub fn new(check: &QuickCheck, stage: Stage) -> Option<Self> {
        let set = check.set(stage)?;
        if set.items.is_empty() {
            return None;
        }
        Some(Self {
            stage,
            items: set.items.clone(),
            source: set.source.clone(),
            index: 0,
            answered: None,
            right: 0,
            unsure: 0,
            earlier: Vec::new(),
        })
    }

    /// The question on screen, or `None` once all are answered.
    pub fn current(&self) -> Option<&CheckItem> {
        self.items.get(self.index)
    }

    /// True once every question has been answered.
    pub fn finished(&self) -> bool {
        self.index >= self.items.len()
    }

    /// Answer the current question (once). Returns false if nothing changed.
    /// "Not sure: I would check first" is always right, and counted apart.
    pub fn answer(&mut self, said: impl Into<Answer>) -> bool {
        let said = said.into();
        let Some(item) = self.current() else {
            return false;
        };
        if self.answered.is_some() {
            return false;
        }
        if said.is_right(item) {
            self.right += 1;
        }
        if said == Answer::NotSure {
            self.unsure += 1;
        }
        self.answered = Some(said);
        true
    }

    /// Take back the answer to the current question (group and kiosk "back").
    /// Returns false if there was none.
    pub fn unanswer(&mut self) -> bool {
        let Some(said) = self.answered.take() else {
            return false;
        };
        if self.current().is_some_and(|i| said.is_right(i)) {
            self.right = self.right.saturating_sub(1);
        }
        if said == Answer::NotSure {
            self.unsure = self.unsure.saturating_sub(1);
        }
        true
    }

    /// Go on from an answered question. Returns false if it was not answered yet.
    pub fn go_on(&mut self) -> bool {
        if self.finished() {
            return false;
        }
        let Some(said) = self.answered.take() else {
            return false;
        };
        self.earlier.push(said);
        self.index += 1;
        true
    }

    /// Back one step: take back the answer to this question or, if it has
    /// none yet, go back to the question before, unanswered. Returns false
    /// at the first question with no answer (nothing to go back to).
    pub fn back(&mut self) -> bool {
        if self.answered.is_some() {
            return self.unanswer();
        }
        let Some(said) = self.earlier.pop() else {
            return false;
        };
        self.index = self.index.saturating_sub(1);
        self.answered = Some(said);
        self.unanswer()
    }

    /// True when "back" has something to go back to.
    pub fn can_go_back(&self) -> bool {
        self.answered.is_some() || !self.earlier.is_empty()
    }

    /// The score so far (all of it, once finished).
    pub fn score(&self) -> Score {
        Score {
            right: self.right,
            asked: self.items.len() as u32,
            unsure: self.unsure,
        }
    }
}

/// How an after score compares with the before score: better, the same or
/// worse, as fractions (in case the sets ever differ in length). Group
/// sessions compare a room's hands the same way. The kind words for each are
/// `crate::present::wording::check_change`'s.
pub fn change(now: Score, before: Score) -> std::cmp::Ordering {
    let a = u64::from(now.right) * u64::from(before.asked);
    let b = u64::from(before.right) * u64::from(now.asked);
    a.cmp(&b)
}
