//! `hangup list`: one scenario a line (id first), or JSON for other programs.

use std::io::{self, Write};

use serde::Serialize;

use crate::engine::Library;
use crate::sanitize::line as sanitize;

#[derive(Serialize)]
struct Entry {
    id: String,
    title: String,
    kind: &'static str,
    medium: &'static str,
    source: String,
}

/// Write every loaded scenario to `out`: one line each (`id  title (kind; source: who, when)`), or with `json` a JSON array of objects with `id`, `title`, `kind`, `medium` and `source`. Files that could not be used are noted on stderr.
pub fn write(library: &Library, json: bool, out: &mut impl Write) -> io::Result<()> {
    let entries: Vec<Entry> = library
        .scenarios
        .iter()
        .map(|s| Entry {
            id: sanitize(s.id.get_ref()).into_owned(),
            title: sanitize(s.title.get_ref()).into_owned(),
            kind: s.kind.label(),
            medium: match s.medium {
                crate::engine::Medium::Call => "call",
                crate::engine::Medium::Message => "message",
                crate::engine::Medium::Visit => "visit",
            },
            source: sanitize(&format!(
                "{}, {}",
                s.source.who.get_ref(),
                s.source.when.get_ref()
            ))
            .into_owned(),
        })
        .collect();
    if json {
        let text = serde_json::to_string_pretty(&entries).map_err(io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        for e in &entries {
            writeln!(
                out,
                "{}  {} ({}; source: {})",
                e.id, e.title, e.kind, e.source
            )?;
        }
    }
    for s in &library.skipped {
        crate::sanitize::note(&format!("Note: {} could not be used: {}", s.path, s.reason));
    }
    Ok(())
}
