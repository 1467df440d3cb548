//! Unit tests of `hangup::engine::library`.

use hangup::engine::catalogue::Catalogue;
use hangup::engine::library::{BUILTIN_SCENARIOS, Library, check_scenario, read_builtin};
use hangup::engine::translate::{Kind, builtin_translation, in_language};
use hangup::i18n::Language;

/// The program reads its built-in calls without checking them
/// (`read_builtin`), so this test is what stops a broken one: every built-in
/// call, in every language it is in, has no error against the built-in
/// catalogue, and reading it gives the same scenario as checking it.
#[test]
fn every_builtin_call_is_clean_and_read_alike() {
    let mut read = 0;
    for language in Language::ALL {
        let catalogue = Catalogue::builtin_in(language);
        let mut in_this_language = 0;
        for (name, english) in BUILTIN_SCENARIOS {
            let translation = builtin_translation(&format!("scenarios/{name}"), language);
            let Some(text) = in_language(Kind::Scenario, english, translation, language) else {
                continue;
            };
            let (checked, problems) = check_scenario(text.as_bytes(), &catalogue);
            let errors: Vec<_> = problems.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{name} ({language:?}): {errors:?}");
            let checked = checked.expect("a clean file gives its scenario");
            let fast = read_builtin(&text)
                .unwrap_or_else(|p| panic!("{name} ({language:?}) does not read: {p:?}"));
            assert_eq!(
                serde_json::to_value(&fast).expect("serialises"),
                serde_json::to_value(&checked).expect("serialises"),
                "{name} ({language:?}) reads differently from how it checks"
            );
            in_this_language += 1;
        }
        let library = Library::load_in(None, language);
        assert!(
            library.skipped.is_empty(),
            "{language:?}: {:?}",
            library.skipped
        );
        assert_eq!(library.scenarios.len(), in_this_language, "{language:?}");
        read += in_this_language;
    }
    assert!(
        read >= 2 * BUILTIN_SCENARIOS.len(),
        "only {read} calls read"
    );
}

/// What the fast path still refuses: text that is not a scenario gives an
/// error with a code, not a panic or a half-read call.
#[test]
fn read_builtin_refuses_what_is_not_a_scenario() {
    for (text, code) in [
        ("not = [toml", "H0101"),
        ("id = \"x\"", "H0104"),
        ("nonsense = 1", "H0102"),
    ] {
        let problems = read_builtin(text).expect_err("refused");
        assert_eq!(problems.len(), 1, "{text}: {problems:?}");
        assert_eq!(problems[0].code, code, "{text}: {problems:?}");
    }
}

/// With a folder's own catalogue, the built-in calls are checked against it,
/// not only read: a call that names a trick the folder's catalogue lacks is
/// skipped with a reason, and the others still load.
#[test]
fn builtin_calls_are_checked_against_a_folders_own_catalogue() {
    use hangup::engine::catalogue::{BUILTIN_ADVICE, BUILTIN_RED_FLAGS};
    let dir = tempfile::tempdir().expect("temp dir");
    // The built-in tricks without "fake-authority".
    let entry = "[[flag]]\nid = \"fake-authority\"\n";
    let at = BUILTIN_RED_FLAGS
        .find(entry)
        .expect("the built-in catalogue has it");
    let rest = &BUILTIN_RED_FLAGS[at + entry.len()..];
    let next = rest.find("[[flag]]").expect("more tricks follow");
    let flags = format!("{}{}", &BUILTIN_RED_FLAGS[..at], &rest[next..]);
    std::fs::write(dir.path().join("red-flags.toml"), flags).expect("write");
    std::fs::write(dir.path().join("advice.toml"), BUILTIN_ADVICE).expect("write");

    let library = Library::load_in(Some(dir.path()), Language::EnGb);
    let uses_it: Vec<&str> = BUILTIN_SCENARIOS
        .iter()
        .filter(|(_, text)| text.contains("\"fake-authority\""))
        .map(|(name, _)| *name)
        .collect();
    assert!(!uses_it.is_empty());
    for name in &uses_it {
        let skip = library
            .skipped
            .iter()
            .find(|s| s.path == format!("built-in {name}"))
            .unwrap_or_else(|| panic!("{name} was not checked: {:?}", library.skipped));
        assert!(skip.reason.contains("fake-authority"), "{}", skip.reason);
    }
    assert_eq!(
        library.scenarios.len(),
        BUILTIN_SCENARIOS.len() - uses_it.len(),
        "{:?}",
        library.skipped
    );
}
