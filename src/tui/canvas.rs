//! Where a screen is drawn, or only laid out.
//!
//! Every front end over ratatui draws through a [`Canvas`]. Over a real
//! frame it draws; made with [`Canvas::measure`] it draws nothing, but the
//! same drawing code runs its layout and notes what the layout decides: how
//! far text can scroll, how many rows a page of text has, where the list's
//! pages start, where the clickable areas are. So `update` clamps scrolling
//! with the very layout function that draws (ratatui's `StatefulWidget`
//! pattern), without drawing a hidden frame; and a screen under a card that
//! covers it is laid out, not drawn.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::Widget;

/// A frame to draw into, or (measuring) none: only the layout is run.
pub struct Canvas<'c, 'f> {
    frame: Option<&'c mut Frame<'f>>,
    area: Rect,
}

impl<'c, 'f> Canvas<'c, 'f> {
    /// Drawing into `frame`.
    pub fn new(frame: &'c mut Frame<'f>) -> Self {
        let area = frame.area();
        Self {
            frame: Some(frame),
            area,
        }
    }

    /// Laying out a screen of `area` without drawing it.
    pub fn measure(area: Rect) -> Self {
        Self { frame: None, area }
    }

    /// The whole screen's area.
    pub fn area(&self) -> Rect {
        self.area
    }

    /// True when this canvas draws (false: it only lays out).
    pub fn draws(&self) -> bool {
        self.frame.is_some()
    }

    /// Draw `widget` into `area` (nothing when measuring).
    pub fn render_widget<W: Widget>(&mut self, widget: W, area: Rect) {
        if let Some(f) = self.frame.as_deref_mut() {
            f.render_widget(widget, area);
        }
    }

    /// The cells drawn so far (none when measuring).
    pub fn buffer_mut(&mut self) -> Option<&mut Buffer> {
        self.frame.as_deref_mut().map(Frame::buffer_mut)
    }

    /// Put the terminal's cursor at `position` (nothing when measuring).
    pub fn set_cursor_position<P: Into<Position>>(&mut self, position: P) {
        if let Some(f) = self.frame.as_deref_mut() {
            f.set_cursor_position(position);
        }
    }
}
