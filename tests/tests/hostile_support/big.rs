//! Synthetic models at the limits: deep reference chains, deep mixin and resource chains, a structure
//! with very many members, a huge documentation string, a model of tens of megabytes. Written as JSON
//! text directly (building a `serde_json::Value` of that size first would double the memory).

use std::fmt::Write;

/// A Smithy 2.0 model with one service and one operation whose input is `first`, and `shapes` as
/// already-written `"id": {...}` entries.
fn smithy(extra_service: &str, first: &str, shapes: &str) -> String {
    format!(
        r#"{{"smithy":"2.0","shapes":{{"com.example#Svc":{{"type":"service","version":"1","operations":[{{"target":"com.example#Op"}}]{extra_service},"traits":{{"aws.protocols#awsJson1_1":{{}},"aws.api#service":{{"sdkId":"Big"}}}}}},"com.example#Op":{{"type":"operation","input":{{"target":"com.example#{first}"}}}}{shapes}}}}}"#
    )
}

/// `A1 -> A2 -> ... -> An` (each a structure with one optional member `next`); `An` points back to
/// `A1` when `cycle`, making one member cycle of length `n`.
pub fn deep_chain(n: usize, cycle: bool) -> String {
    let mut s = String::new();
    for i in 1..=n {
        let next = if i < n {
            format!("A{}", i + 1)
        } else if cycle {
            "A1".to_string()
        } else {
            "Leaf".to_string()
        };
        let _ = write!(
            s,
            r#","com.example#A{i}":{{"type":"structure","members":{{"next":{{"target":"com.example#{next}"}}}}}}"#
        );
    }
    s.push_str(r#","com.example#Leaf":{"type":"string"}"#);
    smithy("", "A1", &s)
}

/// The same chain in botocore form.
pub fn deep_chain_botocore(n: usize, cycle: bool) -> String {
    let mut s = String::from(r#"{"Leaf":{"type":"string"}"#);
    for i in 1..=n {
        let next = if i < n {
            format!("A{}", i + 1)
        } else if cycle {
            "A1".to_string()
        } else {
            "Leaf".to_string()
        };
        let _ = write!(
            s,
            r#","A{i}":{{"type":"structure","members":{{"next":{{"shape":"{next}"}}}}}}"#
        );
    }
    s.push('}');
    format!(
        r#"{{"version":"2.0","metadata":{{"apiVersion":"2020-01-01","endpointPrefix":"big","jsonVersion":"1.1","protocol":"json","serviceFullName":"Big","serviceId":"Big","signatureVersion":"v4","targetPrefix":"Big","uid":"big-2020-01-01"}},"operations":{{"Op":{{"name":"Op","http":{{"method":"POST","requestUri":"/"}},"input":{{"shape":"A1"}}}}}},"shapes":{s}}}"#
    )
}

/// `M1` uses mixin `M2`, which uses `M3`, ... `Mn`. With `each_adds`, every shape of the chain adds a
/// member (so the flattened model holds n(n+1)/2 members); otherwise only `Mn` has one.
pub fn deep_mixins(n: usize, each_adds: bool) -> String {
    let mut s = String::new();
    for i in 1..=n {
        let mixins = if i < n {
            format!(r#","mixins":[{{"target":"com.example#M{}"}}]"#, i + 1)
        } else {
            String::new()
        };
        let mixin_trait = if i > 1 {
            r#","traits":{"smithy.api#mixin":{}}"#
        } else {
            ""
        };
        let members = if each_adds || i == n {
            format!(r#"{{"m{i}":{{"target":"smithy.api#String"}}}}"#)
        } else {
            "{}".to_string()
        };
        let _ = write!(
            s,
            r#","com.example#M{i}":{{"type":"structure","members":{members}{mixins}{mixin_trait}}}"#
        );
    }
    smithy("", "M1", &s)
}

/// The service binds resource `R1`, which binds `R2`, ... `Rn`; `Rn` binds the operation.
pub fn deep_resources(n: usize) -> String {
    let mut s = String::from(r#","com.example#In":{"type":"structure","members":{}}"#);
    for i in 1..=n {
        let inner = if i < n {
            format!(r#""resources":[{{"target":"com.example#R{}"}}]"#, i + 1)
        } else {
            r#""operations":[{"target":"com.example#Op"}]"#.to_string()
        };
        let _ = write!(s, r#","com.example#R{i}":{{"type":"resource",{inner}}}"#);
    }
    smithy(r#","resources":[{"target":"com.example#R1"}]"#, "In", &s)
}

/// One structure with `n` optional string members `m0 .. m{n-1}`.
pub fn many_members(n: usize) -> String {
    let mut m = String::new();
    for i in 0..n {
        if i > 0 {
            m.push(',');
        }
        let _ = write!(m, r#""m{i}":{{"target":"smithy.api#String"}}"#);
    }
    let s = format!(r#","com.example#Wide":{{"type":"structure","members":{{{m}}}}}"#);
    smithy("", "Wide", &s)
}

/// A structure whose documentation (and one member's) is `bytes` long: HTML paragraphs, nested
/// inline markup and characters every target escapes.
pub fn huge_doc(bytes: usize) -> String {
    let unit =
        "<p>Some <b>bold <i>and</i></b> text with % and {braces} and \\\\ and `ticks` */ #' </p>";
    let mut doc = String::with_capacity(bytes + unit.len());
    while doc.len() < bytes {
        doc.push_str(unit);
    }
    let s = format!(
        r#","com.example#Doc":{{"type":"structure","members":{{"x":{{"target":"smithy.api#String","traits":{{"smithy.api#documentation":"{doc}"}}}}}},"traits":{{"smithy.api#documentation":"{doc}"}}}}"#
    );
    smithy("", "Doc", &s)
}

/// About 4 KB of documentation HTML, repeated on every operation of [`big_model`].
const PROSE: &str = concat!(
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<ul><li><p>First item, with <i>emphasis</i> and 100% of the usual {braces}.</p></li>",
    "<li><p>Second item: <code>a \\\\ b</code> and `ticks`.</p></li></ul>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
    "<p>This operation does one thing, and it does it with a <code>Name</code> and a <b>Kind</b>. ",
    "It is described at length so that the model is large the way real models are large: in prose. ",
    "See <a href=\\\"https://example.com/docs\\\">the guide</a> for details, and the list below.</p>",
);

/// About `bytes` of model: many operations, each documented at length, with an input structure of a
/// few documented members and an enum.
pub fn big_model(bytes: usize) -> String {
    let mut s = String::new();
    let mut ops = String::new();
    let mut i = 0usize;
    while s.len() < bytes {
        if i > 0 {
            ops.push(',');
        }
        let _ = write!(ops, r#"{{"target":"com.example#Op{i}"}}"#);
        let _ = write!(
            s,
            r#","com.example#Op{i}":{{"type":"operation","input":{{"target":"com.example#In{i}"}},"output":{{"target":"com.example#In{i}"}},"traits":{{"smithy.api#documentation":"<p>Operation number {i}.</p>{PROSE}"}}}}"#
        );
        let _ = write!(
            s,
            r#","com.example#In{i}":{{"type":"structure","members":{{"Name":{{"target":"smithy.api#String","traits":{{"smithy.api#required":{{}},"smithy.api#documentation":"<p>The name of the thing, unique within the account and region.</p>"}}}},"Kind":{{"target":"com.example#Kind{i}"}},"Count":{{"target":"smithy.api#Integer","traits":{{"smithy.api#range":{{"min":1,"max":100}}}}}}}}}}"#
        );
        let _ = write!(
            s,
            r#","com.example#Kind{i}":{{"type":"enum","members":{{"A":{{"target":"smithy.api#Unit","traits":{{"smithy.api#enumValue":"a-{i}"}}}},"B":{{"target":"smithy.api#Unit","traits":{{"smithy.api#enumValue":"b-{i}"}}}}}}}}"#
        );
        i += 1;
    }
    format!(
        r#"{{"smithy":"2.0","shapes":{{"com.example#Svc":{{"type":"service","version":"1","operations":[{ops}],"traits":{{"aws.protocols#awsJson1_1":{{}},"aws.api#service":{{"sdkId":"Big"}}}}}}{s}}}}}"#
    )
}
