//! One place that turns a content file into a view: a skeleton, the content, or
//! the error panel with Retry.

use crate::components::error_panel::ErrorPanel;
use crate::source::ContentError;
use crate::source::ContentFile;
use content::FromJson;
use leptos::prelude::*;

/// Shows `fallback` until the file arrives, then `render`s it as `T`, or says in words
/// what failed with a Retry that fetches it again. While a Retry or a new address loads,
/// the last content or error stays on screen, so nothing flashes.
///
/// Read straight from the resource rather than through `Suspense`: one small closure per
/// use instead of a suspended future per use keeps the wasm small.
pub fn loaded<T, V>(
    file: ContentFile,
    fallback: fn() -> AnyView,
    render: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: FromJson + 'static,
    V: IntoView + 'static,
{
    move || match file.read::<T>() {
        None => fallback(),
        Some(Ok(value)) => untrack(|| render(value).into_any()),
        Some(Err(error)) => failed(error, file),
    }
}

/// The error panel for a file that could not be shown; not generic, so it exists once in the wasm.
pub fn failed(error: ContentError, file: ContentFile) -> AnyView {
    crate::head::state(|facts| facts.errors.push(error.to_string()));
    view! { <ErrorPanel error on_retry=move |()| file.refetch() /> }.into_any()
}
