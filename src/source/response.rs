//! What a content response means, decided apart from the browser so it is tested natively.

use content::FromJson;
use serde_json::Value;
use std::fmt;

/// Why content could not be shown, precise enough to say so in plain words.
// The build-time render meets only missing and malformed files; the browser meets them all.
#[cfg_attr(feature = "ssr", allow(dead_code))]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContentError {
    /// The request never got an answer: offline, DNS, blocked or aborted.
    Network { url: String, detail: String },
    /// The server did not answer in time.
    Timeout { url: String, seconds: u32 },
    /// The file is not there (a 404, or a host's HTML fallback page instead of JSON).
    NotFound { url: String },
    /// The server answered with another error status.
    Status { url: String, status: u16 },
    /// The file arrived but is not the JSON the app expects; `detail` says where: the
    /// line and column of broken JSON, or the path of a field of the wrong shape.
    Malformed { url: String, detail: String },
}

impl ContentError {
    /// A short heading for the error panel.
    pub fn title(&self) -> &'static str {
        match self {
            ContentError::Network { .. } => "We couldn't connect",
            ContentError::Timeout { .. } => "This is taking too long",
            ContentError::NotFound { .. } => "This content is missing",
            ContentError::Status { .. } => "The server had a problem",
            ContentError::Malformed { .. } => "This content could not be read",
        }
    }

    /// What happened and what the reader can do, in plain English.
    pub fn explanation(&self) -> String {
        match self {
            ContentError::Network { .. } => {
                "Check that you are online, then try again.".to_string()
            }
            ContentError::Timeout { seconds, .. } => format!(
                "The server has not answered for {seconds} seconds. Your connection may be slow: please try again."
            ),
            ContentError::NotFound { .. } => {
                "The file this page needs was not found. It may have moved. Try again, or go back to the home page.".to_string()
            }
            ContentError::Status { status, .. } => format!(
                "The server answered with error {status}. This is usually brief: please try again in a moment."
            ),
            ContentError::Malformed { .. } => {
                "The file this page needs is damaged, so we cannot show it. Try again; if it keeps happening, please tell us.".to_string()
            }
        }
    }

    /// The technical detail, for a reader reporting the problem.
    pub fn detail(&self) -> String {
        self.to_string()
    }

    /// True when the file is simply not there, so a page can say "not found".
    pub fn is_not_found(&self) -> bool {
        matches!(self, ContentError::NotFound { .. })
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentError::Network { url, detail } => write!(f, "{url}: network error: {detail}"),
            ContentError::Timeout { url, seconds } => {
                write!(f, "{url}: no answer after {seconds} s")
            }
            ContentError::NotFound { url } => write!(f, "{url}: not found"),
            ContentError::Status { url, status } => write!(f, "{url}: HTTP {status}"),
            ContentError::Malformed { url, detail } => write!(f, "{url}: {detail}"),
        }
    }
}

impl std::error::Error for ContentError {}

/// Reads a body that has passed [`check`] as `T`, saying where it stopped making sense.
/// Only the last step, from a JSON value to `T`, is written out per type in the wasm.
pub fn parse<T: FromJson>(url: &str, body: &str) -> Result<T, ContentError> {
    T::from_json(&value_of(url, body)?).map_err(|detail| malformed(url, detail))
}

/// The body as a JSON value, once for every content type.
#[inline(never)]
fn value_of(url: &str, body: &str) -> Result<Value, ContentError> {
    serde_json::from_str(body).map_err(|e| malformed(url, e.to_string()))
}

/// Refuses error statuses and HTML fallback pages before any JSON is read; not generic,
/// so the wasm holds it once.
#[cfg_attr(feature = "ssr", allow(dead_code))]
pub fn check(url: &str, status: u16, content_type: &str, body: &str) -> Result<(), ContentError> {
    let url = url.to_string();
    if status == 404 || status == 410 {
        return Err(ContentError::NotFound { url });
    }
    if !(200..300).contains(&status) {
        return Err(ContentError::Status { url, status });
    }
    // A static host's fallback answers a missing file with the app's HTML page.
    if content_type.contains("html") || body.trim_start().starts_with('<') {
        return Err(ContentError::NotFound { url });
    }
    Ok(())
}

/// Says where JSON stopped making sense, once for every content type.
#[inline(never)]
fn malformed(url: &str, detail: String) -> ContentError {
    ContentError::Malformed {
        url: url.to_string(),
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use content::site::PublishedSite;

    /// What the app makes of one response: the checks, then the reading.
    fn site(status: u16, content_type: &str, body: &str) -> Result<PublishedSite, ContentError> {
        let url = "/content/site.json";
        check(url, status, content_type, body)?;
        parse(url, body)
    }

    #[test]
    fn tells_statuses_apart() {
        assert!(site(404, "text/plain", "").is_err_and(|e| e.is_not_found()));
        assert_eq!(
            site(500, "text/plain", "oops").err(),
            Some(ContentError::Status {
                url: "/content/site.json".into(),
                status: 500
            })
        );
    }

    #[test]
    fn html_instead_of_json_is_missing() {
        let html = "<!doctype html><html><body>app</body></html>";
        assert!(site(200, "text/html; charset=utf-8", html).is_err_and(|e| e.is_not_found()));
        assert!(site(200, "application/octet-stream", html).is_err_and(|e| e.is_not_found()));
    }

    #[test]
    fn malformed_json_names_its_line_and_column_and_a_wrong_field_its_path() {
        let said = |body: &str| {
            site(200, "application/json", body)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            said("{\n  \"name\": \"A\",\n}"),
            "/content/site.json: trailing comma at line 3 column 1"
        );
        assert_eq!(
            said("{\"name\": 3}"),
            "/content/site.json: `name` must be text"
        );
        assert_eq!(said("{}"), "/content/site.json: `name` is missing");
    }
}
