//! The scenario file format, exactly as authors write it in TOML.
//!
//! These types are the single definition of the format: the loader, the checker
//! (`hangup check`) and the JSON Schema (`hangup schema`) all come from them.
//! Fields that the checker must point at (ids and references) keep their byte
//! span in the file, so a message can say "line 12, column 9".

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use toml::Spanned;

/// A text that remembers where it was written in the file.
pub type Sp = Spanned<String>;

/// One scenario file.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Short name used on the command line, e.g. `police-courier`.
    #[schemars(with = "String")]
    pub id: Sp,
    /// Title shown on the start screen.
    #[schemars(with = "String")]
    pub title: Sp,
    /// One line saying what happens in this call.
    #[schemars(with = "String")]
    pub summary: Sp,
    /// `scam` or `genuine`.
    pub kind: Kind,
    /// How the contact arrives: a phone call, a text message, or a knock at the door.
    #[serde(default)]
    pub medium: Medium,
    /// Who warned about this scam, and when.
    pub source: Source,
    /// Who is calling, as the learner sees it.
    pub caller: Caller,
    /// The first step.
    #[schemars(with = "String")]
    pub start: Sp,
    /// Minutes this usually takes in a group session (for the session plan).
    #[serde(default)]
    pub minutes: Option<u32>,
    /// The right action, as advice ids, used by every ending that does not give its own.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub action: Vec<Sp>,
    /// Lists to pick from, so each run is a little different: `{name}` in any text.
    /// A list of sets (`{ name = "...", force = "..." }`) picks a whole set at once:
    /// `{officer.name}`, `{officer.force}`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, Vec<VariantSchema>>")]
    pub variants: BTreeMap<String, Vec<Variant>>,
    /// Amounts worked out from variants, e.g. `second = "{payment.total} - {payment.first}"`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, String>")]
    pub amounts: BTreeMap<String, Sp>,
    /// Mix up the order of the choices on each run (default: yes).
    #[serde(default = "yes")]
    pub shuffle_choices: bool,
    /// The steps of the call.
    #[serde(default, rename = "step")]
    pub steps: Vec<Step>,
    /// How the call can end.
    #[serde(default, rename = "ending")]
    pub endings: Vec<Ending>,
    /// Quick questions asked after the call, to help the lesson stick.
    #[serde(default, rename = "recall")]
    pub recall: Vec<Recall>,
}

/// One value of a variant list: a text, or a set of texts picked together.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged, from = "Spanned<RawVariant>")]
pub enum Variant {
    /// A single text, e.g. `"DS Cole"`, used as `{name}`.
    Text(Sp),
    /// A set of named texts picked together, used as `{name.key}`; the span covers the whole `{ ... }` table.
    Set(Spanned<BTreeMap<String, Sp>>),
}

impl Variant {
    /// Where the value is in the file.
    pub fn span(&self) -> std::ops::Range<usize> {
        match self {
            Variant::Text(t) => t.span(),
            Variant::Set(s) => s.span(),
        }
    }

    /// Every text in the value.
    pub fn texts(&self) -> Vec<&Sp> {
        match self {
            Variant::Text(t) => vec![t],
            Variant::Set(s) => s.get_ref().values().collect(),
        }
    }
}

/// A variant value as read, before its span is put with it.
#[derive(Debug, Clone)]
pub enum RawVariant {
    /// A single text.
    Text(String),
    /// A set of named texts, each with its own span.
    Set(BTreeMap<String, Sp>),
}

impl From<Spanned<RawVariant>> for Variant {
    fn from(v: Spanned<RawVariant>) -> Self {
        let span = v.span();
        match v.into_inner() {
            RawVariant::Text(t) => Variant::Text(Spanned::new(span, t)),
            RawVariant::Set(s) => Variant::Set(Spanned::new(span, s)),
        }
    }
}

impl<'de> Deserialize<'de> for RawVariant {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = RawVariant;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("text in quotes, or a set like { name = \"...\" }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<RawVariant, E> {
                Ok(RawVariant::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<RawVariant, E> {
                Ok(RawVariant::Text(v))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawVariant, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(k) = map.next_key::<String>()? {
                    let v: Sp = map.next_value()?;
                    out.insert(k, v);
                }
                Ok(RawVariant::Set(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// A text, or a set of texts picked together, e.g. { name = "DS Cole", force = "Kent Police" }.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum VariantSchema {
    /// A single text.
    Text(String),
    /// A set of named texts picked together.
    Set(BTreeMap<String, String>),
}

fn yes() -> bool {
    true
}

/// Whether a scenario is a scam or a genuine contact (written `kind = "scam"` or `"genuine"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// A scam: the safe endings are the ones where the learner hangs up or checks independently.
    Scam,
    /// A genuine contact, such as a real bank calling, to practise telling the two apart.
    Genuine,
}

/// How the scenario's first contact arrives (`medium`); it picks the opening screen's wording. Default `call`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Medium {
    /// A phone call (the default).
    #[default]
    Call,
    /// A written message: a text or an email.
    Message,
    /// Someone at the door.
    Visit,
}

/// How one step reaches the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Channel {
    /// A phone call.
    Call,
    /// A text message.
    Text,
    /// An email.
    Email,
    /// A voice note (spoken, but sent as a message).
    VoiceNote,
    /// Someone in person, e.g. a "courier" at the door.
    FaceToFace,
}

impl Channel {
    /// The medium of a first screen that opens with this channel.
    pub fn medium(self) -> Medium {
        match self {
            Channel::Call | Channel::VoiceNote => Medium::Call,
            Channel::Text | Channel::Email => Medium::Message,
            Channel::FaceToFace => Medium::Visit,
        }
    }

    /// Is what is said on this channel written (a message), not spoken?
    pub fn is_written(self) -> bool {
        matches!(self, Channel::Text | Channel::Email)
    }
}

/// Who warned the public about this scam, and when: the scenario's cited source.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who warned about it, e.g. "Hertfordshire Constabulary".
    #[schemars(with = "String")]
    pub who: Sp,
    /// When, e.g. "September 2024".
    #[schemars(with = "String")]
    pub when: Sp,
    /// Where to read it (optional).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Sp>,
}

/// Who is contacting the learner, as they present themselves (the `[caller]` table).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Caller {
    /// The name they give.
    #[schemars(with = "String")]
    pub name: Sp,
    /// The organisation they claim to be from.
    #[schemars(with = "String")]
    pub organisation: Sp,
    /// The number shown on the phone screen. Fictional numbers only (01632 960xxx, 07700 900xxx).
    #[schemars(with = "String")]
    pub number: Sp,
}

/// One step of the call (a `[[step]]` table): what is said, then the choices.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The step's id, unique in the file, as `start` and `next` name it: lower-case words joined by `-`.
    #[schemars(with = "String")]
    pub id: Sp,
    /// What happens before the caller speaks, e.g. "Later, the doorbell rings." (optional).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub scene: Option<Sp>,
    /// Who speaks, if not the caller (optional), e.g. "The courier".
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub who: Option<Sp>,
    /// What the caller says (or what the message says). A step needs `says`, or
    /// `[[step.line]]` entries, or both (`says` comes first).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub says: Option<Sp>,
    /// More lines, each with its role: speech (`says`, with `who`), `narration`,
    /// `thought` (the learner's own) or `message` (a message arriving).
    #[serde(default, rename = "line")]
    pub lines: Vec<Line>,
    /// Where the learner goes instead, the second and later times they reach this step.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub on_repeat: Option<Sp>,
    /// A time jump shown before this step, e.g. "The next day, 1pm."
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Sp>,
    /// How this step reaches the learner, when it is a new contact: `call`, `text`,
    /// `email`, `voice-note` or `face-to-face`. Left out: it goes on as before.
    #[serde(default)]
    pub channel: Option<Channel>,
    /// Who it comes from, as the screen shows it: the caller ID or the sender,
    /// e.g. "Private number" (with `channel`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub sender: Option<Sp>,
    /// Notes for a volunteer running a group session (hidden unless asked for).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub notes: Option<Sp>,
    /// What the learner can say or do next (`[[step.choice]]` tables); a step with no choices is an error.
    #[serde(default, rename = "choice")]
    pub choices: Vec<Choice>,
}

/// One line of a step. Give exactly one of `says`, `narration`, `thought` or `message`.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Line {
    /// Who speaks this line (with `says`); the caller when left out.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub who: Option<Sp>,
    /// Words spoken aloud.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub says: Option<Sp>,
    /// What happens, told by the narrator (shown outside the speech box).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub narration: Option<Sp>,
    /// The learner's own thought, shown as "You think: ...".
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub thought: Option<Sp>,
    /// A message arriving (a text, an email, a voice note).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub message: Option<Sp>,
    /// Shown only when this fact has been set earlier in the call.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Sp>,
    /// Shown only when this fact has not been set.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unless: Option<Sp>,
    /// `true`: shown only on a second or later visit to the step; `false`: only on the first.
    #[serde(default)]
    pub again: Option<bool>,
}

/// One thing the learner can say or do at a step (a `[[step.choice]]` table).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// What the learner could say or do.
    #[schemars(with = "String")]
    pub text: Sp,
    /// Shown after the choice: why it helps, or what the caller wanted.
    #[schemars(with = "String")]
    pub feedback: Sp,
    /// Tricks (red-flag ids) this moment shows.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub flags: Vec<Sp>,
    /// Is this a safer or a risky choice? Shown in words, never by colour alone.
    #[serde(default)]
    pub verdict: Verdict,
    /// A short line for the replay, e.g. "You read out the code."
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub recap: Option<Sp>,
    /// The step or ending this leads to.
    #[schemars(with = "String")]
    pub next: Sp,
    /// Facts this choice makes true for the rest of the call, e.g. `["pin-told"]`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub set: Vec<Sp>,
    /// Offered only when this fact has been set earlier in the call.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Sp>,
    /// Offered only when this fact has not been set.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unless: Option<Sp>,
    /// `true`: offered only on a second or later visit to the step; `false`: only on the first.
    #[serde(default)]
    pub again: Option<bool>,
}

/// Whether a choice is safer or risky, shown in words after the choice (`verdict`, default `neutral`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The safer thing to do, e.g. hanging up or checking on another number.
    Safer,
    /// A risky choice: what the caller wanted, e.g. reading out a code.
    Risky,
    /// Neither (the default), e.g. asking a question.
    #[default]
    Neutral,
}

/// How the call can end (an `[[ending]]` table), with what happened and the right action.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    /// The ending's id, unique in the file, as a choice's `next` names it: lower-case words joined by `-`.
    #[schemars(with = "String")]
    pub id: Sp,
    /// `safe`, `partly-safe` or `defrauded`.
    pub outcome: Outcome,
    /// A short headline, e.g. "You kept your money safe".
    #[schemars(with = "String")]
    pub title: Sp,
    /// What happened, one line per step, so the learner sees how the money left.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub happened: Vec<Sp>,
    /// The right action as advice ids (optional: the scenario's `action` is used otherwise).
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub action: Vec<Sp>,
    /// More lines of what happened, after `happened`, each shown only when its facts hold.
    #[serde(default, rename = "line")]
    pub lines: Vec<EndingLine>,
    /// This ending's story needs this fact: every way here must have set it (checked).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Sp>,
    /// This ending's story needs this fact not set: no way here may set it (checked).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unless: Option<Sp>,
}

/// One line of what happened, shown only when its facts hold.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EndingLine {
    /// The line, e.g. "You read out your PIN."
    #[schemars(with = "String")]
    pub text: Sp,
    /// Shown only when this fact has been set.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub when: Option<Sp>,
    /// Shown only when this fact has not been set.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unless: Option<Sp>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize, JsonSchema,
)]
/// How well the learner came out of the call (an ending's `outcome`).
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// No money or details lost.
    Safe,
    /// Some harm done, but stopped in time (e.g. told a code, then called the bank).
    PartlySafe,
    /// Money or details lost to the scammer.
    Defrauded,
}

/// A yes-or-no question asked after the call, to help the lesson stick (a `[[recall]]` table).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Recall {
    /// A yes-or-no question, e.g. "Would the police send a courier for your bank card?"
    #[schemars(with = "String")]
    pub question: Sp,
    /// The right answer.
    pub answer: bool,
    /// Why, in one or two short sentences.
    #[schemars(with = "String")]
    pub explain: Sp,
}

impl Kind {
    /// The kind as written in a scenario file and in JSON output: `scam` or `genuine`.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Scam => "scam",
            Kind::Genuine => "genuine",
        }
    }
}

impl Outcome {
    /// The outcome as written in a scenario file and in JSON output: `safe`, `partly-safe` or `defrauded`.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Safe => "safe",
            Outcome::PartlySafe => "partly-safe",
            Outcome::Defrauded => "defrauded",
        }
    }
}
