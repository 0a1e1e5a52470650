//! One place that turns a content resource into a view: a skeleton, the content, or
//! the error panel with Retry.

use crate::components::error_panel::ErrorPanel;
use content::response::ContentError;
use leptos::prelude::*;

/// Shows `fallback` until the content arrives, then `render`s it, or says in words what
/// failed with a Retry that fetches it again. While a Retry or a new address loads, the
/// last content or error stays on screen, so nothing flashes.
///
/// Read straight from the resource rather than through `Suspense`: one small closure per
/// use instead of a suspended future per use keeps the wasm small.
pub fn loaded<T, V>(
    resource: LocalResource<Result<T, ContentError>>,
    fallback: fn() -> AnyView,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => fallback(),
        Some(Ok(value)) => untrack(|| render(value).into_any()),
        Some(Err(error)) => failed(error, retry(resource)),
    }
}

/// Fetches a resource again when the reader asks.
pub fn retry<T: 'static>(resource: LocalResource<T>) -> Callback<()> {
    Callback::new(move |()| resource.refetch())
}

/// The error panel for a failed resource; not generic, so it exists once in the wasm.
pub fn failed(error: ContentError, on_retry: Callback<()>) -> AnyView {
    view! { <ErrorPanel error on_retry /> }.into_any()
}
