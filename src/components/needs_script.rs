//! A note that shows only when JavaScript is off, where the built page is all there is.

use leptos::prelude::*;

/// Tells a reader without JavaScript that a control will not narrow the list, and what they see instead.
#[component]
pub fn NeedsScript(
    /// The feature that needs JavaScript, such as "Filtering".
    what: &'static str,
    /// What the page shows instead, such as "every milestone is shown".
    shown: &'static str,
) -> impl IntoView {
    // As markup, not elements: with scripts on, a browser reads a noscript's content as
    // text, which the app could not adopt as elements. Both words come from the code.
    let note = format!(
        "<p class=\"notice\">{what} needs JavaScript, which is off in your browser, so {shown}.</p>"
    );
    view! { <noscript inner_html=note></noscript> }
}
