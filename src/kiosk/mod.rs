//! `hangup kiosk`: an unattended practice terminal for a community centre.
//!
//! [`Kiosk`] wraps the practice [`App`] (in [`Mode::Kiosk`]) and adds the
//! attract screen, the idle warning and reset, the staff exit, the tremor
//! filter and the anonymous counts. Time comes in as `now` on every call, so
//! tests drive it with a made-up clock; the real loop is `tui::run_with`.
//!
//! Nothing about a visitor is kept: a reset replaces the whole `App`, and the
//! only thing written is the counts file (see `crate::stats`).

pub mod config;
pub mod idle;
pub mod input;
pub mod screens;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use crossterm::event::{Event, KeyCode, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Frame;

use crate::engine::Library;
use crate::engine::quick_check::QuickCheck;
use crate::i18n::Language;
use crate::present::Effect;
use crate::speech::{Hands, spoken};
use crate::stats::Store;
use crate::tui::app::{Action, App, Mode, Options, Target};
use crate::tui::quick_check::QuickState;
use crate::tui::{Driver, keymap, ui};

use idle::{Idle, IdleState};
use input::{Debounce, StaffExit, StaffStep};

/// Seconds with no input before "Are you still there?" shows, unless the settings say otherwise (`idle-timeout`).
pub const DEFAULT_IDLE_TIMEOUT: u64 = 120;
/// Seconds that question shows before the kiosk starts again for the next visitor (`idle-warning`).
pub const DEFAULT_IDLE_WARNING: u64 = 30;

pub use crate::cli::{KioskArgs, StatsArgs};

/// The kiosk's own rules, already merged from the settings file and command line.
#[derive(Debug, Clone)]
pub struct Settings {
    /// How long with no input before "Are you still there?" shows.
    pub idle_timeout: Duration,
    /// How long that question shows before the kiosk starts again.
    pub idle_warning: Duration,
    /// The staff exit PIN; `None` turns the staff exit off.
    pub pin: Option<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            idle_timeout: Duration::from_secs(DEFAULT_IDLE_TIMEOUT),
            idle_warning: Duration::from_secs(DEFAULT_IDLE_WARNING),
            pin: None,
        }
    }
}

/// Where the kiosk is between visitors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The still invitation; no timers run.
    Attract,
    /// Someone is using it.
    Visiting,
}

/// An unattended kiosk (`hangup kiosk`): the invitation, one visitor's practice, the idle reset and the staff exit.
pub struct Kiosk {
    /// The current visitor's session. Replaced, not cleared, on every reset.
    pub app: App,
    library: Library,
    options: Options,
    /// Waiting for a visitor, or in use.
    pub stage: Stage,
    idle: Idle,
    /// Seconds left, while "Are you still there?" shows.
    pub warning: Option<u64>,
    debounce: Debounce,
    /// The block a finger went down on. A touch acts when the finger lifts
    /// on the same block, so sliding off cancels it.
    pressed: Option<Target>,
    /// The staff exit: the hidden key sequence and PIN prompt.
    pub staff: StaffExit,
    /// The day's counts and where they are saved.
    pub store: Store,
    /// False once staff have left with the PIN; the loop then ends.
    pub running: bool,
    /// The clock's last reading (for the lock countdown on the PIN prompt).
    now: Option<Instant>,
    /// The calls already counted as finished in this visit: each once.
    counted: std::collections::BTreeSet<String>,
    /// The language each visitor starts in (the settings' `language`).
    home_language: Language,
    /// The extra scenarios folder, to load the calls again in another language.
    scenarios: Option<PathBuf>,
    /// Where the language choice was last drawn on the invitation.
    choice_at: std::cell::Cell<Option<screens::LanguageBlocks>>,
    /// `--speak`: every screen is said, in words for touch.
    pub speaker: Option<crate::speech::Speaker>,
    /// Why speech went off (the program is missing, say), for the kiosk's
    /// error output: never shown to a visitor.
    pub speech_off: Option<String>,
}

/// The app for a new visitor: nothing from the last one, and the quick check
/// offered first (each visitor is someone new).
fn new_visit(library: &Library, options: &Options) -> App {
    let mut app = App::new(library.clone(), options.clone());
    app.practice.quick = Some(QuickState::fresh(
        QuickCheck::builtin(),
        Mode::Kiosk.calls_before_after_check(),
    ));
    app.enter_start();
    app
}

impl Kiosk {
    /// A kiosk over `library`, showing the invitation; `options.mode` is set to kiosk whatever it was.
    pub fn new(library: Library, mut options: Options, settings: Settings, store: Store) -> Self {
        options.mode = Mode::Kiosk;
        Self {
            app: new_visit(&library, &options),
            library,
            options,
            stage: Stage::Attract,
            idle: Idle::new(settings.idle_timeout, settings.idle_warning),
            warning: None,
            debounce: Debounce::default(),
            pressed: None,
            staff: StaffExit::new(settings.pin),
            store,
            running: true,
            now: None,
            counted: Default::default(),
            speaker: None,
            speech_off: None,
            home_language: crate::i18n::current(),
            scenarios: None,
            choice_at: std::cell::Cell::new(None),
        }
    }

    /// Say every screen with `speaker` (`--speak`); each screen then has a
    /// "Hear it again" block. A speaker that is off already (its program is
    /// missing) is not kept: why is noted in `speech_off`.
    pub fn with_speaker(mut self, mut speaker: crate::speech::Speaker) -> Self {
        speaker.check();
        if let Some(n) = speaker.notice.take() {
            self.speech_off = Some(n);
        } else if speaker.is_on() {
            self.speaker = Some(speaker);
        }
        self.app.flow.speaking = self.speaker.is_some();
        self
    }

    /// A new visit: nothing from the last one (speech stays as it is).
    fn new_visit(&mut self) {
        self.app = new_visit(&self.library, &self.options);
        self.app.flow.speaking = self.speaker.is_some();
    }

    /// The language each visitor starts in, and the extra scenarios folder
    /// (so the calls can be loaded again when a visitor picks a language).
    pub fn with_languages(mut self, home: Language, scenarios: Option<PathBuf>) -> Self {
        self.home_language = home;
        self.scenarios = scenarios;
        self.set_language(home);
        self
    }

    /// Speak `language` from now on: the words, the calls and the catalogues.
    /// A new visit starts (this only happens on the invitation).
    pub fn set_language(&mut self, language: Language) {
        if language == crate::i18n::current() {
            return;
        }
        crate::i18n::set_current(language);
        self.library = Library::load_in(self.scenarios.as_deref(), language);
        self.new_visit();
    }

    /// The language a key or touch on the invitation asks for: c or w for
    /// Cymraeg, e for English, or a touch on one of the two blocks.
    fn language_asked(&self, event: &Event) -> Option<Language> {
        match event {
            Event::Key(k) => match k.code {
                KeyCode::Char('c' | 'C' | 'w' | 'W') => Some(Language::Cy),
                KeyCode::Char('e' | 'E') => Some(Language::EnGb),
                _ => None,
            },
            Event::Mouse(m) => self.choice_at.get()?.at(m.column, m.row),
            _ => None,
        }
    }

    /// Back to the invitation, forgetting everything about the visitor.
    pub fn reset(&mut self) {
        // The next visitor starts in the kiosk's own language.
        self.set_language(self.home_language);
        self.new_visit();
        self.stage = Stage::Attract;
        self.warning = None;
        self.idle.disarm();
        self.debounce.reset();
        self.pressed = None;
        self.staff.cancel();
        self.counted.clear();
    }

    /// Handle one event at time `now`. True when the screen must be redrawn.
    pub fn handle(&mut self, event: &Event, now: Instant) -> bool {
        self.now = Some(now);
        if matches!(event, Event::Resize(..)) {
            return true;
        }
        if let Event::Mouse(m) = event
            && m.kind == MouseEventKind::Up(MouseButton::Left)
        {
            return self.lifted(m.column, m.row);
        }
        let press = match event {
            Event::Key(k) => k.kind == KeyEventKind::Press,
            Event::Mouse(m) => m.kind == MouseEventKind::Down(MouseButton::Left),
            _ => false,
        };
        if !press {
            return false;
        }
        // The idle timer first: input that only dismisses the warning (or
        // comes too late) is not acted on.
        if self.idle.is_armed() {
            match self.idle.on_input(now) {
                IdleState::Active => {}
                IdleState::Warning { .. } => {
                    self.warning = None;
                    self.debounce.reset();
                    return true;
                }
                IdleState::Expired => {
                    self.expire();
                    return true;
                }
            }
        }
        match self.staff.on_event(event, now) {
            StaffStep::Exit => {
                self.running = false;
                return true;
            }
            StaffStep::Taken => {
                // The PIN prompt also goes away if staff walk off.
                if self.staff.prompt().is_some() && !self.idle.is_armed() {
                    self.idle.arm(now);
                }
                // Closed again on the invitation (Esc, or a held F10's
                // repeat): no timer runs there.
                if self.staff.prompt().is_none() && self.stage == Stage::Attract {
                    self.idle.disarm();
                }
                return true;
            }
            StaffStep::Pass => {}
        }
        if !self.debounce.accept(event, now) {
            return false;
        }
        match self.stage {
            Stage::Attract => {
                // The key or touch that wakes the kiosk only wakes it (in
                // the language it chose, if it chose one).
                if let Some(language) = self.language_asked(event) {
                    self.set_language(language);
                }
                self.stage = Stage::Visiting;
                self.idle.arm(now);
                self.store.record(|c, day| c.visit_started(day));
                true
            }
            Stage::Visiting => {
                if let Event::Mouse(m) = event {
                    // Nothing happens yet: a touch acts when the finger lifts.
                    self.pressed = self.app.target_at(m.column, m.row);
                    return false;
                }
                let Some(action) = keymap::action_for(event) else {
                    return false;
                };
                self.act(action)
            }
        }
    }

    /// The finger lifted at (column, row): act if it is on the block it went
    /// down on (and nothing, such as the idle warning, came in between).
    fn lifted(&mut self, column: u16, row: u16) -> bool {
        let Some(down) = self.pressed.take() else {
            return false;
        };
        let calm = self.stage == Stage::Visiting
            && self.warning.is_none()
            && self.staff.prompt().is_none();
        if !calm || self.app.target_at(column, row) != Some(down) {
            return false;
        }
        self.act(Action::Click { column, row })
    }

    /// Act on a visitor's key or touch, counting what is worth counting
    /// (the flow's effects: finished calls and quick-check scores, numbers only).
    fn act(&mut self, action: Action) -> bool {
        let changed = self.app.update(action);
        for e in self.app.flow.take_effects() {
            match e {
                // Each call once per visit: replaying it again and again
                // (key-mashing) cannot inflate the centre's figures.
                Effect::CallFinished(f) => {
                    let r = f.result;
                    if self.counted.insert(r.scenario.clone()) {
                        self.store
                            .record(|c, day| c.call_finished(day, &r.scenario, r.outcome));
                    }
                }
                Effect::CheckFinished(stage, score) => {
                    self.store
                        .record(|c, day| c.check_finished(day, stage, score));
                }
                // "Hear it again" (its block, or `s`).
                Effect::SayAgain => {
                    if let Some(sp) = self.speaker.as_mut() {
                        sp.again();
                    }
                }
                // "Cymraeg / English" on the list or the offer: the visit
                // goes on in the other language (the next visitor starts
                // in the kiosk's own again).
                Effect::Language(language) => {
                    self.library = crate::practice::switch_language(
                        &mut self.app.flow,
                        language,
                        self.scenarios.as_deref(),
                    );
                    if let Some(sp) = self.speaker.as_mut() {
                        sp.set_language(language);
                    }
                }
            }
        }
        changed
    }

    fn expire(&mut self) {
        if self.stage == Stage::Visiting {
            self.store.record(|c, day| c.idle_reset(day));
        }
        self.reset();
    }

    /// The loop woke at a deadline (or for no reason): update the countdown.
    pub fn tick(&mut self, now: Instant) -> bool {
        let before = self.now.and_then(|t| self.staff.locked(t));
        self.now = Some(now);
        let countdown = self.staff.prompt().is_some() && self.staff.locked(now) != before;
        countdown | self.idle_tick(now)
    }

    fn idle_tick(&mut self, now: Instant) -> bool {
        match self.idle.on_tick(now) {
            IdleState::Active => self.warning.take().is_some(),
            IdleState::Warning { seconds_left } => {
                let changed = self.warning != Some(seconds_left);
                self.warning = Some(seconds_left);
                changed
            }
            IdleState::Expired => {
                self.expire();
                true
            }
        }
    }

    /// The idle timer's next wake, or the end of a PIN lock if that is sooner
    /// (so the prompt can say the exit is open again).
    pub fn next_deadline(&self, now: Instant) -> Option<Instant> {
        let idle = self.idle.next_deadline(now);
        // While the PIN prompt shows a lock, wake when its seconds change.
        let lock = self.staff.prompt().and_then(|_| {
            let end = self.staff.unlock_at(now)?;
            let left = self.staff.locked(now)?;
            end.checked_sub(Duration::from_secs(left.saturating_sub(1)))
                .filter(|&t| t > now)
                .or(Some(end))
        });
        match (idle, lock) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Draw the screen: the PIN prompt, "Are you still there?", the invitation, or the visitor's call, whichever is up.
    pub fn draw(&self, frame: &mut Frame) {
        let theme = &self.app.options.theme;
        if let Some(typed) = self.staff.prompt() {
            let locked = self.now.and_then(|t| self.staff.locked(t));
            screens::staff_prompt(frame, theme, typed, self.staff.wrong, locked);
        } else if let Some(left) = self.warning {
            screens::still_there(frame, theme, left);
        } else if self.stage == Stage::Attract {
            self.choice_at.set(Some(screens::attract(frame, theme)));
        } else {
            ui::draw(frame, &self.app);
        }
    }
}

impl Kiosk {
    /// The model of the screen shown, as speech says it: the invitation,
    /// "Are you still there?" or the visitor's screen. `None` while the
    /// staff PIN prompt shows (staff only; speech is quiet there).
    pub fn model(&self) -> Option<crate::present::Screen> {
        if self.staff.prompt().is_some() {
            None
        } else if let Some(left) = self.warning {
            Some(crate::present::kiosk::still_there(left))
        } else if self.stage == Stage::Attract {
            Some(crate::present::kiosk::invitation())
        } else {
            Some(crate::present::screens::screen(&self.app.flow))
        }
    }

    /// With `--speak`: say the screen shown (if it changed), in words for
    /// touch. True when a notice (speech failed) must be shown.
    pub fn say(&mut self) -> bool {
        let Some(sp) = self.speaker.as_mut() else {
            return false;
        };
        if self.staff.prompt().is_some() {
            sp.stop();
        } else if self.warning.is_some() {
            // Said once, with the whole countdown, not again each second.
            let full = crate::present::kiosk::still_there(self.idle.warning_secs());
            sp.say_if_new(&spoken(&full, Hands::Touch));
        } else if self.stage == Stage::Attract {
            sp.say_if_new(&spoken(&crate::present::kiosk::invitation(), Hands::Touch));
        } else if crate::practice::speak(&mut self.app.flow, sp, false) {
            // Off from now on: for the staff, not the visitor's screen.
            let n = self.app.flow.speech_off.take();
            self.stop_speech(n);
            return true;
        }
        if let Some(n) = self.speaker.as_mut().and_then(|sp| sp.notice.take()) {
            self.stop_speech(Some(n));
            return true;
        }
        false
    }

    /// Speech failed: no more speaking, no "Hear it again", and why noted
    /// for the error output (written at once when that is not the screen,
    /// as under systemd; else when the screen is given back).
    fn stop_speech(&mut self, why: Option<String>) {
        use std::io::IsTerminal;
        self.speaker = None;
        self.app.flow.speaking = false;
        if let Some(n) = why {
            if !std::io::stderr().is_terminal() {
                crate::sanitize::note(&format!("hangup: {n}"));
            } else {
                self.speech_off = Some(n);
            }
        }
    }
}

impl Driver for Kiosk {
    fn running(&self) -> bool {
        self.running
    }
    fn draw(&self, frame: &mut Frame) {
        Kiosk::draw(self, frame);
    }
    fn on_event(&mut self, event: &Event, now: Instant) -> bool {
        self.handle(event, now)
    }
    fn deadline(&self, now: Instant) -> Option<Instant> {
        self.next_deadline(now)
    }
    fn on_deadline(&mut self, now: Instant) -> bool {
        self.tick(now)
    }
    /// Said once drawn: the list's page is then the one on screen.
    fn after_draw(&mut self) -> bool {
        self.say()
    }
    fn screen_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        format!(
            "{:?} {} {:?}",
            self.stage,
            self.warning.is_some(),
            self.staff.prompt().is_some()
        )
        .hash(&mut h);
        crate::tui::app_screen_key(&self.app).hash(&mut h);
        h.finish()
    }
    /// The visitor's screen, and the staff exit: every F10 press reaches
    /// it, and every digit at its PIN prompt (see `tui::guard`).
    fn input_context(&self, width: u16, height: u16) -> crate::tui::guard::Context {
        let prompt = self.staff.prompt().is_some();
        let visitor = crate::tui::app_input_context(&self.app, width, height);
        crate::tui::guard::Context {
            staff_exit: self.staff.enabled(),
            pin_prompt: prompt,
            // The visitor's feedback screen under the prompt is not on show.
            feedback: !prompt && visitor.feedback,
            ..visitor
        }
    }
    /// Every screen change and idle reset repaints the whole screen, so a
    /// kernel message written to the console never stays.
    fn repaint_on_change(&self) -> bool {
        true
    }
}

/// One line for each scenario file in `library` that could not be used,
/// for the kiosk's error output (the journal): "hangup: the scenario file
/// X could not be used: why." A visitor's screen never shows these. The
/// file name and reason come from outside, so each line is made safe.
pub fn file_warnings(library: &Library) -> Vec<String> {
    library
        .skipped
        .iter()
        .map(|s| {
            let reason = crate::sanitize::line(&s.reason);
            format!(
                "hangup: the scenario file {} could not be used: {}.",
                crate::sanitize::line(&s.path),
                reason.trim_end_matches('.')
            )
        })
        .collect()
}

fn fail(error: &crate::Error) -> ExitCode {
    crate::sanitize::note(&format!("hangup: {error}"));
    ExitCode::from(2)
}

/// `hangup kiosk`. Exit code 2 for a bad settings file or option.
pub fn main(cli: &crate::cli::Cli, args: &KioskArgs) -> ExitCode {
    use std::io::IsTerminal;
    crate::tui::guard::set_settle(Duration::from_millis(cli.key_pause.min(5_000)));
    let (config, _) = match config::load(args.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return fail(&e),
    };
    match crate::i18n::choose(
        cli.language.as_deref(),
        config.language.as_deref(),
        crate::i18n::real_env,
    ) {
        Ok((language, _)) => crate::i18n::set_process(language),
        Err(e) => return fail(&e),
    }
    let scenarios = cli.scenarios.clone().or(config.scenarios.clone());
    if let Some(dir) = &scenarios
        && !dir.is_dir()
    {
        return fail(&crate::Error::ScenariosNotFound(dir.clone()));
    }
    let library = Library::load(scenarios.as_deref());
    // Said once, at the start, for whoever looks after the kiosk (systemd
    // keeps it in the journal); never on a visitor's screen.
    for line in file_warnings(&library) {
        crate::sanitize::note(&line);
    }
    let region_asked = cli
        .region
        .map(|r| r.id().to_string())
        .or(config.region.clone());
    if let Some(r) = &region_asked
        && !library.catalogue.has_region(r)
    {
        return fail(&crate::Error::UnknownRegion {
            name: r.clone(),
            choices: library
                .catalogue
                .region_ids()
                .iter()
                .map(ToString::to_string)
                .collect(),
        });
    }
    let region = library
        .catalogue
        .region(region_asked.as_deref())
        .to_string();
    // Every setting is range-checked before anything starts (one plain line, exit 2).
    let secs = |name: &str, cli: Option<u64>, file: Option<u64>, default: u64| {
        config::check_seconds(name, cli.or(file).unwrap_or(default)).map(Duration::from_secs)
    };
    let settings = match (
        secs(
            "idle-timeout",
            args.idle_timeout,
            config.idle_timeout,
            DEFAULT_IDLE_TIMEOUT,
        ),
        secs(
            "idle-warning",
            args.idle_warning,
            config.idle_warning,
            DEFAULT_IDLE_WARNING,
        ),
    ) {
        (Ok(idle_timeout), Ok(idle_warning)) => Settings {
            idle_timeout,
            idle_warning,
            pin: config.pin.clone(),
        },
        (Err(e), _) | (_, Err(e)) => return fail(&e),
    };
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return fail(&crate::Error::KioskNeedsTerminal);
    }
    let dir = crate::stats::data_dir(cli.data_dir.as_deref(), config.data_dir.as_deref());
    let mut store = Store::open(dir.as_deref());
    // Said once, before the screen is taken over (systemd keeps it in the journal).
    for w in store.warnings.drain(..) {
        crate::sanitize::note(&w);
    }
    let options = Options {
        mode: Mode::Kiosk,
        region,
        seed: cli.seed,
        theme: kiosk_theme(cli, &config),
        large: cli.large || config.large.unwrap_or(false),
    };
    // `--speak`, or `speak = true` in the settings file.
    let speak = cli.speak || config.speak.unwrap_or(false);
    // `--speak-command` wins over `speak-command` (the default is "not given").
    let speak_command = match &config.speak_command {
        Some(c) if cli.speak_command == crate::speech::DEFAULT_COMMAND => c.clone(),
        _ => cli.speak_command.clone(),
    };
    let home = crate::i18n::current();
    let mut kiosk = Kiosk::new(library, options, settings, store).with_languages(home, scenarios);
    if speak {
        // Said after the first frame is drawn (see `after_draw`).
        kiosk = kiosk.with_speaker(crate::speech::Speaker::for_language(&speak_command));
        // A missing program is said now, before the screen is taken over.
        if let Some(n) = kiosk.speech_off.take() {
            crate::sanitize::note(&format!("hangup: {n}"));
        }
    }
    crate::tui::term::ignore_interrupts();
    let result = crate::tui::run_with(&mut kiosk);
    for w in &kiosk.store.warnings {
        crate::sanitize::note(w);
    }
    if let Some(n) = &kiosk.speech_off {
        crate::sanitize::note(&format!("hangup: {n}"));
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let e = crate::Error::Screen(e);
            crate::sanitize::note(&format!("hangup: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// `hangup stats`.
pub fn stats_main(cli: &crate::cli::Cli, args: &StatsArgs) -> ExitCode {
    // The settings file (readable only by root and the kiosk user: it holds
    // the PIN) is read only for its `data-dir`: with `--data-dir` it is not
    // needed, unless `--config` names it.
    let config = if cli.data_dir.is_some() && args.config.is_none() {
        config::Config::default()
    } else {
        match config::load(args.config.as_deref()) {
            Ok((c, _)) => c,
            Err(e) => return fail(&e),
        }
    };
    let dir = crate::stats::data_dir(cli.data_dir.as_deref(), config.data_dir.as_deref());
    if let Some(file) = &args.report {
        return match crate::report::write(dir.as_deref(), cli.scenarios.as_deref(), file) {
            Ok(said) => {
                use std::io::Write as _;
                let _ = writeln!(std::io::stdout().lock(), "{}", crate::sanitize::line(&said));
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        };
    }
    let stdout = std::io::stdout();
    let mut out = crate::sanitize::Clean::new(stdout.lock());
    match crate::stats::print(dir.as_deref(), args.csv, &mut out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() || crate::sanitize::reader_gone() => ExitCode::SUCCESS,
        Err(e) => {
            crate::sanitize::note(&format!("hangup: {e}"));
            ExitCode::FAILURE
        }
    }
}

/// `--theme` wins over the settings file's `theme`; without either the
/// terminal is asked (the Linux console is known without asking).
fn kiosk_theme(cli: &crate::cli::Cli, config: &config::Config) -> crate::tui::theme::Theme {
    use crate::tui::theme::{self, Background, Theme};
    let forced = cli.theme.map(|t| t.background()).or(match config.theme {
        Some(config::ThemeSetting::Light) => Some(Background::Light),
        Some(config::ThemeSetting::Dark) => Some(Background::Dark),
        None => None,
    });
    let background = if cli.high_contrast || cli.monochrome {
        forced.unwrap_or_else(theme::background_from_env)
    } else {
        theme::detect_background(forced)
    };
    Theme::choose(cli.high_contrast, cli.monochrome, background)
}
