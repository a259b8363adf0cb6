//! A structurally valid service model drawn from arbitrary bytes, written as a Smithy JSON AST or as a
//! botocore `service-2.json`, with a hostile or arbitrary string in every place a string can go
//! (shape, member, operation and service names, enum names and values, documentation, patterns,
//! `jsonName`, deprecation messages, error codes, defaults).
//!
//! Shared by the `structured_model` fuzz target (`fuzz/`) and the `hostile_fuzz_regressions` test, so a
//! fuzzer finding replays in `cargo test` from the same bytes.

use arbitrary::{Result, Unstructured};
use serde_json::{json, Map, Value};

/// Strings that try to break out of whatever they are emitted into.
pub const HOSTILE: &[&str] = &[
    "\"",
    "\\",
    "*/",
    "/*",
    "}",
    "{",
    "#'",
    "%",
    "`",
    "```",
    "\n",
    "\r\n",
    "</code>",
    "\n#[cfg(any())]",
    "\"); std::process::exit(1); (\"",
    "`r system('touch /tmp/pwned')`",
    "system(\"rm -rf /\")",
    "\\link{x}",
    "\\Sexpr{system('id')}",
    "\\dontrun{",
    "'",
    "#",
    "//",
    "/// ",
    "//!",
    "r#\"",
    "\"#",
    "${x}",
    "\u{0}",
    "\u{202e}",
    "\u{feff}",
    "é",
    "<b>",
    "<a href=\"javascript:x\">",
    "&lt;",
    "[x](y)",
    "@examples",
    "\\%",
    "\\\\",
    "..",
    "../../x",
    "/etc/passwd",
    "con",
    "a/b",
];

/// Names a generator might keep as identifiers, including keywords and collisions after case changes.
pub const NAMES: &[&str] = &[
    "Foo", "foo", "FOO", "FooBar", "foo_bar", "fooBar", "FOO_BAR", "Foo_Bar", "type", "Type",
    "self", "Self", "crate", "super", "fn", "match", "mod", "ref", "async", "await", "dyn",
    "union", "try", "Option", "Some", "None", "Result", "Ok", "Err", "Box", "Vec", "String",
    "Builder", "Unknown", "std", "core", "alloc", "serde", "_", "__", "a1", "A1", "x", "function",
    "if", "else", "TRUE", "NULL", "NA", "Inf", "NaN", "repeat", "next", "break", "in", "for",
    "while", "T", "F", "list", "c", "paste", "Value", "value", "Values", "Item", "Items", "Error",
    "Errors", "Input", "Output",
];

const SIMPLE: &[&str] = &[
    "string",
    "integer",
    "long",
    "boolean",
    "double",
    "float",
    "blob",
    "timestamp",
    "byte",
    "short",
    "bigInteger",
    "bigDecimal",
    "document",
];

/// One data shape of the spec.
#[derive(Debug, Clone)]
enum Kind {
    Simple(&'static str),
    Enum(Vec<(String, String)>),
    IntEnum(Vec<(String, i64)>),
    List(usize),
    Map(usize),
    Structure(Vec<MemberSpec>),
    Union(Vec<MemberSpec>),
}

#[derive(Debug, Clone)]
struct MemberSpec {
    name: String,
    target: usize,
    required: bool,
    doc: Option<String>,
    json_name: Option<String>,
}

#[derive(Debug, Clone)]
struct ShapeSpec {
    name: String,
    kind: Kind,
    doc: Option<String>,
    pattern: Option<String>,
    length: Option<(u32, u32)>,
    range: Option<(i64, i64)>,
    deprecated: Option<String>,
    error: bool,
}

#[derive(Debug, Clone)]
struct OpSpec {
    name: String,
    input: Option<usize>,
    output: Option<usize>,
    errors: Vec<usize>,
    doc: Option<String>,
}

/// A whole model, ready to be written in either form.
#[derive(Debug, Clone)]
pub struct Spec {
    pub botocore: bool,
    namespace: String,
    service: String,
    sdk_id: String,
    title: String,
    service_doc: Option<String>,
    shapes: Vec<ShapeSpec>,
    ops: Vec<OpSpec>,
}

/// A string for any slot: a name, a hostile string, a mix, or arbitrary text.
fn string(u: &mut Unstructured) -> Result<String> {
    Ok(match u.int_in_range(0..=5u8)? {
        0 | 1 => (*u.choose(NAMES)?).to_string(),
        2 => (*u.choose(HOSTILE)?).to_string(),
        3 => format!(
            "{}{}{}",
            u.choose(NAMES)?,
            u.choose(HOSTILE)?,
            u.choose(NAMES)?
        ),
        4 => {
            let n = u.int_in_range(0..=300usize)?;
            let c = *u.choose(&['a', 'Z', '.', '-', '_', '\u{e9}'])?;
            c.to_string().repeat(n)
        }
        _ => u.arbitrary::<String>()?,
    })
}

/// A name: mostly identifier-like, sometimes anything at all.
fn name(u: &mut Unstructured) -> Result<String> {
    if u.ratio(3u8, 4)? {
        let base = *u.choose(NAMES)?;
        Ok(if u.ratio(1u8, 3)? {
            format!("{base}{}", u.int_in_range(0..=99u8)?)
        } else {
            base.to_string()
        })
    } else {
        string(u)
    }
}

fn opt_string(u: &mut Unstructured) -> Result<Option<String>> {
    Ok(if u.ratio(1u8, 2)? {
        Some(string(u)?)
    } else {
        None
    })
}

impl Spec {
    /// Draw a spec from bytes (never fails: running out of bytes gives defaults).
    pub fn from_bytes(data: &[u8]) -> Spec {
        let mut u = Unstructured::new(data);
        Spec::draw(&mut u).unwrap_or_else(|_| Spec::draw(&mut Unstructured::new(&[])).unwrap())
    }

    fn draw(u: &mut Unstructured) -> Result<Spec> {
        let botocore = u.arbitrary::<bool>()?;
        let namespace = if u.ratio(3u8, 4)? {
            "com.example".to_string()
        } else {
            string(u)?
        };
        let service = name(u)?;
        let sdk_id = string(u)?;
        let title = string(u)?;
        let service_doc = opt_string(u)?;
        let n = u.int_in_range(1..=12usize)?;
        let mut shapes = Vec::with_capacity(n);
        for _ in 0..n {
            let kind = match u.int_in_range(0..=7u8)? {
                0 | 1 => Kind::Simple(u.choose(SIMPLE)?),
                2 => {
                    let k = u.int_in_range(1..=4usize)?;
                    let mut v = Vec::new();
                    for _ in 0..k {
                        v.push((name(u)?, string(u)?));
                    }
                    Kind::Enum(v)
                }
                3 => {
                    let k = u.int_in_range(1..=3usize)?;
                    let mut v = Vec::new();
                    for _ in 0..k {
                        v.push((name(u)?, u.arbitrary::<i64>()?));
                    }
                    Kind::IntEnum(v)
                }
                4 => Kind::List(u.int_in_range(0..=n - 1)?),
                5 => Kind::Map(u.int_in_range(0..=n - 1)?),
                6 => Kind::Union(members(u, n)?),
                _ => Kind::Structure(members(u, n)?),
            };
            shapes.push(ShapeSpec {
                name: name(u)?,
                kind,
                doc: opt_string(u)?,
                pattern: if u.ratio(1u8, 4)? {
                    Some(string(u)?)
                } else {
                    None
                },
                length: if u.ratio(1u8, 4)? {
                    Some((u.arbitrary()?, u.arbitrary()?))
                } else {
                    None
                },
                range: if u.ratio(1u8, 4)? {
                    Some((u.arbitrary()?, u.arbitrary()?))
                } else {
                    None
                },
                deprecated: if u.ratio(1u8, 6)? {
                    Some(string(u)?)
                } else {
                    None
                },
                error: u.ratio(1u8, 6)?,
            });
        }
        let k = u.int_in_range(1..=3usize)?;
        let mut ops = Vec::new();
        for _ in 0..k {
            let pick = |u: &mut Unstructured| -> Result<Option<usize>> {
                Ok(if u.ratio(4u8, 5)? {
                    Some(u.int_in_range(0..=n - 1)?)
                } else {
                    None
                })
            };
            let input = pick(u)?;
            let output = pick(u)?;
            let errors = pick(u)?.into_iter().collect();
            ops.push(OpSpec {
                name: name(u)?,
                input,
                output,
                errors,
                doc: opt_string(u)?,
            });
        }
        Ok(Spec {
            botocore,
            namespace,
            service,
            sdk_id,
            title,
            service_doc,
            shapes,
            ops,
        })
    }

    /// The model as JSON in the spec's form.
    pub fn to_json(&self) -> Value {
        if self.botocore {
            self.botocore_json()
        } else {
            self.smithy_json()
        }
    }

    fn abs(&self, i: usize) -> String {
        format!("{}#{}", self.namespace, self.shapes[i].name)
    }

    fn smithy_json(&self) -> Value {
        let mut shapes = Map::new();
        let mut svc = json!({
            "type": "service",
            "version": "2020-01-01",
            "operations": self.ops.iter().map(|o| json!({"target": format!("{}#{}", self.namespace, o.name)})).collect::<Vec<_>>(),
            "traits": {
                "aws.api#service": { "sdkId": self.sdk_id },
                "smithy.api#title": self.title,
                "aws.protocols#awsJson1_1": {}
            }
        });
        if let Some(d) = &self.service_doc {
            svc["traits"]["smithy.api#documentation"] = json!(d);
        }
        shapes.insert(format!("{}#{}", self.namespace, self.service), svc);
        for op in &self.ops {
            let mut v = json!({ "type": "operation" });
            if let Some(i) = op.input {
                v["input"] = json!({ "target": self.abs(i) });
            }
            if let Some(i) = op.output {
                v["output"] = json!({ "target": self.abs(i) });
            }
            v["errors"] = json!(op
                .errors
                .iter()
                .map(|e| json!({ "target": self.abs(*e) }))
                .collect::<Vec<_>>());
            if let Some(d) = &op.doc {
                v["traits"] = json!({ "smithy.api#documentation": d });
            }
            shapes.insert(format!("{}#{}", self.namespace, op.name), v);
        }
        for (i, s) in self.shapes.iter().enumerate() {
            let mut traits = Map::new();
            if let Some(d) = &s.doc {
                traits.insert("smithy.api#documentation".into(), json!(d));
            }
            if let Some(p) = &s.pattern {
                traits.insert("smithy.api#pattern".into(), json!(p));
            }
            if let Some((a, b)) = s.length {
                traits.insert("smithy.api#length".into(), json!({"min": a, "max": b}));
            }
            if let Some((a, b)) = s.range {
                traits.insert("smithy.api#range".into(), json!({"min": a, "max": b}));
            }
            if let Some(m) = &s.deprecated {
                traits.insert("smithy.api#deprecated".into(), json!({ "message": m }));
            }
            let mut v = match &s.kind {
                Kind::Simple(t) => json!({ "type": t }),
                Kind::Enum(values) => {
                    let mut m = Map::new();
                    for (n, val) in values {
                        m.insert(
                            n.clone(),
                            json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": val}}),
                        );
                    }
                    json!({ "type": "enum", "members": m })
                }
                Kind::IntEnum(values) => {
                    let mut m = Map::new();
                    for (n, val) in values {
                        m.insert(
                            n.clone(),
                            json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": val}}),
                        );
                    }
                    json!({ "type": "intEnum", "members": m })
                }
                Kind::List(t) => json!({ "type": "list", "member": { "target": self.abs(*t) } }),
                Kind::Map(t) => json!({
                    "type": "map",
                    "key": { "target": "smithy.api#String" },
                    "value": { "target": self.abs(*t) }
                }),
                Kind::Structure(ms) | Kind::Union(ms) => {
                    let mut m = Map::new();
                    for mem in ms {
                        let mut mt = Map::new();
                        if mem.required {
                            mt.insert("smithy.api#required".into(), json!({}));
                        }
                        if let Some(d) = &mem.doc {
                            mt.insert("smithy.api#documentation".into(), json!(d));
                        }
                        if let Some(j) = &mem.json_name {
                            mt.insert("smithy.api#jsonName".into(), json!(j));
                        }
                        m.insert(
                            mem.name.clone(),
                            json!({ "target": self.abs(mem.target), "traits": mt }),
                        );
                    }
                    let ty = if matches!(s.kind, Kind::Union(_)) {
                        "union"
                    } else {
                        "structure"
                    };
                    if s.error && ty == "structure" {
                        traits.insert("smithy.api#error".into(), json!("client"));
                    }
                    json!({ "type": ty, "members": m })
                }
            };
            v["traits"] = Value::Object(traits);
            shapes.insert(self.abs(i), v);
        }
        json!({ "smithy": "2.0", "shapes": shapes })
    }

    fn botocore_json(&self) -> Value {
        let mut shapes = Map::new();
        for s in &self.shapes {
            let mut v = match &s.kind {
                Kind::Simple(t) => {
                    let t = match *t {
                        "bigInteger" | "bigDecimal" | "document" | "byte" | "short" => "string",
                        other => other,
                    };
                    json!({ "type": t })
                }
                Kind::Enum(values) => json!({
                    "type": "string",
                    "enum": values.iter().map(|(_, v)| v).collect::<Vec<_>>()
                }),
                Kind::IntEnum(_) => json!({ "type": "integer" }),
                Kind::List(t) => {
                    json!({ "type": "list", "member": { "shape": self.shapes[*t].name } })
                }
                Kind::Map(t) => {
                    json!({ "type": "map", "key": { "shape": "String" }, "value": { "shape": self.shapes[*t].name } })
                }
                Kind::Structure(ms) | Kind::Union(ms) => {
                    let mut m = Map::new();
                    let mut required = Vec::new();
                    for mem in ms {
                        let mut mv = json!({ "shape": self.shapes[mem.target].name });
                        if let Some(d) = &mem.doc {
                            mv["documentation"] = json!(d);
                        }
                        if let Some(j) = &mem.json_name {
                            mv["locationName"] = json!(j);
                        }
                        if mem.required {
                            required.push(mem.name.clone());
                        }
                        m.insert(mem.name.clone(), mv);
                    }
                    let mut v = json!({ "type": "structure", "members": m, "required": required });
                    if matches!(s.kind, Kind::Union(_)) {
                        v["union"] = json!(true);
                    }
                    if s.error {
                        v["exception"] = json!(true);
                        v["error"] =
                            json!({ "code": s.name, "httpStatusCode": 400, "senderFault": true });
                    }
                    v
                }
            };
            if let Some(d) = &s.doc {
                v["documentation"] = json!(d);
            }
            if let Some(p) = &s.pattern {
                v["pattern"] = json!(p);
            }
            if let Some((a, b)) = s.length {
                v["min"] = json!(a);
                v["max"] = json!(b);
            } else if let Some((a, b)) = s.range {
                v["min"] = json!(a);
                v["max"] = json!(b);
            }
            if let Some(m) = &s.deprecated {
                v["deprecated"] = json!(true);
                v["deprecatedMessage"] = json!(m);
            }
            shapes.insert(s.name.clone(), v);
        }
        shapes
            .entry("String".to_string())
            .or_insert(json!({ "type": "string" }));
        let mut ops = Map::new();
        for op in &self.ops {
            let mut v = json!({
                "name": op.name,
                "http": { "method": "POST", "requestUri": "/" }
            });
            if let Some(i) = op.input {
                v["input"] = json!({ "shape": self.shapes[i].name });
            }
            if let Some(i) = op.output {
                v["output"] = json!({ "shape": self.shapes[i].name });
            }
            v["errors"] = json!(op
                .errors
                .iter()
                .map(|e| json!({ "shape": self.shapes[*e].name }))
                .collect::<Vec<_>>());
            if let Some(d) = &op.doc {
                v["documentation"] = json!(d);
            }
            ops.insert(op.name.clone(), v);
        }
        let mut root = json!({
            "version": "2.0",
            "metadata": {
                "apiVersion": "2020-01-01",
                "endpointPrefix": self.namespace,
                "jsonVersion": "1.1",
                "protocol": "json",
                "serviceFullName": self.title,
                "serviceId": self.sdk_id,
                "signatureVersion": "v4",
                "targetPrefix": self.service,
                "uid": "x-2020-01-01"
            },
            "operations": ops,
            "shapes": shapes
        });
        if let Some(d) = &self.service_doc {
            root["documentation"] = json!(d);
        }
        root
    }
}

fn members(u: &mut Unstructured, n: usize) -> Result<Vec<MemberSpec>> {
    let k = u.int_in_range(0..=5usize)?;
    let mut out = Vec::new();
    for _ in 0..k {
        out.push(MemberSpec {
            name: name(u)?,
            target: u.int_in_range(0..=n - 1)?,
            required: u.arbitrary()?,
            doc: opt_string(u)?,
            json_name: if u.ratio(1u8, 5)? {
                Some(string(u)?)
            } else {
                None
            },
        });
    }
    Ok(out)
}
