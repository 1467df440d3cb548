//! Unit tests of `hangup::check::graph` (were in src/check/graph.rs).

use hangup::check::graph::*;
use hangup::engine::Library;
use toml::Table;

const HALF_WRITTEN: &str = r#"
id = "my-call"
title = "A <test> call"
start = "intro"

[[step]]
id = "intro"
says = "Hello, this is \"the bank\"."

[[step.choice]]
text = "Hang up."
verdict = "safer"
next = "hung-up"

[[step.choice]]
text = "Give the code."
verdict = "risky"
next = "code"

[[step.choice]]
text = "Ask who it is."

[[ending]]
id = "hung-up"
outcome = "safe"
title = "You hung up"
"#;

#[test]
fn a_half_written_file_is_drawn_as_it_is() {
    let g = from_text(HALF_WRITTEN, "my-call.toml").expect("toml");
    let kinds: Vec<&NodeKind> = g.nodes.iter().map(|n| &n.kind).collect();
    assert_eq!(
        kinds,
        [
            &NodeKind::Start,
            &NodeKind::Step,
            &NodeKind::Ending("safe".into()),
            &NodeKind::Missing
        ]
    );
    // start → intro, and the two choices with a `next`.
    assert_eq!(g.edges.len(), 3);
    assert_eq!(g.edges[2].mark, Mark::Risky);
    assert_eq!(g.nodes[3].lines, ["Not written yet:", "code"]);
}

/// A call whose texts try to break out of every format.
const HOSTILE: &str = r#"
id = "hostile"
title = "</title><script>alert(1)</script>"
start = "a"

[[step]]
id = "a"
says = "Quote \" backslash \\ newline \n hash # pipe | \u001b[2J end"

[[step.choice]]
text = "x\"]; n0 -> n1 [label=\"owned"
verdict = "risky"
next = "a"

[[step.choice]]
text = "<b>bold</b> & |pipe| %% comment"
verdict = "safer"
next = "end"

[[ending]]
id = "end"
outcome = "safe"
title = "Done"
"#;

fn police_courier() -> (Graph, hangup::engine::model::Scenario) {
    let library = Library::builtin();
    let s = library.get("police-courier").expect("built in").clone();
    let t = Table::try_from(&s).expect("table");
    (Graph::from_table(&t), s)
}

fn choices(s: &hangup::engine::model::Scenario, v: hangup::engine::model::Verdict) -> usize {
    s.steps
        .iter()
        .flat_map(|st| &st.choices)
        .filter(|c| c.verdict == v)
        .count()
}

#[test]
fn dot_has_every_step_choice_and_ending() {
    use hangup::engine::model::Verdict;
    let (g, s) = police_courier();
    let d = dot(&g);
    assert!(d.contains("digraph \"police-courier\" {"));
    assert!(d.trim_end().ends_with('}'));
    let nodes = d
        .lines()
        .filter(|l| l.trim_start().starts_with('n') && l.contains(" [label=") && !l.contains("->"))
        .count();
    assert_eq!(nodes, 1 + s.steps.len() + s.endings.len());
    let edges: Vec<&str> = d.lines().filter(|l| l.contains(" -> ")).collect();
    let all: usize = s.steps.iter().map(|st| st.choices.len()).sum();
    assert_eq!(edges.len(), all + 1, "every choice, and the start");
    let risky: Vec<&&str> = edges.iter().filter(|l| l.contains("RISKY: ")).collect();
    assert_eq!(risky.len(), choices(&s, Verdict::Risky));
    assert!(
        risky
            .iter()
            .all(|l| l.contains("style=dashed") && l.contains("#b3261e"))
    );
    let safer = edges
        .iter()
        .filter(|l| l.contains("SAFER: ") && l.contains("#1a7f37"))
        .count();
    assert_eq!(safer, choices(&s, Verdict::Safer));
    for e in &s.endings {
        assert!(d.contains(&format!(
            "Ending: {}\\n{}",
            e.outcome.label(),
            e.id.get_ref()
        )));
    }
    assert!(!d.contains("Not written yet"));
}

#[test]
fn svg_has_every_box_and_says_safer_and_risky_in_words() {
    use hangup::engine::model::Verdict;
    let (g, s) = police_courier();
    let svg = svg(&g).expect("svg");
    assert!(svg.contains("<svg "));
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("<title>Map of the call police-courier (A police officer calls"));
    assert_eq!(svg.matches("SAFER: ").count(), choices(&s, Verdict::Safer));
    assert_eq!(svg.matches("RISKY: ").count(), choices(&s, Verdict::Risky));
    for e in &s.endings {
        assert!(svg.contains(&format!("Ending: {}", e.outcome.label())));
    }
    for st in &s.steps {
        assert!(
            svg.contains(st.id.get_ref().as_str()),
            "{}",
            st.id.get_ref()
        );
    }
    assert!(svg.contains("stroke-dasharray"), "risky arrows are dashed");
    assert!(
        svg.contains("#b3261e") || svg.contains("#B3261E"),
        "risky arrows are red"
    );
    assert!(!svg.contains("Times"), "the page's sans-serif font");
}

#[test]
fn mermaid_styles_every_arrow() {
    let (g, _) = police_courier();
    let m = mermaid(&g);
    assert!(m.lines().nth(1) == Some("flowchart TD"), "{m}");
    let arrows = m
        .lines()
        .filter(|l| l.contains("-->") || l.contains("-.->"))
        .count();
    assert_eq!(arrows, g.edges.len());
    assert_eq!(m.matches("linkStyle ").count(), g.edges.len());
    assert!(m.contains("-.->|\"") && m.contains("RISKY: "));
}

#[test]
fn hostile_text_stays_text_in_every_format() {
    let g = from_text(HOSTILE, "hostile.toml").expect("toml");
    let d = dot(&g);
    // Every quote inside a label is escaped: each line has an even number
    // of unescaped quotes, and no label ends early.
    for line in d.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "{line}");
    }
    assert_eq!(d.lines().filter(|l| l.contains(" -> ")).count(), 3);
    assert!(!d.contains('\u{1b}'));
    let svg = svg(&g).expect("svg");
    assert!(!svg.contains("<script"));
    assert!(!svg.contains("<b>"));
    assert!(svg.contains("&lt;b&gt;"));
    assert!(!svg.contains('\u{1b}'));
    let m = mermaid(&g);
    assert!(!m.contains("<script") && !m.contains("<b>"));
    for line in m
        .lines()
        .filter(|l| (l.contains("-->") || l.contains("-.->")) && l.contains('|'))
    {
        assert_eq!(line.matches('|').count(), 2, "{line}");
        assert_eq!(line.matches('"').count(), 2, "{line}");
    }
    assert!(!m.contains('\u{1b}'));
}

#[test]
fn too_big_for_a_picture_says_so() {
    let mut text = String::from("start = \"s0\"\n");
    for i in 0..=MAX_SVG_NODES {
        text.push_str(&format!("[[step]]\nid = \"s{i}\"\nsays = \"x\"\n[[step.choice]]\ntext = \"on\"\nnext = \"s{}\"\n", i + 1));
    }
    let g = from_text(&text, "big.toml").expect("toml");
    let e = svg(&g).expect_err("too big").to_string();
    assert!(e.contains("--format dot"), "{e}");
    assert!(dot(&g).lines().count() > MAX_SVG_NODES);
}

#[test]
fn not_toml_says_where() {
    let e = from_text("id = \"x\"\n[[step]\n", "x.toml")
        .expect_err("not toml")
        .to_string();
    assert!(e.contains("x.toml"), "{e}");
    assert!(e.starts_with("x.toml:2:"), "{e}");
}
