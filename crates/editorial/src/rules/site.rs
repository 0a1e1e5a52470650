//! The site settings' rules: the addresses written into every page and policy, and the
//! form service's settings.

use super::{required, Problem, Validate};
use content::link::{classify, LinkKind};
use content::service::Service;
use content::site::{Signup, SiteConfig};
use content::text::{is_email, is_plain_email, is_slug};

/// True for a host name such as `forms.example.org`: letters, digits, hyphens and dots,
/// with at least one dot inside.
fn is_plain_host(host: &str) -> bool {
    host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

/// The origin (`https://host` or `https://host:port`) of an https address, read by its
/// parts: a plain host and, if any, a port of digits from 1 to 65535. It is written
/// into security policies, so anything else (a wildcard, a user name, a space or a
/// line break, `:*`) is refused with the reason.
pub fn https_origin(url: &str) -> Result<String, String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err("must be an https:// address".into());
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err("must not carry a user name or password (the part before @)".into());
    }
    let (host, port) = match authority.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if host.contains('*') {
        return Err("must name one host: a wildcard (*) would allow any site".into());
    }
    if !is_plain_host(host) {
        return Err("must name a host such as forms.example.org after https://".into());
    }
    match port {
        None => Ok(format!("https://{}", host.to_ascii_lowercase())),
        Some(port)
            if !port.is_empty()
                && port.bytes().all(|b| b.is_ascii_digit())
                && port.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n)) =>
        {
            Ok(format!("https://{}:{port}", host.to_ascii_lowercase()))
        }
        Some(port) => Err(format!(
            "has the port \"{port}\": a port is a number from 1 to 65535, or leave it out"
        )),
    }
}

/// Why the site's own address cannot be used, if it cannot. It is written into every
/// page's head, the feeds, the sitemap and `robots.txt`, so it must be an https origin
/// with at most a path: no query, fragment, user name, quotes or spaces.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let Some(rest) = url.strip_prefix("https://") else {
        return Err("must be the site's https:// address, such as https://example.org".into());
    };
    if let Some(bad) = url.chars().find(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '?' | '#' | '@' | '"' | '\'' | '<' | '>' | '\\' | '&')
    }) {
        return Err(format!(
            "must be an address with at most a path after the host; remove the {}",
            match bad {
                '?' | '&' => "query (from ?)".to_string(),
                '#' => "fragment (from #)".to_string(),
                '@' => "user name (before @)".to_string(),
                '"' | '\'' => "quotation mark".to_string(),
                c if c.is_whitespace() => "space".to_string(),
                c => format!("character {c:?}"),
            }
        ));
    }
    let authority = rest.split('/').next().unwrap_or("");
    let host = authority.split(':').next().unwrap_or("");
    if !is_plain_host(host) || classify(url) != Some(LinkKind::External) {
        return Err("must name the site's host after https://, such as https://example.org".into());
    }
    Ok(())
}

/// Why a form-service address cannot be used, if it cannot. It goes into the security
/// policy (`connect-src`, and `_headers`), so it must be an https address with a plain
/// host, or a path on this site for services that take posts there (Netlify).
pub fn check_endpoint(endpoint: &str) -> Result<(), String> {
    if let Some(bad) = endpoint.chars().find(|c| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, ';' | ',' | '"' | '\'' | '<' | '>' | '\\')
    }) {
        return Err(format!(
            "contains {}, which an address of a form service never has",
            match bad {
                ';' => "a semicolon".to_string(),
                ',' => "a comma".to_string(),
                '"' | '\'' => "a quotation mark".to_string(),
                c if c.is_whitespace() => "a space".to_string(),
                c => format!("the character {c:?}"),
            }
        ));
    }
    if endpoint.starts_with('/') && !endpoint.starts_with("//") {
        return Ok(());
    }
    let Some(rest) = endpoint.strip_prefix("https://") else {
        return Err("must be an https:// address, or a path on this site such as /join".into());
    };
    if rest.is_empty() {
        return Err("must name a host such as forms.example.org after https://".into());
    }
    https_origin(endpoint)?;
    if classify(endpoint).is_none() {
        return Err("is not an address the site can send to".into());
    }
    Ok(())
}

/// The host of an https address, without port or user.
fn endpoint_host(endpoint: &str) -> Option<&str> {
    let rest = endpoint.strip_prefix("https://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    authority.split(':').next()
}

/// The settings of `[signup]` that decide where personal data goes: set by whoever
/// deploys the site (`SIGNUP_SERVICE`, `SIGNUP_ENDPOINT`, `SIGNUP_ACCESS_KEY` at build
/// time), never by an editor's change to the site settings.
pub const DELIVERY_SETTINGS: [(&str, &str); 3] = [
    ("service", "SIGNUP_SERVICE"),
    ("endpoint", "SIGNUP_ENDPOINT"),
    ("access_key", "SIGNUP_ACCESS_KEY"),
];

/// True for a Web3Forms access key as the service issues them: a UUID.
fn is_access_key(key: &str) -> bool {
    key.len() == 36
        && key.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// The address given, or the service's own when it has one everybody uses.
pub fn with_default_endpoint(mut signup: Signup) -> Signup {
    if signup.endpoint.is_none() {
        signup.endpoint = signup.service.default_endpoint().map(str::to_string);
    }
    signup
}

impl Validate for Signup {
    /// The rules for the form service's settings, each naming its field.
    fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let service = self.service;
        if let Some(endpoint) = &self.endpoint {
            let on_this_site = endpoint.starts_with('/');
            let why = match check_endpoint(endpoint) {
                Err(why) => Some(why),
                Ok(()) if service == Service::Netlify && !on_this_site => Some(
                    "must be a path on this site, such as /, for Netlify Forms (the site must be hosted on Netlify)".into(),
                ),
                Ok(()) if service != Service::Netlify && service != Service::Json && on_this_site => Some(format!(
                    "must be the https:// address {} gives the form",
                    service.name()
                )),
                Ok(()) => match service.host() {
                    Some(host) if endpoint_host(endpoint) != Some(host) => Some(format!(
                        "is not an address of {}, whose forms are all at https://{host}/: sign-ups must go to the service the privacy notice names",
                        service.name()
                    )),
                    _ => None,
                },
            };
            if let Some(why) = why {
                problems.push(Problem::new(
                    "signup.endpoint",
                    format!("\"{endpoint}\" {why}"),
                ));
            }
        }
        match (service, self.access_key.as_deref()) {
            (Service::Web3forms, None) => problems.push(Problem::new(
                "signup.access_key",
                "Web3Forms needs its access key: copy it from the email Web3Forms sent, or set SIGNUP_ACCESS_KEY",
            )),
            (Service::Web3forms, Some(key)) if !is_access_key(key) => problems.push(Problem::new(
                "signup.access_key",
                format!("\"{key}\" is not a Web3Forms access key, which looks like 1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f"),
            )),
            (Service::Web3forms, Some(_)) | (_, None) => {}
            (other, Some(_)) => problems.push(Problem::new(
                "signup.access_key",
                format!("only Web3Forms uses an access key, and the service is {}; remove it", other.key()),
            )),
        }
        problems
    }
}

impl Validate for SiteConfig {
    /// Every rule the settings must meet; an empty list means they are fine.
    fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        required(&mut problems, "name", &self.name);
        required(&mut problems, "tagline", &self.tagline);
        required(&mut problems, "description", &self.description);
        if !is_email(&self.contact_email) {
            problems.push(Problem::new(
                "contact_email",
                format!(
                    "\"{}\" is not an email address; write one plain address, such as contact@example.org, with nothing after it",
                    self.contact_email
                ),
            ));
        } else if !is_plain_email(&self.contact_email) {
            problems.push(Problem::new(
                "contact_email",
                format!(
                    "\"{}\" is more than one plain address: write only the address, such as contact@example.org, with nothing after it (a ?, &, comma or space would copy every email a reader writes to someone else)",
                    self.contact_email
                ),
            ));
        }
        if let Err(why) = check_base_url(&self.base_url) {
            problems.push(Problem::new(
                "base_url",
                format!("\"{}\" {why}", self.base_url),
            ));
        }
        if self.categories.is_empty() {
            problems.push(Problem::new("categories", "list at least one category"));
        }
        for (i, category) in self.categories.iter().enumerate() {
            if !is_slug(&category.slug) {
                problems.push(Problem::new(
                    format!("categories[{i}].slug"),
                    format!(
                        "\"{}\" must use only lower-case letters, digits and hyphens",
                        category.slug
                    ),
                ));
            }
            if self.categories[..i].iter().any(|c| c.slug == category.slug) {
                problems.push(Problem::new(
                    format!("categories[{i}].slug"),
                    format!("\"{}\" is used by an earlier category", category.slug),
                ));
            }
            required(
                &mut problems,
                &format!("categories[{i}].name"),
                &category.name,
            );
        }
        problems.extend(self.signup.validate());
        required(&mut problems, "home.ask", &self.home.ask);
        required(&mut problems, "home.intro", &self.home.intro);
        required(
            &mut problems,
            "signup.privacy_notice_version",
            &self.signup.privacy_notice_version,
        );
        if !(100..=5000).contains(&self.signup.support_max_chars) {
            problems.push(Problem::new(
                "signup.support_max_chars",
                "must be between 100 and 5000",
            ));
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use content::samples::site as sample;
    use content::site::Category;

    #[test]
    fn the_site_address_is_an_https_origin_with_at_most_a_path() {
        use super::check_base_url;
        for good in [
            "https://example.org",
            "https://example.org/",
            "https://example.org/coalition/",
        ] {
            assert_eq!(check_base_url(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("https://example.org/?a=1&b=2", "query"),
            ("https://example.org/\"><script>", "quotation mark"),
            ("https://example.org/#top", "fragment"),
            ("https://me@example.org", "user name"),
            ("http://example.org", "https://"),
            ("https://example", "host"),
        ] {
            let result = check_base_url(bad);
            assert!(
                result.as_ref().is_err_and(|e| e.contains(why)),
                "{bad}: {result:?}"
            );
        }
    }

    #[test]
    fn a_form_service_address_that_could_break_the_security_policy_is_refused() {
        use super::check_endpoint;
        for (endpoint, why) in [
            ("https://*/f", "wildcard"),
            ("https://forms.example;sandbox/f", "semicolon"),
            ("https://a,b/f", "comma"),
            ("https://u:p@host.example/f", "user name or password"),
            ("https://forms.example/f\" onload", "quotation mark"),
            ("https://forms example/f", "space"),
            ("http://forms.example/f", "https://"),
            ("//forms.example/f", "https://"),
            ("https://localhost/f", "host such as"),
            ("https://forms.example.test:*/f", "port"),
            ("https://forms.example.test:(x)/f", "port"),
            ("https://forms.example.test:0/f", "port"),
            ("https://forms.example.test:70000/f", "port"),
            ("https://forms.example.test:/f", "port"),
        ] {
            let result = check_endpoint(endpoint);
            assert!(
                result.as_ref().is_err_and(|e| e.contains(why)),
                "{endpoint}: expected a message naming {why:?}, got {result:?}"
            );
        }
        for good in [
            "https://formspree.io/f/abc",
            "https://forms.example.org:8443/join",
            "/join",
        ] {
            assert_eq!(check_endpoint(good), Ok(()), "{good}");
        }
    }

    #[test]
    fn an_origin_is_read_by_its_parts_and_written_back_plainly() {
        use super::https_origin;
        assert_eq!(
            https_origin("https://Auth.Example.org/callback"),
            Ok("https://auth.example.org".into())
        );
        assert_eq!(
            https_origin("https://auth.example.org:8443"),
            Ok("https://auth.example.org:8443".into())
        );
        for bad in [
            "https://auth.example.org\n! Content-Security-Policy",
            "https://auth.example.org:*",
            "http://auth.example.org",
            "https://*.example.org",
        ] {
            assert!(https_origin(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn a_named_service_is_reached_only_at_its_own_host() {
        let mut signup = sample().signup;
        signup.service = Service::Formspree;
        signup.endpoint = Some("https://formspree.io/f/xabc".into());
        assert_eq!(signup.validate(), vec![]);
        for elsewhere in [
            "https://collector.example/f/xabc",
            "https://formspree.io.evil.example/f",
        ] {
            signup.endpoint = Some(elsewhere.into());
            let problems = signup.validate();
            assert!(
                problems.len() == 1 && problems[0].message.contains("https://formspree.io/"),
                "{elsewhere}: {problems:?}"
            );
        }
        signup.service = Service::Json;
        signup.endpoint = Some("https://collector.example/f".into());
        assert_eq!(
            signup.validate(),
            vec![],
            "the JSON contract names no service"
        );
    }

    #[test]
    fn sample_is_valid() {
        assert_eq!(sample().validate(), vec![]);
    }

    #[test]
    fn the_contact_address_is_one_plain_address_with_nothing_after_it() {
        for bad in [
            "contact@example.org?bcc=harvest%40attacker.example&x=",
            "contact@example.org&cc=someone@attacker.example",
            "contact@example.org,someone@attacker.example",
            "contact@example.org someone@attacker.example",
            "contact@example.org;someone@attacker.example",
            "contact@example.org%3Fbcc=x",
            "Contact <contact@example.org>",
            "contact@example..org",
        ] {
            let mut c = sample();
            c.contact_email = bad.into();
            let problems = c.validate();
            assert_eq!(fields(&c), ["contact_email"], "{bad}");
            assert!(
                problems[0].message.contains("nothing after it"),
                "{bad}: {problems:?}"
            );
        }
        for good in ["contact@example.org", "first.last+send@mail.example.co.uk"] {
            let mut c = sample();
            c.contact_email = good.into();
            assert!(fields(&c).is_empty(), "{good}");
        }
    }

    #[test]
    fn names_each_bad_field() {
        let mut c = sample();
        c.contact_email = "not an email".into();
        c.base_url = "example.org".into();
        c.categories.push(Category {
            slug: "news".into(),
            name: "Again".into(),
        });
        c.categories.push(Category {
            slug: "Bad Slug".into(),
            name: "".into(),
        });
        c.signup.endpoint = Some("http://insecure.example".into());
        assert_eq!(
            fields(&c),
            [
                "contact_email",
                "base_url",
                "categories[1].slug",
                "categories[2].slug",
                "categories[2].name",
                "signup.endpoint"
            ]
        );
    }

    #[test]
    fn each_form_service_setting_is_checked_with_a_message_to_act_on() {
        let signup = |service: Service, endpoint: Option<&str>, key: Option<&str>| {
            with_default_endpoint(Signup {
                service,
                endpoint: endpoint.map(str::to_string),
                access_key: key.map(str::to_string),
                ..sample().signup
            })
        };
        let key = "1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f";
        let web3 = signup(Service::Web3forms, None, Some(key));
        assert_eq!(
            web3.endpoint.as_deref(),
            Some("https://api.web3forms.com/submit")
        );
        assert_eq!(web3.validate(), vec![]);
        assert_eq!(
            signup(Service::Netlify, None, None).endpoint.as_deref(),
            Some("/")
        );
        let messages = |s: Signup| {
            s.validate()
                .into_iter()
                .map(|p| format!("{}: {}", p.field, p.message))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            messages(signup(Service::Web3forms, None, None)),
            ["signup.access_key: Web3Forms needs its access key: copy it from the email Web3Forms sent, or set SIGNUP_ACCESS_KEY"]
        );
        assert_eq!(
            messages(signup(Service::Web3forms, None, Some("abc"))),
            ["signup.access_key: \"abc\" is not a Web3Forms access key, which looks like 1a2b3c4d-1a2b-1a2b-1a2b-1a2b3c4d5e6f"]
        );
        assert_eq!(
            messages(signup(Service::Formspree, Some("https://formspree.io/f/x"), Some(key))),
            ["signup.access_key: only Web3Forms uses an access key, and the service is formspree; remove it"]
        );
        assert_eq!(
            messages(signup(Service::Netlify, Some("https://forms.example.org/f"), None)),
            ["signup.endpoint: \"https://forms.example.org/f\" must be a path on this site, such as /, for Netlify Forms (the site must be hosted on Netlify)"]
        );
        assert_eq!(
            messages(signup(Service::Basin, Some("/join"), None)),
            ["signup.endpoint: \"/join\" must be the https:// address Basin (usebasin.com) gives the form"]
        );
    }

    fn fields(config: &SiteConfig) -> Vec<String> {
        config.validate().into_iter().map(|p| p.field).collect()
    }
}
