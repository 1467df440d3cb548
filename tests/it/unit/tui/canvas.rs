//! Unit tests of `hangup::tui::canvas` (were in src/tui/canvas.rs).

use hangup::tui::canvas::*;
use ratatui::layout::Rect;
use ratatui::{Terminal, backend::TestBackend, widgets::Paragraph};

#[test]
fn measuring_draws_nothing_and_drawing_draws() {
    let mut m = Canvas::measure(Rect::new(0, 0, 10, 2));
    assert!(!m.draws());
    m.render_widget(Paragraph::new("hi"), Rect::new(0, 0, 10, 1));
    assert!(m.buffer_mut().is_none());
    assert_eq!(m.area(), Rect::new(0, 0, 10, 2));

    let mut t = Terminal::new(TestBackend::new(10, 2)).expect("backend");
    t.draw(|f| {
        let mut c = Canvas::new(f);
        assert!(c.draws());
        c.render_widget(Paragraph::new("hi"), Rect::new(0, 0, 10, 1));
    })
    .expect("draw");
    assert_eq!(t.backend().buffer()[(1, 0)].symbol(), "i");
}
