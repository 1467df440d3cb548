//! Unit tests of `hangup::engine::catalogue` (were in src/engine/catalogue.rs).

use hangup::engine::catalogue::*;

#[test]
fn builtin_catalogue_is_whole() {
    let c = Catalogue::builtin();
    assert!(!c.red_flags.flags.is_empty(), "no red flags");
    assert!(!c.advice.regions.is_empty(), "no regions");
    assert!(!c.advice.numbers.is_empty(), "no numbers");
    assert!(!c.advice.steps.is_empty(), "no advice");
    assert!(c.has_region(&c.advice.default_region));
}

#[test]
fn builtin_catalogues_parse() {
    let c = Catalogue::parse(BUILTIN_RED_FLAGS, BUILTIN_ADVICE, "built-in")
        .expect("built-in catalogues must parse");
    assert!(c.red_flag("fake-authority").is_some());
    assert!(c.has_region("scotland"));
    assert_eq!(c.core_action("ewni").len(), 5);
}

#[test]
fn region_changes_numbers() {
    let c = Catalogue::builtin();
    let ewni = c.numbers("ewni");
    let scot = c.numbers("scotland");
    let report = |v: &[NumberLine]| {
        v.iter()
            .find(|n| n.id == "report")
            .map(|n| n.number.clone())
            .unwrap_or_default()
    };
    assert_eq!(report(&ewni), "0300 123 2040");
    // In Scotland, Police Scotland's 101 line takes the report too.
    assert_eq!(report(&scot), "");
    assert!(
        scot.iter()
            .any(|n| n.number == "101" && n.what.contains("report a scam"))
    );
    assert!(
        c.advice_text("report", "scotland")
            .unwrap_or_default()
            .contains("Police Scotland")
    );
}

/// From a newcomer trial with `--region scotland`: the help card said
/// "101: Police Scotland on 101, to report a scam." and an ending's
/// steps 3 and 5 both said to call Police Scotland on 101.
#[test]
fn scotland_says_each_thing_once() {
    let c = Catalogue::builtin();
    for lang in [hangup::i18n::Language::EnGb, hangup::i18n::Language::Cy] {
        let c = Catalogue::builtin_in(lang);
        let numbers = c.numbers("scotland");
        // One line for 101, and it says both what it is for.
        let police: Vec<_> = numbers.iter().filter(|n| n.number == "101").collect();
        assert_eq!(police.len(), 1, "{lang:?}: {numbers:?}");
        for n in &numbers {
            assert!(!n.what.contains(&n.number), "{lang:?}: {n:?}");
        }
        let core = c.core_action("scotland");
        let on_101 = core.iter().filter(|a| a.contains("101")).count();
        assert_eq!(on_101, 1, "{lang:?}: {core:?}");
    }
    // An ending with both steps says 101 once; one with only "report" keeps it.
    let both = c.advice_texts(&["hang-up", "call-police", "report"], "scotland");
    assert_eq!(both.len(), 2, "{both:?}");
    assert!(both[1].contains("report"), "{both:?}");
    let report = c.advice_texts(&["hang-up", "report"], "scotland");
    assert_eq!(report.len(), 2, "{report:?}");
    assert!(report[1].contains("Police Scotland on 101"), "{report:?}");
    // Elsewhere nothing changes.
    assert_eq!(c.advice_texts(&["call-police", "report"], "ewni").len(), 2);
    assert_eq!(c.core_action("ewni").len(), 5);
}

#[test]
fn unknown_region_falls_back_to_default() {
    let c = Catalogue::builtin();
    assert_eq!(c.region(Some("atlantis")), "ewni");
    assert_eq!(c.region(Some("scotland")), "scotland");
}
