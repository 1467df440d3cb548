//! Unit tests of `hangup::check::lessons` (were in src/check/lessons.rs).

use hangup::check::lessons::*;

#[test]
fn key_presses_are_found() {
    assert_eq!(quoted_key("Press 1 to cancel."), Some((6, 1)));
    assert_eq!(quoted_key("Do not press 9."), Some((13, 9)));
    assert_eq!(quoted_key("Press the key it asks for."), None);
    assert_eq!(quoted_key("Pressure, 12 times."), None);
    assert_eq!(quoted_key("Press 10 now."), None);
}

#[test]
fn slips_are_found() {
    let codes = |t: &str| slips(t).iter().map(|s| s.code).collect::<Vec<_>>();
    assert_eq!(codes("Hello. the bank calls."), ["H0905"]);
    assert_eq!(codes("He handed you your some seeds."), ["H0906"]);
    assert_eq!(codes("The offer closes on tomorrow."), ["H0907"]);
    assert!(codes("It costs £1.99. Give her some time.").is_empty());
    assert!(codes("\"Hello,\" she said. \"Yes.\"").is_empty());
    assert!(codes("Can you do it now? x").is_empty());
}

#[test]
fn numbers_stand_alone() {
    assert!(has_number("call 101 now", "101"));
    assert!(!has_number("call 01632 960101", "101"));
    assert!(has_number("999.", "999"));
}
