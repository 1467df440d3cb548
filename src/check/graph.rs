//! `hangup paths ID|FILE --format dot|svg|mermaid`: a call drawn as a graph,
//! for the people who write calls (as Twine and Inky show a story).
//!
//! Steps are boxes, each choice is an arrow labelled with its number, its text
//! and, in words, whether it is the safer or a risky choice (colour and a
//! dashed line say it again). Endings are boxes that start with their outcome
//! in words ("Ending: safe") and are filled by outcome.
//!
//! The graph is read leniently from the TOML itself, not from a checked
//! scenario, so it also draws a file that is still being written: a step with
//! no id, a choice with no `next`, or an arrow to a step not yet written are
//! drawn as they are (the last as a dashed "not written yet" box). Only a file
//! that is not TOML at all is refused, with its line and column.
//!
//! The SVG is laid out by `layout-rs`, so no Graphviz is needed. Every text is
//! cleaned of control characters first, then escaped for the format.

use std::collections::HashMap;
use std::fmt::Write as _;

use layout::backends::svg::SVGWriter;
use layout::core::base::Orientation;
use layout::core::color::Color;
use layout::core::style::{LineStyleKind, StyleAttr};
use layout::std_shapes::render::get_shape_size;
use layout::std_shapes::shapes::{Arrow, Element, LineEndKind, ShapeKind};
use layout::topo::layout::VisualGraph;
use std::path::Path;

use toml::{Table, Value};

use crate::engine::Library;

use crate::engine::text::sanitize;

/// Which drawing to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Graphviz DOT text, for `dot -Tsvg` or any Graphviz viewer.
    Dot,
    /// An SVG picture, laid out here by `layout-rs` (no Graphviz needed); refused above [`MAX_SVG_NODES`] boxes or [`MAX_SVG_EDGES`] arrows.
    Svg,
    /// A Mermaid `flowchart`, which GitHub and many editors draw.
    Mermaid,
}

impl Format {
    /// The format named on the command line: `dot`, `svg` or `mermaid` (exact, lower case); `None` for anything else.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "dot" => Some(Self::Dot),
            "svg" => Some(Self::Svg),
            "mermaid" => Some(Self::Mermaid),
            _ => None,
        }
    }
}

/// Texts on a box or an arrow are cut to this many characters.
const STEP_CHARS: usize = 34;
const CHOICE_CHARS: usize = 30;
const TITLE_CHARS: usize = 30;
/// Bigger graphs than this are not laid out as SVG (the layout would be slow
/// and unreadable); DOT and Mermaid still work.
pub const MAX_SVG_NODES: usize = 250;
/// Bigger graphs than this many arrows are not laid out as SVG either (see [`MAX_SVG_NODES`]).
pub const MAX_SVG_EDGES: usize = 600;

/// A choice's verdict, as the author wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// `verdict = "safer"`: drawn green, solid, labelled "SAFER".
    Safer,
    /// `verdict = "risky"`: drawn red, dashed, labelled "RISKY".
    Risky,
    /// No verdict, or any other word: drawn grey, labelled "neutral".
    Neutral,
}

impl Mark {
    fn words(self) -> &'static str {
        match self {
            Mark::Safer => "SAFER",
            Mark::Risky => "RISKY",
            Mark::Neutral => "neutral",
        }
    }
    fn colour(self) -> &'static str {
        match self {
            Mark::Safer => "#1a7f37",
            Mark::Risky => "#b3261e",
            Mark::Neutral => "#555555",
        }
    }
}

/// What a box in the graph stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NodeKind {
    /// The "Start" box (always node 0), with an arrow to the scenario's `start`.
    Start,
    /// A `[[step]]`.
    Step,
    /// An ending, with its outcome as written ("safe", "partly-safe", "defrauded" or other).
    Ending(String),
    /// A `next` that names nothing written yet.
    Missing,
}

/// One box in the graph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// The id as written (cleaned), used to match `next`.
    pub id: String,
    /// What the box stands for.
    pub kind: NodeKind,
    /// Lines of text in the box (cleaned, cut).
    pub lines: Vec<String>,
}

/// One arrow: a choice leading from a step to where its `next` points, or the start arrow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edge {
    /// The box it leaves, as a 0-based index into [`Graph::nodes`].
    pub from: usize,
    /// The box it points to, as a 0-based index into [`Graph::nodes`].
    pub to: usize,
    /// Choice number in the file (1-based), 0 for the start arrow.
    pub number: usize,
    /// The choice's text (cleaned, cut to 30 characters); empty for the start arrow.
    pub text: String,
    /// The choice's verdict; neutral for the start arrow.
    pub mark: Mark,
}

/// A scenario drawn as boxes and arrows, read leniently from its TOML (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Graph {
    /// The scenario's `id` as written (cleaned, cut to 60 characters), or "(no id yet)".
    pub id: String,
    /// The scenario's `title` (cleaned, cut to 80 characters), or empty.
    pub title: String,
    /// The boxes: the start box first, then steps and endings in file order, then any "not written yet" boxes.
    pub nodes: Vec<Node>,
    /// The arrows: the start arrow first, then each step's choices in file order.
    pub edges: Vec<Edge>,
}

fn cut(s: &str, n: usize) -> String {
    let clean: String = sanitize(s).split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() > n {
        let c: String = clean.chars().take(n.saturating_sub(1)).collect();
        format!("{}…", c.trim_end())
    } else {
        clean
    }
}

fn text_of<'a>(t: &'a Table, key: &str) -> Option<&'a str> {
    t.get(key).and_then(Value::as_str)
}

/// The first words a step says, whatever shape the author used: `says = "…"`,
/// `says = ["…", …]`, or lines as tables with a `says`/`text`.
fn first_words(t: &Table) -> Option<String> {
    for key in ["says", "line", "lines", "text"] {
        match t.get(key) {
            Some(Value::String(s)) => return Some(s.clone()),
            Some(Value::Array(a)) => {
                for v in a {
                    match v {
                        Value::String(s) => return Some(s.clone()),
                        Value::Table(t) => {
                            if let Some(s) = first_words(t) {
                                return Some(s);
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn tables<'a>(t: &'a Table, key: &str) -> impl Iterator<Item = &'a Table> {
    t.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_table)
}

impl Graph {
    /// Read a call's graph from its TOML, leniently (see the module notes).
    pub fn from_table(t: &Table) -> Self {
        let mut g = Graph {
            id: cut(text_of(t, "id").unwrap_or("(no id yet)"), 60),
            title: cut(text_of(t, "title").unwrap_or(""), 80),
            ..Graph::default()
        };
        g.nodes.push(Node {
            id: String::new(),
            kind: NodeKind::Start,
            lines: vec!["Start".into()],
        });
        let mut by_id: HashMap<String, usize> = HashMap::new();
        let steps: Vec<&Table> = tables(t, "step").collect();
        for (i, s) in steps.iter().enumerate() {
            let id =
                text_of(s, "id").map_or_else(|| format!("(step {} has no id)", i + 1), sanitize);
            let mut lines = vec![cut(&id, STEP_CHARS)];
            if let Some(words) = first_words(s) {
                lines.push(format!("“{}”", cut(&words, STEP_CHARS)));
            }
            by_id.entry(id.clone()).or_insert(g.nodes.len());
            g.nodes.push(Node {
                id,
                kind: NodeKind::Step,
                lines,
            });
        }
        for (i, e) in tables(t, "ending").enumerate() {
            let id =
                text_of(e, "id").map_or_else(|| format!("(ending {} has no id)", i + 1), sanitize);
            let outcome = cut(text_of(e, "outcome").unwrap_or("no outcome yet"), 20);
            let mut lines = vec![format!("Ending: {outcome}"), cut(&id, STEP_CHARS)];
            if let Some(title) = text_of(e, "title") {
                lines.push(cut(title, TITLE_CHARS));
            }
            by_id.entry(id.clone()).or_insert(g.nodes.len());
            g.nodes.push(Node {
                id,
                kind: NodeKind::Ending(outcome),
                lines,
            });
        }
        let mut target = |g: &mut Graph, next: &str| -> usize {
            let next = sanitize(next);
            if let Some(&n) = by_id.get(&next) {
                return n;
            }
            let n = g.nodes.len();
            g.nodes.push(Node {
                id: next.clone(),
                kind: NodeKind::Missing,
                lines: vec!["Not written yet:".into(), cut(&next, STEP_CHARS)],
            });
            by_id.insert(next, n);
            n
        };
        if let Some(start) = text_of(t, "start") {
            let to = target(&mut g, start);
            g.edges.push(Edge {
                from: 0,
                to,
                number: 0,
                text: String::new(),
                mark: Mark::Neutral,
            });
        }
        for (i, s) in steps.iter().enumerate() {
            let from = i + 1;
            for (k, c) in tables(s, "choice").enumerate() {
                let Some(next) = text_of(c, "next") else {
                    continue;
                };
                let to = target(&mut g, next);
                let mark = match text_of(c, "verdict") {
                    Some("safer") => Mark::Safer,
                    Some("risky") => Mark::Risky,
                    _ => Mark::Neutral,
                };
                g.edges.push(Edge {
                    from,
                    to,
                    number: k + 1,
                    text: cut(text_of(c, "text").unwrap_or(""), CHOICE_CHARS),
                    mark,
                });
            }
        }
        g
    }

    /// "police-courier (A police officer calls…)", or the id alone.
    pub fn name(&self) -> String {
        if self.title.is_empty() {
            self.id.clone()
        } else {
            format!("{} ({})", self.id, self.title)
        }
    }

    fn edge_label(e: &Edge) -> String {
        if e.number == 0 {
            return String::new();
        }
        match e.mark {
            Mark::Neutral => format!("{}. {}", e.number, e.text),
            m => format!("{}. {}: {}", e.number, m.words(), e.text),
        }
    }
}

fn fill(kind: &NodeKind) -> &'static str {
    match kind {
        NodeKind::Start => "#ffffff",
        NodeKind::Step => "#eef3fa",
        NodeKind::Ending(o) => match o.as_str() {
            "safe" => "#d8f0dc",
            "partly-safe" => "#fff1c2",
            "defrauded" => "#f9d6d3",
            _ => "#eeeeee",
        },
        NodeKind::Missing => "#ffffff",
    }
}

fn stroke(kind: &NodeKind) -> &'static str {
    match kind {
        NodeKind::Ending(o) => match o.as_str() {
            "safe" => "#1a7f37",
            "partly-safe" => "#8a6d00",
            "defrauded" => "#b3261e",
            _ => "#555555",
        },
        NodeKind::Missing => "#b3261e",
        _ => "#1f3a68",
    }
}

/// A DOT string: `"` and `\` escaped, line breaks as `\n`.
fn dot_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Graphviz DOT.
pub fn dot(g: &Graph) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "// {}: made by `hangup paths --format dot`.", g.name());
    let _ = writeln!(
        o,
        "// Arrows say SAFER or RISKY in words; safer is green, risky is red and dashed."
    );
    let _ = writeln!(o, "digraph {} {{", dot_str(&g.id));
    let _ = writeln!(o, "  rankdir=TB;");
    let _ = writeln!(
        o,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];"
    );
    let _ = writeln!(o, "  edge [fontname=\"Helvetica\", fontsize=11];");
    for (i, n) in g.nodes.iter().enumerate() {
        let label = n.lines.join("\n");
        let extra = match n.kind {
            NodeKind::Start => ", shape=circle, style=solid",
            NodeKind::Missing => ", style=\"rounded,dashed\"",
            NodeKind::Ending(_) => ", penwidth=2",
            NodeKind::Step => "",
        };
        let _ = writeln!(
            o,
            "  n{i} [label={}, fillcolor=\"{}\", color=\"{}\"{extra}];",
            dot_str(&label),
            fill(&n.kind),
            stroke(&n.kind)
        );
    }
    for e in &g.edges {
        let style = match e.mark {
            Mark::Risky => ", style=dashed, penwidth=2",
            Mark::Safer => ", penwidth=2",
            Mark::Neutral => "",
        };
        let _ = writeln!(
            o,
            "  n{} -> n{} [label={}, color=\"{}\", fontcolor=\"{}\"{style}];",
            e.from,
            e.to,
            dot_str(&Graph::edge_label(e)),
            e.mark.colour(),
            e.mark.colour()
        );
    }
    o.push_str("}\n");
    o
}

/// Mermaid text: quotes, `#`, `<`, `>` and `|` written as Mermaid's entity codes.
fn mermaid_str(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '|' => out.push_str("#124;"),
            '&' => out.push_str("#amp;"),
            '\n' => out.push_str("<br/>"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A Mermaid flowchart (for Markdown pages that draw Mermaid).
pub fn mermaid(g: &Graph) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "%% {}: made by `hangup paths --format mermaid`.",
        mermaid_str(&g.name()).replace('%', "")
    );
    let _ = writeln!(o, "flowchart TD");
    for (i, n) in g.nodes.iter().enumerate() {
        let label = mermaid_str(&n.lines.join("\n"));
        let _ = match n.kind {
            NodeKind::Start => writeln!(o, "  n{i}((\"{label}\"))"),
            _ => writeln!(o, "  n{i}(\"{label}\")"),
        };
    }
    let mut styles = String::new();
    for (k, e) in g.edges.iter().enumerate() {
        let label = Graph::edge_label(e);
        let arrow = if e.mark == Mark::Risky { "-.->" } else { "-->" };
        let _ = if label.is_empty() {
            writeln!(o, "  n{} {arrow} n{}", e.from, e.to)
        } else {
            writeln!(
                o,
                "  n{} {arrow}|\"{}\"| n{}",
                e.from,
                mermaid_str(&label),
                e.to
            )
        };
        let width = if e.mark == Mark::Neutral { 1 } else { 2 };
        let _ = writeln!(
            styles,
            "  linkStyle {k} stroke:{},stroke-width:{width}px,color:{}",
            e.mark.colour(),
            e.mark.colour()
        );
    }
    let classes = [
        ("step", "#eef3fa", "#1f3a68", ""),
        ("safe", "#d8f0dc", "#1a7f37", ",stroke-width:2px"),
        ("partlysafe", "#fff1c2", "#8a6d00", ",stroke-width:2px"),
        ("defrauded", "#f9d6d3", "#b3261e", ",stroke-width:2px"),
        ("other", "#eeeeee", "#555555", ""),
        ("missing", "#ffffff", "#b3261e", ",stroke-dasharray:5 5"),
    ];
    for (name, fill, stroke, extra) in classes {
        let _ = writeln!(o, "  classDef {name} fill:{fill},stroke:{stroke}{extra}");
    }
    for (i, n) in g.nodes.iter().enumerate() {
        let class = match &n.kind {
            NodeKind::Start => continue,
            NodeKind::Step => "step",
            NodeKind::Ending(x) => match x.as_str() {
                "safe" => "safe",
                "partly-safe" => "partlysafe",
                "defrauded" => "defrauded",
                _ => "other",
            },
            NodeKind::Missing => "missing",
        };
        let _ = writeln!(o, "  class n{i} {class}");
    }
    o.push_str(&styles);
    o
}

fn colour(hex: &str) -> Color {
    u32::from_str_radix(hex.trim_start_matches('#'), 16)
        .map_or_else(|_| Color::fast("black"), |v| Color::new((v << 8) | 0xff))
}

/// An SVG picture, laid out without Graphviz. `Err` says in words why not
/// (a graph too big to draw readably).
pub fn svg(g: &Graph) -> crate::Result<String> {
    if g.nodes.len() > MAX_SVG_NODES || g.edges.len() > MAX_SVG_EDGES {
        return Err(crate::Error::TooBigToDraw {
            nodes: g.nodes.len(),
            edges: g.edges.len(),
            max_nodes: MAX_SVG_NODES,
            max_edges: MAX_SVG_EDGES,
        });
    }
    let dir = Orientation::TopToBottom;
    let mut vg = VisualGraph::new(dir);
    let mut handles = Vec::with_capacity(g.nodes.len());
    for n in &g.nodes {
        let label = n.lines.join("\n");
        let shape = match n.kind {
            NodeKind::Start => ShapeKind::new_circle(&label),
            _ => ShapeKind::new_box(&label),
        };
        let width = match n.kind {
            NodeKind::Ending(_) => 2,
            _ => 1,
        };
        let look = StyleAttr::new(
            colour(stroke(&n.kind)),
            width,
            Some(colour(fill(&n.kind))),
            if matches!(n.kind, NodeKind::Start) {
                0
            } else {
                8
            },
            14,
        );
        let size = get_shape_size(dir.flip(), &shape, 14, false);
        handles.push(vg.add_node(Element::create(shape, look, dir, size)));
    }
    for e in &g.edges {
        let (Some(&from), Some(&to)) = (handles.get(e.from), handles.get(e.to)) else {
            continue;
        };
        let look = StyleAttr::new(
            colour(e.mark.colour()),
            if e.mark == Mark::Neutral { 1 } else { 2 },
            None,
            0,
            12,
        );
        let line = if e.mark == Mark::Risky {
            LineStyleKind::Dashed
        } else {
            LineStyleKind::Normal
        };
        let arrow = Arrow::new(
            LineEndKind::None,
            LineEndKind::Arrow,
            line,
            &Graph::edge_label(e),
            &look,
            &None,
            &None,
        );
        vg.add_edge(arrow, from, to);
    }
    let mut writer = SVGWriter::new();
    vg.do_it(false, false, false, &mut writer);
    let svg = writer.finalize();
    // A title for screen readers and browser tabs, and the fonts of the page.
    let title = format!(
        "<title>{}</title>",
        crate::report::escape(&format!("Map of the call {}", g.name()))
    );
    // Edge labels can reach past the window layout-rs works out: add a margin.
    let svg = widen(&svg, 240.0);
    let svg = match svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|end| at + end))
    {
        Some(end) => format!("{}{title}{}", &svg[..=end], &svg[end + 1..]),
        None => svg,
    };
    Ok(svg.replace(
        "font-family: Times, serif;",
        "font-family: Helvetica, Arial, sans-serif;",
    ))
}

/// The `<svg width=".." height=".." viewBox="0 0 W H"` line, `extra` wider.
fn widen(svg: &str, extra: f64) -> String {
    let Some(at) = svg.find("<svg width=\"") else {
        return svg.to_string();
    };
    let rest = &svg[at + 12..];
    let Some(end) = rest.find('"') else {
        return svg.to_string();
    };
    let Ok(w) = rest[..end].parse::<f64>() else {
        return svg.to_string();
    };
    let new_w = w + extra;
    svg.replacen(
        &format!("<svg width=\"{}\"", &rest[..end]),
        &format!("<svg width=\"{new_w}\""),
        1,
    )
    .replacen(
        &format!("viewBox=\"0 0 {} ", &rest[..end]),
        &format!("viewBox=\"0 0 {new_w} "),
        1,
    )
}

/// Read a graph from TOML text. A syntax error is told with its line and column.
pub fn from_text(text: &str, name: &str) -> crate::Result<Graph> {
    match text.parse::<Table>() {
        Ok(t) => Ok(Graph::from_table(&t)),
        Err(e) => {
            let at = e.span().map_or(0, |s| s.start.min(text.len()));
            let before = text.get(..at).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(crate::Error::NotTomlYet {
                name: name.to_string(),
                line,
                column,
                why: e.message().trim().to_string(),
            })
        }
    }
}

/// Files bigger than this are not read (no scenario is anywhere near it).
const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// `hangup paths ID|FILE --format dot|svg|mermaid`: the drawing as text.
/// A file that exists is read as it is now (checked or not); otherwise the
/// id is looked up among the calls.
pub fn draw(library: &Library, id_or_path: &str, format: Format) -> crate::Result<String> {
    use crate::error::{Error, FileKind};
    let path = Path::new(id_or_path);
    let graph = if library.get(id_or_path).is_none() && path.is_file() {
        let name = path.display().to_string();
        let len = std::fs::metadata(path).map_or(0, |m| m.len());
        if len > MAX_FILE_BYTES {
            return Err(Error::TooBig {
                what: FileKind::Scenario,
                path: path.to_path_buf(),
                limit: MAX_FILE_BYTES,
            });
        }
        let bytes = std::fs::read(path).map_err(|e| Error::read(FileKind::Scenario, path, e))?;
        from_text(&String::from_utf8_lossy(&bytes), &name)?
    } else {
        let s = library.find_or_load(id_or_path)?;
        let table = Table::try_from(&s).map_err(|e| Error::NotDrawable(e.to_string()))?;
        Graph::from_table(&table)
    };
    match format {
        Format::Dot => Ok(dot(&graph)),
        Format::Mermaid => Ok(mermaid(&graph)),
        Format::Svg => svg(&graph),
    }
}
