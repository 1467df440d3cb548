//! What a front end needs from something that reads words aloud, without
//! knowing which program does it: plain mode is given a [`Voice`] by the
//! run loop, so it never imports the speech front end. `crate::speech`'s
//! `Speaker` is the real one; tests use one that writes down what it hears.

use super::model::Screen;

/// Something that reads words aloud (see the module docs).
pub trait Voice {
    /// A screen as this voice says it to a learner who types the answers
    /// (plain mode): every block in order, then the numbered choices.
    fn words(&self, screen: &Screen) -> String;
    /// Start saying `text`, stopping whatever was being said. Never waits.
    fn say(&mut self, text: &str);
    /// Wait until the line being said is finished.
    fn wait(&mut self);
    /// A one-line message for the learner (e.g. the program is missing), once.
    fn take_notice(&mut self) -> Option<String>;
    /// The learner switched language: speak it from the next line on.
    fn set_language(&mut self, _language: crate::i18n::Language) {}
}
