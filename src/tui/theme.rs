//! Colours and emphasis as data. No state is ever shown by colour alone: every
//! screen also says it in words or with a marker, so monochrome loses nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    Default,
    HighContrast,
    Monochrome,
}

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub name: ThemeName,
    pub text: Style,
    pub title_bar: Style,
    pub footer: Style,
    pub caller: Style,
    pub heading: Style,
    pub selected: Style,
    pub safer: Style,
    pub risky: Style,
    pub trick: Style,
    pub dim: Style,
    pub border: Style,
}

impl Theme {
    pub fn new(name: ThemeName) -> Self {
        match name {
            ThemeName::Default => Self::default_theme(),
            ThemeName::HighContrast => Self::high_contrast(),
            ThemeName::Monochrome => Self::monochrome(),
        }
    }

    /// Pick the theme: monochrome when NO_COLOR is set (and not empty).
    pub fn from_env(high_contrast: bool, monochrome: bool) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if monochrome || no_color {
            Self::monochrome()
        } else if high_contrast {
            Self::high_contrast()
        } else {
            Self::default_theme()
        }
    }

    fn default_theme() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            name: ThemeName::Default,
            text: Style::new(),
            title_bar: Style::new()
                .fg(Color::Black)
                .bg(Color::Cyan)
                .add_modifier(Modifier::BOLD),
            footer: Style::new().fg(Color::Black).bg(Color::Gray),
            caller: bold.fg(Color::Yellow),
            heading: bold.fg(Color::Cyan),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            safer: bold.fg(Color::Green),
            risky: bold.fg(Color::LightRed),
            trick: bold.fg(Color::Magenta),
            dim: Style::new().fg(Color::Gray),
            border: Style::new().fg(Color::Cyan),
        }
    }

    /// The terminal's own foreground and background (the user's best contrast),
    /// with meaning carried by bold, underline and reverse video.
    fn high_contrast() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            name: ThemeName::HighContrast,
            text: bold,
            title_bar: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            footer: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            caller: bold,
            heading: bold.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            safer: bold,
            risky: bold.add_modifier(Modifier::UNDERLINED),
            trick: bold,
            dim: bold,
            border: bold,
        }
    }

    fn monochrome() -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Self {
            name: ThemeName::Monochrome,
            text: Style::new(),
            title_bar: Style::new().add_modifier(Modifier::REVERSED),
            footer: Style::new().add_modifier(Modifier::REVERSED),
            caller: bold,
            heading: bold,
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            safer: bold,
            risky: bold,
            trick: bold,
            dim: Style::new(),
            border: Style::new(),
        }
    }
}
