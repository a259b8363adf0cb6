//! Evaluation: parameters bound (given values, built-ins, defaults, required checks), then the
//! rules tried in order, each rule's conditions evaluated left to right (binding `assign`ed
//! results for the conditions and rules after them), until an endpoint or an error rule is reached.

use super::ruleset::{EndpointTemplate, Expr, Func, ParamType, PathPart, Rule, RuleKind, RuleSet};
use super::template::{Part, Template};
use super::value::Value;
use super::{aws, functions, partitions, Endpoint, Error, Params};

/// The variables in scope: the parameters, then every `assign` of the conditions on the path
/// being tried (the innermost last, so it is found first).
struct Scope<'a> {
    vars: Vec<(&'a str, Value)>,
}

impl Scope<'_> {
    fn lookup(&self, name: &str) -> Result<&Value, Error> {
        self.vars
            .iter()
            .rev()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v)
            .ok_or_else(|| Error::Evaluation(format!("reference to undefined `{name}`")))
    }
}

pub(crate) fn resolve(rules: &RuleSet, params: &Params) -> Result<Endpoint, Error> {
    let mut scope = Scope {
        vars: Vec::with_capacity(rules.parameters.len() + 8),
    };
    for p in &rules.parameters {
        let given = params
            .get(&p.name)
            .or_else(|| p.built_in.as_deref().and_then(|b| params.get_built_in(b)))
            .filter(|v| **v != Value::None);
        let value = match given {
            Some(v) => {
                check_type(&p.name, p.kind, v)?;
                v.clone()
            }
            None => p.default.clone().unwrap_or_default(),
        };
        if p.required && value == Value::None {
            return Err(Error::MissingParameter(p.name.clone()));
        }
        scope.vars.push((&p.name, value));
    }
    match eval_rules(&rules.rules, &mut scope)? {
        Some(endpoint) => Ok(endpoint),
        None => Err(Error::NoRuleMatched),
    }
}

fn check_type(name: &str, kind: ParamType, value: &Value) -> Result<(), Error> {
    let ok = match (kind, value) {
        (ParamType::String, Value::String(_)) | (ParamType::Boolean, Value::Bool(_)) => true,
        (ParamType::StringArray, Value::Array(items)) => {
            items.iter().all(|i| matches!(i, Value::String(_)))
        }
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: name.to_owned(),
            message: format!("expected {kind:?}, got {}", value.type_name()),
        })
    }
}

/// Tries the rules in order: `Some` endpoint, an error rule's `Err`, or `None` when no rule's
/// conditions hold. A tree whose conditions hold but none of whose rules match is an error
/// (tree rules are terminal).
fn eval_rules<'a>(rules: &'a [Rule], scope: &mut Scope<'a>) -> Result<Option<Endpoint>, Error> {
    for rule in rules {
        let mark = scope.vars.len();
        let outcome = eval_rule(rule, scope);
        scope.vars.truncate(mark);
        if let Some(result) = outcome? {
            return Ok(Some(result));
        }
    }
    Ok(None)
}

fn eval_rule<'a>(rule: &'a Rule, scope: &mut Scope<'a>) -> Result<Option<Endpoint>, Error> {
    for condition in &rule.conditions {
        let value = eval(&condition.expr, scope)?;
        if !value.is_truthy() {
            return Ok(None);
        }
        if let Some(name) = &condition.assign {
            scope.vars.push((name, value));
        }
    }
    match &rule.kind {
        RuleKind::Endpoint(template) => build_endpoint(template, scope).map(Some),
        RuleKind::Error(message) => match eval(message, scope)? {
            Value::String(message) => Err(Error::Rule(message)),
            other => Err(Error::Rule(other.to_string())),
        },
        RuleKind::Tree(rules) => match eval_rules(rules, scope)? {
            Some(endpoint) => Ok(Some(endpoint)),
            None => Err(Error::NoRuleMatched),
        },
    }
}

fn build_endpoint(template: &EndpointTemplate, scope: &Scope<'_>) -> Result<Endpoint, Error> {
    let url = match eval(&template.url, scope)? {
        Value::String(url) => url,
        other => {
            return Err(Error::Evaluation(format!(
                "endpoint URL is {}, not a string",
                other.type_name()
            )))
        }
    };
    let mut headers = Vec::with_capacity(template.headers.len());
    for (name, values) in &template.headers {
        let values = values
            .iter()
            .map(|v| match eval(v, scope)? {
                Value::String(s) => Ok(s),
                other => Err(Error::Evaluation(format!(
                    "header `{name}` value is {}, not a string",
                    other.type_name()
                ))),
            })
            .collect::<Result<_, _>>()?;
        headers.push((name.clone(), values));
    }
    let mut properties = serde_json::Map::new();
    for (name, value) in &template.properties {
        properties.insert(name.clone(), eval(value, scope)?.to_json());
    }
    Ok(Endpoint {
        url,
        headers,
        properties,
    })
}

fn eval(expr: &Expr, scope: &Scope<'_>) -> Result<Value, Error> {
    Ok(match expr {
        Expr::Literal(v) => v.clone(),
        Expr::Template(t) => Value::String(render(t, scope)?),
        Expr::Ref(name) => scope.lookup(name)?.clone(),
        Expr::GetAttr(target, path) => attr(&eval(target, scope)?, path)
            .cloned()
            .unwrap_or_default(),
        Expr::Array(items) => Value::Array(
            items
                .iter()
                .map(|i| eval(i, scope))
                .collect::<Result<_, _>>()?,
        ),
        Expr::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), eval(v, scope)?)))
                .collect::<Result<_, Error>>()?,
        ),
        Expr::Call(func, args) => {
            let args = args
                .iter()
                .map(|a| eval(a, scope))
                .collect::<Result<Vec<_>, _>>()?;
            call(*func, &args)
        }
    })
}

fn attr<'v>(value: &'v Value, path: &[PathPart]) -> Option<&'v Value> {
    path.iter().try_fold(value, |v, part| match (part, v) {
        (PathPart::Key(k), v) => v.get(k),
        (PathPart::Index(i), Value::Array(items)) => items.get(*i),
        _ => None,
    })
}

fn render(template: &Template, scope: &Scope<'_>) -> Result<String, Error> {
    let mut out = String::new();
    for part in &template.parts {
        match part {
            Part::Text(t) => out.push_str(t),
            Part::Hole(name, path) => match attr(scope.lookup(name)?, path) {
                Some(Value::String(s)) => out.push_str(s),
                Some(v @ (Value::Bool(_) | Value::Integer(_))) => out.push_str(&v.to_string()),
                other => {
                    return Err(Error::Evaluation(format!(
                        "template hole `{name}` is {}, not a string",
                        other.map_or("missing", Value::type_name)
                    )))
                }
            },
        }
    }
    Ok(out)
}

/// Applies a function to its evaluated arguments (the parser checked the arity). An argument of
/// the wrong type, or unset, gives "no value" rather than an error.
fn call(func: Func, args: &[Value]) -> Value {
    let str_arg = |i: usize| args.get(i).and_then(Value::as_str);
    let bool_arg = |i: usize| args.get(i).and_then(Value::as_bool);
    match func {
        Func::BooleanEquals | Func::StringEquals => Value::Bool(args.first() == args.get(1)),
        Func::IsSet => Value::Bool(args.first().is_some_and(|v| *v != Value::None)),
        Func::Not => Value::Bool(!args.first().is_some_and(Value::is_truthy)),
        Func::ParseUrl => str_arg(0).map_or(Value::None, functions::parse_url),
        Func::UriEncode => str_arg(0).map_or(Value::None, |s| functions::uri_encode(s).into()),
        Func::Partition => str_arg(0).map_or(Value::None, partitions::partition),
        Func::ParseArn => str_arg(0).map_or(Value::None, aws::parse_arn),
        Func::Substring => match (str_arg(0), args.get(1), args.get(2), bool_arg(3)) {
            (Some(s), Some(Value::Integer(start)), Some(Value::Integer(stop)), Some(reverse)) => {
                functions::substring(s, *start, *stop, reverse)
            }
            _ => Value::None,
        },
        Func::IsValidHostLabel => match (str_arg(0), bool_arg(1)) {
            (Some(s), Some(sub)) => functions::is_valid_host_label(s, sub).into(),
            _ => Value::None,
        },
        Func::IsVirtualHostableS3Bucket => match (str_arg(0), bool_arg(1)) {
            (Some(s), Some(sub)) => aws::is_virtual_hostable_s3_bucket(s, sub).into(),
            _ => Value::None,
        },
    }
}
