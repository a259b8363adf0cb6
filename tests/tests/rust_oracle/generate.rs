//! Seeded pseudo-random requests: a valid request built from the schema, then mutations at random
//! places (missing required members, wrong JSON types, values below minimum or above maximum, exact
//! boundaries, multi-byte strings, unknown enum values, pattern breakers, unknown members).

use super::schema::{self, Limits, Schema};
use codegen::ir::{ShapeKind, Traits};
use serde_json::{json, Map, Value};

/// splitmix64: small, seeded, the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// One step from a parent value to a child.
#[derive(Clone, Debug)]
enum Seg {
    Key(String),
    Index(usize),
}

/// A value in a request together with the schema it was generated from.
struct Site {
    path: Vec<Seg>,
    target: String,
    member: Option<Traits>,
}

const ASCII: &[char] = &['a', 'b', 'z', 'A', 'Q', '0', '7', '-'];
const WIDE: &[char] = &['é', '日', '😀', 'ß'];

fn text(rng: &mut Rng, chars: u64, wide_percent: u64) -> String {
    (0..chars)
        .map(|_| {
            if rng.chance(wide_percent) {
                *rng.pick(WIDE)
            } else {
                *rng.pick(ASCII)
            }
        })
        .collect()
}

fn lo_hi(l: Limits, default_lo: f64, span: f64) -> (f64, f64) {
    let lo = l.min.unwrap_or(match l.max {
        Some(max) => (max - span).min(default_lo),
        None => default_lo,
    });
    let hi = l.max.unwrap_or(lo + span).min(lo + span).max(lo);
    (lo, hi)
}

fn int_value(v: f64) -> Value {
    json!(v.clamp(i32::MIN as f64, i32::MAX as f64) as i64)
}

/// Builds requests for one schema.
pub struct Generator<'s> {
    pub schema: &'s Schema,
}

impl Generator<'_> {
    /// A request botocore accepts (patterns and maximums aside: botocore never checks them).
    pub fn valid(&self, rng: &mut Rng) -> Value {
        self.value(rng, &self.schema.root, None, 0)
    }

    fn value(&self, rng: &mut Rng, target: &str, member: Option<&Traits>, depth: u32) -> Value {
        let shape = self.schema.shape(target);
        match &shape.kind {
            ShapeKind::Structure(_) => {
                let mut obj = Map::new();
                for m in self.schema.members(shape) {
                    let p = if depth > 3 { 15 } else { 45 };
                    if m.traits.required || rng.chance(p) {
                        let v = self.value(rng, &m.target, Some(&m.traits), depth + 1);
                        obj.insert(m.name.clone(), v);
                    }
                }
                Value::Object(obj)
            }
            ShapeKind::List(item) => {
                let (lo, hi) = lo_hi(schema::length(member, shape), 0.0, 3.0);
                let n = rng.between(lo as i64, hi as i64);
                let items = (0..n)
                    .map(|_| self.value(rng, &item.target, Some(&item.traits), depth + 1))
                    .collect();
                Value::Array(items)
            }
            ShapeKind::Enum(values) => {
                let values: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
                json!(rng.pick(&values))
            }
            ShapeKind::String => {
                let (lo, hi) = lo_hi(schema::length(member, shape), 0.0, 12.0);
                let n = rng.between(lo as i64, hi as i64) as u64;
                json!(text(rng, n, 8))
            }
            ShapeKind::Integer | ShapeKind::Long | ShapeKind::Short | ShapeKind::Byte => {
                let (lo, hi) = lo_hi(schema::range(member, shape), -100.0, 1000.0);
                let v = match rng.below(4) {
                    0 => lo,
                    1 => hi,
                    _ => rng.between(lo as i64, hi as i64) as f64,
                };
                int_value(v)
            }
            ShapeKind::Float | ShapeKind::Double => {
                let (lo, hi) = lo_hi(schema::range(member, shape), -100.0, 100.0);
                // quarter steps: exact in f32 and f64 alike
                let steps = ((hi - lo) * 4.0) as u64;
                json!(lo + rng.below(steps + 1) as f64 / 4.0)
            }
            ShapeKind::Boolean => json!(rng.chance(50)),
            other => panic!(
                "`{target}` is a {}: not reachable from {} when this generator was written; \
                 extend the generator",
                other.type_name(),
                self.schema.root
            ),
        }
    }

    /// Every value of `v` with its schema, the root first.
    fn sites(
        &self,
        v: &Value,
        target: &str,
        member: Option<&Traits>,
        path: Vec<Seg>,
        out: &mut Vec<Site>,
    ) {
        let shape = self.schema.shape(target);
        out.push(Site {
            path: path.clone(),
            target: target.to_string(),
            member: member.cloned(),
        });
        match (&shape.kind, v) {
            (ShapeKind::Structure(_), Value::Object(obj)) => {
                for m in self.schema.members(shape) {
                    if let Some(child) = obj.get(&m.name) {
                        let mut p = path.clone();
                        p.push(Seg::Key(m.name.clone()));
                        self.sites(child, &m.target, Some(&m.traits), p, out);
                    }
                }
            }
            (ShapeKind::List(item), Value::Array(items)) => {
                for (i, child) in items.iter().enumerate() {
                    let mut p = path.clone();
                    p.push(Seg::Index(i));
                    self.sites(child, &item.target, Some(&item.traits), p, out);
                }
            }
            _ => {}
        }
    }

    /// Applies one mutation somewhere in `req`; returns what it did (`Path: what`).
    pub fn mutate(&self, rng: &mut Rng, req: &mut Value) -> String {
        let mut sites = Vec::new();
        self.sites(req, &self.schema.root, None, Vec::new(), &mut sites);
        loop {
            let site = &sites[rng.below(sites.len() as u64) as usize];
            let Some(slot) = get_mut(req, &site.path) else {
                continue;
            };
            if let Some(what) = self.mutate_at(rng, site, slot) {
                return format!("{}: {what}", show(&site.path));
            }
        }
    }

    /// One mutation fitting the value's shape, or `None` when the chosen kind does not apply.
    fn mutate_at(&self, rng: &mut Rng, site: &Site, slot: &mut Value) -> Option<String> {
        let shape = self.schema.shape(&site.target);
        let member = site.member.as_ref();
        if rng.chance(22) {
            return Some(wrong_type(rng, &shape.kind, slot));
        }
        match &shape.kind {
            ShapeKind::Structure(_) => {
                let obj = slot.as_object_mut()?;
                let required: Vec<String> = self
                    .schema
                    .members(shape)
                    .filter(|m| m.traits.required && obj.contains_key(&m.name))
                    .map(|m| m.name.clone())
                    .collect();
                match rng.below(3) {
                    0 if !required.is_empty() => {
                        let name = rng.pick(&required).clone();
                        obj.remove(&name);
                        Some(format!("required member {name} removed"))
                    }
                    1 if !required.is_empty() => {
                        obj.clear();
                        Some("emptied".into())
                    }
                    2 => {
                        obj.insert("NotAMember".into(), json!(1));
                        Some("unknown member added".into())
                    }
                    _ => None,
                }
            }
            ShapeKind::List(item) => {
                let l = schema::length(member, shape);
                let (n, what) = match rng.below(3) {
                    0 if l.min.is_some_and(|m| m > 0.0) => (l.min? as usize - 1, "below min items"),
                    1 if l.max.is_some() => (l.max? as usize + 1, "above max items"),
                    2 => (l.min.unwrap_or(0.0) as usize, "exactly min items"),
                    _ => return None,
                };
                let items = (0..n)
                    .map(|_| self.value(rng, &item.target, Some(&item.traits), 4))
                    .collect();
                *slot = Value::Array(items);
                Some(format!("{what} ({n})"))
            }
            ShapeKind::String | ShapeKind::Enum(_) => {
                let l = schema::length(member, shape);
                let (s, what) = match rng.below(6) {
                    0 if l.min.is_some_and(|m| m > 0.0) => {
                        (text(rng, l.min? as u64 - 1, 30), "below min length")
                    }
                    1 if l.max.is_some() => (text(rng, l.max? as u64 + 1, 10), "above max length"),
                    2 => (
                        text(rng, l.min.unwrap_or(0.0) as u64, 0),
                        "exactly min length",
                    ),
                    3 if l.max.is_some() => (
                        text(rng, l.max? as u64, 100),
                        "exactly max length, multi-byte",
                    ),
                    4 if matches!(shape.kind, ShapeKind::Enum(_)) => {
                        ("NotAKnownValue".into(), "unknown enum value")
                    }
                    5 if shape.traits.pattern.is_some()
                        || member.is_some_and(|m| m.pattern.is_some()) =>
                    {
                        let len = l.min.unwrap_or(0.0).max(4.0) as u64;
                        let mut s = text(rng, len.saturating_sub(3), 0);
                        s.insert_str(0, " !\n");
                        (s, "pattern breaker")
                    }
                    _ => return None,
                };
                *slot = json!(s);
                Some(what.into())
            }
            ShapeKind::Integer | ShapeKind::Long | ShapeKind::Short | ShapeKind::Byte => {
                let r = schema::range(member, shape);
                let (v, what) = match rng.below(4) {
                    0 if r.min.is_some() => (r.min? - 1.0, "below min"),
                    1 if r.min.is_some() => (r.min? - 1000.0, "far below min"),
                    2 if r.max.is_some() => (r.max? + 1.0, "above max"),
                    3 => (r.min.or(r.max).unwrap_or(0.0), "exactly at a bound"),
                    _ => return None,
                };
                *slot = int_value(v);
                Some(format!("{what} ({})", slot))
            }
            ShapeKind::Float | ShapeKind::Double => {
                let r = schema::range(member, shape);
                let (v, what) = match rng.below(4) {
                    0 if r.min.is_some() => (json!(r.min? - 0.25), "below min"),
                    1 if r.max.is_some() => (json!(r.max? + 0.25), "above max"),
                    2 => (json!(r.min.unwrap_or(0.0)), "exactly min"),
                    3 => (json!(r.min.unwrap_or(0.0).ceil() as i64 + 1), "an integer"),
                    _ => return None,
                };
                *slot = v;
                Some(format!("{what} ({})", slot))
            }
            _ => None,
        }
    }
}

/// Replaces `slot` with a JSON value of another type than `kind` takes. Booleans are never put where
/// a number belongs: botocore takes Python's `bool` as an `int` (a subclass), which no JSON client
/// means; integers in a float member are valid on both sides, so they are a mutation of their own.
fn wrong_type(rng: &mut Rng, kind: &ShapeKind, slot: &mut Value) -> String {
    let candidates = [
        json!("text"),
        json!(7),
        json!(2.0),
        json!(2.5),
        json!([]),
        json!(["x"]),
        json!({}),
        json!({"A": 1}),
        json!(true),
    ];
    let fits = |v: &Value| match kind {
        ShapeKind::String | ShapeKind::Enum(_) => v.is_string(),
        ShapeKind::Integer | ShapeKind::Long | ShapeKind::Short | ShapeKind::Byte => {
            v.is_i64() || v.is_boolean()
        }
        ShapeKind::Float | ShapeKind::Double => v.is_number() || v.is_boolean(),
        ShapeKind::Boolean => v.is_boolean(),
        ShapeKind::List(_) => v.is_array(),
        ShapeKind::Structure(_) | ShapeKind::Union(_) => v.is_object(),
        _ => true,
    };
    let wrong: Vec<&Value> = candidates.iter().filter(|v| !fits(v)).collect();
    let v = (*rng.pick(&wrong)).clone();
    let what = format!("wrong type {v}");
    *slot = v;
    what
}

fn get_mut<'v>(mut v: &'v mut Value, path: &[Seg]) -> Option<&'v mut Value> {
    for seg in path {
        v = match seg {
            Seg::Key(k) => v.as_object_mut()?.get_mut(k)?,
            Seg::Index(i) => v.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(v)
}

/// `ProductionVariants[0].InstanceType`, `(root)` for the request itself.
fn show(path: &[Seg]) -> String {
    let mut s = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) if s.is_empty() => s.push_str(k),
            Seg::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Seg::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    if s.is_empty() {
        "(root)".into()
    } else {
        s
    }
}
