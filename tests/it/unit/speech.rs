//! Unit tests of `hangup::speech` (were in src/speech.rs).

mod tests {
    use hangup::speech::*;

    use hangup::present::{Cmd, Role, Screen};

    use hangup::present::Key;

    /// From a newcomer trial (plain mode with --speak): "Are you sure?" was
    /// said with "For help, type a question mark", which plain mode refuses
    /// there; and the printed "Cymraeg: teipiwch c." was never said.
    #[test]
    fn typed_speech_offers_only_what_plain_mode_offers() {
        use hangup::present::{Cmd, Command, Screen, wording::WORDS};
        let sure = hangup::present::screens::confirm_dialog("Are you sure?", "Stop?", "Yes", "No");
        let said = spoken(&sure, Hands::Typed);
        assert!(said.contains("1: Yes. 2: No."), "{said}");

        let mut list = Screen::new("Choose a call to practise.");
        list.command(Command::new(Cmd::Choose(0), &[Key::Digit(1)], "A call"));
        list.command(Command::new(
            Cmd::Language,
            &[Key::Char('c')],
            "Cymraeg / English",
        ));
        list.command(Command::new(Cmd::Help, &[Key::Char('?')], "Help"));
        let said = spoken(&list, Hands::Typed);
        let offer = hangup::present::flow::other_language().tr("language-offer");
        assert!(said.contains(&format!("{offer} 1: A call.")), "{said}");
        // The keys are in plain mode's own prompt, said after this.
        assert!(said.ends_with("1: A call."), "{said}");
        assert!(!said.contains(WORDS.typed_help), "{said}");
    }

    /// From a newcomer trial: the help card's key list was said as
    /// "1-2: Choose. b: Back one step. Esc: Skip. ?: Help.".
    #[test]
    fn the_help_cards_key_list_is_said_in_words() {
        assert_eq!(
            keys_aloud("1-2: Choose. b: Back one step. Esc: Skip. ?: Help."),
            "Choose: press 1 to 2. Back one step: press the letter b. \
             Skip: press Esc. Help: press a question mark."
        );
        assert_eq!(
            keys_aloud("Up or Down: Move. Page Down: Read on."),
            "Move: press Up or Down. Read on: press Page Down."
        );
        assert_eq!(keys_aloud("Something else"), "Something else.");
    }

    #[test]
    fn numbers_are_read_digit_by_digit_and_money_as_money() {
        assert_eq!(
            numbers_aloud("Caller ID shows: 01632 960841."),
            "Caller ID shows: 0 1 6 3 2, 9 6 0 8 4 1."
        );
        assert_eq!(numbers_aloud("Call 101 now."), "Call 1 0 1 now.");
        assert_eq!(
            numbers_aloud("Send £1,500 today."),
            "Send 1,500 pounds today."
        );
        assert_eq!(numbers_aloud("It costs £4.99."), "It costs 4 pounds 99.");
        // From a newcomer trial: "1 pounds 45".
        hangup::i18n::with(hangup::i18n::Language::EnGb, || {
            assert_eq!(numbers_aloud("Pay £1.45 now."), "Pay 1 pound 45 now.");
            assert_eq!(numbers_aloud("Just £1."), "Just 1 pound.");
            assert_eq!(numbers_aloud("Just £1.00."), "Just 1 pound.");
            assert_eq!(numbers_aloud("It is £11."), "It is 11 pounds.");
            assert_eq!(numbers_aloud("It is £1,000."), "It is 1,000 pounds.");
        });
        assert_eq!(
            numbers_aloud("1 of 6 right, 20 minutes"),
            "1 of 6 right, 20 minutes"
        );
        assert_eq!(numbers_aloud("It rose 1,500 times"), "It rose 1,500 times");
        assert_eq!(numbers_aloud("on 15 June 2026."), "on 15 June 2026.");
    }

    /// From a newcomer trial: "10.40am" was left as written, and espeak-ng
    /// read it "ten point four zero a m".
    #[test]
    fn times_are_said_as_times() {
        assert_eq!(
            numbers_aloud("Your slot is 10.40am tomorrow."),
            "Your slot is 10:40am tomorrow."
        );
        assert_eq!(numbers_aloud("At 9.20am."), "At 9:20am.");
        assert_eq!(numbers_aloud("at 2.15 PM, or 1pm"), "at 2:15 PM, or 1pm");
        // Not times: amounts and other numbers with a dot stay as they were.
        assert_eq!(numbers_aloud("It rose 2.15 times."), "It rose 2.15 times.");
        assert_eq!(numbers_aloud("version 10.40ampere"), "version 10.40ampere");
    }

    /// From the newcomer trial: "People: 115" was read "1 1 5". Only
    /// numbers to dial are read digit by digit; counts are numbers.
    #[test]
    fn only_phone_numbers_are_read_digit_by_digit() {
        hangup::i18n::with(hangup::i18n::Language::EnGb, || {
            assert_eq!(numbers_aloud("People: 115."), "People: 115.");
            assert_eq!(
                numbers_aloud("It rose by 250 in 2024."),
                "It rose by 250 in 2024."
            );
            assert_eq!(numbers_aloud("Call 999 or 159."), "Call 9 9 9 or 1 5 9.");
            assert_eq!(
                numbers_aloud("Ring 0300 123 2040, or text 7726."),
                "Ring 0 3 0 0, 1 2 3, 2 0 4 0, or text 7 7 2 6."
            );
            assert_eq!(
                numbers_aloud("From 07700 900123."),
                "From 0 7 7 0 0, 9 0 0 1 2 3."
            );
            // A number the model calls a phone number is one, whatever it looks like.
            assert_eq!(
                numbers_aloud_with("Dial 4321 now.", &["4321"]),
                "Dial 4 3 2 1 now."
            );
            // Counts of hands are never spelled, even 101 of them.
            let mut s = Screen::new("Tally");
            s.block(
                Role::Hands {
                    count: Some(101),
                    most: 101,
                    under: None,
                    typing: false,
                },
                "1: 101 hands",
            );
            s.block(Role::Narration, "Call 101.");
            assert_eq!(spoken(&s, Hands::Keys), "Tally. 1: 101 hands. Call 1 0 1.");
        });
    }

    /// "a £89.99 charge" was said "a 89 pounds 99 charge".
    #[test]
    fn a_becomes_an_before_an_amount_said_with_a_vowel() {
        hangup::i18n::with(hangup::i18n::Language::EnGb, || {
            assert_eq!(
                numbers_aloud("I can see a £89.99 charge."),
                "I can see an 89 pounds 99 charge."
            );
            assert_eq!(numbers_aloud("A £80 rebate."), "An 80 pounds rebate.");
            assert_eq!(numbers_aloud("a £18 fee"), "an 18 pounds fee");
            assert_eq!(numbers_aloud("a £11,000 loss"), "an 11,000 pounds loss");
            assert_eq!(numbers_aloud("a £800 bill"), "an 800 pounds bill");
            assert_eq!(numbers_aloud("a £8 fee"), "an 8 pounds fee");
            assert_eq!(numbers_aloud("a £8000 bill"), "an 8000 pounds bill");
            // Not a vowel sound: "a" stays.
            assert_eq!(numbers_aloud("a £79.99 charge"), "a 79 pounds 99 charge");
            assert_eq!(numbers_aloud("a £1,800 loss"), "a 1,800 pounds loss");
            assert_eq!(numbers_aloud("a £180 fee"), "a 180 pounds fee");
            // "a" inside a word is not the article.
            assert_eq!(numbers_aloud("Pizza £8"), "Pizza 8 pounds");
        });
        // Welsh "a" is "and": never changed.
        hangup::i18n::with(hangup::i18n::Language::Cy, || {
            assert!(!numbers_aloud("a £80").starts_with("an "));
        });
    }

    #[test]
    fn roles_are_told_apart_and_actions_said_in_words() {
        let mut s = Screen::new("Step 1.");
        s.block(Role::Speech { who: "Dave".into() }, "Hello.");
        s.command(hangup::present::Command::new(
            Cmd::Choose(0),
            &[Key::Digit(1)],
            "Hang up",
        ));
        s.command(hangup::present::Command::new(
            Cmd::Help,
            &[Key::Char('?')],
            "Help",
        ));
        let t = spoken(&s, Hands::Keys);
        assert_eq!(
            t,
            "Step 1. Dave says: Hello. 1: Hang up. Help: press a question mark."
        );
        assert!(!t.contains("(?"));
    }
}

mod command_tests {
    use hangup::speech::*;

    /// The quick check's offer says how long it takes read aloud at this
    /// rate (`present::wording::CHECK_MINUTES_ALOUD`): the default command
    /// must speak at it.
    #[test]
    fn the_default_rate_is_the_one_times_are_counted_at() {
        let rate = hangup::present::wording::SPEECH_WORDS_A_MINUTE;
        assert!(
            DEFAULT_COMMAND.ends_with(&format!("-s {rate}")),
            "{DEFAULT_COMMAND}"
        );
    }

    #[test]
    fn the_command_is_split_like_a_shell_would() {
        let s = Speaker::new(r#"espeak-ng -v "en-gb+f3 slow" -s 130"#);
        assert_eq!(s.program(), "espeak-ng");
        assert_eq!(s.args(), ["-v", "en-gb+f3 slow", "-s", "130"]);
        assert!(s.is_on());
        let s = Speaker::new("say -v 'Daniel'");
        assert_eq!(s.args(), ["-v", "Daniel"]);
    }

    #[test]
    fn an_unclosed_quote_or_nothing_turns_speech_off_with_a_notice() {
        let mut s = Speaker::new(r#"espeak-ng -v "en-gb"#);
        assert!(!s.is_on());
        assert!(s.take_notice().is_some_and(|n| n.contains("quote")));
        let mut s = Speaker::new("   ");
        assert!(!s.is_on());
        assert!(
            s.take_notice()
                .is_some_and(|n| n.contains("no speech program"))
        );
    }
}
