//! `hangup stats --report FILE.html`: a printable one-page impact report, with
//! SVG charts drawn by `plotters`, for the organisations that fund a centre.
//!
//! It reads only what hangup already keeps: the kiosk's counts per day
//! (`counters.toml`) and the group-session records (`group-sessions.csv`).
//! Both hold numbers only, so the report holds numbers only. Every text that
//! comes from a file (a trick's name from a catalogue) is cleaned of control
//! characters and HTML-escaped. An empty folder gives a page that says plainly
//! that nothing has been counted yet.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::dates;
use crate::engine::Library;
use crate::engine::model::Verdict;
use crate::engine::quick_check::percent;
use crate::engine::text::sanitize;
use crate::group::record::{CheckTotal, Record};
use crate::stats::{CheckCounts, Counters};

/// More periods than this and the charts count by month instead of by week.
const MAX_WEEKS: usize = 16;
/// At most this many months are drawn (the most recent ones).
pub const MAX_MONTHS: usize = 18;
/// The tricks chart shows this many tricks at most.
const MAX_TRICKS: usize = 6;

const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Dark ink for filled bars; it prints well in black and white too.
const INK: RGBColor = RGBColor(0x1f, 0x3a, 0x68);
/// The second series: a light fill with a dark outline, so the two differ
/// without colour.
const PALE: RGBColor = RGBColor(0xd9, 0xe4, 0xf2);
const GREY: RGBColor = RGBColor(0x55, 0x55, 0x55);

/// One period on the charts (a week starting on Monday, or a month).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Period {
    /// First day, as days since 1970-01-01.
    pub start: i64,
    /// "2 Nov" for a week, "Nov 26" for a month.
    pub label: String,
    /// Kiosk visits started on the days in this period, from `counters.toml`.
    pub visits: u64,
    /// Kiosk calls played to an ending in this period (safe, partly safe or defrauded).
    pub finished: u64,
    /// Group sessions recorded in this period, from `group-sessions.csv`.
    pub sessions: u64,
    /// People at those group sessions (their attendee counts added up).
    pub people: u64,
}

/// Everything the report shows, already added up.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// "week" or "month".
    pub per: &'static str,
    /// The periods to chart, oldest first, each [`Period::start`] a Monday (weeks) or a 1st (months).
    pub periods: Vec<Period>,
    /// Periods left out at the start because there were too many to draw.
    pub periods_left_out: usize,
    /// The earliest day with any count, as days since 1970-01-01; `None` when nothing is counted.
    pub first_day: Option<i64>,
    /// The latest day with any count, as days since 1970-01-01; `None` when nothing is counted.
    pub last_day: Option<i64>,
    /// Kiosk visits started, in all.
    pub visits: u64,
    /// Kiosk calls played to an ending, in all.
    pub finished: u64,
    /// Kiosk calls that reached a safe ending.
    pub finished_safe: u64,
    /// Group sessions recorded, in all.
    pub sessions: u64,
    /// People at group sessions, in all (attendee counts added up).
    pub people: u64,
    /// Minutes of group sessions, in all (their recorded lengths added up).
    pub group_minutes: u64,
    /// The kiosk's quick checks taken before a call, added up over all days.
    pub kiosk_before: CheckCounts,
    /// The kiosk's quick checks taken after a call, added up over all days.
    pub kiosk_after: CheckCounts,
    /// Group quick-check hands before the session, summed over sessions with a readable date.
    pub group_before: CheckTotal,
    /// Group quick-check hands after the session, summed over sessions with a readable date.
    pub group_after: CheckTotal,
    /// Trick name, hands raised for a risky answer that fell for it.
    pub tricks: Vec<(String, u64)>,
    /// Hands counted at all in group sessions (for the tricks chart's note).
    pub hands_counted: u64,
    /// Days or records whose date could not be read (left out).
    pub unreadable_dates: usize,
}

impl Report {
    /// Nothing at all to show.
    pub fn is_empty(&self) -> bool {
        self.visits == 0
            && self.finished == 0
            && self.sessions == 0
            && self.kiosk_before.is_empty()
            && self.kiosk_after.is_empty()
    }
}

/// Monday of the week holding `day` (1970-01-01 was a Thursday).
pub fn monday(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

fn first_of_month(day: i64) -> i64 {
    let (y, m, _) = dates::civil(day);
    dates::days(y, m, 1).unwrap_or(day)
}

fn next_month(first: i64) -> i64 {
    let (y, m, _) = dates::civil(first);
    let (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    dates::days(y, m, 1).unwrap_or(first + 31)
}

fn short_month(m: u32) -> &'static str {
    SHORT_MONTHS
        .get(m.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("")
}

/// Add up the kiosk counts and the group records.
pub fn gather(counters: &Counters, groups: &[Record], library: &Library) -> Report {
    let mut r = Report::default();
    // Per day first: (visits, finished, sessions, people).
    let mut days: BTreeMap<i64, [u64; 4]> = BTreeMap::new();
    for (date, d) in &counters.kiosk {
        let Some(day) = dates::parse_iso(date) else {
            r.unreadable_dates += 1;
            continue;
        };
        let finished: u64 = d
            .finished
            .values()
            .map(|o| {
                o.safe
                    .saturating_add(o.partly_safe)
                    .saturating_add(o.defrauded)
            })
            .fold(0, u64::saturating_add);
        let safe: u64 = d
            .finished
            .values()
            .map(|o| o.safe)
            .fold(0, u64::saturating_add);
        let e = days.entry(day).or_default();
        e[0] = e[0].saturating_add(d.visits);
        e[1] = e[1].saturating_add(finished);
        r.visits = r.visits.saturating_add(d.visits);
        r.finished = r.finished.saturating_add(finished);
        r.finished_safe = r.finished_safe.saturating_add(safe);
    }
    let (before, after) = counters.check_totals();
    r.kiosk_before = before;
    r.kiosk_after = after;

    let mut tricks: BTreeMap<String, u64> = BTreeMap::new();
    for g in groups {
        let Some(day) = dates::parse_iso(&g.date) else {
            r.unreadable_dates += 1;
            continue;
        };
        let e = days.entry(day).or_default();
        e[2] = e[2].saturating_add(1);
        e[3] = e[3].saturating_add(u64::from(g.attendees));
        r.sessions = r.sessions.saturating_add(1);
        r.people = r.people.saturating_add(u64::from(g.attendees));
        r.group_minutes = r
            .group_minutes
            .saturating_add(u64::from(g.duration_minutes));
        for t in &g.tallies {
            r.hands_counted = t
                .counts
                .iter()
                .flatten()
                .fold(r.hands_counted, |a, &n| a.saturating_add(u64::from(n)));
            let Some(step) = library
                .get(&t.scenario)
                .and_then(|s| s.steps.iter().find(|st| st.id.get_ref() == &t.step))
            else {
                continue;
            };
            for (choice, count) in step.choices.iter().zip(&t.counts) {
                let (Verdict::Risky, Some(n)) = (choice.verdict, count) else {
                    continue;
                };
                for flag in &choice.flags {
                    let name = library
                        .catalogue
                        .red_flag(flag.get_ref())
                        .map_or_else(|| flag.get_ref().clone(), |f| f.name.clone());
                    let e = tricks.entry(sanitize(&name)).or_default();
                    *e = e.saturating_add(u64::from(*n));
                }
            }
        }
    }
    let mut before = CheckTotal::default();
    let mut after = CheckTotal::default();
    for g in groups
        .iter()
        .filter(|g| dates::parse_iso(&g.date).is_some())
    {
        before.add(g.check_before, g.marks.before_cut_short);
        after.add(g.check_after, g.marks.after_cut_short);
    }
    r.group_before = before;
    r.group_after = after;
    let mut tricks: Vec<(String, u64)> = tricks.into_iter().filter(|t| t.1 > 0).collect();
    tricks.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    tricks.truncate(MAX_TRICKS);
    r.tricks = tricks;

    r.first_day = days.keys().next().copied();
    r.last_day = days.keys().next_back().copied();
    let (Some(first), Some(last)) = (r.first_day, r.last_day) else {
        r.per = "week";
        return r;
    };
    let weeks = usize::try_from((monday(last) - monday(first)) / 7 + 1).unwrap_or(usize::MAX);
    let mut periods = Vec::new();
    if weeks <= MAX_WEEKS {
        r.per = "week";
        let mut start = monday(first);
        while start <= last {
            let (_, m, d) = dates::civil(start);
            periods.push(Period {
                start,
                label: format!("{d} {}", short_month(m)),
                ..Period::default()
            });
            start += 7;
        }
    } else {
        r.per = "month";
        let mut start = first_of_month(first);
        while start <= last {
            let (y, m, _) = dates::civil(start);
            periods.push(Period {
                start,
                label: format!("{} {}", short_month(m), y.rem_euclid(100)),
                ..Period::default()
            });
            start = next_month(start);
        }
        if periods.len() > MAX_MONTHS {
            r.periods_left_out = periods.len() - MAX_MONTHS;
            periods.drain(..r.periods_left_out);
        }
    }
    for (day, [visits, finished, sessions, people]) in days {
        let Some(p) = periods.iter_mut().rev().find(|p| p.start <= day) else {
            continue;
        };
        p.visits = p.visits.saturating_add(visits);
        p.finished = p.finished.saturating_add(finished);
        p.sessions = p.sessions.saturating_add(sessions);
        p.people = p.people.saturating_add(people);
    }
    r.periods = periods;
    r
}

/// The "Not sure: I would check first" answers and hands, for the quick
/// check's caption: safe, never wrong, but not counted as right (they tell
/// no call apart), so said apart. Empty when there were none.
fn unsure_words(kiosk: (u64, u64), group: (u64, u64)) -> String {
    let mut s = String::new();
    if kiosk.0 + kiosk.1 > 0 {
        let _ = write!(
            s,
            " At the kiosk, {} before practice and {} after were \"Not sure: I would \
             check first\".",
            plural(kiosk.0, "answer", "answers"),
            kiosk.1
        );
    }
    if group.0 + group.1 > 0 {
        let _ = write!(
            s,
            " In group sessions, {} before practice and {} after were \"Not sure: I \
             would check first\".",
            plural(group.0, "hand", "hands"),
            group.1
        );
    }
    if !s.is_empty() {
        s.push_str(
            " Checking first is always safe, but it does not tell a call apart, so these \
             are not counted as right.",
        );
    }
    s
}

/// Text for HTML: control characters cleaned, `<>&"'` escaped.
pub fn escape(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One series of bars: its name (for the legend), filled or pale, the values.
struct Series<'a> {
    filled: bool,
    values: &'a [Option<u64>],
}

/// Counts above this are not drawn (a damaged or edited file): the chart
/// becomes a note and the totals still show the numbers.
const DRAWABLE_MAX: u64 = 1_000_000_000_000;
/// The note shown instead of a chart whose counts are too big to draw.
pub const TOO_BIG: &str = "These numbers are too big to draw. Check the files in the data folder.";

/// Chart size in SVG pixels (drawn at 100% width of its box on the page).
const W: u32 = 360;
const H: u32 = 230;

/// A chart drawn, or why plotters could not draw it.
pub type DrawResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Vertical bars: one group per category, one bar per series, the number
/// written above each bar (so the chart reads without colour), category
/// names (and an optional second line) under the axis.
fn bar_chart(
    categories: &[String],
    second_line: &[String],
    series: &[Series<'_>],
    suffix: &str,
    y_max: Option<u64>,
) -> DrawResult<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        root.fill(&WHITE)?;
        let n = categories.len().max(1);
        let top = series
            .iter()
            .flat_map(|s| s.values.iter().flatten())
            .copied()
            .max()
            .unwrap_or(0);
        if top > DRAWABLE_MAX {
            return Err(TOO_BIG.into());
        }
        let y_top = y_max.unwrap_or_else(|| nice_top(top));
        let slot = 100i64;
        let x_end = slot * i64::try_from(n).unwrap_or(1);
        let label_rows = if second_line.is_empty() { 1 } else { 2 };
        let mut chart = ChartBuilder::on(&root)
            .margin_top(14)
            .margin_right(6)
            .margin_left(4)
            .x_label_area_size(6 + 16 * label_rows)
            .y_label_area_size(34)
            .build_cartesian_2d(0i64..x_end, 0i64..i64::try_from(y_top).unwrap_or(i64::MAX))?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(2)
            .x_label_formatter(&|_| String::new())
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v}{suffix}"))
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .axis_style(GREY)
            .label_style(("sans-serif", 14).into_font().color(&GREY))
            .draw()?;
        let groups = i64::try_from(series.len().max(1)).unwrap_or(1);
        let width = (slot - 24) / groups;
        let text = ("sans-serif", 14).into_font().color(&BLACK);
        let centre = text.pos(Pos::new(HPos::Center, VPos::Bottom));
        for (k, s) in series.iter().enumerate() {
            let k = i64::try_from(k).unwrap_or(0);
            for (i, v) in s.values.iter().enumerate() {
                let i = i64::try_from(i).unwrap_or(0);
                let x0 = i * slot + 12 + k * width;
                let x1 = x0 + width - 4;
                let Some(v) = *v else {
                    let (px, py) = chart.backend_coord(&((x0 + x1) / 2, 0));
                    root.draw(&Text::new("none", (px, py - 2), centre.clone()))?;
                    continue;
                };
                let h = i64::try_from(v).unwrap_or(i64::MAX);
                if s.filled {
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(x0, 0), (x1, h)],
                        INK.filled(),
                    )))?;
                } else {
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(x0, 0), (x1, h)],
                        PALE.filled(),
                    )))?;
                    chart.draw_series(std::iter::once(Rectangle::new(
                        [(x0, 0), (x1, h)],
                        INK.stroke_width(1),
                    )))?;
                }
                let (px, py) = chart.backend_coord(&((x0 + x1) / 2, h));
                root.draw(&Text::new(
                    format!("{v}{suffix}"),
                    (px, py - 2),
                    centre.clone(),
                ))?;
            }
        }
        let under = text.pos(Pos::new(HPos::Center, VPos::Top));
        for (i, name) in categories.iter().enumerate() {
            let i = i64::try_from(i).unwrap_or(0);
            let (px, py) = chart.backend_coord(&(i * slot + slot / 2, 0));
            root.draw(&Text::new(sanitize(name), (px, py + 4), under.clone()))?;
            if let Some(second) = second_line.get(usize::try_from(i).unwrap_or(0)) {
                root.draw(&Text::new(
                    second.clone(),
                    (px, py + 20),
                    ("sans-serif", 13)
                        .into_font()
                        .color(&GREY)
                        .pos(Pos::new(HPos::Center, VPos::Top)),
                ))?;
            }
        }
        root.present()?;
    }
    Ok(svg)
}

/// Horizontal bars with the name written above each bar.
pub fn rank_chart(rows: &[(String, u64)], unit: (&str, &str)) -> DrawResult<String> {
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        root.fill(&WHITE)?;
        let top = rows.iter().map(|r| r.1).max().unwrap_or(0);
        if top > DRAWABLE_MAX {
            return Err(TOO_BIG.into());
        }
        let x_top = i64::try_from(nice_top(top)).unwrap_or(i64::MAX);
        let n = i64::try_from(rows.len().max(1)).unwrap_or(1);
        let slot = 100i64;
        let mut chart = ChartBuilder::on(&root)
            .margin(6)
            .margin_right(40)
            .x_label_area_size(18)
            .y_label_area_size(4)
            .build_cartesian_2d(0i64..x_top, 0i64..slot * n)?;
        chart
            .configure_mesh()
            .disable_y_mesh()
            .y_labels(2)
            .y_label_formatter(&|_| String::new())
            .x_labels(5)
            .light_line_style(WHITE)
            .bold_line_style(RGBColor(0xdd, 0xdd, 0xdd))
            .axis_style(GREY)
            .label_style(("sans-serif", 14).into_font().color(&GREY))
            .draw()?;
        let name_style = ("sans-serif", 14)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Bottom));
        let count_style = ("sans-serif", 14)
            .into_font()
            .color(&BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        for (i, (name, count)) in rows.iter().enumerate() {
            // The first row at the top.
            let i = n - 1 - i64::try_from(i).unwrap_or(0);
            let y0 = i * slot + 8;
            let y1 = y0 + 40;
            let v = i64::try_from(*count).unwrap_or(i64::MAX);
            chart.draw_series(std::iter::once(Rectangle::new(
                [(0, y0), (v, y1)],
                INK.filled(),
            )))?;
            let (px, py) = chart.backend_coord(&(0, y1));
            root.draw(&Text::new(
                sanitize(name),
                (px + 1, py - 2),
                name_style.clone(),
            ))?;
            let (px, py) = chart.backend_coord(&(v, (y0 + y1) / 2));
            root.draw(&Text::new(
                plural(*count, unit.0, unit.1),
                (px + 4, py),
                count_style.clone(),
            ))?;
        }
        root.present()?;
    }
    Ok(svg)
}

/// A round number above `n` for the top of an axis (1, 2 or 5 times a power
/// of ten per grid step, at most about six steps), leaving room for the label
/// above the tallest bar.
pub fn nice_top(n: u64) -> u64 {
    let n = n.max(4);
    let mut step = 1u64;
    while n / step >= 5 {
        let next = match step.to_string().as_bytes().first() {
            Some(b'2') => step / 2 * 5,
            _ => step.saturating_mul(2),
        };
        if next == step {
            break;
        }
        step = next;
    }
    (n / step).saturating_add(1).saturating_mul(step)
}

/// The SVG made fit for the page: scales to its box, labelled for screen readers.
fn figure_svg(svg: &str, label: &str) -> String {
    // plotters writes `<svg width=".." height=".." viewBox=".." ...>`; let the
    // page choose the size.
    let svg = svg.replacen(
        &format!("<svg width=\"{W}\" height=\"{H}\""),
        &format!("<svg role=\"img\" aria-label=\"{}\"", escape(label)),
        1,
    );
    svg.replacen("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "", 1)
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", word(n, one, many))
}

/// `one` for 1, else `many` (for a number shown apart, as in the totals).
fn word<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The kiosk's share of answers that named the call right ("not sure" is
/// said apart, see [`CheckCounts::named_right`]).
fn check_percent(c: &CheckCounts) -> Option<u64> {
    if c.taken == 0 {
        None
    } else {
        percent(c.named_right(), c.asked)
    }
}

const STYLE: &str = r#"
@page { size: A4; margin: 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; color: #000; margin: 0;
       font-size: 10.5pt; line-height: 1.3; }
h1 { font-size: 18pt; margin: 0 0 1mm 0; }
h2 { font-size: 12pt; margin: 0 0 1mm 0; }
p { margin: 0 0 1.5mm 0; }
.lead { font-size: 11pt; }
.totals { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 3mm; margin: 3mm 0; }
.totals div { border: 0.4mm solid #1f3a68; padding: 1.5mm 2mm; }
.totals b { display: block; font-size: 16pt; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 6mm; }
figure { margin: 0; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption, .note { font-size: 9pt; color: #222; }
.key { font-size: 9pt; margin: 0 0 1mm 0; }
.swatch { display: inline-block; width: 3.2mm; height: 3.2mm; vertical-align: -0.4mm;
          border: 0.3mm solid #1f3a68; margin: 0 1mm 0 0; }
.filled { background: #1f3a68; }
.pale { background: #d9e4f2; }
.plainly { border-left: 1.2mm solid #1f3a68; padding-left: 2mm; }
footer { margin-top: 3mm; font-size: 8.5pt; color: #333; }
@media screen { body { max-width: 190mm; margin: 8mm auto; } }
"#;

fn page(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n",
        escape(title)
    )
}

fn key(items: &[(bool, &str)]) -> String {
    let mut s = String::from("<p class=\"key\">");
    for (filled, name) in items {
        let _ = write!(
            s,
            "<span class=\"swatch {}\"></span>{} &nbsp; ",
            if *filled { "filled" } else { "pale" },
            escape(name)
        );
    }
    s.push_str("</p>");
    s
}

/// The whole report as one HTML page. `made_on` is days since 1970-01-01.
pub fn html(r: &Report, made_on: i64) -> String {
    let title = "hangup: what was counted";
    if r.is_empty() {
        let body = format!(
            "<h1>{title}</h1>\n<p class=\"lead\">Nothing counted yet.</p>\n\
             <p>This data folder holds no kiosk visits and no group sessions, so there is nothing \
             to draw. Counts appear here after the kiosk has been used (<code>hangup kiosk</code>) \
             or after a group session has been saved (<code>hangup group</code>).</p>\n\
             <p>hangup counts numbers only: never names, and never what anyone said.</p>\n\
             <footer>Made on {}.</footer>\n",
            escape(&crate::i18n::date_long(made_on))
        );
        return page(title, &body);
    }
    let mut b = String::new();
    let span = match (r.first_day, r.last_day) {
        (Some(a), Some(z)) if a == z => format!("On {}", crate::i18n::date_long(a)),
        (Some(a), Some(z)) => format!(
            "From {} to {}",
            crate::i18n::date_long(a),
            crate::i18n::date_long(z)
        ),
        _ => String::new(),
    };
    let _ = writeln!(b, "<h1>{title}</h1>");
    let _ = writeln!(
        b,
        "<p class=\"lead\">{}. Numbers only: hangup never keeps names or what anyone said.</p>",
        escape(&span)
    );
    let _ = writeln!(
        b,
        "<div class=\"totals\">\
         <div><b>{}</b>{}</div>\
         <div><b>{}</b>{} finished at the kiosk ({} stayed safe)</div>\
         <div><b>{}</b>{}, {}</div>\
         <div><b>{}</b>{} at group sessions (counted by volunteers)</div></div>",
        r.visits,
        word(r.visits, "kiosk visit", "kiosk visits"),
        r.finished,
        word(r.finished, "practice call", "practice calls"),
        r.finished_safe,
        r.sessions,
        word(r.sessions, "group session", "group sessions"),
        plural(r.group_minutes, "minute", "minutes"),
        r.people,
        word(r.people, "person", "people"),
    );

    let labels: Vec<String> = r.periods.iter().map(|p| p.label.clone()).collect();
    let per_words = if r.per == "month" {
        "month"
    } else {
        "week (the date is the Monday)"
    };
    let left_out = if r.periods_left_out > 0 {
        format!(
            " The first {} are left out to fit the page.",
            plural(r.periods_left_out as u64, "month", "months")
        )
    } else {
        String::new()
    };

    let _ = writeln!(b, "<div class=\"grid\">");
    // 1. Kiosk per period.
    let visits: Vec<Option<u64>> = r.periods.iter().map(|p| Some(p.visits)).collect();
    let finished: Vec<Option<u64>> = r.periods.iter().map(|p| Some(p.finished)).collect();
    let chart = bar_chart(
        &labels,
        &[],
        &[
            Series {
                filled: true,
                values: &visits,
            },
            Series {
                filled: false,
                values: &finished,
            },
        ],
        "",
        None,
    );
    let _ = writeln!(
        b,
        "<figure><h2>Kiosk: visits and finished calls per {}</h2>{}{}\
         <figcaption>A visit starts when someone touches the kiosk. A call is finished when \
         its ending is reached.{left_out}</figcaption></figure>",
        escape(if r.per == "month" { "month" } else { "week" }),
        key(&[(true, "Visits"), (false, "Calls finished")]),
        chart_or_note(
            chart,
            &format!("Kiosk visits and finished calls per {per_words}")
        )
    );

    // 2. Group sessions and people.
    let people: Vec<Option<u64>> = r.periods.iter().map(|p| Some(p.people)).collect();
    let sessions: Vec<String> = r
        .periods
        .iter()
        .map(|p| plural(p.sessions, "session", "sessions"))
        .collect();
    let chart = if r.sessions == 0 {
        Err("No group sessions have been saved yet.".into())
    } else {
        bar_chart(
            &labels,
            &sessions,
            &[Series {
                filled: true,
                values: &people,
            }],
            "",
            None,
        )
    };
    let _ = writeln!(
        b,
        "<figure><h2>Group sessions: people who came</h2>{}{}\
         <figcaption>People per {per_words}, as counted by the volunteer; the number of sessions \
         is under each date.</figcaption></figure>",
        key(&[(true, "People")]),
        chart_or_note(chart, "People at group sessions per period")
    );

    // 3. Quick check before and after.
    let before = [check_percent(&r.kiosk_before), r.group_before.percent()];
    let after = [check_percent(&r.kiosk_after), r.group_after.percent()];
    let any_check = before.iter().chain(&after).any(Option::is_some);
    let chart = if any_check {
        bar_chart(
            &["Kiosk".to_string(), "Group sessions".to_string()],
            &[
                format!(
                    "{} before, {} after",
                    r.kiosk_before.taken, r.kiosk_after.taken
                ),
                format!(
                    "{} before, {} after",
                    r.group_before.sessions, r.group_after.sessions
                ),
            ],
            &[
                Series {
                    filled: false,
                    values: &before,
                },
                Series {
                    filled: true,
                    values: &after,
                },
            ],
            "%",
            Some(110),
        )
    } else {
        Err("Nobody has taken the quick check yet.".into())
    };
    let _ = writeln!(
        b,
        "<figure><h2>Quick check: right answers before and after</h2>{}{}\
         <figcaption class=\"plainly\"><b>The two sets are different calls.</b> The quick check \
         before practice and the one after use different short calls, so this is not the same \
         test taken twice, and not everyone who takes the first takes the second. Read the \
         change as a rough sign, not as proof. Kiosk: share of answers \
         right (people under the bars). Group: share of hands on the right answer (sessions under \
         the bars).{}</figcaption></figure>",
        key(&[(false, "Before practice"), (true, "After practice")]),
        chart_or_note(
            chart,
            "Quick check: percentage right before and after practice"
        ),
        unsure_words(
            (r.kiosk_before.unsure, r.kiosk_after.unsure),
            (r.group_before.unsure, r.group_after.unsure)
        )
    );

    // 4. Tricks most often missed.
    let chart = if r.tricks.is_empty() {
        Err(if r.hands_counted == 0 {
            "No show of hands has been counted in a group session yet, so there are no tricks to show."
                .into()
        } else {
            "No hands went up for a risky answer. Well done to the rooms!".into()
        })
    } else {
        rank_chart(&r.tricks, ("hand", "hands"))
    };
    let _ = writeln!(
        b,
        "<figure><h2>Tricks most often missed</h2>{}\
         <figcaption>From group sessions: hands raised for a risky answer, by the trick that \
         answer fell for (an answer can show more than one trick). Out of {} counted. \
         The kiosk does not keep answers, only endings.</figcaption></figure>",
        chart_or_note(chart, "Tricks most often missed, by hands raised"),
        plural(r.hands_counted, "hand", "hands")
    );
    let _ = writeln!(b, "</div>");
    let mut foot = format!(
        "Made on {} with <code>hangup stats --report</code>.",
        escape(&crate::i18n::date_long(made_on))
    );
    if r.unreadable_dates > 0 {
        let _ = write!(
            foot,
            " {} with a date that could not be read {} left out.",
            plural(r.unreadable_dates as u64, "record", "records"),
            if r.unreadable_dates == 1 {
                "was"
            } else {
                "were"
            }
        );
    }
    let _ = writeln!(b, "<footer>{foot}</footer>");
    page(title, &b)
}

/// `hangup stats --report FILE`: read the data folder, write the page, and
/// return a line to tell the volunteer where it is.
pub fn write(dir: Option<&Path>, scenarios: Option<&Path>, file: &Path) -> crate::Result<String> {
    use crate::error::{DataFor, Error, FileKind};
    let Some(dir) = dir else {
        return Err(Error::NoDataFolder(DataFor::Counts));
    };
    let counters = crate::stats::load(&dir.join(crate::stats::FILE_NAME))?;
    let groups = crate::group::record::read_all(dir).map_err(|e| {
        Error::read(
            FileKind::GroupRecords,
            &dir.join(crate::group::record::FILE_NAME),
            e,
        )
    })?;
    let library = Library::load(scenarios);
    let report = gather(&counters, &groups, &library);
    let page = html(&report, dates::today());
    crate::store::write_atomic(file, page.as_bytes()).map_err(|e| Error::write(file, e))?;
    Ok(format!(
        "Wrote the report to {}. Open it in a web browser to read or print it (one A4 page).",
        sanitize(&file.display().to_string())
    ))
}

fn chart_or_note(chart: DrawResult<String>, label: &str) -> String {
    match chart {
        Ok(svg) => figure_svg(&svg, label),
        Err(e) => format!("<p class=\"note\">{}</p>", escape(&e.to_string())),
    }
}
