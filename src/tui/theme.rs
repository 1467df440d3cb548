//! Colours and emphasis as data. No state is ever shown by colour alone: every
//! screen also says it in words or with a marker, so monochrome loses nothing.
//!
//! Which theme: `--monochrome` or NO_COLOR → monochrome; `--high-contrast` →
//! high contrast; otherwise by the terminal's background (`--theme light|dark`
//! or the kiosk's `theme` setting, else the terminal's answer to an OSC 11
//! query, else `COLORFGBG`): dark → [`ThemeName::Default`], light →
//! [`ThemeName::Light`], not known → [`ThemeName::Plain`] (the terminal's own
//! colours, bold and reverse only). The Linux console (`TERM=linux`) gets
//! [`ThemeName::Console`], drawn for its 16-colour palette.
//!
//! Every text role reaches 7:1 (WCAG contrast) against the backgrounds its
//! theme claims; [`contrast`] holds the arithmetic and the tests.

use ratatui::style::{Color, Modifier, Style};

/// Which set of colours and emphasis to draw with (see the module docs for how one is picked).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// Colours for a dark background (256-colour palette).
    Default,
    /// Colours for a light background (256-colour palette).
    Light,
    /// The background is not known: the terminal's own colours, with bold,
    /// underline and reverse video only.
    Plain,
    /// The Linux text console: its 16 colours on black.
    Console,
    /// `--high-contrast`: bold, underline and reverse video only, no colours, for low vision.
    HighContrast,
    /// `--monochrome` or `NO_COLOR`: no colours and little emphasis; every state is still said in words.
    Monochrome,
}

/// What the terminal's background is, as far as we can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    /// A dark background (from the terminal's OSC 11 answer, `COLORFGBG` or `--theme dark`).
    Dark,
    /// A light background.
    Light,
    /// Not known: the terminal did not answer and nothing else says.
    Unknown,
    /// The Linux text console (black, 16 colours).
    LinuxConsole,
}

/// The style of each text role on screen, for one [`ThemeName`]; front ends pick a role, never a colour.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Which theme this is.
    pub name: ThemeName,
    /// Ordinary text: what is said, choices, explanations.
    pub text: Style,
    /// The bar at the top with the screen's title.
    pub title_bar: Style,
    /// The bar at the bottom listing the keys.
    pub footer: Style,
    /// The caller's number and words, so the caller stands out from the narration.
    pub caller: Style,
    /// Headings and questions, e.g. "Is this a scam or a real call?".
    pub heading: Style,
    /// The highlighted choice in a list.
    pub selected: Style,
    /// "Safer choice" and safe endings (always with the words, never by colour alone).
    pub safer: Style,
    /// "Risky choice" and every ending that is not safe.
    pub risky: Style,
    /// The names of tricks ("Tricks in this call: ...").
    pub trick: Style,
    /// Narration, scene-setting and hints: text that is there but not the main thing.
    pub dim: Style,
    /// The lines around boxes.
    pub border: Style,
}

/// Every role, named, for tests and checks.
pub const ROLES: [&str; 11] = [
    "text",
    "title_bar",
    "footer",
    "caller",
    "heading",
    "selected",
    "safer",
    "risky",
    "trick",
    "dim",
    "border",
];

impl Theme {
    /// The theme called `name`, with every role's style.
    pub fn new(name: ThemeName) -> Self {
        match name {
            ThemeName::Default => Self::dark(),
            ThemeName::Light => Self::light(),
            ThemeName::Plain => Self::plain(),
            ThemeName::Console => Self::console(),
            ThemeName::HighContrast => Self::high_contrast(),
            ThemeName::Monochrome => Self::monochrome(),
        }
    }

    /// Pick the theme without asking the terminal: monochrome when NO_COLOR is
    /// set (and not empty); the background from `TERM` and `COLORFGBG` only.
    pub fn from_env(high_contrast: bool, monochrome: bool) -> Self {
        Self::choose(high_contrast, monochrome, background_from_env())
    }

    /// Pick the theme for a background (see the module notes).
    pub fn choose(high_contrast: bool, monochrome: bool, background: Background) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Self::new(theme_for(high_contrast, monochrome || no_color, background))
    }

    /// Each role with its name.
    pub fn roles(&self) -> [(&'static str, Style); 11] {
        [
            ("text", self.text),
            ("title_bar", self.title_bar),
            ("footer", self.footer),
            ("caller", self.caller),
            ("heading", self.heading),
            ("selected", self.selected),
            ("safer", self.safer),
            ("risky", self.risky),
            ("trick", self.trick),
            ("dim", self.dim),
            ("border", self.border),
        ]
    }

    /// For a dark background: light colours from the 256-colour palette,
    /// bars and selection with explicit colours on both sides.
    fn dark() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let on = |fg: u8, bg: u8| Style::new().fg(Color::Indexed(fg)).bg(Color::Indexed(bg));
        Self {
            name: ThemeName::Default,
            text: Style::new().fg(Color::Indexed(255)),
            title_bar: on(16, 117).add_modifier(Modifier::BOLD),
            footer: on(16, 252),
            caller: bold.fg(Color::Indexed(228)),
            heading: bold.fg(Color::Indexed(123)),
            selected: on(229, 16).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            safer: bold.fg(Color::Indexed(120)),
            risky: bold.fg(Color::Indexed(217)),
            trick: bold.fg(Color::Indexed(219)),
            dim: Style::new().fg(Color::Indexed(252)),
            border: Style::new().fg(Color::Indexed(117)).bg(Color::Reset),
        }
    }

    /// For a light background: dark colours from the 256-colour palette.
    fn light() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let on = |fg: u8, bg: u8| Style::new().fg(Color::Indexed(fg)).bg(Color::Indexed(bg));
        Self {
            name: ThemeName::Light,
            text: Style::new().fg(Color::Indexed(16)),
            title_bar: on(231, 18).add_modifier(Modifier::BOLD),
            footer: on(231, 238),
            caller: bold.fg(Color::Indexed(52)),
            heading: bold.fg(Color::Indexed(18)),
            selected: on(18, 231).add_modifier(Modifier::REVERSED | Modifier::BOLD),
            // No green in the palette is dark enough for 7:1 on #e0e0e0.
            safer: bold.fg(Color::Indexed(16)),
            risky: bold.fg(Color::Indexed(88)),
            trick: bold.fg(Color::Indexed(54)),
            dim: Style::new().fg(Color::Indexed(238)),
            border: Style::new().fg(Color::Indexed(18)).bg(Color::Reset),
        }
    }

    /// Background not known: no colour at all, so the terminal's own
    /// foreground on its own background (the user's choice) everywhere.
    fn plain() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            name: ThemeName::Plain,
            text: Style::new(),
            title_bar: reverse,
            footer: reverse,
            caller: bold,
            heading: bold,
            selected: reverse,
            safer: bold,
            risky: bold.add_modifier(Modifier::UNDERLINED),
            trick: bold,
            dim: Style::new(),
            border: Style::new(),
        }
    }

    /// The Linux console: its own 16 colours (VGA palette) on black. Reverse
    /// video is never combined with bold there: the console then draws dark
    /// grey on light grey (3.2:1).
    fn console() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let bar = Style::new().fg(Color::Black).bg(Color::Gray);
        Self {
            name: ThemeName::Console,
            text: Style::new().fg(Color::Gray),
            title_bar: bar,
            footer: bar,
            caller: bold.fg(Color::LightYellow),
            heading: bold.fg(Color::LightCyan),
            selected: bar,
            safer: bold.fg(Color::LightGreen),
            risky: bold.fg(Color::LightMagenta),
            trick: bold.fg(Color::White),
            dim: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::Gray).bg(Color::Reset),
        }
    }

    /// The terminal's own foreground and background (the user's best contrast),
    /// with meaning carried by bold, underline and reverse video. Reverse video
    /// is never bold (see [`Theme::console`]).
    fn high_contrast() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            name: ThemeName::HighContrast,
            text: bold,
            title_bar: reverse,
            footer: reverse,
            caller: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            selected: reverse,
            safer: bold,
            risky: bold.add_modifier(Modifier::UNDERLINED),
            trick: bold,
            dim: bold,
            border: bold,
        }
    }

    fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        Self {
            name: ThemeName::Monochrome,
            text: Style::new(),
            title_bar: reverse,
            footer: reverse,
            caller: bold,
            heading: bold,
            selected: reverse,
            safer: bold,
            risky: bold,
            trick: bold,
            dim: Style::new(),
            border: Style::new(),
        }
    }
}

/// The theme for these choices (pure; NO_COLOR is folded into `monochrome`).
pub fn theme_for(high_contrast: bool, monochrome: bool, background: Background) -> ThemeName {
    if monochrome {
        ThemeName::Monochrome
    } else if high_contrast {
        ThemeName::HighContrast
    } else {
        match background {
            Background::Dark => ThemeName::Default,
            Background::Light => ThemeName::Light,
            Background::Unknown => ThemeName::Plain,
            Background::LinuxConsole => ThemeName::Console,
        }
    }
}

/// True on the Linux text console.
pub fn is_linux_console() -> bool {
    std::env::var("TERM").is_ok_and(|t| t == "linux" || t.starts_with("linux-"))
}

/// The background from the environment only: the Linux console, else
/// `COLORFGBG` (set by rxvt, Konsole and others), else not known.
pub fn background_from_env() -> Background {
    if is_linux_console() {
        return Background::LinuxConsole;
    }
    std::env::var("COLORFGBG")
        .ok()
        .and_then(|v| from_colorfgbg(&v))
        .unwrap_or(Background::Unknown)
}

/// `COLORFGBG` is "fg;bg" or "fg;default;bg", colours as 0-15.
pub fn from_colorfgbg(value: &str) -> Option<Background> {
    let bg: u8 = value.rsplit(';').next()?.trim().parse().ok()?;
    match bg {
        0..=6 | 8 => Some(Background::Dark),
        7 | 15 => Some(Background::Light),
        _ => None,
    }
}

/// A background colour (8-bit channels) → dark, light, or neither: only
/// backgrounds the themes were checked against count as known.
pub fn classify(rgb: (u8, u8, u8)) -> Background {
    let l = contrast::luminance(rgb);
    if l <= contrast::DARK_MAX {
        Background::Dark
    } else if l >= contrast::LIGHT_MIN {
        Background::Light
    } else {
        Background::Unknown
    }
}

/// Ask the terminal for its background (OSC 11, with the device-attributes
/// query as a sentinel so terminals that do not answer OSC 11 cost no wait),
/// waiting at most `timeout`. Only when both input and output are a terminal.
pub fn query_background(timeout: std::time::Duration) -> Option<(u8, u8, u8)> {
    use std::io::IsTerminal;
    if !std::io::stdin().is_terminal() || !std::io::stdout().is_terminal() {
        return None;
    }
    let options = {
        let mut o = terminal_colorsaurus::QueryOptions::default();
        o.timeout = timeout;
        o
    };
    let c = terminal_colorsaurus::background_color(options).ok()?;
    Some(((c.r >> 8) as u8, (c.g >> 8) as u8, (c.b >> 8) as u8))
}

/// The background for a run: `--theme` / the kiosk setting wins, then the
/// Linux console, then the terminal's answer, then `COLORFGBG`.
pub fn detect_background(forced: Option<Background>) -> Background {
    if let Some(b) = forced {
        return b;
    }
    if is_linux_console() {
        return Background::LinuxConsole;
    }
    match query_background(std::time::Duration::from_millis(300)) {
        Some(rgb) => classify(rgb),
        None => background_from_env(),
    }
}

/// WCAG 2 contrast arithmetic, and how terminals turn a style into colours.
pub mod contrast {
    use ratatui::style::{Color, Modifier, Style};

    /// The Dark theme claims backgrounds no lighter than #303030.
    pub const DARK_MAX: f64 = 0.029_556_835;
    /// The Light theme claims backgrounds no darker than #e0e0e0.
    pub const LIGHT_MIN: f64 = 0.745_404_2;

    fn channel(c: u8) -> f64 {
        let s = f64::from(c) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    }

    /// WCAG relative luminance.
    pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }

    /// WCAG contrast ratio of two luminances (1 to 21).
    pub fn ratio_l(a: f64, b: f64) -> f64 {
        let (hi, lo) = if a > b { (a, b) } else { (b, a) };
        (hi + 0.05) / (lo + 0.05)
    }

    /// WCAG contrast ratio of two sRGB colours, each `(red, green, blue)` from 0 to 255 (result 1 to 21).
    pub fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
        ratio_l(luminance(a), luminance(b))
    }

    /// xterm's 256-colour palette (16-255 are the same in nearly every
    /// terminal; 0-15 are xterm's own defaults).
    pub fn xterm256(i: u8) -> (u8, u8, u8) {
        const BASE: [(u8, u8, u8); 16] = [
            (0, 0, 0),
            (205, 0, 0),
            (0, 205, 0),
            (205, 205, 0),
            (0, 0, 238),
            (205, 0, 205),
            (0, 205, 205),
            (229, 229, 229),
            (127, 127, 127),
            (255, 0, 0),
            (0, 255, 0),
            (255, 255, 0),
            (92, 92, 255),
            (255, 0, 255),
            (0, 255, 255),
            (255, 255, 255),
        ];
        match i {
            0..=15 => BASE[usize::from(i)],
            16..=231 => {
                let n = i - 16;
                let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
                (level(n / 36), level((n / 6) % 6), level(n % 6))
            }
            232..=255 => {
                let v = 8 + 10 * (i - 232);
                (v, v, v)
            }
        }
    }

    /// The Linux console's default palette (VGA), in ANSI order.
    pub const VGA: [(u8, u8, u8); 16] = [
        (0, 0, 0),
        (0xaa, 0, 0),
        (0, 0xaa, 0),
        (0xaa, 0x55, 0),
        (0, 0, 0xaa),
        (0xaa, 0, 0xaa),
        (0, 0xaa, 0xaa),
        (0xaa, 0xaa, 0xaa),
        (0x55, 0x55, 0x55),
        (0xff, 0x55, 0x55),
        (0x55, 0xff, 0x55),
        (0xff, 0xff, 0x55),
        (0x55, 0x55, 0xff),
        (0xff, 0x55, 0xff),
        (0x55, 0xff, 0xff),
        (0xff, 0xff, 0xff),
    ];

    /// A colour as an index into the 16- or 256-colour palette; `None` for
    /// the terminal's default.
    pub fn index(c: Option<Color>) -> Option<u8> {
        Some(match c? {
            Color::Reset => return None,
            Color::Black => 0,
            Color::Red => 1,
            Color::Green => 2,
            Color::Yellow => 3,
            Color::Blue => 4,
            Color::Magenta => 5,
            Color::Cyan => 6,
            Color::Gray => 7,
            Color::DarkGray => 8,
            Color::LightRed => 9,
            Color::LightGreen => 10,
            Color::LightYellow => 11,
            Color::LightBlue => 12,
            Color::LightMagenta => 13,
            Color::LightCyan => 14,
            Color::White => 15,
            Color::Indexed(i) => i,
            // Exact colours are never used by the themes.
            Color::Rgb(..) => return Some(255),
        })
    }

    /// The colours an xterm-like terminal (with its default foreground and
    /// background `fg`, `bg`) draws a style in: (text, background).
    pub fn xterm_colours(
        style: Style,
        fg: (u8, u8, u8),
        bg: (u8, u8, u8),
    ) -> ((u8, u8, u8), (u8, u8, u8)) {
        let f = index(style.fg).map_or(fg, xterm256);
        let b = index(style.bg).map_or(bg, xterm256);
        if style.add_modifier.contains(Modifier::REVERSED) {
            (b, f)
        } else {
            (f, b)
        }
    }

    /// The colours the Linux console draws a style in, with its default
    /// grey on black. It brightens the foreground for bold *after* swapping
    /// for reverse video, and shows underline as a colour (cyan).
    /// `bold_counts`: whether the bold attribute reaches the console (a
    /// colour sent after it resets the intensity), so tests try both.
    pub fn console_colours(style: Style, bold_counts: bool) -> ((u8, u8, u8), (u8, u8, u8)) {
        let mods = style.add_modifier;
        // The console keeps a hue (0-7) and an intensity; colours 8-15 are
        // a hue at high intensity, as is bold.
        let fg = index(style.fg).unwrap_or(7);
        let fg = if fg >= 16 { 7 } else { fg };
        let mut hue = fg & 7;
        let bright = fg >= 8 || (bold_counts && mods.contains(Modifier::BOLD));
        let mut bg = index(style.bg).unwrap_or(0);
        if bg >= 16 {
            bg = 0;
        }
        bg &= 7;
        if mods.contains(Modifier::UNDERLINED) {
            hue = 6;
        }
        if mods.contains(Modifier::REVERSED) {
            std::mem::swap(&mut hue, &mut bg);
        }
        let f = hue | if bright { 8 } else { 0 };
        (VGA[usize::from(f)], VGA[usize::from(bg)])
    }
}
