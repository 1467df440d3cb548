//! Every learner-facing word of the screens that is not scenario data, in one
//! place. A translation (Welsh, through Fluent: see `crate::i18n` when it
//! lands) swaps this catalogue; nothing else needs to change.
//!
//! Sentences follow the house style: plain British English, a reading age
//! of about nine, at most 25 words, never blaming the learner.

/// The words of the screens.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    pub app_title: &'static str,
    pub choose: &'static str,
    pub list_title: &'static str,
    pub list_hint_keys: &'static str,
    pub list_hint_touch: &'static str,
    pub refused_genuine: &'static str,
    pub more_calls: &'static str,
    pub help: &'static str,
    pub stop: &'static str,
    pub go_on: &'static str,
    pub back_to_list: &'static str,
    pub another_call: &'static str,
    pub quick_questions: &'static str,
    pub back_one_step: &'static str,
    pub choose_again: &'static str,
    pub leave: &'static str,
    pub skip: &'static str,
    pub replay: &'static str,
    pub go_back: &'static str,
    pub more_below: &'static str,
    pub scroll_up: &'static str,
    pub ringing: &'static str,
    pub message_arrived: &'static str,
    pub knocking: &'static str,
    pub answer_phone: &'static str,
    pub read_message: &'static str,
    pub go_to_door: &'static str,
    pub caller_id_shows: &'static str,
    pub it_is_from: &'static str,
    pub they_say_they_are: &'static str,
    pub can_be_faked: &'static str,
    pub what_would_you_do: &'static str,
    pub your_choice: &'static str,
    pub your_answer: &'static str,
    pub you_chose: &'static str,
    pub safer: &'static str,
    pub risky: &'static str,
    pub trick: &'static str,
    pub call_ended: &'static str,
    pub what_happened: &'static str,
    pub what_to_do_scam: &'static str,
    pub what_to_do_genuine: &'static str,
    pub tricks_in_call: &'static str,
    pub replay_title: &'static str,
    pub what_you_did: &'static str,
    pub safer_way: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub quick_check_title: &'static str,
    pub quick_yes: &'static str,
    pub not_now: &'static str,
    pub scam_or_real: &'static str,
    pub a_scam: &'static str,
    pub a_real_call: &'static str,
    /// The careful quick-check answer: never marked wrong.
    pub not_sure: &'static str,
    pub check_done: &'static str,
    pub check_done_after: &'static str,
    pub to_the_calls: &'static str,
    pub help_title: &'static str,
    pub if_worried: &'static str,
    pub numbers_to_know: &'static str,
    pub keys: &'static str,
    pub touch_help: &'static str,
    pub close_card: &'static str,
    pub stop_question: &'static str,
    pub yes_stop: &'static str,
    pub leave_question: &'static str,
    pub yes_leave: &'static str,
    pub keep_going: &'static str,
    pub confirm_title: &'static str,
    pub touch_answer: &'static str,
    pub touch_button: &'static str,
    pub too_small: &'static str,
    pub plain_keys: &'static str,
    pub reading_hint: &'static str,
    pub reading_hint_short: &'static str,
    pub theme_hint: &'static str,
    pub typed_help: &'static str,
    pub leave_check_question: &'static str,
    pub yes_leave_check: &'static str,
    pub no_step_back: &'static str,
}

/// British English.
pub const WORDS: Words = Words {
    app_title: "hangup: practise spotting phone scams",
    choose: "Choose",
    list_title: "Choose a call to practise.",
    list_hint_keys: "Press its number, or use the arrow keys and Enter.",
    list_hint_touch: "Touch a call to start it.",
    refused_genuine: "Some calls are real. It is fine to check them by calling back on a number you trust.",
    more_calls: "More calls",
    help: "Help",
    stop: "Stop",
    go_on: "Go on",
    back_to_list: "Back to the list",
    another_call: "Another call",
    quick_questions: "Quick questions",
    back_one_step: "Back one step",
    choose_again: "Choose again",
    leave: "Leave",
    skip: "Skip",
    replay: "Replay",
    go_back: "Go back",
    more_below: "More below",
    scroll_up: "Back up",
    ringing: "Your phone is ringing.",
    message_arrived: "A text message has arrived.",
    knocking: "Someone is knocking at your door.",
    answer_phone: "Answer the phone",
    read_message: "Read the message",
    go_to_door: "Go to the door",
    caller_id_shows: "Caller ID shows",
    it_is_from: "It is from",
    they_say_they_are: "They say they are",
    can_be_faked: "Remember: the name and number on your screen can be faked. They do not prove who it is.",
    what_would_you_do: "What would you do?",
    your_choice: "Your choice.",
    your_answer: "Your answer.",
    you_chose: "You chose",
    safer: "Safer choice.",
    risky: "Risky choice.",
    trick: "Trick",
    call_ended: "The call has ended.",
    what_happened: "What happened:",
    what_to_do_scam: "What to do if this happens to you:",
    what_to_do_genuine: "How to check a call safely:",
    tricks_in_call: "Tricks in this call",
    replay_title: "Your path and the safer path.",
    what_you_did: "What you did:",
    safer_way: "The safer way:",
    yes: "Yes",
    no: "No",
    quick_check_title: "A quick check.",
    quick_yes: "Yes, start the check",
    not_now: "Not now",
    scam_or_real: "Is this a scam or a real call?",
    a_scam: "A scam",
    a_real_call: "A real call",
    not_sure: crate::engine::quick_check::NOT_SURE,
    check_done: "Quick check done.",
    check_done_after: "Quick check done: how you have changed.",
    to_the_calls: "Go to the practice calls",
    help_title: "Help.",
    if_worried: "If a call worries you:",
    numbers_to_know: "Numbers to know:",
    keys: "Keys on this screen:",
    touch_help: "Touch a block to choose it. Touch More below to read on.",
    close_card: "Close this card",
    stop_question: "Do you want to stop practising?",
    yes_stop: "Yes, stop",
    leave_question: "Do you want to leave this call and go back to the list?",
    yes_leave: "Yes, leave the call",
    keep_going: "No, keep going",
    confirm_title: "Are you sure?",
    touch_answer: "Touch an answer",
    touch_button: "Touch a button",
    too_small: "Please make the window bigger.",
    reading_hint: "Hard to read? Start hangup with --large for big letters, or --high-contrast for strong colours.",
    reading_hint_short: "Hard to read? Press ? for help.",
    theme_hint: "You can also use --theme light or --theme dark to match your screen.",
    typed_help: "For help, type a question mark.",
    plain_keys: "Type the number of your choice and press Enter. Type ? for help, r to hear it again, b to go back a step, or q to leave.",
    leave_check_question: "Do you want to stop these questions and go back to the list of calls?",
    yes_leave_check: "Yes, go to the list",
    no_step_back: "There is no step to go back to here.",
};

/// "Step 2."
pub fn step_title(n: usize) -> String {
    format!("Step {n}.")
}

/// "Quick question 1 of 3."
pub fn recall_title(n: usize, of: usize) -> String {
    format!("Quick question {n} of {of}.")
}

/// "Quick check, call 1 of 6."
pub fn check_title(n: usize, of: usize) -> String {
    format!("Quick check, call {n} of {of}.")
}

/// "Practice call: The bank's fraud team."
pub fn practice_call(title: &str) -> String {
    format!("Practice call: {}", sentence(title))
}

/// "Based on advice from Action Fraud."
pub fn based_on_advice(source: &str) -> String {
    format!("Based on advice from {source}.")
}

/// "You said yes. That is right." / "You said yes. The answer is no."
pub fn recall_verdict(said: bool, want: bool) -> String {
    let yn = |b: bool| if b { "yes" } else { "no" };
    if said == want {
        format!("You said {}. That is right.", yn(said))
    } else {
        format!("You said {}. The answer is {}.", yn(said), yn(want))
    }
}

/// "So far: 1 of 2 scams spotted." Only kinds of call already played are
/// counted: "0 of 0 real calls" is noise (read aloud or on screen).
pub fn so_far((spotted, scams): (usize, usize), (handled, genuine): (usize, usize)) -> String {
    let mut t = String::from("So far:");
    if scams > 0 {
        t.push_str(&format!(" {spotted} of {scams} scams spotted."));
    }
    if genuine > 0 {
        t.push_str(&format!(" {handled} of {genuine} real calls handled well."));
    }
    t
}

/// "Note: 2 files could not be used. x.toml: why"
pub fn skipped_files(count: usize, first: &str, reason: &str) -> String {
    if count == 1 {
        format!("Note: {first} could not be used: {reason}")
    } else {
        format!("Note: {count} files could not be used. The first is {first}: {reason}")
    }
}

/// `text` ending in a full stop (a title may have none), so a screen reader
/// pauses before the next line.
pub fn sentence(text: &str) -> String {
    let t = text.trim_end();
    if t.ends_with(['.', '!', '?']) {
        t.to_string()
    } else {
        format!("{t}.")
    }
}

/// The plain-mode prompt. It starts `Choose 1-N` (the plain-mode contract),
/// and names every other key in words, for screen readers and speech.
pub fn plain_prompt(n: usize, extra: &[(&str, &str)]) -> String {
    let mut t = format!("Choose 1-{n} and press Enter.");
    for (key, what) in extra {
        t.push_str(&format!(" To {what}, type {key}."));
    }
    t
}

/// "Please type a number from 1 to 3."
pub fn plain_wrong(n: usize) -> String {
    format!("Please type a number from 1 to {n}.")
}
