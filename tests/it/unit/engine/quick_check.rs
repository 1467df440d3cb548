//! Unit tests of `hangup::engine::quick_check` (were in src/engine/quick_check.rs).

use hangup::engine::catalogue::Catalogue;
use hangup::engine::model::Kind;
use hangup::engine::quick_check::*;

fn check() -> QuickCheck {
    QuickCheck::builtin()
}

#[test]
fn builtin_sets_are_fair_to_compare() {
    // The English file itself, not a fallback.
    let english = QuickCheck::parse(BUILTIN).expect("the built-in quick check parses");
    let problems = english.problems(&Catalogue::builtin());
    assert!(problems.is_empty(), "{problems:#?}");
    for language in hangup::i18n::Language::ALL {
        let q = QuickCheck::builtin_in(language);
        assert!(q.set(Stage::Before).is_some(), "{language}");
        assert!(q.set(Stage::After).is_some(), "{language}");
    }
}

#[test]
fn a_run_counts_right_answers_once() {
    let q = check();
    let mut run = CheckRun::new(&q, Stage::Before).expect("a before set");
    let n = run.items.len();
    let mut want = 0;
    for i in 0..n {
        let truth = run.items[i].answer;
        let said = if i % 2 == 0 { truth } else { Kind::Scam };
        if said == truth {
            want += 1;
        }
        assert!(!run.go_on(), "cannot go on before answering");
        assert!(run.answer(said));
        assert!(!run.answer(truth), "a second answer is ignored");
        assert!(run.go_on());
    }
    assert!(run.finished());
    assert_eq!(
        run.score(),
        Score {
            right: want,
            asked: n as u32,
            unsure: 0
        }
    );
    assert!(!run.answer(Kind::Scam));
}

/// The trial: `b` could not go back a question in the quick check.
#[test]
fn back_goes_to_the_question_before_and_takes_its_score_back() {
    let q = check();
    let mut run = CheckRun::new(&q, Stage::Before).expect("a before set");
    assert!(!run.can_go_back(), "nothing to go back to at the start");
    assert!(!run.back());
    let truth = run.items[0].answer;
    assert!(run.answer(truth));
    assert!(run.go_on());
    assert!(run.answer(Answer::NotSure));
    assert!(run.go_on());
    assert_eq!((run.index, run.right, run.unsure), (2, 2, 1));
    // Back from question 3 (unanswered) to question 2, unanswered.
    assert!(run.can_go_back());
    assert!(run.back());
    assert_eq!(
        (run.index, run.answered, run.right, run.unsure),
        (1, None, 1, 0)
    );
    assert!(run.back());
    assert_eq!(
        (run.index, run.answered, run.right, run.unsure),
        (0, None, 0, 0)
    );
    assert!(!run.back());
    // Answered again, the score is as if the first answers never were.
    let other = if truth == Kind::Scam {
        Kind::Genuine
    } else {
        Kind::Scam
    };
    assert!(run.answer(other));
    assert_eq!(run.right, 0);
}

#[test]
fn not_sure_is_never_wrong_and_is_counted_apart() {
    let q = check();
    for stage in [Stage::Before, Stage::After] {
        let mut run = CheckRun::new(&q, stage).expect("a set");
        while let Some(item) = run.current().cloned() {
            assert!(run.answer(Answer::NotSure));
            assert!(
                Answer::NotSure.is_right(&item),
                "checking first is never wrong"
            );
            assert!(run.go_on());
        }
        let n = run.items.len() as u32;
        assert_eq!(
            run.score(),
            Score {
                right: n,
                asked: n,
                unsure: n
            }
        );
        assert_eq!(run.unsure, n);
    }
}

#[test]
fn no_real_call_asks_for_what_only_a_scam_asks() {
    // Fact sheet 2.1, 3.1 and 3.11: a "real" item must not ask you to hang up
    // and call back, press a key, give a PIN, card number or code, move money,
    // pay by voucher, or meet a courier; a careful "scam" answer would be marked wrong.
    const SCAM_ASKS: [&str; 15] = [
        "hang up",
        "call us",
        "ring us",
        "press",
        "pin",
        "card number",
        "code",
        "move your money",
        "move money",
        "transfer",
        "voucher",
        "gift card",
        "courier",
        "bank details",
        "password",
    ];
    for set in &check().sets {
        for it in set.items.iter().filter(|i| i.answer == Kind::Genuine) {
            let says = it.says.to_lowercase();
            for ask in SCAM_ASKS {
                assert!(
                    !says.contains(ask),
                    "{}: \"{ask}\" in a real call: {}",
                    set.id,
                    it.says
                );
            }
        }
    }
}

#[test]
fn the_change_compares_fractions() {
    use std::cmp::Ordering;
    let s = |right, asked| Score {
        right,
        asked,
        ..Score::default()
    };
    assert_eq!(change(s(5, 6), s(3, 6)), Ordering::Greater);
    assert_eq!(change(s(3, 6), s(3, 6)), Ordering::Equal);
    assert_eq!(change(s(2, 6), s(3, 6)), Ordering::Less);
    // 2 of 3 is the same as 4 of 6.
    assert_eq!(change(s(2, 3), s(4, 6)), Ordering::Equal);
}

#[test]
fn bad_files_are_errors_not_panics() {
    assert!(QuickCheck::parse("set = 3").is_err());
    let unfair = QuickCheck::parse(
        r#"
        [[set]]
        id = "before"
        source = "x"
        [[set.item]]
        medium = "call"
        from = "01632 960000"
        who = "w"
        says = "s"
        answer = "scam"
        explain = "e"
        source = "x"
        "#,
    )
    .expect("parses");
    let p = unfair.problems(&Catalogue::builtin());
    assert!(p[0].contains("\"after\""), "{p:?}");
}

#[test]
fn escapes_in_the_file_never_reach_the_screen() {
    let text = BUILTIN.replacen("Your account", "\\u001b[2JYour account", 1);
    let q = QuickCheck::parse(&text).expect("parses");
    let said = &q.set(Stage::Before).expect("set").items[0].says;
    assert!(!said.contains('\u{1b}'), "{said:?}");
}
