//! Optional speech (`--speak`): the caller's words and the choices are read
//! aloud by an outside program, for example `espeak-ng` or `spd-say`.
//!
//! The program is started as a child process and never waited for, so the
//! screen never freezes while it talks. A new line stops the one before it.
//! If the program is missing, one plain message is shown and speech is off.

use std::io;
use std::process::{Child, Command, Stdio};

/// British voice, slow rate. `spd-say` works too: `--speak-command "spd-say -r -30"`.
pub const DEFAULT_COMMAND: &str = "espeak-ng -v en-gb -s 130";

#[derive(Debug)]
pub struct Speaker {
    program: String,
    args: Vec<String>,
    child: Option<Child>,
    /// Stopped children not yet reaped (checked without waiting).
    stopping: Vec<Child>,
    last: String,
    off: bool,
    /// A one-line message for the learner, e.g. the program was not found.
    pub notice: Option<String>,
}

impl Speaker {
    /// `command` is the program and its options, split at spaces; the words
    /// to say are added as the last argument.
    pub fn new(command: &str) -> Self {
        let mut parts = command.split_whitespace().map(str::to_string);
        let program = parts.next().unwrap_or_default();
        let args: Vec<String> = parts.collect();
        let mut s = Self {
            off: program.is_empty(),
            program,
            args,
            child: None,
            stopping: Vec::new(),
            last: String::new(),
            notice: None,
        };
        if s.off {
            s.notice = Some("Speech is off: no speech program was given.".into());
        }
        s
    }

    /// True while speech is working (the program was found).
    pub fn is_on(&self) -> bool {
        !self.off
    }

    /// What was said last (for "say that again").
    pub fn last(&self) -> &str {
        &self.last
    }

    /// Say `text`, unless it is what was said last.
    pub fn say_if_new(&mut self, text: &str) {
        if text != self.last {
            self.say(text);
        }
    }

    /// Say `text`, stopping whatever is being said.
    pub fn say(&mut self, text: &str) {
        self.last = text.to_string();
        self.speak_last();
    }

    /// Say the last thing again.
    pub fn again(&mut self) {
        self.speak_last();
    }

    fn speak_last(&mut self) {
        self.stop();
        if self.off || self.last.is_empty() {
            return;
        }
        let spawned = Command::new(&self.program)
            .args(&self.args)
            .arg(&self.last)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match spawned {
            Ok(c) => self.child = Some(c),
            Err(e) => {
                self.off = true;
                self.notice = Some(if e.kind() == io::ErrorKind::NotFound {
                    format!(
                        "Speech is off: the program \"{}\" was not found.",
                        self.program
                    )
                } else {
                    format!(
                        "Speech is off: \"{}\" could not be started ({e}).",
                        self.program
                    )
                });
            }
        }
    }

    /// Stop talking now. Never waits: a stopped child is reaped later.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take()
            && matches!(c.try_wait(), Ok(None))
        {
            let _ = c.kill();
            self.stopping.push(c);
        }
        self.stopping
            .retain_mut(|c| matches!(c.try_wait(), Ok(None)));
    }
}

impl Drop for Speaker {
    fn drop(&mut self) {
        self.stop();
        // The program is ending: reap what was stopped (killed, so this is quick).
        for mut c in self.stopping.drain(..) {
            let _ = c.wait();
        }
    }
}
