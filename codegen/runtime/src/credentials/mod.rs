//! AWS credentials and where they come from: explicit keys, the environment
//! (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), the shared `credentials` and
//! `config` files with profiles, and a chain that tries each in turn. `Debug` of anything here prints
//! no secret: the secret key and the session token show as `** redacted **`.

mod env;
mod profile;
mod profile_file;

pub use env::{Env, EnvironmentProvider};
pub use profile::ProfileProvider;
pub use profile_file::{FileKind, ProfileFileError, ProfileSet};

use std::fmt;
use std::sync::Arc;

/// A string that must not be printed: its `Debug` and `Display` say `** redacted **`.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }
    /// The secret itself (for signing).
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("** redacted **")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("** redacted **")
    }
}

/// An access key pair, with a session token for temporary credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    access_key_id: String,
    secret_access_key: Secret,
    session_token: Option<Secret>,
    source: &'static str,
}

impl Credentials {
    /// Explicit keys (`source` says where they came from in `Debug`, e.g. `"explicit"`).
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
        source: &'static str,
    ) -> Self {
        Self {
            access_key_id: access_key_id.into(),
            secret_access_key: Secret::new(secret_access_key),
            session_token: session_token.map(Secret::new),
            source,
        }
    }
    /// The access key id (not a secret: it names the key and appears in every signature).
    pub fn access_key_id(&self) -> &str {
        &self.access_key_id
    }
    /// The secret access key.
    pub fn secret_access_key(&self) -> &Secret {
        &self.secret_access_key
    }
    /// The session token of temporary credentials.
    pub fn session_token(&self) -> Option<&Secret> {
        self.session_token.as_ref()
    }
    /// Where these credentials came from (`"explicit"`, `"environment"`, `"profile"`).
    pub fn source(&self) -> &'static str {
        self.source
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &self.secret_access_key)
            .field("session_token", &self.session_token)
            .field("source", &self.source)
            .finish()
    }
}

/// Why no credentials could be had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialsError {
    /// This provider has nothing to offer (a chain goes on to the next one).
    NotLoaded {
        /// The provider asked.
        provider: &'static str,
        /// What it looked for.
        reason: String,
    },
    /// The provider found a source but it is unusable (a chain stops here).
    Invalid {
        /// The provider asked.
        provider: &'static str,
        /// What is wrong (a file, line or profile name; never a secret).
        reason: String,
    },
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotLoaded { provider, reason } => {
                write!(f, "no credentials from {provider}: {reason}")
            }
            Self::Invalid { provider, reason } => {
                write!(f, "invalid credentials from {provider}: {reason}")
            }
        }
    }
}

impl std::error::Error for CredentialsError {}

/// A source of credentials.
pub trait ProvideCredentials: Send + Sync + fmt::Debug {
    /// Credentials now, or why not.
    fn provide_credentials(&self) -> Result<Credentials, CredentialsError>;
}

impl ProvideCredentials for Credentials {
    fn provide_credentials(&self) -> Result<Credentials, CredentialsError> {
        Ok(self.clone())
    }
}

/// Tries each provider in order: the first credentials win; a provider with nothing to offer
/// ([`CredentialsError::NotLoaded`]) passes to the next; an invalid source stops the chain.
#[derive(Debug, Clone)]
pub struct ChainProvider {
    providers: Vec<Arc<dyn ProvideCredentials>>,
}

impl ChainProvider {
    /// A chain of these providers, tried in this order.
    pub fn new(providers: Vec<Arc<dyn ProvideCredentials>>) -> Self {
        Self { providers }
    }
    /// The default chain: the environment, then the shared files' profile (`AWS_PROFILE` or
    /// `default`), both read from `env`.
    pub fn default_chain(env: Env) -> Self {
        Self::new(vec![
            Arc::new(EnvironmentProvider::new(env.clone())),
            Arc::new(ProfileProvider::new(env)),
        ])
    }
}

impl ProvideCredentials for ChainProvider {
    fn provide_credentials(&self) -> Result<Credentials, CredentialsError> {
        let mut tried = Vec::new();
        for p in &self.providers {
            match p.provide_credentials() {
                Ok(c) => return Ok(c),
                Err(CredentialsError::NotLoaded { provider, reason }) => {
                    tried.push(format!("{provider} ({reason})"))
                }
                Err(e) => return Err(e),
            }
        }
        Err(CredentialsError::NotLoaded {
            provider: "the credentials chain",
            reason: if tried.is_empty() {
                "it has no providers".into()
            } else {
                format!("tried {}", tried.join("; "))
            },
        })
    }
}

#[cfg(test)]
mod tests;
