//! `hangup handout`: a one-page, large-print take-home sheet. It has the right
//! action, every number from the advice catalogue for the region, the tricks
//! practised in the chosen calls, blank lines to fill in, and a "practise again"
//! date two weeks on. HTML (self-contained, print CSS for A4), Markdown or text.

use std::fmt::Write as _;

use crate::engine::catalogue::NumberLine;
use crate::engine::{Catalogue, Library};

use super::roleplay::wrap;
use crate::dates;

/// Days until "practise again" (boosters after about two weeks).
pub const PRACTISE_AGAIN_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Text,
}

impl Format {
    pub fn parse(s: &str) -> Option<Self> {
        match s.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Self::Html),
            "md" | "markdown" => Some(Self::Markdown),
            "txt" | "text" => Some(Self::Text),
            _ => None,
        }
    }
}

/// What goes on the sheet, already in the region's words.
#[derive(Debug, Clone)]
pub struct Handout {
    pub region_name: String,
    pub action: Vec<String>,
    pub numbers: Vec<NumberLine>,
    /// (name, one-line explanation) of each trick practised, first time each.
    pub tricks: Vec<(String, String)>,
    pub money_gone: Option<String>,
    /// "1 March 2026".
    pub practise_again: String,
}

impl Handout {
    /// Build the sheet for scenarios `ids` (all scenarios if empty).
    /// `today` is days since 1970-01-01 (see `dates`). Unknown ids are an error.
    pub fn build(
        library: &Library,
        ids: &[String],
        region: &str,
        today: i64,
    ) -> Result<Self, String> {
        let cat: &Catalogue = &library.catalogue;
        let region = cat.region(Some(region));
        let mut chosen = Vec::new();
        if ids.is_empty() {
            chosen.extend(library.scenarios.iter());
        } else {
            for id in ids {
                match library.get(id) {
                    Some(s) => chosen.push(s),
                    None => {
                        return Err(format!(
                            "there is no practice call called \"{id}\". See `hangup list`."
                        ));
                    }
                }
            }
        }
        let mut tricks: Vec<(String, String)> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        for s in chosen {
            for flag in s
                .steps
                .iter()
                .flat_map(|st| &st.choices)
                .flat_map(|c| &c.flags)
            {
                let id = flag.get_ref();
                if seen.contains(id) {
                    continue;
                }
                if let Some(f) = cat.red_flag(id) {
                    seen.push(id.clone());
                    tricks.push((
                        crate::engine::text::sanitize(&f.name),
                        crate::engine::text::sanitize(&f.explain),
                    ));
                }
            }
        }
        Ok(Self {
            region_name: cat.region_name(region).to_string(),
            action: cat.core_action(region),
            numbers: cat.numbers(region),
            tricks,
            money_gone: cat.advice_text("money-gone", region),
            practise_again: dates::long(today + PRACTISE_AGAIN_DAYS),
        })
    }

    /// The sheet in `format`. Every text from a file passes the output
    /// boundary (`crate::sanitize`): HTML and Markdown escape markup, and no
    /// control or invisible character reaches the page or a terminal.
    pub fn render(&self, format: Format) -> String {
        let out = match format {
            Format::Html => self.html(),
            Format::Markdown => self.markdown(),
            Format::Text => self.text(),
        };
        crate::sanitize::text(&out).into_owned()
    }

    const TITLE: &'static str = "Hang up on scam calls";
    const INTRO: &'static str = "If a call, text or visit worries you:";

    fn text(&self) -> String {
        let w = 64;
        let mut o = String::new();
        let _ = writeln!(o, "{}", Self::TITLE.to_uppercase());
        let _ = writeln!(o, "{}\n", "=".repeat(Self::TITLE.len()));
        let _ = writeln!(o, "{}", Self::INTRO.to_uppercase());
        for (i, a) in self.action.iter().enumerate() {
            o.push_str(&wrap(&format!("{}. {a}", i + 1), w, ""));
        }
        let _ = writeln!(o, "\nNUMBERS TO KNOW ({})", self.region_name);
        for n in &self.numbers {
            o.push_str(&wrap(&format!("{}: {}", n.number, n.what), w, ""));
        }
        if !self.tricks.is_empty() {
            let _ = writeln!(o, "\nTRICKS WE PRACTISED SPOTTING");
            for (name, explain) in &self.tricks {
                o.push_str(&wrap(&format!("- {name}: {explain}"), w, ""));
            }
        }
        let _ = writeln!(o, "\nMy bank's number: ______________________________\n");
        let _ = writeln!(o, "Someone I trust: _______________________________\n");
        let _ = writeln!(o, "Practise again around {}.", self.practise_again);
        if let Some(m) = &self.money_gone {
            o.push('\n');
            o.push_str(&wrap(m, w, ""));
        }
        o
    }

    fn markdown(&self) -> String {
        let m = crate::sanitize::markdown;
        let mut o = String::new();
        let _ = writeln!(o, "# {}\n", Self::TITLE);
        let _ = writeln!(o, "## {}\n", Self::INTRO);
        for (i, a) in self.action.iter().enumerate() {
            let _ = writeln!(o, "{}. {}", i + 1, m(a));
        }
        let _ = writeln!(o, "\n## Numbers to know ({})\n", m(&self.region_name));
        for n in &self.numbers {
            let _ = writeln!(o, "- **{}**: {}", m(&n.number), m(&n.what));
        }
        if !self.tricks.is_empty() {
            let _ = writeln!(o, "\n## Tricks we practised spotting\n");
            for (name, explain) in &self.tricks {
                let _ = writeln!(o, "- **{}**: {}", m(name), m(explain));
            }
        }
        let _ = writeln!(o, "\nMy bank's number: ______________________________\n");
        let _ = writeln!(o, "Someone I trust: _______________________________\n");
        let _ = writeln!(o, "**Practise again around {}.**", m(&self.practise_again));
        if let Some(m) = &self.money_gone {
            let _ = writeln!(o, "\n{}", crate::sanitize::markdown(m));
        }
        o
    }

    fn html(&self) -> String {
        let e = html_escape;
        let mut o = String::new();
        o.push_str(concat!(
            "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n",
            "<title>Hang up on scam calls</title>\n<style>\n",
            "@page { size: A4; margin: 11mm 14mm; }\n",
            "html { font-family: Arial, Helvetica, sans-serif; font-size: 14pt; ",
            "line-height: 1.2; color: #000; background: #fff; }\n",
            "body { max-width: 182mm; margin: 0 auto; }\n",
            "h1 { font-size: 22pt; margin: 0 0 2pt 0; }\n",
            "h2 { font-size: 16pt; margin: 7pt 0 2pt 0; border-bottom: 2pt solid #000; }\n",
            "ol, ul { margin: 0; padding-left: 18pt; }\n",
            "li { margin: 0; }\n",
            "ul.tricks { columns: 2; column-gap: 8mm; }\n",
            "ul.tricks li { break-inside: avoid; }\n",
            "table { border-collapse: collapse; width: 100%; }\n",
            "td { vertical-align: top; padding: 0 6pt 1pt 0; }\n",
            "td.num { font-weight: bold; font-size: 15pt; white-space: nowrap; }\n",
            ".blank { margin: 9pt 0 0 0; font-size: 15pt; }\n",
            ".again { margin: 9pt 0 0 0; font-weight: bold; font-size: 15pt; }\n",
            ".small { margin: 5pt 0 0 0; }\n",
            "@media print { body { max-width: none; } }\n",
            "</style>\n</head>\n<body>\n"
        ));
        let _ = writeln!(o, "<h1>{}</h1>", e(Self::TITLE));
        let _ = writeln!(o, "<h2>{}</h2>\n<ol>", e(Self::INTRO));
        for a in &self.action {
            let _ = writeln!(o, "<li>{}</li>", e(a));
        }
        let _ = writeln!(
            o,
            "</ol>\n<h2>Numbers to know ({})</h2>\n<table>",
            e(&self.region_name)
        );
        for n in &self.numbers {
            let _ = writeln!(
                o,
                "<tr><td class=\"num\">{}</td><td>{}</td></tr>",
                e(&n.number),
                e(&n.what)
            );
        }
        o.push_str("</table>\n");
        if !self.tricks.is_empty() {
            o.push_str("<h2>Tricks we practised spotting</h2>\n<ul class=\"tricks\">\n");
            for (name, explain) in &self.tricks {
                let _ = writeln!(o, "<li><b>{}</b>: {}</li>", e(name), e(explain));
            }
            o.push_str("</ul>\n");
        }
        o.push_str("<p class=\"blank\">My bank's number: ______________________________</p>\n");
        o.push_str("<p class=\"blank\">Someone I trust: _______________________________</p>\n");
        let _ = writeln!(
            o,
            "<p class=\"again\">Practise again around {}.</p>",
            e(&self.practise_again)
        );
        if let Some(m) = &self.money_gone {
            let _ = writeln!(o, "<p class=\"small\">{}</p>", e(m));
        }
        o.push_str("</body>\n</html>\n");
        o
    }
}

fn html_escape(s: &str) -> String {
    crate::sanitize::html(s)
}
