//! Providers read a fixed [`Env`] and temporary files (never the real environment or home).

use super::*;
use std::path::Path;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const TOKEN: &str = "SESSION/TOKEN+VALUE==";

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn shows_no_secret(shown: &str) {
    assert!(!shown.contains(SECRET), "{shown}");
    assert!(!shown.contains(TOKEN), "{shown}");
    assert!(!shown.contains("profsecret"), "{shown}");
}

#[test]
fn environment_keys_with_and_without_token() {
    let env = Env::from_vars([
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
    ]);
    let c = EnvironmentProvider::new(env).provide_credentials().unwrap();
    assert_eq!(
        (c.access_key_id(), c.secret_access_key().expose()),
        ("AKID", SECRET)
    );
    assert_eq!((c.session_token(), c.source()), (None, "environment"));

    let env = Env::from_vars([
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SESSION_TOKEN", TOKEN),
    ]);
    let c = EnvironmentProvider::new(env).provide_credentials().unwrap();
    assert_eq!(c.session_token().unwrap().expose(), TOKEN);
    shows_no_secret(&format!(
        "{c:?} {:?}",
        EnvironmentProvider::new(Env::real())
    ));
}

#[test]
fn environment_missing_or_half_set() {
    let none = EnvironmentProvider::new(Env::from_vars::<&str, &str>([]));
    assert!(matches!(
        none.provide_credentials(),
        Err(CredentialsError::NotLoaded { .. })
    ));
    let half = EnvironmentProvider::new(Env::from_vars([("AWS_ACCESS_KEY_ID", "AKID")]));
    let e = half.provide_credentials().unwrap_err();
    assert!(matches!(e, CredentialsError::Invalid { .. }));
    assert!(
        e.to_string().contains("AWS_SECRET_ACCESS_KEY is not"),
        "{e}"
    );
    // An empty value counts as unset.
    let empty = Env::from_vars([("AWS_ACCESS_KEY_ID", ""), ("AWS_SECRET_ACCESS_KEY", "")]);
    assert!(matches!(
        EnvironmentProvider::new(empty).provide_credentials(),
        Err(CredentialsError::NotLoaded { .. })
    ));
}

#[test]
fn profiles_from_home_with_aws_profile() {
    let home = tempfile::tempdir().unwrap();
    write(
        home.path(),
        ".aws/credentials",
        &format!(
            "# comment\n[default]\naws_access_key_id = DEFAULTID\naws_secret_access_key = {SECRET}\n\n\
             [dev]\naws_access_key_id=DEVID\naws_secret_access_key=profsecret\naws_session_token = {TOKEN}\n"
        ),
    );
    write(
        home.path(),
        ".aws/config",
        "[default]\nregion = eu-west-1\n[profile dev]\nregion = us-west-2\n\
         s3 =\n  max_concurrent_requests = 10\n[sso-session x]\nsso_region = us-east-1\n",
    );
    let h = home.path().to_string_lossy().into_owned();
    let env = Env::from_vars([("HOME", h.as_str())]);
    let p = ProfileProvider::new(env);
    assert_eq!(p.profile_name(), "default");
    let c = p.provide_credentials().unwrap();
    assert_eq!((c.access_key_id(), c.source()), ("DEFAULTID", "profile"));
    assert_eq!(p.region().unwrap().as_deref(), Some("eu-west-1"));

    let env = Env::from_vars([("HOME", h.as_str()), ("AWS_PROFILE", "dev")]);
    let p = ProfileProvider::new(env.clone());
    let c = p.provide_credentials().unwrap();
    assert_eq!(c.access_key_id(), "DEVID");
    assert_eq!(c.secret_access_key().expose(), "profsecret");
    assert_eq!(c.session_token().unwrap().expose(), TOKEN);
    assert_eq!(p.region().unwrap().as_deref(), Some("us-west-2"));
    let set = ProfileSet::load(&env).unwrap();
    assert_eq!(set.names().collect::<Vec<_>>(), ["default", "dev"]);
    assert_eq!(
        set.profile("dev").unwrap()["s3.max_concurrent_requests"],
        "10"
    );
    shows_no_secret(&format!("{c:?} {p:?} {set:?} {env:?}"));

    let named = ProfileProvider::with_profile(env, "missing");
    let e = named.provide_credentials().unwrap_err();
    assert!(matches!(e, CredentialsError::NotLoaded { .. }), "{e}");
    assert!(e.to_string().contains("no profile \"missing\""), "{e}");
}

#[test]
fn file_overrides_and_credentials_file_wins() {
    let dir = tempfile::tempdir().unwrap();
    let creds = write(
        dir.path(),
        "c.ini",
        "[work]\naws_access_key_id = FROMCREDS\naws_secret_access_key = profsecret\n",
    );
    let config = write(
        dir.path(),
        "k.ini",
        "[profile work]\naws_access_key_id = FROMCONFIG\naws_secret_access_key = other\nregion = ap-south-1\n\
         [work]\naws_access_key_id = NOTAPROFILE\n",
    );
    let env = Env::from_vars([
        ("HOME", "/nonexistent-home-for-tests"),
        ("AWS_SHARED_CREDENTIALS_FILE", creds.as_str()),
        ("AWS_CONFIG_FILE", config.as_str()),
        ("AWS_PROFILE", "work"),
        ("AWS_REGION", "ca-central-1"),
    ]);
    let p = ProfileProvider::new(env);
    let c = p.provide_credentials().unwrap();
    assert_eq!(c.access_key_id(), "FROMCREDS");
    assert_eq!(c.secret_access_key().expose(), "profsecret");
    // AWS_REGION comes before the profile's region.
    assert_eq!(p.region().unwrap().as_deref(), Some("ca-central-1"));
}

#[test]
fn malformed_files_and_unsupported_profiles_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "bad",
        "[default]\naws_access_key_id = X\nthis line is junk\n",
    );
    let env = Env::from_vars([("AWS_SHARED_CREDENTIALS_FILE", bad.as_str())]);
    let e = ProfileProvider::new(env).provide_credentials().unwrap_err();
    assert!(matches!(e, CredentialsError::Invalid { .. }));
    assert!(
        e.to_string()
            .contains(&format!("{bad}:3: a line that is neither")),
        "{e}"
    );

    for (text, expected) in [
        ("key = v\n", ":1: a property before any [section]"),
        ("[default\n", ":1: a section header without `]`"),
        ("[]\n", ":1: an empty section name"),
        (
            "  indented = 1\n",
            ":1: an indented line before any [section]",
        ),
    ] {
        let f = write(dir.path(), "f", text);
        let e = ProfileSet::parse(text, FileKind::Credentials, Path::new(&f)).unwrap_err();
        assert!(e.to_string().ends_with(expected), "{text:?}: {e}");
    }

    let role = write(
        dir.path(),
        "role",
        "[profile r]\nrole_arn = arn:aws:iam::1:role/x\nsource_profile = default\n",
    );
    let env = Env::from_vars([("AWS_CONFIG_FILE", role.as_str()), ("AWS_PROFILE", "r")]);
    let e = ProfileProvider::new(env).provide_credentials().unwrap_err();
    assert!(matches!(e, CredentialsError::Invalid { .. }));
    assert!(
        e.to_string()
            .contains("role_arn, which this runtime does not support"),
        "{e}"
    );

    let half = write(
        dir.path(),
        "half",
        "[default]\naws_access_key_id = ONLYID\n",
    );
    let env = Env::from_vars([("AWS_SHARED_CREDENTIALS_FILE", half.as_str())]);
    let e = ProfileProvider::new(env).provide_credentials().unwrap_err();
    assert!(
        e.to_string().contains("has no aws_secret_access_key"),
        "{e}"
    );
}

#[test]
fn the_chain_tries_environment_then_profile() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "creds",
        "[default]\naws_access_key_id = PROFILEID\naws_secret_access_key = profsecret\n",
    );
    let with_env = Env::from_vars([
        ("AWS_ACCESS_KEY_ID", "ENVID"),
        ("AWS_SECRET_ACCESS_KEY", SECRET),
        ("AWS_SHARED_CREDENTIALS_FILE", file.as_str()),
    ]);
    let chain = ChainProvider::default_chain(with_env);
    assert_eq!(
        chain.provide_credentials().unwrap().access_key_id(),
        "ENVID"
    );
    shows_no_secret(&format!("{chain:?}"));

    let profile_only = Env::from_vars([("AWS_SHARED_CREDENTIALS_FILE", file.as_str())]);
    let c = ChainProvider::default_chain(profile_only)
        .provide_credentials()
        .unwrap();
    assert_eq!(c.access_key_id(), "PROFILEID");

    let missing = dir.path().join("none").to_string_lossy().into_owned();
    let nothing = Env::from_vars([
        ("AWS_SHARED_CREDENTIALS_FILE", missing.as_str()),
        ("AWS_CONFIG_FILE", missing.as_str()),
    ]);
    let e = ChainProvider::default_chain(nothing)
        .provide_credentials()
        .unwrap_err();
    assert!(matches!(e, CredentialsError::NotLoaded { .. }));
    assert!(e.to_string().contains("the environment"), "{e}");
    assert!(e.to_string().contains("no profile \"default\""), "{e}");

    // An invalid source stops the chain even when a later provider has keys.
    let explicit: Arc<dyn ProvideCredentials> =
        Arc::new(Credentials::new("X", SECRET, None, "explicit"));
    let half: Arc<dyn ProvideCredentials> = Arc::new(EnvironmentProvider::new(Env::from_vars([(
        "AWS_ACCESS_KEY_ID",
        "A",
    )])));
    let e = ChainProvider::new(vec![half, explicit.clone()])
        .provide_credentials()
        .unwrap_err();
    assert!(matches!(e, CredentialsError::Invalid { .. }));
    assert_eq!(
        ChainProvider::new(vec![explicit])
            .provide_credentials()
            .unwrap()
            .access_key_id(),
        "X"
    );
}

#[test]
fn secrets_never_show_in_debug_or_display() {
    let c = Credentials::new("AKID", SECRET, Some(TOKEN.into()), "explicit");
    for shown in [
        format!("{c:?}"),
        format!("{c:#?}"),
        format!("{}", c.secret_access_key()),
    ] {
        shows_no_secret(&shown);
        assert!(shown.contains("** redacted **"), "{shown}");
    }
    assert!(format!("{c:?}").contains("AKID"));
    let env = Env::from_vars([("AWS_SECRET_ACCESS_KEY", SECRET)]);
    shows_no_secret(&format!("{env:?}"));
}
