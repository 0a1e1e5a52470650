//! The one way the app fetches content: typed, cancellable, and with errors a
//! reader can understand.

use content::response::{decode, ContentError};
use leptos::prelude::on_cleanup;
use send_wrapper::SendWrapper;
use serde::de::DeserializeOwned;

/// Fetches `url` as JSON of type `T`; the request is aborted if the page that asked is left.
pub async fn fetch_json<T: DeserializeOwned>(url: &str) -> Result<T, ContentError> {
    let controller = SendWrapper::new(web_sys::AbortController::new().ok());
    let signal = controller.as_ref().map(|c| c.signal());
    on_cleanup(move || {
        if let Some(controller) = controller.take() {
            controller.abort();
        }
    });
    let network = |e: gloo_net::Error| ContentError::Network {
        url: url.to_string(),
        detail: e.to_string(),
    };
    let response = gloo_net::http::Request::get(url)
        .header("Accept", "application/json")
        .abort_signal(signal.as_ref())
        .send()
        .await
        .map_err(network)?;
    let content_type = response.headers().get("content-type").unwrap_or_default();
    let body = response.text().await.map_err(network)?;
    decode(url, response.status(), &content_type, &body)
}
