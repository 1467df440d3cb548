//! The anonymous record of a group session: one CSV row per session, in
//! `group-sessions.csv` under the data folder. It holds the date, how long it
//! took, which calls were used, how many people came (typed by the volunteer)
//! and the show-of-hands counts. It never holds a name.
//!
//! `summary()` is what `hangup stats` shows for group sessions.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::Tally;

pub const FILE_NAME: &str = "group-sessions.csv";
pub const HEADER: &str = "date,duration_minutes,scenarios,attendees,tallies";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// "YYYY-MM-DD".
    pub date: String,
    pub duration_minutes: u32,
    /// Scenario ids played to the end, in order.
    pub scenarios: Vec<String>,
    pub attendees: u32,
    pub tallies: Vec<Tally>,
}

/// Totals over every saved group session, for `hangup stats`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub sessions: usize,
    pub attendees: u64,
    pub minutes: u64,
    /// How often each scenario was used, most used first.
    pub scenarios: Vec<(String, usize)>,
}

/// The data folder (see `crate::store::data_dir`).
pub fn data_dir(given: Option<&Path>) -> Option<PathBuf> {
    crate::store::data_dir(given, None)
}

/// Tallies as one field: `scenario/step=a|b|c` per decision, `-` where not counted,
/// decisions separated by `; `. Counts are in the order the scenario file lists the choices.
pub fn tallies_field(tallies: &[Tally]) -> String {
    tallies
        .iter()
        .map(|t| {
            let counts: Vec<String> = t
                .counts
                .iter()
                .map(|c| c.map_or_else(|| "-".to_string(), |n| n.to_string()))
                .collect();
            format!("{}/{}={}", t.scenario, t.step, counts.join("|"))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn parse_tallies(field: &str) -> Vec<Tally> {
    field
        .split(';')
        .filter_map(|part| {
            let (key, counts) = part.trim().split_once('=')?;
            let (scenario, step) = key.split_once('/')?;
            Some(Tally {
                scenario: scenario.to_string(),
                step: step.to_string(),
                counts: counts.split('|').map(|c| c.parse().ok()).collect(),
            })
        })
        .collect()
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// One CSV line (no newline).
pub fn csv_line(r: &Record) -> String {
    [
        csv_field(&r.date),
        r.duration_minutes.to_string(),
        csv_field(&r.scenarios.join(";")),
        r.attendees.to_string(),
        csv_field(&tallies_field(&r.tallies)),
    ]
    .join(",")
}

/// Split one CSV line into fields (quotes and doubled quotes understood).
fn split_csv(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut cur)),
            (c, _) => cur.push(c),
        }
    }
    fields.push(cur);
    fields
}

/// Add a record to `dir/group-sessions.csv` (made with a header if new).
/// Returns the file's path.
pub fn append(dir: &Path, record: &Record) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let path = dir.join(FILE_NAME);
    let new = !path.exists() || fs::metadata(&path)?.len() == 0;
    let mut f = OpenOptions::new().create(true).append(true).open(&path)?;
    let mut text = String::new();
    if new {
        text.push_str(HEADER);
        text.push('\n');
    }
    text.push_str(&csv_line(record));
    text.push('\n');
    f.write_all(text.as_bytes())?;
    f.flush()?;
    Ok(path)
}

/// Every record saved in `dir` (lines that cannot be read are left out).
pub fn read_all(dir: &Path) -> io::Result<Vec<Record>> {
    let path = dir.join(FILE_NAME);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    Ok(text
        .lines()
        .filter(|l| !l.trim().is_empty() && *l != HEADER)
        .filter_map(|l| {
            let f = split_csv(l);
            if f.len() < 5 {
                return None;
            }
            Some(Record {
                date: f[0].clone(),
                duration_minutes: f[1].parse().ok()?,
                scenarios: f[2]
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                attendees: f[3].parse().ok()?,
                tallies: parse_tallies(&f[4]),
            })
        })
        .collect())
}

/// Totals for `hangup stats`.
pub fn summary(dir: &Path) -> io::Result<Summary> {
    let records = read_all(dir)?;
    let mut counts: Vec<(String, usize)> = Vec::new();
    for id in records.iter().flat_map(|r| &r.scenarios) {
        match counts.iter_mut().find(|(s, _)| s == id) {
            Some((_, n)) => *n += 1,
            None => counts.push((id.clone(), 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(Summary {
        sessions: records.len(),
        attendees: records.iter().map(|r| u64::from(r.attendees)).sum(),
        minutes: records.iter().map(|r| u64::from(r.duration_minutes)).sum(),
        scenarios: counts,
    })
}

/// The summary in plain words, for `hangup stats`.
pub fn write_summary(s: &Summary, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "Group sessions: {}", s.sessions)?;
    writeln!(
        out,
        "People who came (as counted by volunteers): {}",
        s.attendees
    )?;
    writeln!(out, "Minutes of group sessions: {}", s.minutes)?;
    for (id, n) in &s.scenarios {
        writeln!(
            out,
            "  {id}: used in {n} session{}",
            if *n == 1 { "" } else { "s" }
        )?;
    }
    Ok(())
}
