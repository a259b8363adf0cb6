//! The schema runtime on a hand-written shape (what a generated crate emits): validation paths and
//! details, the JSON codec both ways, and restJson1's HTTP bindings both ways.

use super::decode::{Builder, DecodeError, Decoder, FromWire, Slot};
use super::prelude::{INTEGER, STRING, TIMESTAMP};
use super::value::{AsValue, Struct, Value};
use super::{Binding, Kind, Member, Operation, Protocol, Range, Shape};
use crate::error::Detail;
use crate::primitives::DateTime;

static PATTERN: crate::pattern::Pattern = crate::pattern::Pattern::new("^[a-z]+$", "u");
static NAMES: Shape = Shape::new(
    "Names",
    Kind::List(&Member::new("member", &STRING).length(Some(1), Some(3))),
);
static ITEM: Shape = Shape::new(
    "Item",
    Kind::Structure(&[
        Member::new("Id", &STRING)
            .required()
            .bind(Binding::Label("Id")),
        Member::new("Name", &STRING).pattern(&PATTERN),
        Member::new("Count", &INTEGER).range(Range::Int(Some(0), Some(9))),
        Member::new("Names", &NAMES).length(None, Some(2)),
        Member::new("Since", &TIMESTAMP).bind(Binding::Header("X-Since")),
        Member::new("Tags", &NAMES).bind(Binding::Query("tag")),
    ]),
);

#[derive(Debug, Default, PartialEq)]
struct Item {
    id: Option<String>,
    name: Option<String>,
    count: Option<i32>,
    names: Option<Vec<String>>,
    since: Option<DateTime>,
    tags: Option<Vec<String>>,
}

impl Struct for Item {
    fn schema(&self) -> &'static Shape {
        &ITEM
    }
    fn get(&self, i: usize) -> Value<'_> {
        match i {
            0 => self.id.as_value(),
            1 => self.name.as_value(),
            2 => self.count.as_value(),
            3 => self.names.as_value(),
            4 => self.since.as_value(),
            5 => self.tags.as_value(),
            _ => Value::Absent,
        }
    }
}

impl Builder for Item {
    fn slot(&mut self, i: usize) -> Option<&mut dyn Slot> {
        match i {
            0 => Some(&mut self.id),
            1 => Some(&mut self.name),
            2 => Some(&mut self.count),
            3 => Some(&mut self.names),
            4 => Some(&mut self.since),
            5 => Some(&mut self.tags),
            _ => None,
        }
    }
}

impl FromWire for Item {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self, DecodeError> {
        let mut b = Item::default();
        d.structure(&ITEM, &mut b)?;
        Ok(b)
    }
}

static PUT: Operation = Operation {
    name: "Put",
    protocol: Protocol::RestJson1,
    target: "Svc.Put",
    method: "PUT",
    uri: "/items/{Id}?x=1",
    host_prefix: None,
    query_compatible: false,
};

#[test]
fn every_violation_with_its_path_and_detail() {
    let item = Item {
        name: Some("ABC".into()),
        count: Some(10),
        names: Some(vec!["a".into(), "toolong".into(), "".into()]),
        ..Item::default()
    };
    let err = super::validate(&item).unwrap_err();
    let found: Vec<(String, String)> = err
        .violations()
        .iter()
        .map(|v| (v.path.clone(), format!("{:?}", v.rule)))
        .collect();
    let want = [
        ("Id", "Required"),
        ("Name", "Pattern"),
        ("Count", "Range"),
        ("Names", "Length"),
        ("Names[1]", "Length"),
        ("Names[2]", "Length"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(p, r)| (p.to_string(), r.to_string()))
        .collect();
    assert_eq!(found, want);
    assert!(matches!(
        &err.violations()[1].detail,
        Detail::Pattern {
            pattern: "^[a-z]+$"
        }
    ));
    let ok = Item {
        id: Some("i".into()),
        ..Item::default()
    };
    assert!(super::validate(&ok).is_ok());
}

#[test]
fn json_writes_body_members_only_and_reads_them_back() {
    let item = Item {
        id: Some("i".into()),
        name: Some("n\"q".into()),
        names: Some(vec!["a".into()]),
        since: Some(DateTime::from_secs(1)),
        ..Item::default()
    };
    let body = super::json::to_vec(&item);
    assert_eq!(body, br#"{"Name":"n\"q","Names":["a"]}"#.to_vec());
    let back: Item =
        super::json::from_slice(br#"{"Name":"n","Names":["a",null],"Id":"x","More":1}"#).unwrap();
    assert_eq!(back.name.as_deref(), Some("n"));
    assert_eq!(
        back.names,
        Some(vec!["a".to_string()]),
        "a dense list drops nulls"
    );
    assert_eq!(back.id, None, "a label is not read from the body");
    let err = super::json::from_slice::<Item>(br#"{"Names":["a",7]}"#).unwrap_err();
    assert_eq!(err.path(), "Names[1]");
    assert!(err.message().contains("expected a string"), "{err}");
    assert!(super::json::from_slice::<Item>(b"[1").is_err());
}

#[test]
fn rest_bindings_fill_the_uri_query_and_headers() {
    let item = Item {
        id: Some("a b/c".into()),
        count: Some(3),
        since: Some(DateTime::from_secs(0)),
        tags: Some(vec!["t1".into(), "t&2".into()]),
        ..Item::default()
    };
    let r = super::serialize_request(&PUT, Some(&item)).unwrap();
    assert_eq!(r.method(), "PUT");
    assert_eq!(r.uri(), "/items/a%20b%2Fc?x=1&tag=t1&tag=t%262");
    assert_eq!(r.headers()["x-since"], "Thu, 01 Jan 1970 00:00:00 GMT");
    assert_eq!(r.body().as_slice(), br#"{"Count":3}"#);
    let unset = Item::default();
    assert!(
        super::serialize_request(&PUT, Some(&unset)).is_err(),
        "an unset label fails"
    );

    let response = http::Response::builder()
        .status(200)
        .header("X-Since", "Thu, 01 Jan 1970 00:00:10 GMT")
        .body(br#"{"Count":4}"#.to_vec())
        .unwrap();
    let out: Item = super::parse_output(&PUT, &response).unwrap();
    assert_eq!(out.count, Some(4));
    assert_eq!(out.since, Some(DateTime::from_secs(10)));
    let bad = http::Response::builder()
        .status(200)
        .header("X-Since", "yesterday")
        .body(Vec::new())
        .unwrap();
    let err = super::parse_output::<Item>(&PUT, &bad).unwrap_err();
    assert!(err.contains("header `X-Since`"), "{err}");
}
