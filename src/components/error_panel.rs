//! The one way a failure reaches a reader: plain words and a way to try again.

use crate::source::ContentError;
use leptos::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Gives each panel its own heading id, since one page can show several.
static PANELS: AtomicUsize = AtomicUsize::new(0);

/// Says what went wrong in plain words, offers Retry, and keeps the rest of the page working.
#[component]
pub fn ErrorPanel(
    /// What failed.
    error: ContentError,
    /// Fetches the content again.
    #[prop(into)]
    on_retry: Callback<()>,
) -> impl IntoView {
    let id = format!("error-panel-{}", PANELS.fetch_add(1, Ordering::Relaxed));
    let heading_id = id.clone();
    view! {
        <section class="error-panel" role="alert" aria-labelledby=heading_id>
            <h2 id=id>{error.title()}</h2>
            <p>{error.explanation()}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                "Try again"
            </button>
            <details>
                <summary>"Technical details"</summary>
                <p class="error-detail">{error.detail()}</p>
            </details>
        </section>
    }
}
