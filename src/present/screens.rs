//! The screen model of every practice screen, made from the flow's state.
//! Pure: the same state always gives the same [`Screen`].

use crate::engine::model::Medium;
use crate::engine::quick_check::Stage as CheckStage;
use crate::engine::{Kind, Outcome, Phase, Session, Verdict};
use crate::present::wording::outcome_words;

use super::flow::{Flow, Overlay, QuickScreen, Recall, Screen as At};
use super::model::{Cmd, Command, Key, Role, Screen};
use super::wording::{self, WORDS as W};

/// The screen the learner sees now: an overlay (help card, question) if one
/// is open, or else the screen beneath.
pub fn screen(flow: &Flow) -> Screen {
    shown_over(flow, base(flow))
}

/// [`screen`], for a front end that has the screen beneath already (made by
/// [`base`] from the same state): the model is built once a frame.
pub fn shown_over(flow: &Flow, base: Screen) -> Screen {
    if flow.overlay.is_none() {
        return base;
    }
    let mut s = match flow.overlay {
        None => base,
        Some(Overlay::Help) => help(flow, &base),
        Some(Overlay::ConfirmQuit) => confirm(W.stop_question, W.yes_stop),
        Some(Overlay::ConfirmLeave) => match flow.screen {
            // One call and no list (`hangup play ID --plain`): leaving ends it.
            At::Call { ref session, .. } if flow.one_call => {
                if session.script().medium == Medium::Call {
                    confirm(W.leave_question_end, W.yes_leave)
                } else {
                    confirm(W.leave_question_other_end, W.yes_stop)
                }
            }
            // Text messages and a knock at the door are not calls.
            At::Call { ref session, .. } if session.script().medium != Medium::Call => {
                confirm(W.leave_question_other, W.yes_leave_other)
            }
            At::Call { .. } => confirm(W.leave_question, W.yes_leave),
            _ => confirm(W.leave_check_question, W.yes_leave_check),
        },
    };
    say_again(flow, &mut s);
    numbers_whole(&mut s);
    s
}

/// Phone numbers never break across lines: non-breaking spaces inside
/// them, in every block, number and label (see `wording::keep_numbers_whole`).
fn numbers_whole(s: &mut Screen) {
    for b in &mut s.blocks {
        b.text = wording::keep_numbers_whole(&b.text);
        if let Role::Number { number } = &mut b.role {
            *number = wording::keep_numbers_whole(number);
        }
    }
    for c in &mut s.commands {
        c.label = wording::keep_numbers_whole(&c.label);
    }
}

/// With `--speak`, "s Hear it again" on every screen (by touch, a block
/// of its own: every screen is said as it comes, and a visitor may want it
/// again). Not while speech is off: it would do nothing.
fn say_again(flow: &Flow, s: &mut Screen) {
    if flow.speaking {
        s.command(
            Command::new(Cmd::SayAgain, &[Key::Char('s')], W.hear_again).short(W.hear_again_short),
        );
    }
}

/// "Speech is off: …" first on the screen where speech failed, for a
/// learner at their own computer (a kiosk logs it for its staff instead).
fn speech_off(flow: &Flow, s: &mut Screen) {
    if let Some(n) = &flow.speech_off
        && !flow.rules.mode.touch()
    {
        s.blocks
            .insert(0, super::model::Block::new(Role::Note, n.clone()));
    }
}

fn help_cmd() -> Command {
    Command::new(Cmd::Help, &[Key::Char('?')], W.help)
}

/// "Cymraeg / English" on the list: the keys that switch to the other
/// language (`c` or `w` for Cymraeg, `e` for English, as on the kiosk's
/// invitation).
fn language_cmd() -> Command {
    let keys: &[Key] = match super::flow::other_language() {
        crate::i18n::Language::Cy => &[Key::Char('c'), Key::Char('w')],
        _ => &[Key::Char('e')],
    };
    Command::new(Cmd::Language, keys, crate::i18n::tr("language-choice"))
}

/// [`language_cmd`], named for touch (kiosk) by the language it goes to,
/// in its own words ("English" on a Welsh screen, "Cymraeg" on an English
/// one), as on the invitation: a visitor who chose the wrong one looks for
/// their own, and the block fits beside Help at 40x12.
fn language_cmd_for(flow: &Flow) -> Command {
    let mut c = language_cmd();
    if flow.rules.mode.touch() {
        c.label = super::flow::other_language().own_name();
    }
    c
}

/// Page Down ("More below") and Page Up ("More above"): a front end shows
/// "More below" only while there is more below, and never names Page Up in a
/// footer (see [`Screen::footer`]). The group help card has them too.
pub(super) fn scroll_cmds(s: &mut Screen) {
    s.command(Command::new(
        Cmd::ScrollDown,
        &[Key::PageDown],
        W.more_below,
    ));
    s.command(Command::new(Cmd::ScrollUp, &[Key::PageUp], W.scroll_up));
}

/// The screen beneath any overlay.
pub fn base(flow: &Flow) -> Screen {
    let mut s = base_screen(flow);
    // The highlight: on the list, always; among answers, once the learner
    // has moved it (see `Flow::highlighted`).
    s.highlight = match flow.screen {
        At::Start => Some(flow.selected),
        _ if flow.highlighted => Some(flow.selected),
        _ => None,
    }
    .filter(|&i| s.find(Cmd::Choose(i)).is_some());
    speech_off(flow, &mut s);
    say_again(flow, &mut s);
    numbers_whole(&mut s);
    s
}

fn base_screen(flow: &Flow) -> Screen {
    match &flow.screen {
        At::Start => start(flow),
        At::Call { session, replay } => {
            if *replay {
                replay_screen(session)
            } else {
                call(flow, session)
            }
        }
        At::Recall(r) => recall(r),
        At::Quick(q) => {
            let mut s = quick(q, flow.speaking);
            // The offer can be the first screen: the language choice is there too.
            if matches!(**q, QuickScreen::Offer(_)) && flow.rules.mode.switches_language() {
                s.command(language_cmd_for(flow));
            }
            s
        }
    }
}

fn start(flow: &Flow) -> Screen {
    let mut s = Screen::new(W.list_title);
    s.touch_hint = Some(W.list_hint_touch.to_string());
    // How to choose, as the screen shows it under the title (plain mode
    // says it its own way, and leaves this out).
    s.block(
        Role::Note,
        if flow.rules.mode.touch() {
            W.list_hint_touch
        } else {
            W.list_hint_keys
        },
    );
    // In Welsh not every call is there yet: say so, and how to see them all
    // (the list's "Cymraeg / English").
    if flow.rules.mode.switches_language()
        && crate::engine::Library::builtin_untranslated(crate::i18n::current()) > 0
    {
        s.block(Role::Note, W.only_some_calls);
    }
    let (scams, genuine) = flow.score();
    if scams.1 + genuine.1 > 0 {
        s.block(Role::Note, wording::so_far(scams, genuine));
    }
    if flow.refused_every_genuine_call() {
        s.block(Role::Note, W.refused_genuine);
    }
    for h in &flow.practice.head {
        s.block(Role::Note, h.clone());
    }
    if let Some(n) = &flow.practice.notice {
        s.block(Role::Note, n.clone());
    }
    // Files that could not be used are for the learner at their own
    // computer (who added them); a kiosk's visitors never see them: the
    // kiosk writes them to its error output, for whoever looks after it.
    if let Some(first) = flow.library.skipped.first()
        && !flow.rules.mode.touch()
    {
        s.block(
            Role::Note,
            wording::skipped_files(flow.library.skipped.len(), &first.path, &first.reason),
        );
    }
    // The calls on the page shown, each with the number that chooses it
    // (1 to 9; plain mode's one page numbers on past 9). The screen, speech
    // and plain mode all name these numbers, and no others.
    let labels = list_labels(flow);
    let range = flow.page_range();
    for (n, i) in range.enumerate() {
        let Some(label) = labels.get(i) else {
            break;
        };
        let key = match u8::try_from(n + 1) {
            Ok(d) if d <= 9 => Key::Digit(d),
            _ => Key::Typed(u16::try_from(n + 1).unwrap_or(u16::MAX)),
        };
        s.command(Command::new(Cmd::Choose(i), &[key], label.clone()));
    }
    let (page, pages) = flow.page_number();
    if pages > 1 {
        s.page = Some((page + 1, pages));
        // On the last page it goes back to the first, and says so.
        s.command(if page + 1 == pages {
            Command::new(Cmd::More, &[Key::Digit(0)], W.first_calls).short(W.first_short)
        } else {
            Command::new(Cmd::More, &[Key::Digit(0)], W.more_calls).short(W.more_short)
        });
    }
    if page > 0 {
        s.command(Command::new(
            Cmd::Previous,
            &[Key::Char('p')],
            W.previous_calls,
        ));
    }
    let touch = flow.rules.mode.touch();
    if flow.rules.mode.switches_language() && !touch {
        s.command(language_cmd());
    }
    s.command(help_cmd());
    // By touch after Help: where the bar is short of room (40x12, after the
    // first page) Help keeps its block.
    if flow.rules.mode.switches_language() && touch {
        s.command(language_cmd_for(flow));
    }
    if flow.rules.mode.can_quit() {
        // Under the list: what to do if the screen is hard to read.
        s.block(Role::Note, W.reading_hint);
        s.command(Command::new(Cmd::Quit, &[Key::Char('q')], W.stop).unsafe_());
    }
    s
}

/// Every call of the list as it is labelled there ("New: …", "Due: …", in
/// words, never by colour alone), in order: a front end lays the pages out
/// from these.
pub fn list_labels(flow: &Flow) -> Vec<String> {
    flow.library
        .scenarios
        .iter()
        .map(|sc| {
            let mark = flow
                .practice
                .mark_word(sc.id.get_ref())
                .map_or_else(String::new, |w| format!("{w}: "));
            let title = crate::engine::text::sanitize(sc.title.get_ref());
            format!("{mark}{title}")
        })
        .collect()
}

fn call(flow: &Flow, session: &Session) -> Screen {
    let script = session.script();
    match session.phase() {
        Phase::Incoming => incoming(session),
        Phase::Deciding { step } => deciding(session, step),
        Phase::Feedback { .. } => feedback(session),
        Phase::Ended { .. } => {
            let mut s = ending(
                session,
                flow.practice.today.map(crate::progress::booster_line),
            );
            let next = if flow.rules.mode.recall_check() && !script.recall.is_empty() {
                W.quick_questions
            } else if flow.rules.mode.touch() {
                W.another_call
            } else {
                W.back_to_list
            };
            // Shorter where the row is short of room (a 40-column footer,
            // the kiosk's bar at 40x12): "Go on" ("Back" to the list).
            let short = if next == W.back_to_list {
                W.back_short
            } else {
                W.go_on
            };
            s.command(
                Command::new(Cmd::GoOn, &[Key::Digit(1)], next)
                    .default()
                    .short(short),
            );
            if offers_safer_way(session) {
                s.command(Command::new(Cmd::Replay, &[Key::Char('r')], W.replay));
            }
            s.command(help_cmd());
            scroll_cmds(&mut s);
            s
        }
    }
}

/// The phone ringing (or a message, or a knock): who it says it is.
pub fn incoming(session: &Session) -> Screen {
    let sc = session.script();
    // Each button with its short form for a narrow footer ("Enter Answer").
    let (title, from, button, short) = match sc.medium {
        Medium::Call => (
            W.ringing,
            W.caller_id_shows,
            W.answer_phone,
            W.answer_phone_short,
        ),
        Medium::Message => (
            W.message_arrived,
            W.it_is_from,
            W.read_message,
            W.read_message_short,
        ),
        Medium::Visit => (W.knocking, "", W.go_to_door, W.go_to_door),
    };
    let mut s = Screen::new(title);
    s.topic = Some(sc.title.clone());
    s.block(Role::Narration, wording::practice_call(&sc.title));
    // At the door there is no caller ID to show.
    if sc.medium != Medium::Visit {
        s.block(
            Role::Number {
                number: sc.caller_number.clone(),
            },
            format!("{from}: {}", sc.caller_number),
        );
    }
    s.block(
        Role::Narration,
        wording::who_they_say(&sc.caller_name, &sc.caller_organisation),
    );
    if sc.medium != Medium::Visit {
        s.block(Role::Note, W.can_be_faked);
    }
    s.command(
        Command::new(Cmd::GoOn, &[Key::Digit(1)], button)
            .default()
            .short(short),
    );
    s.command(Command::new(Cmd::Back, &[Key::Esc], W.back_to_list).short(W.back_short));
    s.command(help_cmd());
    s
}

/// A decision: the step's lines, each in its role, then the choices.
pub fn deciding(session: &Session, step: usize) -> Screen {
    let sc = session.script();
    let st = session.step(step);
    // Counted as reached: calls branch, so the number left is not known.
    let mut s = Screen::new(wording::step_title(session.path().len() + 1));
    s.topic = Some(sc.title.clone());
    // A time jump ("The next day, 1pm.") is marked: a heading of its own.
    // It is always the step's first line.
    let time = st
        .time
        .as_ref()
        .filter(|t| st.lines.first().is_some_and(|l| &&l.text == t));
    if let Some(t) = time {
        s.block(Role::Heading, t.clone());
    }
    if st.has_roles() {
        // A step written with several lines: each in its own role.
        use crate::engine::script::Role as Line;
        for l in &st.lines[usize::from(time.is_some())..] {
            let role = match l.role {
                Line::Narration => Role::Scene,
                Line::Speech => Role::Speech { who: l.who.clone() },
                Line::Thought => Role::Thought,
                Line::Message => Role::Message,
            };
            s.block(role, l.text.clone());
        }
    } else {
        let scene = st.scene.as_deref().map(|sc| match time {
            Some(t) => sc.strip_prefix(t.as_str()).unwrap_or(sc).trim_start(),
            None => sc,
        });
        if let Some(scene) = scene.filter(|sc| !sc.is_empty()) {
            s.block(Role::Scene, scene.to_string());
        }
        match st.says_role() {
            crate::engine::script::Role::Message => s.block(Role::Message, st.says.clone()),
            _ => s.block(
                Role::Speech {
                    who: st.who.clone(),
                },
                st.says.clone(),
            ),
        }
    }
    s.block(Role::Question, W.what_would_you_do);
    for (i, c) in st.choices.iter().enumerate() {
        let keys: Vec<Key> = u8::try_from(i + 1)
            .ok()
            .filter(|d| *d <= 9)
            .map(Key::Digit)
            .into_iter()
            .collect();
        s.command(Command::new(Cmd::Choose(i), &keys, c.text.clone()));
    }
    if !session.path().is_empty() {
        s.command(Command::new(
            Cmd::StepBack,
            &[Key::Char('b')],
            W.back_one_step,
        ));
    }
    s.command(Command::new(Cmd::Leave, &[Key::Esc], W.leave).unsafe_());
    s.command(help_cmd());
    s
}

/// What the choice just made means: the verdict, the feedback, the tricks.
pub fn feedback(session: &Session) -> Screen {
    let mut s = Screen::new(W.your_choice);
    s.topic = Some(session.script().title.clone());
    let Some(c) = session.current_choice() else {
        return s;
    };
    s.block(Role::Note, format!("{}: {}", W.you_chose, c.text));
    match c.verdict {
        Verdict::Safer => s.block(Role::Verdict { good: true }, W.safer),
        Verdict::Risky => s.block(Role::Verdict { good: false }, W.risky),
        Verdict::Neutral => {}
    }
    s.block(Role::Narration, c.feedback.clone());
    // A trick's definition the first time it comes up in a call; after
    // that just its name (the help card and the ending keep the rest).
    let earlier = &session.path()[..session.path().len().saturating_sub(1)];
    let script = session.script();
    for t in &c.tricks {
        let seen = earlier.iter().any(|p| {
            script.steps[p.step].choices[p.choice]
                .tricks
                .iter()
                .any(|o| o.id == t.id)
        });
        let text = if seen {
            format!("{}: {}.", W.trick, t.name.trim_end_matches('.'))
        } else {
            format!(
                "{}: {}. {}",
                W.trick,
                t.name.trim_end_matches('.'),
                t.explain
            )
        };
        s.block(
            Role::Trick {
                name: t.name.clone(),
            },
            text,
        );
    }
    // Enter only: a digit pressed twice must not skip the feedback (see tui::guard).
    s.command(Command::new(Cmd::GoOn, &[], W.go_on).default());
    // "Choose again" only after a risky choice: offered after a safer (or
    // a neutral) one it would suggest that choice was wrong.
    if may_choose_again(c) {
        s.command(Command::new(
            Cmd::StepBack,
            &[Key::Esc, Key::Char('b')],
            W.choose_again,
        ));
    }
    s.command(help_cmd());
    scroll_cmds(&mut s);
    s
}

/// Whether the feedback on `choice` offers "Choose again": only a risky
/// choice does (the flow takes Esc and `b` there only then too).
pub fn may_choose_again(choice: &crate::engine::script::ScriptChoice) -> bool {
    choice.verdict == Verdict::Risky
}

/// Whether the ending offers "Safer way" (the replay of the learner's path
/// beside the safer one): only when there was a safer way, that is when
/// some choice left the safe path. After a call safe all the way there is
/// nothing to show, so it is not offered (its key does nothing then).
/// The one place this rule is written: the ending's commands and the
/// flow's `update` both ask here.
pub fn offers_safer_way(session: &Session) -> bool {
    session.departs().is_some()
}

/// A call's ending, with `booster` (when to practise again). No commands:
/// what comes next depends on the mode.
pub fn ending(session: &Session, booster: Option<String>) -> Screen {
    let sc = session.script();
    let mut s = Screen::new(match sc.medium {
        Medium::Call => W.call_ended,
        Medium::Message => W.message_ended,
        Medium::Visit => W.visit_ended,
    });
    s.topic = Some(sc.title.clone());
    let Some(e) = session.ending() else {
        return s;
    };
    s.block(
        Role::Verdict {
            good: e.outcome == Outcome::Safe,
        },
        outcome_words(sc.kind, e.outcome),
    );
    s.block(Role::Heading, wording::ending_headline(&e.title));
    s.block(Role::Heading, W.what_happened);
    for h in &e.happened {
        s.block(Role::Narration, h.clone());
    }
    s.block(
        Role::Heading,
        match sc.kind {
            Kind::Scam => W.what_to_do_scam,
            Kind::Genuine => W.what_to_do_genuine,
        },
    );
    for (i, a) in e.action.iter().enumerate() {
        s.block(Role::Advice { number: i + 1 }, a.clone());
    }
    let tricks: Vec<&str> = session
        .tricks_met()
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    if !tricks.is_empty() {
        s.block(
            Role::Trick {
                name: String::new(),
            },
            format!("{}: {}.", W.tricks_in_call, tricks.join(", ")),
        );
    }
    if let Some(b) = booster {
        s.block(Role::Heading, b);
    }
    s.block(Role::Note, wording::source_line(sc.kind, &sc.source));
    s
}

fn replay_screen(session: &Session) -> Screen {
    let mut s = Screen::new(W.replay_title);
    s.topic = Some(session.script().title.clone());
    let r = wording::replay(session);
    // Where the safer way leaves your path.
    if let Some(summary) = &r.summary {
        s.block(Role::Narration, summary.clone());
    }
    s.block(Role::Heading, W.what_you_did);
    for (i, l) in r.yours.iter().enumerate() {
        s.block(Role::Advice { number: i + 1 }, l.clone());
    }
    // A run that was safe all the way has no second column.
    if r.departs.is_some() {
        s.block(Role::Heading, W.safer_way);
        for (i, l) in r.safe.iter().enumerate() {
            s.block(Role::Advice { number: i + 1 }, l.clone());
        }
    }
    s.command(Command::new(Cmd::GoOn, &[Key::Esc, Key::Char('r')], W.go_back).default());
    s.command(help_cmd());
    scroll_cmds(&mut s);
    s
}

fn recall(r: &Recall) -> Screen {
    let title = match r.answered {
        None => wording::recall_title(r.index + 1, r.questions.len()),
        Some(_) => W.your_answer.to_string(),
    };
    let mut s = Screen::new(title);
    s.topic = Some(r.title.clone());
    s.short_answers = true;
    let Some(q) = r.current() else {
        return s;
    };
    match r.answered {
        None => {
            s.block(Role::Question, q.question.clone());
            s.command(Command::new(Cmd::Choose(0), &[Key::Digit(1)], W.yes));
            s.command(Command::new(Cmd::Choose(1), &[Key::Digit(2)], W.no));
        }
        Some(said) => {
            s.block(
                Role::Verdict {
                    good: said == q.answer,
                },
                wording::recall_verdict(said, q.answer),
            );
            // "You said yes. The answer is no." says the verdict already:
            // an explanation that starts "No." goes on from its next sentence.
            s.block(Role::Narration, without_yes_no(&q.explain).to_string());
            s.command(Command::new(Cmd::GoOn, &[Key::Digit(1)], W.go_on).default());
        }
    }
    if r.answered.is_none() && !r.earlier.is_empty() {
        s.command(Command::new(
            Cmd::StepBack,
            &[Key::Char('b')],
            W.back_one_step,
        ));
    }
    s.command(Command::new(Cmd::Back, &[Key::Esc], W.skip));
    s.command(help_cmd());
    s
}

/// `explain` without a first sentence that is only "Yes." or "No.".
fn without_yes_no(explain: &str) -> &str {
    let t = explain.trim_start();
    for word in [W.yes, W.no] {
        if let Some(rest) = t.strip_prefix(word).and_then(|r| r.strip_prefix(". "))
            && !rest.trim().is_empty()
        {
            return rest.trim_start();
        }
    }
    explain
}

/// `aloud`: speech is on (the offer says how long it takes read aloud).
fn quick(q: &QuickScreen, aloud: bool) -> Screen {
    let mut s = quick_screen(q, aloud);
    s.short_answers = true;
    s
}

fn quick_screen(q: &QuickScreen, aloud: bool) -> Screen {
    match q {
        QuickScreen::Offer(stage) => {
            let mut s = Screen::new(W.quick_check_title);
            s.block(Role::Narration, wording::check_offer(*stage, aloud));
            s.command(Command::new(Cmd::Choose(0), &[Key::Digit(1)], W.quick_yes));
            s.command(Command::new(Cmd::Choose(1), &[Key::Digit(2)], W.not_now));
            s.command(help_cmd());
            s
        }
        QuickScreen::Questions(run) => {
            let n = run.items.len();
            let progress = wording::check_title((run.index + 1).min(n), n);
            let mut s = Screen::new(match run.answered {
                None => progress.clone(),
                Some(_) => W.your_answer.to_string(),
            });
            s.topic = Some(progress.trim_end_matches('.').to_string());
            let Some(item) = run.current() else {
                return s;
            };
            if let Some(said) = run.answered {
                s.block(
                    Role::Verdict {
                        good: said.is_right(item),
                    },
                    wording::check_answer(said, item),
                );
                s.block(Role::Narration, item.explain.clone());
                s.command(Command::new(Cmd::GoOn, &[Key::Digit(1)], W.go_on).default());
            } else {
                s.block(
                    Role::Number {
                        number: item.from.clone(),
                    },
                    wording::quick_scene(item),
                );
                s.block(Role::Narration, item.who.clone());
                match item.medium {
                    Medium::Message => s.block(Role::Message, item.says.clone()),
                    _ => s.block(Role::Speech { who: String::new() }, item.says.clone()),
                }
                s.block(Role::Question, W.scam_or_real);
                s.command(Command::new(Cmd::Choose(0), &[Key::Digit(1)], W.a_scam));
                s.command(Command::new(
                    Cmd::Choose(1),
                    &[Key::Digit(2)],
                    W.a_real_call,
                ));
                s.command(Command::new(Cmd::Choose(2), &[Key::Digit(3)], W.not_sure));
                if run.can_go_back() {
                    s.command(Command::new(
                        Cmd::StepBack,
                        &[Key::Char('b')],
                        W.back_one_step,
                    ));
                }
            }
            s.command(Command::new(Cmd::Back, &[Key::Esc], W.skip));
            s.command(help_cmd());
            s
        }
        QuickScreen::Result {
            stage,
            lines,
            source,
        } => {
            let mut s = Screen::new(match stage {
                CheckStage::Before => W.check_done,
                CheckStage::After => W.check_done_after,
            });
            for l in lines {
                s.block(Role::Narration, l.clone());
            }
            s.block(Role::Note, wording::based_on_advice(source));
            s.command(
                Command::new(Cmd::GoOn, &[Key::Digit(1)], W.to_the_calls)
                    .default()
                    .short(W.go_on),
            );
            s.command(help_cmd());
            s
        }
    }
}

/// The help card: what to do, the numbers, and the keys of the screen
/// beneath, from its own commands.
/// The help card's core: the right action step by step, then "Numbers to
/// know" for `region` (shared by the practice and group help cards).
pub(crate) fn advice_and_numbers(s: &mut Screen, cat: &crate::engine::Catalogue, region: &str) {
    for (i, a) in cat.core_action(region).iter().enumerate() {
        s.block(Role::Advice { number: i + 1 }, a.clone());
    }
    s.block(Role::Heading, W.numbers_to_know);
    for n in cat.numbers(region) {
        s.block(
            Role::Number {
                number: n.number.clone(),
            },
            format!("{}: {}", n.number, n.what),
        );
    }
}

fn help(flow: &Flow, beneath: &Screen) -> Screen {
    let cat = &flow.library.catalogue;
    let region = &flow.rules.region;
    let mut s = Screen::new(W.help_title);
    s.block(Role::Heading, W.if_worried);
    advice_and_numbers(&mut s, cat, region);
    if flow.rules.mode.touch() {
        s.block(Role::Note, W.touch_help);
        // Its last line, shown and said (by keys, the footer and the
        // "Close this card" command say how to close it).
        s.block(Role::Heading, W.touch_to_close);
    } else {
        s.block(Role::Heading, W.keys);
        s.block(Role::Keys, key_list(beneath));
    }
    if flow.rules.mode.can_quit() {
        s.block(Role::Note, W.reading_hint);
        s.block(Role::Note, W.theme_hint);
    }
    s.command(Command::new(Cmd::Close, &[Key::Esc, Key::Char('?')], W.close_card).default());
    scroll_cmds(&mut s);
    s
}

/// "1-3: Choose. Esc: Leave. ?: Help." from a screen's commands.
pub fn key_list(screen: &Screen) -> String {
    let or = format!(" {} ", W.key_or);
    let mut parts: Vec<String> = Vec::new();
    let n = screen
        .choices()
        .filter(|c| c.keys.iter().any(|k| matches!(k, Key::Digit(_))))
        .count();
    if n > 0 {
        // The screen's own verb where it has one ("1-3: Reveal." in a group).
        let verb = screen.choose.as_deref().unwrap_or(W.choose);
        parts.push(format!("1-{}: {verb}.", n.min(9)));
    }
    for c in screen.others() {
        let keys: Vec<String> = c.keys.iter().map(|k| k.name()).collect();
        if !keys.is_empty() {
            parts.push(format!("{}: {}.", keys.join(&or), c.label));
        }
    }
    parts.join(" ")
}

/// A yes-or-no question. 1 or Y: yes. 2, N or Esc: no. Enter: the safe
/// default, no.
fn confirm(question: &str, yes: &str) -> Screen {
    confirm_dialog(W.confirm_title, question, yes, W.keep_going)
}

/// A yes-or-no dialog (practice's and group's): 1 or Y says yes; 2, N or Esc
/// says no; Enter is the safe default, no.
pub fn confirm_dialog(title: &str, question: &str, yes: &str, no: &str) -> Screen {
    let mut s = Screen::new(title);
    s.short_answers = true;
    s.block(Role::Question, question);
    s.command(Command::new(Cmd::Choose(0), &[Key::Digit(1), Key::Char('y')], yes).unsafe_());
    s.command(
        Command::new(
            Cmd::Choose(1),
            &[Key::Digit(2), Key::Char('n'), Key::Esc],
            no,
        )
        .default(),
    );
    s
}
