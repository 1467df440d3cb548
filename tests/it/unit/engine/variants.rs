//! Unit tests of `hangup::engine::variants` (were in src/engine/variants.rs).

use hangup::engine::model::Scenario;
use hangup::engine::variants::*;
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn money_reads_and_writes_in_the_same_style() {
    let m = Money::parse("£1,500").expect("a sum");
    assert_eq!(m.hundredths, 150_000);
    assert_eq!(m.show(), "£1,500");
    assert_eq!(
        Money::parse("£79.99").map(Money::show).as_deref(),
        Some("£79.99")
    );
    assert_eq!(Money::parse("250").map(Money::show).as_deref(), Some("250"));
    for bad in [
        "",
        "£",
        "£1,50",
        "£1.5",
        "about £5",
        "£1,500,00",
        "1e3",
        "£-5",
        ",500",
    ] {
        assert_eq!(Money::parse(bad), None, "{bad}");
    }
}

#[test]
fn amounts_are_worked_out() {
    let mut v = BTreeMap::new();
    v.insert("total".to_string(), "£4,000".to_string());
    v.insert("first".to_string(), "£1,500".to_string());
    v.insert("fee".to_string(), "£79.99".to_string());
    let e = Expr::parse("{total} - {first}").expect("reads");
    assert_eq!(e.eval(&v).as_deref(), Some("£2,500"));
    let e = Expr::parse("{first}+{fee} - £20").expect("reads");
    assert_eq!(e.eval(&v).as_deref(), Some("£1,559.99"));
    let e = Expr::parse("£9000 + £1000").expect("reads");
    assert_eq!(e.eval(&v).as_deref(), Some("£10,000"));
    // A name with no value gives nothing (the checker reports it).
    let e = Expr::parse("{total} - {nothing}").expect("reads");
    assert_eq!(e.eval(&v), None);
}

const TIED: &str = r#"
id = "tied"
title = "Tied"
summary = "A test."
kind = "scam"
start = "a"
action = ["hang-up", "clear-line", "call-police", "report"]
[source]
who = "Test"
when = "2025"
[caller]
name = "{officer.name}"
organisation = "{officer.force}"
number = "01632 960000"
[variants]
officer = [
  { name = "DS Cole", force = "Kent Police" },
  { name = "DC Ward", force = "Essex Police" },
  { name = "DI Shah", force = "the Met" },
]
payment = [{ total = "£4,000", first = "£1,500" }, { total = "£900", first = "£899.50" }]
[amounts]
second = "{payment.total} - {payment.first}"
[[step]]
id = "a"
says = "This is {officer.name}, {officer.force}. Pay {payment.first} now and {second} later. {{Braces}}."
[[step.choice]]
text = "Hang up."
feedback = "Well done."
verdict = "safer"
next = "safe"
[[step.choice]]
text = "Pay."
feedback = "That was the trick."
verdict = "risky"
next = "lost"
[[ending]]
id = "safe"
outcome = "safe"
title = "You kept your money"
happened = ["You hung up."]
[[ending]]
id = "lost"
outcome = "defrauded"
title = "They took {payment.total}"
happened = ["You paid {payment.first} and then {second}."]
"#;

#[test]
fn a_set_is_picked_whole_and_amounts_follow_it() {
    let c = hangup::engine::Catalogue::builtin();
    let s = hangup::engine::library::parse_scenario(TIED.as_bytes(), &c)
        .unwrap_or_else(|p| panic!("{p:#?}"));
    let mut seen = BTreeSet::new();
    for seed in 0..40 {
        let sc = hangup::engine::Script::build(&s, &c, "ewni", seed);
        let pair = (sc.caller_name.clone(), sc.caller_organisation.clone());
        assert!(
            [
                ("DS Cole", "Kent Police"),
                ("DC Ward", "Essex Police"),
                ("DI Shah", "the Met")
            ]
            .iter()
            .any(|(n, f)| pair == ((*n).to_string(), (*f).to_string())),
            "{pair:?}"
        );
        seen.insert(pair);
        let says = &sc.steps[0].says;
        assert!(
            says.contains("Pay £1,500 now and £2,500 later.")
                || says.contains("Pay £899.50 now and £0.50 later."),
            "{says}"
        );
        assert!(says.ends_with("{Braces}."), "{says}");
    }
    assert_eq!(seen.len(), 3, "every set is used: {seen:?}");
}

#[test]
fn old_files_pick_the_same_values_for_a_seed() {
    // Plain lists are picked in the same order with the same random numbers
    // as before sets existed, so a seed still means the same run.
    use rand::{RngExt, SeedableRng, rngs::StdRng};
    let text = TIED
        .replace(
            "officer = [\n  { name = \"DS Cole\", force = \"Kent Police\" },\n  { name = \"DC Ward\", force = \"Essex Police\" },\n  { name = \"DI Shah\", force = \"the Met\" },\n]",
            "officer = [\"DS Cole\", \"DC Ward\", \"DI Shah\"]\nforce = [\"Kent\", \"Essex\"]",
        );
    assert!(text.contains("force = [\"Kent\""));
    let s: Scenario = toml::from_str(&text).expect("reads");
    for seed in 0..10 {
        let mut rng = StdRng::seed_from_u64(seed);
        let want_force = ["Kent", "Essex"][rng.random_range(0..2)];
        let want_officer = ["DS Cole", "DC Ward", "DI Shah"][rng.random_range(0..3)];
        let mut rng = StdRng::seed_from_u64(seed);
        let v = values(&s, |_, len| rng.random_range(0..len));
        assert_eq!(v["force"], want_force);
        assert_eq!(v["officer"], want_officer);
    }
}

#[test]
fn bad_amounts_say_where() {
    let err = Expr::parse("{total} minus {first}").expect_err("not read");
    assert_eq!((err.at, err.len), (8, 5));
    assert_eq!(err.message, "\"minus\" should be + or -");
    let err = Expr::parse("{total} -").expect_err("not read");
    assert!(err.message.contains("ends with"), "{err:?}");
    let err = Expr::parse("{total} {first}").expect_err("not read");
    assert_eq!(err.at, 8);
    let err = Expr::parse("").expect_err("not read");
    assert_eq!(err.message, "it is empty");
    let err = Expr::parse("{total").expect_err("not read");
    assert_eq!(err.at, 0);
}
