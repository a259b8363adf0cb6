//! Credentials (and the region) from a profile of the shared files: the profile named by
//! `AWS_PROFILE` (or given explicitly), else `default`; the keys `aws_access_key_id`,
//! `aws_secret_access_key` and `aws_session_token`.

use super::{Credentials, CredentialsError, Env, ProfileSet, ProvideCredentials};

const PROVIDER: &str = "the shared config files";

/// Reads a profile's static keys from `~/.aws/credentials` and `~/.aws/config` (or the files
/// `AWS_SHARED_CREDENTIALS_FILE` and `AWS_CONFIG_FILE` name), at each call.
#[derive(Debug, Clone)]
pub struct ProfileProvider {
    env: Env,
    profile: Option<String>,
}

impl ProfileProvider {
    /// The profile `AWS_PROFILE` names in `env`, else `default`.
    pub fn new(env: Env) -> Self {
        Self { env, profile: None }
    }
    /// This profile, whatever `AWS_PROFILE` says.
    pub fn with_profile(env: Env, profile: impl Into<String>) -> Self {
        Self {
            env,
            profile: Some(profile.into()),
        }
    }
    /// The profile this provider reads.
    pub fn profile_name(&self) -> String {
        self.profile
            .clone()
            .or_else(|| self.env.get("AWS_PROFILE"))
            .unwrap_or_else(|| "default".into())
    }
    /// The region: `AWS_REGION`, else `AWS_DEFAULT_REGION`, else the profile's `region`.
    pub fn region(&self) -> Result<Option<String>, CredentialsError> {
        if let Some(r) = self
            .env
            .get("AWS_REGION")
            .or_else(|| self.env.get("AWS_DEFAULT_REGION"))
        {
            return Ok(Some(r));
        }
        let set = ProfileSet::load(&self.env).map_err(invalid)?;
        Ok(set
            .profile(&self.profile_name())
            .and_then(|p| p.get("region"))
            .filter(|r| !r.is_empty())
            .cloned())
    }
}

fn invalid(e: impl std::fmt::Display) -> CredentialsError {
    CredentialsError::Invalid {
        provider: PROVIDER,
        reason: e.to_string(),
    }
}

impl ProvideCredentials for ProfileProvider {
    fn provide_credentials(&self) -> Result<Credentials, CredentialsError> {
        let set = ProfileSet::load(&self.env).map_err(invalid)?;
        let name = self.profile_name();
        let Some(props) = set.profile(&name) else {
            return Err(CredentialsError::NotLoaded {
                provider: PROVIDER,
                reason: format!("no profile {name:?} in them"),
            });
        };
        let get = |k: &str| props.get(k).filter(|v| !v.is_empty()).cloned();
        match (get("aws_access_key_id"), get("aws_secret_access_key")) {
            (Some(id), Some(secret)) => Ok(Credentials::new(
                id,
                secret,
                get("aws_session_token"),
                "profile",
            )),
            (id, secret) => {
                // Say what the profile lacks, and what else it uses that this runtime cannot do.
                let mut missing = Vec::new();
                if id.is_none() {
                    missing.push("aws_access_key_id");
                }
                if secret.is_none() {
                    missing.push("aws_secret_access_key");
                }
                let unsupported: Vec<&str> = [
                    "role_arn",
                    "credential_process",
                    "sso_session",
                    "sso_start_url",
                    "web_identity_token_file",
                    "credential_source",
                ]
                .into_iter()
                .filter(|k| props.contains_key(*k))
                .collect();
                let mut reason = format!("profile {name:?} has no {}", missing.join(" or "));
                if !unsupported.is_empty() {
                    reason.push_str(&format!(
                        " (it uses {}, which this runtime does not support: only static keys)",
                        unsupported.join(", ")
                    ));
                }
                if missing.len() == 2 && unsupported.is_empty() {
                    // A profile of settings only (a region, say): nothing here for credentials.
                    return Err(CredentialsError::NotLoaded {
                        provider: PROVIDER,
                        reason,
                    });
                }
                Err(CredentialsError::Invalid {
                    provider: PROVIDER,
                    reason,
                })
            }
        }
    }
}
