//! Unit tests of `hangup::present::wording` (were in src/present/wording.rs).

mod fluent_tests {
    use hangup::present::wording::*;

    use hangup::i18n::Language;

    #[test]
    fn phone_numbers_are_kept_whole_and_nothing_else_changes() {
        assert_eq!(
            keep_numbers_whole("Call 0300 123 2040, or 101. 1 of 6 on 15 June 2026."),
            "Call 0300\u{a0}123\u{a0}2040, or 101. 1 of 6 on 15 June 2026."
        );
        assert_eq!(keep_numbers_whole("01632 960841"), "01632\u{a0}960841");
        assert_eq!(keep_numbers_whole(""), "");
    }

    #[test]
    fn every_word_has_its_message_in_english_and_welsh() {
        for f in Words::FIELDS {
            let id = f.replace('_', "-");
            assert!(
                Language::EnGb.has(&id),
                "no {id} in assets/locales/en-GB/screens.ftl"
            );
            assert!(
                Language::Cy.has(&id),
                "no {id} in assets/locales/cy/screens.ftl"
            );
        }
        assert_eq!(words_in(Language::EnGb).help, "Help");
        assert_eq!(words_in(Language::Cy).yes, "Ie");
    }

    #[test]
    fn the_plain_prompt_starts_the_same_way_in_each_language() {
        hangup::i18n::with(Language::EnGb, || {
            assert!(plain_prompt(3, &[("q", "leave")]).starts_with("Choose 1-3 "));
            assert_eq!(
                plain_prompt_aloud(3, &[("?", "get help"), ("q", "leave")]),
                "Choose 1 to 3 and press Enter. To get help, type a question mark. \
                 To leave, type the letter q."
            );
            assert_eq!(step_title(2), "Step 2.");
            assert_eq!(
                recall_verdict(true, false),
                "You said yes. The answer is no."
            );
            assert_eq!(so_far((1, 2), (0, 0)), "So far: 1 of 2 scams spotted.");
        });
        hangup::i18n::with(Language::Cy, || {
            assert!(plain_prompt(3, &[]).starts_with("Dewiswch 1-3 "));
            assert_eq!(WORDS.help, "Help");
            assert_eq!(WORDS.stop, "Stopio");
        });
    }
}

mod mid_sentence_tests {
    use hangup::present::wording::*;

    #[test]
    fn an_organisation_after_a_comma_has_no_capital_unless_a_name() {
        assert_eq!(
            mid_sentence("The police fraud squad"),
            "the police fraud squad"
        );
        assert_eq!(mid_sentence("Your bank"), "your bank");
        assert_eq!(
            mid_sentence("Your bank's fraud team"),
            "your bank's fraud team"
        );
        assert_eq!(mid_sentence("Eich banc"), "eich banc");
        assert_eq!(mid_sentence("Amazon"), "Amazon");
        assert_eq!(mid_sentence("HMRC"), "HMRC");
        assert_eq!(mid_sentence("Thames Valley Police"), "Thames Valley Police");
        assert_eq!(mid_sentence(""), "");
    }

    #[test]
    fn who_they_say_they_are_reads_as_one_sentence() {
        let got = who_they_say("Detective Constable Raj Dutta", "The police fraud squad.");
        assert!(
            got.ends_with(": Detective Constable Raj Dutta, the police fraud squad."),
            "{got}"
        );
        assert!(who_they_say("Natalie Green", "Your bank").ends_with("Natalie Green, your bank."));
    }
}

mod check_result_tests {
    use hangup::present::wording::*;

    use hangup::i18n::{Language, tr};

    use hangup::engine::quick_check::{Answer, CheckRun, QuickCheck, Score, Stage};

    /// The after set answered with `answers` (in order, repeated).
    fn after(answers: &[Answer]) -> CheckRun {
        let mut run = CheckRun::new(&QuickCheck::builtin(), Stage::After).expect("the after set");
        let mut i = 0;
        while !run.finished() {
            assert!(run.answer(answers[i % answers.len()]));
            assert!(run.go_on());
            i += 1;
        }
        run
    }

    /// From a newcomer trial of the kiosk: "Not sure" six times gave "You
    /// got 6 of 6 right ... You spotted more this time. Well done." No
    /// scam was spotted. A careful answer is never marked wrong, but it is
    /// not counted as spotting one, and praise says only what was done.
    #[test]
    fn careful_answers_are_counted_as_careful_and_praise_is_true() {
        hangup::i18n::with(Language::EnGb, || {
            let before = Score {
                right: 3,
                asked: 6,
                unsure: 0,
            };
            let careful = after(&[Answer::NotSure]);
            let lines = check_result_lines(&careful, Some(before)).join(" ");
            assert!(!lines.contains("6 of 6 right"), "{lines}");
            assert!(!lines.contains("Well done"), "{lines}");
            assert!(!lines.contains("spotted"), "{lines}");
            assert!(
                lines.contains("6 times, you said you would check first"),
                "{lines}"
            );
            assert!(!lines.contains("counts as right"), "{lines}");
            // Every call named right: more than before, and said so.
            let truth: Vec<Answer> = careful
                .items
                .iter()
                .map(|i| Answer::from(i.answer))
                .collect();
            let mut all = CheckRun::new(&QuickCheck::builtin(), Stage::After).expect("set");
            for a in &truth {
                assert!(all.answer(*a));
                assert!(all.go_on());
            }
            let lines = check_result_lines(&all, Some(before)).join(" ");
            assert!(lines.contains("You got 6 of 6 right."), "{lines}");
            assert!(lines.contains("Well done"), "{lines}");
            // Before: careful answers said apart there too, not as right.
            let before = Score {
                right: 4,
                asked: 6,
                unsure: 3,
            };
            let lines = check_result_lines(&careful, Some(before)).join(" ");
            assert!(
                lines.contains("Before you practised, you got 1 of 6 right"),
                "{lines}"
            );
            assert!(!lines.contains("Well done"), "{lines}");
        });
    }

    /// "how you have changed" was odd wording in the heading and the lines.
    #[test]
    fn the_check_does_not_say_how_you_have_changed() {
        hangup::i18n::with(Language::EnGb, || {
            for id in ["check-done-after", "check-ask-again", "check-offer-after"] {
                let t = tr(id);
                assert!(!t.contains("you have changed"), "{id}: {t}");
            }
        });
    }
}

mod replay_wording_tests {
    use hangup::present::wording::*;

    use hangup::i18n::{Language, tr};
    use hangup::tr;

    /// From a newcomer trial: "The safer way leaves your path at your first
    /// choice." was abstract for a first-time user.
    #[test]
    fn the_path_comparison_says_where_there_was_a_safer_thing_to_do() {
        hangup::i18n::with(Language::EnGb, || {
            // Its button is named for what it shows (it replays nothing).
            assert_eq!(WORDS.replay, "Safer way");
            let first = tr("replay-part-first");
            assert!(!first.contains("leaves your path"), "{first}");
            assert!(first.contains("first choice"), "{first}");
            let later = tr!("replay-part", same = 2, at = 3);
            assert!(!later.contains("They part"), "{later}");
            assert!(later.contains("choice 3"), "{later}");
        });
    }
}
