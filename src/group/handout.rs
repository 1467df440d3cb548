//! `hangup handout`: a one-page, large-print take-home sheet. It has the right
//! action, every number from the advice catalogue for the region, the tricks
//! practised in the chosen calls, blank lines to fill in, and a "practise again"
//! date two weeks on. HTML (self-contained, print CSS for A4), Markdown or text.

use crate::i18n::tr;
use crate::tr;
use std::fmt::Write as _;

use crate::engine::catalogue::NumberLine;
use crate::engine::{Catalogue, Library};
use crate::progress::Progress;

use super::roleplay::wrap;

/// Days until "practise again" (boosters after about two weeks).
pub const PRACTISE_AGAIN_DAYS: i64 = 14;

/// Which kind of file the handout is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page with print CSS for A4.
    Html,
    /// Markdown, for pasting into a document or newsletter.
    Markdown,
    /// Plain text, wrapped for printing.
    Text,
}

impl Format {
    /// The format for a name given with `--format` or a file extension: `html`/`htm`, `md`/`markdown` or `txt`/`text`, any case; `None` otherwise.
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
    /// The region's name for people, e.g. "Scotland".
    pub region_name: String,
    /// The five steps that beat every phone scam (hang up, clear the line, police, bank, report), in the region's words.
    pub action: Vec<String>,
    /// Every number from the advice catalogue, in the region's words.
    pub numbers: Vec<NumberLine>,
    /// (name, one-line explanation) of each trick practised, first time each.
    pub tricks: Vec<(String, String)>,
    /// What to do if money has already gone (the `money-gone` advice step), if the catalogue has it.
    pub money_gone: Option<String>,
    /// "1 March 2026".
    pub practise_again: String,
    /// `--mine`: this learner's own practice, from the progress file only.
    pub mine: Option<Mine>,
}

/// What one learner practised, read from their progress file (nothing else).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mine {
    /// (call title, times practised), most practised first.
    pub practised: Vec<(String, u32)>,
    /// (trick name, one-line explanation, still to practise) of the tricks
    /// that caught the learner out, most often first.
    pub caught: Vec<(String, String, bool)>,
    /// The day of the last practice, "3 November 2026".
    pub last: Option<String>,
}

impl Mine {
    /// Read from a progress record. Calls the library no longer has are left
    /// out; every text is cleaned for printing.
    pub fn from_progress(progress: &Progress, library: &Library) -> Self {
        let clean = crate::engine::text::sanitize;
        let mut practised: Vec<(String, u32)> = progress
            .scenarios
            .iter()
            .filter(|(_, r)| r.plays > 0)
            .filter_map(|(id, r)| library.get(id).map(|s| (clean(s.title.get_ref()), r.plays)))
            .collect();
        practised.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let mut caught: Vec<(u32, String, String, bool)> = progress
            .tricks
            .iter()
            .filter(|(_, t)| t.missed > 0)
            .filter_map(|(id, t)| {
                library
                    .catalogue
                    .red_flag(id)
                    .map(|f| (t.missed, clean(&f.name), clean(&f.explain), t.to_practise))
            })
            .collect();
        caught.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let last = progress
            .scenarios
            .values()
            .map(|r| r.last_played)
            .max()
            .map(|d| d.long());
        Self {
            practised,
            caught: caught.into_iter().map(|(_, n, e, p)| (n, e, p)).collect(),
            last,
        }
    }

    /// The call ids practised (for the tricks list).
    fn ids(progress: &Progress) -> Vec<String> {
        progress
            .scenarios
            .iter()
            .filter(|(_, r)| r.plays > 0)
            .map(|(id, _)| id.clone())
            .collect()
    }

    fn practised_line(&self) -> String {
        let calls: Vec<String> = self
            .practised
            .iter()
            .map(|(t, n)| {
                if *n == 1 {
                    t.clone()
                } else {
                    format!("{t} ({n} times)")
                }
            })
            .collect();
        let shown = calls.len().min(LISTED_CALLS);
        let mut line = calls[..shown].join("; ");
        if calls.len() > shown {
            let _ = write!(
                line,
                "; {}",
                tr!("handout-and-more", count = calls.len() - shown)
            );
        }
        line
    }

    /// "Also: Pressure and Secrecy." for the tricks past [`explained_mine`].
    fn more_caught(&self) -> Option<String> {
        let rest: Vec<&str> = self
            .caught
            .iter()
            .skip(explained_mine())
            .map(|(n, _, _)| n.as_str())
            .collect();
        also(&rest)
    }

    /// The line that says the learner has nothing saved yet.
    pub fn nothing() -> String {
        tr("handout-nothing")
    }
}

impl Handout {
    /// Build the sheet for scenarios `ids` (all scenarios if empty).
    /// `today` is days since 1970-01-01 (see `dates`). Unknown ids are an error.
    pub fn build(
        library: &Library,
        ids: &[String],
        region: &str,
        today: i64,
    ) -> crate::Result<Self> {
        let cat: &Catalogue = &library.catalogue;
        let region = cat.region(Some(region));
        let mut chosen = Vec::new();
        if ids.is_empty() {
            chosen.extend(library.scenarios.iter());
        } else {
            for id in ids {
                chosen.push(library.find(id)?);
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
            practise_again: crate::i18n::date_long(today + PRACTISE_AGAIN_DAYS),
            mine: None,
        })
    }

    /// `hangup handout --mine`: the sheet for the calls this learner
    /// practised (every call if none yet, or the `ids` given), with what they
    /// practised and the tricks that caught them out.
    pub fn build_mine(
        library: &Library,
        ids: &[String],
        region: &str,
        today: i64,
        progress: &Progress,
    ) -> crate::Result<Self> {
        let practised: Vec<String> = Mine::ids(progress)
            .into_iter()
            .filter(|id| library.get(id).is_some())
            .collect();
        let chosen = if ids.is_empty() { &practised } else { ids };
        let mut sheet = Self::build(library, chosen, region, today)?;
        let mine = Mine::from_progress(progress, library);
        // The tricks that caught them are explained in their own list.
        sheet
            .tricks
            .retain(|(name, _)| !mine.caught.iter().any(|(n, _, _)| n == name));
        sheet.mine = Some(mine);
        Ok(sheet)
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

    fn title() -> String {
        tr("handout-title")
    }
    fn intro() -> String {
        tr("handout-intro")
    }
    fn numbers_heading(&self, region: &str) -> String {
        tr!("handout-numbers", region = region)
    }
    fn practise_again_line(&self) -> String {
        tr!(
            "handout-practise-again",
            date = self.practise_again.as_str()
        )
    }

    fn text(&self) -> String {
        let w = 64;
        let mut o = String::new();
        let title = Self::title().to_uppercase();
        let _ = writeln!(o, "{title}");
        let _ = writeln!(o, "{}\n", "=".repeat(title.chars().count()));
        let _ = writeln!(o, "{}", Self::intro().to_uppercase());
        for (i, a) in self.action.iter().enumerate() {
            o.push_str(&wrap(&format!("{}. {a}", i + 1), w, ""));
        }
        let _ = writeln!(
            o,
            "\n{}",
            self.numbers_heading(&self.region_name).to_uppercase()
        );
        for n in &self.numbers {
            o.push_str(&wrap(&format!("{}: {}", n.number, n.what), w, ""));
        }
        if let Some(m) = &self.mine {
            let _ = writeln!(o, "\n{}", Self::mine_heading(m).to_uppercase());
            if m.practised.is_empty() {
                o.push_str(&wrap(&Mine::nothing(), w, ""));
            } else {
                o.push_str(&wrap(&m.practised_line(), w, ""));
            }
            if !m.caught.is_empty() {
                let _ = writeln!(o, "\n{}", caught().to_uppercase());
                for (name, explain, again) in &m.caught {
                    o.push_str(&wrap(
                        format!("- {name}: {explain} {}", still(*again)).trim_end(),
                        w,
                        "",
                    ));
                }
            }
            if !self.tricks.is_empty() {
                let _ = writeln!(o, "\n{}", other().to_uppercase());
                o.push_str(&wrap(&self.trick_names(), w, ""));
            }
        } else if !self.tricks.is_empty() {
            let _ = writeln!(o, "\n{}", tr("handout-tricks").to_uppercase());
            for (name, explain) in &self.tricks {
                o.push_str(&wrap(&format!("- {name}: {explain}"), w, ""));
            }
        }
        let _ = writeln!(o, "\n{} {BLANK}\n", tr("handout-bank-number"));
        let _ = writeln!(o, "{} {BLANK}\n", tr("handout-someone"));
        let _ = writeln!(o, "{}", self.practise_again_line());
        if let Some(m) = &self.money_gone {
            o.push('\n');
            o.push_str(&wrap(m, w, ""));
        }
        o
    }

    fn markdown(&self) -> String {
        let md = crate::sanitize::markdown;
        let mut o = String::new();
        let _ = writeln!(o, "# {}\n", Self::title());
        let _ = writeln!(o, "## {}\n", Self::intro());
        for (i, a) in self.action.iter().enumerate() {
            let _ = writeln!(o, "{}. {}", i + 1, md(a));
        }
        let _ = writeln!(o, "\n## {}\n", self.numbers_heading(&md(&self.region_name)));
        for n in &self.numbers {
            let _ = writeln!(o, "- **{}**: {}", md(&n.number), md(&n.what));
        }
        if let Some(m) = &self.mine {
            let _ = writeln!(o, "\n## {}\n", Self::mine_heading(m));
            if m.practised.is_empty() {
                let _ = writeln!(o, "{}", Mine::nothing());
            } else {
                for (title, n) in &m.practised {
                    let _ = writeln!(o, "- {}{}", md(title), times(*n));
                }
            }
            if !m.caught.is_empty() {
                let _ = writeln!(o, "\n## {}\n", caught());
                for (name, explain, again) in &m.caught {
                    let _ = writeln!(
                        o,
                        "{}",
                        format!("- **{}**: {} {}", md(name), md(explain), still(*again)).trim_end()
                    );
                }
            }
            if !self.tricks.is_empty() {
                let _ = writeln!(o, "\n## {}\n\n{}", other(), md(&self.trick_names()));
            }
        } else if !self.tricks.is_empty() {
            let _ = writeln!(o, "\n## {}\n", tr("handout-tricks"));
            for (name, explain) in &self.tricks {
                let _ = writeln!(o, "- **{}**: {}", md(name), md(explain));
            }
        }
        let _ = writeln!(o, "\n{} {BLANK}\n", tr("handout-bank-number"));
        let _ = writeln!(o, "{} {BLANK}\n", tr("handout-someone"));
        let _ = writeln!(o, "**{}**", md(&self.practise_again_line()));
        if let Some(m) = &self.money_gone {
            let _ = writeln!(o, "\n{}", crate::sanitize::markdown(m));
        }
        o
    }

    fn html(&self) -> String {
        let e = html_escape;
        let mut o = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{}</title>\n<style>\n",
            crate::i18n::current().code(),
            e(&Self::title())
        );
        o.push_str(concat!(
            "@page { size: A4; margin: 10mm 13mm; }\n",
            "html { font-family: Arial, Helvetica, sans-serif; font-size: 14pt; ",
            "line-height: 1.2; color: #000; background: #fff; }\n",
            "body { max-width: 182mm; margin: 0 auto; }\n",
            "h1 { font-size: 22pt; margin: 0 0 2pt 0; }\n",
            "h2 { font-size: 16pt; margin: 6pt 0 2pt 0; border-bottom: 2pt solid #000; }\n",
            "ol, ul { margin: 0; padding-left: 18pt; }\n",
            "li { margin: 0; }\n",
            "ul.tricks { columns: 2; column-gap: 6mm; line-height: 1.15; }\n",
            "p.names { margin: 2pt 0 0 0; line-height: 1.15; }\n",
            "ul.tricks li { break-inside: avoid; }\n",
            "table { border-collapse: collapse; width: 100%; }\n",
            "td { vertical-align: top; padding: 0 6pt 1pt 0; }\n",
            "td.num { font-weight: bold; font-size: 15pt; white-space: nowrap; }\n",
            ".blank { margin: 6pt 0 0 0; font-size: 14pt; }\n",
            ".again { margin: 6pt 0 0 0; font-weight: bold; font-size: 15pt; }\n",
            ".small { margin: 4pt 0 0 0; line-height: 1.15; }\n",
            "@media print { body { max-width: none; } }\n",
            "</style>\n</head>\n<body>\n"
        ));
        let _ = writeln!(o, "<h1>{}</h1>", e(&Self::title()));
        let _ = writeln!(o, "<h2>{}</h2>\n<ol>", e(&Self::intro()));
        for a in &self.action {
            let _ = writeln!(o, "<li>{}</li>", e(a));
        }
        let _ = writeln!(
            o,
            "</ol>\n<h2>{}</h2>\n<table>",
            e(&self.numbers_heading(&self.region_name))
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
        if let Some(m) = &self.mine {
            let _ = writeln!(o, "<h2>{}</h2>", e(&Self::mine_heading(m)));
            if m.practised.is_empty() {
                let _ = writeln!(o, "<p>{}</p>", e(&Mine::nothing()));
            } else {
                let _ = writeln!(o, "<p class=\"names\">{}.</p>", e(&m.practised_line()));
            }
            if !m.caught.is_empty() {
                let _ = writeln!(o, "<h2>{}</h2>\n<ul class=\"tricks\">", e(&caught()));
                for (name, explain, again) in m.caught.iter().take(explained_mine()) {
                    let _ = writeln!(
                        o,
                        "<li><b>{}</b>: {} <i>{}</i></li>",
                        e(name),
                        e(explain),
                        e(&still(*again))
                    );
                }
                o.push_str("</ul>\n");
                if let Some(more) = m.more_caught() {
                    let _ = writeln!(o, "<p class=\"names\">{}</p>", e(&more));
                }
            }
            if !self.tricks.is_empty() {
                let _ = writeln!(
                    o,
                    "<h2>{}</h2>\n<p class=\"names\">{}</p>",
                    e(&other()),
                    e(&self.trick_names())
                );
            }
        } else if !self.tricks.is_empty() {
            let _ = writeln!(
                o,
                "<h2>{}</h2>\n<ul class=\"tricks\">",
                e(&tr("handout-tricks"))
            );
            for (name, explain) in self.tricks.iter().take(explained()) {
                let _ = writeln!(o, "<li><b>{}</b>: {}</li>", e(name), e(explain));
            }
            o.push_str("</ul>\n");
            let rest: Vec<&str> = self
                .tricks
                .iter()
                .skip(explained())
                .map(|(n, _)| n.as_str())
                .collect();
            if let Some(more) = also(&rest) {
                let _ = writeln!(o, "<p class=\"names\">{}</p>", e(&more));
            }
        }
        let _ = writeln!(
            o,
            "<p class=\"blank\">{} {BLANK}</p>",
            e(&tr("handout-bank-number"))
        );
        let _ = writeln!(
            o,
            "<p class=\"blank\">{} {BLANK}</p>",
            e(&tr("handout-someone"))
        );
        let _ = writeln!(
            o,
            "<p class=\"again\">{}</p>",
            e(&self.practise_again_line())
        );
        if let Some(m) = &self.money_gone {
            let _ = writeln!(o, "<p class=\"small\">{}</p>", e(m));
        }
        o.push_str("</body>\n</html>\n");
        o
    }
}

/// The line to write a number or a name on.
const BLANK: &str = "______________________________";

fn caught() -> String {
    tr("handout-caught")
}
/// On paper (large print, 14 pt or more), this many tricks are explained;
/// any more are named in one line, so the sheet stays on one A4 page
/// (`scripts/check-handout.sh` checks it in Chromium).
const EXPLAINED: usize = 6;
/// `--mine` names at most this many practised calls (most practised first).
const LISTED_CALLS: usize = 5;
/// The same for `--mine`, whose own sections take some of the page.
const EXPLAINED_MINE: usize = 4;

/// [`EXPLAINED`], two fewer in Welsh: its sentences run about a fifth
/// longer, and the sheet must still fit one page.
fn explained() -> usize {
    match crate::i18n::current() {
        crate::i18n::Language::Cy => EXPLAINED - 2,
        _ => EXPLAINED,
    }
}

/// [`EXPLAINED_MINE`], two fewer in Welsh: its sentences run about a fifth
/// longer, and the sheet must still fit one page.
fn explained_mine() -> usize {
    match crate::i18n::current() {
        crate::i18n::Language::Cy => EXPLAINED_MINE - 2,
        _ => EXPLAINED_MINE,
    }
}

/// "Also: A, B and C." or nothing.
fn also(names: &[&str]) -> Option<String> {
    match names.split_last() {
        None => None,
        Some((last, [])) => Some(tr!("handout-also", names = *last)),
        Some((last, more)) => Some(tr!(
            "handout-also",
            names = format!("{} {} {last}", more.join(", "), tr("list-and"))
        )),
    }
}
fn other() -> String {
    tr("handout-other")
}

/// Said only of a trick the learner has spotted since it caught them.
fn still(again: bool) -> String {
    if again {
        String::new()
    } else {
        tr("handout-spotted-since")
    }
}

fn times(n: u32) -> String {
    if n == 1 {
        String::new()
    } else {
        format!(" {}", tr!("handout-times", count = n))
    }
}

impl Handout {
    fn mine_heading(m: &Mine) -> String {
        match &m.last {
            Some(day) => tr!("handout-practised-last", date = day.as_str()),
            None => tr("handout-practised"),
        }
    }

    /// "Pressure, Secrecy and Fake authority."
    pub fn trick_names(&self) -> String {
        let names: Vec<&str> = self.tricks.iter().map(|(n, _)| n.as_str()).collect();
        match names.split_last() {
            None => String::new(),
            Some((last, [])) => format!("{last}."),
            Some((last, rest)) => format!("{} {} {last}.", rest.join(", "), tr("list-and")),
        }
    }
}

fn html_escape(s: &str) -> String {
    crate::sanitize::html(s)
}
