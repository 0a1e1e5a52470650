//! The frame around every page: skip link, header and navigation, main, footer.

use crate::components::loader::failed;
use crate::components::preferences::ReadingPreferences;
use crate::state::{use_announcer, use_site};
use leptos::html::Main;
use leptos::prelude::*;
use leptos_router::components::A;

/// The site's sections, in the order the navigation lists them: (path, label).
pub const NAV: &[(&str, &str)] = &[
    ("/", "Home"),
    ("/blog", "Blog"),
    ("/timeline", "Timeline"),
    ("/members", "Members"),
    ("/join", "Join"),
    ("/write-to-your-mp", "Write to your MP"),
];

/// Wraps every page so landmarks, the skip link and announcements are always there.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let main = NodeRef::<Main>::new();
    let announcer = use_announcer();
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = main.get() {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip-link" href="#main" on:click=skip>
            "Skip to main content"
        </a>
        <Header />
        <main id="main" tabindex="-1" node_ref=main>
            <SiteError />
            <UnsentNotice />
            {children()}
        </main>
        <Footer />
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.message.get()}
        </div>
    }
}

/// Explains a failure to load the site settings, above whatever the page can still show.
#[component]
fn SiteError() -> impl IntoView {
    let site = use_site();
    move || {
        site.error()
            .map(|error| view! { <div class="wrap">{failed(error, site.file())}</div> })
    }
}

/// Tells the reader, on whatever page they open, that a request to join made on this
/// device ended without being sent, and where its answers and the email fallback wait.
#[component]
fn UnsentNotice() -> impl IntoView {
    let outbox = crate::outbox::use_outbox();
    let location = leptos_router::hooks::use_location();
    move || {
        let unsent = outbox.ended.with(|ended| !ended.is_empty());
        let on_join = location
            .pathname
            .with(|path| path.trim_end_matches('/') == "/join");
        (unsent && !on_join).then(|| {
            view! {
                <div class="wrap">
                    <div class="notice" role="status">
                        <p>
                            "A request to join that you made on this device could not be sent. "
                            <A href="/join">"See why, and send it another way"</A>
                        </p>
                    </div>
                </div>
            }
        })
    }
}

/// The site name and the main navigation, with the current page marked.
#[component]
fn Header() -> impl IntoView {
    let site = use_site();
    let name = move || site.get().map(|s| s.name).unwrap_or_else(|| "Home".into());
    let tagline = move || site.get().map(|s| s.tagline).unwrap_or_default();
    view! {
        <header class="site-header">
            <div class="wrap header-inner">
                <div class="brand">
                    <A href="/" attr:class="brand-name">
                        {name}
                    </A>
                    // Marked as loading until the settings arrive, so the app takes over with the header whole.
                    <p class="tagline" class:skeleton=move || site.loading()>
                        {tagline}
                    </p>
                </div>
                <nav aria-label="Main">
                    <ul class="nav-list">
                        {NAV
                            .iter()
                            .map(|(href, label)| {
                                view! {
                                    <li>
                                        <A href=*href exact=*href == "/">
                                            {*label}
                                        </A>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
                <ReadingPreferences />
            </div>
        </header>
    }
}

/// The contact address and the coalition's name, on every page.
#[component]
fn Footer() -> impl IntoView {
    let site = use_site();
    let contact = move || {
        site.get().map(|s| {
            let mailto = format!("mailto:{}", s.contact_email);
            view! {
                <p>
                    "Contact the coalition: " <a href=mailto>{s.contact_email.clone()}</a>
                </p>
                <p class="small">{s.description.clone()}</p>
                <ul class="footer-links">
                    <li>
                        <A href="/privacy">"Privacy notice"</A>
                    </li>
                    <li>
                        <A href="/accessibility">"Accessibility statement"</A>
                    </li>
                </ul>
            }
        })
    };
    view! {
        <footer class="site-footer">
            <div class="wrap">{contact}</div>
        </footer>
    }
}
