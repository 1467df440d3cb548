//! Unit tests of `hangup::engine::translate` (were in src/engine/translate/tests.rs).

use hangup::engine::translate::*;
use hangup::engine::validate::Diagnostic;

const ENGLISH: &str = r#"
id = "demo"
title = "A demo call"
summary = "It rings."
start = "hello"
action = ["hang-up"]

[caller]
name = "{agent}"
organisation = "Demo Bank"
number = "01632 960000"

[variants]
agent = ["Sam Jones", "Ali Khan"]
price = ["£10", "£20"]

[source]
who = "Demo Police"
when = "May 2024"
url = "https://example.org"

[[step]]
id = "hello"
says = "Hello, it's {agent}."

[[step.choice]]
text = "Hang up."
feedback = "Well done."
next = "safe"

[[step.choice]]
text = "Say \"hello\"."
feedback = "They wanted that."
next = "safe"

[[ending]]
id = "safe"
outcome = "safe"
title = "Safe"
happened = ["You hung up.", "Your money is safe."]
"#;

fn keys() -> Vec<String> {
    source_texts(Kind::Scenario, ENGLISH)
        .into_iter()
        .map(|t| t.key)
        .collect()
}

#[test]
fn texts_are_keyed_by_ids_and_places() {
    assert_eq!(
        keys(),
        [
            "title",
            "summary",
            "caller.organisation",
            "variants.agent.1",
            "variants.agent.2",
            "source.who",
            "source.when",
            "step.hello.says",
            "step.hello.choice.1.text",
            "step.hello.choice.1.feedback",
            "step.hello.choice.2.text",
            "step.hello.choice.2.feedback",
            "ending.safe.title",
            "ending.safe.happened.1",
            "ending.safe.happened.2",
        ]
    );
    let says = source_texts(Kind::Scenario, ENGLISH)
        .into_iter()
        .find(|t| t.key == "step.hello.says")
        .expect("says");
    assert_eq!(says.text, "Hello, it's {agent}.");
    assert_eq!(&ENGLISH[says.span.clone()], "\"Hello, it's {agent}.\"");
}

fn entry(key: &str, english: &str, text: &str) -> String {
    format!(
        "{key} = {{ from = \"{}\", text = {} }}\n",
        short_hash(english),
        toml_string(text)
    )
}

#[test]
fn apply_puts_current_translations_in_place() {
    let overlay = [
        entry("title", "A demo call", "Galwad enghreifftiol"),
        entry(
            "step.hello.says",
            "Hello, it's {agent}.",
            "Helo, {agent} sydd yma.",
        ),
        entry(
            "step.hello.choice.2.text",
            "Say \"hello\".",
            "Dweud \"helo\".",
        ),
        // Out of date: stays English.
        "summary = { from = \"00000000\", text = \"Mae'n canu.\" }\n".to_string(),
        // Placeholders differ: stays English.
        entry("ending.safe.title", "Safe", "Diogel {agent}"),
        format!(
            "ending.safe.happened = [{{ from = \"{}\", text = \"Rhoesoch y ffôn i lawr.\" }}]\n",
            short_hash("You hung up.")
        ),
    ]
    .concat();
    let o = Overlay::parse(&overlay);
    assert!(o.problems.is_empty(), "{:?}", o.problems);
    let out = apply(Kind::Scenario, ENGLISH, &o);
    let v: toml::Table = toml::from_str(&out).expect("still TOML");
    assert_eq!(v["title"].as_str(), Some("Galwad enghreifftiol"));
    assert_eq!(v["summary"].as_str(), Some("It rings."));
    let step = &v["step"][0];
    assert_eq!(step["says"].as_str(), Some("Helo, {agent} sydd yma."));
    assert_eq!(step["choice"][1]["text"].as_str(), Some("Dweud \"helo\"."));
    assert_eq!(step["choice"][1]["next"].as_str(), Some("safe"));
    let ending = &v["ending"][0];
    assert_eq!(ending["title"].as_str(), Some("Safe"));
    assert_eq!(
        ending["happened"][0].as_str(),
        Some("Rhoesoch y ffôn i lawr.")
    );
    assert_eq!(ending["happened"][1].as_str(), Some("Your money is safe."));
}

#[test]
fn check_reports_missing_extra_and_out_of_date_with_places() {
    let translation = [
        entry("title", "A demo call", "Galwad"),
        "summary = { from = \"00000000\", text = \"Mae'n canu.\" }\n".to_string(),
        entry("step.helo.says", "x", "Helo"),
        entry("step.hello.says", "Hello, it's {agent}.", "Helo, {enw}."),
    ]
    .concat();
    let f = check(
        Kind::Scenario,
        ENGLISH,
        "demo.toml",
        &translation,
        "cy/demo.toml",
        "Welsh",
        true,
    );
    let codes: Vec<&str> = f.in_translation.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["H0802", "H0803", "H0804"], "{:?}", f.in_translation);
    assert!(f.in_translation.iter().all(Diagnostic::is_error));
    // The out-of-date one points at its `from` on line 2, and names the English's place.
    let stale = &f.in_translation[0];
    let span = stale.span.clone().expect("span");
    assert_eq!(line_col(&translation, span.start), (2, 20));
    assert!(
        stale.message.contains("demo.toml:4:11"),
        "{}",
        stale.message
    );
    assert!(
        f.in_translation[1]
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("step.hello.says")
    );
    // Missing ones point at the English text.
    assert_eq!(f.missing.len(), keys().len() - 3);
    let first = &f.missing[0];
    assert_eq!(first.code, "H0801");
    assert!(
        first.message.contains("\"caller.organisation\""),
        "{}",
        first.message
    );
    assert_eq!(&ENGLISH[first.span.clone().expect("span")], "\"Demo Bank\"");
    // Not strict: gaps are warnings, mistakes are still errors.
    let f = check(
        Kind::Scenario,
        ENGLISH,
        "demo.toml",
        &translation,
        "cy/demo.toml",
        "Welsh",
        false,
    );
    assert!(!f.missing[0].is_error());
    assert!(!f.in_translation[0].is_error());
    assert!(f.in_translation[1].is_error());
}

#[test]
fn badly_written_translations_are_explained() {
    for (text, code) in [
        ("title = \"just words\"\n", "H0806"),
        ("title = { text = 3 }\n", "H0806"),
        (
            "title = { from = \"x\", text = \"a\", colour = \"red\" }\n",
            "H0806",
        ),
        ("title = { from = \"x\", text = \"a\"\n", "H0807"),
    ] {
        let o = Overlay::parse(text);
        assert_eq!(
            o.problems.first().map(|d| d.code),
            Some(code),
            "{text}: {:?}",
            o.problems
        );
    }
}

#[test]
fn a_template_lists_every_text_with_its_hash() {
    let existing = Overlay::parse(&entry("title", "A demo call", "Galwad"));
    let t = template(Kind::Scenario, ENGLISH, &existing);
    let o = Overlay::parse(&t);
    assert!(o.problems.is_empty(), "{t}");
    assert_eq!(o.entries.len(), keys().len());
    assert_eq!(o.get("title").map(|e| e.text.as_str()), Some("Galwad"));
    assert_eq!(o.get("summary").map(|e| e.text.as_str()), Some(""));
    assert!(t.contains("# English: It rings.\nsummary = "), "{t}");
    // An empty translation is never used.
    let out = apply(Kind::Scenario, ENGLISH, &o);
    assert!(out.contains("summary = \"It rings.\""));
}

#[test]
fn hashes_are_short_and_stable() {
    assert_eq!(short_hash(""), "811c9dc5");
    assert_eq!(short_hash("Hang up."), short_hash("Hang up."));
    assert_ne!(short_hash("Hang up."), short_hash("Hang up!"));
    assert_eq!(short_hash("x").len(), 8);
}

#[test]
fn placeholders_and_words() {
    assert!(!has_words("{agent}"));
    assert!(!has_words("£79.99"));
    assert!(has_words("Hello {agent}"));
    assert_eq!(
        placeholders("{a} and {b}, {a"),
        ["a".to_string(), "b".to_string()].into_iter().collect()
    );
}

#[test]
fn every_kind_of_line_is_words_but_its_conditions_are_not() {
    let english = r#"
id = "lines"
start = "s"

[[step]]
id = "s"

[[step.line]]
narration = "You put the phone down."

[[step.line]]
thought = "Was that real?"
unless = "courier-arranged"

[[step.line]]
message = "Your parcel is waiting."
when = "texted"

[[step.line]]
who = "A voice"
says = "Police."
"#;
    let keys: Vec<String> = source_texts(Kind::Scenario, english)
        .into_iter()
        .map(|t| t.key)
        .collect();
    assert_eq!(
        keys,
        [
            "step.s.line.1.narration",
            "step.s.line.2.thought",
            "step.s.line.3.message",
            "step.s.line.4.who",
            "step.s.line.4.says",
        ]
    );
}
