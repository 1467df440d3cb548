//! House style and safety checks on the text of a scenario: line breaks in
//! text (H0409), real phone numbers (H0410), words a learner may not know
//! (H0411), long sentences (H0412), endings that drop part of the right action
//! (H0413), and a `[[step.choice]]` written after the endings (H0309).

use super::model::{Kind, Medium, Scenario, Sp};
use super::validate::{Diagnostic, inner_span, texts};

/// Words a learner may not know (ux-requirements C2), matched as whole words.
/// "password", "PIN", "code", "link", "website", "internet" and "text" stay:
/// the lesson uses them, and the scenarios say what they mean in place.
pub const JARGON: [&str; 17] = [
    "click",
    "menu",
    "navigate",
    "online",
    "log in",
    "login",
    "log on",
    "url",
    "browser",
    "app store",
    "download",
    "select",
    "scroll",
    "username",
    "icon",
    "cursor",
    "portal",
];

/// The longest sentence, in words, that learner-facing text should have.
pub const MAX_SENTENCE_WORDS: usize = 25;

/// Numbers a scenario may show: Ofcom's ranges for drama, and the real numbers
/// the advice gives (fact sheet sections 1.1 to 1.8). Spaces are ignored.
const DRAMA_PREFIXES: &[&str] = &[
    "01632960", "07700900", "02079460", "01134960", "01144960", "01154960", "01164960", "01174960",
    "01184960", "01214960", "01314960", "01414960", "01514960", "01614960", "02896496", "02920180",
    "08081570", "09098790", "03069990",
];
const OFFICIAL: &[&str] = &[
    "03001232040", // Report Fraud
    "08082231133", // Citizens Advice consumer helpline
    "08082231144", // the same, in Welsh
    "08081646000", // Advice Direct Scotland
    "08000281456", // Citizens Advice Scotland
];

/// The byte offset of the first whole-word `word` (in lower case) in `text`,
/// whatever the text's case.
pub fn has_word(text: &str, word: &str) -> Option<usize> {
    let lower = text.to_lowercase();
    let bytes = lower.as_bytes();
    lower.match_indices(word).find_map(|(at, _)| {
        let before = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let end = at + word.len();
        let after = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
        // Lower-casing keeps byte offsets for the ASCII words matched here.
        (before && after && lower.len() == text.len()).then_some(at)
    })
}

/// Sentences with their byte offset: split after `.`, `!` or `?` that end a word.
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, ch)) in chars.iter().enumerate() {
        let ends = matches!(ch, '.' | '!' | '?')
            && chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace());
        if ends || ch == '\n' {
            let end = i + ch.len_utf8();
            out.push((start, &text[start..end]));
            start = end;
        }
    }
    if start < text.len() {
        out.push((start, &text[start..]));
    }
    out
}

/// Phone-number-like runs in a text, however they are written: a `0`,
/// `+44` or `0044` (an opening bracket before it is fine, and `+44 (0)`
/// too), then digits with single spaces, hyphens, dots or brackets between
/// them, 10 or 11 digits in all once the country code is turned back into
/// a `0`. "(020) 7123 4567", "07911-123-456", "0044 7911 123456" and
/// "+44 (0)20 7123 4567" are all found. Returns (byte offset, length,
/// digits as dialled in the UK).
pub fn phone_numbers(text: &str) -> Vec<(usize, usize, String)> {
    let b = text.as_bytes();
    let is_sep = |c: u8| matches!(c, b' ' | b'-' | b'.' | b'(' | b')');
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts_word = i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'+');
        // An opening bracket may come first: "(020) 7123 4567".
        let open = usize::from(b[i] == b'(');
        let at = i + open;
        let rest = b.get(at..).unwrap_or_default();
        let country = if rest.starts_with(b"+44") {
            3
        } else if rest.starts_with(b"0044") {
            4
        } else {
            0
        };
        if starts_word && at < b.len() && (b[at] == b'0' || country > 0) {
            let mut j = at + country;
            let mut digits = String::new();
            let mut end = j;
            while j < b.len() {
                if b[j].is_ascii_digit() {
                    digits.push(b[j] as char);
                    j += 1;
                    end = j;
                } else if is_sep(b[j]) && (j > at || b[j] == b' ') {
                    // Separators only between digits: look past a run of
                    // them (at most two, as in ") " or " (") for a digit.
                    let mut k = j;
                    while k < b.len() && k - j < 2 && is_sep(b[k]) {
                        k += 1;
                    }
                    if k < b.len() && b[k].is_ascii_digit() && (k - j == 1 || b[j] != b[j + 1]) {
                        j = k;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            // "+44 (0)20": the 0 in brackets is the one dialled in the UK.
            if country > 0 && !digits.starts_with('0') {
                digits.insert(0, '0');
            }
            let ends_word = end >= b.len() || !b[end].is_ascii_alphanumeric();
            if (10..=11).contains(&digits.len()) && ends_word {
                out.push((i, end - i, digits));
                i = end;
                continue;
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

/// Whether a number (digits as dialled in the UK) may be written in a
/// scenario: an Ofcom drama number or one of the official numbers above.
pub fn allowed_number(digits: &str) -> bool {
    DRAMA_PREFIXES.iter().any(|p| digits.starts_with(p)) || OFFICIAL.contains(&digits)
}

/// Every check in this module. `source` is the file's text, when known.
pub fn check(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    for (name, t) in texts(s) {
        check_one(name, t, source, out);
    }
    check_actions(s, out);
    check_choice_after_endings(s, out);
}

/// The text checks (H0409 to H0412) on a file that could not be read whole (a
/// line that cannot be read, a key missing): every text that was read is
/// checked, so a real phone number is reported in the same run as the rest.
/// Texts on the `skip` lines (those that could not be read) are left alone.
pub fn check_document(
    doc: &toml::de::DeTable<'_>,
    source: &str,
    skip: &dyn Fn(std::ops::Range<usize>) -> bool,
    out: &mut Vec<Diagnostic>,
) {
    use toml::de::DeValue;
    fn walk(
        v: &toml::Spanned<DeValue<'_>>,
        path: &mut Vec<String>,
        found: &mut Vec<(&'static str, Sp)>,
    ) {
        match v.get_ref() {
            DeValue::String(text) => {
                if let Some(name) = text_name(path) {
                    found.push((name, Sp::new(v.span(), text.to_string())));
                }
            }
            DeValue::Array(a) => {
                for x in a.iter() {
                    walk(x, path, found);
                }
            }
            DeValue::Table(t) => {
                for (k, x) in t.iter() {
                    path.push(k.get_ref().to_string());
                    walk(x, path, found);
                    path.pop();
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    let mut path = Vec::new();
    for (k, v) in doc.iter() {
        path.push(k.get_ref().to_string());
        walk(v, &mut path, &mut found);
        path.pop();
    }
    for (name, t) in &found {
        if !skip(t.span()) {
            check_one(name, t, Some(source), out);
        }
    }
}

/// The name `texts` gives a text at this key path, or `None` when the value is
/// not learner text (ids, links, words from a list).
fn text_name(path: &[String]) -> Option<&'static str> {
    const NAMES: &[&str] = &[
        "title",
        "summary",
        "says",
        "scene",
        "who",
        "time",
        "sender",
        "narration",
        "thought",
        "message",
        "notes",
        "text",
        "feedback",
        "recap",
        "happened",
        "question",
        "explain",
    ];
    let first = path.first()?.as_str();
    let last = path.last()?.as_str();
    match (first, path.len()) {
        ("variants", _) => Some("variants"),
        ("source", 2) => ["source.who", "source.when", "source.url"]
            .into_iter()
            .find(|n| n.ends_with(&format!(".{last}"))),
        ("caller", 2) => ["caller.name", "caller.organisation", "caller.number"]
            .into_iter()
            .find(|n| n.ends_with(&format!(".{last}"))),
        ("title" | "summary", 1) | ("step" | "ending" | "recall", 2..) => {
            NAMES.iter().copied().find(|n| *n == last)
        }
        _ => None,
    }
}

/// H0409 to H0412 on one text, called `name` in the messages.
fn check_one(name: &'static str, t: &Sp, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    {
        let text = t.get_ref();
        if name == "source.url" {
            return;
        }
        if let Some(at) = text.find('\n')
            && name != "notes"
        {
            out.push(
                Diagnostic::error(
                    "H0409",
                    format!("`{name}` has a line break in it"),
                    inner_span(source, t, at, 1),
                )
                .with_hint(
                    "a line break shows as a new line in plain mode and is lost on the full screen; write one line, or use [[step.line]] for a new line",
                ),
            );
        }
        for (at, len, digits) in phone_numbers(text) {
            if !allowed_number(&digits) {
                out.push(
                    Diagnostic::error(
                        "H0410",
                        format!(
                            "`{name}` has the phone number {}, which could be someone's real number",
                            &text[at..at + len]
                        ),
                        inner_span(source, t, at, len),
                    )
                    .with_hint(
                        "use a number kept for drama, e.g. 01632 960123 or 07700 900123 (Ofcom), or a real advice number from the fact sheet",
                    ),
                );
            }
        }
        if matches!(name, "notes" | "source.who" | "source.when") {
            return;
        }
        for word in JARGON {
            if let Some(at) = has_word(text, word) {
                out.push(
                    Diagnostic::warning(
                        "H0411",
                        format!("`{name}` uses \"{word}\", a word a learner may not know"),
                        inner_span(source, t, at, word.len()),
                    )
                    .with_hint(
                        "say what the person does, e.g. \"press the link\" or \"on the internet\"",
                    ),
                );
                break;
            }
        }
        for (at, sentence) in sentences(text) {
            let words = sentence.split_whitespace().count();
            if words > MAX_SENTENCE_WORDS {
                out.push(
                    Diagnostic::warning(
                        "H0412",
                        format!(
                            "a sentence in `{name}` has {words} words; keep sentences to {MAX_SENTENCE_WORDS} or fewer"
                        ),
                        inner_span(source, t, at, sentence.len()),
                    )
                    .with_hint("split it into two sentences"),
                );
            }
        }
    }
}

/// H0413: in a phone scam, an ending with its own action keeps the parts of the
/// scenario's action that make the habit: hang up, call the police or the bank
/// (or "money-gone", which says to call the bank), and report it. Clearing the
/// line is lesson H0901.
fn check_actions(s: &Scenario, out: &mut Vec<Diagnostic>) {
    if s.kind != Kind::Scam || s.medium != Medium::Call || s.action.is_empty() {
        return;
    }
    // The scenario's own action is what every ending without one teaches, so it
    // must name a number to call (101 or the bank) and reporting too.
    let in_scenario = |id: &str| s.action.iter().any(|a| a.get_ref() == id);
    let mut missing: Vec<&str> = Vec::new();
    if !in_scenario("call-police") && !in_scenario("call-bank") && !in_scenario("money-gone") {
        missing.push("call-police or call-bank");
    }
    if !in_scenario("report") {
        missing.push("report");
    }
    if !missing.is_empty() {
        let whole = s.action[0].span().start..s.action[s.action.len() - 1].span().end;
        out.push(
            Diagnostic::error(
                "H0413",
                format!(
                    "the call's action leaves out {}, so its endings do not teach the whole habit",
                    missing.join(" and ")
                ),
                Some(whole),
            )
            .with_hint("every ending of a phone scam teaches: hang up, clear the line, call 101 or your bank, and report it"),
        );
    }
    for e in &s.endings {
        if e.action.is_empty() {
            continue;
        }
        let has = |id: &str| e.action.iter().any(|a| a.get_ref() == id);
        let mut missing: Vec<&str> = ["hang-up", "report"]
            .into_iter()
            .filter(|id| !has(id) && s.action.iter().any(|a| a.get_ref() == id))
            .collect();
        // "money-gone" says to call the bank at once, so it counts as calling it.
        let scenario_calls = s
            .action
            .iter()
            .any(|a| matches!(a.get_ref().as_str(), "call-police" | "call-bank"));
        if scenario_calls && !has("call-police") && !has("call-bank") && !has("money-gone") {
            missing.push("call-police or call-bank");
        }
        if missing.is_empty() {
            continue;
        }
        let first = &e.action[0];
        let whole = first.span().start..e.action[e.action.len() - 1].span().end;
        out.push(
            Diagnostic::error(
                "H0413",
                format!(
                    "ending \"{}\" gives its own action but leaves out {}",
                    e.id.get_ref(),
                    missing.join(" and ")
                ),
                Some(whole),
            )
            .with_hint("every ending of a phone scam teaches the whole habit; add the missing steps, or remove the ending's action to use the scenario's"),
        );
    }
}

/// H0309: a `[[step.choice]]` written after the endings is added to the last
/// step, silently. Its table comes after the first `[[ending]]` in the file.
fn check_choice_after_endings(s: &Scenario, out: &mut Vec<Diagnostic>) {
    let Some(first_ending) = s.endings.iter().map(|e| e.id.span().start).min() else {
        return;
    };
    let Some(last) = s.steps.last() else { return };
    for c in &last.choices {
        let at: &Sp = &c.text;
        if at.span().start > first_ending {
            out.push(
                Diagnostic::error(
                    "H0309",
                    format!(
                        "this choice comes after the endings, so it is added to step \"{}\"",
                        last.id.get_ref()
                    ),
                    Some(at.span()),
                )
                .with_hint("move this [[step.choice]] up, under the [[step]] it belongs to"),
            );
        }
    }
}
