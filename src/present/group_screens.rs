//! The screen model of every group screen (`hangup group`), made from the
//! group flow's state ([`super::group`]). Pure: the same state always gives
//! the same [`Screen`].
//!
//! A call's screens are the practice screens' models ([`super::screens`]):
//! the same blocks in the same roles (narration and time jumps outside a
//! speaker's words, thoughts as thoughts), with the room's question, the
//! show of hands and the volunteer's keys. The projector (`group::view`)
//! draws the model; speech says it; the footer is made from its commands.
//!
//! - `topic`: the top row ("Call 1 of 2: title. Question 1");
//! - `title`: the heading, what the room is looking at;
//! - blocks: the content, in reading order;
//! - commands: the volunteer's keys. Group-only keys are [`Cmd::Group`].

use crate::engine::quick_check::{Answer, CheckItem};
use crate::engine::{Library, Phase, Session, Verdict};
use crate::i18n::tr;
use crate::tr;

use super::flow::Overlay;
use super::group::{
    CHECK_OPTIONS, CheckPlay, CheckStage, GroupState, ItemKind, ItemStatus, Saved, Stage,
    option_label,
};
use super::model::{Cmd, Command, GroupCmd, Key, Role, Screen};
use super::wording::{self, WORDS as W};

/// The screen the room sees now: an overlay (help card, stop question), a
/// blank screen, or the session's screen.
pub fn screen(g: &GroupState, overlay: Option<Overlay>, library: &Library, region: &str) -> Screen {
    let mut s = match overlay {
        Some(Overlay::Help) => help(library, region, &beneath(g)),
        Some(o) => confirm(g, o),
        None if g.asking_skip => confirm_skip(g),
        None if g.paused => {
            let mut s = Screen::new(tr("group-blank"));
            s.command(group(GroupCmd::Blank, &[Key::Char('b')], "group-cmd-blank"));
            s
        }
        None => base(g),
    };
    s.topic = Some(topic(g));
    // The projector's top row is said too, first.
    s.say_topic = true;
    // With `--speak`: "r Hear it again" on every screen.
    if g.speaking {
        s.command(Command::new(Cmd::SayAgain, &[Key::Char('r')], W.hear_again));
    }
    s
}

/// The top row: where the session is ("Call 1 of 2: title. Question 1").
pub fn topic(g: &GroupState) -> String {
    match g.stage {
        Stage::Plan => tr("group-topic-plan"),
        Stage::Finished => tr("group-topic-end"),
        Stage::Check => match &g.check {
            Some(play) => {
                let n = play.items.len();
                match (play.stage, play.at_result()) {
                    (CheckStage::Before, true) => tr("group-topic-check-before-result"),
                    (CheckStage::After, true) => tr("group-topic-check-after-result"),
                    (CheckStage::Before, false) => {
                        tr!("group-topic-check-before", n = play.index + 1, of = n)
                    }
                    (CheckStage::After, false) => {
                        tr!("group-topic-check-after", n = play.index + 1, of = n)
                    }
                }
            }
            None => tr("group-topic-check"),
        },
        Stage::Call => {
            let (at, total) = g.position();
            let Some(session) = g.session.as_deref() else {
                return tr("group-topic-check");
            };
            let title = session.script().title.as_str();
            match session.phase() {
                Phase::Deciding { .. } | Phase::Feedback { .. } => {
                    let n = session.path().len()
                        + usize::from(matches!(session.phase(), Phase::Deciding { .. }));
                    tr!(
                        "group-topic-question",
                        at = at,
                        total = total,
                        title = title,
                        n = n
                    )
                }
                _ => tr!("group-topic-call", at = at, total = total, title = title),
            }
        }
    }
}

/// A group command `id`, taken by `keys`, called by message `label`.
fn group(id: GroupCmd, keys: &[Key], label: &str) -> Command {
    Command::new(Cmd::Group(id), keys, tr(label))
}

/// The keys every screen of a call or quick check has: skip, stop, notes,
/// blank, plan, help. (The footer keeps Stop and Skip longest, after the
/// choices and Help.)
fn common(s: &mut Screen, g: &GroupState) {
    if !s
        .commands
        .iter()
        .any(|c| c.id == Cmd::Group(GroupCmd::Skip))
    {
        let label = match g.stage {
            Stage::Check => "group-cmd-skip-check",
            _ => "group-cmd-skip-call",
        };
        s.command(group(GroupCmd::Skip, &[Key::Char('s')], label));
    }
    // "s Skip" where the footer is short of room.
    for c in s.commands.iter_mut() {
        if c.id == Cmd::Group(GroupCmd::Skip) && c.short.is_none() {
            c.short = Some(tr("group-cmd-skip-short"));
        }
    }
    s.command(Command::new(Cmd::Quit, &[Key::Char('q')], W.stop).unsafe_());
    s.command(group(GroupCmd::Notes, &[Key::Char('n')], "group-cmd-notes"));
    s.command(group(GroupCmd::Blank, &[Key::Char('b')], "group-cmd-blank"));
    s.command(group(GroupCmd::Plan, &[Key::Char('l')], "group-cmd-plan"));
    s.command(Command::new(Cmd::Help, &[Key::Char('?')], W.help));
}

/// A screen that can be longer than the window (a reveal, an ending, a
/// result, the end): Down shows more below, Up more above. The projector
/// names them in its footer only while there is more to see; `Enter` (the
/// next call) is never a scroll key.
fn scrolls(s: &mut Screen) {
    s.command(Command::new(Cmd::ScrollDown, &[Key::Down], W.more_below));
    s.command(Command::new(Cmd::ScrollUp, &[Key::Up], W.scroll_up));
}

fn back() -> Command {
    Command::new(Cmd::Back, &[Key::Esc], tr("group-cmd-back"))
}

/// On the first screen of the call or quick check after one played to its
/// end: Esc goes back to that ending ("Back to the ending") or result.
fn back_to_last(s: &mut Screen, g: &GroupState) {
    if g.can_go_back_to_last() {
        let label = if g.last_was_check() {
            "group-cmd-back-to-result"
        } else {
            "group-cmd-back-to-ending"
        };
        s.command(Command::new(Cmd::Back, &[Key::Esc], tr(label)));
    }
}

fn base(g: &GroupState) -> Screen {
    match g.stage {
        Stage::Plan => plan(g, false),
        Stage::Call | Stage::Check if g.plan_open => plan(g, true),
        Stage::Finished => finished(g),
        Stage::Call => match g.session.as_deref() {
            Some(session) => call(g, session),
            None => Screen::new(tr("group-topic-check")),
        },
        Stage::Check => match g.check.as_ref() {
            Some(play) => check(g, play),
            None => Screen::new(tr("group-topic-check")),
        },
    }
}

/// The plan: each row a numbered choice (in or out of today), then the totals.
fn plan(g: &GroupState, during: bool) -> Screen {
    let mut s = Screen::new(tr("group-plan-title"));
    s.choices_first = true;
    let verb = tr(if during {
        "group-cmd-skip-keep"
    } else {
        "group-cmd-in-out"
    });
    s.choose = Some(verb.clone());
    for (i, p) in g.plan.iter().enumerate() {
        let mark = tr(match p.status {
            ItemStatus::Planned if Some(i) == g.current => "group-mark-now",
            ItemStatus::Planned => "group-mark-today",
            ItemStatus::Skipped => "group-mark-skip",
            ItemStatus::Done => "group-mark-done",
        });
        let keys: Vec<Key> = u8::try_from(i + 1)
            .ok()
            .filter(|d| *d <= 9)
            .map(Key::Digit)
            .into_iter()
            .collect();
        s.command(
            Command::new(
                Cmd::Choose(i),
                &keys,
                tr!(
                    "group-plan-row",
                    mark = mark.as_str(),
                    title = p.title.as_str(),
                    minutes = p.minutes
                ),
            )
            // The screen's "(5 min)" in words for the ear: "5 minutes".
            .say_as(tr!(
                "group-plan-row-said",
                mark = mark.as_str(),
                title = p.title.as_str(),
                minutes = p.minutes
            )),
        );
    }
    let items = g.planned_minutes() - super::group::WELCOME_MINUTES;
    let what = match g.planned_checks() {
        0 => tr!("group-plan-calls", calls = g.planned_count()),
        checks => tr!(
            "group-plan-calls-checks",
            calls = g.planned_count(),
            checks = checks
        ),
    };
    s.block(
        Role::Heading,
        tr!(
            "group-plan-totals",
            what = what,
            items = items,
            welcome = super::group::WELCOME_MINUTES,
            total = g.planned_minutes()
        ),
    );
    if !during {
        s.block(Role::Note, tr("group-plan-suits"));
    }
    s.command(group(
        GroupCmd::Move,
        &[Key::Up, Key::Down],
        "group-cmd-move",
    ));
    s.command(Command::new(
        Cmd::Group(GroupCmd::InOut),
        &[Key::Char('x')],
        verb,
    ));
    s.command(group(
        GroupCmd::Order,
        &[Key::Char('u'), Key::Char('d')],
        "group-cmd-order",
    ));
    if during {
        s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-play-now")).default());
        s.command(back());
    } else {
        s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-start")).default());
        s.command(Command::new(Cmd::Quit, &[Key::Char('q')], W.stop).unsafe_());
    }
    s
}

/// While the volunteer types a show of hands: the digits, then Enter, Up,
/// Esc or `t`. The choices stay on screen with no keys.
fn counting(s: &mut Screen) {
    for c in s.commands.iter_mut().filter(|c| c.is_choice()) {
        c.keys.clear();
    }
    s.commands.retain(|c| c.is_choice());
    s.command(group(GroupCmd::Type, &[], "group-cmd-type-hands"));
    s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-next-choice")).default());
    s.command(group(GroupCmd::Previous, &[Key::Up], "group-cmd-previous"));
    s.command(group(GroupCmd::Delete, &[Key::Esc], "group-cmd-delete"));
    s.command(group(GroupCmd::Done, &[Key::Char('t')], "group-cmd-done"));
}

/// "1: 12 hands (safer)." for each choice, under "The room said:", when
/// any hands were counted. `mark` gives a choice's mark, if any.
fn room_said(s: &mut Screen, counts: &[Option<u32>], mark: impl Fn(usize) -> Option<String>) {
    if !counts.iter().any(Option::is_some) {
        return;
    }
    s.block(Role::Heading, tr("group-room-said"));
    let most = counts.iter().flatten().copied().max().unwrap_or(0);
    for (i, n) in counts.iter().enumerate() {
        let hands = match n {
            Some(n) => tr!("group-hands", n = *n),
            None => tr("group-not-counted"),
        };
        let text = match mark(i) {
            Some(m) => tr!(
                "group-hands-row-marked",
                number = i + 1,
                hands = hands,
                mark = m
            ),
            None => tr!("group-hands-row", number = i + 1, hands = hands),
        };
        s.block(
            Role::Hands {
                count: *n,
                most,
                under: None,
                typing: false,
            },
            text,
        );
    }
}

/// While the room is asked: the highlighted choice, and the hands under
/// each choice, counted ("7 hands") or being typed ("Hands up: 7"). The
/// projector draws them under their choices and speech says them, both
/// from here.
fn asking(s: &mut Screen, g: &GroupState, counts: &[Option<u32>]) {
    let entry = g.tally_entry.as_ref();
    s.highlight = (g.highlight && entry.is_none()).then_some(g.selected);
    let most = counts.iter().flatten().copied().max().unwrap_or(0);
    let n = s.choices().count();
    for i in 0..n {
        let count = counts.get(i).copied().flatten();
        let (count, typing, text) = match entry.filter(|e| e.choice == i) {
            Some(e) => (
                e.typed.parse().ok(),
                true,
                tr!("group-hands-up", typed = e.typed.as_str()),
            ),
            None => match count {
                Some(c) => (Some(c), false, tr!("group-hands", n = c)),
                None => continue,
            },
        };
        s.block(
            Role::Hands {
                count,
                most,
                under: Some(i),
                typing,
            },
            text,
        );
    }
}

fn call(g: &GroupState, session: &Session) -> Screen {
    let script = session.script();
    match session.phase() {
        Phase::Incoming => {
            let mut s = super::screens::incoming(session);
            s.title = tr(match script.medium {
                crate::engine::model::Medium::Call => "group-ringing",
                crate::engine::model::Medium::Message => "group-message",
                crate::engine::model::Medium::Visit => "group-door",
            });
            s.commands.clear();
            s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-answer")).default());
            s.command(group(
                GroupCmd::Skip,
                &[Key::Char('s')],
                "group-cmd-skip-call",
            ));
            back_to_last(&mut s, g);
            common(&mut s, g);
            s
        }
        Phase::Deciding { step } => {
            let mut s = super::screens::deciding(session, step);
            s.title = tr("group-deciding-title");
            for b in s.blocks.iter_mut().filter(|b| b.role == Role::Question) {
                b.text = tr("group-ask-room");
            }
            s.commands.retain(|c| c.is_choice());
            s.choose = Some(tr("group-cmd-reveal"));
            asking(&mut s, g, &g.shown_counts(step));
            if g.tally_entry.is_some() {
                counting(&mut s);
                return s;
            }
            if g.highlight {
                s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-reveal")).default());
            }
            s.command(group(GroupCmd::Hands, &[Key::Char('t')], "group-cmd-hands"));
            // Back one step: to the choice before, or (the first question)
            // to the ringing phone.
            s.command(back());
            common(&mut s, g);
            s
        }
        Phase::Feedback { step, choice } => {
            let mut s = super::screens::feedback(session);
            s.title = tr("group-feedback-title");
            let st = session.step(step);
            // "You chose" is the room's choice here: its number and words.
            if let (Some(first), Some(c)) = (s.blocks.first_mut(), st.choices.get(choice))
                && first.role == Role::Note
            {
                first.text = tr!(
                    "group-choice-said",
                    number = choice + 1,
                    text = c.text.as_str()
                );
            }
            room_said(&mut s, &g.shown_counts(step), |i| {
                st.choices.get(i).and_then(|c| match c.verdict {
                    Verdict::Safer => Some(tr("group-mark-safer")),
                    Verdict::Risky => Some(tr("group-mark-risky")),
                    Verdict::Neutral => None,
                })
            });
            s.commands.clear();
            s.command(
                Command::new(
                    Cmd::GoOn,
                    &[Key::Enter],
                    tr!("group-cmd-go-on-with", n = choice + 1),
                )
                .default(),
            );
            scrolls(&mut s);
            // "What if we had said 2?": the other choices, by number.
            s.choose = Some(tr("group-cmd-another"));
            for (i, c) in st.choices.iter().enumerate() {
                if i == choice {
                    continue;
                }
                let keys: Vec<Key> = u8::try_from(i + 1)
                    .ok()
                    .filter(|d| *d <= 9)
                    .map(Key::Digit)
                    .into_iter()
                    .collect();
                s.command(Command::new(Cmd::Choose(i), &keys, c.text.clone()));
            }
            s.command(back());
            common(&mut s, g);
            s
        }
        Phase::Ended { .. } => {
            let mut s = super::screens::ending(session, None);
            s.title = tr("group-ending-title");
            s.commands.clear();
            s.command(next_item(g));
            scrolls(&mut s);
            s.command(back());
            common(&mut s, g);
            s
        }
    }
}

/// What Enter does at the end of a call or a quick check: the next call,
/// the quick check, or the end.
fn next_item(g: &GroupState) -> Command {
    let label = match g.next_planned().map(|row| g.plan[row].kind) {
        Some(ItemKind::Call(_)) => "group-cmd-next-call",
        Some(ItemKind::Check(_)) => "group-cmd-quick-check",
        None => "group-cmd-finish",
    };
    Command::new(Cmd::GoOn, &[Key::Enter], tr(label)).default()
}

/// The snippet's scene, who it says it is, and the words (as the practice
/// quick check shows them).
fn snippet(s: &mut Screen, item: &CheckItem) {
    s.block(
        Role::Number {
            number: item.from.clone(),
        },
        wording::quick_scene(item),
    );
    s.block(Role::Narration, item.who.clone());
    match item.medium {
        crate::engine::model::Medium::Message => s.block(Role::Message, item.says.clone()),
        _ => s.block(Role::Speech { who: String::new() }, item.says.clone()),
    }
}

fn check(g: &GroupState, play: &CheckPlay) -> Screen {
    let Some(item) = play.current() else {
        let mut s = Screen::new(tr("group-room-title"));
        for (i, l) in g.check_result_lines().into_iter().enumerate() {
            s.block(
                if i == 0 {
                    Role::Heading
                } else {
                    Role::Narration
                },
                l,
            );
        }
        s.command(next_item(g));
        scrolls(&mut s);
        s.command(back());
        common(&mut s, g);
        return s;
    };
    let counts = play.counts();
    if play.revealed {
        let mut s = Screen::new(tr("group-answer-title"));
        let answer = Answer::from(item.answer);
        let number = CHECK_OPTIONS.iter().position(|a| *a == answer).unwrap_or(0) + 1;
        s.block(
            Role::Verdict { good: true },
            // The number only: the explanation below starts with the
            // verdict ("This is a scam."), said once.
            tr!("group-the-answer", number = number),
        );
        s.block(Role::Narration, item.explain.clone());
        room_said(&mut s, &counts, |i| match CHECK_OPTIONS.get(i) {
            Some(a) if *a == answer => Some(tr("group-mark-answer")),
            Some(Answer::NotSure) => Some(tr("group-mark-careful")),
            _ => None,
        });
        let next = if play.index + 1 < play.items.len() {
            "group-cmd-next"
        } else {
            "group-cmd-the-result"
        };
        s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr(next)).default());
        scrolls(&mut s);
        s.command(back());
        s.command(group(
            GroupCmd::Skip,
            &[Key::Char('s')],
            "group-cmd-skip-check",
        ));
        common(&mut s, g);
        return s;
    }
    let mut s = Screen::new(tr("group-check-title"));
    s.short_answers = true;
    snippet(&mut s, item);
    s.block(Role::Question, tr("group-ask-room-check"));
    s.choose = Some(tr("group-cmd-reveal"));
    for (i, a) in CHECK_OPTIONS.iter().enumerate() {
        let keys: Vec<Key> = u8::try_from(i + 1)
            .ok()
            .map(Key::Digit)
            .into_iter()
            .collect();
        s.command(Command::new(Cmd::Choose(i), &keys, option_label(*a)));
    }
    asking(&mut s, g, &counts);
    if g.tally_entry.is_some() {
        counting(&mut s);
        return s;
    }
    if g.highlight {
        s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-reveal")).default());
    }
    s.command(group(GroupCmd::Hands, &[Key::Char('t')], "group-cmd-hands"));
    if play.index > 0 {
        s.command(back());
    } else {
        back_to_last(&mut s, g);
    }
    s.command(group(
        GroupCmd::Skip,
        &[Key::Char('s')],
        "group-cmd-skip-check",
    ));
    common(&mut s, g);
    s
}

fn finished(g: &GroupState) -> Screen {
    let mut s = Screen::new(tr("group-finished-title"));
    let done: Vec<&str> = g
        .plan
        .iter()
        .filter(|p| p.is_call() && p.status == ItemStatus::Done)
        .map(|p| p.title.as_str())
        .collect();
    s.block(Role::Heading, tr!("group-calls-done", n = done.len()));
    for t in done {
        s.block(Role::Note, t);
    }
    s.block(Role::Narration, tr("group-remember"));
    s.block(Role::Heading, tr("group-how-many"));
    // Being typed (the projector shows a cursor) until it is saved, and
    // again while it is corrected.
    let typing = g.correcting || !matches!(g.saved, Some(Saved::To(_)));
    s.block(
        Role::Count { typing },
        tr!("group-people", typed = g.attendees.as_str()),
    );
    s.block(Role::Note, tr("group-save-explain"));
    match &g.saved {
        // Typing again after saving: the new number, saved in place of the old.
        Some(Saved::To(_)) if g.correcting => {
            let was = g.saved_record.as_ref().map_or(0, |r| r.attendees);
            s.block(Role::Note, tr!("group-correcting", was = was));
            s.command(group(GroupCmd::Type, &[], "group-cmd-type-people"));
            if !g.attendees.is_empty() {
                s.command(
                    Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-save-change")).default(),
                );
            }
        }
        Some(Saved::To(p)) => {
            let path = crate::engine::text::sanitize(&p.display().to_string());
            s.block(
                Role::Verdict { good: true },
                tr!("group-saved-in", path = path),
            );
            s.command(group(GroupCmd::Type, &[], "group-cmd-correct-people"));
        }
        Some(Saved::Failed(e)) => {
            s.block(
                Role::Verdict { good: false },
                tr!("group-not-saved", why = crate::engine::text::sanitize(e)),
            );
            s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-try-again")).default());
        }
        None => {
            s.command(group(GroupCmd::Type, &[], "group-cmd-type-people"));
            if !g.attendees.is_empty() {
                s.command(Command::new(Cmd::GoOn, &[Key::Enter], tr("group-cmd-save")).default());
            }
        }
    }
    scrolls(&mut s);
    s.command(Command::new(Cmd::Quit, &[Key::Char('q')], W.stop).unsafe_());
    s
}

/// The screen the help card is open over (its keys go on the card).
fn beneath(g: &GroupState) -> Screen {
    if g.asking_skip {
        confirm_skip(g)
    } else {
        base(g)
    }
}

/// The help card: what to do, the numbers, and the keys of the screen
/// beneath, from its own commands (as practice's card).
fn help(library: &Library, region: &str, beneath: &Screen) -> Screen {
    let cat = &library.catalogue;
    let mut s = Screen::new(tr("group-help-title"));
    super::screens::advice_and_numbers(&mut s, cat, region);
    s.block(Role::Note, tr("group-practice-only"));
    s.block(Role::Heading, W.keys);
    s.block(Role::Keys, super::screens::key_list(beneath));
    s.command(Command::new(Cmd::Close, &[Key::Enter, Key::Esc], tr("group-cmd-close")).default());
    // A long card scrolls: the projector names Page Down while there is more.
    super::screens::scroll_cmds(&mut s);
    s
}

/// The stop question: practice's yes-or-no dialog (1 or Y: yes; 2, N or
/// Esc: no; Enter: the safe default, no).
fn confirm(g: &GroupState, overlay: Overlay) -> Screen {
    let mut s = enter_says_no(super::screens::confirm_dialog(
        &tr("group-stop-title"),
        &tr("group-stop-question"),
        W.yes_stop,
        &tr("group-no-go-on"),
    ));
    // Stopping keeps what was counted: the question says so.
    if overlay == Overlay::ConfirmQuit && g.stop_saves() {
        s.block(Role::Note, tr("group-stop-saves"));
    }
    s
}

/// A yes-or-no question's safe answer names Enter among its keys, so the
/// footer and speech say what Enter does ("2/Enter No, go on").
/// It is the highlighted answer too (the projector's marker), and no
/// hands are shown under Yes or No.
fn enter_says_no(mut s: Screen) -> Screen {
    for c in s.commands.iter_mut().filter(|c| c.default) {
        if !c.keys.contains(&Key::Enter) {
            c.keys.push(Key::Enter);
        }
    }
    let default = s.choices().position(|c| c.default);
    s.highlight = default;
    s
}

/// "Skip this call?" (or this quick check) after `s`: the shared yes-or-no
/// dialog (1 or Y: yes; 2, N or Esc: no; Enter: the safe default, no).
fn confirm_skip(g: &GroupState) -> Screen {
    let (title, question) = match g.stage {
        Stage::Check => ("group-skip-check-title", "group-skip-check-question"),
        _ => ("group-skip-call-title", "group-skip-call-question"),
    };
    enter_says_no(super::screens::confirm_dialog(
        &tr(title),
        &tr(question),
        &tr("group-yes-skip"),
        &tr("group-no-go-on"),
    ))
}

/// The volunteer's notes during the quick check (the room never sees them).
pub fn check_notes(g: &GroupState) -> Option<String> {
    let play = g.check.as_ref()?;
    let item = play.current();
    Some(tr(match (item.map(|i| i.answer), play.revealed) {
        (None, _) => "group-check-note-result",
        (Some(_), false) => "group-check-note-ask",
        (Some(crate::engine::Kind::Scam), true) => "group-check-note-scam",
        (Some(crate::engine::Kind::Genuine), true) => "group-check-note-genuine",
    }))
}
