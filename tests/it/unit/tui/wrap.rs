//! Unit tests of `hangup::tui::wrap` (were in src/tui/wrap.rs).

use hangup::tui::wrap::*;
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::style::{Color, Modifier};
use ratatui::text::Line;
use ratatui::text::Span;
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// From a newcomer trial at 40x12: "Your choice - Amazon calls about a
/// refu", cut with no sign of it.
#[test]
fn a_cut_title_ends_with_an_ellipsis_by_display_width() {
    assert_eq!(cut("Step 1", 10), "Step 1");
    assert_eq!(cut("Step 1 - A call", 15), "Step 1 - A call");
    assert_eq!(cut("Your choice - Amazon calls", 16), "Your choice - A…");
    // No space left before the "…".
    assert_eq!(cut("Your choice - Amazon", 15), "Your choice -…");
    // Wide letters count two columns; never half of one.
    assert_eq!(cut("日本日本", 6), "日本…");
    assert_eq!(cut("日本日本", 5), "日本…");
    // An accent stays on its letter, an emoji whole.
    assert_eq!(cut("Cafe\u{301} Cafe\u{301}", 5), "Cafe\u{301}…");
    assert_eq!(cut("👍🏽👍🏽👍🏽", 5), "👍🏽👍🏽…");
    assert_eq!(cut("abc", 0), "");
    assert_eq!(cut("abc", 1), "…");
}

/// Pieces of text with every kind of character wrapping cares about.
const BITS: &[&str] = &[
    "a",
    "word",
    "Hang",
    "up.",
    " ",
    "  ",
    "\u{a0}",
    "\u{200b}",
    "£",
    "é",
    "e\u{301}",
    "—",
    "’",
    "“",
    "…",
    "0300 123 2040",
    "日本",
    "👍",
    "👍🏽",
    "🇬🇧",
    "\t",
    "x\u{7}",
    "ﾊﾞ",
    "-",
    "\u{2028}",
    "Supercalifragilisticexpialidocious",
    "\u{ad}",
    "\u{fe0f}",
    "ab\u{200d}c",
];

fn line_strategy() -> impl Strategy<Value = Line<'static>> {
    let span = (
        prop::collection::vec(prop::sample::select(BITS), 0..12),
        0..4usize,
    )
        .prop_map(|(bits, s)| {
            let style = [
                Style::default(),
                Style::default().fg(Color::Red),
                Style::default().add_modifier(Modifier::BOLD),
                Style::default()
                    .bg(Color::Blue)
                    .remove_modifier(Modifier::BOLD),
            ][s];
            Span::styled(bits.concat(), style)
        });
    (
        prop::collection::vec(span, 0..4),
        0..3usize,
        prop::option::of(0..3usize),
    )
        .prop_map(|(spans, s, a)| {
            let mut l = Line::from(spans).style(
                [
                    Style::default(),
                    Style::default().fg(Color::Green),
                    Style::default().add_modifier(Modifier::ITALIC),
                ][s],
            );
            if let Some(a) = a {
                l = l.alignment([Alignment::Left, Alignment::Center, Alignment::Right][a]);
            }
            l
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    /// Same rows and the same cells as ratatui's own wrapping.
    #[test]
    fn wraps_as_paragraph_does(
        lines in prop::collection::vec(line_strategy(), 0..5),
        width in 1u16..50,
        height in 1u16..30,
    ) {
        let para = Paragraph::new(lines.clone()).wrap(Wrap { trim: false });
        prop_assert_eq!(rows(&lines, width), para.line_count(width));
        let area = Rect::new(0, 0, width, height);
        // ratatui can draw a wide letter past the edge and panic (a
        // row of width 1 before "日" at width 2): then so must this.
        let want = std::panic::catch_unwind(|| {
            let mut b = Buffer::empty(area);
            para.render(area, &mut b);
            b
        });
        let got = std::panic::catch_unwind(|| {
            let mut b = Buffer::empty(area);
            render(&lines, area, &mut b);
            b
        });
        prop_assert_eq!(got.ok(), want.ok());
    }
}

#[test]
fn the_doc_texts_wrap_as_paragraph_does() {
    let text = "If in doubt, hang up. Call 159\u{a0}or the number on your card — from another phone, or wait five minutes. Don’t give codes.";
    for width in 1..90 {
        let lines = vec![
            Line::from(text),
            Line::from(""),
            Line::from(format!("  {text}  ")),
        ];
        let para = Paragraph::new(lines.clone()).wrap(Wrap { trim: false });
        assert_eq!(rows(&lines, width), para.line_count(width), "width {width}");
        let area = Rect::new(0, 0, width, 40);
        let mut want = Buffer::empty(area);
        para.render(area, &mut want);
        let mut got = Buffer::empty(area);
        render(&lines, area, &mut got);
        assert_eq!(got, want, "width {width}");
    }
}

/// `ui::hanging` as it was before it kept the row's width: the lines it
/// makes must not change.
fn hanging_before(prefix: &str, text: &str, width: u16) -> Vec<String> {
    use unicode_width::UnicodeWidthStr;
    let indent = prefix.width();
    let room = usize::from(width).saturating_sub(indent).max(8);
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text
        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
        .filter(|w| !w.is_empty())
    {
        let mut word = word.to_string();
        while word.width() > room {
            if !row.is_empty() {
                rows.push(std::mem::take(&mut row));
            }
            let mut head = String::new();
            for ch in word.chars() {
                if (head.clone() + &ch.to_string()).width() > room {
                    break;
                }
                head.push(ch);
            }
            if head.is_empty() {
                break;
            }
            word = word[head.len()..].to_string();
            rows.push(head);
        }
        if row.is_empty() {
            row = word;
        } else if row.width() + 1 + word.width() <= room {
            row.push(' ');
            row.push_str(&word);
        } else {
            rows.push(std::mem::replace(&mut row, word));
        }
    }
    rows.push(row);
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            if i == 0 {
                format!("{prefix}{r}")
            } else {
                format!("{}{r}", " ".repeat(indent))
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn hanging_makes_the_lines_it_made_before(
        bits in prop::collection::vec(prop::sample::select(BITS), 0..30),
        prefix in prop::sample::select(&["", "1. ", "> 2  ", "  0  ", "日 "][..]),
        width in 0u16..60,
    ) {
        let text = bits.join(" ");
        let got: Vec<String> = hangup::tui::ui::hanging(prefix, &text, width)
            .iter()
            .map(|l| l.to_string())
            .collect();
        prop_assert_eq!(got, hanging_before(prefix, &text, width));
    }
}
