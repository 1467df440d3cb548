//! Unit tests of `hangup::tui::theme` (were in src/tui/theme.rs).

use hangup::tui::theme::contrast::*;
use hangup::tui::theme::*;
use ratatui::style::{Modifier, Style};

#[test]
fn wcag_arithmetic() {
    assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((ratio((0x77, 0x77, 0x77), (255, 255, 255)) - 4.48).abs() < 0.01);
    assert_eq!(xterm256(16), (0, 0, 0));
    assert_eq!(xterm256(231), (255, 255, 255));
    assert_eq!(xterm256(117), (135, 215, 255));
    assert_eq!(xterm256(244), (128, 128, 128));
    let l30 = luminance((0x30, 0x30, 0x30));
    assert!((l30 - DARK_MAX).abs() < 1e-6, "{l30}");
    let le0 = luminance((0xe0, 0xe0, 0xe0));
    assert!((le0 - LIGHT_MIN).abs() < 1e-6, "{le0}");
}

/// The measurement: bold reverse video on the Linux console is
/// dark grey on light grey, 3.21:1.
#[test]
fn the_console_model_reproduces_the_measured_bar() {
    let old = Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD);
    let (f, b) = console_colours(old, true);
    assert!((ratio(f, b) - 3.21).abs() < 0.01, "{}", ratio(f, b));
}

#[test]
fn backgrounds_are_classified() {
    assert_eq!(classify((0, 0, 0)), Background::Dark);
    assert_eq!(classify((0x30, 0x30, 0x30)), Background::Dark);
    assert_eq!(classify((0x80, 0x80, 0x80)), Background::Unknown);
    assert_eq!(classify((0xff, 0xff, 0xff)), Background::Light);
    assert_eq!(classify((0xfd, 0xf6, 0xe3)), Background::Light); // Solarized light
    assert_eq!(classify((0x00, 0x2b, 0x36)), Background::Dark); // Solarized dark
    assert_eq!(from_colorfgbg("15;0"), Some(Background::Dark));
    assert_eq!(from_colorfgbg("0;default;15"), Some(Background::Light));
    assert_eq!(from_colorfgbg("0;7"), Some(Background::Light));
    assert_eq!(from_colorfgbg("nonsense"), None);
    assert_eq!(from_colorfgbg(""), None);
}

#[test]
fn choices_pick_themes() {
    assert_eq!(theme_for(false, false, Background::Light), ThemeName::Light);
    assert_eq!(
        theme_for(false, false, Background::Unknown),
        ThemeName::Plain
    );
    assert_eq!(
        theme_for(true, false, Background::Light),
        ThemeName::HighContrast
    );
    assert_eq!(
        theme_for(true, true, Background::Dark),
        ThemeName::Monochrome
    );
    assert_eq!(
        theme_for(false, false, Background::LinuxConsole),
        ThemeName::Console
    );
}

const WHITE: (u8, u8, u8) = (255, 255, 255);
const BLACK: (u8, u8, u8) = (0, 0, 0);
const ALL: [ThemeName; 6] = [
    ThemeName::Default,
    ThemeName::Light,
    ThemeName::Plain,
    ThemeName::Console,
    ThemeName::HighContrast,
    ThemeName::Monochrome,
];

fn check(
    failures: &mut Vec<String>,
    theme: ThemeName,
    role: &str,
    on: &str,
    f: (u8, u8, u8),
    b: (u8, u8, u8),
    want: f64,
) {
    let r = ratio(f, b);
    if r < want {
        failures.push(format!(
            "{theme:?} {role} on {on}: {r:.2}:1 (want {want}:1)"
        ));
    }
}

/// Every role of every theme, against every background the theme
/// claims: 7:1 on a known background, on the Linux console, and with the
/// terminal's own colours; and 4.5:1 on both white and black for the
/// theme used when the background is not known.
#[test]
fn every_role_of_every_theme_reaches_its_contrast() {
    let mut failures = Vec::new();
    let grey30 = (0x30, 0x30, 0x30);
    let grey_e0 = (0xe0, 0xe0, 0xe0);
    for name in ALL {
        let theme = Theme::new(name);
        for (role, style) in theme.roles() {
            let m = style.add_modifier;
            assert!(
                !m.intersects(Modifier::DIM | Modifier::ITALIC | Modifier::SLOW_BLINK),
                "{name:?} {role}: dim, italic and blink show as other colours on the console"
            );
            let own_colours = index(style.fg).is_none() && index(style.bg).is_none();
            match name {
                ThemeName::Default => {
                    // Dark backgrounds: from black up to #303030; the
                    // terminal's own (light) text where no colour is set.
                    for (on, bg) in [("black", BLACK), ("#303030", grey30)] {
                        let (f, b) = xterm_colours(style, WHITE, bg);
                        check(&mut failures, name, role, on, f, b, 7.0);
                    }
                }
                ThemeName::Light => {
                    for (on, bg) in [("white", WHITE), ("#e0e0e0", grey_e0)] {
                        let (f, b) = xterm_colours(style, BLACK, bg);
                        check(&mut failures, name, role, on, f, b, 7.0);
                    }
                }
                ThemeName::Console => {
                    for bold in [true, false] {
                        let (f, b) = console_colours(style, bold);
                        check(&mut failures, name, role, "the Linux console", f, b, 7.0);
                    }
                }
                ThemeName::Plain | ThemeName::HighContrast | ThemeName::Monochrome => {
                    // No colour of their own: the terminal's foreground
                    // on its background, whichever way round.
                    assert!(own_colours, "{name:?} {role} sets a colour");
                    let want = if name == ThemeName::Plain { 4.5 } else { 7.0 };
                    for (on, fg, bg) in [("white", BLACK, WHITE), ("black", WHITE, BLACK)] {
                        let (f, b) = xterm_colours(style, fg, bg);
                        check(&mut failures, name, role, on, f, b, want);
                    }
                    for bold in [true, false] {
                        let (f, b) = console_colours(style, bold);
                        let want = if name == ThemeName::Monochrome {
                            4.5
                        } else {
                            7.0
                        };
                        check(&mut failures, name, role, "the Linux console", f, b, want);
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The measurements in the issue: the old default colours on white.
#[test]
fn the_old_colours_fail_on_white_as_measured() {
    let yellow = xterm256(3);
    assert!(
        (ratio(yellow, WHITE) - 1.70).abs() < 0.05,
        "{}",
        ratio(yellow, WHITE)
    );
}
