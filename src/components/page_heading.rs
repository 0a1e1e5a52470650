//! Every page's `h1`, which also sets the document title and announces the page.

use crate::state::{use_announcer, use_site};
use content::text::wrap_points;
use leptos::html::H1;
use leptos::prelude::*;

/// The page's one `h1`: sets "Page – Site name" as the title (and, at build time, states
/// the title and description for the head) and, after a navigation, moves focus here and
/// names the page in the live region.
#[component]
pub fn PageHeading(
    /// The page's name, as it should read in the title and the heading.
    #[prop(into)]
    title: Signal<String>,
    /// The page's meta description, written into the built page's head; the site's own
    /// when not given. (Only link previews and search engines read it, and they read the
    /// built page, so the app leaves the head's copy alone.)
    #[prop(optional, into)]
    description: MaybeProp<String>,
) -> impl IntoView {
    let site = use_site();
    crate::head::state(|facts| {
        facts.title = title.get_untracked();
        facts.description = description.get_untracked();
    });
    let announcer = use_announcer();
    let heading = NodeRef::<H1>::new();
    Effect::new(move || {
        let page = title.get();
        let full = site
            .get()
            .map(|s| s.page_title(&page))
            .unwrap_or_else(|| page.clone());
        document().set_title(&full);
    });
    Effect::new(move || {
        if let Some(h1) = heading.get() {
            if announcer.navigated.get_value() {
                let _ = h1.focus();
                announcer.message.set(title.get_untracked());
            } else {
                announcer.navigated.set_value(true);
            }
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1">
            {move || wrapped(&title.get())}
        </h1>
    }
}

/// The heading's text with a `<wbr>` where a long hashtag may wrap, as the static page has it.
fn wrapped(title: &str) -> impl IntoView {
    wrap_points(title)
        .into_iter()
        .enumerate()
        .map(|(i, piece)| view! { {(i > 0).then(|| view! { <wbr /> })} {piece.to_string()} })
        .collect_view()
}
