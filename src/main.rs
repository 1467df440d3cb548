//! `hangup`: choose a front end and run it. All the work is in the library.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;

use hangup::cli::{Cli, Command};
use hangup::engine::{Library, Script};
use hangup::plain::Plain;
use hangup::tui::{self, app, theme::Theme};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("hangup: {message}");
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

fn seeds(fixed: Option<u64>) -> impl FnMut() -> u64 {
    let mut run = 0u64;
    move || {
        let seed = fixed.map_or_else(rand::random, |s| s.wrapping_add(run));
        run += 1;
        seed
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let library = Library::load(cli.scenarios.as_deref());
    if let Some(dir) = &cli.scenarios
        && !dir.is_dir()
    {
        return Err(if dir.exists() {
            format!(
                "\"{}\" is a file, not a folder. After --scenarios, give the folder that holds the scenario files.",
                dir.display()
            )
        } else {
            format!(
                "the folder \"{}\" was not found. Check the name after --scenarios.",
                dir.display()
            )
        });
    }
    let region = library.catalogue.region(cli.region.as_deref()).to_string();
    if let Some(r) = &cli.region
        && !library.catalogue.has_region(r)
    {
        return Err(format!(
            "there is no region called \"{r}\". Choose one of: {}.",
            library.catalogue.region_ids().join(", ")
        ));
    }
    let plain = wants_plain(&cli);
    let options = app_options(&cli, &region);
    let stdout = io::stdout();
    match cli.command {
        Some(Command::List { json }) => {
            let mut out = stdout.lock();
            hangup::list::write(&library, json, &mut out).map_err(|e| e.to_string())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Play { scenario }) => {
            let s = library.find_or_load(&scenario)?;
            let mut next_seed = seeds(cli.seed);
            let script = Script::build(&s, &library.catalogue, &region, next_seed());
            if plain {
                let stdin = io::stdin();
                let mut p = Plain::new(stdin.lock(), stdout.lock(), &library.catalogue, &region);
                p.play(script).map_err(|e| e.to_string())?;
            } else {
                // A scenario given as a file may not be in the library: add it.
                let mut lib = library.clone();
                let index = match lib
                    .scenarios
                    .iter()
                    .position(|x| x.id.get_ref() == s.id.get_ref())
                {
                    Some(i) => i,
                    None => {
                        lib.scenarios.push(s);
                        lib.scenarios.len() - 1
                    }
                };
                let mut a = app::App::new(lib, options);
                a.start_call(index);
                tui::run(&mut a).map_err(|e| e.to_string())?;
            }
            Ok(ExitCode::SUCCESS)
        }
        None => {
            if plain {
                let stdin = io::stdin();
                let mut p = Plain::new(stdin.lock(), stdout.lock(), &library.catalogue, &region);
                p.menu(&library, seeds(cli.seed))
                    .map_err(|e| e.to_string())?;
            } else {
                let mut a = app::App::new(library, options);
                tui::run(&mut a).map_err(|e| e.to_string())?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn app_options(cli: &Cli, region: &str) -> app::Options {
    app::Options {
        mode: app::Mode::Practice,
        region: region.to_string(),
        seed: cli.seed,
        theme: Theme::from_env(cli.high_contrast, cli.monochrome),
    }
}
