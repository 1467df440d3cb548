//! A backend that never reports a window bigger than [`MAX_COLUMNS`] x
//! [`MAX_ROWS`]. The terminal's reported size is untrusted input too: a window
//! that claims to be 65535x65535 would make ratatui allocate billions of
//! cells. Beyond the cap the program simply draws in the top-left part.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// The widest drawing area, in columns.
pub const MAX_COLUMNS: u16 = 1000;
/// The tallest drawing area, in rows.
pub const MAX_ROWS: u16 = 500;

/// A size no bigger than the cap.
pub fn cap(size: Size) -> Size {
    Size {
        width: size.width.min(MAX_COLUMNS),
        height: size.height.min(MAX_ROWS),
    }
}

/// Wraps a backend; everything passes through except the size, which is capped.
#[derive(Debug)]
pub struct Capped<B>(pub B);

impl<B: Backend> Backend for Capped<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.0
            .draw(content.filter(|(x, y, _)| *x < MAX_COLUMNS && *y < MAX_ROWS))
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.0.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.0.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.0.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.0.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.0.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.0.clear_region(clear_type)
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.0.size().map(cap)
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.0.window_size().map(|w| WindowSize {
            columns_rows: cap(w.columns_rows),
            pixels: w.pixels,
        })
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.0.flush()
    }
}
