//! The REAL binary in a pseudo-terminal (portable-pty), read back through a
//! terminal emulator written in Rust (vt100): text, colours, bold/reverse,
//! the cursor and the terminal's modes. No tmux needed.
//!
//! The program runs under a tiny `sh` wrapper that records its pid, then its
//! exit code and `stty -a` on the same terminal once it has ended, so tests can
//! check that the terminal was given back in cooked mode.
//!
//! Like a real terminal, the emulator answers the two queries the program may
//! send at start: the background colour (OSC 11) when the test gives one, and
//! the device attributes (DA1), which every real terminal answers.
//! Every wait is bounded.
//!
//! The program runs with the `HANGUP_TEST_IDLE_MARK=1` test hook
//! (src/tui/hooks.rs): each time it has drawn and waits for input it writes
//! a window title "hangup-idle EVENTS WAIT" (not shown on the screen), with
//! the terminal events it has read and the milliseconds until its input
//! guard takes a press (the rest of the settle window after a screen change,
//! or of the gap after a paste). The helper counts the events it sends, so
//! `settle` waits until the program has taken all of them and drawn the
//! result, and `pause` waits exactly until a press counts, not a guessed
//! quiet spell. (A repeat of the same key stays a held key for longer.)
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const BIN: &str = env!("CARGO_BIN_EXE_hangup");
const STEP: Duration = Duration::from_millis(20);

/// What the wrapper prints once hangup has ended (a window title, which
/// the emulator does not show), as `printf` is given it and as it arrives.
const ENDED: &str = r"\033]2;hangup-ended\007";
const ENDED_BYTES: &[u8] = b"\x1b]2;hangup-ended\x07";

/// How to start the program.
#[derive(Clone)]
pub struct Setup {
    pub cols: u16,
    pub rows: u16,
    pub term: String,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    /// The background colour the emulator reports for OSC 11 (`None`: it
    /// does not answer that query, like the Linux console).
    pub background: Option<(u8, u8, u8)>,
    /// Answer the device-attributes query (every real terminal does).
    pub answer_da1: bool,
    /// Run the program in a session of its own (no SIGHUP when the terminal goes).
    pub setsid: bool,
}

impl Setup {
    pub fn new(args: &[&str]) -> Self {
        Self {
            cols: 80,
            rows: 24,
            term: "xterm-256color".into(),
            args: args.iter().map(|a| a.to_string()).collect(),
            env: Vec::new(),
            background: None,
            answer_da1: true,
            setsid: false,
        }
    }
    pub fn size(mut self, cols: u16, rows: u16) -> Self {
        self.cols = cols;
        self.rows = rows;
        self
    }
    pub fn term(mut self, term: &str) -> Self {
        self.term = term.into();
        self
    }
    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }
    pub fn background(mut self, rgb: (u8, u8, u8)) -> Self {
        self.background = Some(rgb);
        self
    }
    /// `--key-pause MS` before the other arguments: the input guard's
    /// settle window. Tests that are not about that window use 0, so no
    /// step waits for it; the doubled-key tests in terminals.rs keep the
    /// real one.
    pub fn key_pause(mut self, ms: u64) -> Self {
        self.args
            .splice(0..0, ["--key-pause".to_string(), ms.to_string()]);
        self
    }
    pub fn setsid(mut self) -> Self {
        self.setsid = true;
        self
    }
    pub fn spawn(self) -> Pty {
        Pty::spawn(self)
    }
}

/// Answers to the terminal queries, collected while parsing.
struct Answers {
    background: Option<(u8, u8, u8)>,
    da1: bool,
    out: Vec<u8>,
    /// Every query seen, for tests that check what was asked.
    asked: Vec<String>,
    /// Idle marks parsed from the last chunk: (events read, ms until a press counts).
    marks: Vec<(u64, u64)>,
}

/// The program's latest idle mark (see the module docs).
#[derive(Clone, Copy, Debug)]
struct Mark {
    /// Terminal events the program had read.
    events: u64,
    /// How long from when it was written until the input guard takes a press.
    left: Duration,
    /// When the mark was read here (after it was written).
    at: Instant,
}

const IDLE_PREFIX: &str = "hangup-idle ";

impl vt100::Callbacks for Answers {
    fn unhandled_csi(
        &mut self,
        _: &mut vt100::Screen,
        i1: Option<u8>,
        _i2: Option<u8>,
        params: &[&[u16]],
        c: char,
    ) {
        if c == 'c' && i1.is_none() && params.iter().all(|p| p.iter().all(|&n| n == 0)) {
            self.asked.push("DA1".into());
            if self.da1 {
                // A VT220-class terminal.
                self.out.extend_from_slice(b"\x1b[?62;22c");
            }
        }
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        let Some(rest) = std::str::from_utf8(title)
            .ok()
            .and_then(|t| t.strip_prefix(IDLE_PREFIX))
        else {
            return;
        };
        let mut parts = rest.split(' ').map(str::parse::<u64>);
        if let (Some(Ok(events)), Some(Ok(ms)), None) = (parts.next(), parts.next(), parts.next()) {
            self.marks.push((events, ms));
        }
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, params: &[&[u8]]) {
        if params.len() == 2 && params[0] == b"11" && params[1] == b"?" {
            self.asked.push("OSC 11".into());
            if let Some((r, g, b)) = self.background {
                let reply =
                    format!("\x1b]11;rgb:{r:02x}{r:02x}/{g:02x}{g:02x}/{b:02x}{b:02x}\x1b\\");
                self.out.extend_from_slice(reply.as_bytes());
            }
        }
    }
}

struct Shared {
    parser: vt100::Parser<Answers>,
    raw: Vec<u8>,
    closed: bool,
    /// When the program last wrote anything (a screen change draws).
    last_output: Instant,
    /// When the test last typed anything.
    last_input: Instant,
    /// The program's latest idle mark.
    mark: Option<Mark>,
    /// True while that mark is the last thing the program wrote: it has
    /// drawn and waits for input.
    idle: bool,
    /// Counts the chunks read (the condition variable's state).
    chunks: u64,
}

pub struct Pty {
    pub dir: tempfile::TempDir,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    shared: Arc<Mutex<Shared>>,
    /// Notified on every chunk the program writes.
    wake: Arc<Condvar>,
    /// The terminal events sent so far, as the program's terminal library
    /// reads them (`None`: bytes sent whose count is not known).
    sent: Mutex<Option<u64>>,
    child: Box<dyn Child + Send + Sync>,
    /// Tells the reading thread to let go of the terminal.
    stop: Arc<std::sync::atomic::AtomicBool>,
    tty: Option<PathBuf>,
    reading: Option<std::thread::JoinHandle<()>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Pty {
    pub fn spawn(setup: Setup) -> Pty {
        let dir = tempfile::tempdir().expect("temp dir");
        let quoted: Vec<String> = setup.args.iter().map(|a| format!("'{a}'")).collect();
        let launcher = if setup.setsid { "setsid sh" } else { "sh" };
        let mut exports = String::from("export HANGUP_TEST_IDLE_MARK=1\n");
        for (k, v) in &setup.env {
            exports.push_str(&format!("export {k}='{v}'\n"));
        }
        // The inner `sh` writes its pid, then becomes hangup (exec keeps the
        // pid), so signals go to hangup alone. The outer shell records the
        // exit code and the terminal settings once it has ended.
        let script = format!(
            "cd '{dir}'\n\
             export HANGUP_DATA_DIR='{dir}/data'\n\
             {exports}\
             {launcher} -c 'echo $$ > pid.tmp; mv pid.tmp pid; exec \"$0\" \"$@\"' '{BIN}' {args}\n\
             echo $? > exit.tmp; mv exit.tmp exit\n\
             stty -a > stty.tmp 2>&1; mv stty.tmp stty\n\
             printf '{ENDED}'\n\
             touch done\n\
             sleep 30\n",
            dir = dir.path().display(),
            args = quoted.join(" "),
        );
        std::fs::write(dir.path().join("wrap.sh"), script).expect("write wrapper");

        let pair = native_pty_system()
            .openpty(PtySize {
                rows: setup.rows,
                cols: setup.cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        let mut cmd = CommandBuilder::new("sh");
        cmd.arg(dir.path().join("wrap.sh"));
        cmd.cwd(dir.path());
        for name in [
            "COLORFGBG",
            "NO_COLOR",
            "COLORTERM",
            "HANGUP_DATA_DIR",
            "TMUX",
        ] {
            cmd.env_remove(name);
        }
        cmd.env("TERM", &setup.term);
        let child = pair.slave.spawn_command(cmd).expect("start the wrapper");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let rows = std::num::NonZeroU16::new(setup.rows.max(1)).expect("non-zero");
        let cols = std::num::NonZeroU16::new(setup.cols.max(1)).expect("non-zero");
        let answers = Answers {
            background: setup.background,
            da1: setup.answer_da1,
            out: Vec::new(),
            asked: Vec::new(),
            marks: Vec::new(),
        };
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new_with_callbacks(rows, cols, 0, answers),
            raw: Vec::new(),
            closed: false,
            last_output: Instant::now(),
            last_input: Instant::now(),
            mark: None,
            idle: false,
            chunks: 0,
        }));
        let wake = Arc::new(Condvar::new());
        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let tty = pair.master.tty_name();
        let reading = {
            let shared = Arc::clone(&shared);
            let writer = Arc::clone(&writer);
            let stop = Arc::clone(&stop);
            let wake = Arc::clone(&wake);
            std::thread::spawn(move || {
                let mut buf = [0u8; 8192];
                loop {
                    let n = match reader.read(&mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    if stop.load(std::sync::atomic::Ordering::SeqCst) {
                        break;
                    }
                    let reply = {
                        let mut s = lock(&shared);
                        s.raw.extend_from_slice(&buf[..n]);
                        s.last_output = Instant::now();
                        s.parser.process(&buf[..n]);
                        s.chunks += 1;
                        let marks = std::mem::take(&mut s.parser.callbacks_mut().marks);
                        if let Some(&(events, ms)) = marks.last() {
                            s.mark = Some(Mark {
                                events,
                                left: Duration::from_millis(ms),
                                at: Instant::now(),
                            });
                        }
                        let idle = s.mark.is_some_and(|m| {
                            let left = m.left.as_millis();
                            let bytes = format!("\x1b]2;{IDLE_PREFIX}{} {left}\x07", m.events);
                            s.raw.ends_with(bytes.as_bytes())
                        });
                        s.idle = idle;
                        wake.notify_all();
                        std::mem::take(&mut s.parser.callbacks_mut().out)
                    };
                    if !reply.is_empty() {
                        let mut w = lock(&writer);
                        let _ = w.write_all(&reply);
                        let _ = w.flush();
                    }
                }
                lock(&shared).closed = true;
                wake.notify_all();
            })
        };
        Pty {
            dir,
            master: Some(pair.master),
            writer,
            shared,
            wake,
            sent: Mutex::new(Some(0)),
            child,
            stop,
            tty,
            reading: Some(reading),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Type bytes as the terminal would send them. Without escape
    /// sequences each character is one event; with them the count is not
    /// known, and the next `settle` waits for a quiet spell instead.
    pub fn send(&self, bytes: &[u8]) {
        let events =
            (!bytes.contains(&0x1b)).then(|| String::from_utf8_lossy(bytes).chars().count() as u64);
        self.send_events(bytes, events);
    }

    /// Send `bytes`, which the program reads as `events` terminal events.
    fn send_events(&self, bytes: &[u8], events: Option<u64>) {
        {
            let mut sent = lock(&self.sent);
            *sent = sent.and_then(|n| events.map(|e| n + e));
        }
        let mut w = lock(&self.writer);
        w.write_all(bytes).expect("write to the terminal");
        w.flush().expect("flush");
        lock(&self.shared).last_input = Instant::now();
    }

    /// Type a key by name: "Enter", "Space", "Escape", "Up", "Down", "C-c",
    /// "C-l", or any text.
    pub fn key(&self, key: &str) {
        let bytes: Vec<u8> = match key {
            "Enter" => b"\r".to_vec(),
            "Space" => b" ".to_vec(),
            "Escape" => b"\x1b".to_vec(),
            "Up" => b"\x1b[A".to_vec(),
            "Down" => b"\x1b[B".to_vec(),
            "PageDown" => b"\x1b[6~".to_vec(),
            "PageUp" => b"\x1b[5~".to_vec(),
            "Right" => b"\x1b[C".to_vec(),
            "Left" => b"\x1b[D".to_vec(),
            "F5" => b"\x1b[15~".to_vec(),
            "F10" => b"\x1b[21~".to_vec(),
            k if k.starts_with("C-") && k.len() == 3 => {
                let c = k.as_bytes()[2].to_ascii_lowercase();
                vec![match c {
                    b'\\' => 0x1c,
                    c => c & 0x1f,
                }]
            }
            text => {
                self.send(text.as_bytes());
                return;
            }
        };
        self.send_events(&bytes, Some(1));
        // An Escape alone is only an Escape once nothing follows it quickly:
        // wait until the program has read it.
        if key == "Escape" {
            if lock(&self.sent).is_some() {
                self.settle();
            } else {
                std::thread::sleep(Duration::from_millis(60));
            }
        }
    }

    /// A bracketed paste of `text`.
    pub fn paste(&self, text: &str) {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(b"\x1b[201~");
        self.send_events(&bytes, Some(1));
    }

    /// A left click (press and release, SGR encoding) at a 0-based cell.
    pub fn click(&self, col: u16, row: u16) {
        let (x, y) = (col + 1, row + 1);
        // A press and a release: two events.
        self.send_events(
            format!("\x1b[<0;{x};{y}M\x1b[<0;{x};{y}m").as_bytes(),
            Some(2),
        );
    }

    /// Change the terminal's size (the program gets SIGWINCH).
    pub fn resize(&self, cols: u16, rows: u16) {
        // The emulator first, then the terminal: the program redraws as soon
        // as it hears of the new size, and output drawn for 80 columns into an
        // emulator still 30 wide wraps and garbles the screen (a race seen
        // once in `keys_do_not_act_on_a_covered_screen`).
        let (r, c) = (
            std::num::NonZeroU16::new(rows.max(1)).expect("non-zero"),
            std::num::NonZeroU16::new(cols.max(1)).expect("non-zero"),
        );
        lock(&self.shared).parser.set_size(r, c);
        // The program reads the new size as one event.
        {
            let mut sent = lock(&self.sent);
            *sent = sent.map(|n| n + 1);
        }
        if let Some(m) = &self.master {
            m.resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
        }
    }

    /// Look at the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(lock(&self.shared).parser.screen())
    }

    /// The screen's text, one line per row.
    pub fn screen(&self) -> String {
        self.with_screen(|s| s.contents())
    }

    /// Every byte the program wrote.
    pub fn raw(&self) -> Vec<u8> {
        lock(&self.shared).raw.clone()
    }

    /// The queries the program sent ("OSC 11", "DA1").
    pub fn asked(&self) -> Vec<String> {
        lock(&self.shared).parser.callbacks().asked.clone()
    }

    /// Wait (at most `limit`) until `f` says yes.
    /// It looks again as soon as the program writes, and at least every
    /// `STEP` (for conditions on files).
    pub fn wait_until(&self, limit: Duration, what: &str, mut f: impl FnMut(&Pty) -> bool) {
        let start = Instant::now();
        loop {
            let seen = lock(&self.shared).chunks;
            if f(self) {
                return;
            }
            assert!(
                start.elapsed() < limit,
                "timed out after {limit:?} waiting for {what}; screen:\n{}",
                self.screen()
            );
            let s = lock(&self.shared);
            if s.chunks == seen && !s.closed {
                let _ = self.wake.wait_timeout(s, STEP);
            }
        }
    }

    /// The program has ended (the wrapper has seen it go).
    fn ended(&self) -> bool {
        self.path("done").exists()
    }

    /// Wait out the input guard's settle window after a screen change (or
    /// the gap after a paste), so the next key counts (a person reading the
    /// new screen takes longer): `settle`, then exactly the rest the
    /// program's idle mark gave. The program measured that rest before it
    /// wrote the mark, and the mark is read here after it was written, so a
    /// key sent then is never early. With `--key-pause 0` there is little or
    /// nothing to wait out. A repeat of the last key needs longer (a held key).
    pub fn pause(&self) {
        self.settle();
        let until = lock(&self.shared).mark.map(|m| m.at + m.left);
        if let Some(wait) = until.and_then(|u| u.checked_duration_since(Instant::now())) {
            std::thread::sleep(wait);
        }
    }

    /// Write `text` to the terminal from outside the program, as the kernel
    /// does with its messages on a console.
    pub fn stray(&self, text: &str) {
        let tty = self.tty.as_ref().expect("the terminal's name");
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .open(tty)
            .expect("open the terminal");
        f.write_all(text.as_bytes()).expect("write stray text");
    }

    pub fn wait_for_text(&self, text: &str) {
        self.wait_until(Duration::from_secs(10), text, |p| p.screen().contains(text));
    }

    /// Wait until the program has read every event sent so far, acted on
    /// it, drawn the result and waits for input (its idle mark is the last
    /// thing it wrote), or has ended. After bytes whose events are not
    /// counted (`send` with escape sequences), wait instead until it is idle
    /// and has written nothing for 150 ms, then count from its mark.
    pub fn settle(&self) {
        let sent = *lock(&self.sent);
        if let Some(n) = sent {
            self.wait_until(
                Duration::from_secs(10),
                &format!("the program to take all {n} events sent and draw"),
                |p| {
                    let taken = {
                        let s = lock(&p.shared);
                        (s.idle && s.mark.is_some_and(|m| m.events >= n)) || s.closed
                    };
                    taken || p.ended()
                },
            );
            return;
        }
        let start = Instant::now();
        self.wait_until(Duration::from_secs(10), "the program to go quiet", |p| {
            let quiet = {
                let s = lock(&p.shared);
                (s.idle && s.last_output.elapsed() >= Duration::from_millis(150)) || s.closed
            };
            quiet || p.ended() || start.elapsed() >= Duration::from_secs(5)
        });
        let events = lock(&self.shared).mark.map(|m| m.events);
        *lock(&self.sent) = events;
    }

    /// Wait until the first frame is on screen: the start screen's heading,
    /// or (a new user, as with a fresh data folder) the quick-check offer.
    pub fn wait_for_first_frame(&self) {
        self.wait_until(Duration::from_secs(10), "the first frame", |p| {
            let s = p.screen();
            s.contains("practise spotting phone scams") || s.contains("A quick check")
        });
    }

    pub fn pid(&self) -> String {
        let mut pid = String::new();
        self.wait_until(Duration::from_secs(10), "hangup to start", |p| {
            pid = std::fs::read_to_string(p.path("pid"))
                .unwrap_or_default()
                .trim()
                .to_string();
            !pid.is_empty()
        });
        pid
    }

    /// Wait for the program to end; its exit code as the shell saw it.
    pub fn exit_code(&self) -> i32 {
        self.wait_until(Duration::from_secs(10), "hangup to exit", |p| {
            p.path("done").exists()
        });
        // Every byte hangup wrote comes before the wrapper's marker: once the
        // marker has been read, the screen shows how hangup left the terminal
        // (under load the reading thread can lag behind the wrapper).
        if !self.stop.load(std::sync::atomic::Ordering::SeqCst) {
            self.wait_until(Duration::from_secs(10), "the terminal's last bytes", |p| {
                lock(&p.shared)
                    .raw
                    .windows(ENDED_BYTES.len())
                    .any(|w| w == ENDED_BYTES)
            });
        }
        let code = std::fs::read_to_string(self.path("exit")).expect("exit code file");
        code.trim().parse().expect("a number")
    }

    /// The terminal settings `stty -a` saw after the program ended.
    pub fn stty_after(&self) -> String {
        self.exit_code();
        std::fs::read_to_string(self.path("stty")).expect("stty output")
    }

    /// Close the terminal (as when a window is closed or a line drops).
    /// Every copy of the terminal's master side is closed, so the program's
    /// side reports a hang-up.
    pub fn hang_up(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::SeqCst);
        self.master = None;
        *lock(&self.writer) = Box::new(std::io::sink());
        // Wake the reading thread (blocked in read) with a byte written on the
        // program's side; it then drops the last copy of the master side.
        let woken = self.tty.as_ref().is_some_and(|tty| {
            std::fs::OpenOptions::new()
                .write(true)
                .open(tty)
                .and_then(|mut f| f.write_all(b" "))
                .is_ok()
        });
        // Not reachable is fine when the reading thread has already let go
        // of the master side (the program wrote something after `stop`): the
        // terminal is then closed already.
        let let_go = self.reading.as_ref().is_none_or(|t| {
            let until = std::time::Instant::now() + Duration::from_secs(5);
            while !t.is_finished() && std::time::Instant::now() < until {
                std::thread::sleep(Duration::from_millis(20));
            }
            t.is_finished()
        });
        assert!(
            woken || let_go,
            "could not reach the terminal's program side"
        );
        if let Some(t) = self.reading.take() {
            let _ = t.join();
        }
    }

    /// The cursor (row, column) and whether it is shown.
    pub fn cursor(&self) -> (u16, u16, bool) {
        self.with_screen(|s| {
            let (r, c) = s.cursor_position();
            (r, c, !s.hide_cursor())
        })
    }

    /// Where `text` first appears on screen: (row, column).
    pub fn find(&self, text: &str) -> Option<(u16, u16)> {
        let screen = self.screen();
        screen.lines().enumerate().find_map(|(r, line)| {
            line.find(text).map(|byte| {
                let col = unicode_width::UnicodeWidthStr::width(&line[..byte]);
                (r as u16, col as u16)
            })
        })
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
        // hangup itself, only while the wrapper has not yet seen it end.
        if !self.path("done").exists()
            && let Ok(pid) = std::fs::read_to_string(self.path("pid"))
            && let Ok(pid) = pid.trim().parse::<i32>()
        {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .stderr(std::process::Stdio::null())
                .status();
        }
        let _ = self.child.wait();
    }
}

pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

pub fn after_last<'a>(hay: &'a [u8], needle: &[u8]) -> &'a [u8] {
    match hay.windows(needle.len()).rposition(|w| w == needle) {
        Some(i) => &hay[i + needle.len()..],
        None => &[],
    }
}
