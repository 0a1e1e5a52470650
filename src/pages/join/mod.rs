//! The join form: accessible as GOV.UK forms are, and it never loses a word: drafts
//! and their request's id survive reloads, a request is kept on the device before it is
//! sent, and the page reacts only to its own request.

mod fields;
mod status;

use crate::browser::{self, Store};
use crate::components::form::{CheckboxField, ChoiceGroup, TextArea, TextField};
use crate::components::needs_script::NeedsScript;
use crate::components::page_heading::PageHeading;
use crate::outbox::{self, use_outbox};
use crate::state::use_site;
use content::members::{Nation, OrgType};
use fields::{ErrorSummary, RegisterFields};
use join::form::{Field, FieldError, SignupForm};
use join::outbox::{Draft, Item, Progress};
use join::wire::{FormPost, Submission, HONEYPOT, MIN_HUMAN_SECONDS};
use leptos::prelude::*;
use leptos_router::components::A;
use status::{ClearQuestion, EmailInstead, EndedRequests, NotKeptNotice, Sent, Status};

/// Where the draft lives while the reader types (this tab only).
const DRAFT_KEY: &str = "signup-draft";

/// What the page shows besides the form.
#[derive(Clone, Debug, PartialEq)]
enum Finish {
    /// Still filling in the form.
    Editing,
    /// The request was delivered.
    Thanks,
    /// No form service is set: the answers are ready to email.
    Email(Box<SignupForm>),
}

/// Moves focus to the error summary once it is on screen.
fn focus_summary(summary: NodeRef<leptos::html::Div>) {
    request_animation_frame(move || {
        if let Some(el) = summary.get() {
            let _ = el.focus();
        }
    });
}

/// The join page: the form, its errors and what happens after sending.
#[component]
pub fn Join() -> impl IntoView {
    let site = use_site();
    let outbox = use_outbox();
    // Empty as the build drew it; the tab's draft is restored once the page is adopted.
    let form = RwSignal::new(SignupForm::default());
    // The id this draft is sent under: kept with the draft, so a reload resends under it.
    let id = RwSignal::new(browser::random_uuid());
    // The answers the current id was sent with, including a request kept from an earlier visit.
    let sent_with = StoredValue::new(None);
    let restored = RwSignal::new(false);
    let adopted = crate::state::use_adopted();
    Effect::new(move || {
        if !adopted.get() || restored.get_untracked() {
            return;
        }
        if let Some(draft) =
            browser::load(Store::Session, DRAFT_KEY).and_then(|json| Draft::read(&json))
        {
            form.set(draft.form);
            if !draft.submission_id.is_empty() {
                id.set(draft.submission_id);
            }
        }
        sent_with.set_value(outbox::kept(&id.get_untracked()).and_then(|i| i.answers()));
        restored.set(true);
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let finish = RwSignal::new(Finish::Editing);
    let honeypot = RwSignal::new(String::new());
    let asking_to_clear = RwSignal::new(false);
    // Said when the page's own request was sent without the changes made after pressing Send.
    let note = RwSignal::new(String::new());
    let started = browser::now_ms();
    let summary_ref = NodeRef::<leptos::html::Div>::new();
    let progress = Memo::new(move |_| id.with(|id| outbox.progress(id)));
    let new_request = move || {
        id.set(browser::random_uuid());
        sent_with.set_value(None);
    };

    Effect::new(move || {
        // Never over the kept draft before it is restored.
        if !restored.get() {
            return;
        }
        let draft = Draft {
            form: form.get(),
            submission_id: id.get(),
        };
        if let Ok(json) = serde_json::to_string(&draft) {
            browser::save(Store::Session, DRAFT_KEY, &json);
        }
    });
    // Only this page's own request moves it: one sent in the background from the
    // outbox never clears what is being typed now.
    Effect::new(move || match progress.get() {
        Some(Progress::Sent) => {
            let unchanged =
                sent_with.with_value(|sent| sent.as_ref() == Some(&form.get_untracked()));
            outbox.clear(&id.get_untracked());
            new_request();
            if unchanged {
                form.set(SignupForm::default());
                browser::remove(Store::Session, DRAFT_KEY);
                finish.set(Finish::Thanks);
                request_animation_frame(|| browser::focus_id("confirmation"));
            } else {
                note.set("Your request has been sent, without the changes you made after pressing Send. To send those as well, press \u{201c}Send request to join\u{201d} again: they go as a new request.".into());
            }
        }
        Some(Progress::Ended(why)) => {
            let found = why.field_errors();
            if !found.is_empty() {
                errors.set(found);
                focus_summary(summary_ref);
            }
        }
        _ => {}
    });

    let post = move || site.get().and_then(|s| FormPost::of(&s));
    let max_chars = Signal::derive(move || {
        site.get()
            .map(|s| s.signup.support_max_chars)
            .unwrap_or(1000)
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if progress.get_untracked().is_some_and(|p| p.is_busy()) {
            return;
        }
        let Some(config) = site.get_untracked() else {
            return;
        };
        let answers = form.get_untracked();
        let found = answers.validate(config.signup.support_max_chars);
        if !found.is_empty() {
            errors.set(found);
            focus_summary(summary_ref);
            return;
        }
        errors.set(Vec::new());
        note.set(String::new());
        if !honeypot.get_untracked().is_empty() {
            // Only a program fills the hidden field: thank it and send nothing.
            finish.set(Finish::Thanks);
            return;
        }
        if config.signup.endpoint.is_none() {
            finish.set(Finish::Email(Box::new(answers)));
            request_animation_frame(|| browser::focus_id("confirmation"));
            return;
        }
        let elapsed = (browser::now_ms() - started) / 1000.0;
        sent_with.set_value(Some(answers.clone()));
        let submission = Submission {
            form: answers,
            submission_id: id.get_untracked(),
            privacy_notice_version: config.signup.privacy_notice_version.clone(),
            submitted_at: browser::now_iso(),
            possibly_automated: elapsed < MIN_HUMAN_SECONDS,
        };
        outbox::submit(outbox, config.signup, &submission);
    };
    let clear = move |remove_kept: bool| {
        if remove_kept {
            outbox::forget(outbox, vec![id.get_untracked()]);
        }
        form.set(SignupForm::default());
        errors.set(Vec::new());
        note.set(String::new());
        asking_to_clear.set(false);
        browser::remove(Store::Session, DRAFT_KEY);
        new_request();
    };
    let use_answers = move |item: Item| {
        if let Some(answers) = item.answers() {
            form.set(answers);
            sent_with.set_value(None);
            errors.set(item.ended.map(|why| why.field_errors()).unwrap_or_default());
            id.set(item.submission_id);
            focus_summary(summary_ref);
        }
    };

    let title = Signal::derive(move || {
        if errors.with(Vec::is_empty) {
            "Join the coalition".to_string()
        } else {
            "Error: Join the coalition".to_string()
        }
    });
    let error_for = move |field: Field| {
        Signal::derive(move || {
            errors.with(|list| {
                list.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        })
    };
    let text = move |get: fn(&SignupForm) -> String| Signal::derive(move || form.with(get));
    let set = move |put: fn(&mut SignupForm, String)| {
        Callback::new(move |v: String| form.update(|f| put(f, v)))
    };

    view! {
        <div class="wrap page">
            <PageHeading title description="How an organisation can join the coalition." />
            {move || match finish.get() {
                Finish::Thanks => view! { <Sent on_again=move || finish.set(Finish::Editing) /> }.into_any(),
                Finish::Email(answers) => {
                    view! { <EmailInstead answers=*answers on_back=move || finish.set(Finish::Editing) /> }.into_any()
                }
                Finish::Editing => ().into_any(),
            }}
            <div hidden=move || finish.get() != Finish::Editing>
                <p class="lead">
                    "Organisations that share our aims can join the coalition. It takes about five minutes."
                </p>
                <ByEmail />
                <NotKeptNotice form />
                <EndedRequests current=id on_use=Callback::new(use_answers) />
                <ErrorSummary errors summary_ref />
                <Status
                    progress=Signal::derive(move || progress.get())
                    note
                    on_cancel=Callback::new(move |()| {
                        outbox::forget(outbox, vec![id.get_untracked()]);
                        new_request();
                    })
                />
                <div hidden=move || post().is_some()>
                    <NeedsScript what="Sending this form" shown="please join by email instead" />
                </div>
                // Posted, never as a query string: without the app, answers must not land in an
                // address. A service that takes plain posts gets them straight from the built page.
                <form
                    class="join-form"
                    method="post"
                    novalidate
                    action=move || post().map(|p| p.action)
                    on:submit=submit
                >
                    {move || {
                        post()
                            .map(|p| {
                                p.hidden
                                    .into_iter()
                                    .map(|(name, value)| view! { <input type="hidden" name=name value=value /> })
                                    .collect_view()
                            })
                    }}
                    <TextField
                        id=Field::OrgName.id()
                        label="Organisation name"
                        autocomplete="organization"
                        value=text(|f| f.org_name.clone())
                        on_input=set(|f, v| f.org_name = v)
                        error=error_for(Field::OrgName)
                    />
                    <ChoiceGroup
                        id=Field::OrgType.id()
                        legend="What type of organisation is it?"
                        multiple=false
                        options=OrgType::ALL.iter().map(|t| (t.key(), t.label())).collect()
                        chosen=Callback::new(move |key: &'static str| form.with(|f| f.org_type == key))
                        on_change=Callback::new(move |(key, on): (&'static str, bool)| {
                            if on {
                                form.update(|f| f.org_type = key.to_string());
                            }
                        })
                        error=error_for(Field::OrgType)
                    >
                        <div
                            class="conditional"
                            hidden=move || form.with(|f| f.org_type != OrgType::Other.key())
                        >
                            <TextField
                                id=Field::OrgTypeOther.id()
                                label="Type of organisation"
                                value=text(|f| f.org_type_other.clone())
                                on_input=set(|f, v| f.org_type_other = v)
                                error=error_for(Field::OrgTypeOther)
                            />
                        </div>
                    </ChoiceGroup>
                    <ChoiceGroup
                        id=Field::Nations.id()
                        legend="Where does your organisation work?"
                        hint="Select all that apply."
                        multiple=true
                        options=Nation::ALL.iter().map(|n| (n.key(), n.label())).collect()
                        chosen=Callback::new(move |key: &'static str| form.with(|f| f.nations.iter().any(|n| n == key)))
                        on_change=Callback::new(move |(key, on): (&'static str, bool)| {
                            form.update(|f| {
                                f.nations.retain(|n| n != key);
                                if on {
                                    f.nations.push(key.to_string());
                                }
                            })
                        })
                        error=error_for(Field::Nations)
                    />
                    <RegisterFields form error_for />
                    <TextField
                        id=Field::Website.id()
                        label="Website"
                        input_type="url"
                        autocomplete="url"
                        optional=true
                        value=text(|f| f.website.clone())
                        on_input=set(|f, v| f.website = v)
                        error=error_for(Field::Website)
                    />
                    <h2 class="form-section">"Who should we contact?"</h2>
                    <TextField
                        id=Field::ContactName.id()
                        label="Full name"
                        autocomplete="name"
                        value=text(|f| f.contact_name.clone())
                        on_input=set(|f, v| f.contact_name = v)
                        error=error_for(Field::ContactName)
                    />
                    <TextField
                        id=Field::Role.id()
                        label="Role"
                        autocomplete="organization-title"
                        optional=true
                        value=text(|f| f.role.clone())
                        on_input=set(|f, v| f.role = v)
                        error=error_for(Field::Role)
                    />
                    <TextField
                        id=Field::Email.id()
                        label="Email address"
                        hint="We will only use this to contact you about the coalition."
                        input_type="email"
                        autocomplete="email"
                        value=text(|f| f.email.clone())
                        on_input=set(|f, v| f.email = v)
                        error=error_for(Field::Email)
                    />
                    <TextField
                        id=Field::Phone.id()
                        label="Phone number"
                        input_type="tel"
                        autocomplete="tel"
                        optional=true
                        value=text(|f| f.phone.clone())
                        on_input=set(|f, v| f.phone = v)
                        error=error_for(Field::Phone)
                    />
                    <TextArea
                        id=Field::Support.id()
                        label="How will your organisation support the coalition?"
                        hint="For example, sharing our updates, or telling us what your members see."
                        max_chars
                        value=text(|f| f.support.clone())
                        on_input=set(|f, v| f.support = v)
                        error=error_for(Field::Support)
                    />
                    <h2 class="form-section">"Your choices"</h2>
                    <CheckboxField
                        id=Field::Privacy.id()
                        checked=Signal::derive(move || form.with(|f| f.privacy))
                        on_change=Callback::new(move |on| form.update(|f| f.privacy = on))
                        error=error_for(Field::Privacy)
                    >
                        "I have read and agree to the "
                        <A href="/privacy">"privacy notice"</A>
                    </CheckboxField>
                    <CheckboxField
                        id="listed"
                        hint="We will show your organisation's name, type and where it works."
                        checked=Signal::derive(move || form.with(|f| f.listed))
                        on_change=Callback::new(move |on| form.update(|f| f.listed = on))
                    >
                        "List our organisation on the members page (optional)"
                    </CheckboxField>
                    <CheckboxField
                        id="updates"
                        checked=Signal::derive(move || form.with(|f| f.updates))
                        on_change=Callback::new(move |on| form.update(|f| f.updates = on))
                    >
                        "Send us updates about the campaign by email (optional)"
                    </CheckboxField>
                    <div class="hp" aria-hidden="true">
                        <label for="fax-number">"Leave this empty"</label>
                        <input
                            id="fax-number"
                            name=HONEYPOT
                            type="text"
                            tabindex="-1"
                            autocomplete="off"
                            on:input:target=move |ev| honeypot.set(ev.target().value())
                        />
                    </div>
                    <div class="button-row">
                        <button
                            type="submit"
                            class="button"
                            aria-disabled=move || {
                                progress.get().is_some_and(|p| p.is_busy()).then_some("true")
                            }
                        >
                            "Send request to join"
                        </button>
                        <button
                            type="button"
                            class="button button-secondary"
                            on:click=move |_| {
                                if outbox::kept(&id.get_untracked()).is_some() {
                                    asking_to_clear.set(true);
                                } else {
                                    clear(false);
                                }
                            }
                        >
                            "Clear form"
                        </button>
                    </div>
                    <ClearQuestion asking=asking_to_clear on_answer=Callback::new(clear) />
                </form>
            </div>
        </div>
    }
}

/// The way to join that needs no form at all, for anyone who prefers it or cannot use it.
#[component]
fn ByEmail() -> impl IntoView {
    let site = use_site();
    move || {
        site.get().map(|s| {
            view! {
                <p>
                    "You can also join by email: send your organisation's name, where it works and who we should contact to "
                    <a href=format!("mailto:{}", s.contact_email)>{s.contact_email.clone()}</a> "."
                </p>
            }
        })
    }
}
