//! What the join page says about a request: where it stands, that it was sent, that
//! it ended and why, what this browser cannot keep, and the email that stands in.

use crate::browser;
use crate::outbox::{self, use_outbox};
use crate::state::use_site;
use join::form::SignupForm;
use join::outbox::{Item, Progress};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Tells the reader, politely, where their request stands, with a way to cancel one
/// that waits on the device.
#[component]
pub(super) fn Status(
    /// Where the page's own request stands.
    progress: Signal<Option<Progress>>,
    /// Anything else the page must say about it.
    note: RwSignal<String>,
    /// Removes the waiting request from this device.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let message = move || {
        let said = progress.get().map(|p| p.message()).unwrap_or_default();
        let note = note.get();
        match (said.is_empty(), note.is_empty()) {
            (true, _) => note,
            (false, true) => said,
            (false, false) => format!("{note} {said}"),
        }
    };
    let waiting = move || matches!(progress.get(), Some(Progress::Kept | Progress::Waiting(_)));
    view! {
        <div class="status-message" class:status-visible=move || !message().is_empty() role="status">
            {message}
        </div>
        <p hidden=move || !waiting()>
            <button type="button" class="button button-secondary" on:click=move |_| on_cancel.run(())>
                "Cancel this request"
            </button>
        </p>
    }
}

/// Asks, before clearing the form, whether the request waiting on this device goes too
/// (it holds the same personal details, and the computer may be shared).
#[component]
pub(super) fn ClearQuestion(
    /// True while the question is asked.
    asking: RwSignal<bool>,
    /// Called with true to remove the waiting request as well, false to keep it.
    on_answer: Callback<bool>,
) -> impl IntoView {
    move || {
        asking.get().then(|| {
            view! {
                <div class="notice" role="group" aria-labelledby="clear-question">
                    <p id="clear-question">
                        "A request with your answers is also saved on this device, waiting to be sent. Remove it as well?"
                    </p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| on_answer.run(true)>
                            "Clear the form and remove the request"
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| on_answer.run(false)>
                            "Clear the form, still send the request"
                        </button>
                    </div>
                </div>
            }
        })
    }
}

/// Requests made earlier on this device that ended without delivery: why, and their
/// answers, ready to use again or to email.
#[component]
pub(super) fn EndedRequests(
    /// The page's own request, which its status already speaks for.
    current: RwSignal<String>,
    /// Puts a request's answers back into the form.
    on_use: Callback<Item>,
) -> impl IntoView {
    let outbox = use_outbox();
    let site = use_site();
    let others = move || {
        let current = current.get();
        outbox
            .ended
            .get()
            .into_iter()
            .filter(|item| item.submission_id != current)
            .collect::<Vec<_>>()
    };
    move || {
        let list = others();
        (!list.is_empty()).then(|| {
            view! {
                <section class="notice" aria-labelledby="ended-heading">
                    <h2 id="ended-heading">"A request you made earlier was not sent"</h2>
                    <ul>
                        {list
                            .into_iter()
                            .map(|item| {
                                let why = item.ended.as_ref().map(|w| w.explain()).unwrap_or_default();
                                let answers = item.answers().unwrap_or_default();
                                let mailto = site.get().map(|s| answers.mailto(&s.contact_email));
                                let name = answers.org_name.clone();
                                let id = item.submission_id.clone();
                                view! {
                                    <li>
                                        <p>{format!("Request for {name}: {why}")}</p>
                                        <div class="button-row">
                                            <button type="button" class="button" on:click=move |_| on_use.run(item.clone())>
                                                "Put these answers in the form"
                                            </button>
                                            <a class="button button-secondary button-link" href=mailto>
                                                "Email these answers instead"
                                            </a>
                                            <button
                                                type="button"
                                                class="button button-secondary"
                                                on:click=move |_| outbox::forget(outbox, vec![id.clone()])
                                            >
                                                "Remove this request"
                                            </button>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
    }
}

/// Where this browser keeps nothing (site data blocked, some private modes), says so
/// before anything is sent, with the email that needs no saving.
#[component]
pub(super) fn NotKeptNotice(
    /// The answers, for the email.
    form: RwSignal<SignupForm>,
) -> impl IntoView {
    let outbox = use_outbox();
    let site = use_site();
    let mailto = move || {
        site.get()
            .map(|s| form.with(|f| f.mailto(&s.contact_email)))
    };
    let adopted = crate::state::use_adopted();
    move || {
        (adopted.get() && !outbox.can_keep.get()).then(|| {
        view! {
            <div class="notice" role="note">
                <p>
                    "This browser is not letting this site save anything on your device, so if sending fails your request cannot be kept to send later. "
                    <a href=mailto>"Email your answers to us instead"</a>
                    ", or send the form and keep this page open until it says your request has been sent."
                </p>
            </div>
        }
    })
    }
}

/// The confirmation after a request is delivered; it takes focus.
#[component]
pub(super) fn Sent(on_again: impl Fn() + 'static) -> impl IntoView {
    view! {
        <section class="confirmation" aria-labelledby="confirmation">
            <h2 id="confirmation" tabindex="-1">
                "Thank you: your request has been sent"
            </h2>
            <p>
                "What happens next: the coalition team will read your request and reply to the email address you gave."
            </p>
            <p>
                <button type="button" class="button button-secondary" on:click=move |_| on_again()>
                    "Send another request"
                </button>
            </p>
        </section>
    }
}

/// Without a form service, the answers become an email to the coalition, or text to copy.
#[component]
pub(super) fn EmailInstead(answers: SignupForm, on_back: impl Fn() + 'static) -> impl IntoView {
    let site = use_site();
    let copied = RwSignal::new(String::new());
    let text = answers.as_text();
    let mailto = move || site.get().map(|s| answers.mailto(&s.contact_email));
    let copy_text = text.clone();
    view! {
        <section class="confirmation" aria-labelledby="confirmation">
            <h2 id="confirmation" tabindex="-1">
                "One more step: email your request"
            </h2>
            <p>
                "This site does not send forms on its own yet, so nothing has been sent. Your answers are ready in an email to the coalition: open it in your email app and press send."
            </p>
            <p>
                <a class="button button-link" href=mailto>
                    "Open an email with your answers"
                </a>
            </p>
            <p>
                "If the email does not open, copy your answers and paste them into an email to the address at the foot of this page."
            </p>
            <p>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| {
                        let text = copy_text.clone();
                        spawn_local(async move {
                            let ok = browser::copy_text(&text).await;
                            copied.set(if ok { "Your answers have been copied.".into() } else { "Your browser did not allow copying: select the answers below instead.".into() });
                        });
                    }
                >
                    "Copy your answers"
                </button>
            </p>
            <p role="status">{move || copied.get()}</p>
            <pre class="answers" tabindex="0" aria-label="Your answers">{text}</pre>
            <p>
                <button type="button" class="button button-secondary" on:click=move |_| on_back()>
                    "Change your answers"
                </button>
            </p>
        </section>
    }
}
