//! Unit tests of `hangup::present::model` (were in src/present/model.rs).

use hangup::present::model::*;

/// From a newcomer trial at 40x12 with speech on: the practice footer
/// left out "s Hear it again". It takes its short form before anything
/// goes, and is whole again when there is room.
#[test]
fn a_footer_short_of_room_uses_a_shorter_label_before_leaving_one_out() {
    let mut s = Screen::new("Step 1.");
    for (i, d) in [1u8, 2, 3].into_iter().enumerate() {
        s.command(Command::new(Cmd::Choose(i), &[Key::Digit(d)], "A choice"));
    }
    s.command(Command::new(Cmd::Leave, &[Key::Esc], "Leave").unsafe_());
    s.command(Command::new(Cmd::Help, &[Key::Char('?')], "Help"));
    s.command(Command::new(Cmd::SayAgain, &[Key::Char('s')], "Hear it again").short("Again"));
    assert_eq!(
        s.footer(80, false),
        "1-3 Choose   Esc Leave   ? Help   s Hear it again"
    );
    assert_eq!(
        s.footer(46, false),
        "1-3 Choose  Esc Leave  ? Help  s Hear it again"
    );
    assert_eq!(
        s.footer(38, false),
        "1-3 Choose  Esc Leave  ? Help  s Again"
    );
    // Back one step goes first; then there is room for "s Again" only.
    s.commands.insert(
        3,
        Command::new(Cmd::StepBack, &[Key::Char('b')], "Back one step"),
    );
    assert_eq!(
        s.footer(38, false),
        "1-3 Choose  Esc Leave  ? Help  s Again"
    );
    // Too narrow even for that: it goes, "? Help" stays.
    assert_eq!(s.footer(30, false), "1-3 Choose  Esc Leave  ? Help");

    // An item that went for a more needed one comes back, short, if
    // it fits once that one has gone ("r Replay" has no short form).
    let mut end = Screen::new("The call has ended.");
    end.command(Command::new(Cmd::GoOn, &[Key::Enter], "Quick questions").default());
    end.command(Command::new(Cmd::Replay, &[Key::Char('r')], "Replay"));
    end.command(Command::new(Cmd::Help, &[Key::Char('?')], "Help"));
    end.command(Command::new(Cmd::SayAgain, &[Key::Char('s')], "Hear it again").short("Again"));
    assert_eq!(
        end.footer(38, false),
        "Enter Quick questions  ? Help  s Again"
    );
}
