//! Unit tests of `hangup::i18n` (were in src/i18n/tests.rs).

use fluent_bundle::FluentResource;
use hangup::i18n::*;

fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
    move |k| {
        pairs
            .iter()
            .find(|(key, _)| *key == k)
            .map(|(_, v)| (*v).to_string())
    }
}

#[test]
fn every_file_parses_and_has_no_repeated_ids() {
    for (lang, file, text) in LOCALE_FILES {
        if let Err((_, errors)) = FluentResource::try_new((*text).to_string()) {
            panic!("assets/locales/{lang}/{file}: {errors:?}");
        }
    }
    for folder in ["en-GB", "cy"] {
        let mut seen = std::collections::HashMap::new();
        for (id, file) in message_ids(folder) {
            if let Some(first) = seen.insert(id.clone(), file) {
                panic!("{folder}: \"{id}\" is in both {first} and {file}");
            }
        }
    }
}

#[test]
fn every_english_message_is_in_welsh() {
    let cy: std::collections::HashSet<String> =
        message_ids("cy").into_iter().map(|(id, _)| id).collect();
    let missing: Vec<String> = message_ids("en-GB")
        .into_iter()
        .filter(|(id, _)| !cy.contains(id))
        .map(|(id, file)| format!("{id} (en-GB/{file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "{} message(s) have no Welsh in assets/locales/cy/: {}",
        missing.len(),
        missing.join(", ")
    );
}

#[test]
fn every_welsh_message_has_an_english_source() {
    let en: std::collections::HashSet<String> =
        message_ids("en-GB").into_iter().map(|(id, _)| id).collect();
    let extra: Vec<String> = message_ids("cy")
        .into_iter()
        .filter(|(id, _)| !en.contains(id))
        .map(|(id, file)| format!("{id} (cy/{file})"))
        .collect();
    assert!(
        extra.is_empty(),
        "Welsh messages with no English: {extra:?}"
    );
}

#[test]
fn messages_in_each_language() {
    assert_eq!(Language::EnGb.tr("month-3"), "March");
    assert_eq!(Language::Cy.tr("month-3"), "Mawrth");
    assert_eq!(Language::Cy.own_name(), "Cymraeg");
    assert_eq!(Language::EnGb.own_name(), "English");
    // Missing everywhere: the id, not a panic.
    assert_eq!(Language::Cy.tr("no-such-message"), "no-such-message");
    assert!(!Language::Cy.has("no-such-message"));
}

#[test]
fn plurals_follow_each_languages_rules() {
    let en = |n: i64| Language::EnGb.tr_args("calls-count", &[("count", n.into())]);
    assert_eq!(en(1), "1 call");
    assert_eq!(en(2), "2 calls");
    assert_eq!(en(0), "0 calls");
    // Welsh has zero, one, two, few (3), many (6) and other.
    let cy = |n: i64| Language::Cy.tr_args("calls-count", &[("count", n.into())]);
    assert_eq!(cy(1), "1 alwad");
    assert_eq!(cy(2), "2 alwad");
    assert_eq!(cy(3), "3 galwad");
    assert_eq!(cy(7), "7 galwad");
}

#[test]
fn dates_are_written_in_the_language() {
    let d = hangup::dates::days(2026, 3, 1).unwrap_or(0);
    assert_eq!(Language::EnGb.date_long(d), "1 March 2026");
    assert_eq!(Language::Cy.date_long(d), "1 Mawrth 2026");
    let christmas = hangup::dates::days(2026, 12, 25).unwrap_or(0);
    assert_eq!(Language::EnGb.date_long(christmas), "25 December 2026");
    assert_eq!(Language::EnGb.date_long(christmas + 14), "8 January 2027");
    // Days far outside the calendar are clamped, never a panic.
    for n in [i64::MIN, -10_000_000, 10_000_000, i64::MAX] {
        let _ = Language::EnGb.date_long(n);
    }
    let xa = Language::EnXa.date_long(d);
    assert!(
        xa.starts_with("1 ") && xa.ends_with(" 2026") && xa != "1 March 2026",
        "{xa}"
    );
}

#[test]
fn no_isolation_marks_around_arguments() {
    let s = Language::EnGb.tr_args("calls-count", &[("count", 5.into())]);
    assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
}

#[test]
fn the_pseudo_locale_is_accented_and_longer_but_keeps_arguments() {
    let en = Language::EnGb.tr("language-choice");
    let xa = Language::EnXa.tr("language-choice");
    assert_ne!(en, xa);
    assert!(xa.chars().count() > en.chars().count(), "{xa}");
    assert!(!xa.contains("English"), "{xa}");
    let calls = Language::EnXa.tr_args("calls-count", &[("count", 12.into())]);
    assert!(calls.starts_with("12 "), "{calls}");
}

#[test]
fn the_current_language_is_per_thread() {
    with(Language::Cy, || {
        assert_eq!(tr("month-1"), "Ionawr");
        assert_eq!(hangup::tr!("calls-count", count = 2), "2 alwad");
        std::thread::spawn(|| assert_eq!(current(), Language::EnGb))
            .join()
            .ok();
    });
}

#[test]
fn language_names_and_locales() {
    for (s, l) in [
        ("cy", Some(Language::Cy)),
        ("cy_GB.UTF-8", Some(Language::Cy)),
        ("CY-gb", Some(Language::Cy)),
        ("en_GB.UTF-8", Some(Language::EnGb)),
        ("en_US", Some(Language::EnGb)),
        ("en", Some(Language::EnGb)),
        ("en-XA", Some(Language::EnXa)),
        ("fr_FR.UTF-8", None),
        ("C.UTF-8", None),
        ("", None),
    ] {
        assert_eq!(Language::parse(s), l, "{s}");
    }
    for l in Language::ALL {
        assert_eq!(Language::parse(l.code()), Some(l));
    }
    let e = "fr".parse::<Language>().expect_err("unknown").to_string();
    assert!(e.contains("cy (Cymraeg)"), "{e}");
}

#[test]
fn choosing_follows_the_usual_order() {
    let none = env_of(&[]);
    assert_eq!(
        choose(None, None, &none).ok(),
        Some((Language::EnGb, Source::Default))
    );
    let welsh_lang = env_of(&[("LANG", "cy_GB.UTF-8")]);
    assert_eq!(
        choose(None, None, &welsh_lang).ok(),
        Some((Language::Cy, Source::Environment("LANG")))
    );
    // --language beats the setting beats the environment.
    assert_eq!(
        choose(Some("en-GB"), Some("cy"), &welsh_lang).ok(),
        Some((Language::EnGb, Source::Option))
    );
    assert_eq!(
        choose(None, Some("en"), &welsh_lang).ok(),
        Some((Language::EnGb, Source::Setting))
    );
    assert!(choose(Some("klingon"), None, &none).is_err());
    // LC_ALL beats LC_MESSAGES beats LANG.
    let e = env_of(&[
        ("LC_ALL", "en_GB.UTF-8"),
        ("LC_MESSAGES", "cy_GB"),
        ("LANG", "cy"),
    ]);
    assert_eq!(from_env(&e), Some((Language::EnGb, "LC_ALL")));
    let e = env_of(&[("LC_MESSAGES", "cy_GB"), ("LANG", "en_GB")]);
    assert_eq!(from_env(&e), Some((Language::Cy, "LC_MESSAGES")));
    // LANGUAGE comes first, its first known language wins...
    let e = env_of(&[("LANGUAGE", "fr:cy:en"), ("LANG", "en_GB.UTF-8")]);
    assert_eq!(from_env(&e), Some((Language::Cy, "LANGUAGE")));
    // ...but not when the locale is C.
    let e = env_of(&[("LANGUAGE", "cy"), ("LANG", "C.UTF-8")]);
    assert_eq!(from_env(&e), None);
    // An empty variable does not count.
    let e = env_of(&[("LC_ALL", ""), ("LANG", "cy_GB.UTF-8")]);
    assert_eq!(from_env(&e), Some((Language::Cy, "LANG")));
}
