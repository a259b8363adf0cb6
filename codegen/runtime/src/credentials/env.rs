//! The environment the providers read (the process's, or a fixed map so that tests and embedders
//! never touch the real one) and the provider of `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` /
//! `AWS_SESSION_TOKEN`.

use super::{Credentials, CredentialsError, ProvideCredentials};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// Environment variables: the process's own, or a fixed set.
#[derive(Clone)]
pub struct Env(Option<Arc<BTreeMap<String, String>>>);

impl Env {
    /// The process environment, read at each look-up.
    pub fn real() -> Self {
        Self(None)
    }
    /// A fixed environment holding exactly these variables.
    pub fn from_vars<K: Into<String>, V: Into<String>>(
        vars: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        Self(Some(Arc::new(
            vars.into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )))
    }
    /// A variable's value; unset, empty and non-UTF-8 values are all `None`.
    pub fn get(&self, name: &str) -> Option<String> {
        let value = match &self.0 {
            None => std::env::var(name).ok(),
            Some(map) => map.get(name).cloned(),
        };
        value.filter(|v| !v.is_empty())
    }
    /// The home directory (`HOME`, else `USERPROFILE`).
    pub fn home(&self) -> Option<PathBuf> {
        self.get("HOME")
            .or_else(|| self.get("USERPROFILE"))
            .map(PathBuf::from)
    }
}

impl std::fmt::Debug for Env {
    /// Names the variables only: values may be secrets.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.0 {
            None => f.write_str("Env(process)"),
            Some(map) => f
                .debug_tuple("Env")
                .field(&map.keys().collect::<Vec<_>>())
                .finish(),
        }
    }
}

/// Credentials from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY` and (optional) `AWS_SESSION_TOKEN`.
#[derive(Debug, Clone)]
pub struct EnvironmentProvider {
    env: Env,
}

impl EnvironmentProvider {
    /// Reads from `env`.
    pub fn new(env: Env) -> Self {
        Self { env }
    }
}

impl ProvideCredentials for EnvironmentProvider {
    fn provide_credentials(&self) -> Result<Credentials, CredentialsError> {
        const PROVIDER: &str = "the environment";
        let id = self.env.get("AWS_ACCESS_KEY_ID");
        let secret = self.env.get("AWS_SECRET_ACCESS_KEY");
        match (id, secret) {
            (Some(id), Some(secret)) => Ok(Credentials::new(
                id,
                secret,
                self.env.get("AWS_SESSION_TOKEN"),
                "environment",
            )),
            (None, None) => Err(CredentialsError::NotLoaded {
                provider: PROVIDER,
                reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set".into(),
            }),
            (Some(_), None) => Err(CredentialsError::Invalid {
                provider: PROVIDER,
                reason: "AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not".into(),
            }),
            (None, Some(_)) => Err(CredentialsError::Invalid {
                provider: PROVIDER,
                reason: "AWS_SECRET_ACCESS_KEY is set but AWS_ACCESS_KEY_ID is not".into(),
            }),
        }
    }
}
