//! `hangup`: choose a front end and run it. All the work is in the library.

use std::io::{self, IsTerminal, Write as _};
use std::process::ExitCode;

use hangup::Error;
use hangup::cli::{Cli, Command};
use hangup::engine::Library;
use hangup::plain::Plain;
use hangup::practice::Keeper;
use hangup::present::{Flow, Mode, Rules};
use hangup::progress::Day;
use hangup::speech::Speaker;
use hangup::tui::{self, app, theme, theme::Theme};

fn main() -> ExitCode {
    let cli = Cli::from_env();
    match run(cli) {
        Ok(code) => code,
        // The reader went away (`| head`): stop quietly, that is not a failure.
        Err(e) if e.is_broken_pipe() || hangup::sanitize::reader_gone() => ExitCode::SUCCESS,
        Err(e) => {
            hangup::sanitize::note(&format!("hangup: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// Plain mode when asked, or when there is no screen to draw on.
fn wants_plain(cli: &Cli) -> bool {
    let term = std::env::var("TERM").unwrap_or_default();
    cli.plain
        || term.is_empty()
        || term == "dumb"
        || !io::stdin().is_terminal()
        || !io::stdout().is_terminal()
}

fn run(cli: Cli) -> hangup::Result<ExitCode> {
    // The kiosk reads its own settings file first (it may name a language).
    // `stats` is in English only (its table, CSV and report are for the
    // staff who run a kiosk or a group), whatever LANG says.
    if !matches!(cli.command, Some(Command::Kiosk(_) | Command::Stats(_))) {
        let (language, _) =
            hangup::i18n::choose(cli.language.as_deref(), None, hangup::i18n::real_env)?;
        hangup::i18n::set_process(language);
    }
    match &cli.command {
        Some(Command::Kiosk(args)) => return Ok(hangup::kiosk::main(&cli, args)),
        Some(Command::Stats(args)) => return Ok(hangup::kiosk::stats_main(&cli, args)),
        Some(Command::Completions { shell }) => {
            io::stdout().write_all(&hangup::cli::completion((*shell).into()))?;
            return Ok(ExitCode::SUCCESS);
        }
        Some(Command::Man) => {
            clap_mangen::Man::new(hangup::cli::command()).render(&mut io::stdout())?;
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let library = Library::load(cli.scenarios.as_deref());
    if let Some(dir) = &cli.scenarios
        && !dir.is_dir()
    {
        return Err(if dir.exists() {
            Error::ScenariosIsAFile(dir.clone())
        } else {
            Error::ScenariosNotFound(dir.clone())
        });
    }
    let region = library
        .catalogue
        .region(cli.region.map(|r| r.id()))
        .to_string();
    let plain = wants_plain(&cli);
    tui::guard::set_settle(std::time::Duration::from_millis(cli.key_pause.min(5_000)));
    // Only the full-screen front end asks the terminal for its background.
    let full_screen = !plain
        && matches!(
            cli.command,
            None | Some(Command::Play { .. }) | Some(Command::Group { .. })
        );
    let options = app_options(&cli, &region, full_screen);
    let stdout = io::stdout();
    match &cli.command {
        Some(Command::Check { paths, format, .. }) => {
            let mut out = hangup::sanitize::Clean::new(stdout.lock());
            // Only a language asked for on the command line narrows the check.
            let language = match cli.language.as_deref() {
                Some(l) => Some(l.parse::<hangup::i18n::Language>()?),
                None => None,
            };
            let code = hangup::check::run_check_in(
                paths,
                cli.scenarios.as_deref(),
                language,
                (*format).into(),
                &mut out,
            );
            Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
        }
        Some(Command::Translate { what, .. }) => {
            let language = match cli.language.as_deref() {
                Some(l) => l.parse::<hangup::i18n::Language>()?,
                None => return Err(Error::NoLanguageToTranslateInto),
            };
            let template = hangup::check::translations::template_for(what, language)?;
            hangup::sanitize::Clean::new(stdout.lock()).write_all(template.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Schema) => {
            stdout
                .lock()
                .write_all(hangup::check::schema_json().as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Paths {
            scenario, format, ..
        }) => {
            let text = match hangup::check::graph::Format::parse(format) {
                Some(f) => hangup::check::graph::draw(&library, scenario, f)?,
                None => {
                    let s = library.find_or_load(scenario)?;
                    hangup::check::paths_report(&s, &library.catalogue)
                }
            };
            hangup::sanitize::Clean::new(stdout.lock())
                .write_all(text.as_bytes())
                .or_else(reader_gone)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List { json, .. }) => {
            let mut out = hangup::sanitize::Clean::new(stdout.lock());
            hangup::list::write(&library, *json, &mut out).or_else(reader_gone)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Progress { reset, .. }) => {
            let mut out = hangup::sanitize::Clean::new(stdout.lock());
            hangup::practice::command(
                cli.data_dir.as_deref(),
                *reset,
                cli.no_save,
                &library,
                &mut out,
            )?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Group { notes: true, .. }) => {
            hangup::group::commands::group_notes(options, cli.data_dir.clone())
        }
        Some(Command::Group { scenario_ids, .. }) => hangup::group::commands::group(
            library,
            options,
            plain,
            cli.speak.then_some(cli.speak_command.as_str()),
            scenario_ids,
            cli.data_dir.clone(),
        ),
        Some(Command::Script { scenario, .. }) => {
            hangup::group::commands::script(&library, &region, cli.seed, scenario)
        }
        Some(Command::Handout {
            scenario_ids,
            format,
            out,
            force,
            mine,
            today,
            ..
        }) => hangup::group::commands::handout(
            &library,
            &region,
            scenario_ids,
            (*format).into(),
            out.as_deref().map(|p| (p, *force)),
            today.as_deref(),
            mine.then(|| hangup::group::commands::MineFrom {
                data_dir: cli.data_dir.clone(),
                no_save: cli.no_save,
            }),
        ),
        Some(Command::Play { scenario, .. }) => {
            let s = library.find_or_load(scenario)?;
            let mut keeper = keeper(&cli, &library);
            let mut lib = library.clone();
            let index = match lib
                .scenarios
                .iter()
                .position(|x| x.id.get_ref() == s.id.get_ref())
            {
                // A file with a built-in's id (an author's edited copy) is what plays.
                Some(i) => {
                    lib.scenarios[i] = s;
                    i
                }
                None => {
                    lib.scenarios.push(s);
                    lib.scenarios.len() - 1
                }
            };
            if plain {
                let mut flow = Flow::new(lib, rules(&cli, &region));
                keeper.fill(&mut flow);
                flow.start_call(index);
                let stdin = io::stdin();
                let mut p = Plain::new(stdin.lock(), stdout.lock(), &library.catalogue, &region);
                plain_voice(&cli, &mut p);
                if let Some(n) = keeper.notice.take() {
                    hangup::sanitize::note(&format!("hangup: {n}"));
                }
                let played = p.play_flow(&mut flow, &mut keeper);
                if let Some(n) = p.finish() {
                    hangup::sanitize::note(&format!("hangup: {n}"));
                }
                played?;
                if let Some(n) = keeper.notice.take() {
                    hangup::sanitize::note(&format!("hangup: {n}"));
                }
            } else {
                let mut a = app::App::new(lib, options);
                keeper.fill(&mut a.flow);
                a.start_call(index);
                run_tui(&cli, &mut a, &mut keeper)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        // Dispatched at the top of `run` (they need no scenarios).
        Some(
            Command::Kiosk(_) | Command::Stats(_) | Command::Completions { .. } | Command::Man,
        ) => Ok(ExitCode::SUCCESS),
        None => {
            let mut library = library;
            let mut keeper = keeper(&cli, &library);
            keeper.reorder(&mut library);
            if plain {
                let mut flow = Flow::new(library.clone(), rules(&cli, &region));
                keeper.fill(&mut flow);
                let stdin = io::stdin();
                let mut p = Plain::new(stdin.lock(), stdout.lock(), &library.catalogue, &region);
                plain_voice(&cli, &mut p);
                let played = p.menu_flow(&mut flow, &mut keeper).or_else(reader_gone);
                if let Some(n) = p.finish() {
                    hangup::sanitize::note(&format!("hangup: {n}"));
                }
                played?;
            } else {
                let mut a = app::App::new(library, options);
                keeper.fill(&mut a.flow);
                a.enter_start();
                run_tui(&cli, &mut a, &mut keeper)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The reader stopped early (e.g. `| head`): that is not a failure.
fn reader_gone(e: io::Error) -> io::Result<()> {
    if e.kind() == io::ErrorKind::BrokenPipe {
        Ok(())
    } else {
        Err(e)
    }
}

fn app_options(cli: &Cli, region: &str, full_screen: bool) -> app::Options {
    let forced = cli.theme.map(|t| t.background());
    let background = if full_screen && !cli.high_contrast && !cli.monochrome {
        theme::detect_background(forced)
    } else {
        forced.unwrap_or_else(theme::background_from_env)
    };
    app::Options {
        mode: app::Mode::Practice,
        region: region.to_string(),
        seed: cli.seed,
        theme: Theme::choose(cli.high_contrast, cli.monochrome, background),
        large: cli.large,
    }
}

fn keeper(cli: &Cli, library: &Library) -> Keeper {
    let mut k = Keeper::open(cli.data_dir.as_deref(), cli.no_save, library, Day::today());
    // To load the calls again if the learner switches language on the list.
    k.scenarios = cli.scenarios.clone();
    k
}

/// With --speak, plain mode reads aloud too. Answers typed at a keyboard
/// stop the line being said; answers from a pipe or file are all there at
/// once, so then each line is said to the end first (see `hangup::plain`).
fn plain_voice<R: io::BufRead, W: io::Write>(cli: &Cli, p: &mut Plain<'_, R, W>) {
    if cli.speak {
        p.set_voice(
            Box::new(Speaker::for_language(&cli.speak_command)),
            !io::stdin().is_terminal(),
        );
    }
}

/// The terminal app, with progress saved and (with --speak) speech, by the run loop.
fn rules(cli: &Cli, region: &str) -> Rules {
    Rules {
        mode: Mode::Practice,
        region: region.to_string(),
        seed: cli.seed,
    }
}

fn run_tui(cli: &Cli, a: &mut app::App, keeper: &mut Keeper) -> hangup::Result<()> {
    let mut speaker = cli.speak.then(|| Speaker::for_language(&cli.speak_command));
    // Every footer and the help card then name `s`, "Hear it again".
    a.flow.speaking = speaker.is_some();
    let mut language = hangup::i18n::current();
    // Why speech went off, for the error output once the screen is back.
    let mut off: Option<String> = None;
    let ran = tui::run_with_hook(a, |a, action| {
        let (mut changed, again) = keeper.perform(&mut a.flow);
        if let Some(sp) = speaker.as_mut() {
            // "Cymraeg / English" on the list: speech takes the new voice.
            if hangup::i18n::current() != language {
                language = hangup::i18n::current();
                sp.set_language(language);
            }
            // The screen is said once it is drawn (`action` is `None`): the
            // list's page is then the one on screen. `s` says it again now.
            if (again || action.is_none()) && hangup::practice::speak(&mut a.flow, sp, again) {
                off.clone_from(&a.flow.speech_off);
                changed = true;
            }
        }
        changed
    });
    if let Some(n) = off {
        hangup::sanitize::note(&format!("hangup: {n}"));
    }
    ran.map_err(Error::Screen)
}
