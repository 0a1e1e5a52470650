//! One place that turns a content resource into a view: content, or the error panel with Retry.

use crate::components::error_panel::ErrorPanel;
use content::response::ContentError;
use leptos::either::Either;
use leptos::prelude::*;

/// Renders a loaded resource with `render`, or its error in words with a Retry that refetches it.
/// Use inside `Suspense` or `Transition`, whose fallback is the skeleton.
pub fn loaded<T, V, F>(resource: LocalResource<Result<T, ContentError>>, render: F) -> impl IntoView
where
    T: Clone + 'static,
    V: IntoView + 'static,
    F: Fn(T) -> V + Clone + Send + Sync + 'static,
{
    move || {
        let render = render.clone();
        Suspend::new(async move {
            match resource.await {
                Ok(value) => Either::Left(render(value)),
                Err(error) => Either::Right(view! {
                    <ErrorPanel error on_retry=move |_| resource.refetch() />
                }),
            }
        })
    }
}
