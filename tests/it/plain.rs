//! The real binary in plain mode, driven with piped input: the transcript is
//! plain text (no escape sequences), follows the documented contract, and the
//! program exits cleanly at the end of the call or of the input.

use crate::harness::{FIXTURES, plain_tiny};
use crate::{common, harness};

fn run(args: &[&str], input: &str) -> (String, String, i32) {
    let data = tempfile::tempdir().expect("temp dir");
    common::run_binary(args, &[("HANGUP_DATA_DIR", data.path().as_os_str())], input)
}

#[test]
fn plays_a_whole_call_and_exits_zero() {
    let (out, err, code) = run(&plain_tiny("1", &[]), "2\n1\n1\n1\n");
    assert_eq!(code, 0, "stderr: {err}");
    assert!(!out.contains('\u{1b}'), "no escape sequences: {out:?}");
    assert!(out.contains("Choose 1-2"), "{out}");
    assert!(out.contains("  1) "), "{out}");
    assert!(out.contains("The call has ended."), "{out}");
    assert!(out.contains("What to do if this happens to you:"), "{out}");
    // The ending is the last thing printed.
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on a warning from"), "{last}");
}

#[test]
fn wrong_input_asks_again_and_end_of_input_exits_cleanly() {
    let (out, _, code) = run(&plain_tiny("1", &[]), "banana\n7\n");
    assert_eq!(code, 0);
    assert_eq!(
        out.matches("Please type a number from 1 to 2.").count(),
        2,
        "{out}"
    );
    assert_eq!(out.matches("Choose 1-2").count(), 3, "{out}");
    assert!(!out.contains("The call has ended."));
}

#[test]
fn same_seed_gives_the_same_transcript() {
    let args = plain_tiny("5", &[]);
    let a = run(&args, "1\n1\n1\n");
    let b = run(&args, "1\n1\n1\n");
    assert_eq!(a.0, b.0);
}

#[test]
fn help_and_repeat_at_the_prompt() {
    let (out, _, _) = run(&plain_tiny("1", &[]), "?\nr\n");
    assert!(
        out.contains("0300 123 2040"),
        "help card shows numbers: {out}"
    );
    let said = out.lines().filter(|l| l.contains(" says: ")).count();
    assert_eq!(said, 2, "r repeats the caller's words: {out}");
}

#[test]
fn start_menu_in_plain_mode_plays_and_quits() {
    let (out, _, code) = run(&["--scenarios", FIXTURES, "--seed", "1"], "2\nq\n");
    assert_eq!(code, 0);
    assert!(out.contains("Screen: Choose a call to practise."), "{out}");
    assert!(out.contains("A tiny test call"));
}

#[test]
fn unknown_scenario_is_a_plain_error() {
    let (_, err, code) = run(&["play", "no-such-call", "--plain"], "");
    assert_eq!(code, 1);
    assert!(err.contains("there is no practice call called"), "{err}");
    assert!(!err.contains("panicked"));
}

#[test]
fn list_starts_each_line_with_the_id_and_json_is_json() {
    let (out, _, code) = run(&["--scenarios", FIXTURES, "list"], "");
    assert_eq!(code, 0);
    assert!(out.lines().any(|l| l.starts_with("tiny ")), "{out}");
    let (json, _, code) = run(&["--scenarios", FIXTURES, "list", "--json"], "");
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    let tiny = v
        .as_array()
        .expect("array")
        .iter()
        .find(|e| e["id"] == "tiny")
        .expect("tiny listed");
    assert_eq!(tiny["kind"], "scam");
    assert!(
        tiny["source"]
            .as_str()
            .unwrap_or_default()
            .contains("Test Police")
    );
}

#[test]
fn broken_file_is_skipped_with_a_note_and_good_ones_still_load() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        format!("{FIXTURES}/tiny.toml"),
        dir.path().join("tiny.toml"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("broken.toml"), "id = \"x\"\ntitle = \n").expect("write");
    let d = dir.path().to_string_lossy().to_string();
    let (out, _, code) = run(&["--scenarios", &d, "--plain"], "2\nq\n");
    assert_eq!(code, 0);
    assert!(out.contains("A tiny test call"), "{out}");
    assert!(out.contains("broken.toml could not be used"), "{out}");
}

#[test]
fn issue_example_police_courier_plays_to_an_ending() {
    let (out, err, code) = run(
        &["play", "police-courier", "--plain", "--seed", "1"],
        "1\n1\n1\n1\n1\n1\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("The call has ended."), "{out}");
    assert!(!out.bytes().any(|b| b == 0x1b));
    assert!(!out.contains('┌') && !out.contains('│'), "no box drawing");
}

#[test]
fn seeds_repeat_exactly_and_differ_from_each_other() {
    let input = "1\n1\n1\n1\n1\n1\n1\n1\n";
    let mut differ = 0;
    for id in [
        "police-courier",
        "amazon-refund",
        "bank-safe-account",
        "hmrc-tax",
    ] {
        let a = run(&["play", id, "--plain", "--seed", "11"], input).0;
        let b = run(&["play", id, "--plain", "--seed", "11"], input).0;
        assert_eq!(a, b, "{id}: same seed, same transcript");
        let c = run(&["play", id, "--plain", "--seed", "12"], input).0;
        if a != c {
            differ += 1;
        }
    }
    assert!(differ >= 3, "different seeds should change most runs");
}

#[test]
fn scotland_region_uses_police_scotland() {
    let (out, _, code) = run(
        &[
            "play",
            "police-courier",
            "--plain",
            "--seed",
            "1",
            "--region",
            "scotland",
        ],
        "?\n",
    );
    assert_eq!(code, 0);
    assert!(out.contains("Police Scotland"), "{out}");
    assert!(
        !out.contains("0300 123 2040"),
        "Scotland reports to Police Scotland: {out}"
    );
    let (_, err, code) = run(
        &["play", "police-courier", "--plain", "--region", "mars"],
        "",
    );
    assert_eq!(code, 2, "a usage mistake");
    assert!(
        err.contains("mars") && err.contains("ewni, scotland"),
        "{err}"
    );
}

#[test]
fn a_real_call_cites_advice_not_a_warning() {
    let (out, _, code) = run(
        &["play", "gp-appointment", "--plain", "--seed", "3"],
        "1\n2\n3\n",
    );
    assert_eq!(code, 0);
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on advice from"), "{last}");
    assert!(out.contains("How to check a call safely:"), "{out}");
}

// ------------------------------------------------------------ screen titles

/// The title lines of a transcript, each checked to follow one blank line.
fn titles(out: &str) -> Vec<String> {
    let lines: Vec<&str> = out.lines().collect();
    let mut v = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if let Some(t) = l.strip_prefix("Screen: ") {
            assert!(
                i > 0 && lines[i - 1].is_empty(),
                "a title follows one blank line: {l:?} in\n{out}"
            );
            assert!(
                i < 2 || !lines[i - 2].is_empty(),
                "only one blank line before {l:?}"
            );
            v.push(t.to_string());
        }
    }
    v
}

#[test]
fn every_screen_is_announced_by_a_title_after_a_blank_line() {
    let (out, err, code) = run(&plain_tiny("1", &[]), "?\n2\nr\n1\n");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        titles(&out),
        [
            "Your phone is ringing.",
            "Step 1.",
            "Help.",
            // After the help card, the choices again under their own title.
            "Step 1.",
            "Your choice.",
            "Step 2.",
            // r: the whole screen again, title first.
            "Step 2.",
            "Your choice.",
            "The call has ended.",
        ],
        "{out}"
    );
    // The contract still holds: the ending, with its source line, is last.
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on a warning from"), "{last}");

    // The list, the quick questions and the list again. The data folder is
    // new, so the call from the list is the same one as above.
    let (first, _, _) = run(&["--scenarios", FIXTURES, "--seed", "1"], "2\nq\n");
    let n = number_of(&first, "A tiny test call");
    let (out, err, code) = run(
        &["--scenarios", FIXTURES, "--seed", "1"],
        &format!("2\n{n}\n2\n1\n2\nq\n"),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        titles(&out),
        [
            "A quick check.",
            "Choose a call to practise.",
            "Your phone is ringing.",
            "Step 1.",
            "Your choice.",
            "Step 2.",
            "Your choice.",
            "The call has ended.",
            "Quick question 1 of 1.",
            "Your answer.",
            "Choose a call to practise.",
            // q at the list asks first.
            "Are you sure?",
        ],
        "{out}"
    );
}

/// The number a call has in the plain list.
fn number_of(menu: &str, title: &str) -> String {
    let line = menu
        .lines()
        .find(|l| l.contains(title))
        .unwrap_or_else(|| panic!("{title} listed in:\n{menu}"));
    line.trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect()
}

// ------------------------------------------------------------ no decoration

/// Arrows, box drawing, geometric shapes, dingbats, bullets, escapes.
fn decorative(c: char) -> bool {
    matches!(
        u32::from(c),
        0x2190..=0x21FF | 0x2500..=0x257F | 0x25A0..=0x25FF | 0x2700..=0x27BF
    ) || matches!(c, '•' | '·' | '\u{1b}')
}

/// Every line starts with a letter, a digit or a quote (so never with a
/// bullet, dash, arrow or star), and no line holds a decorative symbol.
fn assert_undecorated(out: &str) {
    for line in out.lines() {
        let t = line.trim_start();
        if let Some(c) = t.chars().next() {
            assert!(
                c.is_alphanumeric() || c == '"' || c == '£',
                "a line starts with {c:?}: {line:?}"
            );
        }
        if let Some(c) = line.chars().find(|&c| decorative(c)) {
            panic!("{c:?} ({:04X}) in {line:?}", u32::from(c));
        }
    }
}

/// Answers that walk every step and every choice of `script` at least once
/// (and reach every ending), one input per walk.
fn walks(script: &hangup::engine::Script) -> Vec<Vec<usize>> {
    use hangup::engine::{Phase, Session};
    let mut first = Session::new(script.clone());
    first.answer();
    let mut stack = vec![(first, Vec::new())];
    let mut seen = std::collections::HashSet::new();
    let mut done = Vec::new();
    while let Some((s, path)) = stack.pop() {
        assert!(path.len() < 100, "the walk ends");
        match s.phase() {
            Phase::Deciding { step } => {
                // A step seen before: go on with its first choice only.
                let n = if seen.insert(step) {
                    s.step(step).choices.len()
                } else {
                    1
                };
                for i in 0..n {
                    let mut c = s.clone();
                    assert!(c.choose(i).is_ok());
                    c.next();
                    let mut p: Vec<usize> = path.clone();
                    p.push(i + 1);
                    stack.push((c, p));
                }
            }
            Phase::Ended { .. } => done.push(path),
            other => panic!("unexpected phase {other:?}"),
        }
    }
    done
}

#[test]
fn no_plain_line_is_decorated_on_any_path() {
    use hangup::engine::{Library, Script};
    use hangup::plain::Plain;
    // Every way through every built-in call, both regions, with the help
    // card, a repeat and a wrong answer on the way.
    let lib = Library::load(Some(std::path::Path::new(FIXTURES)));
    let mut plays = 0;
    for s in &lib.scenarios {
        for region in ["ewni", "scotland"] {
            let script = Script::build(s, &lib.catalogue, region, 7);
            for walk in walks(&script) {
                let mut input = String::from("?\nr\nbanana\n");
                for k in walk {
                    input.push_str(&format!("{k}\n"));
                }
                let mut out = Vec::new();
                let mut p = Plain::new(input.as_bytes(), &mut out, &lib.catalogue, region);
                p.set_booster(Some(hangup::progress::booster_line(
                    hangup::progress::Day::today(),
                )));
                p.play(script.clone()).expect("plain play to a Vec");
                let out = String::from_utf8(out).expect("UTF-8");
                // "The call has ended.", or for messages and a visit their own words.
                let w = hangup::present::wording::WORDS;
                assert!(
                    [w.call_ended, w.message_ended, w.visit_ended]
                        .iter()
                        .any(|t| out.contains(&format!("Screen: {t}"))),
                    "{out}"
                );
                assert_undecorated(&out);
                plays += 1;
            }
        }
    }
    assert!(plays > 100, "every path: {plays}");

    // The real binary: the list (with a note about a broken file), a whole
    // call, its quick questions and the help card; then the same with
    // progress kept (practised, due, tricks to practise again).
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy(
        format!("{FIXTURES}/tiny.toml"),
        dir.path().join("tiny.toml"),
    )
    .expect("copy");
    std::fs::write(dir.path().join("broken.toml"), "id = \"x\"\ntitle = \n").expect("write");
    let folder = dir.path().to_string_lossy().to_string();
    let data = tempfile::tempdir().expect("temp dir");
    let answers = format!("?\n{}\n", "1\n".repeat(30));
    let mut heads = String::new();
    for (today, extra) in [
        ("2026-06-01", "--no-save"),
        ("2026-06-01", "--region=ewni"),
        ("2026-06-02", "--region=scotland"),
        ("2026-09-01", "--region=ewni"),
    ] {
        let env = [
            ("HANGUP_DATA_DIR", data.path().as_os_str()),
            ("HANGUP_TODAY", std::ffi::OsStr::new(today)),
        ];
        let (out, err, code) = common::run_binary(
            &["--scenarios", &folder, "--seed", "3", extra],
            &env,
            &answers,
        );
        assert_eq!(code, 0, "{extra}: {err}");
        assert!(out.contains("Screen: Quick question 1 of"), "{out}");
        assert!(out.contains("Screen: Help."), "{out}");
        assert!(out.contains("Note: "), "{out}");
        // With --no-save nothing will remember a date to practise again.
        assert_eq!(
            out.contains("Practise this again"),
            extra != "--no-save",
            "{extra}: {out}"
        );
        assert_undecorated(&out);
        heads.push_str(&out);
        let (out, _, code) =
            common::run_binary(&["play", "hmrc-tax", "--plain", extra], &env, &answers);
        assert_eq!(code, 0);
        assert_undecorated(&out);
    }
    // The progress lines at the top of the list were all there.
    assert!(heads.contains("practised."), "{heads}");
    assert!(heads.contains("due for practice again"), "{heads}");
    assert!(heads.contains("Tricks to practise again:"), "{heads}");
}

#[test]
fn the_decoration_check_can_fail() {
    for bad in [
        "- a dash",
        "* a star",
        "> quoted",
        "• a bullet",
        "left → right",
        "┌ a box",
        "■ square",
        "✓ tick",
        "\u{1b}[1mbold",
    ] {
        let caught = std::panic::catch_unwind(|| assert_undecorated(bad)).is_err();
        assert!(caught, "{bad:?} is caught");
    }
    assert_undecorated(
        "  1) Hang up.\n\"Hello,\" she says.\n£5 is gone.\nCaller ID shows: 0300 123 2040",
    );
}

// ------------------------------------------------------------ speech

/// A speech program that takes a moment, then appends its words to a file:
/// if plain mode did not wait for it with piped input, lines would be lost.
#[cfg(unix)]
fn stub(dir: &std::path::Path) -> (String, std::path::PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let log = dir.join("spoken.txt");
    let script = dir.join("say.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nsleep 0.1\nprintf '%s\\n' \"$*\" >> '{}'\n",
            log.display()
        ),
    )
    .expect("write stub");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (format!("{} --voice test", script.display()), log)
}

/// Run the binary with a fixed day and a new data folder.
fn run_on_day(args: &[&str], input: &str) -> (String, String, i32) {
    let data = tempfile::tempdir().expect("temp dir");
    let env = [
        ("HANGUP_DATA_DIR", data.path().as_os_str()),
        ("HANGUP_TODAY", std::ffi::OsStr::new("2026-06-01")),
    ];
    common::run_binary(args, &env, input)
}

#[cfg(unix)]
#[test]
fn plain_speech_reads_each_step_in_order_and_r_says_it_again() {
    let dir = tempfile::tempdir().expect("temp");
    let (command, log) = stub(dir.path());
    let (out, err, code) = run_on_day(
        &plain_tiny("1", &["--speak", "--speak-command", &command]),
        "2\nr\n1\n",
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.is_empty(), "{err}");
    assert!(!out.contains("Speech is off"), "{out}");
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on a warning from"), "{last}");
    // The program waits for the last line before it ends: the file is complete.
    let spoken = std::fs::read_to_string(&log).expect("something was said");
    let l: Vec<&str> = spoken.lines().collect();
    assert_eq!(l.len(), 4, "{l:#?}");
    // Everything shown is said; the number on the screen digit by digit.
    assert!(
        l[0].starts_with(
            "--voice test Practice call: A tiny test call. Your phone is ringing. \
             Caller ID shows: 0 1 6 3 2, 9 6 0 0 0 2."
        ),
        "{l:#?}"
    );
    assert!(
        l[0].contains("Alex Brown says: Hello, this is Alex Brown from your bank."),
        "{l:#?}"
    );
    assert!(
        l[0].ends_with(
            "What would you do? 1: Hang up. 2: Ask what they want. \
             Choose 1 or 2 and press Enter. To get help, type a question mark. \
             To hear it again, type the letter r. To leave, type the letter q."
        ),
        "{l:#?}"
    );
    // The feedback, then the next step, as one line, so neither cuts the other off.
    assert!(
        l[1].starts_with(
            "--voice test Your choice. You chose: Ask what they want. \
             Risky choice. This is what the caller wanted"
        ),
        "{l:#?}"
    );
    let words = "Alex Brown says: I need your PIN to stop the payment. \
                 What would you do? 1: Read out your PIN. 2: Say no and hang up. \
                 Choose 1 or 2 and press Enter. To get help, type a question mark. \
                 To hear it again, type the letter r. To go back a step, type the letter b. \
                 To leave, type the letter q.";
    assert!(l[1].ends_with(&format!("Step 2. {words}")), "{l:#?}");
    // r says the caller ID, who they say they are, the caller's words and
    // the choices again.
    assert_eq!(
        l[2],
        format!(
            "--voice test Step 2. Caller ID shows: 0 1 6 3 2, 9 6 0 0 0 2. \
             They say they are: Alex Brown, your bank. {words}"
        )
    );
    // The ending's outcome.
    assert!(
        l[3].contains("The call has ended. The caller got what they wanted."),
        "{l:#?}"
    );
    assert!(
        l[3].contains("Practise this again in about two weeks, on or after 15 June 2026."),
        "{l:#?}"
    );
    // The whole ending is said: the advice with its numbers, and the source.
    assert!(
        l[3].contains("Call your bank on 1 5 9") && l[3].contains("0 3 0 0, 1 2 3, 2 0 4 0"),
        "{l:#?}"
    );
    assert!(
        l[3].ends_with("Based on a warning from Test Police, January 2026."),
        "{l:#?}"
    );
    // Each caller line printed was said, in the same order.
    let printed: Vec<String> = out
        .lines()
        .filter(|x| x.contains(" says: "))
        .map(|x| hangup::speech::numbers_aloud(&x.replace('"', "")))
        .collect();
    assert_eq!(printed.len(), 3, "{out}");
    for (p, s) in printed.iter().zip([l[0], l[1], l[2]]) {
        assert!(s.contains(p.as_str()), "{p:?} not in {s:?}");
    }
}

#[cfg(unix)]
#[test]
fn plain_speech_in_the_list_says_the_quick_questions_and_is_off_without_speak() {
    let dir = tempfile::tempdir().expect("temp");
    let (command, log) = stub(dir.path());
    let (first, _, _) = run_on_day(&["--scenarios", FIXTURES, "--seed", "1"], "2\nq\n");
    let n = number_of(&first, "A tiny test call");
    let args = [
        "--scenarios",
        FIXTURES,
        "--seed",
        "1",
        "--speak-command",
        &command,
    ];
    // Without --speak nothing is said.
    let (_, err, code) = run_on_day(&args, &format!("2\n{n}\n2\n1\n2\nq\n"));
    assert_eq!(code, 0, "{err}");
    assert!(!log.exists(), "said without --speak");

    let mut with_speak = args.to_vec();
    with_speak.push("--speak");
    let (out, err, code) = run_on_day(&with_speak, &format!("2\n{n}\n2\n1\n2\nq\n"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Screen: Quick question 1 of 1."), "{out}");
    let spoken = std::fs::read_to_string(&log).expect("something was said");
    let l: Vec<&str> = spoken.lines().collect();
    // The offer, the list, the call (three lines), the answer with the
    // list again, and the question before stopping.
    assert_eq!(l.len(), 7, "{l:#?}");
    assert!(
        l[0].starts_with(
            "--voice test A quick check. Before you start, would you like a quick check?"
        ),
        "the offer of the quick check is said first: {l:#?}"
    );
    assert!(
        l[1].starts_with("--voice test Choose a call to practise.")
            && l[1].contains(&format!("{n}: New: A tiny test call.")),
        "the list is said: {l:#?}"
    );
    assert!(
        l[4].contains("The call has ended.")
            && l[4].ends_with(
                "Quick question 1 of 1. Would your bank ever ask for your PIN? 1: Yes. 2: No. \
                 Choose 1 or 2 and press Enter. To get help, type a question mark. \
                 To hear it again, type the letter r. To leave, type the letter q."
            ),
        "{l:#?}"
    );
    assert!(l[5].contains("You said no. That is right."), "{l:#?}");
    assert!(
        l[6].contains("Do you want to stop practising? 1: Yes, stop. 2: No, keep going."),
        "{l:#?}"
    );
}

#[test]
fn a_missing_speech_program_gives_one_line_and_the_contract_holds() {
    let (out, err, code) = run_on_day(
        &plain_tiny(
            "1",
            &[
                "--speak",
                "--speak-command",
                "no-such-speech-program-here -v en-gb",
            ],
        ),
        "2\nr\n1\n",
    );
    assert_eq!(code, 0, "{err}");
    let notice = "Speech is off: the program \"no-such-speech-program-here\" was not found.";
    assert_eq!(out.matches(notice).count(), 1, "{out}");
    assert!(!err.contains("Speech"), "shown once: {err}");
    // Under the first title where speech was due, never between the choices and the prompt.
    assert!(
        out.contains(&format!("\nScreen: Step 1.\n{notice}\n")),
        "{out}"
    );
    assert_choices_then_prompt(&out);
    let last = out.lines().last().unwrap_or_default();
    assert!(last.starts_with("Based on a warning from"), "{last}");
}

/// Every prompt comes straight after the choices `  1) ` to `  N) `
/// (true of a transcript with no wrong answers and no help card).
fn assert_choices_then_prompt(out: &str) {
    let lines: Vec<&str> = out.lines().collect();
    let mut prompts = 0;
    for (i, l) in lines.iter().enumerate() {
        let Some(rest) = l.strip_prefix("Choose 1-") else {
            continue;
        };
        if i > 0 && lines[i - 1].contains(" says: ") {
            continue; // the prompt again after `r`
        }
        prompts += 1;
        let n: usize = rest
            .chars()
            .take_while(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .expect("a number after Choose 1-");
        for k in 1..=n {
            assert!(
                lines[i - 1 - n + k].starts_with(&format!("  {k}) ")),
                "choice {k} before {l:?} in\n{out}"
            );
        }
    }
    assert!(prompts > 0, "{out}");
}

/// Writes down what it is asked to say, and each wait.
struct Recorder(std::rc::Rc<std::cell::RefCell<Vec<String>>>);

impl hangup::speech::Voice for Recorder {
    fn words(&self, screen: &hangup::present::Screen) -> String {
        hangup::speech::spoken(screen, hangup::speech::Hands::Typed)
    }
    fn say(&mut self, text: &str) {
        self.0.borrow_mut().push(format!("say {text}"));
    }
    fn wait(&mut self) {
        self.0.borrow_mut().push("wait".into());
    }
    fn take_notice(&mut self) -> Option<String> {
        None
    }
}

#[test]
fn speech_waits_after_each_line_only_for_piped_input() {
    use hangup::engine::{Library, Script};
    use hangup::plain::Plain;
    let lib = Library::load(Some(std::path::Path::new(FIXTURES)));
    let tiny = lib.get("tiny").expect("tiny");
    for wait in [false, true] {
        let said = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
        let mut out = Vec::new();
        let script = Script::build(tiny, &lib.catalogue, "ewni", 1);
        let mut p = Plain::new(&b"2\nr\n1\n"[..], &mut out, &lib.catalogue, "ewni");
        p.set_voice(Box::new(Recorder(said.clone())), wait);
        p.play(script).expect("play");
        assert!(p.finish().is_none());
        drop(p);
        let events = said.borrow().clone();
        let says = events.iter().filter(|e| e.starts_with("say ")).count();
        let waits = events.iter().filter(|e| *e == "wait").count();
        assert_eq!(says, 4, "{events:#?}");
        assert_eq!(waits, if wait { 4 } else { 1 }, "{events:#?}");
        assert_eq!(
            events.last().map(String::as_str),
            Some("wait"),
            "{events:#?}"
        );
    }
    // Stopped in the middle of a call at a keyboard: nothing left to say, so
    // no waiting at the end (the line being said is simply stopped).
    let said = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut out = Vec::new();
    let script = Script::build(tiny, &lib.catalogue, "ewni", 1);
    let mut p = Plain::new(&b"2\n"[..], &mut out, &lib.catalogue, "ewni");
    p.set_voice(Box::new(Recorder(said.clone())), false);
    p.play(script).expect("play");
    assert!(p.finish().is_none());
    drop(p);
    let events = said.borrow().clone();
    assert_eq!(events.len(), 2, "{events:#?}");
    assert!(!events.contains(&"wait".to_string()), "{events:#?}");
}

/// The trial: `?` in plain mode offered --large, --high-contrast and
/// --theme, which change nothing there; and every prompt offered `b`, even
/// where there is no step to go back to.
#[test]
fn plain_help_has_no_display_tips_and_b_is_offered_only_with_a_step_to_undo() {
    let (out, err, code) = run(&plain_tiny("1", &[]), "?\n1\n1\n");
    assert_eq!(code, 0, "stderr: {err}");
    assert!(out.contains("0300 123 2040"), "the help card shows: {out}");
    for tip in ["--large", "--high-contrast", "--theme", "Hard to read"] {
        assert!(!out.contains(tip), "{tip} in plain help: {out}");
    }
    let back = hangup::i18n::tr("plain-go-back");
    // Up to the first answer (the feedback may offer to choose again).
    let before = out.split("You chose").next().unwrap_or_default();
    let prompts: Vec<&str> = before
        .lines()
        .filter(|l| l.starts_with("Choose 1-"))
        .collect();
    assert!(prompts.len() >= 2, "{out}");
    // The incoming call and the first step: nothing to go back to.
    for p in &prompts {
        assert!(
            !p.contains(&back),
            "b offered with no step to undo: {p}\n{out}"
        );
    }
    // Nor does the help card's key list offer it there.
    let keys = before
        .lines()
        .skip_while(|l| !l.starts_with("Keys on this screen"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        keys.contains(&hangup::i18n::tr("plain-hear-again")),
        "{out}"
    );
    assert!(!keys.contains(&back), "help offers b at step 1: {keys}");
}

/// The prompt lines of a plain transcript.
fn prompts(out: &str) -> Vec<&str> {
    out.lines().filter(|l| l.starts_with("Choose 1-")).collect()
}

/// The trial: in the quick check `b` said "There is no step to go back to"
/// at question 2, and `r` dropped the caller-ID line ("The screen shows …").
#[test]
fn quick_check_b_goes_back_a_question_and_r_repeats_the_whole_screen() {
    // A fresh data folder: the quick check is offered first. Yes, answer
    // question 1, then at question 2: r, then b.
    let (out, err, code) = run(&["--seed", "1"], "1\n2\nr\nb\n");
    assert_eq!(code, 0, "stderr: {err}");
    let back = hangup::i18n::tr("plain-go-back");
    let t = titles(&out);
    let firsts = t
        .iter()
        .filter(|t| *t == "Quick check, call 1 of 6.")
        .count();
    assert_eq!(firsts, 2, "b went back to question 1: {t:?}\n{out}");
    assert!(
        !out.contains(hangup::present::wording::WORDS.no_step_back),
        "{out}"
    );
    // The prompts: the offer, question 1 (nothing to go back to), question
    // 2 twice (after r), then question 1 again.
    let p = prompts(&out);
    assert_eq!(p.len(), 5, "{out}");
    assert!(!p[1].contains(&back), "{}", p[1]);
    assert!(p[2].contains(&back) && p[3].contains(&back), "{out}");
    assert!(!p[4].contains(&back), "{}", p[4]);
    // r: question 2 again, its title and caller ID included.
    let q2: Vec<&str> = out.split("Screen: Quick check, call 2 of 6.").collect();
    assert_eq!(q2.len(), 3, "r prints the title again: {out}");
    for again in &q2[1..] {
        let shows = again
            .split("Screen:")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| l.contains("The screen shows"))
            .count();
        assert_eq!(shows, 1, "r repeats the caller ID: {again}");
    }
}

/// The trial: at "Are you sure?", `?` showed the question again and closed
/// it without a word, so the next `1` chose the call's first answer instead
/// of "Yes, leave". The dialog offers only keys that work there.
#[test]
fn the_leave_question_offers_only_keys_that_work() {
    let args = plain_tiny("1", &[]);
    let (out, err, code) = run(&args, "q\n?\nq\n2\n");
    assert_eq!(code, 0, "stderr: {err}");
    let dialog = out
        .split("Screen: Are you sure?")
        .nth(1)
        .and_then(|d| d.split("Screen:").next())
        .unwrap_or_default()
        .to_string();
    let p = prompts(&dialog);
    assert_eq!(p.len(), 3, "? and q are wrong answers here: {dialog}");
    for l in &p {
        assert!(!l.contains(&hangup::i18n::tr("plain-get-help")), "{l}");
        assert!(!l.contains(&hangup::i18n::tr("plain-leave")), "{l}");
    }
    assert!(!out.contains("Screen: Help."), "{out}");
    // 2: no, keep going: back at the same step, nothing chosen.
    assert!(!out.contains("You chose"), "{out}");
    assert_eq!(
        titles(&out).last().map(String::as_str),
        Some("Step 1."),
        "{out}"
    );
}

/// The quick questions after a call: `b` at question 2 goes back to
/// question 1 (it said "There is no step to go back to"), and is not
/// offered at question 1.
#[test]
fn recall_questions_b_goes_back_a_question() {
    use hangup::present::flow::{Action, Flow, Mode, Rules, Screen as At};
    use hangup::present::{Cmd, screens};
    let lib = harness::library();
    let index = lib
        .scenarios
        .iter()
        .position(|s| s.recall.len() >= 2)
        .expect("a call with two quick questions");
    let mut flow = Flow::new(
        lib.clone(),
        Rules {
            mode: Mode::Practice,
            region: "ewni".into(),
            seed: Some(1),
        },
    );
    assert!(flow.start_call(index));
    // Always the first choice, on to the ending, then to the questions.
    for _ in 0..200 {
        if matches!(flow.screen, At::Recall(_)) {
            break;
        }
        flow.update(Action::Pick(0));
    }
    assert!(matches!(flow.screen, At::Recall(_)), "the quick questions");
    let back = |f: &Flow| screens::screen(f).find(Cmd::StepBack).is_some();
    assert!(!back(&flow), "nothing to go back to at question 1");
    let mut out = Vec::new();
    let mut p = hangup::plain::Plain::new(&b"1\nb\n"[..], &mut out, &lib.catalogue, "ewni");
    p.run(&mut flow, &mut (), false).expect("plain run");
    drop(p);
    let out = String::from_utf8_lossy(&out).to_string();
    let t = titles(&out);
    let firsts = t
        .iter()
        .filter(|t| t.starts_with("Quick question 1 of "))
        .count();
    assert_eq!(firsts, 2, "b went back to question 1: {t:?}\n{out}");
    let p = prompts(&out);
    let go_back = hangup::i18n::tr("plain-go-back");
    assert!(!p[0].contains(&go_back), "{out}");
    assert!(p[1].contains(&go_back), "offered at question 2: {out}");
    let At::Recall(r) = &flow.screen else {
        panic!("still on the quick questions");
    };
    assert_eq!((r.index, r.answered, r.right), (0, None, 0));
}

/// The trial: `hangup play ID --plain`, leaving the call (`q`, then yes)
/// went on to the offer of a quick check. One call by id ends there.
#[test]
fn leaving_a_call_played_by_id_ends_the_program() {
    let (out, err, code) = run(&plain_tiny("1", &[]), "q\n1\n1\n1\n");
    assert_eq!(code, 0, "{err}");
    let t = titles(&out);
    assert_eq!(t.last().map(String::as_str), Some("Are you sure?"), "{out}");
    assert!(!out.contains("A quick check."), "{out}");
    assert!(!out.contains("Choose a call to practise."), "{out}");
    // It says so: there is no list to go back to.
    assert!(
        out.contains(hangup::present::wording::WORDS.leave_question_end),
        "{out}"
    );
    // "No, keep going" stays in the call.
    let (out, _, code) = run(&plain_tiny("1", &[]), "q\n2\n");
    assert_eq!(code, 0);
    assert_eq!(
        titles(&out).last().map(String::as_str),
        Some("Step 1."),
        "{out}"
    );
}

/// The trial: `r` after `?` printed the decision again with no `Screen:`
/// line, so it read as part of the help card.
#[test]
fn after_help_and_on_r_the_decision_is_printed_under_its_title() {
    let (out, err, code) = run(&plain_tiny("1", &[]), "?\nr\n");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        titles(&out),
        [
            "Your phone is ringing.",
            "Step 1.",
            "Help.",
            "Step 1.",
            "Step 1."
        ],
        "{out}"
    );
    // Each print of the choices has a title above it, never the help card's.
    let after_help = out.split("Screen: Help.").nth(1).unwrap_or_default();
    let first_choice = after_help.find("  1) ").expect("the choices again");
    assert!(
        after_help[..first_choice].contains("Screen: Step 1."),
        "{after_help}"
    );
}

/// Plays `tiny` in plain mode with `input`, a voice that writes down what
/// it is asked to say: (the transcript, each line said).
fn plain_with_voice(input: &str) -> (String, Vec<String>) {
    use hangup::engine::{Library, Script};
    use hangup::plain::Plain;
    let lib = Library::load(Some(std::path::Path::new(FIXTURES)));
    let tiny = lib.get("tiny").expect("tiny");
    let said = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let mut out = Vec::new();
    let script = Script::build(tiny, &lib.catalogue, "ewni", 1);
    let mut p = Plain::new(input.as_bytes(), &mut out, &lib.catalogue, "ewni");
    p.set_voice(Box::new(Recorder(said.clone())), true);
    p.play(script).expect("play");
    let _ = p.finish();
    drop(p);
    let lines = said
        .borrow()
        .iter()
        .filter_map(|e| e.strip_prefix("say ").map(str::to_string))
        .collect();
    (String::from_utf8(out).expect("utf-8"), lines)
}

/// From a newcomer trial of `--plain --speak`: a listener heard less than
/// was printed. The prompt was said only as "For help, type a question
/// mark" (never "Choose 1-3", r, b or q); "Please type a number from 1 to
/// 3." was printed but not said; after `?` the choices printed again were
/// not said again; and the help card's key list said the bare symbol
/// ("To get help, type ?"), which espeak-ng reads as nothing.
#[test]
fn plain_speech_says_the_prompt_errors_and_the_choices_again_in_words() {
    use hangup::i18n::tr;
    let (out, said) = plain_with_voice("x\n?\nr\nq\n2\n");
    let all = said.join("\n");
    // Every prompt printed is said, in words: the numbers and every letter.
    let prompt = "Choose 1 or 2 and press Enter.";
    let keys = [
        format!("To {}, type a question mark.", tr("plain-get-help")),
        format!("To {}, type the letter r.", tr("plain-hear-again")),
        format!("To {}, type the letter q.", tr("plain-leave")),
    ];
    // The step, the wrong answer, the help card, r, the question, the step again.
    assert_eq!(said.len(), 6, "{said:#?}\n{out}");
    for (i, line) in said.iter().enumerate() {
        assert!(line.contains(prompt), "say {i} has no prompt: {line}");
        if i != 4 {
            for k in &keys {
                assert!(line.contains(k.as_str()), "say {i}: no {k:?} in {line}");
            }
        }
    }
    // No key is said as a bare symbol, and the old half prompt is gone.
    assert!(!all.contains("type ?"), "{all}");
    assert!(!all.contains("1-2"), "{all}");
    // The wrong answer: what is printed is said.
    let wrong = hangup::present::wording::plain_wrong(2);
    assert!(out.contains(&wrong), "{out}");
    assert!(said[1].starts_with(&wrong), "{}", said[1]);
    // `?`: the help card, then the step's title and choices again, said.
    assert!(said[2].contains("0 3 0 0, 1 2 3, 2 0 4 0"), "{}", said[2]);
    let again = said[2]
        .split("Keys on this screen")
        .nth(1)
        .unwrap_or_default();
    assert!(again.contains("Step 1."), "{}", said[2]);
    let before_help = out.split("Screen: Help.").next().unwrap_or_default();
    for c in before_help
        .lines()
        .filter_map(|l| l.strip_prefix("  1) ").or_else(|| l.strip_prefix("  2) ")))
    {
        assert!(
            again.contains(c.trim_end_matches('.')),
            "{c:?} not said after help: {}",
            said[2]
        );
    }
    // "Are you sure?": its own prompt, with r in words.
    assert!(said[4].contains(&keys[1]), "{}", said[4]);
}

/// From a newcomer trial: at Step 1, `r` printed "Screen: Step 1." and the
/// caller's words but not the caller ID or who they say they are, which
/// the README's contract promises.
#[test]
fn plain_r_repeats_the_caller_id_and_who_they_say_they_are() {
    let (out, said) = plain_with_voice("r\n");
    let after_r = out
        .rsplit("Screen: Step 1.")
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(after_r.contains("Caller ID shows: 01632 960"), "{out}");
    assert!(after_r.contains("They say they are:"), "{out}");
    let last = said.last().cloned().unwrap_or_default();
    assert!(last.contains("Caller ID shows: 0 1 6 3 2, 9 6 0"), "{last}");
    assert!(last.contains("They say they are:"), "{last}");
}

/// The trial: the prompt said aloud "Choose 1 to 2" for two choices. For
/// two it says "1 or 2", in English and Welsh; for more, "1 to 3".
#[test]
fn the_spoken_prompt_says_1_or_2_for_two_choices() {
    use hangup::i18n::Language;
    use hangup::present::wording::plain_prompt_aloud;
    for (lang, two, three) in [
        (Language::EnGb, "Choose 1 or 2 and", "Choose 1 to 3 and"),
        (Language::Cy, "Dewiswch 1 neu 2 a", "Dewiswch 1 i 3 a"),
    ] {
        hangup::i18n::with(lang, || {
            assert!(plain_prompt_aloud(2, &[]).starts_with(two), "{lang:?}");
            assert!(plain_prompt_aloud(3, &[]).starts_with(three), "{lang:?}");
        });
    }
}
