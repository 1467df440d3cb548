//! Taking over the terminal, and always giving it back.
//!
//! The terminal must be restored on every way out: normal exit, error return,
//! panic, SIGTERM, SIGHUP and SIGINT. `restore` is idempotent (an atomic flag),
//! so the guard's `Drop`, the panic hook and the signal thread can all call it.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::{Terminal, backend::CrosstermBackend};

/// True while the terminal is in our hands.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Mouse reporting for presses and releases only (modes 1000 + SGR 1006).
/// crossterm's `EnableMouseCapture` also turns on motion reporting (1002/1003),
/// which would wake the program on every twitch of a touchscreen or mouse.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

/// The drawing area is capped (see `capped`): no reported size can exhaust memory.
pub type Tui = Terminal<super::capped::Capped<CrosstermBackend<io::Stdout>>>;

/// Owns the terminal; restores it when dropped (also on `?` error returns).
pub struct TerminalGuard {
    /// The ratatui terminal to draw on, over the real one (raw mode, alternate screen).
    pub terminal: Tui,
}

impl TerminalGuard {
    /// Take over the terminal: raw mode, alternate screen, hidden cursor, and mouse presses when `mouse` is true. Installs the panic, signal and hang-up handlers that restore it.
    pub fn new(mouse: bool) -> io::Result<Self> {
        install_panic_hook();
        install_signal_handlers();
        watch_for_hangup();
        // Mark the terminal as ours *before* changing it, so a signal that
        // arrives in between still restores it.
        ACTIVE.store(true, Ordering::SeqCst);
        MOUSE.store(mouse, Ordering::SeqCst);
        if let Err(e) = enable_raw_mode() {
            ACTIVE.store(false, Ordering::SeqCst);
            return Err(e);
        }
        let mut out = io::stdout();
        let setup = (|| {
            // Bracketed paste: a paste arrives as one event, never as keys
            // (a pasted phone number must not answer questions).
            execute!(
                out,
                EnterAlternateScreen,
                cursor::Hide,
                EnableBracketedPaste
            )?;
            if mouse {
                out.write_all(MOUSE_ON)?;
                out.flush()?;
            }
            Terminal::new(super::capped::Capped(CrosstermBackend::new(io::stdout())))
        })();
        match setup {
            Ok(terminal) => Ok(Self { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Whether mouse reporting was asked for (to turn it on again after Ctrl-Z).
static MOUSE: AtomicBool = AtomicBool::new(false);
/// Set when the terminal was handed back for SIGTSTP, so SIGCONT takes it again.
static SUSPENDED: AtomicBool = AtomicBool::new(false);
/// Set when the screen must be drawn again from scratch (after SIGCONT).
static REDRAW: AtomicBool = AtomicBool::new(false);

/// True once after the terminal was taken back (SIGCONT): the loop must clear
/// and draw the whole screen, since what was there is gone.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Take the terminal again after a stop (SIGCONT): raw mode, the alternate
/// screen, no cursor, paste and mouse as before. Then wake the main loop with a
/// resize (SIGWINCH becomes a resize event) so it redraws.
fn resume() {
    if SUSPENDED.swap(false, Ordering::SeqCst) {
        ACTIVE.store(true, Ordering::SeqCst);
        let _ = enable_raw_mode();
        let mut out = io::stdout().lock();
        let _ = execute!(
            out,
            EnterAlternateScreen,
            cursor::Hide,
            EnableBracketedPaste
        );
        if MOUSE.load(Ordering::SeqCst) {
            let _ = out.write_all(MOUSE_ON);
        }
        let _ = out.flush();
    }
    REDRAW.store(true, Ordering::SeqCst);
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGWINCH);
}

/// Give the terminal back, then stop (SIGTSTP, e.g. `kill -TSTP`). `fg` sends
/// SIGCONT, and [`resume`] takes it again.
fn suspend() {
    if ACTIVE.load(Ordering::SeqCst) {
        restore();
        SUSPENDED.store(true, Ordering::SeqCst);
    }
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGSTOP);
}

/// Clear the whole terminal and make the next draw repaint everything.
/// (ratatui's `Terminal::clear` first asks the terminal where its cursor is,
/// which fails after two seconds on a terminal that does not answer.)
pub fn clear(terminal: &mut Tui) -> io::Result<()> {
    use ratatui::backend::{Backend, ClearType};
    terminal.backend_mut().clear_region(ClearType::All)?;
    // Forget the last frame, so the next draw sends every cell.
    terminal.swap_buffers();
    Ok(())
}

/// Give the terminal back: mouse off, cursor on, main screen, cooked mode.
/// Safe to call more than once and from any thread.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout().lock();
    let _ = out.write_all(MOUSE_OFF);
    let _ = execute!(
        out,
        DisableBracketedPaste,
        cursor::Show,
        LeaveAlternateScreen
    );
    let _ = out.flush();
    drop(out);
    let _ = disable_raw_mode();
}

/// Clean-up to do on every way out (a signal, a lost terminal, a panic, or
/// when the caller calls [`run_at_exit`] after a normal end): for example the
/// group session's socket file. Each function runs at most once.
static AT_EXIT: std::sync::Mutex<Vec<fn()>> = std::sync::Mutex::new(Vec::new());

/// Run `f` on the way out, however the program ends (except SIGKILL).
pub fn at_exit(f: fn()) {
    if let Ok(mut v) = AT_EXIT.lock()
        && !v.contains(&f)
    {
        v.push(f);
    }
}

/// Run (and forget) the clean-up registered with [`at_exit`].
pub fn run_at_exit() {
    let fs = match AT_EXIT.lock() {
        Ok(mut v) => std::mem::take(&mut *v),
        Err(_) => return,
    };
    for f in fs {
        f();
    }
}

fn install_panic_hook() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            run_at_exit();
            previous(info);
            // A release build aborts on panic (Cargo.toml): exit with Rust's
            // usual panic code instead of SIGABRT and a core dump. The
            // terminal is already restored above.
            if cfg!(panic = "abort") {
                std::process::exit(101);
            }
        }));
    });
}

/// Set by [`ignore_interrupts`]: SIGINT no longer ends the program.
static INTERRUPTS_IGNORED: AtomicBool = AtomicBool::new(false);

/// Kiosk mode: SIGINT, SIGQUIT and SIGTSTP (Ctrl-C, Ctrl-\, Ctrl-Z if they
/// ever arrive as signals; raw mode already turns those keys into plain input)
/// neither end nor suspend the program. SIGTERM and SIGHUP still end it
/// cleanly. Call before [`TerminalGuard::new`].
pub fn ignore_interrupts() {
    use signal_hook::consts::{SIGQUIT, SIGTSTP};
    INTERRUPTS_IGNORED.store(true, Ordering::SeqCst);
    // Registering a handler replaces the default action (stop, core dump).
    let swallow = std::sync::Arc::new(AtomicBool::new(false));
    for sig in [SIGQUIT, SIGTSTP] {
        let _ = signal_hook::flag::register(sig, std::sync::Arc::clone(&swallow));
    }
}

/// SIGTERM (systemd stop), SIGHUP (terminal closed), SIGINT, SIGQUIT, SIGUSR1
/// and SIGALRM end the program cleanly: the terminal is restored before the
/// process exits with 128 + signal. SIGTSTP hands the terminal back and stops;
/// SIGCONT takes it again and redraws (the kiosk ignores SIGINT, SIGQUIT and
/// SIGTSTP). The main loop blocks on input, so a small thread waits for
/// signals instead of the loop waking up to look for them.
fn install_signal_handlers() {
    use signal_hook::consts::{
        SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1,
    };
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let Ok(mut signals) = signal_hook::iterator::Signals::new([
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGALRM, SIGTSTP, SIGCONT,
        ]) else {
            return;
        };
        let _ = std::thread::Builder::new()
            .name("signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    let kiosk = INTERRUPTS_IGNORED.load(Ordering::SeqCst);
                    match sig {
                        SIGINT | SIGQUIT | SIGTSTP if kiosk => continue,
                        SIGTSTP => suspend(),
                        SIGCONT => resume(),
                        _ => {
                            restore();
                            run_at_exit();
                            std::process::exit(128 + sig);
                        }
                    }
                }
            });
    });
}

/// When the terminal goes away without a SIGHUP reaching us (the program was
/// started in its own session, or the hangup signal went elsewhere), reading
/// the terminal fails at once, over and over. crossterm's reader retries such
/// errors in a loop, which would burn a whole CPU core forever. So a thread
/// sleeps in `poll()` on the terminal asking for no events at all: the kernel
/// wakes it only for a hang-up or an error, and then we leave (exit 129, as
/// for SIGHUP). While the terminal is alive this thread uses no CPU.
fn watch_for_hangup() {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::io::IsTerminal;
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // crossterm reads keys from stdin when it is a terminal (the only case
        // in which the full-screen front end runs).
        if !io::stdin().is_terminal() {
            return;
        }
        let _ = std::thread::Builder::new()
            .name("hangup-watch".into())
            .spawn(|| {
                let stdin = io::stdin();
                loop {
                    let mut fds = [PollFd::new(&stdin, PollFlags::empty())];
                    match poll(&mut fds, None) {
                        Ok(_) => {
                            let gone = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                            if fds[0].revents().intersects(gone) {
                                restore();
                                run_at_exit();
                                std::process::exit(129);
                            }
                        }
                        Err(rustix::io::Errno::INTR) => {}
                        // poll itself failed: stop watching rather than spin.
                        Err(_) => return,
                    }
                }
            });
    });
}
