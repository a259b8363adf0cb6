//! The client core against a recording transport and a small rule set; paginators over scripted
//! pages.

use super::paginate::Pages;
use super::*;
use crate::credentials::Credentials;
use crate::transport::TransportError;
use std::sync::Mutex;

const RULES: &str = r#"{
  "version": "1.0",
  "parameters": {
    "Region": {"type": "String", "builtIn": "AWS::Region", "required": true},
    "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
    "UseDualStack": {"type": "Boolean", "builtIn": "AWS::UseDualStack", "required": true, "default": false},
    "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint"}
  },
  "rules": [
    {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
     "endpoint": {"url": {"ref": "Endpoint"}}},
    {"type": "error", "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
     "error": "FIPS is not supported here"},
    {"type": "endpoint", "conditions": [],
     "endpoint": {"url": "https://svc.{Region}.example.com",
       "properties": {"authSchemes": [{"name": "sigv4", "signingName": "svcsign", "signingRegion": "eu-west-9"}]}}}
  ]
}"#;

/// Answers 200 to everything and records what it was sent.
#[derive(Debug, Default)]
struct Recorder(Mutex<Vec<http::Request<Vec<u8>>>>);

impl HttpTransport for Arc<Recorder> {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        self.0.lock().unwrap().push(request);
        Ok(http::Response::new(b"{}".to_vec()))
    }
}

fn config(rec: &Arc<Recorder>) -> Config {
    Config::new()
        .region("us-west-2")
        .credentials(Credentials::new("AKID", "SECRET", None, "explicit"))
        .transport(rec.clone())
}

fn post() -> http::Request<Vec<u8>> {
    http::Request::post("/").body(b"{}".to_vec()).unwrap()
}

type Err = OperationError<String, String>;

#[test]
fn sends_to_the_resolved_endpoint_signed_with_its_auth_scheme() {
    let rec = Arc::new(Recorder::default());
    let core = ClientCore::new(config(&rec), RULES, "default-name").unwrap();
    core.send::<String, String>(post(), &[]).unwrap();
    let seen = rec.0.lock().unwrap();
    assert_eq!(
        seen[0].uri().to_string(),
        "https://svc.us-west-2.example.com/"
    );
    let auth = seen[0].headers()["authorization"].to_str().unwrap();
    assert!(auth.contains("/eu-west-9/svcsign/aws4_request"), "{auth}");
}

#[test]
fn a_custom_endpoint_url_wins() {
    let rec = Arc::new(Recorder::default());
    let cfg = config(&rec).endpoint_url("http://127.0.0.1:5999");
    let core = ClientCore::new(cfg, RULES, "default-name").unwrap();
    core.send::<String, String>(post(), &[]).unwrap();
    let seen = rec.0.lock().unwrap();
    assert_eq!(seen[0].uri().to_string(), "http://127.0.0.1:5999/");
    let auth = seen[0].headers()["authorization"].to_str().unwrap();
    assert!(
        auth.contains("/us-west-2/default-name/aws4_request"),
        "{auth}"
    );
}

#[test]
fn configuration_errors_are_named() {
    let rec = Arc::new(Recorder::default());
    let no_region = Config {
        region: None,
        ..config(&rec)
    };
    let e = ClientCore::new(no_region, RULES, "n").unwrap_err();
    assert_eq!(e.to_string(), "client configuration has no region");
    let fips = config(&rec).use_fips(true);
    let e = ClientCore::new(fips, RULES, "n").unwrap_err();
    assert!(matches!(e, ConfigError::Endpoint(_)), "{e:?}");
    assert!(e.to_string().contains("FIPS is not supported here"), "{e}");
    let e = ClientCore::new(config(&rec), "{", "n").unwrap_err();
    assert!(matches!(e, ConfigError::Rules(_)), "{e:?}");
    assert!(rec.0.lock().unwrap().is_empty());
}

#[derive(Clone, Debug, Default)]
struct In {
    token: Option<String>,
}

struct Out {
    next: Option<String>,
    items: Vec<u32>,
}

/// A scripted page: the token it answers, and the next token and items (or an error).
type Step = (
    Option<&'static str>,
    Result<(Option<&'static str>, Vec<u32>), &'static str>,
);

/// Pages scripted by the token they are asked for; records the tokens asked for.
fn scripted<'a>(
    script: Vec<Step>,
    asked: &'a Mutex<Vec<Option<String>>>,
) -> impl FnMut(&In) -> Result<Out, Err> + 'a {
    move |input: &In| {
        asked.lock().unwrap().push(input.token.clone());
        let (_, outcome) = script
            .iter()
            .find(|(t, _)| t.map(String::from) == input.token)
            .expect("unexpected token");
        match outcome {
            Ok((next, items)) => Ok(Out {
                next: next.map(String::from),
                items: items.clone(),
            }),
            Err(m) => Err(OperationError::Serialize(m.to_string())),
        }
    }
}

fn pages<'a>(
    f: impl FnMut(&In) -> Result<Out, Err> + 'a,
) -> Pages<In, Out, Err, impl FnMut(&In) -> Result<Out, Err> + 'a> {
    Pages::new(
        In::default(),
        f,
        |o: &Out| o.next.as_ref(),
        |i: &mut In, t| i.token = t,
    )
}

#[test]
fn pages_follow_tokens_and_items_flatten() {
    let asked = Mutex::new(Vec::new());
    let f = scripted(
        vec![
            (None, Ok((Some("a"), vec![1, 2]))),
            (Some("a"), Ok((Some("b"), vec![]))),
            (Some("b"), Ok((None, vec![3]))),
        ],
        &asked,
    );
    let items: Vec<u32> = pages(f)
        .items(|o| o.items)
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(items, [1, 2, 3]);
    assert_eq!(
        *asked.lock().unwrap(),
        [None, Some("a".to_string()), Some("b".to_string())]
    );
}

#[test]
fn a_repeated_or_empty_token_ends_the_pages() {
    let asked = Mutex::new(Vec::new());
    let f = scripted(
        vec![
            (None, Ok((Some("a"), vec![1]))),
            (Some("a"), Ok((Some("a"), vec![2]))),
        ],
        &asked,
    );
    assert_eq!(pages(f).count(), 2);
    let asked = Mutex::new(Vec::new());
    let f = scripted(vec![(None, Ok((Some(""), vec![1])))], &asked);
    assert_eq!(pages(f).count(), 1);
}

#[test]
fn an_error_is_yielded_once_and_ends_the_pages() {
    let asked = Mutex::new(Vec::new());
    let f = scripted(
        vec![(None, Ok((Some("a"), vec![1]))), (Some("a"), Err("boom"))],
        &asked,
    );
    let got: Vec<Result<u32, Err>> = pages(f).items(|o| o.items).collect();
    assert_eq!(got.len(), 2);
    assert!(matches!(&got[0], Ok(1)));
    assert_eq!(
        got[1].as_ref().unwrap_err().to_string(),
        "could not build the request: boom"
    );
}
