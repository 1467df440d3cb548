//! The shape of a scenario file, checked against the JSON Schema generated from
//! the serde types in `model.rs` (so the format has one definition).
//!
//! serde stops at the first unknown key or wrong type; this walk over the
//! spanned TOML tree reports every one, each at its own key or value, with a
//! "did you mean" for near-miss keys. Only the JSON Schema keywords that
//! schemars emits for our types are understood (see `SUPPORTED_KEYWORDS`).

use std::ops::Range;
use std::sync::OnceLock;

use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::model::Scenario;
use super::validate::Diagnostic;

/// The scenario format as a JSON Schema (draft-07, which every TOML editor reads).
pub fn schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let generator = schemars::generate::SchemaSettings::draft07().into_generator();
        let mut root = generator.into_root_schema_for::<Scenario>();
        root.insert("title".into(), Value::String("hangup scenario".into()));
        root.insert(
            "description".into(),
            Value::String(
                "One phone-scam rehearsal for hangup. Check a file with `hangup check FILE`; \
                 the format is described in scenarios/README.md and docs/authoring.md."
                    .into(),
            ),
        );
        root.to_value()
    })
}

/// Every JSON Schema keyword the walk below understands or may safely ignore.
pub const SUPPORTED_KEYWORDS: &[&str] = &[
    "$schema",
    "$ref",
    "definitions",
    "title",
    "description",
    "default",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "items",
    "enum",
    "const",
    "oneOf",
    "anyOf",
    "allOf",
    "minimum",
    "maximum",
    "format",
];

/// Remove from a document every key whose value is at one of `bad` (a value of
/// the wrong kind, or under an unknown key), so the rest can still be checked.
pub fn strip(t: &mut DeTable<'_>, bad: &[Range<usize>]) {
    let old = std::mem::replace(t, DeTable::new());
    for (k, mut v) in old {
        if !bad.contains(&v.span()) {
            strip_value(v.get_mut(), bad);
            t.insert(k, v);
        }
    }
}

fn strip_value(v: &mut DeValue<'_>, bad: &[Range<usize>]) {
    match v {
        DeValue::Table(t) => strip(t, bad),
        DeValue::Array(a) => {
            for x in a.iter_mut() {
                strip_value(x.get_mut(), bad);
            }
        }
        _ => {}
    }
}

/// What [`fill_missing`] put in.
#[derive(Debug, Default)]
pub struct Filled {
    /// Some key was missing (or misspelt, or stripped) and a stand-in was put in.
    pub any: bool,
    /// A step or ending had no `id`: links to the one it should have had would
    /// only be follow-ons.
    pub part_id: bool,
}

/// Put a stand-in at `at` (a place no value of the file has) for every key
/// the format requires and the document does not have: at the top of the file
/// and in every table under it. Only for checking what does not need that key
/// (a missing `summary` must not hide a dangling `next`): every diagnostic at
/// `at` is about a stand-in, and is left out.
///
/// The stand-ins are plain: empty text, `false`, 0, an empty list, a table
/// with its own required keys, and for a list of words the one that turns
/// checks off rather than on (`kind = "genuine"`: the scam-only checks would
/// only be guesses).
pub fn fill_missing(doc: &mut DeTable<'_>, at: &Range<usize>) -> Filled {
    let root = schema();
    let mut filled = Filled::default();
    fill_table(root, doc, root, at, true, &mut filled);
    filled
}

/// The schema itself, through references and a one-item `allOf`.
fn resolved<'a>(root: &'a Value, mut s: &'a Value) -> &'a Value {
    for _ in 0..16 {
        if let Some(r) = s.get("$ref").and_then(Value::as_str) {
            match r.strip_prefix('#').and_then(|p| root.pointer(p)) {
                Some(t) => s = t,
                None => return s,
            }
        } else if let Some(first) = s.get("allOf").and_then(|a| a.get(0)) {
            s = first;
        } else {
            return s;
        }
    }
    s
}

fn fill_table<'i>(
    root: &Value,
    t: &mut DeTable<'i>,
    schema: &Value,
    at: &Range<usize>,
    top: bool,
    filled: &mut Filled,
) {
    let schema = resolved(root, schema);
    let Some(props) = schema.get("properties").and_then(Value::as_object) else {
        return;
    };
    for (k, v) in t.iter_mut() {
        let Some(sub) = props.get(k.get_ref().as_ref()) else {
            continue;
        };
        let sub = resolved(root, sub);
        match v.get_mut() {
            DeValue::Table(inner) => fill_table(root, inner, sub, at, false, filled),
            DeValue::Array(items) => {
                if let Some(item) = sub.get("items") {
                    for x in items.iter_mut() {
                        if let DeValue::Table(inner) = x.get_mut() {
                            fill_table(root, inner, item, at, false, filled);
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let required = schema.get("required").and_then(Value::as_array);
    for r in required.into_iter().flatten().filter_map(Value::as_str) {
        if t.iter().any(|(k, _)| k.get_ref() == r) {
            continue;
        }
        let Some(value) = props.get(r).and_then(|s| stand_in(root, s, at)) else {
            continue;
        };
        filled.any = true;
        filled.part_id |= !top && r == "id";
        t.insert(
            Spanned::new(at.clone(), std::borrow::Cow::Owned(r.to_string())),
            Spanned::new(at.clone(), value),
        );
    }
}

/// A plain value of the kind `schema` asks for (see [`fill_missing`]).
fn stand_in<'i>(root: &Value, schema: &Value, at: &Range<usize>) -> Option<DeValue<'i>> {
    let schema = resolved(root, schema);
    let words: Vec<&str> = schema
        .get("enum")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .chain(
            schema
                .get("oneOf")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|o| resolved(root, o).get("const")),
        )
        .filter_map(Value::as_str)
        .collect();
    if let Some(first) = words.first() {
        let word = words.iter().find(|w| **w == "genuine").unwrap_or(first);
        return Some(DeValue::String(std::borrow::Cow::Owned(
            (*word).to_string(),
        )));
    }
    let kind = match schema.get("type") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).find(|t| *t != "null")?,
        _ if schema.get("properties").is_some() => "object",
        _ => return None,
    };
    Some(match kind {
        "string" => DeValue::String(std::borrow::Cow::Borrowed("")),
        "boolean" => DeValue::Boolean(false),
        "array" => DeValue::Array(toml::de::DeArray::new()),
        "object" => {
            let mut t = DeTable::new();
            let mut inner = Filled::default();
            fill_table(root, &mut t, schema, at, false, &mut inner);
            DeValue::Table(t)
        }
        _ => return None,
    })
}

/// The spans of the values `check_document` found unknown or of the wrong kind.
pub fn bad_values(doc: &Spanned<DeTable<'_>>, found: &[Diagnostic]) -> Vec<Range<usize>> {
    fn walk(t: &DeTable<'_>, found: &[Diagnostic], out: &mut Vec<Range<usize>>) {
        for (k, v) in t.iter() {
            let hit = found.iter().any(|d| {
                d.span.as_ref().is_some_and(|s| {
                    (d.code == "H0102" && *s == k.span()) || (d.code == "H0103" && *s == v.span())
                })
            });
            if hit {
                out.push(v.span());
            } else {
                walk_value(v.get_ref(), found, out);
            }
        }
    }
    fn walk_value(v: &DeValue<'_>, found: &[Diagnostic], out: &mut Vec<Range<usize>>) {
        match v {
            DeValue::Table(t) => walk(t, found, out),
            DeValue::Array(a) => {
                for x in a.iter() {
                    walk_value(x.get_ref(), found, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc.get_ref(), found, &mut out);
    out
}

/// Check a parsed TOML document against the scenario schema; every problem is returned.
pub fn check_document(doc: &Spanned<DeTable<'_>>) -> Vec<Diagnostic> {
    let root = schema();
    let mut out = Vec::new();
    let has_variants = doc.get_ref().iter().any(|(k, _)| k.get_ref() == "variants");
    let mut walker = Walker {
        root,
        out: &mut out,
        parent: None,
        headers: Vec::new(),
        has_variants,
    };
    walker.table(doc.get_ref(), doc.span(), root, &Place::Root);
    out
}

/// Where a value is, in the words an author knows: `[[step.choice]]`, `[source]`.
#[derive(Clone)]
enum Place {
    Root,
    Table(String),
    ArrayTable(String),
}

impl Place {
    fn describe(&self) -> String {
        match self {
            Place::Root => "the top of the file".into(),
            Place::Table(p) => format!("[{p}]"),
            Place::ArrayTable(p) => format!("[[{p}]]"),
        }
    }

    fn key_path(&self, key: &str) -> String {
        match self {
            Place::Root => key.to_string(),
            Place::Table(p) | Place::ArrayTable(p) => format!("{p}.{key}"),
        }
    }
}

struct Walker<'a, 'o> {
    root: &'a Value,
    out: &'o mut Vec<Diagnostic>,
    /// The keys of the table around the one being checked, and its name.
    parent: Option<(&'a serde_json::Map<String, Value>, String)>,
    /// Tables whose header line seems to be missing (H0113): not also "missing".
    headers: Vec<String>,
    /// Does the file have a [variants] table?
    has_variants: bool,
}

/// A near-miss key or value worth suggesting: one letter out, or two in a long
/// word, or only a difference of capitals, `_` and `-`. Short words are never
/// guessed at (`if` is not a misspelt `id`).
fn near<'k>(word: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    let norm = |w: &str| w.to_lowercase().replace(['_', ' '], "-");
    known
        .into_iter()
        .filter_map(|k| {
            if norm(k) == norm(word) {
                return Some((0, k));
            }
            let d = strsim::damerau_levenshtein(word, k);
            let ok = (d == 1 && word.len() >= 3) || (d == 2 && word.len() >= 6 && k.len() >= 6);
            ok.then_some((d, k))
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

/// Words an author may use for a `medium` or `channel`, and the format's word
/// with the same meaning (a hint only where the meaning is kept).
const SAME_MEANING: &[(&[&str], &str)] = &[
    (
        &["text", "sms", "email", "e-mail", "letter", "whatsapp"],
        "message",
    ),
    (&["sms", "text-message", "message"], "text"),
    (&["phone", "telephone", "phone-call", "phonecall"], "call"),
    (
        &["door", "doorstep", "in-person", "face-to-face", "knock"],
        "visit",
    ),
    (
        &["in-person", "visit", "door", "doorstep", "face2face"],
        "face-to-face",
    ),
    (
        &["voicemail", "voice-mail", "voice-message", "voicenote"],
        "voice-note",
    ),
    (&["e-mail", "mail"], "email"),
];

/// Keys other formats use, and what this format calls them.
const OTHER_NAMES: &[(&str, &str)] = &[
    ("if", "when"),
    ("condition", "when"),
    ("only_if", "when"),
    ("requires", "when"),
    ("speaker", "who"),
    ("character", "who"),
    ("goto", "next"),
    ("target", "next"),
    ("divert", "next"),
    ("options", "choice"),
    ("choices", "choice"),
    ("steps", "step"),
    ("endings", "ending"),
    ("lines", "line"),
];

fn json_type(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "string",
        DeValue::Integer(_) => "integer",
        DeValue::Float(_) => "number",
        DeValue::Boolean(_) => "boolean",
        DeValue::Datetime(_) => "datetime",
        DeValue::Array(_) => "array",
        DeValue::Table(_) => "object",
    }
}

fn plain_type(t: &str) -> &'static str {
    match t {
        "string" => "text in quotes",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        "datetime" => "a date",
        "array" => "a list in [ ]",
        "object" => "a table",
        _ => "nothing",
    }
}

fn type_matches(expected: &str, actual: &str) -> bool {
    expected == actual || (expected == "number" && actual == "integer")
}

impl<'a> Walker<'a, '_> {
    fn resolve(&self, mut schema: &'a Value) -> &'a Value {
        // References only point into `definitions`; a bound stops a loop of references.
        for _ in 0..16 {
            match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => match r.strip_prefix('#').and_then(|p| self.root.pointer(p)) {
                    Some(target) => schema = target,
                    None => return schema,
                },
                None => return schema,
            }
        }
        schema
    }

    /// The JSON type a schema asks for: its `type`, or "string" for a list of
    /// words each with its own description (schemars writes a unit enum whose
    /// variants have doc comments as a `oneOf` of `const` strings).
    fn kind_of(&self, schema: &'a Value) -> Option<&'a str> {
        let schema = self.resolve(schema);
        if let Some(t) = schema.get("type").and_then(Value::as_str) {
            return Some(t);
        }
        let options = schema.get("oneOf").and_then(Value::as_array)?;
        options
            .iter()
            .all(|o| o.get("const").is_some_and(Value::is_string))
            .then_some("string")
    }

    /// Check one value; `name` is the key it was given under (for messages).
    fn value(
        &mut self,
        v: &Spanned<DeValue<'_>>,
        schema: &'a Value,
        name: &str,
        place: &Place,
        in_array_of_tables: bool,
    ) {
        let schema = self.resolve(schema);
        if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
            let before = self.out.len();
            for sub in all {
                self.value(v, sub, name, place, in_array_of_tables);
                if self.out.len() > before {
                    return;
                }
            }
        }
        if let Some(options) = schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))
            .and_then(Value::as_array)
        {
            // Try each option quietly; if one fits, use its findings (none).
            for option in options {
                let mut trial = Vec::new();
                let mut w = Walker {
                    root: self.root,
                    out: &mut trial,
                    parent: None,
                    headers: Vec::new(),
                    has_variants: self.has_variants,
                };
                w.value(v, option, name, place, in_array_of_tables);
                if trial.is_empty() {
                    return;
                }
            }
            let allowed: Vec<String> = options
                .iter()
                .filter_map(|o| self.resolve(o).get("const").and_then(Value::as_str))
                .map(str::to_string)
                .collect();
            let kinds: Vec<&str> = options.iter().filter_map(|o| self.kind_of(o)).collect();
            let actual = json_type(v.get_ref());
            // The option of the same kind says what is wrong inside the value.
            let same_kind = (kinds.len() == options.len())
                .then(|| kinds.iter().position(|k| type_matches(k, actual)))
                .flatten();
            if allowed.len() == options.len() {
                self.bad_choice(v, name, &allowed);
            } else if let Some(i) = same_kind {
                self.value(v, &options[i], name, place, in_array_of_tables);
            } else if kinds.len() == options.len() {
                let want: Vec<&str> = kinds.iter().map(|k| plain_type(k)).collect();
                self.out.push(Diagnostic::error(
                    "H0103",
                    format!(
                        "`{name}` should be {}, but here it is {}",
                        want.join(" or "),
                        plain_type(actual)
                    ),
                    Some(v.span()),
                ));
            } else {
                self.out.push(Diagnostic::error(
                    "H0103",
                    format!("`{name}` does not have a value of the right kind"),
                    Some(v.span()),
                ));
            }
            return;
        }
        if let Some(types) = schema.get("type") {
            let expected: Vec<&str> = match types {
                Value::String(t) => vec![t.as_str()],
                Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            let actual = json_type(v.get_ref());
            if !expected.is_empty() && !expected.iter().any(|e| type_matches(e, actual)) {
                let want: Vec<&str> = expected
                    .iter()
                    .filter(|t| **t != "null")
                    .map(|t| plain_type(t))
                    .collect();
                let got = if actual == "number" && expected.contains(&"integer") {
                    "a number with a decimal point"
                } else {
                    plain_type(actual)
                };
                let mut d = Diagnostic::error(
                    "H0103",
                    format!(
                        "`{name}` should be {}, but here it is {got}",
                        want.join(" or ")
                    ),
                    Some(v.span()),
                );
                if expected.contains(&"string") && actual != "string" {
                    d = d.with_hint(format!("put the value in quotes: {name} = \"...\""));
                } else if expected.contains(&"integer") && actual == "string" {
                    d = d.with_hint(format!("write the number without quotes, e.g. {name} = 5"));
                } else if expected.contains(&"boolean") {
                    d = d.with_hint(format!(
                        "write true or false, in small letters and without quotes, e.g. {name} = true"
                    ));
                } else if expected.contains(&"array") {
                    d = d.with_hint(format!("write a list, e.g. {name} = [\"...\", \"...\"]"));
                }
                self.out.push(d);
                return;
            }
        }
        if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
            let allowed: Vec<String> = allowed
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect();
            if !allowed
                .iter()
                .any(|a| Some(a.as_str()) == v.get_ref().as_str())
            {
                self.bad_choice(v, name, &allowed);
            }
            return;
        }
        if let Some(c) = schema.get("const").and_then(Value::as_str) {
            if v.get_ref().as_str() != Some(c) {
                self.bad_choice(v, name, &[c.to_string()]);
            }
            return;
        }
        match v.get_ref() {
            DeValue::Table(t) => {
                let path = place.key_path(name);
                let inner = if in_array_of_tables {
                    Place::ArrayTable(path)
                } else {
                    Place::Table(path)
                };
                self.table(t, v.span(), schema, &inner);
            }
            DeValue::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    // In `[[step]]` arrays, each table's span is its header, and the
                    // array's span is the first header.
                    let headers = items.first().is_some_and(|f| f.span() == v.span());
                    for item in items.iter() {
                        self.value(item, item_schema, name, place, headers);
                    }
                }
            }
            DeValue::Integer(i) => {
                let n = i64::from_str_radix(i.as_str().replace('_', "").as_str(), i.radix()).ok();
                let min = schema.get("minimum").and_then(Value::as_f64);
                let mut max = schema.get("maximum").and_then(Value::as_f64);
                if schema.get("format").and_then(Value::as_str) == Some("uint32") {
                    max = max.or(Some(f64::from(u32::MAX)));
                }
                let out_of_range = match n {
                    // Whole numbers in a scenario are small; precision is not a concern here.
                    #[allow(clippy::cast_precision_loss)]
                    Some(n) => {
                        min.is_some_and(|m| (n as f64) < m) || max.is_some_and(|m| (n as f64) > m)
                    }
                    None => true,
                };
                if out_of_range {
                    let range = match (min, max) {
                        (Some(a), Some(b)) => format!(" between {a} and {b}"),
                        (Some(a), None) => format!(" of at least {a}"),
                        _ => String::new(),
                    };
                    self.out.push(Diagnostic::error(
                        "H0103",
                        format!("`{name}` should be a whole number{range}"),
                        Some(v.span()),
                    ));
                }
            }
            _ => {}
        }
    }

    fn bad_choice(&mut self, v: &Spanned<DeValue<'_>>, name: &str, allowed: &[String]) {
        let list: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
        let mut d = Diagnostic::error(
            "H0103",
            format!("`{name}` must be one of {}", list.join(", ")),
            Some(v.span()),
        );
        if let Some(got) = v.get_ref().as_str() {
            let lower = got.to_lowercase();
            let same_meaning = SAME_MEANING
                .iter()
                .filter(|_| matches!(name, "medium" | "channel"))
                .find(|(words, ours)| {
                    words.contains(&lower.as_str()) && allowed.iter().any(|a| a == ours)
                })
                .map(|(_, ours)| *ours);
            if let Some(c) = same_meaning.or_else(|| near(got, allowed.iter().map(String::as_str)))
            {
                d = d.with_hint(format!("did you mean `{name} = \"{c}\"`?"));
            }
        }
        self.out.push(d);
    }

    fn table(&mut self, t: &DeTable<'_>, span: Range<usize>, schema: &'a Value, place: &Place) {
        let schema = self.resolve(schema);
        let props = schema.get("properties").and_then(Value::as_object);
        // This table's own keys are checked against its parent's (to say "`notes`
        // belongs to [[step]]"); its children see this table's keys.
        let outer = self.parent.take();
        self.table_inner(t, span, schema, place, props, outer.clone());
        self.parent = outer;
    }

    fn table_inner(
        &mut self,
        t: &DeTable<'_>,
        span: Range<usize>,
        schema: &'a Value,
        place: &Place,
        props: Option<&'a serde_json::Map<String, Value>>,
        parent: Option<(&'a serde_json::Map<String, Value>, String)>,
    ) {
        self.parent = props.map(|p| (p, place.describe()));
        let extra = schema.get("additionalProperties");
        // Keys that an unknown key was probably meant to be: not reported missing too.
        let mut suggested: Vec<&str> = Vec::new();
        // The unknown keys: (name, where, is a list), to say it once if a
        // header line is missing.
        let mut unknown: Vec<(&str, Range<usize>, bool)> = Vec::new();
        for (k, v) in t.iter() {
            let key: &str = k.get_ref();
            match props.and_then(|p| p.get(key)) {
                Some(s) => self.value(v, s, key, place, false),
                None => match extra {
                    Some(Value::Bool(false)) => {
                        let known: Vec<&str> = props
                            .into_iter()
                            .flat_map(|p| p.keys().map(String::as_str))
                            .collect();
                        let elsewhere = OTHER_NAMES
                            .iter()
                            .find(|(other, _)| *other == key)
                            .map(|(_, ours)| *ours)
                            .filter(|ours| known.contains(ours));
                        let in_parent = parent
                            .as_ref()
                            .filter(|(p, _)| p.contains_key(key))
                            .map(|(_, name)| name.clone());
                        unknown.push((key, k.span(), v.get_ref().is_array()));
                        let mut d = Diagnostic::error(
                            "H0102",
                            format!("the format has no `{key}` in {}", place.describe()),
                            Some(k.span()),
                        );
                        d = if let Some(parent) = in_parent {
                            d.with_hint(format!(
                                "`{key}` belongs to {parent}: move it above the first {}",
                                place.describe()
                            ))
                        } else if let Some(ours) = elsewhere {
                            suggested.push(ours);
                            d.with_hint(format!("this format calls it `{ours}`"))
                        } else if let Some(c) = near(key, known.iter().copied()) {
                            suggested.push(c);
                            d.with_hint(format!("did you mean `{c}`?"))
                        } else {
                            d.with_hint(format!("the keys allowed here are: {}", known.join(", ")))
                        };
                        self.out.push(d);
                    }
                    Some(s @ Value::Object(_)) => self.value(v, s, key, place, false),
                    _ => {}
                },
            }
        }
        if let Some(d) = self.missing_header(place, &unknown) {
            // One mistake (a `[caller]` line left out), said once.
            self.out.retain(|x| {
                !(x.code == "H0102" && unknown.iter().any(|(_, at, _)| x.span.as_ref() == Some(at)))
            });
            self.out.push(d);
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for r in required.iter().filter_map(Value::as_str) {
                let header_missing =
                    matches!(place, Place::Root) && self.headers.iter().any(|h| h == r);
                if !t.iter().any(|(k, _)| k.get_ref() == r)
                    && !suggested.contains(&r)
                    && !header_missing
                {
                    let id = t
                        .iter()
                        .find(|(k, _)| k.get_ref() == "id")
                        .and_then(|(_, v)| v.get_ref().as_str().map(str::to_string));
                    let which = match (id, place) {
                        (_, Place::Root) => "the file".to_string(),
                        (Some(id), _) => format!("{} \"{id}\"", place.describe()),
                        (None, _) => place.describe(),
                    };
                    // At the top of the file, point at the last plain `key = value`
                    // before the tables (where a missing key or table goes), not at line 1.
                    let at = if matches!(place, Place::Root) {
                        t.iter()
                            .filter(|(_, v)| {
                                !matches!(v.get_ref(), DeValue::Table(_))
                                    && !matches!(v.get_ref(), DeValue::Array(a) if a.first().is_some_and(|f| matches!(f.get_ref(), DeValue::Table(_))))
                            })
                            .map(|(k, v)| k.span().start..v.span().end)
                            .max_by_key(|r| r.start)
                            .unwrap_or(0..0)
                    } else {
                        span.clone()
                    };
                    let is_table = props
                        .and_then(|p| p.get(r))
                        .map(|x| self.resolve(x))
                        .and_then(|x| {
                            x.get("allOf")
                                .and_then(|a| a.get(0))
                                .map(|a| self.resolve(a))
                                .or(Some(x))
                        })
                        .is_some_and(|x| x.get("properties").is_some());
                    let (at, msg, hint) = if is_table {
                        (
                            at,
                            format!("{which} has no [{r}] table"),
                            format!("add a [{r}] table after the lines at the top of the file"),
                        )
                    } else if matches!(place, Place::Root) {
                        // Next to the key it goes with (`title` after `id`), not
                        // at whatever line happens to be last.
                        let order: Vec<&str> = required.iter().filter_map(Value::as_str).collect();
                        let (at, hint) = root_anchor(t, &order, r);
                        (at, format!("{which} is missing `{r}`"), hint)
                    } else {
                        (
                            at,
                            format!("{which} is missing `{r}`"),
                            format!("add a line `{r} = ...` here"),
                        )
                    };
                    self.out
                        .push(Diagnostic::error("H0104", msg, Some(at)).with_hint(hint));
                }
            }
        }
    }
}

impl<'a> Walker<'a, '_> {
    /// The keys of a table the format has at the top of the file (`caller`,
    /// `step`, ...), through its references and lists.
    fn keys_of(&self, name: &str) -> Vec<&'a str> {
        let mut s = match self.root.pointer(&format!("/properties/{name}")) {
            Some(s) => s,
            None => return Vec::new(),
        };
        for _ in 0..4 {
            s = self.resolve(s);
            if let Some(first) = s.get("allOf").and_then(|a| a.get(0)) {
                s = first;
            } else if let Some(items) = s.get("items") {
                s = items;
            } else {
                break;
            }
        }
        s.get("properties")
            .and_then(Value::as_object)
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// H0113: the unknown keys of one table are all another table's (`id`,
    /// `scene` and `says` in a [[step.choice]]), so its header line is
    /// probably missing above them; or they are lists of values and the file
    /// has no [variants]. One diagnostic, at the first of them.
    fn missing_header(
        &mut self,
        place: &Place,
        unknown: &[(&str, Range<usize>, bool)],
    ) -> Option<Diagnostic> {
        let mut unknown = unknown.to_vec();
        unknown.sort_by_key(|(_, at, _)| at.start);
        let (first, at, _) = unknown.first()?;
        let own = match place {
            Place::Root => return None,
            Place::Table(p) | Place::ArrayTable(p) => p.clone(),
        };
        let names: Vec<String> = unknown.iter().map(|(k, _, _)| format!("`{k}`")).collect();
        let list = match names.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => return None,
        };
        let tables = [
            ("step", true),
            ("ending", true),
            ("recall", true),
            ("source", false),
            ("caller", false),
        ];
        let fits: Vec<(&str, bool)> = tables
            .into_iter()
            .filter(|(name, _)| *name != own)
            .filter(|(name, _)| {
                let keys = self.keys_of(name);
                unknown.iter().all(|(k, _, _)| keys.contains(k))
            })
            .collect();
        let enough = unknown.len() >= 2 || *first == "id";
        let (header, article) = match fits.as_slice() {
            [(name, true)] if enough => (format!("[[{name}]]"), "a new "),
            [(name, false)] if enough => (format!("[{name}]"), ""),
            _ if !self.has_variants && unknown.len() >= 2 && unknown.iter().all(|u| u.2) => {
                ("[variants]".to_string(), "")
            }
            _ => return None,
        };
        if let Some(name) = header.trim_matches(['[', ']']).split('.').next() {
            self.headers.push(name.to_string());
        }
        Some(
            Diagnostic::error(
                "H0113",
                format!(
                    "{list} belong to {article}{header}, not to {}: its `{header}` line seems to be missing",
                    place.describe()
                ),
                Some(at.clone()),
            )
            .with_hint(format!("add a line `{header}` above `{first} = ...`")),
        )
    }
}

/// Where to point for a key missing at the top of the file, and the words
/// saying where to add it: after the required key before it in the usual order
/// (`title` after `id`), else before the one after it, else before the first table.
fn root_anchor(t: &DeTable<'_>, order: &[&str], missing: &str) -> (Range<usize>, String) {
    let line_of = |key: &str| {
        t.iter()
            .find(|(k, v)| k.get_ref() == key && !matches!(v.get_ref(), DeValue::Table(_)))
            .map(|(k, v)| k.span().start..v.span().end)
    };
    let pos = order.iter().position(|k| *k == missing).unwrap_or(0);
    if let Some((key, at)) = order[..pos]
        .iter()
        .rev()
        .find_map(|k| line_of(k).map(|at| (*k, at)))
    {
        return (
            at,
            format!("add a line `{missing} = ...` at the top of the file, after `{key}`"),
        );
    }
    if let Some((key, at)) = order[pos..]
        .iter()
        .find_map(|k| line_of(k).map(|at| (*k, at)))
    {
        return (
            at,
            format!("add a line `{missing} = ...` at the top of the file, before `{key}`"),
        );
    }
    let first = t
        .iter()
        .map(|(k, v)| {
            if matches!(v.get_ref(), DeValue::Table(_) | DeValue::Array(_)) {
                v.span()
            } else {
                k.span().start..v.span().end
            }
        })
        .min_by_key(|r| r.start)
        .unwrap_or(0..0);
    (
        first,
        format!("add a line `{missing} = ...` at the top of the file, before the first [table]"),
    )
}

/// The schema for editors (`hangup schema`, `assets/scenario.schema.json`): the
/// shape above, plus every rule of `hangup check` that JSON Schema can say, so
/// Taplo and VS Code agree with `check` on them: the id pattern (H0202), at
/// least 2 choices (H0404), lists that cannot be empty (H0210), text that cannot be
/// empty, break the line or hide characters (H0401, H0402, H0406, H0409), a
/// step that says something (H0506), a line that is one thing (H0505), an
/// ending that explains what happened (H0408), fact names (H0507), and the
/// red flags and advice of the built-in catalogue (H0204, H0205).
///
/// The checker itself walks `schema()`, and these rules stay with the checks
/// that report them in plain words with a "did you mean".
pub fn editor_schema(catalogue: &super::Catalogue) -> Value {
    use serde_json::json;
    let mut s = schema().clone();
    // Characters `check` refuses in text (crate::sanitize::classify), as far as a
    // JSON Schema pattern (ECMA-262, no `u` flag) can name them.
    const HIDDEN: &str = "\\u0000-\\u001f\\u007f-\\u009f\\u00ad\\u034f\\u061c\\u115f\\u1160\\u17b4\\u17b5\\u180b-\\u180f\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\uffa0\\ufff0-\\ufffb";
    let text = json!({ "pattern": format!("^[^{HIDDEN}]*[^\\s{HIDDEN}][^{HIDDEN}]*$") });
    // Volunteer notes may have line breaks.
    let notes_hidden = HIDDEN.replace("\\u0000-\\u001f", "\\u0000-\\u0009\\u000b-\\u001f");
    let notes =
        json!({ "pattern": format!("^[^{notes_hidden}]*[^\\s{notes_hidden}][^{notes_hidden}]*$") });
    let id = json!({ "pattern": "^[a-z0-9][a-z0-9-]{0,63}$" });
    let fact = json!({ "pattern": "^[a-z][a-z0-9_-]{0,39}$" });
    let flags: Vec<&str> = catalogue
        .red_flags
        .flags
        .iter()
        .map(|f| f.id.as_str())
        .collect();
    let advice: Vec<&str> = catalogue
        .advice
        .steps
        .iter()
        .map(|a| a.id.as_str())
        .collect();

    fn add(s: &mut Value, pointer: &str, extra: &Value) {
        if let (Some(Value::Object(target)), Value::Object(extra)) = (s.pointer_mut(pointer), extra)
        {
            for (k, v) in extra {
                target.insert(k.clone(), v.clone());
            }
        }
    }
    for p in ["/properties/id", "/properties/start"] {
        add(&mut s, p, &id);
    }
    for p in ["title", "summary"] {
        add(&mut s, &format!("/properties/{p}"), &text);
    }
    for (def, fields) in [
        ("Source", &["who", "when", "url"][..]),
        ("Caller", &["name", "organisation", "number"][..]),
        ("Step", &["says", "scene", "who", "time", "sender"][..]),
        (
            "Line",
            &["who", "says", "narration", "thought", "message"][..],
        ),
        ("Choice", &["text", "feedback", "recap"][..]),
        ("Ending", &["title"][..]),
        ("EndingLine", &["text"][..]),
        ("Recall", &["question", "explain"][..]),
    ] {
        for f in fields {
            add(&mut s, &format!("/definitions/{def}/properties/{f}"), &text);
        }
    }
    add(&mut s, "/definitions/Step/properties/notes", &notes);
    add(
        &mut s,
        "/definitions/Ending/properties/happened/items",
        &text,
    );
    for p in [
        "/definitions/Step/properties/id",
        "/definitions/Step/properties/on_repeat",
        "/definitions/Choice/properties/next",
        "/definitions/Ending/properties/id",
    ] {
        add(&mut s, p, &id);
    }
    for p in [
        "/definitions/Choice/properties/set/items",
        "/definitions/Choice/properties/when",
        "/definitions/Choice/properties/unless",
        "/definitions/Line/properties/when",
        "/definitions/Line/properties/unless",
        "/definitions/Ending/properties/when",
        "/definitions/Ending/properties/unless",
        "/definitions/EndingLine/properties/when",
        "/definitions/EndingLine/properties/unless",
    ] {
        add(&mut s, p, &fact);
    }
    // At least 2 choices.
    add(
        &mut s,
        "/definitions/Step/properties/choice",
        &json!({ "minItems": 2 }),
    );
    // At most four choices, as `check` says (H0404), unless some have a
    // `when` or `unless`: then `check` counts the choices shown on each path,
    // which a schema cannot.
    add(
        &mut s,
        "/definitions/Step",
        &json!({ "allOf": [ { "anyOf": [
            { "properties": { "choice": { "maxItems": 4 } } },
            { "properties": { "choice": { "contains": { "anyOf": [
                { "required": ["when"] },
                { "required": ["unless"] }
            ] } } } }
        ] } ] }),
    );
    add(
        &mut s,
        "/definitions/Choice/properties/flags/items",
        &json!({ "enum": flags }),
    );
    for p in [
        "/properties/action/items",
        "/definitions/Ending/properties/action/items",
    ] {
        add(&mut s, p, &json!({ "enum": advice }));
    }
    add(
        &mut s,
        "/properties/variants/additionalProperties",
        &json!({ "minItems": 1 }),
    );
    add(
        &mut s,
        "/definitions/VariantSchema",
        &json!({ "anyOf": [
            text,
            { "type": "object", "minProperties": 1, "additionalProperties": text }
        ] }),
    );
    // A step says something; a line is exactly one thing; an ending explains.
    add(
        &mut s,
        "/definitions/Step",
        &json!({ "anyOf": [
            { "required": ["says"] },
            { "required": ["line"], "properties": { "line": { "minItems": 1 } } }
        ], "dependencies": { "sender": ["channel"] } }),
    );
    add(
        &mut s,
        "/definitions/Line",
        &json!({ "oneOf": [
            { "required": ["says"] },
            { "required": ["narration"] },
            { "required": ["thought"] },
            { "required": ["message"] }
        ], "dependencies": { "who": ["says"] } }),
    );
    add(
        &mut s,
        "/definitions/Ending",
        &json!({ "anyOf": [
            { "required": ["happened"], "properties": { "happened": { "minItems": 1 } } },
            { "required": ["line"], "properties": { "line": { "minItems": 1 } } }
        ] }),
    );
    s
}
