//! Write to your MP: the coalition's ask and talking points (an editors' page), then a
//! postcode that finds the reader's MP and hands them to WriteToThem to write in their
//! own words. The built page's form is a plain GET to WriteToThem, so it works with
//! scripts off; the app looks the MP up first, and whatever fails, offers the same
//! hand-over. The postcode is kept nowhere and goes only to the services named.

use crate::browser;
use crate::components::document::Document;
use crate::components::form::TextField;
use crate::pages::content_page::editors_page;
use crate::source::ContentFile;
use act::finding::{Finding, Told};
use act::handoff::{POSTCODE_FIELD, WRITE_TO_THEM};
use act::lookup::{
    member_url, place_url, read_member, read_place, Place, CREDIT, LICENCE_URL,
    LOOKUP_TIMEOUT_SECONDS,
};
use act::postcode::Postcode;
use content::address;
use content::post::{action_page_for, Page, ACTION_PAGE};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the lookup stands.
#[derive(Clone, Debug, PartialEq)]
enum Lookup {
    /// Nothing asked yet.
    Idle,
    /// Asking the services.
    Searching,
    /// What they said.
    Done(Finding),
}

/// Asks both services about `postcode`: the nation from postcodes.io, the MP from
/// Parliament (not asked when postcodes.io says there is no such postcode).
async fn look_up(postcode: Postcode) -> Finding {
    let ask = |url: String| async move {
        browser::get_text(&url, LOOKUP_TIMEOUT_SECONDS)
            .await
            .unwrap_or((0, String::new()))
    };
    let (status, body) = ask(place_url(&postcode)).await;
    let place = read_place(status, &body);
    let member = match place {
        Place::NotFound => None,
        _ => {
            let (status, body) = ask(member_url(&postcode)).await;
            Some(read_member(status, &body))
        }
    };
    Finding::from_answers(postcode, place, member)
}

/// The action page.
#[component]
pub fn WriteToYourMp() -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let lookup = RwSignal::new(Lookup::Idle);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match Postcode::parse(&typed.get_untracked()) {
            Err(why) => {
                error.set(Some(why.message().to_string()));
                lookup.set(Lookup::Idle);
                browser::focus_id(POSTCODE_FIELD);
            }
            Ok(postcode) => {
                error.set(None);
                lookup.set(Lookup::Searching);
                spawn_local(async move { lookup.set(Lookup::Done(look_up(postcode).await)) });
            }
        }
    };
    view! {
        <div class="wrap page">
            {editors_page(ACTION_PAGE)}
            <section class="action" aria-labelledby="find-mp">
                <h2 id="find-mp">"Find your MP"</h2>
                <p>
                    "Type your postcode. We look up your MP, then WriteToThem, a free service run by the charity mySociety, helps you write to them. Your postcode is not kept."
                </p>
                <form class="action-form" method="get" action=WRITE_TO_THEM novalidate on:submit=submit>
                    <TextField
                        id=POSTCODE_FIELD
                        label="Postcode"
                        hint="For example, SW1A 1AA"
                        autocomplete="postal-code"
                        value=Signal::derive(move || typed.get())
                        on_input=Callback::new(move |v| typed.set(v))
                        error=Signal::derive(move || error.get())
                    />
                    <button type="submit" class="button">
                        "Find your MP"
                    </button>
                </form>
                <div role="status" class="status-message" class:status-visible=move || lookup.get() != Lookup::Idle>
                    {move || match lookup.get() {
                        Lookup::Idle => ().into_any(),
                        Lookup::Searching => view! { <p>"Looking up your MP…"</p> }.into_any(),
                        Lookup::Done(finding) => view! { <Said told=finding.told(browser::is_online()) /> }.into_any(),
                    }}
                </div>
                <p class="credit">
                    {CREDIT} " " <a href=LICENCE_URL>"About the Open Parliament Licence"</a>
                </p>
            </section>
        </div>
    }
}

/// What the lookup came to: its words, a devolved nation's own talking points if
/// editors wrote any, and the ways on to WriteToThem.
#[component]
fn Said(told: Told) -> impl IntoView {
    let points = told.points_from.map(|nation| {
        ContentFile::new(Signal::stored(address::page(&action_page_for(
            nation.key(),
        ))))
    });
    view! {
        {told.said.into_iter().map(|said| view! { <p>{said}</p> }).collect_view()}
        {move || {
            points?
                .read::<Page>()
                .and_then(Result::ok)
                .filter(|page| !page.body.is_empty())
                .map(|page| view! { <div class="prose"><Document blocks=page.body /></div> })
        }}
        {told
            .go
            .into_iter()
            .map(|link| {
                view! {
                    <p>
                        <a class="button button-link" class:button-secondary=!link.primary href=link.href>
                            {link.text}
                        </a>
                    </p>
                }
            })
            .collect_view()}
    }
}
