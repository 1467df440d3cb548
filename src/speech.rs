//! Optional speech (`--speak`): the caller's words and the choices are read
//! aloud by an outside program, for example `espeak-ng` or `spd-say`.
//!
//! The program is started as a child process and never waited for, so the
//! screen never freezes while it talks. A new line stops the one before it.
//! If the program is missing, one plain message is shown and speech is off.
//! Plain mode may wait for a line to be finished (`Speaker::wait`): see
//! `crate::plain` for when.

use std::io;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The longest wait for one line to be said. A speech program that hangs
/// must not hold the learner for ever; a long step at a slow rate takes
/// about a minute.
pub const LONGEST_LINE: Duration = Duration::from_secs(120);

/// Something that reads words aloud. `Speaker` is the real one; tests use
/// one that only writes down what it was asked to say.
pub trait Voice {
    /// Start saying `text`, stopping whatever was being said. Never waits.
    fn say(&mut self, text: &str);
    /// Wait until the line being said is finished.
    fn wait(&mut self);
    /// A one-line message for the learner (e.g. the program is missing), once.
    fn take_notice(&mut self) -> Option<String>;
}

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
    /// `command` is the program and its options, split the way a shell
    /// would (so `espeak-ng -v "en-gb+f3"` keeps its quoted voice); the words
    /// to say are added as the last argument.
    pub fn new(command: &str) -> Self {
        let (words, broken) = match shell_words::split(command) {
            Ok(words) => (words, false),
            Err(_) => (Vec::new(), true),
        };
        let mut parts = words.into_iter();
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
        if broken {
            s.notice =
                Some("Speech is off: the speech command has a quote that is not closed.".into());
        } else if s.off {
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

    /// Wait until the current line has been said (at most `limit`; then it is
    /// stopped). Only plain mode uses this: see `crate::plain`.
    pub fn wait(&mut self, limit: Duration) {
        let start = Instant::now();
        if let Some(c) = self.child.as_mut() {
            while matches!(c.try_wait(), Ok(None)) && start.elapsed() < limit {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
        self.stop();
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

impl Voice for Speaker {
    fn say(&mut self, text: &str) {
        Speaker::say(self, text);
    }
    fn wait(&mut self) {
        Speaker::wait(self, LONGEST_LINE);
    }
    fn take_notice(&mut self) -> Option<String> {
        self.notice.take()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_split_like_a_shell_would() {
        let s = Speaker::new(r#"espeak-ng -v "en-gb+f3 slow" -s 130"#);
        assert_eq!(s.program, "espeak-ng");
        assert_eq!(s.args, ["-v", "en-gb+f3 slow", "-s", "130"]);
        assert!(s.is_on());
        let s = Speaker::new("say -v 'Daniel'");
        assert_eq!(s.args, ["-v", "Daniel"]);
    }

    #[test]
    fn an_unclosed_quote_or_nothing_turns_speech_off_with_a_notice() {
        let mut s = Speaker::new(r#"espeak-ng -v "en-gb"#);
        assert!(!s.is_on());
        assert!(s.take_notice().is_some_and(|n| n.contains("quote")));
        let mut s = Speaker::new("   ");
        assert!(!s.is_on());
        assert!(
            s.take_notice()
                .is_some_and(|n| n.contains("no speech program"))
        );
    }
}
