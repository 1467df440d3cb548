//! Every learner-facing word of the screens that is not scenario data, in one
//! place: `assets/locales/<language>/screens.ftl`, through Fluent (see
//! `crate::i18n`, which says how to add a message). A new field in
//! `words!` below needs a message of the same name (with `-` for `_`) in
//! `en-GB/screens.ftl` and `cy/screens.ftl`; the i18n tests say if one is missing.
//!
//! Sentences follow the house style: plain British English, a reading age
//! of about nine, at most 25 words, never blaming the learner.

use std::sync::LazyLock;

use crate::i18n::{Language, tr};
use crate::tr;

/// Declares [`Words`] and loads each field from the message of the same name
/// (`app_title` from `app-title`) in `assets/locales/<language>/screens.ftl`.
macro_rules! words {
    ($($field:ident),* $(,)?) => {
        /// The words of the screens, in one language.
        #[derive(Debug, Clone, Copy)]
        pub struct Words {
            $(
                #[doc = concat!("The words of message `", stringify!($field), "` (with `-` for `_`) in `screens.ftl`.")]
                pub $field: &'static str,
            )*
        }

        impl Words {
            /// The field names, for the test that every one has its message.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn load(language: Language) -> Words {
                Words {
                    $($field: leak(language.tr(&stringify!($field).replace('_', "-"))),)*
                }
            }
        }
    };
}

words! {
    app_title,
    choose,
    list_title,
    list_hint_keys,
    list_hint_touch,
    refused_genuine,
    more_calls,
    more_short,
    help,
    stop,
    go_on,
    back_to_list,
    back_short,
    another_call,
    quick_questions,
    back_one_step,
    choose_again,
    leave,
    skip,
    replay,
    hear_again,
    hear_again_short,
    go_back,
    more_below,
    scroll_up,
    ringing,
    message_arrived,
    knocking,
    answer_phone,
    answer_phone_short,
    read_message,
    read_message_short,
    go_to_door,
    caller_id_shows,
    it_is_from,
    they_say_they_are,
    can_be_faked,
    what_would_you_do,
    your_choice,
    your_answer,
    you_chose,
    safer,
    risky,
    trick,
    call_ended,
    what_happened,
    what_to_do_scam,
    what_to_do_genuine,
    tricks_in_call,
    replay_title,
    what_you_did,
    safer_way,
    yes,
    no,
    quick_check_title,
    quick_yes,
    not_now,
    scam_or_real,
    a_scam,
    a_real_call,
    not_sure,
    check_done,
    check_done_after,
    to_the_calls,
    help_title,
    if_worried,
    numbers_to_know,
    keys,
    touch_help,
    close_card,
    stop_question,
    yes_stop,
    leave_question,
    yes_leave,
    keep_going,
    confirm_title,
    touch_answer,
    touch_button,
    too_small,
    plain_keys,
    reading_hint,
    reading_hint_short,
    theme_hint,
    typed_help,
    leave_check_question,
    yes_leave_check,
    no_step_back,
    mark_due,
    mark_new,
    more_below_touch,
    more_below_keys,
    more_above_touch,
    more_above_keys,
    message_says_title,
    you_think_title,
    message_title,
    big_letters_note,
    touch_to_close,
    key_or,
    message_ended,
    visit_ended,
    leave_question_other,
    yes_leave_other,
    leave_question_end,
    leave_question_other_end,
    previous_calls,
    first_calls,
    first_short,
    only_some_calls,
    banner_call,
    banner_message,
    banner_visit,
}

/// Each language's words are made once and kept for the whole run.
fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

/// The words in `language`.
pub fn words_in(language: Language) -> &'static Words {
    static CACHE: [LazyLock<Words>; 3] = [
        LazyLock::new(|| Words::load(Language::EnGb)),
        LazyLock::new(|| Words::load(Language::Cy)),
        LazyLock::new(|| Words::load(Language::EnXa)),
    ];
    match language {
        Language::EnGb => &CACHE[0],
        Language::Cy => &CACHE[1],
        Language::EnXa => &CACHE[2],
    }
}

/// The words in the current language (`crate::i18n::current`): `WORDS.help`.
pub static WORDS: Current = Current;

/// See [`WORDS`]: derefs to the current language's [`Words`].
#[derive(Debug, Clone, Copy)]
pub struct Current;

impl std::ops::Deref for Current {
    type Target = Words;
    fn deref(&self) -> &Words {
        words_in(crate::i18n::current())
    }
}

/// "Step 2."
pub fn step_title(n: usize) -> String {
    tr!("step-title", n = n)
}

/// "Quick question 1 of 3."
pub fn recall_title(n: usize, of: usize) -> String {
    tr!("recall-title", n = n, of = of)
}

/// "Quick check, call 1 of 6."
pub fn check_title(n: usize, of: usize) -> String {
    tr!("check-title", n = n, of = of)
}

/// "Practice call: The bank's fraud team."
pub fn practice_call(title: &str) -> String {
    tr!("practice-call", title = sentence(title))
}

/// "They say they are: Detective Constable Raj Dutta, the police fraud squad."
/// The organisation follows a comma, so a common first word ("The police
/// fraud squad", "Your bank", Welsh "Eich banc") loses its capital; a name
/// ("Amazon", "HMRC") keeps it.
pub fn who_they_say(name: &str, organisation: &str) -> String {
    format!(
        "{}: {}, {}.",
        WORDS.they_say_they_are,
        name,
        mid_sentence(organisation.trim_end_matches('.'))
    )
}

/// `text` as it reads after a comma: its first letter in lower case when its
/// first word is a common one (English or Welsh), not a name.
pub fn mid_sentence(text: &str) -> String {
    const COMMON: &[&str] = &[
        // English
        "the", "your", "a", "an", "our", "someone", "from", "about", "delivery", // Welsh
        "y", "yr", "eich", "ein", "rhywun", "gyrrwr",
    ];
    let first = text.split_whitespace().next().unwrap_or("");
    let common = COMMON.iter().any(|w| {
        first
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .eq_ignore_ascii_case(w)
    });
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if common && c.is_uppercase() => c.to_lowercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// "Based on advice from Action Fraud."
pub fn based_on_advice(source: &str) -> String {
    tr!("based-on-advice", source = source)
}

/// "Based on a warning from Hertfordshire Constabulary, September 2024." (a
/// scam) or "Based on advice from …" (a real call): `source` is who and when.
pub fn source_line(kind: crate::engine::Kind, source: &str) -> String {
    match kind {
        crate::engine::Kind::Scam => tr!("based-on-warning", source = source),
        crate::engine::Kind::Genuine => based_on_advice(source),
    }
}

/// The word shown before a call's title on the list ("Due", "New"), or none.
/// Words, not colour.
pub fn mark_word(mark: crate::progress::Mark) -> Option<&'static str> {
    use crate::progress::Mark;
    let words = words_in(crate::i18n::current());
    match mark {
        Mark::Due => Some(words.mark_due),
        Mark::New | Mark::BringsBack { new: true } => Some(words.mark_new),
        Mark::BringsBack { new: false } | Mark::Practised => None,
    }
}

/// The outcome in words (never colour alone), worded for scams and real
/// calls: "You stayed safe." / "You handled a real call well."
pub fn outcome_words(kind: crate::engine::Kind, outcome: crate::engine::Outcome) -> String {
    use crate::engine::{Kind, Outcome};
    tr(match (kind, outcome) {
        (Kind::Scam, Outcome::Safe) => "outcome-scam-safe",
        (Kind::Scam, Outcome::PartlySafe) => "outcome-scam-partly-safe",
        (Kind::Scam, Outcome::Defrauded) => "outcome-scam-defrauded",
        (Kind::Genuine, Outcome::Safe) => "outcome-genuine-safe",
        (Kind::Genuine, Outcome::PartlySafe) => "outcome-genuine-partly-safe",
        (Kind::Genuine, Outcome::Defrauded) => "outcome-genuine-defrauded",
    })
}

/// A quick-check call's opening line: "The phone rings. The screen shows
/// 01632 960214." (or a text message arriving).
pub fn quick_scene(item: &crate::engine::quick_check::CheckItem) -> String {
    match item.medium {
        crate::engine::model::Medium::Message => {
            tr!("quick-text-arrives", from = item.from.as_str())
        }
        _ => tr!("quick-phone-rings", from = item.from.as_str()),
    }
}

/// A quick-check caller's words, in quotes, as one line: "They say: "…"".
pub fn quick_said(item: &crate::engine::quick_check::CheckItem) -> String {
    match item.medium {
        crate::engine::model::Medium::Message => {
            tr!("plain-message-says", words = item.says.as_str())
        }
        _ => they_say(&item.says),
    }
}

/// Words said by someone not named: "They say: "…"".
pub fn they_say(words: &str) -> String {
    tr!("plain-they-say", words = words)
}

/// Words said by `who` (or by someone not named, when `who` is empty):
/// "Sam says: "…"" / "They say: "…"".
pub fn says(who: &str, words: &str) -> String {
    if who.is_empty() {
        they_say(words)
    } else {
        tr!("plain-says", who = who, words = words)
    }
}

/// "You said yes. That is right." / "You said yes. The answer is no."
pub fn recall_verdict(said: bool, want: bool) -> String {
    let yn = |b: bool| tr(if b { "said-yes" } else { "said-no" });
    if said == want {
        tr!("recall-verdict-right", said = yn(said))
    } else {
        tr!("recall-verdict-wrong", said = yn(said), want = yn(want))
    }
}

/// "So far: 1 of 2 scams spotted." Only kinds of call already played are
/// counted: "0 of 0 real calls" is noise (read aloud or on screen).
pub fn so_far((spotted, scams): (usize, usize), (handled, genuine): (usize, usize)) -> String {
    let mut t = tr("so-far");
    if scams > 0 {
        t.push(' ');
        t.push_str(&tr!("so-far-scams", spotted = spotted, scams = scams));
    }
    if genuine > 0 {
        t.push(' ');
        t.push_str(&tr!("so-far-genuine", handled = handled, genuine = genuine));
    }
    t
}

/// "Note: 2 files could not be used. x.toml: why"
/// The file name and reason come from outside: shown on one line, safely.
pub fn skipped_files(count: usize, first: &str, reason: &str) -> String {
    let first = crate::sanitize::line(first);
    let reason = crate::sanitize::line(reason);
    if count == 1 {
        tr!("skipped-one", first = first, reason = reason)
    } else {
        tr!(
            "skipped-many",
            count = count,
            first = first,
            reason = reason
        )
    }
}

/// The ending's headline, a sentence: "Your money is safe."
pub fn ending_headline(title: &str) -> String {
    let t = title.trim_end();
    if t.ends_with(['!', '?']) {
        return t.to_string();
    }
    tr!("ending-headline", title = t.trim_end_matches('.'))
}

/// `text` ending in a full stop (a title may have none), so a screen reader
/// pauses before the next line.
pub fn sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// The plain-mode prompt. It starts `Choose 1-N` (the plain-mode contract),
/// and names every other key in words, for screen readers and speech.
pub fn plain_prompt(n: usize, extra: &[(&str, &str)]) -> String {
    let mut t = tr!("plain-prompt", n = n);
    for (key, what) in extra {
        t.push(' ');
        t.push_str(&tr!("plain-prompt-key", what = *what, key = *key));
    }
    t
}

/// The plain-mode prompt as it is said aloud: the same as
/// [`plain_prompt`], in words ("Choose 1 to 3 and press Enter. To get help,
/// type a question mark. To leave, type the letter q."). espeak-ng reads
/// "1-3" as "one dash three" and a bare "?" as nothing.
pub fn plain_prompt_aloud(n: usize, extra: &[(&str, &str)]) -> String {
    let mut t = tr!("plain-prompt-aloud", n = n);
    for (key, what) in extra {
        t.push(' ');
        t.push_str(&tr!("plain-prompt-key", what = *what, key = key_aloud(key)));
    }
    t
}

/// [`plain_keys`] as it is said aloud: each key in words.
pub fn plain_keys_aloud(extra: &[(&str, &str)]) -> String {
    let aloud: Vec<(String, &str)> = extra.iter().map(|(k, w)| (key_aloud(k), *w)).collect();
    let keys: Vec<(&str, &str)> = aloud.iter().map(|(k, w)| (k.as_str(), *w)).collect();
    plain_keys(&keys)
}

/// A key typed in plain mode, in words: "a question mark", "the letter r".
/// Anything else (a number) as it is.
pub fn key_aloud(key: &str) -> String {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some('?'), None) => tr("speech-key-question-mark"),
        (Some(c), None) if c.is_alphabetic() => tr!("speech-key-letter", letter = c.to_string()),
        _ => key.to_string(),
    }
}

/// Plain mode's key line on the help card: "Type the number of your choice
/// and press Enter.", then each key of the screen beneath in words.
pub fn plain_keys(extra: &[(&str, &str)]) -> String {
    let mut t = WORDS.plain_keys.to_string();
    for (key, what) in extra {
        t.push(' ');
        t.push_str(&tr!("plain-prompt-key", what = *what, key = *key));
    }
    t
}

/// "It needs room for 40 letters across and 12 lines down."
pub fn too_small_size(w: u16, h: u16) -> String {
    tr!("too-small-size", w = w, h = h)
}

/// "(this is page 1 of 2)"
pub fn page_of(n: usize, of: usize) -> String {
    tr!("page-of", n = n, of = of)
}

/// The title of the box round what someone says: "Tom says".
pub fn says_title(who: &str) -> String {
    tr!("says-title", who = who)
}

/// "A message arrives: "...""
pub fn message_arrives(words: &str) -> String {
    tr!("message-arrives", words = words)
}

/// "You think: ..."
pub fn thought(words: &str) -> String {
    tr!("plain-thought", words = words)
}

/// "Press Esc or ? to close this card."
pub fn press_to_close(keys: &[String]) -> String {
    let or = format!(" {} ", WORDS.key_or);
    tr!("press-to-close", keys = keys.join(&or))
}

/// The replay, worded: the learner's column and the safer way (each ending
/// with "Ending: TITLE."), where they part, and one line about the whole run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replay {
    /// The learner's own path: one line per choice, then how the call ended.
    pub yours: Vec<String>,
    /// The safer way; empty when the run was safe all the way.
    pub safe: Vec<String>,
    /// Index (0-based) in `yours` of the first choice that left the safe path.
    pub departs: Option<usize>,
    /// One plain line above the columns: where the safer way leaves the
    /// learner's path. `None` when it never did: then the ending does not
    /// offer the replay at all (`screens::offers_safer_way`), so there is
    /// no "nothing to change" line to say.
    pub summary: Option<String>,
}

/// The replay's two columns and its summary line, worded here (the engine
/// gives the learner's and the safer path as data).
pub fn replay(session: &crate::engine::session::Session) -> Replay {
    let r = session.replay();
    let summary = r.departs.map(|d| match d {
        0 => tr("replay-part-first"),
        d => tr!("replay-part", same = d, at = d + 1),
    });
    let ended = |title: &str| tr!("replay-ended", title = title.trim_end_matches('.'));
    let mut yours = r.yours;
    yours.extend(r.your_ending.as_deref().map(ended));
    let mut safe = r.safe;
    safe.extend(r.safe_ending.as_deref().map(ended));
    Replay {
        yours,
        safe,
        departs: r.departs,
        summary,
    }
}

/// How a new contact arrives, as narration: "A text message arrives from BANK."
pub fn arrival(a: &crate::engine::script::Arrival) -> String {
    use crate::engine::model::Channel;
    let id = match a.channel {
        Channel::Call => "arrival-call",
        Channel::Text => "arrival-text",
        Channel::Email => "arrival-email",
        Channel::VoiceNote => "arrival-voice-note",
        Channel::FaceToFace => "arrival-face-to-face",
    };
    match &a.from {
        Some(from) => tr!(&format!("{id}-from"), from = from.as_str()),
        None => tr(id),
    }
}

/// Put the words into a script the engine built: each new contact's arrival
/// (the engine gives the channel and sender; the sentence is the catalogue's),
/// and "You chose: ..." for a choice the file gives no recap.
/// Every front end plays a script worded by this.
pub fn word_script(script: &mut crate::engine::Script) {
    for st in &mut script.steps {
        // A choice without its own recap is recalled by its words.
        for c in st.choices.iter_mut().filter(|c| c.recap.is_empty()) {
            c.recap = tr!("recap-you-chose", text = c.text.as_str());
        }
        let mut changed = false;
        for l in &mut st.lines {
            if let Some(a) = &l.arrival {
                l.text = arrival(a);
                changed = true;
            }
        }
        if changed {
            // As a shown step does: the first speaker, else the step's own.
            let who = st.who.clone();
            st.refresh_summary(&who);
        }
    }
}

/// The words before a line in a transcript: "Alex says:", "You think:", or
/// none (narration).
pub fn line_label(l: &crate::engine::script::ScriptLine) -> Option<String> {
    use crate::engine::script::Role;
    match l.role {
        Role::Speech => Some(tr!("label-says", who = l.who.as_str())),
        Role::Thought => Some(tr("label-you-think")),
        Role::Message => Some(tr("label-message")),
        Role::Narration => None,
    }
}

/// A line as one transcript line: `Alex says: "Hello."`, `You think: ...`,
/// `A message arrives: "..."`, or the narration itself.
pub fn transcript(l: &crate::engine::script::ScriptLine) -> String {
    use crate::engine::script::Role;
    match l.role {
        Role::Speech => says(&l.who, &l.text),
        Role::Message => message_arrives(&l.text),
        Role::Thought => thought(&l.text),
        Role::Narration => l.text.clone(),
    }
}

/// A condition in words, for role-play scripts and previews:
/// `only when "pin-told"`, `only on a second visit`; `None` when it always holds.
pub fn describe_cond(c: &crate::engine::script::Cond) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(w) = &c.when {
        parts.push(tr!("script-only-when", fact = w.as_str()));
    }
    if let Some(u) = &c.unless {
        parts.push(tr!("script-only-unless", fact = u.as_str()));
    }
    match c.again {
        Some(true) => parts.push(tr("script-only-second-visit")),
        Some(false) => parts.push(tr("script-only-first-visit")),
        None => {}
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Kind words comparing an after score with the before score: praise when it
/// went up, and never blame when it did not. Group sessions use the same
/// words for a room's hands.
pub fn check_change(
    now: crate::engine::quick_check::Score,
    before: crate::engine::quick_check::Score,
) -> String {
    // A careful "check first" is safe, but it does not tell a call apart:
    // "you got more right" compares the calls named right, and only those.
    let named_right = |s: crate::engine::quick_check::Score| crate::engine::quick_check::Score {
        right: s.named_right(),
        ..s
    };
    tr(
        match crate::engine::quick_check::change(named_right(now), named_right(before)) {
            std::cmp::Ordering::Greater => "check-better",
            std::cmp::Ordering::Equal => "check-same",
            std::cmp::Ordering::Less => "check-worse",
        },
    )
}

/// A quick check's score in a list: "3 of 4 right". Right means named
/// right: a careful "not sure" is safe but names no call, so it is not
/// counted here (the list says it apart, never as wrong).
pub fn check_score(score: crate::engine::quick_check::Score) -> String {
    tr!(
        "check-score",
        right = score.named_right(),
        asked = score.asked
    )
}

/// Said after the before check, when the after check is still to come.
pub fn check_ask_again() -> String {
    tr("check-ask-again")
}

/// Words a minute at hangup's default speech rate (`espeak-ng -s 130`:
/// espeak-ng's `-s` is words a minute).
pub const SPEECH_WORDS_A_MINUTE: u32 = 130;

/// How long the quick check takes when it is read aloud, in whole minutes:
/// its spoken words (the offer, six calls, the longest answer to each, the
/// result) at [`SPEECH_WORDS_A_MINUTE`], rounded up. A test counts the
/// words in English and Welsh and fails if this is no longer true
/// (`tests/it/quick_check.rs`, `the_offer_says_how_long_the_check_takes_read_aloud`).
pub const CHECK_MINUTES_ALOUD: u32 = 11;

/// The invitation to take the quick check, ending with how long it takes:
/// `aloud` (speech is on) gives the time read aloud.
pub fn check_offer(stage: crate::engine::quick_check::Stage, aloud: bool) -> String {
    let mut t = tr(match stage {
        crate::engine::quick_check::Stage::Before => "check-offer-before",
        crate::engine::quick_check::Stage::After => "check-offer-after",
    });
    t.push(' ');
    t.push_str(&if aloud {
        tr!("check-minutes-aloud", minutes = CHECK_MINUTES_ALOUD)
    } else {
        tr("check-minutes")
    });
    t
}

/// The quick check's answer, kindly: never "Wrong!". The careful answer is
/// always safe. It never says which the call was: the explanation shown
/// below it starts by saying so, and saying it twice reads as a stutter
/// ("This one is a scam. This is a scam.").
pub fn check_answer(
    said: impl Into<crate::engine::quick_check::Answer>,
    item: &crate::engine::quick_check::CheckItem,
) -> String {
    use crate::engine::Kind;
    use crate::engine::quick_check::Answer;
    match said.into() {
        Answer::NotSure => tr("check-answer-unsure"),
        said if said.is_right(item) => tr("check-answer-right"),
        Answer::Scam | Answer::Genuine => {
            let other = match item.answer {
                Kind::Scam => "real",
                Kind::Genuine => "scam",
            };
            tr!("check-answer-wrong", said = other)
        }
    }
}

/// The lines at the end of a quick check: the score, the careful answers,
/// and (after practice) the first score and how it changed, kindly.
pub fn check_result_lines(
    run: &crate::engine::quick_check::CheckRun,
    first: Option<crate::engine::quick_check::Score>,
) -> Vec<String> {
    use crate::engine::quick_check::Stage;
    let now = run.score();
    // A careful answer is never marked wrong, and never counted as naming
    // a call right: it is said apart ("3 times, you said you would check
    // first. That is always safe.").
    let named = now.asked.saturating_sub(now.unsure);
    let mut v = Vec::new();
    if now.unsure == 0 {
        v.push(tr!("check-you-got", right = now.right, asked = now.asked));
    } else if named > 0 {
        v.push(tr!(
            "check-you-named",
            named = named,
            right = now.named_right()
        ));
    }
    if now.unsure > 0 {
        v.push(tr!("check-unsure", n = now.unsure));
    }
    match (run.stage, first) {
        (Stage::Before, _) => v.push(check_ask_again()),
        (Stage::After, Some(before)) => {
            v.push(tr!(
                "check-before-you-got",
                right = before.named_right(),
                asked = before.asked,
                unsure = before.unsure
            ));
            v.push(check_change(now, before));
        }
        (Stage::After, None) => {}
    }
    v
}

/// `text` with the spaces inside a phone number ("0300 123 2040") made
/// non-breaking (U+00A0), so a number is never split across two lines. Only
/// a space between two digits changes. Front ends that print text as it
/// is (plain mode, speech) turn them back into plain spaces.
pub fn keep_numbers_whole(text: &str) -> String {
    // Spaces and digits are single bytes in UTF-8, so the bytes beside a
    // space tell: no need to decode the text (this runs on every block of
    // every screen model).
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 4);
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' '
            && i > 0
            && bytes[i - 1].is_ascii_digit()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        {
            out.push_str(&text[from..i]);
            out.push(NBSP);
            from = i + 1;
        }
    }
    out.push_str(&text[from..]);
    out
}

/// The non-breaking space put inside phone numbers (see [`keep_numbers_whole`]).
pub const NBSP: char = '\u{a0}';

/// "Please type a number from 1 to 3."
pub fn plain_wrong(n: usize) -> String {
    tr!("plain-wrong", n = n)
}
