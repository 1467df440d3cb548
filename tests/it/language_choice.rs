//! "Cymraeg / English" on the practice list (and on the quick-check offer
//! that can come before it): a key, a click and plain mode's typed letter
//! switch the words and the calls for this run; speech takes the Welsh
//! voice (`espeak-ng -v cy`) unless the user gave a command.

use crate::common::*;

use hangup::engine::Library;
use hangup::i18n::{self, Language};
use hangup::present::flow::{Effect, Flow, Mode, Rules};
use hangup::present::{Cmd, Key, screens};
use hangup::tui::theme::ThemeName;

/// Where `needle` is drawn: (column, row) of its first character.
fn find(app: &hangup::tui::app::App, needle: &str) -> Option<(u16, u16)> {
    let t = render(app, 80, 24);
    let buf = t.backend().buffer().clone();
    (0..24u16).find_map(|y| {
        let row: String = (0..80u16)
            .map(|x| buf[(x, y)].symbol().to_string())
            .collect();
        row.find(needle)
            .map(|i| (row[..i].chars().count() as u16, y))
    })
}

/// The run loop's part: switch, as `hangup::practice::Keeper` does.
fn perform(flow: &mut Flow) -> Option<Language> {
    let mut switched = None;
    for e in flow.take_effects() {
        if let Effect::Language(l) = e {
            hangup::practice::switch_language(flow, l, None);
            switched = Some(l);
        }
    }
    switched
}

#[test]
fn the_list_switches_to_welsh_by_key_and_back_by_click() {
    i18n::set_current(Language::EnGb);
    let mut a = app_with(Library::load_in(None, Language::EnGb), ThemeName::Default);
    a.enter_start();
    let s = screens::screen(&a.flow);
    let cmd = s.find(Cmd::Language).expect("the list offers the language");
    assert_eq!(cmd.label, "Cymraeg / English");
    assert_eq!(
        cmd.key(),
        Some(Key::Char('c')),
        "c for Cymraeg, named first"
    );
    let text = screen_text(&a, 80, 24);
    assert!(text.contains("c  Cymraeg / English"), "{text}");
    assert!(text.contains("c Cymraeg / English"), "the footer: {text}");

    // The key: the words and the calls are Welsh now.
    assert!(send(&mut a, ch('c'), 80, 24));
    assert_eq!(perform(&mut a.flow), Some(Language::Cy));
    assert_eq!(i18n::current(), Language::Cy);
    let text = screen_text(&a, 80, 24);
    assert!(text.contains("Dewiswch alwad i'w hymarfer."), "{text}");
    assert!(
        text.contains("Mae heddwas yn ffonio am eich cerdyn banc"),
        "{text}"
    );
    assert!(
        text.contains("e  Cymraeg / English"),
        "e for English now: {text}"
    );
    // It fits at 40x12 too.
    let small = screen_text(&a, 40, 12);
    assert!(small.contains("e  Cymraeg / English"), "{small}");
    // Asking for the language in use changes nothing.
    assert!(!send(&mut a, ch('w'), 80, 24));
    assert!(a.flow.take_effects().is_empty());

    // A call chosen now plays in Welsh.
    let mut b = a.flow.clone();
    let i = b
        .library
        .scenarios
        .iter()
        .position(|s| s.id.get_ref() == "police-courier")
        .expect("police-courier in Welsh");
    assert!(b.start_call(i));
    let title = b.session().map(|s| s.script().title.clone());
    assert_eq!(
        title.as_deref(),
        Some("Mae heddwas yn ffonio am eich cerdyn banc")
    );

    // A click on the row: back to English.
    let (x, y) = find(&a, "Cymraeg / English").expect("the row is drawn");
    assert!(send(&mut a, click(x + 2, y), 80, 24));
    assert_eq!(perform(&mut a.flow), Some(Language::EnGb));
    let text = screen_text(&a, 80, 24);
    assert!(text.contains("Choose a call to practise."), "{text}");
    assert!(text.contains("c  Cymraeg / English"), "{text}");
    i18n::set_current(Language::EnGb);
}

#[test]
fn the_quick_check_offer_switches_too_and_keeps_its_place() {
    i18n::set_current(Language::EnGb);
    let lib = Library::load_in(None, Language::EnGb);
    let mut flow = Flow::new(
        lib,
        Rules {
            mode: Mode::Practice,
            region: "ewni".into(),
            seed: Some(1),
        },
    );
    flow.practice.quick = Some(hangup::present::flow::QuickState::fresh(
        hangup::engine::quick_check::QuickCheck::builtin(),
        3,
    ));
    flow.enter_start();
    let before = screens::screen(&flow);
    assert!(before.find(Cmd::Language).is_some(), "{before:?}");
    assert!(flow.update(hangup::present::flow::Action::Char('c')));
    assert_eq!(perform(&mut flow), Some(Language::Cy));
    let after = screens::screen(&flow);
    assert_eq!(after.title, "Prawf cyflym.");
    assert!(after.find(Cmd::Language).is_some());
    i18n::set_current(Language::EnGb);
}

#[test]
fn a_group_session_does_not_switch_from_the_list() {
    i18n::set_current(Language::EnGb);
    let mut flow = Flow::new(
        tiny_library(),
        Rules {
            mode: Mode::Group,
            region: "ewni".into(),
            seed: Some(1),
        },
    );
    flow.enter_start();
    assert!(screens::screen(&flow).find(Cmd::Language).is_none());
    flow.update(hangup::present::flow::Action::Char('c'));
    assert!(flow.take_effects().is_empty());
    assert_eq!(i18n::current(), Language::EnGb);
}

const AGAIN: &str = "1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n";

#[test]
fn plain_mode_switches_on_a_typed_letter() {
    // First use: the quick check is offered first, and the choice is there.
    let (out, err, code) = run_binary(
        &["--language", "en-GB", "--plain"],
        &[],
        &format!("c\n2\n1\n{AGAIN}"),
    );
    assert_eq!(code, 0, "{err}");
    let offer = out.find("Screen: A quick check.").expect("the offer");
    let cy_offer = out.find("Cymraeg: teipiwch c.").expect("offered in Welsh");
    let switched = out.find("Sgrin: Prawf cyflym.").expect("in Welsh after c");
    let list = out
        .find("Sgrin: Dewiswch alwad i'w hymarfer.")
        .expect("the list in Welsh");
    assert!(
        offer < cy_offer && cy_offer < switched && switched < list,
        "{out}"
    );
    // On a Welsh screen, English is offered in its own words, before the choices.
    let tail = &out[list..];
    let en = tail.find("English: type e.").expect("English offered");
    assert!(en < tail.find("  1) ").expect("choices"), "{tail}");
    // The prompt line still starts the way the contract says.
    assert!(tail.contains("\nDewiswch 1-"), "{tail}");
    // The call chosen is in Welsh.
    assert!(tail.contains("Sgrin: Mae eich ffôn yn canu."), "{tail}");
}

// ------------------------------------------------------------ speech in Welsh

/// A stand-in speech program that writes its arguments, one call a line.
#[cfg(unix)]
fn stub(dir: &std::path::Path, name: &str) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let log = dir.join(format!("{name}.log"));
    let script = dir.join(name);
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\ncat >> '{}.stdin'\n",
            log.display(),
            log.display()
        ),
    )
    .expect("write stub");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    log
}

/// PATH with `dir` first, so a stub named espeak-ng is the one found.
#[cfg(unix)]
fn path_with(dir: &std::path::Path) -> std::ffi::OsString {
    let mut p = dir.as_os_str().to_owned();
    p.push(":");
    p.push(std::env::var_os("PATH").unwrap_or_default());
    p
}

#[cfg(unix)]
#[test]
fn welsh_speech_uses_the_welsh_voice_and_says_welsh_with_numbers_digit_by_digit() {
    let dir = tempfile::tempdir().expect("temp");
    let log = stub(dir.path(), "espeak-ng");
    let path = path_with(dir.path());
    let env = [("PATH", path.as_os_str())];
    let args = [
        "--language",
        "cy",
        "play",
        "amazon-refund",
        "--plain",
        "--speak",
        "--seed",
        "1",
    ];
    let (out, err, code) = run_binary(&args, &env, AGAIN);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Sgrin: Mae eich ffôn yn canu."), "{out}");
    let said = std::fs::read_to_string(&log).expect("the stub was run");
    let lines: Vec<&str> = said.lines().collect();
    assert!(lines.len() >= 3, "{said}");
    // The default command takes espeak-ng's Welsh voice; the words come last.
    for l in &lines {
        assert!(l.starts_with("-v cy -s 130 "), "{l}");
    }
    // Welsh words, and the caller's number digit by digit.
    assert!(lines[0].contains("Mae eich ffôn yn canu."), "{}", lines[0]);
    assert!(
        said.contains("0 1 6 3 2, 9 6 0") || said.contains("0 7 7 0 0, 9 0 0"),
        "{said}"
    );
    assert!(!said.contains("Your phone is ringing"), "{said}");
    // The words around them are Welsh too: who speaks, and money.
    assert!(said.contains(" yn dweud: "), "{said}");
    assert!(said.contains(" punt"), "{said}");
    for english in [" says: ", " pounds", " press ", "They say"] {
        assert!(!said.contains(english), "{english}: {said}");
    }
    // Nothing is sent on its standard input.
    let stdin = std::fs::read_to_string(dir.path().join("espeak-ng.log.stdin")).unwrap_or_default();
    assert!(stdin.is_empty(), "{stdin}");

    // A command the user gave is kept as it is (no voice added), and still says Welsh.
    let own = stub(dir.path(), "say.sh");
    let command = format!("{} --voice mine", dir.path().join("say.sh").display());
    let args = [
        "--language",
        "cy",
        "play",
        "amazon-refund",
        "--plain",
        "--speak",
        "--seed",
        "1",
        "--speak-command",
        &command,
    ];
    let (_, err, code) = run_binary(&args, &env, AGAIN);
    assert_eq!(code, 0, "{err}");
    let said = std::fs::read_to_string(&own).expect("the user's command was run");
    assert!(
        said.lines().all(|l| l.starts_with("--voice mine ")),
        "{said}"
    );
    assert!(said.contains("Mae eich ffôn yn canu."), "{said}");
}

#[cfg(unix)]
#[test]
fn switching_on_the_list_switches_the_voice_too() {
    let dir = tempfile::tempdir().expect("temp");
    let log = stub(dir.path(), "espeak-ng");
    let path = path_with(dir.path());
    let env = [("PATH", path.as_os_str())];
    let args = ["--language", "en-GB", "--plain", "--speak"];
    let (_, err, code) = run_binary(&args, &env, "2\nc\n");
    assert_eq!(code, 0, "{err}");
    let said = std::fs::read_to_string(&log).expect("the stub was run");
    let lines: Vec<&str> = said.lines().collect();
    assert!(lines[0].starts_with("-v en-gb -s 130 "), "{said}");
    let last = lines.last().copied().unwrap_or_default();
    assert!(last.starts_with("-v cy -s 130 Dewiswch alwad"), "{said}");
}

/// From a newcomer trial at 80x24: page 1's footer named "c Cymraeg /
/// English" but page 2's did not, though its row still showed; and on the
/// last page "0 More calls" went back to page 1 without saying so. Every
/// page's footer names the language key, and the last page's "More" says
/// where it goes.
#[test]
fn every_page_of_the_list_names_the_language_key_and_the_last_says_back_to_the_first() {
    i18n::set_current(Language::EnGb);
    let mut app = app_with(Library::load_in(None, Language::EnGb), ThemeName::Default);
    app.enter_start();
    let mut pages = 0;
    for _ in 0..10 {
        let text = screen_text(&app, 80, 24);
        let footer = text.lines().last().unwrap_or_default().to_string();
        assert!(text.contains("c  Cymraeg / English"), "{text}");
        assert!(footer.contains("c Cymraeg / English"), "{footer}");
        pages += 1;
        let s = screens::screen(&app.flow);
        let (page, of) = s.page.expect("pages");
        let more = s.find(Cmd::More).expect("More calls").label.clone();
        if page == of {
            assert_eq!(more, "Back to the first calls");
            assert!(
                text.contains("0  Back to the first calls (this is page"),
                "{text}"
            );
            break;
        }
        assert_eq!(more, "More calls");
        app.update(hangup::tui::app::Action::More);
    }
    assert!(pages >= 2, "{pages}");
    app.update(hangup::tui::app::Action::More);
    assert_eq!(screens::screen(&app.flow).page.map(|p| p.0), Some(1));
}
