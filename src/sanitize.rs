//! The one output boundary: every string that came from outside the binary (file
//! contents, ids, file names, data files, settings, the environment, error texts
//! that quote any of these) passes through here before any printer writes it.
//!
//! A character that could drive a terminal or hide itself is never dropped in
//! silence and never written raw: it is shown as `<U+001B>`, so the reader sees
//! that something was there and what it was. Which characters those are:
//!
//! - C0 controls (U+0000–U+001F), DEL (U+007F) and C1 controls (U+0080–U+009F);
//! - bidi controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069);
//! - Unicode's format characters (category Cf) and default-ignorable code points
//!   (soft hyphen, zero-width characters, Hangul fillers, variation selectors,
//!   tag characters and the like);
//! - the line and paragraph separators U+2028 and U+2029.
//!
//! [`line()`] is for anything that must stay on one line (a diagnostic, a note, a
//! file name): a newline is shown as `<U+000A>` too. [`text`] keeps newlines,
//! for multi-line output. Tabs become one space in both. [`html`] escapes
//! `& < > " '` for HTML and Markdown output.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::Path;

/// What kind of hidden character this is, for messages that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hidden {
    /// ESC, or a C1 control such as CSI (U+009B) or OSC (U+009D).
    Escape,
    /// Any other C0 control, or DEL.
    Control,
    /// A character that changes the direction text is shown in.
    Bidi,
    /// A character that shows as nothing (format or default-ignorable), or a
    /// line/paragraph separator.
    Invisible,
}

impl Hidden {
    /// The kind in plain words, e.g. for `check`.
    pub fn describe(self) -> &'static str {
        match self {
            Hidden::Escape => "a terminal escape character (ESC or a C1 control)",
            Hidden::Control => "a control character",
            Hidden::Bidi => "a text-direction override character",
            Hidden::Invisible => "an invisible character",
        }
    }
}

/// Classify one character: `None` when it may be shown as it is. Newline and
/// tab are classed as `Control`; the printers decide what to do with them.
pub fn classify(c: char) -> Option<Hidden> {
    let n = c as u32;
    if (0x20..0x7f).contains(&n) {
        // Printable ASCII, nearly every character: no table to search.
        return None;
    }
    match n {
        0x1b | 0x80..=0x9f => Some(Hidden::Escape),
        0x00..=0x1f | 0x7f => Some(Hidden::Control),
        0x061c | 0x200e | 0x200f | 0x202a..=0x202e | 0x2066..=0x2069 => Some(Hidden::Bidi),
        _ if is_invisible(n) => Some(Hidden::Invisible),
        _ => None,
    }
}

/// Format characters (Cf), default-ignorable code points, and U+2028/U+2029.
fn is_invisible(n: u32) -> bool {
    matches!(
        n,
        0x00ad
            | 0x034f
            | 0x0600..=0x0605
            | 0x06dd
            | 0x070f
            | 0x0890..=0x0891
            | 0x08e2
            | 0x115f..=0x1160
            | 0x17b4..=0x17b5
            | 0x180b..=0x180f
            | 0x200b..=0x200d
            | 0x2028..=0x202e
            | 0x2060..=0x206f
            | 0x3164
            | 0xfe00..=0xfe0f
            | 0xfeff
            | 0xffa0
            | 0xfff0..=0xfffb
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0000..=0xe0fff
    )
}

/// The first hidden character in `s` (byte offset, character, kind), allowing
/// newlines (multi-line text fields are fine).
pub fn find_hidden(s: &str) -> Option<(usize, char, Hidden)> {
    s.char_indices()
        .filter(|&(_, c)| c != '\n')
        .find_map(|(i, c)| classify(c).map(|h| (i, c, h)))
}

fn clean(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let needs = |c: char| c == '\t' || (classify(c).is_some() && !(keep_newlines && c == '\n'));
    if !s.chars().any(needs) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if keep_newlines && c == '\r' && chars.peek() == Some(&'\n') {
            // A Windows line end is just a line end.
            continue;
        }
        if c == '\t' {
            out.push(' ');
        } else if needs(c) {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Safe to print on one line: every hidden character, newlines included, shown
/// as `<U+XXXX>`; tabs become a space.
pub fn line(s: &str) -> Cow<'_, str> {
    clean(s, false)
}

/// Safe to print, keeping newlines: every other hidden character shown as
/// `<U+XXXX>`; tabs become a space.
pub fn text(s: &str) -> Cow<'_, str> {
    clean(s, true)
}

/// A path on one line, safe to print (bytes that are not UTF-8 become U+FFFD).
pub fn path(p: &Path) -> String {
    line(&p.to_string_lossy()).into_owned()
}

/// Escape for HTML and Markdown: `& < > " '` become entities (after [`text`]).
pub fn html(s: &str) -> String {
    let s = text(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escape for Markdown: no raw HTML (`& < >` become entities) and no links
/// (`[ ]` are backslash-escaped), after [`text`]. Apostrophes stay as they are.
pub fn markdown(s: &str) -> String {
    let s = text(s);
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '[' | ']' | '\\' | '`' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// True when `s` has nothing a terminal would act on or hide (newlines allowed).
pub fn is_clean(s: &str) -> bool {
    find_hidden(s).is_none() && !s.contains('\t')
}

/// Write one line to stderr through [`line()`], ignoring a closed stderr (a
/// note must never turn a closed pipe into a crash, as `eprintln!` would).
pub fn note(message: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{}", line(message));
}

/// True when the reader of stdout (or of stderr) has gone away, e.g. `| head`
/// has read what it wanted. Then a failed write is not a failure: the program
/// ends quietly with status 0. Asks the kernel (poll), so it never blocks.
pub fn reader_gone() -> bool {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let zero = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    let (out, err) = (std::io::stdout(), std::io::stderr());
    let mut fds = [
        PollFd::new(&out, PollFlags::OUT),
        PollFd::new(&err, PollFlags::OUT),
    ];
    poll(&mut fds, Some(&zero)).is_ok()
        && fds
            .iter()
            .any(|f| f.revents().intersects(PollFlags::ERR | PollFlags::HUP))
}

/// A writer that passes everything through [`text`] on its way out (for
/// printers that write many pieces, so none can be forgotten).
pub struct Clean<W: std::io::Write> {
    inner: W,
    /// Bytes of a UTF-8 character split across two writes.
    pending: Vec<u8>,
}

impl<W: std::io::Write> Clean<W> {
    /// A cleaning writer over `inner`.
    pub fn new(inner: W) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    /// The writer underneath. Bytes of a character split across writes and not yet passed on are dropped; call `flush` first.
    pub fn into_inner(self) -> W {
        self.inner
    }

    /// The writer underneath, for writing around the cleaning (only for bytes known to be safe).
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.inner
    }
}

impl<W: std::io::Write> std::io::Write for Clean<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let (good, rest_at) = match std::str::from_utf8(&self.pending) {
            Ok(s) => (s.to_string(), self.pending.len()),
            Err(e) if e.error_len().is_none() => {
                // An incomplete character at the end: keep it for the next write.
                let at = e.valid_up_to();
                (
                    String::from_utf8_lossy(&self.pending[..at]).into_owned(),
                    at,
                )
            }
            Err(_) => (
                String::from_utf8_lossy(&self.pending).into_owned(),
                self.pending.len(),
            ),
        };
        self.inner.write_all(text(&good).as_bytes())?;
        self.pending.drain(..rest_at);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.pending.is_empty() {
            let rest = String::from_utf8_lossy(&self.pending).into_owned();
            self.pending.clear();
            self.inner.write_all(text(&rest).as_bytes())?;
        }
        self.inner.flush()
    }
}
