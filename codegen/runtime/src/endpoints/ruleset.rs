//! A rule set's types and their parsing from the `smithy.rules#endpointRuleSet` JSON (the same
//! document botocore ships as `endpoint-rule-set-1.json`). Parsing checks everything evaluation
//! relies on (known functions and their arity, well-formed templates and attribute paths, rule and
//! parameter shapes, and, in `scope`, that every reference names something in scope); what is left
//! for resolution time are values of the wrong type (an endpoint URL that is not a string, ...).

use super::template::{parse_path, Template};
use super::value::Value;
use super::Error;
use serde_json::{Map, Value as Json};

/// Deeper nesting than this is refused (the corpus's deepest rule tree is far shallower), so no
/// hostile rule set can exhaust the stack during parsing or evaluation.
const MAX_DEPTH: usize = 64;

/// A parsed endpoint rule set: parse it once, then [`RuleSet::resolve`] per request.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub(crate) parameters: Vec<Parameter>,
    pub(crate) rules: Vec<Rule>,
}

/// One declared parameter of a rule set.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub kind: ParamType,
    /// The built-in that fills it (`AWS::Region`, `SDK::Endpoint`, ...), if any.
    pub built_in: Option<String>,
    pub required: bool,
    pub default: Option<Value>,
}

/// A parameter's declared type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Boolean,
    StringArray,
}

#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub conditions: Vec<Condition>,
    pub kind: RuleKind,
}

#[derive(Debug, Clone)]
pub(crate) enum RuleKind {
    Endpoint(EndpointTemplate),
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Debug, Clone)]
pub(crate) struct EndpointTemplate {
    pub url: Expr,
    pub headers: Vec<(String, Vec<Expr>)>,
    pub properties: Vec<(String, Expr)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Condition {
    pub expr: Expr,
    pub assign: Option<String>,
}

/// One step of a `getAttr` path: a record field or an array index.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum PathPart {
    Key(String),
    Index(usize),
}

#[derive(Debug, Clone)]
pub(crate) enum Expr {
    Literal(Value),
    Template(Template),
    Ref(String),
    Call(Func, Vec<Expr>),
    GetAttr(Box<Expr>, Vec<PathPart>),
    Array(Vec<Expr>),
    Object(Vec<(String, Expr)>),
}

/// The functions of the standard and AWS libraries (`getAttr` is [`Expr::GetAttr`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Func {
    BooleanEquals,
    StringEquals,
    IsSet,
    Not,
    ParseUrl,
    Substring,
    UriEncode,
    IsValidHostLabel,
    Partition,
    ParseArn,
    IsVirtualHostableS3Bucket,
}

impl Func {
    fn from_name(name: &str) -> Option<(Func, usize)> {
        Some(match name {
            "booleanEquals" => (Func::BooleanEquals, 2),
            "stringEquals" => (Func::StringEquals, 2),
            "isSet" => (Func::IsSet, 1),
            "not" => (Func::Not, 1),
            "parseURL" => (Func::ParseUrl, 1),
            "substring" => (Func::Substring, 4),
            "uriEncode" => (Func::UriEncode, 1),
            "isValidHostLabel" => (Func::IsValidHostLabel, 2),
            "aws.partition" => (Func::Partition, 1),
            "aws.parseArn" => (Func::ParseArn, 1),
            "aws.isVirtualHostableS3Bucket" => (Func::IsVirtualHostableS3Bucket, 2),
            _ => return None,
        })
    }
}

impl RuleSet {
    /// Parses a rule set from its JSON text.
    pub fn from_json(text: &str) -> Result<RuleSet, Error> {
        let json: Json = serde_json::from_str(text)
            .map_err(|e| Error::InvalidRuleSet(format!("not JSON: {e}")))?;
        RuleSet::from_value(&json)
    }

    /// Parses a rule set from its JSON value (the trait's value in a Smithy model).
    pub fn from_value(json: &Json) -> Result<RuleSet, Error> {
        let root = object(json, "the rule set")?;
        let params = match root.get("parameters") {
            Some(p) => object(p, "parameters")?,
            None => return Err(invalid("the rule set has no `parameters`")),
        };
        let parameters = params
            .iter()
            .map(|(name, p)| parse_parameter(name, p))
            .collect::<Result<Vec<_>, _>>()?;
        let rules = parse_rules(root.get("rules"), "rules", 0)?;
        let names: Vec<&str> = parameters.iter().map(|p| p.name.as_str()).collect();
        super::scope::check(&rules, &names)?;
        Ok(RuleSet { parameters, rules })
    }

    /// The declared parameters, in the model's order.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }
}

fn invalid(message: impl Into<String>) -> Error {
    Error::InvalidRuleSet(message.into())
}

fn object<'a>(json: &'a Json, what: &str) -> Result<&'a Map<String, Json>, Error> {
    json.as_object()
        .ok_or_else(|| invalid(format!("{what}: expected an object")))
}

fn string<'a>(json: Option<&'a Json>, what: &str) -> Result<&'a str, Error> {
    json.and_then(Json::as_str)
        .ok_or_else(|| invalid(format!("{what}: expected a string")))
}

fn parse_parameter(name: &str, json: &Json) -> Result<Parameter, Error> {
    let what = format!("parameter `{name}`");
    let p = object(json, &what)?;
    let kind = match string(p.get("type"), &format!("{what}.type"))? {
        t if t.eq_ignore_ascii_case("string") => ParamType::String,
        t if t.eq_ignore_ascii_case("boolean") => ParamType::Boolean,
        t if t.eq_ignore_ascii_case("stringArray") => ParamType::StringArray,
        other => return Err(invalid(format!("{what}: unknown type `{other}`"))),
    };
    let default = match p.get("default") {
        None | Some(Json::Null) => None,
        Some(d) => Some(
            json_param_value(d, kind)
                .ok_or_else(|| invalid(format!("{what}: default does not match its type")))?,
        ),
    };
    let built_in = match p.get("builtIn") {
        None => None,
        Some(b) => Some(string(Some(b), &format!("{what}.builtIn"))?.to_owned()),
    };
    let required = match p.get("required") {
        None => false,
        Some(r) => r
            .as_bool()
            .ok_or_else(|| invalid(format!("{what}.required: expected a boolean")))?,
    };
    Ok(Parameter {
        name: name.to_owned(),
        kind,
        built_in,
        required,
        default,
    })
}

/// A JSON parameter value (a default, or a test's input) as a [`Value`] of the declared type.
pub(crate) fn json_param_value(json: &Json, kind: ParamType) -> Option<Value> {
    match (kind, json) {
        (ParamType::String, Json::String(s)) => Some(Value::String(s.clone())),
        (ParamType::Boolean, Json::Bool(b)) => Some(Value::Bool(*b)),
        (ParamType::StringArray, Json::Array(items)) => items
            .iter()
            .map(|i| i.as_str().map(|s| Value::String(s.to_owned())))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        _ => None,
    }
}

fn parse_rules(json: Option<&Json>, path: &str, depth: usize) -> Result<Vec<Rule>, Error> {
    let items = json
        .and_then(Json::as_array)
        .ok_or_else(|| invalid(format!("{path}: expected an array of rules")))?;
    items
        .iter()
        .enumerate()
        .map(|(i, r)| parse_rule(r, &format!("{path}[{i}]"), depth + 1))
        .collect()
}

fn parse_rule(json: &Json, path: &str, depth: usize) -> Result<Rule, Error> {
    if depth > MAX_DEPTH {
        return Err(invalid(format!(
            "{path}: rules nested deeper than {MAX_DEPTH}"
        )));
    }
    let r = object(json, path)?;
    let conditions = match r.get("conditions") {
        None => Vec::new(),
        Some(c) => c
            .as_array()
            .ok_or_else(|| invalid(format!("{path}.conditions: expected an array")))?
            .iter()
            .enumerate()
            .map(|(i, c)| parse_condition(c, &format!("{path}.conditions[{i}]")))
            .collect::<Result<_, _>>()?,
    };
    let kind = match string(r.get("type"), &format!("{path}.type"))? {
        "endpoint" => RuleKind::Endpoint(parse_endpoint(r.get("endpoint"), path)?),
        "error" => {
            let message = r
                .get("error")
                .ok_or_else(|| invalid(format!("{path}: no `error`")))?;
            RuleKind::Error(parse_expr(message, &format!("{path}.error"), 0)?)
        }
        "tree" => RuleKind::Tree(parse_rules(
            r.get("rules"),
            &format!("{path}.rules"),
            depth,
        )?),
        other => return Err(invalid(format!("{path}: unknown rule type `{other}`"))),
    };
    Ok(Rule { conditions, kind })
}

fn parse_condition(json: &Json, path: &str) -> Result<Condition, Error> {
    let c = object(json, path)?;
    if !c.contains_key("fn") {
        return Err(invalid(format!(
            "{path}: a condition must be a function call"
        )));
    }
    let expr = parse_expr(json, path, 0)?;
    let assign = match c.get("assign") {
        None => None,
        Some(a) => Some(string(Some(a), &format!("{path}.assign"))?.to_owned()),
    };
    Ok(Condition { expr, assign })
}

fn parse_endpoint(json: Option<&Json>, path: &str) -> Result<EndpointTemplate, Error> {
    let path = format!("{path}.endpoint");
    let e = object(
        json.ok_or_else(|| invalid(format!("{path}: missing")))?,
        &path,
    )?;
    let url = parse_expr(
        e.get("url")
            .ok_or_else(|| invalid(format!("{path}: no `url`")))?,
        &format!("{path}.url"),
        0,
    )?;
    let mut headers = Vec::new();
    if let Some(h) = e.get("headers") {
        for (name, values) in object(h, &format!("{path}.headers"))? {
            let hpath = format!("{path}.headers.{name}");
            let values = values
                .as_array()
                .ok_or_else(|| invalid(format!("{hpath}: expected an array")))?
                .iter()
                .map(|v| parse_expr(v, &hpath, 0))
                .collect::<Result<_, _>>()?;
            headers.push((name.clone(), values));
        }
    }
    let mut properties = Vec::new();
    if let Some(p) = e.get("properties") {
        for (name, value) in object(p, &format!("{path}.properties"))? {
            properties.push((
                name.clone(),
                parse_expr(value, &format!("{path}.properties.{name}"), 0)?,
            ));
        }
    }
    Ok(EndpointTemplate {
        url,
        headers,
        properties,
    })
}

fn parse_expr(json: &Json, path: &str, depth: usize) -> Result<Expr, Error> {
    if depth > MAX_DEPTH {
        return Err(invalid(format!(
            "{path}: expressions nested deeper than {MAX_DEPTH}"
        )));
    }
    Ok(match json {
        Json::String(s) => {
            let t = Template::parse(s).map_err(|e| invalid(format!("{path}: {e}")))?;
            match t.as_literal() {
                Some(text) => Expr::Literal(Value::String(text)),
                None => Expr::Template(t),
            }
        }
        Json::Bool(b) => Expr::Literal(Value::Bool(*b)),
        Json::Number(n) => Expr::Literal(Value::Integer(
            n.as_i64()
                .ok_or_else(|| invalid(format!("{path}: not an integer: {n}")))?,
        )),
        Json::Null => return Err(invalid(format!("{path}: null is not an expression"))),
        Json::Array(items) => Expr::Array(
            items
                .iter()
                .enumerate()
                .map(|(i, v)| parse_expr(v, &format!("{path}[{i}]"), depth + 1))
                .collect::<Result<_, _>>()?,
        ),
        Json::Object(o) => {
            if let Some(name) = o.get("ref") {
                Expr::Ref(string(Some(name), &format!("{path}.ref"))?.to_owned())
            } else if let Some(name) = o.get("fn") {
                parse_call(
                    string(Some(name), &format!("{path}.fn"))?,
                    o.get("argv"),
                    path,
                    depth,
                )?
            } else {
                Expr::Object(
                    o.iter()
                        .map(|(k, v)| {
                            Ok((k.clone(), parse_expr(v, &format!("{path}.{k}"), depth + 1)?))
                        })
                        .collect::<Result<_, Error>>()?,
                )
            }
        }
    })
}

fn parse_call(name: &str, argv: Option<&Json>, path: &str, depth: usize) -> Result<Expr, Error> {
    let argv = argv
        .and_then(Json::as_array)
        .ok_or_else(|| invalid(format!("{path}: `{name}` has no `argv` array")))?;
    let arity = |n: usize| {
        if argv.len() == n {
            Ok(())
        } else {
            Err(invalid(format!(
                "{path}: `{name}` takes {n} arguments, got {}",
                argv.len()
            )))
        }
    };
    if name == "getAttr" {
        arity(2)?;
        let target = parse_expr(&argv[0], &format!("{path}.argv[0]"), depth + 1)?;
        let attr = string(argv.get(1), &format!("{path}.argv[1]"))?;
        let parts = parse_path(attr).map_err(|e| invalid(format!("{path}.argv[1]: {e}")))?;
        return Ok(Expr::GetAttr(Box::new(target), parts));
    }
    let (func, n) = Func::from_name(name)
        .ok_or_else(|| invalid(format!("{path}: unknown function `{name}`")))?;
    arity(n)?;
    let args = argv
        .iter()
        .enumerate()
        .map(|(i, a)| parse_expr(a, &format!("{path}.argv[{i}]"), depth + 1))
        .collect::<Result<_, _>>()?;
    Ok(Expr::Call(func, args))
}
