//! The parse-time scope check: every `{"ref": ...}` and template hole names a parameter or a
//! variable `assign`ed by an earlier condition of the same rule or of an enclosing tree rule, so a
//! rule set that parses never refers to an undefined name at resolution time.

use super::ruleset::{Expr, Rule, RuleKind};
use super::template::Part;
use super::Error;

/// Checks the rules with the parameters' names in scope.
pub(crate) fn check(rules: &[Rule], parameters: &[&str]) -> Result<(), Error> {
    let mut names: Vec<&str> = parameters.to_vec();
    check_rules(rules, &mut names, "rules")
}

fn check_rules<'a>(rules: &'a [Rule], names: &mut Vec<&'a str>, path: &str) -> Result<(), Error> {
    for (i, rule) in rules.iter().enumerate() {
        let path = format!("{path}[{i}]");
        let mark = names.len();
        for (c, condition) in rule.conditions.iter().enumerate() {
            check_expr(&condition.expr, names, &format!("{path}.conditions[{c}]"))?;
            if let Some(name) = &condition.assign {
                if names.contains(&name.as_str()) {
                    return Err(Error::InvalidRuleSet(format!(
                        "{path}.conditions[{c}]: `assign` rebinds `{name}`, already in scope"
                    )));
                }
                names.push(name);
            }
        }
        match &rule.kind {
            RuleKind::Endpoint(e) => {
                check_expr(&e.url, names, &format!("{path}.endpoint.url"))?;
                for (name, values) in &e.headers {
                    for v in values {
                        check_expr(v, names, &format!("{path}.endpoint.headers.{name}"))?;
                    }
                }
                for (name, v) in &e.properties {
                    check_expr(v, names, &format!("{path}.endpoint.properties.{name}"))?;
                }
            }
            RuleKind::Error(message) => check_expr(message, names, &format!("{path}.error"))?,
            RuleKind::Tree(sub) => check_rules(sub, names, &format!("{path}.rules"))?,
        }
        names.truncate(mark);
    }
    Ok(())
}

fn check_expr(expr: &Expr, names: &[&str], path: &str) -> Result<(), Error> {
    let known = |name: &str| {
        if names.contains(&name) {
            Ok(())
        } else {
            Err(Error::InvalidRuleSet(format!(
                "{path}: `{name}` is neither a parameter nor assigned before"
            )))
        }
    };
    match expr {
        Expr::Literal(_) => Ok(()),
        Expr::Ref(name) => known(name),
        Expr::Template(t) => t.parts.iter().try_for_each(|p| match p {
            Part::Text(_) => Ok(()),
            Part::Hole(name, _) => known(name),
        }),
        Expr::GetAttr(target, _) => check_expr(target, names, path),
        Expr::Call(_, args) | Expr::Array(args) => {
            args.iter().try_for_each(|a| check_expr(a, names, path))
        }
        Expr::Object(fields) => fields
            .iter()
            .try_for_each(|(_, v)| check_expr(v, names, path)),
    }
}
