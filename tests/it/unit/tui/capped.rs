//! Unit tests of `hangup::tui::capped` (were in src/tui/capped.rs).

use hangup::tui::capped::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Size;

#[test]
fn a_huge_reported_size_is_capped() {
    assert_eq!(
        cap(Size::new(65535, 65535)),
        Size::new(MAX_COLUMNS, MAX_ROWS)
    );
    assert_eq!(cap(Size::new(80, 24)), Size::new(80, 24));
    let mut t = Terminal::new(Capped(TestBackend::new(1200, 600))).expect("terminal");
    let area = t
        .draw(|f| f.render_widget(ratatui::widgets::Paragraph::new("hi"), f.area()))
        .expect("draw")
        .area;
    assert_eq!(
        area,
        ratatui::layout::Rect::new(0, 0, MAX_COLUMNS, MAX_ROWS)
    );
}
