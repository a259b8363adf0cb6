//! What a generated `Client` is made of, minus the model: its [`Config`] (region, credentials,
//! custom endpoint, FIPS/dual-stack, retries, timeouts, transport), the [`OperationError`] every
//! operation method returns, and [`ClientCore`], which holds the service's endpoint rule set
//! (parsed once per client) and the [`Pipeline`], resolves each request's endpoint from the
//! configuration's built-ins, attaches it (so signing uses the auth scheme's name and region) and
//! sends. Paginators: [`paginate`].
//!
//! A generated operation method is then: `input.validate()`, `serialize_request(&input)`,
//! [`ClientCore::send`], `parse_response(&response)`, each failure mapped to its
//! [`OperationError`] variant.

pub mod paginate;

#[cfg(test)]
mod tests;

use crate::credentials::ProvideCredentials;
use crate::endpoints::{self, built_in, Endpoint, Params, RuleSet};
use crate::pipeline::{Pipeline, SendError};
use crate::retry::RetryConfig;
use crate::transport::{HttpTransport, TransportConfig};
use std::fmt;
use std::sync::Arc;

/// A client's settings. [`Config::new`] starts empty; [`Config::from_env`] (default transport
/// feature) fills region, credentials and transport from the environment.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The region (`AWS::Region`).
    pub region: Option<String>,
    /// Where credentials come from.
    pub credentials: Option<Arc<dyn ProvideCredentials>>,
    /// A custom endpoint URL (`SDK::Endpoint`), e.g. a local server's `http://127.0.0.1:5000`.
    pub endpoint_url: Option<String>,
    /// Use the FIPS endpoint (`AWS::UseFIPS`).
    pub use_fips: bool,
    /// Use the dual-stack endpoint (`AWS::UseDualStack`).
    pub use_dual_stack: bool,
    /// Retry settings (the standard mode by default).
    pub retry: RetryConfig,
    /// Connect and read timeouts and the response size limit of the default transport.
    pub timeouts: TransportConfig,
    /// The transport; the default one (built with `timeouts`) when unset and the
    /// `ureq-transport` feature is on.
    pub transport: Option<Arc<dyn HttpTransport>>,
}

impl Config {
    /// An empty configuration (set at least a region and credentials).
    pub fn new() -> Self {
        Self::default()
    }

    /// Region from `AWS_REGION` (or `AWS_DEFAULT_REGION`), credentials from the default chain
    /// (environment, then the shared files with `AWS_PROFILE`), the default transport.
    #[cfg(feature = "ureq-transport")]
    pub fn from_env() -> Self {
        use crate::credentials::{ChainProvider, Env};
        let env = Env::real();
        let region = env
            .get("AWS_REGION")
            .or_else(|| env.get("AWS_DEFAULT_REGION"))
            .filter(|r| !r.is_empty());
        Self {
            region,
            credentials: Some(Arc::new(ChainProvider::default_chain(env))),
            ..Self::default()
        }
    }

    /// This region.
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }
    /// These credentials.
    pub fn credentials(mut self, credentials: impl ProvideCredentials + 'static) -> Self {
        self.credentials = Some(Arc::new(credentials));
        self
    }
    /// This custom endpoint URL.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }
    /// FIPS endpoints on or off.
    pub fn use_fips(mut self, on: bool) -> Self {
        self.use_fips = on;
        self
    }
    /// Dual-stack endpoints on or off.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.use_dual_stack = on;
        self
    }
    /// These retry settings.
    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = retry;
        self
    }
    /// These timeouts (for the default transport).
    pub fn timeouts(mut self, timeouts: TransportConfig) -> Self {
        self.timeouts = timeouts;
        self
    }
    /// This transport.
    pub fn transport(mut self, transport: impl HttpTransport + 'static) -> Self {
        self.transport = Some(Arc::new(transport));
        self
    }

    /// The rule set's built-in parameters this configuration sets.
    pub fn endpoint_params(&self) -> Params {
        let mut p = Params::new()
            .built_in(built_in::USE_FIPS, self.use_fips)
            .built_in(built_in::USE_DUAL_STACK, self.use_dual_stack);
        if let Some(r) = &self.region {
            p = p.built_in(built_in::REGION, r.as_str());
        }
        if let Some(e) = &self.endpoint_url {
            p = p.built_in(built_in::ENDPOINT, e.as_str());
        }
        p
    }
}

/// Why a client could not be made from its [`Config`].
#[derive(Debug)]
pub enum ConfigError {
    /// A setting the client needs is missing.
    Missing(&'static str),
    /// The service's endpoint rule set does not parse (a generator bug).
    Rules(endpoints::Error),
    /// The configuration resolves to no endpoint (e.g. FIPS in a region without one).
    Endpoint(endpoints::Error),
    /// The resolved endpoint is unusable.
    Pipeline(SendError),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Missing(what) => write!(f, "client configuration has no {what}"),
            Self::Rules(e) => write!(f, "the service's endpoint rule set is invalid: {e}"),
            Self::Endpoint(e) => write!(f, "no endpoint for this configuration: {e}"),
            Self::Pipeline(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ConfigError {}

/// How one operation call failed. `E` is the operation's own error (its modeled errors and an
/// unhandled one); `V` the crate's validation error (every violation of the input).
#[derive(Debug)]
pub enum OperationError<E, V> {
    /// The input breaks its constraints; nothing was sent.
    Validation(V),
    /// The input could not be made into a request; nothing was sent.
    Serialize(String),
    /// No endpoint for this request; nothing was sent.
    Endpoint(endpoints::Error),
    /// The request could not be sent, or no response came (after retries).
    Send(SendError),
    /// The service answered with an error, or an answer that could not be read.
    Service(E),
}

impl<E: fmt::Display, V: fmt::Display> fmt::Display for OperationError<E, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Validation(v) => write!(f, "invalid input: {v}"),
            Self::Serialize(m) => write!(f, "could not build the request: {m}"),
            Self::Endpoint(e) => write!(f, "no endpoint: {e}"),
            Self::Send(e) => write!(f, "could not send the request: {e}"),
            Self::Service(e) => e.fmt(f),
        }
    }
}

impl<E, V> std::error::Error for OperationError<E, V>
where
    E: std::error::Error + 'static,
    V: std::error::Error + 'static,
{
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Validation(v) => Some(v),
            Self::Serialize(_) => None,
            Self::Endpoint(e) => Some(e),
            Self::Send(e) => Some(e),
            Self::Service(e) => Some(e),
        }
    }
}

/// The model-independent part of a generated client: the parsed rule set, the endpoint
/// parameters the configuration sets, and the pipeline.
#[derive(Debug)]
pub struct ClientCore {
    rules: RuleSet,
    params: Params,
    pipeline: Pipeline,
}

impl ClientCore {
    /// A core for the service whose endpoint rule set is `rules_json` and whose default signing
    /// name is `signing_name`. Fails when the configuration lacks a region, credentials or (without
    /// the default transport) a transport, or resolves to no endpoint.
    pub fn new(config: Config, rules_json: &str, signing_name: &str) -> Result<Self, ConfigError> {
        let rules = RuleSet::from_json(rules_json).map_err(ConfigError::Rules)?;
        let region = config
            .region
            .clone()
            .ok_or(ConfigError::Missing("region"))?;
        let credentials = config
            .credentials
            .clone()
            .ok_or(ConfigError::Missing("credentials provider"))?;
        let transport = match config.transport.clone() {
            Some(t) => t,
            None => default_transport(&config.timeouts)?,
        };
        let params = config.endpoint_params();
        let endpoint = rules.resolve(&params).map_err(ConfigError::Endpoint)?;
        let pipeline = Pipeline::new(&endpoint.url, &region, signing_name, credentials, transport)
            .map_err(ConfigError::Pipeline)?
            .with_retry(config.retry);
        Ok(Self {
            rules,
            params,
            pipeline,
        })
    }

    /// The endpoint for a request whose operation sets `context` parameters (e.g. a bucket name)
    /// on top of the configuration's built-ins.
    pub fn resolve(
        &self,
        context: &[(&str, endpoints::Value)],
    ) -> Result<Endpoint, endpoints::Error> {
        let mut params = self.params.clone();
        for (name, value) in context {
            params = params.set(name, value.clone());
        }
        self.rules.resolve(&params)
    }

    /// Resolves the endpoint, attaches it to `request` and sends it through the pipeline. The
    /// response may have an error status: the operation's `parse_response` reads it.
    pub fn send<E, V>(
        &self,
        request: http::Request<Vec<u8>>,
        context: &[(&str, endpoints::Value)],
    ) -> Result<http::Response<Vec<u8>>, OperationError<E, V>> {
        let endpoint = self.resolve(context).map_err(OperationError::Endpoint)?;
        let mut request = request;
        request.extensions_mut().insert(endpoint);
        self.pipeline.send(request).map_err(OperationError::Send)
    }

    /// One operation call, the same for every operation: validate the input, serialize it as
    /// the operation's schema says, resolve the endpoint (with the operation's context
    /// parameters), sign, send with retries, and `parse` the response.
    pub fn call<O, E>(
        &self,
        op: &crate::schema::Operation,
        input: Option<&dyn crate::schema::Struct>,
        parse: fn(&http::Response<Vec<u8>>) -> Result<O, E>,
        context: &[(&str, endpoints::Value)],
    ) -> Result<O, OperationError<E, crate::error::ValidationError>> {
        if let Some(input) = input {
            crate::schema::validate(input).map_err(OperationError::Validation)?;
        }
        let request = crate::schema::serialize_request(op, input)
            .map_err(|e| OperationError::Serialize(e.to_string()))?;
        let response = self.send(request, context)?;
        parse(&response).map_err(OperationError::Service)
    }

    /// The pipeline (its retry quota, for instance).
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }
}

#[cfg(feature = "ureq-transport")]
fn default_transport(timeouts: &TransportConfig) -> Result<Arc<dyn HttpTransport>, ConfigError> {
    Ok(Arc::new(crate::transport::UreqTransport::new(
        timeouts.clone(),
    )))
}

#[cfg(not(feature = "ureq-transport"))]
fn default_transport(_: &TransportConfig) -> Result<Arc<dyn HttpTransport>, ConfigError> {
    Err(ConfigError::Missing(
        "transport (the default one needs the `ureq-transport` feature)",
    ))
}
