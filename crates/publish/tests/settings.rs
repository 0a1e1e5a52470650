//! The settings a deployment gives the build (where sign-ups go), refused when wrong.

mod common;

use common::*;

#[test]
fn a_form_service_address_that_would_break_the_policy_stops_the_build() {
    for (endpoint, named) in [
        ("https://*/f", "wildcard"),
        ("https://forms.example;sandbox/f", "semicolon"),
        ("https://a,b/f", "comma"),
        ("https://u:p@host.example/f", "user name or password"),
        ("https://forms.example/f\" x", "quotation mark"),
    ] {
        let out = scratch("endpoint-out");
        let run = run_build(&fixture_content(), &out, &[("SIGNUP_ENDPOINT", endpoint)]);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(!run.status.success(), "{endpoint} should stop the build");
        assert!(
            stderr.contains("SIGNUP_ENDPOINT") && stderr.contains(named),
            "{endpoint}: expected a message naming {named:?}, got {stderr}"
        );
        assert!(!out.join("_headers").exists(), "nothing written");
    }
}

#[test]
fn an_unknown_service_or_a_missing_or_malformed_access_key_stops_the_build() {
    let content = copy_of_content("service");
    edit(
        &content.join("site.toml"),
        "[signup]\n",
        "[signup]\nservice = \"formspree\"\nendpoint = \"https://collector.example/f\"\n",
    );
    let (passed, said) = build_with(&content, &[]);
    assert!(!passed, "an editor's setting of where sign-ups go builds");
    assert!(
        said.contains("site.toml:28:1: field `signup.service`: where sign-ups go is set by whoever deploys the site (SIGNUP_SERVICE, at build time)")
            && said.contains("field `signup.endpoint`"),
        "expected each line named, and who sets it instead, got {said}"
    );
    let (passed, said) = build_with(
        &fixture_content(),
        &[
            ("SIGNUP_SERVICE", "formspree"),
            ("SIGNUP_ENDPOINT", "https://collector.example/f"),
        ],
    );
    assert!(!passed, "a Formspree form at another host builds");
    assert!(
        said.contains(
            "signup.endpoint: \"https://collector.example/f\" is not an address of Formspree"
        ),
        "{said}"
    );
    let cases = [
        (vec![("SIGNUP_SERVICE", "mailchimp")], "SIGNUP_SERVICE: \"mailchimp\" is not a form service this site knows; use one of: json, formspree, basin, web3forms, netlify"),
        (vec![("SIGNUP_SERVICE", "web3forms")], "SIGNUP_SERVICE: signup.access_key: Web3Forms needs its access key"),
        (
            vec![("SIGNUP_SERVICE", "web3forms"), ("SIGNUP_ACCESS_KEY", "my-key")],
            "signup.access_key: \"my-key\" is not a Web3Forms access key",
        ),
    ];
    for (env, expected) in cases {
        let (passed, said) = build_with(&fixture_content(), &env);
        assert!(!passed, "{env:?} should stop the build");
        assert!(
            said.contains(expected),
            "{env:?}: expected {expected:?}, got {said}"
        );
    }
    let key = [
        ("SIGNUP_SERVICE", "web3forms"),
        ("SIGNUP_ACCESS_KEY", "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f"),
    ];
    let (passed, said) = build_with(&fixture_content(), &key);
    assert!(
        passed,
        "a well-formed key builds, with the service's own address: {said}"
    );
}
