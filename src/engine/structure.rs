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
use super::validate::{Diagnostic, closest};

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

/// Check a parsed TOML document against the scenario schema; every problem is returned.
pub fn check_document(doc: &Spanned<DeTable<'_>>) -> Vec<Diagnostic> {
    let root = schema();
    let mut out = Vec::new();
    let mut walker = Walker {
        root,
        out: &mut out,
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
}

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
            if allowed.len() == options.len() {
                self.bad_choice(v, name, &allowed);
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
                let mut d = Diagnostic::error(
                    "H0103",
                    format!(
                        "`{name}` should be {}, but here it is {}",
                        want.join(" or "),
                        plain_type(actual)
                    ),
                    Some(v.span()),
                );
                if expected.contains(&"string") && actual != "string" {
                    d = d.with_hint(format!("put the value in quotes: {name} = \"...\""));
                } else if expected.contains(&"integer") && actual == "string" {
                    d = d.with_hint(format!("write the number without quotes, e.g. {name} = 5"));
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
        if let Some(got) = v.get_ref().as_str()
            && let Some(c) = closest(got, allowed.iter().map(String::as_str))
        {
            d = d.with_hint(format!("did you mean `{name} = \"{c}\"`?"));
        }
        self.out.push(d);
    }

    fn table(&mut self, t: &DeTable<'_>, span: Range<usize>, schema: &'a Value, place: &Place) {
        let schema = self.resolve(schema);
        let props = schema.get("properties").and_then(Value::as_object);
        let extra = schema.get("additionalProperties");
        // Keys that an unknown key was probably meant to be: not reported missing too.
        let mut suggested: Vec<&str> = Vec::new();
        for (k, v) in t.iter() {
            let key: &str = k.get_ref();
            match props.and_then(|p| p.get(key)) {
                Some(s) => self.value(v, s, key, place, false),
                None => match extra {
                    Some(Value::Bool(false)) => {
                        let known = props.into_iter().flat_map(|p| p.keys().map(String::as_str));
                        let mut d = Diagnostic::error(
                            "H0102",
                            format!("unknown key `{key}` in {}", place.describe()),
                            Some(k.span()),
                        );
                        d = match closest(key, known) {
                            Some(c) => {
                                suggested.push(c);
                                d.with_hint(format!("did you mean `{c}`?"))
                            }
                            None => d.with_hint(format!(
                                "the keys allowed here are: {}",
                                props
                                    .map(|p| p.keys().cloned().collect::<Vec<_>>().join(", "))
                                    .unwrap_or_default()
                            )),
                        };
                        self.out.push(d);
                    }
                    Some(s @ Value::Object(_)) => self.value(v, s, key, place, false),
                    _ => {}
                },
            }
        }
        if let Some(required) = schema.get("required").and_then(Value::as_array) {
            for r in required.iter().filter_map(Value::as_str) {
                if !t.iter().any(|(k, _)| k.get_ref() == r) && !suggested.contains(&r) {
                    let id = t
                        .iter()
                        .find(|(k, _)| k.get_ref() == "id")
                        .and_then(|(_, v)| v.get_ref().as_str().map(str::to_string));
                    let which = match (id, place) {
                        (_, Place::Root) => "the file".to_string(),
                        (Some(id), _) => format!("{} \"{id}\"", place.describe()),
                        (None, _) => place.describe(),
                    };
                    let at = if matches!(place, Place::Root) {
                        0..0
                    } else {
                        span.clone()
                    };
                    self.out.push(
                        Diagnostic::error("H0104", format!("{which} is missing `{r}`"), Some(at))
                            .with_hint(format!("add a line `{r} = ...` here")),
                    );
                }
            }
        }
    }
}
