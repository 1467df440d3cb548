//! Variants: lists to pick from, sets of values picked together (a sergeant's
//! name with his force), and amounts worked out from them (a second payment is
//! the total minus the first).
//!
//! One run picks one value from each list, in the lists' sorted order, so a
//! seed always picks the same values. A set gives `{list.part}` for each of its
//! parts; an amount is filled in from the values picked.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::model::{Scenario, Sp, Variant};
use super::validate::{Diagnostic, closest, inner_span};

/// At most this many combinations of values are tried for one amount.
pub const MAX_COMBINATIONS: usize = 10_000;

/// The values of one run: `pick(list, len)` chooses the index in each list.
pub fn values(
    s: &Scenario,
    mut pick: impl FnMut(&str, usize) -> usize,
) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (name, list) in &s.variants {
        if list.is_empty() {
            continue;
        }
        let i = pick(name, list.len()).min(list.len() - 1);
        insert_value(&mut out, name, &list[i]);
    }
    for (name, expr) in &s.amounts {
        if let Ok(Some(v)) = Expr::parse(expr.get_ref()).map(|e| e.eval(&out)) {
            out.insert(name.clone(), v);
        }
    }
    out
}

fn insert_value(out: &mut BTreeMap<String, String>, name: &str, v: &Variant) {
    match v {
        Variant::Text(t) => {
            out.insert(name.to_string(), t.get_ref().clone());
        }
        Variant::Set(set) => {
            for (part, t) in set.get_ref() {
                out.insert(format!("{name}.{part}"), t.get_ref().clone());
            }
        }
    }
}

/// The values of run number `k` of a walk that shows every value once:
/// value `k` of each list (wrapping round shorter lists).
pub fn nth(s: &Scenario, k: usize) -> BTreeMap<String, String> {
    values(s, |_, len| k % len)
}

/// The longest run of the lists, so `nth(s, 0..longest)` shows every value.
pub fn longest(s: &Scenario) -> usize {
    s.variants.values().map(Vec::len).max().unwrap_or(0).max(1)
}

/// Every placeholder name a text may use: plain lists, `list.part` of sets, amounts.
pub fn known_names(s: &Scenario) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (name, list) in &s.variants {
        match list.first() {
            Some(Variant::Set(set)) => {
                out.extend(set.get_ref().keys().map(|p| format!("{name}.{p}")));
            }
            _ => {
                out.insert(name.clone());
            }
        }
    }
    out.extend(s.amounts.keys().cloned());
    out
}

/// The widest value each placeholder can take, for checking that text fits.
pub fn widest(s: &Scenario) -> BTreeMap<String, String> {
    use unicode_width::UnicodeWidthStr;
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (name, list) in &s.variants {
        for v in list {
            let mut one = BTreeMap::new();
            insert_value(&mut one, name, v);
            for (k, v) in one {
                let e = out.entry(k).or_default();
                if v.width() > e.width() {
                    *e = v;
                }
            }
        }
    }
    for name in s.amounts.keys() {
        if let Ok(results) = outcomes(s, name)
            && let Some(w) = results.into_iter().max_by_key(|r| r.width())
        {
            out.insert(name.clone(), w);
        }
    }
    out
}

/// Every value an amount can take (each combination of the values it uses),
/// or `Err` when it cannot be worked out (the checker says why).
fn outcomes(s: &Scenario, name: &str) -> Result<Vec<String>, ()> {
    let expr = s.amounts.get(name).ok_or(())?;
    let e = Expr::parse(expr.get_ref()).map_err(|_| ())?;
    let mut out = Vec::new();
    for_each_combination(s, &e, |values| {
        if let Some(v) = e.eval(values) {
            out.push(v);
        }
        true
    })?;
    Ok(out)
}

/// Call `f` with the values of each combination of the lists `e` uses;
/// `f` returns false to stop. `Err` when there are too many to try.
fn for_each_combination(
    s: &Scenario,
    e: &Expr,
    mut f: impl FnMut(&BTreeMap<String, String>) -> bool,
) -> Result<(), ()> {
    let lists: Vec<(&String, &Vec<Variant>)> = e
        .lists()
        .into_iter()
        .filter_map(|l| s.variants.get_key_value(l))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    let mut total: usize = 1;
    for (_, l) in &lists {
        total = total.checked_mul(l.len()).ok_or(())?;
    }
    if total > MAX_COMBINATIONS {
        return Err(());
    }
    for mut n in 0..total {
        let mut values = BTreeMap::new();
        for (name, l) in &lists {
            insert_value(&mut values, name, &l[n % l.len()]);
            n /= l.len();
        }
        if !f(&values) {
            break;
        }
    }
    Ok(())
}

// ------------------------------------------------------------------ amounts

/// A sum of money as written: "£1,500", "£79.99", "250".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Money {
    /// In pence (or hundredths of a plain number).
    pub hundredths: i64,
    /// Written with a leading `£`.
    pub pound_sign: bool,
    /// Written with commas between groups of three digits, e.g. "1,500".
    pub commas: bool,
    /// Written with a point and two digits, e.g. "79.99".
    pub pence: bool,
}

impl Money {
    /// Read a sum written plainly: an optional `£`, digits (with commas between
    /// groups of three), and optionally a point and two digits.
    pub fn parse(s: &str) -> Option<Money> {
        let s = s.trim();
        let (pound_sign, body) = match s.strip_prefix('£') {
            Some(b) => (true, b),
            None => (false, s),
        };
        let (whole, pence) = match body.split_once('.') {
            Some((w, p)) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => (w, Some(p)),
            Some(_) => return None,
            None => (body, None),
        };
        let groups: Vec<&str> = whole.split(',').collect();
        let commas = groups.len() > 1;
        let groups_ok = !groups[0].is_empty()
            && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
            && (!commas || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)));
        let digits: String = groups.concat();
        if !groups_ok || digits.len() > 12 {
            return None;
        }
        let whole: i64 = digits.parse().ok()?;
        let p: i64 = pence.map_or(Some(0), |p| p.parse().ok())?;
        Some(Money {
            hundredths: whole * 100 + p,
            pound_sign,
            commas,
            pence: pence.is_some(),
        })
    }

    /// Write a sum in the style of the sums it came from.
    pub fn show(self) -> String {
        let whole = (self.hundredths / 100).unsigned_abs();
        let p = (self.hundredths % 100).unsigned_abs();
        let digits = whole.to_string();
        let mut grouped = String::new();
        if self.commas || (self.pound_sign && whole >= 1_000) {
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    grouped.push(',');
                }
                grouped.push(c);
            }
        } else {
            grouped = digits;
        }
        let sign = if self.hundredths < 0 { "-" } else { "" };
        let pound = if self.pound_sign { "£" } else { "" };
        if self.pence || p != 0 {
            format!("{sign}{pound}{grouped}.{p:02}")
        } else {
            format!("{sign}{pound}{grouped}")
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Operand {
    /// `{name}`, with the byte offset of its `{` in the expression.
    Name(usize, String),
    Literal(Money),
}

/// An amount: sums and names joined by `+` and `-`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    /// Each operand with its sign (true for minus).
    terms: Vec<(bool, Operand)>,
}

/// Why an amount cannot be read: a message and the byte offset in the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    /// Byte offset in the expression where the problem starts (0-based).
    pub at: usize,
    /// How many bytes the problem covers (0 at the end of the expression).
    pub len: usize,
    /// What is wrong, in plain words, e.g. "it has a `{` with no `}` after it".
    pub message: String,
}

impl Expr {
    /// Read an amount such as `{payment.total} - {payment.first}` or `£100 + {fee}`; an [`ExprError`] says where it is wrongly written.
    pub fn parse(src: &str) -> Result<Expr, ExprError> {
        let mut terms = Vec::new();
        let bytes = src.as_bytes();
        let mut i = 0;
        let mut minus = false;
        let skip_space = |i: &mut usize| {
            while *i < bytes.len() && bytes[*i] == b' ' {
                *i += 1;
            }
        };
        loop {
            skip_space(&mut i);
            let start = i;
            if i >= bytes.len() {
                return Err(ExprError {
                    at: start.min(src.len()),
                    len: 0,
                    message: if terms.is_empty() {
                        "it is empty".into()
                    } else {
                        "it ends with + or -, with nothing after it".into()
                    },
                });
            }
            let operand = if bytes[i] == b'{' {
                let Some(close) = src[i..].find('}') else {
                    return Err(ExprError {
                        at: i,
                        len: 1,
                        message: "it has a `{` with no `}` after it".into(),
                    });
                };
                let name = &src[i + 1..i + close];
                i += close + 1;
                Operand::Name(start, name.to_string())
            } else {
                let end = src[i..]
                    .find(['+', '-', ' ', '{'])
                    .map_or(src.len(), |e| i + e);
                let word = &src[i..end];
                let Some(m) = Money::parse(word) else {
                    return Err(ExprError {
                        at: i,
                        len: word.len().max(1),
                        message: format!(
                            "\"{word}\" is not a {{name}} or a sum of money like \"£100\""
                        ),
                    });
                };
                i = end;
                Operand::Literal(m)
            };
            terms.push((minus, operand));
            skip_space(&mut i);
            match bytes.get(i) {
                None => break,
                Some(b'+') => minus = false,
                Some(b'-') => minus = true,
                Some(_) => {
                    let word = src[i..]
                        .split([' ', '{'])
                        .next()
                        .filter(|w| !w.is_empty())
                        .unwrap_or(&src[i..]);
                    return Err(ExprError {
                        at: i,
                        len: word.len().max(1),
                        message: format!("\"{word}\" should be + or -"),
                    });
                }
            }
            i += 1;
        }
        Ok(Expr { terms })
    }

    /// The variant lists (before any `.part`) this amount uses.
    fn lists(&self) -> BTreeSet<&str> {
        self.names()
            .map(|(_, n)| n.split('.').next().unwrap_or(n))
            .collect()
    }

    /// Every `{name}` with its offset.
    fn names(&self) -> impl Iterator<Item = (usize, &str)> {
        self.terms.iter().filter_map(|(_, o)| match o {
            Operand::Name(at, n) => Some((*at, n.as_str())),
            Operand::Literal(_) => None,
        })
    }

    /// The amount for these values, or `None` if a value is missing or not a sum.
    pub fn eval(&self, values: &BTreeMap<String, String>) -> Option<String> {
        self.total(values).map(Money::show)
    }

    fn total(&self, values: &BTreeMap<String, String>) -> Option<Money> {
        let mut sum = Money {
            hundredths: 0,
            pound_sign: false,
            commas: false,
            pence: false,
        };
        for (minus, o) in &self.terms {
            let m = match o {
                Operand::Name(_, n) => Money::parse(values.get(n)?)?,
                Operand::Literal(m) => *m,
            };
            let h = if *minus { -m.hundredths } else { m.hundredths };
            sum.hundredths = sum.hundredths.checked_add(h)?;
            sum.pound_sign |= m.pound_sign;
            sum.commas |= m.commas;
            sum.pence |= m.pence;
        }
        Some(sum)
    }
}

// ------------------------------------------------------------------ checks

/// H0211 (variant sets) and H0212 (amounts).
pub fn check(s: &Scenario, source: Option<&str>, out: &mut Vec<Diagnostic>) {
    for (name, list) in &s.variants {
        check_list(name, list, out);
    }
    for (name, expr) in &s.amounts {
        check_amount(s, name, expr, source, out);
    }
}

fn check_list(name: &str, list: &[Variant], out: &mut Vec<Diagnostic>) {
    let Some(first) = list.first() else {
        return;
    };
    let parts = |v: &Variant| -> Option<BTreeSet<String>> {
        match v {
            Variant::Set(set) => Some(set.get_ref().keys().cloned().collect()),
            Variant::Text(_) => None,
        }
    };
    let want = parts(first);
    if let Some(want) = &want {
        if want.is_empty() {
            out.push(
                Diagnostic::error(
                    "H0211",
                    format!("the first set in the variant list \"{name}\" is empty"),
                    Some(first.span()),
                )
                .with_hint("give it parts, e.g. { name = \"...\", force = \"...\" }"),
            );
            return;
        }
        for p in want {
            if !valid_part(p) {
                out.push(
                    Diagnostic::error(
                        "H0211",
                        format!("\"{p}\" in the variant list \"{name}\" is not a name a placeholder can use"),
                        Some(first.span()),
                    )
                    .with_hint("name a part with letters, digits, - and _ only, e.g. force"),
                );
                return;
            }
        }
    }
    for v in &list[1..] {
        let got = parts(v);
        match (&want, &got) {
            (None, None) => {}
            (Some(_), None) | (None, Some(_)) => {
                let (what, first_is) = if want.is_some() {
                    ("a plain text", "sets")
                } else {
                    ("a set", "plain texts")
                };
                out.push(
                    Diagnostic::error(
                        "H0211",
                        format!("this value of \"{name}\" is {what}, but the list starts with {first_is}"),
                        Some(v.span()),
                    )
                    .with_hint("make every value in a list the same kind: all texts, or all sets with the same parts"),
                );
            }
            (Some(w), Some(g)) if w != g => {
                let missing: Vec<&str> = w.difference(g).map(String::as_str).collect();
                let extra: Vec<&str> = g.difference(w).map(String::as_str).collect();
                if let ([m], [e]) = (missing.as_slice(), extra.as_slice()) {
                    out.push(
                        Diagnostic::error(
                            "H0211",
                            format!(
                                "this set in \"{name}\" has `{e}` where the first one has `{m}`"
                            ),
                            Some(v.span()),
                        )
                        .with_hint(format!("did you mean `{m}`?")),
                    );
                    continue;
                }
                let mut msg = format!(
                    "this set in \"{name}\" does not have the same parts as the first one:"
                );
                if !missing.is_empty() {
                    msg.push_str(&format!(" it has no {}", missing.join(", ")));
                }
                if !extra.is_empty() {
                    if !missing.is_empty() {
                        msg.push(';');
                    }
                    msg.push_str(&format!(" the first one has no {}", extra.join(", ")));
                }
                out.push(
                    Diagnostic::error("H0211", msg, Some(v.span())).with_hint(format!(
                        "give every set in \"{name}\" the same parts: {}",
                        w.iter().cloned().collect::<Vec<_>>().join(", ")
                    )),
                );
            }
            _ => {}
        }
    }
}

fn valid_part(p: &str) -> bool {
    !p.is_empty()
        && p.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn check_amount(
    s: &Scenario,
    name: &str,
    expr: &Sp,
    source: Option<&str>,
    out: &mut Vec<Diagnostic>,
) {
    let at = |o: usize, l: usize| inner_span(source, expr, o, l);
    if !valid_part(name) {
        out.push(
            Diagnostic::error(
                "H0212",
                format!("the amount \"{name}\" has a name a placeholder cannot use"),
                Some(expr.span()),
            )
            .with_hint("name it with letters, digits, - and _ only, e.g. second"),
        );
        return;
    }
    if s.variants.contains_key(name) {
        out.push(
            Diagnostic::error(
                "H0212",
                format!("\"{name}\" is both a variant list and an amount"),
                Some(expr.span()),
            )
            .with_hint("give the amount a name of its own"),
        );
        return;
    }
    let e = match Expr::parse(expr.get_ref()) {
        Ok(e) => e,
        Err(err) => {
            out.push(
                Diagnostic::error(
                    "H0212",
                    format!(
                        "the amount \"{name}\" cannot be worked out: {}",
                        err.message
                    ),
                    at(err.at, err.len),
                )
                .with_hint("write sums and {names} joined by + or -, e.g. \"{total} - {first}\""),
            );
            return;
        }
    };
    let variant_names = known_names(s);
    let mut ok = true;
    for (off, n) in e.names() {
        if s.amounts.contains_key(n) {
            out.push(
                Diagnostic::error(
                    "H0212",
                    format!("the amount \"{name}\" uses {{{n}}}, another amount"),
                    at(off, n.len() + 2),
                )
                .with_hint(
                    "an amount can only use values from [variants]: write out the sum again",
                ),
            );
            ok = false;
        } else if !variant_names.contains(n) {
            out.push(unknown_placeholder(
                s,
                &format!("amounts.{name}"),
                n,
                at(off, n.len() + 2),
            ));
            ok = false;
        }
    }
    if !ok {
        return;
    }
    // Every value used must be a sum of money.
    let mut reported: BTreeSet<usize> = BTreeSet::new();
    for (_, n) in e.names() {
        let (list, part) = n.split_once('.').map_or((n, None), |(l, p)| (l, Some(p)));
        for v in s.variants.get(list).into_iter().flatten() {
            let t = match (v, part) {
                (Variant::Text(t), None) => t,
                (Variant::Set(set), Some(p)) => match set.get_ref().get(p) {
                    Some(t) => t,
                    None => continue,
                },
                _ => continue,
            };
            if Money::parse(t.get_ref()).is_none() && reported.insert(t.span().start) {
                out.push(
                    Diagnostic::error(
                        "H0212",
                        format!(
                            "the amount \"{name}\" uses {{{n}}}, but \"{}\" is not a sum of money",
                            t.get_ref()
                        ),
                        Some(t.span()),
                    )
                    .with_hint("write sums like \"£1,500\" or \"£79.99\", with no other words"),
                );
                ok = false;
                // One value is enough to show the problem.
                break;
            }
        }
    }
    if !ok {
        return;
    }
    let mut below_zero: Option<BTreeMap<String, String>> = None;
    let tried = for_each_combination(s, &e, |values| {
        if e.total(values).is_some_and(|m| m.hundredths < 0) {
            below_zero = Some(values.clone());
            return false;
        }
        true
    });
    if tried.is_err() {
        out.push(
            Diagnostic::error(
                "H0212",
                format!(
                    "the amount \"{name}\" uses lists with more than {MAX_COMBINATIONS} ways to combine"
                ),
                Some(expr.span()),
            )
            .with_hint("put the values that go together in one set, so they are picked together"),
        );
    } else if let Some(values) = below_zero {
        let used: Vec<String> = e
            .names()
            .filter_map(|(_, n)| values.get(n).map(|v| format!("{{{n}}} is {v}")))
            .collect();
        out.push(
            Diagnostic::error(
                "H0212",
                format!(
                    "the amount \"{name}\" comes out below zero when {}",
                    used.join(" and ")
                ),
                Some(expr.span()),
            )
            .with_hint(
                "put the values that go together in one set, e.g. payment = [{ total = \"£4,000\", first = \"£1,500\" }]",
            ),
        );
    }
}

/// H0209: a placeholder that names nothing, with the closest right name.
pub fn unknown_placeholder(
    s: &Scenario,
    field: &str,
    n: &str,
    at: Option<Range<usize>>,
) -> Diagnostic {
    let known = known_names(s);
    let (list, part) = n.split_once('.').map_or((n, None), |(l, p)| (l, Some(p)));
    let parts: Vec<&str> = known
        .iter()
        .filter_map(|k| k.strip_prefix(list).and_then(|r| r.strip_prefix('.')))
        .collect();
    match (s.variants.get(list), part) {
        (Some(values), None) if matches!(values.first(), Some(Variant::Set(_))) => {
            Diagnostic::error(
                "H0209",
                format!("`{field}` uses {{{n}}}, but \"{n}\" is a set: name one of its parts"),
                at,
            )
            .with_hint(format!(
                "write {}",
                parts
                    .iter()
                    .map(|p| format!("{{{list}.{p}}}"))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ))
        }
        (Some(values), Some(p)) if matches!(values.first(), Some(Variant::Set(_))) => {
            let mut d = Diagnostic::error(
                "H0209",
                format!(
                    "`{field}` uses {{{n}}}, but the set \"{list}\" has no part called \"{p}\""
                ),
                at,
            );
            d = match closest(p, parts.iter().copied()) {
                Some(c) => d.with_hint(format!("did you mean {{{list}.{c}}}?")),
                None => d.with_hint(format!("its parts are: {}", parts.join(", "))),
            };
            d
        }
        (Some(_), Some(_)) => Diagnostic::error(
            "H0209",
            format!("`{field}` uses {{{n}}}, but \"{list}\" is a plain list, not a set"),
            at,
        )
        .with_hint(format!("write {{{list}}}")),
        _ => {
            let mut d = Diagnostic::error(
                "H0209",
                format!("`{field}` uses {{{n}}}, but [variants] has no list called \"{n}\""),
                at,
            );
            if let Some(c) = closest(n, known.iter().map(String::as_str)) {
                d = d.with_hint(format!("did you mean {{{c}}}?"));
            }
            d
        }
    }
}
